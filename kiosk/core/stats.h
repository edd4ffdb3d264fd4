#ifndef KIOSK_STATS_H
#define KIOSK_STATS_H
/* The kiosk's anonymous usage records: the event and its codec (pure: libc
 * and cJSON). One event is one JSON object on one line (JSON Lines):
 *   {"t":"2026-11-28T10:15:02+09:00","kiosk":"sapporo-01","event":"call_ended",
 *    "municipality":"tobetsu","duration_s":312.4}
 * Nothing about the visitor is ever recorded: the time, the kiosk, what was
 * touched (screen, language, municipality) and how a call went.
 * Made of them elsewhere: the --report summary (stats_report.h) and the
 * Prometheus text (stats_metrics.h). Times are UTC seconds; local dates
 * come from schedule.h, RFC 3339 parsing from date.h. */
#include <stddef.h>
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

/* Calls by how they went: the one call count of the report, the metrics
 * and the admin screen's "today". */
struct stats_calls {
    long started, ended, failed;
};
/* 1 for the call events (started, ended, failed), else 0. */
int stats_is_call(enum stats_kind k);
/* Adds ev to *c by its result; other kinds change nothing. */
void stats_calls_add(struct stats_calls *c, const struct stats_event *ev);

/* Counts for the admin screen ("today": since local midnight). */
struct stats_today {
    long sessions;
    struct stats_calls calls;
};
/* Adds ev to *td by its kind (other kinds change nothing). */
void stats_today_add(struct stats_today *td, const struct stats_event *ev);
/* The local (Asia/Tokyo) day number of UTC time t: days since 1970-01-01. */
long stats_local_day(long long t);

#endif
