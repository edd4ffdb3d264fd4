/* Opening hours by arithmetic. Local time is Asia/Tokyo (UTC+9 all year):
 * a fixed offset added to the time_t, then the civil-from-days algorithm
 * (H. Hinnant), so the machine's TZ never matters. */
#include "schedule.h"

#include <string.h>

#include "date.h"
#include "i18n.h"
#include "msg.h"
#include "utf8.h"

#define SCHEDULE_MAX_PRINT_DAYS 3660

static void schedule_civil_from_days(long z, struct schedule_local *out)
{
    date_civil_from_days(z, &out->y, &out->m, &out->d);
    out->wday = date_weekday_of(z);
}

static void schedule_local_from_day(long day, int minute, struct schedule_local *out)
{
    memset(out, 0, sizeof *out);
    out->day = day;
    schedule_civil_from_days(day, out);
    out->hour = minute / 60;
    out->min = minute % 60;
}

void schedule_local_time(time_t t, struct schedule_local *out)
{
    long long local = (long long)t + DATE_TOKYO_OFFSET_S;
    long long day = date_floor_div(local, DATE_DAY_S);
    long long secs = local - day * DATE_DAY_S;
    schedule_local_from_day((long)day, (int)(secs / 60), out);
    out->sec = (int)(secs % 60);
}

void schedule_rfc3339(time_t t, char *out, size_t outsz)
{
    struct schedule_local l;
    schedule_local_time(t, &l);
    snprintf(out, outsz, "%04d-%02d-%02dT%02d:%02d:%02d" DATE_TOKYO_OFFSET, l.y, l.m, l.d, l.hour,
             l.min, l.sec);
}

void schedule_today(time_t t, int *y, int *m, int *d)
{
    struct schedule_local l;
    schedule_local_time(t, &l);
    *y = l.y;
    *m = l.m;
    *d = l.d;
}

static int schedule_is_closed_date(const struct config_municipality *m, int y, int mo, int d)
{
    for (int i = 0; i < m->n_closed_dates; i++) {
        const struct config_date *c = &m->closed_dates[i];
        if (c->y == y && c->m == mo && c->d == d)
            return 1;
    }
    return 0;
}

enum schedule_reason schedule_day_reason(const struct config_municipality *m, int y, int mo,
                                         int d, struct holiday_name *name)
{
    struct holiday_name dummy;
    if (!name)
        name = &dummy;
    memset(name, 0, sizeof *name);
    if (holiday_lookup(y, mo, d, name))
        return SCHEDULE_REASON_HOLIDAY;
    if (holiday_year_end(mo, d, name))
        return SCHEDULE_REASON_YEAR_END;
    memset(name, 0, sizeof *name);
    if (schedule_is_closed_date(m, y, mo, d))
        return SCHEDULE_REASON_CLOSED_DATE;
    int wday = date_weekday(y, mo, d);
    if (!m->has_hours || m->hours.n[wday] <= 0)
        return SCHEDULE_REASON_NO_HOURS;
    return SCHEDULE_REASON_NONE;
}

/* First opening on day (offset k from today) strictly after after_min
 * (-1 = any); returns its minute or -1. */
static int schedule_first_opening(const struct config_municipality *m, const struct schedule_local *day,
                               int after_min)
{
    if (schedule_day_reason(m, day->y, day->m, day->d, NULL) != SCHEDULE_REASON_NONE)
        return -1;
    int n = m->hours.n[day->wday];
    for (int i = 0; i < n && i < CONFIG_MAX_INTERVALS; i++) {
        const struct config_interval *iv = &m->hours.iv[day->wday][i];
        if (iv->open_min > after_min && iv->open_min < iv->close_min)
            return iv->open_min;
    }
    return -1;
}

static void schedule_find_next(const struct config_municipality *m, int now_min,
                            struct schedule_status *out)
{
    for (int k = 0; k <= SCHEDULE_LOOKAHEAD_DAYS; k++) {
        struct schedule_local day;
        schedule_local_from_day(out->now.day + k, 0, &day);
        int at = schedule_first_opening(m, &day, k == 0 ? now_min : -1);
        if (at < 0)
            continue;
        schedule_local_from_day(day.day, at, &out->next);
        out->has_next = 1;
        out->next_min = at;
        out->next_in_days = k;
        return;
    }
}

int schedule_status(const struct config_municipality *m, time_t now, struct schedule_status *out)
{
    memset(out, 0, sizeof *out);
    schedule_local_time(now, &out->now);
    if (!m || !m->has_hours)
        return -1;
    const struct schedule_local *l = &out->now;
    int now_min = l->hour * 60 + l->min;
    out->reason = schedule_day_reason(m, l->y, l->m, l->d, &out->holiday);
    if (out->reason == SCHEDULE_REASON_NONE) {
        int n = m->hours.n[l->wday];
        for (int i = 0; i < n && i < CONFIG_MAX_INTERVALS; i++) {
            const struct config_interval *iv = &m->hours.iv[l->wday][i];
            if (now_min >= iv->open_min && now_min < iv->close_min) {
                out->open = 1;
                out->close_min = iv->close_min;
                return 0;
            }
        }
    }
    schedule_find_next(m, now_min, out);
    return 0;
}

