/* One municipality: its name on its colour with the availability, opening
 * hours, consultations by video, the website as a QR code, and the large
 * Start video call button at the bottom. */
#include <stdio.h>
#include <string.h>

#include "avail_badge.h"
#include "hours_text.h"
#include "qr.h"
#include "screen.h"

/* A white card; returns its inside. */
static struct rect muni_card(struct ui *ui, struct rect r)
{
    return chrome_card(ui, r, 0, 3.5);
}

/* Name on the municipality's colour, the availability as a pill. */
static void muni_hero(struct ui *ui, const struct config_municipality *m, int idx,
                      struct rect r)
{
    const struct layout *L = &ui->L;
    const struct theme *t = &ui->theme;
    uint32_t bg = ui->high_contrast ? t->surface : m->color;
    ui_fill_rounded(ui, r, layout_mm(L, 4), bg);
    if (ui->high_contrast)
        ui_frame(ui, r, 3, t->border);
    struct rect in = layout_inset(r, layout_mm(L, 4));
    struct avail a;
    char line[160];
    avail_badge_get(ui, idx, &a, line, sizeof line);
    int pill_w = L->portrait ? in.w : in.w / 2;
    struct rect pill = L->portrait ? layout_take_bottom(&in, in.h / 2, 0)
                                   : layout_take_right(&in, pill_w, L->gap);
    /* One line in a pill twice the font's size; a line that does not fit
     * even shrunk (status unknown in ja-easy, large text) takes two lines
     * and the pill grows to hold them. */
    int one = L->font_px[LAYOUT_FONT_LABEL] * 2, lines = 1, ph = one;
    struct rect text = {pill.x + one / 2, pill.y, pill.w - one, one};
    if (ui_font_that_fits(ui, line, LAYOUT_FONT_LABEL, text, UI_BOLD, 1) != LAYOUT_FONT_LABEL) {
        lines = 2;
        ph = ui_text_height(ui, line, LAYOUT_FONT_LABEL, text.w, pill.h, UI_BOLD, 2) + one / 2;
        ph = ph < pill.h ? ph : pill.h;
    }
    pill = layout_center(pill, pill.w, ph);
    text.y = pill.y;
    text.h = pill.h;
    uint32_t pill_bg = a.state == AVAIL_INFO_ONLY ? t->closed : avail_badge_color(ui, &a);
    ui_fill_rounded(ui, pill, one / 2, ui->high_contrast ? t->border : 0xFFFFFF);
    ui_fill_rounded(ui, layout_inset(pill, 3), one / 2 - 3, pill_bg);
    ui_text(ui, line, LAYOUT_FONT_LABEL, t->badge_text, text,
            UI_ALIGN_CENTER | UI_VCENTER | UI_BOLD, lines);
    if (m->emblem) {
        struct rect em = layout_take_left(&in, in.h, L->gap);
        ui_image(ui, m->emblem, em);
    }
    ui_text(ui, ui_lt(ui, &m->name), LAYOUT_FONT_HUGE,
            ui->high_contrast ? t->text : theme_text_on(bg), in, UI_VCENTER | UI_BOLD, 1);
}

/* The space between two items of a list of font (layout_item_gap). */
static int muni_item_gap(struct ui *ui, enum layout_font f)
{
    int px = ui->L.font_px[f];
    return layout_item_gap(px, ui_lines_height(ui, f, 1));
}

/* Opening hours as a two-column table: days, then times. Returns the
 * height it takes (draws only with draw set). */
