#ifndef KIOSK_AVAIL_H
#define KIOSK_AVAIL_H
/* Can a video consultation start now? Combines the opening hours
 * (schedule) with the clerk's status poll. Pure. */
#include <stddef.h>
#include <time.h>

#include "config.h"
#include "schedule.h"
#include "status.h"

enum avail_state {
    AVAIL_INFO_ONLY, /* no remote counter */
    AVAIL_OPEN,      /* open and not known to be busy: the call button shows */
    AVAIL_BUSY,      /* open, but the clerk is busy */
    AVAIL_CLOSED     /* outside hours, holiday, year-end, closed date */
};

struct avail {
    enum avail_state state;
    int status_known; /* 0 = the status poll has no answer (status unknown) */
    struct schedule_status sched;
    int has_sched;
};

/* status may be NULL (no poll). */
void avail_compute(const struct config_municipality *m, const struct status_info *status,
                   time_t now, struct avail *out);
/* 1 if the Start video call button may be offered. */
int avail_callable(const struct avail *a);
/* A short localized line for the tile / detail screen, into out. */
void avail_describe(const struct avail *a, const struct status_info *status, const char *lang,
                    char *out, size_t outsz);
#endif
