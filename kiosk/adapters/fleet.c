/* Fetching the central config document: one blocking libcurl transfer at a
 * time in a thread of its own, so a server that hangs never holds the
 * screen. HTTPS only and verified; redirects are followed by hand so that
 * only one to the same host (and port) is taken. */
#include "fleet.h"

#include <curl/curl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>

#include "http_xfer.h"


#define FLEET_MAX_HOPS 3

const char *fleet_result_name(enum fleet_result r)
{
    static const char *const names[FLEET_RESULT_COUNT] = {
        "ok", "not_modified", "http_error", "timeout", "invalid", "refused"};
    return (unsigned)r < FLEET_RESULT_COUNT ? names[r] : "?";
}

void fleet_doc_free(struct fleet_doc *d)
{
    free(d->body);
    memset(d, 0, sizeof *d);
}

static void fleet_path(const struct config *cfg, const char *rel, char *out, size_t outsz)
{
    out[0] = '\0';
    if (rel && config_resolve_path(cfg, rel, out, outsz) != 0)
        out[0] = '\0';
}

int fleet_opts_from(const struct config *cfg, struct fleet_opts *o)
{
    memset(o, 0, sizeof *o);
    if (!cfg->fleet.config_url)
        return -1;
    snprintf(o->url, sizeof o->url, "%s", cfg->fleet.config_url);
    fleet_path(cfg, cfg->fleet.ca_file, o->ca_file, sizeof o->ca_file);
    fleet_path(cfg, cfg->fleet.client_cert, o->client_cert, sizeof o->client_cert);
    fleet_path(cfg, cfg->fleet.client_key, o->client_key, sizeof o->client_key);
    o->connect_timeout_s = cfg->call.connect_timeout_s;
    o->timeout_s = cfg->fleet.timeout_s;
    o->interval_s = cfg->fleet.interval_s;
    return 0;
}

/* ---- one fetch ---------------------------------------------------------- */

struct fleet_xfer {
    char *buf;
    size_t len;
    int overflow;
    char etag[FLEET_ETAG_MAX];
    const atomic_int *stop;
};

static size_t fleet_write(char *data, size_t size, size_t nmemb, void *userp)
{
    struct fleet_xfer *x = userp;
    return http_xfer_append(&x->buf, &x->len, FLEET_MAX_BODY, &x->overflow, data, size * nmemb);
}

/* Keeps the ETag header's value (without surrounding spaces). */
static size_t fleet_header(char *data, size_t size, size_t nmemb, void *userp)
{
    struct fleet_xfer *x = userp;
    size_t n = size * nmemb;
    if (n > 5 && strncasecmp(data, "etag:", 5) == 0) {
        size_t a = 5, b = n;
        while (a < b && (data[a] == ' ' || data[a] == '\t'))
            a++;
        while (b > a && (data[b - 1] == '\r' || data[b - 1] == '\n' || data[b - 1] == ' '))
            b--;
        if (b - a < sizeof x->etag)
            snprintf(x->etag, sizeof x->etag, "%.*s", (int)(b - a), data + a);
    }
    return n;
}

static int fleet_progress(void *p, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un)
{
    (void)dt, (void)dn, (void)ut, (void)un;
    const struct fleet_xfer *x = p;
    return x->stop && atomic_load(x->stop) ? 1 : 0;
}

static curl_socket_t fleet_opensocket(void *clientp, curlsocktype purpose, struct curl_sockaddr *a)
{
    (void)clientp, (void)purpose;
    return socket(a->family, a->socktype | SOCK_CLOEXEC, a->protocol);
}

static void fleet_setopts(CURL *h, const struct fleet_opts *o, const char *url,
                          struct fleet_xfer *x, struct curl_slist *headers, char *err)
{
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L); /* by hand: same host only */
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (o->ca_file[0])
        curl_easy_setopt(h, CURLOPT_CAINFO, o->ca_file);
    if (o->client_cert[0])
        curl_easy_setopt(h, CURLOPT_SSLCERT, o->client_cert);
    if (o->client_key[0])
        curl_easy_setopt(h, CURLOPT_SSLKEY, o->client_key);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, o->connect_timeout_s);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, o->timeout_s);
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)FLEET_MAX_BODY);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, fleet_write);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, (void *)x);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, fleet_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, (void *)x);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, fleet_progress);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, (void *)x);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, fleet_opensocket);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, err);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(h, CURLOPT_USERAGENT, "sapporo-kiosk/" KIOSK_VERSION " (fleet)");
}

