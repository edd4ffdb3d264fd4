/* The interactive kiosk: one window, a loop that sleeps until something
 * happens, and the state machine's commands carried out at the edges. */
#include "images.h"
#include "run.h"
#include "run_hints.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "attract.h"
#include "callbar.h"
#include "devices.h"
#include "fonts.h"
#include "host.h"
#include "input.h"
#include "jseg.h"
#include "msg.h"
#include "screen.h"
#include "sdnotify.h"
#include "ui_start.h"
#include "voice.h"
#include "watchdog.h"

struct run {
    const struct cli *cli;
    const struct run_paths *paths;
    struct host host; /* config, state machine, call, workers */
    SDL_Window *win;
    SDL_Renderer *ren;
    struct ui *ui;
    struct fonts *fonts; /* the first frame's fonts (made while SDL starts, */
    struct jseg *jseg;   /* ui_start.c) and segmenter, until the ui takes them */
    struct ui_start *start; /* the thread opening the first frame's faces */
    int unset_bus, unset_compose; /* set for SDL_Init only: unset after the thread */
    struct input in;
    struct callbar bar;
    struct devices devices;
    Uint32 wake_type;
    int last_minute;
    int logged_screen; /* the screen whose targets were last logged (+1), negated for the
                          idle warning over it */
    double next_redraw; /* a screen's own next change (attract pages), or < 0 */
    int startup_step;   /* the next of run_startup_step's steps */
    int devices_due;    /* back on home: the device check, once no event waits */
    int drawn;          /* frames presented (run_mark: the first) */
    double trim_at;     /* when ui_trim is due (a quiet second after a frame), or < 0 */
    struct voice voice;             /* voice guidance */
    char health[512];               /* admin: host's health and what voice lacks */
    struct app_target logged_focus; /* the focus last logged (--verbose), */
    int logged_focus_on;            /* 0: none shown */
    double started;       /* run_now() at start, for the admin's uptime */
    int notify;           /* NOTIFY_SOCKET set: systemd listens */
    struct watchdog wd;   /* when WATCHDOG=1 may go */
    char notify_status[512]; /* the last STATUS= sent */
    int fullscreen;     /* the window covers the display: WM close is ignored */
};

/* The running kiosk, for the exit handler: Xlib ends the process with
 * exit(1) when the display goes away, from inside SDL. */
static struct run *run_live;
static volatile sig_atomic_t run_hup;
/* Set once the exit handler runs: a wake-up then must not reach the X
 * server (SDL_PushEvent wakes the loop through it; a dead connection
 * would exit again from the worker's thread). */
static _Atomic int run_exiting;

/* SIGHUP (the terminal or session gone) is a clean stop, as SIGTERM: SDL's
 * own SIGTERM handler turns it into SDL_QUIT. Only async-signal-safe calls. */
static void run_on_hup(int sig)
{
    (void)sig;
    run_hup = 1;
    kill(getpid(), SIGTERM);
}

/* exit() while the loop still runs: the display was lost (Xlib's I/O
 * error handler exits) or a library gave up. The call must not outlive
 * the kiosk and the metrics must say it is down; the supervisor restarts. */
static void run_at_exit(void)
{
    struct run *r = run_live;
    if (!r)
        return;
    run_live = NULL;
    run_exiting = 1;
    /* No hook may touch the display again: each X call would exit anew. */
    memset(&r->host.o.hooks, 0, sizeof r->host.o.hooks);
    msg_error("the display connection was lost (or a library called exit): ending the call "
              "and stopping; the service manager starts the kiosk again");
    host_stop(&r->host, (double)SDL_GetTicks64() / 1000.0);
}

static double run_now(void) { return (double)SDL_GetTicks64() / 1000.0; }

/* With --verbose, where the start-up's time goes: the process's CPU time
 * since exec (dynamic loading included) and the wall time since main's
 * first mark, at each step before the first frame (README: kiosk_bench). */
static void run_mark(const char *step)
{
    static struct timespec wall0;
    struct timespec cpu, wall;
    if (msg_get_level() < MSG_DEBUG)
        return;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
    clock_gettime(CLOCK_MONOTONIC, &wall);
    if (!wall0.tv_sec)
        wall0 = wall;
    msg_debug("start-up: %s: CPU %.1f ms since exec, %.1f ms since the config", step,
              (double)cpu.tv_sec * 1e3 + (double)cpu.tv_nsec / 1e6,
              (double)(wall.tv_sec - wall0.tv_sec) * 1e3 +
                  (double)(wall.tv_nsec - wall0.tv_nsec) / 1e6);
}

