/* Loading the staff's config file: read, check the bytes, scan for
 * positions while building the cJSON tree (jsonpos.c), fill the structs
 * through the option tables, cross-check. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config_int.h"
#include "file.h"
#include "config_opt.h"
#include "str.h"
#include "utf8.h"

#define CONFIG_MAP(name) [JSONPOS_E_##name] = CONFIG_MSG_SYN_##name
static const enum config_msg config_load_syntax_msgs[JSONPOS_E_COUNT] = {
    [JSONPOS_E_OK] = CONFIG_MSG_FILE_NOMEM, [JSONPOS_E_NOMEM] = CONFIG_MSG_FILE_NOMEM,
    CONFIG_MAP(NO_VALUE), CONFIG_MAP(EOF_IN_OBJECT), CONFIG_MAP(EOF_IN_ARRAY),
    CONFIG_MAP(EXPECTED_VALUE), CONFIG_MAP(EXPECTED_KEY), CONFIG_MAP(UNQUOTED_KEY),
    CONFIG_MAP(EXPECTED_COLON), CONFIG_MAP(MISSING_COMMA), CONFIG_MAP(EXPECTED_COMMA_OBJECT),
    CONFIG_MAP(EXPECTED_COMMA_ARRAY), CONFIG_MAP(TRAILING_COMMA), CONFIG_MAP(COMMENT),
    CONFIG_MAP(SINGLE_QUOTE), CONFIG_MAP(BAD_WORD), CONFIG_MAP(BAD_NUMBER),
    CONFIG_MAP(UNTERMINATED_STRING), CONFIG_MAP(NEWLINE_IN_STRING), CONFIG_MAP(CONTROL_CHAR),
    CONFIG_MAP(BAD_ESCAPE), CONFIG_MAP(BAD_UNICODE_ESCAPE), CONFIG_MAP(BAD_SURROGATE),
    CONFIG_MAP(NUL_CHAR), CONFIG_MAP(TOO_DEEP), CONFIG_MAP(FULLWIDTH_SPACE),
    CONFIG_MAP(TRAILING_DATA),
};
#undef CONFIG_MAP

static void config_load_err_at(struct config_ctx *ctx, int line, int col, enum config_msg msg,
                          const char *a1)
{
    ctx->errors++;
    config_diags_add(ctx->diags, CONFIG_ERROR, line, col, "", msg, a1, NULL, NULL);
}

static void config_load_line_col(const unsigned char *s, size_t off, int *line, int *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < off; i++) {
        if (s[i] == '\n') {
            (*line)++;
            *col = 1;
        } else if ((s[i] & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}

/* The checks on raw bytes. Returns -1 if the text cannot be read further. */
static int config_load_bytes(struct config_ctx *ctx, const char **buf, size_t *len)
{
    const unsigned char *s = (const unsigned char *)*buf;
    if (*len == 0) {
        config_load_err_at(ctx, 1, 1, CONFIG_MSG_FILE_EMPTY, NULL);
        return -1;
    }
    if (*len > CONFIG_FILE_MAX) {
        char n[32];
        snprintf(n, sizeof n, "%zu", *len);
        config_load_err_at(ctx, 0, 0, CONFIG_MSG_FILE_TOO_BIG, n);
        return -1;
    }
    if (*len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        config_load_err_at(ctx, 1, 1, CONFIG_MSG_FILE_BOM, NULL);
        *buf += 3;
        *len -= 3;
        s += 3;
    }
    size_t bad = utf8_valid_prefix((const char *)s, *len);
    if (bad < *len) {
        int line, col;
        config_load_line_col(s, bad, &line, &col);
        config_load_err_at(ctx, line, col, CONFIG_MSG_FILE_NOT_UTF8, NULL);
    }
    return 0;
}

