/* The HTTP worker: one thread, one curl multi handle, many easy handles:
 * the thread and the public functions. The transfers are the core of
 * http_xfer.c; what they carry is http_poll.c's (status polls) and
 * http_notify.c's (notify events). Who may touch what: http_worker_int.h.
 * The lock is never held across a curl call that can touch the network,
 * so a reader waits at most for a memcpy.
 *
 * Waking: the thread sleeps in curl_multi_poll(); http_worker_notify() and
 * http_worker_stop() interrupt it with curl_multi_wakeup(), the one libcurl
 * call meant for another thread. Stop then removes the transfers in flight,
 * which closes their sockets at once: no hanging request can delay it. */
#include "http_worker.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http_worker_int.h"
#include "msg.h"

#ifndef KIOSK_VERSION
#define KIOSK_VERSION "0"
#endif

#define HTTP_WORKER_MAX_WAIT_MS 60000L

void http_worker_set_error(struct http_worker *w, const char *who, const char *why)
{
    char *out = w->health.last_error;
    size_t size = sizeof w->health.last_error, len = 0;
    const char *parts[3] = {who, ": ", why};
    for (int i = 0; i < 3; i++) {
        size_t n = strlen(parts[i]);
        if (n > size - 1 - len)
            n = size - 1 - len;
        memcpy(out + len, parts[i], n);
        len += n;
    }
    out[len] = '\0';
}

void http_worker_default_opts(const struct config *cfg, struct http_worker_opts *out)
{
    struct config defaults;
    if (!cfg) { /* the defaults of call.connect_timeout_s and poll_interval_s */
        config_load_defaults(&defaults);
        cfg = &defaults;
    }
    int connect_s = cfg->call.connect_timeout_s, poll_s = cfg->call.poll_interval_s;
    memset(out, 0, sizeof *out);
    out->connect_timeout_ms = connect_s * 1000L;
    out->timeout_ms = out->connect_timeout_ms * 2 < 5000 ? 5000 : out->connect_timeout_ms * 2;
    out->poll_interval_ms = poll_s * 1000L;
    out->notify_attempts = 5;
    out->backoff_ms = 1000;
    out->backoff_max_ms = 16000;
    out->max_body = 64 * 1024;
    out->notify_queue_max = 64;
}

/* ---- the thread --------------------------------------------------------- */

/* How long to sleep until a poll or a retry is due (libcurl's own timers
 * shorten this inside curl_multi_poll). */
static int http_worker_wait_ms(struct http_worker *w, long long now)
{
    long long next = now + HTTP_WORKER_MAX_WAIT_MS;
    http_poll_next_due(w, &next);
    http_notify_next_due(w, &next);
    return next <= now ? 0 : (int)(next - now);
}

static int http_worker_stopping(struct http_worker *w)
{
    pthread_mutex_lock(&w->mu);
    int stop = w->stop;
    pthread_mutex_unlock(&w->mu);
    return stop;
}

static void *http_worker_main(void *arg)
{
    struct http_worker *w = arg;
    while (!http_worker_stopping(w)) {
        int running = 0;
        http_poll_start_due(w, http_xfer_now_ms());
        http_notify_start_due(w, http_xfer_now_ms());
        curl_multi_perform(w->xm.multi, &running);
        http_xfer_collect(&w->xm, w);
        curl_multi_poll(w->xm.multi, NULL, 0, http_worker_wait_ms(w, http_xfer_now_ms()), NULL);
    }
    http_xfer_abort_all(&w->xm); /* closes the sockets of what is in flight now */
    return NULL;
}

/* ---- public ------------------------------------------------------------- */

static void http_worker_free(struct http_worker *w)
{
    http_poll_free(w);
    http_xfer_multi_free(&w->xm);
    pthread_mutex_destroy(&w->mu);
    free(w);
}

