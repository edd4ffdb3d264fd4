/* The --report summary: events between two local dates counted per
 * municipality, language and screen, then written as Markdown or CSV. */
#include "stats_report.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "date.h"
#include "schedule.h"
#include "utf8.h"

static int stats_report_date_key(const char *s, int *key)
{
    int y, m, d;
    if (!s || date_parse(s, &y, &m, &d) != 0)
        return -1;
    *key = y * 10000 + m * 100 + d;
    return 0;
}

int stats_report_init(struct stats_report *r, const char *from, const char *to)
{
    memset(r, 0, sizeof *r);
    if (stats_report_date_key(from, &r->from) != 0 || stats_report_date_key(to, &r->to) != 0)
        return -1;
    return r->from <= r->to ? 0 : -1;
}

void stats_report_free(struct stats_report *r)
{
    free(r->munis);
    free(r->langs);
    free(r->screens);
    memset(r, 0, sizeof *r);
}

/* Grows *arr (of n elements of size sz) by one zeroed element; NULL if out of memory. */
static void *stats_report_grow(void **arr, int *n, size_t sz)
{
    void *p = realloc(*arr, ((size_t)*n + 1) * sz);
    if (!p)
        return NULL;
    *arr = p;
    char *e = (char *)p + (size_t)*n * sz;
    memset(e, 0, sz);
    (*n)++;
    return e;
}

static struct stats_report_muni *stats_report_muni(struct stats_report *r, const char *id)
{
    for (int i = 0; i < r->n_munis; i++)
        if (strcmp(r->munis[i].id, id) == 0)
            return &r->munis[i];
    struct stats_report_muni *m = stats_report_grow((void **)&r->munis, &r->n_munis, sizeof *m);
    if (m)
        utf8_copy(m->id, sizeof m->id, id);
    return m;
}

static int stats_report_count(struct stats_report_name **arr, int *n, const char *name)
{
    for (int i = 0; i < *n; i++)
        if (strcmp((*arr)[i].name, name) == 0) {
            (*arr)[i].n++;
            return 0;
        }
    struct stats_report_name *e = stats_report_grow((void **)arr, n, sizeof *e);
    if (!e)
        return -1;
    utf8_copy(e->name, sizeof e->name, name);
    e->n = 1;
    return 0;
}

static int stats_report_call(struct stats_report *r, const struct stats_event *ev)
{
    struct stats_report_muni *m =
        stats_report_muni(r, ev->municipality[0] ? ev->municipality : "(none)");
    if (!m)
        return -1;
    stats_calls_add(&m->calls, ev);
    if (ev->kind != STATS_CALL_STARTED && ev->has_duration) {
        m->seconds += ev->duration_s;
        r->call_seconds += ev->duration_s;
    }
    return 0;
}

static int stats_report_event(struct stats_report *r, const struct stats_event *ev)
{
    if (!r->kiosk[0])
        snprintf(r->kiosk, sizeof r->kiosk, "%s", ev->kiosk);
    switch (ev->kind) {
    case STATS_SESSION_START: r->sessions++; return 0;
    case STATS_IDLE_RESET: r->idle_resets++; return 0;
    case STATS_SCREEN:
        return stats_report_count(&r->screens, &r->n_screens,
                                  ev->screen[0] ? ev->screen : "(none)");
    case STATS_LANGUAGE:
        return stats_report_count(&r->langs, &r->n_langs, ev->lang[0] ? ev->lang : "(none)");
    default: return stats_report_call(r, ev);
    }
}

static int stats_report_blank(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
        s++;
    return *s == '\0';
}

static void stats_report_malformed(struct stats_report *r, long line_no)
{
    if (r->malformed++ == 0)
        r->first_malformed = line_no;
}

