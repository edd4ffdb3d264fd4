/* Table test for the holiday module: the data file lists every national
 * holiday 2000..2030 (built independently of holiday.c), and every day of
 * that range is checked against it in both directions, so a missing, extra
 * or misnamed holiday fails. argv[1] is the data file. */
#include "date.h"
#include "holiday.h"

#include <stdio.h>
#include <string.h>

#define TEST_HOLIDAY_MAX 1024
#define TEST_HOLIDAY_NAME 128
#define TEST_HOLIDAY_FIRST 2000
#define TEST_HOLIDAY_LAST 2030

struct test_holiday_entry {
	int y, m, d;
	char ja[TEST_HOLIDAY_NAME];
};

static struct test_holiday_entry test_holiday_table[TEST_HOLIDAY_MAX];
static int test_holiday_count;
static int test_holiday_failures;

static void test_holiday_fail(int y, int m, int d, const char *want,
			      const char *got)
{
	printf("test_holiday: %04d-%02d-%02d: expected %s got %s\n", y, m, d,
	       want, got);
	test_holiday_failures++;
}

/* Reads n decimal digits; the format is fixed, so anything else is an
 * error rather than something to skip. */
static int test_holiday_digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

/* "YYYY-MM-DD\tname\n" into e; 0 on success. */
static int test_holiday_parse(const char *line, struct test_holiday_entry *e)
{
	size_t len;

	if (test_holiday_digits(line, 4, &e->y) || line[4] != '-' ||
	    test_holiday_digits(line + 5, 2, &e->m) || line[7] != '-' ||
	    test_holiday_digits(line + 8, 2, &e->d) || line[10] != '\t')
		return -1;
	len = strcspn(line + 11, "\r\n");
	if (len == 0 || len >= sizeof e->ja)
		return -1;
	memcpy(e->ja, line + 11, len);
	e->ja[len] = '\0';
	return 0;
}

static int test_holiday_load(const char *path)
{
	char line[256];
	int lineno = 0;
	FILE *fp = fopen(path, "r");

	if (fp == NULL) {
		printf("test_holiday: cannot open %s\n", path);
		return -1;
	}
	while (fgets(line, sizeof line, fp) != NULL) {
		lineno++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		if (test_holiday_count == TEST_HOLIDAY_MAX ||
		    test_holiday_parse(line,
				       &test_holiday_table[test_holiday_count])) {
			printf("test_holiday: %s:%d: bad line\n", path, lineno);
			fclose(fp);
			return -1;
		}
		test_holiday_count++;
	}
	fclose(fp);
	return test_holiday_count > 0 ? 0 : -1;
}

/* Slot for a date in the tested range, or -1; a 31-day grid per month
 * keeps it simple, invalid days are rejected by days_in_month. */
static int test_holiday_slot(int y, int m, int d)
{
	if (y < TEST_HOLIDAY_FIRST || y > TEST_HOLIDAY_LAST || d < 1 ||
	    d > date_days_in_month(y, m))
		return -1;
	return ((y - TEST_HOLIDAY_FIRST) * 12 + (m - 1)) * 31 + (d - 1);
}

static const struct test_holiday_entry
	*test_holiday_by_day[(TEST_HOLIDAY_LAST - TEST_HOLIDAY_FIRST + 1) * 12 * 31];

/* Indexes the table by date, so one wrong line gives one report instead
 * of throwing the rest out of step; bad or repeated dates fail here. */
static int test_holiday_index(void)
{
	for (int i = 0; i < test_holiday_count; i++) {
		const struct test_holiday_entry *e = &test_holiday_table[i];
		int slot = test_holiday_slot(e->y, e->m, e->d);

		if (slot < 0 || test_holiday_by_day[slot] != NULL) {
			printf("test_holiday: %04d-%02d-%02d: listed date out of "
			       "range, invalid or repeated\n", e->y, e->m, e->d);
			test_holiday_failures++;
			continue;
		}
		test_holiday_by_day[slot] = e;
	}
	return test_holiday_failures;
}

/* Both directions: every listed day must be that holiday, every other day
 * of the range must not be a holiday at all. */
static void test_holiday_day_check(int y, int m, int d)
{
	const struct test_holiday_entry *e =
		test_holiday_by_day[test_holiday_slot(y, m, d)];
	struct holiday_name n = { NULL, NULL };
	int got = holiday_lookup(y, m, d, &n);

	if (e != NULL && !got)
		test_holiday_fail(y, m, d, e->ja, "(none)");
	else if (e == NULL && got)
		test_holiday_fail(y, m, d, "(none)", n.ja ? n.ja : "(null)");
	else if (e != NULL &&
		 (n.ja == NULL || n.en == NULL || strcmp(n.ja, e->ja) != 0))
		test_holiday_fail(y, m, d, e->ja, n.ja ? n.ja : "(null)");
}