/* 1 if b is on the same scheme, host and port as a. */
static int fleet_same_host(const char *a, const char *b)
{
    CURLU *ua = curl_url(), *ub = curl_url();
    char *ha = NULL, *hb = NULL, *pa = NULL, *pb = NULL;
    int same = ua && ub && curl_url_set(ua, CURLUPART_URL, a, 0) == CURLUE_OK &&
               curl_url_set(ub, CURLUPART_URL, b, 0) == CURLUE_OK &&
               curl_url_get(ua, CURLUPART_HOST, &ha, 0) == CURLUE_OK &&
               curl_url_get(ub, CURLUPART_HOST, &hb, 0) == CURLUE_OK &&
               curl_url_get(ua, CURLUPART_PORT, &pa, CURLU_DEFAULT_PORT) == CURLUE_OK &&
               curl_url_get(ub, CURLUPART_PORT, &pb, CURLU_DEFAULT_PORT) == CURLUE_OK &&
               strcasecmp(ha, hb) == 0 && strcmp(pa, pb) == 0 &&
               strncasecmp(b, "https://", 8) == 0;
    curl_free(ha), curl_free(hb), curl_free(pa), curl_free(pb);
    curl_url_cleanup(ua);
    curl_url_cleanup(ub);
    return same;
}

/* What one transfer came to. *next gets a same-host redirect's target. */
static enum fleet_result fleet_judge(CURL *h, CURLcode rc, const struct fleet_xfer *x,
                                     const char *url, const char *err, char *next,
                                     size_t nextsz, char *msg, size_t msgsz)
{
    long code = 0;
    char *loc = NULL;
    next[0] = '\0';
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
    if (x->overflow || rc == CURLE_FILESIZE_EXCEEDED) {
        snprintf(msg, msgsz, "the document is larger than %d bytes", FLEET_MAX_BODY);
        return FLEET_INVALID;
    }
    if (rc == CURLE_OPERATION_TIMEDOUT) {
        snprintf(msg, msgsz, "%s", err[0] ? err : curl_easy_strerror(rc));
        return FLEET_TIMEOUT;
    }
    if (rc != CURLE_OK) {
        snprintf(msg, msgsz, "%s", err[0] ? err : curl_easy_strerror(rc));
        return FLEET_HTTP_ERROR;
    }
    if (code == 304) {
        snprintf(msg, msgsz, "not modified");
        return FLEET_NOT_MODIFIED;
    }
    if (code >= 300 && code <= 399) {
        curl_easy_getinfo(h, CURLINFO_REDIRECT_URL, &loc);
        if (loc && fleet_same_host(url, loc) && strlen(loc) < nextsz) {
            snprintf(next, nextsz, "%s", loc);
            return FLEET_OK; /* followed by the caller */
        }
        snprintf(msg, msgsz, "HTTP %ld: redirect to %.200s refused (only the same host is "
                 "followed)", code, loc ? loc : "nowhere");
        return FLEET_HTTP_ERROR;
    }
    if (code < 200 || code > 299) {
        snprintf(msg, msgsz, "HTTP %ld", code);
        return FLEET_HTTP_ERROR;
    }
    snprintf(msg, msgsz, "HTTP %ld, %zu bytes%s%s", code, x->len, x->etag[0] ? ", ETag " : "",
             x->etag);
    return FLEET_OK;
}

enum fleet_result fleet_fetch_once(const struct fleet_opts *o, const char *etag,
                                   struct fleet_doc *out, char *msg, size_t msgsz,
                                   const atomic_int *stop)
{
    char url[1024], next[1024], err[CURL_ERROR_SIZE], inm[FLEET_ETAG_MAX + 32];
    enum fleet_result r = FLEET_HTTP_ERROR;
    memset(out, 0, sizeof *out);
    snprintf(url, sizeof url, "%s", o->url);
    snprintf(msg, msgsz, "too many redirects");
    struct curl_slist *headers = curl_slist_append(NULL, "Accept: application/json");
    if (etag && etag[0]) {
        snprintf(inm, sizeof inm, "If-None-Match: %s", etag);
        struct curl_slist *more = curl_slist_append(headers, inm);
        headers = more ? more : headers;
    }
    for (int hop = 0; hop <= FLEET_MAX_HOPS; hop++) {
        struct fleet_xfer x = {.stop = stop};
        CURL *h = curl_easy_init();
        if (!h || !headers) {
            snprintf(msg, msgsz, "out of memory");
            curl_easy_cleanup(h);
            break;
        }
        err[0] = '\0';
        fleet_setopts(h, o, url, &x, headers, err);
        CURLcode rc = curl_easy_perform(h);
        r = fleet_judge(h, rc, &x, url, err, next, sizeof next, msg, msgsz);
        curl_easy_cleanup(h);
        if (r == FLEET_OK && next[0] == '\0') {
            out->body = x.buf;
            out->len = x.len;
            out->at = (long long)time(NULL);
            snprintf(out->etag, sizeof out->etag, "%s", x.etag);
            break;
        }
        free(x.buf);
        if (r != FLEET_OK)
            break;
        snprintf(url, sizeof url, "%s", next); /* a redirect on the same host */
        r = FLEET_HTTP_ERROR;
    }
    curl_slist_free_all(headers);
    return r;
}

