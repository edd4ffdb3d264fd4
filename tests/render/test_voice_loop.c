/* Voice guidance in the kiosk's loop.
 *
 * frames: speech never delays a frame. Home is drawn (software renderer, 1280x720,
 * with voice guidance on, the loop as shell/run.c's: frame, clips queued,
 * a short wait) first in silence, then while long texts are being made,
 * in Japanese (open_jtalk children) and English (espeak-ng in the worker
 * thread). Absolute times move with the machine's load, so the checks are
 * ratios of medians over the same number of frames:
 * - the drawing thread's own CPU time per frame while speaking is at most
 *   2 times (+0.3 ms) what it is in silence (the two cores may be one
 *   core's two threads: a busy sibling slows the drawing a little), and
 *   over the whole phase speech added less than half of what the synthesis
 *   cost elsewhere to it: a synthesis on the drawing thread would add all;
 * - the synthesis happened meanwhile elsewhere: open_jtalk's CPU time in
 *   reaped children (ja, at least 100 ms), the process's CPU time beyond
 *   the drawing thread's (en: espeak-ng in the worker, at least 50 ms);
 * - most frames (60 %) were drawn while a text was being made (a new one
 *   is asked for as soon as the last is made and queued);
 * - texts were heard (queued on the audio device), and queueing a clip
 *   (voice_play, a copy: the worker scales the volume) takes under 2 ms of
 *   the drawing thread's CPU (PLAY_MAX_MS: more under ASan);
 * - the frame's wall time median is at most 2 times silence's (+1 ms).
 *
 * states: what voice guidance says when a toggle changes (voice on and
 * off, contrast, large text, language), and the attract loop's hint at
 * every kiosk.voice_hint_cycles-th round of home's cards (the clock is an
 * argument, so rounds of minutes take no time).
 * Usage: test_voice_loop SOURCE_DIR frames|states */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "check.h"
#include "attract.h"
#include "host.h"
#include "i18n.h"
#include "images.h"
#include "screen.h"
#include "voice.h"

#define FRAMES 150
/* Speaking goes on past FRAMES (up to this) until two texts have been
 * heard: on a loaded machine the worker (nice 10) makes them slower, and
 * what is checked is that frames stay quick, not how fast speech is. */
#define FRAMES_MAX 3000
/* Queueing a clip is a copy: under 2 ms. Under AddressSanitizer the copy
 * stays cheap but SDL's audio device lock is held longer by its (slowed)
 * audio thread: up to 32 ms seen; a synthesis on this thread would still
 * take far more. */
#ifdef __SANITIZE_ADDRESS__
#define PLAY_MAX_MS 60.0
#else
#define PLAY_MAX_MS 2.0
#endif

static Uint32 wake_type;

static void wake(void *ctx)
{
    (void)ctx;
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = wake_type;
    SDL_PushEvent(&e);
}

static double ms_of(clockid_t c)
{
    struct timespec ts;
    clock_gettime(c, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static double children_cpu_ms(void)
{
    struct rusage ru;
    getrusage(RUSAGE_CHILDREN, &ru);
    return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000.0 +
           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000.0;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp);
    return n ? v[n / 2] : 0;
}

struct phase {
    double wall[FRAMES], cpu[FRAMES]; /* the first FRAMES frames */
    int frames;        /* frames drawn in the phase (FRAMES or more) */
    int busy;          /* frames drawn while a text was being made */
    double play_max;   /* the longest voice_play, ms of the drawing thread's CPU */
    int played;        /* voice_play calls that queued a request's first clip */
    double self_cpu, thread_cpu, child_cpu; /* over the phase, ms */
};

struct rig {
    struct host *h;
    SDL_Renderer *r;
    struct ui *ui;
    struct voice v;
    int in_progress; /* a request whose last clip has not come */
};

static void frame(struct rig *g, struct phase *p, int i)
{
    double w0 = ms_of(CLOCK_MONOTONIC), c0 = ms_of(CLOCK_THREAD_CPUTIME_ID);
    double now = (double)SDL_GetTicks64() / 1000.0;
    struct host_text text;
    host_text(g->h, &text);
    struct ui_view view = {.wall = time(NULL), .mono = now, .camera_ok = 1, .microphone_ok = 1,
                           .config_status = text.config_status, .health = text.health,
                           .counts = text.counts};
    ui_begin(g->ui, 1280, 720, &g->h->st, &view);
    screen_draw_frame(g->ui, &g->h->st);
    SDL_RenderPresent(g->r);
    voice_after_draw(&g->v, g->ui, &g->h->st, 0, now);
    if (i < FRAMES) {
        p->wall[i] = ms_of(CLOCK_MONOTONIC) - w0;
        p->cpu[i] = ms_of(CLOCK_THREAD_CPUTIME_ID) - c0;
    }
    p->frames = i + 1;
}

/* The wake-ups: clips queued, as run.c does on the worker's event. */
static void events(struct rig *g, struct phase *p)
{
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        if (e.type != wake_type)
            continue;
        double t0 = ms_of(CLOCK_THREAD_CPUTIME_ID), first = g->v.first_audio_at;
        voice_play(&g->v, (double)SDL_GetTicks64() / 1000.0);
        double d = ms_of(CLOCK_THREAD_CPUTIME_ID) - t0;
        if (p && d > p->play_max)
            p->play_max = d;
        if (p && g->v.first_audio_at != first)
            p->played++;
    }
}

