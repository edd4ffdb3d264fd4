#ifndef KIOSK_CONFIG_OPT_H
#define KIOSK_CONFIG_OPT_H
/* The config file's options as tables, in the manner of mpv's m_option:
 * one row per key of a JSON object, {name, type, offset, min, max,
 * default, required}, and one reader (config_opt_read) that walks them.
 * A key's range and default live only in its row; the known keys of an
 * object are its table's names. Adding a key = one row here (plus one
 * entry in config/kiosk.schema.json, which tests/unit/test_config_opt.c
 * holds to the tables). Internal to the config loader. */
#include <stddef.h>

#include "config_int.h"

enum config_opt_type {
    CONFIG_OPT_IGNORE,  /* a known key that is not read ($schema) */
    CONFIG_OPT_STRING,  /* char *, not empty; check may refuse it */
    CONFIG_OPT_LTEXT,   /* struct ltext: a text, or {"lang": "text"} */
    CONFIG_OPT_INT,     /* int in min..max, or one of choices */
    CONFIG_OPT_DOUBLE,  /* double in min..max */
    CONFIG_OPT_BOOL,    /* int 0/1 */
    CONFIG_OPT_STRINGS, /* char ** with its count at count_offset; min..max entries */
    CONFIG_OPT_COLOR,   /* uint32_t 0xRRGGBB from "#RRGGBB" */
    CONFIG_OPT_OBJECT,  /* a struct at offset, read with the sub table */
    CONFIG_OPT_LIST,    /* an array of objects: elem_size structs at offset (a
                           pointer), count at count_offset, min..max entries */
    CONFIG_OPT_CUSTOM,  /* read by the row's read function */
};

struct config_opt;
struct config_opt_table;

/* Reads the present, non-null value it at path into the struct at base.
 * Returns 1 if read, -1 if reported as wrong. */
typedef int (*config_opt_read_fn)(struct config_ctx *ctx, const cJSON *it, const char *path,
                                  void *base, const struct config_opt *row);
/* After a value was read: further checks on the field (reports itself). */
typedef void (*config_opt_check_fn)(struct config_ctx *ctx, const char *path, void *base,
                                    const struct config_opt *row);
/* After an object was read with its table: checks across its keys. */
typedef void (*config_opt_finish_fn)(struct config_ctx *ctx, const cJSON *obj, const char *path,
                                     void *base);

struct config_opt {
    const char *name; /* the JSON key */
    enum config_opt_type type;
    size_t offset;    /* of the field in the struct the table reads */
    double min, max;  /* range of a number, or number of entries */
    double def;       /* default of a number or bool, when has_def */
    int has_def;
    int required;     /* 1: absent or null is an error */
    size_t count_offset;  /* STRINGS, LIST: the int count */
    int has_flag;         /* 1: the int at flag_offset is set to 1 when the key is present */
    size_t flag_offset;
    size_t elem_size;     /* LIST: one element */
    const struct config_opt_table *sub; /* OBJECT, LIST: the table of the elements */
    const int *choices;   /* INT: the allowed values (n_choices), else min..max */
    int n_choices;
    enum config_msg choice_msg; /* INT with choices: reported for another number */
    int arg;              /* CUSTOM: a number for read (e.g. the weekday) */
    config_opt_read_fn read;
    config_opt_check_fn check;
    const char *json_type; /* CUSTOM: the JSON type the schema gives ("array", ...) */
};

struct config_opt_table {
    const char *what; /* for tests and messages, e.g. "kiosk" */
    const struct config_opt *rows;
    int n;
    config_opt_finish_fn finish; /* may be NULL */
};

#define CONFIG_OPT_N(rows) ((int)(sizeof(rows) / sizeof((rows)[0])))
#define CONFIG_OPT_KEYS_MAX 32 /* rows in one table */

/* The file's top level (config_tables.c). */
extern const struct config_opt_table config_tables_root;

/* Sets the defaults of table's rows in the struct at base, and of every
 * OBJECT row's struct inside it (sections absent from the file keep them). */
void config_opt_defaults(const struct config_opt_table *t, void *base);
/* Reads obj (a JSON object at path) into the struct at base: warns about
 * keys not in t, reads each row in order, then t->finish. */
void config_opt_read(struct config_ctx *ctx, const cJSON *obj, const char *path,
                     const struct config_opt_table *t, void *base);
#endif
