/* Line breaking with a fake measure (every character 10 px wide): Latin at
 * spaces, Japanese between characters but never before 。、」, やさしい日本語
 * at its spaces when that fits, explicit newlines. Table-driven. */
#include <string.h>

#include "check.h"
#include "textwrap.h"
#include "utf8.h"

static int fake_measure(void *ctx, const char *s, size_t len)
{
    (void)ctx;
    return (int)utf8_count(s, len) * 10;
}

struct wrap_case {
    const char *text;
    int max_w, max_lines;
    const char *want; /* lines joined by '|' */
    int overflow;
};

static const struct wrap_case cases[] = {
    {"hello world", 200, 4, "hello world", 0},
    {"hello world", 60, 4, "hello|world", 0},
    {"one two three four", 90, 4, "one two|three|four", 0},
    {"abcdefghijkl", 50, 4, "abcdefghijkl", 1},            /* one word too wide */
    {"a b c d e f", 30, 2, "a b|c d", 1},                   /* more lines needed */
    {"line one\nline two", 200, 4, "line one|line two", 0},
    {"さっぽろ連携中枢都市圏", 60, 4, "さっぽろ連携|中枢都市圏", 0},
    /* 。 and 、 stay with the character before them. */
    {"はじめの画面へ。", 70, 4, "はじめの画面|へ。", 0},
    {"はじめの画面へ。", 80, 4, "はじめの画面へ。", 0},
    {"画面にタッチ、してください", 60, 4, "画面にタッ|チ、してくだ|さい", 0},
    {"ありがとう。ございます", 60, 4, "ありがとう。|ございます", 0},
    /* Words separated by spaces break at the spaces. */
    {"やさしい にほんご", 80, 4, "やさしい|にほんご", 0},
    {"はじめに もどる ボタン", 90, 4, "はじめに もどる|ボタン", 0},
    {"はじめに もどる ボタン", 60, 4, "はじめに|もどる|ボタン", 0},
    /* A word wider than the line: any CJK character may end the line. */
    {"ちいきの もくひょうの かずです", 50, 4, "ちいきの|もくひょう|の かずで|す", 0},
    {"さっぽろ連携中枢都市圏 リモート相談窓口", 130, 4, "さっぽろ連携中枢都市圏|リモート相談窓口", 0},
    {"さっぽろし（札幌市）", 70, 4, "さっぽろし|（札幌市）", 0},
    {"", 100, 4, "", 0},
};

static void join(const char *text, const struct textwrap_line *l, int n, char *out, size_t outsz)
{
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        if (i > 0 && used + 1 < outsz)
            out[used++] = '|';
        size_t len = l[i].len < outsz - used - 1 ? l[i].len : outsz - used - 1;
        memcpy(out + used, text + l[i].start, len);
        used += len;
    }
    out[used] = '\0';
}

static void test_cases(void)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct wrap_case *c = &cases[i];
        struct textwrap_line lines[16];
        int overflow = -1;
        int n = textwrap(c->text, c->max_w, fake_measure, NULL, lines, c->max_lines, &overflow);
        char got[512];
        join(c->text, lines, n, got, sizeof got);
        if (strcmp(got, c->want) != 0 || overflow != c->overflow) {
            fprintf(stderr, "  case %zu \"%s\" w=%d: got \"%s\" overflow %d, want \"%s\" %d\n", i,
                    c->text, c->max_w, got, overflow, c->want, c->overflow);
            check_failures++;
        }
        for (int k = 0; k < n; k++)
            CHECK(lines[k].width == fake_measure(NULL, c->text + lines[k].start, lines[k].len));
    }
}

/* Phrase boundaries given by the caller ('/' in marked: a line may start
 * after it; '.' between two words of a phrase), as a segmenter would give them: a line breaks only there
 * between CJK characters, and per character only when a phrase alone is
 * wider than the line. */
