#ifndef KIOSK_HOLIDAY_H
#define KIOSK_HOLIDAY_H
/* Japan's national holidays (国民の祝日に関する法律), computed by rule for
 * 1980..2099, including substitute holidays (振替休日), citizens' holidays
 * (国民の休日), equinox days computed for the year, and the special years
 * (2019 enthronement days, 2020 and 2021 Olympic moves). */
struct holiday_name { const char *ja; const char *en; };
/* Returns 1 and fills *name (static strings, never freed) if y-m-d is a
 * national holiday, else 0. name may be NULL. */
int holiday_lookup(int y, int m, int d, struct holiday_name *name);
/* Year-end closure of Japanese public offices: 29 Dec .. 3 Jan.
 * Returns 1 for those days (name filled with 年末年始休業 / year-end closure). */
int holiday_year_end(int m, int d, struct holiday_name *name);
#endif
