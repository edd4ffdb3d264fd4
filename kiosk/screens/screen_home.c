/* Home: the area's identity (title, tagline, the 12 names in their
 * colours), a showcase card, and three large ways in, low on the screen.
 * Before anyone touches it, the card turns through "touch to start" in
 * every language and the regional services (the attract loop), and a
 * touch anywhere starts. */
#include <stdio.h>

#include "avail_badge.h"
#include "screen.h"

#define HOME_MAX_IDS 64
#define HOME_MAX_CALLABLE 3 /* towns with a call shown on home; the rest via Municipalities */

/* The municipalities with a video call, in config order, up to max. */
static int home_callable(const struct ui *ui, int *ids, int max)
{
    int n = 0;
    for (int i = 0; ui->cfg && i < ui->cfg->n_municipalities && n < max; i++)
        if (ui->cfg->municipalities[i].has_call)
            ids[n++] = i;
    return n;
}

/* Height of the video consultation block for n towns. */
static int home_video_h(struct ui *ui, int n)
{
    if (n == 0)
        return 0;
    return ui_lines_height(ui, LAYOUT_FONT_LABEL, 1) + ui->L.gap / 2 +
           n * (ui->L.target_min * 7 / 5 + ui->L.gap) - ui->L.gap;
}

/* The main task: talk to a clerk by video. Each callable town is a button
 * to its page with its live state ("Tobetsu Town — Available now · Open
 * until 17:30"); primary while a call can start, plain otherwise (the page
 * then offers the next step). */
static void home_video(struct ui *ui, const int *ids, int n, struct rect r)
{
    const struct layout *L = &ui->L;
    ui_text(ui, ui_str(ui, I18N_VIDEO_CONSULT), LAYOUT_FONT_LABEL, ui->theme.text,
            layout_take_top(&r, ui_lines_height(ui, LAYOUT_FONT_LABEL, 1), L->gap / 2),
            UI_BOLD | UI_VCENTER, 1);
    for (int k = 0; k < n; k++) {
        struct avail a;
        char state[160], label[320];
        avail_badge_get(ui, ids[k], &a, state, sizeof state);
        snprintf(label, sizeof label, "%s — %s", ui_lt(ui, &ui->cfg->municipalities[ids[k]].name),
                 state);
        int go = avail_callable(&a) && !(ui->view && ui->view->devices_block_call);
        struct rect b = layout_take_top(&r, L->target_min * 7 / 5, L->gap);
        /* The label drawn here, smaller when long (a holiday's line with
         * its reopening, large text): the button's own is one size. */
        ui_button(ui, b, "", go ? UI_BUTTON_PRIMARY : UI_BUTTON_SECONDARY, APP_ACT_MUNICIPALITY,
                  ids[k]);
        int pressed = ui_is_pressed(ui, b, APP_ACT_MUNICIPALITY, ids[k]);
        uint32_t fg = pressed ? ui->theme.pressed_text
                      : go    ? ui->theme.primary_text
                              : ui->theme.secondary_text;
        struct rect in = layout_inset(b, layout_mm(L, 2));
        int flags = UI_ALIGN_CENTER | UI_VCENTER | UI_BOLD | UI_TIGHT;
        ui_text(ui, label, ui_font_that_fits(ui, label, LAYOUT_FONT_LABEL, in, flags, 2), fg, in,
                flags, 2);
    }
}

/* Which page of the attract loop shows: 0 = welcome, k = service k-1. */
static int home_page(const struct ui *ui, const struct app_state *st)
{
    int n = 1 + (ui->cfg ? ui->cfg->n_services : 0);
    if (!screen_attract(st) || !ui->view)
        return 0;
    double next;
    int page = screen_attract_page(st, ui->view->mono - st->screen_since, &next);
    return page < n ? page : 0;
}

/* "Touch to start" in every language, each in its own fonts, the current
 * one highlighted, in a grid of cols columns; rows as high as their
 * tallest cell (one or two lines), gap apart. Returns the height it takes;
 * draws only with draw set, from the top of r. */
