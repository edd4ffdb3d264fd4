/* The kiosk without its window: config reload and swap between visitors,
 * the state machine's commands carried out (a call through open_url), the
 * admin texts. Configs are written to a scratch file; no workers run. */
#include "check.h"
#include "host.h"
#include "pinhash.h"
#include "msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TEST_CONFIG_A                                                                    \
    "{\"kiosk\": {\"id\": \"k1\", \"title\": \"A\", \"languages\": [\"ja\", \"en\"]},"   \
    " \"call\": {\"allowed_hosts\": [\"meet.example.jp\"]},"                             \
    " \"municipalities\": [{\"id\": \"tobetsu\", \"name\": {\"ja\": \"当別町\", \"en\": \"Tobetsu\"},"                   \
    " \"color\": \"#2E7D32\", \"call\": {\"url\": \"https://meet.example.jp/{session}\"}}]}"
#define TEST_CONFIG_B                                                                    \
    "{\"kiosk\": {\"id\": \"k2\", \"title\": \"B\", \"languages\": [\"ja\"]},"           \
    " \"municipalities\": [{\"id\": \"tobetsu\", \"name\": \"当別町\", \"color\": \"#2E7D32\"},"\
    " {\"id\": \"ishikari\", \"name\": \"石狩市\", \"color\": \"#123456\"}]}"

/* A with its languages the other way round: every index changes. */
#define TEST_CONFIG_A_REVERSED                                                           \
    "{\"kiosk\": {\"id\": \"k3\", \"title\": \"A\", \"languages\": [\"en\", \"ja\"],"           \
    " \"default_language\": \"ja\"}, \"call\": {\"allowed_hosts\": [\"meet.example.jp\"]},"      \
    " \"municipalities\": [{\"id\": \"tobetsu\", \"name\": {\"ja\": \"当別町\", \"en\": \"Tobetsu\"},"\
    " \"color\": \"#2E7D32\", \"call\": {\"url\": \"https://meet.example.jp/{session}\"}}]}"

static char test_path[64];

/* What the hooks saw. */
struct test_seen {
    int swapped, placed, after, opened;
    const struct config *swapped_cfg;
    enum app_screen last_before;
    char url[256];
};
static struct test_seen seen;

static void test_swapped(void *ctx, const struct config *cfg)
{
    CHECK(ctx == &seen);
    seen.swapped++;
    seen.swapped_cfg = cfg;
}

static void test_place(void *ctx, struct call_session *cs)
{
    CHECK(ctx == &seen);
    seen.placed++;
    cs->w = 800;
    cs->h = 600;
}

static void test_after(void *ctx, enum app_screen before)
{
    CHECK(ctx == &seen);
    seen.after++;
    seen.last_before = before;
}

static int test_open_url(const char *url, char *err, size_t errsz)
{
    (void)err;
    (void)errsz;
    seen.opened++;
    snprintf(seen.url, sizeof seen.url, "%s", url);
    return 0;
}

