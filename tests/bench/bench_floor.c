#include "bench_floor.h"

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench_proc.h"
#include "text_store.h"

#define BENCH_FLOOR_BLOCK 16 /* pixels each side of the watched block */

/* A block at the centre of the screen, where both centred windows open. */
struct bench_xwatch {
    Display *d;
    int x, y;
    unsigned long base[BENCH_FLOOR_BLOCK * BENCH_FLOOR_BLOCK];
};

static int bench_xwatch_grab(struct bench_xwatch *w, unsigned long *px)
{
    XImage *img = XGetImage(w->d, DefaultRootWindow(w->d), w->x, w->y, BENCH_FLOOR_BLOCK,
                            BENCH_FLOOR_BLOCK, AllPlanes, ZPixmap);
    if (!img)
        return -1;
    for (int y = 0; y < BENCH_FLOOR_BLOCK; y++)
        for (int x = 0; x < BENCH_FLOOR_BLOCK; x++)
            px[y * BENCH_FLOOR_BLOCK + x] = XGetPixel(img, x, y);
    XDestroyImage(img);
    return 0;
}

/* 1 once the block differs from the screen before the exec. */
static int bench_xwatch_changed(struct bench_xwatch *w)
{
    unsigned long now[BENCH_FLOOR_BLOCK * BENCH_FLOOR_BLOCK];
    if (bench_xwatch_grab(w, now) != 0)
        return 0;
    return memcmp(now, w->base, sizeof now) != 0;
}

/* fork/exec args under display with stderr into a pipe; then, every
 * millisecond, the watched block and the pipe, until the block changed and
 * the "first frame presented" line arrived (or timeout_s). */
static int bench_floor_start(struct bench_kiosk *k, char *const args[], int display,
                             struct bench_xwatch *w, double *paint_ms, double *line_ms)
{
    memset(k, 0, sizeof *k);
    k->err_fd = -1;
    if (bench_xwatch_grab(w, w->base) != 0)
        return -1;
    double t0 = bench_now_ms();
    if (bench_kiosk_spawn(k, args, display) != 0)
        return -1;
    *paint_ms = *line_ms = -1;
    while (bench_now_ms() - t0 < 20000.0 && (*paint_ms < 0 || *line_ms < 0)) {
        struct pollfd p = {k->err_fd, POLLIN, 0};
        if (poll(&p, 1, 1) > 0) {
            int r = bench_kiosk_read(k, "first frame presented", 0);
            if (r > 0 && *line_ms < 0)
                *line_ms = bench_now_ms() - t0;
            if (r < 0)
                break;
        }
        if (*paint_ms < 0 && bench_xwatch_changed(w))
            *paint_ms = bench_now_ms() - t0;
    }
    if (*paint_ms >= 0 && *line_ms >= 0)
        return 0;
    fprintf(stderr, "kiosk_bench: %s: no first paint (%.0f ms) or no first frame line (%.0f ms)"
            " within 20 s\n", args[0], *paint_ms, *line_ms);
    bench_kiosk_stop(k, NULL);
    return -1;
}

/* One start of one program: first paint, then its memory 2 s later; with
 * idle_s > 0, its idle cost over that time too. */
static int bench_floor_one(const struct bench_floor_opts *o, char *const args[],
                           struct bench_xwatch *w, struct bench_prog *p, int idle_s)
{
    struct bench_kiosk k;
    double paint, line;
    if (bench_floor_start(&k, args, o->display, w, &paint, &line) != 0)
        return -1;
    bench_series_add(&p->paint_ms, paint);
    bench_series_add(&p->line_ms, line);
    bench_kiosk_sleep(&k, 2.0, o->verbose);
    bench_series_add(&p->pss_kib, (double)bench_proc_rollup_kib(k.pid, "\nPss:"));
    bench_series_add(&p->anon_kib, (double)bench_proc_rollup_kib(k.pid, "\nAnonymous:"));
    if (idle_s > 0) {
        struct bench_proc_sample a, b;
        bench_proc_sample(k.pid, &a);
        bench_kiosk_sleep(&k, idle_s, o->verbose);
        bench_proc_sample(k.pid, &b);
        p->idle_cpu_percent = (b.run_s - a.run_s) / idle_s * 100.0;
        p->idle_wakeups = (double)(b.ctxsw - a.ctxsw) / idle_s;
    }
    bench_kiosk_stop(&k, NULL);
    return 0;
}

/* The kiosk's text store (core/text_store.h) in the folder the kiosk uses:
 * XDG_CACHE_HOME, which kiosk_bench sets to a folder of its own. */
static int bench_store_dir(char *dir, size_t size)
{
    return text_store_dir(NULL, getenv("XDG_CACHE_HOME"), NULL, KIOSK_PACKAGE, dir, size);
}

/* "H:MM" or "HH:MM": the clock's text. */
static int bench_is_clock(const char *t)
{
    size_t n = strlen(t);
    return (n == 4 || n == 5) && t[n - 3] == ':' && strspn(t, "0123456789") == n - 3 &&
           strspn(t + n - 2, "0123456789") == 2;
}

/* The store as a restart in another minute finds it: without the clock's
 * text (its widths and its texture), which that start draws from the
 * fonts. Returns 0, or -1 if there is no store to read. */
