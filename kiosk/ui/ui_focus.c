/* The keyboard focus on the frame's targets: which one (kept by action and
 * argument across redraws), the ring around it. The order and the moves are
 * core/focus.c's; this file only feeds it the targets and draws. */
#include "focus.h"
#include "ui.h"

void ui_focus_begin(struct ui *ui, const struct app_state *st)
{
    if ((int)st->screen != ui->focus_screen || st->screen_since != ui->focus_since) {
        ui->focus_screen = (int)st->screen; /* a new screen: start on its primary action */
        ui->focus_since = st->screen_since;
        ui->focus_valid = 0;
    }
    /* The visit ended, or keys pressed on home without a visit were left
     * alone for the idle timeout: the next visitor starts afresh. */
    if ((ui->focus_visitor && !st->visitor_active) ||
        (ui->view && app_awaiting_visitor(st, ui->view->mono))) {
        ui->keys_used = 0;
        ui->focus_valid = 0;
    }
    ui->focus_visitor = st->visitor_active;
    ui->voice = st->voice;
    if (st->voice)
        ui->keys_used = 1; /* voice guidance: the focus ring always shows */
}

static int ui_focus_rects(const struct ui *ui, struct rect *r)
{
    int n = ui->n_targets > FOCUS_MAX ? FOCUS_MAX : ui->n_targets;
    for (int i = 0; i < n; i++)
        r[i] = ui->targets[i].r;
    return n;
}

int ui_focus_index(const struct ui *ui)
{
    struct rect r[FOCUS_MAX];
    int n = ui_focus_rects(ui, r);
    for (int i = 0; ui->focus_valid && i < n; i++)
        if (ui->targets[i].t.action == ui->focus.action && ui->targets[i].t.arg == ui->focus.arg &&
            focus_usable(r, n, i, ui->L.w, ui->L.h))
            return i;
    return focus_start(r, n, ui->L.w, ui->L.h, ui->primary);
}

void ui_focus_move(struct ui *ui, int dir)
{
    struct rect r[FOCUS_MAX];
    int n = ui_focus_rects(ui, r);
    int cur = ui_focus_index(ui);
    int to = focus_move(r, n, ui->L.w, ui->L.h, cur, (enum focus_dir)dir, ui->primary);
    if (to < 0)
        return;
    ui->focus = ui->targets[to].t;
    ui->focus_valid = 1;
}

/* A rectangle grown by d on every side, kept on the screen. */
static struct rect ui_focus_grow(const struct ui *ui, struct rect r, int d)
{
    int x0 = r.x - d, y0 = r.y - d, x1 = r.x + r.w + d, y1 = r.y + r.h + d;
    x0 = x0 < 0 ? 0 : x0;
    y0 = y0 < 0 ? 0 : y0;
    x1 = x1 > ui->L.w ? ui->L.w : x1;
    y1 = y1 > ui->L.h ? ui->L.h : y1;
    return (struct rect){x0, y0, x1 - x0, y1 - y0};
}

void ui_focus_draw(struct ui *ui)
{
    int i = ui->keys_used ? ui_focus_index(ui) : -1;
    if (i < 0)
        return;
    /* halo | ring | halo, outside the target: the ring's two neighbours are
     * always the halo, whatever the button and the page are (test_theme). */
    int halo = layout_mm(&ui->L, 0.5) > 2 ? layout_mm(&ui->L, 0.5) : 2;
    int ring = layout_mm(&ui->L, 1.5) > 6 ? layout_mm(&ui->L, 1.5) : 6;
    struct rect t = ui->targets[i].r;
    ui_frame(ui, ui_focus_grow(ui, t, 2 * halo + ring), halo, ui->theme.focus_halo);
    ui_frame(ui, ui_focus_grow(ui, t, halo + ring), ring, ui->theme.focus);
    ui_frame(ui, ui_focus_grow(ui, t, halo), halo, ui->theme.focus_halo);
}
