/* Table test for urlrule: which call URLs the kiosk may open, and why not.
 * Each row: URL, expected result, and the exact reason for a refusal. */
#include "check.h"
#include "urlrule.h"

#include <string.h>

struct test_urlrule_case {
    const char *url;
    int want;
    const char *why; /* exact reason when want is -1 */
};

static char *test_urlrule_hosts[] = {
    "meet.example.jp", "*.video.example.jp", "Clerk.Tobetsu.LG.JP", "127.0.0.2",
    "[::2]",           "fe80::1",            "192.168.1.10",
};

#define NOT_LISTED(h) "host " h " is not in allowed_hosts"
#define IP_REFUSED "IP address hosts are not allowed unless listed"
#define BAD_PORT "port must be a number from 1 to 65535"

static const struct test_urlrule_case test_urlrule_cases[] = {
    /* allowed */
    {"https://meet.example.jp/tobetsu-0123", 0, NULL},
    {"https://meet.example.jp", 0, NULL},
    {"https://meet.example.jp/", 0, NULL},
    {"HTTPS://MEET.EXAMPLE.JP/x", 0, NULL},
    {"hTTpS://Meet.Example.Jp/Room?x=1#config.prejoinConfig.enabled=false", 0, NULL},
    {"https://meet.example.jp:8443/room", 0, NULL},
    {"https://meet.example.jp?x=1", 0, NULL},
    {"https://meet.example.jp#frag", 0, NULL},
    {"https://a.video.example.jp/room", 0, NULL},
    {"https://a.b.video.example.jp/room", 0, NULL},
    {"https://A.VIDEO.EXAMPLE.JP/room", 0, NULL},
    {"https://clerk.tobetsu.lg.jp/", 0, NULL},
    {"https://127.0.0.2/", 0, NULL},
    {"https://127.0.0.2:8443/room", 0, NULL},
    {"https://[::2]/", 0, NULL},
    {"https://[fe80::1]:443/", 0, NULL},
    {"https://192.168.1.10/x", 0, NULL},
    {"https://meet.example.jp/%E6%9C%AD%E5%B9%8C", 0, NULL},
    {"https://meet.example.jp/path@with-at", 0, NULL},
    /* scheme */
    {"http://meet.example.jp/", -1, "scheme must be https"},
    {"ftp://meet.example.jp/", -1, "scheme must be https"},
    {"javascript:alert(1)", -1, "scheme must be https"},
    {"file:///etc/passwd", -1, "scheme must be https"},
    {"httpss://meet.example.jp/", -1, "scheme must be https"},
    {"meet.example.jp/room", -1, "scheme must be https"},
    {"//meet.example.jp/room", -1, "scheme must be https"},
    {"https:meet.example.jp/", -1, "URL must start with https://"},
    {"https:/meet.example.jp/", -1, "URL must start with https://"},
    {"", -1, "URL is empty"},
    /* hosts that only look allowed */
    {"https://meet.example.jp@evil.com/", -1, "user info (user@) is not allowed"},
    {"https://user:pw@meet.example.jp/", -1, "user info (user@) is not allowed"},
    {"https://@meet.example.jp/", -1, "user info (user@) is not allowed"},
    {"https://evil.com/meet.example.jp", -1, NOT_LISTED("evil.com")},
    {"https://evil.com?meet.example.jp", -1, NOT_LISTED("evil.com")},
    {"https://evil.com#@meet.example.jp", -1, NOT_LISTED("evil.com")},
    {"https://meet.example.jp.evil.com/", -1, NOT_LISTED("meet.example.jp.evil.com")},
    {"https://meet.evil.com/", -1, NOT_LISTED("meet.evil.com")},
    {"https://xmeet.example.jp/", -1, NOT_LISTED("xmeet.example.jp")},
    {"https://example.jp/", -1, NOT_LISTED("example.jp")},
    {"https://sub.meet.example.jp/", -1, NOT_LISTED("sub.meet.example.jp")},
    {"https://video.example.jp/", -1, NOT_LISTED("video.example.jp")},
    {"https://evil-video.example.jp/", -1, NOT_LISTED("evil-video.example.jp")},
    {"https://evilvideo.example.jp/", -1, NOT_LISTED("evilvideo.example.jp")},
    {"https://a.video.example.jp.evil.com/", -1, NOT_LISTED("a.video.example.jp.evil.com")},
    {"https://meet.example.jp./", -1, "host has an empty label"},
    {"https://.meet.example.jp/", -1, "host has an empty label"},
    {"https://a..video.example.jp/", -1, "host has an empty label"},
    {"https://meet.example.jp%2eevil.com/", -1, "host contains the character '%'"},
    {"https://meet_example.jp/", -1, "host contains the character '_'"},
    {"https://m\xc3\xa9" "et.example.jp/", -1, "host must be ASCII (write IDN hosts in punycode)"},
    {"https:///meet.example.jp", -1, "host is empty"},
    {"https://", -1, "host is empty"},
    {"https://:443/", -1, "host is empty"},
    /* characters browsers strip or reinterpret */
    {"https://meet.example.jp\\@evil.com/", -1, "URL contains a backslash"},
    {"https:\\\\evil.com/", -1, "URL contains a backslash"},
    {"https://meet.example.jp /", -1, "URL contains a space"},
    {" https://meet.example.jp/", -1, "URL contains a space"},
    {"https://meet.exa\tmple.jp/", -1, "URL contains a control character"},
    {"https://meet.example.jp/\n", -1, "URL contains a control character"},
    {"https://meet.example.jp/\x7f", -1, "URL contains a control character"},
    {"https://evil.com\r\n.meet.example.jp/", -1, "URL contains a control character"},
    /* IP literals */
    {"https://127.0.0.1/", -1, IP_REFUSED},
    {"https://127.1/", -1, IP_REFUSED},
    {"https://0x7f.0.0.1/", -1, IP_REFUSED},
    {"https://2130706433/", -1, IP_REFUSED},
    {"https://127.0.0.2.example/", -1, NOT_LISTED("127.0.0.2.example")},
    {"https://[::1]/", -1, IP_REFUSED},
    {"https://[::ffff:127.0.0.1]/", -1, IP_REFUSED},
    {"https://[::1/", -1, "IPv6 address is missing ']'"},
    {"https://[::1]x/", -1, "unexpected text after the IPv6 address"},
    {"https://[meet.example.jp]/", -1, "invalid IPv6 address"},
    {"https://[fe80::1%25eth0]/", -1, "invalid IPv6 address"},
    /* ports */
    {"https://meet.example.jp:/", -1, BAD_PORT},
    {"https://meet.example.jp:0/", -1, BAD_PORT},
    {"https://meet.example.jp:65536/", -1, BAD_PORT},
    {"https://meet.example.jp:123456/", -1, BAD_PORT},
    {"https://meet.example.jp:44x/", -1, BAD_PORT},
    {"https://meet.example.jp:-1/", -1, BAD_PORT},
    {"https://meet.example.jp:443:443/", -1, BAD_PORT},
};