static int bench_store_drop_clock(void)
{
    char dir[1024], path[1100], why[256];
    uint8_t sig[TEXT_STORE_SIG_BYTES];
    if (bench_store_dir(dir, sizeof dir) != 0)
        return -1;
    snprintf(path, sizeof path, "%s/%s", dir, TEXT_STORE_FILE);
    FILE *fp = fopen(path, "rb"); /* its own signature: after the 8-byte magic */
    int ok = fp && fseek(fp, 8, SEEK_SET) == 0 && fread(sig, 1, sizeof sig, fp) == sizeof sig;
    if (fp)
        fclose(fp);
    struct text_store in, out;
    if (!ok || text_store_load(dir, sig, &in, why, sizeof why) != 0)
        return -1;
    text_store_init(&out, sig);
    for (int i = 0; i < in.n_measures; i++)
        if (!bench_is_clock(in.measures[i].text))
            text_store_add_measure(&out, in.measures[i].chain, in.measures[i].px,
                                   in.measures[i].bold, in.measures[i].text,
                                   strlen(in.measures[i].text), in.measures[i].width);
    for (int i = 0; i < in.n_lhs; i++)
        text_store_add_lh(&out, in.lhs[i].chain, in.lhs[i].px, in.lhs[i].bold, in.lhs[i].lh);
    for (int i = 0; i < in.n_texs; i++)
        if (!bench_is_clock(in.texs[i].text))
            text_store_add_tex(&out, &in.texs[i]);
    int rc = text_store_save(dir, &out, why, sizeof why);
    text_store_free(&in);
    text_store_free(&out);
    return rc;
}

#define BENCH_COLD_STARTS 3

/* The kiosk started BENCH_COLD_STARTS times with no text store; the
 * median into f. After the last, the store it wrote must be there. */
static int bench_floor_cold(const struct bench_floor_opts *o, char *const kargs[],
                            struct bench_xwatch *w, struct bench_floor *f)
{
    char dir[1024], path[1100];
    if (bench_store_dir(dir, sizeof dir) != 0) {
        fprintf(stderr, "kiosk_bench: no XDG_CACHE_HOME for the kiosk's text store\n");
        return -1;
    }
    snprintf(path, sizeof path, "%s/%s", dir, TEXT_STORE_FILE);
    struct bench_series paint = {0}, line = {0};
    int rc = 0;
    for (int i = 0; i < BENCH_COLD_STARTS && rc == 0; i++) {
        unlink(path);
        if (!o->json)
            fprintf(stderr, "kiosk_bench: kiosk with no text store, %d of %d...\n", i + 1,
                    BENCH_COLD_STARTS);
        struct bench_kiosk k;
        double p, l;
        rc = bench_floor_start(&k, kargs, o->display, w, &p, &l);
        if (rc != 0)
            break;
        bench_series_add(&paint, p);
        bench_series_add(&line, l);
        bench_kiosk_sleep(&k, 0.5, o->verbose); /* it writes the store after its first frame */
        bench_kiosk_stop(&k, NULL);
    }
    if (rc == 0 && access(path, R_OK) != 0) {
        fprintf(stderr, "kiosk_bench: the kiosk wrote no text store (%s)\n", path);
        rc = -1;
    }
    f->kiosk_cold_paint_ms = bench_series_pct(&paint, 50);
    f->kiosk_cold_line_ms = bench_series_pct(&line, 50);
    bench_series_free(&paint);
    bench_series_free(&line);
    return rc;
}

int bench_floor_run(const struct bench_floor_opts *o, struct bench_floor *f)
{
    struct bench_xwatch w = {.x = o->screen_w / 2 - BENCH_FLOOR_BLOCK / 2,
                             .y = o->screen_h / 2 - BENCH_FLOOR_BLOCK / 2};
    char disp[16];
    snprintf(disp, sizeof disp, ":%d", o->display);
    w.d = XOpenDisplay(disp);
    if (!w.d) {
        fprintf(stderr, "kiosk_bench: cannot open display %s\n", disp);
        return -1;
    }
    char size[32], wstr[16], hstr[16];
    snprintf(size, sizeof size, "--windowed=%dx%d", f->width, f->height);
    snprintf(wstr, sizeof wstr, "%d", f->width);
    snprintf(hstr, sizeof hstr, "%d", f->height);
    char *kargs[] = {(char *)o->kiosk, "--config", (char *)o->config, size, "--verbose", NULL};
    char *fargs[] = {(char *)o->floor_exe, (char *)o->font, wstr, hstr, NULL};
    int rc = bench_floor_cold(o, kargs, &w, f);
    for (int i = 0; i <= o->starts && rc == 0; i++) {
        int idle = i == o->starts ? o->idle_seconds : 0; /* the last round: idle */
        if (!o->json)
            fprintf(stderr, "kiosk_bench: kiosk and floor, %s %d of %d...\n",
                    idle ? "idle round" : "start", i + 1, o->starts + 1);
        int kiosk_first = i % 2 == 0;
        for (int j = 0; j < 2 && rc == 0; j++)
            rc = (j == 0) == kiosk_first
                     ? (bench_store_drop_clock() == 0 ? bench_floor_one(o, kargs, &w, &f->kiosk, idle)
                                                      : -1)
                     : bench_floor_one(o, fargs, &w, &f->floor, idle);
    }
    XCloseDisplay(w.d);
    return rc;
}

static void bench_prog_free(struct bench_prog *p)
{
    bench_series_free(&p->paint_ms);
    bench_series_free(&p->line_ms);
    bench_series_free(&p->pss_kib);
    bench_series_free(&p->anon_kib);
}

void bench_floor_free(struct bench_floor *f)
{
    bench_prog_free(&f->kiosk);
    bench_prog_free(&f->floor);
}
