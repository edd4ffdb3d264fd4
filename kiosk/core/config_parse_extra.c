/* services[] (the area's joint services) and kpis[] (the vision's KPIs). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_int.h"

static const char *const config_parse_extra_service_keys[] = {
    "id", "title", "body", "url", "municipalities", NULL};
static const char *const config_parse_extra_kpi_keys[] = {"id", "title", "unit", "vision1",
                                                          "vision2", NULL};
static const char *const config_parse_extra_v1_keys[] = {"baseline", "actual", "target", NULL};
static const char *const config_parse_extra_v2_keys[] = {"baseline", "target", NULL};
static const char *const config_parse_extra_point_keys[] = {"value", "year", "note", NULL};

typedef void (*config_parse_extra_fn)(struct config_ctx *ctx, const cJSON *obj,
                                      const char *path, void *elem);

/* An optional array of objects root[key] with at most max entries, each
 * read by fn into elem-sized slots of a new array (*out, *n). */
static void config_parse_extra_list(struct config_ctx *ctx, const cJSON *root, const char *key,
                                    int max, size_t elem, void **out, int *n,
                                    config_parse_extra_fn fn)
{
    char path[CONFIG_PATH_MAX];
    const cJSON *arr;
    char ex[96];
    if (config_json_get(ctx, root, "", key, 0, path, &arr) <= 0)
        return;
    if (!cJSON_IsArray(arr)) {
        config_ctx_err(ctx, path, CONFIG_MSG_EXPECT_ARRAY,
                       config_json_excerpt(arr, ex, sizeof ex), NULL, NULL);
        return;
    }
    if (config_json_count(ctx, arr, path, 0, max) != 0)
        return;
    int cnt = cJSON_GetArraySize(arr), i = 0;
    char *items = calloc((size_t)cnt + 1, elem);
    if (!items)
        return;
    *out = items;
    *n = cnt;
    for (const cJSON *it = arr->child; it; it = it->next, i++) {
        char ip[CONFIG_PATH_MAX];
        jsonpos_path_index(ip, sizeof ip, path, i);
        if (cJSON_IsObject(it))
            fn(ctx, it, ip, items + (size_t)i * elem);
        else
            config_ctx_err(ctx, ip, CONFIG_MSG_EXPECT_OBJECT,
                           config_json_excerpt(it, ex, sizeof ex), NULL, NULL);
    }
}

static void config_parse_extra_service(struct config_ctx *ctx, const cJSON *obj,
                                       const char *path, void *elem)
{
    struct config_service *s = elem;
    config_json_keys(ctx, obj, path, config_parse_extra_service_keys);
    config_parse_id(ctx, obj, path, &s->id);
    config_json_ltext(ctx, obj, path, "title", 1, &s->title);
    config_json_ltext(ctx, obj, path, "body", 1, &s->body);
    if (config_json_string(ctx, obj, path, "url", 0, &s->url) == 1) {
        char child[CONFIG_PATH_MAX];
        jsonpos_path_key(child, sizeof child, path, "url");
        config_url_check(ctx, s->url, child, CONFIG_URL_WEB);
    }
    config_json_strings(ctx, obj, path, "municipalities", 0, 0, 64, &s->municipalities,
                        &s->n_municipalities);
}

static void config_parse_extra_point(struct config_ctx *ctx, const cJSON *obj, const char *path,
                                     const char *key, struct config_kpi_value *v)
{
    char child[CONFIG_PATH_MAX];
    const cJSON *it;
    char ex[96];
    if (config_json_get(ctx, obj, path, key, 0, child, &it) <= 0)
        return;
    if (!cJSON_IsObject(it)) {
        config_ctx_err(ctx, child, CONFIG_MSG_EXPECT_OBJECT,
                       config_json_excerpt(it, ex, sizeof ex), NULL, NULL);
        return;
    }
    config_json_keys(ctx, it, child, config_parse_extra_point_keys);
    int has_value = config_json_double(ctx, it, child, "value", -1e15, 1e15, &v->value);
    config_json_int(ctx, it, child, "year", 1900, 2100, &v->year);
    int has_note = config_json_ltext(ctx, it, child, "note", 0, &v->note);
    if (has_value == 0 && has_note == 0)
        config_ctx_err(ctx, child, CONFIG_MSG_KPI_POINT_EMPTY, NULL, NULL, NULL);
    v->present = has_value == 1 || has_note == 1;
    v->has_value = has_value == 1;
}

static const cJSON *config_parse_extra_vision(struct config_ctx *ctx, const cJSON *obj,
                                              const char *path, const char *key,
                                              const char *const *keys, char *child)
{
    const cJSON *it;
    char ex[96];
    if (config_json_get(ctx, obj, path, key, 0, child, &it) <= 0)
        return NULL;
    if (!cJSON_IsObject(it)) {
        config_ctx_err(ctx, child, CONFIG_MSG_EXPECT_OBJECT,
                       config_json_excerpt(it, ex, sizeof ex), NULL, NULL);
        return NULL;
    }
    config_json_keys(ctx, it, child, keys);
    return it;
}

static void config_parse_extra_kpi(struct config_ctx *ctx, const cJSON *obj, const char *path,
                                   void *elem)
{
    struct config_kpi *k = elem;
    char vp[CONFIG_PATH_MAX];
    config_json_keys(ctx, obj, path, config_parse_extra_kpi_keys);
    config_parse_id(ctx, obj, path, &k->id);
    config_json_ltext(ctx, obj, path, "title", 1, &k->title);
    config_json_ltext(ctx, obj, path, "unit", 0, &k->unit);
    const cJSON *v1 =
        config_parse_extra_vision(ctx, obj, path, "vision1", config_parse_extra_v1_keys, vp);
    if (v1) {
        config_parse_extra_point(ctx, v1, vp, "baseline", &k->v1_baseline);
        config_parse_extra_point(ctx, v1, vp, "actual", &k->v1_actual);
        config_parse_extra_point(ctx, v1, vp, "target", &k->v1_target);
    }
    const cJSON *v2 =
        config_parse_extra_vision(ctx, obj, path, "vision2", config_parse_extra_v2_keys, vp);
    if (v2) {
        config_parse_extra_point(ctx, v2, vp, "baseline", &k->v2_baseline);
        config_parse_extra_point(ctx, v2, vp, "target", &k->v2_target);
    }
}

void config_parse_services(struct config_ctx *ctx, const cJSON *root)
{
    void *items = NULL;
    config_parse_extra_list(ctx, root, "services", 100, sizeof(struct config_service), &items,
                            &ctx->cfg->n_services, config_parse_extra_service);
    ctx->cfg->services = items;
}

void config_parse_kpis(struct config_ctx *ctx, const cJSON *root)
{
    void *items = NULL;
    config_parse_extra_list(ctx, root, "kpis", 32, sizeof(struct config_kpi), &items,
                            &ctx->cfg->n_kpis, config_parse_extra_kpi);
    ctx->cfg->kpis = items;
}