/* ---- describing ---------------------------------------------------------- */

/* Appends at most n bytes of s to out (length *len), never splitting a UTF-8
 * sequence, always NUL-terminating. */
static void schedule_append(char *out, size_t outsz, size_t *len, const char *s, size_t n)
{
    if (outsz == 0 || *len >= outsz - 1)
        return;
    size_t room = outsz - 1 - *len;
    int cut = n > room;
    if (cut) {
        n = utf8_cut(s, n, room);
    }
    memcpy(out + *len, s, n);
    out[*len + n] = '\0';
    *len = cut ? outsz - 1 : *len + n; /* once cut, nothing more is appended */
}

/* Copies the UI template tmpl into out with its "%s" replaced by args in
 * order ("%%" gives "%"). An empty argument takes one neighbouring space with
 * it ("opens %s %s" with no weekday gives "opens 8:45"). Arguments the
 * template has no "%s" for are appended after a space, so a translation that
 * lost a placeholder still shows the time. */
static void schedule_fill(char *out, size_t outsz, const char *tmpl, const char *const *args,
                       int nargs)
{
    size_t len = 0;
    int used = 0;
    if (outsz == 0)
        return;
    out[0] = '\0';
    for (const char *p = tmpl; *p;) {
        const char *q = strchr(p, '%');
        size_t run = q ? (size_t)(q - p) : strlen(p);
        if (run > 0) {
            schedule_append(out, outsz, &len, p, run);
            p += run;
        } else if (p[1] == 's' && used < nargs) {
            const char *a = args[used++];
            schedule_append(out, outsz, &len, a, strlen(a));
            p += 2;
            if (a[0] == '\0' && *p == ' ')
                p++;
            else if (a[0] == '\0' && len > 0 && len < outsz - 1 && out[len - 1] == ' ')
                out[--len] = '\0';
        } else {
            schedule_append(out, outsz, &len, "%", 1);
            p += p[1] == '%' ? 2 : 1;
        }
    }
    for (; used < nargs; used++) {
        if (args[used][0] == '\0')
            continue;
        schedule_append(out, outsz, &len, " ", 1);
        schedule_append(out, outsz, &len, args[used], strlen(args[used]));
    }
}

static const char *schedule_holiday_name(const struct holiday_name *h, const char *lang)
{
        /* Chinese readers read the kanji; Korean readers get English. */
    static const char *const ja_langs[] = {"ja", "ja-easy", "zh-Hant", "zh-Hans", "zh"};
    for (size_t i = 0; lang && i < sizeof ja_langs / sizeof ja_langs[0]; i++)
        if (strcmp(lang, ja_langs[i]) == 0)
            return h->ja ? h->ja : "";
    return h->en ? h->en : "";
}

/* A date two days or more ahead, with its weekday: "Mon 4 Jan" in English,
 * "1月4日 月曜日" in the CJK languages (ko: "1월 4일 월요일"). */
