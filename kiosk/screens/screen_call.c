/* The call's screens: connecting (with cancel), in call (End button and
 * elapsed time), could not start, and thank you. */
#include <stdio.h>

#include "screen.h"

static const struct config_municipality *call_muni(const struct ui *ui,
                                                   const struct app_state *st)
{
    if (!ui->cfg || st->muni < 0 || st->muni >= ui->cfg->n_municipalities)
        return NULL;
    return &ui->cfg->municipalities[st->muni];
}

/* A big message in the middle, an optional second line, and one button. */
static void call_message(struct ui *ui, const char *big, const char *small, const char *button,
                         enum ui_button_style style, enum app_action action)
{
    const struct layout *L = &ui->L;
    struct rect all = {0, L->header.h, L->w, L->h - L->header.h};
    struct rect c = layout_inset(all, L->margin);
    struct rect btn = layout_take_bottom(&c, L->target_min * 2, L->gap);
    if (button)
        ui_button(ui, layout_center(btn, L->portrait ? btn.w : btn.w / 2, btn.h), button,
                  style, action, 0);
    struct rect top = layout_take_top(&c, c.h * 3 / 5, 0);
    ui_text(ui, big, LAYOUT_FONT_HUGE, ui->theme.text, top,
            UI_ALIGN_CENTER | UI_VCENTER | UI_BOLD, 3);
    if (small)
        ui_text(ui, small, LAYOUT_FONT_LABEL, ui->theme.text, c, UI_ALIGN_CENTER, 4);
}

static void calling_draw(struct ui *ui, const struct app_state *st)
{
    chrome_draw(ui, st, NULL, 0);
    const struct config_municipality *m = call_muni(ui, st);
    call_message(ui, ui_str(ui, I18N_CONNECTING), m ? ui_lt(ui, &m->name) : NULL,
                 ui_str(ui, I18N_CANCEL), UI_BUTTON_SECONDARY, APP_ACT_CANCEL_CALL);
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
    char big[256];
    snprintf(big, sizeof big, "%s%s%s", ui_str(ui, I18N_IN_CALL), m ? " · " : "",
             m ? ui_lt(ui, &m->name) : "");
    call_message(ui, big, line, ui_str(ui, I18N_END_CALL), UI_BUTTON_DANGER,
                 APP_ACT_END_CALL);
}

static void call_failed_draw(struct ui *ui, const struct app_state *st)
{
    chrome_draw(ui, st, NULL, 0);
    enum i18n_key why = st->fail_reason == APP_FAIL_REFUSED ? I18N_CALL_REFUSED
                        : st->fail_reason == APP_FAIL_DEVICE ? I18N_ASK_STAFF_DEVICE
                                                             : I18N_CALL_FAILED;
    call_message(ui, ui_str(ui, why), NULL, ui_str(ui, I18N_BACK), UI_BUTTON_PRIMARY,
                 APP_ACT_BACK);
}

static void thanks_draw(struct ui *ui, const struct app_state *st)
{
    chrome_draw(ui, st, NULL, 0);
    call_message(ui, ui_str(ui, I18N_THANK_YOU), ui_str(ui, I18N_THANK_YOU_BODY),
                 ui_str(ui, I18N_HOME), UI_BUTTON_PRIMARY, APP_ACT_HOME);
}

const struct screen screen_calling = {"calling", calling_draw};
const struct screen screen_in_call = {"in-call", in_call_draw};
const struct screen screen_call_failed = {"call-failed", call_failed_draw};
const struct screen screen_thanks = {"thanks", thanks_draw};
