#ifndef KIOSK_CONFIG_INT_H
#define KIOSK_CONFIG_INT_H
/* Internal to the config loader (config*.c): the loading context and the
 * typed readers. Nothing here is for other modules. */
#include <cjson/cJSON.h>

#include "config.h"
#include "config_diags.h"
#include "jsonpos.h"

#define CONFIG_PATH_MAX 256 /* a JSON path while loading */
#define CONFIG_FILE_MAX (1024 * 1024)

struct config_ctx {
    struct config *cfg;
    struct config_diags *diags;
    const struct jsonpos *pos;
    const struct config_load_opts *opts; /* never NULL inside the loader */
    int errors;
    int langs_ok; /* kiosk.languages and default_language are known */
};

/* Reports at the value of path (or its nearest ancestor in the file). */
void config_ctx_err(struct config_ctx *ctx, const char *path, enum config_msg msg, const char *a1,
                    const char *a2, const char *a3);
void config_ctx_warn(struct config_ctx *ctx, const char *path, enum config_msg msg,
                     const char *a1, const char *a2, const char *a3);
/* Same, placed at the key of an object member. */
void config_ctx_report_key(struct config_ctx *ctx, enum config_severity sev, const char *path,
                           enum config_msg msg, const char *a1, const char *a2);

/* A short, quoted rendering of a value for messages: `90`, `"90"`, `[...]`. */
const char *config_json_excerpt(const cJSON *it, char *buf, size_t bufsz);
/* Warns about members of obj not in known (NULL-terminated), suggesting
 * the nearest known key. */
void config_json_keys(struct config_ctx *ctx, const cJSON *obj, const char *path,
                      const char *const *known);
/* Edit distance (optimal string alignment), case-insensitive for ASCII. */
int config_json_distance(const char *a, const char *b);

/* Typed readers of obj[key]. Each writes the member's path into child
 * (CONFIG_PATH_MAX) and returns 1 if read, 0 if absent or null (then
 * MISSING is reported when required), -1 if present but wrong (reported).
 * Strings returned through out are malloc'ed and owned by the caller. */
int config_json_get(struct config_ctx *ctx, const cJSON *obj, const char *path, const char *key,
                    int required, char *child, const cJSON **out);
int config_json_string(struct config_ctx *ctx, const cJSON *obj, const char *path,
                       const char *key, int required, char **out);
int config_json_int(struct config_ctx *ctx, const cJSON *obj, const char *path, const char *key,
                    int min, int max, int *out);
int config_json_double(struct config_ctx *ctx, const cJSON *obj, const char *path,
                       const char *key, double min, double max, double *out);
int config_json_bool(struct config_ctx *ctx, const cJSON *obj, const char *path, const char *key,
                     int *out);
int config_json_ltext(struct config_ctx *ctx, const cJSON *obj, const char *path,
                      const char *key, int required, struct ltext *out);
/* Reads an already-fetched value as a localized text (path is its path). */
int config_json_ltext_value(struct config_ctx *ctx, const cJSON *it, const char *path,
                            struct ltext *out);
/* A string value at path (not a member lookup); 1, or -1 reported. */
int config_json_string_value(struct config_ctx *ctx, const cJSON *it, const char *path,
                             char **out);
/* An array of strings with min..max entries. */
int config_json_strings(struct config_ctx *ctx, const cJSON *obj, const char *path,
                        const char *key, int required, int min, int max, char ***out, int *n);
int config_json_strings_value(struct config_ctx *ctx, const cJSON *arr, const char *path,
                              int min, int max, char ***out, int *n);
/* Checks the number of entries of an array at path. Returns 0 or -1. */
int config_json_count(struct config_ctx *ctx, const cJSON *arr, const char *path, int min,
                      int max);
char *config_json_strdup(const char *s);
void config_json_strv_free(char **v, int n);

/* An id member: required, [a-z0-9-]+, at most 64 characters (config_parse.c). */
int config_parse_id(struct config_ctx *ctx, const cJSON *obj, const char *path, char **out);
/* 1 if s looks like a language code: ja, en, zh-Hant, ja-easy. */
int config_parse_lang_ok(const char *s);
/* Sections (config_parse.c, config_parse_muni.c, config_parse_extra.c). */
void config_parse_root(struct config_ctx *ctx, const cJSON *root);
void config_parse_municipalities(struct config_ctx *ctx, const cJSON *root);
void config_parse_services(struct config_ctx *ctx, const cJSON *root);
void config_parse_kpis(struct config_ctx *ctx, const cJSON *root);
/* Weekly hours and dates (config_hours.c). */
int config_hours_parse(struct config_ctx *ctx, const cJSON *it, const char *path,
                       struct config_hours *out);
int config_hours_dates(struct config_ctx *ctx, const cJSON *arr, const char *path,
                       struct config_date **out, int *n);
/* URLs (config_url.c). kind: CONFIG_URL_CALL (https, allowed host,
 * {session}) or CONFIG_URL_WEB (http or https). */
enum config_url_kind { CONFIG_URL_CALL, CONFIG_URL_WEB };
void config_url_check(struct config_ctx *ctx, const char *url, const char *path,
                      enum config_url_kind kind);
void config_url_check_launcher(struct config_ctx *ctx, char **argv, int n, const char *path);
/* Cross checks once everything is read (config_check.c). */
void config_check_all(struct config_ctx *ctx);
#endif
