/* Touch done right: synthetic SDL finger and mouse events fed straight
 * into input_handle against targets registered as a frame would. A tap
 * is a press and a release on the same target within a few millimetres;
 * a drag off, a slide to another target, a second finger, the mouse
 * events SDL makes from touch: none of them is a tap. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "input.h"
#include "synth_event.h"

struct fixture {
    struct ui *ui;
    struct input in;
    double now;
};

/* A frame of 1920x1080 on a 24" panel with targets A (left) and B (right). */
static struct rect A = {200, 400, 400, 200}, B = {700, 400, 400, 200};

static void fixture_init(struct fixture *f, int rotation)
{
    memset(f, 0, sizeof *f);
    f->ui = calloc(1, sizeof *f->ui);
    f->ui->rotation = rotation;
    f->ui->win_w = rotation % 180 ? 1080 : 1920;
    f->ui->win_h = rotation % 180 ? 1920 : 1080;
    layout_compute(&f->ui->L, 1920, 1080, 24, 0);
    ui_target(f->ui, A, APP_ACT_MUNICIPALITY, 3);
    ui_target(f->ui, B, APP_ACT_SERVICES, 0);
    f->now = 100.0;
}

/* A logical point (what the screens lay out) -> normalised window point. */
static void to_window(const struct ui *ui, int lx, int ly, float *nx, float *ny)
{
    int wx = lx, wy = ly;
    switch (ui->rotation) {
    case 90: wx = ui->win_w - 1 - ly; wy = lx; break;
    case 180: wx = ui->win_w - 1 - lx; wy = ui->win_h - 1 - ly; break;
    case 270: wx = ly; wy = ui->win_h - 1 - lx; break;
    default: break;
    }
    *nx = ((float)wx + 0.5f) / (float)ui->win_w;
    *ny = ((float)wy + 0.5f) / (float)ui->win_h;
}

/* Feeds one finger event; returns what input_handle returned, ev filled. */
static int finger(struct fixture *f, Uint32 type, SDL_FingerID id, int x, int y,
                  struct app_event *ev)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.tfinger.touchId = 1;
    e.tfinger.fingerId = id;
    to_window(f->ui, x, y, &e.tfinger.x, &e.tfinger.y);
    int redraw = 0;
    memset(ev, 0, sizeof *ev);
    return input_handle(&f->in, f->ui, &e, f->now, ev, &redraw);
}

static int mouse(struct fixture *f, Uint32 type, Uint32 which, int x, int y, struct app_event *ev)
{
    SDL_Event e = synth_mouse(type, which, x, y);
    int redraw = 0;
    memset(ev, 0, sizeof *ev);
    return input_handle(&f->in, f->ui, &e, f->now, ev, &redraw);
}

static int is_tap(int rc, const struct app_event *ev, enum app_action a, int arg)
{
    return rc == 1 && ev->kind == APP_EV_ACTION && ev->target.action == a && ev->target.arg == arg;
}

static void test_tap(int rotation)
{
    struct fixture f;
    struct app_event ev;
    fixture_init(&f, rotation);
    CHECK_INT(finger(&f, SDL_FINGERDOWN, 7, 300, 500, &ev), 1);
    CHECK_INT(ev.kind, APP_EV_INPUT); /* the visitor is there */
    CHECK(f.ui->pressed_valid);       /* drawn pressed at once */
    CHECK(finger(&f, SDL_FINGERMOTION, 7, 305, 503, &ev) == 0); /* a tremble is fine */
    CHECK(is_tap(finger(&f, SDL_FINGERUP, 7, 306, 504, &ev), &ev, APP_ACT_MUNICIPALITY, 3));
    CHECK(!f.ui->pressed_valid);
    free(f.ui);
}

