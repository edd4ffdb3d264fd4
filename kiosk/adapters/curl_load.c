/* libcurl, loaded when the kiosk first needs the network.
 *
 * Linked the usual way, libcurl brings 25 more shared libraries into the
 * process at exec (its TLS, LDAP, Kerberos, SSH, RTMP and IDN stacks): about
 * 7 ms of the start before main and 3.5 MiB of PSS, for a window whose first
 * frame needs none of it (README: performance). So the kiosk does not link
 * it. This file defines the libcurl functions the adapters call, with
 * libcurl's own names and types; the first call, from whichever thread,
 * opens libcurl.so.4 with dlopen, runs curl_global_init once and forwards.
 * The callers (http_xfer.c, http_worker.c, fleet.c) are written against
 * curl.h as usual.
 *
 * These definitions are not exported (the executable has no -rdynamic), so
 * libcurl's calls between its own functions still reach libcurl's.
 *
 * Without libcurl the calls fail the way libcurl's do when they cannot
 * start (NULL handles, CURLE_FAILED_INIT): the status, notify and fleet
 * parts log it and the visitor's screens go on, with "status unknown". */
#define CURL_DISABLE_TYPECHECK /* the setopt/getinfo macros would rename these */
#include "curl_load.h"

#include <curl/curl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>

#include "dlib.h"
#include "msg.h"

#define CURL_LOAD_SONAME "libcurl.so.4"

/* Every libcurl function the kiosk calls, in one table. */
#define CURL_LOAD_FUNCS(X)                                                                     \
    X(global_init, CURLcode, (long))                                                          \
    X(global_cleanup, void, (void))                                                           \
    X(easy_init, CURL *, (void))                                                              \
    X(easy_cleanup, void, (CURL *))                                                           \
    X(easy_setopt, CURLcode, (CURL *, CURLoption, ...))                                       \
    X(easy_getinfo, CURLcode, (CURL *, CURLINFO, ...))                                        \
    X(easy_perform, CURLcode, (CURL *))                                                       \
    X(easy_strerror, const char *, (CURLcode))                                                \
    X(slist_append, struct curl_slist *, (struct curl_slist *, const char *))                 \
    X(slist_free_all, void, (struct curl_slist *))                                            \
    X(free, void, (void *))                                                                   \
    X(multi_init, CURLM *, (void))                                                            \
    X(multi_cleanup, CURLMcode, (CURLM *))                                                    \
    X(multi_add_handle, CURLMcode, (CURLM *, CURL *))                                         \
    X(multi_remove_handle, CURLMcode, (CURLM *, CURL *))                                      \
    X(multi_perform, CURLMcode, (CURLM *, int *))                                             \
    X(multi_poll, CURLMcode, (CURLM *, struct curl_waitfd[], unsigned int, int, int *))       \
    X(multi_wakeup, CURLMcode, (CURLM *))                                                     \
    X(multi_info_read, CURLMsg *, (CURLM *, int *))                                           \
    X(url, CURLU *, (void))                                                                   \
    X(url_cleanup, void, (CURLU *))                                                           \
    X(url_set, CURLUcode, (CURLU *, CURLUPart, const char *, unsigned int))                   \
    X(url_get, CURLUcode, (CURLU *, CURLUPart, char **, unsigned int))

#define CURL_LOAD_FIELD(name, ret, args) ret(*name) args;
static struct {
    CURL_LOAD_FUNCS(CURL_LOAD_FIELD)
} curl_fn;

static pthread_once_t curl_load_once = PTHREAD_ONCE_INIT;
static int curl_load_ok;
static char curl_load_err[256];

static void curl_load_run(void)
{
    void *lib = dlib_open(CURL_LOAD_SONAME, curl_load_err, sizeof curl_load_err);
#define CURL_LOAD_SYM(name, ret, args)                                                         \
    if (lib && dlib_sym(lib, CURL_LOAD_SONAME, "curl_" #name, &curl_fn.name,                  \
                        sizeof curl_fn.name, curl_load_err, sizeof curl_load_err) != 0)        \
        lib = NULL;
    CURL_LOAD_FUNCS(CURL_LOAD_SYM)
    if (!lib) {
        msg_error("%s: status, notify and fleet config are off", curl_load_err);
        return;
    }
    if (curl_fn.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        snprintf(curl_load_err, sizeof curl_load_err, "curl_global_init failed");
        msg_error("%s: status, notify and fleet config are off", curl_load_err);
        return;
    }
    curl_load_ok = 1;
}

int curl_load(void)
{
    pthread_once(&curl_load_once, curl_load_run);
    return curl_load_ok ? 0 : -1;
}

const char *curl_load_error(void) { return curl_load_ok ? NULL : curl_load_err; }

int curl_load_is_loaded(void) { return dlib_is_loaded(CURL_LOAD_SONAME); }

CURLcode curl_global_init(long flags)
{
    (void)flags; /* curl_load runs it once, with CURL_GLOBAL_DEFAULT */
    return curl_load() == 0 ? CURLE_OK : CURLE_FAILED_INIT;
}

