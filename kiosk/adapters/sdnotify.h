#ifndef KIOSK_SDNOTIFY_H
#define KIOSK_SDNOTIFY_H
/* Messages to systemd through libsystemd's sd_notify (READY=1, WATCHDOG=1,
 * STATUS=..., STOPPING=1). Without NOTIFY_SOCKET in the environment each
 * call does nothing. */

/* 1 when the kiosk runs under a service manager that listens. */
int sdnotify_enabled(void);
/* The watchdog interval asked for (seconds; 0 = none): WATCHDOG_USEC, for
 * this process or its parent (xinit) as WATCHDOG_PID says. */
double sdnotify_watchdog_interval(void);
/* Sends one message ("READY=1", "STATUS=...\nREADY=1"). Returns 1 sent,
 * 0 nobody listens, -1 failed (logged once at debug level). */
int sdnotify_send(const char *msg);
#endif
