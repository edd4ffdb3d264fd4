/* Status polls: each municipality's status_url fetched every poll
 * interval, its answer parsed into the status the UI reads, a change
 * waking the main loop. Failures are logged once per transition. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http_worker_int.h"
#include "msg.h"
#include "str.h"

#define HTTP_POLL_MIN_REPOLL_MS 1000LL /* after a slow poll, rest at least this long */

int http_poll_init(struct http_worker *w, const struct config *cfg)
{
    w->n = cfg ? cfg->n_municipalities : 0;
    w->munis = calloc(w->n > 0 ? (size_t)w->n : 1, sizeof *w->munis);
    if (!w->munis)
        return -1;
    for (int i = 0; i < w->n; i++) {
        const struct config_municipality *cm = &cfg->municipalities[i];
        struct http_worker_muni *m = &w->munis[i];
        const char *url = cm->has_call ? cm->call.status_url : NULL;
        m->id = str_dup(cm->id ? cm->id : "?");
        m->status_url = str_dup(url);
        status_info_unknown(&m->info, !cm->has_call ? "no call section"
                                      : url         ? "not polled yet"
                                                    : "no status_url");
        if (!m->id || (url && !m->status_url))
            return -1;
    }
    return 0;
}

void http_poll_free(struct http_worker *w)
{
    for (int i = 0; w->munis && i < w->n; i++) {
        free(w->munis[i].id);
        free(w->munis[i].status_url);
        status_info_free(&w->munis[i].info);
    }
    free(w->munis);
    w->munis = NULL;
}

/* The new status from a finished poll; returns 1 if it is a failure. */
static int http_poll_result(const struct http_xfer *x, CURLcode rc, struct status_info *out)
{
    char why[CURL_ERROR_SIZE + 64];
    http_xfer_failure(x, rc, why, sizeof why);
    if (why[0]) {
        status_info_unknown(out, why);
        return 1;
    }
    if (status_parse(x->buf ? x->buf : "", x->len, out) == 0)
        return 0;
    snprintf(why, sizeof why, "bad answer: %s", out->reason);
    status_info_unknown(out, why);
    return 1;
}

static void http_poll_log_transition(struct http_worker_muni *m, int failed, const char *reason)
{
    if (failed && !m->failing)
        msg_warn("status of %s unknown: %s (%s)", m->id, reason, m->status_url);
    else if (!failed && m->failing)
        msg_info("status of %s answers again", m->id);
    m->failing = failed;
}

static void http_poll_done(void *ctx, struct http_xfer *x, CURLcode rc)
{
    struct http_worker *w = ctx;
    struct http_worker_muni *m = x->owner;
    struct status_info fresh;
    int failed = http_poll_result(x, rc, &fresh);
    long long now = http_xfer_now_ms();
    m->in_flight = 0;
    if (m->next_poll < now + HTTP_POLL_MIN_REPOLL_MS)
        m->next_poll = now + HTTP_POLL_MIN_REPOLL_MS;
    http_poll_log_transition(m, failed, fresh.reason);

    pthread_mutex_lock(&w->mu);
    int changed = !status_info_equal(&m->info, &fresh);
    status_info_free(&m->info);
    m->info = fresh; /* takes ownership of fresh.message */
    w->health.polls++;
    if (failed) {
        w->health.poll_failures++;
        http_worker_set_error(w, m->id, fresh.reason);
    } else {
        w->health.last_poll_ok = time(NULL);
        m->last_ok = w->health.last_poll_ok;
    }
    pthread_mutex_unlock(&w->mu);
    if (changed && w->wake)
        w->wake(w->ctx);
}

static void http_poll_start(struct http_worker *w, struct http_worker_muni *m, long long now)
{
    m->next_poll = now + w->o.poll_interval_ms;
    struct http_xfer *x = http_xfer_new(&w->xm, m->status_url, NULL, http_poll_done, m);
    if (!x)
        return;
    /* No redirects: another host's answer must never show as the clerk's
     * (a 3xx counts as no valid answer: status unknown). */
    curl_easy_setopt(x->h, CURLOPT_FOLLOWLOCATION, 0L);
    if (http_xfer_add(&w->xm, x) == 0)
        m->in_flight = 1;
}

void http_poll_start_due(struct http_worker *w, long long now)
{
    for (int i = 0; i < w->n; i++) {
        struct http_worker_muni *m = &w->munis[i];
        if (m->status_url && !m->in_flight && m->next_poll <= now)
            http_poll_start(w, m, now);
    }
}

void http_poll_next_due(const struct http_worker *w, long long *next)
{
    for (int i = 0; i < w->n; i++)
        if (w->munis[i].status_url && !w->munis[i].in_flight && w->munis[i].next_poll < *next)
            *next = w->munis[i].next_poll;
}
