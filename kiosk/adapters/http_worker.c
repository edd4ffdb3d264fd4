/* The HTTP worker: one thread, one curl multi handle, many easy handles.
 *
 * Shared with the UI thread, behind w->mu only: the municipalities' latest
 * status_info, the notify queue's links, the health counters and the stop
 * flag. Everything else (curl handles, poll schedule, retry state) belongs
 * to the worker thread alone. The lock is never held across a curl call
 * that can touch the network, so a reader waits at most for a memcpy.
 *
 * Waking: the thread sleeps in curl_multi_poll(); http_worker_notify() and
 * http_worker_stop() interrupt it with curl_multi_wakeup(), the one libcurl
 * call meant for another thread. Stop then removes the transfers in flight,
 * which closes their sockets at once: no hanging request can delay it. */
#include "http_worker.h"

#include <curl/curl.h>
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "msg.h"
#include "str.h"

#ifndef KIOSK_VERSION
#define KIOSK_VERSION "0"
#endif

#define HW_MAX_WAIT_MS 60000L
#define HW_MIN_REPOLL_MS 1000LL /* after a slow poll, rest at least this long */
#define HW_FD_SCAN_MAX 1024

struct http_worker_muni {
    char *id;
    char *status_url;       /* NULL: not polled */
    struct status_info info; /* shared (mu) */
    long long next_poll;    /* worker: monotonic ms */
    int in_flight;          /* worker */
    int failing;            /* worker: last poll failed (log transitions only) */
};

struct http_worker_item {
    struct http_worker_item *next; /* shared (mu) */
    char *url, *body;       /* immutable after queueing */
    int attempts;           /* worker */
    long long next_at;      /* worker: monotonic ms */
    int in_flight;          /* worker */
};

struct http_worker_xfer {
    struct http_worker_xfer *next;
    CURL *h;
    struct http_worker_muni *muni;   /* a poll, or */
    struct http_worker_item *item; /* a notify */
    struct curl_slist *headers;
    char *buf;
    size_t len, max;
    int overflow;
    char err[CURL_ERROR_SIZE];
};

struct http_worker {
    pthread_mutex_t mu;
    pthread_t thread;
    CURLM *multi;
    void (*wake)(void *);
    void *ctx;
    struct http_worker_opts o;
    char user_agent[128];
    int n;
    struct http_worker_muni *munis;
    struct http_worker_xfer *xfers; /* worker */
    /* shared (mu) */
    int stop;
    struct http_worker_item *head, *tail;
    struct http_health health;
};

/* ---- small helpers ---------------------------------------------------- */

static long long http_worker_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void http_worker_set_error(struct http_worker *w, const char *who, const char *why)
{
    /* "who: why", cut to fit (the admin screen shows it on one line). */
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

/* libcurl 7.88 creates the multi handle's wake-up socketpair without
 * FD_CLOEXEC; a call's browser started later would inherit it. Marks the
 * descriptors that appeared since `before` as close-on-exec. */
static void http_worker_fd_snapshot(unsigned char *open_fds)
{
    memset(open_fds, 0, HW_FD_SCAN_MAX);
    DIR *d = opendir("/proc/self/fd");
    int self = d ? dirfd(d) : -1; /* the listing's own descriptor, closed below */
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        char *end;
        long fd = strtol(e->d_name, &end, 10);
        if (*end == '\0' && end != e->d_name && fd >= 0 && fd < HW_FD_SCAN_MAX && fd != self)
            open_fds[fd] = 1;
    }
    if (d)
        closedir(d);
}

static void http_worker_cloexec_new_fds(const unsigned char *before)
{
    unsigned char after[HW_FD_SCAN_MAX];
    http_worker_fd_snapshot(after);
    for (int fd = 3; fd < HW_FD_SCAN_MAX; fd++) {
        int flags = after[fd] && !before[fd] ? fcntl(fd, F_GETFD) : -1;
        if (flags >= 0 && !(flags & FD_CLOEXEC))
            fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
    }
}

/* ---- transfers ---------------------------------------------------------- */

static size_t http_worker_write(char *data, size_t size, size_t nmemb, void *userp)
{
    struct http_worker_xfer *x = userp;
    size_t n = size * nmemb;
    if (n > x->max - x->len) {
        x->overflow = 1;
        return 0; /* makes libcurl abort the transfer: CURLE_WRITE_ERROR */
    }
    char *grown = realloc(x->buf, x->len + n + 1);
    if (!grown)
        return 0;
    x->buf = grown;
    memcpy(x->buf + x->len, data, n);
    x->len += n;
    x->buf[x->len] = '\0';
    return n;
}

static curl_socket_t http_worker_opensocket(void *clientp, curlsocktype purpose, struct curl_sockaddr *a)
{
    (void)clientp;
    (void)purpose;
    return socket(a->family, a->socktype | SOCK_CLOEXEC, a->protocol);
}