static int muni_hours(struct ui *ui, const struct config_municipality *m, struct rect r,
                      int draw)
{
    const struct layout *L = &ui->L;
    int head = ui_lines_height(ui, LAYOUT_FONT_LABEL, 1) + L->gap / 2;
    char lines[HOURS_TEXT_MAX_LINES][96];
    int n = hours_text(&m->hours, ui->lang, lines, HOURS_TEXT_MAX_LINES);
    if (draw)
        ui_text(ui, ui_str(ui, I18N_OPENING_HOURS), LAYOUT_FONT_LABEL, ui->theme.text,
                layout_take_top(&r, head, 0), UI_BOLD, 1);
    int used = head, days_w = r.w * 11 / 20;
    for (int i = 0; i < n; i++) {
        char *sep = strstr(lines[i], "  ");
        if (sep)
            *sep = '\0';
        const char *times = sep ? sep + 2 : "";
        int hd = ui_text_height(ui, lines[i], LAYOUT_FONT_BODY, days_w, L->h, 0, 2);
        int ht = ui_text_height(ui, times, LAYOUT_FONT_BODY, r.w - days_w - L->gap, L->h,
                                UI_BOLD, 2);
        int row = (hd > ht ? hd : ht) + muni_item_gap(ui, LAYOUT_FONT_BODY);
        if (draw && row > r.h)
            break; /* no room (large text): the weekly hours come first */
        used += row;
        if (!draw)
            continue;
        struct rect line = layout_take_top(&r, row, 0);
        struct rect days = layout_take_left(&line, days_w, L->gap);
        ui_text(ui, lines[i], LAYOUT_FONT_BODY, ui->theme.text_muted, days, 0, 2);
        ui_text(ui, times, LAYOUT_FONT_BODY, ui->theme.text, line, UI_BOLD, 2);
    }
    return used;
}

static void muni_services(struct ui *ui, const struct config_municipality *m, struct rect r)
{
    const struct layout *L = &ui->L;
    ui_text(ui, ui_str(ui, I18N_SERVICES_BY_VIDEO), LAYOUT_FONT_LABEL, ui->theme.text,
            layout_take_top(&r, ui_lines_height(ui, LAYOUT_FONT_LABEL, 1), L->gap / 2), UI_BOLD, 1);
    int bullet = layout_mm(L, 2);
    enum layout_font f = L->portrait ? LAYOUT_FONT_LABEL : LAYOUT_FONT_BODY;
    /* A smaller size when the list does not fit (large text, small panel). */
    for (;;) {
        int total = 0;
        for (int i = 0; i < m->n_services; i++)
            total += ui_text_height(ui, ui_lt(ui, &m->services[i]), f, r.w - 3 * bullet, L->h,
                                    0, 3) + muni_item_gap(ui, f);
        if (total <= r.h + L->gap || f == LAYOUT_FONT_SMALL)
            break;
        f = (enum layout_font)(f - 1);
    }
    for (int i = 0; i < m->n_services && r.h >= ui_lines_height(ui, f, 1); i++) {
        const char *s = ui_lt(ui, &m->services[i]);
        int h = ui_text_height(ui, s, f, r.w - 3 * bullet, L->h, 0, 3);
        int cut = h > r.h; /* no room for all: the last one ends in "…" */
        struct rect item = layout_take_top(&r, h, muni_item_gap(ui, f));
        struct rect dot = layout_take_left(&item, 3 * bullet, 0);
        int lh = ui_lines_height(ui, f, 1);
        ui_fill_rounded(ui, (struct rect){dot.x, dot.y + (lh - bullet) / 2, bullet, bullet},
                        bullet / 2, ui->high_contrast ? ui->theme.text : m->color);
        ui_text(ui, s, f, ui->theme.text, item, cut ? UI_ELLIPSIS : 0, 3);
        if (cut)
            break;
    }
}

static void muni_qr(struct ui *ui, const char *url, enum i18n_key caption, struct rect r)
{
    const struct layout *L = &ui->L;
    struct rect in = muni_card(ui, r);
    struct rect cap = layout_take_bottom(&in, ui_lines_height(ui, LAYOUT_FONT_SMALL, 2),
                                         L->gap / 2);
    qr_draw(ui, url, in);
    ui_text(ui, ui_str(ui, caption), LAYOUT_FONT_SMALL, ui->theme.text, cap,
            UI_ALIGN_CENTER | UI_VCENTER | UI_BOLD, 2);
}

