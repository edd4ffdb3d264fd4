#include "urlrule.h"

#include <stdio.h>
#include <string.h>

#define URLRULE_HOST_MAX 253  /* longest DNS name */
#define URLRULE_LABEL_MAX 63  /* longest DNS label */
#define URLRULE_V6_MAX 45     /* longest IPv6 text, without brackets */
#define URLRULE_SHOW_MAX 80   /* longest host quoted in a reason */
#define URLRULE_SESSION "{session}"

/* ASCII only: the C library's tolower depends on the locale. */
static int urlrule_lower(int c) { return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c; }

static int urlrule_eq_n(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (urlrule_lower((unsigned char)a[i]) != urlrule_lower((unsigned char)b[i]))
            return 0;
    return 1;
}

static int urlrule_is_digit(int c) { return c >= '0' && c <= '9'; }
static int urlrule_is_hex(int c)
{
    int l = urlrule_lower(c);
    return urlrule_is_digit(c) || (l >= 'a' && l <= 'f');
}
static int urlrule_is_alpha(int c)
{
    int l = urlrule_lower(c);
    return l >= 'a' && l <= 'z';
}
static int urlrule_is_alnum(int c) { return urlrule_is_digit(c) || urlrule_is_alpha(c); }

/* Characters a browser strips or reinterprets. */
static enum urlrule_reason urlrule_chars(const char *url, enum urlrule_kind kind)
{
    for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
        if (*p == ' ')
            return URLRULE_SPACE;
        if (*p < 0x20 || *p == 0x7f)
            return URLRULE_CONTROL;
        if (*p == '\\' && kind == URLRULE_CALL)
            return URLRULE_BACKSLASH;
    }
    return URLRULE_OK;
}

/* "scheme://" at the start (RFC 3986: a letter, then letters, digits, + - .). */
static enum urlrule_reason urlrule_scheme(const char *url, enum urlrule_kind kind,
                                          struct urlrule_url *u)
{
    size_t n = 0;
    if (!urlrule_is_alpha((unsigned char)url[0]))
        return URLRULE_NOT_URL;
    while (urlrule_is_alnum((unsigned char)url[n]) || url[n] == '+' || url[n] == '-' ||
           url[n] == '.')
        n++;
    if (strncmp(url + n, "://", 3) != 0)
        return URLRULE_NOT_URL;
    u->scheme = url;
    u->schemelen = n;
    int https = n == 5 && urlrule_eq_n(url, "https", 5);
    int http = n == 4 && urlrule_eq_n(url, "http", 4);
    if (!https && !(http && kind == URLRULE_WEB))
        return URLRULE_SCHEME;
    return URLRULE_OK;
}

/* A browser reads a host whose last label is a number (decimal or 0x hex)
 * as an IPv4 address: 127.1, 0x7f.0.0.1 and 2130706433 are all 127.0.0.1. */
static int urlrule_ends_in_number(const char *h, size_t n)
{
    size_t start = n;
    while (start > 0 && h[start - 1] != '.')
        start--;
    const char *last = h + start;
    size_t len = n - start, i = 0;
    if (len == 0)
        return 0;
    if (len >= 2 && last[0] == '0' && urlrule_lower((unsigned char)last[1]) == 'x') {
        for (i = 2; i < len && urlrule_is_hex((unsigned char)last[i]); i++)
            ;
        return i == len;
    }
    for (i = 0; i < len && urlrule_is_digit((unsigned char)last[i]); i++)
        ;
    return i == len;
}

/* A DNS name: labels of 1..63 [A-Za-z0-9-], not starting or ending in '-'. */
static enum urlrule_reason urlrule_name(const char *h, size_t n, char *bad_char)
{
    size_t label = 0;
    if (n > URLRULE_HOST_MAX)
        return URLRULE_HOST_LONG;
    for (size_t i = 0; i <= n; i++) {
        unsigned char c = i < n ? (unsigned char)h[i] : '.';
        if (c >= 0x80)
            return URLRULE_HOST_ASCII;
        if (c == '.') {
            if (label == 0 || h[i - 1] == '-')
                return URLRULE_HOST_LABEL;
            label = 0;
        } else if (!urlrule_is_alnum(c) && c != '-') {
            if (bad_char)
                *bad_char = (char)c;
            return URLRULE_HOST_CHAR;
        } else if ((c == '-' && label == 0) || ++label > URLRULE_LABEL_MAX) {
            return URLRULE_HOST_LABEL;
        }
    }
    return URLRULE_OK;
}

