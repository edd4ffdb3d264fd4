/* The call's screens: connecting (with cancel), in call (End button and
 * elapsed time), could not start, and thank you. */
#include <stdio.h>
#include <string.h>

#include "screen.h"

static const struct config_municipality *call_muni(const struct ui *ui,
                                                   const struct app_state *st)
{
    if (!ui->cfg || st->muni < 0 || st->muni >= ui->cfg->n_municipalities)
        return NULL;
    return &ui->cfg->municipalities[st->muni];
}

/* The municipality being called: its name on its colour. */
static void call_muni_pill(struct ui *ui, const struct config_municipality *m, struct rect r)
{
    const char *name = ui_lt(ui, &m->name);
    int px = ui->L.font_px[LAYOUT_FONT_TITLE];
    int w = text_measure(ui->text, ui->lang, name, strlen(name), px, 1) + 2 * px;
    w = w > r.w ? r.w : w;
    int h = px * 2;
    struct rect pill = layout_center(r, w, h < r.h ? h : r.h);
    uint32_t bg = ui->high_contrast ? ui->theme.surface : m->color;
    ui_fill_rounded(ui, pill, pill.h / 2, bg);
    if (ui->high_contrast)
        ui_frame(ui, pill, 3, ui->theme.border);
    ui_text(ui, name, LAYOUT_FONT_TITLE, ui->high_contrast ? ui->theme.text : theme_text_on(bg),
            pill, UI_ALIGN_CENTER | UI_VCENTER | UI_BOLD, 1);
}

/* Three dots that advance once a second while connecting (with words:
 * never a spinner alone). */
static void call_dots(struct ui *ui, struct rect r)
{
    int d = ui->L.font_px[LAYOUT_FONT_BODY] / 2, gap = d;
    int phase = ui->view ? (int)ui->view->mono % 3 : 0;
    struct rect row = layout_center(r, 3 * d + 2 * gap, d);
    for (int i = 0; i < 3; i++)
        ui_fill_rounded(ui, (struct rect){row.x + i * (d + gap), row.y, d, d}, d / 2,
                        i == phase ? ui->theme.primary : ui->theme.border);
}

/* A big message, the municipality, a second line, and one or two buttons
 * low (button2 may be NULL; it is the secondary one, on the left). */
static void call_message2(struct ui *ui, const char *big, const struct config_municipality *m,
                          const char *small, const char *button, enum ui_button_style style,
                          enum app_action action, const char *button2, enum app_action action2,
                          int dots)
{
    const struct layout *L = &ui->L;
    struct rect all = {0, L->header.h, L->w, L->h - L->header.h};
    struct rect c = layout_inset(all, L->margin * 2);
    int two = button && button2;
    int bh = L->target_min * 8 / 5;
    struct rect btn = layout_take_bottom(&c, two && L->portrait ? 2 * bh + L->gap : bh, L->gap * 2);
    if (two) {
        struct rect cells[2];
        if (L->portrait)
            layout_column(btn, 2, L->gap, cells);
        else
            layout_row(layout_center(btn, btn.w * 4 / 5, btn.h), 2, L->gap * 2, cells);
        ui_button(ui, cells[0], button2, UI_BUTTON_SECONDARY, action2, 0);
        ui_button(ui, cells[1], button, style, action, 0);
    } else if (button) {
        ui_button(ui, layout_center(btn, L->portrait ? btn.w : btn.w / 2, btn.h), button,
                  style, action, 0);
    }
    int bh2 = ui_text_height(ui, big, LAYOUT_FONT_HUGE, c.w, c.h / 2, UI_BOLD | UI_TIGHT, 3);
    int ph = m ? ui->L.font_px[LAYOUT_FONT_TITLE] * 2 + L->gap * 2 : 0;
    int dh = dots ? ui->L.font_px[LAYOUT_FONT_BODY] + L->gap * 2 : 0;
    int sh = small ? ui_text_height(ui, small, LAYOUT_FONT_LABEL, c.w, c.h / 3, 0, 4) + L->gap : 0;
    struct rect block = layout_center(c, c.w, bh2 + ph + dh + sh);
    ui_text(ui, big, LAYOUT_FONT_HUGE, ui->theme.text, layout_take_top(&block, bh2, L->gap),
            UI_ALIGN_CENTER | UI_VCENTER | UI_BOLD | UI_TIGHT, 3);
    if (dots)
        call_dots(ui, layout_take_top(&block, dh - L->gap, L->gap));
    if (m)
        call_muni_pill(ui, m, layout_take_top(&block, ph - L->gap, L->gap));
    if (small)
        ui_text(ui, small, LAYOUT_FONT_LABEL, ui->theme.text, block, UI_ALIGN_CENTER, 4);
}

