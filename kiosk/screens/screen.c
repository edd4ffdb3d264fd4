#include "screen.h"

#include "attract.h"

static const struct screen *const screen_table[APP_SCREEN_COUNT] = {
    [APP_SCREEN_HOME] = &screen_home,
    [APP_SCREEN_MUNICIPALITIES] = &screen_municipalities,
    [APP_SCREEN_MUNICIPALITY] = &screen_municipality,
    [APP_SCREEN_CALLING] = &screen_calling,
    [APP_SCREEN_IN_CALL] = &screen_in_call,
    [APP_SCREEN_CALL_FAILED] = &screen_call_failed,
    [APP_SCREEN_THANKS] = &screen_thanks,
    [APP_SCREEN_SERVICES] = &screen_services,
    [APP_SCREEN_SERVICE] = &screen_service,
    [APP_SCREEN_KPI] = &screen_kpi,
    [APP_SCREEN_ADMIN_PIN] = &screen_admin_pin,
    [APP_SCREEN_ADMIN] = &screen_admin,
};

const struct screen *screen_get(enum app_screen s)
{
    if (s < 0 || s >= APP_SCREEN_COUNT || !screen_table[s])
        return &screen_home;
    return screen_table[s];
}

void screen_draw_frame(struct ui *ui, const struct app_state *st)
{
    /* "Still there?" over the screen, which shows through its backdrop;
     * the overlay drops the screen's targets (a touch anywhere continues).
     * The dimmed page is kept in the layer while it stays the same, so a
     * tick of the countdown copies it and draws only the dialog. */
    if (app_idle_warning(st, ui->view->mono)) {
        uint64_t key = screen_page_key(ui, st);
        if (!ui_layer_begin(ui, key)) {
            screen_get(st->screen)->draw(ui, st);
            chrome_backdrop(ui);
            ui_layer_end(ui, key);
        }
        chrome_idle_overlay(ui, st);
    } else {
        ui_layer_drop(ui); /* its memory back (8 MB at 1920x1080) */
        screen_get(st->screen)->draw(ui, st);
    }
    ui_focus_draw(ui);
    ui_end(ui);
}

int screen_attract(const struct app_state *st)
{
    return st->screen == APP_SCREEN_HOME && !st->visitor_active;
}

double screen_next_redraw(const struct app_state *st, double now)
{
    if (!screen_attract(st))
        return -1.0;
    double next;
    screen_attract_page(st, now - st->screen_since, &next);
    return st->screen_since + next;
}

int screen_attract_page(const struct app_state *st, double since, double *next)
{
    double dwell[ATTRACT_MAX_PAGES];
    int n = attract_dwells(st->cfg, app_lang(st), dwell, ATTRACT_MAX_PAGES);
    return attract_page_at(dwell, n, since, next);
}

int screen_attract_round(const struct app_state *st, double since)
{
    double dwell[ATTRACT_MAX_PAGES];
    int n = attract_dwells(st->cfg, app_lang(st), dwell, ATTRACT_MAX_PAGES);
    return attract_round_at(dwell, n, since);
}
