#include "host.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "avail.h"
#include "config_watch.h"
#include "msg.h"
#include "schedule.h"

void host_config_status(char *out, size_t outsz, int rc, const struct config_diags *diags)
{
    if (rc == 0)
        snprintf(out, outsz, "loaded, %d warning(s)", diags->n_warnings);
    else if (diags->n > 0 &&
             snprintf(out, outsz, "NEW FILE REJECTED (last good config kept): %d:%d %s: %s",
                      diags->d[0].line, diags->d[0].col, diags->d[0].path,
                      diags->d[0].message) >= (int)outsz)
        msg_debug("config status cut to %zu bytes for the admin screen", outsz - 1);
}

/* One log line per problem of diags. */
static void host_log_diags(const struct host *h, const struct config_diags *diags)
{
    for (int i = 0; i < diags->n; i++) {
        char line[768];
        config_diags_format(&diags->d[i], h->o.config, line, sizeof line);
        msg_info("%s", line); /* the line says error or warning itself */
    }
}

/* Loads the config file into out, one log line per problem; defer_pin:
 * without the example-PIN check (host_check_pin runs it). */
static int host_load_into(struct host *h, struct config *out, int defer_pin)
{
    struct config_diags diags = {0};
    struct config_load_opts opts = {.image_probe = h->o.image_probe,
                                    .fonts_dir = h->o.fonts_dir, .data_dir = h->o.data_dir,
                                    .defer_pin_check = defer_pin};
    int rc = config_load(h->o.config, &opts, out, &diags);
    host_log_diags(h, &diags);
    host_config_status(h->config_status, sizeof h->config_status, rc, &diags);
    h->usage.config_errors = diags.n_errors;
    h->usage.config_warnings = diags.n_warnings;
    config_diags_free(&diags);
    return rc;
}

void host_check_pin(struct host *h)
{
    struct config_diags diags = {0};
    if (!h->pin_check_due)
        return;
    h->pin_check_due = 0;
    if (config_check_pin_example(&h->cfg, &diags)) {
        host_log_diags(h, &diags);
        h->usage.config_warnings += diags.n_warnings;
        snprintf(h->config_status, sizeof h->config_status, "loaded, %d warning(s)",
                 h->usage.config_warnings);
        h->dirty = 1;
    }
    config_diags_free(&diags);
}

int host_load(struct host *h, const struct host_opts *o)
{
    memset(h, 0, sizeof *h);
    h->o = *o;
    h->pin_check_due = o->workers != 0;
    if (host_load_into(h, &h->cfg, h->pin_check_due) != 0)
        return -1;
    host_fleet_apply(h, &h->cfg, &h->fleet.cfg_remote, h->fleet.cfg_gen);
    return 0;
}

static void host_status_free(struct host *h)
{
    for (int i = 0; h->status && i < h->cfg.n_municipalities; i++)
        status_info_free(&h->status[i]);
    free(h->status);
    h->status = NULL;
}

/* (Re)starts what depends on the config: status worker and status copies. */
static void host_attach_config(struct host *h)
{
    http_worker_stop(h->http);
    h->http = h->workers_on && http_worker_needed(&h->cfg)
                  ? http_worker_start(&h->cfg, h->o.hooks.wake, h->o.hooks.ctx)
                  : NULL;
    host_status_free(h);
    h->status = calloc((size_t)(h->cfg.n_municipalities ? h->cfg.n_municipalities : 1),
                       sizeof *h->status);
    h->call.cfg = &h->cfg;
    h->call.http = h->http;
}

int host_start(struct host *h, const char *lang, double now)
{
    app_init(&h->st, &h->cfg, now);
    if (lang && app_set_lang(&h->st, lang) != 0)
        msg_warn("--lang %s: not declared in the config; using %s", lang,
                 h->cfg.kiosk.default_language);
    h->call.wake = h->o.hooks.wake;
    h->call.wake_ctx = h->o.hooks.ctx;
    h->call.open_url = h->o.hooks.open_url;
    host_attach_config(h);
    if (!h->o.workers)
        return 0;
    if (usage_start(&h->usage, &h->cfg) != 0)
        return -1; /* another kiosk's records file */
    return 0;
}

