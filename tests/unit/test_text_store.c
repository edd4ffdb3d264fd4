/* The first frame's text kept across starts (core/text_store.c): a round
 * trip keeps every item; a file cut at any byte, with any byte changed, or
 * from other fonts is refused whole; the cache folder's order; save and
 * load through a real folder. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "text_store.h"

static const uint8_t sig_a[TEXT_STORE_SIG_BYTES] = {1, 2, 3};
static const uint8_t sig_b[TEXT_STORE_SIG_BYTES] = {1, 2, 4};

static void fill(struct text_store *s)
{
    text_store_init(s, sig_a);
    CHECK_INT(text_store_add_measure(s, 0, 22, 0, "当別町xyz", strlen("当別町"), 66), 0);
    CHECK_INT(text_store_add_measure(s, 3, 41, 1, "English", 7, 140), 0);
    CHECK_INT(text_store_add_lh(s, 0, 22, 1, 25), 0);
    uint8_t alpha[6] = {0, 10, 255, 7, 0, 128};
    struct text_store_tex t = {2, 29, 1, 0x123456, 40, 30, 1, 5, 6, 10, 12, "简体中文", alpha};
    CHECK_INT(text_store_add_tex(s, &t), 0);
    struct text_store_tex blank = {0, 22, 0, 0, 8, 25, 0, -1, -1, -1, -1, " ", NULL};
    CHECK_INT(text_store_add_tex(s, &blank), 0);
}

static void test_round_trip(void)
{
    struct text_store s, back;
    fill(&s);
    uint8_t *b;
    size_t n;
    CHECK_INT(text_store_encode(&s, &b, &n), 0);
    char why[200] = "";
    CHECK_INT(text_store_decode(b, n, sig_a, &back, why, sizeof why), 0);
    CHECK_INT(back.n_measures, 2);
    CHECK_STR(back.measures[0].text, "当別町"); /* len bytes only */
    CHECK_INT(back.measures[0].width, 66);
    CHECK_INT(back.measures[1].chain, 3);
    CHECK_INT(back.measures[1].bold, 1);
    CHECK_INT(back.n_lhs, 1);
    CHECK_INT(back.lhs[0].lh, 25);
    CHECK_INT(back.n_texs, 2);
    CHECK_STR(back.texs[0].text, "简体中文");
    CHECK_INT((int)back.texs[0].rgb, 0x123456);
    CHECK_INT(back.texs[0].missing, 1);
    CHECK_INT(back.texs[0].right, 12);
    CHECK(memcmp(back.texs[0].alpha, s.texs[0].alpha, 6) == 0);
    CHECK_INT(back.texs[1].top, -1);
    CHECK(back.texs[1].alpha == NULL);
    text_store_free(&back);

    /* Other fonts: refused, and said so. */
    CHECK_INT(text_store_decode(b, n, sig_b, &back, why, sizeof why), -1);
    CHECK(strstr(why, "signature") != NULL);
    CHECK_INT(back.n_texs, 0);
    /* Cut at every length, and each byte changed: refused whole. */
    int refused = 0;
    for (size_t cut = 0; cut < n; cut++)
        refused += text_store_decode(b, cut, sig_a, &back, why, sizeof why) == -1;
    CHECK_INT(refused, (int)n);
    refused = 0;
    for (size_t i = 0; i < n; i++) {
        b[i] ^= 0x40;
        refused += text_store_decode(b, n, sig_a, &back, why, sizeof why) == -1;
        b[i] ^= 0x40;
    }
    CHECK_INT(refused, (int)n);
    CHECK_INT(text_store_decode(b, n, sig_a, &back, why, sizeof why), 0);
    text_store_free(&back);
    free(b);
    text_store_free(&s);
}

