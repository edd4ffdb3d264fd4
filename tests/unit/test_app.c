/* The screen state machine: every transition of the visitor's path, the idle
 * timeout with an injected clock, the admin PIN, and config swaps. */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "check.h"
#include "sha256.h"

static struct config_municipality test_munis[3];
static char test_pin_hash[65];
static struct config test_cfg;

static void test_setup(void)
{
    memset(&test_cfg, 0, sizeof test_cfg);
    memset(test_munis, 0, sizeof test_munis);
    test_cfg.kiosk.n_languages = 2;
    memcpy(test_cfg.kiosk.languages[0], "ja", 3);
    memcpy(test_cfg.kiosk.languages[1], "en", 3);
    memcpy(test_cfg.kiosk.default_language, "ja", 3);
    test_cfg.kiosk.idle_timeout_s = 60;
    sha256_hex("2468", 4, test_pin_hash);
    test_cfg.kiosk.admin_pin_sha256 = test_pin_hash;
    test_cfg.n_municipalities = 3;
    test_cfg.municipalities = test_munis;
    test_munis[0].has_call = 1; /* tobetsu */
    test_cfg.n_services = 2;
    test_cfg.call.n_launcher = 1; /* a supervised browser; see test_call_without_launcher */
}

static struct app_cmds test_cmds;

static void tap(struct app_state *st, enum app_action a, int arg, double now)
{
    struct app_event ev = {.kind = APP_EV_ACTION, .target = {a, arg}};
    app_handle(st, &ev, now, &test_cmds);
}

static void event(struct app_state *st, enum app_event_kind k, double now)
{
    struct app_event ev = {.kind = k, .reason = APP_FAIL_START};
    app_handle(st, &ev, now, &test_cmds);
}

static int has_cmd(enum app_cmd_kind k, int arg)
{
    for (int i = 0; i < test_cmds.n; i++)
        if (test_cmds.c[i].kind == k && (arg < 0 || test_cmds.c[i].arg == arg))
            return 1;
    return 0;
}

static void test_visitor_path(void)
{
    struct app_state st;
    app_init(&st, &test_cfg, 0);
    CHECK_INT(st.screen, APP_SCREEN_HOME);
    tap(&st, APP_ACT_MUNICIPALITIES, 0, 1);
    CHECK_INT(st.screen, APP_SCREEN_MUNICIPALITIES);
    tap(&st, APP_ACT_MUNICIPALITY, 0, 2);
    CHECK_INT(st.screen, APP_SCREEN_MUNICIPALITY);
    CHECK_INT(st.muni, 0);
    tap(&st, APP_ACT_START_CALL, 0, 3);
    CHECK_INT(st.screen, APP_SCREEN_CALLING);
    CHECK(has_cmd(APP_CMD_START_CALL, 0));
    event(&st, APP_EV_CALL_RUNNING, 4);
    CHECK_INT(st.screen, APP_SCREEN_IN_CALL);
    /* No idle reset during a call, however long. */
    event(&st, APP_EV_TICK, 4 + 3600);
    CHECK_INT(st.screen, APP_SCREEN_IN_CALL);
    tap(&st, APP_ACT_END_CALL, 0, 3605);
    CHECK(has_cmd(APP_CMD_END_CALL, -1));
    CHECK_INT(st.screen, APP_SCREEN_IN_CALL); /* until the process is gone */
    event(&st, APP_EV_CALL_ENDED, 3606);
    CHECK_INT(st.screen, APP_SCREEN_THANKS);
    event(&st, APP_EV_TICK, 3606 + APP_THANKS_S - 0.1);
    CHECK_INT(st.screen, APP_SCREEN_THANKS);
    event(&st, APP_EV_TICK, 3606 + APP_THANKS_S);
    CHECK_INT(st.screen, APP_SCREEN_HOME);
}