void host_start_workers(struct host *h)
{
    if (!h->o.workers || h->workers_on)
        return;
    h->workers_on = 1;
    h->http = http_worker_needed(&h->cfg)
                  ? http_worker_start(&h->cfg, h->o.hooks.wake, h->o.hooks.ctx)
                  : NULL;
    h->call.http = h->http;
    h->watch = config_watch_start(h->o.config, h->o.hooks.wake, h->o.hooks.ctx);
    host_fleet_start(h);
}

void host_stop(struct host *h, double now)
{
    if (app_in_call(&h->st)) { /* the kiosk quits mid-call: the call ends here */
        struct app_event ev = {.kind = APP_EV_CALL_ENDED};
        usage_call_end(&h->usage, &h->st, &ev, now);
    }
    call_session_shutdown(&h->call, time(NULL));
    if (h->o.workers)
        usage_stop(&h->usage, h->http, h->camera, h->microphone);
    http_worker_stop(h->http);
    h->http = NULL;
    config_watch_stop(h->watch);
    h->watch = NULL;
    host_fleet_free(h);
    host_status_free(h);
    if (h->next_ready)
        config_free(&h->next);
    h->next_ready = 0;
    config_free(&h->cfg);
}

/* Between visitors: the waiting config replaces the one in use. */
static void host_swap_config(struct host *h)
{
    if (!h->next_ready)
        return;
    http_worker_stop(h->http);
    h->http = NULL;
    host_status_free(h);
    /* The language by its code, read now: h->cfg is overwritten below, and
     * the state's index would then pick from the new config's list. */
    char lang[64];
    snprintf(lang, sizeof lang, "%s", app_lang(&h->st));
    struct config old = h->cfg;
    h->cfg = h->next;
    h->next_ready = 0;
    h->pin_check_due = 0; /* the new file's load checked its PIN */
    h->fleet.cfg_remote = h->fleet.next_remote;
    memcpy(h->fleet.cfg_gen, h->fleet.next_gen, sizeof h->fleet.cfg_gen);
    memset(&h->next, 0, sizeof h->next);
    if (h->o.hooks.config_swapped)
        h->o.hooks.config_swapped(h->o.hooks.ctx, &h->cfg);
    app_set_config(&h->st, &h->cfg, lang);
    host_attach_config(h);
    if (h->o.workers)
        usage_config(&h->usage, &old, &h->cfg);
    msg_info("config reloaded: %d municipalities (from %s, generation %s)",
             h->cfg.n_municipalities, h->fleet.cfg_remote ? h->cfg.fleet.config_url : h->o.config,
             h->fleet.cfg_gen);
    if (h->workers_on && (!old.fleet.config_url || !h->cfg.fleet.config_url ||
                         strcmp(old.fleet.config_url, h->cfg.fleet.config_url) != 0)) {
        host_fleet_stop(h); /* the local file changed where the rest comes from */
        host_fleet_start(h);
    }
    config_free(&old);
    h->dirty = 1;
}

void host_offer(struct host *h, struct config *fresh, int remote, const char *gen, double now)
{
    if (h->next_ready)
        config_free(&h->next);
    h->next = *fresh;
    h->next_ready = 1;
    h->fleet.next_remote = remote;
    snprintf(h->fleet.next_gen, sizeof h->fleet.next_gen, "%s", gen);
    struct app_event ev = {.kind = APP_EV_CONFIG_READY};
    struct app_cmds cmds;
    app_handle(&h->st, &ev, now, &cmds);
    for (int i = 0; i < cmds.n; i++)
        if (cmds.c[i].kind == APP_CMD_SWAP_CONFIG)
            host_swap_config(h);
    if (h->next_ready) /* never swapped under a visitor */
        msg_info("config %s is valid: held back until the visitor leaves",
                 remote ? h->next.fleet.config_url : h->o.config);
}

void host_reload(struct host *h, double now)
{
    struct config fresh;
    if (host_load_into(h, &fresh, 0) != 0) {
        h->usage.config_reload_failures++;
        msg_error("config %s has errors: the kiosk keeps running the last good config",
                  h->o.config);
        h->dirty = 1;
        return;
    }
    int remote = 0;
    char gen[13];
    host_fleet_apply(h, &fresh, &remote, gen);
    host_offer(h, &fresh, remote, gen, now);
}

