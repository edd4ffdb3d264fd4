#ifndef KIOSK_UTF8_H
#define KIOSK_UTF8_H
/* UTF-8 in one place: validating, decoding, measuring and cutting at a byte
 * budget on a character boundary. Well-formed means RFC 3629: no overlong
 * forms, no surrogates, nothing past U+10FFFF. Pure libc, no allocation. */
#include <stddef.h>

/* Length (1..4) of the well-formed character at s, with at most n bytes
 * readable there; 0 if it is not well-formed or n is 0. Reads no byte past
 * the first one that fails, so a NUL-terminated s is safe with any n. */
size_t utf8_char_len(const char *s, size_t n);

/* Decodes the character at the NUL-terminated s: its code point, and *adv
 * its length. A byte that does not start a well-formed character gives
 * U+FFFD with *adv = 1, so a loop always moves on. */
unsigned utf8_decode(const char *s, size_t *adv);

/* Offset of the first byte of s[0..len) that is not part of a well-formed
 * character, or len if all of it is well-formed. */
size_t utf8_valid_prefix(const char *s, size_t len);

/* 1 if the NUL-terminated s is well-formed UTF-8, else 0. */
int utf8_valid(const char *s);

/* Characters in s[0..len): the bytes that are not continuation bytes, which
 * for well-formed text is the number of code points. */
size_t utf8_count(const char *s, size_t len);

/* How many bytes of s (len bytes long) fit in max bytes without ending
 * inside a character: len if len <= max, else max backed up over
 * continuation bytes. */
size_t utf8_cut(const char *s, size_t len, size_t max);

/* Copies src (NULL = "") into dst of dstsz bytes, cut with utf8_cut so a
 * character is never split; always NUL-terminates when dstsz > 0. Returns
 * the bytes copied. */
size_t utf8_copy(char *dst, size_t dstsz, const char *src);
#endif
