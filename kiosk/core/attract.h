#ifndef KIOSK_ATTRACT_H
#define KIOSK_ATTRACT_H
/* Home's attract loop: the welcome card, then one card per regional
 * service, each shown long enough to read. Pure (no clock, no SDL): the
 * caller gives the seconds since the loop started. */
#include "config.h"

/* Reading rates of a visitor standing at the kiosk, slow on purpose:
 * Japanese, Chinese and Korean about 8 characters a second, other scripts
 * (Latin letters, digits) about 15. Each card stays at least
 * ATTRACT_MIN_S, plus ATTRACT_FIND_S to find where the text starts, and at
 * most ATTRACT_MAX_S. */
#define ATTRACT_WIDE_PER_S 8.0
#define ATTRACT_NARROW_PER_S 15.0
#define ATTRACT_FIND_S 3.0
#define ATTRACT_MIN_S 8.0
#define ATTRACT_MAX_S 40.0
#define ATTRACT_MAX_PAGES 101 /* welcome + config_tables' 100 services */

/* Seconds to read text (UTF-8; spaces and newlines are free), with the
 * minimum and maximum applied. */
double attract_dwell_s(const char *text);
/* The dwell of each page in lang: page 0 the welcome card ("touch to
 * start": ATTRACT_MIN_S), page k the title and text of service k-1.
 * Writes at most max and returns the page count. */
int attract_dwells(const struct config *cfg, const char *lang, double *out, int max);
/* The page showing since seconds after the loop began (cycling through the
 * n pages of dwell), and in *next the seconds since the start at which it
 * changes. n <= 0 gives page 0 that never changes. */
int attract_page_at(const double *dwell, int n, double since, double *next);
/* How many whole rounds of the n pages were shown before since (0 during the
 * first round); -1 when n <= 0 or the pages take no time. */
int attract_round_at(const double *dwell, int n, double since);
#endif