struct phrase_case {
    const char *marked;
    int max_w;
    const char *want;
    int overflow;
};

static const struct phrase_case phrase_cases[] = {
    /* Today's bad cases: 相/談, お声がけ/ください, 現/在. */
    {"ご/相談を/受け付けて/います", 80, "ご相談を|受け付けています", 0},
    {"ご/相談を/受け付けて/います", 70, "ご相談を|受け付けて|います", 0},
    {"お気軽に/お声がけください。", 90, "お気軽に|お声がけください。", 0},
    {"お気軽に/お.声.がけ.ください。", 90, "お気軽に|お声がけください。", 0},
    {"お気軽に/お.声.がけ.ください。", 60, "お気軽に|お声がけ|ください。", 0}, /* phrase too wide */
    {"お気軽に/お声がけください。", 60, "お気軽に|お声がけくだ|さい。", 0}, /* one word too wide */
    {"現在の/状況を/確認して/います", 60, "現在の状況を|確認して|います", 0},
    {"現在の/状況", 40, "現在の|状況", 0},
    /* Latin inside stays a word; a space still breaks. */
    {"Zoomで/相談 できます", 70, "Zoomで相談|できます", 0},
    {"", 50, "", 0},
};

static void test_phrases(void)
{
    for (size_t i = 0; i < sizeof phrase_cases / sizeof phrase_cases[0]; i++) {
        const struct phrase_case *c = &phrase_cases[i];
        char text[256];
        unsigned char breaks[256] = {0};
        size_t k = 0;
        for (const char *p = c->marked; *p && k + 1 < sizeof text; p++) {
            if (*p == '/')
                breaks[k] = TEXTWRAP_BREAK_PHRASE;
            else if (*p == '.')
                breaks[k] = TEXTWRAP_BREAK_WORD;
            else
                text[k++] = *p;
        }
        text[k] = '\0';
        struct textwrap_line lines[16];
        int overflow = -1;
        int n = textwrap_phrases(text, breaks, c->max_w, fake_measure, NULL, lines, 16,
                                 &overflow);
        char got[512];
        join(text, lines, n, got, sizeof got);
        if (strcmp(got, c->want) != 0 || overflow != c->overflow) {
            fprintf(stderr, "  phrase case %zu \"%s\" w=%d: got \"%s\" overflow %d, want \"%s\" %d\n",
                    i, c->marked, c->max_w, got, overflow, c->want, c->overflow);
            check_failures++;
        }
    }
    /* Without breaks, the same text breaks inside a word (what phrases fix). */
    struct textwrap_line lines[16];
    int overflow;
    int n = textwrap("ご相談を受け付けています", 80, fake_measure, NULL, lines, 16, &overflow);
    char got[512];
    join("ご相談を受け付けています", lines, n, got, sizeof got);
    CHECK_STR(got, "ご相談を受け付け|ています");
}

/* The font-free width estimate the config checker uses for summaries. */
static void test_em_estimate(void)
{
    CHECK(textwrap_em_estimate("") == 0.0);
    CHECK(textwrap_em_estimate(NULL) == 0.0);
    CHECK(textwrap_em_estimate("当別町") == 3.0);           /* CJK: 1 em each */
    CHECK(textwrap_em_estimate("とうべつ ちょう") == 7.3);  /* kana 1, space 0.3 */
    CHECK(textwrap_em_estimate("도베쓰") == 3.0);           /* Hangul syllables */
    CHECK(textwrap_em_estimate("ＡＢ") == 2.0);             /* full-width forms */
    double en = textwrap_em_estimate("Tobetsu by video");  /* 14 letters, 2 spaces */
    CHECK(en > 9.0 - 1e-9 && en < 9.0 + 1e-9);
    CHECK(textwrap_em_estimate("…") == 0.6);               /* general punctuation: narrow */
}

int main(void)
{
    test_cases();
    test_phrases();
    test_em_estimate();
    return CHECK_RESULT();
}
