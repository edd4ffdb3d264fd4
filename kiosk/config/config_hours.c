/* Weekly opening hours ("08:45-17:30") and closed dates ("2026-12-28"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_fields.h"
#include "date.h"
#include "utf8.h"

static int config_hours_digits(const char **p, int min_n, int max_n, int *out)
{
    int n = 0, v = 0;
    while (n < max_n && **p >= '0' && **p <= '9') {
        v = v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    *out = v;
    return n >= min_n ? 0 : -1;
}

/* "H:MM" or "HH:MM", 00:00..24:00, into minutes. */
static int config_hours_time(const char **p, int *min)
{
    int h, m;
    if (config_hours_digits(p, 1, 2, &h) != 0 || **p != ':')
        return -1;
    (*p)++;
    if (config_hours_digits(p, 2, 2, &m) != 0 || m > 59 || h > 24 || (h == 24 && m != 0))
        return -1;
    *min = h * 60 + m;
    return 0;
}

/* Returns 0, -1 if not HH:MM-HH:MM, -2 if it closes before it opens. */
static int config_hours_range(const char *s, struct config_interval *iv)
{
    const char *p = s;
    if (config_hours_time(&p, &iv->open_min) != 0)
        return -1;
    while (*p == ' ')
        p++;
    if (*p++ != '-')
        return -1;
    while (*p == ' ')
        p++;
    if (config_hours_time(&p, &iv->close_min) != 0 || *p != '\0')
        return -1;
    return iv->open_min < iv->close_min ? 0 : -2;
}

/* The half-width form of a character clerks type by mistake in hours
 * (dashes, wave dashes, full-width digits, colon and space), or 0. */
static char config_hours_ascii(unsigned cp)
{
    if (cp >= 0xFF10 && cp <= 0xFF19)
        return (char)('0' + (cp - 0xFF10));
    if (cp == 0xFF1A)
        return ':';
    if (cp == 0x3000)
        return ' ';
    if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFF0D || cp == 0x301C ||
        cp == 0xFF5E || cp == 0x30FC || cp == 0xFF70)
        return '-';
    return 0;
}

/* When s reads as hours once such characters are made half-width: the
 * first of them quoted with its code point into what, the corrected text
 * into fixed; returns 1. Else 0. */
static int config_hours_fixable(const char *s, char *what, size_t whatsz, char *fixed,
                                size_t fixedsz)
{
    size_t k = 0, adv;
    int found = 0;
    for (const char *p = s; *p && k + 1 < fixedsz; p += adv) {
        unsigned cp = utf8_decode(p, &adv);
        char a = cp >= 0x80 ? config_hours_ascii(cp) : (char)cp;
        if (!a)
            return 0;
        if (cp >= 0x80 && !found) {
            found = 1;
            snprintf(what, whatsz, "`%.*s` (U+%04X)", (int)adv, p, cp);
        }
        fixed[k++] = a;
    }
    fixed[k] = '\0';
    struct config_interval iv;
    return found && config_hours_range(fixed, &iv) == 0;
}

static int config_hours_one(struct config_ctx *ctx, const cJSON *it, const char *path,
                            struct config_hours *out, int day)
{
    if (!cJSON_IsString(it) || !it->valuestring)
        return config_json_type_err(ctx, path, it, CONFIG_MSG_EXPECT_HOURS);
    const char *s = it->valuestring;
    struct config_interval iv;
    int rc = config_hours_range(s, &iv);
    char what[48], fixed[64];
    if (rc == -1 && config_hours_fixable(s, what, sizeof what, fixed, sizeof fixed)) {
        config_ctx_err(ctx, path, CONFIG_MSG_TIME_CHAR, s, what, fixed);
        return -1;
    }
    if (rc != 0) {
        config_ctx_err(ctx, path, rc == -1 ? CONFIG_MSG_TIME_FORMAT : CONFIG_MSG_TIME_ORDER, s,
                       NULL, NULL);
        return -1;
    }
    int k = out->n[day];
    if (k > 0 && iv.open_min < out->iv[day][k - 1].close_min) {
        char prev[48];
        const struct config_interval *pv = &out->iv[day][k - 1];
        snprintf(prev, sizeof prev, "%02d:%02d-%02d:%02d", pv->open_min / 60, pv->open_min % 60,
                 pv->close_min / 60, pv->close_min % 60);
        config_ctx_err(ctx, path, CONFIG_MSG_TIME_OVERLAP, s, prev, NULL);
        return -1;
    }
    out->iv[day][k] = iv;
    out->n[day]++;
    return 0;
}

int config_hours_day(struct config_ctx *ctx, const cJSON *it, const char *path, void *base,
                     const struct config_opt *row)
{
    struct config_hours *out = base;
    int day = row->arg;
    if (!cJSON_IsArray(it))
        return config_hours_one(ctx, it, path, out, day) == 0 ? 1 : -1;
    if (config_json_count(ctx, it, path, 0, CONFIG_MAX_INTERVALS) != 0)
        return -1;
    int i = 0, bad = 0;
    for (const cJSON *e = it->child; e; e = e->next, i++) {
        char ip[CONFIG_PATH_MAX];
        jsonpath_index(ip, sizeof ip, path, i);
        bad |= config_hours_one(ctx, e, ip, out, day) != 0;
    }
    return bad ? -1 : 1;
}

/* Strict YYYY-MM-DD of a day that exists, from 1900 on. */
static int config_hours_date(const char *s, struct config_date *out)
{
    return date_parse(s, &out->y, &out->m, &out->d) == 0 && out->y >= 1900 ? 0 : -1;
}

int config_hours_dates(struct config_ctx *ctx, const cJSON *it, const char *path, void *base,
                       const struct config_opt *row)
{
    struct config_date **out = (struct config_date **)((char *)base + row->offset);
    int *n = (int *)((char *)base + row->count_offset);
    char **v = NULL;
    int cnt = 0, bad = 0;
    if (config_json_strings_value(ctx, it, path, (int)row->min, (int)row->max, &v, &cnt) != 1)
        return -1;
    struct config_date *dates = calloc((size_t)cnt + 1, sizeof *dates);
    for (int i = 0; dates && i < cnt; i++) {
        char ip[CONFIG_PATH_MAX];
        jsonpath_index(ip, sizeof ip, path, i);
        if (config_hours_date(v[i], &dates[i]) != 0) {
            config_ctx_err(ctx, ip, CONFIG_MSG_DATE, v[i], NULL, NULL);
            bad = 1;
            continue;
        }
        for (int j = 0; j < i; j++)
            if (memcmp(&dates[i], &dates[j], sizeof dates[i]) == 0) {
                config_ctx_warn(ctx, ip, CONFIG_MSG_DATE_DUP, v[i], NULL, NULL);
                break;
            }
    }
    config_strv_free(v, cnt);
    if (!dates || bad) {
        free(dates);
        return -1;
    }
    *out = dates;
    *n = cnt;
    return 1;
}