static void test_drag_off(void)
{
    struct fixture f;
    struct app_event ev;
    fixture_init(&f, 0);
    finger(&f, SDL_FINGERDOWN, 1, 300, 500, &ev);
    finger(&f, SDL_FINGERMOTION, 1, 300, 900, &ev); /* off the button */
    CHECK(!f.ui->pressed_valid);
    CHECK_INT(finger(&f, SDL_FINGERUP, 1, 300, 900, &ev), 0);
    /* Back on the button before letting go: still no tap (it moved too far). */
    finger(&f, SDL_FINGERDOWN, 1, 300, 500, &ev);
    finger(&f, SDL_FINGERMOTION, 1, 300, 900, &ev);
    finger(&f, SDL_FINGERMOTION, 1, 300, 500, &ev);
    CHECK_INT(finger(&f, SDL_FINGERUP, 1, 300, 500, &ev), 0);
    /* A drag inside a big button (more than the slop) is not a tap either. */
    finger(&f, SDL_FINGERDOWN, 1, 220, 420, &ev);
    CHECK_INT(finger(&f, SDL_FINGERUP, 1, 580, 580, &ev), 0);
    free(f.ui);
}

static void test_slide(void)
{
    struct fixture f;
    struct app_event ev;
    fixture_init(&f, 0);
    finger(&f, SDL_FINGERDOWN, 1, 590, 500, &ev); /* A's right edge */
    finger(&f, SDL_FINGERMOTION, 1, 710, 500, &ev); /* onto B */
    CHECK_INT(finger(&f, SDL_FINGERUP, 1, 710, 500, &ev), 0); /* neither fires */
    free(f.ui);
}

static void test_outside(void)
{
    struct fixture f;
    struct app_event ev;
    fixture_init(&f, 0);
    CHECK_INT(finger(&f, SDL_FINGERDOWN, 1, 1500, 900, &ev), 1);
    CHECK_INT(ev.kind, APP_EV_INPUT);
    CHECK(!f.ui->pressed_valid);
    finger(&f, SDL_FINGERMOTION, 1, 300, 500, &ev); /* slides onto A */
    CHECK_INT(finger(&f, SDL_FINGERUP, 1, 300, 500, &ev), 0);
    free(f.ui);
}

static void test_second_finger(void)
{
    struct fixture f;
    struct app_event ev;
    fixture_init(&f, 0);
    finger(&f, SDL_FINGERDOWN, 1, 300, 500, &ev);
    CHECK_INT(finger(&f, SDL_FINGERDOWN, 2, 800, 500, &ev), 0);  /* ignored */
    CHECK_INT(finger(&f, SDL_FINGERMOTION, 2, 900, 500, &ev), 0);
    CHECK_INT(finger(&f, SDL_FINGERUP, 2, 800, 500, &ev), 0);    /* B never fires */
    CHECK(f.ui->pressed_valid && f.ui->pressed.t.action == APP_ACT_MUNICIPALITY);
    CHECK(is_tap(finger(&f, SDL_FINGERUP, 1, 300, 500, &ev), &ev, APP_ACT_MUNICIPALITY, 3));
    free(f.ui);
}

static void test_mouse(void)
{
    struct fixture f;
    struct app_event ev;
    fixture_init(&f, 0);
    /* Mouse events SDL synthesises from touch are dropped. */
    CHECK_INT(mouse(&f, SDL_MOUSEBUTTONDOWN, SDL_TOUCH_MOUSEID, 300, 500, &ev), 0);
    CHECK(!f.in.down);
    CHECK_INT(mouse(&f, SDL_MOUSEBUTTONUP, SDL_TOUCH_MOUSEID, 300, 500, &ev), 0);
    /* A touch plus its mouse echo is one tap, not two. */
    finger(&f, SDL_FINGERDOWN, 1, 300, 500, &ev);
    CHECK_INT(mouse(&f, SDL_MOUSEBUTTONDOWN, SDL_TOUCH_MOUSEID, 300, 500, &ev), 0);
    CHECK(is_tap(finger(&f, SDL_FINGERUP, 1, 300, 500, &ev), &ev, APP_ACT_MUNICIPALITY, 3));
    CHECK_INT(mouse(&f, SDL_MOUSEBUTTONUP, SDL_TOUCH_MOUSEID, 300, 500, &ev), 0);
    /* A real mouse (staff at a desk) taps too. */
    CHECK_INT(mouse(&f, SDL_MOUSEBUTTONDOWN, 0, 800, 500, &ev), 1);
    CHECK_INT(mouse(&f, SDL_MOUSEMOTION, 0, 805, 505, &ev), 0);
    CHECK(is_tap(mouse(&f, SDL_MOUSEBUTTONUP, 0, 805, 505, &ev), &ev, APP_ACT_SERVICES, 0));
    /* A finger while the mouse is down is ignored. */
    mouse(&f, SDL_MOUSEBUTTONDOWN, 0, 800, 500, &ev);
    CHECK_INT(finger(&f, SDL_FINGERDOWN, 1, 300, 500, &ev), 0);
    CHECK_INT(finger(&f, SDL_FINGERUP, 1, 300, 500, &ev), 0);
    CHECK(is_tap(mouse(&f, SDL_MOUSEBUTTONUP, 0, 800, 500, &ev), &ev, APP_ACT_SERVICES, 0));
    free(f.ui);
}

