/* config/kiosk.schema.json agrees with the option tables (config_tables.c):
 * every row is a schema property of the same type, range (minimum/maximum
 * or minItems/maxItems), default and required-ness, and every schema
 * property is a row. The tables are walked from the root, so a new row or
 * a new schema key without its partner fails here.
 * argv[1]: tests/data (the schema is ../../config/kiosk.schema.json). */
#include "check.h"
#include "config_opt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const cJSON *test_schema_root;

/* Follows "$ref": "#/$defs/name" (one level is all the schema uses). */
static const cJSON *test_resolve(const cJSON *node)
{
    const cJSON *ref = cJSON_GetObjectItemCaseSensitive(node, "$ref");
    const char *prefix = "#/$defs/";
    if (!cJSON_IsString(ref) || strncmp(ref->valuestring, prefix, strlen(prefix)) != 0)
        return node;
    const cJSON *defs = cJSON_GetObjectItemCaseSensitive(test_schema_root, "$defs");
    return cJSON_GetObjectItemCaseSensitive(defs, ref->valuestring + strlen(prefix));
}

static const char *test_type(const cJSON *node)
{
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(node, "type");
    return cJSON_IsString(t) ? t->valuestring : "(none)";
}

/* The schema's number key of node, or dflt when absent. */
static double test_num(const cJSON *node, const char *key, double dflt)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(node, key);
    return cJSON_IsNumber(v) ? v->valuedouble : dflt;
}

static void test_fail(const char *where, const char *name, const char *what)
{
    fprintf(stderr, "schema and table disagree: %s.%s: %s\n", where, name, what);
    check_failures++;
}

static int test_required(const cJSON *node, const char *name)
{
    const cJSON *req = cJSON_GetObjectItemCaseSensitive(node, "required");
    const cJSON *it;
    cJSON_ArrayForEach(it, req)
        if (cJSON_IsString(it) && strcmp(it->valuestring, name) == 0)
            return 1;
    return 0;
}

static void test_expect_type(const char *where, const struct config_opt *row, const cJSON *r,
                             const char *type)
{
    if (strcmp(test_type(r), type) != 0)
        test_fail(where, row->name, type);
}

static void test_range(const char *where, const struct config_opt *row, const cJSON *r,
                       const char *lo, const char *hi, double lo_absent)
{
    if (test_num(r, lo, lo_absent) != row->min)
        test_fail(where, row->name, lo);
    if (test_num(r, hi, NAN) != row->max)
        test_fail(where, row->name, hi);
}

static void test_default(const char *where, const struct config_opt *row, const cJSON *r)
{
    const cJSON *d = cJSON_GetObjectItemCaseSensitive(r, "default");
    if (!d != !row->has_def)
        test_fail(where, row->name, d ? "a default only in the schema" : "no default in schema");
    else if (d && cJSON_IsBool(d) && (cJSON_IsTrue(d) ? 1.0 : 0.0) != row->def)
        test_fail(where, row->name, "default");
    else if (d && !cJSON_IsBool(d) && (!cJSON_IsNumber(d) || d->valuedouble != row->def))
        test_fail(where, row->name, "default");
}

static void test_choices(const char *where, const struct config_opt *row, const cJSON *r)
{
    const cJSON *e = cJSON_GetObjectItemCaseSensitive(r, "enum");
    int i = 0, ok = cJSON_GetArraySize(e) == row->n_choices;
    const cJSON *it;
    cJSON_ArrayForEach(it, e)
        ok = ok && i < row->n_choices && cJSON_IsNumber(it) && it->valuedouble == row->choices[i++];
    if (!ok)
        test_fail(where, row->name, "enum");
}

static void test_table(const struct config_opt_table *t, const cJSON *node, const char *where);

