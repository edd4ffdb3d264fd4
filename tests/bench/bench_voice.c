#include "bench_voice.h"

#include <SDL.h>
#include <stdio.h>
#include <string.h>

#include "host.h"
#include "input.h"
#include "screen.h"
#include "voice.h"

struct bench_voice_loop {
    struct bench_target t;
    struct ui *ui;
    struct host *h;
    struct input in;
    struct voice v;
    Uint32 wake_type;
};

static void bench_voice_wake(void *ctx)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = *(Uint32 *)ctx;
    SDL_PushEvent(&e);
}

/* One frame and what voice guidance makes of it, as run.c run_draw. */
static double bench_voice_frame(struct bench_voice_loop *L, double *cpu)
{
    double now = bench_mono();
    double ms = bench_frame(&L->t, L->ui, &L->h->st, now, NULL, cpu);
    voice_after_draw(&L->v, L->ui, &L->h->st, L->in.help_count, now);
    L->h->dirty = 0;
    return ms;
}

/* Handles what is waiting: the worker's wake-ups play clips; other events
 * go through input and the state machine. Draws if anything changed. */
static void bench_voice_events(struct bench_voice_loop *L, int wait_ms)
{
    SDL_Event e;
    int got = SDL_WaitEventTimeout(&e, wait_ms);
    while (got) {
        double now = bench_mono();
        if (e.type == L->wake_type) {
            voice_play(&L->v, now);
        } else {
            struct app_event ev;
            int redraw = 0;
            if (input_handle(&L->in, L->ui, &e, now, &ev, &redraw))
                host_feed(L->h, &ev, now);
            if (redraw)
                L->h->dirty = 1;
        }
        got = SDL_PollEvent(&e);
    }
    host_tick(L->h, bench_mono());
    if (L->h->dirty)
        bench_voice_frame(L, NULL);
}

static void bench_voice_key(SDL_Keycode sym, SDL_Scancode sc)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.timestamp = SDL_GetTicks();
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = sym;
    e.key.keysym.scancode = sc;
    SDL_PushEvent(&e);
}

/* Lets everything asked so far be made and queued, and the device drain. */
static void bench_voice_settle(struct bench_voice_loop *L, double secs)
{
    double end = bench_now_ms() + secs * 1000.0;
    while (bench_now_ms() < end)
        bench_voice_events(L, 10);
}

/* One Tab: the ms to the first clip queued and to the device taking it. */
static int bench_voice_tab(struct bench_voice_loop *L, double *queued, double *taken,
                           double *heard)
{
    double t0 = bench_now_ms();
    unsigned before = L->v.asked_seq;
    bench_voice_key(SDLK_TAB, SDL_SCANCODE_TAB);
    Uint32 size = 0;
    *queued = *taken = -1;
    while (bench_now_ms() - t0 < 3000.0) {
        bench_voice_events(L, 1);
        if (L->v.asked_seq == before || !L->v.dev)
            continue;
        Uint32 now_size = SDL_GetQueuedAudioSize(L->v.dev);
        if (*queued < 0 && L->v.first_audio_at > 0 && now_size > 0) {
            *queued = bench_now_ms() - t0;
            size = now_size;
        } else if (*queued >= 0 && now_size < size) {
            *taken = bench_now_ms() - t0;
            *heard = *taken + L->v.first_lead_s * 1000.0;
            return 0;
        }
    }
    return -1;
}

static void bench_voice_focus(struct bench_voice_loop *L, struct bench_voice_lang *out, int n,
                              struct bench_series *queued, struct bench_series *taken,
                              struct bench_series *heard)
{
    for (int i = 0; i < n; i++) {
        double q, t, h;
        L->v.first_audio_at = 0;
        if (bench_voice_tab(L, &q, &t, &h) != 0) {
            out->missed++;
            continue;
        }
        bench_series_add(queued, q);
        if (taken)
            bench_series_add(taken, t);
        if (heard)
            bench_series_add(heard, h);
        bench_voice_settle(L, 0.25);
    }
}

/* Frames on home with voice guidance on, the loop as the kiosk's: a frame,
 * its events (clips queued), 8 ms for the worker. speak: a new long text
 * (never said before, so none is kept) every 25 frames. */