static void run_phase(struct rig *g, struct phase *p, int speak, const char *lang)
{
    memset(p, 0, sizeof *p);
    double s0 = ms_of(CLOCK_PROCESS_CPUTIME_ID), t0 = ms_of(CLOCK_THREAD_CPUTIME_ID),
           k0 = children_cpu_ms();
    int ja = strncmp(lang, "ja", 2) == 0;
    static int serial;
    int asked_at = -1, heard = 0;
    for (int i = 0; i < FRAMES || (speak && p->played < 2 && i < FRAMES_MAX); i++) {
        /* A new text as soon as the last has been made and heard. */
        if (speak && !speech_busy(g->v.sp) &&
            (asked_at < 0 || p->played > heard || i - asked_at > 50)) {
            asked_at = i;
            heard = p->played;
            char text[512];
            int n = ++serial; /* every sentence new: none is kept from before */
            snprintf(text, sizeof text,
                     ja ? "%d番目の案内です。矢印キーで%d番を選び、決定キーで進みます。画面に"
                          "触れると%d番を読み上げ、もう一度触れると選びます。指を%d秒当てると"
                          "音声案内が切り替わり、ヘルプで%dページを聞き直せます。"
                        : "Notice number %d. Use the arrow keys to choose button %d and the "
                          "enter key to go on. Touch button %d to hear it, and touch it again "
                          "to choose it. Hold a finger on the screen for %d seconds to turn "
                          "voice guidance on or off, and press help to hear page %d again.",
                     n, n, n, n, n);
            g->v.asked_seq = speech_say(g->v.sp, lang, text);
        }
        /* Made meanwhile: the request's clips are not all in yet. */
        int busy = speak && speech_busy(g->v.sp);
        frame(g, p, i);
        p->busy += busy;
        events(g, p);
        SDL_Delay(8);
    }
    p->self_cpu = ms_of(CLOCK_PROCESS_CPUTIME_ID) - s0;
    p->thread_cpu = ms_of(CLOCK_THREAD_CPUTIME_ID) - t0;
    p->child_cpu = children_cpu_ms() - k0;
}

