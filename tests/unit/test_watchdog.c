/* When WATCHDOG=1 may go (watchdog.h): the environment's interval, pings
 * only while the loop is alive, the loop's sleep bounded by the next ping. */
#include "check.h"
#include "watchdog.h"

static void test_interval(void)
{
    CHECK(watchdog_interval("30000000", NULL, 100, 1) == 30.0);
    CHECK(watchdog_interval("2000000", "100", 100, 1) == 2.0); /* our own pid */
    CHECK(watchdog_interval("2000000", "7", 100, 7) == 2.0);   /* xinit, our parent */
    CHECK(watchdog_interval("2000000", "8", 100, 7) == 0);     /* someone else's */
    CHECK(watchdog_interval(NULL, "100", 100, 1) == 0);
    CHECK(watchdog_interval("", NULL, 100, 1) == 0);
    CHECK(watchdog_interval("0", NULL, 100, 1) == 0);
    CHECK(watchdog_interval("-5", NULL, 100, 1) == 0);
    CHECK(watchdog_interval("30s", NULL, 100, 1) == 0);
    CHECK(watchdog_interval("2000000", "1x", 100, 1) == 0);
    CHECK(watchdog_interval("99999999999999999999999", NULL, 100, 1) == 0);
}

static void test_off(void)
{
    struct watchdog w;
    watchdog_init(&w, 0);
    watchdog_alive(&w, 1);
    CHECK_INT(watchdog_due(&w, 1), 0);
    CHECK_INT(watchdog_sleep_ms(&w, 1, 60000), 60000); /* nothing changes without it */
    char s[80];
    watchdog_describe(&w, 1, s, sizeof s);
    CHECK_STR(s, "off (not under systemd's watchdog)");
}

static void test_pings(void)
{
    struct watchdog w;
    watchdog_init(&w, 30);
    CHECK_INT(watchdog_due(&w, 0), 0); /* nothing presented yet */
    CHECK_INT(watchdog_sleep_ms(&w, 0, 60000), 1);
    watchdog_alive(&w, 0.5); /* the first frame */
    CHECK_INT(watchdog_due(&w, 0.5), 1);
    watchdog_pinged(&w, 0.5);
    CHECK_INT(watchdog_due(&w, 5), 0);     /* too soon */
    CHECK_INT(watchdog_sleep_ms(&w, 5, 60000), 5501); /* wake for the next one at 10.5 */
    CHECK_INT(watchdog_sleep_ms(&w, 5, 100), 100);
    watchdog_alive(&w, 10.5); /* the loop slept and came back */
    CHECK_INT(watchdog_due(&w, 10.5), 1);
    watchdog_pinged(&w, 10.5);
    CHECK_INT(w.pings, 2);
    char s[80];
    watchdog_describe(&w, 13, s, sizeof s);
    CHECK_STR(s, "on, every 30 s, last ping 2 s ago");
}

/* A loop that stops turning (stuck drawing, a lock, a hung X server) is
 * not alive: no ping, however late. */
static void test_stuck(void)
{
    struct watchdog w;
    watchdog_init(&w, 3);
    watchdog_alive(&w, 0);
    watchdog_pinged(&w, 0);
    CHECK_INT(watchdog_due(&w, 1), 1);  /* alive 1 s ago, last ping a third old */
    CHECK_INT(watchdog_due(&w, 3), 1);  /* alive exactly one interval ago */
    CHECK_INT(watchdog_due(&w, 3.01), 0);
    CHECK_INT(watchdog_due(&w, 100), 0);
    watchdog_alive(&w, 100); /* turning again: pings resume */
    CHECK_INT(watchdog_due(&w, 100), 1);
    CHECK_INT(watchdog_sleep_ms(&w, 100, 60000), 1); /* overdue: at once */
}

static void test_status(void)
{
    char last[64] = "";
    CHECK_INT(watchdog_status(last, sizeof last, "home", "loaded, 0 warning(s)"), 1);
    CHECK_STR(last, "screen home; config loaded, 0 warning(s)");
    CHECK_INT(watchdog_status(last, sizeof last, "home", "loaded, 0 warning(s)"), 0);
    CHECK_INT(watchdog_status(last, sizeof last, "kpi", "loaded, 0 warning(s)"), 1);
    CHECK_INT(watchdog_status(last, sizeof last, "kpi", NULL), 1);
    CHECK_STR(last, "screen kpi; config ?");
    char tiny[8] = "";
    CHECK_INT(watchdog_status(tiny, sizeof tiny, "home", "x"), 1); /* cut, terminated */
    CHECK_STR(tiny, "screen ");
    CHECK_INT(watchdog_status(tiny, sizeof tiny, "home", "x"), 0);
}

int main(void)
{
    test_status();
    test_interval();
    test_off();
    test_pings();
    test_stuck();
    return CHECK_RESULT();
}
