/* Home: the area's identity (title, tagline, the 12 names in their
 * colours), a showcase card, and three large ways in, low on the screen.
 * Before anyone touches it, the card turns through "touch to start" in
 * every language and the regional services (the attract loop), and a
 * touch anywhere starts. */
#include "screen.h"

#define HOME_MAX_IDS 64

/* Which page of the attract loop shows: 0 = welcome, k = service k-1. */
static int home_page(const struct ui *ui, const struct app_state *st)
{
    int n = 1 + (ui->cfg ? ui->cfg->n_services : 0);
    if (!screen_attract(st) || !ui->view)
        return 0;
    double since = ui->view->mono - st->screen_since;
    long k = since > 0 ? (long)(since / SCREEN_ATTRACT_S) : 0;
    return (int)(k % n);
}

/* "Welcome", then "touch to start" in every language, each in its own
 * fonts, the current one highlighted. */
static void home_welcome(struct ui *ui, struct rect r)
{
    int n = ui->cfg ? ui->cfg->kiosk.n_languages : 0;
    if (n <= 0)
        return;
    struct rect head = layout_take_top(&r, ui->L.font_px[LAYOUT_FONT_TITLE] * 2, ui->L.gap);
    ui_text(ui, ui_str(ui, I18N_WELCOME), LAYOUT_FONT_TITLE, ui->theme.text, head,
            UI_ALIGN_CENTER | UI_VCENTER | UI_BOLD, 1);
    ui_fill(ui, (struct rect){head.x + head.w / 3, head.y + head.h, head.w / 3, 2},
            ui->theme.border);
    struct rect rows[CONFIG_MAX_LANGS];
    int cols = n > 3 && !ui->L.portrait ? 2 : 1;
    int nrows = (n + cols - 1) / cols;
    int row_h = ui->L.font_px[LAYOUT_FONT_LABEL] * 5 / 2;
    if (nrows * row_h < r.h)
        r = layout_center(r, r.w, nrows * row_h);
    layout_column(r, nrows, 0, rows);
    for (int i = 0; i < n; i++) {
        const char *lang = ui->cfg->kiosk.languages[i];
        struct rect cells[2];
        layout_row(rows[i / cols], cols, ui->L.gap, cells);
        int current = lang == ui->lang;
        ui_text_lang(ui, lang, i18n_ui(I18N_TOUCH_TO_START, lang), LAYOUT_FONT_LABEL,
                     current ? ui->theme.accent_text : ui->theme.text, cells[i % cols],
                     UI_ALIGN_CENTER | UI_VCENTER | (current ? UI_BOLD : 0) | UI_TIGHT, 2);
    }
}

static void home_service(struct ui *ui, int idx, struct rect r)
{
    const struct layout *L = &ui->L;
    const struct config_service *s = &ui->cfg->services[idx];
    ui_text(ui, ui_str(ui, I18N_REGIONAL_SERVICES), LAYOUT_FONT_SMALL, ui->theme.accent_text,
            layout_take_top(&r, ui_lines_height(ui, LAYOUT_FONT_SMALL, 1), L->gap / 2), UI_BOLD, 1);
    struct rect tr = layout_take_top(&r, L->font_px[LAYOUT_FONT_TITLE] * 12 / 5, L->gap / 2);
    const char *title = ui_lt(ui, &s->title);
    int flags = UI_BOLD | UI_TIGHT | UI_VCENTER;
    ui_text(ui, title, ui_font_that_fits(ui, title, LAYOUT_FONT_TITLE, tr, flags, 2),
            ui->theme.text, tr, flags, 2);
    int ids[HOME_MAX_IDS], n = 0;
    for (int i = 0; i < s->n_municipalities && n < HOME_MAX_IDS; i++) {
        int m = config_find_municipality(ui->cfg, s->municipalities[i]);
        if (m >= 0)
            ids[n++] = m;
    }
    struct rect hint = layout_take_bottom(&r, ui_lines_height(ui, LAYOUT_FONT_LABEL, 1), L->gap);
    ui_text(ui, ui_str(ui, I18N_TOUCH_TO_START), LAYOUT_FONT_LABEL, ui->theme.accent_text, hint,
            UI_ALIGN_CENTER | UI_VCENTER | UI_BOLD, 1);
    if (n > 0) {
        int chips_h = 2 * (L->font_px[LAYOUT_FONT_BODY] * 3 / 2 + layout_mm(L, 4.5));
        struct rect chips = layout_take_bottom(&r, chips_h, L->gap / 2);
        chrome_chips(ui, ids, n, chips, 0);
    }
    ui_text(ui, ui_lt(ui, &s->body), LAYOUT_FONT_BODY, ui->theme.text, r, UI_ELLIPSIS, 8);
}

