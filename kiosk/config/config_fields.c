/* Readers and checks named by the option tables (config_tables.c). */
#include "config_fields.h"
#include "pinhash.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "urlrule.h"

static void *config_fields_at(void *base, size_t offset) { return (char *)base + offset; }

/* ja, en, zh-Hant, ja-easy: 2-3 letters, then -parts of 1..8 letters/digits. */
static int config_fields_lang_ok(const char *s)
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
static int config_fields_id_ok(const char *s)
{
    size_t len = strlen(s);
    if (len == 0 || len > 64)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
            return 0;
    return 1;
}

void config_fields_id(struct config_ctx *ctx, const char *path, void *base,
                      const struct config_opt *row)
{
    const char *id = *(char **)config_fields_at(base, row->offset);
    if (!config_fields_id_ok(id))
        config_ctx_err(ctx, path, CONFIG_MSG_ID_FORMAT, id, NULL, NULL);
}

/* Valid and distinct codes; the first is the default language until
 * default_language (read next) says otherwise. */
int config_fields_languages(struct config_ctx *ctx, const cJSON *it, const char *path,
                            void *base, const struct config_opt *row)
{
    struct config_kiosk *k = base;
    char **v = NULL;
    int n = 0, bad = 0;
    if (config_json_strings_value(ctx, it, path, (int)row->min, (int)row->max, &v, &n) != 1)
        return -1;
    for (int i = 0; i < n; i++) {
        char ip[CONFIG_PATH_MAX];
        jsonpath_index(ip, sizeof ip, path, i);
        int dup = 0;
        for (int j = 0; j < i; j++)
            dup |= strcmp(v[i], v[j]) == 0;
        if (!config_fields_lang_ok(v[i]) || dup) {
            config_ctx_err(ctx, ip, dup ? CONFIG_MSG_LANG_DUP : CONFIG_MSG_LANG_CODE, v[i], NULL,
                           NULL);
            bad = 1;
            continue;
        }
        memcpy(k->languages[i], v[i], strlen(v[i]) + 1);
    }
    if (!bad) {
        k->n_languages = n;
        memcpy(k->default_language, k->languages[0], sizeof k->default_language);
        ctx->langs_ok = 1;
    }
    config_strv_free(v, n);
    return bad ? -1 : 1;
}

int config_fields_default_language(struct config_ctx *ctx, const cJSON *it, const char *path,
                                   void *base, const struct config_opt *row)
{
    struct config_kiosk *k = base;
    char *def = NULL;
    (void)row;
    ctx->langs_ok = 0;
    if (config_json_text_value(ctx, it, path, &def) != 1)
        return -1;
    int found = 0;
    for (int i = 0; i < k->n_languages; i++)
        found |= strcmp(k->languages[i], def) == 0;
    if (found) {
        memcpy(k->default_language, def, strlen(def) + 1);
        ctx->langs_ok = 1;
    } else if (k->n_languages > 0) {
        config_ctx_err(ctx, path, CONFIG_MSG_LANG_NOT_LISTED, def, NULL, NULL);
    }
    free(def);
    return found || k->n_languages == 0 ? 1 : -1;
}

static int config_fields_font_chain(struct config_ctx *ctx, const cJSON *it, const char *fonts,
                                    struct config_font_chain *fc)
{
    const char *lang = it->string ? it->string : "";
    const struct config_kiosk *k = &ctx->cfg->kiosk;
    char path[CONFIG_PATH_MAX];
    jsonpath_key(path, sizeof path, fonts, lang);
    int is_default = strcmp(lang, "default") == 0;
    if (!is_default && !config_fields_lang_ok(lang)) {
        config_ctx_report_key(ctx, CONFIG_ERROR, path, CONFIG_MSG_LANG_CODE, lang, NULL);
        return -1;
    }
    int listed = is_default;
    for (int i = 0; i < k->n_languages; i++)
        listed |= strcmp(k->languages[i], lang) == 0;
    if (!listed && k->n_languages > 0)
        config_ctx_report_key(ctx, CONFIG_WARNING, path, CONFIG_MSG_LANG_NOT_LISTED, lang, NULL);
    if (!is_default)
        memcpy(fc->lang, lang, strlen(lang) + 1);
    return config_json_strings_value(ctx, it, path, 1, 8, &fc->files, &fc->n) == 1 ? 0 : -1;
}

int config_fields_fonts(struct config_ctx *ctx, const cJSON *it, const char *path, void *base,
                        const struct config_opt *row)
{
    struct config_kiosk *k = base;
    (void)row;
    if (!config_json_object(ctx, it, path))
        return -1;
    k->fonts = calloc((size_t)cJSON_GetArraySize(it) + 1, sizeof *k->fonts);
    if (!k->fonts)
        return -1;
    for (const cJSON *e = it->child; e; e = e->next) {
        struct config_font_chain *fc = &k->fonts[k->n_fonts];
        if (config_fields_font_chain(ctx, e, path, fc) == 0) {
            k->n_fonts++;
            continue;
        }
        config_strv_free(fc->files, fc->n);
        memset(fc, 0, sizeof *fc);
    }
    return 1;
}

/* 64 hex digits, else reported and dropped (no admin screen). */
void config_fields_pin(struct config_ctx *ctx, const char *path, void *base,
                       const struct config_opt *row)
{
    char **pin = config_fields_at(base, row->offset);
    enum pinhash_kind kind = pinhash_kind(*pin);
    if (kind != PINHASH_INVALID) {
        if (kind == PINHASH_SHA256_LEGACY)
            config_ctx_warn(ctx, path, CONFIG_MSG_PIN_LEGACY, NULL, NULL, NULL);
        if (!ctx->opts->defer_pin_check &&
            pinhash_verify(PINHASH_EXAMPLE_PIN, sizeof PINHASH_EXAMPLE_PIN - 1, *pin))
            config_ctx_warn(ctx, path, CONFIG_MSG_PIN_EXAMPLE, NULL, NULL, NULL);
        return;
    }
    config_ctx_err(ctx, path, CONFIG_MSG_PIN, NULL, NULL, NULL);
    free(*pin);
    *pin = NULL;
}