static void config_load_dups(struct config_ctx *ctx, const struct jsonpos *pos)
{
    for (int i = 0; i < jsonpos_dup_count(pos); i++) {
        int line, col;
        const char *path = jsonpos_dup_get(pos, i, &line, &col);
        const char *key = path + strlen(path);
        while (key > path && key[-1] != '.')
            key--;
        ctx->errors++;
        config_diags_add(ctx->diags, CONFIG_ERROR, line, col, path, CONFIG_MSG_DUP_KEY, key,
                         NULL, NULL);
    }
}

/* One pass over the bytes (syntax, positions and the cJSON tree), then
 * the tables, then the checks across them. */
static int config_load_text(struct config_ctx *ctx, const char *buf, size_t len,
                            const cJSON *local)
{
    int refused = 0;
    struct jsonpos_syntax syn;
    cJSON *root = NULL;
    struct jsonpos *pos = jsonpos_scan(buf, len, &syn, &root);
    if (!pos) {
        enum config_msg m = (unsigned)syn.err < JSONPOS_E_COUNT ? config_load_syntax_msgs[syn.err]
                                                                : CONFIG_MSG_FILE_NOMEM;
        config_load_err_at(ctx, syn.line, syn.col, m, syn.found[0] ? syn.found : "end of file");
        return 0;
    }
    ctx->pos = pos;
    ctx->root = root;
    config_load_dups(ctx, pos);
    if (!root)
        config_load_err_at(ctx, 0, 0, CONFIG_MSG_FILE_NOMEM, NULL);
    else if (!cJSON_IsObject(root))
        config_ctx_err(ctx, "", CONFIG_MSG_NOT_OBJECT, NULL, NULL, NULL);
    else {
        if (local)
            refused = config_remote_merge(ctx, root, local);
        config_opt_read(ctx, root, "", &config_tables_root, ctx->cfg);
    }
    if (root)
        config_check_all(ctx); /* even after errors: report everything in one run */
    ctx->root = NULL;
    cJSON_Delete(root);
    ctx->pos = NULL;
    jsonpos_free(pos);
    return refused;
}

void config_load_defaults(struct config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    config_opt_defaults(&config_tables_root, cfg);
}

/* The tables' defaults, and where the file is (relative assets resolve
 * from its folder). */
static void config_load_init(struct config *cfg, const char *name)
{
    config_opt_defaults(&config_tables_root, cfg);
    cfg->path = str_dup(name ? name : "config.json");
    const char *slash = cfg->path ? strrchr(cfg->path, '/') : NULL;
    size_t dl = slash ? (size_t)(slash - cfg->path) : 0;
    cfg->dir = malloc(dl + 2);
    if (!cfg->dir)
        return;
    if (slash && dl == 0)
        memcpy(cfg->dir, "/", 2);
    else if (slash) {
        memcpy(cfg->dir, cfg->path, dl);
        cfg->dir[dl] = '\0';
    } else
        memcpy(cfg->dir, ".", 2);
}

/* Sorts the problems of this load (from index first) by position, keeping
 * the order of equal positions: a clerk reads the file top to bottom. */
static void config_load_sort_diags(struct config_diags *d, int first)
{
    for (int i = first + 1; d && i < d->n; i++) {
        struct config_diag tmp = d->d[i];
        long long key = ((long long)tmp.line << 22) + tmp.col;
        int j = i;
        while (j > first && ((long long)d->d[j - 1].line << 22) + d->d[j - 1].col > key) {
            d->d[j] = d->d[j - 1];
            j--;
        }
        d->d[j] = tmp;
    }
}

/* The load of a file (local NULL) or of a fetched document merged with
 * the local file's tree. Returns 0, -1 (errors) or -2 (refused). */