static void check_lang(struct rig *g, const char *lang)
{
    host_start(g->h, lang, (double)SDL_GetTicks64() / 1000.0);
    g->h->st.voice = 1;
    static struct phase quiet, speaking;
    /* Home announced, then silence until it has been made. */
    for (int i = 0; i < 100 && (i < 5 || speech_busy(g->v.sp)); i++) {
        frame(g, &quiet, 0);
        events(g, NULL);
        SDL_Delay(20);
    }
    run_phase(g, &quiet, 0, lang);
    run_phase(g, &speaking, 1, lang);
    double wq = median(quiet.wall, FRAMES), ws = median(speaking.wall, FRAMES);
    double cq = median(quiet.cpu, FRAMES), cs = median(speaking.cpu, FRAMES);
    double elsewhere = speaking.self_cpu - speaking.thread_cpu + speaking.child_cpu;
    printf("%s: %d frames each: wall median %.2f ms silent, %.2f ms speaking (ratio %.2f); "
           "drawing thread's CPU median %.2f / %.2f ms (ratio %.2f); frames drawn while a text "
           "was made %d of %d; synthesis elsewhere %.0f ms (other threads %.0f, children %.0f); "
           "texts heard %d, longest voice_play %.2f ms; the drawing thread's CPU over the "
           "phase %.0f ms silent, %.0f ms speaking\n", lang, FRAMES, wq, ws, ws / wq, cq, cs, cs / cq,
           speaking.busy, speaking.frames, elsewhere, speaking.self_cpu - speaking.thread_cpu,
           speaking.child_cpu,
           speaking.played, speaking.play_max, quiet.thread_cpu, speaking.thread_cpu);
    /* What speech added to the drawing thread, against what it cost elsewhere. */
    double extra = speaking.thread_cpu * quiet.frames / speaking.frames - quiet.thread_cpu;
    CHECK(cs <= cq * 2.0 + 0.3);
    CHECK(ws <= wq * 2.0 + 1.0);
    CHECK(speaking.busy >= FRAMES * 6 / 10);
    if (strncmp(lang, "ja", 2) == 0)
        CHECK(speaking.child_cpu >= 100.0); /* open_jtalk */
    else
        CHECK(speaking.self_cpu - speaking.thread_cpu >= 50.0); /* the worker's espeak-ng */
    CHECK(extra < 0.5 * elsewhere * quiet.frames / speaking.frames);
    CHECK(speaking.played >= 2);
    CHECK(speaking.play_max < PLAY_MAX_MS);
}

/* Waits (up to 10 s) for the latest request's first clip to be queued. */
static int heard(struct rig *g)
{
    g->v.first_audio_at = 0;
    for (int i = 0; i < 1000 && g->v.first_audio_at == 0; i++) {
        events(g, NULL);
        SDL_Delay(10);
    }
    return g->v.first_audio_at > 0;
}

static void said(struct rig *g, const char *want, int prefix)
{
    int ok = prefix ? strncmp(g->v.said, want, strlen(want)) == 0 : strcmp(g->v.said, want) == 0;
    if (!ok)
        fprintf(stderr, "said \"%s\", not %s\"%s\"\n", g->v.said, prefix ? "starting " : "", want);
    CHECK(ok);
}

/* What the toggles say: voice on, contrast, large text, a new language,
 * voice off by the visitor (heard although voice mode is off now). */
static void check_toggles(struct rig *g)
{
    static struct phase p;
    host_start(g->h, "en", (double)SDL_GetTicks64() / 1000.0);
    frame(g, &p, 0); /* a new visit: voice guidance off, silently */
    g->h->st.visitor_active = 1;
    g->h->st.voice = 1;
    frame(g, &p, 0);
    said(g, "Voice guidance on. ", 1);
    g->h->st.high_contrast = 1;
    frame(g, &p, 0);
    said(g, "High contrast on", 0);
    g->h->st.large_text = 1;
    frame(g, &p, 0);
    said(g, "Larger text on", 0);
    g->h->st.high_contrast = 0;
    frame(g, &p, 0);
    said(g, "High contrast off", 0);
    for (int i = 0; i < g->h->cfg.kiosk.n_languages; i++)
        if (strcmp(g->h->cfg.kiosk.languages[i], "ja") == 0)
            g->h->st.lang_index = i;
    frame(g, &p, 0);
    said(g, "日本語。", 1);
    g->h->st.voice = 0;
    frame(g, &p, 0);
    said(g, "音声案内 オフ", 0);
    CHECK(heard(g));
}

/* The attract loop says how to get voice guidance at the start of every
 * kiosk.voice_hint_cycles-th round of its cards, once, and never with 0. */
