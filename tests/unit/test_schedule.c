/* Table test for schedule: open/closed at an injected time (given in Japan
 * time, converted with timegm so the test does not trust schedule's own
 * arithmetic), the next opening, the localized line and `--schedule`.
 * The whole table runs again with the machine's TZ set elsewhere. */
#include "check.h"
#include "schedule.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define HM(h, m) ((h) * 60 + (m))

/* Japan time -> time_t, independent of TZ and of schedule.c. */
static time_t test_jst(int y, int mo, int d, int h, int mi)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    return timegm(&tm) - 9 * 3600;
}

static void test_set_days(struct config_municipality *m, int from, int to, int open, int close)
{
    for (int wd = from; wd <= to; wd++) {
        int i = m->hours.n[wd]++;
        m->hours.iv[wd][i].open_min = open;
        m->hours.iv[wd][i].close_min = close;
    }
}

static struct config_date test_closed[] = {{2026, 12, 25}};
static struct config_municipality test_munis[4];
static struct config test_cfg;

/* tobetsu: Mon-Fri 08:45-17:30, closed 2026-12-25. lunch: Mon-Fri
 * 09:00-12:00 and 13:00-17:00, Sat 10:00-12:00. info: no hours. */
static void test_build_config(void)
{
    memset(test_munis, 0, sizeof test_munis);
    test_munis[0].id = "tobetsu";
    test_munis[0].has_hours = 1;
    test_set_days(&test_munis[0], 1, 5, HM(8, 45), HM(17, 30));
    test_munis[0].n_closed_dates = 1;
    test_munis[0].closed_dates = test_closed;
    test_munis[1].id = "lunch";
    test_munis[1].has_hours = 1;
    test_set_days(&test_munis[1], 1, 5, HM(9, 0), HM(12, 0));
    test_set_days(&test_munis[1], 1, 5, HM(13, 0), HM(17, 0));
    test_set_days(&test_munis[1], 6, 6, HM(10, 0), HM(12, 0));
    test_munis[2].id = "info";
    test_munis[3].id = "never"; /* hours given, but none on any day */
    test_munis[3].has_hours = 1;
    memset(&test_cfg, 0, sizeof test_cfg);
    test_cfg.n_municipalities = 4;
    test_cfg.municipalities = test_munis;
}

struct test_sched_case {
    const char *what;
    int muni;
    int y, m, d, h, mi; /* Japan time */
    int open;
    int close_min; /* when open */
    enum schedule_reason reason;
    const char *holiday_ja; /* NULL = none expected */
    int ny, nm, nd, nmin, nwday, ndays; /* next opening when closed; ny 0 = none */
};

#define OPEN(c) 1, c, SCHEDULE_REASON_NONE, NULL, 0, 0, 0, 0, 0, 0
#define NEXT(y, m, d, min, wd, k) y, m, d, min, wd, k