static void test_call_refusals(void)
{
    struct app_state st;
    app_init(&st, &test_cfg, 0);
    tap(&st, APP_ACT_MUNICIPALITY, 1, 1);
    tap(&st, APP_ACT_START_CALL, 1, 2); /* no call section: nothing happens */
    CHECK_INT(st.screen, APP_SCREEN_MUNICIPALITY);
    CHECK(!has_cmd(APP_CMD_START_CALL, -1));
    tap(&st, APP_ACT_MUNICIPALITY, 7, 3); /* out of range */
    CHECK_INT(st.muni, 1);
    tap(&st, APP_ACT_BACK, 0, 4);
    CHECK_INT(st.screen, APP_SCREEN_MUNICIPALITIES);
    tap(&st, APP_ACT_MUNICIPALITY, 0, 5);
    tap(&st, APP_ACT_START_CALL, 0, 6);
    event(&st, APP_EV_CALL_FAILED, 7);
    CHECK_INT(st.screen, APP_SCREEN_CALL_FAILED);
    CHECK_INT(st.fail_reason, APP_FAIL_START);
    tap(&st, APP_ACT_BACK, 0, 8);
    CHECK_INT(st.screen, APP_SCREEN_MUNICIPALITY);
    /* Cancel while connecting asks to end; navigation is ignored meanwhile. */
    tap(&st, APP_ACT_START_CALL, 0, 9);
    tap(&st, APP_ACT_HOME, 0, 10);
    CHECK_INT(st.screen, APP_SCREEN_CALLING);
    tap(&st, APP_ACT_CANCEL_CALL, 0, 11);
    CHECK(has_cmd(APP_CMD_END_CALL, -1));
    event(&st, APP_EV_CALL_ENDED, 12);
    CHECK_INT(st.screen, APP_SCREEN_THANKS);
}

/* The warning's length from idle_timeout_s: 20-30 s, at most half. */
static void test_warn_length(void)
{
    CHECK(app_idle_warn_s(60) == 20.0);
    CHECK(app_idle_warn_s(90) == 30.0); /* the default timeout */
    CHECK(app_idle_warn_s(75) == 25.0);
    CHECK(app_idle_warn_s(600) == 30.0);
    CHECK(app_idle_warn_s(3600) == 30.0);
    CHECK(app_idle_warn_s(40) == 20.0);
    CHECK(app_idle_warn_s(30) == 15.0); /* half of a short timeout */
    CHECK(app_idle_warn_s(15) == 7.5);
    for (int t = 15; t <= 3600; t++) {
        double w = app_idle_warn_s(t);
        CHECK(w <= t / 2.0);
        CHECK(t < 40 || (w >= APP_WARN_MIN_S && w <= APP_WARN_MAX_S));
    }
}

static void test_idle(void)
{
    struct app_state st;
    app_init(&st, &test_cfg, 100);
    CHECK(app_next_deadline(&st) < 0); /* home, nobody there: nothing to wake for */
    tap(&st, APP_ACT_SERVICES, 0, 100);
    tap(&st, APP_ACT_LANG, 1, 101);
    CHECK_STR(app_lang(&st), "en");
    CHECK(has_cmd(APP_CMD_RECORD, APP_REC_LANGUAGE));
    tap(&st, APP_ACT_SERVICE, 1, 110);
    CHECK_INT(st.screen, APP_SCREEN_SERVICE);
    CHECK(app_next_deadline(&st) > 110);
    CHECK(!app_idle_warning(&st, 149.9));
    CHECK(app_idle_warning(&st, 150.1)); /* 20 s before the 60 s timeout */
    event(&st, APP_EV_TICK, 169.9);
    CHECK_INT(st.screen, APP_SCREEN_SERVICE);
    /* A touch on the warning continues. */
    tap(&st, APP_ACT_CONTINUE, 0, 165);
    event(&st, APP_EV_TICK, 224.9);
    CHECK_INT(st.screen, APP_SCREEN_SERVICE);
    event(&st, APP_EV_TICK, 225);
    CHECK_INT(st.screen, APP_SCREEN_HOME);
    CHECK_STR(app_lang(&st), "ja"); /* the language resets with the visitor */
    CHECK_INT(st.service, -1);
    /* Home without a visit: awaiting a visitor once nothing happened for
     * the idle timeout (the keys' focus left there is then forgotten). */
    CHECK(app_awaiting_visitor(&st, 226)); /* reset by idle: nobody since 165 */
    event(&st, APP_EV_INPUT, 290); /* a key on home starts no visit */
    CHECK_INT(st.visitor_active, 0);
    CHECK(!app_awaiting_visitor(&st, 349.9));
    CHECK(app_awaiting_visitor(&st, 350));
    tap(&st, APP_ACT_SERVICES, 0, 351);
    CHECK(!app_awaiting_visitor(&st, 1000)); /* a visit runs (and idle will end it) */
    event(&st, APP_EV_TICK, 412);
    CHECK_INT(st.screen, APP_SCREEN_HOME);
    /* A language changed on home also resets when the visitor walks away. */
    tap(&st, APP_ACT_LANG, 1, 500);
    event(&st, APP_EV_TICK, 561);
    CHECK_STR(app_lang(&st), "ja");
}

