/* Japan's national holidays, computed by rule (no table of dates to go
 * stale). The law has three layers, and so does this file:
 *   1. 国民の祝日 proper (art. 2 and the special laws that add or move days),
 *      described by holiday_rules[] below;
 *   2. 振替休日 (art. 3(2)): a 祝日 falling on a Sunday gives a day off;
 *   3. 国民の休日 (art. 3(3)): an ordinary day between two 祝日 is a day off.
 * Layers 2 and 3 look only at layer 1, as the law does: a substitute day
 * never creates another substitute day or a citizens' holiday.
 *
 * Pure libc, no allocation; all names are static strings. */
#include "holiday.h"

#include <stddef.h>

#include "date.h"

/* Outside this range the equinox formula is not valid, so lookups say "no"
 * rather than guess. */
#define HOLIDAY_FIRST_YEAR 1980
#define HOLIDAY_LAST_YEAR 2099
#define HOLIDAY_OPEN_END 9999

/* The substitute and citizens' rules were rewritten with effect from
 * 1 Jan 2007 (平成17年法律第43号). */
#define HOLIDAY_RULE_2007 2007
/* Citizens' holidays exist from 27 Dec 1985; no candidate day fell in the
 * last days of 1985, so a year test is exact. */
#define HOLIDAY_CITIZENS_FROM 1986

enum holiday_id {
	HOLIDAY_NEW_YEAR,
	HOLIDAY_COMING_OF_AGE,
	HOLIDAY_FOUNDATION,
	HOLIDAY_EMPEROR,
	HOLIDAY_VERNAL,
	HOLIDAY_SHOWA,
	HOLIDAY_CONSTITUTION,
	HOLIDAY_GREENERY,
	HOLIDAY_CHILDREN,
	HOLIDAY_MARINE,
	HOLIDAY_MOUNTAIN,
	HOLIDAY_AGED,
	HOLIDAY_AUTUMNAL,
	HOLIDAY_HEALTH_SPORTS,
	HOLIDAY_SPORTS,
	HOLIDAY_CULTURE,
	HOLIDAY_LABOUR,
	HOLIDAY_SUBSTITUTE,
	HOLIDAY_CITIZENS,
	HOLIDAY_ENTHRONEMENT,
	HOLIDAY_ENTHRONEMENT_CEREMONY,
	HOLIDAY_SHOWA_FUNERAL,
	HOLIDAY_ROYAL_WEDDING,
	HOLIDAY_YEAR_END,
	HOLIDAY_NONE = -1
};

static const struct holiday_name holiday_names[] = {
	[HOLIDAY_NEW_YEAR] = { "元日", "New Year's Day" },
	[HOLIDAY_COMING_OF_AGE] = { "成人の日", "Coming of Age Day" },
	[HOLIDAY_FOUNDATION] = { "建国記念の日", "National Foundation Day" },
	[HOLIDAY_EMPEROR] = { "天皇誕生日", "Emperor's Birthday" },
	[HOLIDAY_VERNAL] = { "春分の日", "Vernal Equinox Day" },
	[HOLIDAY_SHOWA] = { "昭和の日", "Showa Day" },
	[HOLIDAY_CONSTITUTION] = { "憲法記念日", "Constitution Memorial Day" },
	[HOLIDAY_GREENERY] = { "みどりの日", "Greenery Day" },
	[HOLIDAY_CHILDREN] = { "こどもの日", "Children's Day" },
	[HOLIDAY_MARINE] = { "海の日", "Marine Day" },
	[HOLIDAY_MOUNTAIN] = { "山の日", "Mountain Day" },
	[HOLIDAY_AGED] = { "敬老の日", "Respect for the Aged Day" },
	[HOLIDAY_AUTUMNAL] = { "秋分の日", "Autumnal Equinox Day" },
	[HOLIDAY_HEALTH_SPORTS] = { "体育の日", "Health and Sports Day" },
	[HOLIDAY_SPORTS] = { "スポーツの日", "Sports Day" },
	[HOLIDAY_CULTURE] = { "文化の日", "Culture Day" },
	[HOLIDAY_LABOUR] = { "勤労感謝の日", "Labour Thanksgiving Day" },
	[HOLIDAY_SUBSTITUTE] = { "振替休日", "Substitute Holiday" },
	[HOLIDAY_CITIZENS] = { "国民の休日", "Citizens' Holiday" },
	[HOLIDAY_ENTHRONEMENT] = { "即位の日", "Enthronement Day" },
	[HOLIDAY_ENTHRONEMENT_CEREMONY] = { "即位礼正殿の儀の行われる日",
					    "Enthronement Ceremony Day" },
	[HOLIDAY_SHOWA_FUNERAL] = { "昭和天皇の大喪の礼",
				    "State Funeral of Emperor Showa" },
	[HOLIDAY_ROYAL_WEDDING] = { "皇太子徳仁親王の結婚の儀",
				    "Wedding of Crown Prince Naruhito" },
	[HOLIDAY_YEAR_END] = { "年末年始休業", "year-end closure" },
};