static void test_row(const struct config_opt *row, const cJSON *node, const char *where)
{
    const cJSON *props = cJSON_GetObjectItemCaseSensitive(node, "properties");
    const cJSON *p = cJSON_GetObjectItemCaseSensitive(props, row->name);
    if (!p) {
        test_fail(where, row->name, "not in the schema");
        return;
    }
    const cJSON *r = test_resolve(p);
    const cJSON *ref = cJSON_GetObjectItemCaseSensitive(p, "$ref");
    char sub[128];
    snprintf(sub, sizeof sub, "%s.%s", where, row->name);
    if (test_required(node, row->name) != row->required)
        test_fail(where, row->name, "required");
    if (row->type == CONFIG_OPT_INT || row->type == CONFIG_OPT_DOUBLE ||
        row->type == CONFIG_OPT_BOOL)
        test_default(where, row, r);
    switch (row->type) {
    case CONFIG_OPT_IGNORE:
    case CONFIG_OPT_STRING:
    case CONFIG_OPT_COLOR:
        test_expect_type(where, row, r, "string");
        break;
    case CONFIG_OPT_LTEXT:
        if (!cJSON_IsString(ref) || strcmp(ref->valuestring, "#/$defs/ltext") != 0)
            test_fail(where, row->name, "a localized text ($defs/ltext)");
        break;
    case CONFIG_OPT_INT:
        if (row->choices) {
            test_choices(where, row, r);
            break;
        }
        test_expect_type(where, row, r, "integer");
        test_range(where, row, r, "minimum", "maximum", NAN);
        break;
    case CONFIG_OPT_DOUBLE:
        test_expect_type(where, row, r, "number");
        test_range(where, row, r, "minimum", "maximum", NAN);
        break;
    case CONFIG_OPT_BOOL:
        test_expect_type(where, row, r, "boolean");
        break;
    case CONFIG_OPT_STRINGS:
        test_expect_type(where, row, r, "array");
        test_range(where, row, r, "minItems", "maxItems", 0);
        break;
    case CONFIG_OPT_OBJECT:
        test_expect_type(where, row, r, "object");
        test_table(row->sub, r, sub);
        break;
    case CONFIG_OPT_LIST:
        test_expect_type(where, row, r, "array");
        test_range(where, row, r, "minItems", "maxItems", 0);
        test_table(row->sub, test_resolve(cJSON_GetObjectItemCaseSensitive(r, "items")), sub);
        break;
    case CONFIG_OPT_CUSTOM:
        if (row->json_type)
            test_expect_type(where, row, r, row->json_type);
        if (row->json_type && strcmp(row->json_type, "array") == 0)
            test_range(where, row, r, "minItems", "maxItems", 0);
        break;
    }
}

/* Rows against node's properties, and node's properties against rows. */
static void test_table(const struct config_opt_table *t, const cJSON *node, const char *where)
{
    if (!cJSON_IsObject(node)) {
        test_fail(where, "", "no object in the schema");
        return;
    }
    for (int i = 0; i < t->n; i++)
        test_row(&t->rows[i], node, where);
    const cJSON *props = cJSON_GetObjectItemCaseSensitive(node, "properties"), *it;
    cJSON_ArrayForEach(it, props)
    {
        int found = 0;
        for (int i = 0; i < t->n && !found; i++)
            found = strcmp(t->rows[i].name, it->string) == 0;
        if (!found)
            test_fail(where, it->string, "in the schema but not in the table");
    }
    CHECK(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(node, "additionalProperties")));
}

static char *test_read(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = calloc(1, 1 << 20);
    size_t n = buf ? fread(buf, 1, (1 << 20) - 1, f) : 0;
    fclose(f);
    if (buf)
        buf[n] = '\0';
    return buf;
}

int main(int argc, char **argv)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/../../config/kiosk.schema.json", argc > 1 ? argv[1] : ".");
    char *text = test_read(path);
    CHECK(text != NULL);
    cJSON *schema = text ? cJSON_Parse(text) : NULL;
    CHECK(schema != NULL);
    test_schema_root = schema;
    if (schema)
        test_table(&config_tables_root, schema, "(root)");
    cJSON_Delete(schema);
    free(text);
    return CHECK_RESULT();
}
