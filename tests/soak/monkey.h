#ifndef KIOSK_MONKEY_H
#define KIOSK_MONKEY_H
/* The monkey (tests/soak): the kiosk's host and state machine, and its
 * screens drawn by the software renderer on a surface, driven by seeded
 * random events. monkey.c makes the events, monkey_check.c asserts the
 * invariants after each one, monkey_env.c prepares the configs. */
#include <SDL.h>
#include <stdint.h>
#include <time.h>

#include "host.h"
#include "input.h"
#include "ui.h"

#define MONKEY_MAX_CONFIGS 128

/* One config the monkey can save over the kiosk's config file. */
struct monkey_config {
    char name[96]; /* the source's file name, for the log */
    char *text;    /* owned */
    size_t len;
    int good;      /* config_load accepts it (found at set-up) */
};

struct monkey {
    /* set-up */
    const char *src;  /* the source tree */
    char tmp[256];    /* the temporary folder: the config file, fonts, emblems */
    char cfg_path[512];
    char fonts_dir[512];
    struct monkey_config cfgs[MONKEY_MAX_CONFIGS];
    int n_cfgs, n_good;
    int on_disk; /* index of the config in the file now */
    /* the kiosk */
    struct host h;
    struct host_opts opts;
    SDL_Surface *surf;
    SDL_Renderer *r;
    struct ui *ui;
    struct input in;
    int w, hh;       /* the window (surface) size */
    double mono;     /* monotonic seconds, as the loop gives app_handle */
    double wall;     /* the wall clock the screens show (UTC seconds) */
    int camera, microphone; /* what the device check finds */
    struct ui_view view;    /* the last frame's (the ui keeps a pointer to it) */
    struct host_text text;
    char running[160], loaded[64];
    /* the run */
    uint64_t rng;
    uint64_t seed;
    long step;
    int trace;       /* print every event */
    char event[256]; /* what this step did, for the failure message */
    int call_open;   /* the system handler got a call that has not ended */
    int burst;       /* events left before the loop's next frame */
    int open_fails;  /* the next open_url fails (the handler is missing) */
    /* counts for the summary */
    long frames, calls, call_fails, reloads_good, reloads_bad, idle_checks, restarts;
    long wall_jumps, status_changes, keys, taps;
    long seen[APP_SCREEN_COUNT];
};

/* ---- monkey_env.c ---- */
/* Makes the temporary folder (fonts and emblems linked in) and reads every
 * config of the source tree; each is classified by config_load. Returns 0,
 * or -1 after a message. */
int monkey_env_open(struct monkey *m);
/* Removes the temporary folder and frees the configs. */
void monkey_env_close(struct monkey *m);
/* Saves config i as the kiosk's config file; returns 0 or -1. */
int monkey_env_write(struct monkey *m, int i);
/* The index of a good config, chosen by r. */
int monkey_env_good(const struct monkey *m, uint64_t r);

/* ---- monkey_check.c ---- */
/* Fails the run: prints the seed, the step and its event, and exits 1. */
void monkey_fail(const struct monkey *m, const char *fmt, ...)
    __attribute__((format(printf, 2, 3), noreturn));
/* After every step: the state and the call. */
void monkey_check_step(struct monkey *m);
/* After every frame: what it shows and what can be pressed. */
void monkey_check_frame(struct monkey *m);
/* After an idle timeout: nothing of a visitor remains. */
void monkey_check_idle(struct monkey *m);
/* Resident memory of this process (KiB): all of it, and its anonymous part
 * (RSS less the pages of mapped files: libraries, MeCab's dictionary,
 * which grow as more of them is read, and give back nothing to leak). */
long monkey_rss_kib(void);
long monkey_anon_kib(void);
/* Bytes malloc holds for the program now (glibc's mallinfo2), KiB: unlike
 * RSS, no high-water mark of the heap. */
long monkey_heap_kib(void);
int monkey_fd_count(void);

/* ---- monkey.c ---- */
/* Draws the current state into the surface (as shell/run.c run_draw). */
void monkey_draw(struct monkey *m);
#endif
