#ifndef KIOSK_HOURS_TEXT_H
#define KIOSK_HOURS_TEXT_H
/* Weekly opening hours as short lines: days with the same hours grouped
 * ("Mon–Fri 8:45–17:30", "Sat–Sun closed"), week starting on Monday, then
 * the days the schedule always closes: national holidays and the year-end
 * closure (schedule.h), so a visitor knows before the day comes. */
#include <stddef.h>

#include "config.h"

#define HOURS_TEXT_MAX_LINES 9
/* Writes up to HOURS_TEXT_MAX_LINES lines of at most linesz bytes each;
 * returns how many. */
int hours_text(const struct config_hours *h, const char *lang,
               char lines[][96], int max_lines);
#endif
