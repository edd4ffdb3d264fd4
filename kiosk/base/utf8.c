#include "utf8.h"

#include <string.h>

/* Length announced by lead byte c, 0 for a byte no character starts with
 * (continuation bytes, C0/C1 which only start overlongs, F5..FF). */
static size_t utf8_lead_len(unsigned c)
{
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return 2;
    if (c >= 0xE0 && c <= 0xEF)
        return 3;
    if (c >= 0xF0 && c <= 0xF4)
        return 4;
    return 0;
}

size_t utf8_char_len(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t len = n ? utf8_lead_len(u[0]) : 0;
    if (len == 0 || len > n)
        return 0;
    unsigned long cp = len == 1 ? u[0] : u[0] & (0x7Fu >> len);
    for (size_t k = 1; k < len; k++) {
        if ((u[k] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (u[k] & 0x3Fu);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return len;
}

unsigned utf8_decode(const char *s, size_t *adv)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t len = utf8_char_len(s, 4);
    if (len == 0) {
        *adv = 1;
        return 0xFFFD;
    }
    *adv = len;
    unsigned cp = len == 1 ? u[0] : u[0] & (0x7Fu >> len);
    for (size_t k = 1; k < len; k++)
        cp = (cp << 6) | (u[k] & 0x3Fu);
    return cp;
}

size_t utf8_valid_prefix(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t n = utf8_char_len(s + i, len - i);
        if (n == 0)
            return i;
        i += n;
    }
    return len;
}

int utf8_valid(const char *s)
{
    size_t len = strlen(s);
    return utf8_valid_prefix(s, len) == len;
}

size_t utf8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

size_t utf8_cut(const char *s, size_t len, size_t max)
{
    if (len <= max)
        return len;
    size_t n = max;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return n;
}

size_t utf8_copy(char *dst, size_t dstsz, const char *src)
{
    if (dstsz == 0)
        return 0;
    if (!src)
        src = "";
    size_t n = utf8_cut(src, strlen(src), dstsz - 1);
    memcpy(dst, src, n);
    dst[n] = '\0';
    return n;
}