int stats_report_add_line(struct stats_report *r, const char *line, long line_no)
{
    if (stats_report_blank(line))
        return 0;
    r->lines++;
    struct stats_event ev;
    if (stats_parse(line, &ev) != 0) {
        stats_report_malformed(r, line_no);
        return 0;
    }
    struct schedule_local l;
    schedule_local_time((time_t)ev.t, &l);
    int key = l.y * 10000 + l.m * 100 + l.d;
    if (key < r->from || key > r->to)
        return 0;
    r->in_range++;
    return stats_report_event(r, &ev);
}

int stats_report_read(struct stats_report *r, FILE *f)
{
    char *line = NULL;
    size_t cap = 0;
    long no = 0;
    int rc = 0;
    errno = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) >= 0) {
        no++;
        /* A line with a NUL inside (a file system's zero fill after a crash)
         * is malformed: cJSON would stop at the NUL and see a valid object. */
        if (memchr(line, '\0', (size_t)n)) {
            r->lines++;
            stats_report_malformed(r, no);
            continue;
        }
        if (stats_report_add_line(r, line, no) != 0) {
            rc = -1;
            break;
        }
    }
    if (ferror(f))
        rc = -1;
    free(line);
    return rc;
}

/* ---- writing the report ---- */

static int stats_report_cmp_muni(const void *a, const void *b)
{
    return strcmp(((const struct stats_report_muni *)a)->id,
                  ((const struct stats_report_muni *)b)->id);
}

static int stats_report_cmp_name(const void *a, const void *b)
{
    return strcmp(((const struct stats_report_name *)a)->name,
                  ((const struct stats_report_name *)b)->name);
}

static void stats_report_sort(struct stats_report *r)
{
    if (r->n_munis > 1)
        qsort(r->munis, (size_t)r->n_munis, sizeof *r->munis, stats_report_cmp_muni);
    if (r->n_langs > 1)
        qsort(r->langs, (size_t)r->n_langs, sizeof *r->langs, stats_report_cmp_name);
    if (r->n_screens > 1)
        qsort(r->screens, (size_t)r->n_screens, sizeof *r->screens, stats_report_cmp_name);
}

/* What both summaries start with: the period as text and the call totals. */
struct stats_report_head {
    char from[16], to[16];
    struct stats_calls total;
};

static void stats_report_date_text(int key, char *out, size_t outsz)
{
    snprintf(out, outsz, "%04d-%02d-%02d", key / 10000, key / 100 % 100, key % 100);
}

static void stats_report_head(const struct stats_report *r, struct stats_report_head *h)
{
    memset(h, 0, sizeof *h);
    stats_report_date_text(r->from, h->from, sizeof h->from);
    stats_report_date_text(r->to, h->to, sizeof h->to);
    for (int i = 0; i < r->n_munis; i++) {
        h->total.started += r->munis[i].calls.started;
        h->total.ended += r->munis[i].calls.ended;
        h->total.failed += r->munis[i].calls.failed;
    }
}

/* A value in a Markdown table cell: '|' escaped, line breaks as spaces. */
static void stats_report_md_cell(FILE *out, const char *s)
{
    for (; *s; s++) {
        if (*s == '|' || *s == '\\')
            fputc('\\', out);
        fputc(*s == '\n' || *s == '\r' ? ' ' : *s, out);
    }
}

