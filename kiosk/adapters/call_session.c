#include "call_session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "sha256.h"
#include "session.h"
#include "status.h"
#include "urlrule.h"

static void call_session_notify(struct call_session *cs, enum status_event ev, int duration_s,
                        const char *reason)
{
    const struct config_municipality *m = &cs->cfg->municipalities[cs->muni];
    if (!cs->http || !m->call.notify_url)
        return;
    struct status_notify n = {.event = ev, .kiosk = cs->cfg->kiosk.id,
                              .municipality = m->id, .session = cs->session,
                              .url = cs->url[0] ? cs->url : NULL, .time = time(NULL),
                              .duration_s = duration_s, .reason = reason};
    char *body = NULL;
    /* A full queue is logged and counted by the worker itself. */
    if (status_notify_json(&n, &body) == 0)
        http_worker_notify(cs->http, body, m->call.notify_url);
    free(body);
}

static enum app_event_kind call_session_fail(struct call_session *cs, enum app_fail_reason why,
                                     const char *reason, enum app_fail_reason *out)
{
    msg_warn("call to %s failed: %s", cs->cfg->municipalities[cs->muni].id, reason);
    call_session_notify(cs, STATUS_EVENT_CALL_FAILED, 0, reason);
    cs->active = 0;
    cs->n_failed++;
    *out = why;
    return APP_EV_CALL_FAILED;
}

static int call_session_launch(struct call_session *cs, char *err, size_t errsz)
{
    const struct config_call *cc = &cs->cfg->call;
    if (cc->n_launcher == 0) {
        cs->via_openurl = 1;
        if (!cs->open_url) {
            snprintf(err, errsz, "no launcher and no system handler");
            return -1;
        }
        return cs->open_url(cs->url, err, errsz);
    }
    struct launcher_opts o = {.argv = cc->launcher, .argc = cc->n_launcher, .url = cs->url,
                              .x = cs->x, .y = cs->y, .w = cs->w, .h = cs->h,
                              .wake = cs->wake, .wake_ctx = cs->wake_ctx};
    cs->launcher = launcher_start(&o, err, errsz);
    return cs->launcher ? 0 : -1;
}

enum app_event_kind call_session_start(struct call_session *cs, int muni, int devices_ok,
                                       time_t wall, double mono, enum app_fail_reason *reason)
{
    const struct config_municipality *m = &cs->cfg->municipalities[muni];
    char why[256];
    cs->muni = muni;
    cs->active = 1;
    cs->started_notified = 0;
    cs->via_openurl = 0;
    cs->url[0] = '\0';
    if (session_new_id(cs->session, sizeof cs->session) != 0)
        return call_session_fail(cs, APP_FAIL_START, "no random session id", reason);
    if (urlrule_session_url(m->call.url, cs->session, cs->url, sizeof cs->url) != 0 ||
        urlrule_check(cs->url, cs->cfg->call.allowed_hosts, cs->cfg->call.n_allowed_hosts, why,
                      sizeof why) != 0) {
        msg_error("refused to open the call URL of %s: %s", m->id,
                  cs->url[0] ? why : "URL too long");
        return call_session_fail(cs, APP_FAIL_REFUSED, "url refused", reason);
    }
    if (!devices_ok)
        return call_session_fail(cs, APP_FAIL_DEVICE, "camera or microphone missing", reason);
    call_session_notify(cs, STATUS_EVENT_CALL_REQUESTED, 0, NULL);
    if (call_session_launch(cs, why, sizeof why) != 0)
        return call_session_fail(cs, APP_FAIL_START, why, reason);
    /* Not the session id itself: with it, anyone reading the journal could
     * join the visitor's room. 8 hex digits of its SHA-256 match lines. */
    char tag[2 * SHA256_BYTES + 1];
    if (sha256_hex(cs->session, strlen(cs->session), tag) != 0)
        snprintf(tag, sizeof tag, "?");
    tag[8] = '\0';
    msg_info("call to %s started (session #%s)", m->id, tag);
    cs->wall_start = wall;
    cs->mono_start = mono;
    cs->n_started++;
    /* A launched browser shows "connecting" until it outlives the early
     * window (call_session_poll says RUNNING then); SDL_OpenURL is fire and
     * forget. */
    return cs->via_openurl ? APP_EV_CALL_RUNNING : APP_EV_TICK;
}