/* Called from worker threads: only posts an event (mpv's wake-up rule). */
static void run_wake(void *ctx)
{
    struct run *r = ctx;
    if (run_exiting)
        return;
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = r->wake_type;
    SDL_PushEvent(&e);
}

/* A call without a launcher goes to the system's handler for the URL. */
static int run_open_url(const char *url, char *err, size_t errsz)
{
    if (SDL_OpenURL(url) == 0)
        return 0;
    snprintf(err, errsz, "SDL_OpenURL: %s", SDL_GetError());
    return -1;
}

static void run_config_swapped(void *ctx, const struct config *cfg)
{
    struct run *r = ctx;
    if (ui_set_config(r->ui, cfg, r->paths->fonts_dir) != 0)
        msg_warn("new config: fonts unusable, keeping the previous fonts");
}

/* The browser takes the screen above the call bar, never the strip under
 * it: the bar cannot cover the clerk's face, and the clerk's picture stays
 * near the camera above the screen. */
static void run_call_place(void *ctx, struct call_session *cs)
{
    struct run *r = ctx;
    int wx, wy, ww, wh, bar = layout_callbar_h(&r->ui->L);
    SDL_GetWindowPosition(r->win, &wx, &wy);
    SDL_GetWindowSize(r->win, &ww, &wh); /* not the layout's: that one may be rotated */
    cs->x = wx;
    cs->y = wy;
    cs->w = ww;
    cs->h = wh - bar;
}

static void run_devices_refresh(struct run *r)
{
    struct devices was = r->devices;
    devices_refresh(&r->devices);
    r->host.camera = r->devices.camera;
    r->host.microphone = r->devices.microphone;
    if (r->devices.camera != was.camera || r->devices.microphone != was.microphone)
        r->host.dirty = 1; /* home shows whether a call can start */
}

/* The call bar lives exactly as long as a launched browser's call. */
static void run_sync_callbar(struct run *r)
{
    const struct host *h = &r->host;
    int want = app_in_call(&h->st) && h->cfg.call.n_launcher > 0;
    if (want && !callbar_is_open(&r->bar)) {
        int x, y, w, hh;
        SDL_GetWindowPosition(r->win, &x, &y);
        SDL_GetWindowSize(r->win, &w, &hh);
        int bar = layout_callbar_h(&r->ui->L);
        callbar_open(&r->bar, &h->cfg, r->paths->fonts_dir, x, y + hh - bar, w, bar);
        r->host.dirty = 1;
    } else if (!want && callbar_is_open(&r->bar)) {
        callbar_close(&r->bar);
    }
}

static void run_after_event(void *ctx, enum app_screen before)
{
    struct run *r = ctx;
    if (r->host.st.screen == APP_SCREEN_HOME && before != APP_SCREEN_HOME)
        r->devices_due = 1; /* between visitors, after home is shown (run_loop) */
    run_sync_callbar(r);
}

static void run_call_over(void *ctx)
{
    struct run *r = ctx;
    SDL_RaiseWindow(r->win);
    /* Keys too come back to the kiosk: without a window manager (xinit)
     * nobody else hands it the keyboard after the call's windows went. */
    SDL_SetWindowInputFocus(r->win);
}

/* With --verbose, which target a tap hit and whether a finger or the mouse
 * made it (tests check the finger path, e.g. under rotation). */
static void run_log_tap(const SDL_Event *e, const struct app_event *ev)
{
    if (ev->kind == APP_EV_ACTION)
        msg_debug("tap %s %d by %s", app_action_name(ev->target.action), ev->target.arg,
                  e->type == SDL_FINGERUP ? "finger" : "mouse");
}