static void test_write(const char *text)
{
    FILE *f = fopen(test_path, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    fputs(text, f);
    fclose(f);
}

static int test_open(struct host *h, const char *text)
{
    struct host_opts o = {.config = test_path, .workers = 0,
                          .hooks = {.ctx = &seen, .open_url = test_open_url,
                                    .config_swapped = test_swapped, .call_place = test_place,
                                    .after_event = test_after}};
    memset(&seen, 0, sizeof seen);
    test_write(text);
    return host_load(h, &o);
}

static void test_tap(struct host *h, enum app_action a, int arg, double now)
{
    struct app_event ev = {.kind = APP_EV_ACTION, .target = {a, arg}};
    host_feed(h, &ev, now);
}

static void test_load(void)
{
    struct host h;
    CHECK_INT(test_open(&h, "{\"kiosk\": 1}"), -1);
    CHECK(strncmp(h.config_status, "NEW FILE REJECTED", 17) == 0);
    CHECK_INT(test_open(&h, TEST_CONFIG_A), 0);
    CHECK_STR(h.config_status, "loaded, 0 warning(s)");
    host_start(&h, "en", 10.0);
    CHECK_STR(app_lang(&h.st), "en");
    CHECK_INT(h.st.screen, APP_SCREEN_HOME);
    CHECK(h.http == NULL && h.watch == NULL); /* no workers asked for */
    host_stop(&h, 11.0);
}

/* A new config waits while a visitor is there and comes in at home. */
static void test_reload_waits(void)
{
    struct host h;
    CHECK_INT(test_open(&h, TEST_CONFIG_A), 0);
    host_start(&h, NULL, 10.0);
    test_tap(&h, APP_ACT_MUNICIPALITIES, 0, 11.0);
    CHECK_INT(h.st.screen, APP_SCREEN_MUNICIPALITIES);
    CHECK_INT(seen.last_before, APP_SCREEN_HOME);
    CHECK(h.dirty);
    test_write(TEST_CONFIG_B);
    host_reload(&h, 12.0);
    CHECK_INT(h.next_ready, 1);
    CHECK_INT(seen.swapped, 0);
    CHECK_STR(h.cfg.kiosk.id, "k1"); /* still the visitor's */
    test_tap(&h, APP_ACT_HOME, 0, 13.0);
    CHECK_INT(h.st.screen, APP_SCREEN_HOME);
    CHECK_INT(seen.swapped, 1);
    CHECK(seen.swapped_cfg == &h.cfg);
    CHECK_STR(h.cfg.kiosk.id, "k2");
    CHECK_INT(h.cfg.n_municipalities, 2);
    CHECK_INT(h.next_ready, 0);
    CHECK(h.st.cfg == &h.cfg);
    host_stop(&h, 14.0);
}

/* On an untouched home the new config comes in at once; a broken one is
 * reported and the last good one stays. */
static void test_reload_now_and_broken(void)
{
    struct host h;
    CHECK_INT(test_open(&h, TEST_CONFIG_A), 0);
    host_start(&h, NULL, 10.0);
    test_write(TEST_CONFIG_B);
    host_reload(&h, 11.0);
    CHECK_INT(seen.swapped, 1);
    CHECK_STR(h.cfg.kiosk.id, "k2");
    test_write("{\"kiosk\": ");
    host_reload(&h, 12.0);
    CHECK_INT(seen.swapped, 1);
    CHECK_STR(h.cfg.kiosk.id, "k2");
    CHECK_INT(h.usage.config_reload_failures, 1);
    struct host_text t;
    host_text(&h, &t);
    CHECK(strncmp(t.config_status, "NEW FILE REJECTED (last good config kept): ", 43) == 0);
    host_stop(&h, 13.0);
}

/* A swap keeps the language by its code, not by its place in the list: the
 * monkey (tests/soak) found the default language lost after an idle reset
 * when the new config listed the languages in another order. */
static void test_swap_language(void)
{
    struct host h;
    CHECK_INT(test_open(&h, TEST_CONFIG_A), 0);
    host_start(&h, "en", 10.0); /* [ja, en]: en is index 1 */
    test_write(TEST_CONFIG_A_REVERSED);
    host_reload(&h, 11.0); /* untouched home: swapped at once */
    CHECK_STR(h.cfg.kiosk.id, "k3");
    CHECK_STR(app_lang(&h.st), "en");
    host_stop(&h, 12.0);

    CHECK_INT(test_open(&h, TEST_CONFIG_A), 0);
    host_start(&h, NULL, 10.0);
    test_tap(&h, APP_ACT_LANG, 1, 11.0); /* the visitor reads English */
    test_tap(&h, APP_ACT_MUNICIPALITIES, 0, 12.0);
    test_write(TEST_CONFIG_A_REVERSED);
    host_reload(&h, 13.0);
    CHECK_INT(h.next_ready, 1);
    struct app_event tick = {.kind = APP_EV_TICK};
    host_feed(&h, &tick, 13.0 + h.cfg.kiosk.idle_timeout_s + 1); /* the visitor left */
    CHECK_INT(h.st.screen, APP_SCREEN_HOME);
    CHECK_STR(h.cfg.kiosk.id, "k3");
    CHECK_STR(app_lang(&h.st), "ja"); /* the default again, not the visitor's English */
    host_stop(&h, 14.0);
}

/* START_CALL and END_CALL carried out: without launcher through open_url. */
static void test_call(void)
{
    struct host h;
    CHECK_INT(test_open(&h, TEST_CONFIG_A), 0);
    host_start(&h, NULL, 10.0);
    h.camera = h.microphone = 1;
    test_tap(&h, APP_ACT_START_CALL, 0, 11.0);
    CHECK_INT(seen.placed, 1);
    CHECK_INT(seen.opened, 1);
    CHECK(strncmp(seen.url, "https://meet.example.jp/", 24) == 0);
    CHECK_INT(h.st.screen, APP_SCREEN_IN_CALL);
    CHECK_INT(h.call.w, 800);
    test_tap(&h, APP_ACT_END_CALL, 0, 20.0);
    CHECK_INT(h.st.screen, APP_SCREEN_THANKS);
    CHECK_INT(h.call.n_ended, 1);
    h.camera = 0; /* a camera is required by default: no call */
    test_tap(&h, APP_ACT_HOME, 0, 21.0);
    test_tap(&h, APP_ACT_START_CALL, 0, 22.0);
    CHECK_INT(seen.opened, 1);
    CHECK_INT(h.st.screen, APP_SCREEN_CALL_FAILED);
    CHECK_INT(h.st.fail_reason, APP_FAIL_DEVICE);
    host_stop(&h, 25.0);
}

/* The admin's running row: uptime units, Japan time, the watchdog. */
static void test_running(void)
{
    char s[200];
    host_running_text(s, sizeof s, 59, NULL);
    CHECK_STR(s, "up 0 min  ·  watchdog off");
    host_running_text(s, sizeof s, 3 * 3600 + 125, "on, every 30 s, last ping 3 s ago");
    CHECK_STR(s, "up 3 h 2 min  ·  watchdog on, every 30 s, last ping 3 s ago");
    host_running_text(s, sizeof s, 2 * 86400 + 5 * 3600 + 59, "");
    CHECK_STR(s, "up 2 d 5 h  ·  watchdog off");
    host_running_text(s, 9, -5, NULL); /* cut, terminated */
    CHECK_STR(s, "up 0 min");
    host_loaded_text(s, sizeof s, 1796169600); /* 2026-12-02 00:00 UTC */
    CHECK_STR(s, "loaded 2026-12-02 09:00");
    host_loaded_text(s, sizeof s, 1796227140); /* 15:59 UTC: the next day in Japan */
    CHECK_STR(s, "loaded 2026-12-03 00:59");
    host_loaded_text(s, sizeof s, 0);
    CHECK_STR(s, "load time unknown");
}

/* Before anything was polled or counted, as headless and bench show it. */
static void test_text(void)
{
    struct host_text t;
    host_text(NULL, &t);
    CHECK_STR(t.config_status, "loaded, 0 warning(s)");
    CHECK_STR(t.health, "0 polls, 0 failed; notify 0 sent, 0 failed, 0 lost");
    CHECK_STR(t.counts, "today: 0 visitors, 0 calls started, 0 ended, 0 failed");
}

/* With workers (the kiosk) the example-PIN check waits for host_check_pin,
 * which the kiosk runs after its first frame; its warning then counts. */
static void test_pin_later(void)
{
    char pin[PINHASH_MAX], json[512];
    CHECK_INT(pinhash_make(PINHASH_EXAMPLE_PIN, strlen(PINHASH_EXAMPLE_PIN), PINHASH_ITER_MIN,
                           pin, sizeof pin), 0);
    snprintf(json, sizeof json,
             "{\"kiosk\": {\"id\": \"k\", \"title\": \"t\", \"languages\": [\"ja\"], "
             "\"admin_pin_sha256\": \"%s\"}, \"municipalities\": [{\"id\": \"tobetsu\", "
             "\"name\": \"当別町\", \"color\": \"#2E7D32\"}]}", pin);
    test_write(json);
    struct host h;
    struct host_opts o = {.config = test_path, .workers = 1};
    CHECK_INT(host_load(&h, &o), 0);
    CHECK_STR(h.config_status, "loaded, 0 warning(s)");
    CHECK_INT(h.pin_check_due, 1);
    host_check_pin(&h);
    CHECK_STR(h.config_status, "loaded, 1 warning(s)");
    CHECK_INT(h.usage.config_warnings, 1);
    host_check_pin(&h); /* once only */
    CHECK_INT(h.usage.config_warnings, 1);
    host_stop(&h, 1.0);
    o.workers = 0; /* a host without workers checks at load */
    CHECK_INT(host_load(&h, &o), 0);
    CHECK_STR(h.config_status, "loaded, 1 warning(s)");
    CHECK_INT(h.pin_check_due, 0);
    host_stop(&h, 1.0);
}

/* Lines in path (0 if missing). */
static int test_lines(const char *path)
{
    FILE *f = fopen(path, "r");
    int n = 0, c;
    while (f && (c = fgetc(f)) != EOF)
        n += c == '\n';
    if (f)
        fclose(f);
    return n;
}

static void test_write_stats(const char *stats)
{
    char json[512];
    snprintf(json, sizeof json,
             "{\"kiosk\": {\"id\": \"k\", \"title\": \"t\", \"languages\": [\"ja\"], "
             "\"stats_path\": \"%s\"}, \"municipalities\": [{\"id\": \"tobetsu\", "
             "\"name\": \"当別町\", \"color\": \"#2E7D32\"}]}", stats);
    test_write(json);
}

/* Two kiosks, one records file: the second does not start; a reload that
 * names another kiosk's file leaves this one without records (metrics
 * would go on), and nothing of it reaches the other's file. */
static void test_records_busy(void)
{
    char a_stats[96], b_stats[96];
    snprintf(a_stats, sizeof a_stats, "%s.a.jsonl", test_path);
    snprintf(b_stats, sizeof b_stats, "%s.b.jsonl", test_path);
    struct host_opts o = {.config = test_path, .workers = 1};
    struct host a, b;
    test_write_stats(a_stats);
    CHECK_INT(host_load(&a, &o), 0);
    CHECK_INT(host_start(&a, NULL, 1.0), 0);
    CHECK(a.usage.records != NULL);
    CHECK_INT(host_load(&b, &o), 0);
    CHECK_INT(host_start(&b, NULL, 1.0), -1); /* a holds the lock */
    CHECK(b.usage.records == NULL);
    host_stop(&b, 1.0);
    test_write_stats(b_stats);
    CHECK_INT(host_load(&b, &o), 0);
    CHECK_INT(host_start(&b, NULL, 1.0), 0);
    test_write_stats(a_stats);
    host_reload(&b, 2.0); /* at home, no visitor: taken at once */
    CHECK_STR(b.cfg.kiosk.stats_path, a_stats);
    int before = test_lines(a_stats);
    test_tap(&b, APP_ACT_SERVICES, 0, 3.0); /* a screen view: recorded nowhere */
    host_stop(&b, 4.0);
    CHECK_INT(test_lines(a_stats), before);
    test_tap(&a, APP_ACT_SERVICES, 0, 3.0);
    host_stop(&a, 4.0); /* flushes a's records */
    CHECK_INT(test_lines(a_stats), before + 2); /* its session and its screen view */
    unlink(a_stats);
    unlink(b_stats);
}

int main(void)
{
    test_running();
    msg_set_level(MSG_ERROR);
    snprintf(test_path, sizeof test_path, "/tmp/test_host-%ld.json", (long)getpid());
    test_load();
    test_reload_waits();
    test_reload_now_and_broken();
    test_swap_language();
    test_call();
    test_text();
    test_pin_later();
    test_records_busy();
    unlink(test_path);
    return CHECK_RESULT();
}
