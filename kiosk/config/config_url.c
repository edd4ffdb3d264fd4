/* Checks of the web addresses in the config: call URLs must be https, on an
 * allowed host, with at most one {session}; the others http(s). */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "config_int.h"
#include "urlrule.h"

/* The message for a reason urlrule_parse gives, and its argument. */
static enum config_msg config_url_msg(enum urlrule_reason r, enum config_url_kind kind,
                                      const char *url, const struct urlrule_url *u, char *arg,
                                      size_t argsz)
{
    int call = kind != CONFIG_URL_WEB && kind != CONFIG_URL_NOTIFY; /* fleet: https too */
    size_t alen = u->authlen < 200 ? u->authlen : 200, plen = u->portlen < 20 ? u->portlen : 20;
    arg[0] = '\0';
    switch (r) {
    case URLRULE_SPACE:
    case URLRULE_CONTROL:
        return CONFIG_MSG_URL_SPACE;
    case URLRULE_NOT_URL:
        snprintf(arg, argsz, "%s", url);
        return call ? CONFIG_MSG_URL_NOT_URL : CONFIG_MSG_URL_HTTP;
    case URLRULE_SCHEME:
        return call ? CONFIG_MSG_URL_HTTPS : CONFIG_MSG_URL_HTTP;
    case URLRULE_USERINFO:
        return CONFIG_MSG_URL_USERINFO;
    case URLRULE_NO_HOST:
        snprintf(arg, argsz, "%.*s", (int)alen, u->auth ? u->auth : "");
        return CONFIG_MSG_URL_NO_HOST;
    case URLRULE_HOST_PLACEHOLDER:
        if (call)
            return CONFIG_MSG_URL_SESSION_HOST;
        snprintf(arg, argsz, "%.*s", (int)alen, u->auth); /* on a web page: a bad host */
        return CONFIG_MSG_URL_BAD_HOST;
    case URLRULE_HOST_LONG:
    case URLRULE_HOST_ASCII:
    case URLRULE_HOST_CHAR:
    case URLRULE_HOST_LABEL:
    case URLRULE_IPV6:
        snprintf(arg, argsz, "%.*s", (int)alen, u->auth);
        return CONFIG_MSG_URL_BAD_HOST;
    case URLRULE_PORT:
        snprintf(arg, argsz, "%.*s", (int)plen, u->port);
        return CONFIG_MSG_URL_BAD_PORT;
    case URLRULE_HOST_NOT_ALLOWED:
        snprintf(arg, argsz, "%.*s", (int)(u->hostlen < 200 ? u->hostlen : 200), u->host);
        return CONFIG_MSG_URL_HOST_NOT_ALLOWED;
    case URLRULE_IP_NOT_ALLOWED: /* shown without the brackets of [IPv6] */
        if (u->host[0] == '[')
            snprintf(arg, argsz, "%.*s", (int)(u->hostlen - 2), u->host + 1);
        else
            snprintf(arg, argsz, "%.*s", (int)u->hostlen, u->host);
        return CONFIG_MSG_URL_IP_NOT_ALLOWED;
    default: /* a backslash, or nothing at all: the run-time rule's own words */
        urlrule_reason_text(r, u, arg, argsz);
        return r == URLRULE_EMPTY ? CONFIG_MSG_EMPTY : CONFIG_MSG_URL_REFUSED;
    }
}

static int config_url_report(struct config_ctx *ctx, const char *path, enum urlrule_reason r,
                             enum config_url_kind kind, const char *url,
                             const struct urlrule_url *u)
{
    char arg[256];
    enum config_msg m = config_url_msg(r, kind, url, u, arg, sizeof arg);
    config_ctx_err(ctx, path, m, arg[0] ? arg : NULL, NULL, NULL);
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

static int config_url_loopback(const struct urlrule_url *u)
{
    static const char *const names[] = {"localhost", "[::1]"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (u->hostlen == strlen(names[i]) && strncasecmp(u->host, names[i], u->hostlen) == 0)
            return 1;
    return u->hostlen > 4 && strncmp(u->host, "127.", 4) == 0 &&
           strspn(u->host, "0123456789.") >= u->hostlen;
}

void config_url_check(struct config_ctx *ctx, const char *url, const char *path,
                      enum config_url_kind kind)
{
    static const char *const session[] = {"{session}", NULL};
    struct urlrule_url u;
    enum urlrule_reason r =
        urlrule_parse(url, kind == CONFIG_URL_WEB || kind == CONFIG_URL_NOTIFY ? URLRULE_WEB
                                                                               : URLRULE_CALL,
                      &u);
    if (r != URLRULE_OK) {
        config_url_report(ctx, path, r, kind, url, &u);
        return;
    }
    /* The visitor's call events travel encrypted; plain http only to this
     * machine (a local relay, the tests). */
    if (kind == CONFIG_URL_NOTIFY && u.schemelen == 4 && !config_url_loopback(&u))
        config_ctx_err(ctx, path, CONFIG_MSG_URL_NOTIFY_HTTP, NULL, NULL, NULL);
    if (kind != CONFIG_URL_CALL)
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
    r = urlrule_allowed(&u, call->allowed_hosts, call->n_allowed_hosts);
    if (r != URLRULE_OK) {
        config_url_report(ctx, path, r, kind, url, &u);
        return;
    }
    /* The kiosk puts a session id in and must still fit its buffer. */
    char sample[2048];
    if (urlrule_session_url(url, "0123456789abcdef0123456789abcdef", sample, sizeof sample) != 0)
        config_ctx_err(ctx, path, CONFIG_MSG_URL_REFUSED, "the address is too long", NULL, NULL);
}

void config_url_check_launcher(struct config_ctx *ctx, char **argv, int n, const char *path)
{
    static const char *const names[] = {"{url}", "{profile}", "{x}", "{y}", "{w}", "{h}", NULL};
    int urls = 0;
    for (int i = 0; i < n; i++) {
        char ip[CONFIG_PATH_MAX];
        jsonpath_index(ip, sizeof ip, path, i);
        config_url_placeholders(ctx, argv[i], ip, names, CONFIG_MSG_LAUNCHER_PLACEHOLDER, &urls);
    }
    if (urls == 0)
        config_ctx_warn(ctx, path, CONFIG_MSG_LAUNCHER_NO_URL, NULL, NULL, NULL);
}
