/* The top of the file, the kiosk section and the call section. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_int.h"
#include "urlrule.h"

static const char *const config_parse_root_keys[] = {
    "$schema", "kiosk", "call", "municipalities", "services", "kpis", NULL};
static const char *const config_parse_kiosk_keys[] = {
    "id", "title", "tagline", "languages", "default_language", "idle_timeout_s", "fullscreen",
    "admin_pin_sha256", "fonts", "stats_path", "metrics_path", "display_inches", "rotation",
    NULL};
static const char *const config_parse_call_keys[] = {
    "launcher", "allowed_hosts", "max_minutes", "connect_timeout_s", "poll_interval_s", "require_devices", NULL};

/* ja, en, zh-Hant, ja-easy: 2-3 letters, then -parts of 1..8 letters/digits. */
int config_parse_lang_ok(const char *s)
{
    size_t len = strlen(s), part = 0;
    if (len < 2 || len >= I18N_LANG_MAX)
        return 0;
    for (size_t i = 0, p = 0; i <= len; i++) {
        char c = s[i];
        if (c == '-' || c == '\0') {
            if ((p == 0 && (part < 2 || part > 3)) || part < 1 || part > 8)
                return 0;
            p++;
            part = 0;
        } else if (isalnum((unsigned char)c) && (p > 0 || isalpha((unsigned char)c))) {
            part++;
        } else {
            return 0;
        }
    }
    return 1;
}

/* [a-z0-9-]+, at most 64 characters. */
static int config_parse_id_ok(const char *s)
{
    size_t len = strlen(s);
    if (len == 0 || len > 64)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
            return 0;
    return 1;
}

int config_parse_id(struct config_ctx *ctx, const cJSON *obj, const char *path, char **out)
{
    int rc = config_json_string(ctx, obj, path, "id", 1, out);
    if (rc == 1 && !config_parse_id_ok(*out)) {
        char child[CONFIG_PATH_MAX];
        jsonpos_path_key(child, sizeof child, path, "id");
        config_ctx_err(ctx, child, CONFIG_MSG_ID_FORMAT, *out, NULL, NULL);
        return -1;
    }
    return rc;
}

static void config_parse_languages(struct config_ctx *ctx, const cJSON *obj)
{
    struct config_kiosk *k = &ctx->cfg->kiosk;
    char **v = NULL;
    int n = 0, bad = 0;
    if (config_json_strings(ctx, obj, "kiosk", "languages", 1, 1, CONFIG_MAX_LANGS, &v, &n) != 1)
        return;
    for (int i = 0; i < n; i++) {
        char path[CONFIG_PATH_MAX];
        jsonpos_path_index(path, sizeof path, "kiosk.languages", i);
        int dup = 0;
        for (int j = 0; j < i; j++)
            dup |= strcmp(v[i], v[j]) == 0;
        if (!config_parse_lang_ok(v[i]) || dup) {
            config_ctx_err(ctx, path, dup ? CONFIG_MSG_LANG_DUP : CONFIG_MSG_LANG_CODE, v[i],
                           NULL, NULL);
            bad = 1;
            continue;
        }
        memcpy(k->languages[i], v[i], strlen(v[i]) + 1);
    }
    if (!bad)
        k->n_languages = n;
    config_json_strv_free(v, n);
}

static void config_parse_default_language(struct config_ctx *ctx, const cJSON *obj)
{
    struct config_kiosk *k = &ctx->cfg->kiosk;
    char *def = NULL;
    int rc = config_json_string(ctx, obj, "kiosk", "default_language", 0, &def);
    if (rc == 0 && k->n_languages > 0) {
        memcpy(k->default_language, k->languages[0], sizeof k->default_language);
        ctx->langs_ok = 1;
    } else if (rc == 1 && k->n_languages > 0) {
        int found = 0;
        for (int i = 0; i < k->n_languages; i++)
            found |= strcmp(k->languages[i], def) == 0;
        if (found) {
            memcpy(k->default_language, def, strlen(def) + 1);
            ctx->langs_ok = 1;
        } else {
            config_ctx_err(ctx, "kiosk.default_language", CONFIG_MSG_LANG_NOT_LISTED, def, NULL,
                           NULL);
        }
    }
    free(def);
}

