#ifndef KIOSK_WATCHDOG_H
#define KIOSK_WATCHDOG_H
/* When the kiosk may tell systemd it is alive (sd_notify WATCHDOG=1), as
 * pure logic: the loop reports what it did, this says whether to ping, and
 * how long the loop may sleep so that a ping is never late.
 *
 * The rule: ping only when the loop has, within the last interval,
 * presented a frame or come back from a sleep it chose. Pings are sent
 * from the loop itself, so a loop stuck in drawing, in a worker's lock or
 * in a hung X server sends none, and systemd restarts the kiosk after
 * WatchdogSec. Times are seconds on a monotonic clock. */
#include <stddef.h>

struct watchdog {
    double interval;   /* systemd's WatchdogSec; 0 = no watchdog */
    double last_alive; /* last frame presented or chosen sleep ended; < 0 = never */
    double last_ping;  /* last WATCHDOG=1 sent; < 0 = never */
    int pings;         /* WATCHDOG=1 sent so far */
};

/* The watchdog interval in seconds from WATCHDOG_USEC and WATCHDOG_PID
 * (either may be NULL), for a process self whose parent is parent: 0
 * unless usec is a positive whole number and pid is absent, self, or the
 * parent. The parent counts because under xinit the service's main
 * process (WATCHDOG_PID) is xinit, and the kiosk is its child. */
double watchdog_interval(const char *usec, const char *pid, long self, long parent);
void watchdog_init(struct watchdog *w, double interval);
/* The loop presented a frame, or its sleep ended (by timeout or event). */
void watchdog_alive(struct watchdog *w, double now);
/* 1 when WATCHDOG=1 should go now: a watchdog is on, the loop was alive
 * within the interval, and the last ping is at least a third of the
 * interval old (three chances per interval). */
int watchdog_due(const struct watchdog *w, double now);
void watchdog_pinged(struct watchdog *w, double now);
/* The longest the loop may sleep (ms) so the next ping is on time, at most
 * cap_ms; cap_ms when there is no watchdog. */
int watchdog_sleep_ms(const struct watchdog *w, double now, int cap_ms);
/* "on, every 30 s, last ping 3 s ago", "off (not under systemd's watchdog)". */
void watchdog_describe(const struct watchdog *w, double now, char *out, size_t outsz);
/* The STATUS= text systemd shows: "screen home; config loaded, 0 warning(s)".
 * Returns 1 when it differs from last (which it then becomes), 0 when the
 * same (nothing to send). */
int watchdog_status(char *last, size_t lastsz, const char *screen, const char *config_status);
#endif
