#include "input.h"

#include <stdlib.h>

static struct rect input_admin_corner(const struct ui *ui)
{
    return (struct rect){0, 0, ui->L.target_min, ui->L.target_min};
}

static void input_press(struct input *in, struct ui *ui, int x, int y, double now, int *redraw)
{
    in->down = 1;
    in->x0 = x;
    in->y0 = y;
    const struct ui_target *t = ui_hit(ui, x, y);
    ui->pressed_valid = t != NULL;
    if (t) {
        ui->pressed = *t;
        *redraw = 1;
    }
    in->hold_since = (!t && layout_contains(input_admin_corner(ui), x, y)) ? now : 0;
}

/* Returns 1 and fills ev when the release completes a tap. */
static int input_release(struct input *in, struct ui *ui, int x, int y, struct app_event *ev,
                         int *redraw)
{
    int was_pressed = ui->pressed_valid;
    struct ui_target t = ui->pressed;
    in->down = 0;
    in->hold_since = 0;
    ui->pressed_valid = 0;
    if (!was_pressed)
        return 0;
    *redraw = 1;
    int slop = layout_mm(&ui->L, 6);
    int moved = abs(x - in->x0) > slop || abs(y - in->y0) > slop;
    if (moved || !layout_contains(t.r, x, y))
        return 0; /* a drag or a slide off the button is not a tap */
    ev->kind = APP_EV_ACTION;
    ev->target = t.t;
    return 1;
}

static void input_motion(struct input *in, struct ui *ui, int x, int y, int *redraw)
{
    if (!in->down)
        return;
    if (ui->pressed_valid && !layout_contains(ui->pressed.r, x, y)) {
        ui->pressed_valid = 0; /* slid off: no longer pressed */
        *redraw = 1;
    }
    if (in->hold_since > 0 && !layout_contains(input_admin_corner(ui), x, y))
        in->hold_since = 0;
}

/* Finger positions come normalised to the window; the window may show the
 * interface turned (kiosk.rotation): back to the screens' pixels. */
static void input_finger_xy(const struct ui *ui, const SDL_TouchFingerEvent *f, int *x, int *y)
{
    int ww = ui->win_w > 0 ? ui->win_w : ui->L.w, wh = ui->win_h > 0 ? ui->win_h : ui->L.h;
    int wx = (int)(f->x * ww), wy = (int)(f->y * wh);
    wx = wx < 0 ? 0 : wx >= ww ? ww - 1 : wx;
    wy = wy < 0 ? 0 : wy >= wh ? wh - 1 : wy;
    ui_window_to_logical(ui, wx, wy, x, y);
}

int input_handle(struct input *in, struct ui *ui, const SDL_Event *e, double now,
                 struct app_event *ev, int *redraw)
{
    int x, y;
    switch (e->type) {
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
        input_finger_xy(ui, &e->tfinger, &x, &y);
        if (e->type == SDL_FINGERDOWN) {
            if (in->down)
                return 0; /* one finger at a time: a second touch is ignored */
            in->finger = e->tfinger.fingerId;
            in->is_mouse = 0;
            input_press(in, ui, x, y, now, redraw);
            ev->kind = APP_EV_INPUT;
            return 1;
        }
        if (!in->down || in->is_mouse || e->tfinger.fingerId != in->finger)
            return 0;
        if (e->type == SDL_FINGERMOTION) {
            input_motion(in, ui, x, y, redraw);
            return 0;
        }
        return input_release(in, ui, x, y, ev, redraw);
    case SDL_MOUSEBUTTONDOWN:
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT ||
            in->down)
            return 0;
        in->is_mouse = 1;
        ui_window_to_logical(ui, e->button.x, e->button.y, &x, &y);
        input_press(in, ui, x, y, now, redraw);
        ev->kind = APP_EV_INPUT;
        return 1;
    case SDL_MOUSEBUTTONUP:
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT ||
            !in->down || !in->is_mouse)
            return 0;
        ui_window_to_logical(ui, e->button.x, e->button.y, &x, &y);
        return input_release(in, ui, x, y, ev, redraw);
    case SDL_MOUSEMOTION:
        if (e->motion.which != SDL_TOUCH_MOUSEID && in->is_mouse) {
            ui_window_to_logical(ui, e->motion.x, e->motion.y, &x, &y);
            input_motion(in, ui, x, y, redraw);
        }
        return 0;
    case SDL_KEYDOWN:
        ev->kind = APP_EV_INPUT;
        return 1;
    default: return 0;
    }
}

int input_poll_hold(struct input *in, struct ui *ui, double now, struct app_event *ev)
{
    (void)ui;
    if (!in->down || in->hold_since <= 0 || now - in->hold_since < INPUT_HOLD_S)
        return 0;
    in->hold_since = 0;
    ev->kind = APP_EV_ACTION;
    ev->target = (struct app_target){APP_ACT_ADMIN_GESTURE, 0};
    return 1;
}

double input_next_deadline(const struct input *in)
{
    return (in->down && in->hold_since > 0) ? in->hold_since + INPUT_HOLD_S : -1.0;
}
