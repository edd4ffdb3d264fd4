#include "input.h"

#include <stdlib.h>

#include "focus.h"

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
    in->down_since = in->hold_since > 0 ? 0 : now;
}

/* Returns 1 and fills ev when the release completes a tap. */
static int input_release(struct input *in, struct ui *ui, int x, int y, struct app_event *ev,
                         int *redraw)
{
    int was_pressed = ui->pressed_valid;
    struct ui_target t = ui->pressed;
    in->down = 0;
    in->hold_since = 0;
    in->down_since = 0;
    ui->pressed_valid = 0;
    if (!was_pressed)
        return 0;
    *redraw = 1;
    int slop = layout_mm(&ui->L, 6);
    int moved = abs(x - in->x0) > slop || abs(y - in->y0) > slop;
    if (moved || !layout_contains(t.r, x, y))
        return 0; /* a drag or a slide off the button is not a tap */
    if (ui->voice) {
        /* Touch and hear: the first touch on a target focuses it (and so
         * says it); a touch on the focused one presses it. */
        int i = ui_focus_index(ui);
        int focused = i >= 0 && ui->targets[i].t.action == t.t.action &&
                      ui->targets[i].t.arg == t.t.arg;
        if (!focused) {
            ui->focus = t.t;
            ui->focus_valid = 1;
            ev->kind = APP_EV_INPUT;
            return 1;
        }
    }
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

/* The first target doing action, or NULL. */
static const struct ui_target *input_find(const struct ui *ui, enum app_action action)
{
    for (int i = 0; i < ui->n_targets; i++)
        if (ui->targets[i].t.action == action)
            return &ui->targets[i];
    return NULL;
}

enum input_key { INPUT_KEY_NONE, INPUT_KEY_MOVE, INPUT_KEY_ACTIVATE, INPUT_KEY_BACK, INPUT_KEY_HELP };

/* What a key means, with the keypad's digits as arrows (8 up, 2 down, 4
 * left, 6 right, 5 activate) whether Num Lock is on or off. */
static enum input_key input_key_kind(const SDL_KeyboardEvent *k, int *dir)
{
    switch (k->keysym.sym) {
    case SDLK_TAB:
        *dir = (k->keysym.mod & KMOD_SHIFT) ? FOCUS_PREV : FOCUS_NEXT;
        return INPUT_KEY_MOVE;
    case SDLK_RIGHT: case SDLK_KP_6: *dir = FOCUS_NEXT; return INPUT_KEY_MOVE;
    case SDLK_LEFT: case SDLK_KP_4: *dir = FOCUS_PREV; return INPUT_KEY_MOVE;
    case SDLK_DOWN: case SDLK_KP_2: *dir = FOCUS_DOWN; return INPUT_KEY_MOVE;
    case SDLK_UP: case SDLK_KP_8: *dir = FOCUS_UP; return INPUT_KEY_MOVE;
    case SDLK_RETURN: case SDLK_KP_ENTER: case SDLK_KP_5: case SDLK_SPACE:
        return INPUT_KEY_ACTIVATE;
    case SDLK_BACKSPACE: case SDLK_KP_BACKSPACE: return INPUT_KEY_BACK;
    case SDLK_F1: case SDLK_KP_PLUS: case SDLK_HELP: return INPUT_KEY_HELP;
    default: break;
    }
    /* Without Num Lock the keypad's keys come as other key codes (KP_Begin
     * for 5): their scancodes are the same. */
    switch (k->keysym.scancode) {
    case SDL_SCANCODE_KP_6: *dir = FOCUS_NEXT; return INPUT_KEY_MOVE;
    case SDL_SCANCODE_KP_4: *dir = FOCUS_PREV; return INPUT_KEY_MOVE;
    case SDL_SCANCODE_KP_2: *dir = FOCUS_DOWN; return INPUT_KEY_MOVE;
    case SDL_SCANCODE_KP_8: *dir = FOCUS_UP; return INPUT_KEY_MOVE;
    case SDL_SCANCODE_KP_5: return INPUT_KEY_ACTIVATE;
    default: return INPUT_KEY_NONE;
    }
}

/* Keys: the focus moves over the targets of the last frame; Enter (or the
 * keypad's 5) taps the focused one; Backspace is Back (or Home where there
 * is no Back). Any key tells the state machine the visitor is there. */
static int input_key(struct input *in, struct ui *ui, const SDL_KeyboardEvent *k,
                     struct app_event *ev, int *redraw)
{
    int dir = FOCUS_NEXT;
    enum input_key kind = input_key_kind(k, &dir);
    ev->kind = APP_EV_INPUT;
    if (kind == INPUT_KEY_NONE)
        return 1;
    int shown = ui->keys_used;
    ui->keys_used = 1;
    *redraw = 1;
    if (kind == INPUT_KEY_HELP) {
        /* Help turns voice guidance on, and says the screen again. */
        in->help_count++;
        ev->kind = APP_EV_ACTION;
        ev->target = (struct app_target){APP_ACT_VOICE, 1};
        return 1;
    }
    if (kind == INPUT_KEY_MOVE && shown)
        ui_focus_move(ui, dir); /* the first key only shows where the focus is */
    if (k->repeat || (kind != INPUT_KEY_ACTIVATE && kind != INPUT_KEY_BACK))
        return 1;
    const struct ui_target *t = NULL;
    if (kind == INPUT_KEY_ACTIVATE) {
        int i = ui_focus_index(ui);
        t = i >= 0 ? &ui->targets[i] : NULL;
    } else {
        t = input_find(ui, APP_ACT_BACK);
        t = t ? t : input_find(ui, APP_ACT_HOME);
    }
    if (t) {
        ev->kind = APP_EV_ACTION;
        ev->target = t->t;
    }
    return 1;
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
        return input_key(in, ui, &e->key, ev, redraw);
    default: return 0;
    }
}

int input_poll_hold(struct input *in, struct ui *ui, double now, struct app_event *ev)
{
    if (in->down && in->down_since > 0 && now - in->down_since >= INPUT_VOICE_HOLD_S) {
        in->down_since = 0;
        ui->pressed_valid = 0; /* the hold is not also a tap */
        ev->kind = APP_EV_ACTION;
        ev->target = (struct app_target){APP_ACT_VOICE, 1};
        return 1;
    }
    if (!in->down || in->hold_since <= 0 || now - in->hold_since < INPUT_HOLD_S)
        return 0;
    in->hold_since = 0;
    ev->kind = APP_EV_ACTION;
    ev->target = (struct app_target){APP_ACT_ADMIN_GESTURE, 0};
    return 1;
}

double input_next_deadline(const struct input *in)
{
    if (in->down && in->down_since > 0)
        return in->down_since + INPUT_VOICE_HOLD_S;
    return (in->down && in->hold_since > 0) ? in->hold_since + INPUT_HOLD_S : -1.0;
}
