/* Usage records: one JSON line per event (format, escaping, parsing), the
 * --report summary over tests/data/stats/sample.jsonl compared with
 * report.md and report.csv, and the Prometheus metrics text.
 * argv[1] is tests/data. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "date.h"
#include "report.h"
#include "stats.h"
#include "stats_metrics.h"
#include "stats_report.h"
#include "utf8.h"

static long long test_time(const char *s)
{
    long long t = -1;
    CHECK_INT(date_parse_rfc3339(s, &t), 0);
    return t;
}

static void test_format_basic(void)
{
    struct stats_event ev;
    char line[STATS_LINE_MAX];
    stats_event_init(&ev, STATS_CALL_ENDED, (time_t)test_time("2026-11-28T01:15:02Z"),
                     "sapporo-01");
    utf8_copy(ev.municipality, sizeof ev.municipality, "tobetsu");
    ev.has_duration = 1;
    ev.duration_s = 312.44;
    int n = stats_format(&ev, line, sizeof line);
    CHECK_STR(line, "{\"t\":\"2026-11-28T10:15:02+09:00\",\"kiosk\":\"sapporo-01\","
                    "\"event\":\"call_ended\",\"municipality\":\"tobetsu\","
                    "\"duration_s\":312.4}\n");
    CHECK_INT(n, (long long)strlen(line));
    /* A buffer one byte short gives -1 and an empty string, never a cut line. */
    char small[64];
    CHECK_INT(stats_format(&ev, small, sizeof small), -1);
    CHECK_STR(small, "");
    CHECK_INT(stats_format(&ev, line, (size_t)n), -1);
    CHECK_INT(stats_format(&ev, line, (size_t)n + 1), n);

    stats_event_init(&ev, STATS_LANGUAGE, (time_t)test_time("2026-12-31T15:00:00Z"), "k");
    utf8_copy(ev.lang, sizeof ev.lang, "zh-Hant");
    stats_format(&ev, line, sizeof line);
    CHECK_STR(line, "{\"t\":\"2027-01-01T00:00:00+09:00\",\"kiosk\":\"k\",\"event\":\"language\","
                    "\"lang\":\"zh-Hant\"}\n");
}

static void test_format_escaping(void)
{
    struct stats_event ev, back;
    char line[STATS_LINE_MAX];
    stats_event_init(&ev, STATS_CALL_FAILED, 1764292502, "kiosk \"A\"\\1");
    utf8_copy(ev.municipality, sizeof ev.municipality, "当別町\n\t\x01\x7f");
    utf8_copy(ev.reason, sizeof ev.reason, "start");
    stats_format(&ev, line, sizeof line);
    CHECK(strstr(line, "\"kiosk\":\"kiosk \\\"A\\\"\\\\1\"") != NULL);
    /* cJSON's escapes: \t short, other controls as \u00XX, DEL as it is. */
    CHECK(strstr(line, "\"municipality\":\"当別町\\n\\t\\u0001\x7f\"") != NULL);
    CHECK(strchr(line, '\n') == line + strlen(line) - 1); /* one line */
    CHECK_INT(stats_parse(line, &back), 0);
    CHECK_STR(back.kiosk, ev.kiosk);
    CHECK_STR(back.municipality, ev.municipality);
    CHECK_STR(back.reason, "start");
    CHECK_INT(back.kind, STATS_CALL_FAILED);
    CHECK_INT(back.t, 1764292502);
    CHECK_INT(back.has_duration, 0);

    /* Every field at its longest still fits a line well under PIPE_BUF. */
    memset(&ev, 0, sizeof ev);
    memset(ev.kiosk, '"', sizeof ev.kiosk - 1);
    memset(ev.screen, 1, sizeof ev.screen - 1);
    memset(ev.lang, 2, sizeof ev.lang - 1);
    memset(ev.municipality, 3, sizeof ev.municipality - 1);
    memset(ev.reason, 4, sizeof ev.reason - 1);
    ev.has_duration = 1;
    ev.duration_s = 1e300; /* absurd: left out rather than 300 digits */
    int n = stats_format(&ev, line, sizeof line);
    CHECK(n > 0 && n < 4096);
    CHECK(strstr(line, "duration_s") == NULL);
    ev.duration_s = 999999999.0;
    n = stats_format(&ev, line, sizeof line);
    CHECK(n > 0 && n < 4096);
    CHECK(strstr(line, "\"duration_s\":999999999.0,") != NULL);
}

