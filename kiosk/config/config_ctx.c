/* Reporting a problem while loading: placed at the value (or key) of a
 * JSON path through the position index, counted, collected. */
#include "config_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The name a clerk knows a municipality by: its English name, else the
 * Japanese one, else its first text; NULL when it has none. */
static const char *config_ctx_muni_name(const cJSON *muni)
{
    const cJSON *name = cJSON_IsObject(muni) ? cJSON_GetObjectItemCaseSensitive(muni, "name") : NULL;
    if (cJSON_IsString(name))
        return name->valuestring;
    if (!cJSON_IsObject(name))
        return NULL;
    static const char *const order[] = {"en", "ja"};
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        const cJSON *t = cJSON_GetObjectItemCaseSensitive(name, order[i]);
        if (cJSON_IsString(t) && t->valuestring[0])
            return t->valuestring;
    }
    for (const cJSON *t = name->child; t; t = t->next)
        if (cJSON_IsString(t) && t->valuestring[0])
            return t->valuestring;
    return NULL;
}

/* path with the municipality's name after its index, so a clerk need not
 * count: "municipalities[2] (Iwamizawa).hours.sat". Other paths as they are. */
static const char *config_ctx_named_path(const struct config_ctx *ctx, const char *path,
                                         char *buf, size_t bufsz)
{
    static const char prefix[] = "municipalities[";
    if (!ctx->root || strncmp(path, prefix, sizeof prefix - 1) != 0)
        return path;
    const char *num = path + sizeof prefix - 1;
    char *end = NULL;
    long idx = strtol(num, &end, 10);
    if (end == num || *end != ']' || idx < 0)
        return path;
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(ctx->root, "municipalities");
    const char *name = cJSON_IsArray(list) ? config_ctx_muni_name(cJSON_GetArrayItem(list, (int)idx))
                                           : NULL;
    if (!name)
        return path;
    int n = snprintf(buf, bufsz, "%.*s (%s)%s", (int)(end + 1 - path), path, name, end + 1);
    return n > 0 && (size_t)n < bufsz ? buf : path;
}

static void config_ctx_report(struct config_ctx *ctx, enum config_severity sev, int key,
                              const char *path, enum config_msg msg, const char *a1,
                              const char *a2, const char *a3)
{
    int line = 0, col = 0;
    if (key)
        jsonpos_find_key(ctx->pos, path, &line, &col);
    else
        jsonpos_find(ctx->pos, path, &line, &col);
    if (sev == CONFIG_ERROR)
        ctx->errors++;
    char named[CONFIG_PATH_MAX];
    config_diags_add(ctx->diags, sev, line, col, config_ctx_named_path(ctx, path, named, sizeof named),
                     msg, a1, a2, a3);
}

void config_ctx_err(struct config_ctx *ctx, const char *path, enum config_msg msg, const char *a1,
                    const char *a2, const char *a3)
{
    config_ctx_report(ctx, CONFIG_ERROR, 0, path, msg, a1, a2, a3);
}

void config_ctx_warn(struct config_ctx *ctx, const char *path, enum config_msg msg,
                     const char *a1, const char *a2, const char *a3)
{
    config_ctx_report(ctx, CONFIG_WARNING, 0, path, msg, a1, a2, a3);
}

void config_ctx_report_key(struct config_ctx *ctx, enum config_severity sev, const char *path,
                           enum config_msg msg, const char *a1, const char *a2)
{
    config_ctx_report(ctx, sev, 1, path, msg, a1, a2, NULL);
}
