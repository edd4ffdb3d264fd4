#include "textwrap.h"

#include <string.h>

#include "utf8.h"

static int textwrap_is_cjk(unsigned cp)
{
    return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
           (cp >= 0x20000 && cp <= 0x2FFFF);
}

/* Characters that must not start a line. */
static int textwrap_no_start(unsigned cp)
{
    static const unsigned closers[] = {0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF09, 0x300D,
                                       0x300F, 0x3011, 0xFF1F, 0xFF01, 0x30FC, 0x30FB,
                                       0xFF1A, 0x3063, 0x3083, 0x3085, 0x3087, 0x30C3,
                                       ')',    ',',    '.',    '!',    '?',    ':'};
    for (size_t i = 0; i < sizeof closers / sizeof closers[0]; i++)
        if (cp == closers[i])
            return 1;
    return 0;
}

/* Modes of breaking, tried in this order (the first that fits wins). */
enum textwrap_mode { TEXTWRAP_WORDS, TEXTWRAP_PHRASES, TEXTWRAP_WORDS_OF_PHRASE, TEXTWRAP_CHARS };

/* The end of the piece that starts at pos: the next byte where breaks
 * allows a line to start at level or above, or a space, newline or the end. */
static size_t textwrap_piece_end(const char *t, size_t pos, const unsigned char *breaks,
                                 int level)
{
    size_t adv;
    size_t i = pos;
    utf8_decode(t + i, &adv);
    i += adv;
    /* Never before 。、」 or a small kana, whatever the segmenter says. */
    while (t[i] && t[i] != ' ' && t[i] != '\n' &&
           (breaks[i] < level || textwrap_no_start(utf8_decode(t + i, &adv)))) {
        utf8_decode(t + i, &adv);
        i += adv;
    }
    return i;
}

/* Byte offset after which a line may break, searching from pos: the end of
 * the next "word" (a CJK character, a phrase, or a run of non-space Latin). */
static size_t textwrap_next_break(const char *t, size_t pos, enum textwrap_mode mode,
                                  const unsigned char *breaks)
{
    size_t adv;
    size_t i = pos;
    int words = mode == TEXTWRAP_WORDS;
    int level = mode == TEXTWRAP_PHRASES ? TEXTWRAP_BREAK_PHRASE : TEXTWRAP_BREAK_WORD;
    unsigned cp = utf8_decode(t + i, &adv);
    if (t[i] == '\0' || t[i] == '\n')
        return i;
    if ((mode == TEXTWRAP_PHRASES || mode == TEXTWRAP_WORDS_OF_PHRASE) && textwrap_is_cjk(cp)) {
        i = textwrap_piece_end(t, pos, breaks,
                               mode == TEXTWRAP_PHRASES ? TEXTWRAP_BREAK_PHRASE : TEXTWRAP_BREAK_WORD);
    } else if ((textwrap_is_cjk(cp) && !words) || cp == ' ') {
        i += adv;
    } else {
        while (t[i] && t[i] != ' ' && t[i] != '\n') {
            cp = utf8_decode(t + i, &adv);
            if (textwrap_is_cjk(cp) && !textwrap_no_start(cp) && !words && i > pos &&
                (mode == TEXTWRAP_CHARS || breaks[i] >= level))
                break;
            if (words && i > pos && (cp == 0xFF08 || cp == 0x300C))
                break; /* before （ or 「: "さっぽろし" / "（札幌市）" */
            i += adv;
        }
    }
    /* Keep closing punctuation with the word before it. */
    while (t[i] && textwrap_no_start(utf8_decode(t + i, &adv)))
        i += adv;
    return i;
}

static void textwrap_trim(const char *t, size_t *start, size_t *len)
{
    while (*len && t[*start] == ' ') {
        (*start)++;
        (*len)--;
    }
    while (*len && t[*start + *len - 1] == ' ')
        (*len)--;
}

