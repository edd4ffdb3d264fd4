#ifndef KIOSK_STATS_H
#define KIOSK_STATS_H
/* The kiosk's anonymous usage records and what is made of them (pure: libc
 * and cJSON). One event is one JSON object on one line (JSON Lines):
 *   {"t":"2026-11-28T10:15:02+09:00","kiosk":"sapporo-01","event":"call_ended",
 *    "municipality":"tobetsu","duration_s":312.4}
 * Nothing about the visitor is ever recorded: the time, the kiosk, what was
 * touched (screen, language, municipality) and how a call went.
 * Also here: the --report summary of a records file between two local
 * (Asia/Tokyo) dates, and the Prometheus text for node_exporter's textfile
 * collector. Times are UTC seconds; local dates come from schedule.h. */
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#define STATS_ID_MAX 64      /* kiosk and municipality ids, + NUL */
#define STATS_NAME_MAX 32    /* screen names and failure reasons, + NUL */
#define STATS_LANG_MAX 16    /* language codes, + NUL (I18N_LANG_MAX) */
#define STATS_LINE_MAX 2048  /* a formatted line always fits (well under PIPE_BUF) */
#define STATS_DURATION_MAX 1e9 /* seconds; a longer (or negative) duration is left out */

enum stats_kind {
    STATS_SESSION_START, /* a visitor touched the attract screen */
    STATS_SCREEN,        /* a screen was shown: "screen" */
    STATS_LANGUAGE,      /* the visitor chose a language: "lang" */
    STATS_IDLE_RESET,    /* nobody touched: back home */
    STATS_CALL_STARTED,  /* "municipality" */
    STATS_CALL_ENDED,    /* "municipality", "duration_s" */
    STATS_CALL_FAILED,   /* "municipality", "reason" (and "duration_s" if it ran) */
    STATS_KIND_COUNT
};

/* One event. Plain data (copy it with =); an empty string is an absent field. */
struct stats_event {
    long long t; /* UTC seconds */
    enum stats_kind kind;
    char kiosk[STATS_ID_MAX];
    char screen[STATS_NAME_MAX];
    char lang[STATS_LANG_MAX];
    char municipality[STATS_ID_MAX];
    char reason[STATS_NAME_MAX];
    int has_duration;
    double duration_s;
};

/* The event's name as written ("session_start", "screen", ...; "?" if out of
 * range): a static string. */
const char *stats_kind_name(enum stats_kind k);
/* Zeroes *ev and sets kind, t and the kiosk id (may be NULL; cut to fit). */
void stats_event_init(struct stats_event *ev, enum stats_kind kind, time_t t, const char *kiosk);
/* Fields are filled with utf8_copy() (utf8.h), which never splits a character. */

/* Writes ev as one JSON line ending in '\n' into out (caller's buffer;
 * STATS_LINE_MAX always suffices). Returns the line's length, or -1 if it
 * does not fit (out is then ""). Strings are escaped per RFC 8259. */
int stats_format(const struct stats_event *ev, char *out, size_t outsz);
/* Parses one line (with or without its '\n') into *out. Returns 0, or -1
 * if the line is not an object with a valid "t" (RFC 3339) and a known
 * "event", or a field is of the wrong type or too long. Allocates nothing
 * that outlives the call. */
int stats_parse(const char *line, struct stats_event *out);
/* Parses an RFC 3339 time ("2026-11-28T10:15:02+09:00", "...Z", optional
 * fraction) into UTC seconds. Returns 0 or -1. */
int stats_parse_time(const char *s, long long *utc);

/* ---- the report (kiosk --report FROM TO [--format csv|md]) ---- */
enum stats_report_format { STATS_REPORT_MD, STATS_REPORT_CSV };

struct stats_report_muni {
    char id[STATS_ID_MAX];
    long started, ended, failed;
    double seconds; /* sum of duration_s */
};
struct stats_report_name {
    char name[STATS_ID_MAX];
    long n;
};
struct stats_report {
    int from, to;   /* local dates as YYYYMMDD, inclusive */
    long lines;     /* lines read (blank lines not counted) */
    long in_range;  /* valid events inside the dates */
    long malformed; /* lines skipped as not a valid event */
    long first_malformed; /* line number of the first one, 0 = none */
    long sessions, idle_resets;
    double call_seconds;
    int n_munis, n_langs, n_screens; /* arrays below are owned, sorted when written */
    struct stats_report_muni *munis;
    struct stats_report_name *langs;
    struct stats_report_name *screens;
};

/* Starts an empty report over from..to ("YYYY-MM-DD", real dates).
 * Returns 0, or -1 if a date is invalid or from is after to (*r is then
 * still safe to free). Free with stats_report_free. */
int stats_report_init(struct stats_report *r, const char *from, const char *to);
/* Adds one line (line_no for the malformed count, 1-based). A blank line
 * is ignored; a malformed one counted. Returns -1 only if memory ran out. */
int stats_report_add_line(struct stats_report *r, const char *line, long line_no);
/* Adds every line of f (read until EOF). Returns 0, or -1 on a read error
 * or out of memory. f stays the caller's. */
int stats_report_read(struct stats_report *r, FILE *f);
/* Writes the summary to out as a Markdown table or CSV (header + rows).
 * Sorts r's arrays. Returns 0, or -1 if writing failed. */
int stats_report_write(struct stats_report *r, FILE *out, enum stats_report_format fmt);
/* Frees what r owns and zeroes it. */
void stats_report_free(struct stats_report *r);
/* The whole --report: reads stats_path, writes to out. format is "md",
 * "csv" or NULL (md). Returns the exit code: 0 ok, 1 the file cannot be
 * read (message through msg_error), 2 a usage error (bad date, FROM after
 * TO, unknown format; message through msg_error). */
int stats_report_print(FILE *out, const char *stats_path, const char *from, const char *to,
                       const char *format);

/* Counts for the admin screen ("today": since local midnight). */
struct stats_today {
    long sessions;
    long calls_started, calls_ended, calls_failed;
};
/* Adds ev to *td by its kind (other kinds change nothing). */
void stats_today_add(struct stats_today *td, const struct stats_event *ev);
/* The local (Asia/Tokyo) day number of UTC time t: days since 1970-01-01. */
long stats_local_day(long long t);

/* ---- metrics (Prometheus text exposition format 0.0.4) ---- */
#define STATS_METRICS_MAX_MUNIS 32
#define STATS_METRICS_TEXT_MAX 32768 /* the text always fits in this much */

struct stats_metrics_muni {
    char id[STATS_ID_MAX];
    long started, ended, failed;
};
/* A snapshot: plain data, copy it with =. */
struct stats_metrics {
    char kiosk[STATS_ID_MAX];
    char version[STATS_NAME_MAX];
    int n_munis;
    struct stats_metrics_muni munis[STATS_METRICS_MAX_MUNIS];
    long sessions;
    long status_polls, status_poll_failures; /* struct http_health */
    long notify_sent, notify_lost;
    long long config_last_load; /* UTC seconds, 0 = never */
    long config_reload_failures;
    int camera_present, microphone_present;
    int down; /* 1: the kiosk is stopping (kiosk_up 0) */
};

/* Writes the metrics as Prometheus text (HELP and TYPE for each family,
 * label values escaped) into out (caller's buffer). Returns the length, or
 * -1 if it does not fit (out is then ""). */
int stats_metrics_text(const struct stats_metrics *m, char *out, size_t outsz);
/* The entry for municipality id in m (added with zero counts if new).
 * Returns NULL if id is empty or m is full. Points into m. */
struct stats_metrics_muni *stats_metrics_muni(struct stats_metrics *m, const char *id);
#endif
