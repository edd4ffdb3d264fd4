/* The command line: every flag of PRODUCT.md, and usage errors. */
#include <string.h>

#include "check.h"
#include "cli.h"

/* Splits line at spaces into argv and parses it. The words stay valid until
 * the next call: struct cli points into them. */
static int parse(const char *line, struct cli *c, char *err, size_t errsz)
{
    static char buf[2048];
    static char *argv[64];
    int argc = 0;
    snprintf(buf, sizeof buf, "%s", line);
    argv[argc++] = "kiosk";
    for (char *p = buf; *p && argc < 63;) {
        while (*p == ' ')
            *p++ = '\0';
        if (!*p)
            break;
        argv[argc++] = p;
        while (*p && *p != ' ')
            p++;
    }
    argv[argc] = NULL;
    return cli_parse(argc, argv, c, err, errsz);
}

static void test_modes(void)
{
    struct cli c;
    char err[256];
    CHECK_INT(parse("", &c, err, sizeof err), 0);
    CHECK_INT(c.mode, CLI_RUN);
    CHECK_INT(c.windowed, 0);
    CHECK_INT(parse("--windowed", &c, err, sizeof err), 0);
    CHECK_INT(c.windowed, 1);
    CHECK_INT(c.win_w, 1280);
    CHECK_INT(c.win_h, 720);
    CHECK_INT(parse("--windowed=1080x1920 --lang en --config x.json", &c, err, sizeof err), 0);
    CHECK_INT(c.win_w, 1080);
    CHECK_INT(c.win_h, 1920);
    CHECK_STR(c.lang, "en");
    CHECK_STR(c.config, "x.json");
    CHECK_INT(parse("--check-config --config=y.json", &c, err, sizeof err), 0);
    CHECK_INT(c.mode, CLI_CHECK_CONFIG);
    CHECK_STR(c.config, "y.json");
    CHECK(c.fonts == NULL);
    CHECK_INT(parse("--fonts /srv/fonts --config y.json", &c, err, sizeof err), 0);
    CHECK_STR(c.fonts, "/srv/fonts");
    CHECK_INT(parse("--screenshot a.png --screen municipality:tobetsu --size 3840x2160", &c, err,
                    sizeof err), 0);
    CHECK_INT(c.mode, CLI_SCREENSHOT);
    CHECK_STR(c.screen, "municipality:tobetsu");
    CHECK_INT(c.size_w, 3840);
    CHECK_INT(parse("--schedule tobetsu --from 2026-12-24 --days 14", &c, err, sizeof err), 0);
    CHECK_INT(c.mode, CLI_SCHEDULE);
    CHECK_INT(c.from_y * 10000 + c.from_m * 100 + c.from_d, 20261224);
    CHECK_INT(c.days, 14);
    /* Several kiosks' records, before or after --format; none = the config's. */
    CHECK_INT(parse("--report 2026-11-01 2026-11-30 a.jsonl --format csv dir/", &c, err,
                    sizeof err), 0);
    CHECK_INT(c.mode, CLI_REPORT);
    CHECK_INT(c.n_report_paths, 2);
    CHECK_STR(c.report_paths[1], "dir/");
    CHECK_STR(c.report_format, "csv");
    CHECK_INT(parse("--report 2026-11-01 2026-11-30", &c, err, sizeof err), 0);
    CHECK_INT(c.n_report_paths, 0);
    CHECK_INT(parse("stray.jsonl", &c, err, sizeof err), -1);
    /* --config-url goes with --check-config only. */
    CHECK_INT(parse("--check-config --config-url https://a.jp/k.json", &c, err, sizeof err), 0);
    CHECK_STR(c.config_url, "https://a.jp/k.json");
    CHECK_INT(parse("--config-url https://a.jp/k.json", &c, err, sizeof err), -1);
    CHECK_STR(err, "--config-url applies to --check-config only");
    CHECK_INT(parse("--version", &c, err, sizeof err), 0);
    CHECK_INT(c.mode, CLI_VERSION);
    CHECK_INT(parse("--help", &c, err, sizeof err), 0);
    CHECK_INT(c.mode, CLI_HELP);
}

