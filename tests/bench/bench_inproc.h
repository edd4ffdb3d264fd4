#ifndef KIOSK_BENCH_INPROC_H
#define KIOSK_BENCH_INPROC_H
/* The in-process half: the kiosk's own drawing code (ui_begin +
 * screen_draw_frame + SDL_RenderPresent, as shell/run.c calls them) on the
 * software renderer, timed per screen; and touches pushed as SDL finger
 * events through input_handle and app_handle, timed to the end of the
 * present that shows them. */
#include "bench_stats.h"
#include "config.h"
#include "text.h"

#define BENCH_MAX_ROWS 16

struct bench_row {
    char name[48];     /* "home", "municipality:*" (every id) */
    struct bench_series frame; /* warm: begin + draw + present */
    struct bench_series draw;  /* warm: begin + draw only */
    struct bench_series cpu;   /* warm: this thread's CPU time for the whole frame */
    struct bench_series cold;  /* the first frame of each screen with a fresh text cache */
    int overflow, missing, outside; /* from the last frame */
    size_t text_bytes;   /* text texture pixels the screen keeps (largest id) */
    unsigned long warm_misses; /* text renders during warm frames: should be 0 */
};

struct bench_click {
    int x, y;
};

struct bench_size {
    int w, h;
    int n_rows;
    struct bench_row rows[BENCH_MAX_ROWS];
    struct bench_series press;     /* finger down -> pressed state presented */
    struct bench_series nav;       /* finger up -> new screen presented (after warm-up) */
    struct bench_series nav_first; /* the same, first visit of each screen */
    struct bench_series lang;      /* finger up on a language button -> presented */
    struct text_cache_stats text;  /* after the touch tour */
    int tour_errors;
};

struct bench_inproc_opts {
    const struct config *cfg;
    struct host *host; /* the kiosk's, without workers: the touch tour feeds it */
    const char *fonts_dir;
    const char *lang;  /* NULL: the config's default */
    int frames;        /* warm frames per screen */
    int rounds;        /* touch tour rounds after the warm-up */
    int use_window;    /* 1: an X11 window (real present); 0: an SDL_Surface */
    int verbose;
    int large_text, high_contrast; /* the accessibility modes */
    const char *only; /* measure only this screen (no tour), for profilers */
};

/* Measures one window size. SDL video and TTF must be initialised. */
int bench_inproc_size(const struct bench_inproc_opts *o, int w, int h, struct bench_size *out);
/* The window-relative clicks that visit every language and its main
 * screens from a fresh home screen, as the kiosk at w x h lays them out.
 * Returns how many were written to out (at most max), -1 on error. */
int bench_inproc_tour_clicks(const struct bench_inproc_opts *o, int w, int h,
                             struct bench_click *out, int max);
void bench_size_free(struct bench_size *s);

/* Where frames go: an X11 window like the kiosk's, or a plain surface. */
struct SDL_Window;
struct SDL_Surface;
struct SDL_Renderer;
struct bench_target {
    struct SDL_Window *win;
    struct SDL_Surface *surf;
    struct SDL_Renderer *r;
    int w, h;
};
/* Opens w x h (use_window: the kiosk's X11 window and renderer): 0 or -1. */
int bench_target_open(struct bench_target *t, int w, int h, int use_window);
/* A drawing context on t, as run.c and headless.c make it; NULL on failure. */
struct ui *bench_ui(const struct bench_inproc_opts *o, struct bench_target *t);
void bench_target_close(struct bench_target *t);
/* One frame as run.c run_draw makes it; returns total ms, *draw_ms the part
 * before SDL_RenderPresent, *cpu_ms this thread's CPU time for it. */
struct ui;
struct app_state;
double bench_frame(struct bench_target *t, struct ui *ui, const struct app_state *st,
                   double mono, double *draw_ms, double *cpu_ms);
/* SDL's clock in seconds, as the kiosk's loop reads it. */
double bench_mono(void);

/* The idle soak: home at w x h drawn once per minute of a clock driven
 * fast through minutes (after an hour of warm-up), this process's RSS
 * before and after. */
struct bench_soak {
    int minutes;
    long rss_start_kib, rss_end_kib;
    int text_entries;
    size_t text_bytes;
};
int bench_inproc_soak(const struct bench_inproc_opts *o, int w, int h, int minutes,
                      struct bench_soak *out);
#endif
