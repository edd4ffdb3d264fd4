/* Header, footer and overlays shared by the screens. */
#include <stdio.h>

#include "schedule.h"
#include "screen.h"

static void chrome_header(struct ui *ui)
{
    const struct layout *L = &ui->L;
    const struct theme *t = &ui->theme;
    ui_fill(ui, L->header, t->header_bg);
    struct rect band = layout_inset(L->header, L->margin / 2);
    band.x += L->margin / 2;
    band.w -= L->margin;
    char clock[16] = "";
    if (ui->view && ui->view->wall > 0) {
        struct schedule_local lt;
        schedule_local_time(ui->view->wall, &lt);
        snprintf(clock, sizeof clock, "%d:%02d", lt.hour, lt.min);
    }
    struct rect clock_r = layout_take_right(&band, layout_mm(&ui->L, 30), L->gap);
    ui_text(ui, clock, LAYOUT_FONT_TITLE, t->header_text, clock_r,
            UI_ALIGN_RIGHT | UI_VCENTER | UI_BOLD, 1);
    const char *title = ui->cfg ? ui_lt(ui, &ui->cfg->kiosk.title) : "";
    ui_text(ui, title, LAYOUT_FONT_LABEL, t->header_text, band, UI_VCENTER | UI_BOLD, 2);
}

static int chrome_count_buttons(const struct ui *ui, int flags)
{
    int n = 0;
    n += (flags & CHROME_BACK) ? 1 : 0;
    n += (flags & CHROME_HOME) ? 1 : 0;
    n += (flags & CHROME_A11Y) ? 2 : 0;
    if ((flags & CHROME_LANGS) && ui->cfg && ui->cfg->kiosk.n_languages > 1)
        n += ui->cfg->kiosk.n_languages;
    return n;
}

static void chrome_nav(struct ui *ui, struct rect *row, int flags, int bw)
{
    if (flags & CHROME_BACK)
        ui_button(ui, layout_take_left(row, bw, ui->L.gap), ui_str(ui, I18N_BACK),
                  UI_BUTTON_SECONDARY, APP_ACT_BACK, 0);
    if (flags & CHROME_HOME)
        ui_button(ui, layout_take_left(row, bw, ui->L.gap), ui_str(ui, I18N_HOME),
                  UI_BUTTON_SECONDARY, APP_ACT_HOME, 0);
}

static void chrome_a11y(struct ui *ui, const struct app_state *st, struct rect *row, int bw)
{
    ui_button(ui, layout_take_right(row, bw, ui->L.gap), ui_str(ui, I18N_LARGE_TEXT),
              st->large_text ? UI_BUTTON_PRIMARY : UI_BUTTON_SECONDARY,
              APP_ACT_TOGGLE_LARGE, 0);
    ui_button(ui, layout_take_right(row, bw, ui->L.gap), ui_str(ui, I18N_HIGH_CONTRAST),
              st->high_contrast ? UI_BUTTON_PRIMARY : UI_BUTTON_SECONDARY,
              APP_ACT_TOGGLE_CONTRAST, 0);
}

/* Language buttons: each language's name in itself, the current one marked. */
static void chrome_langs(struct ui *ui, const struct app_state *st, struct rect row)
{
    int n = ui->cfg->kiosk.n_languages;
    struct rect cells[CONFIG_MAX_LANGS];
    layout_row(row, n, ui->L.gap, cells);
    for (int i = 0; i < n; i++)
        ui_button(ui, cells[i], i18n_endonym(ui->cfg->kiosk.languages[i]),
                  i == st->lang_index ? UI_BUTTON_PRIMARY : UI_BUTTON_SECONDARY,
                  APP_ACT_LANG, i);
}

/* The footer: one row when every button gets at least two targets' width,
 * else navigation and toggles above the languages. Returns the rect taken. */