static int home_touch_grid(struct ui *ui, struct rect r, enum layout_font font, int cols,
                           int gap, int draw)
{
    int n = ui->cfg ? ui->cfg->kiosk.n_languages : 0, y = r.y;
    int flags = UI_ALIGN_CENTER | UI_VCENTER | UI_TIGHT;
    for (int i = 0; i < n; i += cols) {
        struct rect cells[CONFIG_MAX_LANGS];
        int k = n - i < cols ? n - i : cols, row_h = 0;
        layout_row((struct rect){r.x, y, r.w, 0}, cols, ui->L.gap, cells);
        for (int j = 0; j < k; j++) {
            const char *lang = ui->cfg->kiosk.languages[i + j], *saved = ui->lang;
            ui->lang = lang;
            int h = ui_text_height(ui, i18n_ui(I18N_TOUCH_TO_START, lang), font, cells[j].w,
                                   ui_lines_height(ui, font, 2), flags, 2);
            ui->lang = saved;
            row_h = h > row_h ? h : row_h;
        }
        for (int j = 0; draw && j < k; j++) {
            const char *lang = ui->cfg->kiosk.languages[i + j];
            int current = lang == ui->lang;
            cells[j].h = row_h;
            ui_text_lang(ui, lang, i18n_ui(I18N_TOUCH_TO_START, lang), font,
                         current ? ui->theme.accent_text : ui->theme.text, cells[j],
                         flags | (current ? UI_BOLD : 0), 2);
        }
        y += row_h + gap;
    }
    return y > r.y ? y - r.y - gap : 0;
}

/* "Welcome", then "touch to start" in every language. */
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
    int cols = n > 3 && !ui->L.portrait ? 2 : 1;
    int gap = ui->L.font_px[LAYOUT_FONT_LABEL] * 3 / 4; /* the welcome has room */
    int h = home_touch_grid(ui, r, LAYOUT_FONT_LABEL, cols, gap, 0);
    if (h > r.h) {
        gap = ui->L.gap / 2;
        h = home_touch_grid(ui, r, LAYOUT_FONT_LABEL, cols, gap, 0);
    }
    home_touch_grid(ui, layout_center(r, r.w, h < r.h ? h : r.h), LAYOUT_FONT_LABEL, cols, gap,
                    1);
}

