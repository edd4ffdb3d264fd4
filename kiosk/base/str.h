#ifndef KIOSK_STR_H
#define KIOSK_STR_H
/* Bounded string copies and heap duplicates, written once. Pure libc. */
#include <stddef.h>

/* Copies src (NULL = "") into dst of dstsz bytes, cut to fit, always
 * NUL-terminated when dstsz > 0. Returns the bytes copied. Byte-wise: use
 * utf8_copy for text shown to people. */
size_t str_copy(char *dst, size_t dstsz, const char *src);

/* A malloc'ed copy of s (the caller frees it); NULL if s is NULL or memory
 * runs out. */
char *str_dup(const char *s);

/* A malloc'ed a followed by b (the caller frees it); NULL if memory runs out. */
char *str_concat(const char *a, const char *b);
#endif
