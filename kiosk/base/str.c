#include "str.h"

#include <stdlib.h>
#include <string.h>

size_t str_copy(char *dst, size_t dstsz, const char *src)
{
    if (dstsz == 0)
        return 0;
    size_t n = src ? strlen(src) : 0;
    if (n >= dstsz)
        n = dstsz - 1;
    if (n)
        memcpy(dst, src, n);
    dst[n] = '\0';
    return n;
}

char *str_dup(const char *s)
{
    return s ? str_concat(s, "") : NULL;
}

char *str_concat(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    char *p = malloc(na + nb + 1);
    if (!p)
        return NULL;
    memcpy(p, a, na);
    memcpy(p + na, b, nb + 1);
    return p;
}
