#include "date.h"

long long date_floor_div(long long a, long long b)
{
    long long q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

/* One integer per date makes stepping across month and year ends trivial. */
long date_days_from_civil(int y, int m, int d)
{
    long yy = (long)y - (m <= 2);
    long era = (long)date_floor_div(yy, 400);
    long yoe = yy - era * 400;
    long mp = (m + 9) % 12; /* March = 0 */
    long doy = (153 * mp + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void date_civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (long)date_floor_div(z, 146097);
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int date_weekday_of(long days)
{
    return (int)(((days % 7) + 7 + 4) % 7); /* 1970-01-01 was a Thursday (4) */
}

int date_weekday(int y, int m, int d)
{
    return date_weekday_of(date_days_from_civil(y, m, d));
}

int date_days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return days[m - 1];
}

int date_digits(const char **s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        char c = (*s)[i];
        if (c < '0' || c > '9')
            return -1;
        v = v * 10 + (c - '0');
    }
    *s += n;
    return v;
}

int date_parse_prefix(const char **s, int *y, int *m, int *d)
{
    *y = date_digits(s, 4);
    if (*y < 0 || **s != '-')
        return -1;
    (*s)++;
    *m = date_digits(s, 2);
    if (*m < 1 || *m > 12 || **s != '-')
        return -1;
    (*s)++;
    *d = date_digits(s, 2);
    if (*d < 1 || *d > date_days_in_month(*y, *m))
        return -1;
    return 0;
}

int date_parse(const char *s, int *y, int *m, int *d)
{
    return date_parse_prefix(&s, y, m, d) == 0 && *s == '\0' ? 0 : -1;
}

static int date_expect(const char **s, char c)
{
    if (**s != c)
        return -1;
    (*s)++;
    return 0;
}

/* "HH:MM" at *s, with hours up to max_h; returns the minutes or -1. */
static int date_hh_mm(const char **s, int max_h)
{
    int hh = date_digits(s, 2);
    if (hh < 0 || hh > max_h || date_expect(s, ':') != 0)
        return -1;
    int mm = date_digits(s, 2);
    if (mm < 0 || mm > 59)
        return -1;
    return hh * 60 + mm;
}

/* "Z", "+HH:MM" or "-HH:MM", then the end: seconds east of UTC in *off. */
static int date_parse_offset(const char *s, int *off)
{
    if ((s[0] == 'Z' || s[0] == 'z') && s[1] == '\0') {
        *off = 0;
        return 0;
    }
    int sign = s[0] == '+' ? 1 : s[0] == '-' ? -1 : 0;
    if (!sign)
        return -1;
    s++;
    int min = date_hh_mm(&s, 23);
    if (min < 0 || *s != '\0')
        return -1;
    *off = sign * min * 60;
    return 0;
}

int date_parse_rfc3339(const char *s, long long *utc)
{
    int y, mo, d;
    if (date_parse_prefix(&s, &y, &mo, &d) != 0 || (*s != 'T' && *s != 't'))
        return -1;
    s++;
    int min = date_hh_mm(&s, 23);
    if (min < 0 || date_expect(&s, ':') != 0)
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
    if (date_parse_offset(s, &off) != 0)
        return -1;
    *utc = (long long)date_days_from_civil(y, mo, d) * DATE_DAY_S + min * 60LL + sec - off;
    return 0;
}
