#include "bench_inproc.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "host.h"
#include "input.h"
#include "screen.h"

void bench_target_close(struct bench_target *t)
{
    if (t->r)
        SDL_DestroyRenderer(t->r);
    if (t->win)
        SDL_DestroyWindow(t->win);
    SDL_FreeSurface(t->surf);
    memset(t, 0, sizeof *t);
}

/* Lets the X server map the window and delivers its first events. */
static void bench_settle(void)
{
    SDL_Event e;
    for (int i = 0; i < 20; i++) {
        while (SDL_PollEvent(&e)) {
        }
        SDL_Delay(10);
    }
}

int bench_target_open(struct bench_target *t, int w, int h, int use_window)
{
    memset(t, 0, sizeof *t);
    t->w = w;
    t->h = h;
    if (use_window) {
        /* The same window and renderer as shell/run.c run_window. */
        t->win = SDL_CreateWindow("kiosk_bench", 0, 0, w, h, SDL_WINDOW_ALLOW_HIGHDPI);
        t->r = t->win ? SDL_CreateRenderer(t->win, -1, 0) : NULL;
    } else {
        t->surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_XRGB8888);
        t->r = t->surf ? SDL_CreateSoftwareRenderer(t->surf) : NULL;
    }
    if (!t->r) {
        fprintf(stderr, "kiosk_bench: cannot render at %dx%d: %s\n", w, h, SDL_GetError());
        bench_target_close(t);
        return -1;
    }
    bench_settle();
    return 0;
}

/* ---- frames ------------------------------------------------------------ */

struct ui *bench_ui(const struct bench_inproc_opts *o, struct bench_target *t)
{
    struct ui *ui = ui_create(t->r, o->cfg, o->fonts_dir);
    if (ui)
        ui_set_surface(ui, t->surf); /* NULL with a window: the ui finds its surface */
    return ui;
}

/* The admin texts as the kiosk has them before the first poll. */

static void bench_view(struct ui_view *v, double mono)
{
    static struct host_text text;
    host_text(NULL, &text);
    *v = (struct ui_view){.wall = time(NULL), .mono = mono, .camera_ok = 1,
                          .microphone_ok = 1, .config_status = text.config_status,
                          .health = text.health, .counts = text.counts};
}

double bench_frame(struct bench_target *t, struct ui *ui, const struct app_state *st,
                          double mono, double *draw_ms, double *cpu_ms)
{
    double c0 = bench_thread_cpu_ms();
    double t0 = bench_now_ms();
    int w, h;
    struct ui_view view;
    bench_view(&view, mono);
    SDL_GetRendererOutputSize(t->r, &w, &h);
    ui_begin(ui, w, h, st, &view);
    screen_draw_frame(ui, st);
    double t1 = bench_now_ms();
    SDL_RenderPresent(t->r);
    double t2 = bench_now_ms();
    if (draw_ms)
        *draw_ms = t1 - t0;
    if (cpu_ms)
        *cpu_ms = bench_thread_cpu_ms() - c0;
    return t2 - t0;
}

static int bench_state(const struct bench_inproc_opts *o, struct app_state *st, const char *screen,
                       double now)
{
    struct host_frame f = {.screen = screen, .lang = o->lang, .high_contrast = o->high_contrast,
                           .large_text = o->large_text};
    return host_frame_state(o->cfg, &f, now, st);
}

/* One screen: a fresh context (cold text cache, fonts not open), its first
 * frame, then n warm frames. */
static int bench_screen(const struct bench_inproc_opts *o, struct bench_target *t,
                        const char *screen, int n, struct bench_row *row)
{
    struct app_state st;
    double mono = (double)SDL_GetTicks64() / 1000.0;
    if (bench_state(o, &st, screen, mono) != 0) {
        fprintf(stderr, "kiosk_bench: cannot show %s\n", screen);
        return -1;
    }
    struct ui *ui = bench_ui(o, t);
    if (!ui)
        return -1;
    bench_series_add(&row->cold, bench_frame(t, ui, &st, mono, NULL, NULL));
    struct text_cache_stats cold, warm;
    text_cache_stats(ui->text, &cold);
    for (int i = 0; i < n; i++) {
        double d, c;
        double f = bench_frame(t, ui, &st, mono, &d, &c);
        bench_series_add(&row->frame, f);
        bench_series_add(&row->draw, d);
        bench_series_add(&row->cpu, c);
    }
    text_cache_stats(ui->text, &warm);
    row->warm_misses += warm.misses - cold.misses;
    if (warm.bytes > row->text_bytes)
        row->text_bytes = warm.bytes;
    row->overflow = ui->overflow_count;
    row->missing = ui->missing_glyphs;
    row->outside = ui->outside_count;
    ui_destroy(ui);
    return 0;
}