/* IPv6 text without brackets: hex digits, ':' and '.' (an IPv4 tail). */
static int urlrule_v6_ok(const char *s, size_t n, int min_colons)
{
    int colons = 0;
    if (n < 2 || n > URLRULE_V6_MAX)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ':')
            colons++;
        else if (!urlrule_is_hex(c) && c != '.')
            return 0;
    }
    return colons >= min_colons;
}

static enum urlrule_reason urlrule_port(const struct urlrule_url *u)
{
    long v = 0;
    if (!u->port)
        return URLRULE_OK;
    if (u->portlen == 0 || u->portlen > 5)
        return URLRULE_PORT;
    for (size_t i = 0; i < u->portlen; i++) {
        if (!urlrule_is_digit((unsigned char)u->port[i]))
            return URLRULE_PORT;
        v = v * 10 + (u->port[i] - '0');
    }
    return v >= 1 && v <= 65535 ? URLRULE_OK : URLRULE_PORT;
}

/* Splits "host[:port]" or "[v6][:port]" (the authority has no user info). */
static enum urlrule_reason urlrule_split(struct urlrule_url *u)
{
    const char *auth = u->auth, *colon;
    size_t alen = u->authlen;
    u->host = auth;
    if (auth[0] == '[') {
        const char *close = memchr(auth, ']', alen);
        if (!close)
            return URLRULE_IPV6;
        u->hostlen = (size_t)(close - auth) + 1;
        u->is_ip = 1;
        if (u->hostlen < alen && auth[u->hostlen] != ':')
            return URLRULE_IPV6;
        colon = u->hostlen < alen ? auth + u->hostlen : NULL;
    } else {
        colon = memchr(auth, ':', alen);
        u->hostlen = colon ? (size_t)(colon - auth) : alen;
    }
    if (colon) {
        u->port = colon + 1;
        u->portlen = alen - (size_t)(u->port - auth);
    }
    if (u->hostlen == 0)
        return URLRULE_NO_HOST;
    if (u->is_ip && !urlrule_v6_ok(u->host + 1, u->hostlen - 2, 2))
        return URLRULE_IPV6;
    if (!u->is_ip) {
        enum urlrule_reason r = urlrule_name(u->host, u->hostlen, &u->bad_char);
        if (r != URLRULE_OK)
            return r;
        u->is_ip = urlrule_ends_in_number(u->host, u->hostlen);
    }
    return urlrule_port(u);
}

enum urlrule_reason urlrule_parse(const char *url, enum urlrule_kind kind,
                                  struct urlrule_url *out)
{
    memset(out, 0, sizeof *out);
    if (!url || !url[0])
        return URLRULE_EMPTY;
    enum urlrule_reason r = urlrule_chars(url, kind);
    if (r == URLRULE_OK)
        r = urlrule_scheme(url, kind, out);
    if (r != URLRULE_OK)
        return r;
    out->auth = url + out->schemelen + 3;
    out->authlen = strcspn(out->auth, "/?#");
    out->rest = out->auth + out->authlen;
    if (out->authlen == 0)
        return URLRULE_NO_HOST;
    if (memchr(out->auth, '@', out->authlen))
        return URLRULE_USERINFO;
    if (memchr(out->auth, '{', out->authlen))
        return URLRULE_HOST_PLACEHOLDER;
    return urlrule_split(out);
}

static int urlrule_same(const char *h, size_t n, const char *entry)
{
    return strlen(entry) == n && urlrule_eq_n(h, entry, n);
}

/* 1 if the host is allowed by one entry (see the header for the rules). */
static int urlrule_entry_allows(const struct urlrule_url *u, const char *entry)
{
    if (u->is_ip) {
        if (urlrule_same(u->host, u->hostlen, entry))
            return 1;
        /* "[::1]" may be listed without its brackets */
        return u->host[0] == '[' && urlrule_same(u->host + 1, u->hostlen - 2, entry);
    }
    if (entry[0] == '*' && entry[1] == '.') {
        size_t slen = strlen(entry + 1); /* ".example.jp" */
        return u->hostlen > slen &&
               urlrule_eq_n(u->host + u->hostlen - slen, entry + 1, slen);
    }
    return urlrule_same(u->host, u->hostlen, entry);
}

enum urlrule_reason urlrule_allowed(const struct urlrule_url *u, char *const *allowed_hosts,
                                    int n_allowed)
{
    for (int i = 0; allowed_hosts && i < n_allowed; i++)
        if (allowed_hosts[i] && urlrule_entry_allows(u, allowed_hosts[i]))
            return URLRULE_OK;
    return u->is_ip ? URLRULE_IP_NOT_ALLOWED : URLRULE_HOST_NOT_ALLOWED;
}