/* A launcher's call counts as started once it has outlived the early window. */
static int call_session_check_started(struct call_session *cs, double mono)
{
    if (!cs->started_notified && mono - cs->mono_start >= LAUNCHER_EARLY_MS / 1000.0) {
        cs->started_notified = 1;
        call_session_notify(cs, STATUS_EVENT_CALL_STARTED, 0, NULL);
        return 1;
    }
    return 0;
}

static enum app_event_kind call_session_finish(struct call_session *cs, time_t wall)
{
    int secs = (int)(wall - cs->wall_start);
    if (!cs->started_notified)
        call_session_notify(cs, STATUS_EVENT_CALL_STARTED, 0, NULL);
    call_session_notify(cs, STATUS_EVENT_CALL_ENDED, secs < 0 ? 0 : secs, NULL);
    msg_info("call to %s ended after %d s", cs->cfg->municipalities[cs->muni].id, secs);
    cs->active = 0;
    cs->n_ended++;
    return APP_EV_CALL_ENDED;
}

/* The system's handler is fire and forget: there is no process to watch, so
 * the call lasts until the in-call screen's End button, the idle reset, or
 * max_minutes counted from the start here. */
static enum app_event_kind call_session_poll_openurl(struct call_session *cs, time_t wall,
                                                     double mono)
{
    if (mono - cs->mono_start < cs->cfg->call.max_minutes * 60.0)
        return APP_EV_TICK;
    msg_warn("call reached max_minutes (%d): ending it", cs->cfg->call.max_minutes);
    return call_session_finish(cs, wall);
}

enum app_event_kind call_session_poll(struct call_session *cs, time_t wall, double mono,
                                      enum app_fail_reason *reason)
{
    if (!cs->active)
        return APP_EV_TICK;
    if (cs->via_openurl)
        return call_session_poll_openurl(cs, wall, mono);
    int status = 0;
    enum launcher_state s = launcher_state(cs->launcher, &status, NULL);
    if (s == LAUNCHER_RUNNING || s == LAUNCHER_STOPPING) {
        if (launcher_elapsed(cs->launcher) > cs->cfg->call.max_minutes * 60.0 &&
            s == LAUNCHER_RUNNING) {
            msg_warn("call reached max_minutes (%d): ending it", cs->cfg->call.max_minutes);
            launcher_request_stop(cs->launcher);
        }
        if (s == LAUNCHER_RUNNING && call_session_check_started(cs, mono))
            return APP_EV_CALL_RUNNING;
        return APP_EV_TICK;
    }
    int early = s == LAUNCHER_START_FAILED;
    char why[256];
    snprintf(why, sizeof why, "%s", launcher_why(cs->launcher));
    launcher_destroy(cs->launcher);
    cs->launcher = NULL;
    if (early)
        return call_session_fail(cs, APP_FAIL_START, why, reason);
    return call_session_finish(cs, wall);
}

enum app_event_kind call_session_stop(struct call_session *cs, time_t wall)
{
    if (cs->launcher)
        launcher_request_stop(cs->launcher);
    else if (cs->active)
        return call_session_finish(cs, wall); /* SDL_OpenURL: nothing to wait for */
    return APP_EV_TICK;
}

void call_session_shutdown(struct call_session *cs, time_t wall)
{
    if (cs->launcher) {
        launcher_destroy(cs->launcher);
        cs->launcher = NULL;
    }
    if (cs->active)
        call_session_finish(cs, wall);
}