static const struct test_sched_case test_cases[] = {
    /* weekday boundaries: Thu 2026-12-24 */
    {"before opening", 0, 2026, 12, 24, 8, 44, 0, 0, SCHEDULE_REASON_NONE, NULL,
     NEXT(2026, 12, 24, HM(8, 45), 4, 0)},
    {"at opening", 0, 2026, 12, 24, 8, 45, OPEN(HM(17, 30))},
    {"last minute", 0, 2026, 12, 24, 17, 29, OPEN(HM(17, 30))},
    {"at closing", 0, 2026, 12, 24, 17, 30, 0, 0, SCHEDULE_REASON_NONE, NULL,
     NEXT(2026, 12, 28, HM(8, 45), 1, 4)}, /* 25 closed_date, 26-27 weekend */
    {"midnight", 0, 2026, 12, 24, 0, 0, 0, 0, SCHEDULE_REASON_NONE, NULL,
     NEXT(2026, 12, 24, HM(8, 45), 4, 0)},
    {"closed_date", 0, 2026, 12, 25, 10, 0, 0, 0, SCHEDULE_REASON_CLOSED_DATE, NULL,
     NEXT(2026, 12, 28, HM(8, 45), 1, 3)},
    /* national holidays */
    {"holiday", 0, 2026, 11, 23, 10, 0, 0, 0, SCHEDULE_REASON_HOLIDAY, "勤労感謝の日",
     NEXT(2026, 11, 24, HM(8, 45), 2, 1)},
    {"substitute holiday", 0, 2026, 5, 6, 12, 0, 0, 0, SCHEDULE_REASON_HOLIDAY, "振替休日",
     NEXT(2026, 5, 7, HM(8, 45), 4, 1)},
    {"citizens' holiday", 0, 2026, 9, 22, 9, 0, 0, 0, SCHEDULE_REASON_HOLIDAY, "国民の休日",
     NEXT(2026, 9, 24, HM(8, 45), 4, 2)},
    {"day after holiday", 0, 2026, 11, 24, 9, 0, OPEN(HM(17, 30))},
    /* weekend */
    {"friday evening", 0, 2026, 12, 4, 18, 0, 0, 0, SCHEDULE_REASON_NONE, NULL,
     NEXT(2026, 12, 7, HM(8, 45), 1, 3)},
    {"saturday", 0, 2026, 12, 5, 11, 0, 0, 0, SCHEDULE_REASON_NO_HOURS, NULL,
     NEXT(2026, 12, 7, HM(8, 45), 1, 2)},
    /* year-end and New Year */
    {"year-end evening before", 0, 2026, 12, 28, 18, 0, 0, 0, SCHEDULE_REASON_NONE, NULL,
     NEXT(2027, 1, 4, HM(8, 45), 1, 7)},
    {"year-end", 0, 2026, 12, 29, 10, 0, 0, 0, SCHEDULE_REASON_YEAR_END, "年末年始休業",
     NEXT(2027, 1, 4, HM(8, 45), 1, 6)},
    {"new year's day", 0, 2027, 1, 1, 10, 0, 0, 0, SCHEDULE_REASON_HOLIDAY, "元日",
     NEXT(2027, 1, 4, HM(8, 45), 1, 3)},
    {"jan 3", 0, 2027, 1, 3, 23, 59, 0, 0, SCHEDULE_REASON_YEAR_END, "年末年始休業",
     NEXT(2027, 1, 4, HM(8, 45), 1, 1)},
    {"first day", 0, 2027, 1, 4, 8, 45, OPEN(HM(17, 30))},
    {"coming of age", 0, 2027, 1, 11, 9, 0, 0, 0, SCHEDULE_REASON_HOLIDAY, "成人の日",
     NEXT(2027, 1, 12, HM(8, 45), 2, 1)},
    /* Golden Week 2027: Thu 29 Apr, Mon 3 .. Wed 5 May */
    {"showa day", 0, 2027, 4, 29, 10, 0, 0, 0, SCHEDULE_REASON_HOLIDAY, "昭和の日",
     NEXT(2027, 4, 30, HM(8, 45), 5, 1)},
    {"between", 0, 2027, 4, 30, 10, 0, OPEN(HM(17, 30))},
    {"gw friday evening", 0, 2027, 4, 30, 17, 30, 0, 0, SCHEDULE_REASON_NONE, NULL,
     NEXT(2027, 5, 6, HM(8, 45), 4, 6)},
    {"gw saturday", 0, 2027, 5, 1, 10, 0, 0, 0, SCHEDULE_REASON_NO_HOURS, NULL,
     NEXT(2027, 5, 6, HM(8, 45), 4, 5)},
    {"greenery day", 0, 2027, 5, 4, 10, 0, 0, 0, SCHEDULE_REASON_HOLIDAY, "みどりの日",
     NEXT(2027, 5, 6, HM(8, 45), 4, 2)},
    {"after gw", 0, 2027, 5, 6, 8, 45, OPEN(HM(17, 30))},
    /* two intervals a day */
    {"morning", 1, 2026, 12, 24, 11, 59, OPEN(HM(12, 0))},
    {"lunch break", 1, 2026, 12, 24, 12, 0, 0, 0, SCHEDULE_REASON_NONE, NULL,
     NEXT(2026, 12, 24, HM(13, 0), 4, 0)},
    {"afternoon", 1, 2026, 12, 24, 13, 0, OPEN(HM(17, 0))},
    {"saturday morning", 1, 2026, 12, 26, 9, 0, 0, 0, SCHEDULE_REASON_NONE, NULL,
     NEXT(2026, 12, 26, HM(10, 0), 6, 0)},
    {"sunday", 1, 2026, 12, 27, 9, 0, 0, 0, SCHEDULE_REASON_NO_HOURS, NULL,
     NEXT(2026, 12, 28, HM(9, 0), 1, 1)},
};

static void test_one(const struct test_sched_case *c)
{
    struct schedule_status s;
    time_t t = test_jst(c->y, c->m, c->d, c->h, c->mi);
    int before = check_failures;
    int rc = schedule_status(&test_munis[c->muni], t, &s);
    CHECK_INT(rc, 0);
    CHECK_INT(s.now.y * 10000 + s.now.m * 100 + s.now.d, c->y * 10000 + c->m * 100 + c->d);
    CHECK_INT(s.now.hour * 60 + s.now.min, HM(c->h, c->mi));
    CHECK_INT(s.open, c->open);
    CHECK_INT(s.reason, c->reason);
    if (c->open)
        CHECK_INT(s.close_min, c->close_min);
    if (c->holiday_ja)
        CHECK_STR(s.holiday.ja, c->holiday_ja);
    else
        CHECK(s.holiday.ja == NULL);
    CHECK_INT(s.has_next, c->ny != 0);
    if (c->ny) {
        CHECK_INT(s.next.y * 10000 + s.next.m * 100 + s.next.d, c->ny * 10000 + c->nm * 100 + c->nd);
        CHECK_INT(s.next_min, c->nmin);
        CHECK_INT(s.next.wday, c->nwday);
        CHECK_INT(s.next_in_days, c->ndays);
    }
    if (check_failures != before)
        fprintf(stderr, "  in case \"%s\"\n", c->what);
}