/* At exit (main): only if something loaded libcurl. */
void curl_global_cleanup(void)
{
    if (curl_load_ok)
        curl_fn.global_cleanup();
}

CURL *curl_easy_init(void) { return curl_load() == 0 ? curl_fn.easy_init() : NULL; }

void curl_easy_cleanup(CURL *h)
{
    if (h && curl_load_ok)
        curl_fn.easy_cleanup(h);
}

/* The value's type follows from the option's number, as in libcurl. */
CURLcode curl_easy_setopt(CURL *h, CURLoption opt, ...)
{
    if (!h || !curl_load_ok)
        return CURLE_FAILED_INIT;
    va_list ap;
    va_start(ap, opt);
    CURLcode rc;
    if (opt < CURLOPTTYPE_OBJECTPOINT) {
        long v = va_arg(ap, long);
        rc = curl_fn.easy_setopt(h, opt, v);
    } else if (opt < CURLOPTTYPE_FUNCTIONPOINT) {
        void *v = va_arg(ap, void *);
        rc = curl_fn.easy_setopt(h, opt, v);
    } else if (opt < CURLOPTTYPE_OFF_T) {
        void (*v)(void) = va_arg(ap, void (*)(void));
        rc = curl_fn.easy_setopt(h, opt, v);
    } else if (opt < CURLOPTTYPE_BLOB) {
        curl_off_t v = va_arg(ap, curl_off_t);
        rc = curl_fn.easy_setopt(h, opt, v);
    } else {
        void *v = va_arg(ap, void *);
        rc = curl_fn.easy_setopt(h, opt, v);
    }
    va_end(ap);
    return rc;
}

/* Every CURLINFO takes a pointer to where the answer goes. */
CURLcode curl_easy_getinfo(CURL *h, CURLINFO info, ...)
{
    if (!h || !curl_load_ok)
        return CURLE_FAILED_INIT;
    va_list ap;
    va_start(ap, info);
    void *out = va_arg(ap, void *);
    va_end(ap);
    return curl_fn.easy_getinfo(h, info, out);
}

CURLcode curl_easy_perform(CURL *h)
{
    return h && curl_load_ok ? curl_fn.easy_perform(h) : CURLE_FAILED_INIT;
}

const char *curl_easy_strerror(CURLcode rc)
{
    if (curl_load() != 0)
        return curl_load_err;
    return curl_fn.easy_strerror(rc);
}

struct curl_slist *curl_slist_append(struct curl_slist *l, const char *s)
{
    return curl_load() == 0 ? curl_fn.slist_append(l, s) : NULL;
}

void curl_slist_free_all(struct curl_slist *l)
{
    if (l && curl_load_ok)
        curl_fn.slist_free_all(l);
}

void curl_free(void *p)
{
    if (p && curl_load_ok)
        curl_fn.free(p);
}

CURLM *curl_multi_init(void) { return curl_load() == 0 ? curl_fn.multi_init() : NULL; }

CURLMcode curl_multi_cleanup(CURLM *m)
{
    return m && curl_load_ok ? curl_fn.multi_cleanup(m) : CURLM_BAD_HANDLE;
}

CURLMcode curl_multi_add_handle(CURLM *m, CURL *h)
{
    return m && curl_load_ok ? curl_fn.multi_add_handle(m, h) : CURLM_BAD_HANDLE;
}

CURLMcode curl_multi_remove_handle(CURLM *m, CURL *h)
{
    return m && curl_load_ok ? curl_fn.multi_remove_handle(m, h) : CURLM_BAD_HANDLE;
}

CURLMcode curl_multi_perform(CURLM *m, int *running)
{
    return m && curl_load_ok ? curl_fn.multi_perform(m, running) : CURLM_BAD_HANDLE;
}

CURLMcode curl_multi_poll(CURLM *m, struct curl_waitfd extra[], unsigned int n, int timeout_ms,
                          int *ret)
{
    return m && curl_load_ok ? curl_fn.multi_poll(m, extra, n, timeout_ms, ret)
                             : CURLM_BAD_HANDLE;
}

CURLMcode curl_multi_wakeup(CURLM *m)
{
    return m && curl_load_ok ? curl_fn.multi_wakeup(m) : CURLM_BAD_HANDLE;
}

CURLMsg *curl_multi_info_read(CURLM *m, int *left)
{
    return m && curl_load_ok ? curl_fn.multi_info_read(m, left) : NULL;
}

CURLU *curl_url(void) { return curl_load() == 0 ? curl_fn.url() : NULL; }

void curl_url_cleanup(CURLU *u)
{
    if (u && curl_load_ok)
        curl_fn.url_cleanup(u);
}

CURLUcode curl_url_set(CURLU *u, CURLUPart what, const char *part, unsigned int flags)
{
    return u && curl_load_ok ? curl_fn.url_set(u, what, part, flags) : CURLUE_BAD_HANDLE;
}

CURLUcode curl_url_get(CURLU *u, CURLUPart what, char **part, unsigned int flags)
{
    return u && curl_load_ok ? curl_fn.url_get(u, what, part, flags) : CURLUE_BAD_HANDLE;
}
