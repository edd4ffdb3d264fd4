/* Typed readers over cJSON that report each problem with its position. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_int.h"
#include "str.h"

const char *config_json_excerpt(const cJSON *it, char *buf, size_t bufsz)
{
    if (!it)
        snprintf(buf, bufsz, "nothing");
    else if (cJSON_IsString(it)) {
        const char *s = it->valuestring ? it->valuestring : "";
        snprintf(buf, bufsz, "`\"%.40s%s\"`", s, strlen(s) > 40 ? "…" : "");
    } else if (cJSON_IsNumber(it))
        snprintf(buf, bufsz, "`%.10g`", it->valuedouble);
    else if (cJSON_IsBool(it))
        snprintf(buf, bufsz, "`%s`", cJSON_IsTrue(it) ? "true" : "false");
    else if (cJSON_IsNull(it))
        snprintf(buf, bufsz, "`null`");
    else if (cJSON_IsArray(it))
        snprintf(buf, bufsz, "a list `[...]`");
    else if (cJSON_IsObject(it))
        snprintf(buf, bufsz, "an object `{...}`");
    else
        snprintf(buf, bufsz, "this value");
    return buf;
}

int config_json_distance(const char *a, const char *b)
{
    enum { MAXLEN = 40 };
    size_t la = strlen(a), lb = strlen(b);
    if (la > MAXLEN || lb > MAXLEN)
        return 99;
    int d[MAXLEN + 1][MAXLEN + 1];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        for (size_t j = 1; j <= lb; j++) {
            int cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
            int v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v)
                v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    }
    return d[la][lb];
}

static const char *config_json_suggest(const char *key, const char *const *known)
{
    const char *best = NULL;
    int best_d = 99;
    size_t len = strlen(key);
    int limit = len <= 3 ? 1 : len <= 8 ? 2 : 3;
    for (int i = 0; known[i]; i++) {
        size_t kl = strlen(known[i]);
        if (kl >= 3 && len > kl && strncmp(key, known[i], kl) == 0)
            return known[i]; /* "monday" for "mon" */
        int d = config_json_distance(key, known[i]);
        if (d < best_d) {
            best_d = d;
            best = known[i];
        }
    }
    return best_d <= limit ? best : NULL;
}

void config_json_keys(struct config_ctx *ctx, const cJSON *obj, const char *path,
                      const char *const *known)
{
    for (const cJSON *it = obj ? obj->child : NULL; it; it = it->next) {
        const char *key = it->string ? it->string : "";
        int found = 0;
        for (int i = 0; known[i] && !found; i++)
            found = strcmp(known[i], key) == 0;
        if (found)
            continue;
        char child[CONFIG_PATH_MAX];
        jsonpath_key(child, sizeof child, path, key);
        const char *hint = config_json_suggest(key, known);
        config_ctx_report_key(ctx, CONFIG_ERROR, child,
                              hint ? CONFIG_MSG_UNKNOWN_KEY_SUGGEST : CONFIG_MSG_UNKNOWN_KEY, key,
                              hint);
    }
}

int config_json_get(struct config_ctx *ctx, const cJSON *obj, const char *path, const char *key,
                    int required, char *child, const cJSON **out)
{
    jsonpath_key(child, CONFIG_PATH_MAX, path, key);
    const cJSON *it = cJSON_IsObject(obj) ? cJSON_GetObjectItemCaseSensitive(obj, key) : NULL;
    *out = NULL;
    if (!it || cJSON_IsNull(it)) {
        if (required)
            config_ctx_err(ctx, child, CONFIG_MSG_MISSING, key, NULL, NULL);
        return 0;
    }
    *out = it;
    return 1;
}

int config_json_type_err(struct config_ctx *ctx, const char *path, const cJSON *it,
                         enum config_msg msg)
{
    char ex[96];
    config_ctx_err(ctx, path, msg, config_json_excerpt(it, ex, sizeof ex), NULL, NULL);
    return -1;
}

int config_json_string_value(struct config_ctx *ctx, const cJSON *it, const char *path,
                             char **out)
{
    if (!cJSON_IsString(it) || !it->valuestring)
        return config_json_type_err(ctx, path, it, CONFIG_MSG_EXPECT_STRING);
    *out = str_dup(it->valuestring);
    return *out ? 1 : -1;
}

int config_json_text_value(struct config_ctx *ctx, const cJSON *it, const char *path, char **out)
{
    if (cJSON_IsString(it) && it->valuestring && !it->valuestring[0]) { /* never meant */
        config_ctx_err(ctx, path, CONFIG_MSG_EMPTY, NULL, NULL, NULL);
        return -1;
    }
    char *s = NULL;
    if (config_json_string_value(ctx, it, path, &s) < 0)
        return -1;
    free(*out);
    *out = s;
    return 1;
}

int config_json_object(struct config_ctx *ctx, const cJSON *it, const char *path)
{
    if (cJSON_IsObject(it))
        return 1;
    config_json_type_err(ctx, path, it, CONFIG_MSG_EXPECT_OBJECT);
    return 0;
}

static void config_json_range_err(struct config_ctx *ctx, const char *path, double min,
                                  double max, double v)
{
    char a[32], b[32], c[32];
    snprintf(a, sizeof a, "%g", min);
    snprintf(b, sizeof b, "%g", max);
    snprintf(c, sizeof c, "%.10g", v);
    config_ctx_err(ctx, path, CONFIG_MSG_RANGE, a, b, c);
}

int config_json_double_value(struct config_ctx *ctx, const cJSON *it, const char *path,
                             double min, double max, double *out)
{
    if (!cJSON_IsNumber(it) || !isfinite(it->valuedouble))
        return config_json_type_err(ctx, path, it, CONFIG_MSG_EXPECT_NUMBER);
    if (it->valuedouble < min || it->valuedouble > max) {
        config_json_range_err(ctx, path, min, max, it->valuedouble);
        return -1;
    }
    *out = it->valuedouble;
    return 1;
}