enum holiday_kind {
	HOLIDAY_FIXED,	  /* .day is the day of the month */
	HOLIDAY_MONDAY,	  /* .day is n: the n-th Monday (Happy Monday law) */
	HOLIDAY_EQUINOX_V, /* vernal equinox, computed for the year */
	HOLIDAY_EQUINOX_A  /* autumnal equinox, computed for the year */
};

struct holiday_rule {
	int from, to; /* years the rule is in force, inclusive */
	int month;
	enum holiday_kind kind;
	int day;
	enum holiday_id id;
};

/* Year ranges follow the amendments; from < 1980 only documents when a day
 * began. One-year rules are the special laws: they count as 祝日 for the
 * substitute and citizens' rules (the 2019 law says so explicitly, which is
 * what makes 30 Apr and 2 May 2019 citizens' holidays). The 2020 and 2021
 * Olympic laws moved Marine, Sports and Mountain Day, so the regular rules
 * skip those two years. */
static const struct holiday_rule holiday_rules[] = {
	{ 1949, HOLIDAY_OPEN_END, 1, HOLIDAY_FIXED, 1, HOLIDAY_NEW_YEAR },
	{ 1949, 1999, 1, HOLIDAY_FIXED, 15, HOLIDAY_COMING_OF_AGE },
	{ 2000, HOLIDAY_OPEN_END, 1, HOLIDAY_MONDAY, 2, HOLIDAY_COMING_OF_AGE },
	{ 1967, HOLIDAY_OPEN_END, 2, HOLIDAY_FIXED, 11, HOLIDAY_FOUNDATION },
	{ 2020, HOLIDAY_OPEN_END, 2, HOLIDAY_FIXED, 23, HOLIDAY_EMPEROR },
	{ 1949, HOLIDAY_OPEN_END, 3, HOLIDAY_EQUINOX_V, 0, HOLIDAY_VERNAL },
	{ 1949, 1988, 4, HOLIDAY_FIXED, 29, HOLIDAY_EMPEROR },
	{ 1989, 2006, 4, HOLIDAY_FIXED, 29, HOLIDAY_GREENERY },
	{ 2007, HOLIDAY_OPEN_END, 4, HOLIDAY_FIXED, 29, HOLIDAY_SHOWA },
	{ 1949, HOLIDAY_OPEN_END, 5, HOLIDAY_FIXED, 3, HOLIDAY_CONSTITUTION },
	{ 2007, HOLIDAY_OPEN_END, 5, HOLIDAY_FIXED, 4, HOLIDAY_GREENERY },
	{ 1949, HOLIDAY_OPEN_END, 5, HOLIDAY_FIXED, 5, HOLIDAY_CHILDREN },
	{ 1996, 2002, 7, HOLIDAY_FIXED, 20, HOLIDAY_MARINE },
	{ 2003, 2019, 7, HOLIDAY_MONDAY, 3, HOLIDAY_MARINE },
	{ 2022, HOLIDAY_OPEN_END, 7, HOLIDAY_MONDAY, 3, HOLIDAY_MARINE },
	{ 2016, 2019, 8, HOLIDAY_FIXED, 11, HOLIDAY_MOUNTAIN },
	{ 2022, HOLIDAY_OPEN_END, 8, HOLIDAY_FIXED, 11, HOLIDAY_MOUNTAIN },
	{ 1966, 2002, 9, HOLIDAY_FIXED, 15, HOLIDAY_AGED },
	{ 2003, HOLIDAY_OPEN_END, 9, HOLIDAY_MONDAY, 3, HOLIDAY_AGED },
	{ 1948, HOLIDAY_OPEN_END, 9, HOLIDAY_EQUINOX_A, 0, HOLIDAY_AUTUMNAL },
	{ 1966, 1999, 10, HOLIDAY_FIXED, 10, HOLIDAY_HEALTH_SPORTS },
	{ 2000, 2019, 10, HOLIDAY_MONDAY, 2, HOLIDAY_HEALTH_SPORTS },
	{ 2022, HOLIDAY_OPEN_END, 10, HOLIDAY_MONDAY, 2, HOLIDAY_SPORTS },
	{ 1948, HOLIDAY_OPEN_END, 11, HOLIDAY_FIXED, 3, HOLIDAY_CULTURE },
	{ 1948, HOLIDAY_OPEN_END, 11, HOLIDAY_FIXED, 23, HOLIDAY_LABOUR },
	{ 1989, 2018, 12, HOLIDAY_FIXED, 23, HOLIDAY_EMPEROR },
	/* special laws */
	{ 1989, 1989, 2, HOLIDAY_FIXED, 24, HOLIDAY_SHOWA_FUNERAL },
	{ 1990, 1990, 11, HOLIDAY_FIXED, 12, HOLIDAY_ENTHRONEMENT_CEREMONY },
	{ 1993, 1993, 6, HOLIDAY_FIXED, 9, HOLIDAY_ROYAL_WEDDING },
	{ 2019, 2019, 5, HOLIDAY_FIXED, 1, HOLIDAY_ENTHRONEMENT },
	{ 2019, 2019, 10, HOLIDAY_FIXED, 22, HOLIDAY_ENTHRONEMENT_CEREMONY },
	{ 2020, 2020, 7, HOLIDAY_FIXED, 23, HOLIDAY_MARINE },
	{ 2020, 2020, 7, HOLIDAY_FIXED, 24, HOLIDAY_SPORTS },
	{ 2020, 2020, 8, HOLIDAY_FIXED, 10, HOLIDAY_MOUNTAIN },
	{ 2021, 2021, 7, HOLIDAY_FIXED, 22, HOLIDAY_MARINE },
	{ 2021, 2021, 7, HOLIDAY_FIXED, 23, HOLIDAY_SPORTS },
	{ 2021, 2021, 8, HOLIDAY_FIXED, 8, HOLIDAY_MOUNTAIN },
};

