#include "bench_report.h"

#include <stdio.h>

#include "bench_proc.h"

#define BENCH_MIB(kib) ((double)(kib) / 1024.0)
/* The budgets (2-core machine, software renderer, 1920x1080). */
#define BUDGET_FIRST_FRAME_MS 150.0
#define BUDGET_FRAME_MEDIAN_MS 4.0
#define BUDGET_FRAME_P99_MS 8.0
#define BUDGET_FRAME_P99_4K_MS 16.0 /* 3840x2160: p99 only */
#define BUDGET_TOUCH_P99_MS 16.0
#define BUDGET_RSS_MIB (60e6 / 1048576.0) /* 60 MB */
#define BUDGET_IDLE_CPU_PERCENT 0.2
#define BUDGET_WAKEUPS_PER_S 2.0
/* Issue 15's budgets against the floor (kiosk_floor, same run). */
#define BUDGET_PAINT_RATIO 1.15
#define BUDGET_SOAK_GROWTH_MIB 1.0
#define BUDGET_PSS_RATIO 1.6
#define BUDGET_PSS_MIB 25.0
#define BUDGET_FLOOR_IDLE_CPU_PERCENT 0.05
#define BUDGET_FLOOR_WAKEUPS_PER_S 0.3
/* Issue 13's: focus change -> first audio, median, in each language. */
#define BUDGET_FOCUS_SPEECH_MS 250.0

static double med(const struct bench_series *s) { return bench_series_pct(s, 50); }
static double p99(const struct bench_series *s) { return bench_series_pct(s, 99); }

/* The worst screen at the first size: the frame budget's figures. */
static void bench_worst(const struct bench_size *z, double *worst_med, double *worst_p99,
                        const char **med_name, const char **p99_name)
{
    *worst_med = *worst_p99 = 0;
    *med_name = *p99_name = "";
    for (int i = 0; i < z->n_rows; i++) {
        double m = med(&z->rows[i].frame), p = p99(&z->rows[i].frame);
        if (m > *worst_med) {
            *worst_med = m;
            *med_name = z->rows[i].name;
        }
        if (p > *worst_p99) {
            *worst_p99 = p;
            *p99_name = z->rows[i].name;
        }
    }
}

/* Every budget of one run, for the table and the JSON alike. */
struct bench_budget {
    char what[96];
    const char *group; /* "" or "floor" */
    double value, limit;
    const char *unit;
};
struct bench_budgets {
    int n;
    struct bench_budget b[32];
};

static void bench_budget_add(struct bench_budgets *bs, const char *group, const char *what,
                             double value, double limit, const char *unit)
{
    if (bs->n >= (int)(sizeof bs->b / sizeof bs->b[0]))
        return;
    struct bench_budget *b = &bs->b[bs->n++];
    snprintf(b->what, sizeof b->what, "%s", what);
    b->group = group;
    b->value = value;
    b->limit = limit;
    b->unit = unit;
}

static int bench_budget_met(const struct bench_budget *b)
{
    return b->value >= 0 && b->value <= b->limit;
}

static void bench_budget_print(const struct bench_budget *b)
{
    printf("  %-48s %9.2f %-4s <= %6.2f  %s", b->what, b->value, b->unit, b->limit,
           bench_budget_met(b) ? "met" : "MISSED");
    if (b->value > b->limit)
        printf(" by %.2f %s (%.0f%%)", b->value - b->limit, b->unit,
               (b->value / b->limit - 1) * 100);
    printf("\n");
}

