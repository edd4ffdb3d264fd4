/* One call from start to end, driven with the recording launcher scripts of
 * tests/data/launchers/ (argv[1] is tests/data) and with a recording
 * open_url for kiosks without a launcher. */
/* nftw (XSI) for cleaning up the scratch folder. */
#define _XOPEN_SOURCE 700
#include "call_session.h"
#include "check.h"
#include "msg.h"

#include <errno.h>
#include <ftw.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define TEST_HOST "meet.example.jp"

static char test_scripts[1024]; /* tests/data/launchers */
static char test_root[256];     /* scratch folder: profiles and the record */
static char test_record[512];   /* what the scripts were given */
static atomic_int test_wakes;

static void test_wake(void *ctx)
{
    CHECK(ctx == &test_wakes);
    atomic_fetch_add(&test_wakes, 1);
}

/* ---- open_url: records what it was given ------------------------------- */

static char test_opened[2048];
static int test_open_fails;

static int test_open_url(const char *url, char *err, size_t errsz)
{
    snprintf(test_opened, sizeof test_opened, "%s", url);
    if (!test_open_fails)
        return 0;
    snprintf(err, errsz, "no handler for https");
    return -1;
}

/* ---- a config with one municipality ------------------------------------ */

struct test_cfg {
    struct config cfg;
    struct config_municipality muni;
    char *hosts[1];
    char *argv[4];
};

/* launcher: a script of tests/data/launchers, or NULL for open_url. */
static void test_cfg_init(struct test_cfg *t, const char *url, const char *launcher,
                          char *script_path, size_t pathsz)
{
    memset(t, 0, sizeof *t);
    t->hosts[0] = TEST_HOST;
    t->muni.id = "tobetsu";
    t->muni.has_call = 1;
    t->muni.call.url = (char *)url;
    t->cfg.kiosk.id = "test-kiosk";
    t->cfg.call.allowed_hosts = t->hosts;
    t->cfg.call.n_allowed_hosts = 1;
    t->cfg.call.max_minutes = 30;
    t->cfg.n_municipalities = 1;
    t->cfg.municipalities = &t->muni;
    if (!launcher)
        return;
    snprintf(script_path, pathsz, "%s/%s", test_scripts, launcher);
    t->argv[0] = script_path;
    t->argv[1] = "--app={url}";
    t->argv[2] = "--window-position={x},{y}";
    t->argv[3] = "--window-size={w},{h}";
    t->cfg.call.launcher = t->argv;
    t->cfg.call.n_launcher = 4;
}

static void test_session_init(struct call_session *cs, const struct test_cfg *t)
{
    memset(cs, 0, sizeof *cs);
    cs->cfg = &t->cfg;
    cs->wake = test_wake;
    cs->wake_ctx = &test_wakes;
    cs->open_url = test_open_url;
    cs->x = 0;
    cs->y = 90;
    cs->w = 1920;
    cs->h = 990;
}

/* Polls as the kiosk does until the call says something other than TICK;
 * returns it (APP_EV_TICK after ms). */
static enum app_event_kind test_poll_until(struct call_session *cs, int ms,
                                           enum app_fail_reason *reason)
{
    double until = check_now() + ms / 1000.0;
    while (check_now() < until) {
        enum app_event_kind k = call_session_poll(cs, time(NULL), check_now(), reason);
        if (k != APP_EV_TICK)
            return k;
        check_sleep_ms(20);
    }
    return APP_EV_TICK;
}

static const char *test_read_record(void)
{
    for (int waited = 0; waited < 3000 && access(test_record, F_OK) != 0; waited += 20)
        check_sleep_ms(20);
    static char buf[4096];
    FILE *f = fopen(test_record, "re");
    size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
    buf[n] = '\0';
    if (f)
        fclose(f);
    return buf;
}

/* ---- cases -------------------------------------------------------------- */