/* What the call session says next (anything but TICK) goes to the state
 * machine; returns the kind. */
static enum app_event_kind host_call_event(struct host *h, enum app_event_kind k,
                                           enum app_fail_reason reason, double now)
{
    if (k == APP_EV_TICK)
        return k;
    struct app_event ev = {.kind = k, .reason = reason};
    host_feed(h, &ev, now);
    return k;
}

static void host_start_call(struct host *h, int muni, double now)
{
    enum app_fail_reason reason = APP_FAIL_NONE;
    int devices_ok = !h->cfg.call.require_devices || (h->camera && h->microphone);
    if (h->o.hooks.call_place)
        h->o.hooks.call_place(h->o.hooks.ctx, &h->call);
    enum app_event_kind k = call_session_start(&h->call, muni, devices_ok, time(NULL), now,
                                               &reason);
    host_call_event(h, k, reason, now);
}

static void host_command(struct host *h, const struct app_cmd *c, double now)
{
    switch (c->kind) {
    case APP_CMD_START_CALL:
        usage_call_started(&h->usage, c->arg);
        host_start_call(h, c->arg, now);
        break;
    case APP_CMD_END_CALL:
        host_call_event(h, call_session_stop(&h->call, time(NULL)), APP_FAIL_NONE, now);
        break;
    case APP_CMD_SWAP_CONFIG: host_swap_config(h); break;
    case APP_CMD_RELOAD_CONFIG: host_reload(h, now); break;
    case APP_CMD_QUIT: h->quit = 1; break;
    case APP_CMD_RECORD: usage_record_cmd(&h->usage, &h->st, c->arg); break;
    }
}

void host_feed(struct host *h, const struct app_event *ev, double now)
{
    struct app_cmds cmds;
    enum app_screen before = h->st.screen;
    usage_call_end(&h->usage, &h->st, ev, now); /* before app_handle: it reads the call */
    app_handle(&h->st, ev, now, &cmds);
    if (h->st.screen != before || ev->kind == APP_EV_ACTION)
        h->dirty = 1;
    if (h->st.screen != before)
        msg_debug("screen %s -> %s", app_screen_name(before), app_screen_name(h->st.screen));
    for (int i = 0; i < cmds.n; i++)
        host_command(h, &cmds.c[i], now);
    if (h->o.hooks.after_event)
        h->o.hooks.after_event(h->o.hooks.ctx, before);
}

/* What the tile now says, in English, for the log (and the tests). */
static void host_log_status(struct host *h, int i)
{
    struct avail a;
    char line[256];
    const struct config_municipality *m = &h->cfg.municipalities[i];
    if (!m->has_call || !m->call.status_url)
        return;
    avail_compute(m, &h->status[i], time(NULL), &a);
    avail_describe(&a, &h->status[i], "en", line, sizeof line);
    msg_info("status %s: %s%s%s", m->id, line, h->status[i].reason[0] ? " — " : "",
             h->status[i].reason);
}

/* Copies the worker's results; returns 1 if anything changed. */
static int host_refresh_status(struct host *h)
{
    int changed = 0;
    for (int i = 0; h->http && h->status && i < h->cfg.n_municipalities; i++) {
        struct status_info s;
        http_worker_get_status(h->http, i, &s);
        if (!status_info_equal(&s, &h->status[i])) {
            status_info_free(&h->status[i]);
            h->status[i] = s;
            changed = 1;
            host_log_status(h, i);
        } else {
            status_info_free(&s);
        }
    }
    return changed;
}

