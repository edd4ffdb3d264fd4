/* Reporting a problem while loading: placed at the value (or key) of a
 * JSON path through the position index, counted, collected. */
#include "config_int.h"

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
    config_diags_add(ctx->diags, sev, line, col, path, msg, a1, a2, a3);
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
