/* A document from fleet.config_url made into the config the kiosk runs:
 * the remote decides municipalities, services, KPIs and the call section;
 * the kiosk's own file keeps its kiosk and fleet sections and the two
 * call keys that decide what a call may open (launcher, allowed_hosts).
 * A remote that tries to set those is refused as a whole: a document
 * that reaches for them is not trusted for the rest either. */
#include <stddef.h>

#include "config_int.h"

/* The local section key replaces the remote's (a warning when the remote
 * had one: it is not what will run). */
static void config_remote_section(struct config_ctx *ctx, cJSON *root, const cJSON *local,
                                  const char *key)
{
    if (cJSON_GetObjectItemCaseSensitive(root, key)) {
        config_ctx_warn(ctx, key, CONFIG_MSG_REMOTE_IGNORED, key, NULL, NULL);
        cJSON_DeleteItemFromObjectCaseSensitive(root, key);
    }
    const cJSON *mine = cJSON_GetObjectItemCaseSensitive(local, key);
    cJSON *copy = mine ? cJSON_Duplicate(mine, 1) : NULL;
    if (copy)
        cJSON_AddItemToObject(root, key, copy);
}

/* call.key is refused when the remote sets it, then taken from local. */
static int config_remote_local_only(struct config_ctx *ctx, cJSON *call, const cJSON *lcall,
                                    const char *key)
{
    char path[CONFIG_PATH_MAX];
    int refused = 0;
    jsonpath_key(path, sizeof path, "call", key);
    if (cJSON_GetObjectItemCaseSensitive(call, key)) {
        config_ctx_err(ctx, path, CONFIG_MSG_REMOTE_LOCAL_ONLY, path, NULL, NULL);
        cJSON_DeleteItemFromObjectCaseSensitive(call, key);
        refused = 1;
    }
    const cJSON *mine = cJSON_GetObjectItemCaseSensitive(lcall, key);
    cJSON *copy = mine ? cJSON_Duplicate(mine, 1) : NULL;
    if (copy)
        cJSON_AddItemToObject(call, key, copy);
    return refused;
}

int config_remote_merge(struct config_ctx *ctx, cJSON *root, const cJSON *local)
{
    if (!cJSON_IsObject(root) || !cJSON_IsObject(local))
        return 0; /* the loader reports a document that is not an object */
    config_remote_section(ctx, root, local, "kiosk");
    config_remote_section(ctx, root, local, "fleet");
    const cJSON *lcall = cJSON_GetObjectItemCaseSensitive(local, "call");
    cJSON *call = cJSON_GetObjectItemCaseSensitive(root, "call");
    if (!call && cJSON_IsObject(lcall)) {
        call = cJSON_CreateObject();
        if (call)
            cJSON_AddItemToObject(root, "call", call);
    }
    if (!cJSON_IsObject(call))
        return 0; /* a wrong type is the reader's to report */
    int refused = config_remote_local_only(ctx, call, lcall, "launcher");
    refused += config_remote_local_only(ctx, call, lcall, "allowed_hosts");
    return refused;
}