/* The formula fitted to the observatory's equinox times for 1980..2099
 * (the gazetted dates are only announced a year ahead). */
static int holiday_equinox(int y, double base)
{
	int n = y - HOLIDAY_FIRST_YEAR;
	return (int)(base + 0.242194 * n - n / 4);
}

static int holiday_rule_day(const struct holiday_rule *r, int y)
{
	int first;

	switch (r->kind) {
	case HOLIDAY_FIXED:
		return r->day;
	case HOLIDAY_MONDAY:
		first = date_weekday(y, r->month, 1);
		return 1 + (8 - first) % 7 + 7 * (r->day - 1);
	case HOLIDAY_EQUINOX_V:
		return holiday_equinox(y, 20.8431);
	case HOLIDAY_EQUINOX_A:
		return holiday_equinox(y, 23.2488);
	}
	return 0;
}

/* Layer 1: the 祝日 proper on y-m-d, or HOLIDAY_NONE. */
static enum holiday_id holiday_shukujitsu(int y, int m, int d)
{
	size_t i;

	for (i = 0; i < sizeof holiday_rules / sizeof holiday_rules[0]; i++) {
		const struct holiday_rule *r = &holiday_rules[i];
		if (r->month == m && y >= r->from && y <= r->to &&
		    holiday_rule_day(r, y) == d)
			return r->id;
	}
	return HOLIDAY_NONE;
}

static enum holiday_id holiday_shukujitsu_at(long days)
{
	int y, m, d;

	date_civil_from_days(days, &y, &m, &d);
	return holiday_shukujitsu(y, m, d);
}

/* Layer 2 for a day that is not itself a 祝日. Before 2007 only the Monday
 * after a Sunday 祝日 was off; since 2007 it is the first day after the
 * Sunday that is not a 祝日, so walk back over a run of 祝日 looking for a
 * Sunday (Sunday 3 May 2009 gave Wednesday 6 May). */
static int holiday_is_substitute(int y, long days)
{
	long p = days - 1;

	if (y < HOLIDAY_RULE_2007)
		return date_weekday_of(p) == 0 &&
		       holiday_shukujitsu_at(p) != HOLIDAY_NONE;
	for (; holiday_shukujitsu_at(p) != HOLIDAY_NONE; p--) {
		if (date_weekday_of(p) == 0)
			return 1;
	}
	return 0;
}

/* Layer 3 for a day that is neither a 祝日 nor a substitute day (the old
 * text excluded substitute days too; the caller tests those first). The
 * old text also excluded Sundays; the 2007 text does not, but the days it
 * can reach (a Tuesday between Respect for the Aged Day and the autumnal
 * equinox, and the special 2019 days) are never Sundays. */
static int holiday_is_citizens(int y, long days)
{
	if (y < HOLIDAY_CITIZENS_FROM)
		return 0;
	if (y < HOLIDAY_RULE_2007 && date_weekday_of(days) == 0)
		return 0;
	return holiday_shukujitsu_at(days - 1) != HOLIDAY_NONE &&
	       holiday_shukujitsu_at(days + 1) != HOLIDAY_NONE;
}

static int holiday_fill(enum holiday_id id, struct holiday_name *name)
{
	if (name != NULL)
		*name = holiday_names[id];
	return 1;
}

int holiday_lookup(int y, int m, int d, struct holiday_name *name)
{
	enum holiday_id id;
	long days;

	if (y < HOLIDAY_FIRST_YEAR || y > HOLIDAY_LAST_YEAR || d < 1 ||
	    d > date_days_in_month(y, m))
		return 0;
	id = holiday_shukujitsu(y, m, d);
	if (id != HOLIDAY_NONE)
		return holiday_fill(id, name);
	days = date_days_from_civil(y, m, d);
	if (holiday_is_substitute(y, days))
		return holiday_fill(HOLIDAY_SUBSTITUTE, name);
	if (holiday_is_citizens(y, days))
		return holiday_fill(HOLIDAY_CITIZENS, name);
	return 0;
}

int holiday_year_end(int m, int d, struct holiday_name *name)
{
	if ((m == 12 && d >= 29 && d <= 31) || (m == 1 && d >= 1 && d <= 3))
		return holiday_fill(HOLIDAY_YEAR_END, name);
	return 0;
}