static void http_worker_init_identity(struct http_worker *w, const struct config *cfg,
                                      const struct http_worker_opts *opts)
{
    if (opts)
        w->o = *opts;
    else
        http_worker_default_opts(cfg, &w->o);
    if (w->o.notify_attempts < 1)
        w->o.notify_attempts = 1;
    if (w->o.notify_queue_max < 1)
        w->o.notify_queue_max = 1;
    w->xm.connect_timeout_ms = w->o.connect_timeout_ms;
    w->xm.timeout_ms = w->o.timeout_ms;
    w->xm.max_body = w->o.max_body;
    snprintf(w->xm.user_agent, sizeof w->xm.user_agent, "kiosk/%s (%s)", KIOSK_VERSION,
             cfg && cfg->kiosk.id ? cfg->kiosk.id : "?");
}

struct http_worker *http_worker_start_opts(const struct config *cfg,
                                           const struct http_worker_opts *opts,
                                           void (*wake)(void *), void *ctx)
{
    struct http_worker *w = calloc(1, sizeof *w);
    if (!w || pthread_mutex_init(&w->mu, NULL) != 0) {
        free(w);
        msg_error("http worker: out of memory");
        return NULL;
    }
    w->wake = wake;
    w->ctx = ctx;
    http_worker_init_identity(w, cfg, opts);
    if (http_xfer_multi_init(&w->xm) != 0 || http_poll_init(w, cfg) != 0 ||
        pthread_create(&w->thread, NULL, http_worker_main, w) != 0) {
        msg_error("http worker: could not start (curl or thread set-up failed)");
        http_worker_free(w);
        return NULL;
    }
    return w;
}

int http_worker_needed(const struct config *cfg)
{
    for (int i = 0; cfg && i < cfg->n_municipalities; i++)
        if (cfg->municipalities[i].call.status_url || cfg->municipalities[i].call.notify_url)
            return 1;
    return 0;
}

struct http_worker *http_worker_start(const struct config *cfg, void (*wake)(void *), void *ctx)
{
    return http_worker_start_opts(cfg, NULL, wake, ctx);
}

void http_worker_get_status(struct http_worker *w, int muni_index, struct status_info *out)
{
    if (!w || muni_index < 0 || muni_index >= w->n) {
        status_info_unknown(out, "no such municipality");
        return;
    }
    pthread_mutex_lock(&w->mu);
    status_info_copy(out, &w->munis[muni_index].info);
    pthread_mutex_unlock(&w->mu);
}

int http_worker_poll_ok_at(struct http_worker *w, int muni_index, time_t *last_ok)
{
    *last_ok = 0;
    if (!w || muni_index < 0 || muni_index >= w->n || !w->munis[muni_index].status_url)
        return 0;
    pthread_mutex_lock(&w->mu);
    *last_ok = w->munis[muni_index].last_ok;
    pthread_mutex_unlock(&w->mu);
    return 1;
}

int http_worker_notify(struct http_worker *w, const char *json_body, const char *notify_url)
{
    if (!w)
        return -1;
    if (http_notify_queue(w, json_body, notify_url) != 0)
        return -1;
    curl_multi_wakeup(w->xm.multi);
    return 0;
}

void http_worker_get_health(struct http_worker *w, struct http_health *out)
{
    if (!w) {
        memset(out, 0, sizeof *out);
        return;
    }
    pthread_mutex_lock(&w->mu);
    *out = w->health;
    pthread_mutex_unlock(&w->mu);
}

void http_worker_stop(struct http_worker *w)
{
    if (!w)
        return;
    pthread_mutex_lock(&w->mu);
    w->stop = 1;
    pthread_mutex_unlock(&w->mu);
    curl_multi_wakeup(w->xm.multi);
    pthread_join(w->thread, NULL);
    int lost = http_notify_drop_all(w);
    if (lost)
        msg_warn("%d notify event(s) not delivered before the HTTP worker stopped", lost);
    http_worker_free(w);
}
