/* The one reader of the option tables (config_opt.h). */
#include "config_opt.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A number for an INT row with choices: out of this range it is a range
 * error, inside it a value that is not one of the choices. */
#define CONFIG_OPT_CHOICE_RANGE 100000

static void *config_opt_field(void *base, size_t offset) { return (char *)base + offset; }

void config_opt_defaults(const struct config_opt_table *t, void *base)
{
    for (int i = 0; i < t->n; i++) {
        const struct config_opt *row = &t->rows[i];
        void *field = config_opt_field(base, row->offset);
        if (row->type == CONFIG_OPT_OBJECT)
            config_opt_defaults(row->sub, field);
        if (!row->has_def)
            continue;
        if (row->type == CONFIG_OPT_DOUBLE)
            *(double *)field = row->def;
        else if (row->type == CONFIG_OPT_INT || row->type == CONFIG_OPT_BOOL)
            *(int *)field = (int)row->def;
    }
}

static int config_opt_int(struct config_ctx *ctx, const cJSON *it, const char *path,
                          const struct config_opt *row, int *out)
{
    int v = 0;
    if (!row->choices)
        return config_json_int_value(ctx, it, path, (int)row->min, (int)row->max, out);
    int rc = config_json_int_value(ctx, it, path, -CONFIG_OPT_CHOICE_RANGE,
                                   CONFIG_OPT_CHOICE_RANGE, &v);
    if (rc != 1)
        return rc;
    for (int i = 0; i < row->n_choices; i++)
        if (row->choices[i] == v) {
            *out = v;
            return 1;
        }
    char s[16];
    snprintf(s, sizeof s, "%d", v);
    config_ctx_err(ctx, path, row->choice_msg, s, NULL, NULL);
    return -1;
}

static int config_opt_hex(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* "#RRGGBB" into 0xRRGGBB. */
static int config_opt_color(struct config_ctx *ctx, const cJSON *it, const char *path,
                            uint32_t *out)
{
    char *s = NULL;
    if (config_json_text_value(ctx, it, path, &s) != 1)
        return -1;
    uint32_t v = 0;
    int ok = strlen(s) == 7 && s[0] == '#';
    for (int i = 1; ok && i < 7; i++) {
        int h = config_opt_hex(s[i]);
        ok = h >= 0;
        v = v * 16 + (uint32_t)(h >= 0 ? h : 0);
    }
    if (ok)
        *out = v;
    else
        config_ctx_err(ctx, path, CONFIG_MSG_COLOR, s, NULL, NULL);
    free(s);
    return ok ? 1 : -1;
}

/* An array of objects, each read with row->sub into a new array. Element i
 * stays item i of the file, even when it is not an object. */
static int config_opt_list(struct config_ctx *ctx, const cJSON *arr, const char *path,
                           void *base, const struct config_opt *row)
{
    if (!cJSON_IsArray(arr))
        return config_json_type_err(ctx, path, arr, CONFIG_MSG_EXPECT_ARRAY);
    if (config_json_count(ctx, arr, path, (int)row->min, (int)row->max) != 0)
        return -1;
    int n = cJSON_GetArraySize(arr), i = 0;
    char *items = calloc((size_t)n + 1, row->elem_size);
    if (!items)
        return -1;
    *(void **)config_opt_field(base, row->offset) = items;
    *(int *)config_opt_field(base, row->count_offset) = n;
    for (const cJSON *it = arr->child; it; it = it->next, i++) {
        char ip[CONFIG_PATH_MAX];
        void *elem = items + (size_t)i * row->elem_size;
        jsonpath_index(ip, sizeof ip, path, i);
        config_opt_defaults(row->sub, elem);
        if (config_json_object(ctx, it, ip))
            config_opt_read(ctx, it, ip, row->sub, elem);
    }
    return 1;
}

/* The value it (present, not null) of row at path. 1 if read, else -1. */
static int config_opt_value(struct config_ctx *ctx, const cJSON *it, const char *path,
                            void *base, const struct config_opt *row)
{
    void *field = config_opt_field(base, row->offset);
    switch (row->type) {
    case CONFIG_OPT_STRING:
        return config_json_text_value(ctx, it, path, field);
    case CONFIG_OPT_LTEXT:
        return config_json_ltext_value(ctx, it, path, field);
    case CONFIG_OPT_INT:
        return config_opt_int(ctx, it, path, row, field);
    case CONFIG_OPT_DOUBLE:
        return config_json_double_value(ctx, it, path, row->min, row->max, field);
    case CONFIG_OPT_BOOL:
        return config_json_bool_value(ctx, it, path, field);
    case CONFIG_OPT_STRINGS:
        return config_json_strings_value(ctx, it, path, (int)row->min, (int)row->max, field,
                                         config_opt_field(base, row->count_offset));
    case CONFIG_OPT_COLOR:
        return config_opt_color(ctx, it, path, field);
    case CONFIG_OPT_OBJECT:
        if (!config_json_object(ctx, it, path))
            return -1;
        config_opt_read(ctx, it, path, row->sub, field);
        return 1;
    case CONFIG_OPT_LIST:
        return config_opt_list(ctx, it, path, base, row);
    case CONFIG_OPT_CUSTOM:
        return row->read(ctx, it, path, base, row);
    case CONFIG_OPT_IGNORE:
        break;
    }
    return 1;
}

static void config_opt_row(struct config_ctx *ctx, const cJSON *obj, const char *path,
                           void *base, const struct config_opt *row)
{
    char child[CONFIG_PATH_MAX];
    const cJSON *it;
    if (row->type == CONFIG_OPT_IGNORE ||
        config_json_get(ctx, obj, path, row->name, row->required, child, &it) <= 0)
        return;
    if (row->has_flag)
        *(int *)config_opt_field(base, row->flag_offset) = 1;
    if (config_opt_value(ctx, it, child, base, row) == 1 && row->check)
        row->check(ctx, child, base, row);
}

void config_opt_read(struct config_ctx *ctx, const cJSON *obj, const char *path,
                     const struct config_opt_table *t, void *base)
{
    const char *known[CONFIG_OPT_KEYS_MAX + 1];
    int n = t->n < CONFIG_OPT_KEYS_MAX ? t->n : CONFIG_OPT_KEYS_MAX;
    for (int i = 0; i < n; i++)
        known[i] = t->rows[i].name;
    known[n] = NULL;
    config_json_keys(ctx, obj, path, known);
    for (int i = 0; i < t->n; i++)
        config_opt_row(ctx, obj, path, base, &t->rows[i]);
    if (t->finish)
        t->finish(ctx, obj, path, base);
}