static void run_event(struct run *r, const SDL_Event *e, double now)
{
    if (e->type == SDL_QUIT) {
        r->host.quit = 1;
        return;
    }
    if (e->type == r->wake_type) {
        voice_play(&r->voice, now);
        host_wakeup(&r->host, now);
        return;
    }
    if (e->type == SDL_WINDOWEVENT && e->window.event == SDL_WINDOWEVENT_CLOSE &&
        e->window.windowID == SDL_GetWindowID(r->win)) {
        /* The window manager's close (Alt+F4): no way out of the kiosk in
         * full screen; a windowed kiosk (tests, a desk) closes. */
        if (r->fullscreen) {
            msg_info("window close request ignored (full screen)");
            return;
        }
        r->host.quit = 1;
        return;
    }
    if (e->type == SDL_WINDOWEVENT) {
        /* SDL on X11 drops a click that comes within 10 ms of the focus
         * (SDL_HINT_MOUSE_FOCUS_CLICKTHROUGH): tests wait for this line. */
        if (e->window.event == SDL_WINDOWEVENT_FOCUS_GAINED)
            msg_debug("window %u has the focus", (unsigned)e->window.windowID);
        r->host.dirty = 1;
        return;
    }
    struct app_event ev;
    int redraw = 0;
    if (callbar_owns(&r->bar, e)) {
        if (input_handle(&r->bar.in, r->bar.ui, e, now, &ev, &redraw))
            host_feed(&r->host, &ev, now);
    } else if (input_handle(&r->in, r->ui, e, now, &ev, &redraw)) {
        run_log_tap(e, &ev);
        host_feed(&r->host, &ev, now);
    }
    if (redraw)
        r->host.dirty = 1;
}

/* With --verbose, where the touch targets of a new screen are (as
 * --screenshot --verbose prints them): tests tap there. The "Still there?"
 * question counts as a screen of its own (it replaces the targets). */
static void run_log_targets(struct run *r, double now, const struct ui_view *view)
{
    int warning = app_idle_warning(&r->host.st, now);
    int key = warning ? -((int)r->host.st.screen + 1) : (int)r->host.st.screen + 1;
    if (msg_get_level() < MSG_DEBUG || r->logged_screen == key)
        return;
    r->logged_screen = key;
    if (warning)
        msg_debug("idle warning over %s", app_screen_name(r->host.st.screen));
    for (int i = 0; i < r->ui->n_targets; i++) {
        const struct ui_target *t = &r->ui->targets[i];
        msg_debug("target %s %d at %d,%d %dx%d", app_action_name(t->t.action), t->t.arg,
                  t->r.x, t->r.y, t->r.w, t->r.h);
    }
    /* The list is complete: tests wait for this before they check that a
     * target is absent. */
    msg_debug("%d targets on %s", r->ui->n_targets,
              warning ? "idle warning" : app_screen_name(r->host.st.screen));
    if (r->host.st.screen == APP_SCREEN_ADMIN && !warning) /* its health row, as drawn */
        msg_debug("admin health: %s", view->health ? view->health : "-");
}

/* With --verbose, where the keyboard focus is when it shows and moves (the
 * key-only test waits for it before pressing Enter). */
static void run_log_focus(struct run *r)
{
    int i = r->ui->keys_used ? ui_focus_index(r->ui) : -1;
    struct app_target t = i >= 0 ? r->ui->targets[i].t : (struct app_target){APP_ACT_NONE, 0};
    if ((i >= 0) == r->logged_focus_on && t.action == r->logged_focus.action &&
        t.arg == r->logged_focus.arg)
        return;
    r->logged_focus_on = i >= 0;
    r->logged_focus = t;
    if (i >= 0)
        msg_debug("focus %s %d on %s", app_action_name(t.action), t.arg,
                  app_screen_name(r->host.st.screen));
}

