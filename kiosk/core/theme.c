#include "theme.h"

#include <math.h>

void theme_get(struct theme *t, int high_contrast)
{
    if (high_contrast) {
        *t = (struct theme){.bg = 0x000000, .surface = 0x111111, .text = 0xFFFFFF,
                            .text_muted = 0xFFFF66, .accent_text = 0x66FFFF, .header_bg = 0x000000,
                            .header_text = 0xFFFFFF, .primary = 0xFFFF00,
                            .primary_text = 0x000000, .secondary = 0x000000,
                            .secondary_text = 0xFFFFFF, .pressed = 0x00FFFF,
                            .pressed_text = 0x000000, .border = 0xFFFFFF, .ok = 0x7CFC7C,
                            .busy = 0xFFB000, .closed = 0xCCCCCC, .badge_text = 0x000000,
                            .danger = 0xFF6060, .danger_text = 0x000000, .overlay = 0x000000};
        return;
    }
    *t = (struct theme){.bg = 0xF4F6F9, .surface = 0xFFFFFF, .text = 0x1B2430,
                        .text_muted = 0x4A5565, .accent_text = 0x0B5CAD, .header_bg = 0x0B3D6E,
                        .header_text = 0xFFFFFF, .primary = 0x0B5CAD,
                        .primary_text = 0xFFFFFF, .secondary = 0xFFFFFF,
                        .secondary_text = 0x0B3D6E, .pressed = 0x06325E,
                        .pressed_text = 0xFFFFFF, .border = 0xC5CDD8, .ok = 0x1B7A3A,
                        .busy = 0x9A4F00, .closed = 0x5A6472, .badge_text = 0xFFFFFF,
                        .danger = 0xB3261E, .danger_text = 0xFFFFFF, .overlay = 0x1B2430};
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
