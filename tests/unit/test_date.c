/* Calendar arithmetic and the one YYYY-MM-DD parser: weekdays, month
 * lengths with the leap rules, day numbers both ways (before 1970 too),
 * floor division, and dates that must be refused. Table-driven. */
#include <stddef.h>

#include "check.h"
#include "date.h"

struct ymd_case {
    int y, m, d;
    int wday;  /* 0 = Sunday */
    long days; /* since 1970-01-01 */
};

static const struct ymd_case ymd_cases[] = {
    {1970, 1, 1, 4, 0},      {1969, 12, 31, 3, -1},  {2000, 1, 1, 6, 10957},
    {1900, 1, 1, 1, -25567}, {2024, 2, 29, 4, 19782}, {2019, 5, 1, 3, 18017},
    {2026, 9, 20, 0, 20716}, {2099, 12, 31, 4, 47481},
};

static void test_days(void)
{
    for (size_t i = 0; i < sizeof ymd_cases / sizeof ymd_cases[0]; i++) {
        const struct ymd_case *c = &ymd_cases[i];
        int y, m, d;
        CHECK_INT(date_days_from_civil(c->y, c->m, c->d), c->days);
        CHECK_INT(date_weekday(c->y, c->m, c->d), c->wday);
        date_civil_from_days(c->days, &y, &m, &d);
        CHECK_INT(y * 10000 + m * 100 + d, c->y * 10000 + c->m * 100 + c->d);
    }
    /* Every day of 1899..2101 goes there and back. */
    for (long z = date_days_from_civil(1899, 1, 1); z <= date_days_from_civil(2101, 12, 31); z++) {
        int y, m, d;
        date_civil_from_days(z, &y, &m, &d);
        if (date_days_from_civil(y, m, d) != z) {
            CHECK_INT(date_days_from_civil(y, m, d), z);
            break;
        }
    }
}

static void test_month_lengths(void)
{
    CHECK_INT(date_days_in_month(2000, 2), 29);
    CHECK_INT(date_days_in_month(2024, 2), 29);
    CHECK_INT(date_days_in_month(1900, 2), 28);
    CHECK_INT(date_days_in_month(2023, 2), 28);
    CHECK_INT(date_days_in_month(2023, 4), 30);
    CHECK_INT(date_days_in_month(2023, 12), 31);
    CHECK_INT(date_days_in_month(2023, 0), 0);
    CHECK_INT(date_days_in_month(2023, 13), 0);
}

static void test_floor_div(void)
{
    CHECK_INT(date_floor_div(7, 2), 3);
    CHECK_INT(date_floor_div(-7, 2), -4);
    CHECK_INT(date_floor_div(-8, 2), -4);
    CHECK_INT(date_floor_div(-1, DATE_DAY_S), -1);
    CHECK_INT(date_floor_div(0, DATE_DAY_S), 0);
}

struct parse_case {
    const char *s;
    int ok;
    int y, m, d;
};

static const struct parse_case parse_cases[] = {
    {"2026-12-01", 1, 2026, 12, 1},
    {"2024-02-29", 1, 2024, 2, 29},
    {"2023-02-29", 0, 0, 0, 0},   /* not a leap year */
    {"2026-13-01", 0, 0, 0, 0},
    {"2026-00-10", 0, 0, 0, 0},
    {"2026-04-31", 0, 0, 0, 0},
    {"2026-04-00", 0, 0, 0, 0},
    {"2026-4-01", 0, 0, 0, 0},    /* two digits each */
    {"26-04-01", 0, 0, 0, 0},
    {"2026/04/01", 0, 0, 0, 0},
    {"2026-04-01 ", 0, 0, 0, 0},  /* nothing may follow */
    {"2026-04-01T", 0, 0, 0, 0},
    {"+026-04-01", 0, 0, 0, 0},
    {"", 0, 0, 0, 0},
    {"0000-01-01", 1, 0, 1, 1},
};

static void test_parse(void)
{
    for (size_t i = 0; i < sizeof parse_cases / sizeof parse_cases[0]; i++) {
        const struct parse_case *c = &parse_cases[i];
        int y = -1, m = -1, d = -1;
        int rc = date_parse(c->s, &y, &m, &d);
        CHECK_INT(rc, c->ok ? 0 : -1);
        if (c->ok && rc == 0)
            CHECK_INT(y * 10000 + m * 100 + d, c->y * 10000 + c->m * 100 + c->d);
    }
    /* The prefix form stops after the date and leaves the rest to the caller. */
    const char *s = "2026-11-28T10:15:02+09:00";
    int y, m, d;
    CHECK_INT(date_parse_prefix(&s, &y, &m, &d), 0);
    CHECK_STR(s, "T10:15:02+09:00");
    s = "12x";
    CHECK_INT(date_digits(&s, 2), 12);
    CHECK_STR(s, "x");
    CHECK_INT(date_digits(&s, 1), -1);
    CHECK_STR(s, "x"); /* unmoved */
}

int main(void)
{
    test_days();
    test_month_lengths();
    test_floor_div();
    test_parse();
    CHECK_STR(DATE_TOKYO_OFFSET, "+09:00");
    CHECK_INT(DATE_TOKYO_OFFSET_S, 32400);
    return CHECK_RESULT();
}
