/* When to send WATCHDOG=1 (watchdog.h). Pure: no clock, no environment. */
#include "watchdog.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int watchdog_parse_long(const char *s, long long *out)
{
    if (!s || !*s)
        return -1;
    char *end = NULL;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno != 0 || !end || *end != '\0')
        return -1;
    *out = v;
    return 0;
}

double watchdog_interval(const char *usec, const char *pid, long self, long parent)
{
    long long us = 0, p = 0;
    if (watchdog_parse_long(usec, &us) != 0 || us <= 0)
        return 0;
    if (pid && (watchdog_parse_long(pid, &p) != 0 || (p != self && p != parent)))
        return 0;
    return (double)us / 1e6;
}

void watchdog_init(struct watchdog *w, double interval)
{
    w->interval = interval > 0 ? interval : 0;
    w->last_alive = -1;
    w->last_ping = -1;
    w->pings = 0;
}

void watchdog_alive(struct watchdog *w, double now) { w->last_alive = now; }

int watchdog_due(const struct watchdog *w, double now)
{
    if (w->interval <= 0 || w->last_alive < 0 || now - w->last_alive > w->interval)
        return 0;
    return w->last_ping < 0 || now - w->last_ping >= w->interval / 3.0;
}

void watchdog_pinged(struct watchdog *w, double now)
{
    w->last_ping = now;
    w->pings++;
}

int watchdog_sleep_ms(const struct watchdog *w, double now, int cap_ms)
{
    if (w->interval <= 0)
        return cap_ms;
    double next = w->last_ping < 0 ? now : w->last_ping + w->interval / 3.0;
    double ms = (next - now) * 1000.0 + 1;
    if (ms < 1)
        ms = 1;
    return ms < cap_ms ? (int)ms : cap_ms;
}

void watchdog_describe(const struct watchdog *w, double now, char *out, size_t outsz)
{
    if (w->interval <= 0) {
        snprintf(out, outsz, "off (not under systemd's watchdog)");
        return;
    }
    if (w->last_ping < 0) {
        snprintf(out, outsz, "on, every %.0f s, no ping yet", w->interval);
        return;
    }
    snprintf(out, outsz, "on, every %.0f s, last ping %.0f s ago", w->interval,
             now - w->last_ping);
}

int watchdog_status(char *last, size_t lastsz, const char *screen, const char *config_status)
{
    if (lastsz == 0)
        return 0;
    char now[512];
    snprintf(now, sizeof now, "screen %s; config %s", screen ? screen : "?",
             config_status && config_status[0] ? config_status : "?");
    if (lastsz < sizeof now)
        now[lastsz - 1] = '\0'; /* compared as it would be kept */
    if (strcmp(now, last) == 0)
        return 0;
    snprintf(last, lastsz, "%s", now);
    return 1;
}