/* Refusals happen before anything starts: nothing is opened or spawned. */
static void test_refused(void)
{
    struct test_cfg t;
    struct call_session cs;
    enum app_fail_reason why = APP_FAIL_NONE;
    test_cfg_init(&t, "https://evil.example.org/{session}", NULL, NULL, 0);
    test_session_init(&cs, &t);
    test_opened[0] = '\0';
    CHECK_INT(call_session_start(&cs, 0, 1, 1000, 1.0, &why), APP_EV_CALL_FAILED);
    CHECK_INT(why, APP_FAIL_REFUSED);
    CHECK_INT(cs.active, 0);
    CHECK_INT(cs.n_failed, 1);
    CHECK_STR(test_opened, "");

    test_cfg_init(&t, "https://" TEST_HOST "/{session}", NULL, NULL, 0);
    test_session_init(&cs, &t);
    CHECK_INT(call_session_start(&cs, 0, 0, 1000, 1.0, &why), APP_EV_CALL_FAILED);
    CHECK_INT(why, APP_FAIL_DEVICE);
    CHECK_STR(test_opened, "");
    CHECK_INT(cs.n_started, 0);
}

/* Without a launcher: the URL (with a fresh session id) goes to open_url,
 * the call runs at once and ends when the visitor ends it. */
static void test_open_url_call(void)
{
    struct test_cfg t;
    struct call_session cs;
    enum app_fail_reason why = APP_FAIL_NONE;
    test_cfg_init(&t, "https://" TEST_HOST "/room/{session}", NULL, NULL, 0);
    test_session_init(&cs, &t);
    test_open_fails = 0;
    CHECK_INT(call_session_start(&cs, 0, 1, 1000, 1.0, &why), APP_EV_CALL_RUNNING);
    CHECK(strlen(cs.session) >= 16);
    char want[2048];
    snprintf(want, sizeof want, "https://" TEST_HOST "/room/%s", cs.session);
    CHECK_STR(test_opened, want);
    CHECK_STR(cs.url, want);
    CHECK_INT(call_session_poll(&cs, 1010, 11.0, &why), APP_EV_TICK);
    CHECK_INT(call_session_stop(&cs, 1030), APP_EV_CALL_ENDED);
    CHECK_INT(call_session_poll(&cs, 1040, 41.0, &why), APP_EV_TICK); /* over */
    CHECK_INT(cs.active, 0);
    CHECK_INT(cs.n_started, 1);
    CHECK_INT(cs.n_ended, 1);
    char first[40];
    snprintf(first, sizeof first, "%s", cs.session);
    test_open_fails = 1; /* the next call: the system has no handler */
    CHECK_INT(call_session_start(&cs, 0, 1, 1100, 101.0, &why), APP_EV_CALL_FAILED);
    CHECK_INT(why, APP_FAIL_START);
    CHECK(strcmp(first, cs.session) != 0); /* every call its own session */
    CHECK_INT(cs.n_failed, 1);
    test_open_fails = 0; /* max_minutes counts from the start: nothing to watch */
    CHECK_INT(call_session_start(&cs, 0, 1, 1150, 151.0, &why), APP_EV_CALL_RUNNING);
    CHECK_INT(call_session_poll(&cs, 1150 + 29 * 60, 151.0 + 29 * 60, &why), APP_EV_TICK);
    CHECK_INT(call_session_poll(&cs, 1150 + 30 * 60, 151.0 + 30 * 60, &why), APP_EV_CALL_ENDED);
    CHECK_INT(cs.n_ended, 2);
    cs.open_url = NULL;
    CHECK_INT(call_session_start(&cs, 0, 1, 1200, 201.0, &why), APP_EV_CALL_FAILED);
    CHECK_INT(cs.n_failed, 2);
}

/* record.sh: connecting, running after the early window, ended when the
 * browser exits; the launcher got the session URL and the geometry. */
static void test_launcher_call(void)
{
    struct test_cfg t;
    struct call_session cs;
    char script[1200];
    enum app_fail_reason why = APP_FAIL_NONE;
    unlink(test_record);
    test_cfg_init(&t, "https://" TEST_HOST "/{session}", "record.sh", script, sizeof script);
    test_session_init(&cs, &t);
    int wakes = atomic_load(&test_wakes);
    double t0 = check_now();
    CHECK_INT(call_session_start(&cs, 0, 1, time(NULL), t0, &why), APP_EV_TICK);
    CHECK(cs.launcher != NULL);
    char want[4096];
    snprintf(want, sizeof want,
             "arg --app=https://" TEST_HOST "/%s\n"
             "arg --window-position=0,90\n"
             "arg --window-size=1920,990\n",
             cs.session);
    CHECK(strncmp(test_read_record(), want, strlen(want)) == 0);
    CHECK_INT(test_poll_until(&cs, 3000, &why), APP_EV_CALL_RUNNING);
    CHECK(check_now() - t0 >= LAUNCHER_EARLY_MS / 1000.0);
    CHECK_INT(test_poll_until(&cs, 5000, &why), APP_EV_CALL_ENDED);
    CHECK(atomic_load(&test_wakes) > wakes);
    CHECK(cs.launcher == NULL);
    CHECK_INT(cs.active, 0);
    CHECK_INT(cs.n_ended, 1);
}

