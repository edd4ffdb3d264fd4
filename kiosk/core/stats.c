#include "stats.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "date.h"
#include "msg.h"
#include "schedule.h"
#include "utf8.h"

static const char *const stats_kind_names[STATS_KIND_COUNT] = {
    "session_start", "screen", "language", "idle_reset",
    "call_started",  "call_ended", "call_failed"};

const char *stats_kind_name(enum stats_kind k)
{
    return (int)k >= 0 && k < STATS_KIND_COUNT ? stats_kind_names[k] : "?";
}

static int stats_kind_from_name(const char *s)
{
    for (int i = 0; i < STATS_KIND_COUNT; i++)
        if (strcmp(s, stats_kind_names[i]) == 0)
            return i;
    return -1;
}

void stats_event_init(struct stats_event *ev, enum stats_kind kind, time_t t, const char *kiosk)
{
    memset(ev, 0, sizeof *ev);
    ev->kind = kind;
    ev->t = (long long)t;
    utf8_copy(ev->kiosk, sizeof ev->kiosk, kiosk);
}

/* ---- a bounded text buffer: appends until full, then remembers it overflowed ---- */
struct stats_buf {
    char *p;
    size_t size, len;
    int overflow;
};

static void stats_buf_add(struct stats_buf *b, const char *s, size_t n)
{
    if (b->overflow || n >= b->size - b->len) {
        b->overflow = 1;
        return;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void stats_buf_printf(struct stats_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void stats_buf_printf(struct stats_buf *b, const char *fmt, ...)
{
    if (b->overflow)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b->p + b->len, b->size - b->len, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= b->size - b->len) {
        b->p[b->len] = '\0';
        b->overflow = 1;
        return;
    }
    b->len += (size_t)n;
}

static int stats_buf_finish(struct stats_buf *b)
{
    if (b->overflow) {
        if (b->size)
            b->p[0] = '\0';
        return -1;
    }
    return (int)b->len;
}

/* A JSON string per RFC 8259: quote, backslash and control characters
 * escaped; other bytes (UTF-8) as they are. */
static void stats_json_string(struct stats_buf *b, const char *s)
{
    stats_buf_add(b, "\"", 1);
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        if (*c == '"' || *c == '\\') {
            char esc[2] = {'\\', (char)*c};
            stats_buf_add(b, esc, 2);
        } else if (*c == '\n') {
            stats_buf_add(b, "\\n", 2);
        } else if (*c < 0x20 || *c == 0x7f) {
            stats_buf_printf(b, "\\u%04x", *c);
        } else {
            stats_buf_add(b, (const char *)c, 1);
        }
    }
    stats_buf_add(b, "\"", 1);
}

static void stats_json_field(struct stats_buf *b, const char *key, const char *value)
{
    if (!value[0])
        return;
    stats_buf_printf(b, ",\"%s\":", key);
    stats_json_string(b, value);
}

int stats_format(const struct stats_event *ev, char *out, size_t outsz)
{
    if (!out || outsz == 0)
        return -1;
    struct stats_buf b = {out, outsz, 0, 0};
    out[0] = '\0';
    struct schedule_local l;
    schedule_local_time((time_t)ev->t, &l);
    stats_buf_printf(&b, "{\"t\":\"%04d-%02d-%02dT%02d:%02d:%02d" DATE_TOKYO_OFFSET "\",\"kiosk\":", l.y,
                     l.m, l.d, l.hour, l.min, l.sec);
    stats_json_string(&b, ev->kiosk);
    stats_buf_printf(&b, ",\"event\":\"%s\"", stats_kind_name(ev->kind));
    stats_json_field(&b, "screen", ev->screen);
    stats_json_field(&b, "lang", ev->lang);
    stats_json_field(&b, "municipality", ev->municipality);
    if (ev->has_duration && ev->duration_s >= 0 && ev->duration_s < STATS_DURATION_MAX)
        stats_buf_printf(&b, ",\"duration_s\":%.1f", ev->duration_s);
    stats_json_field(&b, "reason", ev->reason);
    stats_buf_add(&b, "}\n", 2);
    return stats_buf_finish(&b);
}

void stats_today_add(struct stats_today *td, const struct stats_event *ev)
{
    switch (ev->kind) {
    case STATS_SESSION_START: td->sessions++; break;
    case STATS_CALL_STARTED: td->calls_started++; break;
    case STATS_CALL_ENDED: td->calls_ended++; break;
    case STATS_CALL_FAILED: td->calls_failed++; break;
    default: break;
    }
}

long stats_local_day(long long t)
{
    struct schedule_local l;
    schedule_local_time((time_t)t, &l);
    return l.day;
}

/* ---- parsing ---- */

static int stats_expect(const char **s, char c)
{
    if (**s != c)
        return -1;
    (*s)++;
    return 0;
}

/* "Z", "+HH:MM" or "-HH:MM" into seconds east of UTC. */
static int stats_parse_offset(const char *s, int *off)
{
    if ((s[0] == 'Z' || s[0] == 'z') && s[1] == '\0') {
        *off = 0;
        return 0;
    }
    int sign = s[0] == '+' ? 1 : s[0] == '-' ? -1 : 0;
    if (!sign)
        return -1;
    s++;
    int hh = date_digits(&s, 2);
    if (hh < 0 || hh > 23 || stats_expect(&s, ':') != 0)
        return -1;
    int mm = date_digits(&s, 2);
    if (mm < 0 || mm > 59 || *s != '\0')
        return -1;
    *off = sign * (hh * 3600 + mm * 60);
    return 0;
}

int stats_parse_time(const char *s, long long *utc)
{
    int y, mo, d;
    if (date_parse_prefix(&s, &y, &mo, &d) != 0 || (*s != 'T' && *s != 't'))
        return -1;
    s++;
    int h = date_digits(&s, 2);
    if (h < 0 || h > 23 || stats_expect(&s, ':') != 0)
        return -1;
    int mi = date_digits(&s, 2);
    if (mi < 0 || mi > 59 || stats_expect(&s, ':') != 0)
        return -1;
    int sec = date_digits(&s, 2);
    if (sec < 0 || sec > 60) /* 60: a leap second */
        return -1;
    if (*s == '.') {
        s++;
        if (*s < '0' || *s > '9')
            return -1;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    int off;
    if (stats_parse_offset(s, &off) != 0)
        return -1;
    *utc = (long long)date_days_from_civil(y, mo, d) * DATE_DAY_S + h * 3600 + mi * 60 + sec - off;
    return 0;
}

/* Copies an optional string member; -1 if present but not a string or too long. */
static int stats_parse_string(const cJSON *obj, const char *key, char *dst, size_t dstsz)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!it || cJSON_IsNull(it))
        return 0;
    if (!cJSON_IsString(it) || strlen(it->valuestring) >= dstsz)
        return -1;
    utf8_copy(dst, dstsz, it->valuestring);
    return 0;
}

