/* MeCab's phrase boundaries on the kiosk's known bad cases, and the cost of
 * a wrap's segmentation cached and uncached:
 *   jseg_check [TEXT...]   prints each text with '/' at phrase and '.' at
 *                          word boundaries; without TEXT checks the cases. */
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
    jseg_destroy(j);
    printf(failures ? "FAILED\n" : "ok\n");
    return failures != 0;
}
