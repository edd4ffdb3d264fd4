#include "urlrule.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define URLRULE_HOST_MAX 253   /* longest DNS name */
#define URLRULE_SHOW_MAX 80    /* longest host quoted in a reason */
#define URLRULE_SESSION "{session}"

/* The part of the URL between "https://" and the path, split up. */
struct urlrule_parts {
    const char *host; /* not NUL-terminated; IPv6 keeps its brackets */
    size_t hostlen;
    const char *port; /* NULL when there is no ':' */
    size_t portlen;
    int is_ip;
};

__attribute__((format(printf, 3, 4))) static int urlrule_fail(char *why, size_t whysz,
                                                              const char *fmt, ...)
{
    if (why && whysz > 0) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(why, whysz, fmt, ap);
        va_end(ap);
    }
    return -1;
}

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
static int urlrule_is_alnum(int c)
{
    int l = urlrule_lower(c);
    return urlrule_is_digit(c) || (l >= 'a' && l <= 'z');
}

/* Characters a browser strips or reinterprets: refused anywhere. */
static int urlrule_check_chars(const char *url, char *why, size_t whysz)
{
    for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
        if (*p == ' ')
            return urlrule_fail(why, whysz, "URL contains a space");
        if (*p < 0x20 || *p == 0x7f)
            return urlrule_fail(why, whysz, "URL contains a control character");
        if (*p == '\\')
            return urlrule_fail(why, whysz, "URL contains a backslash");
    }
    return 0;
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

static int urlrule_check_name(const struct urlrule_parts *u, char *why, size_t whysz)
{
    const char *h = u->host;
    size_t n = u->hostlen;
    if (n > URLRULE_HOST_MAX)
        return urlrule_fail(why, whysz, "host is longer than %d characters", URLRULE_HOST_MAX);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)h[i];
        if (c >= 0x80)
            return urlrule_fail(why, whysz, "host must be ASCII (write IDN hosts in punycode)");
        if (!urlrule_is_alnum(c) && c != '-' && c != '.')
            return urlrule_fail(why, whysz, "host contains the character '%c'", c);
        if (c == '.' && (i == 0 || i + 1 == n || h[i + 1] == '.'))
            return urlrule_fail(why, whysz, "host has an empty label");
    }
    return 0;
}

static int urlrule_check_v6(const struct urlrule_parts *u, char *why, size_t whysz)
{
    int colons = 0;
    for (size_t i = 1; i + 1 < u->hostlen; i++) {
        unsigned char c = (unsigned char)u->host[i];
        if (c == ':')
            colons++;
        else if (!urlrule_is_hex(c) && c != '.')
            return urlrule_fail(why, whysz, "invalid IPv6 address");
    }
    if (colons < 2)
        return urlrule_fail(why, whysz, "invalid IPv6 address");
    return 0;
}

static int urlrule_check_port(const struct urlrule_parts *u, char *why, size_t whysz)
{
    long v = 0;
    if (!u->port)
        return 0;
    if (u->portlen == 0 || u->portlen > 5)
        return urlrule_fail(why, whysz, "port must be a number from 1 to 65535");
    for (size_t i = 0; i < u->portlen; i++) {
        if (!urlrule_is_digit((unsigned char)u->port[i]))
            return urlrule_fail(why, whysz, "port must be a number from 1 to 65535");
        v = v * 10 + (u->port[i] - '0');
    }
    if (v < 1 || v > 65535)
        return urlrule_fail(why, whysz, "port must be a number from 1 to 65535");
    return 0;
}

/* Splits "host[:port]" or "[v6][:port]" (auth has no user info). */
static int urlrule_split(const char *auth, size_t alen, struct urlrule_parts *u, char *why,
                         size_t whysz)
{
    const char *colon;
    memset(u, 0, sizeof *u);
    u->host = auth;
    if (auth[0] == '[') {
        const char *close = memchr(auth, ']', alen);
        if (!close)
            return urlrule_fail(why, whysz, "IPv6 address is missing ']'");
        u->hostlen = (size_t)(close - auth) + 1;
        u->is_ip = 1;
        if (u->hostlen < alen && auth[u->hostlen] != ':')
            return urlrule_fail(why, whysz, "unexpected text after the IPv6 address");
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
        return urlrule_fail(why, whysz, "host is empty");
    if (!u->is_ip && urlrule_check_name(u, why, whysz) != 0)
        return -1;
    if (u->is_ip && urlrule_check_v6(u, why, whysz) != 0)
        return -1;
    if (!u->is_ip)
        u->is_ip = urlrule_ends_in_number(u->host, u->hostlen);
    return urlrule_check_port(u, why, whysz);
}

static int urlrule_same(const char *h, size_t n, const char *entry)
{
    return strlen(entry) == n && urlrule_eq_n(h, entry, n);
}

/* 1 if the host is allowed by one entry (see the header for the rules). */
static int urlrule_entry_allows(const struct urlrule_parts *u, const char *entry)
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

static int urlrule_allowed(const struct urlrule_parts *u, char *const *allowed, int n)
{
    for (int i = 0; allowed && i < n; i++)
        if (allowed[i] && urlrule_entry_allows(u, allowed[i]))
            return 1;
    return 0;
}

int urlrule_check(const char *url, char *const *allowed_hosts, int n_allowed, char *why,
                  size_t whysz)
{
    struct urlrule_parts u;
    if (why && whysz > 0)
        why[0] = '\0';
    if (!url || !url[0])
        return urlrule_fail(why, whysz, "URL is empty");
    if (urlrule_check_chars(url, why, whysz) != 0)
        return -1;
    if (!urlrule_eq_n(url, "https:", 6))
        return urlrule_fail(why, whysz, "scheme must be https");
    if (url[6] != '/' || url[7] != '/')
        return urlrule_fail(why, whysz, "URL must start with https://");
    const char *auth = url + 8;
    size_t alen = strcspn(auth, "/?#");
    if (alen == 0)
        return urlrule_fail(why, whysz, "host is empty");
    if (memchr(auth, '@', alen))
        return urlrule_fail(why, whysz, "user info (user@) is not allowed");
    if (urlrule_split(auth, alen, &u, why, whysz) != 0)
        return -1;
    if (urlrule_allowed(&u, allowed_hosts, n_allowed))
        return 0;
    if (u.is_ip)
        return urlrule_fail(why, whysz, "IP address hosts are not allowed unless listed");
    int show = u.hostlen > URLRULE_SHOW_MAX ? URLRULE_SHOW_MAX : (int)u.hostlen;
    return urlrule_fail(why, whysz, "host %.*s is not in allowed_hosts", show, u.host);
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
