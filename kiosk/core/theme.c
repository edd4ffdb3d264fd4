#include "theme.h"

#include <math.h>
#include <stddef.h>

/* Calm: a light grey-blue page, the deep blue of a winter sky for the
 * title bar and main actions; the municipalities bring their own colours. */
void theme_get(struct theme *t, int high_contrast)
{
    if (high_contrast) {
        *t = (struct theme){.bg = 0x000000, .surface = 0x111111, .text = 0xFFFFFF,
                            .text_muted = 0xFFFF66, .accent_text = 0x66FFFF, .header_bg = 0x000000,
                            .header_text = 0xFFFFFF, .primary = 0xFFFF00,
                            .primary_text = 0x000000, .secondary = 0x000000,
                            .secondary_text = 0xFFFFFF, .pressed = 0x00FFFF,
                            .pressed_text = 0x000000, .border = 0xFFFFFF, .control_edge = 0xFFFFFF, .ok = 0x7CFC7C,
                            .busy = 0xFFB000, .closed = 0xCCCCCC, .badge_text = 0x000000,
                            .danger = 0xFF6060, .danger_text = 0x000000, .overlay = 0x000000,
                            .shadow = 0x000000, .chart_base = 0xBBBBBB,
                            .chart_actual = 0x7CFC7C, .chart_target = 0xFFFF00,
                            .chip = 0x000000, .chip_text = 0xFFFFFF,
                            .focus = 0xFF66FF, .focus_halo = 0x000000};
        return;
    }
    *t = (struct theme){.bg = 0xF2F5F8, .surface = 0xFFFFFF, .text = 0x1B2430,
                        .text_muted = 0x4A5565, .accent_text = 0x0B5CAD, .header_bg = 0x0B3D6E,
                        .header_text = 0xFFFFFF, .primary = 0x0B5CAD,
                        .primary_text = 0xFFFFFF, .secondary = 0xFFFFFF,
                        .secondary_text = 0x0B3D6E, .pressed = 0x06325E,
                        .pressed_text = 0xFFFFFF, .border = 0xB8C3D1,
                        .control_edge = 0x6E7C90, .ok = 0x1B7A3A,
                        .busy = 0x9A4F00, .closed = 0x5A6472, .badge_text = 0xFFFFFF,
                        .danger = 0xB3261E, .danger_text = 0xFFFFFF, .overlay = 0x1B2430,
                        .shadow = 0xCDD5DF, .chart_base = 0x8A97A8, .chart_actual = 0x2E8B57,
                        .chart_target = 0x0B5CAD, .chip = 0xE3EAF2, .chip_text = 0x1B2430,
                        .focus = 0xB3400A, .focus_halo = 0xFFFFFF};
}

int theme_text_pairs(const struct theme *t, struct theme_pair *out, int max)
{
    const struct theme_pair all[] = {
        {"text/bg", t->text, t->bg},
        {"text/surface", t->text, t->surface},
        {"text_muted/bg", t->text_muted, t->bg},
        {"text_muted/surface", t->text_muted, t->surface},
        {"accent_text/bg", t->accent_text, t->bg},
        {"accent_text/surface", t->accent_text, t->surface},
        {"header_text/header_bg", t->header_text, t->header_bg},
        {"primary_text/primary", t->primary_text, t->primary},
        {"secondary_text/secondary", t->secondary_text, t->secondary},
        {"pressed_text/pressed", t->pressed_text, t->pressed},
        {"badge_text/ok", t->badge_text, t->ok},
        {"badge_text/busy", t->badge_text, t->busy},
        {"badge_text/closed", t->badge_text, t->closed},
        {"danger_text/danger", t->danger_text, t->danger},
        {"chip_text/chip", t->chip_text, t->chip},
        {"ok/surface (tile badges)", t->ok, t->surface},
        {"busy/surface (tile badges)", t->busy, t->surface},
        {"closed/surface (tile badges)", t->closed, t->surface},
        {"text/chip (countdown track)", t->text, t->chip},
        {"text/overlay-dialog(surface)", t->text, t->surface},
    };
    int n = 0;
    for (size_t i = 0; i < sizeof all / sizeof all[0] && (size_t)n < (size_t)max; i++)
        out[n++] = all[i];
    return n;
}

int theme_focus_neighbours(const struct theme *t, struct theme_pair *out, int max)
{
    const struct theme_pair all[] = {
        {"bg", t->focus, t->bg},           {"surface", t->focus, t->surface},
        {"header_bg", t->focus, t->header_bg}, {"primary", t->focus, t->primary},
        {"secondary", t->focus, t->secondary}, {"pressed", t->focus, t->pressed},
        {"danger", t->focus, t->danger},   {"border", t->focus, t->border},
        {"chip", t->focus, t->chip},       {"overlay", t->focus, t->overlay},
    };
    int n = 0;
    for (size_t i = 0; i < sizeof all / sizeof all[0] && n < max; i++)
        out[n++] = all[i];
    return n;
}

int theme_control_pairs(const struct theme *t, struct theme_pair *out, int max)
{
    const struct theme_pair all[] = {
        {"control_edge/bg (secondary, language, back buttons)", t->control_edge, t->bg},
        {"control_edge/surface (a button on a card)", t->control_edge, t->surface},
        {"primary/bg", t->primary, t->bg},
        {"primary/surface", t->primary, t->surface},
        {"danger/bg (end call)", t->danger, t->bg},
        {"pressed/bg", t->pressed, t->bg},
    };
    int n = 0;
    for (size_t i = 0; i < sizeof all / sizeof all[0] && n < max; i++)
        out[n++] = all[i];
    return n;
}

static double theme_channel(uint32_t c, int shift)
{
    double v = ((c >> shift) & 0xFF) / 255.0;
    return v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
}

static double theme_luminance(uint32_t c)
{
    return 0.2126 * theme_channel(c, 16) + 0.7152 * theme_channel(c, 8) +
           0.0722 * theme_channel(c, 0);
}

double theme_contrast(uint32_t a, uint32_t b)
{
    double la = theme_luminance(a), lb = theme_luminance(b);
    double hi = la > lb ? la : lb, lo = la > lb ? lb : la;
    return (hi + 0.05) / (lo + 0.05);
}

uint32_t theme_text_on(uint32_t bg)
{
    return theme_contrast(bg, 0xFFFFFF) >= theme_contrast(bg, 0x1B2430) ? 0xFFFFFF : 0x1B2430;
}
