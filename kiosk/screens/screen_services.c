/* The area's joint services: a list of cards, and one service with its
 * text, the municipalities involved and (with a url) a QR code. */
#include <stdio.h>

#include "qr.h"
#include "screen.h"

#define SERVICES_MAX 32

/* A raised card; returns its inside. */
static struct rect services_card(struct ui *ui, struct rect r, int pressed)
{
    return chrome_card(ui, r, pressed, 3);
}

/* The card's line under the title: the summary written for the card in
 * this language, else the first lines of the text, cut with "…". */
static void services_card_text(struct ui *ui, const struct config_service *s, struct rect in)
{
    if (ltext_has(&s->summary, ui->lang)) {
        ui_text(ui, ui_lt(ui, &s->summary), LAYOUT_FONT_SMALL, ui->theme.text_muted, in, 0, 1);
        return;
    }
    int lines = in.h / (ui->L.font_px[LAYOUT_FONT_SMALL] * 3 / 2);
    if (lines >= 1)
        ui_text(ui, ui_lt(ui, &s->body), LAYOUT_FONT_SMALL, ui->theme.text_muted, in,
                UI_ELLIPSIS, lines > 3 ? 3 : lines);
}

static void services_item(struct ui *ui, int i, struct rect r)
{
    const struct layout *L = &ui->L;
    const struct config_service *s = &ui->cfg->services[i];
    int pressed = ui_is_pressed(ui, r, APP_ACT_SERVICE, i);
    struct rect in = services_card(ui, r, pressed);
    uint32_t fg = pressed ? ui->theme.pressed_text : ui->theme.text;
    struct rect accent = layout_take_left(&in, layout_mm(L, 1.5), layout_mm(L, 3));
    ui_fill(ui, accent, pressed ? ui->theme.pressed_text : ui->theme.primary);
    /* The title in up to two lines, the one-line text under it. */
    int text_h = ui_lines_height(ui, LAYOUT_FONT_SMALL, 1);
    int room = in.h - text_h - layout_mm(L, 1);
    const char *title = ui_lt(ui, &s->title);
    int title_h = ui_text_height(ui, title, LAYOUT_FONT_LABEL, in.w, room > 0 ? room : in.h,
                                 UI_BOLD | UI_TIGHT, 2);
    struct rect title_r = layout_take_top(&in, title_h, layout_mm(L, 1));
    ui_text(ui, title, LAYOUT_FONT_LABEL, fg, title_r, UI_BOLD | UI_TIGHT, 2);
    if (!pressed)
        services_card_text(ui, s, in);
    ui_target(ui, r, APP_ACT_SERVICE, i);
}

static void services_draw(struct ui *ui, const struct app_state *st)
{
    const struct layout *L = &ui->L;
    struct rect c = chrome_draw(ui, st, ui_str(ui, I18N_REGIONAL_SERVICES),
                                CHROME_HOME | CHROME_LANGS | CHROME_A11Y);
    int n = ui->cfg ? ui->cfg->n_services : 0;
    if (n > SERVICES_MAX)
        n = SERVICES_MAX;
    struct rect cells[SERVICES_MAX];
    layout_grid(c, n, L->gap, L->portrait ? 2.6 : 3.2, 3 * L->target_min, L->target_min, cells);
    for (int i = 0; i < n; i++)
        services_item(ui, i, cells[i]);
}

/* The QR code with its caption, in a white card. */
static void service_qr(struct ui *ui, const char *url, struct rect r)
{
    const struct layout *L = &ui->L;
    struct rect in = services_card(ui, r, 0);
    int cap_h = ui_lines_height(ui, LAYOUT_FONT_SMALL, 2);
    struct rect cap = layout_take_bottom(&in, cap_h, L->gap / 2);
    qr_draw(ui, url, in);
    ui_text(ui, ui_str(ui, I18N_SCAN_TO_OPEN), LAYOUT_FONT_SMALL, ui->theme.text, cap,
            UI_ALIGN_CENTER | UI_VCENTER | UI_BOLD, 2);
}

static int service_involves(const struct ui *ui, const struct config_service *s, int m)
{
    for (int i = 0; i < s->n_municipalities; i++)
        if (config_find_municipality(ui->cfg, s->municipalities[i]) == m)
            return 1;
    return 0;
}

/* All municipalities of the area, those involved in their colours, the
 * others faded: who takes part, at a glance. Each is a button to that
 * town's page (a framed face, so the faded ones look tappable too). */
