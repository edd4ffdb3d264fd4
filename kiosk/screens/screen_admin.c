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

/* The PIN so far as dots in a field, or the lock-out message. */
static void pin_field(struct ui *ui, const struct app_state *st, struct rect r)
{
    const struct theme *t = &ui->theme;
    int locked = st->pin_locked_until > ui->view->mono;
    ui_fill_rounded(ui, r, layout_mm(&ui->L, 3), locked ? t->danger : t->border);
    ui_fill_rounded(ui, layout_inset(r, 3), layout_mm(&ui->L, 3) - 3, t->surface);
    if (locked) {
        ui_text(ui, ui_str(ui, I18N_WRONG_PIN), LAYOUT_FONT_LABEL, t->text, layout_inset(r, 6),
                UI_ALIGN_CENTER | UI_VCENTER | UI_BOLD, 1);
        return;
    }
    int d = r.h / 3, gap = d / 2;
    int w = st->pin_len * d + (st->pin_len - 1) * gap;
    for (int i = 0; i < st->pin_len; i++) {
        struct rect dot = {r.x + (r.w - w) / 2 + i * (d + gap), r.y + (r.h - d) / 2, d, d};
        ui_fill_rounded(ui, dot, d / 2, t->text);
    }
}

static void admin_pin_draw(struct ui *ui, const struct app_state *st)
{
    const struct layout *L = &ui->L;
    struct rect c = chrome_draw(ui, st, ui_str(ui, I18N_ENTER_PIN), CHROME_BACK);
    int w = L->portrait ? c.w : c.w * 2 / 5;
    struct rect col = layout_center(c, w, c.h);
    pin_field(ui, st, layout_take_top(&col, L->target_min, L->gap * 2));
    pin_pad(ui, col);
}

/* Staff read this: one line per fact, the name muted, the value strong. */
static void admin_row(struct ui *ui, struct rect *r, const char *name, const char *value,
                      int bad)
{
    const struct layout *L = &ui->L;
    int h = ui_text_height(ui, value, LAYOUT_FONT_BODY, r->w * 3 / 4, L->h, 0, 3);
    struct rect row = layout_take_top(r, h, L->gap * 2);
    if (r->h > 0)
        ui_fill(ui, (struct rect){row.x, row.y + row.h + L->gap - 1, row.w, 1}, ui->theme.border);
    struct rect key = layout_take_left(&row, r->w / 4, L->gap);
    ui_text(ui, name, LAYOUT_FONT_BODY, ui->theme.text_muted, key, 0, 1);
    ui_text(ui, value, LAYOUT_FONT_BODY, bad ? ui->theme.danger : ui->theme.text, row,
            bad ? UI_BOLD : 0, 3);
}

static void admin_draw(struct ui *ui, const struct app_state *st)
{
    const struct layout *L = &ui->L;
    const struct theme *t = &ui->theme;
    struct rect c = chrome_draw(ui, st, ui_str(ui, I18N_ADMIN), CHROME_BACK);
    struct rect actions = layout_take_bottom(&c, L->target_min * 3 / 2, L->gap * 2);
    struct rect b[3];
    layout_row(actions, 3, L->gap, b);
    ui_button(ui, b[0], ui_str(ui, I18N_RELOAD_CONFIG), UI_BUTTON_SECONDARY,
              APP_ACT_ADMIN_RELOAD, 0);
    ui_button(ui, b[1], ui_str(ui, I18N_TEST_CALL), UI_BUTTON_SECONDARY,
              APP_ACT_ADMIN_TEST_CALL, 0);
    ui_button(ui, b[2],
              ui_str(ui, app_quit_armed(st, ui->view->mono) ? I18N_QUIT_CONFIRM : I18N_QUIT),
              UI_BUTTON_DANGER, APP_ACT_ADMIN_QUIT, 0);
    const struct ui_view *v = ui->view;
    ui_fill_rounded(ui, c, layout_mm(L, 3), t->border);
    ui_fill_rounded(ui, layout_inset(c, 2), layout_mm(L, 3) - 2, t->surface);
    struct rect in = layout_inset(c, layout_mm(L, 4));
    char ver[320], devices[96], config[1200];
    snprintf(ver, sizeof ver, "kiosk %s  ·  %s", KIOSK_VERSION,
             ui->cfg && ui->cfg->kiosk.id ? ui->cfg->kiosk.id : "");
    snprintf(devices, sizeof devices, "camera %s  ·  microphone %s",
             v->camera_ok ? "ok" : "MISSING", v->microphone_ok ? "ok" : "MISSING");
    const char *status = v->config_status ? v->config_status : "";
    if (v->running && v->running[0]) /* how long it runs, and systemd's watchdog */
        snprintf(ver + strlen(ver), sizeof ver - strlen(ver), "  ·  %s", v->running);
    snprintf(config, sizeof config, "%s%s%s", ui->cfg && ui->cfg->path ? ui->cfg->path : "",
             v->config_loaded && v->config_loaded[0] ? "  ·  " : "",
             v->config_loaded ? v->config_loaded : "");
    admin_row(ui, &in, "version", ver, 0);
    admin_row(ui, &in, "config", config, 0);
    admin_row(ui, &in, "config status", status, strstr(status, "REJECTED") != NULL);
    if (v->fleet && v->fleet[0])
        admin_row(ui, &in, "fleet", v->fleet, v->fleet_failed);
    admin_row(ui, &in, "status / notify", v->health ? v->health : "-", 0);
    admin_row(ui, &in, "devices", devices, !v->camera_ok || !v->microphone_ok);
    admin_row(ui, &in, "today", v->counts ? v->counts : "-", 0);
}

const struct screen screen_admin_pin = {"admin-pin", admin_pin_draw};
const struct screen screen_admin = {"admin", admin_draw};