static void check_hint(struct rig *g)
{
    static struct phase p;
    host_start(g->h, "ja", (double)SDL_GetTicks64() / 1000.0);
    frame(g, &p, 0);
    struct app_state *st = &g->h->st;
    CHECK(screen_attract(st) && !st->voice);
    double d[ATTRACT_MAX_PAGES], round = 0;
    int n = attract_dwells(st->cfg, app_lang(st), d, ATTRACT_MAX_PAGES);
    for (int i = 0; i < n; i++)
        round += d[i];
    int every = g->h->cfg.kiosk.voice_hint_cycles;
    CHECK_INT(every, 5); /* the default */
    const char *hint = i18n_ui(I18N_VOICE_ATTRACT, "ja");
    unsigned seq = g->v.asked_seq;
    voice_after_draw(&g->v, g->ui, st, 0, st->screen_since + 1.0 * round + 0.1);
    voice_after_draw(&g->v, g->ui, st, 0, st->screen_since + (every - 1) * round + 0.1);
    CHECK_INT(g->v.asked_seq, seq); /* not before the 5th round */
    voice_after_draw(&g->v, g->ui, st, 0, st->screen_since + every * round + 0.1);
    CHECK(g->v.asked_seq != seq);
    said(g, hint, 0);
    CHECK(heard(g));
    seq = g->v.asked_seq;
    voice_after_draw(&g->v, g->ui, st, 0, st->screen_since + every * round + 2.0);
    voice_after_draw(&g->v, g->ui, st, 0, st->screen_since + (every + 1) * round + 0.1);
    CHECK_INT(g->v.asked_seq, seq); /* once per round, not in the next */
    voice_after_draw(&g->v, g->ui, st, 0, st->screen_since + 2 * every * round + 0.1);
    CHECK(g->v.asked_seq != seq);
    seq = g->v.asked_seq;
    g->h->cfg.kiosk.voice_hint_cycles = 0;
    voice_after_draw(&g->v, g->ui, st, 0, st->screen_since + 3 * every * round + 0.1);
    CHECK_INT(g->v.asked_seq, seq);
    printf("attract hint: a round of home's cards takes %.0f s; said at round %d and %d\n", round,
           every, 2 * every);
}

int main(int argc, char **argv)
{
    if (argc < 3 || (strcmp(argv[2], "frames") != 0 && strcmp(argv[2], "states") != 0)) {
        fprintf(stderr, "usage: test_voice_loop SOURCE_DIR frames|states\n");
        return 2;
    }
    if (SDL_Init(SDL_INIT_EVENTS) != 0 || TTF_Init() != 0) {
        fprintf(stderr, "SDL: %s\n", SDL_GetError());
        return 1;
    }
    wake_type = SDL_RegisterEvents(1);
    char config[1024], fonts[1024];
    snprintf(config, sizeof config, "%s/config/kiosk.json", argv[1]);
    snprintf(fonts, sizeof fonts, "%s/fonts", argv[1]);
    static struct host host;
    struct host_opts ho = {.config = config, .fonts_dir = fonts, .image_probe = images_probe};
    CHECK(host_load(&host, &ho) == 0);
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 1280, 720, 32, SDL_PIXELFORMAT_XRGB8888);
    struct rig g = {.h = &host};
    g.r = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    g.ui = g.r ? ui_create(g.r, &host.cfg, fonts) : NULL;
    if (g.ui)
        ui_set_surface(g.ui, surf);
    CHECK(g.ui != NULL);
    voice_open(&g.v, wake, NULL);
    if (g.ui) { /* the worker starts with voice guidance's first frame */
        static struct phase first;
        host_start(&host, "ja", (double)SDL_GetTicks64() / 1000.0);
        host.st.voice = 1;
        frame(&g, &first, 0);
    }
    CHECK(g.v.sp && speech_can(g.v.sp, "ja") && speech_can(g.v.sp, "en"));
    if (g.ui && g.v.sp && speech_can(g.v.sp, "ja") && speech_can(g.v.sp, "en")) {
        if (strcmp(argv[2], "frames") == 0) {
            check_lang(&g, "ja");
            check_lang(&g, "en");
        } else {
            check_toggles(&g);
            check_hint(&g);
        }
    }
    voice_close(&g.v);
    if (g.ui)
        ui_destroy(g.ui);
    if (g.r)
        SDL_DestroyRenderer(g.r);
    SDL_FreeSurface(surf);
    host_stop(&host, 0);
    TTF_Quit();
    SDL_Quit();
    return CHECK_RESULT();
}
