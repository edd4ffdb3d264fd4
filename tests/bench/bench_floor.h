#ifndef KIOSK_BENCH_FLOOR_H
#define KIOSK_BENCH_FLOOR_H
/* The kiosk against the floor (kiosk_floor: a bare SDL2 + SDL2_ttf window
 * with one line of Japanese), started alternately in one run on the bench's
 * Xvfb. First paint is seen from outside: the bench, as another X client,
 * reads a block of the screen where the window opens (XGetImage) every
 * millisecond from the exec on, and takes the first change. */
#include "bench_stats.h"

struct bench_prog {
    struct bench_series paint_ms; /* exec -> first changed pixels, ms */
    struct bench_series line_ms;  /* exec -> its "first frame presented" line, ms */
    struct bench_series pss_kib;  /* smaps_rollup Pss, 2 s after the first frame */
    struct bench_series anon_kib; /* smaps_rollup Anonymous (private memory) */
    double idle_cpu_percent;      /* schedstat run time over the idle time */
    double idle_wakeups;          /* context switches per second */
};

struct bench_floor {
    int width, height; /* the window of both programs */
    struct bench_prog kiosk, floor;
    /* Medians of three kiosk starts before the others, each with no text
     * store (its first start on a machine, or after a font change); not in
     * kiosk's series, whose starts find the store the start before wrote,
     * less the clock's text (a restart in another minute). */
    double kiosk_cold_paint_ms, kiosk_cold_line_ms;
};

struct bench_floor_opts {
    const char *kiosk, *config, *floor_exe, *font;
    int display, screen_w, screen_h, starts, idle_seconds, verbose, json;
};

/* Runs starts rounds (kiosk first in even rounds, floor first in odd ones),
 * then idle_seconds of idle for each. Returns 0, or -1 after a message. */
int bench_floor_run(const struct bench_floor_opts *o, struct bench_floor *f);
void bench_floor_free(struct bench_floor *f);
#endif
