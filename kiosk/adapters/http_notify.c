/* Notify events: a queue of JSON bodies POSTed to the clerks' notify_url,
 * in order per URL, retried with a doubling backoff, given up (counted as
 * lost) after the last attempt or on a failure that retrying cannot fix. */
#include <stdlib.h>
#include <string.h>

#include "http_worker_int.h"
#include "msg.h"
#include "str.h"

#define HTTP_NOTIFY_BATCH 64 /* events started per round at most */

static void http_notify_free(struct http_worker_item *it)
{
    free(it->url);
    free(it->body);
    free(it);
}

static int http_notify_lost(struct http_worker *w, const char *why, const char *url)
{
    pthread_mutex_lock(&w->mu);
    w->health.notify_lost++;
    http_worker_set_error(w, "notify", why);
    pthread_mutex_unlock(&w->mu);
    msg_warn("notify event lost (%s) for %s", why, url ? url : "(no url)");
    return -1;
}

int http_notify_queue(struct http_worker *w, const char *body, const char *url)
{
    if (!body || !url)
        return http_notify_lost(w, "no body or URL", url);
    struct http_worker_item *it = calloc(1, sizeof *it);
    if (it) {
        it->url = str_dup(url);
        it->body = str_dup(body);
    }
    if (!it || !it->url || !it->body) {
        if (it)
            http_notify_free(it);
        return http_notify_lost(w, "out of memory", url);
    }
    pthread_mutex_lock(&w->mu);
    int full = w->health.notify_pending >= w->o.notify_queue_max;
    if (!full) {
        if (w->tail)
            w->tail->next = it;
        else
            w->head = it;
        w->tail = it;
        w->health.notify_pending++;
    }
    pthread_mutex_unlock(&w->mu);
    if (full) {
        http_notify_free(it);
        return http_notify_lost(w, "queue full", url);
    }
    return 0;
}

/* Under mu: an item may go if it is not in flight and no earlier item in the
 * queue goes to the same URL (per-URL order). */
static int http_notify_ready(const struct http_worker *w, const struct http_worker_item *it)
{
    if (it->in_flight)
        return 0;
    for (const struct http_worker_item *p = w->head; p && p != it; p = p->next)
        if (strcmp(p->url, it->url) == 0)
            return 0;
    return 1;
}

/* Under mu: unlinks it from the queue. */
static void http_notify_unlink(struct http_worker *w, struct http_worker_item *it)
{
    struct http_worker_item *prev = NULL;
    for (struct http_worker_item *p = w->head; p; prev = p, p = p->next) {
        if (p != it)
            continue;
        if (prev)
            prev->next = p->next;
        else
            w->head = p->next;
        if (w->tail == p)
            w->tail = prev;
        w->health.notify_pending--;
        return;
    }
}

/* A failure that retrying will not fix: a refused URL, or a 4xx other than
 * 408 (timeout) and 429 (too many requests). */
static int http_notify_permanent(const struct http_xfer *x, CURLcode rc)
{
    if (rc == CURLE_UNSUPPORTED_PROTOCOL || rc == CURLE_URL_MALFORMAT)
        return 1;
    long code = http_xfer_code(x);
    return rc == CURLE_OK && code >= 400 && code <= 499 && code != 408 && code != 429;
}

static long http_notify_backoff(const struct http_worker *w, int attempts)
{
    long d = w->o.backoff_ms;
    for (int i = 1; i < attempts && d < w->o.backoff_max_ms; i++)
        d *= 2;
    return d > w->o.backoff_max_ms ? w->o.backoff_max_ms : d;
}

/* Under mu: the counters after one attempt. */
static void http_notify_count(struct http_worker *w, const char *why, int give_up)
{
    if (!why[0]) {
        w->health.notify_sent++;
        w->health.last_notify_ok = time(NULL);
    } else {
        w->health.notify_failures++;
        w->health.notify_lost += give_up;
        http_worker_set_error(w, "notify", why);
    }
}

static void http_notify_done(void *ctx, struct http_xfer *x, CURLcode rc)
{
    struct http_worker *w = ctx;
    struct http_worker_item *it = x->owner;
    char why[CURL_ERROR_SIZE + 64];
    http_xfer_failure(x, rc, why, sizeof why);
    it->in_flight = 0;
    it->attempts++;
    int give_up = why[0] && (it->attempts >= w->o.notify_attempts || http_notify_permanent(x, rc));
    if (why[0] && !give_up) {
        it->next_at = http_xfer_now_ms() + http_notify_backoff(w, it->attempts);
        msg_debug("notify to %s failed (attempt %d): %s", it->url, it->attempts, why);
    }
    pthread_mutex_lock(&w->mu);
    http_notify_count(w, why, give_up);
    if (!why[0] || give_up)
        http_notify_unlink(w, it);
    pthread_mutex_unlock(&w->mu);
    if (give_up)
        msg_warn("notify event lost after %d attempt(s) to %s: %s", it->attempts, it->url, why);
    if (!why[0] || give_up)
        http_notify_free(it);
}

static void http_notify_start(struct http_worker *w, struct http_worker_item *it)
{
    struct http_xfer *x =
        http_xfer_new(&w->xm, it->url, "Content-Type: application/json", http_notify_done, it);
    if (!x)
        return;
    /* No redirects: the visitor's call event goes to the clerk's host only
     * (a 3xx is a failed attempt, retried, then lost). */
    curl_easy_setopt(x->h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(x->h, CURLOPT_POSTFIELDS, it->body);
    curl_easy_setopt(x->h, CURLOPT_POSTFIELDSIZE, (long)strlen(it->body));
    if (http_xfer_add(&w->xm, x) == 0)
        it->in_flight = 1;
}

void http_notify_start_due(struct http_worker *w, long long now)
{
    struct http_worker_item *due[HTTP_NOTIFY_BATCH];
    int n = 0;
    pthread_mutex_lock(&w->mu);
    for (struct http_worker_item *it = w->head; it && n < HTTP_NOTIFY_BATCH; it = it->next)
        if (it->next_at <= now && http_notify_ready(w, it))
            due[n++] = it;
    pthread_mutex_unlock(&w->mu);
    /* Items are only unlinked by this thread, so the pointers stay valid. */
    for (int i = 0; i < n; i++)
        http_notify_start(w, due[i]);
}

void http_notify_next_due(struct http_worker *w, long long *next)
{
    pthread_mutex_lock(&w->mu);
    for (struct http_worker_item *it = w->head; it; it = it->next)
        if (it->next_at < *next && http_notify_ready(w, it))
            *next = it->next_at;
    pthread_mutex_unlock(&w->mu);
}

int http_notify_drop_all(struct http_worker *w)
{
    int lost = 0;
    while (w->head) {
        struct http_worker_item *it = w->head;
        w->head = it->next;
        http_notify_free(it);
        lost++;
    }
    w->tail = NULL;
    return lost;
}