/* Voice guidance: VOICE 1 (help key, long hold) turns it on and keeps it on,
 * VOICE 0 (the home control) toggles; it ends with the visit (idle reset). */
static void test_voice(void)
{
    struct app_state st;
    app_init(&st, &test_cfg, 100);
    CHECK(!st.voice);
    tap(&st, APP_ACT_VOICE, 1, 101);
    CHECK(st.voice && st.visitor_active);
    tap(&st, APP_ACT_VOICE, 1, 102);
    CHECK(st.voice);
    tap(&st, APP_ACT_MUNICIPALITIES, 0, 103);
    CHECK(st.voice);
    tap(&st, APP_ACT_VOICE, 0, 104);
    CHECK(!st.voice);
    tap(&st, APP_ACT_VOICE, 0, 105);
    CHECK(st.voice);
    event(&st, APP_EV_TICK, 166);
    CHECK_INT(st.screen, APP_SCREEN_HOME);
    CHECK(!st.voice); /* the next visitor starts without it */
}

/* Without a launcher (SDL_OpenURL) the visitor sees the in-call screen:
 * idle warns, then ends the call and goes home with the visitor wiped. */
static void test_call_without_launcher(void)
{
    struct app_state st;
    test_cfg.call.n_launcher = 0;
    app_init(&st, &test_cfg, 0);
    tap(&st, APP_ACT_MUNICIPALITY, 0, 1);
    tap(&st, APP_ACT_LANG, 1, 2);
    tap(&st, APP_ACT_START_CALL, 0, 3);
    event(&st, APP_EV_CALL_RUNNING, 3);
    CHECK_INT(st.screen, APP_SCREEN_IN_CALL);
    CHECK(app_next_deadline(&st) > 0); /* the loop wakes for the warning */
    CHECK(!app_idle_warning(&st, 42.9));
    CHECK(app_idle_warning(&st, 43.1)); /* "Still there?" over the call, 20 s before */
    tap(&st, APP_ACT_CONTINUE, 0, 60); /* the visitor is still there */
    event(&st, APP_EV_TICK, 119.9);
    CHECK_INT(st.screen, APP_SCREEN_IN_CALL);
    CHECK(!has_cmd(APP_CMD_END_CALL, -1));
    event(&st, APP_EV_TICK, 120); /* gone: the call ends first */
    CHECK(has_cmd(APP_CMD_END_CALL, -1));
    CHECK(!has_cmd(APP_CMD_RECORD, APP_REC_IDLE_RESET));
    CHECK_INT(st.screen, APP_SCREEN_IN_CALL); /* its end is still the call's */
    event(&st, APP_EV_CALL_ENDED, 120);
    CHECK_INT(st.screen, APP_SCREEN_HOME); /* no thank-you for nobody */
    CHECK(has_cmd(APP_CMD_RECORD, APP_REC_IDLE_RESET));
    CHECK_STR(app_lang(&st), "ja");
    CHECK_INT(st.muni, -1);
    CHECK_INT(st.visitor_active, 0);
    /* Should the end never come, the next tick goes home all the same. */
    tap(&st, APP_ACT_MUNICIPALITY, 0, 200);
    tap(&st, APP_ACT_START_CALL, 0, 201);
    event(&st, APP_EV_CALL_RUNNING, 201);
    event(&st, APP_EV_TICK, 261);
    CHECK(has_cmd(APP_CMD_END_CALL, -1));
    event(&st, APP_EV_TICK, 262);
    CHECK_INT(st.screen, APP_SCREEN_HOME);
    CHECK(has_cmd(APP_CMD_RECORD, APP_REC_IDLE_RESET));
    /* The End button and the end of a call the visitor stayed for. */
    tap(&st, APP_ACT_MUNICIPALITY, 0, 300);
    tap(&st, APP_ACT_START_CALL, 0, 301);
    event(&st, APP_EV_CALL_RUNNING, 301);
    tap(&st, APP_ACT_END_CALL, 0, 330);
    CHECK(has_cmd(APP_CMD_END_CALL, -1));
    event(&st, APP_EV_CALL_ENDED, 330);
    CHECK_INT(st.screen, APP_SCREEN_THANKS);
    test_cfg.call.n_launcher = 1;
}

