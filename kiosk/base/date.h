#ifndef KIOSK_DATE_H
#define KIOSK_DATE_H
/* The one calendar arithmetic of the kiosk (proleptic Gregorian, days since
 * 1970-01-01), the one YYYY-MM-DD parser, and Japan's fixed offset. Local
 * time is Asia/Tokyo, UTC+9 all year (no DST): an offset added by
 * arithmetic, never TZ or localtime(). Pure libc, no allocation. */

#define DATE_DAY_S 86400LL
#define DATE_TOKYO_OFFSET_S (9 * 3600) /* Asia/Tokyo, seconds east of UTC */
#define DATE_TOKYO_OFFSET "+09:00"     /* the same, as RFC 3339 writes it */

/* Floor division (rounds toward minus infinity), for times before 1970. */
long long date_floor_div(long long a, long long b);

/* Days since 1970-01-01 of y-m-d (H. Hinnant's days_from_civil), and back. */
long date_days_from_civil(int y, int m, int d);
void date_civil_from_days(long days, int *y, int *m, int *d);

/* Day of week, 0 = Sunday .. 6 = Saturday, of a day number or a date. */
int date_weekday_of(long days);
int date_weekday(int y, int m, int d);

/* Days in month m of year y (1..12); 0 for an invalid month. */
int date_days_in_month(int y, int m);

/* Reads exactly n ASCII digits at *s and advances past them; returns their
 * value, or -1 (and *s unmoved) if a byte among them is not a digit. */
int date_digits(const char **s, int n);

/* Reads "YYYY-MM-DD" of a day that exists at *s and advances past it;
 * returns 0, or -1 (then *s and the outputs are unspecified). Anything may
 * follow: the caller checks what comes next. */
int date_parse_prefix(const char **s, int *y, int *m, int *d);

/* The whole of s is "YYYY-MM-DD" of a day that exists; returns 0 or -1. */
int date_parse(const char *s, int *y, int *m, int *d);

/* Parses an RFC 3339 time ("2026-11-28T10:15:02+09:00", "...Z", 't' and
 * 'z' too, an optional fraction which is dropped, second 60 for a leap
 * second) into UTC seconds. Returns 0, or -1 with *utc unchanged. */
int date_parse_rfc3339(const char *s, long long *utc);
#endif