static void bench_header(const struct bench_opts *o, const struct config *cfg,
                         const struct bench_result *r)
{
    printf("kiosk_bench: renderer %s (SDL %d.%d.%d, SDL_ttf %d.%d.%d), %s, "
           "SDL_HINT_FRAMEBUFFER_ACCELERATION 0, as shell/run.c\n",
           r->renderer, r->sdl.major, r->sdl.minor, r->sdl.patch, r->ttf.major, r->ttf.minor,
           r->ttf.patch, o->surface ? "drawing into an SDL_Surface" : "X11 window on Xvfb");
    printf("config: %s (%d municipalities, %d services, %d KPIs, %d languages), screens in "
           "%s%s%s\n", o->config, cfg->n_municipalities, cfg->n_services, cfg->n_kpis,
           cfg->kiosk.n_languages, o->lang ? o->lang : cfg->kiosk.default_language,
           o->large_text ? ", large text" : "", o->high_contrast ? ", high contrast" : "");
    printf("sizes: 1920x1080, 1080x1920 and 3840x2160; %d warm frames per screen (municipality:* and "
           "service:* spread over every id); touch tour: a warm-up round per municipality, "
           "then %d rounds of 9 taps\n\n", o->frames, o->rounds);
}

static void bench_frames_table(const struct bench_result *r)
{
    printf("frame = ui_begin + screen_draw_frame + SDL_RenderPresent, wall ms; draw: without the "
           "present; cpu: this thread's CPU ms (the X server's copy not included);\ncold: the first "
           "frame, fresh text cache and fonts; MiB: text textures the screen holds (! = text "
           "rendered again in warm frames)\n");
    printf("%-22s", "screen");
    for (int s = 0; s < BENCH_SIZES; s++)
        printf(" | %4dx%-4d median   p99  draw   cpu  cold  MiB", r->size[s].w, r->size[s].h);
    printf("\n");
    for (int i = 0; i < r->size[0].n_rows; i++) {
        printf("%-22s", r->size[0].rows[i].name);
        for (int s = 0; s < BENCH_SIZES; s++) {
            const struct bench_row *row = &r->size[s].rows[i];
            printf(" |         %6.2f %5.2f %5.2f %5.2f %5.1f %4.1f%s", med(&row->frame),
                   p99(&row->frame), med(&row->draw), med(&row->cpu), med(&row->cold),
                   (double)row->text_bytes / 1048576.0, row->warm_misses ? "!" : "");
        }
        printf("\n");
    }
}

static void bench_touch_line(const char *what, const struct bench_result *r, int which)
{
    printf("%-40s", what);
    for (int s = 0; s < BENCH_SIZES; s++) {
        const struct bench_size *z = &r->size[s];
        const struct bench_series *x = which == 0 ? &z->press : which == 1 ? &z->nav
                                       : which == 2 ? &z->nav_first : &z->lang;
        printf(" | %6.2f %6.2f %6.2f %4d", med(x), p99(x), bench_series_max(x), x->n);
    }
    printf("\n");
}

static void bench_touch_table(const struct bench_result *r)
{
    printf("\ntouch -> end of the present that shows it, ms (finger event pushed, the loop of "
           "shell/run.c)\n%-40s", "");
    for (int s = 0; s < BENCH_SIZES; s++)
        printf(" | %4dx%-4d median p99 max n", r->size[s].w, r->size[s].h);
    printf("\n");
    bench_touch_line("finger down -> pressed state", r, 0);
    bench_touch_line("finger up -> new screen (after warm-up)", r, 1);
    bench_touch_line("finger up -> new screen (first visit)", r, 2);
    bench_touch_line("finger up -> language switched (home)", r, 3);
    for (int s = 0; s < BENCH_SIZES; s++)
        printf("text cache after the tour at %dx%d: textures %lu hits, %lu misses, %lu "
               "evictions, %d entries, %.1f MiB; widths %lu hits, %lu misses; %d fonts open%s\n",
               r->size[s].w, r->size[s].h, r->size[s].text.hits, r->size[s].text.misses,
               r->size[s].text.evictions, r->size[s].text.entries,
               (double)r->size[s].text.bytes / 1048576.0, r->size[s].text.measure_hits,
               r->size[s].text.measure_misses, r->size[s].text.fonts_open,
               r->size[s].tour_errors ? " (TOUR ERRORS)" : "");
}

