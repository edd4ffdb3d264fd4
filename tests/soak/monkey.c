/* The monkey: the kiosk as shell/run.c runs it (host, state machine, input,
 * screens), but drawn by the software renderer on a surface and fed seeded
 * random events instead of a window's: taps on what the last frame shows,
 * touches anywhere, drags, mouse clicks, every key the kiosk handles and
 * others (Escape, Alt+F4), holds, the admin PIN, config files saved good
 * and broken, status answers for each municipality, the camera coming and
 * going, and the clocks moving: small steps, idle timeouts, and wall-clock
 * jumps over midnight, year-end and holidays. monkey_check.c asserts the
 * invariants after every step; memory and descriptors are sampled after a
 * warm-up and at the end.
 *   monkey SRC [--events N] [--seed S] [--size WxH] [--rss-bound KIB] [--trace]
 * SRC is the source tree. The seed is printed; a failure prints the step and
 * its event, and --seed S --events N --trace replays it. */
#include <SDL_ttf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "date.h"
#include "images.h"
#include "monkey.h"
#include "msg.h"
#include "schedule.h"
#include "screen.h"
#include "synth_event.h"

#if defined(__SANITIZE_ADDRESS__)
#define MONKEY_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MONKEY_ASAN 1
#endif
#endif
#ifndef MONKEY_ASAN
#define MONKEY_ASAN 0
#endif

/* Memory, from the end of the warm-up (the first 40 % of the events, then
 * every screen in every language) to the end, both times in the same
 * settled state (monkey_settle). The heap in use (glibc's count of what is
 * allocated and not freed) must come back within MONKEY_HEAP_BOUND_KIB:
 * that is the leak check (seen: within 28 KiB), about a byte per event
 * after the warm-up. Anonymous RSS may grow by MONKEY_RSS_BOUND_KIB at
 * 1280x720, in proportion to the pixels above that: glibc keeps freed
 * pages, and a config swap holds two sets of fonts and text caches (sized
 * with the window) at once, so RSS rises in steps to the highest such peak
 * and stays (seen at 1280x720: +0 to +2.9 MiB, flat to the KiB for 120,000
 * events after a step; at 1920x1080 +4.1 and +5.5 MiB for one seed, so the
 * same seed varies by MiBs), not in proportion to the events as a leak
 * would. The bound leaves twice the largest growth seen at 1280x720. */
#define MONKEY_RSS_BOUND_KIB 6144
#define MONKEY_HEAP_BOUND_KIB 256
/* Shorter runs end before RSS reaches its plateau (20,000 events: +9 MiB). */
#define MONKEY_RSS_MIN_EVENTS 100000
/* The longest burst of events the loop takes before its next frame (mean
 * about half): drawing after every event would make 200,000 events take
 * ten minutes here. */
#define MONKEY_BURST_MAX 120

/* ---- randomness: splitmix64, so a seed replays the same run ---------- */