static int stats_parse_fields(const cJSON *obj, struct stats_event *out)
{
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(obj, "t");
    const cJSON *ev = cJSON_GetObjectItemCaseSensitive(obj, "event");
    if (!cJSON_IsString(t) || stats_parse_time(t->valuestring, &out->t) != 0)
        return -1;
    int kind = cJSON_IsString(ev) ? stats_kind_from_name(ev->valuestring) : -1;
    if (kind < 0)
        return -1;
    out->kind = (enum stats_kind)kind;
    if (stats_parse_string(obj, "kiosk", out->kiosk, sizeof out->kiosk) != 0 ||
        stats_parse_string(obj, "screen", out->screen, sizeof out->screen) != 0 ||
        stats_parse_string(obj, "lang", out->lang, sizeof out->lang) != 0 ||
        stats_parse_string(obj, "municipality", out->municipality,
                           sizeof out->municipality) != 0 ||
        stats_parse_string(obj, "reason", out->reason, sizeof out->reason) != 0)
        return -1;
    const cJSON *dur = cJSON_GetObjectItemCaseSensitive(obj, "duration_s");
    if (dur && !cJSON_IsNull(dur)) {
        if (!cJSON_IsNumber(dur) || !(dur->valuedouble >= 0) ||
            !(dur->valuedouble < STATS_DURATION_MAX))
            return -1;
        out->has_duration = 1;
        out->duration_s = dur->valuedouble;
    }
    return 0;
}