/* fail.sh exits at once: the call could not start. */
static void test_launcher_fails(void)
{
    struct test_cfg t;
    struct call_session cs;
    char script[1200];
    enum app_fail_reason why = APP_FAIL_NONE;
    test_cfg_init(&t, "https://" TEST_HOST "/{session}", "fail.sh", script, sizeof script);
    test_session_init(&cs, &t);
    CHECK_INT(call_session_start(&cs, 0, 1, time(NULL), check_now(), &why), APP_EV_TICK);
    CHECK_INT(test_poll_until(&cs, 3000, &why), APP_EV_CALL_FAILED);
    CHECK_INT(why, APP_FAIL_START);
    CHECK_INT(cs.n_failed, 1);
    CHECK_INT(cs.n_ended, 0);
    CHECK(cs.launcher == NULL);
}

/* Starts a call on record_forever.sh, which never ends by itself. */
static void test_start_forever(struct test_cfg *t, struct call_session *cs, char *script,
                               size_t scriptsz, int max_minutes)
{
    enum app_fail_reason why = APP_FAIL_NONE;
    test_cfg_init(t, "https://" TEST_HOST "/{session}", "record_forever.sh", script,
                  scriptsz);
    t->cfg.call.max_minutes = max_minutes;
    test_session_init(cs, t);
    CHECK_INT(call_session_start(cs, 0, 1, time(NULL), check_now(), &why), APP_EV_TICK);
}

/* The End button stops such a call, and so does max_minutes (0 here: due
 * at the first look). */
static void test_launcher_stopped(int by_max_minutes)
{
    struct test_cfg t;
    struct call_session cs;
    char script[1200];
    enum app_fail_reason why = APP_FAIL_NONE;
    test_start_forever(&t, &cs, script, sizeof script, by_max_minutes ? 0 : 30);
    if (!by_max_minutes)
        CHECK_INT(call_session_stop(&cs, time(NULL)), APP_EV_TICK); /* ends later */
    CHECK_INT(test_poll_until(&cs, 8000, &why), APP_EV_CALL_ENDED);
    CHECK_INT(cs.n_ended, 1);
    CHECK_INT(cs.active, 0);
}

/* The kiosk quits mid-call: the browser goes and the call counts as ended. */
static void test_shutdown(void)
{
    struct test_cfg t;
    struct call_session cs;
    char script[1200];
    test_start_forever(&t, &cs, script, sizeof script, 30);
    call_session_shutdown(&cs, time(NULL));
    CHECK(cs.launcher == NULL);
    CHECK_INT(cs.active, 0);
    CHECK_INT(cs.n_ended, 1);
}

static int test_rm(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

int main(int argc, char **argv)
{
    if (argc < 2 || strlen(argv[1]) > 900) {
        fprintf(stderr, "usage: test_call_session TESTS_DATA_DIR\n");
        return 2;
    }
    msg_set_level(MSG_ERROR);
    snprintf(test_scripts, sizeof test_scripts, "%s/launchers", argv[1]);
    snprintf(test_root, sizeof test_root, "/tmp/test_call_session-XXXXXX");
    if (!mkdtemp(test_root))
        return 2;
    snprintf(test_record, sizeof test_record, "%s/record.txt", test_root);
    /* Profiles go under $XDG_RUNTIME_DIR: here, the scratch folder. */
    if (setenv("XDG_RUNTIME_DIR", test_root, 1) != 0 ||
        setenv("LAUNCHER_RECORD", test_record, 1) != 0)
        return 2;
    test_refused();
    test_open_url_call();
    test_launcher_call();
    test_launcher_fails();
    test_launcher_stopped(0);
    test_launcher_stopped(1);
    test_shutdown();
    nftw(test_root, test_rm, 8, FTW_DEPTH | FTW_PHYS);
    return CHECK_RESULT();
}