static void test_holiday_table_check(void)
{
	for (int y = TEST_HOLIDAY_FIRST; y <= TEST_HOLIDAY_LAST; y++)
		for (int m = 1; m <= 12; m++)
			for (int d = 1; d <= date_days_in_month(y, m); d++)
				test_holiday_day_check(y, m, d);
}

struct test_holiday_case {
	int y, m, d;
	const char *ja; /* NULL: not a holiday */
	const char *en;
};

/* Outside the data file: old rules, the edges of the supported range, and
 * a couple of future Septembers where the citizens' rule fires. */
static const struct test_holiday_case test_holiday_cases[] = {
	{ 1980, 1, 15, "成人の日", "Coming of Age Day" },
	{ 1980, 11, 24, "振替休日", "Substitute Holiday" },
	{ 1986, 5, 4, NULL, NULL },   /* Sunday: old rule excluded it */
	{ 1987, 5, 4, "振替休日", "Substitute Holiday" },
	{ 1988, 4, 29, "天皇誕生日", "Emperor's Birthday" },
	{ 1988, 5, 4, "国民の休日", "Citizens' Holiday" },
	{ 1989, 2, 24, "昭和天皇の大喪の礼", "State Funeral of Emperor Showa" },
	{ 1989, 4, 29, "みどりの日", "Greenery Day" },
	{ 1990, 11, 12, "即位礼正殿の儀の行われる日", "Enthronement Ceremony Day" },
	{ 1993, 6, 9, "皇太子徳仁親王の結婚の儀", "Wedding of Crown Prince Naruhito" },
	{ 1996, 7, 20, "海の日", "Marine Day" },
	{ 1999, 10, 10, "体育の日", "Health and Sports Day" },
	{ 1999, 10, 11, "振替休日", "Substitute Holiday" },
	{ 2019, 12, 23, NULL, NULL },
	{ 2020, 10, 12, NULL, NULL }, /* Sports Day moved to 24 Jul */
	{ 2032, 9, 21, "国民の休日", "Citizens' Holiday" },
	{ 2099, 11, 23, "勤労感謝の日", "Labour Thanksgiving Day" },
	{ 1979, 1, 1, NULL, NULL },   /* outside the supported range */
	{ 2100, 1, 1, NULL, NULL },
	{ 2023, 2, 29, NULL, NULL },  /* invalid dates */
	{ 2023, 13, 1, NULL, NULL },
	{ 2023, 1, 0, NULL, NULL },
};

static void test_holiday_cases_check(void)
{
	size_t n = sizeof test_holiday_cases / sizeof test_holiday_cases[0];

	for (size_t i = 0; i < n; i++) {
		const struct test_holiday_case *c = &test_holiday_cases[i];
		struct holiday_name name = { NULL, NULL };
		int got = holiday_lookup(c->y, c->m, c->d, &name);
		const char *want = c->ja ? c->ja : "(none)";

		if (got != (c->ja != NULL) ||
		    (got && (strcmp(name.ja, c->ja) || strcmp(name.en, c->en))))
			test_holiday_fail(c->y, c->m, c->d, want,
					  got ? name.en : "(none)");
	}
	if (!holiday_lookup(2026, 9, 22, NULL))
		test_holiday_fail(2026, 9, 22, "holiday with NULL name", "(none)");
}

static void test_holiday_expect(const char *what, int want, int got)
{
	if (want != got) {
		printf("test_holiday: %s: expected %d got %d\n", what, want, got);
		test_holiday_failures++;
	}
}

static void test_holiday_calendar_check(void)
{
	struct holiday_name n = { NULL, NULL };

	test_holiday_expect("year end 12-28", 0, holiday_year_end(12, 28, NULL));
	test_holiday_expect("year end 12-29", 1, holiday_year_end(12, 29, &n));
	test_holiday_expect("year end name", 0,
			    n.ja ? strcmp(n.ja, "年末年始休業") : -1);
	test_holiday_expect("year end 12-31", 1, holiday_year_end(12, 31, NULL));
	test_holiday_expect("year end 01-01", 1, holiday_year_end(1, 1, NULL));
	test_holiday_expect("year end 01-03", 1, holiday_year_end(1, 3, NULL));
	test_holiday_expect("year end 01-04", 0, holiday_year_end(1, 4, NULL));
	test_holiday_expect("year end 11-30", 0, holiday_year_end(11, 30, NULL));
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		printf("usage: test_holiday holidays_2000_2030.txt\n");
		return 2;
	}
	if (test_holiday_load(argv[1]) != 0)
		return 1;
	test_holiday_index();
	test_holiday_table_check();
	test_holiday_cases_check();
	test_holiday_calendar_check();
	printf("test_holiday: %d listed holidays, %d failure(s)\n",
	       test_holiday_count, test_holiday_failures);
	return test_holiday_failures ? 1 : 0;
}
