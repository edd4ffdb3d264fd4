/* The speech worker with the real voices: Japanese through open_jtalk,
 * English and Korean through espeak-ng. A clip is not silent, is about as
 * long as the words take, a newer request supersedes an older one, and a
 * missing open_jtalk is reported, not fatal. Without the voices (.ci/setup
 * installs them) it fails, saying which is missing. */
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "espeak_load.h"
#include "speech.h"

static int wait_clip(struct speech *s, struct speech_clip *c, double secs)
{
    double end = check_now() + secs;
    while (check_now() < end) {
        if (speech_take(s, c))
            return 1;
        check_sleep_ms(2);
    }
    return 0;
}

/* A whole request: its sentences in order (part 0, 1, ...) up to the last,
 * joined into one clip. *first_ms: when part 0 came, after t0. */
static int wait_all(struct speech *s, struct speech_clip *all, double t0, double *first_ms,
                    int *parts)
{
    memset(all, 0, sizeof *all);
    struct speech_clip c;
    int n = 0;
    while (wait_clip(s, &c, 10.0)) {
        if (n == 0 && first_ms)
            *first_ms = (check_now() - t0) * 1000;
        CHECK_INT(c.part, n);
        CHECK(n == 0 || (c.seq == all->seq && c.rate == all->rate));
        int16_t *grown = realloc(all->samples, (all->n + c.n) * sizeof *grown);
        CHECK(grown != NULL);
        if (grown) {
            memcpy(grown + all->n, c.samples, c.n * sizeof *grown);
            all->samples = grown;
            all->n += c.n;
        }
        all->rate = c.rate;
        all->seq = c.seq;
        free(c.samples);
        n++;
        if (c.last)
            break;
    }
    if (parts)
        *parts = n;
    return n > 0;
}

/* The children of this process that are still there (not zombies either). */
static int children(void)
{
    char path[300], buf[512];
    int n = 0;
    DIR *d = opendir("/proc/self/task");
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "/proc/self/task/%s/children", e->d_name);
        FILE *f = fopen(path, "r");
        if (f) {
            size_t got = fread(buf, 1, sizeof buf - 1, f);
            buf[got] = '\0';
            for (char *p = buf; *p; p++)
                if (*p >= '0' && *p <= '9' && (p == buf || p[-1] == ' '))
                    n++;
            fclose(f);
        }
    }
    if (d)
        closedir(d);
    return n;
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
    double t0 = check_now(), first = 0;
    int parts = 0;
    unsigned seq = speech_say(s, lang, text);
    CHECK(wait_all(s, &c, t0, &first, &parts));
    if (!c.samples)
        return;
    double secs = (double)c.n / c.rate;
    printf("%s: %.2f s of audio at %d Hz in %d sentence(s), peak %.2f, first after %.0f ms, "
           "all after %.0f ms\n", lang, secs, c.rate, parts, peak(&c), first,
           (check_now() - t0) * 1000);
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
        CHECK_INT(children(), 0);
    }
}

static long wait_spare(struct speech *s, long not, double secs)
{
    double end = check_now() + secs;
    long pid;
    while ((pid = speech_spare_pid(s)) == 0 || pid == not) {
        if (check_now() > end)
            return 0;
        check_sleep_ms(2);
    }
    return pid;
}

/* Japanese in voice mode: an open_jtalk waits (a child of ours), a request
 * uses it and another starts at once; a long text comes sentence by
 * sentence, the first before the rest; a sentence said again comes from the
 * kept clips, the same samples, at once; voice off kills the spare. */
static void test_spare_and_cache(struct speech *s)
{
    speech_standby(s, "ja");
    long spare = wait_spare(s, 0, 5.0);
    CHECK(spare > 0 && kill((pid_t)spare, 0) == 0);
    CHECK_INT(children(), 1);
    check_sleep_ms(100); /* it has loaded its dictionary and voice */
    static const char two[] = "南幌町を選びました。矢印キーで選び、決定キーで進みます。";
    struct speech_clip a, b;
    double t0 = check_now(), first = 0, again = 0;
    int parts = 0;
    speech_say(s, "ja", two);
    CHECK(wait_all(s, &a, t0, &first, &parts));
    double all = (check_now() - t0) * 1000;
    printf("ja with a spare: first sentence after %.0f ms, both after %.0f ms\n", first, all);
    CHECK_INT(parts, 2);
    CHECK(first < all);
    long next = wait_spare(s, spare, 5.0);
    CHECK(next > 0 && next != spare);
    CHECK(kill((pid_t)spare, 0) != 0 || children() <= 2); /* the used one is reaped */
    t0 = check_now();
    speech_say(s, "ja", two);
    CHECK(wait_all(s, &b, t0, &again, &parts));
    printf("ja said again: first sentence after %.1f ms\n", again);
    CHECK(again < 50);
    CHECK(a.n == b.n && a.samples && b.samples && memcmp(a.samples, b.samples, a.n * 2) == 0);
    free(a.samples);
    free(b.samples);
    speech_standby(s, NULL);
    double end = check_now() + 5.0;
    while ((speech_spare_pid(s) != 0 || children() != 0) && check_now() < end)
        check_sleep_ms(5);
    CHECK_INT(speech_spare_pid(s), 0);
    CHECK_INT(children(), 0);
    speech_standby(s, "ja"); /* ready again for what follows */
}

int main(void)
{
    signal(SIGALRM, on_alarm);
    alarm(90);
    struct speech_opts o = {0};
    /* espeak-ng is opened when voice guidance starts, not at exec */
    CHECK(!espeak_load_is_loaded());
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
    CHECK(espeak_load_is_loaded()); /* by the worker (espeak_load.c) */
    test_lang(s, "ko", "음성 안내", 0.3, 3.0);
    /* A long sentence is longer than a word. */
    test_lang(s, "ja", "矢印キーで選び、決定キーで進みます。画面に触れると読み上げます。", 3.0, 12.0);
    test_spare_and_cache(s);
    /* The second request supersedes the first: only its clip comes. */
    struct speech_clip c;
    speech_say(s, "ja", "矢印キーで選び、決定キーで進みます。画面に触れると読み上げます。");
    unsigned last = speech_say(s, "en", "Back");
    CHECK(wait_clip(s, &c, 10.0));
    CHECK_INT(c.seq, last);
    free(c.samples);
    check_sleep_ms(300);
    CHECK(!speech_take(s, &c));
    CHECK(speech_spare_pid(s) > 0);
    speech_destroy(s);
    CHECK_INT(children(), 0); /* no open_jtalk left behind */
    /* No open_jtalk: Japanese cannot be spoken, and the reason says so. */
    struct speech_opts none = {.jtalk = "/nonexistent/open_jtalk"};
    s = speech_create(&none);
    CHECK(s && !speech_can(s, "ja") && speech_can(s, "en"));
    CHECK(s && speech_missing(s) && strstr(speech_missing(s), "open_jtalk"));
    speech_destroy(s);
    test_restart();
    return CHECK_RESULT();
}