/* What stops a call now, for the action area; NULL when a call can start
 * or the municipality is merely busy or closed (the pill says those). */
static const char *muni_why(struct ui *ui, const struct avail *a)
{
    if (a->state == AVAIL_INFO_ONLY)
        return ui_str(ui, I18N_NO_VIDEO);
    if (avail_badge_no_device(ui, a))
        return ui_str(ui, I18N_ASK_STAFF_DEVICE);
    return NULL;
}

/* The next step when no call can start: why (or "you can also phone"),
 * then the town hall's number, large. */
static void muni_next_step(struct ui *ui, const struct config_municipality *m,
                           const struct avail *a, struct rect r)
{
    const struct theme *t = &ui->theme;
    const char *why = muni_why(ui, a);
    if (!why)
        why = ui_str(ui, I18N_OTHER_WAYS);
    char phone[96] = "";
    if (m->contact.phone)
        i18n_format(phone, sizeof phone, ui->lang, I18N_PHONE, m->contact.phone);
    int ph = phone[0] ? ui_lines_height(ui, LAYOUT_FONT_LABEL, 1) : 0;
    struct rect num = layout_take_bottom(&r, ph, ph ? ui->L.gap / 3 : 0);
    ui_text(ui, why, LAYOUT_FONT_LABEL, t->text, r, UI_ALIGN_CENTER | UI_VCENTER, 2);
    if (phone[0])
        ui_text(ui, phone, LAYOUT_FONT_LABEL, t->text, num,
                UI_ALIGN_CENTER | UI_VCENTER | UI_BOLD, 1);
}

/* Busy: wait here for the clerk. The button, or once tapped, the clerk's
 * estimate counting down (it follows each new answer of the poll). */
static void muni_wait(struct ui *ui, const struct app_state *st, int idx, struct rect r)
{
    if (!app_waiting(st, idx)) {
        ui_button(ui, r, ui_str(ui, I18N_WAIT_FOR_CLERK), UI_BUTTON_PRIMARY, APP_ACT_WAIT, idx);
        return;
    }
    const struct status_info *s = ui->view && ui->view->status ? &ui->view->status[idx] : NULL;
    char left[32], line[160];
    if (s && s->wait_minutes > 0) {
        int sec = s->wait_minutes * 60 - (int)(ui->view->mono - st->wait_since);
        sec = sec < 0 ? 0 : sec;
        snprintf(left, sizeof left, "%d:%02d", sec / 60, sec % 60);
        i18n_format(line, sizeof line, ui->lang, I18N_WAITING, left);
    } else {
        snprintf(line, sizeof line, "%s", ui_str(ui, I18N_BUSY));
    }
    ui_text(ui, line, LAYOUT_FONT_LABEL, ui->theme.text, muni_card(ui, r),
            UI_ALIGN_CENTER | UI_VCENTER | UI_BOLD, 2);
}

/* The call button; or the next step: wait, phone, the QR code beside. */
static void muni_action(struct ui *ui, const struct app_state *st, int idx,
                        const struct avail *a, struct rect r)
{
    const struct theme *t = &ui->theme;
    const struct config_municipality *m = &ui->cfg->municipalities[idx];
    const char *msg = avail_badge_message(ui, idx);
    if (msg) { /* the clerk's own words, e.g. "back at 14:00" */
        struct rect line = layout_take_top(&r, ui_lines_height(ui, LAYOUT_FONT_LABEL, 1), ui->L.gap);
        ui_text(ui, msg, LAYOUT_FONT_LABEL, t->text, line, UI_ALIGN_CENTER | UI_VCENTER | UI_BOLD, 1);
    }
    if (avail_callable(a) && !avail_badge_no_device(ui, a)) {
        ui_button(ui, layout_center(r, ui->L.portrait ? r.w : r.w * 2 / 3, r.h),
                  ui_str(ui, I18N_START_CALL), UI_BUTTON_PRIMARY, APP_ACT_START_CALL, idx);
        return;
    }
    if (a->state == AVAIL_BUSY) {
        struct rect w = layout_take_left(&r, ui->L.portrait ? r.w * 2 / 5 : r.w / 3, ui->L.gap * 2);
        muni_wait(ui, st, idx, layout_center(w, w.w, ui->L.target_min * 8 / 5 < w.h
                                                        ? ui->L.target_min * 8 / 5 : w.h));
    }
    muni_next_step(ui, m, a, muni_card(ui, r));
}

