/* Table test for status: what a clerk's status_url may answer and what the
 * kiosk makes of it, and the notify_url body it builds. */
#include "check.h"
#include "schedule.h"
#include "status.h"

#include <stdlib.h>
#include <string.h>

struct test_parse_case {
    const char *body;
    int rc;
    enum status_state state;
    int wait;
    const char *ja, *en; /* message for ja and en (NULL = no message) */
    const char *reason;  /* exact reason when rc is -1 */
};

#define OK_AV(w) 0, STATUS_AVAILABLE, w
#define BAD(why) -1, STATUS_UNKNOWN, -1, NULL, NULL, why

static const struct test_parse_case test_parse_cases[] = {
    {"{\"available\": true, \"wait_minutes\": 5, \"message\": {\"ja\": \"すぐです\", \"en\": \"Soon\"}}",
     OK_AV(5), "すぐです", "Soon", ""},
    {"{\"available\": false}", 0, STATUS_BUSY, -1, NULL, NULL, ""},
    {"{\"available\": false, \"wait_minutes\": 0}", 0, STATUS_BUSY, 0, NULL, NULL, ""},
    {"{\"available\": true, \"wait_minutes\": null, \"message\": null}", OK_AV(-1), NULL, NULL, ""},
    {"{\"available\": true, \"message\": \"混雑中 / busy\"}", OK_AV(-1), "混雑中 / busy",
     "混雑中 / busy", ""},
    {"{\"available\": true, \"wait_minutes\": 1440}", OK_AV(1440), NULL, NULL, ""},
    {"{\"available\": true, \"wait_minutes\": 7.0}", OK_AV(7), NULL, NULL, ""},
    {"{\"available\": true, \"extra\": [1, {\"x\": null}]}", OK_AV(-1), NULL, NULL, ""},
    {" \n{\"available\": true}\r\n\t ", OK_AV(-1), NULL, NULL, ""},
    {"{\"available\": true, \"message\": {\"en\": \"Only English\"}}", OK_AV(-1), "Only English",
     "Only English", ""},
    /* garbage */
    {"", BAD("not JSON")},
    {"<html>this is not json</html>", BAD("not JSON")},
    {"{\"available\": tr", BAD("not JSON")},
    {"{\"available\": true} x", BAD("text after the JSON value")},
    {"{\"available\": true}{}", BAD("text after the JSON value")},
    {"[]", BAD("not a JSON object")},
    {"true", BAD("not a JSON object")},
    {"null", BAD("not a JSON object")},
    /* missing or wrong types */
    {"{}", BAD("\"available\" is missing")},
    {"{\"wait_minutes\": 3}", BAD("\"available\" is missing")},
    {"{\"Available\": true}", BAD("\"available\" is missing")},
    {"{\"available\": \"yes\"}", BAD("\"available\" is not true or false")},
    {"{\"available\": 1}", BAD("\"available\" is not true or false")},
    {"{\"available\": null}", BAD("\"available\" is not true or false")},
    {"{\"available\": true, \"wait_minutes\": \"5\"}", BAD("\"wait_minutes\" is not a number")},
    {"{\"available\": true, \"wait_minutes\": -1}",
     BAD("\"wait_minutes\" is not a whole number of minutes in 0..1440")},
    {"{\"available\": true, \"wait_minutes\": 2.5}",
     BAD("\"wait_minutes\" is not a whole number of minutes in 0..1440")},
    {"{\"available\": true, \"wait_minutes\": 1441}",
     BAD("\"wait_minutes\" is not a whole number of minutes in 0..1440")},
    {"{\"available\": true, \"wait_minutes\": 1e400}",
     BAD("\"wait_minutes\" is not a whole number of minutes in 0..1440")},
    {"{\"available\": true, \"message\": 5}",
     BAD("\"message\" is not a string or an object of strings")},
    {"{\"available\": true, \"message\": [\"a\"]}",
     BAD("\"message\" is not a string or an object of strings")},
    {"{\"available\": true, \"message\": {\"ja\": 5}}",
     BAD("\"message\" has a value that is not a string")},
    {"{\"available\": true, \"message\": {\"a-very-long-language-code\": \"x\"}}",
     BAD("\"message\" has a language code that is too long")},
    {"{\"available\": true, \"message\": \"\xff\xfe\"}", BAD("\"message\" is not valid UTF-8")},
    {"{\"available\": true, \"message\": \"\xed\xa0\x80\"}", BAD("\"message\" is not valid UTF-8")},
    {"{\"available\": true, \"message\": {\"en\": \"\xc0\xaf\"}}",
     BAD("\"message\" is not valid UTF-8")},
};

static void test_parse_table(void)
{
    for (size_t i = 0; i < sizeof test_parse_cases / sizeof test_parse_cases[0]; i++) {
        const struct test_parse_case *c = &test_parse_cases[i];
        struct status_info s;
        int before = check_failures;
        CHECK_INT(status_parse(c->body, strlen(c->body), &s), c->rc);
        CHECK_INT(s.state, c->state);
        CHECK_INT(s.wait_minutes, c->wait);
        CHECK_STR(s.reason, c->reason);
        if (c->ja) {
            CHECK_STR(ltext_get(&s.message, "ja", NULL), c->ja);
            CHECK_STR(ltext_get(&s.message, "en", NULL), c->en);
        } else {
            CHECK_INT(s.message.n, 0);
        }
        status_info_free(&s);
        if (check_failures != before)
            fprintf(stderr, "  in case %zu: %s\n", i, c->body);
    }
}