static void bench_process_table(const struct bench_opts *o, const struct bench_result *r)
{
    printf("\nreal kiosk (%s --windowed=1920x1080, shipped config, all fonts), %d starts\n",
           o->kiosk, r->first_frame.n);
    printf("  exec -> \"first frame presented\": median %.1f ms, min %.1f, max %.1f, first "
           "start %.1f (the kiosk's own figure, since SDL_Init: median %.0f ms; CPU time the "
           "kiosk used until then: median %.0f ms)\n", med(&r->first_frame),
           bench_series_pct(&r->first_frame, 0), bench_series_max(&r->first_frame),
           r->first_frame.v[0], med(&r->first_reported), med(&r->first_cpu));
    printf("  peak RSS (VmHWM): %.1f MiB at the first frame; %.1f MiB after every language "
           "and screen (%d clicks%s); wait4 ru_maxrss %.1f MiB; RSS at exit %.1f MiB (anon %.1f, "
           "files %.1f, shm %.1f)\n",
           BENCH_MIB(r->rss_start_kib), BENCH_MIB(r->rss_peak_kib), r->n_clicks,
           r->tour_rc == 0 ? "" : ", xdotool FAILED", BENCH_MIB(r->ru_maxrss_kib),
           BENCH_MIB(r->rss_now_kib), BENCH_MIB(r->rss_anon_kib), BENCH_MIB(r->rss_file_kib),
           BENCH_MIB(r->rss_shmem_kib));
    printf("  idle on home for %d s (clock running, SDL audio driver: %s): CPU %.3f %% of one "
           "core (utime+stime: %.3f %%), %.2f wake-ups/s:", o->idle_seconds,
           bench_kiosk_audio_name(), r->idle_cpu_percent, r->idle_cpu_ticks_percent,
           r->idle_wakeups);
    for (int i = 0; i < r->n_threads; i++)
        printf(" %s %.2f", r->thread[i].name, r->thread[i].per_s);
    printf("\n");
}

/* a / b, or -1 when b is not a positive figure. */
static double bench_ratio(double a, double b) { return b > 0 ? a / b : -1; }

static void bench_floor_table(const struct bench_floor *f)
{
    const struct bench_prog *k = &f->kiosk, *b = &f->floor;
    printf("\nthe kiosk beside the floor (kiosk_floor: bare SDL2 + SDL2_ttf, one line of "
           "Japanese), %dx%d, alternated, %d starts each; first paint seen by XGetImage from "
           "the bench; each kiosk start finds the text store of the one before without its "
           "clock (a restart in another minute)\n", f->width, f->height, k->paint_ms.n);
    printf("  %-34s %10s %10s %8s\n", "median", "kiosk", "floor", "ratio");
    printf("  %-34s %10.1f %10.1f %7.2fx\n", "exec -> first painted pixels, ms",
           med(&k->paint_ms), med(&b->paint_ms), bench_ratio(med(&k->paint_ms), med(&b->paint_ms)));
    printf("  %-34s %10.1f %10s %7.2fx\n", "the same, with no text store",
           f->kiosk_cold_paint_ms, "", bench_ratio(f->kiosk_cold_paint_ms, med(&b->paint_ms)));
    printf("  %-34s %10.1f %10.1f %7.2fx\n", "exec -> first frame line, ms", med(&k->line_ms),
           med(&b->line_ms), bench_ratio(med(&k->line_ms), med(&b->line_ms)));
    printf("  %-34s %10.1f %10.1f %7.2fx\n", "PSS, MiB", BENCH_MIB(med(&k->pss_kib)),
           BENCH_MIB(med(&b->pss_kib)), bench_ratio(med(&k->pss_kib), med(&b->pss_kib)));
    printf("  %-34s %10.1f %10.1f %7.2fx\n", "private anonymous memory, MiB",
           BENCH_MIB(med(&k->anon_kib)), BENCH_MIB(med(&b->anon_kib)),
           bench_ratio(med(&k->anon_kib), med(&b->anon_kib)));
    printf("  %-34s %10.3f %10.3f\n", "idle CPU, % of a core", k->idle_cpu_percent,
           b->idle_cpu_percent);
    double wr = bench_ratio(k->idle_wakeups, b->idle_wakeups);
    printf("  %-34s %10.2f %10.2f ", "idle wake-ups/s", k->idle_wakeups, b->idle_wakeups);
    if (wr >= 0)
        printf("%7.2fx\n", wr);
    else
        printf("%8s\n", "n/a"); /* the floor did not wake at all */
}