static void test_table(const char *tz)
{
    if (tz) {
        setenv("TZ", tz, 1);
        tzset();
    }
    fprintf(stderr, "table with TZ=%s\n", tz ? tz : "(unchanged)");
    for (size_t i = 0; i < sizeof test_cases / sizeof test_cases[0]; i++)
        test_one(&test_cases[i]);
}

static void test_local_time(void)
{
    struct schedule_local l;
    schedule_local_time(test_jst(2026, 12, 31, 23, 59) + 59, &l);
    CHECK_INT(l.y, 2026);
    CHECK_INT(l.d, 31);
    CHECK_INT(l.sec, 59);
    schedule_local_time(test_jst(2026, 12, 31, 23, 59) + 60, &l);
    CHECK_INT(l.y * 10000 + l.m * 100 + l.d, 20270101);
    CHECK_INT(l.wday, 5);
    CHECK_INT(l.hour, 0);
    schedule_local_time(0, &l); /* 1970-01-01 09:00 JST, a Thursday */
    CHECK_INT(l.y * 10000 + l.m * 100 + l.d, 19700101);
    CHECK_INT(l.hour, 9);
    CHECK_INT(l.wday, 4);
    schedule_local_time(-9 * 3600 - 1, &l); /* one second before 1970-01-01 JST */
    CHECK_INT(l.y * 10000 + l.m * 100 + l.d, 19691231);
    CHECK_INT(l.hour * 3600 + l.min * 60 + l.sec, 86399);
    CHECK_INT(l.wday, 3);
    int y, m, d;
    schedule_today(test_jst(2024, 2, 29, 12, 0), &y, &m, &d);
    CHECK_INT(y * 10000 + m * 100 + d, 20240229);
}

static void test_no_hours(void)
{
    struct schedule_status s;
    CHECK_INT(schedule_status(&test_munis[2], test_jst(2026, 12, 24, 10, 0), &s), -1);
    CHECK_INT(s.open, 0);
    CHECK_INT(s.has_next, 0);
    CHECK_INT(s.now.d, 24);
}

/* 1 if s does not end inside a UTF-8 sequence. */
static int test_utf8_whole(const char *s)
{
    size_t i = 0, n = strlen(s);
    while (i < n) {
        unsigned c = (unsigned char)s[i];
        size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (i + len > n)
            return 0;
        i += len;
    }
    return 1;
}

static void test_describe_at(int muni, time_t t, const char *lang, const char *want)
{
    struct schedule_status s;
    char line[128];
    schedule_status(&test_munis[muni], t, &s);
    schedule_describe(&s, lang, line, sizeof line);
    CHECK_STR(line, want);
}

