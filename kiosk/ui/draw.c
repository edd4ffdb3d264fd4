/* Drawing primitives, text boxes and buttons for all screens. */
#include <string.h>

#include "textwrap.h"
#include "ui.h"

#define UI_MAX_LINES 12

static void ui_color(struct ui *ui, uint32_t rgb)
{
    SDL_SetRenderDrawColor(ui->r, (Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, 255);
}

static void ui_check_inside(struct ui *ui, struct rect r)
{
    struct rect win = {0, 0, ui->L.w, ui->L.h};
    if (r.w > 0 && r.h > 0 && !layout_inside(r, win))
        ui->outside_count++;
}

void ui_begin(struct ui *ui, int w, int h, const struct app_state *st,
              const struct ui_view *view)
{
    ui->high_contrast = st->high_contrast;
    ui->large_text = st->large_text;
    ui->cfg = st->cfg;
    ui->lang = app_lang(st);
    ui->view = view;
    layout_compute(&ui->L, w, h, st->cfg ? st->cfg->kiosk.display_inches : 0, st->large_text);
    theme_get(&ui->theme, st->high_contrast);
    ui->n_targets = 0;
    ui->overflow_count = ui->missing_glyphs = ui->outside_count = 0;
    ui->last_overflow[0] = '\0';
    ui_color(ui, ui->theme.bg);
    SDL_RenderClear(ui->r);
}

void ui_fill(struct ui *ui, struct rect r, uint32_t rgb)
{
    ui_check_inside(ui, r);
    ui_color(ui, rgb);
    SDL_Rect sr = {r.x, r.y, r.w, r.h};
    SDL_RenderFillRect(ui->r, &sr);
}

/* Rounded corners from horizontal spans: cheap on the software renderer. */
void ui_fill_rounded(struct ui *ui, struct rect r, int radius, uint32_t rgb)
{
    ui_check_inside(ui, r);
    if (radius * 2 > r.h)
        radius = r.h / 2;
    if (radius * 2 > r.w)
        radius = r.w / 2;
    ui_color(ui, rgb);
    SDL_Rect mid = {r.x, r.y + radius, r.w, r.h - 2 * radius};
    SDL_RenderFillRect(ui->r, &mid);
    for (int i = 0; i < radius; i++) {
        double dy = radius - i - 0.5;
        int inset = radius - (int)(SDL_sqrt((double)radius * radius - dy * dy) + 0.5);
        SDL_Rect top = {r.x + inset, r.y + i, r.w - 2 * inset, 1};
        SDL_Rect bot = {r.x + inset, r.y + r.h - 1 - i, r.w - 2 * inset, 1};
        SDL_RenderFillRect(ui->r, &top);
        SDL_RenderFillRect(ui->r, &bot);
    }
}

void ui_frame(struct ui *ui, struct rect r, int t, uint32_t rgb)
{
    ui_color(ui, rgb);
    SDL_Rect s[4] = {{r.x, r.y, r.w, t}, {r.x, r.y + r.h - t, r.w, t},
                     {r.x, r.y, t, r.h}, {r.x + r.w - t, r.y, t, r.h}};
    SDL_RenderFillRects(ui->r, s, 4);
}

struct ui_measure_ctx {
    struct ui *ui;
    int px, bold;
};

static int ui_measure(void *ctx, const char *s, size_t len)
{
    struct ui_measure_ctx *m = ctx;
    return text_measure(m->ui->text, m->ui->lang, s, len, m->px, m->bold);
}

static void ui_blit_line(struct ui *ui, const char *s, size_t len, int px, int bold,
                         uint32_t rgb, int x, int y)
{
    char buf[1024];
    if (len >= sizeof buf)
        len = sizeof buf - 1;
    memcpy(buf, s, len);
    buf[len] = '\0';
    int w, h, missing = 0;
    SDL_Texture *t = text_cache_get(ui->text, ui->lang, buf, px, bold, rgb, &w, &h, &missing);
    ui->missing_glyphs += missing;
    if (!t)
        return;
    SDL_Rect dst = {x, y, w, h};
    ui_check_inside(ui, (struct rect){x, y, w, h});
    SDL_RenderCopy(ui->r, t, NULL, &dst);
}

int ui_text_px(struct ui *ui, const char *text, int px, uint32_t rgb, struct rect box,
               int flags, int max_lines)
{
    if (!text || !*text || box.w <= 0)
        return 0;
    struct ui_measure_ctx m = {ui, px, (flags & UI_BOLD) != 0};
    struct textwrap_line lines[UI_MAX_LINES];
    if (max_lines > UI_MAX_LINES)
        max_lines = UI_MAX_LINES;
    int n = 0, overflow = 1, lh = px;
    /* Shrink in steps until the text fits its box, down to 70 %. */
    for (int step = 0; step < 4 && overflow; step++) {
        m.px = px * (10 - step) / 10;
        lh = text_line_height(ui->text, ui->lang, m.px, m.bold);
        int fit_lines = box.h / (lh > 0 ? lh : 1);
        int want = fit_lines < max_lines ? fit_lines : max_lines;
        if (want < 1)
            want = 1;
        n = textwrap(text, box.w, ui_measure, &m, lines, want, &overflow);
        if (n * lh > box.h && step < 3)
            overflow = 1;
    }
    if (overflow) {
        ui->overflow_count++;
        snprintf(ui->last_overflow, sizeof ui->last_overflow, "%s", text);
    }
    int total = n * lh;
    int y = box.y;
    if (flags & UI_VCENTER)
        y = box.y + (box.h - total) / 2;
    for (int i = 0; i < n; i++) {
        int x = box.x;
        if ((flags & 3) == UI_ALIGN_CENTER)
            x = box.x + (box.w - lines[i].width) / 2;
        else if ((flags & 3) == UI_ALIGN_RIGHT)
            x = box.x + box.w - lines[i].width;
        ui_blit_line(ui, text + lines[i].start, lines[i].len, m.px, m.bold, rgb, x, y);
        y += lh;
    }
    return total;
}

int ui_text(struct ui *ui, const char *text, enum layout_font font, uint32_t rgb,
            struct rect box, int flags, int max_lines)
{
    return ui_text_px(ui, text, ui->L.font_px[font], rgb, box, flags, max_lines);
}

void ui_target(struct ui *ui, struct rect r, enum app_action action, int arg)
{
    if (ui->n_targets < UI_MAX_TARGETS)
        ui->targets[ui->n_targets++] = (struct ui_target){r, {action, arg}};
}

int ui_is_pressed(const struct ui *ui, struct rect r, enum app_action action, int arg)
{
    return ui->pressed_valid && ui->pressed.t.action == action && ui->pressed.t.arg == arg &&
           ui->pressed.r.x == r.x && ui->pressed.r.y == r.y;
}

void ui_button(struct ui *ui, struct rect r, const char *label, enum ui_button_style style,
               enum app_action action, int arg)
{
    const struct theme *t = &ui->theme;
    uint32_t bg = style == UI_BUTTON_PRIMARY ? t->primary
                  : style == UI_BUTTON_DANGER ? t->danger : t->secondary;
    uint32_t fg = style == UI_BUTTON_PRIMARY ? t->primary_text
                  : style == UI_BUTTON_DANGER ? t->danger_text : t->secondary_text;
    if (ui_is_pressed(ui, r, action, arg)) {
        bg = t->pressed;
        fg = t->pressed_text;
    }
    int radius = layout_mm(&ui->L, 3);
    ui_fill_rounded(ui, r, radius, style == UI_BUTTON_SECONDARY ? t->border : bg);
    if (style == UI_BUTTON_SECONDARY)
        ui_fill_rounded(ui, layout_inset(r, 2), radius - 2, bg);
    int pad = layout_mm(&ui->L, 2);
    ui_text(ui, label, LAYOUT_FONT_LABEL, fg, layout_inset(r, pad),
            UI_ALIGN_CENTER | UI_VCENTER | UI_BOLD, 2);
    ui_target(ui, r, action, arg);
}

const struct ui_target *ui_hit(const struct ui *ui, int x, int y)
{
    /* Last registered wins: overlays are drawn (and registered) on top. */
    for (int i = ui->n_targets - 1; i >= 0; i--)
        if (layout_contains(ui->targets[i].r, x, y))
            return &ui->targets[i];
    return NULL;
}

const char *ui_str(const struct ui *ui, enum i18n_key key) { return i18n_ui(key, ui->lang); }

const char *ui_lt(const struct ui *ui, const struct ltext *t)
{
    return ltext_get(t, ui->lang, ui->cfg ? ui->cfg->kiosk.default_language : "ja");
}
