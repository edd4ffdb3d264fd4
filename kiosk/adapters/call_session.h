#ifndef KIOSK_CALL_SESSION_H
#define KIOSK_CALL_SESSION_H
/* One video call: a fresh session id, the URL rules, the clerk's
 * notifications, and the launcher (or, without one, the system's handler:
 * open_url). Carries out the state machine's START_CALL / END_CALL
 * commands; never blocks. */
#include <time.h>

#include "app.h"
#include "http_worker.h"
#include "launcher.h"

struct call_session {
    const struct config *cfg;
    struct http_worker *http; /* may be NULL */
    struct launcher *launcher; /* NULL when none runs */
    int active;                /* between start and the final event */
    int muni;
    int started_notified;
    int via_openurl;
    char session[40];
    char url[2048];
    time_t wall_start;
    double mono_start;
    void (*wake)(void *);
    void *wake_ctx;
    /* Hands url to the system's handler when no launcher is configured (the
     * kiosk passes SDL_OpenURL here): 0, or -1 with a reason in err. */
    int (*open_url)(const char *url, char *err, size_t errsz);
    int x, y, w, h; /* where the browser goes */
    /* Counters for the admin screen. */
    int n_started, n_ended, n_failed;
};

/* Starts a call to municipality muni. Returns APP_EV_CALL_RUNNING (open_url),
 * APP_EV_TICK (a launcher started: still connecting), or APP_EV_CALL_FAILED
 * with *reason set. devices_ok: camera and microphone. */
enum app_event_kind call_session_start(struct call_session *cs, int muni, int devices_ok,
                                       time_t wall, double mono, enum app_fail_reason *reason);
/* Looks at the running call (after a wake-up or on a timer): returns
 * APP_EV_CALL_ENDED or APP_EV_CALL_FAILED when it is over (and cleans up),
 * else APP_EV_TICK. Enforces max_minutes: a launcher's browser is asked to
 * stop; an SDL_OpenURL call, with nothing to stop, ends at once. */
enum app_event_kind call_session_poll(struct call_session *cs, time_t wall, double mono,
                                      enum app_fail_reason *reason);
/* The visitor ended the call (End button or cancel): asks the browser to
 * go (the end shows later through call_session_poll), or, for an
 * open_url call with nothing to watch, ends it now (APP_EV_CALL_ENDED). */
enum app_event_kind call_session_stop(struct call_session *cs, time_t wall);
/* Ends and cleans up whatever runs (kiosk quitting). Blocks up to the grace. */
void call_session_shutdown(struct call_session *cs, time_t wall);
#endif
