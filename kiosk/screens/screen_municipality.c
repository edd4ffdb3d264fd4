/* One municipality: availability, hours, services by video, website QR,
 * and the large Start video call button at the bottom. */
#include <stdio.h>

#include "avail_badge.h"
#include "hours_text.h"
#include "screen.h"

static void muni_info(struct ui *ui, const struct config_municipality *m, struct rect r)
{
    const struct layout *L = &ui->L;
    const struct theme *t = &ui->theme;
    int body = L->font_px[LAYOUT_FONT_BODY] * 3 / 2;
    if (m->has_hours) {
        ui_text(ui, ui_str(ui, I18N_OPENING_HOURS), LAYOUT_FONT_LABEL, t->text,
                layout_take_top(&r, body, 0), UI_BOLD, 1);
        char lines[HOURS_TEXT_MAX_LINES][96];
        int n = hours_text(&m->hours, ui->lang, lines, HOURS_TEXT_MAX_LINES);
        for (int i = 0; i < n; i++)
            ui_text(ui, lines[i], LAYOUT_FONT_BODY, t->text, layout_take_top(&r, body, 0), 0, 1);
        layout_take_top(&r, L->gap, 0);
    }
    if (m->n_services > 0) {
        ui_text(ui, ui_str(ui, I18N_SERVICES_BY_VIDEO), LAYOUT_FONT_LABEL, t->text,
                layout_take_top(&r, body, 0), UI_BOLD, 1);
        for (int i = 0; i < m->n_services && r.h >= body; i++) {
            char line[256];
            snprintf(line, sizeof line, "・%s", ui_lt(ui, &m->services[i]));
            ui_text(ui, line, LAYOUT_FONT_BODY, t->text, layout_take_top(&r, body, 0), 0, 1);
        }
    }
}

static void muni_action(struct ui *ui, const struct app_state *st, int idx,
                        const struct avail *a, struct rect r)
{
    const struct theme *t = &ui->theme;
    if (a->state == AVAIL_INFO_ONLY)
        return;
    if (ui->view && ui->view->devices_block_call) {
        ui_text(ui, ui_str(ui, I18N_ASK_STAFF_DEVICE), LAYOUT_FONT_LABEL, t->text, r,
                UI_ALIGN_CENTER | UI_VCENTER | UI_BOLD, 3);
        return;
    }
    if (avail_callable(a))
        ui_button(ui, layout_center(r, r.w * 3 / 4, r.h), ui_str(ui, I18N_START_CALL),
                  UI_BUTTON_PRIMARY, APP_ACT_START_CALL, idx);
    (void)st;
}

static void muni_draw(struct ui *ui, const struct app_state *st)
{
    const struct layout *L = &ui->L;
    const struct config_municipality *m = &ui->cfg->municipalities[st->muni < 0 ? 0 : st->muni];
    int idx = st->muni < 0 ? 0 : st->muni;
    struct rect c = chrome_draw(ui, st, ui_lt(ui, &m->name),
                                CHROME_BACK | CHROME_HOME | CHROME_LANGS | CHROME_A11Y);
    struct avail a;
    char line[160];
    avail_badge_get(ui, idx, &a, line, sizeof line);
    struct rect badge = layout_take_top(&c, L->font_px[LAYOUT_FONT_LABEL] * 2, L->gap);
    ui_fill_rounded(ui, badge, layout_mm(L, 2),
                    a.state == AVAIL_INFO_ONLY ? ui->theme.closed : avail_badge_color(ui, &a));
    ui_text(ui, line, LAYOUT_FONT_LABEL, ui->theme.badge_text, layout_inset(badge, L->gap),
            UI_VCENTER | UI_BOLD, 1);
    struct rect action = layout_take_bottom(&c, L->target_min * 2, L->gap);
    muni_action(ui, st, idx, &a, action);
    if (m->website) {
        int qr = L->portrait ? c.w / 3 : c.h * 3 / 4;
        if (qr > c.h - L->font_px[LAYOUT_FONT_SMALL] * 3)
            qr = c.h - L->font_px[LAYOUT_FONT_SMALL] * 3;
        struct rect side = layout_take_right(&c, qr > c.w / 3 ? qr : c.w / 3, L->gap);
        struct rect code = layout_take_top(&side, qr, L->gap / 2);
        chrome_qr(ui, m->website, layout_center(code, qr, qr));
        ui_text(ui, ui_str(ui, I18N_WEBSITE_QR), LAYOUT_FONT_SMALL, ui->theme.text_muted, side,
                UI_ALIGN_CENTER, 3);
    }
    muni_info(ui, m, c);
}

const struct screen screen_municipality = {"municipality", muni_draw};