static void http_worker_xfer_setopts(struct http_worker *w, struct http_worker_xfer *x, const char *url)
{
    CURL *h = x->h;
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_PRIVATE, (void *)x);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, w->o.connect_timeout_ms);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, w->o.timeout_ms);
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
    curl_easy_setopt(h, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
#if LIBCURL_VERSION_NUM >= 0x075700
    /* Do not wait for a stuck DNS thread when a transfer is removed at stop. */
    curl_easy_setopt(h, CURLOPT_QUICK_EXIT, 1L);
#endif
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, http_worker_write);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, (void *)x);
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)w->o.max_body);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, x->err);
    curl_easy_setopt(h, CURLOPT_USERAGENT, w->user_agent);
    curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, http_worker_opensocket);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, x->headers);
}

/* A new transfer to url with one extra header (may be NULL), linked into
 * w->xfers but not yet added to the multi handle. */
static struct http_worker_xfer *http_worker_xfer_new(struct http_worker *w, const char *url, const char *header)
{
    struct http_worker_xfer *x = calloc(1, sizeof *x);
    if (!x)
        return NULL;
    x->max = w->o.max_body;
    x->h = curl_easy_init();
    x->headers = curl_slist_append(NULL, "Accept: application/json");
    if (x->headers && header) {
        struct curl_slist *more = curl_slist_append(x->headers, header);
        x->headers = more ? more : x->headers;
    }
    if (!x->h || !x->headers) {
        curl_easy_cleanup(x->h);
        curl_slist_free_all(x->headers);
        free(x);
        return NULL;
    }
    http_worker_xfer_setopts(w, x, url);
    x->next = w->xfers;
    w->xfers = x;
    return x;
}

static void http_worker_xfer_free(struct http_worker *w, struct http_worker_xfer *x)
{
    for (struct http_worker_xfer **p = &w->xfers; *p; p = &(*p)->next) {
        if (*p == x) {
            *p = x->next;
            break;
        }
    }
    curl_multi_remove_handle(w->multi, x->h);
    curl_easy_cleanup(x->h);
    curl_slist_free_all(x->headers);
    free(x->buf);
    free(x);
}

static int http_worker_xfer_add(struct http_worker *w, struct http_worker_xfer *x)
{
    if (curl_multi_add_handle(w->multi, x->h) == CURLM_OK)
        return 0;
    http_worker_xfer_free(w, x);
    return -1;
}

/* Why a finished transfer failed, or "" if it succeeded (2xx). */
static void http_worker_xfer_failure(const struct http_worker_xfer *x, CURLcode rc, char *out, size_t outsz)
{
    long code = 0;
    curl_easy_getinfo(x->h, CURLINFO_RESPONSE_CODE, &code);
    out[0] = '\0';
    if (x->overflow || rc == CURLE_FILESIZE_EXCEEDED)
        snprintf(out, outsz, "answer longer than %zu bytes", x->max);
    else if (rc != CURLE_OK)
        snprintf(out, outsz, "%s", x->err[0] ? x->err : curl_easy_strerror(rc));
    else if (code < 200 || code > 299)
        snprintf(out, outsz, "HTTP %ld", code);
}

/* ---- status polls ------------------------------------------------------- */

