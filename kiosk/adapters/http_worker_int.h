#ifndef KIOSK_HTTP_WORKER_INT_H
#define KIOSK_HTTP_WORKER_INT_H
/* Inside the HTTP worker: the state its three files share. http_worker.c
 * owns the thread, the lock and the public functions; http_poll.c the
 * status polls; http_notify.c the notify queue; all three start transfers
 * on the core of http_xfer.c.
 *
 * Shared with the UI thread, behind w->mu only: the municipalities' latest
 * status_info, the notify queue's links, the health counters and the stop
 * flag. Everything else (curl handles, poll schedule, retry state) belongs
 * to the worker thread alone. */
#include <pthread.h>

#include "http_worker.h"
#include "http_xfer.h"

struct http_worker_muni {
    char *id;
    char *status_url;        /* NULL: not polled */
    struct status_info info; /* shared (mu) */
    long long next_poll;     /* worker: monotonic ms */
    int in_flight;           /* worker */
    int failing;             /* worker: last poll failed (log transitions only) */
    time_t last_ok;          /* shared (mu): last good answer, 0 = none yet */
};

struct http_worker_item {
    struct http_worker_item *next; /* shared (mu) */
    char *url, *body;              /* immutable after queueing */
    int attempts;                  /* worker */
    long long next_at;             /* worker: monotonic ms */
    int in_flight;                 /* worker */
};

struct http_worker {
    pthread_mutex_t mu;
    pthread_t thread;
    struct http_xfer_multi xm; /* worker, once started */
    void (*wake)(void *);
    void *ctx;
    struct http_worker_opts o;
    int n;
    struct http_worker_muni *munis;
    /* shared (mu) */
    int stop;
    struct http_worker_item *head, *tail;
    struct http_health health;
};

/* Under mu: "who: why" as the last error, cut to fit (the admin screen
 * shows it on one line). */
void http_worker_set_error(struct http_worker *w, const char *who, const char *why);

/* http_poll.c: copies ids and status URLs from cfg (0, or -1 if out of
 * memory), frees them, starts the polls that are due, and lowers *next to
 * the time the next poll is due. */
int http_poll_init(struct http_worker *w, const struct config *cfg);
void http_poll_free(struct http_worker *w);
void http_poll_start_due(struct http_worker *w, long long now);
void http_poll_next_due(const struct http_worker *w, long long *next);

/* http_notify.c: queues a copy of body for url (0, or -1: counted as lost
 * and logged), starts the events that are due, lowers *next to the next
 * retry, and drops what is left at stop (returns how many). */
int http_notify_queue(struct http_worker *w, const char *body, const char *url);
void http_notify_start_due(struct http_worker *w, long long now);
void http_notify_next_due(struct http_worker *w, long long *next);
int http_notify_drop_all(struct http_worker *w);
#endif
