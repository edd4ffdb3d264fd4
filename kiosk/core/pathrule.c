/* Lexical path rules (pathrule.h): components counted and joined, never
 * looked up on the disk. */
#include "pathrule.h"

#include <string.h>

/* The next component of *p (skipping slashes): its start and length; 0 at
 * the end. */
static size_t pathrule_next(const char **p, const char **start)
{
    while (**p == '/')
        (*p)++;
    *start = *p;
    while (**p && **p != '/')
        (*p)++;
    return (size_t)(*p - *start);
}

static int pathrule_is(const char *c, size_t n, const char *what)
{
    return n == strlen(what) && memcmp(c, what, n) == 0;
}

int pathrule_escapes(const char *rel)
{
    if (!rel || rel[0] == '/')
        return 0;
    long depth = 0;
    const char *p = rel, *c;
    size_t n;
    while ((n = pathrule_next(&p, &c)) > 0) {
        if (pathrule_is(c, n, ".."))
            depth--;
        else if (!pathrule_is(c, n, "."))
            depth++;
        if (depth < 0)
            return 1;
    }
    return 0;
}

/* Appends the components of s to out (length *len), resolving . and ..;
 * -1 when out is full. */
static int pathrule_append(const char *s, char *out, size_t outsz, size_t *len)
{
    const char *p = s, *c;
    size_t n;
    while ((n = pathrule_next(&p, &c)) > 0) {
        if (pathrule_is(c, n, "."))
            continue;
        if (pathrule_is(c, n, "..")) {
            while (*len > 0 && out[*len - 1] != '/')
                (*len)--;
            if (*len > 0)
                (*len)--; /* the slash before the dropped component */
            out[*len] = '\0';
            continue;
        }
        if (*len + 1 + n + 1 > outsz)
            return -1;
        out[(*len)++] = '/';
        memcpy(out + *len, c, n);
        *len += n;
        out[*len] = '\0';
    }
    return 0;
}

int pathrule_join(const char *base, const char *rel, char *out, size_t outsz)
{
    if (!rel || outsz < 2)
        return -1;
    if (rel[0] != '/' && (!base || base[0] != '/'))
        return -1;
    size_t len = 0;
    out[0] = '\0';
    if (rel[0] != '/' && pathrule_append(base, out, outsz, &len) != 0)
        return -1;
    if (pathrule_append(rel, out, outsz, &len) != 0)
        return -1;
    if (len == 0)
        memcpy(out, "/", 2);
    return 0;
}

int pathrule_inside(const char *dir, const char *path)
{
    char d[4096], p[4096];
    if (pathrule_join("/", dir, d, sizeof d) != 0 || pathrule_join("/", path, p, sizeof p) != 0)
        return 0;
    size_t n = strlen(d);
    if (n == 1) /* the root holds everything */
        return 1;
    return strncmp(d, p, n) == 0 && (p[n] == '\0' || p[n] == '/');
}
