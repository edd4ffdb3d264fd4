/* Checks of the web addresses in the config: call URLs must be https, on an
 * allowed host, with at most one {session}; the others http(s). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config_int.h"
#include "urlrule.h"

#define CONFIG_URL_HOST_MAX 256

struct config_url_parts {
    char scheme[16];
    char host[CONFIG_URL_HOST_MAX]; /* without brackets for IPv6 */
    int is_ip;
    const char *rest; /* path, query and fragment */
};

static int config_url_ipv4(const char *s)
{
    int parts = 0, digits = 0, v = 0;
    for (const char *p = s;; p++) {
        if (*p >= '0' && *p <= '9') {
            v = v * 10 + (*p - '0');
            if (++digits > 3 || v > 255)
                return 0;
        } else if (*p == '.' || *p == '\0') {
            if (digits == 0)
                return 0;
            parts++;
            digits = v = 0;
            if (*p == '\0')
                break;
        } else {
            return 0;
        }
    }
    return parts == 4;
}

static int config_url_ipv6(const char *s)
{
    size_t len = strlen(s);
    if (len < 2 || len > 45 || !strchr(s, ':'))
        return 0;
    for (size_t i = 0; i < len; i++)
        if (!isxdigit((unsigned char)s[i]) && s[i] != ':' && s[i] != '.')
            return 0;
    return 1;
}

static int config_url_hostname(const char *s)
{
    size_t len = strlen(s), label = 0;
    if (len == 0 || len > 253)
        return 0;
    for (size_t i = 0; i <= len; i++) {
        char c = s[i];
        if (c == '.' || c == '\0') {
            if (label == 0 || s[i - 1] == '-')
                return 0;
            label = 0;
        } else if (isalnum((unsigned char)c) || (c == '-' && label > 0)) {
            if (++label > 63)
                return 0;
        } else {
            return 0;
        }
    }
    return 1;
}

int config_url_host_pattern_ok(const char *pattern)
{
    if (strncmp(pattern, "*.", 2) == 0)
        return config_url_hostname(pattern + 2) && strchr(pattern + 2, '.') != NULL;
    if (pattern[0] == '[') {
        size_t len = strlen(pattern);
        char inner[64];
        if (len < 3 || len - 2 >= sizeof inner || pattern[len - 1] != ']')
            return 0;
        memcpy(inner, pattern + 1, len - 2);
        inner[len - 2] = '\0';
        return config_url_ipv6(inner);
    }
    return config_url_hostname(pattern) || config_url_ipv4(pattern) || config_url_ipv6(pattern);
}

/* Splits host[:port] (or [v6][:port]) of an authority. Returns 0, or the
 * message to report with its argument in arg. */
static enum config_msg config_url_host(const char *auth, size_t len, struct config_url_parts *u,
                                       char *arg, size_t argsz)
{
    size_t hlen = len;
    const char *port = NULL, *host = auth;
    if (auth[0] == '[') {
        const char *close = memchr(auth, ']', len);
        hlen = close ? (size_t)(close - auth) + 1 : len;
        port = hlen < len && auth[hlen] == ':' ? auth + hlen + 1 : NULL;
        host = auth + 1;
        hlen = hlen >= 2 && close ? hlen - 2 : 0;
        u->is_ip = 1;
    } else {
        const char *colon = memchr(auth, ':', len);
        if (colon) {
            hlen = (size_t)(colon - auth);
            port = colon + 1;
        }
    }
    snprintf(arg, argsz, "%.*s", (int)(len < 200 ? len : 200), auth);
    if (hlen == 0 || hlen >= sizeof u->host)
        return hlen == 0 ? CONFIG_MSG_URL_NO_HOST : CONFIG_MSG_URL_BAD_HOST;
    memcpy(u->host, host, hlen);
    u->host[hlen] = '\0';
    if (!u->is_ip)
        u->is_ip = config_url_ipv4(u->host);
    else if (!config_url_ipv6(u->host))
        return CONFIG_MSG_URL_BAD_HOST;
    if (!u->is_ip && !config_url_hostname(u->host))
        return CONFIG_MSG_URL_BAD_HOST;
    if (port) {
        char *end = NULL;
        long p = strtol(port, &end, 10);
        size_t plen = (size_t)(auth + len - port);
        snprintf(arg, argsz, "%.*s", (int)(plen < 20 ? plen : 20), port);
        if (plen == 0 || plen > 5 || end != auth + len || p < 1 || p > 65535 || *port == '-' ||
            *port == '+')
            return CONFIG_MSG_URL_BAD_PORT;
    }
    return CONFIG_MSG_COUNT;
}