static void test_admin_hold(void)
{
    struct fixture f;
    struct app_event ev;
    fixture_init(&f, 0);
    double t0 = f.now;
    finger(&f, SDL_FINGERDOWN, 1, 10, 10, &ev); /* top-left corner, no target */
    CHECK(input_next_deadline(&f.in) > t0 + INPUT_HOLD_S - 0.01);
    CHECK_INT(input_poll_hold(&f.in, f.ui, t0 + 4.9, &ev), 0);
    CHECK_INT(input_poll_hold(&f.in, f.ui, t0 + 5.0, &ev), 1);
    CHECK_INT(ev.kind, APP_EV_ACTION);
    CHECK_INT(ev.target.action, APP_ACT_ADMIN_GESTURE);
    CHECK_INT(input_poll_hold(&f.in, f.ui, t0 + 6.0, &ev), 0); /* once per hold */
    finger(&f, SDL_FINGERUP, 1, 10, 10, &ev);
    CHECK(input_next_deadline(&f.in) < 0);
    /* Letting go early, or sliding out of the corner, opens nothing. */
    finger(&f, SDL_FINGERDOWN, 1, 10, 10, &ev);
    finger(&f, SDL_FINGERUP, 1, 10, 10, &ev);
    CHECK_INT(input_poll_hold(&f.in, f.ui, t0 + 10, &ev), 0);
    finger(&f, SDL_FINGERDOWN, 1, 10, 10, &ev);
    finger(&f, SDL_FINGERMOTION, 1, 600, 600, &ev);
    CHECK_INT(input_poll_hold(&f.in, f.ui, t0 + 10, &ev), 0);
    finger(&f, SDL_FINGERUP, 1, 600, 600, &ev);
    /* A hold elsewhere is not the gesture (it turns voice guidance on). */
    finger(&f, SDL_FINGERDOWN, 1, 1800, 1000, &ev);
    input_poll_hold(&f.in, f.ui, t0 + 10, &ev);
    CHECK(ev.target.action != APP_ACT_ADMIN_GESTURE);
    free(f.ui);
}

static void test_rotation_mapping(void)
{
    static const int rots[] = {0, 90, 180, 270};
    for (int i = 0; i < 4; i++) {
        struct fixture f;
        fixture_init(&f, rots[i]);
        for (int y = 0; y < 1080; y += 179)
            for (int x = 0; x < 1920; x += 211) {
                float nx, ny;
                to_window(f.ui, x, y, &nx, &ny);
                int wx = (int)(nx * f.ui->win_w), wy = (int)(ny * f.ui->win_h), lx, ly;
                ui_window_to_logical(f.ui, wx, wy, &lx, &ly);
                CHECK(lx == x && ly == y);
            }
        free(f.ui);
    }
}

/* Feeds one key press; returns what input_handle returned, ev filled. */
static int key(struct fixture *f, SDL_Keycode sym, SDL_Scancode sc, Uint16 mod, int repeat,
               struct app_event *ev)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = sym;
    e.key.keysym.scancode = sc;
    e.key.keysym.mod = mod;
    e.key.repeat = (Uint8)repeat;
    int redraw = 0;
    memset(ev, 0, sizeof *ev);
    return input_handle(&f->in, f->ui, &e, f->now, ev, &redraw);
}

static int focused_action(const struct fixture *f)
{
    int i = ui_focus_index(f->ui);
    return i < 0 ? -1 : (int)f->ui->targets[i].t.action;
}

/* Keys: the first shows the focus on the start, Tab and arrows move it with
 * wrap, Enter and keypad 5 tap the focused target (not on auto-repeat),
 * Backspace is Back or Home, F1 and keypad + count as help. */
