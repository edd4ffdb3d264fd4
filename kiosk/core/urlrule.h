#ifndef KIOSK_URLRULE_H
#define KIOSK_URLRULE_H
/* Which URLs the kiosk may open for a call (pure: libc only).
 *
 * The rule is deliberately stricter than a browser's URL parser, so that
 * what the checker accepts is read the same way by every browser:
 *  - the scheme is https (any case), followed by "//";
 *  - no user info ("user@host"): it is the classic way to disguise a host;
 *  - the host is ASCII letters, digits, '-' and '.', no empty label (so no
 *    trailing dot), or an IP literal; non-ASCII (IDN) hosts must be written
 *    in punycode;
 *  - the host is compared case-insensitively with allowed_hosts: an entry
 *    "meet.example.jp" matches exactly that host; "*.example.jp" matches
 *    any host ending in ".example.jp" (a.example.jp, a.b.example.jp), but
 *    not example.jp itself and not evil-example.jp;
 *  - IP literals (IPv4 in any form a browser accepts, e.g. 127.0.0.1,
 *    127.1, 0x7f.1, 2130706433, and [IPv6]) are refused unless an entry
 *    equals them exactly ("127.0.0.1", "[::1]" or "::1"); wildcards never
 *    match them;
 *  - a port is allowed (1..65535, digits only);
 *  - control characters, spaces and backslashes are refused anywhere
 *    (browsers strip tabs and newlines and read '\' as '/', which would
 *    let "https://ok.jp\@evil.com" mean something else to the browser).
 */
#include <stddef.h>

#define URLRULE_WHY_MAX 160 /* a reason always fits in this many bytes */

/* Returns 0 if url may be opened, else -1 and a short English reason in why
 * (e.g. "scheme must be https", "host meet.evil.com is not in
 * allowed_hosts"). why may be NULL; it is always NUL-terminated when
 * whysz > 0. Nothing is allocated; the caller owns all buffers. */
int urlrule_check(const char *url, char *const *allowed_hosts, int n_allowed, char *why,
                  size_t whysz);

/* Copies tmpl into out replacing the placeholder "{session}" (which may
 * appear 0 or 1 times) with session. Returns 0, or -1 if the placeholder
 * appears more than once, an argument is NULL, or the result does not fit
 * in outsz bytes (out is then ""). The caller owns out. */
int urlrule_session_url(const char *tmpl, const char *session, char *out, size_t outsz);
#endif