static void test_refused_items(void)
{
    struct text_store s;
    text_store_init(&s, sig_a);
    uint8_t alpha[4] = {0};
    /* an ink box outside the line box, no ink data, no text, bold 2 */
    struct text_store_tex out = {0, 22, 0, 0, 10, 10, 0, 0, 10, 0, 0, "a", alpha};
    CHECK_INT(text_store_add_tex(&s, &out), -1);
    struct text_store_tex noalpha = {0, 22, 0, 0, 10, 10, 0, 0, 1, 0, 1, "a", NULL};
    CHECK_INT(text_store_add_tex(&s, &noalpha), -1);
    struct text_store_tex notext = {0, 22, 0, 0, 10, 10, 0, -1, -1, -1, -1, "", NULL};
    CHECK_INT(text_store_add_tex(&s, &notext), -1);
    CHECK_INT(text_store_add_measure(&s, 0, 22, 2, "a", 1, 5), -1);
    CHECK_INT(text_store_add_measure(&s, 0, 22, 0, "", 0, 0), -1); /* a blank piece of a line */
    CHECK_INT(text_store_add_measure(&s, 0, 22, 0, "a\0b", 3, 5), -1);
    struct text_store_tex tall = {0, 22, 0, 0, 10, TEXT_STORE_MAX_LINE + 1, 0, -1, -1, -1, -1,
                                  "a", NULL};
    CHECK_INT(text_store_add_tex(&s, &tall), -1);
    CHECK_INT(text_store_add_lh(&s, 0, 0, 0, 5), -1);
    CHECK_INT(s.n_texs + s.n_measures + s.n_lhs, 0);
    /* Many items: the arrays grow. */
    for (int i = 0; i < 100; i++)
        CHECK_INT(text_store_add_lh(&s, i, 10 + i, i & 1, 20 + i), 0);
    CHECK_INT(s.lhs[99].lh, 119);
    text_store_free(&s);
}

static void test_dir(void)
{
    char d[256];
    CHECK_INT(text_store_dir("/var/cache/k:/other", "/x", "/home/a", "pkg", d, sizeof d), 0);
    CHECK_STR(d, "/var/cache/k");
    CHECK_INT(text_store_dir(NULL, "/x/cache", "/home/a", "pkg", d, sizeof d), 0);
    CHECK_STR(d, "/x/cache/pkg");
    CHECK_INT(text_store_dir("", "relative", "/home/a", "pkg", d, sizeof d), 0);
    CHECK_STR(d, "/home/a/.cache/pkg");
    CHECK_INT(text_store_dir(NULL, NULL, NULL, "pkg", d, sizeof d), -1);
    CHECK_INT(text_store_dir(NULL, NULL, "/home/a", "pkg", d, 8), -1);
}

static void test_files(void)
{
    char base[] = "/tmp/test_text_store.XXXXXX";
    if (!mkdtemp(base)) {
        check_failures++;
        return;
    }
    char dir[300], why[300] = "";
    snprintf(dir, sizeof dir, "%s/cache/pkg", base); /* neither level exists yet */
    struct text_store s, back;
    CHECK_INT(text_store_load(dir, sig_a, &back, why, sizeof why), -1);
    CHECK(strstr(why, "No such file") != NULL);
    fill(&s);
    CHECK_INT(text_store_save(dir, &s, why, sizeof why), 0);
    CHECK_INT(text_store_load(dir, sig_a, &back, why, sizeof why), 0);
    CHECK_INT(back.n_texs, 2);
    text_store_free(&back);
    CHECK_INT(text_store_load(dir, sig_b, &back, why, sizeof why), -1);
    char path[400];
    snprintf(path, sizeof path, "%s/%s", dir, TEXT_STORE_FILE);
    CHECK_INT(truncate(path, 100), 0);
    CHECK_INT(text_store_load(dir, sig_a, &back, why, sizeof why), -1);
    CHECK(strstr(why, "damaged") != NULL);
    /* saved again over the damaged one; no temporary file left */
    CHECK_INT(text_store_save(dir, &s, why, sizeof why), 0);
    CHECK_INT(text_store_load(dir, sig_a, &back, why, sizeof why), 0);
    text_store_free(&back);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "test \"$(ls %s | wc -l)\" = 1", dir);
    CHECK_INT(system(cmd), 0);
    text_store_free(&s);
    snprintf(cmd, sizeof cmd, "rm -rf %s", base);
    CHECK_INT(system(cmd), 0);
}

int main(void)
{
    test_round_trip();
    test_refused_items();
    test_dir();
    test_files();
    return CHECK_RESULT();
}
