#include "i18n.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *ltext_get(const struct ltext *t, const char *lang, const char *fallback_lang)
{
    if (!t || t->n == 0)
        return "";
    const char *all = NULL;
    const char *fallback = NULL;
    for (int i = 0; i < t->n; i++) {
        const char *l = t->e[i].lang;
        if (lang && strcmp(l, lang) == 0)
            return t->e[i].text;
        if (fallback_lang && strcmp(l, fallback_lang) == 0)
            fallback = t->e[i].text;
        if (l[0] == '\0')
            all = t->e[i].text;
    }
    if (fallback)
        return fallback;
    if (all)
        return all;
    return t->e[0].text;
}

int ltext_has(const struct ltext *t, const char *lang)
{
    for (int i = 0; t && i < t->n; i++)
        if (t->e[i].lang[0] == '\0' || strcmp(t->e[i].lang, lang) == 0)
            return 1;
    return 0;
}

void ltext_free(struct ltext *t)
{
    if (!t)
        return;
    for (int i = 0; i < t->n; i++)
        free(t->e[i].text);
    free(t->e);
    t->e = NULL;
    t->n = 0;
}

int ltext_add(struct ltext *t, const char *lang, const char *text)
{
    struct ltext_entry *e = realloc(t->e, (size_t)(t->n + 1) * sizeof *e);
    if (!e)
        return -1;
    t->e = e;
    size_t len = strlen(text);
    char *copy = malloc(len + 1);
    if (!copy)
        return -1;
    memcpy(copy, text, len + 1);
    struct ltext_entry *slot = &t->e[t->n];
    memset(slot->lang, 0, sizeof slot->lang);
    size_t ll = strlen(lang);
    if (ll >= sizeof slot->lang)
        ll = sizeof slot->lang - 1;
    memcpy(slot->lang, lang, ll);
    slot->text = copy;
    t->n++;
    return 0;
}

int ltext_copy(struct ltext *dst, const struct ltext *src)
{
    dst->n = 0;
    dst->e = NULL;
    for (int i = 0; i < src->n; i++) {
        if (ltext_add(dst, src->e[i].lang, src->e[i].text) != 0) {
            ltext_free(dst);
            return -1;
        }
    }
    return 0;
}

/* Appends src to out (bounded); returns the new length. */
static size_t i18n_append(char *out, size_t outsz, size_t len, const char *src, size_t n)
{
    if (len + 1 >= outsz)
        return len;
    if (n > outsz - 1 - len)
        n = outsz - 1 - len;
    memcpy(out + len, src, n);
    out[len + n] = '\0';
    return len + n;
}

/* Our own %s / %d substitution rather than vsnprintf: the template comes
 * from a table, not a literal, so the compiler cannot check it; this way a
 * bad translation can at worst print a wrong word, never crash. */
int i18n_format(char *out, size_t outsz, const char *lang, enum i18n_key key, ...)
{
    const char *fmt = i18n_ui(key, lang);
    size_t len = 0;
    va_list ap;
    va_start(ap, key);
    if (outsz)
        out[0] = '\0';
    for (const char *p = fmt; *p; p++) {
        if (p[0] == '%' && p[1] == 's') {
            const char *arg = va_arg(ap, const char *);
            len = i18n_append(out, outsz, len, arg ? arg : "", arg ? strlen(arg) : 0);
            p++;
        } else if (p[0] == '%' && p[1] == 'd') {
            char num[24];
            int n = snprintf(num, sizeof num, "%d", va_arg(ap, int));
            len = i18n_append(out, outsz, len, num, n > 0 ? (size_t)n : 0);
            p++;
        } else if (p[0] == '%' && p[1] == '%') {
            len = i18n_append(out, outsz, len, "%", 1);
            p++;
        } else {
            len = i18n_append(out, outsz, len, p, 1);
        }
    }
    va_end(ap);
    return (int)len;
}