int stats_parse(const char *line, struct stats_event *out)
{
    memset(out, 0, sizeof *out);
    const char *end = NULL;
    cJSON *obj = cJSON_ParseWithOpts(line, &end, 0);
    int rc = -1;
    if (cJSON_IsObject(obj)) {
        /* Only white space may follow the object (a glued second object
         * is what a torn write looks like). */
        while (end && (*end == ' ' || *end == '\t' || *end == '\r' || *end == '\n'))
            end++;
        if (end && *end == '\0')
            rc = stats_parse_fields(obj, out);
    }
    cJSON_Delete(obj);
    if (rc != 0)
        memset(out, 0, sizeof *out);
    return rc;
}

/* ---- the report ---- */

static int stats_date_key(const char *s, int *key)
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
    if (stats_date_key(from, &r->from) != 0 || stats_date_key(to, &r->to) != 0)
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
static void *stats_grow(void **arr, int *n, size_t sz)
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
    struct stats_report_muni *m = stats_grow((void **)&r->munis, &r->n_munis, sizeof *m);
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
    struct stats_report_name *e = stats_grow((void **)arr, n, sizeof *e);
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
    if (ev->kind == STATS_CALL_STARTED)
        m->started++;
    else if (ev->kind == STATS_CALL_ENDED)
        m->ended++;
    else
        m->failed++;
    if (ev->kind != STATS_CALL_STARTED && ev->has_duration) {
        m->seconds += ev->duration_s;
        r->call_seconds += ev->duration_s;
    }
    return 0;
}

static int stats_report_event(struct stats_report *r, const struct stats_event *ev)
{
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

static int stats_blank(const char *s)
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
    if (stats_blank(line))
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

static int stats_cmp_muni(const void *a, const void *b)
{
    return strcmp(((const struct stats_report_muni *)a)->id,
                  ((const struct stats_report_muni *)b)->id);
}

static int stats_cmp_name(const void *a, const void *b)
{
    return strcmp(((const struct stats_report_name *)a)->name,
                  ((const struct stats_report_name *)b)->name);
}

static void stats_report_sort(struct stats_report *r)
{
    if (r->n_munis > 1)
        qsort(r->munis, (size_t)r->n_munis, sizeof *r->munis, stats_cmp_muni);
    if (r->n_langs > 1)
        qsort(r->langs, (size_t)r->n_langs, sizeof *r->langs, stats_cmp_name);
    if (r->n_screens > 1)
        qsort(r->screens, (size_t)r->n_screens, sizeof *r->screens, stats_cmp_name);
}

static void stats_report_totals(const struct stats_report *r, long *started, long *ended,
                                long *failed)
{
    *started = *ended = *failed = 0;
    for (int i = 0; i < r->n_munis; i++) {
        *started += r->munis[i].started;
        *ended += r->munis[i].ended;
        *failed += r->munis[i].failed;
    }
}

/* A value in a Markdown table cell: '|' escaped, line breaks as spaces. */
static void stats_md_cell(FILE *out, const char *s)
{
    for (; *s; s++) {
        if (*s == '|' || *s == '\\')
            fputc('\\', out);
        fputc(*s == '\n' || *s == '\r' ? ' ' : *s, out);
    }
}

/* A CSV field per RFC 4180: quoted when it holds a comma, quote or line break. */
static void stats_csv_field(FILE *out, const char *s)
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

static void stats_date_text(int key, char *out, size_t outsz)
{
    snprintf(out, outsz, "%04d-%02d-%02d", key / 10000, key / 100 % 100, key % 100);
}

static void stats_md_summary(const struct stats_report *r, FILE *out)
{
    char from[16], to[16];
    long st, en, fa;
    stats_date_text(r->from, from, sizeof from);
    stats_date_text(r->to, to, sizeof to);
    stats_report_totals(r, &st, &en, &fa);
    fprintf(out, "# Kiosk usage %s to %s\n\n", from, to);
    fprintf(out, "| Sessions | Calls started | Calls ended | Calls failed | Call minutes | "
                 "Idle resets |\n|---:|---:|---:|---:|---:|---:|\n");
    fprintf(out, "| %ld | %ld | %ld | %ld | %.1f | %ld |\n", r->sessions, st, en, fa,
            r->call_seconds / 60.0, r->idle_resets);
}

static void stats_md_names(FILE *out, const char *title, const char *col, const char *ncol,
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
        stats_md_cell(out, v[i].name);
        fprintf(out, " | %ld |\n", v[i].n);
    }
}