/* Issue 15's budgets against the floor (a ratio of -1, no floor figure, is missed). */
static void bench_floor_budgets(const struct bench_floor *f, struct bench_budgets *bs)
{
    const struct bench_prog *k = &f->kiosk, *b = &f->floor;
    bench_budget_add(bs, "floor", "first paint / floor's",
                     bench_ratio(med(&k->paint_ms), med(&b->paint_ms)), BUDGET_PAINT_RATIO, "x");
    bench_budget_add(bs, "floor", "PSS / floor's", bench_ratio(med(&k->pss_kib), med(&b->pss_kib)),
                     BUDGET_PSS_RATIO, "x");
    bench_budget_add(bs, "floor", "PSS", BENCH_MIB(med(&k->pss_kib)), BUDGET_PSS_MIB, "MiB");
    bench_budget_add(bs, "floor", "idle CPU on home", k->idle_cpu_percent,
                     BUDGET_FLOOR_IDLE_CPU_PERCENT, "%");
    bench_budget_add(bs, "floor", "idle wake-ups on home", k->idle_wakeups,
                     BUDGET_FLOOR_WAKEUPS_PER_S, "/s");
}

/* The frame budgets of one size: median and p99 at 1920x1080 and 1080x1920,
 * p99 only at 3840x2160; touch -> new screen p99 at the first two. */
static void bench_size_budgets(const struct bench_size *z, int big, struct bench_budgets *bs)
{
    double wm, wp;
    const char *nm, *np;
    char what[96];
    bench_worst(z, &wm, &wp, &nm, &np);
    if (!big) {
        snprintf(what, sizeof what, "%dx%d redraw, worst screen (%s)", z->w, z->h, nm);
        bench_budget_add(bs, "", what, wm, BUDGET_FRAME_MEDIAN_MS, "ms");
    }
    snprintf(what, sizeof what, "%dx%d redraw p99, worst screen (%s)", z->w, z->h, np);
    bench_budget_add(bs, "", what, wp, big ? BUDGET_FRAME_P99_4K_MS : BUDGET_FRAME_P99_MS, "ms");
    if (big)
        return;
    struct bench_series all = {0};
    bench_series_merge(&all, &z->nav);
    bench_series_merge(&all, &z->nav_first);
    snprintf(what, sizeof what, "%dx%d touch -> new screen p99 (first visits too)", z->w, z->h);
    bench_budget_add(bs, "", what, p99(&all), BUDGET_TOUCH_P99_MS, "ms");
    bench_series_free(&all);
}

static void bench_voice_budgets(const struct bench_voice *v, struct bench_budgets *bs)
{
    for (int i = 0; i < v->n; i++) {
        const struct bench_voice_lang *l = &v->langs[i];
        char what[96];
        snprintf(what, sizeof what, "focus -> first sound, %s", l->lang);
        bench_budget_add(bs, "", what, med(&l->heard), BUDGET_FOCUS_SPEECH_MS, "ms");
        snprintf(what, sizeof what, "redraw p99 while speaking, %s (%dx%d)", l->lang, v->w,
                 v->h);
        bench_budget_add(bs, "", what, p99(&l->frame_speaking), BUDGET_FRAME_P99_MS, "ms");
    }
}

static void bench_budgets_collect(const struct bench_result *r, struct bench_budgets *bs)
{
    bs->n = 0;
    if (r->have_process)
        bench_budget_add(bs, "", "first frame after exec (1920x1080)", med(&r->first_frame),
                         BUDGET_FIRST_FRAME_MS, "ms");
    for (int s = 0; r->have_inproc && s < BENCH_SIZES; s++)
        if (r->size[s].n_rows > 0)
            bench_size_budgets(&r->size[s], r->size[s].w > 1920 || r->size[s].h > 1920, bs);
    if (r->have_process) {
        bench_budget_add(bs, "", "peak RSS, every language (60 MB)", BENCH_MIB(r->rss_peak_kib),
                         BUDGET_RSS_MIB, "MiB");
        bench_budget_add(bs, "", "idle CPU on home (1920x1080)", r->idle_cpu_percent,
                         BUDGET_IDLE_CPU_PERCENT, "%");
        bench_budget_add(bs, "", "idle wake-ups (1920x1080)", r->idle_wakeups,
                         BUDGET_WAKEUPS_PER_S, "/s");
    }
    if (r->have_soak)
        bench_budget_add(bs, "", "RSS growth over the soak",
                         BENCH_MIB(r->soak.rss_end_kib - r->soak.rss_start_kib),
                         BUDGET_SOAK_GROWTH_MIB, "MiB");
    if (r->have_floor)
        bench_floor_budgets(&r->floor, bs);
    if (r->have_voice)
        bench_voice_budgets(&r->voice, bs);
}