static void http_worker_start_poll(struct http_worker *w, struct http_worker_muni *m, long long now)
{
    m->next_poll = now + w->o.poll_interval_ms;
    struct http_worker_xfer *x = http_worker_xfer_new(w, m->status_url, NULL);
    if (!x)
        return;
    x->muni = m;
    curl_easy_setopt(x->h, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(x->h, CURLOPT_MAXREDIRS, 3L);
    if (http_worker_xfer_add(w, x) == 0)
        m->in_flight = 1;
}

static void http_worker_start_polls(struct http_worker *w, long long now)
{
    for (int i = 0; i < w->n; i++) {
        struct http_worker_muni *m = &w->munis[i];
        if (m->status_url && !m->in_flight && m->next_poll <= now)
            http_worker_start_poll(w, m, now);
    }
}

/* The new status from a finished poll; returns 1 if it is a failure. */
static int http_worker_poll_result(const struct http_worker_xfer *x, CURLcode rc, struct status_info *out)
{
    char why[CURL_ERROR_SIZE + 64];
    http_worker_xfer_failure(x, rc, why, sizeof why);
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

static void http_worker_log_transition(struct http_worker_muni *m, int failed, const char *reason)
{
    if (failed && !m->failing)
        msg_warn("status of %s unknown: %s (%s)", m->id, reason, m->status_url);
    else if (!failed && m->failing)
        msg_info("status of %s answers again", m->id);
    m->failing = failed;
}

static void http_worker_poll_done(struct http_worker *w, struct http_worker_xfer *x, CURLcode rc)
{
    struct http_worker_muni *m = x->muni;
    struct status_info fresh;
    int failed = http_worker_poll_result(x, rc, &fresh);
    long long now = http_worker_now_ms();
    m->in_flight = 0;
    if (m->next_poll < now + HW_MIN_REPOLL_MS)
        m->next_poll = now + HW_MIN_REPOLL_MS;
    http_worker_log_transition(m, failed, fresh.reason);

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
    }
    pthread_mutex_unlock(&w->mu);
    if (changed && w->wake)
        w->wake(w->ctx);
}

/* ---- notify events ------------------------------------------------------ */

/* Under mu: an item may go if it is not in flight and no earlier item in the
 * queue goes to the same URL (per-URL order). */
static int http_worker_notify_ready(const struct http_worker *w, const struct http_worker_item *it)
{
    if (it->in_flight)
        return 0;
    for (const struct http_worker_item *p = w->head; p && p != it; p = p->next)
        if (strcmp(p->url, it->url) == 0)
            return 0;
    return 1;
}

static void http_worker_start_notify(struct http_worker *w, struct http_worker_item *it)
{
    struct http_worker_xfer *x = http_worker_xfer_new(w, it->url, "Content-Type: application/json");
    if (!x)
        return;
    x->item = it;
    curl_easy_setopt(x->h, CURLOPT_POSTFIELDS, it->body);
    curl_easy_setopt(x->h, CURLOPT_POSTFIELDSIZE, (long)strlen(it->body));
    if (http_worker_xfer_add(w, x) == 0)
        it->in_flight = 1;
}

static void http_worker_start_notifies(struct http_worker *w, long long now)
{
    struct http_worker_item *due[64];
    int n = 0;
    pthread_mutex_lock(&w->mu);
    for (struct http_worker_item *it = w->head; it && n < 64; it = it->next)
        if (it->next_at <= now && http_worker_notify_ready(w, it))
            due[n++] = it;
    pthread_mutex_unlock(&w->mu);
    /* Items are only unlinked by this thread, so the pointers stay valid. */
    for (int i = 0; i < n; i++)
        http_worker_start_notify(w, due[i]);
}

/* Under mu: unlinks it from the queue. */
static void http_worker_notify_unlink(struct http_worker *w, struct http_worker_item *it)
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

static void http_worker_notify_free(struct http_worker_item *it)
{
    free(it->url);
    free(it->body);
    free(it);
}

/* A failure that retrying will not fix: a refused URL, or a 4xx other than
 * 408 (timeout) and 429 (too many requests). */
static int http_worker_notify_permanent(const struct http_worker_xfer *x, CURLcode rc)
{
    long code = 0;
    if (rc == CURLE_UNSUPPORTED_PROTOCOL || rc == CURLE_URL_MALFORMAT)
        return 1;
    curl_easy_getinfo(x->h, CURLINFO_RESPONSE_CODE, &code);
    return rc == CURLE_OK && code >= 400 && code <= 499 && code != 408 && code != 429;
}

static long http_worker_backoff(const struct http_worker *w, int attempts)
{
    long d = w->o.backoff_ms;
    for (int i = 1; i < attempts && d < w->o.backoff_max_ms; i++)
        d *= 2;
    return d > w->o.backoff_max_ms ? w->o.backoff_max_ms : d;
}

static void http_worker_notify_done(struct http_worker *w, struct http_worker_xfer *x, CURLcode rc)
{
    struct http_worker_item *it = x->item;
    char why[CURL_ERROR_SIZE + 64];
    http_worker_xfer_failure(x, rc, why, sizeof why);
    it->in_flight = 0;
    it->attempts++;
    int give_up = why[0] && (it->attempts >= w->o.notify_attempts || http_worker_notify_permanent(x, rc));
    if (why[0] && !give_up) {
        it->next_at = http_worker_now_ms() + http_worker_backoff(w, it->attempts);
        msg_debug("notify to %s failed (attempt %d): %s", it->url, it->attempts, why);
    }
    pthread_mutex_lock(&w->mu);
    if (!why[0]) {
        w->health.notify_sent++;
        w->health.last_notify_ok = time(NULL);
    } else {
        w->health.notify_failures++;
        w->health.notify_lost += give_up;
        http_worker_set_error(w, "notify", why);
    }
    if (!why[0] || give_up)
        http_worker_notify_unlink(w, it);
    pthread_mutex_unlock(&w->mu);
    if (give_up)
        msg_warn("notify event lost after %d attempt(s) to %s: %s", it->attempts, it->url, why);
    if (!why[0] || give_up)
        http_worker_notify_free(it);
}

/* ---- the thread --------------------------------------------------------- */

static void http_worker_collect(struct http_worker *w)
{
    CURLMsg *msg;
    int left;
    while ((msg = curl_multi_info_read(w->multi, &left)) != NULL) {
        if (msg->msg != CURLMSG_DONE)
            continue;
        CURLcode rc = msg->data.result;
        char *priv = NULL;
        curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &priv);
        struct http_worker_xfer *x = (struct http_worker_xfer *)(void *)priv;
        if (x->muni)
            http_worker_poll_done(w, x, rc);
        else
            http_worker_notify_done(w, x, rc);
        http_worker_xfer_free(w, x);
    }
}

