/* The speech worker with the real voices: Japanese through open_jtalk,
 * English and Korean through espeak-ng. A clip is not silent, is about as
 * long as the words take, a newer request supersedes an older one, and a
 * missing open_jtalk is reported, not fatal. Without the voices (.ci/setup
 * installs them) it fails, saying which is missing. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "speech.h"

static int wait_clip(struct speech *s, struct speech_clip *c, double secs)
{
    double end = check_now() + secs;
    while (check_now() < end) {
        if (speech_take(s, c))
            return 1;
        check_sleep_ms(5);
    }
    return 0;
}

static double peak(const struct speech_clip *c)
{
    int m = 0;
    for (size_t i = 0; i < c->n; i++)
        m = abs(c->samples[i]) > m ? abs(c->samples[i]) : m;
    return m / 32768.0;
}

static void test_lang(struct speech *s, const char *lang, const char *text, double lo, double hi)
{
    struct speech_clip c;
    double t0 = check_now();
    unsigned seq = speech_say(s, lang, text);
    CHECK(wait_clip(s, &c, 10.0));
    if (!c.samples)
        return;
    double secs = (double)c.n / c.rate;
    printf("%s: %.2f s of audio at %d Hz, peak %.2f, ready after %.0f ms\n", lang, secs, c.rate,
           peak(&c), (check_now() - t0) * 1000);
    CHECK_INT(c.seq, seq);
    CHECK(secs > lo && secs < hi);
    CHECK(peak(&c) > 0.05);
    free(c.samples);
}

/* A hang is a failure with a message, not a CTest timeout. */
static void on_alarm(int sig)
{
    (void)sig;
    static const char m[] = "test_speech: hung (a speech worker did not stop)\n";
    ssize_t w = write(2, m, sizeof m - 1);
    (void)w;
    _exit(1);
}

/* Workers come and go (the kiosk's voice off and on, the tests): espeak-ng
 * 1.51 hung in its second espeak_Terminate; each stop must also abandon a
 * synthesis in progress at once. */
static void test_restart(void)
{
    static const char long_en[] =
        "Use the arrow keys to choose and the enter key to go on. Touch the screen to hear "
        "what is under your finger, and touch it again to press it. Hold a finger on the "
        "screen for three seconds to turn voice guidance on or off.";
    for (int round = 0; round < 4; round++) {
        struct speech_opts o = {0};
        struct speech *s = speech_create(&o);
        CHECK(s != NULL);
        if (!s)
            return;
        check_sleep_ms(30); /* espeak-ng's own threads get going */
        struct speech_clip c;
        unsigned seq = speech_say(s, "en", "Back");
        CHECK(wait_clip(s, &c, 10.0) && c.seq == seq);
        free(c.samples);
        speech_say(s, round % 2 ? "ja" : "en", round % 2 ? "矢印キーで選び、決定キーで進みます。画面に触れると読み上げます。" : long_en);
        check_sleep_ms(round * 5);
        double t0 = check_now();
        speech_destroy(s);
        double ms = (check_now() - t0) * 1000;
        printf("round %d: stopped in %.1f ms\n", round, ms);
        CHECK(ms < 1000);
    }
}

int main(void)
{
    signal(SIGALRM, on_alarm);
    alarm(90);
    struct speech_opts o = {0};
    struct speech *s = speech_create(&o);
    CHECK(s != NULL);
    if (!s)
        return CHECK_RESULT();
    if (!speech_can(s, "ja") || !speech_can(s, "en")) {
        printf("skipped: %s\n", speech_missing(s) ? speech_missing(s) : "?");
        speech_destroy(s);
        return 77;
    }
    CHECK(speech_can(s, "ja-easy") && speech_can(s, "ko") && speech_can(s, "zh-Hans"));
    CHECK(!speech_can(s, "fr"));
    test_lang(s, "ja", "市町村", 0.4, 3.0);
    test_lang(s, "en", "Municipalities", 0.4, 3.0);
    test_lang(s, "ko", "음성 안내", 0.3, 3.0);
    /* A long sentence is longer than a word. */
    test_lang(s, "ja", "矢印キーで選び、決定キーで進みます。画面に触れると読み上げます。", 3.0, 12.0);
    /* The second request supersedes the first: only its clip comes. */
    struct speech_clip c;
    speech_say(s, "ja", "矢印キーで選び、決定キーで進みます。画面に触れると読み上げます。");
    unsigned last = speech_say(s, "en", "Back");
    CHECK(wait_clip(s, &c, 10.0));
    CHECK_INT(c.seq, last);
    free(c.samples);
    check_sleep_ms(300);
    CHECK(!speech_take(s, &c));
    speech_destroy(s);
    /* No open_jtalk: Japanese cannot be spoken, and the reason says so. */
    struct speech_opts none = {.jtalk = "/nonexistent/open_jtalk"};
    s = speech_create(&none);
    CHECK(s && !speech_can(s, "ja") && speech_can(s, "en"));
    CHECK(s && speech_missing(s) && strstr(speech_missing(s), "open_jtalk"));
    speech_destroy(s);
    test_restart();
    return CHECK_RESULT();
}
