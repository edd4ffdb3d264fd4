/* The built-in UI string table (i18n_strings.c) and the config's localized
 * texts (ltext_* in i18n.c). */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "i18n.h"

static const char *const all_langs[] = {"ja", "en", "zh-Hant", "zh-Hans", "ko", "ja-easy"};
#define N_LANGS ((int)(sizeof all_langs / sizeof all_langs[0]))

/* The placeholders each key documents in i18n_strings.c, in order: one
 * letter per conversion ("s" = %s, "d" = %d). Keys not listed take none. */
static const struct {
    enum i18n_key key;
    const char *spec;
} documented[] = {
    {I18N_OPEN_UNTIL, "s"},   {I18N_OPENS_AT, "ss"}, {I18N_CLOSED_TODAY, "s"},
    {I18N_WAIT_MINUTES, "d"}, {I18N_RESET_IN, "d"},  {I18N_ELAPSED, "s"},
    {I18N_REOPENS, "ss"},     {I18N_PHONE, "s"},     {I18N_WAITING, "s"},
};

static const char *documented_spec(enum i18n_key key)
{
    for (size_t i = 0; i < sizeof documented / sizeof documented[0]; i++)
        if (documented[i].key == key)
            return documented[i].spec;
    return "";
}

/* Writes the conversions of a printf format into out ("ss", "d", ...);
 * "%%" is a literal percent. A conversion other than %s / %d, or a stray
 * '%' at the end, is written as '?' so that it never matches. */
static void conversions(const char *fmt, char *out, size_t outsz)
{
    size_t n = 0;
    for (const char *p = fmt; *p; p++) {
        if (*p != '%')
            continue;
        char c;
        if (p[1] == '%') {
            p++;
            continue;
        } else if (p[1] == 's' || p[1] == 'd') {
            c = p[1];
            p++;
        } else {
            c = '?';
            if (p[1])
                p++;
        }
        if (n + 1 < outsz)
            out[n++] = c;
    }
    out[n] = '\0';
}

static void test_complete(void)
{
    for (int l = 0; l < N_LANGS; l++) {
        CHECK(i18n_ui_complete(all_langs[l]));
        for (int k = 0; k < I18N_KEY_COUNT; k++) {
            const char *s = i18n_ui((enum i18n_key)k, all_langs[l]);
            CHECK(s != NULL);
            if (!s || !s[0])
                fprintf(stderr, "  empty: %s [%s]\n", i18n_key_name((enum i18n_key)k),
                        all_langs[l]);
        }
    }
    CHECK(!i18n_ui_complete("xx"));
    CHECK(!i18n_ui_complete(""));
    CHECK(!i18n_ui_complete(NULL));
    CHECK(!i18n_ui_complete("JA")); /* codes are exact */
}

static void test_placeholders(void)
{
    char en[16], got[16];
    for (int k = 0; k < I18N_KEY_COUNT; k++) {
        enum i18n_key key = (enum i18n_key)k;
        conversions(i18n_ui(key, "en"), en, sizeof en);
        if (strcmp(en, documented_spec(key)) != 0)
            fprintf(stderr, "  en %s: \"%s\" vs documented \"%s\"\n", i18n_key_name(key), en,
                    documented_spec(key));
        CHECK_STR(en, documented_spec(key));
        for (int l = 0; l < N_LANGS; l++) {
            conversions(i18n_ui(key, all_langs[l]), got, sizeof got);
            if (strcmp(got, en) != 0)
                fprintf(stderr, "  %s [%s]: \"%s\" vs en \"%s\"\n", i18n_key_name(key),
                        all_langs[l], got, en);
            CHECK_STR(got, en);
        }
    }
    /* The counting itself. */
    conversions("%s %d %% %x", got, sizeof got);
    CHECK_STR(got, "sd?");
    conversions("100%", got, sizeof got);
    CHECK_STR(got, "?");
    conversions("%%d", got, sizeof got);
    CHECK_STR(got, "");
}