static void call_message(struct ui *ui, const char *big, const struct config_municipality *m,
                         const char *small, const char *button, enum ui_button_style style,
                         enum app_action action, int dots)
{
    call_message2(ui, big, m, small, button, style, action, NULL, APP_ACT_NONE, dots);
}

static void calling_draw(struct ui *ui, const struct app_state *st)
{
    chrome_draw(ui, st, NULL, 0);
    const struct config_municipality *m = call_muni(ui, st);
    /* What happens next, and where to look: the clerk appears here, the
     * camera is above the screen. */
    call_message(ui, ui_str(ui, I18N_CONNECTING), m, ui_str(ui, I18N_CONNECTING_HELP),
                 ui_str(ui, I18N_CANCEL), UI_BUTTON_SECONDARY, APP_ACT_CANCEL_CALL, 1);
}

static void in_call_draw(struct ui *ui, const struct app_state *st)
{
    chrome_draw(ui, st, NULL, 0);
    const struct config_municipality *m = call_muni(ui, st);
    char elapsed[32], line[256];
    int s = (int)(ui->view->mono - st->call_since);
    if (s < 0)
        s = 0;
    snprintf(elapsed, sizeof elapsed, "%d:%02d", s / 60, s % 60);
    i18n_format(line, sizeof line, ui->lang, I18N_ELAPSED, elapsed);
    call_message(ui, ui_str(ui, I18N_IN_CALL), m, line, ui_str(ui, I18N_END_CALL),
                 UI_BUTTON_DANGER, APP_ACT_END_CALL, 0);
}

/* Could not connect: try again (unless the cause is the settings or the
 * kiosk's camera, which another try will not fix), or ask the staff at the
 * counter, with the town hall's number for later. */
static void call_failed_draw(struct ui *ui, const struct app_state *st)
{
    chrome_draw(ui, st, NULL, 0);
    const struct config_municipality *m = call_muni(ui, st);
    enum i18n_key why = st->fail_reason == APP_FAIL_REFUSED ? I18N_CALL_REFUSED
                        : st->fail_reason == APP_FAIL_DEVICE ? I18N_ASK_STAFF_DEVICE
                                                             : I18N_CALL_FAILED;
    int retry = m && m->has_call && st->fail_reason != APP_FAIL_REFUSED &&
                st->fail_reason != APP_FAIL_DEVICE;
    char small[256], phone[96] = "";
    if (m && m->contact.phone)
        i18n_format(phone, sizeof phone, ui->lang, I18N_PHONE, m->contact.phone);
    snprintf(small, sizeof small, "%s%s%s", ui_str(ui, I18N_ASK_COUNTER), phone[0] ? "\n" : "",
             phone);
    if (retry)
        call_message2(ui, ui_str(ui, why), NULL, small, ui_str(ui, I18N_TRY_AGAIN),
                      UI_BUTTON_PRIMARY, APP_ACT_TRY_AGAIN, ui_str(ui, I18N_BACK), APP_ACT_BACK,
                      0);
    else
        call_message(ui, ui_str(ui, why), NULL, small, ui_str(ui, I18N_BACK), UI_BUTTON_PRIMARY,
                     APP_ACT_BACK, 0);
}

static void thanks_draw(struct ui *ui, const struct app_state *st)
{
    chrome_draw(ui, st, NULL, 0);
    call_message(ui, ui_str(ui, I18N_THANK_YOU), NULL, ui_str(ui, I18N_THANK_YOU_BODY),
                 ui_str(ui, I18N_HOME), UI_BUTTON_PRIMARY, APP_ACT_HOME, 0);
}

const struct screen screen_calling = {"calling", calling_draw};
const struct screen screen_in_call = {"in-call", in_call_draw};
const struct screen screen_call_failed = {"call-failed", call_failed_draw};
const struct screen screen_thanks = {"thanks", thanks_draw};