/* Wall clock with sub-second precision, for the metrics' heartbeat. */
static double run_wall(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Texts a frame shows besides the state: filled into r's buffers. */
struct run_texts {
    char wd[96], running[160], loaded[64];
    struct host_text text;
};

static struct ui_view run_view(struct run *r, double now, struct run_texts *t)
{
    host_text(&r->host, &t->text);
    watchdog_describe(&r->wd, now, t->wd, sizeof t->wd);
    host_running_text(t->running, sizeof t->running, now - r->started, t->wd);
    host_loaded_text(t->loaded, sizeof t->loaded, r->host.usage.config_loaded_at);
    struct ui_view view = {.wall = time(NULL), .mono = now, .status = r->host.status,
                           .camera_ok = r->devices.camera,
                           .microphone_ok = r->devices.microphone,
                           .devices_block_call = r->host.cfg.call.require_devices &&
                                                 !devices_ok_for_call(&r->devices),
                           .config_status = t->text.config_status, .health = t->text.health,
                           .counts = t->text.counts, .fleet = t->text.fleet,
                           .running = t->running, .config_loaded = t->loaded,
                           .fleet_failed = r->host.fleet.fetched &&
                                           r->host.fleet.last != FLEET_OK &&
                                           r->host.fleet.last != FLEET_NOT_MODIFIED};
    if (voice_missing(&r->voice)) {
        snprintf(r->health, sizeof r->health, "%s; voice: %s", t->text.health,
                 voice_missing(&r->voice));
        view.health = r->health;
    }
    return view;
}

/* How long the loop waits after the last frame before ui_trim: a visitor's
 * next screen within it reuses the fonts instead of opening them again. */
#define RUN_TRIM_AFTER_S 0.5

/* A trim after a quiet second, when there is anything to trim (an idle
 * kiosk whose text is all cached has nothing: no extra wake-up). */
static void run_trim_later(struct run *r, double now)
{
    r->trim_at = ui_trim(r->ui, 1) ? now + RUN_TRIM_AFTER_S : -1.0;
}

static void run_draw(struct run *r, double now)
{
    Uint64 t0 = SDL_GetPerformanceCounter();
    int w, h;
    struct run_texts texts;
    SDL_GetRendererOutputSize(r->ren, &w, &h);
    struct ui_view view = run_view(r, now, &texts);
    ui_begin(r->ui, w, h, &r->host.st, &view);
    screen_draw_frame(r->ui, &r->host.st);
    if (!r->drawn) {
        ui_text_store_end_frame(r->ui);
        run_mark("first frame drawn");
    }
    SDL_RenderPresent(r->ren);
    if (!r->drawn++)
        run_mark("first frame shown");
    watchdog_alive(&r->wd, run_now());
    /* The heartbeat, and a snapshot that has it (at most one a second). */
    usage_frame(&r->host.usage, run_wall(),
                (double)(SDL_GetPerformanceCounter() - t0) / (double)SDL_GetPerformanceFrequency());
    usage_metrics(&r->host.usage, r->host.http, r->host.camera, r->host.microphone);
    if (callbar_is_open(&r->bar))
        callbar_draw(&r->bar, &r->host.st, &view, w, h);
    r->host.dirty = 0;
    r->next_redraw = screen_next_redraw(&r->host.st, now);
    run_trim_later(r, now);
    run_log_targets(r, now, &view);
    run_log_focus(r);
    voice_after_draw(&r->voice, r->ui, &r->host.st, r->in.help_count, now);
}

/* A second counter shows: a call's time, the idle countdown, or the wait
 * for a busy clerk (WAIT). */
static int run_seconds_tick(const struct app_state *st, double now)
{
    return app_in_call(st) || app_idle_warning(st, now) || app_waiting(st, st->muni);
}

/* How long the loop may sleep: until the state machine's next deadline, the
 * admin hold, the next clock minute, or (with seconds on screen) the next
 * second. */
static int run_timeout_ms(struct run *r, double now)
{
    double next = now + 60.0 - (double)(time(NULL) % 60);
    double d = app_next_deadline(&r->host.st);
    if (d >= 0 && d < next)
        next = d;
    d = input_next_deadline(&r->in);
    if (d >= 0 && d < next)
        next = d;
    if (r->next_redraw >= 0 && r->next_redraw < next)
        next = r->next_redraw;
    if (r->trim_at >= 0 && r->trim_at < next)
        next = r->trim_at;
    if (run_seconds_tick(&r->host.st, now))
        next = now + 1.0 - (now - (double)(long)now); /* seconds tick on screen */
    double ms = (next - now) * 1000.0 + 1;
    return watchdog_sleep_ms(&r->wd, now, ms < 1 ? 1 : ms > 60000 ? 60000 : (int)ms);
}

/* systemd: STATUS= when the screen or the config state changed, WATCHDOG=1
 * when due (core/watchdog.h: only from this loop, only while it turns). */
static void run_notify(struct run *r, double now, const char *extra)
{
    if (!r->notify)
        return;
    char msg[640];
    int n = extra ? snprintf(msg, sizeof msg, "%s\n", extra) : 0;
    if (watchdog_status(r->notify_status, sizeof r->notify_status,
                        app_screen_name(r->host.st.screen), r->host.config_status))
        n += snprintf(msg + n, sizeof msg - (size_t)n, "STATUS=%s\n", r->notify_status);
    if (watchdog_due(&r->wd, now)) {
        n += snprintf(msg + n, sizeof msg - (size_t)n, "WATCHDOG=1\n");
        watchdog_pinged(&r->wd, now);
    }
    if (n > 0)
        sdnotify_send(msg);
}

static void run_tick(struct run *r, double now)
{
    struct app_event ev;
    host_tick(&r->host, now);
    if (input_poll_hold(&r->in, r->ui, now, &ev))
        host_feed(&r->host, &ev, now);
    if (run_seconds_tick(&r->host.st, now))
        r->host.dirty = 1;
    if (r->next_redraw >= 0 && now >= r->next_redraw)
        r->host.dirty = 1; /* the attract loop turns a page */
    int minute = (int)(time(NULL) / 60);
    if (minute != r->last_minute) {
        r->last_minute = minute;
        r->host.dirty = 1; /* the clock and the opening hours */
    }
    if (r->trim_at >= 0 && now >= r->trim_at && !r->host.dirty) {
        ui_trim(r->ui, 0);
        r->trim_at = -1.0;
    }
}

/* Draws screen name (or, with name NULL, home's attract card page) unseen,
 * so its text is rendered and cached before the first tap or the card's
 * turn, then the current screen again (not presented): its targets are the
 * live ones and the frame buffer holds it. Returns 0 if there is no such
 * screen or page. */
static int run_prewarm(struct run *r, const char *name, int page)
{
    int w, h;
    struct run_texts texts;
    SDL_GetRendererOutputSize(r->ren, &w, &h);
    struct ui_view view = run_view(r, run_now(), &texts);
    struct app_state st = r->host.st;
    if (name && app_show(&st, name, view.mono) != 0)
        return 0;
    if (!name) {
        double dwell[ATTRACT_MAX_PAGES], since = 0;
        int n = attract_dwells(st.cfg, app_lang(&st), dwell, ATTRACT_MAX_PAGES);
        if (!screen_attract(&st) || page >= n)
            return 0;
        for (int i = 0; i < page; i++)
            since += dwell[i];
        st.screen_since = view.mono - since - dwell[page] / 2; /* the middle of its turn */
    }
    ui_begin_unseen(r->ui, w, h, &st, &view); /* a key's focus stays */
    screen_draw_frame(r->ui, &st);
    ui_begin(r->ui, w, h, &r->host.st, &view);
    screen_draw_frame(r->ui, &r->host.st);
    return 1;
}

/* What the first frame does not need, done after it, one step per turn of
 * the loop and only while no event waits: a touch waits for one step at
 * most, never for all of them. Returns 1 while steps remain. */
static int run_startup_step(struct run *r)
{
    int step = r->startup_step++;
    switch (step) {
    case 0: ui_text_store_save(r->ui); break; /* before other screens' text evicts the first's */
    case 1: host_start_workers(&r->host); break;
    case 2: run_devices_refresh(r); break; /* the audio back-end's probing takes time (devices.c) */
    /* The main task's next screen. Services and KPIs are drawn when first
     * visited (kiosk_bench: 11 ms p99 at 1920x1080 from a cold cache):
     * prepared ahead they held 1 MiB of text textures on an idle kiosk. */
    case 3: run_prewarm(r, "municipalities", 0); break;
    case 4: host_check_pin(&r->host); break;
    case 5: voice_probe(&r->voice, &r->host.cfg); break; /* files only: well under 1 ms */
    /* Then home's attract cards after the first: the idle kiosk's first
     * turn of cards then only presents (no text rendered while idle). */
    default: return run_prewarm(r, NULL, step - 5);
    }
    return 1;
}

/* After the first frame (or a start that failed before it): the start-up
 * thread's end, then the environment as the machine gave it (the call's
 * browser gets the machine's D-Bus and Compose settings). Not before the
 * join: HarfBuzz reads HB_OPTIONS with getenv at its first shaping, on that
 * thread. The records thread, the only other one by now, reads none. */
static void run_start_done(struct run *r)
{
    ui_start_join(r->start);
    r->start = NULL;
    if (r->unset_bus)
        unsetenv("DBUS_SESSION_BUS_ADDRESS");
    if (r->unset_compose)
        unsetenv("XCOMPOSEFILE");
    r->unset_bus = r->unset_compose = 0;
}

static void run_loop(struct run *r)
{
    run_draw(r, run_now());
    msg_debug("first frame presented at %u ms", (unsigned)SDL_GetTicks());
    run_start_done(r);
    run_notify(r, run_now(), "READY=1");
    int starting = 1;
    while (!r->host.quit) {
        SDL_Event e;
        double now = run_now();
        if (starting && !SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT)) {
            SDL_PumpEvents(); /* what the X server has sent, before the next step */
            if (!SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT) && (starting = run_startup_step(r)))
                continue;
            if (!starting) {
                msg_debug("start-up steps done at %u ms", (unsigned)SDL_GetTicks());
                run_trim_later(r, run_now());
            }
        }
        /* Closing SDL's audio after the check can wait up to 100 ms for the
         * ALSA back-end's hotplug thread (devices.c): never before a frame,
         * and not while an event waits. */
        if (r->devices_due && !starting && !SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT)) {
            r->devices_due = 0;
            run_devices_refresh(r);
            if (r->host.dirty)
                run_draw(r, run_now());
        }
        int woke = SDL_WaitEventTimeout(&e, run_timeout_ms(r, now));
        watchdog_alive(&r->wd, run_now()); /* back from a sleep it chose */
        if (woke) {
            run_event(r, &e, run_now());
            while (!r->host.quit && SDL_PollEvent(&e))
                run_event(r, &e, run_now());
        }
        run_tick(r, run_now());
        if (r->host.dirty)
            run_draw(r, run_now());
        run_notify(r, run_now(), NULL);
    }
    if (r->notify)
        sdnotify_send("STOPPING=1");
}