void urlrule_reason_text(enum urlrule_reason r, const struct urlrule_url *u, char *why,
                         size_t whysz)
{
    static const char *const texts[] = {
        [URLRULE_OK] = "",
        [URLRULE_EMPTY] = "URL is empty",
        [URLRULE_SPACE] = "URL contains a space",
        [URLRULE_CONTROL] = "URL contains a control character",
        [URLRULE_BACKSLASH] = "URL contains a backslash",
        [URLRULE_NOT_URL] = "URL must start with https://",
        [URLRULE_SCHEME] = "scheme must be https",
        [URLRULE_USERINFO] = "user info (user@) is not allowed",
        [URLRULE_HOST_PLACEHOLDER] = "a placeholder {...} is where the host should be",
        [URLRULE_NO_HOST] = "host is empty",
        [URLRULE_HOST_LONG] = "host is longer than 253 characters",
        [URLRULE_HOST_ASCII] = "host must be ASCII (write IDN hosts in punycode)",
        [URLRULE_HOST_LABEL] = "host has an empty label, one longer than 63 characters or "
                               "one with '-' at an end",
        [URLRULE_IPV6] = "invalid IPv6 address",
        [URLRULE_PORT] = "port must be a number from 1 to 65535",
        [URLRULE_IP_NOT_ALLOWED] = "IP address hosts are not allowed unless listed",
    };
    if (!why || whysz == 0)
        return;
    if (r == URLRULE_HOST_CHAR) {
        snprintf(why, whysz, "host contains the character '%c'", u ? u->bad_char : '?');
    } else if (r == URLRULE_HOST_NOT_ALLOWED && u && u->host) {
        int show = u->hostlen > URLRULE_SHOW_MAX ? URLRULE_SHOW_MAX : (int)u->hostlen;
        snprintf(why, whysz, "host %.*s is not in allowed_hosts", show, u->host);
    } else {
        const char *t = (unsigned)r < sizeof texts / sizeof texts[0] && texts[r] ? texts[r] : "?";
        snprintf(why, whysz, "%s", t);
    }
}

int urlrule_pattern_ok(const char *pattern)
{
    size_t len = strlen(pattern);
    if (strncmp(pattern, "*.", 2) == 0)
        return urlrule_name(pattern + 2, len - 2, NULL) == URLRULE_OK &&
               strchr(pattern + 2, '.') != NULL;
    if (pattern[0] == '[')
        return len >= 3 && pattern[len - 1] == ']' && urlrule_v6_ok(pattern + 1, len - 2, 1);
    return (len > 0 && urlrule_name(pattern, len, NULL) == URLRULE_OK) ||
           urlrule_v6_ok(pattern, len, 1);
}

enum urlrule_reason urlrule_verdict(const char *url, char *const *allowed_hosts, int n_allowed,
                                    char *why, size_t whysz)
{
    struct urlrule_url u;
    enum urlrule_reason r = urlrule_parse(url, URLRULE_CALL, &u);
    if (r == URLRULE_OK)
        r = urlrule_allowed(&u, allowed_hosts, n_allowed);
    urlrule_reason_text(r, &u, why, whysz);
    return r;
}

int urlrule_check(const char *url, char *const *allowed_hosts, int n_allowed, char *why,
                  size_t whysz)
{
    return urlrule_verdict(url, allowed_hosts, n_allowed, why, whysz) == URLRULE_OK ? 0 : -1;
}

int urlrule_session_url(const char *tmpl, const char *session, char *out, size_t outsz)
{
    if (!out || outsz == 0)
        return -1;
    out[0] = '\0';
    if (!tmpl || !session)
        return -1;
    const size_t plen = sizeof URLRULE_SESSION - 1;
    const char *at = strstr(tmpl, URLRULE_SESSION);
    if (at && strstr(at + plen, URLRULE_SESSION))
        return -1;
    size_t head = at ? (size_t)(at - tmpl) : strlen(tmpl);
    size_t slen = at ? strlen(session) : 0;
    const char *tail = at ? at + plen : "";
    size_t tlen = strlen(tail);
    if (head + slen + tlen >= outsz)
        return -1;
    memcpy(out, tmpl, head);
    memcpy(out + head, session, slen);
    memcpy(out + head + slen, tail, tlen + 1);
    return 0;
}