static void stats_md_write(const struct stats_report *r, FILE *out)
{
    stats_md_summary(r, out);
    fprintf(out, "\n## Calls by municipality\n\n");
    if (r->n_munis == 0)
        fprintf(out, "None.\n");
    else
        fprintf(out, "| Municipality | Started | Ended | Failed | Minutes |\n"
                     "|---|---:|---:|---:|---:|\n");
    for (int i = 0; i < r->n_munis; i++) {
        const struct stats_report_muni *m = &r->munis[i];
        fputs("| ", out);
        stats_md_cell(out, m->id);
        fprintf(out, " | %ld | %ld | %ld | %.1f |\n", m->started, m->ended, m->failed,
                m->seconds / 60.0);
    }
    stats_md_names(out, "Language changes", "Language", "Changes", r->langs, r->n_langs);
    stats_md_names(out, "Screen views", "Screen", "Views", r->screens, r->n_screens);
    fprintf(out, "\n%ld lines read, %ld events in the period, %ld malformed line%s skipped",
            r->lines, r->in_range, r->malformed, r->malformed == 1 ? "" : "s");
    if (r->malformed)
        fprintf(out, " (first at line %ld)", r->first_malformed);
    fprintf(out, ".\n");
}

static void stats_csv_row(FILE *out, const char *section, const char *name,
                          const char *result, const char *value)
{
    fprintf(out, "%s,", section);
    stats_csv_field(out, name);
    fprintf(out, ",%s,%s\n", result, value);
}

static void stats_csv_long(FILE *out, const char *section, const char *name,
                           const char *result, long v)
{
    char num[32];
    snprintf(num, sizeof num, "%ld", v);
    stats_csv_row(out, section, name, result, num);
}

static void stats_csv_minutes(FILE *out, const char *section, const char *name, double s)
{
    char num[48];
    snprintf(num, sizeof num, "%.1f", s / 60.0);
    stats_csv_row(out, section, name, "", num);
}

static void stats_csv_summary(const struct stats_report *r, FILE *out)
{
    char from[16], to[16];
    long st, en, fa;
    stats_date_text(r->from, from, sizeof from);
    stats_date_text(r->to, to, sizeof to);
    stats_report_totals(r, &st, &en, &fa);
    fprintf(out, "section,name,result,value\n");
    stats_csv_row(out, "period", "from", "", from);
    stats_csv_row(out, "period", "to", "", to);
    stats_csv_long(out, "total", "sessions", "", r->sessions);
    stats_csv_long(out, "total", "calls", "started", st);
    stats_csv_long(out, "total", "calls", "ended", en);
    stats_csv_long(out, "total", "calls", "failed", fa);
    stats_csv_minutes(out, "total", "call_minutes", r->call_seconds);
    stats_csv_long(out, "total", "idle_resets", "", r->idle_resets);
    stats_csv_long(out, "total", "malformed_lines", "", r->malformed);
}

