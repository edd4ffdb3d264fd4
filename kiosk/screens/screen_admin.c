/* Staff only: the PIN pad, and the admin screen with health and actions. */
#include <stdio.h>
#include <string.h>

#include "screen.h"

static void pin_pad(struct ui *ui, struct rect pad)
{
    static const char *const keys[12] = {"1", "2", "3", "4", "5", "6",
                                         "7", "8", "9", "C", "0", "OK"};
    struct rect cells[12];
    layout_grid(pad, 12, ui->L.gap, 1.6, ui->L.target_min, ui->L.target_min, cells);
    for (int i = 0; i < 12; i++) {
        enum app_action a = i == 9 ? APP_ACT_PIN_CLEAR : i == 11 ? APP_ACT_PIN_ENTER
                                                                 : APP_ACT_PIN_DIGIT;
        int digit = i == 10 ? 0 : i + 1;
        ui_button(ui, cells[i], keys[i], i == 11 ? UI_BUTTON_PRIMARY : UI_BUTTON_SECONDARY, a,
                  a == APP_ACT_PIN_DIGIT ? digit : 0);
    }
}

static void admin_pin_draw(struct ui *ui, const struct app_state *st)
{
    const struct layout *L = &ui->L;
    struct rect c = chrome_draw(ui, st, ui_str(ui, I18N_ENTER_PIN), CHROME_BACK);
    char dots[3 * APP_PIN_MAX + 1] = "";
    for (int i = 0; i < st->pin_len; i++)
        memcpy(dots + 3 * i, "●", 3); /* U+25CF is three bytes */
    dots[3 * st->pin_len] = '\0';
    struct rect line = layout_take_top(&c, L->font_px[LAYOUT_FONT_TITLE] * 2, L->gap);
    int locked = st->pin_locked_until > ui->view->mono;
    ui_text(ui, locked ? ui_str(ui, I18N_WRONG_PIN) : dots, LAYOUT_FONT_TITLE, ui->theme.text,
            line, UI_ALIGN_CENTER | UI_VCENTER, 1);
    int w = L->portrait ? c.w : c.w / 2;
    pin_pad(ui, layout_center(c, w, c.h));
}

static void admin_draw(struct ui *ui, const struct app_state *st)
{
    const struct layout *L = &ui->L;
    const struct theme *t = &ui->theme;
    struct rect c = chrome_draw(ui, st, ui_str(ui, I18N_ADMIN), CHROME_BACK);
    struct rect actions = layout_take_bottom(&c, L->target_min * 3 / 2, L->gap);
    struct rect b[3];
    layout_row(actions, 3, L->gap, b);
    ui_button(ui, b[0], ui_str(ui, I18N_RELOAD_CONFIG), UI_BUTTON_SECONDARY,
              APP_ACT_ADMIN_RELOAD, 0);
    ui_button(ui, b[1], ui_str(ui, I18N_TEST_CALL), UI_BUTTON_SECONDARY,
              APP_ACT_ADMIN_TEST_CALL, 0);
    ui_button(ui, b[2], ui_str(ui, I18N_QUIT), UI_BUTTON_DANGER, APP_ACT_ADMIN_QUIT, 0);
    const struct ui_view *v = ui->view;
    char lines[6][320];
    snprintf(lines[0], sizeof lines[0], "kiosk %s  ·  %s", KIOSK_VERSION,
             ui->cfg && ui->cfg->kiosk.id ? ui->cfg->kiosk.id : "");
    snprintf(lines[1], sizeof lines[1], "config: %s  %s", ui->cfg && ui->cfg->path ? ui->cfg->path : "",
             v->config_status ? v->config_status : "");
    snprintf(lines[2], sizeof lines[2], "status poll / notify: %s", v->health ? v->health : "-");
    snprintf(lines[3], sizeof lines[3], "camera: %s  ·  microphone: %s",
             v->camera_ok ? "ok" : "MISSING", v->microphone_ok ? "ok" : "MISSING");
    snprintf(lines[4], sizeof lines[4], "today: %s", v->counts ? v->counts : "-");
    int lh = L->font_px[LAYOUT_FONT_BODY] * 2;
    for (int i = 0; i < 5; i++)
        ui_text(ui, lines[i], LAYOUT_FONT_BODY, t->text, layout_take_top(&c, lh, 0), UI_VCENTER,
                2);
}

const struct screen screen_admin_pin = {"admin-pin", admin_pin_draw};
const struct screen screen_admin = {"admin", admin_draw};