/* How long to sleep until a poll or a retry is due (libcurl's own timers
 * shorten this inside curl_multi_poll). */
static int http_worker_wait_ms(struct http_worker *w, long long now)
{
    long long next = now + HW_MAX_WAIT_MS;
    for (int i = 0; i < w->n; i++)
        if (w->munis[i].status_url && !w->munis[i].in_flight && w->munis[i].next_poll < next)
            next = w->munis[i].next_poll;
    pthread_mutex_lock(&w->mu);
    for (struct http_worker_item *it = w->head; it; it = it->next)
        if (it->next_at < next && http_worker_notify_ready(w, it))
            next = it->next_at;
    pthread_mutex_unlock(&w->mu);
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
        http_worker_start_polls(w, http_worker_now_ms());
        http_worker_start_notifies(w, http_worker_now_ms());
        curl_multi_perform(w->multi, &running);
        http_worker_collect(w);
        curl_multi_poll(w->multi, NULL, 0, http_worker_wait_ms(w, http_worker_now_ms()), NULL);
    }
    while (w->xfers) /* abort what is in flight: closes the sockets now */
        http_worker_xfer_free(w, w->xfers);
    return NULL;
}

/* ---- public ------------------------------------------------------------- */

static int http_worker_copy_munis(struct http_worker *w, const struct config *cfg)
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

static void http_worker_free(struct http_worker *w)
{
    for (int i = 0; w->munis && i < w->n; i++) {
        free(w->munis[i].id);
        free(w->munis[i].status_url);
        status_info_free(&w->munis[i].info);
    }
    free(w->munis);
    if (w->multi)
        curl_multi_cleanup(w->multi);
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
    snprintf(w->user_agent, sizeof w->user_agent, "kiosk/%s (%s)", KIOSK_VERSION,
             cfg && cfg->kiosk.id ? cfg->kiosk.id : "?");
}

struct http_worker *http_worker_start_opts(const struct config *cfg,
                                           const struct http_worker_opts *opts,
                                           void (*wake)(void *), void *ctx)
{
    unsigned char before[HW_FD_SCAN_MAX];
    struct http_worker *w = calloc(1, sizeof *w);
    if (!w || pthread_mutex_init(&w->mu, NULL) != 0) {
        free(w);
        msg_error("http worker: out of memory");
        return NULL;
    }
    w->wake = wake;
    w->ctx = ctx;
    http_worker_init_identity(w, cfg, opts);
    http_worker_fd_snapshot(before);
    w->multi = curl_multi_init();
    http_worker_cloexec_new_fds(before);
    if (!w->multi || http_worker_copy_munis(w, cfg) != 0 ||
        pthread_create(&w->thread, NULL, http_worker_main, w) != 0) {
        msg_error("http worker: could not start (curl or thread set-up failed)");
        http_worker_free(w);
        return NULL;
    }
    return w;
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

static int http_worker_notify_lost(struct http_worker *w, const char *why, const char *url)
{
    pthread_mutex_lock(&w->mu);
    w->health.notify_lost++;
    http_worker_set_error(w, "notify", why);
    pthread_mutex_unlock(&w->mu);
    msg_warn("notify event lost (%s) for %s", why, url ? url : "(no url)");
    return -1;
}

int http_worker_notify(struct http_worker *w, const char *json_body, const char *notify_url)
{
    if (!w)
        return -1;
    if (!json_body || !notify_url)
        return http_worker_notify_lost(w, "no body or URL", notify_url);
    struct http_worker_item *it = calloc(1, sizeof *it);
    if (it) {
        it->url = str_dup(notify_url);
        it->body = str_dup(json_body);
    }
    if (!it || !it->url || !it->body) {
        if (it)
            http_worker_notify_free(it);
        return http_worker_notify_lost(w, "out of memory", notify_url);
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
        http_worker_notify_free(it);
        return http_worker_notify_lost(w, "queue full", notify_url);
    }
    curl_multi_wakeup(w->multi);
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
    curl_multi_wakeup(w->multi);
    pthread_join(w->thread, NULL);
    int lost = 0;
    while (w->head) {
        struct http_worker_item *it = w->head;
        w->head = it->next;
        http_worker_notify_free(it);
        lost++;
    }
    if (lost)
        msg_warn("%d notify event(s) not delivered before the HTTP worker stopped", lost);
    http_worker_free(w);
}