static void stats_csv_write(const struct stats_report *r, FILE *out)
{
    stats_csv_summary(r, out);
    for (int i = 0; i < r->n_munis; i++) {
        const struct stats_report_muni *m = &r->munis[i];
        stats_csv_long(out, "calls", m->id, "started", m->started);
        stats_csv_long(out, "calls", m->id, "ended", m->ended);
        stats_csv_long(out, "calls", m->id, "failed", m->failed);
        stats_csv_minutes(out, "call_minutes", m->id, m->seconds);
    }
    for (int i = 0; i < r->n_langs; i++)
        stats_csv_long(out, "language", r->langs[i].name, "", r->langs[i].n);
    for (int i = 0; i < r->n_screens; i++)
        stats_csv_long(out, "screen", r->screens[i].name, "", r->screens[i].n);
}

int stats_report_write(struct stats_report *r, FILE *out, enum stats_report_format fmt)
{
    stats_report_sort(r);
    if (fmt == STATS_REPORT_CSV)
        stats_csv_write(r, out);
    else
        stats_md_write(r, out);
    return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}

static int stats_report_format_from(const char *format, enum stats_report_format *fmt)
{
    if (!format || strcmp(format, "md") == 0)
        *fmt = STATS_REPORT_MD;
    else if (strcmp(format, "csv") == 0)
        *fmt = STATS_REPORT_CSV;
    else
        return -1;
    return 0;
}

static int stats_report_check_args(struct stats_report *r, const char *from, const char *to,
                                   const char *format, enum stats_report_format *fmt)
{
    memset(r, 0, sizeof *r);
    if (stats_report_format_from(format, fmt) != 0) {
        msg_error("--format %s: use csv or md", format);
        return 2;
    }
    if (stats_report_init(r, from, to) == 0)
        return 0;
    if (r->from && r->to)
        msg_error("--report %s %s: FROM is after TO", from, to);
    else
        msg_error("--report %s %s: dates are YYYY-MM-DD (a real day)", from ? from : "",
                  to ? to : "");
    return 2;
}

int stats_report_print(FILE *out, const char *stats_path, const char *from, const char *to,
                       const char *format)
{
    struct stats_report r;
    enum stats_report_format fmt;
    int rc = stats_report_check_args(&r, from, to, format, &fmt);
    if (rc != 0)
        goto done;
    rc = 1;
    if (!stats_path || !stats_path[0]) {
        msg_error("no kiosk.stats_path in the config: nothing to report");
        goto done;
    }
    FILE *f = fopen(stats_path, "re");
    if (!f) {
        msg_error("cannot read %s: %s", stats_path, strerror(errno));
        goto done;
    }
    int read_rc = stats_report_read(&r, f);
    fclose(f);
    if (read_rc != 0) {
        msg_error("error reading %s", stats_path);
        goto done;
    }
    if (r.malformed)
        msg_warn("%s: %ld malformed line(s) skipped, the first at line %ld", stats_path,
                 r.malformed, r.first_malformed);
    rc = stats_report_write(&r, out, fmt) == 0 ? 0 : 1;
    if (rc != 0)
        msg_error("cannot write the report: %s", strerror(errno));
done:
    stats_report_free(&r);
    return rc;
}

/* ---- metrics ---- */

struct stats_metrics_muni *stats_metrics_muni(struct stats_metrics *m, const char *id)
{
    if (!id || !id[0])
        return NULL;
    for (int i = 0; i < m->n_munis; i++)
        if (strcmp(m->munis[i].id, id) == 0)
            return &m->munis[i];
    if (m->n_munis >= STATS_METRICS_MAX_MUNIS)
        return NULL;
    struct stats_metrics_muni *e = &m->munis[m->n_munis++];
    memset(e, 0, sizeof *e);
    utf8_copy(e->id, sizeof e->id, id);
    return e;
}