static int run_window(struct run *r)
{
    const struct cli *c = r->cli;
    int fullscreen = !c->windowed && r->host.cfg.kiosk.fullscreen;
    SDL_Rect b = {SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, c->win_w, c->win_h};
    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
    if (fullscreen) {
        /* A borderless window over the whole display: as good as full
         * screen for a kiosk, without a mode switch (and ~300 ms faster
         * than FULLSCREEN_DESKTOP without a window manager). */
        SDL_GetDisplayBounds(0, &b);
        flags |= SDL_WINDOW_BORDERLESS;
    }
    r->win = SDL_CreateWindow("kiosk", b.x, b.y, b.w, b.h, flags);
    if (!r->win) {
        msg_error("cannot open a window: %s", SDL_GetError());
        return -1;
    }
    r->ren = SDL_CreateRenderer(r->win, -1, 0);
    if (!r->ren) {
        msg_error("cannot create a renderer: %s", SDL_GetError());
        return -1;
    }
    if (fullscreen)
        SDL_ShowCursor(SDL_DISABLE);
    r->fullscreen = fullscreen;
    return 0;
}

static int run_init(struct run *r)
{
    run_hints();
    /* FreeType first: the fonts of the first frame are opened on a thread
     * of their own (ui/ui_start.c) while SDL starts here. */
    if (TTF_Init() != 0) {
        msg_error("TTF_Init: %s", TTF_GetError());
        return -1;
    }
    /* SDL_Init's X11 keyboard set-up connects to the D-Bus session bus (for
     * IBus). With no DBUS_SESSION_BUS_ADDRESS, libdbus "autolaunches": it
     * forks to run dbus-launch and waits on a pipe for its answer. That
     * fork, while the start-up thread loads libraries and opens files, hung
     * the kiosk in SDL_Init (1 start in 40 here; 0 in 120 without the
     * fork). The kiosk needs no session bus (no input method, no desktop
     * screensaver under its own X server), so while SDL starts, libdbus is
     * told there is none; the variable is unset again for the call's
     * browser after the first frame (run_start_done). A bus that is there
     * (the variable set) is used as before. */
    r->unset_bus = getenv("DBUS_SESSION_BUS_ADDRESS") == NULL;
    if (r->unset_bus)
        setenv("DBUS_SESSION_BUS_ADDRESS", "disabled:", 1); /* before any thread */
    /* The same set-up opens an X input method, and libX11's local one reads
     * the locale's whole Compose table (en_US.UTF-8's: 6,000 lines, a getc
     * at a time under a lock once threads run) into a tree on the heap:
     * 6 ms of CPU of the 10 SDL_Init takes, before the first frame. The
     * kiosk takes no text input (keys are buttons, the PIN is digits), so
     * compose sequences are never used: an empty table while SDL starts,
     * unless the machine names one. */
    r->unset_compose = getenv("XCOMPOSEFILE") == NULL;
    if (r->unset_compose)
        setenv("XCOMPOSEFILE", "/dev/null", 1);
    r->start = ui_start(&r->host.cfg, r->paths->fonts_dir);
    int sdl = SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS);
    /* The config stays as it is until the fonts are made (host_start); the
     * thread goes on opening the first frame's faces (run_start_done). */
    ui_start_take(r->start, &r->host.cfg, r->paths->fonts_dir, &r->fonts, &r->jseg);
    if (sdl != 0) {
        msg_error("SDL_Init: %s", SDL_GetError());
        return -1;
    }
    run_mark("SDL_Init done");
    r->wake_type = SDL_RegisterEvents(1);
    r->started = run_now();
    r->notify = sdnotify_enabled();
    watchdog_init(&r->wd, sdnotify_watchdog_interval());
    if (r->notify)
        msg_info("systemd notify socket: watchdog %s", r->wd.interval > 0 ? "on" : "off");
    const char *driver = SDL_GetCurrentVideoDriver();
    if (!driver || !strcmp(driver, "dummy") || !strcmp(driver, "offscreen")) {
        msg_error("no display to show the kiosk on (SDL video driver %s; DISPLAY and "
                  "WAYLAND_DISPLAY %s): start it in the X session, or draw screens without "
                  "one with --screenshot", driver ? driver : "none",
                  getenv("DISPLAY") || getenv("WAYLAND_DISPLAY") ? "set" : "unset");
        return -1;
    }
    struct sigaction hup = {.sa_handler = run_on_hup};
    sigemptyset(&hup.sa_mask);
    sigaction(SIGHUP, &hup, NULL);
    /* Before the window: a second kiosk on the same records file is
     * refused without a window flashing up. */
    if (host_start(&r->host, r->cli->lang, run_now()) != 0)
        return -1;
    if (run_window(r) != 0)
        return -1;
    ui_start_release(r->start);
    run_mark("window and renderer made");
    r->ui = ui_create_with(r->ren, &r->host.cfg, r->fonts, r->jseg);
    r->fonts = NULL;
    r->jseg = NULL;
    if (!r->ui)
        return -1;
    ui_text_store_begin(r->ui); /* the last start's first frame, if its fonts are these */
    run_mark("fonts found");
    voice_open(&r->voice, run_wake, r);
    return 0;
}