static int config_parse_font_chain(struct config_ctx *ctx, const cJSON *it,
                                   struct config_font_chain *fc)
{
    const char *lang = it->string ? it->string : "";
    char path[CONFIG_PATH_MAX];
    jsonpos_path_key(path, sizeof path, "kiosk.fonts", lang);
    int is_default = strcmp(lang, "default") == 0;
    if (!is_default && !config_parse_lang_ok(lang)) {
        config_ctx_report_key(ctx, CONFIG_ERROR, path, CONFIG_MSG_LANG_CODE, lang, NULL);
        return -1;
    }
    int listed = is_default;
    for (int i = 0; i < ctx->cfg->kiosk.n_languages; i++)
        listed |= strcmp(ctx->cfg->kiosk.languages[i], lang) == 0;
    if (!listed && ctx->cfg->kiosk.n_languages > 0)
        config_ctx_report_key(ctx, CONFIG_WARNING, path, CONFIG_MSG_LANG_NOT_LISTED, lang, NULL);
    if (!is_default)
        memcpy(fc->lang, lang, strlen(lang) + 1);
    return config_json_strings_value(ctx, it, path, 1, 8, &fc->files, &fc->n) == 1 ? 0 : -1;
}

static void config_parse_fonts(struct config_ctx *ctx, const cJSON *obj)
{
    char path[CONFIG_PATH_MAX];
    const cJSON *fonts;
    if (config_json_get(ctx, obj, "kiosk", "fonts", 0, path, &fonts) <= 0)
        return;
    if (!cJSON_IsObject(fonts)) {
        char ex[96];
        config_ctx_err(ctx, path, CONFIG_MSG_EXPECT_OBJECT,
                       config_json_excerpt(fonts, ex, sizeof ex), NULL, NULL);
        return;
    }
    int n = cJSON_GetArraySize(fonts);
    struct config_kiosk *k = &ctx->cfg->kiosk;
    k->fonts = calloc((size_t)n + 1, sizeof *k->fonts);
    if (!k->fonts)
        return;
    for (const cJSON *it = fonts->child; it; it = it->next) {
        struct config_font_chain *fc = &k->fonts[k->n_fonts];
        if (config_parse_font_chain(ctx, it, fc) == 0) {
            k->n_fonts++;
            continue;
        }
        config_json_strv_free(fc->files, fc->n);
        memset(fc, 0, sizeof *fc);
    }
}

static void config_parse_pin(struct config_ctx *ctx, const cJSON *obj)
{
    char **pin = &ctx->cfg->kiosk.admin_pin_sha256;
    if (config_json_string(ctx, obj, "kiosk", "admin_pin_sha256", 0, pin) != 1)
        return;
    size_t len = strlen(*pin), hex = 0;
    while (hex < len && isxdigit((unsigned char)(*pin)[hex]))
        hex++;
    if (len != 64 || hex != 64) {
        config_ctx_err(ctx, "kiosk.admin_pin_sha256", CONFIG_MSG_PIN, NULL, NULL, NULL);
        free(*pin);
        *pin = NULL;
    }
}

static void config_parse_kiosk_numbers(struct config_ctx *ctx, const cJSON *obj)
{
    struct config_kiosk *k = &ctx->cfg->kiosk;
    config_json_int(ctx, obj, "kiosk", "idle_timeout_s", 15, 3600, &k->idle_timeout_s);
    config_json_bool(ctx, obj, "kiosk", "fullscreen", &k->fullscreen);
    config_json_double(ctx, obj, "kiosk", "display_inches", 7, 100, &k->display_inches);
    int rot = 0;
    if (config_json_int(ctx, obj, "kiosk", "rotation", -100000, 100000, &rot) == 1) {
        if (rot == 0 || rot == 90 || rot == 180 || rot == 270)
            k->rotation = rot;
        else {
            char v[16];
            snprintf(v, sizeof v, "%d", rot);
            config_ctx_err(ctx, "kiosk.rotation", CONFIG_MSG_ROTATION, v, NULL, NULL);
        }
    }
}