static void test_urlrule_table(void)
{
    size_t n = sizeof test_urlrule_cases / sizeof test_urlrule_cases[0];
    int nh = (int)(sizeof test_urlrule_hosts / sizeof test_urlrule_hosts[0]);
    for (size_t i = 0; i < n; i++) {
        const struct test_urlrule_case *c = &test_urlrule_cases[i];
        char why[URLRULE_WHY_MAX] = "unset";
        int got = urlrule_check(c->url, test_urlrule_hosts, nh, why, sizeof why);
        if (got != c->want)
            fprintf(stderr, "case %zu: %s -> %d (%s)\n", i, c->url, got, why);
        CHECK_INT(got, c->want);
        CHECK_STR(why, c->want == 0 ? "" : c->why);
    }
}

static void test_urlrule_edges(void)
{
    char why[8];
    CHECK_INT(urlrule_check(NULL, test_urlrule_hosts, 1, why, sizeof why), -1);
    CHECK_STR(why, "URL is ");  /* truncated but terminated */
    CHECK_INT(urlrule_check("https://meet.example.jp/", NULL, 0, NULL, 0), -1);
    CHECK_INT(urlrule_check("https://meet.example.jp/", test_urlrule_hosts, 0, NULL, 0), -1);
    char *with_null[] = {NULL, "meet.example.jp"};
    CHECK_INT(urlrule_check("https://meet.example.jp/", with_null, 2, NULL, 0), 0);
    char *star[] = {"*.", "*"};
    CHECK_INT(urlrule_check("https://meet.example.jp/", star, 2, NULL, 0), -1);
    char long_url[400];
    memset(long_url, 'a', sizeof long_url - 1);
    long_url[sizeof long_url - 1] = '\0';
    memcpy(long_url, "https://", 8);
    char big[URLRULE_WHY_MAX];
    CHECK_INT(urlrule_check(long_url, test_urlrule_hosts, 1, big, sizeof big), -1);
    CHECK_STR(big, "host is longer than 253 characters");
}

static void test_urlrule_session(void)
{
    char out[64];
    CHECK_INT(urlrule_session_url("https://m.jp/t-{session}", "ab12", out, sizeof out), 0);
    CHECK_STR(out, "https://m.jp/t-ab12");
    CHECK_INT(urlrule_session_url("https://m.jp/{session}#x", "ab", out, sizeof out), 0);
    CHECK_STR(out, "https://m.jp/ab#x");
    CHECK_INT(urlrule_session_url("https://m.jp/fixed", "ab", out, sizeof out), 0);
    CHECK_STR(out, "https://m.jp/fixed");
    CHECK_INT(urlrule_session_url("{session}", "xyz", out, sizeof out), 0);
    CHECK_STR(out, "xyz");
    CHECK_INT(urlrule_session_url("https://m.jp/{session}/{session}", "a", out, sizeof out), -1);
    CHECK_STR(out, "");
    CHECK_INT(urlrule_session_url("https://m.jp/{sessionX}", "a", out, sizeof out), 0);
    CHECK_STR(out, "https://m.jp/{sessionX}");
    CHECK_INT(urlrule_session_url("https://m.jp/{Session}", "a", out, sizeof out), 0);
    CHECK_STR(out, "https://m.jp/{Session}");
    /* exact fit: 12 chars + NUL in 13 bytes; one byte less fails */
    CHECK_INT(urlrule_session_url("https://{session}", "abcd", out, 13), 0);
    CHECK_STR(out, "https://abcd");
    CHECK_INT(urlrule_session_url("https://{session}", "abcd", out, 12), -1);
    CHECK_STR(out, "");
    CHECK_INT(urlrule_session_url(NULL, "a", out, sizeof out), -1);
    CHECK_INT(urlrule_session_url("x", NULL, out, sizeof out), -1);
    CHECK_INT(urlrule_session_url("x", "a", NULL, 0), -1);
    CHECK_INT(urlrule_session_url("x", "a", out, 0), -1);
}

int main(void)
{
    test_urlrule_table();
    test_urlrule_edges();
    test_urlrule_session();
    return CHECK_RESULT();
}