/* Height of the action area. */
static int muni_action_h(struct ui *ui, int idx, const struct avail *a)
{
    const struct layout *L = &ui->L;
    int msg_h = avail_badge_message(ui, idx) ? ui_lines_height(ui, LAYOUT_FONT_LABEL, 1) + L->gap : 0;
    if (avail_callable(a) && !avail_badge_no_device(ui, a))
        return msg_h + L->target_min * 8 / 5;
    int ph = ui->cfg->municipalities[idx].contact.phone
                 ? ui_lines_height(ui, LAYOUT_FONT_LABEL, 1) + L->gap / 3 : 0;
    return msg_h + ui_lines_height(ui, LAYOUT_FONT_LABEL, 2) + ph + layout_mm(L, 8);
}

static void muni_draw(struct ui *ui, const struct app_state *st)
{
    const struct layout *L = &ui->L;
    int idx = st->muni < 0 ? 0 : st->muni;
    const struct config_municipality *m = &ui->cfg->municipalities[idx];
    struct rect c = chrome_draw(ui, st, NULL,
                                CHROME_BACK | CHROME_HOME | CHROME_LANGS | CHROME_A11Y);
    struct avail a;
    char line[160];
    avail_badge_get(ui, idx, &a, line, sizeof line);
    int hero_h = L->font_px[LAYOUT_FONT_HUGE] * 2 + (L->portrait ? L->font_px[LAYOUT_FONT_LABEL] * 2 : 0);
    muni_hero(ui, m, idx, layout_take_top(&c, hero_h, L->gap * 2));
    struct rect action = layout_take_bottom(&c, muni_action_h(ui, idx, &a), L->gap * 2);
    muni_action(ui, st, idx, &a, action);
    /* No call now: the QR code is the town's contact page (if it has one),
     * the other way to reach a person. */
    int stuck = a.state != AVAIL_INFO_ONLY &&
                (!avail_callable(&a) || avail_badge_no_device(ui, &a));
    const char *qr_url = stuck && m->contact.url ? m->contact.url : m->website;
    enum i18n_key qr_cap = stuck && m->contact.url ? I18N_CONTACT_QR : I18N_WEBSITE_QR;
    int qr_w = qr_url ? (L->portrait ? c.w * 2 / 5 : c.w / 3) : 0;
    int pad = layout_mm(L, 8);
    if (L->portrait && m->has_hours) {
        int hh = muni_hours(ui, m, c, 0) + pad;
        struct rect top = layout_take_top(&c, hh > qr_w ? hh : qr_w, L->gap * 2);
        if (qr_url)
            muni_qr(ui, qr_url, qr_cap, layout_take_right(&top, qr_w, L->gap * 2));
        muni_hours(ui, m, muni_card(ui, top), 1);
        qr_w = 0;
    } else if (qr_url) {
        struct rect side = layout_take_right(&c, qr_w, L->gap * 2);
        muni_qr(ui, qr_url, qr_cap,
                layout_take_top(&side, qr_w + ui_lines_height(ui, LAYOUT_FONT_SMALL, 2), 0));
    }
    if (!L->portrait && m->has_hours) {
        struct rect hours = layout_take_left(&c, c.w * 9 / 20, L->gap * 2);
        muni_hours(ui, m, muni_card(ui, hours), 1);
    }
    if (m->n_services > 0 && c.h > 0)
        muni_services(ui, m, muni_card(ui, c));
}

const struct screen screen_municipality = {"municipality", muni_draw};
