#ifndef KIOSK_URLRULE_H
#define KIOSK_URLRULE_H
/* The one URL parser of the kiosk, and which URLs it may open for a call
 * (pure: libc only). The config checker and the run-time rule both read
 * URLs through urlrule_parse, so they give the same verdict and reason.
 *
 * The rule is deliberately stricter than a browser's URL parser, so that
 * what the checker accepts is read the same way by every browser:
 *  - the text starts with a scheme and "://"; for a call the scheme is
 *    https (any case), for a web page http or https;
 *  - no user info ("user@host"): it is the classic way to disguise a host;
 *  - the host is ASCII letters, digits, '-' and '.', labels of 1..63
 *    characters that neither start nor end with '-' (so no trailing dot),
 *    at most 253 characters, or an IP literal; non-ASCII (IDN) hosts must
 *    be written in punycode;
 *  - the host is compared case-insensitively with allowed_hosts: an entry
 *    "meet.example.jp" matches exactly that host; "*.example.jp" matches
 *    any host ending in ".example.jp" (a.example.jp, a.b.example.jp), but
 *    not example.jp itself and not evil-example.jp;
 *  - IP literals (IPv4 in any form a browser accepts, e.g. 127.0.0.1,
 *    127.1, 0x7f.1, 2130706433, and [IPv6]) are refused unless an entry
 *    equals them exactly ("127.0.0.1", "[::1]" or "::1"); wildcards never
 *    match them;
 *  - a port is allowed (1..65535, digits only);
 *  - control characters and spaces are refused anywhere, and in a call URL
 *    backslashes too (browsers strip tabs and newlines and read '\' as '/',
 *    which would let "https://ok.jp\@evil.com" mean something else);
 *  - a '{' in the authority is a placeholder where the host should be.
 */
#include <stddef.h>

#define URLRULE_WHY_MAX 160 /* a reason always fits in this many bytes */

/* Why a URL is refused, in the order urlrule_parse looks. */
enum urlrule_reason {
    URLRULE_OK = 0,
    URLRULE_EMPTY,            /* "" */
    URLRULE_SPACE,            /* a space anywhere */
    URLRULE_CONTROL,          /* a control character anywhere */
    URLRULE_BACKSLASH,        /* a backslash (call URLs) */
    URLRULE_NOT_URL,          /* no "scheme://" at the start */
    URLRULE_SCHEME,           /* a scheme other than https (or http for web pages) */
    URLRULE_USERINFO,         /* "user@" before the host */
    URLRULE_HOST_PLACEHOLDER, /* '{' in the authority */
    URLRULE_NO_HOST,          /* nothing between "://" and ':' or the path */
    URLRULE_HOST_LONG,        /* more than 253 characters */
    URLRULE_HOST_ASCII,       /* a byte >= 0x80 in the host */
    URLRULE_HOST_CHAR,        /* a character other than [A-Za-z0-9.-] */
    URLRULE_HOST_LABEL,       /* an empty label, a label with '-' at an end, or > 63 */
    URLRULE_IPV6,             /* a bracketed host that is not an IPv6 address */
    URLRULE_PORT,             /* not a number from 1 to 65535 */
    URLRULE_HOST_NOT_ALLOWED, /* a name that no allowed_hosts entry matches */
    URLRULE_IP_NOT_ALLOWED,   /* an IP literal that no entry equals */
};

/* What urlrule_parse reads for a call URL or for a web page. */
enum urlrule_kind { URLRULE_CALL, URLRULE_WEB };

/* A URL split up. The pointers point into the parsed text (nothing is
 * allocated); the spans are not NUL-terminated. */
struct urlrule_url {
    const char *scheme;
    size_t schemelen;
    const char *auth; /* host[:port] */
    size_t authlen;
    const char *host; /* IPv6 keeps its brackets */
    size_t hostlen;
    const char *port; /* NULL when there is no ':' */
    size_t portlen;
    int is_ip;        /* an IPv4 form a browser accepts, or [IPv6] */
    const char *rest; /* path, query and fragment: the end of auth */
    char bad_char;    /* the character of URLRULE_HOST_CHAR */
};

/* Parses url into *out (zeroed first). Returns URLRULE_OK or the first
 * reason found; the parts found before it are filled in. */
enum urlrule_reason urlrule_parse(const char *url, enum urlrule_kind kind,
                                  struct urlrule_url *out);
/* URLRULE_OK if u's host is allowed by one of the entries (see above),
 * else URLRULE_IP_NOT_ALLOWED or URLRULE_HOST_NOT_ALLOWED. */
enum urlrule_reason urlrule_allowed(const struct urlrule_url *u, char *const *allowed_hosts,
                                    int n_allowed);
/* The short English reason (e.g. "scheme must be https") into why. */
void urlrule_reason_text(enum urlrule_reason r, const struct urlrule_url *u, char *why,
                         size_t whysz);
/* 1 if pattern is a valid allowed_hosts entry: a host name, "*.name.tld",
 * an IPv4 or IPv6 address, or "[IPv6]". */
int urlrule_pattern_ok(const char *pattern);

/* Parses a call URL and checks its host. Returns 0 if url may be opened,
 * else -1 and a short English reason in why (e.g. "scheme must be https",
 * "host meet.evil.com is not in allowed_hosts"). why may be NULL; it is
 * always NUL-terminated when whysz > 0. Nothing is allocated; the caller
 * owns all buffers. */
int urlrule_check(const char *url, char *const *allowed_hosts, int n_allowed, char *why,
                  size_t whysz);
/* Same, returning the reason code (URLRULE_OK when it may be opened). */
enum urlrule_reason urlrule_verdict(const char *url, char *const *allowed_hosts, int n_allowed,
                                    char *why, size_t whysz);

/* Copies tmpl into out replacing the placeholder "{session}" (which may
 * appear 0 or 1 times) with session. Returns 0, or -1 if the placeholder
 * appears more than once, an argument is NULL, or the result does not fit
 * in outsz bytes (out is then ""). The caller owns out. */
int urlrule_session_url(const char *tmpl, const char *session, char *out, size_t outsz);
#endif