static void bench_voice_table(const struct bench_voice *v)
{
    printf("\nvoice guidance (in process, %dx%d, SDL audio driver %s): focus change (Tab) -> "
           "first clip queued on the device / device took its first samples / its first sound "
           "(taken + the quiet the clip starts with), ms, median / p99 n\n",
           v->w, v->h, v->driver);
    printf("  %-5s %21s %21s %21s %21s %6s\n", "lang", "queued", "taken", "first sound",
           "queued, said before", "missed");
    for (int i = 0; i < v->n; i++) {
        const struct bench_voice_lang *l = &v->langs[i];
        printf("  %-5s %7.1f / %7.1f %3d  %7.1f / %7.1f %3d  %7.1f / %7.1f %3d  %7.1f / %7.1f "
               "%3d %6d\n", l->lang, med(&l->queued), p99(&l->queued), l->queued.n,
               med(&l->taken), p99(&l->taken), l->taken.n, med(&l->heard), p99(&l->heard),
               l->heard.n, med(&l->again), p99(&l->again), l->again.n, l->missed);
    }
    printf("  frames on home while silent and while speaking (%d frames each; drawing thread's "
           "CPU per frame):\n", v->frames);
    for (int i = 0; i < v->n; i++) {
        const struct bench_voice_lang *l = &v->langs[i];
        printf("  %-5s silent %6.2f / %6.2f ms (cpu %5.2f)  speaking %6.2f / %6.2f ms (cpu "
               "%5.2f), %d texts made  median ratio %.2f\n", l->lang, med(&l->frame_quiet),
               p99(&l->frame_quiet), med(&l->cpu_quiet), med(&l->frame_speaking),
               p99(&l->frame_speaking), med(&l->cpu_speaking), l->speaking_requests,
               med(&l->frame_speaking) / med(&l->frame_quiet));
    }
}


void bench_report_table(const struct bench_opts *o, const struct config *cfg,
                        const struct bench_result *r)
{
    bench_header(o, cfg, r);
    if (r->have_inproc) {
        bench_frames_table(r);
        bench_touch_table(r);
    }
    if (r->have_process)
        bench_process_table(o, r);
    if (r->have_soak)
        printf("\nidle soak: home at 1920x1080 drawn once per clock minute for %d minutes "
               "(after an hour of warm-up): RSS %.2f -> %.2f MiB (%+.2f MiB); text cache %d "
               "entries, %.2f MiB\n", r->soak.minutes, BENCH_MIB(r->soak.rss_start_kib),
               BENCH_MIB(r->soak.rss_end_kib),
               BENCH_MIB(r->soak.rss_end_kib - r->soak.rss_start_kib), r->soak.text_entries,
               (double)r->soak.text_bytes / 1048576.0);
    if (r->have_floor)
        bench_floor_table(&r->floor);
    if (r->have_voice)
        bench_voice_table(&r->voice);
    struct bench_budgets bs;
    bench_budgets_collect(r, &bs);
    printf("\nbudgets (medians unless p99):\n");
    for (int i = 0; i < bs.n; i++)
        if (!bs.b[i].group[0])
            bench_budget_print(&bs.b[i]);
    if (r->have_floor) {
        printf("budgets against the floor (%dx%d):\n", r->floor.width, r->floor.height);
        for (int i = 0; i < bs.n; i++)
            if (bs.b[i].group[0])
                bench_budget_print(&bs.b[i]);
    }
    int met = 0;
    for (int i = 0; i < bs.n; i++)
        met += bench_budget_met(&bs.b[i]);
    printf("%d of %d budgets met\n", met, bs.n);
}