int config_json_int_value(struct config_ctx *ctx, const cJSON *it, const char *path, int min,
                          int max, int *out)
{
    double v = cJSON_IsNumber(it) ? it->valuedouble : 0.5;
    if (!isfinite(v) || v != floor(v))
        return config_json_type_err(ctx, path, it, CONFIG_MSG_EXPECT_INT);
    if (v < min || v > max) {
        config_json_range_err(ctx, path, min, max, v);
        return -1;
    }
    *out = (int)v;
    return 1;
}

int config_json_bool_value(struct config_ctx *ctx, const cJSON *it, const char *path, int *out)
{
    if (!cJSON_IsBool(it))
        return config_json_type_err(ctx, path, it, CONFIG_MSG_EXPECT_BOOL);
    *out = cJSON_IsTrue(it) ? 1 : 0;
    return 1;
}

int config_json_count(struct config_ctx *ctx, const cJSON *arr, const char *path, int min,
                      int max)
{
    int n = cJSON_GetArraySize(arr);
    if (n >= min && n <= max)
        return 0;
    char a[16], b[16], c[16];
    snprintf(a, sizeof a, "%d", min);
    snprintf(b, sizeof b, "%d", max);
    snprintf(c, sizeof c, "%d", n);
    config_ctx_err(ctx, path, n == 0 && min > 0 ? CONFIG_MSG_EMPTY : CONFIG_MSG_ARRAY_COUNT, a, b, c);
    return -1;
}

int config_json_strings_value(struct config_ctx *ctx, const cJSON *arr, const char *path,
                              int min, int max, char ***out, int *n)
{
    if (!cJSON_IsArray(arr))
        return config_json_type_err(ctx, path, arr, CONFIG_MSG_EXPECT_ARRAY);
    if (config_json_count(ctx, arr, path, min, max) != 0)
        return -1;
    int cnt = cJSON_GetArraySize(arr), i = 0, bad = 0;
    char **v = calloc((size_t)cnt + 1, sizeof *v);
    if (!v)
        return -1;
    for (const cJSON *it = arr->child; it; it = it->next, i++) {
        char ip[CONFIG_PATH_MAX];
        jsonpath_index(ip, sizeof ip, path, i);
        if (config_json_string_value(ctx, it, ip, &v[i]) < 0)
            bad = 1;
        else if (!v[i][0]) {
            config_ctx_err(ctx, ip, CONFIG_MSG_EMPTY, NULL, NULL, NULL);
            bad = 1;
        }
    }
    if (bad) {
        config_strv_free(v, cnt);
        return -1;
    }
    config_strv_free(*out, *n);
    *out = v;
    *n = cnt;
    return 1;
}

static int config_json_lang_listed(const struct config *cfg, const char *lang)
{
    for (int i = 0; i < cfg->kiosk.n_languages; i++)
        if (strcmp(cfg->kiosk.languages[i], lang) == 0)
            return 1;
    return 0;
}

/* One {"lang": "text"} member of a localized text. */
static int config_json_ltext_entry(struct config_ctx *ctx, const cJSON *it, const char *path,
                                   struct ltext *out)
{
    const char *lang = it->string ? it->string : "";
    char child[CONFIG_PATH_MAX];
    jsonpath_key(child, sizeof child, path, lang);
    if (!lang[0] || strlen(lang) >= I18N_LANG_MAX) {
        config_ctx_report_key(ctx, CONFIG_ERROR, child, CONFIG_MSG_LANG_CODE, lang, NULL);
        return -1;
    }
    if (!cJSON_IsString(it) || !it->valuestring)
        return config_json_type_err(ctx, child, it, CONFIG_MSG_EXPECT_STRING);
    if (!it->valuestring[0]) {
        config_ctx_err(ctx, child, CONFIG_MSG_EMPTY, NULL, NULL, NULL);
        return -1;
    }
    if (ctx->langs_ok && !config_json_lang_listed(ctx->cfg, lang))
        config_ctx_report_key(ctx, CONFIG_ERROR, child, CONFIG_MSG_LANG_UNDECLARED, lang,
                              NULL);
    return ltext_add(out, lang, it->valuestring) == 0 ? 0 : -1;
}

int config_json_ltext_value(struct config_ctx *ctx, const cJSON *it, const char *path,
                            struct ltext *out)
{
    struct ltext t = {0, NULL};
    int bad = 0;
    if (cJSON_IsString(it) && it->valuestring) {
        if (!it->valuestring[0]) {
            config_ctx_err(ctx, path, CONFIG_MSG_EMPTY, NULL, NULL, NULL);
            return -1;
        }
        bad = ltext_add(&t, "", it->valuestring) != 0;
    } else if (cJSON_IsObject(it)) {
        if (!it->child) {
            config_ctx_err(ctx, path, CONFIG_MSG_EMPTY, NULL, NULL, NULL);
            return -1;
        }
        for (const cJSON *e = it->child; e; e = e->next)
            bad |= config_json_ltext_entry(ctx, e, path, &t) != 0;
        const char *def = ctx->cfg->kiosk.default_language;
        if (!bad && ctx->langs_ok && !ltext_has(&t, def)) {
            config_ctx_err(ctx, path, CONFIG_MSG_TEXT_NO_DEFAULT, def, NULL, NULL);
            bad = 1;
        }
    } else {
        return config_json_type_err(ctx, path, it, CONFIG_MSG_EXPECT_LTEXT);
    }
    if (bad) {
        ltext_free(&t);
        return -1;
    }
    ltext_free(out);
    *out = t;
    return 1;
}