static struct rect chrome_footer(struct ui *ui, const struct app_state *st, int flags,
                                 struct rect *content)
{
    const struct layout *L = &ui->L;
    int n = chrome_count_buttons(ui, flags);
    int bh = L->target_min;
    struct rect area = layout_inset(L->footer, L->margin / 2);
    int one_row = n * (2 * L->target_min + L->gap) <= area.w;
    if (!one_row) {
        struct rect extra = layout_take_bottom(content, bh + L->gap, 0);
        area.y = extra.y;
        area.h += extra.h;
    }
    ui_fill(ui, (struct rect){0, area.y - L->margin / 2, L->w, L->h - area.y + L->margin / 2},
            ui->theme.surface);
    struct rect row = layout_center(area, area.w, one_row ? bh : 2 * bh + L->gap);
    struct rect top = one_row ? row : layout_take_top(&row, bh, L->gap);
    int has_langs = (flags & CHROME_LANGS) && ui->cfg && ui->cfg->kiosk.n_languages > 1;
    int bw = (area.w - (n - 1) * L->gap) / (n > 0 ? n : 1);
    if (!one_row)
        bw = (area.w - 3 * L->gap) / 4;
    top.h = bh;
    chrome_nav(ui, &top, flags, bw);
    if (flags & CHROME_A11Y)
        chrome_a11y(ui, st, &top, bw);
    if (has_langs)
        chrome_langs(ui, st, one_row ? top : layout_take_top(&row, bh, 0));
    return area;
}

struct rect chrome_draw(struct ui *ui, const struct app_state *st, const char *heading,
                        int flags)
{
    const struct layout *L = &ui->L;
    chrome_header(ui);
    struct rect content = L->content;
    chrome_footer(ui, st, flags, &content);
    if (heading && *heading) {
        int h = ui->L.font_px[LAYOUT_FONT_TITLE] * 3 / 2;
        struct rect head = layout_take_top(&content, h, L->gap);
        ui_text(ui, heading, LAYOUT_FONT_TITLE, ui->theme.text, head, UI_VCENTER | UI_BOLD, 1);
    }
    return content;
}

void chrome_idle_overlay(struct ui *ui, const struct app_state *st)
{
    const struct layout *L = &ui->L;
    const struct theme *t = &ui->theme;
    SDL_SetRenderDrawBlendMode(ui->r, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(ui->r, (Uint8)(t->overlay >> 16), (Uint8)(t->overlay >> 8),
                           (Uint8)t->overlay, 170);
    SDL_RenderFillRect(ui->r, NULL);
    SDL_SetRenderDrawBlendMode(ui->r, SDL_BLENDMODE_NONE);
    struct rect all = {0, 0, L->w, L->h};
    ui_target(ui, all, APP_ACT_CONTINUE, 0); /* a touch anywhere continues */
    int w = L->w * 2 / 3, h = L->h / 2;
    if (L->portrait)
        h = L->h / 3;
    struct rect box = layout_center(all, w, h);
    ui_fill_rounded(ui, box, layout_mm(L, 4), t->surface);
    struct rect in = layout_inset(box, L->margin);
    struct rect btn = layout_take_bottom(&in, L->target_min * 3 / 2, L->gap);
    btn = layout_center(btn, in.w * 2 / 3, btn.h);
    ui_text(ui, ui_str(ui, I18N_STILL_THERE), LAYOUT_FONT_HUGE, t->text,
            layout_take_top(&in, in.h / 2, 0), UI_ALIGN_CENTER | UI_VCENTER | UI_BOLD, 2);
    char line[160];
    int left = (int)(app_idle_remaining(st, ui->view->mono) + 0.999);
    i18n_format(line, sizeof line, ui->lang, I18N_RESET_IN, left);
    ui_text(ui, line, LAYOUT_FONT_LABEL, t->text, in, UI_ALIGN_CENTER | UI_VCENTER, 2);
    ui_button(ui, btn, ui_str(ui, I18N_CONTINUE), UI_BUTTON_PRIMARY, APP_ACT_CONTINUE, 0);
}