/* Scheme and authority; reports and returns -1 on a problem. */
static int config_url_split(struct config_ctx *ctx, const char *url, const char *path,
                            enum config_url_kind kind, struct config_url_parts *u)
{
    for (const unsigned char *p = (const unsigned char *)url; *p; p++)
        if (*p <= 0x20 || *p == 0x7F) {
            config_ctx_err(ctx, path, CONFIG_MSG_URL_SPACE, NULL, NULL, NULL);
            return -1;
        }
    const char *sep = strstr(url, "://");
    size_t slen = sep ? (size_t)(sep - url) : 0;
    if (!sep || slen == 0 || slen >= sizeof u->scheme) {
        config_ctx_err(ctx, path, kind == CONFIG_URL_CALL ? CONFIG_MSG_URL_NOT_URL
                                                          : CONFIG_MSG_URL_HTTP,
                       url, NULL, NULL);
        return -1;
    }
    memcpy(u->scheme, url, slen);
    u->scheme[slen] = '\0';
    int https = strcasecmp(u->scheme, "https") == 0, http = strcasecmp(u->scheme, "http") == 0;
    if (!https && (kind == CONFIG_URL_CALL || !http)) {
        config_ctx_err(ctx, path, kind == CONFIG_URL_CALL ? CONFIG_MSG_URL_HTTPS
                                                          : CONFIG_MSG_URL_HTTP,
                       NULL, NULL, NULL);
        return -1;
    }
    const char *auth = sep + 3;
    size_t alen = strcspn(auth, "/?#");
    u->rest = auth + alen;
    char arg[256];
    enum config_msg m = CONFIG_MSG_COUNT;
    if (memchr(auth, '@', alen))
        m = CONFIG_MSG_URL_USERINFO;
    else if (kind == CONFIG_URL_CALL && memchr(auth, '{', alen))
        m = CONFIG_MSG_URL_SESSION_HOST;
    else
        m = config_url_host(auth, alen, u, arg, sizeof arg);
    if (m == CONFIG_MSG_COUNT)
        return 0;
    config_ctx_err(ctx, path, m, arg, NULL, NULL);
    return -1;
}

/* Counts {session}; reports any other {placeholder}. */
static int config_url_placeholders(struct config_ctx *ctx, const char *s, const char *path,
                                   const char *const *allowed, enum config_msg unknown,
                                   int *count0)
{
    int bad = 0;
    for (const char *p = strchr(s, '{'); p; p = strchr(p + 1, '{')) {
        const char *close = strchr(p, '}');
        size_t len = close ? (size_t)(close - p) + 1 : strlen(p);
        int hit = -1;
        for (int i = 0; close && allowed[i] && hit < 0; i++)
            if (len == strlen(allowed[i]) && memcmp(p, allowed[i], len) == 0)
                hit = i;
        if (hit == 0)
            (*count0)++;
        if (hit >= 0)
            continue;
        char name[48];
        snprintf(name, sizeof name, "%.*s%s", (int)(len < 40 ? len : 40), p,
                 len > 40 ? "…" : "");
        config_ctx_err(ctx, path, unknown, name, NULL, NULL);
        bad = 1;
    }
    return bad ? -1 : 0;
}

static int config_url_allowed(const struct config_call *call, const struct config_url_parts *u)
{
    size_t hl = strlen(u->host);
    for (int i = 0; i < call->n_allowed_hosts; i++) {
        const char *a = call->allowed_hosts[i];
        size_t al = strlen(a);
        if (a[0] == '[' && al >= 2 && al - 2 == hl && strncasecmp(a + 1, u->host, hl) == 0)
            return 1;
        if (strcasecmp(a, u->host) == 0)
            return 1;
        if (!u->is_ip && strncmp(a, "*.", 2) == 0 && hl > al - 1 &&
            strcasecmp(u->host + hl - (al - 1), a + 1) == 0)
            return 1;
    }
    return 0;
}

void config_url_check(struct config_ctx *ctx, const char *url, const char *path,
                      enum config_url_kind kind)
{
    static const char *const session[] = {"{session}", NULL};
    struct config_url_parts u;
    memset(&u, 0, sizeof u);
    if (config_url_split(ctx, url, path, kind, &u) != 0 || kind != CONFIG_URL_CALL)
        return;
    int sessions = 0;
    if (config_url_placeholders(ctx, u.rest, path, session, CONFIG_MSG_URL_PLACEHOLDER,
                                &sessions) != 0)
        return;
    if (sessions > 1) {
        config_ctx_err(ctx, path, CONFIG_MSG_URL_SESSION_TWICE, NULL, NULL, NULL);
        return;
    }
    const struct config_call *call = &ctx->cfg->call;
    if (call->n_allowed_hosts == 0)
        return; /* no list at all is reported once by config_check */
    if (!config_url_allowed(call, &u)) {
        config_ctx_err(ctx, path, u.is_ip ? CONFIG_MSG_URL_IP_NOT_ALLOWED
                                          : CONFIG_MSG_URL_HOST_NOT_ALLOWED,
                       u.host, NULL, NULL);
        return;
    }
    /* The same rule the kiosk applies before it opens a call: whatever the
     * checker passes, the kiosk opens. */
    char sample[2048], why[URLRULE_WHY_MAX] = "the address is too long";
    if (urlrule_session_url(url, "0123456789abcdef0123456789abcdef", sample, sizeof sample) != 0 ||
        urlrule_check(sample, call->allowed_hosts, call->n_allowed_hosts, why, sizeof why) != 0)
        config_ctx_err(ctx, path, CONFIG_MSG_URL_REFUSED, why, NULL, NULL);
}

void config_url_check_launcher(struct config_ctx *ctx, char **argv, int n, const char *path)
{
    static const char *const names[] = {"{url}", "{profile}", "{x}", "{y}", "{w}", "{h}", NULL};
    int urls = 0;
    for (int i = 0; i < n; i++) {
        char ip[CONFIG_PATH_MAX];
        jsonpos_path_index(ip, sizeof ip, path, i);
        config_url_placeholders(ctx, argv[i], ip, names, CONFIG_MSG_LAUNCHER_PLACEHOLDER, &urls);
    }
    if (urls == 0)
        config_ctx_warn(ctx, path, CONFIG_MSG_LAUNCHER_NO_URL, NULL, NULL, NULL);
}