static void bench_json_stat(FILE *f, const char *key, const struct bench_series *s, const char *tail)
{
    fprintf(f, "\"%s\": {\"median\": %.3f, \"p99\": %.3f, \"max\": %.3f, \"n\": %d}%s", key, med(s),
           p99(s), bench_series_max(s), s->n, tail);
}

static void bench_voice_json(FILE *f, const struct bench_voice *v)
{
    fprintf(f, "  \"voice\": {\"size\": \"%dx%d\", \"audio_driver\": \"%s\", \"frames\": %d",
            v->w, v->h, v->driver, v->frames);
    for (int i = 0; i < v->n; i++) {
        const struct bench_voice_lang *l = &v->langs[i];
        fprintf(f, ",\n    \"%s\": {", l->lang);
        bench_json_stat(f, "focus_to_queued_ms", &l->queued, ", ");
        bench_json_stat(f, "focus_to_taken_ms", &l->taken, ", ");
        bench_json_stat(f, "focus_to_first_sound_ms", &l->heard, ",\n      ");
        bench_json_stat(f, "said_before_queued_ms", &l->again, ",\n      ");
        bench_json_stat(f, "frame_silent_ms", &l->frame_quiet, ", ");
        bench_json_stat(f, "frame_speaking_ms", &l->frame_speaking, ",\n      ");
        bench_json_stat(f, "cpu_silent_ms", &l->cpu_quiet, ", ");
        bench_json_stat(f, "cpu_speaking_ms", &l->cpu_speaking, ", ");
        fprintf(f, "\"texts_made_while_drawing\": %d, \"missed\": %d, \"budget_met\": %s}",
                l->speaking_requests, l->missed,
                med(&l->heard) <= BUDGET_FOCUS_SPEECH_MS ? "true" : "false");
    }
    fprintf(f, "},\n");
}

static void bench_json_frames(FILE *f, const struct bench_result *r)
{
    fprintf(f, "  \"frame_ms\": {\n");
    for (int s = 0; s < BENCH_SIZES; s++) {
        const struct bench_size *z = &r->size[s];
        fprintf(f, "    \"%dx%d\": {\n", z->w, z->h);
        for (int i = 0; i < z->n_rows; i++) {
            const struct bench_row *row = &z->rows[i];
            fprintf(f, "      \"%s\": {\"median\": %.3f, \"p99\": %.3f, \"draw_median\": %.3f, "
                   "\"cpu_median\": %.3f, \"cold\": %.3f, \"text_mib\": %.2f, \"warm_text_renders\": "
                   "%lu, \"n\": %d}%s\n", row->name, med(&row->frame), p99(&row->frame),
                   med(&row->draw), med(&row->cpu), med(&row->cold),
                   (double)row->text_bytes / 1048576.0, row->warm_misses, row->frame.n,
                   i + 1 < z->n_rows ? "," : "");
        }
        fprintf(f, "    }%s\n", s + 1 < BENCH_SIZES ? "," : "");
    }
    fprintf(f, "  },\n");
}

static void bench_json_touch(FILE *f, const struct bench_result *r)
{
    struct bench_series all = {0};
    bench_series_merge(&all, &r->size[0].nav);
    bench_series_merge(&all, &r->size[0].nav_first);
    fprintf(f, "  \"touch_to_present_ms\": {\"median\": %.3f, \"p99\": %.3f, \"size\": \"%dx%d\",\n",
           med(&all), p99(&all), r->size[0].w, r->size[0].h);
    bench_series_free(&all);
    for (int s = 0; s < BENCH_SIZES; s++) {
        const struct bench_size *z = &r->size[s];
        fprintf(f, "    \"%dx%d\": {", z->w, z->h);
        bench_json_stat(f, "pressed", &z->press, ", ");
        bench_json_stat(f, "new_screen", &z->nav, ", ");
        bench_json_stat(f, "new_screen_first_visit", &z->nav_first, ", ");
        bench_json_stat(f, "language_switch", &z->lang, "}");
        fprintf(f, "%s\n", s + 1 < BENCH_SIZES ? "," : "");
    }
    fprintf(f, "  },\n");
}