/* The templates really format as printf formats. The project builds with
 * -Wformat=2; a template from the table is not a literal by design, and the
 * test above has checked its conversions against the documented ones. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void test_formatting(void)
{
    char buf[256];
    snprintf(buf, sizeof buf, i18n_ui(I18N_OPEN_UNTIL, "en"), "17:30");
    CHECK_STR(buf, "Open until 17:30");
    snprintf(buf, sizeof buf, i18n_ui(I18N_OPEN_UNTIL, "ja"), "17:30");
    CHECK_STR(buf, "17:30まで受付");
    snprintf(buf, sizeof buf, i18n_ui(I18N_OPENS_AT, "en"), i18n_ui(I18N_WEEKDAY_MON, "en"),
             "8:45");
    CHECK_STR(buf, "Closed · opens Mon 8:45");
    snprintf(buf, sizeof buf, i18n_ui(I18N_OPENS_AT, "ja"), i18n_ui(I18N_WEEKDAY_MON, "ja"),
             "8:45");
    CHECK_STR(buf, "受付時間外・次は月曜日 8:45から");
    snprintf(buf, sizeof buf, i18n_ui(I18N_WAIT_MINUTES, "en"), 5);
    CHECK(strstr(buf, "5") != NULL);
    snprintf(buf, sizeof buf, i18n_ui(I18N_RESET_IN, "ko"), 10);
    CHECK(strstr(buf, "10") != NULL);
    snprintf(buf, sizeof buf, i18n_ui(I18N_CLOSED_TODAY, "zh-Hant"), "元日");
    CHECK(strstr(buf, "元日") != NULL);
}
#pragma GCC diagnostic pop

static void test_lookup(void)
{
    CHECK_STR(i18n_ui(I18N_START_CALL, "ja"), "ビデオ通話を始める");
    CHECK_STR(i18n_ui(I18N_START_CALL, "en"), "Start video call");
    CHECK_STR(i18n_ui(I18N_END_CALL, "ja"), "通話を終える");
    CHECK_STR(i18n_ui(I18N_STILL_THERE, "en"), "Still there?");
    CHECK_STR(i18n_ui(I18N_TOUCH_TO_START, "ja"), "画面にタッチしてください");
    /* Unknown, empty or NULL language: English. */
    CHECK_STR(i18n_ui(I18N_START_CALL, "xx"), "Start video call");
    CHECK_STR(i18n_ui(I18N_START_CALL, ""), "Start video call");
    CHECK_STR(i18n_ui(I18N_START_CALL, NULL), "Start video call");
    CHECK_STR(i18n_ui(I18N_START_CALL, "fr"), i18n_ui(I18N_START_CALL, "en"));
    /* Languages differ where they should. */
    CHECK(strcmp(i18n_ui(I18N_START_CALL, "zh-Hant"), i18n_ui(I18N_START_CALL, "zh-Hans")) != 0);
    CHECK(strcmp(i18n_ui(I18N_START_CALL, "ja"), i18n_ui(I18N_START_CALL, "ja-easy")) != 0);
    /* A key out of range never crashes and never returns NULL. */
    CHECK(i18n_ui((enum i18n_key)I18N_KEY_COUNT, "ja") != NULL);
    CHECK(i18n_ui((enum i18n_key)-1, "ja") != NULL);
}

static void test_key_names(void)
{
    CHECK_STR(i18n_key_name(I18N_TOUCH_TO_START), "TOUCH_TO_START");
    CHECK_STR(i18n_key_name(I18N_START_CALL), "START_CALL");
    CHECK_STR(i18n_key_name(I18N_WEEKDAY_SAT), "WEEKDAY_SAT");
    for (int k = 0; k < I18N_KEY_COUNT; k++) {
        const char *name = i18n_key_name((enum i18n_key)k);
        CHECK(name && name[0]);
        for (int j = 0; j < k; j++)
            CHECK(strcmp(name, i18n_key_name((enum i18n_key)j)) != 0);
    }
    CHECK(i18n_key_name((enum i18n_key)I18N_KEY_COUNT) != NULL);
}

