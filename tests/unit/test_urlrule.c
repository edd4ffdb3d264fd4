/* Table test of the one URL parser: each URL goes through the run-time
 * rule (urlrule_check, what the kiosk does before it opens a call) and
 * through the config checker (a config with that call URL), and both must
 * give the row's verdict and reason: the rule its reason code, the checker
 * the message it maps that reason to. Both see the URL as written in the
 * config, {session} and all. */
#include "check.h"
#include "config.h"
#include "config_diags.h"
#include "urlrule.h"

#include <stdlib.h>
#include <string.h>

struct test_urlrule_case {
    const char *url;
    enum urlrule_reason reason;
    enum config_msg msg; /* the checker's message; CONFIG_MSG_COUNT = none */
    const char *why;     /* the run-time rule's exact words, NULL = not checked */
};

static char *test_urlrule_hosts[] = {
    "meet.example.jp", "*.video.example.jp", "Clerk.Tobetsu.LG.JP", "127.0.0.2",
    "[::2]",           "fe80::1",            "192.168.1.10",
};

#define OK URLRULE_OK, CONFIG_MSG_COUNT, ""
#define NOT_LISTED(h) URLRULE_HOST_NOT_ALLOWED, CONFIG_MSG_URL_HOST_NOT_ALLOWED, \
        "host " h " is not in allowed_hosts"
#define IP_REFUSED URLRULE_IP_NOT_ALLOWED, CONFIG_MSG_URL_IP_NOT_ALLOWED, \
        "IP address hosts are not allowed unless listed"
#define BAD_PORT URLRULE_PORT, CONFIG_MSG_URL_BAD_PORT, "port must be a number from 1 to 65535"
#define NOT_URL URLRULE_NOT_URL, CONFIG_MSG_URL_NOT_URL, "URL must start with https://"
#define SCHEME URLRULE_SCHEME, CONFIG_MSG_URL_HTTPS, "scheme must be https"
#define USERINFO URLRULE_USERINFO, CONFIG_MSG_URL_USERINFO, "user info (user@) is not allowed"
#define LABEL URLRULE_HOST_LABEL, CONFIG_MSG_URL_BAD_HOST, NULL
#define HOST_CHAR(c) URLRULE_HOST_CHAR, CONFIG_MSG_URL_BAD_HOST, \
        "host contains the character '" c "'"
#define IPV6 URLRULE_IPV6, CONFIG_MSG_URL_BAD_HOST, "invalid IPv6 address"
#define NO_HOST URLRULE_NO_HOST, CONFIG_MSG_URL_NO_HOST, "host is empty"
#define SPACE URLRULE_SPACE, CONFIG_MSG_URL_SPACE, "URL contains a space"
#define CONTROL URLRULE_CONTROL, CONFIG_MSG_URL_SPACE, "URL contains a control character"
#define BACKSLASH URLRULE_BACKSLASH, CONFIG_MSG_URL_REFUSED, "URL contains a backslash"
#define IN_HOST URLRULE_HOST_PLACEHOLDER, CONFIG_MSG_URL_SESSION_HOST, NULL