/* A row over every id of a parametrised screen ("municipality:*"). */
static int bench_row_ids(const struct bench_inproc_opts *o, struct bench_target *t,
                         const char *kind, int services, struct bench_row *row)
{
    const struct config *c = o->cfg;
    int n = services ? c->n_services : c->n_municipalities;
    snprintf(row->name, sizeof row->name, "%s:*", kind);
    int per = n > 0 ? o->frames / n + 5 : 0;
    for (int i = 0; i < n; i++) {
        char name[160];
        snprintf(name, sizeof name, "%s:%s", kind,
                 services ? c->services[i].id : c->municipalities[i].id);
        if (bench_screen(o, t, name, per, row) != 0)
            return -1;
    }
    return 0;
}

static int bench_rows(const struct bench_inproc_opts *o, struct bench_target *t,
                      struct bench_size *out)
{
    static const char *const plain[] = {"home", "municipalities", "services", "kpi", "thanks",
                                        "admin-pin", "admin", "idle-warning"};
    const char *first = o->cfg->n_municipalities ? o->cfg->municipalities[0].id : "";
    if (o->only) {
        struct bench_row *row = &out->rows[out->n_rows++];
        snprintf(row->name, sizeof row->name, "%s", o->only);
        return bench_screen(o, t, o->only, o->frames, row);
    }
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
        struct bench_row *row = &out->rows[out->n_rows++];
        snprintf(row->name, sizeof row->name, "%s", plain[i]);
        if (bench_screen(o, t, plain[i], o->frames, row) != 0)
            return -1;
        if (i == 1 && bench_row_ids(o, t, "municipality", 0, &out->rows[out->n_rows++]) != 0)
            return -1;
        if (i == 2 && bench_row_ids(o, t, "service", 1, &out->rows[out->n_rows++]) != 0)
            return -1;
    }
    static const char *const call[] = {"calling", "in-call", "call-failed"};
    for (size_t i = 0; i < sizeof call / sizeof call[0]; i++) {
        struct bench_row *row = &out->rows[out->n_rows++];
        snprintf(row->name, sizeof row->name, "%s:%s", call[i], first);
        if (bench_screen(o, t, row->name, o->frames, row) != 0)
            return -1;
    }
    return 0;
}

/* ---- touches: the loop of shell/run.c, fed by pushed finger events ----- */

struct bench_loop {
    struct bench_target *t;
    struct ui *ui;
    struct host *h; /* its state machine and commands, as the kiosk's */
    struct input in;
    struct bench_click *clicks; /* record taps here if not NULL */
    int n_clicks, max_clicks;
};

double bench_mono(void) { return (double)SDL_GetTicks64() / 1000.0; }

static void bench_loop_event(struct bench_loop *L, const SDL_Event *e, double now)
{
    if (e->type == SDL_WINDOWEVENT) {
        L->h->dirty = 1;
        return;
    }
    struct app_event ev;
    int redraw = 0;
    if (input_handle(&L->in, L->ui, e, now, &ev, &redraw))
        host_feed(L->h, &ev, now);
    if (redraw)
        L->h->dirty = 1;
}

/* Pushes one finger event and runs one turn of the loop; returns the ms
 * from the push to the end of the present (0 if nothing was drawn). */
static double bench_loop_touch(struct bench_loop *L, Uint32 type, int x, int y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.tfinger.timestamp = SDL_GetTicks();
    e.tfinger.touchId = 1;
    e.tfinger.fingerId = 1;
    e.tfinger.x = ((float)x + 0.5f) / (float)L->t->w;
    e.tfinger.y = ((float)y + 0.5f) / (float)L->t->h;
    e.tfinger.pressure = 1.0f;
    double t0 = bench_now_ms();
    SDL_PushEvent(&e);
    SDL_Event got;
    if (SDL_WaitEventTimeout(&got, 1000)) {
        bench_loop_event(L, &got, bench_mono());
        while (SDL_PollEvent(&got))
            bench_loop_event(L, &got, bench_mono());
    }
    host_tick(L->h, bench_mono());
    if (!L->h->dirty)
        return 0;
    bench_frame(L->t, L->ui, &L->h->st, bench_mono(), NULL, NULL);
    L->h->dirty = 0;
    return bench_now_ms() - t0;
}

