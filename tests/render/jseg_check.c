/* MeCab's phrase boundaries on the kiosk's known bad cases, and the cost of
 * a wrap's segmentation cached and uncached:
 *   jseg_check [TEXT...]   prints each text with '/' at phrase and '.' at
 *                          word boundaries; without TEXT checks the cases,
 *                          and that jseg_release unmaps the dictionary while
 *                          the cache still answers. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "jseg.h"
#include "textwrap.h"

static int failures;

static void jseg_check_show(const char *text, const unsigned char *b, char *out, size_t outsz)
{
    size_t k = 0;
    for (size_t i = 0; text[i] && k + 2 < outsz; i++) {
        if (i > 0 && b[i] == TEXTWRAP_BREAK_PHRASE)
            out[k++] = '/';
        else if (i > 0 && b[i] == TEXTWRAP_BREAK_WORD)
            out[k++] = '.';
        out[k++] = text[i];
    }
    out[k] = '\0';
}

/* want: the phrases joined by '/' ('.' inside a phrase is ignored). */
static void jseg_check_case(struct jseg *j, const char *want)
{
    char text[512], got[1024], got_phrases[1024];
    size_t k = 0, g = 0;
    for (const char *p = want; *p && k + 1 < sizeof text; p++)
        if (*p != '/')
            text[k++] = *p;
    text[k] = '\0';
    const unsigned char *b = jseg_breaks(j, text);
    if (!b) {
        printf("FAIL: no breaks for %s\n", text);
        failures++;
        return;
    }
    jseg_check_show(text, b, got, sizeof got);
    for (const char *p = got; *p && g + 1 < sizeof got_phrases; p++)
        if (*p != '.')
            got_phrases[g++] = *p;
    got_phrases[g] = '\0';
    if (strcmp(got_phrases, want) != 0) {
        printf("FAIL: %s: got %s\n", want, got);
        failures++;
    } else {
        printf("ok: %s\n", got);
    }
}

static double jseg_check_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Microseconds per jseg_breaks: new texts (MeCab runs), then the same
 * texts again (cache). */
static void jseg_check_cost(struct jseg *j)
{
    enum { N = 200 };
    static char texts[N][160];
    for (int i = 0; i < N; i++)
        snprintf(texts[i], sizeof texts[i], "当別町の職員にビデオで相談できます（%d番窓口）。お気軽にお声がけください。", i);
    double t0 = jseg_check_now();
    for (int i = 0; i < N; i++)
        jseg_breaks(j, texts[i]);
    double t1 = jseg_check_now();
    for (int r = 0; r < 10; r++)
        for (int i = 0; i < N; i++)
            jseg_breaks(j, texts[i]);
    double t2 = jseg_check_now();
    printf("cost: %.1f us per text uncached (MeCab), %.2f us cached (%zu bytes each)\n",
           (t1 - t0) * 1e6 / N, (t2 - t1) * 1e6 / (10 * N), strlen(texts[0]));
}

/* Kilobytes of this process's memory mapped from files whose path has
 * what in it. */
static long jseg_check_kib(const char *what)
{
    FILE *f = fopen("/proc/self/smaps", "r");
    char line[512];
    long kib = 0;
    int dic = 0;
    while (f && fgets(line, sizeof line, f)) {
        size_t key = strcspn(line, " ");
        if (key > 0 && line[key - 1] != ':') /* a mapping's first line, not a field */
            dic = strstr(line, what) != NULL;
        long v;
        if (dic && sscanf(line, "Rss: %ld kB", &v) == 1)
            kib += v;
    }
    if (f)
        fclose(f);
    return kib;
}

/* Resident KiB of MeCab's code: libmecab and libstdc++. */
static long jseg_check_code_kib(void)
{
    return jseg_check_kib("/libmecab.so") + jseg_check_kib("/libstdc++.so");
}

/* After jseg_release the dictionary is gone from memory, and MeCab's code
 * too, a cached text is answered without MeCab, and a new one opens it
 * again with the same answers as before: the same as a tagger that ran
 * before the code was given back. */
static void jseg_check_release(struct jseg *j)
{
    static const char text[] = "窓口の職員がビデオで丁寧にご案内します";
    static const char later[] = "新しい文を読むと辞書がまた開きます";
    unsigned char before[sizeof text], later_want[sizeof later];
    struct jseg *other = jseg_create();
    const unsigned char *b = other ? jseg_breaks(other, later) : NULL;
    if (b)
        memcpy(later_want, b, sizeof later);
    jseg_destroy(other);
    b = jseg_breaks(j, text);
    struct jseg_stats s0, s1, s2;
    jseg_stats(j, &s0);
    long open_kib = jseg_check_kib("/mecab/dic/"), code_kib = jseg_check_code_kib();
    if (b)
        memcpy(before, b, sizeof text);
    jseg_release(j);
    long released_kib = jseg_check_kib("/mecab/dic/"), code_released = jseg_check_code_kib();
    b = jseg_breaks(j, text);
    jseg_stats(j, &s1);
    int cached_ok = b && !memcmp(b, before, sizeof text) && s1.opens == s0.opens &&
                    s1.hits == s0.hits + 1 && !jseg_is_open(j);
    b = jseg_breaks(j, later);
    jseg_stats(j, &s2);
    int reopened = b && s2.opens == s0.opens + 1 && jseg_is_open(j) &&
                   !memcmp(b, later_want, sizeof later);
    int code_given = s1.dropped > 0 && code_released * 2 < code_kib;
    int ok = open_kib > 1024 && released_kib == 0 && cached_ok && reopened && code_given;
    printf("%s: release: dictionary %ld KiB resident while open, %ld after jseg_release; "
           "MeCab's code %ld KiB, %ld after (%zu bytes given back); cached answer %s; "
           "reopened with the same answers %s\n",
           ok ? "ok" : "FAIL", open_kib, released_kib, code_kib, code_released, s1.dropped,
           cached_ok ? "yes" : "no", reopened ? "yes" : "no");
    failures += !ok;
}

int main(int argc, char **argv)
{
    struct jseg *j = jseg_create();
    if (!j) {
        printf("FAIL: MeCab did not start\n");
        return 1;
    }
    if (argc > 1) {
        for (int i = 1; i < argc; i++) {
            char out[2048];
            const unsigned char *b = jseg_breaks(j, argv[i]);
            if (b) {
                jseg_check_show(argv[i], b, out, sizeof out);
                printf("%s\n", out);
            }
        }
        jseg_destroy(j);
        return 0;
    }
    /* Today's bad cases (相/談, お声がけ/ください, 現/在) and their kin. */
    jseg_check_case(j, "ご相談を/受け付けています");
    jseg_check_case(j, "お気軽に/お声がけください。");
    jseg_check_case(j, "現在の/状況を/確認できません");
    jseg_check_case(j, "当別町の/職員に/ビデオで/相談できます");
    jseg_check_cost(j);
    jseg_check_release(j);
    jseg_destroy(j);
    printf(failures ? "FAILED\n" : "ok\n");
    return failures != 0;
}
