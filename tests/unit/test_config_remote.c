/* A fetched fleet document merged with the kiosk's own file
 * (config_load_remote): the remote's sections replace the local ones, the
 * local kiosk and fleet sections win, and a remote that sets
 * call.allowed_hosts or call.launcher is refused as a whole. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "config.h"

static const struct config_load_opts test_opts = {.skip_files = 1};

static const char test_local[] =
    "{\"kiosk\": {\"id\": \"hall-a\", \"languages\": [\"ja\", \"en\"], \"title\": \"L\"},\n"
    " \"fleet\": {\"config_url\": \"https://cfg.example.jp/kiosk.json\", \"interval_s\": 60},\n"
    " \"call\": {\"allowed_hosts\": [\"meet.example.jp\"], \"max_minutes\": 20},\n"
    " \"municipalities\": [{\"id\": \"local-town\", \"name\": {\"ja\": \"Local\", \"en\": \"Local\"}, \"color\": \"#112233\"}]}\n";

static int test_load(const char *remote, struct config *cfg, struct config_diags *d)
{
    return config_load_remote(remote, strlen(remote), "/etc/k/kiosk.json", test_local,
                              sizeof test_local - 1, &test_opts, cfg, d);
}

/* The remote's municipalities and call settings run; the local kiosk, fleet
 * and allowed hosts stay; a remote kiosk section is a warning. */
static void test_merge(void)
{
    const char *remote =
        "{\"kiosk\": {\"id\": \"evil\", \"languages\": [\"ja\"], \"title\": \"R\"},\n"
        " \"call\": {\"max_minutes\": 45},\n"
        " \"municipalities\": [\n"
        "  {\"id\": \"tobetsu\", \"name\": {\"ja\": \"T\", \"en\": \"T\"}, \"color\": \"#2E7D32\",\n"
        "   \"call\": {\"url\": \"https://meet.example.jp/t-{session}\"}},\n"
        "  {\"id\": \"ebetsu\", \"name\": {\"ja\": \"E\", \"en\": \"E\"}, \"color\": \"#000000\"}],\n"
        " \"services\": [{\"id\": \"lib\", \"title\": \"Library\", \"body\": \"B\"}]}\n";
    struct config cfg;
    struct config_diags d = {0};
    CHECK_INT(test_load(remote, &cfg, &d), 0);
    CHECK_INT(d.n_errors, 0);
    CHECK_INT(d.n_warnings, 1);
    if (d.n > 0) {
        char line[512];
        config_diags_format(&d.d[0], "https://cfg.example.jp/kiosk.json", line, sizeof line);
        CHECK_STR(line, "https://cfg.example.jp/kiosk.json:1:11: warning: kiosk: the kiosk's "
                        "own `kiosk` section is used; this one is ignored");
    }
    CHECK_STR(cfg.kiosk.id, "hall-a");
    CHECK_INT(cfg.kiosk.n_languages, 2);
    CHECK_INT(cfg.n_municipalities, 2);
    CHECK_STR(cfg.municipalities[0].id, "tobetsu");
    CHECK_INT(cfg.n_services, 1);
    CHECK_INT(cfg.call.max_minutes, 45);
    CHECK_INT(cfg.call.n_allowed_hosts, 1);
    CHECK_STR(cfg.call.allowed_hosts[0], "meet.example.jp");
    CHECK_STR(cfg.fleet.config_url, "https://cfg.example.jp/kiosk.json");
    CHECK_INT(cfg.fleet.interval_s, 60);
    CHECK_INT(cfg.fleet.timeout_s, 20);
    CHECK_STR(cfg.dir, "/etc/k");
    config_free(&cfg);
    config_diags_free(&d);
}

/* Widening the hosts or naming a launcher refuses the whole document, at
 * the line of the key. */
