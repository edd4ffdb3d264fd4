/* The interactive kiosk: one window, a loop that sleeps until something
 * happens, and the state machine's commands carried out at the edges. */
#include "images.h"
#include "run.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdlib.h>
#include <string.h>

#include "avail.h"
#include "call_session.h"
#include "callbar.h"
#include "config_watch.h"
#include "devices.h"
#include "input.h"
#include "msg.h"
#include "usage.h"
#include "screen.h"

struct run {
    const struct cli *cli;
    const struct run_paths *paths;
    struct config cfg;      /* the config in use */
    struct config next;     /* a newer valid config, waiting for the visitor to go */
    int next_ready;
    char config_status[512];
    SDL_Window *win;
    SDL_Renderer *ren;
    struct ui *ui;
    struct app_state st;
    struct input in;
    struct call_session call;
    struct callbar bar;
    struct http_worker *http;
    struct config_watch *watch;
    struct usage usage;          /* records and metrics; writes nothing when not configured */
    struct status_info *status; /* per municipality, copied from the worker */
    struct devices devices;
    Uint32 wake_type;
    int quit;
    int dirty;
    int last_minute;
    int logged_screen; /* the screen whose targets were last logged (+1), negated for the
                          idle warning over it */
    double next_redraw; /* a screen's own next change (attract pages), or < 0 */
};

static double run_now(void) { return (double)SDL_GetTicks64() / 1000.0; }