static void schedule_date(const struct schedule_local *l, const char *wday, const char *lang,
                          char *out, size_t outsz)
{
    static const char *const mon[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (strcmp(lang, "en") == 0)
        snprintf(out, outsz, "%s %d %s", wday, l->d, mon[(l->m + 11) % 12]);
    else if (strcmp(lang, "ko") == 0)
        snprintf(out, outsz, "%d월 %d일 %s", l->m, l->d, wday);
    else if (strcmp(lang, "ja-easy") == 0)
        snprintf(out, outsz, "%dがつ %dにち %s", l->m, l->d, wday);
    else
        snprintf(out, outsz, "%d月%d日 %s", l->m, l->d, wday);
}

/* OPENS_AT's two arguments: the day ("" today, "tomorrow", else the date
 * with its weekday: a weekday alone would leave a visitor counting days
 * over the year-end closure) and the time H:MM. */
static void schedule_when(const struct schedule_status *s, const char *lang, char *day,
                       size_t daysz, char *time, size_t timesz)
{
    static const enum i18n_key wd[7] = {I18N_WEEKDAY_SUN, I18N_WEEKDAY_MON, I18N_WEEKDAY_TUE,
                                        I18N_WEEKDAY_WED, I18N_WEEKDAY_THU, I18N_WEEKDAY_FRI,
                                        I18N_WEEKDAY_SAT};
    const char *wday = i18n_ui(wd[s->next.wday], lang);
    if (s->next_in_days == 0)
        day[0] = '\0';
    else if (s->next_in_days == 1)
        snprintf(day, daysz, "%s", i18n_ui(I18N_TOMORROW, lang));
    else
        schedule_date(&s->next, wday, lang ? lang : "", day, daysz);
    snprintf(time, timesz, "%d:%02d", s->next_min / 60, s->next_min % 60);
}

void schedule_describe(const struct schedule_status *s, const char *lang, char *out, size_t outsz)
{
    char day[96], time[16];
    const char *args[2] = {day, time};
    if (!out || outsz == 0)
        return;
    if (s->open) {
        snprintf(time, sizeof time, "%d:%02d", s->close_min / 60, s->close_min % 60);
        schedule_fill(out, outsz, i18n_ui(I18N_OPEN_UNTIL, lang), &args[1], 1);
    } else if ((s->reason == SCHEDULE_REASON_HOLIDAY || s->reason == SCHEDULE_REASON_YEAR_END) &&
               (s->holiday.ja || s->holiday.en)) {
        /* The holiday's name, then when it opens again: in the year-end
         * closure that may be days away. */
        char today[160], again[160] = "";
        const char *name[1] = {schedule_holiday_name(&s->holiday, lang)};
        schedule_fill(today, sizeof today, i18n_ui(I18N_CLOSED_TODAY, lang), name, 1);
        if (s->has_next) {
            schedule_when(s, lang, day, sizeof day, time, sizeof time);
            schedule_fill(again, sizeof again, i18n_ui(I18N_REOPENS, lang), args, 2);
        }
        size_t len = 0;
        out[0] = '\0';
        schedule_append(out, outsz, &len, today, strlen(today));
        if (again[0]) {
            schedule_append(out, outsz, &len, " · ", strlen(" · "));
            schedule_append(out, outsz, &len, again, strlen(again));
        }
    } else if (s->has_next) {
        schedule_when(s, lang, day, sizeof day, time, sizeof time);
        schedule_fill(out, outsz, i18n_ui(I18N_OPENS_AT, lang), args, 2);
    } else {
        schedule_fill(out, outsz, i18n_ui(I18N_CLOSED, lang), args, 0);
    }
}

/* ---- printing (kiosk --schedule) ----------------------------------------- */

static const struct config_municipality *schedule_find(const struct config *cfg, const char *id)
{
    for (int i = 0; id && i < cfg->n_municipalities; i++)
        if (cfg->municipalities[i].id && strcmp(cfg->municipalities[i].id, id) == 0)
            return &cfg->municipalities[i];
    return NULL;
}

static void schedule_unknown_id(const struct config *cfg, const char *id)
{
    char known[900];
    size_t len = 0;
    known[0] = '\0';
    for (int i = 0; i < cfg->n_municipalities; i++) {
        const char *mid = cfg->municipalities[i].id ? cfg->municipalities[i].id : "?";
        if (i > 0)
            schedule_append(known, sizeof known, &len, ", ", 2);
        schedule_append(known, sizeof known, &len, mid, strlen(mid));
    }
    msg_error("--schedule: unknown municipality \"%s\"; known ids: %s", id ? id : "",
              cfg->n_municipalities > 0 ? known : "(none)");
}

static void schedule_print_day(FILE *out, const struct config_municipality *m, long day)
{
    static const char *const wdn[7] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    struct schedule_local l;
    struct holiday_name name;
    schedule_local_from_day(day, 0, &l);
    fprintf(out, "%04d-%02d-%02d %s ", l.y, l.m, l.d, wdn[l.wday]);
    switch (schedule_day_reason(m, l.y, l.m, l.d, &name)) {
    case SCHEDULE_REASON_HOLIDAY:
        fprintf(out, "closed  %s (%s)\n", name.en, name.ja);
        return;
    case SCHEDULE_REASON_YEAR_END:
        fprintf(out, "closed  %s\n", name.en);
        return;
    case SCHEDULE_REASON_CLOSED_DATE:
        fputs("closed  closed date (closed_dates)\n", out);
        return;
    case SCHEDULE_REASON_NO_HOURS:
        fputs("closed  no hours\n", out);
        return;
    case SCHEDULE_REASON_NONE:
        break;
    }
    fputs("open    ", out);
    for (int i = 0; i < m->hours.n[l.wday] && i < CONFIG_MAX_INTERVALS; i++) {
        const struct config_interval *iv = &m->hours.iv[l.wday][i];
        fprintf(out, "%s%02d:%02d-%02d:%02d", i ? ", " : "", iv->open_min / 60,
                iv->open_min % 60, iv->close_min / 60, iv->close_min % 60);
    }
    fputc('\n', out);
}

int schedule_print(FILE *out, const struct config *cfg, const char *id, int y, int m, int d,
                   int days)
{
    const struct config_municipality *mu = schedule_find(cfg, id);
    if (!mu) {
        schedule_unknown_id(cfg, id);
        return -1;
    }
    if (!mu->has_hours) {
        msg_error("--schedule: municipality \"%s\" has no opening hours (\"hours\" in the config)",
                  mu->id);
        return -1;
    }
    if (m < 1 || m > 12 || d < 1 || d > date_days_in_month(y, m) || y < 1980 || y > 2099) {
        msg_error("--schedule: invalid date %04d-%02d-%02d (1980..2099)", y, m, d);
        return -1;
    }
    if (days < 1 || days > SCHEDULE_MAX_PRINT_DAYS) {
        msg_error("--schedule: days must be 1..%d, not %d", SCHEDULE_MAX_PRINT_DAYS, days);
        return -1;
    }
    long first = date_days_from_civil(y, m, d);
    for (int i = 0; i < days; i++)
        schedule_print_day(out, mu, first + i);
    return 0;
}