static void test_describe(void)
{
    test_describe_at(0, test_jst(2026, 12, 24, 9, 0), "en", "Open until 17:30");
    test_describe_at(0, test_jst(2026, 12, 24, 7, 0), "en", "Closed · opens 8:45");
    test_describe_at(0, test_jst(2026, 12, 4, 18, 0), "en", "Closed · opens Mon 7 Dec 8:45");
    test_describe_at(0, test_jst(2027, 4, 30, 17, 30), "en", "Closed · opens Thu 6 May 8:45");
    test_describe_at(0, test_jst(2026, 12, 28, 18, 0), "en", "Closed · opens Mon 4 Jan 8:45");
    test_describe_at(0, test_jst(2026, 12, 22, 18, 0), "en", "Closed · opens tomorrow 8:45");
    test_describe_at(0, test_jst(2026, 12, 22, 18, 0), "ja", "受付時間外・次は明日 8:45から");
    test_describe_at(0, test_jst(2026, 12, 28, 18, 0), "ko", "운영 시간 외・다음 1월 4일 월요일 8:45부터");
    test_describe_at(0, test_jst(2026, 11, 23, 10, 0), "en",
                     "Closed today (Labour Thanksgiving Day) · opens tomorrow 8:45");
    test_describe_at(0, test_jst(2026, 11, 23, 10, 0), "ja",
                     "本日は休みです（勤労感謝の日） · 次は明日 8:45から");
    test_describe_at(0, test_jst(2026, 11, 23, 10, 0), "zh-Hant",
                     "今日休息（勤労感謝の日） · 下次 明天 8:45 開始");
    test_describe_at(0, test_jst(2026, 11, 23, 10, 0), "ko",
                     "오늘은 휴무입니다 (Labour Thanksgiving Day) · 다음 내일 8:45부터");
    test_describe_at(0, test_jst(2026, 12, 29, 10, 0), "en",
                     "Closed today (year-end closure) · opens Mon 4 Jan 8:45");
    test_describe_at(0, test_jst(2026, 12, 29, 10, 0), "ja-easy",
                     "きょうは やすみです（年末年始休業） · つぎは 1がつ 4にち げつようび 8:45から");
    test_describe_at(0, test_jst(2027, 1, 1, 10, 0), "en",
                     "Closed today (New Year's Day) · opens Mon 4 Jan 8:45");
    test_describe_at(0, test_jst(2026, 12, 25, 10, 0), "en", "Closed · opens Mon 28 Dec 8:45");
    test_describe_at(1, test_jst(2026, 12, 24, 12, 30), "en", "Closed · opens 13:00");
    test_describe_at(0, test_jst(2026, 12, 24, 9, 0), "ja", "17:30まで受付");
    test_describe_at(0, test_jst(2026, 12, 4, 18, 0), "ja", "受付時間外・次は12月7日 月曜日 8:45から");
    test_describe_at(0, test_jst(2026, 12, 24, 7, 0), "ja", "受付時間外・次は8:45から");
    test_describe_at(0, test_jst(2026, 12, 28, 18, 0), "ja", "受付時間外・次は1月4日 月曜日 8:45から");
    test_describe_at(0, test_jst(2026, 12, 24, 7, 0), "ko", "운영 시간 외・다음 8:45부터");
    test_describe_at(3, test_jst(2026, 12, 24, 9, 0), "en", "Closed");

    /* A tiny buffer is cut, never overrun, and stays valid UTF-8. */
    struct schedule_status s;
    char small[8];
    schedule_status(&test_munis[0], test_jst(2026, 11, 23, 10, 0), &s);
    schedule_describe(&s, "ja", small, sizeof small);
    CHECK(strlen(small) < sizeof small);
    CHECK(test_utf8_whole(small));
}

static char *test_print(const char *id, int y, int m, int d, int days, int *rc)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    *rc = schedule_print(f, &test_cfg, id, y, m, d, days);
    fclose(f);
    return buf;
}

static void test_print_lines(void)
{
    static const char want[] = "2026-12-24 Thu open    08:45-17:30\n"
                               "2026-12-25 Fri closed  closed date (closed_dates)\n"
                               "2026-12-26 Sat closed  no hours\n"
                               "2026-12-27 Sun closed  no hours\n"
                               "2026-12-28 Mon open    08:45-17:30\n"
                               "2026-12-29 Tue closed  year-end closure\n"
                               "2026-12-30 Wed closed  year-end closure\n"
                               "2026-12-31 Thu closed  year-end closure\n"
                               "2027-01-01 Fri closed  New Year's Day (元日)\n"
                               "2027-01-02 Sat closed  year-end closure\n"
                               "2027-01-03 Sun closed  year-end closure\n"
                               "2027-01-04 Mon open    08:45-17:30\n"
                               "2027-01-05 Tue open    08:45-17:30\n"
                               "2027-01-06 Wed open    08:45-17:30\n";
    int rc;
    char *out = test_print("tobetsu", 2026, 12, 24, 14, &rc);
    CHECK_INT(rc, 0);
    CHECK_STR(out, want);
    free(out);
    out = test_print("lunch", 2027, 1, 8, 4, &rc);
    CHECK_INT(rc, 0);
    CHECK_STR(out, "2027-01-08 Fri open    09:00-12:00, 13:00-17:00\n"
                   "2027-01-09 Sat open    10:00-12:00\n"
                   "2027-01-10 Sun closed  no hours\n"
                   "2027-01-11 Mon closed  Coming of Age Day (成人の日)\n");
    free(out);
    out = test_print("nowhere", 2026, 12, 24, 14, &rc);
    CHECK(rc != 0);
    CHECK_STR(out, "");
    free(out);
    out = test_print("info", 2026, 12, 24, 14, &rc);
    CHECK(rc != 0);
    free(out);
    out = test_print("tobetsu", 2026, 2, 29, 14, &rc);
    CHECK(rc != 0);
    free(out);
    out = test_print("tobetsu", 2026, 12, 24, 0, &rc);
    CHECK(rc != 0);
    free(out);
}

int main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    test_build_config();
    test_local_time();
    test_no_hours();
    test_table(NULL);
    test_table("UTC");
    test_table("America/New_York");
    test_table("Pacific/Kiritimati"); /* UTC+14: a different date most of the day */
    test_table("Etc/GMT+12");
    test_describe();
    test_print_lines();
    setenv("TZ", "America/New_York", 1);
    tzset();
    test_describe();
    test_print_lines();
    return CHECK_RESULT();
}
