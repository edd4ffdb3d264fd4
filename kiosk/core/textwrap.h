#ifndef KIOSK_TEXTWRAP_H
#define KIOSK_TEXTWRAP_H
/* Line breaking for mixed Japanese / Latin text, pure: the width of a piece
 * of text comes from a function the caller passes (SDL_ttf in the UI, a
 * fake in tests). Breaks at spaces in Latin text, between any two CJK
 * characters, and at explicit newlines; never before closing punctuation
 * such as 。、）」 (simple kinsoku). */
#include <stddef.h>

/* Width in pixels of s[0..len). */
typedef int (*textwrap_measure_fn)(void *ctx, const char *s, size_t len);

struct textwrap_line {
    size_t start, len; /* byte range of the line in the text (spaces trimmed) */
    int width;
};

/* Wraps text into at most max_lines lines of at most max_w pixels. Returns
 * the number of lines written; *overflow is set to 1 when the text did not
 * fit (a single unbreakable piece wider than max_w, or more lines needed). */
int textwrap(const char *text, int max_w, textwrap_measure_fn measure, void *ctx,
             struct textwrap_line *out, int max_lines, int *overflow);
/* The width of text in ems, estimated without a font: a wide character
 * (CJK, kana, Hangul, full-width forms) is 1 em, a space 0.3, anything else
 * (Latin letters, digits, punctuation of proportional fonts) 0.6. For
 * checks that have no fonts (the config checker); drawing measures. */
double textwrap_em_estimate(const char *text);
/* 1 if code point c is East Asian wide (CJK, kana, Hangul, full-width forms). */
int textwrap_is_wide(unsigned c);
#define TEXTWRAP_BREAK_WORD 1
#define TEXTWRAP_BREAK_PHRASE 2
/* textwrap_phrases' first two rules, which need no phrase boundaries:
 * text of one line that fits is that line; Japanese with spaces between
 * its words ("がめんに さわって ください") wraps at the spaces when that
 * fits. Returns their lines, or -1 when the wrapping needs the boundaries
 * (then *overflow and out mean nothing). */
int textwrap_without_breaks(const char *text, int max_w, textwrap_measure_fn measure,
                            void *ctx, struct textwrap_line *out, int max_lines, int *overflow);
/* textwrap, with the places where a Japanese line may break (from a
 * segmenter the caller owns; see ui/jseg.h): breaks[i] tells whether a
 * line may start at byte i: TEXTWRAP_BREAK_PHRASE at a phrase boundary,
 * TEXTWRAP_BREAK_WORD between two words of one phrase, 0 inside a word.
 * Between two CJK characters a line then breaks at phrase boundaries; a
 * phrase wider than max_w alone breaks between its words, a word wider
 * than max_w between its characters. Spaces, newlines and Latin text
 * break as before. On overflow the result stands (the caller may try a
 * smaller size, then textwrap). breaks may be NULL (= textwrap). */
int textwrap_phrases(const char *text, const unsigned char *breaks, int max_w,
                     textwrap_measure_fn measure, void *ctx, struct textwrap_line *out,
                     int max_lines, int *overflow);
#endif
