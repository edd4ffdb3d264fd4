/* kiosk_bench: how fast the kiosk draws, answers a touch, starts, and how
 * little it costs while it waits. Not a CTest test: run it by hand (see
 * the README, "Performance: kiosk_bench"). In process it drives the kiosk's own code (kiosk_ui)
 * on the software renderer; out of process it starts Xvfb and the real
 * build/kiosk/kiosk and reads /proc. */
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <unistd.h>

#include "images.h"
#include "bench_inproc.h"
#include "bench_proc.h"
#include "bench_report.h"
#include "fontfind.h"
#include "msg.h"
#include "host.h"
#include "run.h"
#include "text_store.h"

static void bench_usage(void)
{
    printf("usage: kiosk_bench [options]\n"
           "  --json                 print one JSON object instead of the table\n"
           "  --json-file PATH       also write the JSON object to PATH\n"
           "  --idle-seconds N       idle measurement on home (default 60)\n"
           "  --starts N             kiosk starts timed to the first frame (default 5)\n"
           "  --frames N             warm frames per screen (default 200)\n"
           "  --rounds N             touch tour rounds after the warm-up (default 20)\n"
           "  --config PATH          config (default: the shipped config/kiosk.json)\n"
           "  --kiosk PATH           the kiosk binary (default: this build's)\n"
           "  --lang CODE            language of the in-process screens (default: config's)\n"
           "  --screen NAME          in process, only this screen (e.g. home): for profilers;\n"
           "                         soak: only the idle soak; voice: only voice guidance\n"
           "  --large-text, --high-contrast   in process, the accessibility modes\n"
           "  --surface              in process, draw to an SDL_Surface (no X, no present cost)\n"
           "  --only-inproc, --only-process   half of the measurements\n"
           "  --floor-size WxH       window of the kiosk-against-floor starts (default 1280x720)\n"
           "  --no-floor             leave out the kiosk-against-floor starts\n"
           "  --soak-minutes N       in process, home through N clock minutes (default 1440; 0: none)\n"
           "  --verbose              echo the kiosk's log\n");
}

static int bench_int(const char *s, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (end == s || *end || v < 0 || v > 1000000)
        return -1;
    *out = (int)v;
    return 0;
}

static int bench_args(int argc, char **argv, struct bench_opts *o)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        int *num = !strcmp(a, "--idle-seconds") ? &o->idle_seconds
                   : !strcmp(a, "--starts")     ? &o->starts
                   : !strcmp(a, "--frames")     ? &o->frames
                   : !strcmp(a, "--rounds")     ? &o->rounds
                   : !strcmp(a, "--soak-minutes") ? &o->soak_minutes
                                                : NULL;
        if (num) {
            if (!v || bench_int(v, num) != 0)
                return -1;
            i++;
        } else if (!strcmp(a, "--config") && v) {
            o->config = argv[++i];
        } else if (!strcmp(a, "--kiosk") && v) {
            o->kiosk = argv[++i];
        } else if (!strcmp(a, "--json-file") && v) {
            o->json_file = argv[++i];
        } else if (!strcmp(a, "--screen") && v) {
            o->only = argv[++i];
        } else if (!strcmp(a, "--lang") && v) {
            o->lang = argv[++i];
        } else if (!strcmp(a, "--json")) {
            o->json = 1;
        } else if (!strcmp(a, "--large-text")) {
            o->large_text = 1;
        } else if (!strcmp(a, "--high-contrast")) {
            o->high_contrast = 1;
        } else if (!strcmp(a, "--surface")) {
            o->surface = 1;
        } else if (!strcmp(a, "--only-inproc")) {
            o->only_inproc = 1;
        } else if (!strcmp(a, "--only-process")) {
            o->only_process = 1;
        } else if (!strcmp(a, "--no-floor")) {
            o->no_floor = 1;
        } else if (!strcmp(a, "--floor-size") && v) {
            char *x;
            long fw = strtol(argv[++i], &x, 10);
            long fh = *x == 'x' ? strtol(x + 1, NULL, 10) : 0;
            if (fw < 320 || fh < 240 || fw > 1920 || fh > 1920)
                return -1;
            o->floor_w = (int)fw;
            o->floor_h = (int)fh;
        } else if (!strcmp(a, "--verbose")) {
            o->verbose = 1;
        } else {
            return -1;
        }
    }
    return o->starts < 1 ? -1 : 0;
}