void host_wakeup(struct host *h, double now)
{
    if (host_refresh_status(h))
        h->dirty = 1;
    host_fleet_wakeup(h, now);
    int err = 0;
    if (h->watch && config_watch_take_gone(h->watch, &err)) {
        /* Once per disappearance, not at every look: the staff see why
         * their edits are not taken, the visitors see no change. */
        msg_error("config %s is gone (%s): the kiosk keeps running the last good config and "
                  "loads the file again when it is back", h->o.config,
                  err == ELOOP ? "a symlink loop: too many levels of symbolic links"
                               : strerror(err));
        snprintf(h->config_status, sizeof h->config_status,
                 "FILE GONE (last good config kept): %s", strerror(err));
        h->dirty = 1;
    }
    if (h->watch && config_watch_take_change(h->watch)) {
        msg_info("config %s changed: checking it", h->o.config);
        host_reload(h, now);
    }
    enum app_fail_reason reason = APP_FAIL_NONE;
    enum app_event_kind k = call_session_poll(&h->call, time(NULL), now, &reason);
    k = host_call_event(h, k, reason, now);
    if ((k == APP_EV_CALL_ENDED || k == APP_EV_CALL_FAILED) && h->o.hooks.call_over)
        h->o.hooks.call_over(h->o.hooks.ctx);
}

void host_tick(struct host *h, double now)
{
    struct app_event ev = {.kind = APP_EV_TICK};
    host_feed(h, &ev, now);
    if (h->call.active)
        host_wakeup(h, now); /* max_minutes and the connecting -> running step */
    h->usage.config_remote = h->fleet.cfg_remote;
    memcpy(h->usage.config_gen, h->fleet.cfg_gen, sizeof h->usage.config_gen);
    usage_metrics(&h->usage, h->http, h->camera, h->microphone);
}

void host_running_text(char *out, size_t outsz, double uptime, const char *watchdog)
{
    long min = uptime > 0 ? (long)(uptime / 60) : 0;
    char up[48];
    if (min < 60)
        snprintf(up, sizeof up, "up %ld min", min);
    else if (min < 24 * 60)
        snprintf(up, sizeof up, "up %ld h %ld min", min / 60, min % 60);
    else
        snprintf(up, sizeof up, "up %ld d %ld h", min / (24 * 60), min / 60 % 24);
    snprintf(out, outsz, "%s  ·  watchdog %s", up, watchdog && watchdog[0] ? watchdog : "off");
}

void host_loaded_text(char *out, size_t outsz, long long loaded_at)
{
    if (loaded_at <= 0) {
        snprintf(out, outsz, "load time unknown");
        return;
    }
    struct schedule_local l;
    schedule_local_time((time_t)loaded_at, &l);
    snprintf(out, outsz, "loaded %04d-%02d-%02d %02d:%02d", l.y, l.m, l.d, l.hour, l.min);
}

void host_text(const struct host *h, struct host_text *t)
{
    struct http_health hh = {0};
    struct stats_today td;
    struct config_diags none = {0};
    if (h && h->http)
        http_worker_get_health(h->http, &hh);
    records_today(h ? h->usage.records : NULL, &td);
    t->fleet[0] = '\0';
    if (h)
        host_fleet_text(h, t->fleet, sizeof t->fleet);
    if (h)
        snprintf(t->config_status, sizeof t->config_status, "%s", h->config_status);
    else
        host_config_status(t->config_status, sizeof t->config_status, 0, &none);
    snprintf(t->health, sizeof t->health,
             "%ld polls, %ld failed; notify %ld sent, %ld failed, %ld lost%s%s", hh.polls,
             hh.poll_failures, hh.notify_sent, hh.notify_failures, hh.notify_lost,
             hh.last_error[0] ? " · last: " : "", hh.last_error);
    snprintf(t->counts, sizeof t->counts,
             "today: %ld visitors, %ld calls started, %ld ended, %ld failed", td.sessions,
             td.calls.started, td.calls.ended, td.calls.failed);
}

int host_frame_state(const struct config *cfg, const struct host_frame *f, double now,
                     struct app_state *st)
{
    app_init(st, cfg, now);
    if (f->lang && app_set_lang(st, f->lang) != 0) {
        msg_error("--lang %s: the config does not declare this language", f->lang);
        return -1;
    }
    if (app_show(st, f->screen, now) != 0) {
        msg_error("--screen %s: unknown screen or id (see --help)", f->screen);
        return -1;
    }
    st->high_contrast = f->high_contrast;
    st->large_text = f->large_text;
    return 0;
}
