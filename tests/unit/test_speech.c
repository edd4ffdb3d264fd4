/* The speech worker with the real voices: Japanese through open_jtalk,
 * English and Korean through espeak-ng. A clip is not silent, is about as
 * long as the words take, a newer request supersedes an older one, and a
 * missing open_jtalk is reported, not fatal. Without the voices (.ci/setup
 * installs them) it fails, saying which is missing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int main(void)
{
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
    return CHECK_RESULT();
}