static void test_parse_edges(void)
{
    struct status_info s;
    /* The body need not end with NUL: only len bytes count. */
    const char *buf = "{\"available\":true}GARBAGE";
    CHECK_INT(status_parse(buf, 18, &s), 0);
    CHECK_INT(s.state, STATUS_AVAILABLE);
    status_info_free(&s);
    CHECK_INT(status_parse(NULL, 0, &s), -1);
    CHECK_STR(s.reason, "not JSON");

    /* A long message is cut at a UTF-8 boundary. */
    size_t n = 2000 * 3 + 64;
    char *big = malloc(n);
    size_t len = (size_t)snprintf(big, n, "{\"available\": true, \"message\": \"");
    for (int i = 0; i < 2000; i++) {
        memcpy(big + len, "あ", 3);
        len += 3;
    }
    memcpy(big + len, "\"}", 3);
    len += 2;
    CHECK_INT(status_parse(big, len, &s), 0);
    CHECK_INT(strlen(ltext_get(&s.message, "ja", NULL)), 510);
    free(big);

    /* copy, equal, free */
    struct status_info c, other;
    CHECK_INT(status_info_copy(&c, &s), 0);
    CHECK(c.message.e != s.message.e);
    CHECK(status_info_equal(&c, &s));
    status_info_free(&s);
    const char *x = "{\"available\": true, \"message\": \"x\"}";
    CHECK_INT(status_parse(x, strlen(x), &other), 0);
    CHECK(!status_info_equal(&c, &other));
    status_info_free(&c);
    status_info_free(&other);
    CHECK_INT(c.message.n, 0);
    CHECK_INT(c.state, STATUS_UNKNOWN);

    status_info_unknown(&s, "HTTP 500");
    status_info_unknown(&c, "timed out");
    CHECK(status_info_equal(&s, &c)); /* reasons are for staff, not a change */
    CHECK_STR(status_state_name(STATUS_BUSY), "busy");
    CHECK_STR(status_state_name(STATUS_UNKNOWN), "unknown");
}

#define T_0845 1798069500 /* 2026-12-24T08:45:00+09:00 */

static void test_notify_one(const struct status_notify *n, int rc, const char *want)
{
    char *out = (char *)"unset";
    CHECK_INT(status_notify_json(n, &out), rc);
    if (want)
        CHECK_STR(out, want);
    else
        CHECK(out == NULL);
    free(out);
}

static void test_notify_failed(struct status_notify *pn)
{
    struct status_notify n = *pn;
    n.event = STATUS_EVENT_CALL_FAILED;
    n.reason = "launcher \"chromium\"\nexited\t\x01";
    n.session = NULL;
    n.url = NULL;
    n.time = T_0845;
    test_notify_one(&n, 0,
                    "{\"event\":\"call_failed\",\"kiosk\":\"k1\",\"municipality\":\"tobetsu\","
                    "\"time\":\"2026-12-24T08:45:00+09:00\","
                    "\"reason\":\"launcher \\\"chromium\\\"\\nexited\\t\\u0001\"}");
    n.reason = NULL;
    test_notify_one(&n, 0,
                    "{\"event\":\"call_failed\",\"kiosk\":\"k1\",\"municipality\":\"tobetsu\","
                    "\"time\":\"2026-12-24T08:45:00+09:00\",\"reason\":\"unknown\"}");
    n.kiosk = NULL;
    test_notify_one(&n, -1, NULL);
    n.kiosk = "k1";
    n.municipality = NULL;
    test_notify_one(&n, -1, NULL);
    n.municipality = "tobetsu";
    n.event = (enum status_event)9;
    test_notify_one(&n, -1, NULL);
    CHECK_INT(status_notify_json(NULL, &(char *){NULL}), -1);

    char t[40];
    schedule_rfc3339(0, t, sizeof t);
    CHECK_STR(t, "1970-01-01T09:00:00+09:00");
    schedule_rfc3339(-9 * 3600 - 1, t, sizeof t);
    CHECK_STR(t, "1969-12-31T23:59:59+09:00");
    CHECK_STR(status_event_name(STATUS_EVENT_CALL_ENDED), "call_ended");
}

static void test_notify(void)
{
    struct status_notify n = {STATUS_EVENT_CALL_REQUESTED, "k1", "tobetsu", "abc",
                              "https://meet.example.jp/tobetsu-abc", T_0845, 0, NULL};
    test_notify_one(&n, 0,
                    "{\"event\":\"call_requested\",\"kiosk\":\"k1\",\"municipality\":\"tobetsu\","
                    "\"session\":\"abc\",\"url\":\"https://meet.example.jp/tobetsu-abc\","
                    "\"time\":\"2026-12-24T08:45:00+09:00\"}");
    n.event = STATUS_EVENT_CALL_STARTED;
    n.duration_s = 99; /* ignored outside call_ended */
    n.time = T_0845 + 15 * 3600 + 14 * 60 + 59; /* 23:59:59 */
    test_notify_one(&n, 0,
                    "{\"event\":\"call_started\",\"kiosk\":\"k1\",\"municipality\":\"tobetsu\","
                    "\"session\":\"abc\",\"url\":\"https://meet.example.jp/tobetsu-abc\","
                    "\"time\":\"2026-12-24T23:59:59+09:00\"}");
    n.event = STATUS_EVENT_CALL_ENDED;
    n.duration_s = 312;
    n.time = T_0845 + 15 * 3600 + 15 * 60; /* midnight: the next day in Japan */
    test_notify_one(&n, 0,
                    "{\"event\":\"call_ended\",\"kiosk\":\"k1\",\"municipality\":\"tobetsu\","
                    "\"session\":\"abc\",\"url\":\"https://meet.example.jp/tobetsu-abc\","
                    "\"time\":\"2026-12-25T00:00:00+09:00\",\"duration_s\":312}");
    test_notify_failed(&n);
}

int main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    test_parse_table();
    test_parse_edges();
    test_notify();
    return CHECK_RESULT();
}