/* The kiosk's own hints (shell/run.c): what it renders with. */
static int bench_sdl_init(void)
{
    run_hints();
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0 || TTF_Init() != 0) {
        fprintf(stderr, "kiosk_bench: SDL: %s\n", SDL_GetError());
        return -1;
    }
    return 0;
}

static int bench_inproc(struct bench_opts *o, struct host *host, struct bench_result *res)
{
    if (bench_sdl_init() != 0)
        return -1;
    struct bench_inproc_opts io = {.cfg = &host->cfg, .host = host,
                                   .fonts_dir = o->fonts_dir, .lang = o->lang,
                                   .frames = o->frames, .rounds = o->rounds,
                                   .use_window = !o->surface, .verbose = o->verbose,
                                   .only = o->only, .large_text = o->large_text,
                                   .high_contrast = o->high_contrast};
    static const int sizes[BENCH_SIZES][2] = {{1920, 1080}, {1080, 1920}, {3840, 2160}};
    int rc = 0;
    int soak_only = o->only && !strcmp(o->only, "soak");
    int voice_only = o->only && !strcmp(o->only, "voice");
    for (int i = 0; i < BENCH_SIZES && rc == 0 && !o->only_process && !soak_only && !voice_only;
         i++) {
        if (!o->json)
            fprintf(stderr, "kiosk_bench: drawing every screen at %dx%d...\n", sizes[i][0],
                    sizes[i][1]);
        rc = bench_inproc_size(&io, sizes[i][0], sizes[i][1], &res->size[i]);
    }
    if (rc == 0 && !o->only_process && o->soak_minutes > 0 && (!o->only || soak_only)) {
        if (!o->json)
            fprintf(stderr, "kiosk_bench: idle soak, %d clock minutes on home...\n",
                    o->soak_minutes);
        rc = bench_inproc_soak(&io, 1920, 1080, o->soak_minutes, &res->soak);
        res->have_soak = rc == 0;
    }
    if (rc == 0 && !o->only_process && (!o->only || voice_only)) {
        if (!o->json)
            fprintf(stderr, "kiosk_bench: voice guidance in ja and en at 1920x1080...\n");
        rc = bench_voice_run(&io, 1920, 1080, &res->voice);
        res->have_voice = rc == 0;
    }
    io.lang = NULL; /* the real kiosk starts in the default language */
    io.large_text = io.high_contrast = 0;
    if (!o->only_inproc)
        res->n_clicks = bench_inproc_tour_clicks(&io, 1920, 1080, res->clicks, BENCH_MAX_CLICKS);
    SDL_GetVersion(&res->sdl);
    const SDL_version *ttf = TTF_Linked_Version();
    res->ttf = *ttf;
    SDL_RendererInfo info;
    snprintf(res->renderer, sizeof res->renderer, "software");
    if (SDL_GetRenderDriverInfo(0, &info) == 0 && o->verbose)
        fprintf(stderr, "kiosk_bench: first render driver %s\n", info.name);
    TTF_Quit();
    SDL_Quit();
    return rc;
}

/* xdotool clicks through the languages and screens (window-relative). */
static int bench_click_tour(const struct bench_result *res)
{
    enum { ARGS_PER_CLICK = 10 };
    static char *argv[8 + BENCH_MAX_CLICKS * ARGS_PER_CLICK];
    static char nums[BENCH_MAX_CLICKS][2][12];
    int n = 0;
    argv[n++] = "xdotool";
    argv[n++] = "search";
    argv[n++] = "--sync";
    argv[n++] = "--name";
    argv[n++] = "^kiosk$";
    for (int i = 0; i < res->n_clicks; i++) {
        snprintf(nums[i][0], sizeof nums[i][0], "%d", res->clicks[i].x);
        snprintf(nums[i][1], sizeof nums[i][1], "%d", res->clicks[i].y);
        char *const step[ARGS_PER_CLICK] = {"mousemove", "--window", "%1", nums[i][0],
                                            nums[i][1], "click", "1", "sleep", "0.25", NULL};
        for (int k = 0; k < ARGS_PER_CLICK - 1; k++)
            argv[n++] = step[k];
    }
    argv[n] = NULL;
    return bench_proc_run(argv);
}