/* A CSV field per RFC 4180: quoted when it holds a comma, quote or line break. */
static void stats_report_csv_field(FILE *out, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

static void stats_report_md_summary(const struct stats_report *r, FILE *out)
{
    struct stats_report_head h;
    stats_report_head(r, &h);
    fprintf(out, "# Kiosk usage %s to %s\n\n", h.from, h.to);
    fprintf(out, "| Sessions | Calls started | Calls ended | Calls failed | Call minutes | "
                 "Idle resets |\n|---:|---:|---:|---:|---:|---:|\n");
    fprintf(out, "| %ld | %ld | %ld | %ld | %.1f | %ld |\n", r->sessions, h.total.started,
            h.total.ended, h.total.failed, r->call_seconds / 60.0, r->idle_resets);
}

static void stats_report_md_names(FILE *out, const char *title, const char *col, const char *ncol,
                           const struct stats_report_name *v, int n)
{
    fprintf(out, "\n## %s\n\n", title);
    if (n == 0) {
        fprintf(out, "None.\n");
        return;
    }
    fprintf(out, "| %s | %s |\n|---|---:|\n", col, ncol);
    for (int i = 0; i < n; i++) {
        fputs("| ", out);
        stats_report_md_cell(out, v[i].name);
        fprintf(out, " | %ld |\n", v[i].n);
    }
}

static void stats_report_md_sections(const struct stats_report *r, FILE *out);

static void stats_report_md_write(const struct stats_report *r, FILE *out)
{
    stats_report_md_summary(r, out);
    stats_report_md_sections(r, out);
}

/* Everything under the summary line. */
static void stats_report_md_sections(const struct stats_report *r, FILE *out)
{
    fprintf(out, "\n## Calls by municipality\n\n");
    if (r->n_munis == 0)
        fprintf(out, "None.\n");
    else
        fprintf(out, "| Municipality | Started | Ended | Failed | Minutes |\n"
                     "|---|---:|---:|---:|---:|\n");
    for (int i = 0; i < r->n_munis; i++) {
        const struct stats_report_muni *m = &r->munis[i];
        fputs("| ", out);
        stats_report_md_cell(out, m->id);
        fprintf(out, " | %ld | %ld | %ld | %.1f |\n", m->calls.started, m->calls.ended,
                m->calls.failed,
                m->seconds / 60.0);
    }
    stats_report_md_names(out, "Language changes", "Language", "Changes", r->langs, r->n_langs);
    stats_report_md_names(out, "Screen views", "Screen", "Views", r->screens, r->n_screens);
    fprintf(out, "\n%ld lines read, %ld events in the period, %ld malformed line%s skipped",
            r->lines, r->in_range, r->malformed, r->malformed == 1 ? "" : "s");
    if (r->malformed)
        fprintf(out, " (first at line %ld)", r->first_malformed);
    fprintf(out, ".\n");
}

static void stats_report_csv_row(const struct stats_report *r, FILE *out, const char *section,
                                 const char *name,
                          const char *result, const char *value)
{
    if (r->csv_kiosk) {
        stats_report_csv_field(out, r->csv_kiosk);
        fputc(',', out);
    }
    fprintf(out, "%s,", section);
    stats_report_csv_field(out, name);
    fprintf(out, ",%s,%s\n", result, value);
}

static void stats_report_csv_long(const struct stats_report *r, FILE *out, const char *section,
                                  const char *name,
                           const char *result, long v)
{
    char num[32];
    snprintf(num, sizeof num, "%ld", v);
    stats_report_csv_row(r, out, section, name, result, num);
}

static void stats_report_csv_minutes(const struct stats_report *r, FILE *out, const char *section,
                                     const char *name, double s)
{
    char num[48];
    snprintf(num, sizeof num, "%.1f", s / 60.0);
    stats_report_csv_row(r, out, section, name, "", num);
}

static void stats_report_csv_summary(const struct stats_report *r, FILE *out)
{
    struct stats_report_head h;
    stats_report_head(r, &h);
    if (!r->csv_kiosk)
        fprintf(out, "section,name,result,value\n");
    stats_report_csv_row(r, out, "period", "from", "", h.from);
    stats_report_csv_row(r, out, "period", "to", "", h.to);
    stats_report_csv_long(r, out, "total", "sessions", "", r->sessions);
    stats_report_csv_long(r, out, "total", "calls", "started", h.total.started);
    stats_report_csv_long(r, out, "total", "calls", "ended", h.total.ended);
    stats_report_csv_long(r, out, "total", "calls", "failed", h.total.failed);
    stats_report_csv_minutes(r, out, "total", "call_minutes", r->call_seconds);
    stats_report_csv_long(r, out, "total", "idle_resets", "", r->idle_resets);
    stats_report_csv_long(r, out, "total", "malformed_lines", "", r->malformed);
}

static void stats_report_csv_write(const struct stats_report *r, FILE *out)
{
    stats_report_csv_summary(r, out);
    for (int i = 0; i < r->n_munis; i++) {
        const struct stats_report_muni *m = &r->munis[i];
        stats_report_csv_long(r, out, "calls", m->id, "started", m->calls.started);
        stats_report_csv_long(r, out, "calls", m->id, "ended", m->calls.ended);
        stats_report_csv_long(r, out, "calls", m->id, "failed", m->calls.failed);
        stats_report_csv_minutes(r, out, "call_minutes", m->id, m->seconds);
    }
    for (int i = 0; i < r->n_langs; i++)
        stats_report_csv_long(r, out, "language", r->langs[i].name, "", r->langs[i].n);
    for (int i = 0; i < r->n_screens; i++)
        stats_report_csv_long(r, out, "screen", r->screens[i].name, "", r->screens[i].n);
}

int stats_report_write(struct stats_report *r, FILE *out, enum stats_report_format fmt)
{
    stats_report_sort(r);
    if (fmt == STATS_REPORT_CSV)
        stats_report_csv_write(r, out);
    else
        stats_report_md_write(r, out);
    return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}

/* The per-kiosk lines of the Markdown report, then the total's. */
static void stats_report_md_fleet(struct stats_report *per, const char *const *names, int n,
                                  const struct stats_report *total, FILE *out)
{
    struct stats_report_head h;
    stats_report_head(total, &h);
    fprintf(out, "# Kiosk usage %s to %s, %d kiosk%s\n\n", h.from, h.to, n, n == 1 ? "" : "s");
    fprintf(out, "| Kiosk | Sessions | Calls started | Calls ended | Calls failed | Call minutes "
                 "| Idle resets |\n|---|---:|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i <= n; i++) {
        const struct stats_report *r = i < n ? &per[i] : total;
        struct stats_report_head k;
        stats_report_head(r, &k);
        fputs(i < n ? "| " : "| **total** | ", out);
        if (i < n)
            stats_report_md_cell(out, per[i].kiosk[0] ? per[i].kiosk : names[i]);
        fprintf(out, "%s%ld | %ld | %ld | %ld | %.1f | %ld |\n", i < n ? " | " : "", r->sessions,
                k.total.started, k.total.ended, k.total.failed, r->call_seconds / 60.0,
                r->idle_resets);
    }
    stats_report_md_sections(total, out); /* all kiosks together */
}

int stats_report_write_fleet(struct stats_report *per, const char *const *names, int n,
                             struct stats_report *total, FILE *out,
                             enum stats_report_format fmt)
{
    for (int i = 0; i < n; i++)
        stats_report_sort(&per[i]);
    stats_report_sort(total);
    if (fmt != STATS_REPORT_CSV) {
        stats_report_md_fleet(per, names, n, total, out);
        return fflush(out) == 0 && !ferror(out) ? 0 : -1;
    }
    fprintf(out, "kiosk,section,name,result,value\n");
    for (int i = 0; i <= n; i++) {
        struct stats_report *r = i < n ? &per[i] : total;
        r->csv_kiosk = i < n ? (per[i].kiosk[0] ? per[i].kiosk : names[i]) : "total";
        stats_report_csv_write(r, out);
        r->csv_kiosk = NULL;
    }
    return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}

int stats_report_format_from(const char *name, enum stats_report_format *fmt)
{
    if (!name || strcmp(name, "md") == 0)
        *fmt = STATS_REPORT_MD;
    else if (strcmp(name, "csv") == 0)
        *fmt = STATS_REPORT_CSV;
    else
        return -1;
    return 0;
}