static void service_members(struct ui *ui, const struct config_service *s, struct rect r)
{
    const struct layout *L = &ui->L;
    const struct theme *t = &ui->theme;
    struct rect in = services_card(ui, r, 0);
    ui_text(ui, ui_str(ui, I18N_MUNICIPALITIES_USING), LAYOUT_FONT_LABEL, t->text,
            layout_take_top(&in, ui_lines_height(ui, LAYOUT_FONT_LABEL, 1), L->gap), UI_BOLD, 1);
    int n = ui->cfg->n_municipalities > 64 ? 64 : ui->cfg->n_municipalities;
    struct rect cells[64];
    /* 2.5 mm apart: separate targets for a finger (render_check asks 2 mm). */
    layout_grid(in, n, layout_mm(L, 2.5), 2.8, L->target_min, L->target_min, cells);
    for (int i = 0; i < n; i++) {
        const struct config_municipality *m = &ui->cfg->municipalities[i];
        int on = service_involves(ui, s, i);
        int pressed = ui_is_pressed(ui, cells[i], APP_ACT_MUNICIPALITY, i);
        uint32_t bg = ui->high_contrast ? (on ? t->primary : t->bg) : (on ? m->color : t->bg);
        uint32_t fg = ui->high_contrast ? (on ? t->primary_text : t->text)
                                        : (on ? theme_text_on(bg) : t->text);
        if (pressed) {
            bg = t->pressed;
            fg = t->pressed_text;
        }
        ui_fill_rounded(ui, cells[i], layout_mm(L, 2), bg);
        if (!on || ui->high_contrast)
            ui_frame(ui, cells[i], 2, t->border);
        ui_text(ui, ui_lt(ui, &m->name), LAYOUT_FONT_BODY, fg, layout_inset(cells[i], 3),
                UI_ALIGN_CENTER | UI_VCENTER | (on ? UI_BOLD : 0) | UI_TIGHT, 2);
        ui_target(ui, cells[i], APP_ACT_MUNICIPALITY, i);
    }
}

/* Where to take it further: the QR code, or whom to ask. */
static void service_more(struct ui *ui, const struct config_service *s, struct rect r)
{
    const struct layout *L = &ui->L;
    int qr_h = layout_mm(L, L->portrait ? 90 : 70) + ui_lines_height(ui, LAYOUT_FONT_SMALL, 2) + layout_mm(L, 8);
    if (s->url) {
        struct rect code = layout_take_top(&r, qr_h < r.h ? qr_h : r.h, 0);
        service_qr(ui, s->url, layout_center(code, code.h * 5 / 4 < code.w ? code.h * 5 / 4
                                                                           : code.w, code.h));
        return;
    }
    const char *ask = ui_str(ui, I18N_ASK_MUNICIPALITY);
    int pad = layout_mm(L, 3) * 2 + layout_mm(L, 1);
    int h = ui_text_height(ui, ask, LAYOUT_FONT_LABEL, r.w - pad, r.h - pad, 0, 4) + pad;
    ui_text(ui, ask, LAYOUT_FONT_LABEL, ui->theme.text,
            services_card(ui, layout_take_top(&r, h, 0), 0), 0, 4);
}

static void service_draw(struct ui *ui, const struct app_state *st)
{
    const struct layout *L = &ui->L;
    const struct config_service *s = &ui->cfg->services[st->service < 0 ? 0 : st->service];
    struct rect c = chrome_draw(ui, st, ui_lt(ui, &s->title),
                                CHROME_BACK | CHROME_HOME | CHROME_LANGS | CHROME_A11Y);
    struct rect side = L->portrait ? c : layout_take_right(&c, c.w * 2 / 5, L->gap * 2);
    const char *body = ui_lt(ui, &s->body);
    int pad = layout_mm(L, 3) * 2 + layout_mm(L, 1);
    int body_max = L->portrait ? c.h / 2 : c.h * 3 / 5;
    int bh = ui_text_height(ui, body, LAYOUT_FONT_LABEL, c.w - pad, body_max - pad, 0, 16) + pad;
    struct rect text_r = layout_take_top(&c, bh, L->gap * 2);
    ui_text(ui, body, LAYOUT_FONT_LABEL, ui->theme.text, services_card(ui, text_r, 0), 0, 16);
    if (s->n_municipalities == 0) {
        /* The whole area (no list): only where to learn more. */
        service_more(ui, s, L->portrait ? c : side);
    } else if (L->portrait) {
        side = layout_take_top(&c, c.h / 2, L->gap * 2);
        service_members(ui, s, side);
        service_more(ui, s, c);
    } else {
        service_more(ui, s, c);
        service_members(ui, s, side);
    }
}

const struct screen screen_services = {"services", services_draw};
const struct screen screen_service = {"service", service_draw};