/* Called from worker threads: only posts an event (mpv's wake-up rule). */
static void run_wake(void *ctx)
{
    struct run *r = ctx;
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

static int run_load(struct run *r, struct config *out)
{
    struct config_diags diags = {0};
    struct config_load_opts opts = {.image_probe = images_probe, .fonts_dir = r->paths->fonts_dir};
    int rc = config_load(r->paths->config, &opts, out, &diags);
    for (int i = 0; i < diags.n; i++) {
        char line[768];
        config_diags_format(&diags.d[i], r->paths->config, line, sizeof line);
        msg_info("%s", line); /* the line says error or warning itself */
    }
    if (rc == 0)
        snprintf(r->config_status, sizeof r->config_status, "loaded, %d warning(s)",
                 diags.n_warnings);
    else if (diags.n > 0)
        snprintf(r->config_status, sizeof r->config_status,
                 "NEW FILE REJECTED (last good config kept): %d:%d %s: %s", diags.d[0].line,
                 diags.d[0].col, diags.d[0].path, diags.d[0].message);
    config_diags_free(&diags);
    return rc;
}

static void run_status_free(struct run *r)
{
    for (int i = 0; r->status && i < r->cfg.n_municipalities; i++)
        status_info_free(&r->status[i]);
    free(r->status);
    r->status = NULL;
}

/* (Re)starts what depends on the config: status worker and status copies. */
static void run_attach_config(struct run *r)
{
    http_worker_stop(r->http);
    r->http = http_worker_start(&r->cfg, run_wake, r);
    run_status_free(r);
    r->status = calloc((size_t)(r->cfg.n_municipalities ? r->cfg.n_municipalities : 1),
                       sizeof *r->status);
    r->call.cfg = &r->cfg;
    r->call.http = r->http;
}

/* What the tile now says, in English, for the log (and the tests). */
static void run_log_status(struct run *r, int i)
{
    struct avail a;
    char line[256];
    const struct config_municipality *m = &r->cfg.municipalities[i];
    if (!m->has_call || !m->call.status_url)
        return;
    avail_compute(m, &r->status[i], time(NULL), &a);
    avail_describe(&a, &r->status[i], "en", line, sizeof line);
    msg_info("status %s: %s%s%s", m->id, line, r->status[i].reason[0] ? " — " : "",
             r->status[i].reason);
}

/* Copies the worker's results; returns 1 if anything changed. */
static int run_refresh_status(struct run *r)
{
    int changed = 0;
    for (int i = 0; r->http && r->status && i < r->cfg.n_municipalities; i++) {
        struct status_info s;
        http_worker_get_status(r->http, i, &s);
        if (!status_info_equal(&s, &r->status[i])) {
            status_info_free(&r->status[i]);
            r->status[i] = s;
            changed = 1;
            run_log_status(r, i);
        } else {
            status_info_free(&s);
        }
    }
    return changed;
}

/* Between visitors: the waiting config replaces the one in use. */
static void run_swap_config(struct run *r)
{
    if (!r->next_ready)
        return;
    http_worker_stop(r->http);
    r->http = NULL;
    run_status_free(r);
    struct config old = r->cfg;
    r->cfg = r->next;
    r->next_ready = 0;
    memset(&r->next, 0, sizeof r->next);
    if (ui_set_config(r->ui, &r->cfg, r->paths->fonts_dir) != 0)
        msg_warn("new config: fonts unusable, keeping the previous fonts");
    app_set_config(&r->st, &r->cfg);
    run_attach_config(r);
    usage_config(&r->usage, &old, &r->cfg);
    config_free(&old);
    msg_info("config reloaded: %d municipalities", r->cfg.n_municipalities);
    r->dirty = 1;
}

static void run_try_reload(struct run *r, double now)
{
    struct config fresh;
    if (run_load(r, &fresh) != 0) {
        r->usage.config_reload_failures++;
        msg_error("config %s has errors: the kiosk keeps running the last good config",
                  r->paths->config);
        r->dirty = 1;
        return;
    }
    if (r->next_ready)
        config_free(&r->next);
    r->next = fresh;
    r->next_ready = 1;
    struct app_event ev = {.kind = APP_EV_CONFIG_READY};
    struct app_cmds cmds;
    app_handle(&r->st, &ev, now, &cmds);
    for (int i = 0; i < cmds.n; i++)
        if (cmds.c[i].kind == APP_CMD_SWAP_CONFIG)
            run_swap_config(r);
    if (r->next_ready) /* never swapped under a visitor */
        msg_info("config %s is valid: held back until the visitor leaves", r->paths->config);
}

static void run_feed(struct run *r, const struct app_event *ev, double now);

static void run_start_call(struct run *r, int muni, double now)
{
    enum app_fail_reason reason = APP_FAIL_NONE;
    int devices_ok = !r->cfg.call.require_devices || devices_ok_for_call(&r->devices);
    int wx, wy;
    SDL_GetWindowPosition(r->win, &wx, &wy);
    /* The browser takes the screen below the call bar. */
    int ww, wh, bar = r->ui->L.header.h;
    SDL_GetWindowSize(r->win, &ww, &wh); /* not the layout's: that one may be rotated */
    r->call.x = wx;
    r->call.y = wy + bar;
    r->call.w = ww;
    r->call.h = wh - bar;
    enum app_event_kind k = call_session_start(&r->call, muni, devices_ok, time(NULL), now,
                                               &reason);
    if (k != APP_EV_TICK) {
        struct app_event ev = {.kind = k, .reason = reason};
        run_feed(r, &ev, now);
    }
}

static void run_commands(struct run *r, const struct app_cmds *cmds, double now)
{
    for (int i = 0; i < cmds->n; i++) {
        const struct app_cmd *c = &cmds->c[i];
        switch (c->kind) {
        case APP_CMD_START_CALL: {
            usage_call_started(&r->usage, c->arg);
            run_start_call(r, c->arg, now);
            break;
        }
        case APP_CMD_END_CALL: {
            enum app_event_kind k = call_session_stop(&r->call, time(NULL));
            if (k != APP_EV_TICK) {
                struct app_event ev = {.kind = k};
                run_feed(r, &ev, now);
            }
            break;
        }
        case APP_CMD_SWAP_CONFIG: run_swap_config(r); break;
        case APP_CMD_RELOAD_CONFIG: run_try_reload(r, now); break;
        case APP_CMD_QUIT: r->quit = 1; break;
        case APP_CMD_RECORD: usage_record_cmd(&r->usage, &r->st, c->arg); break;
        }
    }
}

/* The call bar lives exactly as long as a launched browser's call. */
static void run_sync_callbar(struct run *r)
{
    int want = app_in_call(&r->st) && r->cfg.call.n_launcher > 0;
    if (want && !callbar_is_open(&r->bar)) {
        int x, y, w, h;
        SDL_GetWindowPosition(r->win, &x, &y);
        SDL_GetWindowSize(r->win, &w, &h);
        callbar_open(&r->bar, &r->cfg, r->paths->fonts_dir, x, y, w, r->ui->L.header.h);
        r->dirty = 1;
    } else if (!want && callbar_is_open(&r->bar)) {
        callbar_close(&r->bar);
    }
}

static void run_feed(struct run *r, const struct app_event *ev, double now)
{
    struct app_cmds cmds;
    enum app_screen before = r->st.screen;
    usage_call_end(&r->usage, &r->st, ev, now); /* before app_handle: it reads the call */
    app_handle(&r->st, ev, now, &cmds);
    if (r->st.screen != before || ev->kind == APP_EV_ACTION)
        r->dirty = 1;
    if (r->st.screen != before)
        msg_debug("screen %s -> %s", app_screen_name(before), app_screen_name(r->st.screen));
    if (r->st.screen == APP_SCREEN_HOME && before != APP_SCREEN_HOME)
        devices_refresh(&r->devices); /* a cheap check between visitors */
    run_commands(r, &cmds, now);
    run_sync_callbar(r);
}

static void run_wakeup(struct run *r, double now)
{
    if (run_refresh_status(r))
        r->dirty = 1;
    if (r->watch && config_watch_take_change(r->watch)) {
        msg_info("config %s changed: checking it", r->paths->config);
        run_try_reload(r, now);
    }
    enum app_fail_reason reason = APP_FAIL_NONE;
    enum app_event_kind k = call_session_poll(&r->call, time(NULL), now, &reason);
    if (k != APP_EV_TICK) {
        struct app_event ev = {.kind = k, .reason = reason};
        run_feed(r, &ev, now);
        if (k == APP_EV_CALL_ENDED || k == APP_EV_CALL_FAILED)
            SDL_RaiseWindow(r->win);
    }
}

static void run_event(struct run *r, const SDL_Event *e, double now)
{
    if (e->type == SDL_QUIT) {
        r->quit = 1;
        return;
    }
    if (e->type == r->wake_type) {
        run_wakeup(r, now);
        return;
    }
    if (e->type == SDL_WINDOWEVENT) {
        r->dirty = 1;
        return;
    }
    struct app_event ev;
    int redraw = 0;
    if (callbar_owns(&r->bar, e)) {
        if (input_handle(&r->bar.in, r->bar.ui, e, now, &ev, &redraw))
            run_feed(r, &ev, now);
    } else if (input_handle(&r->in, r->ui, e, now, &ev, &redraw)) {
        run_feed(r, &ev, now);
    }
    if (redraw)
        r->dirty = 1;
}

static void run_health(struct run *r, char *health, size_t hsz, char *counts, size_t csz)
{
    struct http_health h = {0};
    if (r->http)
        http_worker_get_health(r->http, &h);
    snprintf(health, hsz, "%ld polls, %ld failed; notify %ld sent, %ld failed, %ld lost%s%s",
             h.polls, h.poll_failures, h.notify_sent, h.notify_failures, h.notify_lost,
             h.last_error[0] ? " · last: " : "", h.last_error);
    struct stats_today td;
    records_today(r->usage.records, &td);
    snprintf(counts, csz, "today: %ld visitors, %ld calls started, %ld ended, %ld failed",
             td.sessions, td.calls.started, td.calls.ended, td.calls.failed);
}

/* With --verbose, where the touch targets of a new screen are (as
 * --screenshot --verbose prints them): tests tap there. The "Still there?"
 * question counts as a screen of its own (it replaces the targets). */
static void run_log_targets(struct run *r, double now)
{
    int warning = app_idle_warning(&r->st, now);
    int key = warning ? -((int)r->st.screen + 1) : (int)r->st.screen + 1;
    if (msg_get_level() < MSG_DEBUG || r->logged_screen == key)
        return;
    r->logged_screen = key;
    if (warning)
        msg_debug("idle warning over %s", app_screen_name(r->st.screen));
    for (int i = 0; i < r->ui->n_targets; i++) {
        const struct ui_target *t = &r->ui->targets[i];
        msg_debug("target %s %d at %d,%d %dx%d", app_action_name(t->t.action), t->t.arg,
                  t->r.x, t->r.y, t->r.w, t->r.h);
    }
    /* The list is complete: tests wait for this before they check that a
     * target is absent. */
    msg_debug("%d targets on %s", r->ui->n_targets,
              warning ? "idle warning" : app_screen_name(r->st.screen));
}

static void run_draw(struct run *r, double now)
{
    int w, h;
    char health[320], counts[128];
    SDL_GetRendererOutputSize(r->ren, &w, &h);
    run_health(r, health, sizeof health, counts, sizeof counts);
    struct ui_view view = {.wall = time(NULL), .mono = now, .status = r->status,
                           .camera_ok = r->devices.camera,
                           .microphone_ok = r->devices.microphone,
                           .devices_block_call = r->cfg.call.require_devices &&
                                                 !devices_ok_for_call(&r->devices),
                           .config_status = r->config_status, .health = health,
                           .counts = counts};
    ui_begin(r->ui, w, h, &r->st, &view);
    screen_draw_frame(r->ui, &r->st);
    SDL_RenderPresent(r->ren);
    if (callbar_is_open(&r->bar))
        callbar_draw(&r->bar, &r->st, &view, w, h);
    r->dirty = 0;
    r->next_redraw = screen_next_redraw(&r->st, now);
    run_log_targets(r, now);
}

/* How long the loop may sleep: until the state machine's next deadline, the
 * admin hold, the next clock minute, or (in a call) the next second. */
static int run_timeout_ms(struct run *r, double now)
{
    double next = now + 60.0 - (double)(time(NULL) % 60);
    double d = app_next_deadline(&r->st);
    if (d >= 0 && d < next)
        next = d;
    d = input_next_deadline(&r->in);
    if (d >= 0 && d < next)
        next = d;
    if (r->next_redraw >= 0 && r->next_redraw < next)
        next = r->next_redraw;
    if (app_in_call(&r->st) || app_idle_warning(&r->st, now))
        next = now + 1.0 - (now - (double)(long)now); /* seconds tick on screen */
    double ms = (next - now) * 1000.0 + 1;
    return ms < 1 ? 1 : ms > 60000 ? 60000 : (int)ms;
}

static void run_tick(struct run *r, double now)
{
    struct app_event ev = {.kind = APP_EV_TICK};
    run_feed(r, &ev, now);
    if (input_poll_hold(&r->in, r->ui, now, &ev))
        run_feed(r, &ev, now);
    if (app_in_call(&r->st) || app_idle_warning(&r->st, now))
        r->dirty = 1;
    if (r->call.active)
        run_wakeup(r, now); /* max_minutes and the connecting -> running step */
    usage_metrics(&r->usage, r->http, r->devices.camera, r->devices.microphone);
    if (r->next_redraw >= 0 && now >= r->next_redraw)
        r->dirty = 1; /* the attract loop turns a page */
    int minute = (int)(time(NULL) / 60);
    if (minute != r->last_minute) {
        r->last_minute = minute;
        r->dirty = 1; /* the clock and the opening hours */
    }
}

/* After the first frame: draw the screens a visitor reaches first once,
 * unseen, so their text is rendered and cached before the first tap; then
 * home again (its targets are the live ones). */
static void run_prewarm(struct run *r)
{
    static const char *const first[] = {"municipalities", "services", "kpi"};
    int w, h;
    SDL_GetRendererOutputSize(r->ren, &w, &h);
    struct ui_view view = {.wall = time(NULL), .mono = run_now(), .status = r->status};
    for (size_t i = 0; i < sizeof first / sizeof first[0]; i++) {
        struct app_state st = r->st;
        if (app_show(&st, first[i], view.mono) != 0)
            continue;
        ui_begin(r->ui, w, h, &st, &view);
        screen_draw_frame(r->ui, &st);
    }
    r->logged_screen = 0;
    run_draw(r, run_now());
}

static void run_loop(struct run *r)
{
    run_draw(r, run_now());
    msg_debug("first frame presented at %u ms", (unsigned)SDL_GetTicks());
    /* Not before the first frame: the audio back-end's probing takes time. */
    devices_refresh(&r->devices);
    run_prewarm(r);
    while (!r->quit) {
        SDL_Event e;
        double now = run_now();
        if (SDL_WaitEventTimeout(&e, run_timeout_ms(r, now))) {
            run_event(r, &e, run_now());
            while (!r->quit && SDL_PollEvent(&e))
                run_event(r, &e, run_now());
        }
        run_tick(r, run_now());
        if (r->dirty)
            run_draw(r, run_now());
    }
}

static int run_window(struct run *r)
{
    const struct cli *c = r->cli;
    int fullscreen = !c->windowed && r->cfg.kiosk.fullscreen;
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
    return 0;
}

static int run_init(struct run *r)
{
    /* The software renderer starts in a third of the time of OpenGL on
     * llvmpipe and needs a sixth of the memory (PLATFORM.md). */
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    /* One tap is one tap: touch does not also arrive as mouse. */
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        msg_error("SDL_Init: %s", SDL_GetError());
        return -1;
    }
    if (TTF_Init() != 0) {
        msg_error("TTF_Init: %s", TTF_GetError());
        return -1;
    }
    r->wake_type = SDL_RegisterEvents(1);
    if (run_window(r) != 0)
        return -1;
    r->ui = ui_create(r->ren, &r->cfg, r->paths->fonts_dir);
    if (!r->ui)
        return -1;
    app_init(&r->st, &r->cfg, run_now());
    if (r->cli->lang && app_set_lang(&r->st, r->cli->lang) != 0)
        msg_warn("--lang %s: not declared in the config; using %s", r->cli->lang,
                 r->cfg.kiosk.default_language);
    r->call.wake = run_wake;
    r->call.wake_ctx = r;
    r->call.open_url = run_open_url;
    run_attach_config(r);
    usage_start(&r->usage, &r->cfg);
    r->watch = config_watch_start(r->paths->config, run_wake, r);
    return 0;
}

