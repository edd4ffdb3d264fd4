/* Home's attract loop: how long each card stays (from the length of its
 * text and the reading rates of attract.h) and which card shows when. */
#include <math.h>
#include <stdio.h>

#include "attract.h"
#include "check.h"

static int near(double a, double b) { return fabs(a - b) < 1e-9; }

static void test_dwell(void)
{
    /* Short or empty: the minimum. */
    CHECK(near(attract_dwell_s(""), ATTRACT_MIN_S));
    CHECK(near(attract_dwell_s(NULL), ATTRACT_MIN_S));
    CHECK(near(attract_dwell_s("こんにちは"), ATTRACT_MIN_S));
    /* 100 Japanese characters: 3 s to find the text + 100 / 8 = 15.5 s
     * (the issue: a 100-character paragraph needs about 15 s, not 6). */
    char ja[512] = "";
    for (int i = 0; i < 100; i++)
        snprintf(ja + i * 3, sizeof ja - (size_t)i * 3, "%s", "相");
    CHECK(near(attract_dwell_s(ja), 15.5));
    /* 150 Latin letters: 3 + 150 / 15 = 13 s; spaces and newlines are free. */
    char en[512] = "";
    for (int i = 0; i < 150; i++)
        en[i] = 'a';
    CHECK(near(attract_dwell_s(en), 13.0));
    char spaced[512] = "";
    for (int i = 0; i < 150; i++) {
        spaced[2 * i] = 'a';
        spaced[2 * i + 1] = i % 10 ? ' ' : '\n';
    }
    CHECK(near(attract_dwell_s(spaced), 13.0));
    /* Hangul reads at the wide rate. */
    CHECK(near(attract_dwell_s("가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다"),
               3.0 + 45 / 8.0));
    /* Very long: the maximum. */
    char long_ja[4096] = "";
    for (int i = 0; i < 1000; i++)
        snprintf(long_ja + i * 3, sizeof long_ja - (size_t)i * 3, "%s", "相");
    CHECK(near(attract_dwell_s(long_ja), ATTRACT_MAX_S));
    /* 80 characters take longer in Japanese than in Latin letters. */
    CHECK(near(attract_dwell_s(ja + 20 * 3), 3.0 + 80 / 8.0));
    CHECK(near(attract_dwell_s(en + 70), 3.0 + 80 / 15.0));
}

static void test_pages(void)
{
    double d[3] = {8, 12, 20}, next = 0;
    CHECK_INT(attract_page_at(d, 3, 0, &next), 0);
    CHECK(near(next, 8));
    CHECK_INT(attract_page_at(d, 3, 7.99, &next), 0);
    CHECK_INT(attract_page_at(d, 3, 8, &next), 1);
    CHECK(near(next, 20));
    CHECK_INT(attract_page_at(d, 3, 19.9, &next), 1);
    CHECK_INT(attract_page_at(d, 3, 20, &next), 2);
    CHECK(near(next, 40));
    /* The loop starts again after 40 s. */
    CHECK_INT(attract_page_at(d, 3, 40, &next), 0);
    CHECK(near(next, 48));
    CHECK_INT(attract_page_at(d, 3, 40 * 5 + 9, &next), 1);
    CHECK(near(next, 40 * 5 + 20));
    CHECK_INT(attract_page_at(d, 3, -5, &next), 0);
    CHECK_INT(attract_page_at(d, 0, 100, &next), 0);
    CHECK(isinf(next));
    /* Rounds: whole passes over the 40 s of pages (the spoken hint's clock). */
    CHECK_INT(attract_round_at(d, 3, 0), 0);
    CHECK_INT(attract_round_at(d, 3, 39.9), 0);
    CHECK_INT(attract_round_at(d, 3, 40), 1);
    CHECK_INT(attract_round_at(d, 3, 40 * 5 + 9), 5);
    CHECK_INT(attract_round_at(d, 0, 100), -1);
    CHECK_INT(attract_round_at(d, 3, -1), -1);
}

static void test_config(const char *data)
{
    char path[512];
    snprintf(path, sizeof path, "%s/../../config/kiosk.json", data);
    struct config cfg;
    struct config_load_opts o = {.skip_files = 1};
    CHECK(config_load(path, &o, &cfg, NULL) == 0);
    double d[ATTRACT_MAX_PAGES];
    for (int l = 0; l < cfg.kiosk.n_languages; l++) {
        int n = attract_dwells(&cfg, cfg.kiosk.languages[l], d, ATTRACT_MAX_PAGES);
        CHECK_INT(n, 1 + cfg.n_services);
        CHECK(near(d[0], ATTRACT_MIN_S));
        for (int i = 1; i < n; i++) {
            /* Every service card of the shipped config stays longer than
             * the old fixed 6 s, and within the bounds. */
            CHECK(d[i] >= ATTRACT_MIN_S && d[i] <= ATTRACT_MAX_S);
            CHECK(d[i] > 6.0);
        }
        if (l == 0)
            printf("%s: dwell per card:", cfg.kiosk.languages[l]);
        for (int i = 0; l == 0 && i < n; i++)
            printf(" %.1f", d[i]);
        if (l == 0)
            printf(" s\n");
    }
    CHECK_INT(attract_dwells(&cfg, "ja", d, 3), 3);
    config_free(&cfg);
}

int main(int argc, char **argv)
{
    test_dwell();
    test_pages();
    test_config(argc > 1 ? argv[1] : "tests/data");
    return CHECK_RESULT();
}