static void test_languages(void)
{
    const char *const *langs = i18n_ui_languages();
    int n = 0;
    CHECK(langs != NULL);
    while (langs && langs[n]) {
        if (n < N_LANGS)
            CHECK_STR(langs[n], all_langs[n]);
        n++;
    }
    CHECK_INT(n, N_LANGS);

    CHECK_STR(i18n_endonym("ja"), "日本語");
    CHECK_STR(i18n_endonym("en"), "English");
    CHECK_STR(i18n_endonym("zh-Hant"), "繁體中文");
    CHECK_STR(i18n_endonym("zh-Hans"), "简体中文");
    CHECK_STR(i18n_endonym("ko"), "한국어");
    CHECK_STR(i18n_endonym("ja-easy"), "やさしい にほんご");
    CHECK_STR(i18n_endonym("fr"), "fr"); /* unknown: the code itself */
    CHECK(i18n_endonym(NULL) != NULL);
}

static void test_ltext(void)
{
    struct ltext empty = {0, NULL};
    CHECK_STR(ltext_get(&empty, "ja", "en"), "");
    CHECK_STR(ltext_get(NULL, "ja", "en"), "");
    CHECK(!ltext_has(&empty, "ja"));

    /* One string for every language. */
    struct ltext all = {0, NULL};
    CHECK_INT(ltext_add(&all, "", "札幌市"), 0);
    CHECK_STR(ltext_get(&all, "ko", "en"), "札幌市");
    CHECK(ltext_has(&all, "ko"));

    struct ltext t = {0, NULL};
    CHECK_INT(ltext_add(&t, "ja", "当別町"), 0);
    CHECK_INT(ltext_add(&t, "en", "Tobetsu Town"), 0);
    CHECK_INT(ltext_add(&t, "ko", "도베쓰초"), 0);
    CHECK_STR(ltext_get(&t, "ko", "en"), "도베쓰초");         /* exact */
    CHECK_STR(ltext_get(&t, "zh-Hant", "en"), "Tobetsu Town"); /* fallback language */
    CHECK_STR(ltext_get(&t, "zh-Hant", "ja"), "当別町");
    CHECK_STR(ltext_get(&t, "zh-Hant", "fr"), "当別町"); /* no fallback: first entry */
    CHECK_STR(ltext_get(&t, NULL, NULL), "当別町");
    CHECK_STR(ltext_get(&t, "en", "ja"), "Tobetsu Town"); /* exact wins over fallback */
    CHECK(ltext_has(&t, "ja"));
    CHECK(!ltext_has(&t, "zh-Hans"));

    /* The all-languages form is preferred to "first entry", not to the
     * fallback language. */
    CHECK_INT(ltext_add(&t, "", "TOBETSU"), 0);
    CHECK_STR(ltext_get(&t, "zh-Hans", "fr"), "TOBETSU");
    CHECK_STR(ltext_get(&t, "zh-Hans", "en"), "Tobetsu Town");

    /* Long codes are cut to fit; never overflow. */
    struct ltext lng = {0, NULL};
    CHECK_INT(ltext_add(&lng, "x-a-very-long-language-code", "x"), 0);
    CHECK(strlen(lng.e[0].lang) < I18N_LANG_MAX);

    struct ltext copy;
    CHECK_INT(ltext_copy(&copy, &t), 0);
    CHECK_INT(copy.n, t.n);
    CHECK_STR(ltext_get(&copy, "ko", "en"), "도베쓰초");
    CHECK(copy.e[0].text != t.e[0].text); /* deep */
    ltext_free(&t);
    CHECK_INT(t.n, 0);
    CHECK(t.e == NULL);
    CHECK_STR(ltext_get(&copy, "ja", "en"), "当別町"); /* survives the original */
    ltext_free(&copy);
    ltext_free(&all);
    ltext_free(&lng);
    ltext_free(&empty);
    ltext_free(NULL);
}

int main(void)
{
    test_complete();
    test_placeholders();
    test_formatting();
    test_lookup();
    test_key_names();
    test_languages();
    test_ltext();
    return CHECK_RESULT();
}
