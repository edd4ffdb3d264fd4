#ifndef KIOSK_SCHEDULE_H
#define KIOSK_SCHEDULE_H
/* When a municipality's remote counter is open: weekly hours, national
 * holidays, the year-end closure (29 Dec .. 3 Jan) and the municipality's own
 * closed_dates. Pure: the time is always an argument (a time_t, i.e. UTC) and
 * local time is Asia/Tokyo (UTC+9, no DST) computed by arithmetic, never via
 * TZ or localtime(), so the answers do not depend on the machine's zone. */
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "config.h"
#include "date.h"
#include "holiday.h"

#define SCHEDULE_LOOKAHEAD_DAYS 31       /* how far to search for the next opening */

/* A local (Asia/Tokyo) calendar time. */
struct schedule_local {
    int y, m, d; /* 1-based month and day */
    int wday;    /* 0 = Sunday .. 6 = Saturday */
    int hour, min, sec;
    long day;    /* days since 1970-01-01 (local), for differences */
};

/* Why a whole day is closed (the weekly hours aside). */
enum schedule_reason {
    SCHEDULE_REASON_NONE = 0,    /* not closed all day (or only by its weekly hours) */
    SCHEDULE_REASON_NO_HOURS,    /* the weekly hours have nothing for this weekday */
    SCHEDULE_REASON_HOLIDAY,     /* national holiday; holiday name filled */
    SCHEDULE_REASON_YEAR_END,    /* 29 Dec .. 3 Jan; holiday name = year-end closure */
    SCHEDULE_REASON_CLOSED_DATE  /* one of the municipality's closed_dates */
};

struct schedule_status {
    struct schedule_local now; /* the local time asked about */
    int open;                  /* 1 = open at now */
    int close_min;             /* open: end of the current interval (minutes since midnight) */
    /* Today's whole-day closure, if any (also set while open: NONE then). */
    enum schedule_reason reason;
    struct holiday_name holiday; /* HOLIDAY / YEAR_END: static strings; else NULLs */
    /* Closed: the next opening within SCHEDULE_LOOKAHEAD_DAYS. */
    int has_next;               /* 0 = none found in the look-ahead */
    struct schedule_local next; /* date and weekday of it (hour/min set, sec 0) */
    int next_min;               /* minutes since local midnight */
    int next_in_days;           /* 0 = later today, 1 = tomorrow, ... */
};

/* Converts t into Asia/Tokyo local time. */
void schedule_local_time(time_t t, struct schedule_local *out);
/* t as RFC 3339 in Japan time, e.g. 2026-12-24T08:45:00+09:00, into out
 * (caller's buffer; 26 bytes suffice for years 0..9999). */
void schedule_rfc3339(time_t t, char *out, size_t outsz);
/* The local date of t (for a default --from). */
void schedule_today(time_t t, int *y, int *m, int *d);

/* Why the whole day y-m-d is closed for m (SCHEDULE_REASON_NONE if it has
 * opening hours that day). name (may be NULL) gets static strings for a
 * holiday or the year-end closure. A municipality without hours gives
 * SCHEDULE_REASON_NO_HOURS unless a holiday or closure applies first. */
enum schedule_reason schedule_day_reason(const struct config_municipality *m, int y, int mo,
                                         int d, struct holiday_name *name);

/* Fills *out for municipality m at time now. Returns 0, or -1 if m has no
 * weekly hours (nothing to say: the caller relies on the status poll; *out
 * is then zeroed apart from now). Nothing is allocated. */
int schedule_status(const struct config_municipality *m, time_t now, struct schedule_status *out);

/* One localized line for a tile or the detail screen, from the i18n keys
 * OPEN_UNTIL ("Open until 17:30"), OPENS_AT ("Closed · opens Mon 4 Jan
 * 8:45": no day if the opening is today, TOMORROW for tomorrow, else the
 * date with its weekday), CLOSED_TODAY for a holiday or the year-end
 * closure ("Closed today (勤労感謝の日)": the name in Japanese for ja,
 * ja-easy and zh-*, else in English) followed by REOPENS with the next
 * opening, and CLOSED when no opening is found in the look-ahead. A
 * closed_date shows as OPENS_AT. Always NUL-terminates out, cutting at a
 * UTF-8 boundary if it is too small. */
void schedule_describe(const struct schedule_status *s, const char *lang, char *out, size_t outsz);

/* Prints days lines for municipality id starting at y-m-d, e.g.
 *   2026-12-24 Thu open    08:45-17:30
 *   2026-12-29 Tue closed  year-end closure
 *   2027-01-11 Mon closed  Coming of Age Day (成人の日)
 * (for `kiosk --schedule`). Returns 0, or -1 after an error message through
 * msg (unknown id: the known ids are listed; no hours; bad date or days). */
int schedule_print(FILE *out, const struct config *cfg, const char *id, int y, int m, int d,
                   int days);
#endif