static int textwrap_mode(const char *text, int max_w, textwrap_measure_fn measure, void *ctx,
                         struct textwrap_line *out, int max_lines, int *overflow,
                         enum textwrap_mode mode, const unsigned char *breaks)
{
    int n = 0;
    size_t pos = 0, split_until = 0, chars_until = 0;
    *overflow = 0;
    while (text[pos] && n < max_lines) {
        size_t start = pos, end = pos;
        for (;;) {
            size_t next = textwrap_next_break(text, end, mode, breaks);
            if (next == end)
                break;
            /* A phrase wider than a whole line goes word by word, and a word
             * wider than a line character by character (to its end, also
             * on the next lines). */
            if (mode == TEXTWRAP_PHRASES && end == start && next > split_until &&
                measure(ctx, text + start, next - start) > max_w)
                split_until = next;
            if (end < split_until) {
                next = textwrap_next_break(text, end, TEXTWRAP_WORDS_OF_PHRASE, breaks);
                if (end == start && next > chars_until &&
                    measure(ctx, text + start, next - start) > max_w)
                    chars_until = next;
            }
            if (end < chars_until)
                next = textwrap_next_break(text, end, TEXTWRAP_CHARS, breaks);
            size_t s = start, l = next - start;
            textwrap_trim(text, &s, &l);
            if (end > start && measure(ctx, text + s, l) > max_w)
                break;
            end = next;
        }
        size_t s = start, l = end - start;
        textwrap_trim(text, &s, &l);
        out[n] = (struct textwrap_line){s, l, measure(ctx, text + s, l)};
        if (out[n].width > max_w)
            *overflow = 1;
        n++;
        pos = end;
        if (text[pos] == '\n')
            pos++;
        while (text[pos] == ' ')
            pos++;
    }
    if (text[pos])
        *overflow = 1;
    return n;
}

/* CJK text with spaces between words (やさしい日本語, "市役所 窓口") reads
 * better broken at the spaces (and before a bracket: "さっぽろし（札幌市）"); when that does not fit, any CJK character
 * may end a line. */
static int textwrap_has_cjk_and_space(const char *text)
{
    int cjk = 0, space = 0;
    size_t adv;
    for (const char *p = text; *p; p += adv) {
        unsigned cp = utf8_decode(p, &adv);
        cjk |= textwrap_is_cjk(cp);
        space |= cp == ' ' || ((cp == 0xFF08 || cp == 0x300C) && p > text);
    }
    return cjk && space;
}

/* Text of one line that fits is that line in every mode: one measure
 * instead of one for each piece's growing line (the labels of a screen's
 * first drawing, each shaped anew). 0 when it does not apply. */
static int textwrap_one_line(const char *text, int max_w, textwrap_measure_fn measure,
                             void *ctx, struct textwrap_line *out, int max_lines, int *overflow)
{
    size_t s = 0, l = strlen(text);
    if (max_lines < 1 || memchr(text, '\n', l))
        return 0;
    textwrap_trim(text, &s, &l);
    if (l == 0)
        return 0;
    int w = measure(ctx, text + s, l);
    if (w > max_w)
        return 0;
    out[0] = (struct textwrap_line){s, l, w};
    *overflow = 0;
    return 1;
}

int textwrap_without_breaks(const char *text, int max_w, textwrap_measure_fn measure,
                            void *ctx, struct textwrap_line *out, int max_lines, int *overflow)
{
    if (textwrap_one_line(text, max_w, measure, ctx, out, max_lines, overflow))
        return 1;
    if (textwrap_has_cjk_and_space(text)) {
        int n = textwrap_mode(text, max_w, measure, ctx, out, max_lines, overflow,
                              TEXTWRAP_WORDS, NULL);
        if (!*overflow)
            return n;
    }
    return -1;
}

int textwrap_phrases(const char *text, const unsigned char *breaks, int max_w,
                     textwrap_measure_fn measure, void *ctx, struct textwrap_line *out,
                     int max_lines, int *overflow)
{
    int n = textwrap_without_breaks(text, max_w, measure, ctx, out, max_lines, overflow);
    if (n >= 0)
        return n;
    if (breaks) /* even when it overflows: the caller may try a smaller size first */
        return textwrap_mode(text, max_w, measure, ctx, out, max_lines, overflow,
                             TEXTWRAP_PHRASES, breaks);
    return textwrap_mode(text, max_w, measure, ctx, out, max_lines, overflow, TEXTWRAP_CHARS,
                         breaks);
}

int textwrap(const char *text, int max_w, textwrap_measure_fn measure, void *ctx,
             struct textwrap_line *out, int max_lines, int *overflow)
{
    return textwrap_phrases(text, NULL, max_w, measure, ctx, out, max_lines, overflow);
}

/* East Asian wide: Hangul Jamo, CJK and kana, Hangul syllables, CJK
 * compatibility, full-width forms. */
int textwrap_is_wide(unsigned c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6);
}

double textwrap_em_estimate(const char *text)
{
    double em = 0;
    for (size_t i = 0; text && text[i];) {
        size_t adv = 1;
        unsigned c = utf8_decode(text + i, &adv);
        i += adv ? adv : 1;
        em += textwrap_is_wide(c) ? 1.0 : c == ' ' ? 0.3 : 0.6;
    }
    return em;
}