int config_check_pin_example(const struct config *cfg, struct config_diags *diags)
{
    const char *pin = cfg->kiosk.admin_pin_sha256;
    if (!pin || !pinhash_verify(PINHASH_EXAMPLE_PIN, sizeof PINHASH_EXAMPLE_PIN - 1, pin))
        return 0;
    config_diags_add(diags, CONFIG_WARNING, 0, 0, "kiosk.admin_pin_sha256", CONFIG_MSG_PIN_EXAMPLE,
                     NULL, NULL, NULL);
    return 1;
}

void config_fields_hosts(struct config_ctx *ctx, const char *path, void *base,
                         const struct config_opt *row)
{
    char **hosts = *(char ***)config_fields_at(base, row->offset);
    int n = *(int *)config_fields_at(base, row->count_offset);
    for (int i = 0; i < n; i++) {
        if (urlrule_pattern_ok(hosts[i]))
            continue;
        char ip[CONFIG_PATH_MAX];
        jsonpath_index(ip, sizeof ip, path, i);
        config_ctx_err(ctx, ip, CONFIG_MSG_HOST_PATTERN, hosts[i], NULL, NULL);
    }
}

void config_fields_launcher(struct config_ctx *ctx, const char *path, void *base,
                            const struct config_opt *row)
{
    config_url_check_launcher(ctx, *(char ***)config_fields_at(base, row->offset),
                              *(int *)config_fields_at(base, row->count_offset), path);
}

void config_fields_call_url(struct config_ctx *ctx, const char *path, void *base,
                            const struct config_opt *row)
{
    config_url_check(ctx, *(char **)config_fields_at(base, row->offset), path, CONFIG_URL_CALL);
}

void config_fields_web_url(struct config_ctx *ctx, const char *path, void *base,
                           const struct config_opt *row)
{
    config_url_check(ctx, *(char **)config_fields_at(base, row->offset), path, CONFIG_URL_WEB);
}

void config_fields_notify_url(struct config_ctx *ctx, const char *path, void *base,
                              const struct config_opt *row)
{
    config_url_check(ctx, *(char **)config_fields_at(base, row->offset), path,
                     CONFIG_URL_NOTIFY);
}

void config_fields_fleet_url(struct config_ctx *ctx, const char *path, void *base,
                             const struct config_opt *row)
{
    config_url_check(ctx, *(char **)config_fields_at(base, row->offset), path,
                     CONFIG_URL_FLEET);
}

void config_fields_fleet(struct config_ctx *ctx, const cJSON *obj, const char *path, void *base)
{
    const struct config_fleet *f = base;
    char p[CONFIG_PATH_MAX];
    (void)obj;
    if (!f->client_cert == !f->client_key)
        return;
    jsonpath_key(p, sizeof p, path, f->client_cert ? "client_cert" : "client_key");
    config_ctx_err(ctx, p, CONFIG_MSG_FLEET_CERT_PAIR, NULL, NULL, NULL);
}

/* 1 if s is a dialable number: what a visitor reads off the screen must be
 * what the phone accepts, so no letters, no full-width digits. */
static int config_fields_phone_ok(const char *s)
{
    int digits = 0;
    for (size_t i = 0; s[i]; i++) {
        if (s[i] >= '0' && s[i] <= '9')
            digits++;
        else if (!(s[i] == '-' || s[i] == ' ' || s[i] == '(' || s[i] == ')' ||
                   (s[i] == '+' && i == 0)))
            return 0;
    }
    return digits >= 6 && digits <= 15;
}

void config_fields_phone(struct config_ctx *ctx, const char *path, void *base,
                         const struct config_opt *row)
{
    const char *phone = *(char **)config_fields_at(base, row->offset);
    if (phone && !config_fields_phone_ok(phone))
        config_ctx_err(ctx, path, CONFIG_MSG_PHONE, phone, NULL, NULL);
}

int config_fields_ltexts(struct config_ctx *ctx, const cJSON *it, const char *path, void *base,
                         const struct config_opt *row)
{
    struct ltext **out = config_fields_at(base, row->offset);
    int *n = config_fields_at(base, row->count_offset);
    if (!cJSON_IsArray(it))
        return config_json_type_err(ctx, path, it, CONFIG_MSG_EXPECT_ARRAY);
    if (config_json_count(ctx, it, path, (int)row->min, (int)row->max) != 0)
        return -1;
    int cnt = cJSON_GetArraySize(it), i = 0;
    *out = calloc((size_t)cnt + 1, sizeof **out);
    if (!*out)
        return -1;
    *n = cnt;
    for (const cJSON *e = it->child; e; e = e->next, i++) {
        char ip[CONFIG_PATH_MAX];
        jsonpath_index(ip, sizeof ip, path, i);
        config_json_ltext_value(ctx, e, ip, &(*out)[i]);
    }
    return 1;
}

void config_fields_kpi_point(struct config_ctx *ctx, const cJSON *obj, const char *path,
                             void *base)
{
    struct config_kpi_value *v = base;
    const cJSON *note = cJSON_GetObjectItemCaseSensitive(obj, "note");
    int has_note = note && !cJSON_IsNull(note);
    if (!v->has_value && !has_note)
        config_ctx_err(ctx, path, CONFIG_MSG_KPI_POINT_EMPTY, NULL, NULL, NULL);
    v->present = v->has_value || v->note.n > 0;
}
