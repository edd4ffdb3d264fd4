#ifndef KIOSK_HTTP_WORKER_H
#define KIOSK_HTTP_WORKER_H
/* The one background thread that talks HTTP: it polls every municipality's
 * status_url and posts notify events to notify_url with retries. The UI
 * thread never waits on the network: every function here only takes the
 * worker's private mutex long enough to copy data in or out.
 *
 * One thread runs all transfers side by side (libcurl's multi interface), so
 * one hanging clerk endpoint delays neither the other polls nor a notify.
 * libcurl is opened, and curl_global_init run once, by the first curl call
 * (curl_load.c), whichever thread makes it. */
#include <stddef.h>
#include <time.h>

#include "config.h"
#include "status.h"

struct http_worker;

/* Tunables; http_worker_default_opts() fills them from the config. */
struct http_worker_opts {
    long connect_timeout_ms; /* call.connect_timeout_s */
    long timeout_ms;         /* a whole request: 2 x connect, at least 5 s */
    long poll_interval_ms;   /* call.poll_interval_s; first poll at start */
    int notify_attempts;     /* 5: then the event is lost (logged, counted) */
    long backoff_ms;         /* 1000: wait before the 2nd attempt, doubling... */
    long backoff_max_ms;     /* ...up to 16000 */
    size_t max_body;         /* 64 KiB: a longer answer is cut off and is a failure */
    int notify_queue_max;    /* 64 events waiting; more are lost (logged, counted) */
};

/* Counters for the admin screen and metrics. Times are wall clock; 0 = never. */
struct http_health {
    long polls;           /* finished status polls */
    long poll_failures;   /* ... of which failed (no answer, HTTP error, bad JSON) */
    long notify_sent;     /* events delivered (2xx) */
    long notify_failures; /* failed attempts, retried or not */
    long notify_lost;     /* events given up after retries, refused, or dropped */
    int notify_pending;   /* events waiting or being sent */
    time_t last_poll_ok;
    time_t last_notify_ok;
    char last_error[160]; /* last failure, "ID: reason" or "notify: reason" */
};

void http_worker_default_opts(const struct config *cfg, struct http_worker_opts *out);

/* 1 if cfg gives the worker anything to do: a municipality with a
 * call.status_url or a call.notify_url. Without, the kiosk starts no worker
 * and never loads libcurl (curl_load.c); a reload that adds one starts it. */
int http_worker_needed(const struct config *cfg);

/* Starts the worker. It copies what it needs from cfg (ids, URLs, timing),
 * so cfg may be freed afterwards; on a config reload, stop this worker and
 * start a new one. wake(ctx) is called from the worker thread, without any
 * lock held, after a municipality's status changed; it must only signal the
 * main loop (e.g. push an SDL user event). wake may be NULL. Returns NULL if
 * the thread or libcurl could not be set up (logged). Free with
 * http_worker_stop. */
struct http_worker *http_worker_start(const struct config *cfg, void (*wake)(void *),
                                      void *ctx);
/* Same with explicit tunables (tests use short timeouts and backoff). */
struct http_worker *http_worker_start_opts(const struct config *cfg,
                                           const struct http_worker_opts *opts,
                                           void (*wake)(void *), void *ctx);

/* Deep-copies the latest status of municipality muni_index (its index in
 * cfg->municipalities at start) into *out: AVAILABLE or BUSY from the last
 * poll, or UNKNOWN with a reason ("not polled yet", "no status_url", the
 * failure of the last poll). Never blocks on the network. The caller owns
 * out->message and frees it with status_info_free. */
void http_worker_get_status(struct http_worker *w, int muni_index, struct status_info *out);

/* Queues json_body for a POST to notify_url (both copied) and wakes the
 * worker; returns at once. Events to the same URL are delivered in the
 * order queued. Returns 0, or -1 if the queue is full or memory ran out (the
 * event is counted as lost and logged). */
int http_worker_notify(struct http_worker *w, const char *json_body, const char *notify_url);

/* Copies the counters. */
void http_worker_get_health(struct http_worker *w, struct http_health *out);
/* 1 if municipality muni_index is polled (has a status_url), with when it
 * last answered well in *last_ok (0 = not yet); else 0. */
int http_worker_poll_ok_at(struct http_worker *w, int muni_index, time_t *last_ok);

/* Stops the thread, aborting transfers in flight (returns within
 * milliseconds even while a request hangs), and frees w. Events not yet
 * delivered are logged and counted as lost. w may be NULL. */
void http_worker_stop(struct http_worker *w);
#endif