static void config_parse_kiosk(struct config_ctx *ctx, const cJSON *obj)
{
    struct config_kiosk *k = &ctx->cfg->kiosk;
    config_json_keys(ctx, obj, "kiosk", config_parse_kiosk_keys);
    config_parse_id(ctx, obj, "kiosk", &k->id);
    config_parse_languages(ctx, obj);
    config_parse_default_language(ctx, obj);
    config_json_ltext(ctx, obj, "kiosk", "title", 1, &k->title);
    config_json_ltext(ctx, obj, "kiosk", "tagline", 0, &k->tagline);
    config_parse_kiosk_numbers(ctx, obj);
    config_parse_pin(ctx, obj);
    config_parse_fonts(ctx, obj);
    config_json_string(ctx, obj, "kiosk", "stats_path", 0, &k->stats_path);
    config_json_string(ctx, obj, "kiosk", "metrics_path", 0, &k->metrics_path);
}

static void config_parse_hosts(struct config_ctx *ctx, const cJSON *obj)
{
    struct config_call *c = &ctx->cfg->call;
    if (config_json_strings(ctx, obj, "call", "allowed_hosts", 0, 0, 64, &c->allowed_hosts,
                            &c->n_allowed_hosts) != 1)
        return;
    for (int i = 0; i < c->n_allowed_hosts; i++) {
        if (urlrule_pattern_ok(c->allowed_hosts[i]))
            continue;
        char path[CONFIG_PATH_MAX];
        jsonpos_path_index(path, sizeof path, "call.allowed_hosts", i);
        config_ctx_err(ctx, path, CONFIG_MSG_HOST_PATTERN, c->allowed_hosts[i], NULL, NULL);
    }
}

static void config_parse_call(struct config_ctx *ctx, const cJSON *obj)
{
    struct config_call *c = &ctx->cfg->call;
    config_json_keys(ctx, obj, "call", config_parse_call_keys);
    if (config_json_strings(ctx, obj, "call", "launcher", 0, 1, 64, &c->launcher, &c->n_launcher) ==
        1)
        config_url_check_launcher(ctx, c->launcher, c->n_launcher, "call.launcher");
    config_parse_hosts(ctx, obj);
    config_json_int(ctx, obj, "call", "max_minutes", 1, 240, &c->max_minutes);
    config_json_int(ctx, obj, "call", "connect_timeout_s", 1, 60, &c->connect_timeout_s);
    config_json_int(ctx, obj, "call", "poll_interval_s", 2, 3600, &c->poll_interval_s);
    config_json_bool(ctx, obj, "call", "require_devices", &c->require_devices);
}

/* A section that must be an object when present. */
static const cJSON *config_parse_section(struct config_ctx *ctx, const cJSON *root,
                                         const char *key, int required)
{
    char path[CONFIG_PATH_MAX];
    const cJSON *it;
    if (config_json_get(ctx, root, "", key, required, path, &it) <= 0)
        return NULL;
    if (cJSON_IsObject(it))
        return it;
    char ex[96];
    config_ctx_err(ctx, path, CONFIG_MSG_EXPECT_OBJECT, config_json_excerpt(it, ex, sizeof ex),
                   NULL, NULL);
    return NULL;
}

void config_parse_root(struct config_ctx *ctx, const cJSON *root)
{
    if (!cJSON_IsObject(root)) {
        config_ctx_err(ctx, "", CONFIG_MSG_NOT_OBJECT, NULL, NULL, NULL);
        return;
    }
    config_json_keys(ctx, root, "", config_parse_root_keys);
    const cJSON *kiosk = config_parse_section(ctx, root, "kiosk", 1);
    if (kiosk)
        config_parse_kiosk(ctx, kiosk);
    const cJSON *call = config_parse_section(ctx, root, "call", 0);
    if (call)
        config_parse_call(ctx, call);
    config_parse_municipalities(ctx, root);
    config_parse_services(ctx, root);
    config_parse_kpis(ctx, root);
}