/* The showcase card with page dots under it. */
static void home_card(struct ui *ui, const struct app_state *st, struct rect r)
{
    const struct layout *L = &ui->L;
    int pages = 1 + (ui->cfg ? ui->cfg->n_services : 0);
    int page = home_page(ui, st);
    int dot = layout_mm(L, 2.2);
    struct rect dots = layout_take_bottom(&r, screen_attract(st) ? dot : 0, L->gap / 2);
    ui_fill_rounded(ui, (struct rect){r.x, r.y + layout_mm(L, 1), r.w, r.h}, layout_mm(L, 4),
                    ui->theme.shadow);
    ui_fill_rounded(ui, (struct rect){r.x, r.y, r.w, r.h - layout_mm(L, 1)}, layout_mm(L, 4),
                    ui->theme.surface);
    if (ui->high_contrast)
        ui_frame(ui, r, 2, ui->theme.border);
    struct rect in = layout_inset(r, layout_mm(L, 5));
    if (page == 0)
        home_welcome(ui, in);
    else
        home_service(ui, page - 1, in);
    if (!screen_attract(st))
        return;
    int w = pages * dot + (pages - 1) * dot;
    for (int i = 0; i < pages; i++) {
        struct rect d = {dots.x + (dots.w - w) / 2 + i * 2 * dot, dots.y, dot, dot};
        ui_fill_rounded(ui, d, dot / 2, i == page ? ui->theme.primary : ui->theme.border);
    }
}

static void home_identity(struct ui *ui, struct rect r)
{
    const struct layout *L = &ui->L;
    const char *tagline = ui->cfg ? ui_lt(ui, &ui->cfg->kiosk.tagline) : "";
    const char *title = ui->cfg ? ui_lt(ui, &ui->cfg->kiosk.title) : "";
    int ids[HOME_MAX_IDS], n = ui->cfg ? ui->cfg->n_municipalities : 0;
    n = n > HOME_MAX_IDS ? HOME_MAX_IDS : n;
    for (int i = 0; i < n; i++)
        ids[i] = i;
    int chips_h = 3 * (L->font_px[LAYOUT_FONT_BODY] * 3 / 2 + layout_mm(L, 4.5));
    struct rect chips = layout_take_bottom(&r, chips_h, L->gap);
    chrome_chips(ui, ids, n, chips, L->portrait);
    struct rect tag = layout_take_bottom(&r, L->font_px[LAYOUT_FONT_TITLE] * 2, L->gap);
    ui_text(ui, tagline, LAYOUT_FONT_TITLE, ui->theme.accent_text, tag,
            (L->portrait ? UI_ALIGN_CENTER : 0) | UI_VCENTER | UI_BOLD, 1);
    ui_text(ui, title, LAYOUT_FONT_HUGE, ui->theme.text, r,
            (L->portrait ? UI_ALIGN_CENTER : 0) | UI_VCENTER | UI_BOLD | UI_TIGHT, 3);
}

static void home_actions(struct ui *ui, struct rect r)
{
    struct rect cells[3];
    if (ui->L.portrait)
        layout_column(r, 3, ui->L.gap, cells);
    else
        layout_row(r, 3, ui->L.gap, cells);
    ui_button(ui, cells[0], ui_str(ui, I18N_MUNICIPALITIES), UI_BUTTON_PRIMARY,
              APP_ACT_MUNICIPALITIES, 0);
    ui_button(ui, cells[1], ui_str(ui, I18N_REGIONAL_SERVICES), UI_BUTTON_SECONDARY,
              APP_ACT_SERVICES, 0);
    ui_button(ui, cells[2], ui_str(ui, I18N_AREA_VISION), UI_BUTTON_SECONDARY, APP_ACT_KPI, 0);
}

static void home_draw(struct ui *ui, const struct app_state *st)
{
    const struct layout *L = &ui->L;
    struct rect c = chrome_draw(ui, st, NULL, CHROME_LANGS | CHROME_A11Y);
    /* Attract: a touch anywhere in the content starts (registered first,
     * so every button drawn later wins over it). */
    if (screen_attract(st))
        ui_target(ui, c, APP_ACT_START, 0);
    /* Primary actions in the lower part: reachable from a wheelchair. */
    int bh = L->target_min * 8 / 5;
    struct rect actions = layout_take_bottom(&c, L->portrait ? 3 * bh + 2 * L->gap : bh,
                                             L->gap * 2);
    home_actions(ui, actions);
    if (L->portrait) {
        struct rect top = layout_take_top(&c, c.h * 9 / 20, L->gap);
        home_identity(ui, top);
        home_card(ui, st, c);
    } else {
        struct rect left = layout_take_left(&c, c.w * 11 / 20, L->gap * 2);
        home_identity(ui, left);
        home_card(ui, st, c);
    }
}

const struct screen screen_home = {"home", home_draw};