/* ---- the thread --------------------------------------------------------- */

struct fleet {
    struct fleet_opts o;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    atomic_int stop;
    char etag[FLEET_ETAG_MAX];  /* under lock */
    int has_result;             /* under lock */
    struct fleet_fetched result;
    void (*wake)(void *);
    void *ctx;
};

/* Waits interval_s or until stopped. Returns 1 when stopped. */
static int fleet_wait(struct fleet *f)
{
    struct timespec until;
    clock_gettime(CLOCK_MONOTONIC, &until);
    until.tv_sec += f->o.interval_s;
    pthread_mutex_lock(&f->lock);
    while (!atomic_load(&f->stop) &&
           pthread_cond_timedwait(&f->cond, &f->lock, &until) == 0)
        ;
    pthread_mutex_unlock(&f->lock);
    return atomic_load(&f->stop);
}

static void *fleet_main(void *arg)
{
    struct fleet *f = arg;
    do {
        char etag[FLEET_ETAG_MAX];
        struct fleet_fetched got;
        memset(&got, 0, sizeof got);
        pthread_mutex_lock(&f->lock);
        snprintf(etag, sizeof etag, "%s", f->etag);
        pthread_mutex_unlock(&f->lock);
        got.result = fleet_fetch_once(&f->o, etag, &got.doc, got.msg, sizeof got.msg, &f->stop);
        if (atomic_load(&f->stop)) {
            fleet_doc_free(&got.doc);
            break;
        }
        pthread_mutex_lock(&f->lock);
        if (f->has_result) /* not taken yet: the newer one counts */
            fleet_doc_free(&f->result.doc);
        f->result = got;
        f->has_result = 1;
        pthread_mutex_unlock(&f->lock);
        if (f->wake)
            f->wake(f->ctx);
    } while (!fleet_wait(f));
    return NULL;
}

struct fleet *fleet_start(const struct fleet_opts *o, const char *etag, void (*wake)(void *),
                          void *ctx)
{
    struct fleet *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    f->o = *o;
    snprintf(f->etag, sizeof f->etag, "%s", etag ? etag : "");
    f->wake = wake;
    f->ctx = ctx;
    atomic_init(&f->stop, 0);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&f->cond, &ca);
    pthread_condattr_destroy(&ca);
    pthread_mutex_init(&f->lock, NULL);
    if (pthread_create(&f->thread, NULL, fleet_main, f) != 0) {
        pthread_cond_destroy(&f->cond);
        pthread_mutex_destroy(&f->lock);
        free(f);
        return NULL;
    }
    return f;
}

int fleet_take(struct fleet *f, struct fleet_fetched *out)
{
    int got = 0;
    if (!f)
        return 0;
    pthread_mutex_lock(&f->lock);
    if (f->has_result) {
        *out = f->result;
        memset(&f->result, 0, sizeof f->result);
        f->has_result = 0;
        got = 1;
    }
    pthread_mutex_unlock(&f->lock);
    return got;
}

void fleet_set_etag(struct fleet *f, const char *etag)
{
    if (!f)
        return;
    pthread_mutex_lock(&f->lock);
    snprintf(f->etag, sizeof f->etag, "%s", etag ? etag : "");
    pthread_mutex_unlock(&f->lock);
}

void fleet_stop(struct fleet *f)
{
    if (!f)
        return;
    pthread_mutex_lock(&f->lock);
    atomic_store(&f->stop, 1);
    pthread_cond_signal(&f->cond);
    pthread_mutex_unlock(&f->lock);
    pthread_join(f->thread, NULL);
    if (f->has_result)
        fleet_doc_free(&f->result.doc);
    pthread_cond_destroy(&f->cond);
    pthread_mutex_destroy(&f->lock);
    free(f);
}