static void run_teardown(struct run *r)
{
    if (app_in_call(&r->st)) { /* the kiosk quits mid-call: the call ends here */
        struct app_event ev = {.kind = APP_EV_CALL_ENDED};
        usage_call_end(&r->usage, &r->st, &ev, run_now());
    }
    call_session_shutdown(&r->call, time(NULL));
    callbar_close(&r->bar);
    usage_stop(&r->usage, r->http, r->devices.camera, r->devices.microphone);
    http_worker_stop(r->http);
    config_watch_stop(r->watch);
    run_status_free(r);
    ui_destroy(r->ui);
    if (r->ren)
        SDL_DestroyRenderer(r->ren);
    if (r->win)
        SDL_DestroyWindow(r->win);
    TTF_Quit();
    SDL_Quit();
    if (r->next_ready)
        config_free(&r->next);
    config_free(&r->cfg);
}

int run_kiosk(const struct cli *c, const struct run_paths *p)
{
    struct run *r = calloc(1, sizeof *r);
    if (!r)
        return 1;
    r->cli = c;
    r->paths = p;
    if (run_load(r, &r->cfg) != 0) {
        msg_error("config %s has errors: fix them (kiosk --check-config) and start again",
                  p->config);
        free(r);
        return 1;
    }
    launcher_sweep_profiles(NULL);
    int rc = 1;
    if (run_init(r) == 0) {
        run_loop(r);
        rc = 0;
    }
    run_teardown(r);
    free(r);
    return rc;
}