static void bench_json_prog(FILE *f, const char *name, const struct bench_prog *p)
{
    fprintf(f, "    \"%s\": {\"first_paint_ms\": %.1f, \"first_frame_line_ms\": %.1f, "
            "\"pss_mib\": %.2f, \"anon_mib\": %.2f, \"idle_cpu_percent\": %.4f, "
            "\"idle_wakeups_per_s\": %.3f}", name, med(&p->paint_ms), med(&p->line_ms),
            BENCH_MIB(med(&p->pss_kib)), BENCH_MIB(med(&p->anon_kib)), p->idle_cpu_percent,
            p->idle_wakeups);
}

static void bench_json_floor(FILE *f, const struct bench_floor *fl)
{
    const struct bench_prog *k = &fl->kiosk, *b = &fl->floor;
    fprintf(f, "  \"floor\": {\n    \"size\": \"%dx%d\", \"starts\": %d,\n", fl->width,
            fl->height, k->paint_ms.n);
    bench_json_prog(f, "kiosk", k);
    fprintf(f, ",\n");
    bench_json_prog(f, "floor", b);
    fprintf(f, ",\n    \"kiosk_no_text_store\": {\"first_paint_ms\": %.1f, "
            "\"first_frame_line_ms\": %.1f, \"first_paint_ratio\": %.3f}",
            fl->kiosk_cold_paint_ms, fl->kiosk_cold_line_ms,
            bench_ratio(fl->kiosk_cold_paint_ms, med(&b->paint_ms)));
    fprintf(f, ",\n    \"ratios\": {\"first_paint\": %.3f, \"pss\": %.3f, \"anon\": %.3f, "
            "\"idle_wakeups\": %.3f},\n", bench_ratio(med(&k->paint_ms), med(&b->paint_ms)),
            bench_ratio(med(&k->pss_kib), med(&b->pss_kib)),
            bench_ratio(med(&k->anon_kib), med(&b->anon_kib)),
            bench_ratio(k->idle_wakeups, b->idle_wakeups));
    double pr = bench_ratio(med(&k->paint_ms), med(&b->paint_ms));
    double sr = bench_ratio(med(&k->pss_kib), med(&b->pss_kib));
    fprintf(f, "    \"budgets_met\": {\"first_paint_ratio\": %s, \"pss_ratio\": %s, "
            "\"pss_mib\": %s, \"idle_cpu\": %s, \"idle_wakeups\": %s}\n  },\n",
            pr >= 0 && pr <= BUDGET_PAINT_RATIO ? "true" : "false",
            sr >= 0 && sr <= BUDGET_PSS_RATIO ? "true" : "false",
            BENCH_MIB(med(&k->pss_kib)) <= BUDGET_PSS_MIB ? "true" : "false",
            k->idle_cpu_percent <= BUDGET_FLOOR_IDLE_CPU_PERCENT ? "true" : "false",
            k->idle_wakeups <= BUDGET_FLOOR_WAKEUPS_PER_S ? "true" : "false");
}

