/* The command line: every flag of PRODUCT.md, and usage errors. */
#include <string.h>

#include "check.h"
#include "cli.h"
#include "sha256.h"

static int parse(const char *line, struct cli *c, char *err, size_t errsz)
{
    char buf[512];
    char *argv[32];
    int argc = 0;
    snprintf(buf, sizeof buf, "%s", line);
    argv[argc++] = "kiosk";
    for (char *p = buf; *p && argc < 31;) {
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
    CHECK_INT(parse("--screenshot a.png --screen municipality:tobetsu --size 3840x2160", &c, err,
                    sizeof err), 0);
    CHECK_INT(c.mode, CLI_SCREENSHOT);
    CHECK_STR(c.screen, "municipality:tobetsu");
    CHECK_INT(c.size_w, 3840);
    CHECK_INT(parse("--schedule tobetsu --from 2026-12-24 --days 14", &c, err, sizeof err), 0);
    CHECK_INT(c.mode, CLI_SCHEDULE);
    CHECK_INT(c.from_y * 10000 + c.from_m * 100 + c.from_d, 20261224);
    CHECK_INT(c.days, 14);
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

static void test_sha256(void)
{
    char hex[65];
    sha256_hex("", 0, hex);
    CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    sha256_hex("abc", 3, hex);
    CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    sha256_hex(two, strlen(two), hex); /* 56 bytes: the padding spills into a second block */
    CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    sha256_hex("2468", 4, hex);
    CHECK_STR(hex, "a1fb4e703a9ef1fa4936801721ff285a97ac85330856674412e054892afe6972");
}

int main(void)
{
    test_modes();
    test_errors();
    test_at();
    test_sha256();
    return CHECK_RESULT();
}