/* Taps the target with action (and arg, if >= 0) of the last frame. */
static int bench_loop_tap(struct bench_loop *L, enum app_action a, int arg,
                          enum app_screen expect, struct bench_series *press,
                          struct bench_series *nav)
{
    const struct ui_target *hit = NULL;
    for (int i = 0; i < L->ui->n_targets && !hit; i++)
        if (L->ui->targets[i].t.action == a && (arg < 0 || L->ui->targets[i].t.arg == arg))
            hit = &L->ui->targets[i];
    if (!hit) {
        fprintf(stderr, "kiosk_bench: no %s %d target on %s\n", app_action_name(a), arg,
                app_screen_name(L->h->st.screen));
        return -1;
    }
    int x = hit->r.x + hit->r.w / 2, y = hit->r.y + hit->r.h / 2;
    if (L->clicks && L->n_clicks < L->max_clicks)
        L->clicks[L->n_clicks++] = (struct bench_click){x, y};
    double p = bench_loop_touch(L, SDL_FINGERDOWN, x, y);
    double n = bench_loop_touch(L, SDL_FINGERUP, x, y);
    if (press && p > 0)
        bench_series_add(press, p);
    if (nav && n > 0)
        bench_series_add(nav, n);
    if (L->h->st.screen != expect) {
        fprintf(stderr, "kiosk_bench: %s led to %s, not %s\n", app_action_name(a),
                app_screen_name(L->h->st.screen), app_screen_name(expect));
        return -1;
    }
    return 0;
}

static int bench_loop_open(struct bench_loop *L, const struct bench_inproc_opts *o,
                           struct bench_target *t)
{
    memset(L, 0, sizeof *L);
    L->t = t;
    L->ui = bench_ui(o, t);
    if (!L->ui)
        return -1;
    L->h = o->host;
    host_start(L->h, o->lang, bench_mono());
    L->h->st.large_text = o->large_text;
    L->h->st.high_contrast = o->high_contrast;
    bench_settle();
    bench_frame(t, L->ui, &L->h->st, bench_mono(), NULL, NULL);
    return 0;
}

/* One round: home -> municipalities -> one of them -> back -> home ->
 * services -> one -> home -> KPI -> home. */
static int bench_round(struct bench_loop *L, int r, struct bench_series *press,
                       struct bench_series *nav)
{
    const struct config *c = L->h->st.cfg;
    int m = c->n_municipalities ? r % c->n_municipalities : 0;
    int s = c->n_services ? r % c->n_services : 0;
    int err = 0;
    err |= bench_loop_tap(L, APP_ACT_MUNICIPALITIES, -1, APP_SCREEN_MUNICIPALITIES, press, nav);
    err |= bench_loop_tap(L, APP_ACT_MUNICIPALITY, m, APP_SCREEN_MUNICIPALITY, press, nav);
    err |= bench_loop_tap(L, APP_ACT_BACK, -1, APP_SCREEN_MUNICIPALITIES, press, nav);
    err |= bench_loop_tap(L, APP_ACT_HOME, -1, APP_SCREEN_HOME, press, nav);
    err |= bench_loop_tap(L, APP_ACT_SERVICES, -1, APP_SCREEN_SERVICES, press, nav);
    err |= bench_loop_tap(L, APP_ACT_SERVICE, s, APP_SCREEN_SERVICE, press, nav);
    err |= bench_loop_tap(L, APP_ACT_HOME, -1, APP_SCREEN_HOME, press, nav);
    err |= bench_loop_tap(L, APP_ACT_KPI, -1, APP_SCREEN_KPI, press, nav);
    err |= bench_loop_tap(L, APP_ACT_HOME, -1, APP_SCREEN_HOME, press, nav);
    return err ? -1 : 0;
}

