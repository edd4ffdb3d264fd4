/* municipalities[]: the tiles, their hours and their video call. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_int.h"

#define CONFIG_PARSE_MUNI_MAX 64

static const char *const config_parse_muni_keys[] = {
    "id", "name", "color", "emblem", "website", "services", "hours", "closed_dates", "call",
    NULL};
static const char *const config_parse_muni_call_keys[] = {"url", "status_url", "notify_url",
                                                          NULL};

static int config_parse_muni_hex(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static void config_parse_muni_color(struct config_ctx *ctx, const cJSON *obj, const char *path,
                                    uint32_t *out)
{
    char *s = NULL;
    if (config_json_string(ctx, obj, path, "color", 1, &s) != 1)
        return;
    uint32_t v = 0;
    int ok = strlen(s) == 7 && s[0] == '#';
    for (int i = 1; ok && i < 7; i++) {
        int h = config_parse_muni_hex(s[i]);
        ok = h >= 0;
        v = v * 16 + (uint32_t)(h >= 0 ? h : 0);
    }
    if (ok)
        *out = v;
    else {
        char child[CONFIG_PATH_MAX];
        jsonpos_path_key(child, sizeof child, path, "color");
        config_ctx_err(ctx, child, CONFIG_MSG_COLOR, s, NULL, NULL);
    }
    free(s);
}

static void config_parse_muni_url(struct config_ctx *ctx, const cJSON *obj, const char *path,
                                  const char *key, int required, enum config_url_kind kind,
                                  char **out)
{
    if (config_json_string(ctx, obj, path, key, required, out) != 1)
        return;
    char child[CONFIG_PATH_MAX];
    jsonpos_path_key(child, sizeof child, path, key);
    config_url_check(ctx, *out, child, kind);
}

static void config_parse_muni_call(struct config_ctx *ctx, const cJSON *obj, const char *path,
                                   struct config_municipality *m)
{
    char child[CONFIG_PATH_MAX];
    const cJSON *call;
    if (config_json_get(ctx, obj, path, "call", 0, child, &call) <= 0)
        return;
    m->has_call = 1;
    if (!cJSON_IsObject(call)) {
        char ex[96];
        config_ctx_err(ctx, child, CONFIG_MSG_EXPECT_OBJECT,
                       config_json_excerpt(call, ex, sizeof ex), NULL, NULL);
        return;
    }
    config_json_keys(ctx, call, child, config_parse_muni_call_keys);
    config_parse_muni_url(ctx, call, child, "url", 1, CONFIG_URL_CALL, &m->call.url);
    config_parse_muni_url(ctx, call, child, "status_url", 0, CONFIG_URL_WEB, &m->call.status_url);
    config_parse_muni_url(ctx, call, child, "notify_url", 0, CONFIG_URL_WEB, &m->call.notify_url);
}

static void config_parse_muni_services(struct config_ctx *ctx, const cJSON *obj,
                                       const char *path, struct config_municipality *m)
{
    char child[CONFIG_PATH_MAX];
    const cJSON *arr;
    if (config_json_get(ctx, obj, path, "services", 0, child, &arr) <= 0)
        return;
    if (!cJSON_IsArray(arr)) {
        char ex[96];
        config_ctx_err(ctx, child, CONFIG_MSG_EXPECT_ARRAY,
                       config_json_excerpt(arr, ex, sizeof ex), NULL, NULL);
        return;
    }
    if (config_json_count(ctx, arr, child, 0, 32) != 0)
        return;
    int n = cJSON_GetArraySize(arr), i = 0;
    m->services = calloc((size_t)n + 1, sizeof *m->services);
    if (!m->services)
        return;
    m->n_services = n;
    for (const cJSON *it = arr->child; it; it = it->next, i++) {
        char ip[CONFIG_PATH_MAX];
        jsonpos_path_index(ip, sizeof ip, child, i);
        config_json_ltext_value(ctx, it, ip, &m->services[i]);
    }
}

static void config_parse_muni_hours(struct config_ctx *ctx, const cJSON *obj, const char *path,
                                    struct config_municipality *m)
{
    char child[CONFIG_PATH_MAX];
    const cJSON *it;
    if (config_json_get(ctx, obj, path, "hours", 0, child, &it) > 0)
        m->has_hours = config_hours_parse(ctx, it, child, &m->hours) == 0;
    if (config_json_get(ctx, obj, path, "closed_dates", 0, child, &it) > 0)
        config_hours_dates(ctx, it, child, &m->closed_dates, &m->n_closed_dates);
}

static void config_parse_muni(struct config_ctx *ctx, const cJSON *obj, const char *path,
                              struct config_municipality *m)
{
    config_json_keys(ctx, obj, path, config_parse_muni_keys);
    config_parse_id(ctx, obj, path, &m->id);
    config_json_ltext(ctx, obj, path, "name", 1, &m->name);
    config_parse_muni_color(ctx, obj, path, &m->color);
    config_json_string(ctx, obj, path, "emblem", 0, &m->emblem);
    config_parse_muni_url(ctx, obj, path, "website", 0, CONFIG_URL_WEB, &m->website);
    config_parse_muni_services(ctx, obj, path, m);
    config_parse_muni_hours(ctx, obj, path, m);
    config_parse_muni_call(ctx, obj, path, m);
}

void config_parse_municipalities(struct config_ctx *ctx, const cJSON *root)
{
    char path[CONFIG_PATH_MAX];
    const cJSON *arr;
    if (config_json_get(ctx, root, "", "municipalities", 1, path, &arr) <= 0)
        return;
    if (!cJSON_IsArray(arr)) {
        char ex[96];
        config_ctx_err(ctx, path, CONFIG_MSG_EXPECT_ARRAY,
                       config_json_excerpt(arr, ex, sizeof ex), NULL, NULL);
        return;
    }
    if (config_json_count(ctx, arr, path, 1, CONFIG_PARSE_MUNI_MAX) != 0)
        return;
    int n = cJSON_GetArraySize(arr), i = 0;
    struct config *cfg = ctx->cfg;
    cfg->municipalities = calloc((size_t)n, sizeof *cfg->municipalities);
    if (!cfg->municipalities)
        return;
    cfg->n_municipalities = n; /* index i stays municipalities[i] of the file */
    for (const cJSON *it = arr->child; it; it = it->next, i++) {
        char ip[CONFIG_PATH_MAX];
        jsonpos_path_index(ip, sizeof ip, path, i);
        if (cJSON_IsObject(it)) {
            config_parse_muni(ctx, it, ip, &cfg->municipalities[i]);
            continue;
        }
        char ex[96];
        config_ctx_err(ctx, ip, CONFIG_MSG_EXPECT_OBJECT, config_json_excerpt(it, ex, sizeof ex),
                       NULL, NULL);
    }
}