/* A label value per the text exposition format: \, " and line feed escaped. */
static void stats_prom_label(struct stats_buf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '\\')
            stats_buf_add(b, "\\\\", 2);
        else if (*s == '"')
            stats_buf_add(b, "\\\"", 2);
        else if (*s == '\n')
            stats_buf_add(b, "\\n", 2);
        else
            stats_buf_add(b, s, 1);
    }
}

static void stats_prom_head(struct stats_buf *b, const char *name, const char *type,
                            const char *help)
{
    stats_buf_printf(b, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

static void stats_prom_value(struct stats_buf *b, const char *name, const char *type,
                             const char *help, long long v)
{
    stats_prom_head(b, name, type, help);
    stats_buf_printf(b, "%s %lld\n", name, v);
}

static void stats_prom_calls(struct stats_buf *b, const struct stats_metrics *m)
{
    static const char *const results[3] = {"started", "ended", "failed"};
    stats_prom_head(b, "kiosk_calls_total", "counter",
                    "Video calls since the kiosk started, by municipality and result.");
    for (int i = 0; i < m->n_munis && i < STATS_METRICS_MAX_MUNIS; i++) {
        const struct stats_metrics_muni *u = &m->munis[i];
        long v[3] = {u->started, u->ended, u->failed};
        for (int k = 0; k < 3; k++) {
            stats_buf_add(b, "kiosk_calls_total{municipality=\"", 32);
            stats_prom_label(b, u->id);
            stats_buf_printf(b, "\",result=\"%s\"} %ld\n", results[k], v[k]);
        }
    }
}

static void stats_prom_info(struct stats_buf *b, const struct stats_metrics *m)
{
    stats_prom_value(b, "kiosk_up", "gauge", "1 while the kiosk program runs, 0 once it stopped.",
                     m->down ? 0 : 1);
    stats_prom_head(b, "kiosk_info", "gauge", "The kiosk's id and program version.");
    stats_buf_add(b, "kiosk_info{kiosk=\"", 18);
    stats_prom_label(b, m->kiosk);
    stats_buf_add(b, "\",version=\"", 11);
    stats_prom_label(b, m->version);
    stats_buf_add(b, "\"} 1\n", 5);
}

int stats_metrics_text(const struct stats_metrics *m, char *out, size_t outsz)
{
    if (!out || outsz == 0)
        return -1;
    struct stats_buf b = {out, outsz, 0, 0};
    out[0] = '\0';
    stats_prom_info(&b, m);
    stats_prom_calls(&b, m);
    stats_prom_value(&b, "kiosk_sessions_total", "counter",
                     "Visitor sessions since the kiosk started.", m->sessions);
    stats_prom_value(&b, "kiosk_status_poll_total", "counter",
                     "Finished polls of the municipalities' status URLs.", m->status_polls);
    stats_prom_value(&b, "kiosk_status_poll_failures_total", "counter",
                     "Status polls that failed.", m->status_poll_failures);
    stats_prom_value(&b, "kiosk_notify_sent_total", "counter",
                     "Clerk notifications delivered.", m->notify_sent);
    stats_prom_value(&b, "kiosk_notify_lost_total", "counter",
                     "Clerk notifications given up.", m->notify_lost);
    stats_prom_value(&b, "kiosk_config_last_load_timestamp_seconds", "gauge",
                     "When a valid config was last loaded (Unix time, 0 = never).",
                     m->config_last_load);
    stats_prom_value(&b, "kiosk_config_reload_failures_total", "counter",
                     "Config files refused on reload.", m->config_reload_failures);
    stats_prom_value(&b, "kiosk_camera_present", "gauge", "1 if a camera is found.",
                     m->camera_present ? 1 : 0);
    stats_prom_value(&b, "kiosk_microphone_present", "gauge",
                     "1 if a microphone is found.", m->microphone_present ? 1 : 0);
    return stats_buf_finish(&b);
}
