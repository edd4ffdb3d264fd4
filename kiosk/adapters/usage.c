#include "usage.h"

#include <string.h>

#include "msg.h"
#include "schedule.h"
#include "stats.h"
#include "utf8.h"

/* *busy: 1 when the records file is another kiosk's (records_start_opts). */
static struct records *usage_open(const struct config *cfg, int keep_stats, int *busy)
{
    char stats[1024], metrics[1024];
    const char *s = cfg->kiosk.stats_path && config_resolve_path(cfg, cfg->kiosk.stats_path,
                                                                 stats, sizeof stats) == 0
                        ? stats
                        : NULL;
    const char *m = cfg->kiosk.metrics_path &&
                            config_resolve_path(cfg, cfg->kiosk.metrics_path, metrics,
                                                sizeof metrics) == 0
                        ? metrics
                        : NULL;
    struct records_opts o;
    records_default_opts(&o);
    return records_start_opts(keep_stats ? s : NULL, m, &o, busy);
}

int usage_start(struct usage *u, const struct config *cfg)
{
    u->cfg = cfg;
    u->config_loaded_at = (long long)time(NULL);
    int busy = 0;
    u->records = usage_open(cfg, 1, &busy);
    return busy ? -1 : 0;
}

static int usage_same_path(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

void usage_config(struct usage *u, const struct config *old, const struct config *cfg)
{
    u->cfg = cfg;
    u->config_loaded_at = (long long)time(NULL);
    if (usage_same_path(old->kiosk.stats_path, cfg->kiosk.stats_path) &&
        usage_same_path(old->kiosk.metrics_path, cfg->kiosk.metrics_path))
        return;
    records_stop(u->records);
    int busy = 0;
    u->records = usage_open(cfg, 1, &busy);
    if (busy) { /* running already: the metrics go on, the records stop (logged) */
        msg_error("the new kiosk.stats_path is refused: this kiosk keeps no usage records "
                  "until it has a file of its own");
        u->records = usage_open(cfg, 0, &busy);
    }
}

/* One usage event with the kiosk's id and the wall clock. */
static void usage_event(struct usage *u, enum stats_kind kind, int muni, struct stats_event *ev)
{
    stats_event_init(ev, kind, time(NULL), u->cfg->kiosk.id);
    if (muni >= 0 && muni < u->cfg->n_municipalities)
        utf8_copy(ev->municipality, sizeof ev->municipality, u->cfg->municipalities[muni].id);
}

void usage_record_cmd(struct usage *u, const struct app_state *st, int rec)
{
    static const enum stats_kind kinds[] = {
        [APP_REC_SESSION_START] = STATS_SESSION_START, [APP_REC_SCREEN_VIEW] = STATS_SCREEN,
        [APP_REC_LANGUAGE] = STATS_LANGUAGE, [APP_REC_IDLE_RESET] = STATS_IDLE_RESET};
    if (!u->records || rec < 0 || rec >= (int)(sizeof kinds / sizeof kinds[0]))
        return;
    struct stats_event ev;
    usage_event(u, kinds[rec], -1, &ev);
    if (rec == APP_REC_SCREEN_VIEW)
        utf8_copy(ev.screen, sizeof ev.screen, app_screen_name(st->screen));
    if (rec == APP_REC_LANGUAGE)
        utf8_copy(ev.lang, sizeof ev.lang, app_lang(st));
    records_event(u->records, &ev);
}

void usage_call_started(struct usage *u, int muni)
{
    struct stats_event ev;
    if (!u->records)
        return;
    usage_event(u, STATS_CALL_STARTED, muni, &ev);
    records_event(u->records, &ev);
}

void usage_call_end(struct usage *u, const struct app_state *st, const struct app_event *ev,
                    double now)
{
    static const char *const reasons[] = {"", "start", "refused", "device"};
    if (!u->records || (ev->kind != APP_EV_CALL_ENDED && ev->kind != APP_EV_CALL_FAILED) ||
        !app_in_call(st))
        return;
    struct stats_event e;
    int ended = ev->kind == APP_EV_CALL_ENDED;
    usage_event(u, ended ? STATS_CALL_ENDED : STATS_CALL_FAILED, st->muni, &e);
    if (ended) { /* from the tap on Start video call to the end */
        e.has_duration = 1;
        e.duration_s = now - st->call_since;
    }
    if (!ended && (int)ev->reason >= 0 && (int)ev->reason < 4)
        utf8_copy(e.reason, sizeof e.reason, reasons[ev->reason]);
    records_event(u->records, &e);
}

void usage_frame(struct usage *u, double wall, double seconds)
{
    stats_metrics_frame(&u->frames, wall, seconds);
}

/* Each polled municipality: its last good answer and whether it is open. */
static void usage_polls(const struct usage *u, struct http_worker *http, time_t now,
                        struct stats_metrics *m)
{
    for (int i = 0; i < u->cfg->n_municipalities && m->n_polls < STATS_METRICS_MAX_MUNIS; i++) {
        time_t ok;
        if (!http_worker_poll_ok_at(http, i, &ok))
            continue;
        const struct config_municipality *cm = &u->cfg->municipalities[i];
        struct stats_metrics_poll *p = &m->polls[m->n_polls++];
        struct schedule_status s;
        utf8_copy(p->id, sizeof p->id, cm->id);
        p->last_ok = (long long)ok;
        /* Without weekly hours the status poll is all the kiosk knows: open. */
        p->open = schedule_status(cm, now, &s) != 0 || s.open;
    }
}

void usage_metrics(struct usage *u, struct http_worker *http, int camera, int microphone)
{
    time_t now = time(NULL);
    /* Once a second, and after each new frame: the file's heartbeat is then
     * never a loop turn behind (the loop may sleep a minute). */
    if (!u->records || (now == u->metrics_at && u->frames.count == u->metrics_frames))
        return;
    u->metrics_at = now;
    u->metrics_frames = u->frames.count;
    struct stats_metrics m;
    struct http_health h = {0};
    memset(&m, 0, sizeof m);
    if (http)
        http_worker_get_health(http, &h);
    utf8_copy(m.kiosk, sizeof m.kiosk, u->cfg->kiosk.id);
    utf8_copy(m.version, sizeof m.version, KIOSK_VERSION);
    for (int i = 0; i < u->cfg->n_municipalities; i++)
        if (u->cfg->municipalities[i].has_call)
            stats_metrics_muni(&m, u->cfg->municipalities[i].id);
    m.status_polls = h.polls;
    m.status_poll_failures = h.poll_failures;
    m.notify_sent = h.notify_sent;
    m.notify_lost = h.notify_lost;
    m.config_last_load = u->config_loaded_at;
    m.config_reload_failures = u->config_reload_failures;
    m.fleet = u->fleet;
    memcpy(m.fleet_fetch, u->fleet_fetch, sizeof m.fleet_fetch);
    m.fleet_last_ok = u->fleet_last_ok;
    m.config_remote = u->config_remote;
    utf8_copy(m.config_gen, sizeof m.config_gen, u->config_gen);
    m.camera_present = camera;
    m.microphone_present = microphone;
    m.config_errors = u->config_errors;
    m.config_warnings = u->config_warnings;
    m.frames = u->frames;
    if (http)
        usage_polls(u, http, now, &m);
    /* News besides the heartbeat goes out now; the heartbeat alone waits for
     * the writer's next refresh of the file (no wake-up per attract page). */
    struct stats_metrics news = m;
    memset(&news.frames, 0, sizeof news.frames);
    if (u->sent_valid && memcmp(&news, &u->sent, sizeof news) == 0) {
        records_metrics_quiet(u->records, &m);
        return;
    }
    u->sent = news;
    u->sent_valid = 1;
    records_metrics(u->records, &m);
}

void usage_stop(struct usage *u, struct http_worker *http, int camera, int microphone)
{
    u->metrics_at = 0;
    usage_metrics(u, http, camera, microphone); /* records_stop writes it with kiosk_up 0 */
    records_stop(u->records);
    u->records = NULL;
}
