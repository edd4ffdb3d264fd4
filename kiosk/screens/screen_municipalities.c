/* The 12 municipalities as large tiles with their availability. */
#include "avail_badge.h"
#include "screen.h"

#define MUNIS_MAX 64

/* One tile; grouped: the information-only towns stand under their own
 * heading, so their tiles need not repeat it. */
static void munis_tile(struct ui *ui, int i, struct rect r, int grouped)
{
    const struct layout *L = &ui->L;
    const struct config_municipality *m = &ui->cfg->municipalities[i];
    int pressed = ui_is_pressed(ui, r, APP_ACT_MUNICIPALITY, i);
    uint32_t bg = ui->high_contrast ? ui->theme.surface : m->color;
    ui_fill_rounded(ui, r, layout_mm(L, 3), pressed ? ui->theme.pressed : bg);
    if (ui->high_contrast)
        ui_frame(ui, r, 3, ui->theme.border);
    uint32_t fg = pressed ? ui->theme.pressed_text : (ui->high_contrast ? ui->theme.text : theme_text_on(bg));
    struct rect in = layout_inset(r, layout_mm(L, 2.5));
    struct avail a;
    char line[160];
    avail_badge_get(ui, i, &a, line, sizeof line);
    int dot_w = L->font_px[LAYOUT_FONT_SMALL] * 3 / 2, pad = layout_mm(L, 1.5);
    int text_h = ui_text_height(ui, line, LAYOUT_FONT_SMALL, in.w - dot_w - 2 * pad, in.h / 2,
                                UI_BOLD | UI_TIGHT, 3);
    int bare = grouped && a.state == AVAIL_INFO_ONLY;
    struct rect badge = bare ? in : layout_take_bottom(&in, text_h + 2 * pad, layout_mm(L, 1));
    const char *name = ui_lt(ui, &m->name);
    int flags = UI_ALIGN_CENTER | UI_VCENTER | UI_BOLD | UI_TIGHT;
    if (m->emblem) { /* the emblem above the name, when the config has one */
        int side = in.h * 2 / 5;
        struct rect em = layout_take_top(&in, side, layout_mm(L, 1));
        ui_image(ui, m->emblem, layout_center(em, side, side));
    }
    ui_text(ui, name, ui_font_that_fits(ui, name, LAYOUT_FONT_TITLE, in, flags, 2), fg, in,
            flags, 2);
    if (a.state != AVAIL_INFO_ONLY) {
        /* A light pill on the tile's colour, the state in its colour on it. */
        int radius = badge.h / 2 < layout_mm(L, 4) ? badge.h / 2 : layout_mm(L, 4);
        ui_fill_rounded(ui, badge, radius, ui->theme.surface);
        if (ui->high_contrast)
            ui_frame(ui, badge, 2, ui->theme.border);
        struct rect dot = layout_take_left(&badge, dot_w, 0);
        int d = L->font_px[LAYOUT_FONT_SMALL] / 2;
        ui_fill_rounded(ui, layout_center(dot, d, d), d / 2, avail_badge_color(ui, &a));
        ui_text(ui, line, LAYOUT_FONT_SMALL, avail_badge_color(ui, &a),
                (struct rect){badge.x, badge.y + pad, badge.w - pad, badge.h - 2 * pad},
                UI_ALIGN_CENTER | UI_VCENTER | UI_BOLD | UI_TIGHT, 3);
    } else if (!bare) {
        ui_text(ui, line, LAYOUT_FONT_SMALL, fg, badge, UI_ALIGN_CENTER | UI_VCENTER, 2);
    }
    ui_target(ui, r, APP_ACT_MUNICIPALITY, i);
}

/* A group's heading, returns the rest of r. */
static struct rect munis_heading(struct ui *ui, enum i18n_key key, struct rect r)
{
    struct rect h = layout_take_top(&r, ui_lines_height(ui, LAYOUT_FONT_LABEL, 1), ui->L.gap / 2);
    ui_text(ui, ui_str(ui, key), LAYOUT_FONT_LABEL, ui->theme.text, h, UI_BOLD | UI_VCENTER, 1);
    return r;
}

/* The towns that take video calls first and large, under their heading;
 * the information-only towns after them, under theirs. */
static void munis_draw(struct ui *ui, const struct app_state *st)
{
    struct rect c = chrome_draw(ui, st, ui_str(ui, I18N_CHOOSE_MUNICIPALITY),
                                CHROME_HOME | CHROME_LANGS | CHROME_A11Y);
    int n = ui->cfg ? ui->cfg->n_municipalities : 0;
    if (n > MUNIS_MAX)
        n = MUNIS_MAX;
    int call[MUNIS_MAX], info[MUNIS_MAX], nc = 0, ni = 0;
    for (int i = 0; i < n; i++) {
        if (ui->cfg->municipalities[i].has_call)
            call[nc++] = i;
        else
            info[ni++] = i;
    }
    struct rect cells[MUNIS_MAX];
    const struct layout *L = &ui->L;
    /* Large text wants wide tiles: a name such as "Shinshinotsu Village" in
     * two lines of its size, never below the smallest text. */
    double aspect = ui->large_text ? 2.0 : 1.6;
    if (nc > 0 && ni > 0) {
        /* Callable tiles: one row, up to three targets tall. */
        /* Larger than an information-only tile: three targets tall (a
         * quarter of a portrait screen), as wide as the row in portrait. */
        int tall = L->portrait ? c.h / 4 : 3 * L->target_min;
        int tile_h = c.h * 2 / 5 > tall ? tall : c.h * 2 / 5;
        int row_h = ui_lines_height(ui, LAYOUT_FONT_LABEL, 1) + L->gap / 2 + tile_h;
        struct rect top =
            munis_heading(ui, I18N_VIDEO_TOWNS, layout_take_top(&c, row_h, L->gap * 2));
        int w = L->portrait ? top.w : nc * (top.h * 7 / 2) + (nc - 1) * L->gap;
        layout_grid((struct rect){top.x, top.y, w < top.w ? w : top.w, top.h}, nc, L->gap, 3.5,
                    2 * L->target_min, L->target_min, cells);
        for (int k = 0; k < nc; k++)
            munis_tile(ui, call[k], cells[k], 1);
        c = munis_heading(ui, I18N_INFO_TOWNS, c);
        layout_grid(c, ni, L->gap, aspect, 2 * L->target_min, L->target_min, cells);
        for (int k = 0; k < ni; k++)
            munis_tile(ui, info[k], cells[k], 1);
        return;
    }
    layout_grid(c, n, L->gap, aspect, 2 * L->target_min, L->target_min, cells);
    for (int i = 0; i < n; i++)
        munis_tile(ui, i, cells[i], 0);
}

const struct screen screen_municipalities = {"municipalities", munis_draw};