static int config_load_common(const char *name, const char *buf, size_t len,
                              const struct config_load_opts *opts, struct config *cfg,
                              struct config_diags *diags, const cJSON *local)
{
    static const struct config_load_opts no_opts;
    struct config_diags local_diags = {0, 0, 0, 0, NULL};
    struct config_ctx ctx = {cfg, diags ? diags : &local_diags, NULL, opts ? opts : &no_opts,
                             0, 0, NULL};
    int first = ctx.diags->n, refused = 0;
    memset(cfg, 0, sizeof *cfg);
    config_load_init(cfg, name);
    if (!cfg->path || !cfg->dir)
        config_load_err_at(&ctx, 0, 0, CONFIG_MSG_FILE_NOMEM, NULL);
    else if (buf && config_load_bytes(&ctx, &buf, &len) == 0)
        refused = config_load_text(&ctx, buf, len, local);
    else if (!buf)
        config_load_err_at(&ctx, 1, 1, CONFIG_MSG_FILE_EMPTY, NULL);
    config_load_sort_diags(diags, first);
    config_diags_free(&local_diags);
    if (ctx.errors == 0)
        return 0;
    config_free(cfg);
    return refused ? -2 : -1;
}

int config_load_buffer(const char *name, const char *buf, size_t len,
                       const struct config_load_opts *opts, struct config *cfg,
                       struct config_diags *diags)
{
    return config_load_common(name, buf, len, opts, cfg, diags, NULL);
}

int config_load_remote(const char *buf, size_t len, const char *local_path,
                       const char *local_buf, size_t local_len,
                       const struct config_load_opts *opts, struct config *cfg,
                       struct config_diags *diags)
{
    cJSON *local = local_buf ? cJSON_ParseWithLength(local_buf, local_len) : NULL;
    if (!cJSON_IsObject(local)) { /* checked before; changed on disk since? */
        memset(cfg, 0, sizeof *cfg);
        config_diags_add(diags, CONFIG_ERROR, 0, 0, "", CONFIG_MSG_FILE_UNREADABLE,
                         "the local config file is not a JSON object", NULL, NULL);
        cJSON_Delete(local);
        return -1;
    }
    int rc = config_load_common(local_path, buf, len, opts, cfg, diags, local);
    cJSON_Delete(local);
    return rc;
}

int config_read_file(const char *path, size_t max, char **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    char why[128];
    FILE *f = file_fopen_regular(path, why, sizeof why);
    if (!f) {
        if (errno == 0)
            errno = EINVAL;
        return -1;
    }
    char *buf = malloc(max + 2);
    size_t n = buf ? fread(buf, 1, max + 1, f) : 0;
    int bad = !buf || ferror(f);
    fclose(f);
    if (bad || n > max) {
        free(buf);
        errno = bad ? EIO : EFBIG;
        return -1;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return 0;
}

int config_load(const char *path, const struct config_load_opts *opts, struct config *cfg,
                struct config_diags *diags)
{
    memset(cfg, 0, sizeof *cfg);
    /* Never blocks: a FIFO, device or socket in its place is refused
     * before a byte is read (O_NONBLOCK open, fstat). */
    char why[128];
    FILE *f = file_fopen_regular(path, why, sizeof why);
    if (!f) {
        config_diags_add(diags, CONFIG_ERROR, 0, 0, "", CONFIG_MSG_FILE_UNREADABLE, why, NULL,
                         NULL);
        return -1;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && st.st_size > CONFIG_FILE_MAX) {
        char n[32];
        snprintf(n, sizeof n, "%lld", (long long)st.st_size);
        config_diags_add(diags, CONFIG_ERROR, 0, 0, "", CONFIG_MSG_FILE_TOO_BIG, n, NULL, NULL);
        fclose(f);
        return -1;
    }
    char *buf = malloc(CONFIG_FILE_MAX + 1);
    size_t len = buf ? fread(buf, 1, CONFIG_FILE_MAX + 1, f) : 0;
    int rd_err = ferror(f);
    fclose(f);
    if (!buf || rd_err) {
        config_diags_add(diags, CONFIG_ERROR, 0, 0, "", CONFIG_MSG_FILE_UNREADABLE,
                         buf ? "read error" : "out of memory", NULL, NULL);
        free(buf);
        return -1;
    }
    int rc = config_load_buffer(path, buf, len, opts, cfg, diags);
    free(buf);
    return rc;
}