static const struct test_urlrule_case test_urlrule_cases[] = {
    /* allowed, uppercase included */
    {"https://meet.example.jp/tobetsu-0123", OK},
    {"https://meet.example.jp/tobetsu-{session}", OK},
    {"https://meet.example.jp", OK},
    {"https://meet.example.jp/", OK},
    {"HTTPS://MEET.EXAMPLE.JP/x", OK},
    {"hTTpS://Meet.Example.Jp/Room?x=1#config.prejoinConfig.enabled=false", OK},
    {"https://meet.example.jp:8443/room", OK},
    {"https://meet.example.jp?x=1", OK},
    {"https://meet.example.jp#frag", OK},
    {"https://a.video.example.jp/room", OK},
    {"https://a.b.video.example.jp/{session}", OK},
    {"https://A.VIDEO.EXAMPLE.JP/room", OK},
    {"https://clerk.tobetsu.lg.jp/", OK},
    {"https://127.0.0.2/", OK},
    {"https://127.0.0.2:8443/room", OK},
    {"https://[::2]/", OK},
    {"https://[fe80::1]:443/", OK},
    {"https://192.168.1.10/x", OK},
    /* percent-encoding and non-ASCII in the path */
    {"https://meet.example.jp/%E6%9C%AD%E5%B9%8C", OK},
    {"https://meet.example.jp/%7Bsession%7D", OK},
    {"https://meet.example.jp/\xe6\x9c\xad\xe5\xb9\x8c", OK},
    {"https://meet.example.jp/path@with-at", OK},
    /* scheme */
    {"http://meet.example.jp/", SCHEME},
    {"ftp://meet.example.jp/", SCHEME},
    {"file:///etc/passwd", SCHEME},
    {"httpss://meet.example.jp/", SCHEME},
    {"javascript:alert(1)", NOT_URL},
    {"meet.example.jp/room", NOT_URL},
    {"//meet.example.jp/room", NOT_URL},
    {"https:meet.example.jp/", NOT_URL},
    {"https:/meet.example.jp/", NOT_URL},
    {"1https://meet.example.jp/", NOT_URL},
    {"", URLRULE_EMPTY, CONFIG_MSG_EMPTY, "URL is empty"},
    /* user info */
    {"https://meet.example.jp@evil.com/", USERINFO},
    {"https://user:pw@meet.example.jp/", USERINFO},
    {"https://@meet.example.jp/", USERINFO},
    {"https://evil.com%40meet.example.jp/", HOST_CHAR("%")},
    /* hosts that only look allowed */
    {"https://evil.com/meet.example.jp", NOT_LISTED("evil.com")},
    {"https://evil.com?meet.example.jp", NOT_LISTED("evil.com")},
    {"https://evil.com#@meet.example.jp", NOT_LISTED("evil.com")},
    {"https://meet.example.jp.evil.com/", NOT_LISTED("meet.example.jp.evil.com")},
    {"https://meet.evil.com/", NOT_LISTED("meet.evil.com")},
    {"https://xmeet.example.jp/", NOT_LISTED("xmeet.example.jp")},
    {"https://example.jp/", NOT_LISTED("example.jp")},
    {"https://sub.meet.example.jp/", NOT_LISTED("sub.meet.example.jp")},
    {"https://video.example.jp/", NOT_LISTED("video.example.jp")},
    {"https://evil-video.example.jp/", NOT_LISTED("evil-video.example.jp")},
    {"https://a.video.example.jp.evil.com/", NOT_LISTED("a.video.example.jp.evil.com")},
    /* labels: trailing dot, empty, hyphens, length */
    {"https://meet.example.jp./", LABEL},
    {"https://.meet.example.jp/", LABEL},
    {"https://a..video.example.jp/", LABEL},
    {"https://-a.video.example.jp/", LABEL},
    {"https://a-.video.example.jp/", LABEL},
    {"https://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.video.example.jp/",
     LABEL},
    {"https://meet.example.jp%2eevil.com/", HOST_CHAR("%")},
    {"https://meet_example.jp/", HOST_CHAR("_")},
    /* IDN: punycode is a name like any other; Unicode is refused */
    {"https://m\xc3\xa9" "et.example.jp/", URLRULE_HOST_ASCII, CONFIG_MSG_URL_BAD_HOST,
     "host must be ASCII (write IDN hosts in punycode)"},
    {"https://xn--mt-bja.video.example.jp/", OK},
    {"https://xn--mt-bja.example.jp/", NOT_LISTED("xn--mt-bja.example.jp")},
    {"https://\xef\xbd\x8d\xef\xbd\x85\xef\xbd\x85\xef\xbd\x94.example.jp/", URLRULE_HOST_ASCII,
     CONFIG_MSG_URL_BAD_HOST, NULL},
    /* empty hosts */
    {"https:///meet.example.jp", NO_HOST},
    {"https://", NO_HOST},
    {"https://:443/", NO_HOST},
    /* characters browsers strip or reinterpret */
    {"https://meet.example.jp\\@evil.com/", BACKSLASH},
    {"https:\\\\evil.com/", BACKSLASH},
    {"https://meet.example.jp/a\\b", BACKSLASH},
    {"https://meet.example.jp /", SPACE},
    {" https://meet.example.jp/", SPACE},
    {"https://meet.example.jp/a b", SPACE},
    {"https://meet.exa\tmple.jp/", CONTROL},
    {"https://meet.example.jp/\n", CONTROL},
    {"https://meet.example.jp/\x7f", CONTROL},
    {"https://evil.com\r\n.meet.example.jp/", CONTROL},
    /* IPv4 in the forms a browser reads */
    {"https://127.0.0.1/", IP_REFUSED},
    {"https://127.1/", IP_REFUSED},
    {"https://0x7f.0.0.1/", IP_REFUSED},
    {"https://0x7f.1/", IP_REFUSED},
    {"https://2130706433/", IP_REFUSED},
    {"https://999.1.1.1/", IP_REFUSED},
    {"https://127.0.0.2.example/", NOT_LISTED("127.0.0.2.example")},
    /* IPv6 */
    {"https://[::1]/", IP_REFUSED},
    {"https://[::ffff:127.0.0.1]/", IP_REFUSED},
    {"https://[::2]:8443/{session}", OK},
    {"https://[::1/", IPV6},
    {"https://[::1]x/", IPV6},
    {"https://[meet.example.jp]/", IPV6},
    {"https://[fe80::1%25eth0]/", IPV6},
    {"https://[]/", IPV6},
    {"https://::1/", NO_HOST},
    /* ports */
    {"https://meet.example.jp:/", BAD_PORT},
    {"https://meet.example.jp:0/", BAD_PORT},
    {"https://meet.example.jp:65535/", OK},
    {"https://meet.example.jp:65536/", BAD_PORT},
    {"https://meet.example.jp:123456/", BAD_PORT},
    {"https://meet.example.jp:44x/", BAD_PORT},
    {"https://meet.example.jp:-1/", BAD_PORT},
    {"https://meet.example.jp:+443/", BAD_PORT},
    {"https://meet.example.jp:443:443/", BAD_PORT},
    /* {session} where the host should be */
    {"https://{session}.video.example.jp/", IN_HOST},
    {"https://{session}/", IN_HOST},
    {"https://meet.example.jp:{session}/", IN_HOST},
};

