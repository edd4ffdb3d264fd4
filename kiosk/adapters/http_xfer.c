#include "http_xfer.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#define HTTP_XFER_FD_SCAN_MAX 1024

long long http_xfer_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- the multi handle --------------------------------------------------- */

static void http_xfer_fd_snapshot(unsigned char *open_fds)
{
    memset(open_fds, 0, HTTP_XFER_FD_SCAN_MAX);
    DIR *d = opendir("/proc/self/fd");
    int self = d ? dirfd(d) : -1; /* the listing's own descriptor, closed below */
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        char *end;
        long fd = strtol(e->d_name, &end, 10);
        if (*end == '\0' && end != e->d_name && fd >= 0 && fd < HTTP_XFER_FD_SCAN_MAX &&
            fd != self)
            open_fds[fd] = 1;
    }
    if (d)
        closedir(d);
}

/* Marks the descriptors that appeared since `before` as close-on-exec. */
static void http_xfer_cloexec_new_fds(const unsigned char *before)
{
    unsigned char after[HTTP_XFER_FD_SCAN_MAX];
    http_xfer_fd_snapshot(after);
    for (int fd = 3; fd < HTTP_XFER_FD_SCAN_MAX; fd++) {
        int flags = after[fd] && !before[fd] ? fcntl(fd, F_GETFD) : -1;
        if (flags >= 0 && !(flags & FD_CLOEXEC))
            fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
    }
}

/* libcurl 7.88 creates the multi handle's wake-up socketpair without
 * FD_CLOEXEC: hence the snapshot of open descriptors around it. */
int http_xfer_multi_init(struct http_xfer_multi *xm)
{
    unsigned char before[HTTP_XFER_FD_SCAN_MAX];
    http_xfer_fd_snapshot(before);
    xm->multi = curl_multi_init();
    http_xfer_cloexec_new_fds(before);
    return xm->multi ? 0 : -1;
}

void http_xfer_multi_free(struct http_xfer_multi *xm)
{
    if (xm->multi)
        curl_multi_cleanup(xm->multi);
    xm->multi = NULL;
}

/* ---- one transfer ------------------------------------------------------- */

size_t http_xfer_append(char **buf, size_t *len, size_t max, int *overflow, const char *data,
                        size_t n)
{
    if (n > max - *len) {
        *overflow = 1;
        return 0; /* makes libcurl abort the transfer: CURLE_WRITE_ERROR */
    }
    char *grown = realloc(*buf, *len + n + 1);
    if (!grown)
        return 0;
    *buf = grown;
    memcpy(*buf + *len, data, n);
    *len += n;
    (*buf)[*len] = '\0';
    return n;
}

static size_t http_xfer_write(char *data, size_t size, size_t nmemb, void *userp)
{
    struct http_xfer *x = userp;
    return http_xfer_append(&x->buf, &x->len, x->max, &x->overflow, data, size * nmemb);
}

static curl_socket_t http_xfer_opensocket(void *clientp, curlsocktype purpose,
                                          struct curl_sockaddr *a)
{
    (void)clientp;
    (void)purpose;
    return socket(a->family, a->socktype | SOCK_CLOEXEC, a->protocol);
}

static void http_xfer_setopts(const struct http_xfer_multi *xm, struct http_xfer *x,
                              const char *url)
{
    CURL *h = x->h;
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_PRIVATE, (void *)x);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, xm->connect_timeout_ms);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, xm->timeout_ms);
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
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, http_xfer_write);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, (void *)x);
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)xm->max_body);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, x->err);
    curl_easy_setopt(h, CURLOPT_USERAGENT, xm->user_agent);
    curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, http_xfer_opensocket);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, x->headers);
}

struct http_xfer *http_xfer_new(struct http_xfer_multi *xm, const char *url, const char *header,
                                http_xfer_done_fn done, void *owner)
{
    struct http_xfer *x = calloc(1, sizeof *x);
    if (!x)
        return NULL;
    x->done = done;
    x->owner = owner;
    x->max = xm->max_body;
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
    http_xfer_setopts(xm, x, url);
    x->next = xm->head;
    xm->head = x;
    return x;
}

static void http_xfer_free(struct http_xfer_multi *xm, struct http_xfer *x)
{
    for (struct http_xfer **p = &xm->head; *p; p = &(*p)->next) {
        if (*p == x) {
            *p = x->next;
            break;
        }
    }
    curl_multi_remove_handle(xm->multi, x->h);
    curl_easy_cleanup(x->h);
    curl_slist_free_all(x->headers);
    free(x->buf);
    free(x);
}

int http_xfer_add(struct http_xfer_multi *xm, struct http_xfer *x)
{
    if (curl_multi_add_handle(xm->multi, x->h) == CURLM_OK)
        return 0;
    http_xfer_free(xm, x);
    return -1;
}

void http_xfer_abort_all(struct http_xfer_multi *xm)
{
    while (xm->head)
        http_xfer_free(xm, xm->head);
}

void http_xfer_collect(struct http_xfer_multi *xm, void *ctx)
{
    CURLMsg *msg;
    int left;
    while ((msg = curl_multi_info_read(xm->multi, &left)) != NULL) {
        if (msg->msg != CURLMSG_DONE)
            continue;
        CURLcode rc = msg->data.result;
        char *priv = NULL;
        curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &priv);
        struct http_xfer *x = (struct http_xfer *)(void *)priv;
        x->done(ctx, x, rc);
        http_xfer_free(xm, x);
    }
}

long http_xfer_code(const struct http_xfer *x)
{
    long code = 0;
    curl_easy_getinfo(x->h, CURLINFO_RESPONSE_CODE, &code);
    return code;
}

void http_xfer_failure(const struct http_xfer *x, CURLcode rc, char *out, size_t outsz)
{
    long code = http_xfer_code(x);
    out[0] = '\0';
    if (x->overflow || rc == CURLE_FILESIZE_EXCEEDED)
        snprintf(out, outsz, "answer longer than %zu bytes", x->max);
    else if (rc != CURLE_OK)
        snprintf(out, outsz, "%s", x->err[0] ? x->err : curl_easy_strerror(rc));
    else if (code < 200 || code > 299)
        snprintf(out, outsz, "HTTP %ld", code);
}