static void test_admin_pin(void)
{
    struct app_state st;
    app_init(&st, &test_cfg, 0);
    tap(&st, APP_ACT_ADMIN_GESTURE, 0, 1);
    CHECK_INT(st.screen, APP_SCREEN_ADMIN_PIN);
    tap(&st, APP_ACT_ADMIN_QUIT, 0, 1.5); /* not before the PIN */
    CHECK(!has_cmd(APP_CMD_QUIT, -1));
    /* The corner held again on the PIN screen: the digits typed are gone,
     * from memory too (the monkey found them left behind a new entry). */
    tap(&st, APP_ACT_PIN_DIGIT, 7, 1.6);
    tap(&st, APP_ACT_PIN_DIGIT, 7, 1.7);
    tap(&st, APP_ACT_ADMIN_GESTURE, 0, 1.8);
    CHECK_INT(st.pin_len, 0);
    CHECK_STR(st.pin, "");
    const int wrong[4] = {1, 2, 3, 4}, right[4] = {2, 4, 6, 8};
    for (int i = 0; i < 4; i++)
        tap(&st, APP_ACT_PIN_DIGIT, wrong[i], 2);
    tap(&st, APP_ACT_PIN_ENTER, 0, 2);
    CHECK_INT(st.screen, APP_SCREEN_ADMIN_PIN);
    CHECK(st.pin_locked_until > 2);
    for (int i = 0; i < 4; i++) /* ignored while locked */
        tap(&st, APP_ACT_PIN_DIGIT, right[i], 3);
    tap(&st, APP_ACT_PIN_ENTER, 0, 3);
    CHECK_INT(st.screen, APP_SCREEN_ADMIN_PIN);
    event(&st, APP_EV_TICK, 8);
    for (int i = 0; i < 4; i++)
        tap(&st, APP_ACT_PIN_DIGIT, right[i], 8);
    tap(&st, APP_ACT_PIN_ENTER, 0, 8);
    CHECK_INT(st.screen, APP_SCREEN_ADMIN);
    tap(&st, APP_ACT_ADMIN_RELOAD, 0, 9);
    CHECK(has_cmd(APP_CMD_RELOAD_CONFIG, -1));
    tap(&st, APP_ACT_ADMIN_QUIT, 0, 10); /* asks first */
    CHECK(!has_cmd(APP_CMD_QUIT, -1));
    CHECK(app_quit_armed(&st, 10.5));
    tap(&st, APP_ACT_ADMIN_QUIT, 0, 16); /* too late: asks again */
    CHECK(!has_cmd(APP_CMD_QUIT, -1));
    tap(&st, APP_ACT_ADMIN_QUIT, 0, 17);
    CHECK(has_cmd(APP_CMD_QUIT, -1));
}

static void test_config_swap(void)
{
    struct app_state st;
    app_init(&st, &test_cfg, 0);
    event(&st, APP_EV_CONFIG_READY, 1);
    CHECK(has_cmd(APP_CMD_SWAP_CONFIG, -1)); /* nobody there: at once */
    tap(&st, APP_ACT_MUNICIPALITY, 0, 2);
    tap(&st, APP_ACT_START_CALL, 0, 3);
    event(&st, APP_EV_CONFIG_READY, 4);
    CHECK(!has_cmd(APP_CMD_SWAP_CONFIG, -1)); /* never in the middle of a call */
    event(&st, APP_EV_CALL_ENDED, 5);
    tap(&st, APP_ACT_HOME, 0, 6);
    CHECK(has_cmd(APP_CMD_SWAP_CONFIG, -1)); /* the visitor left */
}

/* A failed call offers TRY_AGAIN: the same municipality's call starts
 * again; the action does nothing on any other screen. */
static void test_try_again(void)
{
    struct app_state st;
    app_init(&st, &test_cfg, 0);
    tap(&st, APP_ACT_MUNICIPALITY, 0, 1);
    tap(&st, APP_ACT_TRY_AGAIN, 0, 2); /* not after a failure: ignored */
    CHECK_INT(st.screen, APP_SCREEN_MUNICIPALITY);
    CHECK(!has_cmd(APP_CMD_START_CALL, -1));
    tap(&st, APP_ACT_START_CALL, 0, 3);
    event(&st, APP_EV_CALL_FAILED, 4);
    CHECK_INT(st.screen, APP_SCREEN_CALL_FAILED);
    tap(&st, APP_ACT_TRY_AGAIN, 0, 5);
    CHECK_INT(st.screen, APP_SCREEN_CALLING);
    CHECK(has_cmd(APP_CMD_START_CALL, 0));
    CHECK_INT(st.fail_reason, APP_FAIL_NONE);
    CHECK(st.call_since == 5);
    event(&st, APP_EV_CALL_RUNNING, 6);
    CHECK_INT(st.screen, APP_SCREEN_IN_CALL);
    /* Failed again, then the failure screen's own timeout still goes home. */
    event(&st, APP_EV_CALL_ENDED, 7);
    tap(&st, APP_ACT_HOME, 0, 8);
    tap(&st, APP_ACT_MUNICIPALITY, 0, 9);
    tap(&st, APP_ACT_START_CALL, 0, 10);
    event(&st, APP_EV_CALL_FAILED, 11);
    event(&st, APP_EV_TICK, 11 + APP_FAILED_S);
    CHECK_INT(st.screen, APP_SCREEN_HOME);
    tap(&st, APP_ACT_TRY_AGAIN, 0, 50); /* home: nothing to try again */
    CHECK_INT(st.screen, APP_SCREEN_HOME);
    CHECK(!has_cmd(APP_CMD_START_CALL, -1));
}