static void bench_voice_frames_run(struct bench_voice_loop *L, int frames, int speak,
                                   struct bench_series *ms, struct bench_series *cpu_ms,
                                   int *texts)
{
    const char *lang = app_lang(&L->h->st);
    int ja = strncmp(lang, "ja", 2) == 0;
    static int serial;
    for (int i = 0; i < frames && L->v.sp; i++) {
        if (speak && i % 25 == 0) {
            char text[512];
            snprintf(text, sizeof text,
                     ja ? "%d番目の案内です。矢印キーで選び、決定キーで進みます。画面に触れると"
                          "読み上げ、もう一度触れると選びます。"
                        : "Notice number %d. Use the arrow keys to choose and the enter key to "
                          "go on. Touch a button to hear it, and touch it again to choose it.",
                     ++serial);
            L->v.asked_seq = speech_say(L->v.sp, lang, text);
            (*texts)++;
        }
        double cpu;
        bench_series_add(ms, bench_voice_frame(L, &cpu));
        bench_series_add(cpu_ms, cpu);
        SDL_Event e;
        while (SDL_PollEvent(&e))
            if (e.type == L->wake_type)
                voice_play(&L->v, bench_mono());
        SDL_Delay(8);
    }
}

static void bench_voice_frames(struct bench_voice_loop *L, struct bench_voice_lang *out,
                               int frames)
{
    bench_voice_settle(L, 3.0); /* what was said before has played */
    int none = 0;
    bench_voice_frames_run(L, frames, 0, &out->frame_quiet, &out->cpu_quiet, &none);
    bench_voice_frames_run(L, frames, 1, &out->frame_speaking, &out->cpu_speaking,
                           &out->speaking_requests);
}

static int bench_voice_lang(const struct bench_inproc_opts *o, struct bench_voice_loop *L,
                            const char *lang, int frames, struct bench_voice_lang *out)
{
    snprintf(out->lang, sizeof out->lang, "%s", lang);
    L->ui = bench_ui(o, &L->t);
    if (!L->ui)
        return -1;
    memset(&L->in, 0, sizeof L->in);
    host_start(L->h, lang, bench_mono());
    voice_open(&L->v, bench_voice_wake, &L->wake_type);
    int rc = -1;
    L->h->st.voice = 1; /* as the help key turns it on (the worker starts) */
    bench_voice_frame(L, NULL);
    if (!L->v.sp || !speech_can(L->v.sp, lang)) {
        fprintf(stderr, "kiosk_bench: no voice for %s: %s\n", lang,
                voice_missing(&L->v) ? voice_missing(&L->v) : "?");
        goto out;
    }
    bench_voice_settle(L, 1.0); /* home announced; a spare open_jtalk waits */
    /* Every button of home and of the municipalities once (never said
     * before), then home's again (kept clips). */
    int n_home = L->ui->n_targets;
    bench_voice_focus(L, out, n_home, &out->queued, &out->taken, &out->heard);
    bench_voice_key(SDLK_RETURN, SDL_SCANCODE_RETURN); /* the focus is on Municipalities again */
    bench_voice_settle(L, 1.0);
    int n_list = L->ui->n_targets;
    bench_voice_focus(L, out, n_list, &out->queued, &out->taken, &out->heard);
    host_start(L->h, lang, bench_mono());
    L->h->st.voice = 1;
    bench_voice_frame(L, NULL);
    bench_voice_settle(L, 1.0);
    bench_voice_focus(L, out, n_home, &out->again, NULL, NULL);
    bench_voice_frames(L, out, frames);
    rc = 0;
out:
    voice_close(&L->v);
    ui_destroy(L->ui);
    L->ui = NULL;
    return rc;
}

int bench_voice_run(const struct bench_inproc_opts *o, int w, int h, struct bench_voice *out)
{
    memset(out, 0, sizeof *out);
    out->w = w;
    out->h = h;
    out->frames = o->frames;
    struct bench_voice_loop L;
    memset(&L, 0, sizeof L);
    L.h = o->host;
    L.wake_type = SDL_RegisterEvents(1);
    if (bench_target_open(&L.t, w, h, o->use_window) != 0)
        return -1;
    static const char *const langs[] = {"ja", "en"};
    int rc = 0;
    for (int i = 0; i < 2 && rc == 0; i++) {
        rc = bench_voice_lang(o, &L, langs[i], o->frames, &out->langs[i]);
        if (rc == 0)
            out->n++;
    }
    const char *drv = SDL_GetCurrentAudioDriver();
    snprintf(out->driver, sizeof out->driver, "%s", drv ? drv : "none");
    bench_target_close(&L.t);
    return rc;
}

void bench_voice_free(struct bench_voice *v)
{
    for (int i = 0; i < v->n; i++) {
        struct bench_voice_lang *l = &v->langs[i];
        bench_series_free(&l->queued);
        bench_series_free(&l->taken);
        bench_series_free(&l->heard);
        bench_series_free(&l->again);
        bench_series_free(&l->frame_quiet);
        bench_series_free(&l->frame_speaking);
        bench_series_free(&l->cpu_quiet);
        bench_series_free(&l->cpu_speaking);
    }
}