static void test_errors(void)
{
    static const struct {
        const char *line, *needle;
    } bad[] = {
        {"--frobnicate", "unknown option '--frobnicate'"},
        {"--windowed=big", "--windowed: expected WxH"},
        {"--size 10x10 --screenshot a.png --screen home", "--size"},
        {"--screenshot a.png", "needs --screen"},
        {"--from 2026-02-30", "--from: expected a date"},
        {"--days 0", "--days"},
        {"--at 2026-12-01 10:00", "--at"},
        {"--config", "unknown option '--config'"}, /* a value is missing */
        {"--status tobetsu=busy", "--status applies to --screenshot only"},
        {"--screenshot a.png --screen home --status tobetsu=busy --status tobetsu=unknown",
         "--status tobetsu: given twice"},
        {"--screenshot a.png --screen home --status tobetsu", "--status: expected ID=STATE"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct cli c;
        char err[256] = "";
        CHECK_INT(parse(bad[i].line, &c, err, sizeof err), -1);
        if (!strstr(err, bad[i].needle)) {
            fprintf(stderr, "for '%s': message '%s' lacks '%s'\n", bad[i].line, err,
                    bad[i].needle);
            check_failures++;
        }
    }
}

static void test_at(void)
{
    long long t = 0;
    CHECK_INT(cli_parse_at("2026-12-01T10:00", &t), 0);
    CHECK_INT(t, 1796086800LL); /* 2026-12-01T01:00:00Z */
    CHECK_INT(cli_parse_at("2024-02-29T00:00", &t), 0);
    CHECK_INT(cli_parse_at("2023-02-29T00:00", &t), -1);
    CHECK_INT(cli_parse_at("2026-12-01T24:00", &t), -1);
}

static void test_status_parse(void)
{
    static const struct {
        const char *arg;
        int rc;
        enum status_state state;
        int wait;
        const char *message, *err;
    } cases[] = {
        {"tobetsu=available", 0, STATUS_AVAILABLE, -1, NULL, ""},
        {"tobetsu=busy", 0, STATUS_BUSY, -1, NULL, ""},
        {"tobetsu=busy:15", 0, STATUS_BUSY, 15, NULL, ""},
        {"tobetsu=busy:0", 0, STATUS_BUSY, 0, NULL, ""},
        {"tobetsu=busy:1440", 0, STATUS_BUSY, 1440, NULL, ""},
        {"tobetsu=unknown", 0, STATUS_UNKNOWN, -1, NULL, ""},
        {"tobetsu=message:Back at 14:00", 0, STATUS_AVAILABLE, -1, "Back at 14:00", ""},
        {"tobetsu=message:a=b", 0, STATUS_AVAILABLE, -1, "a=b", ""},
        {"tobetsu=busy:1441", -1, 0, 0, NULL,
         "--status tobetsu: busy:MIN wants minutes from 0 to 1440, got '1441'"},
        {"tobetsu=busy:-1", -1, 0, 0, NULL, "busy:MIN wants minutes"},
        {"tobetsu=busy:5x", -1, 0, 0, NULL, "busy:MIN wants minutes"},
        {"tobetsu=busy:", -1, 0, 0, NULL, "busy:MIN wants minutes"},
        {"tobetsu=message:", -1, 0, 0, NULL, "expected available, busy, busy:MIN, unknown"},
        {"tobetsu=open", -1, 0, 0, NULL,
         "--status tobetsu: expected available, busy, busy:MIN, unknown or message:TEXT "
         "(1 to 512 bytes), got 'open'"},
        {"tobetsu=", -1, 0, 0, NULL, "expected available"},
        {"=busy", -1, 0, 0, NULL, "--status: expected ID=STATE, e.g. tobetsu=busy:15, got '=busy'"},
        {"busy", -1, 0, 0, NULL, "--status: expected ID=STATE"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct cli_status st;
        char err[256] = "";
        int rc = cli_parse_status(cases[i].arg, &st, err, sizeof err);
        CHECK_INT(rc, cases[i].rc);
        if (rc != 0) {
            if (!strstr(err, cases[i].err)) {
                fprintf(stderr, "for '%s': message '%s' lacks '%s'\n", cases[i].arg, err,
                        cases[i].err);
                check_failures++;
            }
            continue;
        }
        CHECK_STR(st.id, "tobetsu");
        CHECK_INT(st.state, cases[i].state);
        CHECK_INT(st.wait_minutes, cases[i].wait);
        CHECK_STR(st.message ? st.message : "(none)", cases[i].message ? cases[i].message : "(none)");
    }
    /* A message as long as a status answer may carry, and one byte more. */
    char arg[600];
    int n = snprintf(arg, sizeof arg, "tobetsu=message:");
    memset(arg + n, 'x', STATUS_MAX_MESSAGE_BYTES);
    arg[n + STATUS_MAX_MESSAGE_BYTES] = '\0';
    struct cli_status st;
    char err[256];
    CHECK_INT(cli_parse_status(arg, &st, err, sizeof err), 0);
    arg[n + STATUS_MAX_MESSAGE_BYTES] = 'x';
    arg[n + STATUS_MAX_MESSAGE_BYTES + 1] = '\0';
    CHECK_INT(cli_parse_status(arg, &st, err, sizeof err), -1);
}

static void test_status_repeated(void)
{
    struct cli c;
    char err[256];
    CHECK_INT(parse("--screenshot a.png --screen municipalities --status tobetsu=busy:5 "
                    "--status=sapporo=unknown",
                    &c, err, sizeof err),
              0);
    CHECK_INT(c.n_status, 2);
    CHECK_STR(c.status[0].id, "tobetsu");
    CHECK_INT(c.status[0].wait_minutes, 5);
    CHECK_STR(c.status[1].id, "sapporo");
    CHECK_INT(c.status[1].state, STATUS_UNKNOWN);
    char line[2048] = "--screenshot a.png --screen home";
    for (int i = 0; i <= CLI_MAX_STATUS; i++) {
        size_t len = strlen(line);
        snprintf(line + len, sizeof line - len, " --status m%d=busy", i);
    }
    CHECK_INT(parse(line, &c, err, sizeof err), -1);
    CHECK_STR(err, "--status: at most 16 of them");
}

/* What the headless view gets: the poll's answers as the live loop keeps
 * them, checked against the config. */
static void test_status_fill(void)
{
    char url[] = "https://meet.example.jp/status";
    struct config_municipality m[3];
    memset(m, 0, sizeof m);
    m[0].id = "tobetsu";
    m[0].has_call = 1;
    m[0].call.status_url = url;
    m[1].id = "sapporo"; /* information only */
    m[2].id = "otaru";
    m[2].has_call = 1; /* calls, but no status_url: never polled */
    struct config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.n_municipalities = 3;
    cfg.municipalities = m;
    struct cli c;
    char err[256] = "";
    struct status_info out[3];
    CHECK_INT(parse("--screenshot a.png --screen home --status tobetsu=message:Back_at_2", &c,
                    err, sizeof err),
              0);
    CHECK_INT(cli_status_fill(&c, &cfg, out, err, sizeof err), 0);
    CHECK_INT(out[0].state, STATUS_AVAILABLE);
    CHECK_INT(out[0].wait_minutes, -1);
    CHECK_STR(ltext_get(&out[0].message, "ja", "en"), "Back_at_2");
    CHECK_STR(ltext_get(&out[0].message, "ko", "en"), "Back_at_2");
    CHECK_INT(out[1].state, STATUS_UNKNOWN);
    CHECK_INT(out[2].state, STATUS_UNKNOWN);
    CHECK_INT(out[2].message.n, 0);
    for (int i = 0; i < 3; i++)
        status_info_free(&out[i]);
    CHECK_INT(parse("--screenshot a.png --screen home --status tobetsu=busy:20", &c, err,
                    sizeof err),
              0);
    CHECK_INT(cli_status_fill(&c, &cfg, out, err, sizeof err), 0);
    CHECK_INT(out[0].state, STATUS_BUSY);
    CHECK_INT(out[0].wait_minutes, 20);
    CHECK_INT(out[0].message.n, 0);
    for (int i = 0; i < 3; i++)
        status_info_free(&out[i]);
    static const struct {
        const char *line, *err;
    } bad[] = {
        {"--screenshot a.png --screen home --status kushiro=busy",
         "--status kushiro: the config has no municipality with this id"},
        {"--screenshot a.png --screen home --status sapporo=busy",
         "--status sapporo: its call has no status_url in the config"},
        {"--screenshot a.png --screen home --status tobetsu=busy --status otaru=available",
         "--status otaru: its call has no status_url in the config"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK_INT(parse(bad[i].line, &c, err, sizeof err), 0);
        err[0] = '\0';
        CHECK_INT(cli_status_fill(&c, &cfg, out, err, sizeof err), -1);
        if (!strstr(err, bad[i].err)) {
            fprintf(stderr, "for '%s': message '%s' lacks '%s'\n", bad[i].line, err, bad[i].err);
            check_failures++;
        }
        for (int k = 0; k < 3; k++)
            status_info_free(&out[k]);
    }
}

int main(void)
{
    test_modes();
    test_errors();
    test_at();
    test_status_parse();
    test_status_repeated();
    test_status_fill();
    return CHECK_RESULT();
}