static void test_keys(void)
{
    struct fixture f;
    struct app_event ev;
    fixture_init(&f, 0);
    f.ui->primary = 1; /* B is the screen's primary action */
    CHECK(key(&f, SDLK_TAB, SDL_SCANCODE_TAB, 0, 0, &ev) && ev.kind == APP_EV_INPUT);
    CHECK(f.ui->keys_used);
    CHECK_INT(focused_action(&f), APP_ACT_SERVICES); /* shown, not moved */
    key(&f, SDLK_TAB, SDL_SCANCODE_TAB, 0, 0, &ev);
    CHECK_INT(focused_action(&f), APP_ACT_MUNICIPALITY); /* wrapped to A */
    key(&f, SDLK_TAB, SDL_SCANCODE_TAB, KMOD_LSHIFT, 0, &ev);
    CHECK_INT(focused_action(&f), APP_ACT_SERVICES);
    key(&f, SDLK_LEFT, SDL_SCANCODE_LEFT, 0, 0, &ev);
    CHECK_INT(focused_action(&f), APP_ACT_MUNICIPALITY);
    /* Num Lock off: the keypad's 6 comes as another key code, same scancode. */
    key(&f, SDLK_RIGHT, SDL_SCANCODE_KP_6, 0, 0, &ev);
    CHECK_INT(focused_action(&f), APP_ACT_SERVICES);
    key(&f, SDLK_KP_4, SDL_SCANCODE_KP_4, 0, 0, &ev);
    CHECK_INT(focused_action(&f), APP_ACT_MUNICIPALITY);
    CHECK(key(&f, SDLK_RETURN, SDL_SCANCODE_RETURN, 0, 0, &ev) && ev.kind == APP_EV_ACTION);
    CHECK(ev.target.action == APP_ACT_MUNICIPALITY && ev.target.arg == 3);
    key(&f, SDLK_RETURN, SDL_SCANCODE_RETURN, 0, 1, &ev);
    CHECK(ev.kind == APP_EV_INPUT); /* held down: no second tap */
    CHECK(key(&f, SDLK_KP_5, SDL_SCANCODE_KP_5, 0, 0, &ev) && ev.kind == APP_EV_ACTION);
    key(&f, SDLK_UNKNOWN, SDL_SCANCODE_KP_5, 0, 0, &ev); /* KP_Begin */
    CHECK(ev.kind == APP_EV_ACTION && ev.target.action == APP_ACT_MUNICIPALITY);
    /* Backspace: no Back or Home here, nothing but presence. */
    CHECK(key(&f, SDLK_BACKSPACE, SDL_SCANCODE_BACKSPACE, 0, 0, &ev) && ev.kind == APP_EV_INPUT);
    ui_target(f.ui, (struct rect){50, 950, 300, 100}, APP_ACT_HOME, 0);
    key(&f, SDLK_BACKSPACE, SDL_SCANCODE_BACKSPACE, 0, 0, &ev);
    CHECK(ev.kind == APP_EV_ACTION && ev.target.action == APP_ACT_HOME);
    ui_target(f.ui, (struct rect){400, 950, 300, 100}, APP_ACT_BACK, 0);
    key(&f, SDLK_BACKSPACE, SDL_SCANCODE_BACKSPACE, 0, 0, &ev);
    CHECK(ev.kind == APP_EV_ACTION && ev.target.action == APP_ACT_BACK);
    /* Down from A (centre x 400) reaches the nearest of the footer row: Back
     * (centre 550), not Home (200). */
    key(&f, SDLK_DOWN, SDL_SCANCODE_DOWN, 0, 0, &ev);
    CHECK_INT(focused_action(&f), APP_ACT_BACK);
    CHECK_INT(f.in.help_count, 0);
    key(&f, SDLK_F1, SDL_SCANCODE_F1, 0, 0, &ev);
    CHECK(ev.kind == APP_EV_ACTION && ev.target.action == APP_ACT_VOICE && ev.target.arg == 1);
    key(&f, SDLK_KP_PLUS, SDL_SCANCODE_KP_PLUS, 0, 0, &ev);
    CHECK_INT(f.in.help_count, 2);
    CHECK(key(&f, SDLK_a, SDL_SCANCODE_A, 0, 0, &ev) && ev.kind == APP_EV_INPUT);
    free(f.ui);
}

/* Voice guidance: a tap on a target that has not the focus only focuses it
 * (it is then spoken); a tap on the focused one presses it. A finger held
 * 3 s anywhere but the admin corner turns voice on, and is not a tap. */