static uint64_t monkey_rand(struct monkey *m)
{
    uint64_t z = (m->rng += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static int monkey_below(struct monkey *m, int n) { return n > 0 ? (int)(monkey_rand(m) % (uint64_t)n) : 0; }

static double monkey_unit(struct monkey *m) { return (double)(monkey_rand(m) >> 11) / 9007199254740992.0; }

static void monkey_event(struct monkey *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void monkey_event(struct monkey *m, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(m->event, sizeof m->event, fmt, ap);
    va_end(ap);
    if (m->trace)
        printf("%ld %.2f %s [%s]\n", m->step, m->mono, m->event, app_screen_name(m->h.st.screen));
}

/* ---- the loop's parts, as in shell/run.c ----------------------------- */


/* What the screens show besides the state, as run.c run_draw makes it. */
static void monkey_view(struct monkey *m)
{
    struct host *h = &m->h;
    host_text(h, &m->text);
    host_running_text(m->running, sizeof m->running, m->mono, NULL);
    host_loaded_text(m->loaded, sizeof m->loaded, (long long)m->wall);
    m->view = (struct ui_view){.wall = (time_t)m->wall, .mono = m->mono, .status = h->status,
                               .camera_ok = h->camera, .microphone_ok = h->microphone,
                               .devices_block_call = h->cfg.call.require_devices &&
                                                     !(h->camera && h->microphone),
                               .config_status = m->text.config_status,
                               .health = m->text.health, .counts = m->text.counts,
                               .fleet = m->text.fleet, .running = m->running,
                               .config_loaded = m->loaded};
}

void monkey_draw(struct monkey *m)
{
    struct host *h = &m->h;
    monkey_view(m);
    ui_begin(m->ui, m->w, m->hh, &h->st, &m->view);
    screen_draw_frame(m->ui, &h->st);
    SDL_RenderPresent(m->r);
    h->dirty = 0;
    m->frames++;
    m->seen[h->st.screen]++;
}

static void monkey_restart(struct monkey *m);

static void monkey_feed(struct monkey *m, const struct app_event *ev)
{
    host_feed(&m->h, ev, m->mono);
    /* Admin's confirmed Quit: the service manager starts the kiosk again.
     * A quit from anywhere else stays set and fails the step's check. */
    if (m->h.quit && m->h.st.screen == APP_SCREEN_ADMIN)
        monkey_restart(m);
}

/* One SDL event through input.c, as run.c's run_event. */
static void monkey_sdl(struct monkey *m, const SDL_Event *e)
{
    struct app_event ev;
    int redraw = 0;
    if (input_handle(&m->in, m->ui, e, m->mono, &ev, &redraw))
        monkey_feed(m, &ev);
    if (redraw)
        m->h.dirty = 1;
}

/* The clock's part of run.c's loop turn: the tick and a hold. */
static void monkey_turn(struct monkey *m)
{
    struct app_event ev;
    host_tick(&m->h, m->mono);
    if (input_poll_hold(&m->in, m->ui, m->mono, &ev))
        monkey_feed(m, &ev);
}

static void monkey_set_time(struct monkey *m, double mono)
{
    m->wall += mono - m->mono;
    m->mono = mono;
}

/* dt seconds pass: the loop wakes at each deadline on the way (the state
 * machine's, a hold's), then at the end. */
static void monkey_advance(struct monkey *m, double dt)
{
    double end = m->mono + dt;
    for (int i = 0; i < 32; i++) {
        double next = app_next_deadline(&m->h.st), d = input_next_deadline(&m->in);
        if (d > m->mono && (next <= m->mono || d < next))
            next = d;
        if (next <= m->mono || next >= end)
            break;
        monkey_set_time(m, next);
        monkey_turn(m);
    }
    monkey_set_time(m, end);
    monkey_turn(m);
}

/* ---- touches --------------------------------------------------------- */

/* Logical (the screens') pixel -> window pixel: input.c's mapping undone. */
static void monkey_to_window(const struct ui *ui, int lx, int ly, int *wx, int *wy)
{
    switch (ui->rotation) {
    case 90: *wx = ui->win_w - 1 - ly; *wy = lx; break;
    case 180: *wx = ui->win_w - 1 - lx; *wy = ui->win_h - 1 - ly; break;
    case 270: *wx = ly; *wy = ui->win_h - 1 - lx; break;
    default: *wx = lx; *wy = ly; break;
    }
}

/* A finger event at window pixel (x, y); half the time followed by the
 * mouse event SDL makes of it (input.c must ignore those). */
static void monkey_finger(struct monkey *m, Uint32 type, int finger, int x, int y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.tfinger.touchId = 1;
    e.tfinger.fingerId = finger;
    e.tfinger.x = ((float)x + 0.5f) / (float)m->w;
    e.tfinger.y = ((float)y + 0.5f) / (float)m->hh;
    e.tfinger.pressure = 1.0f;
    monkey_sdl(m, &e);
    if (monkey_below(m, 2) == 0) {
        e = synth_mouse(type == SDL_FINGERDOWN ? SDL_MOUSEBUTTONDOWN
                        : type == SDL_FINGERUP ? SDL_MOUSEBUTTONUP : SDL_MOUSEMOTION,
                        SDL_TOUCH_MOUSEID, x, y);
        monkey_sdl(m, &e);
    }
}

static void monkey_mouse(struct monkey *m, Uint32 type, int x, int y)
{
    SDL_Event e = synth_mouse(type, 0, x, y);
    monkey_sdl(m, &e);
}

/* A window point inside a target of the last frame, or anywhere. */
static void monkey_point(struct monkey *m, int on_target, int *x, int *y, char *what,
                         size_t whatsz)
{
    const struct ui *ui = m->ui;
    if (on_target && ui->n_targets > 0) {
        const struct ui_target *t = &ui->targets[monkey_below(m, ui->n_targets)];
        int lx = t->r.x + monkey_below(m, t->r.w > 0 ? t->r.w : 1);
        int ly = t->r.y + monkey_below(m, t->r.h > 0 ? t->r.h : 1);
        monkey_to_window(ui, lx, ly, x, y);
        snprintf(what, whatsz, "%s %d", app_action_name(t->t.action), t->t.arg);
    } else {
        *x = monkey_below(m, m->w);
        *y = monkey_below(m, m->hh);
        snprintf(what, whatsz, "nothing in particular");
    }
    *x = *x < 0 ? 0 : *x >= m->w ? m->w - 1 : *x;
    *y = *y < 0 ? 0 : *y >= m->hh ? m->hh - 1 : *y;
}

/* A tap on a target of the last frame or anywhere, by finger or mouse. */
static void monkey_tap(struct monkey *m, int mouse, int on_target)
{
    int x, y;
    char what[96];
    monkey_point(m, on_target, &x, &y, what, sizeof what);
    monkey_event(m, "%s at %d,%d (%s)", mouse ? "click" : "tap", x, y, what);
    monkey_advance(m, 0.02 + 0.3 * monkey_unit(m));
    if (mouse) {
        monkey_mouse(m, SDL_MOUSEBUTTONDOWN, x, y);
        monkey_mouse(m, SDL_MOUSEBUTTONUP, x, y);
    } else {
        monkey_finger(m, SDL_FINGERDOWN, 1, x, y);
        monkey_finger(m, SDL_FINGERUP, 1, x, y);
    }
    m->taps++;
}

/* A drag: down, a few moves (sometimes a second finger lands), up. */
static void monkey_drag(struct monkey *m)
{
    int x0, y0, x1, y1;
    char what[96], to[96];
    monkey_point(m, monkey_below(m, 2), &x0, &y0, what, sizeof what);
    monkey_point(m, monkey_below(m, 2), &x1, &y1, to, sizeof to);
    int steps = 1 + monkey_below(m, 6);
    monkey_event(m, "drag %d,%d (%s) -> %d,%d in %d moves", x0, y0, what, x1, y1, steps);
    monkey_finger(m, SDL_FINGERDOWN, 1, x0, y0);
    for (int i = 1; i <= steps; i++) {
        monkey_advance(m, 0.01 + 0.05 * monkey_unit(m));
        monkey_finger(m, SDL_FINGERMOTION, 1, x0 + (x1 - x0) * i / steps,
                      y0 + (y1 - y0) * i / steps);
        if (monkey_below(m, 8) == 0)
            monkey_finger(m, SDL_FINGERDOWN, 2, x1, y0); /* ignored: one finger at a time */
    }
    monkey_finger(m, monkey_below(m, 10) ? SDL_FINGERUP : SDL_FINGERMOTION, 1, x1, y1);
    if (m->in.down)
        monkey_finger(m, SDL_FINGERUP, 1, x1, y1); /* the finger that stayed down lifts */
}

/* A finger held: in the admin corner for the PIN (5 s), elsewhere for
 * voice guidance (3 s); sometimes lifted early. */
static void monkey_hold(struct monkey *m)
{
    int corner = monkey_below(m, 2), x, y;
    char what[96];
    if (corner) {
        int lx = monkey_below(m, m->ui->L.target_min), ly = monkey_below(m, m->ui->L.target_min);
        monkey_to_window(m->ui, lx, ly, &x, &y);
    } else {
        monkey_point(m, 0, &x, &y, what, sizeof what);
    }
    double secs = (corner ? INPUT_HOLD_S : INPUT_VOICE_HOLD_S) * (0.5 + monkey_unit(m));
    monkey_event(m, "hold %s at %d,%d for %.1f s", corner ? "admin corner" : "anywhere", x, y,
                 secs);
    monkey_finger(m, SDL_FINGERDOWN, 1, x, y);
    monkey_advance(m, secs);
    monkey_finger(m, SDL_FINGERUP, 1, x, y);
}

/* Taps the target doing action (arg), if the frame has one. */
static void monkey_tap_target(struct monkey *m, enum app_action a, int arg)
{
    for (int i = 0; i < m->ui->n_targets; i++) {
        const struct ui_target *t = &m->ui->targets[i];
        if (t->t.action != a || t->t.arg != arg)
            continue;
        int x, y;
        monkey_to_window(m->ui, t->r.x + t->r.w / 2, t->r.y + t->r.h / 2, &x, &y);
        monkey_finger(m, SDL_FINGERDOWN, 1, x, y);
        monkey_finger(m, SDL_FINGERUP, 1, x, y);
        monkey_advance(m, 0.2);
        return;
    }
}

/* The admin's way in: the corner held, then the shipped PIN (2468) or a
 * wrong one, after any lockout from earlier wrong ones. */
static void monkey_pin(struct monkey *m)
{
    int wrong = monkey_below(m, 4) == 0;
    monkey_event(m, "admin corner held, PIN %s", wrong ? "1357 (wrong)" : "2468");
    if (m->h.st.screen != APP_SCREEN_ADMIN_PIN) {
        int x, y;
        monkey_to_window(m->ui, 1, 1, &x, &y);
        monkey_finger(m, SDL_FINGERDOWN, 1, x, y);
        monkey_advance(m, INPUT_HOLD_S + 0.1);
        monkey_finger(m, SDL_FINGERUP, 1, x, y);
        monkey_draw(m); /* the PIN pad's targets */
    }
    if (m->h.st.pin_locked_until > m->mono) /* the lockout after wrong PINs */
        monkey_advance(m, m->h.st.pin_locked_until - m->mono + 0.1);
    if (m->h.st.screen != APP_SCREEN_ADMIN_PIN)
        return; /* no PIN configured, a call, or the wait outlasted the idle timeout */
    static const int right[] = {2, 4, 6, 8}, bad[] = {1, 3, 5, 7};
    for (int i = 0; i < 4; i++)
        monkey_tap_target(m, APP_ACT_PIN_DIGIT, wrong ? bad[i] : right[i]);
    monkey_tap_target(m, APP_ACT_PIN_ENTER, 0);
    monkey_draw(m);
}

/* ---- keys ------------------------------------------------------------ */

static const struct monkey_key {
    SDL_Keycode sym;
    SDL_Scancode scan;
    Uint16 mod;
    const char *name;
} monkey_keys[] = {
    {SDLK_TAB, SDL_SCANCODE_TAB, 0, "Tab"},
    {SDLK_TAB, SDL_SCANCODE_TAB, KMOD_LSHIFT, "Shift+Tab"},
    {SDLK_RIGHT, SDL_SCANCODE_RIGHT, 0, "Right"},
    {SDLK_LEFT, SDL_SCANCODE_LEFT, 0, "Left"},
    {SDLK_UP, SDL_SCANCODE_UP, 0, "Up"},
    {SDLK_DOWN, SDL_SCANCODE_DOWN, 0, "Down"},
    {SDLK_KP_2, SDL_SCANCODE_KP_2, KMOD_NUM, "KP2"},
    {SDLK_KP_4, SDL_SCANCODE_KP_4, KMOD_NUM, "KP4"},
    {SDLK_KP_6, SDL_SCANCODE_KP_6, KMOD_NUM, "KP6"},
    {SDLK_KP_8, SDL_SCANCODE_KP_8, KMOD_NUM, "KP8"},
    {SDLK_KP_5, SDL_SCANCODE_KP_5, KMOD_NUM, "KP5"},
    {SDLK_UNKNOWN, SDL_SCANCODE_KP_5, 0, "KP5 (Num Lock off)"},
    {SDLK_DOWN, SDL_SCANCODE_KP_2, 0, "KP2 (Num Lock off)"},
    {SDLK_RETURN, SDL_SCANCODE_RETURN, 0, "Enter"},
    {SDLK_KP_ENTER, SDL_SCANCODE_KP_ENTER, 0, "KP Enter"},
    {SDLK_SPACE, SDL_SCANCODE_SPACE, 0, "Space"},
    {SDLK_BACKSPACE, SDL_SCANCODE_BACKSPACE, 0, "Backspace"},
    {SDLK_KP_BACKSPACE, SDL_SCANCODE_KP_BACKSPACE, 0, "KP Backspace"},
    {SDLK_F1, SDL_SCANCODE_F1, 0, "F1 (help)"},
    {SDLK_KP_PLUS, SDL_SCANCODE_KP_PLUS, 0, "KP + (help)"},
    {SDLK_HELP, SDL_SCANCODE_HELP, 0, "Help"},
    {SDLK_ESCAPE, SDL_SCANCODE_ESCAPE, 0, "Escape"},
    {SDLK_F4, SDL_SCANCODE_F4, KMOD_LALT, "Alt+F4"},
    {SDLK_q, SDL_SCANCODE_Q, KMOD_LCTRL, "Ctrl+Q"},
    {SDLK_F11, SDL_SCANCODE_F11, 0, "F11"},
    {SDLK_a, SDL_SCANCODE_A, 0, "a"},
};

static void monkey_key(struct monkey *m)
{
    const struct monkey_key *k = &monkey_keys[monkey_below(m, sizeof monkey_keys / sizeof monkey_keys[0])];
    int repeat = monkey_below(m, 10) == 0;
    monkey_event(m, "key %s%s", k->name, repeat ? " (repeat)" : "");
    monkey_advance(m, 0.05 + 0.5 * monkey_unit(m));
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.repeat = (Uint8)repeat;
    e.key.keysym.sym = k->sym;
    e.key.keysym.scancode = k->scan;
    e.key.keysym.mod = k->mod;
    monkey_sdl(m, &e);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    monkey_sdl(m, &e);
    m->keys++;
}

/* ---- the world: clocks, configs, status answers, devices ------------- */

/* UTC seconds of a time in Japan. */
static double monkey_jst(int y, int mo, int d, int h, int mi, int s)
{
    return (double)date_days_from_civil(y, mo, d) * 86400.0 + h * 3600 + mi * 60 + s -
           DATE_TOKYO_OFFSET_S;
}

/* The wall clock jumps: just before midnight, New Year's Eve, a holiday,
 * a counter's opening or closing minute, a leap day, or anywhere. */
static void monkey_wall_jump(struct monkey *m)
{
    static const int holidays[][3] = {{1, 1}, {1, 2}, {1, 3}, {1, 12}, {2, 11}, {2, 23},
                                      {3, 20}, {4, 29}, {5, 3}, {5, 6}, {7, 20}, {8, 11},
                                      {9, 23}, {10, 13}, {11, 3}, {11, 24}, {12, 29}};
    int y = 2025 + monkey_below(m, 8), kind = monkey_below(m, 6), mo = 1 + monkey_below(m, 12);
    int d = 1 + monkey_below(m, date_days_in_month(y, mo));
    const int *hd = holidays[monkey_below(m, sizeof holidays / sizeof holidays[0])];
    switch (kind) {
    case 0: m->wall = monkey_jst(y, 12, 31, 23, 59, 30 + monkey_below(m, 30)); break;
    case 1: m->wall = monkey_jst(y, mo, d, 23, 59, 50); break;
    case 2: m->wall = monkey_jst(y, hd[0], hd[1], 8 + monkey_below(m, 10), 45, 0); break;
    case 3: m->wall = monkey_jst(y, mo, d, monkey_below(m, 2) ? 8 : 17, monkey_below(m, 2) ? 44 : 30, 59); break;
    case 4: m->wall = monkey_jst(2028, 2, 28 + monkey_below(m, 2), 23, 59, 55); break;
    default: m->wall = monkey_jst(2000 + monkey_below(m, 36), mo, d, monkey_below(m, 24), monkey_below(m, 60), 0); break;
    }
    struct schedule_local l;
    schedule_local_time((time_t)m->wall, &l);
    monkey_event(m, "wall clock to %04d-%02d-%02d %02d:%02d:%02d JST", l.y, l.m, l.d, l.hour,
                 l.min, l.sec);
    m->wall_jumps++;
    if (kind == 2 || kind == 5)
        return;
    /* Just before midnight, New Year, a leap day or an opening minute: the
     * frame before and the frame after the minute turns. */
    monkey_draw(m);
    monkey_check_frame(m);
    monkey_advance(m, 61 - l.sec);
    monkey_draw(m);
    monkey_check_frame(m);
}

/* A config file saved (half the time a good one): the file watch's reload. */
static void monkey_reload(struct monkey *m)
{
    int i = monkey_below(m, 2) ? monkey_env_good(m, monkey_rand(m)) : monkey_below(m, m->n_cfgs);
    monkey_event(m, "config saved: %s (%s)", m->cfgs[i].name, m->cfgs[i].good ? "good" : "broken");
    if (monkey_env_write(m, i) != 0)
        monkey_fail(m, "cannot write %s", m->cfg_path);
    long failures = m->h.usage.config_reload_failures;
    host_reload(&m->h, m->mono);
    int refused = m->h.usage.config_reload_failures != failures;
    if (refused == m->cfgs[i].good)
        monkey_fail(m, "%s %s by a live reload", m->cfgs[i].name, refused ? "refused" : "taken");
    *(m->cfgs[i].good ? &m->reloads_good : &m->reloads_bad) += 1;
}

/* A status answer (or failure) for one municipality, as the worker gives. */
static void monkey_status(struct monkey *m)
{
    static const char *const bodies[] = {
        "{\"available\": true}",
        "{\"available\": true, \"message\": \"Welcome\"}",
        "{\"available\": false}",
        "{\"available\": false, \"wait_minutes\": 20}",
        "{\"available\": false, \"wait_minutes\": 0, \"message\": {\"ja\": \"ただいま混み合っています\", "
        "\"en\": \"Busy right now\"}}",
        "{\"available\": false, \"wait_minutes\": 1440}",
        "{\"available\": false, \"wait_minutes\": 99999}",
        "{\"available\": \"yes\"}",
        "<html>502 Bad Gateway</html>",
        NULL, /* the poll failed: no answer */
    };
    if (m->h.cfg.n_municipalities == 0)
        return;
    int i = monkey_below(m, m->h.cfg.n_municipalities);
    int b = monkey_below(m, sizeof bodies / sizeof bodies[0]);
    struct status_info s;
    if (bodies[b])
        status_parse(bodies[b], strlen(bodies[b]), &s);
    else
        status_info_unknown(&s, "HTTP 500");
    monkey_event(m, "status of %s: %s -> %s", m->h.cfg.municipalities[i].id,
                 bodies[b] ? bodies[b] : "(failed)", status_state_name(s.state));
    /* What host_wakeup does with the worker's copy. */
    status_info_free(&m->h.status[i]);
    m->h.status[i] = s;
    m->status_changes++;
}

static void monkey_devices(struct monkey *m)
{
    m->camera = monkey_below(m, 4) != 0;
    m->microphone = monkey_below(m, 4) != 0;
    m->open_fails = monkey_below(m, 5) == 0;
    monkey_event(m, "camera %d, microphone %d, the URL handler %s", m->camera, m->microphone,
                 m->open_fails ? "fails" : "works");
    m->h.camera = m->camera;
    m->h.microphone = m->microphone;
}

/* The visitor walks away: the idle timeout (or the longest wait a visitor
 * may hold the page for) passes, and nothing of them may remain. */
static void monkey_idle(struct monkey *m)
{
    if (m->in.down)
        monkey_finger(m, SDL_FINGERUP, 1, 0, 0);
    double left = app_idle_remaining(&m->h.st, m->mono);
    if (left > 1e9) /* home without a visit: nothing resets, but keys left a focus there */
        left = m->h.st.last_input + m->h.cfg.kiosk.idle_timeout_s - m->mono;
    double dt = (left > 0 ? left : 0) + 1 + 60 * monkey_unit(m);
    monkey_event(m, "idle for %.1f s", dt);
    monkey_advance(m, dt);
    monkey_check_idle(m);
}

/* The system's URL handler of a call without launcher. */
static struct monkey *monkey_live;

static int monkey_open_url(const char *url, char *err, size_t errsz)
{
    struct monkey *m = monkey_live;
    if (m->call_open)
        monkey_fail(m, "a second call (%s) while one is in progress", url);
    if (m->open_fails) {
        snprintf(err, errsz, "no handler (monkey)");
        m->call_fails++;
        return -1;
    }
    m->call_open = 1;
    m->calls++;
    return 0;
}

static void monkey_swapped(void *ctx, const struct config *cfg)
{
    struct monkey *m = ctx;
    ui_set_config(m->ui, cfg, m->fonts_dir); /* keeps the old fonts if unusable, as run.c */
}

/* ---- start, restart, the run ----------------------------------------- */

static int monkey_start(struct monkey *m)
{
    for (int tries = 0; tries < 2; tries++) {
        if (host_load(&m->h, &m->opts) == 0) {
            m->ui = ui_create(m->r, &m->h.cfg, m->fonts_dir);
            if (m->ui) {
                ui_set_surface(m->ui, m->surf);
                host_start(&m->h, NULL, m->mono);
                m->h.camera = m->camera;
                m->h.microphone = m->microphone;
                monkey_draw(m);
                return 0;
            }
            host_stop(&m->h, m->mono);
        }
        /* The kiosk would not start on this file: staff put the shipped one back. */
        if (monkey_env_write(m, 0) != 0)
            break;
    }
    return -1;
}

static void monkey_restart(struct monkey *m)
{
    host_stop(&m->h, m->mono);
    ui_destroy(m->ui);
    m->ui = NULL;
    memset(&m->in, 0, sizeof m->in);
    m->call_open = 0;
    m->restarts++;
    if (monkey_start(m) != 0)
        monkey_fail(m, "the kiosk does not start again after Quit");
}

enum monkey_kind { MK_TAP, MK_TOUCH, MK_CLICK, MK_DRAG, MK_KEY, MK_TICK, MK_IDLE, MK_WALL,
                   MK_RELOAD, MK_STATUS, MK_DEVICES, MK_HOLD, MK_PIN, MK_COUNT };
/* Weights per 10,000 events. Config loads and PIN entries are rare: each
 * costs a PBKDF2 of 200,000 rounds (the shipped PIN's), some 50 ms. */
static const int monkey_weights[MK_COUNT] = {3000, 600, 600, 600, 3876, 600, 50, 80, 10, 400,
                                             120, 60, 4};

static void monkey_one(struct monkey *m)
{
    int r = monkey_below(m, 10000), k = 0;
    while (k < MK_COUNT - 1 && r >= monkey_weights[k])
        r -= monkey_weights[k++];
    switch ((enum monkey_kind)k) {
    case MK_TAP: monkey_tap(m, 0, 1); break;
    case MK_TOUCH: monkey_tap(m, 0, 0); break;
    case MK_CLICK: monkey_tap(m, 1, monkey_below(m, 2)); break;
    case MK_DRAG: monkey_drag(m); break;
    case MK_KEY: monkey_key(m); break;
    case MK_TICK:
        monkey_event(m, "time passes");
        monkey_advance(m, 30 * monkey_unit(m) * monkey_unit(m));
        break;
    case MK_IDLE: monkey_idle(m); break;
    case MK_WALL: monkey_wall_jump(m); break;
    case MK_RELOAD: monkey_reload(m); break;
    case MK_STATUS: monkey_status(m); break;
    case MK_DEVICES: monkey_devices(m); break;
    case MK_HOLD: monkey_hold(m); break;
    default: monkey_pin(m); break;
    }
    /* run.c handles every queued event before it draws: a burst of 1 to
     * MONKEY_BURST_MAX events (a fast finger, keys held) goes to the targets
     * of the frame before it, then the frame is drawn and checked. The real
     * loop also draws after each change; of the frames skipped here the
     * focus's part runs (ui_focus_begin, which ui_begin calls): it follows
     * screens and visits from one frame to the next. */
    if (--m->burst <= 0) {
        monkey_draw(m);
        monkey_check_frame(m);
        m->burst = 1 + monkey_below(m, MONKEY_BURST_MAX);
    } else {
        m->view.mono = m->mono;
        ui_focus_begin(m->ui, &m->h.st);
    }
    monkey_check_step(m);
}

/* Every screen in every language (and the modes), drawn once: the caches
 * and fonts a long run needs are all there before memory is sampled. */
static void monkey_tour(struct monkey *m)
{
    const struct config *c = &m->h.cfg;
    monkey_view(m); /* the status answers of this config */
    static const char *const plain[] = {"home", "municipalities", "services", "kpi", "thanks",
                                        "admin-pin", "admin", "idle-warning"};
    for (int l = 0; l < c->kiosk.n_languages; l++)
        for (int i = 0; i < 8 + c->n_municipalities * 4 + c->n_services; i++) {
            char name[160];
            int k = i - 8, mu = k / 4;
            static const char *const per_muni[] = {"municipality", "calling", "in-call", "call-failed"};
            if (i < 8)
                snprintf(name, sizeof name, "%s", plain[i]);
            else if (mu < c->n_municipalities)
                snprintf(name, sizeof name, "%s:%s", per_muni[k % 4], c->municipalities[mu].id);
            else
                snprintf(name, sizeof name, "service:%s", c->services[k - 4 * c->n_municipalities].id);
            struct host_frame f = {.screen = name, .lang = c->kiosk.languages[l],
                                   .high_contrast = i % 2, .large_text = (i / 2) % 2};
            struct app_state st;
            if (host_frame_state(c, &f, m->mono, &st) != 0)
                continue;
            ui_begin(m->ui, m->w, m->hh, &st, &m->view);
            screen_draw_frame(m->ui, &st);
        }
    m->h.dirty = 1;
}

/* The same state for both samples of memory and descriptors: the visitor
 * gone, the shipped config in use (a fresh swap), every screen drawn in
 * every language, so every font it names is open both times. */
static void monkey_settle(struct monkey *m)
{
    snprintf(m->event, sizeof m->event, "settling for a memory sample");
    monkey_idle(m);
    if (monkey_env_write(m, 0) != 0)
        monkey_fail(m, "cannot write %s", m->cfg_path);
    host_reload(&m->h, m->mono);
    if (m->h.next_ready)
        monkey_fail(m, "the shipped config did not come in at home");
    monkey_tour(m);
    monkey_draw(m);
    struct text_cache_stats tc;
    text_cache_stats(m->ui->text, &tc);
    printf("monkey: settled at step %ld: text cache %d entries %zu KiB, %d fonts open, heap %ld KiB\n",
           m->step, tc.entries, tc.bytes / 1024, tc.fonts_open, monkey_heap_kib());
}

struct monkey_args {
    long events;
    int w, h, trace;
    long rss_bound;
    uint64_t seed;
};

static int monkey_args(int argc, char **argv, struct monkey_args *a)
{
    *a = (struct monkey_args){.events = 200000, .w = 1280, .h = 720,
                              .rss_bound = MONKEY_RSS_BOUND_KIB,
                              .seed = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 16)};
    int rss_given = 0;
    const char *env = getenv("MONKEY_SEED");
    if (env && *env)
        a->seed = strtoull(env, NULL, 10);
    for (int i = 2; i < argc; i++) {
        char *end = NULL;
        const char *v = i + 1 < argc ? argv[i + 1] : "";
        if (!strcmp(argv[i], "--events"))
            a->events = strtol(v, &end, 10);
        else if (!strcmp(argv[i], "--seed"))
            a->seed = strtoull(v, &end, 10);
        else if (!strcmp(argv[i], "--rss-bound")) {
            a->rss_bound = strtol(v, &end, 10);
            rss_given = 1;
        }
        else if (!strcmp(argv[i], "--size") && sscanf(v, "%dx%d", &a->w, &a->h) == 2)
            end = "";
        else if (!strcmp(argv[i], "--trace")) {
            a->trace = 1;
            continue;
        }
        if (!end || *end || !*v)
            return -1;
        i++;
    }
    if (!rss_given && (long)a->w * a->h > 1280L * 720)
        a->rss_bound = (long)((double)MONKEY_RSS_BOUND_KIB * a->w * a->h / (1280.0 * 720));
    return argc >= 2 && a->events > 0 && a->w >= 320 && a->h >= 240 ? 0 : -1;
}

/* Memory and descriptors after the warm-up and at the end. */
struct monkey_mem {
    long rss0, rss1, anon0, anon1, heap0, heap1;
    int fd0, fd1;
};

static void monkey_sample(long *rss, long *anon, long *heap, int *fd)
{
    *rss = monkey_rss_kib();
    *anon = monkey_anon_kib();
    *heap = monkey_heap_kib();
    *fd = monkey_fd_count();
}

static int monkey_report(struct monkey *m, const struct monkey_args *a,
                         const struct monkey_mem *mem, double secs)
{
    printf("monkey: %ld events in %.1f s (%.0f/s): %ld frames, %ld taps, %ld keys, %ld calls "
           "(%ld failed to open), %ld idle resets checked, %ld reloads good and %ld broken, "
           "%ld status changes, %ld wall-clock jumps, %ld restarts\n",
           m->step, secs, m->step / (secs > 0 ? secs : 1), m->frames, m->taps, m->keys,
           m->calls, m->call_fails, m->idle_checks, m->reloads_good, m->reloads_bad,
           m->status_changes, m->wall_jumps, m->restarts);
    struct text_cache_stats tc;
    text_cache_stats(m->ui->text, &tc);
    printf("monkey: text cache: %lu hits, %lu misses, %lu evictions, %d entries, %zu KiB; "
           "measures %lu hits, %lu misses; %d fonts open\n", tc.hits, tc.misses, tc.evictions,
           tc.entries, tc.bytes / 1024, tc.measure_hits, tc.measure_misses, tc.fonts_open);
    printf("monkey: screens drawn:");
    for (int s = 0; s < APP_SCREEN_COUNT; s++)
        printf(" %s %ld", app_screen_name((enum app_screen)s), m->seen[s]);
    printf("\nmonkey: memory after the warm-up: RSS %ld KiB (anonymous %ld), heap in use %ld "
           "KiB, %d descriptors\n", mem->rss0, mem->anon0, mem->heap0, mem->fd0);
    printf("monkey: memory at the end:       RSS %ld KiB (anonymous %ld), heap in use %ld "
           "KiB, %d descriptors\n", mem->rss1, mem->anon1, mem->heap1, mem->fd1);
    printf("monkey: growth: RSS %+ld KiB, anonymous %+ld KiB (bound %ld), heap %+ld KiB (bound "
           "%d), descriptors %+d (bound 0)\n", mem->rss1 - mem->rss0, mem->anon1 - mem->anon0,
           a->rss_bound, mem->heap1 - mem->heap0, MONKEY_HEAP_BOUND_KIB, mem->fd1 - mem->fd0);
    int rc = 0;
    if (mem->fd1 != mem->fd0) {
        printf("FAIL: descriptors grew from %d to %d\n", mem->fd0, mem->fd1);
        rc = 1;
    }
    if (MONKEY_ASAN)
        printf("monkey: AddressSanitizer build: RSS and heap say nothing here (shadow memory, "
               "quarantine), their bound is not checked; descriptors are\n");
    else if (a->events < MONKEY_RSS_MIN_EVENTS)
        printf("monkey: %ld events: too few for RSS to reach its plateau, its bound is checked "
               "from %d events; the heap's is\n", a->events, MONKEY_RSS_MIN_EVENTS);
    if (!MONKEY_ASAN && a->events >= MONKEY_RSS_MIN_EVENTS &&
        (mem->anon0 < 0 || mem->anon1 - mem->anon0 > a->rss_bound)) {
        printf("FAIL: anonymous RSS grew by %ld KiB, more than %ld KiB\n",
               mem->anon1 - mem->anon0, a->rss_bound);
        rc = 1;
    }
    if (!MONKEY_ASAN && mem->heap1 - mem->heap0 > MONKEY_HEAP_BOUND_KIB) {
        printf("FAIL: the heap in use grew by %ld KiB, more than %d KiB: a leak\n",
               mem->heap1 - mem->heap0, MONKEY_HEAP_BOUND_KIB);
        rc = 1;
    }
    return rc;
}

static int monkey_run(struct monkey *m, const struct monkey_args *a)
{
    struct monkey_mem mem = {-1, -1, -1, -1, -1, -1, -1, -1};
    long warm = a->events * 2 / 5;
    Uint64 t0 = SDL_GetPerformanceCounter();
    for (m->step = 0; m->step < a->events; m->step++) {
        if (m->step == warm) {
            monkey_settle(m);
            monkey_sample(&mem.rss0, &mem.anon0, &mem.heap0, &mem.fd0);
        }
        if (m->step % (a->events / 10 > 0 ? a->events / 10 : 1) == 0) {
            struct text_cache_stats tc;
            text_cache_stats(m->ui->text, &tc);
            printf("monkey: step %ld: RSS %ld KiB (anonymous %ld), heap %ld KiB, %d descriptors, "
                   "text cache %d entries %zu KiB, %d fonts open\n", m->step, monkey_rss_kib(),
                   monkey_anon_kib(), monkey_heap_kib(), monkey_fd_count(), tc.entries,
                   tc.bytes / 1024, tc.fonts_open);
        }
        monkey_one(m);
    }
    monkey_settle(m);
    if (mem.fd0 < 0) /* fewer events than the warm-up: sample now */
        monkey_sample(&mem.rss0, &mem.anon0, &mem.heap0, &mem.fd0);
    monkey_sample(&mem.rss1, &mem.anon1, &mem.heap1, &mem.fd1);
    double secs = (double)(SDL_GetPerformanceCounter() - t0) / (double)SDL_GetPerformanceFrequency();
    return monkey_report(m, a, &mem, secs);
}

/* A failure exits from anywhere (monkey_fail): the temporary folder goes. */
static void monkey_at_exit(void)
{
    if (monkey_live)
        monkey_env_close(monkey_live);
}

int main(int argc, char **argv)
{
    static struct monkey mk; /* large: not on the stack */
    struct monkey *m = &mk;
    struct monkey_args a;
    if (monkey_args(argc, argv, &a) != 0) {
        fprintf(stderr, "usage: monkey SRC [--events N] [--seed S] [--size WxH] "
                        "[--rss-bound KIB] [--trace]\n");
        return 2;
    }
    m->src = argv[1];
    m->seed = m->rng = a.seed;
    m->trace = a.trace;
    m->w = a.w;
    m->hh = a.h;
    m->camera = m->microphone = 1;
    m->mono = 1000.0;
    m->wall = monkey_jst(2026, 12, 2, 10, 0, 0);
    monkey_live = m;
    atexit(monkey_at_exit);
    msg_set_level(MSG_ERROR);
    printf("monkey: seed %llu, %ld events at %dx%d (MONKEY_SEED=%llu or --seed %llu replays)\n",
           (unsigned long long)a.seed, a.events, a.w, a.h, (unsigned long long)a.seed,
           (unsigned long long)a.seed);
    fflush(stdout);
    int rc = 1;
    if (SDL_Init(0) != 0 || TTF_Init() != 0) {
        fprintf(stderr, "monkey: SDL/TTF init: %s\n", SDL_GetError());
        return 1;
    }
    m->surf = SDL_CreateRGBSurfaceWithFormat(0, a.w, a.h, 32, SDL_PIXELFORMAT_XRGB8888);
    m->r = m->surf ? SDL_CreateSoftwareRenderer(m->surf) : NULL;
    m->opts = (struct host_opts){.config = m->cfg_path, .fonts_dir = m->fonts_dir,
                                 .image_probe = images_probe, .workers = 0,
                                 .hooks = {.ctx = m, .open_url = monkey_open_url,
                                           .config_swapped = monkey_swapped}};
    if (!m->r || monkey_env_open(m) != 0 || monkey_start(m) != 0)
        fprintf(stderr, "monkey: cannot set up the kiosk: %s\n", SDL_GetError());
    else
        rc = monkey_run(m, &a);
    if (m->ui) {
        host_stop(&m->h, m->mono);
        ui_destroy(m->ui);
    }
    if (m->r)
        SDL_DestroyRenderer(m->r);
    SDL_FreeSurface(m->surf);
    monkey_env_close(m);
    TTF_Quit();
    SDL_Quit();
    printf("monkey: %s\n", rc ? "FAILED" : "passed");
    return rc;
}