static void bench_idle(struct bench_opts *o, struct bench_kiosk *k, struct bench_result *res)
{
    struct bench_proc_sample a, b;
    bench_kiosk_sleep(k, 2.0, o->verbose); /* settle: start-up work is done */
    bench_proc_sample(k->pid, &a);
    bench_kiosk_sleep(k, o->idle_seconds, o->verbose);
    bench_proc_sample(k->pid, &b);
    double s = o->idle_seconds > 0 ? o->idle_seconds : 1;
    res->idle_cpu_percent = (b.run_s - a.run_s) / s * 100.0;
    res->idle_cpu_ticks_percent = (b.cpu_ticks_s - a.cpu_ticks_s) / s * 100.0;
    res->idle_wakeups = (double)(b.ctxsw - a.ctxsw) / s;
    res->n_threads = 0;
    for (int i = 0; i < b.threads && i < BENCH_PROC_THREADS; i++) {
        long long before = 0;
        for (int j = 0; j < a.threads && j < BENCH_PROC_THREADS; j++)
            if (a.thread[j].tid == b.thread[i].tid)
                before = a.thread[j].ctxsw;
        snprintf(res->thread[i].name, sizeof res->thread[i].name, "%s", b.thread[i].name);
        res->thread[i].per_s = (double)(b.thread[i].ctxsw - before) / s;
        res->n_threads++;
    }
}

static int bench_process(struct bench_opts *o, struct bench_result *res, int display)
{
    char *args[] = {(char *)o->kiosk, "--config", (char *)o->config, "--windowed=1920x1080",
                    "--verbose", NULL};
    for (int i = 0; i < o->starts; i++) {
        struct bench_kiosk k;
        if (!o->json)
            fprintf(stderr, "kiosk_bench: start %d of %d...\n", i + 1, o->starts);
        if (bench_kiosk_start(&k, args, display, 20.0) != 0)
            return -1;
        bench_series_add(&res->first_frame, k.first_ms);
        bench_series_add(&res->first_reported, k.reported_ms);
        bench_series_add(&res->first_cpu, k.cpu_ms);
        res->rss_start_kib = bench_proc_status_kib(k.pid, "VmHWM:");
        if (i + 1 < o->starts) {
            bench_kiosk_stop(&k, NULL);
            continue;
        }
        if (!o->json)
            fprintf(stderr, "kiosk_bench: idle on home for %d s...\n", o->idle_seconds);
        bench_idle(o, &k, res);
        if (res->n_clicks > 0) {
            if (!o->json)
                fprintf(stderr, "kiosk_bench: visiting every language (%d clicks)...\n",
                        res->n_clicks);
            res->tour_rc = bench_click_tour(res);
            bench_kiosk_sleep(&k, 1.0, o->verbose);
        }
        res->rss_peak_kib = bench_proc_status_kib(k.pid, "VmHWM:");
        res->rss_now_kib = bench_proc_status_kib(k.pid, "VmRSS:");
        res->rss_anon_kib = bench_proc_status_kib(k.pid, "RssAnon:");
        res->rss_file_kib = bench_proc_status_kib(k.pid, "RssFile:");
        res->rss_shmem_kib = bench_proc_status_kib(k.pid, "RssShmem:");
        struct rusage ru;
        bench_kiosk_stop(&k, &ru);
        res->ru_maxrss_kib = ru.ru_maxrss;
    }
    return 0;
}

/* The kiosk and the floor, alternated (bench_floor.c), at o->floor_w x h. */
static int bench_floor_measure(const struct bench_opts *o, struct bench_result *res, int display)
{
    char font[1024], tried[1024];
    int face;
    if (fontfind_resolve("BIZUDPGothic-Regular.ttf", o->fonts_dir, font, sizeof font, &face,
                         tried, sizeof tried) != 0) {
        fprintf(stderr, "kiosk_bench: the floor's font is not found (tried %s)\n", tried);
        return -1;
    }
    struct bench_floor_opts fo = {.kiosk = o->kiosk, .config = o->config,
                                  .floor_exe = KIOSK_BENCH_FLOOR, .font = font,
                                  .display = display, .screen_w = 3840, .screen_h = 2160,
                                  .starts = o->starts, .idle_seconds = o->idle_seconds,
                                  .verbose = o->verbose, .json = o->json};
    res->floor.width = o->floor_w;
    res->floor.height = o->floor_h;
    return bench_floor_run(&fo, &res->floor);
}

