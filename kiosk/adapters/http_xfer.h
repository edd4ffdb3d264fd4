#ifndef KIOSK_HTTP_XFER_H
#define KIOSK_HTTP_XFER_H
/* The transfer core under the HTTP worker: one curl multi handle and the
 * easy handles in flight on it, each with its answer buffer, the shared
 * options (timeouts, protocols, user agent, close-on-exec sockets) and a
 * function told when it finishes. Status polls (http_poll.c) and notify
 * events (http_notify.c) are both transfers of this kind. Worker thread
 * only, except http_xfer_multi_init/free around the thread's life. */
#include <curl/curl.h>
#include <stddef.h>

/* A libcurl write callback's body: appends n bytes of data to *buf (kept
 * NUL-terminated, grown with realloc; the caller frees it) unless *len
 * would pass max. Returns n, or 0 when it would (and sets *overflow) or
 * when memory runs out: 0 makes libcurl abort the transfer. */
size_t http_xfer_append(char **buf, size_t *len, size_t max, int *overflow, const char *data,
                        size_t n);

struct http_xfer;
/* Told once when x finished (rc: libcurl's result); x is freed afterwards. */
typedef void (*http_xfer_done_fn)(void *ctx, struct http_xfer *x, CURLcode rc);

struct http_xfer {
    struct http_xfer *next;
    CURL *h;
    http_xfer_done_fn done;
    void *owner; /* the poll's municipality or the notify item: the caller's */
    struct curl_slist *headers;
    char *buf; /* the answer so far, NUL-terminated; NULL if none */
    size_t len, max;
    int overflow;
    char err[CURL_ERROR_SIZE];
};

struct http_xfer_multi {
    CURLM *multi;
    struct http_xfer *head; /* in flight */
    long connect_timeout_ms, timeout_ms;
    size_t max_body;
    char user_agent[128];
};

/* Monotonic milliseconds, for schedules that a clock change cannot move. */
long long http_xfer_now_ms(void);

/* Creates xm->multi (the other fields are the caller's, set before). The
 * descriptors libcurl opens for it are made close-on-exec, so a browser
 * started later for a call does not inherit them. Returns 0 or -1. */
int http_xfer_multi_init(struct http_xfer_multi *xm);
/* Aborts every transfer in flight (closes their sockets now) and frees
 * them without telling their done functions. */
void http_xfer_abort_all(struct http_xfer_multi *xm);
/* Frees the multi handle; transfers must be aborted first. */
void http_xfer_multi_free(struct http_xfer_multi *xm);

/* A new transfer to url with "Accept: application/json" and one extra
 * header (may be NULL), linked into xm but not started; NULL if out of
 * memory. The caller may set more options on x->h, then http_xfer_add. */
struct http_xfer *http_xfer_new(struct http_xfer_multi *xm, const char *url, const char *header,
                                http_xfer_done_fn done, void *owner);
/* Starts x. Returns 0, or -1 (x is then freed). */
int http_xfer_add(struct http_xfer_multi *xm, struct http_xfer *x);
/* Tells the done function of every finished transfer (with ctx), then
 * frees it. */
void http_xfer_collect(struct http_xfer_multi *xm, void *ctx);

/* Why a finished transfer failed ("answer longer than N bytes", curl's
 * error, "HTTP 503"), or "" if it succeeded (2xx). */
void http_xfer_failure(const struct http_xfer *x, CURLcode rc, char *out, size_t outsz);
/* The HTTP status of a finished transfer, 0 if there was none. */
long http_xfer_code(const struct http_xfer *x);
#endif