/* s as a JSON string body (quotes, backslashes and control bytes escaped). */
static void test_urlrule_json(const char *s, char *out, size_t outsz)
{
    size_t k = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p && k + 8 < outsz; p++) {
        if (*p == '"' || *p == '\\')
            k += (size_t)snprintf(out + k, outsz - k, "\\%c", *p);
        else if (*p < 0x20 || *p == 0x7f)
            k += (size_t)snprintf(out + k, outsz - k, "\\u%04x", *p);
        else
            out[k++] = (char)*p;
    }
    out[k] = '\0';
}

/* The checker's message for url as municipalities[0].call.url, or
 * CONFIG_MSG_COUNT when it has none. */
static int test_urlrule_checker(const char *url)
{
    char esc[1024], buf[2048];
    test_urlrule_json(url, esc, sizeof esc);
    int n = snprintf(buf, sizeof buf,
                     "{\"kiosk\": {\"id\": \"t\", \"title\": \"T\", \"languages\": [\"ja\"]},"
                     " \"call\": {\"allowed_hosts\": [\"meet.example.jp\", \"*.video.example.jp\","
                     " \"Clerk.Tobetsu.LG.JP\", \"127.0.0.2\", \"[::2]\", \"fe80::1\","
                     " \"192.168.1.10\"]},"
                     " \"municipalities\": [{\"id\": \"m\", \"name\": \"M\", \"color\": \"#000000\","
                     " \"call\": {\"url\": \"%s\"}}]}",
                     esc);
    struct config_load_opts opts = {.skip_files = 1};
    struct config cfg;
    struct config_diags diags = {0, 0, 0, 0, NULL};
    int rc = config_load_buffer("t.json", buf, (size_t)n, &opts, &cfg, &diags);
    int msg = rc == 0 ? CONFIG_MSG_COUNT : -1;
    for (int i = 0; i < diags.n; i++)
        if (diags.d[i].severity == CONFIG_ERROR &&
            strcmp(diags.d[i].path, "municipalities[0] (M).call.url") == 0)
            msg = diags.d[i].kind;
    if (rc == 0)
        config_free(&cfg);
    config_diags_free(&diags);
    return msg;
}