static void test_touch_and_hear(void)
{
    struct fixture f;
    struct app_event ev;
    fixture_init(&f, 0);
    f.ui->primary = -1;
    f.ui->voice = 1;
    CHECK(finger(&f, SDL_FINGERDOWN, 1, 900, 500, &ev) && ev.kind == APP_EV_INPUT);
    CHECK(finger(&f, SDL_FINGERUP, 1, 900, 500, &ev) && ev.kind == APP_EV_INPUT);
    CHECK_INT(focused_action(&f), APP_ACT_SERVICES);
    finger(&f, SDL_FINGERDOWN, 1, 900, 500, &ev);
    CHECK(finger(&f, SDL_FINGERUP, 1, 900, 500, &ev) && ev.kind == APP_EV_ACTION);
    CHECK_INT(ev.target.action, APP_ACT_SERVICES);
    /* The long hold. */
    f.ui->voice = 0;
    finger(&f, SDL_FINGERDOWN, 1, 300, 500, &ev);
    CHECK(!input_poll_hold(&f.in, f.ui, f.now + 2.9, &ev));
    CHECK(input_next_deadline(&f.in) > f.now + 2.9);
    CHECK(input_poll_hold(&f.in, f.ui, f.now + 3.0, &ev));
    CHECK(ev.kind == APP_EV_ACTION && ev.target.action == APP_ACT_VOICE && ev.target.arg == 1);
    CHECK(!finger(&f, SDL_FINGERUP, 1, 300, 500, &ev)); /* no tap after the hold */
    free(f.ui);
}

/* Frames of the screen on show with the two targets, primary B. */
static void begin_with_targets(struct fixture *f, const struct app_state *st,
                               const struct ui_view *view, int seen)
{
    if (seen)
        ui_begin(f->ui, 1920, 1080, st, view);
    else
        ui_begin_unseen(f->ui, 1920, 1080, st, view);
    ui_target(f->ui, A, APP_ACT_MUNICIPALITY, 3);
    ui_target(f->ui, B, APP_ACT_SERVICES, 0);
    f->ui->primary = 1;
}

/* After the first frame, run.c draws other screens unseen to fill the
 * caches. A key pressed before that keeps its focus; only a presented frame
 * of another screen starts the focus afresh on the primary action. */
static void test_unseen_frame(void)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 1920, 1080, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = s ? SDL_CreateSoftwareRenderer(s) : NULL;
    CHECK(r != NULL);
    if (!r) {
        SDL_FreeSurface(s);
        return;
    }
    struct fixture f;
    struct app_event ev;
    fixture_init(&f, 0);
    f.ui->r = r;
    struct app_state home = {.screen = APP_SCREEN_HOME, .screen_since = 1.0};
    struct app_state other = {.screen = APP_SCREEN_SERVICES, .screen_since = 2.0};
    struct ui_view view = {.mono = f.now};
    begin_with_targets(&f, &home, &view, 1);
    key(&f, SDLK_TAB, SDL_SCANCODE_TAB, 0, 0, &ev);
    key(&f, SDLK_TAB, SDL_SCANCODE_TAB, 0, 0, &ev);
    CHECK_INT(focused_action(&f), APP_ACT_MUNICIPALITY);
    begin_with_targets(&f, &other, &view, 0); /* drawn ahead, never shown */
    begin_with_targets(&f, &home, &view, 1);
    CHECK_INT(focused_action(&f), APP_ACT_MUNICIPALITY);
    begin_with_targets(&f, &other, &view, 1); /* the visitor went there */
    begin_with_targets(&f, &home, &view, 1);  /* and came back: afresh */
    CHECK_INT(focused_action(&f), APP_ACT_SERVICES);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(s);
    free(f.ui);
}

int main(void)
{
    test_keys();
    test_touch_and_hear();
    test_unseen_frame();
    for (int r = 0; r < 360; r += 90)
        test_tap(r); /* the same tap, whichever way the panel is mounted */
    test_drag_off();
    test_slide();
    test_outside();
    test_second_finger();
    test_mouse();
    test_admin_hold();
    test_rotation_mapping();
    int rc = CHECK_RESULT();
    printf("test_input: %s\n", rc ? "FAILED" : "ok");
    return rc;
}