static int bench_tour(const struct bench_inproc_opts *o, struct bench_target *t,
                      struct bench_size *out)
{
    struct bench_loop L;
    if (bench_loop_open(&L, o, t) != 0)
        return -1;
    const struct config *c = o->cfg;
    int first = c->n_municipalities > c->n_services ? c->n_municipalities : c->n_services;
    for (int r = 0; r < first + o->rounds; r++)
        if (bench_round(&L, r, &out->press, r < first ? &out->nav_first : &out->nav) != 0)
            out->tour_errors++;
    /* Every language twice, from home: the first pass opens fonts. */
    for (int pass = 0; pass < 2; pass++)
        for (int i = 1; i <= c->kiosk.n_languages; i++)
            if (bench_loop_tap(&L, APP_ACT_LANG, i % c->kiosk.n_languages, APP_SCREEN_HOME,
                               NULL, &out->lang) != 0)
                out->tour_errors++;
    text_cache_stats(L.ui->text, &out->text);
    ui_destroy(L.ui);
    return 0;
}

/* VmRSS of this process, KiB (-1 if unreadable). */
static long bench_self_rss_kib(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kib = -1;
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, "VmRSS:", 6))
            kib = strtol(line + 6, NULL, 10);
    if (f)
        fclose(f);
    return kib;
}

int bench_inproc_soak(const struct bench_inproc_opts *o, int w, int h, int minutes,
                      struct bench_soak *out)
{
    memset(out, 0, sizeof *out);
    struct bench_target t;
    if (bench_target_open(&t, w, h, o->use_window) != 0)
        return -1;
    struct app_state st;
    double mono = bench_mono();
    struct ui *ui = bench_state(o, &st, "home", mono) == 0
                        ? bench_ui(o, &t) : NULL;
    if (!ui) {
        bench_target_close(&t);
        return -1;
    }
    /* Midnight-aligned start; one frame per minute of the clock (the attract
     * card turns too: mono moves as fast). The first hour is the warm-up. */
    time_t wall0 = time(NULL) / 86400 * 86400;
    for (int i = 0; i < 60 + minutes; i++) {
        if (i == 60)
            out->rss_start_kib = bench_self_rss_kib();
        struct ui_view view;
        bench_view(&view, mono + 60.0 * i);
        view.wall = wall0 + (time_t)60 * i;
        int ow, oh;
        SDL_GetRendererOutputSize(t.r, &ow, &oh);
        ui_begin(ui, ow, oh, &st, &view);
        screen_draw_frame(ui, &st);
        SDL_RenderPresent(t.r);
    }
    out->rss_end_kib = bench_self_rss_kib();
    struct text_cache_stats cs;
    text_cache_stats(ui->text, &cs);
    out->text_entries = cs.entries;
    out->text_bytes = cs.bytes;
    out->minutes = minutes;
    ui_destroy(ui);
    bench_target_close(&t);
    return 0;
}

int bench_inproc_size(const struct bench_inproc_opts *o, int w, int h, struct bench_size *out)
{
    memset(out, 0, sizeof *out);
    out->w = w;
    out->h = h;
    struct bench_target t;
    if (bench_target_open(&t, w, h, o->use_window) != 0)
        return -1;
    int rc = bench_rows(o, &t, out);
    if (rc == 0 && !o->only)
        rc = bench_tour(o, &t, out);
    bench_target_close(&t);
    return rc;
}

int bench_inproc_tour_clicks(const struct bench_inproc_opts *o, int w, int h,
                             struct bench_click *out, int max)
{
    struct bench_target t;
    if (bench_target_open(&t, w, h, 0) != 0)
        return -1;
    struct bench_loop L;
    int rc = -1;
    if (bench_loop_open(&L, o, &t) != 0)
        goto out;
    L.clicks = out;
    L.max_clicks = max;
    const struct config *c = o->cfg;
    int err = 0;
    for (int i = 1; i <= c->kiosk.n_languages; i++) {
        err |= bench_loop_tap(&L, APP_ACT_LANG, i % c->kiosk.n_languages, APP_SCREEN_HOME, NULL,
                              NULL);
        err |= bench_round(&L, 0, NULL, NULL);
    }
    ui_destroy(L.ui);
    rc = err ? -1 : L.n_clicks;
out:
    bench_target_close(&t);
    return rc;
}

void bench_size_free(struct bench_size *s)
{
    for (int i = 0; i < s->n_rows; i++) {
        bench_series_free(&s->rows[i].frame);
        bench_series_free(&s->rows[i].draw);
        bench_series_free(&s->rows[i].cpu);
        bench_series_free(&s->rows[i].cold);
    }
    bench_series_free(&s->press);
    bench_series_free(&s->nav);
    bench_series_free(&s->nav_first);
    bench_series_free(&s->lang);
}
