/* UTF-8 helpers: which sequences are well-formed (RFC 3629 table 3-7 edges),
 * decoding with U+FFFD for bad bytes, counting, and cutting at a byte budget
 * without splitting a character. Table-driven. */
#include <stddef.h>
#include <string.h>

#include "check.h"
#include "utf8.h"

struct len_case {
    const char *s;
    size_t n;    /* bytes readable */
    size_t want; /* utf8_char_len */
};

static const struct len_case len_cases[] = {
    {"a", 1, 1},
    {"\x7F", 1, 1},
    {"\xC3\xA9", 2, 2},              /* é */
    {"\xC3\xA9", 1, 0},              /* cut by n */
    {"\xC0\x80", 2, 0},              /* overlong NUL */
    {"\xC1\xBF", 2, 0},              /* overlong */
    {"\xC2\x80", 2, 2},              /* U+0080 */
    {"\xE0\x9F\xBF", 3, 0},          /* overlong 3-byte */
    {"\xE0\xA0\x80", 3, 3},          /* U+0800 */
    {"\xE3\x81\x82", 3, 3},          /* あ */
    {"\xED\x9F\xBF", 3, 3},          /* U+D7FF */
    {"\xED\xA0\x80", 3, 0},          /* surrogate U+D800 */
    {"\xED\xBF\xBF", 3, 0},          /* surrogate U+DFFF */
    {"\xEF\xBF\xBF", 3, 3},          /* U+FFFF */
    {"\xF0\x8F\xBF\xBF", 4, 0},      /* overlong 4-byte */
    {"\xF0\x90\x80\x80", 4, 4},      /* U+10000 */
    {"\xF0\x9F\x98\x80", 4, 4},      /* 😀 */
    {"\xF4\x8F\xBF\xBF", 4, 4},      /* U+10FFFF */
    {"\xF4\x90\x80\x80", 4, 0},      /* past U+10FFFF */
    {"\xF5\x80\x80\x80", 4, 0},      /* lead byte never used */
    {"\x80", 1, 0},                  /* lone continuation */
    {"\xE3\x81", 4, 0},              /* cut short by the NUL */
    {"\xE3" "a" "\x82", 3, 0},       /* ASCII where a continuation belongs */
    {"", 0, 0},
};

static void test_char_len(void)
{
    for (size_t i = 0; i < sizeof len_cases / sizeof len_cases[0]; i++) {
        const struct len_case *c = &len_cases[i];
        size_t got = utf8_char_len(c->s, c->n);
        if (got != c->want)
            fprintf(stderr, "case %zu\n", i);
        CHECK_INT(got, c->want);
    }
}

static void test_decode(void)
{
    size_t adv;
    CHECK_INT(utf8_decode("a", &adv), 'a');
    CHECK_INT(adv, 1);
    CHECK_INT(utf8_decode("あ", &adv), 0x3042);
    CHECK_INT(adv, 3);
    CHECK_INT(utf8_decode("\xF0\x9F\x98\x80", &adv), 0x1F600);
    CHECK_INT(adv, 4);
    CHECK_INT(utf8_decode("\xE3\x81", &adv), 0xFFFD); /* cut short */
    CHECK_INT(adv, 1);
    CHECK_INT(utf8_decode("\xC0\x80", &adv), 0xFFFD); /* overlong */
    CHECK_INT(adv, 1);
    CHECK_INT(utf8_decode("\xED\xA0\x80", &adv), 0xFFFD); /* surrogate */
    CHECK_INT(adv, 1);
}

static void test_valid(void)
{
    const char *ok = "当別町 Tobetsu é 😀";
    CHECK_INT(utf8_valid(ok), 1);
    CHECK_INT(utf8_valid(""), 1);
    CHECK_INT(utf8_valid("ab\xFF"), 0);
    CHECK_INT(utf8_valid("\xED\xA0\x80"), 0);
    CHECK_INT(utf8_valid_prefix("ab\xC3", 3), 2);           /* truncated at the end */
    CHECK_INT(utf8_valid_prefix("\xE5\xBD\x93\x80", 4), 3); /* stray continuation */
    CHECK_INT(utf8_valid_prefix(ok, strlen(ok)), strlen(ok));
    CHECK_INT(utf8_valid_prefix("a\0b", 3), 3); /* a NUL is a character here */
}

static void test_count(void)
{
    CHECK_INT(utf8_count("", 0), 0);
    CHECK_INT(utf8_count("abc", 3), 3);
    CHECK_INT(utf8_count("当別町", strlen("当別町")), 3);
    CHECK_INT(utf8_count("aé😀", strlen("aé😀")), 3);
    CHECK_INT(utf8_count("当別町", 4), 2); /* a partial character counts by its lead */
}

struct cut_case {
    const char *s;
    size_t max, want;
};

static const struct cut_case cut_cases[] = {
    {"abc", 5, 3},        /* fits */
    {"abc", 3, 3},        /* exactly */
    {"abc", 2, 2},
    {"当別", 6, 6},
    {"当別", 5, 3},       /* inside the second character: back to its start */
    {"当別", 4, 3},
    {"当別", 3, 3},       /* on the boundary */
    {"当別", 2, 0},
    {"a😀", 4, 1},
    {"a😀", 0, 0},
};

static void test_cut(void)
{
    for (size_t i = 0; i < sizeof cut_cases / sizeof cut_cases[0]; i++) {
        const struct cut_case *c = &cut_cases[i];
        CHECK_INT(utf8_cut(c->s, strlen(c->s), c->max), c->want);
    }
}

static void test_copy(void)
{
    char small[6], big[16];
    CHECK_INT(utf8_copy(small, sizeof small, "当別"), 3); /* 6 bytes + NUL do not fit */
    CHECK_STR(small, "当");
    CHECK_INT(utf8_copy(big, sizeof big, "当別"), 6);
    CHECK_STR(big, "当別");
    CHECK_INT(utf8_copy(small, sizeof small, NULL), 0);
    CHECK_STR(small, "");
    CHECK_INT(utf8_copy(small, 0, "x"), 0);
    CHECK_STR(small, ""); /* untouched */
}

int main(void)
{
    test_char_len();
    test_decode();
    test_valid();
    test_count();
    test_cut();
    test_copy();
    return CHECK_RESULT();
}