void bench_report_json(FILE *f, const struct bench_opts *o, const struct config *cfg,
                       const struct bench_result *r)
{
    fprintf(f, "{\n  \"renderer\": \"%s\", \"target\": \"%s\", \"sdl\": \"%d.%d.%d\", "
           "\"sdl_ttf\": \"%d.%d.%d\",\n", r->renderer, o->surface ? "surface" : "x11-window",
           r->sdl.major, r->sdl.minor, r->sdl.patch, r->ttf.major, r->ttf.minor, r->ttf.patch);
    fprintf(f, "  \"config\": \"%s\", \"language\": \"%s\", \"sizes\": [\"1920x1080\", "
           "\"1080x1920\", \"3840x2160\"],\n", o->config, o->lang ? o->lang : cfg->kiosk.default_language);
    fprintf(f, "  \"frames_per_screen\": %d, \"tour_rounds\": %d, \"idle_seconds\": %d, "
           "\"starts\": %d,\n", o->frames, o->rounds, o->idle_seconds, o->starts);
    if (r->have_inproc) {
        bench_json_frames(f, r);
        bench_json_touch(f, r);
    }
    if (r->have_process) {
        fprintf(f, "  \"first_frame_ms\": %.1f, \"first_frame_ms_min\": %.1f, "
               "\"first_frame_ms_max\": %.1f, \"first_frame_cpu_ms\": %.1f,\n",
               med(&r->first_frame), bench_series_pct(&r->first_frame, 0),
               bench_series_max(&r->first_frame), med(&r->first_cpu));
        fprintf(f, "  \"peak_rss_mib\": %.1f, \"rss_first_frame_mib\": %.1f, \"rss_end_anon_mib\": "
               "%.1f, \"rss_end_file_mib\": %.1f, \"rss_end_shmem_mib\": %.1f,\n",
               BENCH_MIB(r->rss_peak_kib), BENCH_MIB(r->rss_start_kib),
               BENCH_MIB(r->rss_anon_kib), BENCH_MIB(r->rss_file_kib),
               BENCH_MIB(r->rss_shmem_kib));
        fprintf(f, "  \"idle_cpu_percent\": %.4f, \"idle_cpu_ticks_percent\": %.4f,\n",
               r->idle_cpu_percent, r->idle_cpu_ticks_percent);
        fprintf(f, "  \"idle_audio_driver\": \"%s\",\n", bench_kiosk_audio_name());
        fprintf(f, "  \"idle_wakeups_per_s\": %.3f, \"idle_wakeups_by_thread\": {", r->idle_wakeups);
        for (int i = 0; i < r->n_threads; i++)
            fprintf(f, "%s\"%d %s\": %.3f", i ? ", " : "", i, r->thread[i].name, r->thread[i].per_s);
        fprintf(f, "},\n");
    }
    if (r->have_soak)
        fprintf(f, "  \"soak\": {\"minutes\": %d, \"rss_start_mib\": %.2f, \"rss_end_mib\": "
                "%.2f, \"growth_mib\": %.2f, \"text_entries\": %d, \"budget_met\": %s},\n",
                r->soak.minutes, BENCH_MIB(r->soak.rss_start_kib),
                BENCH_MIB(r->soak.rss_end_kib),
                BENCH_MIB(r->soak.rss_end_kib - r->soak.rss_start_kib), r->soak.text_entries,
                BENCH_MIB(r->soak.rss_end_kib - r->soak.rss_start_kib) <= BUDGET_SOAK_GROWTH_MIB
                    ? "true" : "false");
    if (r->have_floor)
        bench_json_floor(f, &r->floor);
    if (r->have_voice)
        bench_voice_json(f, &r->voice);
    struct bench_budgets bs;
    bench_budgets_collect(r, &bs);
    fprintf(f, "  \"budgets\": [\n");
    for (int i = 0; i < bs.n; i++)
        fprintf(f, "    {\"budget\": \"%s\", \"against_floor\": %s, \"value\": %.4f, "
                "\"limit\": %.4f, \"unit\": \"%s\", \"met\": %s}%s\n", bs.b[i].what,
                bs.b[i].group[0] ? "true" : "false", bs.b[i].value, bs.b[i].limit, bs.b[i].unit,
                bench_budget_met(&bs.b[i]) ? "true" : "false", i + 1 < bs.n ? "," : "");
    fprintf(f, "  ],\n");
    fprintf(f, "  \"complete\": %s\n}\n", r->have_inproc && r->have_process ? "true" : "false");
}

void bench_result_free(struct bench_result *r)
{
    for (int s = 0; s < BENCH_SIZES; s++)
        bench_size_free(&r->size[s]);
    bench_series_free(&r->first_frame);
    bench_series_free(&r->first_reported);
    bench_series_free(&r->first_cpu);
    bench_floor_free(&r->floor);
    bench_voice_free(&r->voice);
}
