#ifndef KIOSK_CONFIG_INT_H
#define KIOSK_CONFIG_INT_H
/* Internal to the config loader: the loading context, the typed readers
 * (config_json.c) and the checks the option tables call. Nothing here is
 * for other modules; the data model is config.h (config_model.c). */
#include <cjson/cJSON.h>

#include "config.h"
#include "config_diags.h"
#include "jsonpath.h"
#include "jsonpos.h"

#define CONFIG_PATH_MAX 256 /* a JSON path while loading */
#define CONFIG_FILE_MAX (1024 * 1024)
/* The widest one-line summary of a service card, in ems of its text
 * (textwrap_em_estimate): the narrowest card, portrait 1080x1920 in two
 * columns, holds about this much at the smallest text size. */
#define CONFIG_SUMMARY_MAX_EM 16

struct config_ctx {
    struct config *cfg;
    struct config_diags *diags;
    const struct jsonpos *pos;
    const struct config_load_opts *opts; /* never NULL inside the loader */
    int errors;
    int langs_ok; /* kiosk.languages and default_language are known */
    const cJSON *root; /* the file's tree while it is read (municipality names in paths) */
};

/* Reports at the value of path (or its nearest ancestor in the file)
 * (config_ctx.c). */
void config_ctx_err(struct config_ctx *ctx, const char *path, enum config_msg msg, const char *a1,
                    const char *a2, const char *a3);
void config_ctx_warn(struct config_ctx *ctx, const char *path, enum config_msg msg,
                     const char *a1, const char *a2, const char *a3);
/* Same, placed at the key of an object member. */
void config_ctx_report_key(struct config_ctx *ctx, enum config_severity sev, const char *path,
                           enum config_msg msg, const char *a1, const char *a2);

/* A short, quoted rendering of a value for messages: `90`, `"90"`, `[...]`. */
const char *config_json_excerpt(const cJSON *it, char *buf, size_t bufsz);
/* Errs on members of obj not in known (NULL-terminated), suggesting
 * the nearest known key. */
void config_json_keys(struct config_ctx *ctx, const cJSON *obj, const char *path,
                      const char *const *known);
/* Edit distance (optimal string alignment), case-insensitive for ASCII. */
int config_json_distance(const char *a, const char *b);

/* Member key of obj (an object, else nothing), its path written into child
 * (CONFIG_PATH_MAX). Returns 1 with *out set, or 0 if absent or null (then
 * MISSING is reported when required). */
int config_json_get(struct config_ctx *ctx, const cJSON *obj, const char *path, const char *key,
                    int required, char *child, const cJSON **out);

/* Typed readers of a value it at path. Each returns 1 if read into *out,
 * or -1 if wrong (reported). Strings returned through out are malloc'ed
 * and owned by the caller (an old *out is freed). */
int config_json_string_value(struct config_ctx *ctx, const cJSON *it, const char *path,
                             char **out);
/* A string that is not empty. */
int config_json_text_value(struct config_ctx *ctx, const cJSON *it, const char *path, char **out);
int config_json_int_value(struct config_ctx *ctx, const cJSON *it, const char *path, int min,
                          int max, int *out);
int config_json_double_value(struct config_ctx *ctx, const cJSON *it, const char *path,
                             double min, double max, double *out);
int config_json_bool_value(struct config_ctx *ctx, const cJSON *it, const char *path, int *out);
/* A localized text: "text" or {"lang": "text", ...}. */
int config_json_ltext_value(struct config_ctx *ctx, const cJSON *it, const char *path,
                            struct ltext *out);
/* An array of min..max non-empty strings. */
int config_json_strings_value(struct config_ctx *ctx, const cJSON *arr, const char *path,
                              int min, int max, char ***out, int *n);
/* 1 if it is an object; else reports "expected an object" and returns 0. */
int config_json_object(struct config_ctx *ctx, const cJSON *it, const char *path);
/* Reports that it has the wrong type (msg: CONFIG_MSG_EXPECT_*); returns -1. */
int config_json_type_err(struct config_ctx *ctx, const char *path, const cJSON *it,
                         enum config_msg msg);
/* Checks the number of entries of an array at path. Returns 0 or -1. */
int config_json_count(struct config_ctx *ctx, const cJSON *arr, const char *path, int min,
                      int max);

/* URLs (config_url.c). kind: CONFIG_URL_CALL (https, allowed host,
 * {session}) or CONFIG_URL_WEB (http or https). */
enum config_url_kind { CONFIG_URL_CALL, CONFIG_URL_WEB, CONFIG_URL_FLEET /* https only */,
                       CONFIG_URL_NOTIFY /* https, or http to loopback (tests) */ };
void config_url_check(struct config_ctx *ctx, const char *url, const char *path,
                      enum config_url_kind kind);
void config_url_check_launcher(struct config_ctx *ctx, char **argv, int n, const char *path);
/* A fetched document's tree made into what the kiosk runs: local's kiosk
 * and fleet sections in place of the remote's (warned), call.launcher and
 * call.allowed_hosts from local; a remote that sets either is reported
 * (config_remote.c). Returns the number of such refusals. */
int config_remote_merge(struct config_ctx *ctx, cJSON *root, const cJSON *local);
/* Cross checks once everything is read (config_check.c). */
void config_check_all(struct config_ctx *ctx);
#endif
