#include "callargs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CALLARGS_NUM_MAX 16 /* "-2147483648" and NUL */

/* The value of placeholder name (namelen bytes, without braces) in num or
 * vars; NULL if the name is not one of ours. */
static const char *callargs_value(const char *name, size_t namelen,
                                  const struct callargs_vars *v, char num[CALLARGS_NUM_MAX])
{
    static const char *const names[] = {"url", "profile", "x", "y", "w", "h"};
    int idx = -1;
    for (int i = 0; i < 6; i++)
        if (strlen(names[i]) == namelen && memcmp(names[i], name, namelen) == 0)
            idx = i;
    if (idx == 0)
        return v->url ? v->url : "";
    if (idx == 1)
        return v->profile ? v->profile : "";
    if (idx < 0)
        return NULL;
    const int nums[] = {v->x, v->y, v->w, v->h};
    snprintf(num, CALLARGS_NUM_MAX, "%d", nums[idx - 2]);
    return num;
}

/* Writes the expansion of t into out (if out is not NULL) and returns its
 * length; out must then have room for that length plus the NUL. */
static size_t callargs_expand(const char *t, const struct callargs_vars *v, char *out)
{
    size_t len = 0;
    char num[CALLARGS_NUM_MAX];
    while (*t) {
        const char *close = *t == '{' ? strchr(t + 1, '}') : NULL;
        const char *val = close ? callargs_value(t + 1, (size_t)(close - t - 1), v, num) : NULL;
        const char *src = val ? val : t;
        size_t n = val ? strlen(val) : 1;
        if (out)
            memcpy(out + len, src, n);
        len += n;
        t = val ? close + 1 : t + 1;
    }
    if (out)
        out[len] = '\0';
    return len;
}

char **callargs_build(char *const *tmpl, int n, const struct callargs_vars *vars)
{
    if (!tmpl || n < 1 || !vars)
        return NULL;
    for (int i = 0; i < n; i++)
        if (!tmpl[i])
            return NULL;
    char **argv = calloc((size_t)n + 1, sizeof *argv);
    if (!argv)
        return NULL;
    for (int i = 0; i < n; i++) {
        argv[i] = malloc(callargs_expand(tmpl[i], vars, NULL) + 1);
        if (!argv[i]) {
            callargs_free(argv);
            return NULL;
        }
        callargs_expand(tmpl[i], vars, argv[i]);
    }
    return argv;
}

void callargs_free(char **argv)
{
    if (!argv)
        return;
    for (char **p = argv; *p; p++)
        free(*p);
    free(argv);
}