static void home_service(struct ui *ui, int idx, struct rect r)
{
    const struct layout *L = &ui->L;
    const struct config_service *s = &ui->cfg->services[idx];
    ui_text(ui, ui_str(ui, I18N_REGIONAL_SERVICES), LAYOUT_FONT_SMALL, ui->theme.accent_text,
            layout_take_top(&r, ui_lines_height(ui, LAYOUT_FONT_SMALL, 1), L->gap / 2), UI_BOLD, 1);
    /* The title takes the lines it needs (one or two), the text the rest. */
    const char *title = ui_lt(ui, &s->title);
    int flags = UI_BOLD | UI_TIGHT | UI_VCENTER;
    struct rect most = {r.x, r.y, r.w, L->font_px[LAYOUT_FONT_TITLE] * 12 / 5};
    enum layout_font tf = ui_font_that_fits(ui, title, LAYOUT_FONT_TITLE, most, flags, 2);
    int th = ui_text_height(ui, title, tf, r.w, most.h, flags, 2);
    struct rect tr = layout_take_top(&r, th > 0 ? th : most.h, L->gap / 2);
    ui_text(ui, title, tf, ui->theme.text, tr, flags, 2);
    int ids[HOME_MAX_IDS], n = 0;
    for (int i = 0; i < s->n_municipalities && n < HOME_MAX_IDS; i++) {
        int m = config_find_municipality(ui->cfg, s->municipalities[i]);
        if (m >= 0)
            ids[n++] = m;
    }
    /* "Touch to start" in every language stays on every card. */
    int cols = L->portrait ? 3 : 2;
    int hint_h = home_touch_grid(ui, r, LAYOUT_FONT_SMALL, cols, L->gap / 2, 0);
    home_touch_grid(ui, layout_take_bottom(&r, hint_h, L->gap), LAYOUT_FONT_SMALL, cols,
                    L->gap / 2, 1);
    if (n > 0) {
        int chips_h = 2 * (L->font_px[LAYOUT_FONT_BODY] * 3 / 2 + layout_mm(L, 4.5));
        struct rect chips = layout_take_bottom(&r, chips_h, L->gap / 2);
        chrome_chips(ui, ids, n, chips, 0);
    }
    /* The text when three lines of it fit, else the card's summary (a cut
     * paragraph says little) where it fits, else the title alone (large
     * text on a small card: the services screen has the rest). */
    if (r.h >= ui_lines_height(ui, LAYOUT_FONT_BODY, 3) || !ltext_has(&s->summary, ui->lang)) {
        ui_text(ui, ui_lt(ui, &s->body), LAYOUT_FONT_BODY, ui->theme.text, r, UI_ELLIPSIS, 8);
        return;
    }
    const char *sum = ui_lt(ui, &s->summary);
    int sh = ui_text_height(ui, sum, LAYOUT_FONT_BODY, r.w, r.h, 0, 2);
    if (sh > 0 && sh <= r.h)
        ui_text(ui, sum, LAYOUT_FONT_BODY, ui->theme.text, r, 0, 2);
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
    int chips_h = chrome_chips_height(ui, ids, n, r.w);
    struct rect chips = layout_take_bottom(&r, chips_h, L->gap);
    chrome_chips(ui, ids, n, chips, L->portrait);
    int video[HOME_MAX_CALLABLE], nv = home_callable(ui, video, HOME_MAX_CALLABLE);
    if (nv > 0)
        home_video(ui, video, nv, layout_take_bottom(&r, home_video_h(ui, nv), L->gap * 2));
    /* The title gives way to the main task: a smaller size when it does not
     * fit, and without the tagline when even that is not enough (large
     * text in a long language). */
    int tf = (L->portrait ? UI_ALIGN_CENTER : 0) | UI_VCENTER | UI_BOLD | UI_TIGHT;
    struct rect rest = r;
    struct rect tag = layout_take_bottom(&rest, L->font_px[LAYOUT_FONT_TITLE] * 2, L->gap);
    enum layout_font f = ui_font_that_fits(ui, title, LAYOUT_FONT_HUGE, rest, tf, 3);
    if (ui_text_height(ui, title, f, rest.w, L->h, tf, 3) <= rest.h) {
        ui_text(ui, tagline, LAYOUT_FONT_TITLE, ui->theme.accent_text, tag,
                (L->portrait ? UI_ALIGN_CENTER : 0) | UI_VCENTER | UI_BOLD, 1);
        r = rest;
    }
    ui_text(ui, title, ui_font_that_fits(ui, title, LAYOUT_FONT_HUGE, r, tf, 3), ui->theme.text,
            r, tf, 3);
}

static void home_actions(struct ui *ui, struct rect r)
{
    struct rect cells[3];
    if (ui->L.portrait)
        layout_column(r, 3, ui->L.gap, cells);
    else
        layout_row(r, 3, ui->L.gap, cells);
    /* With towns to call on home, that is the primary action; the full
     * list is one way in among the others. */
    int any_call = 0;
    for (int i = 0; ui->cfg && i < ui->cfg->n_municipalities; i++)
        any_call |= ui->cfg->municipalities[i].has_call;
    ui_button(ui, cells[0], ui_str(ui, I18N_MUNICIPALITIES),
              any_call ? UI_BUTTON_SECONDARY : UI_BUTTON_PRIMARY, APP_ACT_MUNICIPALITIES, 0);
    ui_button(ui, cells[1], ui_str(ui, I18N_REGIONAL_SERVICES), UI_BUTTON_SECONDARY,
              APP_ACT_SERVICES, 0);
    ui_button(ui, cells[2], ui_str(ui, I18N_AREA_VISION), UI_BUTTON_SECONDARY, APP_ACT_KPI, 0);
}

static void home_draw(struct ui *ui, const struct app_state *st)
{
    const struct layout *L = &ui->L;
    struct rect c = chrome_draw(ui, st, NULL, CHROME_LANGS | CHROME_A11Y | CHROME_VOICE);
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
        struct rect top = layout_take_top(&c, c.h / 2, L->gap);
        home_identity(ui, top);
        home_card(ui, st, c);
    } else {
        struct rect left = layout_take_left(&c, c.w * 11 / 20, L->gap * 2);
        home_identity(ui, left);
        home_card(ui, st, c);
    }
}

const struct screen screen_home = {"home", home_draw};