static void run_teardown(struct run *r)
{
    run_start_done(r); /* before the fonts go */
    callbar_close(&r->bar);
    host_stop(&r->host, run_now()); /* the workers go before SDL (they wake it) */
    voice_close(&r->voice);
    ui_destroy(r->ui);
    fonts_destroy(r->fonts); /* if start-up stopped before the ui took them */
    jseg_destroy(r->jseg);
    if (r->ren)
        SDL_DestroyRenderer(r->ren);
    if (r->win)
        SDL_DestroyWindow(r->win);
    TTF_Quit();
    SDL_Quit();
}

int run_kiosk(const struct cli *c, const struct run_paths *p)
{
    struct run *r = calloc(1, sizeof *r);
    if (!r)
        return 1;
    r->cli = c;
    r->paths = p;
    r->trim_at = -1.0;
    struct host_opts o = {.config = p->config, .fonts_dir = p->fonts_dir, .data_dir = p->data_dir,
                          .image_probe = images_probe, .workers = 1,
                          .hooks = {.ctx = r, .wake = run_wake, .open_url = run_open_url,
                                    .config_swapped = run_config_swapped,
                                    .call_place = run_call_place,
                                    .after_event = run_after_event,
                                    .call_over = run_call_over}};
    run_mark("main reached");
    if (host_load(&r->host, &o) != 0) {
        msg_error("config %s has errors: fix them (kiosk --check-config) and start again",
                  p->config);
        free(r);
        return 1;
    }
    launcher_sweep_profiles(NULL);
    run_mark("config loaded");
    int rc = 1;
    run_live = r;
    atexit(run_at_exit);
    if (run_init(r) == 0) {
        run_loop(r);
        rc = 0;
        if (run_hup)
            msg_info("SIGHUP: stopping as for SIGTERM");
    }
    run_live = NULL;
    run_teardown(r);
    free(r);
    return rc;
}