/* A town on a service's page is a button: it opens that town. */
static void test_service_town(void)
{
    struct app_state st;
    app_init(&st, &test_cfg, 0);
    tap(&st, APP_ACT_SERVICES, 0, 1);
    tap(&st, APP_ACT_SERVICE, 1, 2);
    CHECK_INT(st.screen, APP_SCREEN_SERVICE);
    tap(&st, APP_ACT_MUNICIPALITY, 2, 3);
    CHECK_INT(st.screen, APP_SCREEN_MUNICIPALITY);
    CHECK_INT(st.muni, 2);
    /* From home, the video consultation's town button opens its page. */
    tap(&st, APP_ACT_HOME, 0, 4);
    tap(&st, APP_ACT_MUNICIPALITY, 0, 5);
    CHECK_INT(st.screen, APP_SCREEN_MUNICIPALITY);
    CHECK_INT(st.muni, 0);
}

/* WAIT on a busy clerk's page holds the page (no idle reset) for up to
 * APP_WAIT_MAX_S; leaving the page ends the wait. */
static void test_wait(void)
{
    struct app_state st;
    app_init(&st, &test_cfg, 0);
    tap(&st, APP_ACT_MUNICIPALITY, 0, 10);
    tap(&st, APP_ACT_WAIT, 1, 11); /* another municipality's: ignored */
    CHECK(!app_waiting(&st, 1) && !app_waiting(&st, 0));
    tap(&st, APP_ACT_WAIT, 0, 12);
    CHECK(app_waiting(&st, 0));
    tap(&st, APP_ACT_WAIT, 0, 40); /* again: the countdown keeps its start */
    CHECK(st.wait_since == 12);
    /* Far past the 60 s idle timeout, the waiting visitor stays. */
    event(&st, APP_EV_TICK, 40 + 600);
    CHECK_INT(st.screen, APP_SCREEN_MUNICIPALITY);
    CHECK(!app_idle_warning(&st, 640));
    CHECK(app_next_deadline(&st) >= 12 + APP_WAIT_MAX_S - app_idle_warn_s(60) - 0.001);
    CHECK(app_idle_warning(&st, 12 + APP_WAIT_MAX_S - 5));
    event(&st, APP_EV_TICK, 12 + APP_WAIT_MAX_S);
    CHECK_INT(st.screen, APP_SCREEN_HOME);
    CHECK(!app_waiting(&st, 0));
    /* Leaving the page ends the wait: the usual idle timeout applies. */
    tap(&st, APP_ACT_MUNICIPALITY, 0, 2000);
    tap(&st, APP_ACT_WAIT, 0, 2001);
    tap(&st, APP_ACT_BACK, 0, 2002);
    CHECK(st.wait_since == 0);
    tap(&st, APP_ACT_MUNICIPALITY, 0, 2003);
    CHECK(!app_waiting(&st, 0));
    event(&st, APP_EV_TICK, 2003 + 60);
    CHECK_INT(st.screen, APP_SCREEN_HOME);
}

static void test_show(void)
{
    struct app_state st;
    app_init(&st, &test_cfg, 0);
    CHECK_INT(app_show(&st, "kpi", 0), 0);
    CHECK_INT(st.screen, APP_SCREEN_KPI);
    CHECK_INT(app_show(&st, "nonsense", 0), -1);
    CHECK_STR(app_screen_name(APP_SCREEN_THANKS), "thanks");
}

int main(void)
{
    test_voice();
    test_setup();
    test_visitor_path();
    test_call_refusals();
    test_warn_length();
    test_idle();
    test_call_without_launcher();
    test_admin_pin();
    test_config_swap();
    test_try_again();
    test_service_town();
    test_wait();
    test_show();
    return CHECK_RESULT();
}