static void bench_paths(struct bench_opts *o)
{
    if (!o->config)
        o->config = KIOSK_SOURCE_DIR "/config/kiosk.json";
    if (!o->kiosk)
        o->kiosk = KIOSK_BENCH_KIOSK;
    /* As main.c: fonts/ beside config/, else the source tree's. */
    char dir[900];
    snprintf(dir, sizeof dir, "%s", o->config);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    else
        snprintf(dir, sizeof dir, ".");
    snprintf(o->fonts_dir, sizeof o->fonts_dir, "%s/../fonts", dir);
}

/* The run's cache folder, with the text store the kiosks wrote in it (and
 * any temporary file of a kiosk stopped while writing it). */
static void bench_cache_remove(const char *cache)
{
    char dir[1024], path[1400];
    if (text_store_dir(NULL, cache, NULL, KIOSK_PACKAGE, dir, sizeof dir) != 0)
        return;
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        if (strncmp(e->d_name, TEXT_STORE_FILE, strlen(TEXT_STORE_FILE)) != 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        unlink(path);
    }
    if (d)
        closedir(d);
    rmdir(dir);
    rmdir(cache);
}

int main(int argc, char **argv)
{
    struct bench_opts o = {.idle_seconds = 60, .starts = 5, .frames = 200, .rounds = 20,
                           .floor_w = 1280, .floor_h = 720, .soak_minutes = 1440};
    if (bench_args(argc, argv, &o) != 0) {
        bench_usage();
        return 2;
    }
    bench_paths(&o);
    msg_set_level(o.verbose ? MSG_DEBUG : MSG_ERROR);
    /* The kiosks started get the caller's SDL_AUDIODRIVER (unset: SDL's
     * own choice, as on a kiosk machine); the in-process voice guidance
     * plays in real time with nothing to hear. */
    bench_kiosk_audio(getenv("SDL_AUDIODRIVER"));
    setenv("SDL_AUDIODRIVER", "dummy", 0);

    /* The kiosk's host without its workers: no status polls, no records. */
    static struct host host;
    struct host_opts ho = {.config = o.config, .fonts_dir = o.fonts_dir,
                           .image_probe = images_probe, .workers = 0};
    if (host_load(&host, &ho) != 0) {
        fprintf(stderr, "kiosk_bench: %s does not load (kiosk --check-config)\n", o.config);
        return 1;
    }
    /* The kiosks started keep their text store (core/text_store.h) in a
     * folder of the run's own, not the caller's cache. */
    char cache[] = "/tmp/kiosk_bench_cache.XXXXXX";
    if (!mkdtemp(cache)) {
        fprintf(stderr, "kiosk_bench: cannot make a cache folder in /tmp\n");
        return 1;
    }
    setenv("XDG_CACHE_HOME", cache, 1);
    unsetenv("CACHE_DIRECTORY");
    static struct bench_result res;
    struct bench_xvfb x = {0};
    int rc = 0;
    if ((!o.surface || !o.only_inproc) && bench_xvfb_start(&x, 3840, 2160) != 0) {
        bench_cache_remove(cache);
        return 1;
    }
    if (bench_inproc(&o, &host, &res) != 0)
        rc = 1;
    res.have_inproc = !o.only_process && rc == 0 && res.size[0].n_rows > 0;
    if (rc == 0 && !o.only_inproc && bench_process(&o, &res, x.display) != 0)
        rc = 1;
    res.have_process = !o.only_inproc && rc == 0;
    if (rc == 0 && !o.only_inproc && !o.no_floor) {
        if (bench_floor_measure(&o, &res, x.display) != 0)
            rc = 1;
        res.have_floor = rc == 0;
    }
    bench_xvfb_stop(&x);
    if (o.json)
        bench_report_json(stdout, &o, &host.cfg, &res);
    else
        bench_report_table(&o, &host.cfg, &res);
    FILE *jf = o.json_file ? fopen(o.json_file, "w") : NULL;
    if (jf) {
        bench_report_json(jf, &o, &host.cfg, &res);
        fclose(jf);
    } else if (o.json_file) {
        fprintf(stderr, "kiosk_bench: cannot write %s\n", o.json_file);
        rc = 1;
    }
    bench_result_free(&res);
    host_stop(&host, 0);
    bench_cache_remove(cache);
    return rc;
}