static void test_set_utf8(void)
{
    char small[5];
    utf8_copy(small, sizeof small, "当別"); /* 6 bytes: only the first character fits */
    CHECK_STR(small, "当");
    utf8_copy(small, sizeof small, NULL);
    CHECK_STR(small, "");
}

static void test_parse_time(void)
{
    static const struct {
        const char *s;
        long long t; /* -1 = invalid */
    } cases[] = {
        {"1970-01-01T09:00:00+09:00", 0},
        {"1970-01-01T00:00:00Z", 0},
        {"2026-11-28T10:15:02+09:00", 1795828502},
        {"2026-11-28T01:15:02z", 1795828502},
        {"2026-11-28T01:15:02.999Z", 1795828502},
        {"2026-11-27T20:15:02-05:00", 1795828502},
        {"2024-02-29T00:00:00Z", 1709164800},
        {"2025-02-29T00:00:00Z", -1},
        {"2026-11-28 10:15:02+09:00", -1},
        {"2026-11-28T10:15:02", -1},
        {"2026-11-28T10:15:02+0900", -1},
        {"2026-11-28T24:00:00Z", -1},
        {"2026-11-28T10:15:02.Z", -1},
        {"2026-1-28T10:15:02Z", -1},
        {"", -1},
        {"2026-11-28T10:15:02Zjunk", -1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        long long t = -1;
        int rc = date_parse_rfc3339(cases[i].s, &t);
        if (cases[i].t < 0) {
            CHECK_INT(rc, -1);
        } else {
            CHECK_INT(rc, 0);
            CHECK_INT(t, cases[i].t);
        }
    }
}

static void test_parse(void)
{
    static const struct {
        const char *line;
        int ok;
    } cases[] = {
        {"{\"t\":\"2026-11-28T10:15:02+09:00\",\"event\":\"idle_reset\"}", 1},
        {"{\"t\":\"2026-11-28T10:15:02+09:00\",\"event\":\"screen\",\"screen\":\"kpi\"}\n", 1},
        {"  {\"event\":\"session_start\",\"t\":\"2026-11-28T10:15:02+09:00\",\"x\":1}\r\n", 1},
        {"{\"t\":\"2026-11-28T10:15:02+09:00\",\"event\":\"call_ended\",\"duration_s\":null}", 1},
        {"{\"t\":\"2026-11-28T10:15:02+09:00\"}", 0},
        {"{\"event\":\"idle_reset\"}", 0},
        {"{\"t\":1764292502,\"event\":\"idle_reset\"}", 0},
        {"{\"t\":\"2026-11-28T10:15:02+09:00\",\"event\":\"nap\"}", 0},
        {"{\"t\":\"2026-11-28T10:15:02+09:00\",\"event\":\"screen\",\"screen\":7}", 0},
        {"{\"t\":\"2026-11-28T10:15:02+09:00\",\"event\":\"call_ended\",\"duration_s\":-1}", 0},
        {"{\"t\":\"2026-11-28T10:15:02+09:00\",\"event\":\"call_ended\",\"duration_s\":\"9\"}", 0},
        {"{\"t\":\"2026-11-28T10:15:02+09:00\",\"event\":\"language\",\"lang\":"
         "\"a-very-long-language-tag\"}", 0},
        {"{\"t\":\"2026-11-28T10:15:02+09:00\",\"event\":\"idle_reset\"}{\"t\":1}", 0},
        {"{\"t\":\"2026-11-28T10:15:02+09:00\",\"event\":\"idle_re", 0},
        {"[1,2]", 0},
        {"", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct stats_event ev;
        int rc = stats_parse(cases[i].line, &ev);
        if ((rc == 0) != cases[i].ok)
            fprintf(stderr, "parse case %zu: %s\n", i, cases[i].line);
        CHECK_INT(rc == 0, cases[i].ok);
    }
}

static char *test_slurp(FILE *f)
{
    static char buf[65536];
    rewind(f);
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    return buf;
}

static char *test_read_file(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        check_failures++;
        return NULL;
    }
    char *s = test_slurp(f);
    fclose(f);
    size_t n = strlen(s);
    char *copy = malloc(n + 1);
    if (copy)
        memcpy(copy, s, n + 1);
    return copy;
}

/* The report of sample.jsonl printed as fmt equals the expected file. */
static void test_report_file(const char *data, const char *fmt, const char *expected)
{
    char sample[512], exp_path[512];
    snprintf(sample, sizeof sample, "%s/stats/sample.jsonl", data);
    snprintf(exp_path, sizeof exp_path, "%s/stats/%s", data, expected);
    FILE *out = tmpfile();
    if (!out) {
        check_failures++;
        return;
    }
    CHECK_INT(report_print(out, sample, "2026-11-01", "2026-11-30", fmt), 0);
    char *want = test_read_file(exp_path);
    char *got = test_slurp(out);
    CHECK_STR(got, want);
    free(want);
    fclose(out);
}

/* Three kiosks' records (tests/data/stats/fleet/, sums checked by hand:
 * hall-a 4 sessions and 12.0 call minutes, hall-b 2 and 10.0, hall-c 1
 * session in November and one in December) as a folder in Markdown and
 * as three files in CSV, each equal to its expected file. */
static void test_report_fleet(const char *data)
{
    char dir[512], files[3][512], exp_path[512];
    snprintf(dir, sizeof dir, "%s/stats/fleet", data);
    for (int i = 0; i < 3; i++)
        snprintf(files[i], sizeof files[i], "%s/stats/fleet/hall-%c.jsonl", data, 'a' + i);
    const char *folder[] = {dir}, *three[] = {files[0], files[1], files[2]};
    struct {
        const char *const *paths;
        int n;
        const char *fmt, *expected;
    } cases[] = {{folder, 1, "md", "fleet.md"}, {three, 3, "csv", "fleet.csv"}};
    for (int c = 0; c < 2; c++) {
        FILE *out = tmpfile();
        if (!out) {
            check_failures++;
            return;
        }
        snprintf(exp_path, sizeof exp_path, "%s/stats/%s", data, cases[c].expected);
        CHECK_INT(report_print_fleet(out, cases[c].paths, cases[c].n, "2026-11-01", "2026-11-30",
                                     cases[c].fmt),
                  0);
        char *want = test_read_file(exp_path);
        char *got = test_slurp(out);
        CHECK(want != NULL);
        CHECK_STR(got, want);
        free(want);
        fclose(out);
    }
    FILE *out = tmpfile();
    const char *missing[] = {"no-such-records.jsonl"};
    CHECK_INT(report_print_fleet(out, missing, 1, "2026-11-01", "2026-11-30", "csv"), 1);
    if (out)
        fclose(out);
}

static void test_report_counts(const char *data)
{
    char sample[512];
    snprintf(sample, sizeof sample, "%s/stats/sample.jsonl", data);
    FILE *f = fopen(sample, "r");
    struct stats_report r;
    CHECK_INT(stats_report_init(&r, "2026-11-01", "2026-11-01"), 0);
    CHECK_INT(f ? stats_report_read(&r, f) : -1, 0);
    /* The session at 2026-10-31T15:00:00Z is 00:00 on 1 Nov in Japan; the
     * one at 23:59:59 on 31 Oct (Japan) is not. */
    CHECK_INT(r.sessions, 1);
    CHECK_INT(r.in_range, 2);
    CHECK_INT(r.lines, 29);
    CHECK_INT(r.malformed, 6);
    CHECK_INT(r.first_malformed, 4);
    stats_report_free(&r);
    CHECK_INT(stats_report_init(&r, "2026-12-01", "2026-12-31"), 0);
    if (f) {
        rewind(f);
        CHECK_INT(stats_report_read(&r, f), 0);
        fclose(f);
    }
    /* 00:00 JST on 1 Dec, written as 2026-11-30T15:00:00Z: December. */
    CHECK_INT(r.sessions, 1);
    CHECK_INT(r.n_munis, 1);
    CHECK_INT(r.n_munis ? r.munis[0].calls.ended : 0, 1);
    stats_report_free(&r);
}

static void test_report_errors(const char *data)
{
    char sample[512];
    snprintf(sample, sizeof sample, "%s/stats/sample.jsonl", data);
    FILE *out = tmpfile();
    if (!out) {
        check_failures++;
        return;
    }
    CHECK_INT(report_print(out, sample, "2026-11-30", "2026-11-01", NULL), 2);
    CHECK_INT(report_print(out, sample, "2026-02-30", "2026-03-01", NULL), 2);
    CHECK_INT(report_print(out, sample, "2026-11-01", "20261130", NULL), 2);
    CHECK_INT(report_print(out, sample, "2026-11-01", NULL, NULL), 2);
    CHECK_INT(report_print(out, sample, "2026-11-01", "2026-11-30", "xml"), 2);
    CHECK_INT(report_print(out, "/nonexistent/stats.jsonl", "2026-11-01", "2026-11-30", "md"),
              1);
    CHECK_INT(report_print(out, NULL, "2026-11-01", "2026-11-30", "md"), 1);
    CHECK_STR(test_slurp(out), ""); /* nothing printed on errors */
    /* An empty period still gives a whole table. */
    CHECK_INT(report_print(out, sample, "2020-01-01", "2020-01-31", "md"), 0);
    CHECK(strstr(test_slurp(out), "| 0 | 0 | 0 | 0 | 0.0 | 0 |") != NULL);
    fclose(out);
}

/* The line that starts with prefix in text, or NULL. */
static const char *test_line(const char *text, const char *prefix)
{
    size_t n = strlen(prefix);
    for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
        if (strncmp(p, prefix, n) == 0)
            return p;
    return NULL;
}

/* Every family has its HELP and TYPE lines. */
static void test_metrics_families(const char *text)
{
    static const char *const families[] = {
        "kiosk_up", "kiosk_info", "kiosk_calls_total", "kiosk_sessions_total",
        "kiosk_status_poll_total", "kiosk_status_poll_failures_total",
        "kiosk_notify_sent_total", "kiosk_notify_lost_total",
        "kiosk_config_last_load_timestamp_seconds", "kiosk_config_reload_failures_total",
        "kiosk_camera_present", "kiosk_microphone_present", "kiosk_build_info",
        "kiosk_config_errors", "kiosk_config_warnings",
        "kiosk_status_poll_last_success_timestamp_seconds", "kiosk_municipality_open",
        "kiosk_last_frame_timestamp_seconds", "kiosk_frame_seconds",
        "kiosk_metrics_timestamp_seconds"};
    for (size_t i = 0; i < sizeof families / sizeof families[0]; i++) {
        char help[96], type[96];
        snprintf(help, sizeof help, "# HELP %s ", families[i]);
        snprintf(type, sizeof type, "# TYPE %s ", families[i]);
        CHECK(test_line(text, help) != NULL);
        CHECK(test_line(text, type) != NULL);
    }
}

static void test_metrics(void)
{
    struct stats_metrics m;
    memset(&m, 0, sizeof m);
    utf8_copy(m.kiosk, sizeof m.kiosk, "sap\"poro\\01\n");
    utf8_copy(m.version, sizeof m.version, "0.1.0");
    struct stats_metrics_muni *t = stats_metrics_muni(&m, "tobetsu");
    t->calls.started = 4;
    t->calls.ended = 3;
    t->calls.failed = 1;
    CHECK(stats_metrics_muni(&m, "tobetsu") == t);
    CHECK(stats_metrics_muni(&m, "") == NULL);
    m.sessions = 12;
    m.status_poll_failures = 2;
    m.config_last_load = 1764292502;
    m.camera_present = 1;
    m.config_errors = 2;
    m.config_warnings = 1;
    m.n_polls = 2;
    utf8_copy(m.polls[0].id, sizeof m.polls[0].id, "tobetsu");
    m.polls[0].last_ok = 1764292499;
    m.polls[0].open = 1;
    utf8_copy(m.polls[1].id, sizeof m.polls[1].id, "e\"bets");
    stats_metrics_frame(&m.frames, 1764292501.5, 0.003);
    stats_metrics_frame(&m.frames, 1764292501.75, 0.010);
    stats_metrics_frame(&m.frames, 1764292502.125, 0.004); /* on a bound: in its bucket */
    stats_metrics_frame(&m.frames, 1764292503.0, 7.0);     /* over the last bound: +Inf only */
    m.written = 1764292504;
    char text[STATS_METRICS_TEXT_MAX];
    int n = stats_metrics_text(&m, text, sizeof text);
    CHECK(n > 0 && (size_t)n == strlen(text) && text[n - 1] == '\n');
    CHECK(test_line(text, "kiosk_up 1\n"));
    CHECK(test_line(text, "kiosk_info{kiosk=\"sap\\\"poro\\\\01\\n\",version=\"0.1.0\"} 1\n"));
    CHECK(test_line(text, "kiosk_calls_total{municipality=\"tobetsu\",result=\"started\"} 4\n"));
    CHECK(test_line(text, "kiosk_calls_total{municipality=\"tobetsu\",result=\"ended\"} 3\n"));
    CHECK(test_line(text, "kiosk_calls_total{municipality=\"tobetsu\",result=\"failed\"} 1\n"));
    CHECK(test_line(text, "kiosk_sessions_total 12\n"));
    CHECK(test_line(text, "kiosk_status_poll_failures_total 2\n"));
    CHECK(test_line(text, "kiosk_config_last_load_timestamp_seconds 1764292502\n"));
    CHECK(test_line(text, "kiosk_camera_present 1\n"));
    CHECK(test_line(text, "kiosk_microphone_present 0\n"));
    CHECK(test_line(text, "# TYPE kiosk_calls_total counter\n"));
    CHECK(test_line(text, "# TYPE kiosk_up gauge\n"));
    CHECK(test_line(text, "kiosk_build_info{version=\"0.1.0\"} 1\n"));
    CHECK(test_line(text, "kiosk_config_errors 2\n"));
    CHECK(test_line(text, "kiosk_config_warnings 1\n"));
    CHECK(test_line(text, "kiosk_status_poll_last_success_timestamp_seconds{municipality=\"tobetsu\"} 1764292499\n"));
    CHECK(test_line(text, "kiosk_status_poll_last_success_timestamp_seconds{municipality=\"e\\\"bets\"} 0\n"));
    CHECK(test_line(text, "kiosk_municipality_open{municipality=\"tobetsu\"} 1\n"));
    CHECK(test_line(text, "kiosk_municipality_open{municipality=\"e\\\"bets\"} 0\n"));
    CHECK(test_line(text, "kiosk_last_frame_timestamp_seconds 1764292503.000\n"));
    CHECK(test_line(text, "# TYPE kiosk_frame_seconds histogram\n"));
    CHECK(test_line(text, "kiosk_frame_seconds_bucket{le=\"0.004\"} 2\n"));
    CHECK(test_line(text, "kiosk_frame_seconds_bucket{le=\"0.008\"} 2\n"));
    CHECK(test_line(text, "kiosk_frame_seconds_bucket{le=\"0.016\"} 3\n"));
    CHECK(test_line(text, "kiosk_frame_seconds_bucket{le=\"2.5\"} 3\n"));
    CHECK(test_line(text, "kiosk_frame_seconds_bucket{le=\"+Inf\"} 4\n"));
    CHECK(test_line(text, "kiosk_frame_seconds_sum 7.017000\n"));
    CHECK(test_line(text, "kiosk_frame_seconds_count 4\n"));
    CHECK(test_line(text, "kiosk_metrics_timestamp_seconds 1764292504\n"));
    test_metrics_families(text);
    m.down = 1;
    stats_metrics_text(&m, text, sizeof text);
    CHECK(test_line(text, "kiosk_up 0\n"));
    CHECK_INT(stats_metrics_text(&m, text, 100), -1);
    CHECK_STR(text, "");
    /* The largest snapshot fits the documented buffer. */
    for (int i = 1; i < STATS_METRICS_MAX_MUNIS + 2; i++) { /* tobetsu is the first */
        char id[STATS_ID_MAX];
        memset(id, '"', sizeof id - 1);
        snprintf(id, 8, "m%02d", i);
        id[3] = '"';
        id[sizeof id - 1] = '\0';
        CHECK((stats_metrics_muni(&m, id) != NULL) == (i < STATS_METRICS_MAX_MUNIS));
    }
    CHECK(stats_metrics_text(&m, text, sizeof text) > 0);
}

int main(int argc, char **argv)
{
    const char *data = argc > 1 ? argv[1] : "tests/data";
    test_format_basic();
    test_format_escaping();
    test_set_utf8();
    test_parse_time();
    test_parse();
    test_report_file(data, "md", "report.md");
    test_report_file(data, NULL, "report.md");
    test_report_file(data, "csv", "report.csv");
    test_report_counts(data);
    test_report_fleet(data);
    test_report_errors(data);
    test_metrics();
    return CHECK_RESULT();
}