static void test_refused(void)
{
    const char *hosts =
        "{\"call\": {\"allowed_hosts\": [\"meet.example.jp\", \"evil.example.com\"]},\n"
        " \"municipalities\": [{\"id\": \"x\", \"name\": {\"ja\": \"X\", \"en\": \"X\"}, \"color\": \"#000000\",\n"
        "   \"call\": {\"url\": \"https://evil.example.com/{session}\"}}]}\n";
    struct config cfg;
    struct config_diags d = {0};
    CHECK_INT(test_load(hosts, &cfg, &d), -2);
    CHECK(cfg.municipalities == NULL);
    char line[512] = "";
    if (d.n > 0)
        config_diags_format(&d.d[0], "U", line, sizeof line);
    CHECK_STR(line, "U:1:28: error: call.allowed_hosts: `call.allowed_hosts` may be set only "
                    "in the kiosk's own config file: the whole remote document is refused");
    config_diags_free(&d);
    const char *launcher = "{\"call\": {\"launcher\": [\"/bin/sh\", \"-c\", \"{url}\"]},\n"
                           " \"municipalities\": [{\"id\": \"x\", \"name\": {\"ja\": \"X\", \"en\": \"X\"}, "
                           "\"color\": \"#000000\"}]}\n";
    CHECK_INT(test_load(launcher, &cfg, &d), -2);
    CHECK(d.n_errors == 1 && strcmp(d.d[0].path, "call.launcher") == 0);
    config_diags_free(&d);
}

/* A broken or wrong document is an error at its own line, not refused;
 * the local allowed hosts still judge its call URLs. */
static void test_invalid(void)
{
    struct config cfg;
    struct config_diags d = {0};
    CHECK_INT(test_load("{\"municipalities\": [", &cfg, &d), -1);
    CHECK(d.n_errors == 1 && d.d[0].line == 1);
    config_diags_free(&d);
    const char *host = "{\"municipalities\": [{\"id\": \"x\", \"name\": {\"ja\": \"X\", \"en\": \"X\"}, \"color\": "
                       "\"#000000\",\n \"call\": {\"url\": \"https://other.example.com/\"}}]}";
    CHECK_INT(test_load(host, &cfg, &d), -1);
    CHECK(d.n_errors == 1 && d.d[0].line == 2);
    if (d.n > 0)
        CHECK_STR(d.d[0].message, "host `other.example.com` is not in call.allowed_hosts");
    config_diags_free(&d);
    /* The local file must still parse. */
    CHECK_INT(config_load_remote("{}", 2, "k.json", "{", 1, &test_opts, &cfg, &d), -1);
    config_diags_free(&d);
}

/* The fleet section in the local file: https only, cert with key. */
static void test_fleet_section(void)
{
    struct {
        const char *fleet;
        int rc;
        const char *msg;
    } cases[] = {
        {"{\"config_url\": \"https://127.0.0.1:8443/k.json\"}", 0, NULL},
        {"{\"config_url\": \"http://cfg.example.jp/k.json\"}", -1, "scheme must be https"},
        {"{\"interval_s\": 60}", -1, "required field `config_url` is missing"},
        {"{\"config_url\": \"https://a.jp/\", \"client_cert\": \"c.pem\"}", -1,
         "client_cert and client_key go together: give both or neither"},
        {"{\"config_url\": \"https://a.jp/\", \"interval_s\": 1}", -1,
         "must be between 2 and 86400, not 1"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[1024];
        int n = snprintf(buf, sizeof buf,
                         "{\"kiosk\": {\"id\": \"a\", \"languages\": [\"ja\"], \"title\": "
                         "\"T\"}, \"fleet\": %s, \"municipalities\": [{\"id\": \"x\", "
                         "\"name\": \"X\", \"color\": \"#000000\"}]}",
                         cases[i].fleet);
        struct config cfg;
        struct config_diags d = {0};
        CHECK_INT(config_load_buffer("k.json", buf, (size_t)n, &test_opts, &cfg, &d),
                  cases[i].rc);
        if (cases[i].rc == 0)
            config_free(&cfg);
        else if (d.n > 0)
            CHECK_STR(d.d[0].message, cases[i].msg);
        config_diags_free(&d);
    }
}

int main(void)
{
    test_merge();
    test_refused();
    test_invalid();
    test_fleet_section();
    return CHECK_RESULT();
}