static void test_urlrule_table(void)
{
    size_t n = sizeof test_urlrule_cases / sizeof test_urlrule_cases[0];
    int nh = (int)(sizeof test_urlrule_hosts / sizeof test_urlrule_hosts[0]);
    CHECK(n >= 40);
    for (size_t i = 0; i < n; i++) {
        const struct test_urlrule_case *c = &test_urlrule_cases[i];
        char why[URLRULE_WHY_MAX] = "unset";
        enum urlrule_reason got = urlrule_verdict(c->url, test_urlrule_hosts, nh, why, sizeof why);
        int msg = test_urlrule_checker(c->url);
        if (got != c->reason || (int)c->msg != msg)
            fprintf(stderr, "case %zu: %s -> rule %d (%s), checker %d\n", i, c->url, (int)got,
                    why, msg);
        CHECK_INT(got, c->reason);
        CHECK_INT(msg, c->msg);
        CHECK_INT(urlrule_check(c->url, test_urlrule_hosts, nh, NULL, 0),
                  c->reason == URLRULE_OK ? 0 : -1);
        if (c->why)
            CHECK_STR(why, c->why);
    }
}

/* Web pages (website, status_url, service url): http too, no host list. */
static void test_urlrule_web(void)
{
    struct urlrule_url u;
    CHECK_INT(urlrule_parse("http://127.0.0.1:8080/status", URLRULE_WEB, &u), URLRULE_OK);
    CHECK_INT(u.is_ip, 1);
    CHECK_INT((int)u.portlen, 4);
    CHECK_STR(u.rest, "/status");
    CHECK_INT(urlrule_parse("HTTP://example.jp/a\\b", URLRULE_WEB, &u), URLRULE_OK);
    CHECK_INT(urlrule_parse("http://example.jp/a\\b", URLRULE_CALL, &u), URLRULE_BACKSLASH);
    CHECK_INT(urlrule_parse("ftp://example.jp/", URLRULE_WEB, &u), URLRULE_SCHEME);
    CHECK_INT(urlrule_parse("http://{x}.jp/", URLRULE_WEB, &u), URLRULE_HOST_PLACEHOLDER);
    CHECK_INT(urlrule_parse("status", URLRULE_WEB, &u), URLRULE_NOT_URL);
    /* allowed_hosts entries */
    CHECK_INT(urlrule_pattern_ok("meet.example.jp"), 1);
    CHECK_INT(urlrule_pattern_ok("*.example.jp"), 1);
    CHECK_INT(urlrule_pattern_ok("*.jp"), 0);
    CHECK_INT(urlrule_pattern_ok("127.0.0.1"), 1);
    CHECK_INT(urlrule_pattern_ok("[::1]"), 1);
    CHECK_INT(urlrule_pattern_ok("::1"), 1);
    CHECK_INT(urlrule_pattern_ok("[meet]"), 0);
    CHECK_INT(urlrule_pattern_ok("meet_example.jp"), 0);
    CHECK_INT(urlrule_pattern_ok(""), 0);
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
    test_urlrule_web();
    test_urlrule_edges();
    test_urlrule_session();
    return CHECK_RESULT();
}
