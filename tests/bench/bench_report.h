#ifndef KIOSK_BENCH_REPORT_H
#define KIOSK_BENCH_REPORT_H
/* What kiosk_bench measured, and the table or JSON that shows it. */
#include <SDL.h>
#include <stdio.h>

#include "bench_floor.h"
#include "bench_inproc.h"
#include "bench_voice.h"
#include "config.h"

#define BENCH_SIZES 3 /* 1920x1080, 1080x1920, 3840x2160 */
#define BENCH_MAX_CLICKS 96

struct bench_opts {
    int json, surface, only_inproc, only_process, verbose, large_text, high_contrast;
    int idle_seconds, starts, frames, rounds, no_floor, floor_w, floor_h, soak_minutes;
    const char *config, *kiosk, *lang, *only;
    const char *json_file; /* also write the JSON object here */
    char fonts_dir[1024];
};

struct bench_thread_rate {
    char name[20];
    double per_s;
};

struct bench_result {
    int have_inproc, have_process;
    char renderer[32];
    SDL_version sdl, ttf;
    struct bench_size size[BENCH_SIZES];
    int n_clicks;
    struct bench_click clicks[BENCH_MAX_CLICKS];
    int tour_rc;
    struct bench_series first_frame;    /* exec -> first frame line, ms */
    struct bench_series first_reported; /* the kiosk's own figure (since SDL_Init) */
    struct bench_series first_cpu;      /* the kiosk's CPU time until then, ms */
    long rss_start_kib, rss_peak_kib, rss_now_kib, ru_maxrss_kib;
    long rss_anon_kib, rss_file_kib, rss_shmem_kib; /* after the tour */
    double idle_cpu_percent;       /* schedstat run time */
    double idle_cpu_ticks_percent; /* utime + stime (10 ms ticks) */
    double idle_wakeups;
    int n_threads;
    struct bench_thread_rate thread[16];
    int have_soak;
    struct bench_soak soak; /* the clock driven through a day on home */
    int have_floor;
    struct bench_floor floor; /* the kiosk beside the bare SDL program */
    int have_voice;
    struct bench_voice voice; /* focus -> speech, frames while speaking */
};

void bench_report_table(const struct bench_opts *o, const struct config *cfg,
                        const struct bench_result *r);
void bench_report_json(FILE *f, const struct bench_opts *o, const struct config *cfg,
                       const struct bench_result *r);
void bench_result_free(struct bench_result *r);
#endif
