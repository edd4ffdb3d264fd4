/* Checks across sections, once everything is read: unique ids, known
 * municipality ids, allowed hosts, and the files the config names. */
#include <stddef.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config_int.h"
#include "file.h"
#include "fontfind.h"
#include "pathrule.h"
#include "textwrap.h"

static void config_check_dup(struct config_ctx *ctx, const char *list, int i, int j,
                             const char *id)
{
    char path[CONFIG_PATH_MAX], idx[CONFIG_PATH_MAX], first[CONFIG_PATH_MAX];
    jsonpath_index(idx, sizeof idx, list, i);
    jsonpath_key(path, sizeof path, idx, "id");
    jsonpath_index(first, sizeof first, list, j);
    config_ctx_err(ctx, path, CONFIG_MSG_DUP_ID, id, first, NULL);
}

/* ids live at a fixed offset in each element of an array of structs. */
static void config_check_ids(struct config_ctx *ctx, const char *list, const void *items, int n,
                             size_t elem, size_t id_off)
{
    const char *base = items;
    for (int i = 0; i < n; i++) {
        const char *a = *(char *const *)(const void *)(base + (size_t)i * elem + id_off);
        for (int j = 0; a && j < i; j++) {
            const char *b = *(char *const *)(const void *)(base + (size_t)j * elem + id_off);
            if (b && strcmp(a, b) == 0) {
                config_check_dup(ctx, list, i, j, a);
                break;
            }
        }
    }
}

static void config_check_service_munis(struct config_ctx *ctx)
{
    const struct config *cfg = ctx->cfg;
    for (int i = 0; i < cfg->n_services; i++) {
        const struct config_service *s = &cfg->services[i];
        for (int j = 0; j < s->n_municipalities; j++) {
            if (config_find_municipality(cfg, s->municipalities[j]) >= 0)
                continue;
            char path[CONFIG_PATH_MAX];
            snprintf(path, sizeof path, "services[%d].municipalities[%d]", i, j);
            config_ctx_err(ctx, path, CONFIG_MSG_MUNI_UNKNOWN, s->municipalities[j], NULL, NULL);
        }
    }
}

static void config_check_hosts_needed(struct config_ctx *ctx)
{
    const struct config *cfg = ctx->cfg;
    if (cfg->call.n_allowed_hosts > 0)
        return;
    for (int i = 0; i < cfg->n_municipalities; i++) {
        const struct config_municipality *m = &cfg->municipalities[i];
        if (!m->has_call)
            continue;
        char who[96], path[CONFIG_PATH_MAX];
        int line, col;
        if (m->id)
            snprintf(who, sizeof who, "municipality `%.60s`", m->id);
        else
            snprintf(who, sizeof who, "municipalities[%d]", i);
        /* Point at the call section if there is one, else at this call. */
        if (jsonpos_find(ctx->pos, "call", &line, &col) == 0)
            snprintf(path, sizeof path, "call.allowed_hosts");
        else
            snprintf(path, sizeof path, "municipalities[%d].call", i);
        config_ctx_err(ctx, path, CONFIG_MSG_HOSTS_NEEDED, who, NULL, NULL);
        return;
    }
}

static void config_check_emblem(struct config_ctx *ctx, int i, const char *rel)
{
    char full[1024], path[CONFIG_PATH_MAX], err[256] = "";
    snprintf(path, sizeof path, "municipalities[%d].emblem", i);
    if (config_resolve_path(ctx->cfg, rel, full, sizeof full) != 0) {
        config_ctx_err(ctx, path, CONFIG_MSG_PATH_TOO_LONG, NULL, NULL, NULL);
        return;
    }
    struct stat st;
    if (stat(full, &st) != 0) {
        config_ctx_err(ctx, path, CONFIG_MSG_FILE_MISSING, full, NULL, NULL);
        return;
    }
    /* The size from the header before any decoding (and never a FIFO). */
    int w, h;
    if (file_png_size(full, &w, &h, err, sizeof err) != 0) {
        config_ctx_err(ctx, path, CONFIG_MSG_IMAGE_BAD, rel, err, NULL);
        return;
    }
    if (ctx->opts->image_probe && ctx->opts->image_probe(full, err, sizeof err) != 0)
        config_ctx_err(ctx, path, CONFIG_MSG_IMAGE_BAD, rel, err[0] ? err : "?", NULL);
}

static void config_check_fonts(struct config_ctx *ctx)
{
    const struct config_kiosk *k = &ctx->cfg->kiosk;
    for (int i = 0; i < k->n_fonts; i++) {
        for (int j = 0; j < k->fonts[i].n; j++) {
            char out[1024], path[CONFIG_PATH_MAX], chain[CONFIG_PATH_MAX];
            int face = 0;
            if (pathrule_escapes(k->fonts[i].files[j]))
                continue; /* config_check_font_escapes said so */
            if (fontfind_resolve(k->fonts[i].files[j], ctx->opts->fonts_dir, out, sizeof out,
                                 &face, NULL, 0) == 0)
                continue;
            jsonpath_key(chain, sizeof chain, "kiosk.fonts",
                             k->fonts[i].lang[0] ? k->fonts[i].lang : "default");
            jsonpath_index(path, sizeof path, chain, j);
            const char *dir = ctx->opts->fonts_dir ? ctx->opts->fonts_dir : "fonts/";
            config_ctx_err(ctx, path, CONFIG_MSG_FONT_MISSING, k->fonts[i].files[j], dir, NULL);
        }
    }
}

/* An error when the records path names a folder (a clerk wrote the folder
 * the records go in: "/var/lib/sapporo-counter-kiosk/"), a FIFO or a
 * device: the kiosk opens only regular files, so no record would be kept. */
static int config_check_not_file(struct config_ctx *ctx, const char *full, const char *path,
                                 const char *name)
{
    struct stat st;
    if (stat(full, &st) != 0 || S_ISREG(st.st_mode))
        return 0;
    char example[1100];
    size_t n = strlen(full);
    snprintf(example, sizeof example, "%s%s%s", full, n && full[n - 1] == '/' ? "" : "/", name);
    config_ctx_err(ctx, path, CONFIG_MSG_RECORDS_NOT_FILE, full,
                   S_ISDIR(st.st_mode) ? "a folder" : "a FIFO, device or socket",
                   S_ISDIR(st.st_mode) ? example : name);
    return 1;
}

/* Warns when the folder of a records file does not exist. */
static void config_check_folder(struct config_ctx *ctx, const char *rel, const char *path)
{
    char full[1024];
    if (!rel || config_resolve_path(ctx->cfg, rel, full, sizeof full) != 0)
        return;
    if (config_check_not_file(ctx, full, path,
                              strcmp(path, "kiosk.stats_path") == 0 ? "stats.jsonl" : "kiosk.prom"))
        return;
    char *slash = strrchr(full, '/');
    if (!slash || slash == full)
        return;
    *slash = '\0';
    struct stat st;
    if (stat(full, &st) != 0 || !S_ISDIR(st.st_mode))
        config_ctx_warn(ctx, path, CONFIG_MSG_FOLDER_MISSING, full, NULL, NULL);
}

/* The file a path names, with its folder's symlinks and ".." resolved (the
 * file itself need not exist). 0, or -1 (no such folder: left as is). */
static int config_check_canon(const char *full, char *out, size_t outsz)
{
    char dir[PATH_MAX], real[PATH_MAX];
    snprintf(out, outsz, "%s", full);
    const char *slash = strrchr(full, '/');
    size_t n = slash ? (size_t)(slash - full) : 0;
    if (n >= sizeof dir)
        return -1;
    memcpy(dir, slash ? full : ".", slash ? n : 1);
    dir[slash ? (n ? n : 1) : 1] = '\0';
    if (!realpath(dir, real))
        return -1;
    int w = snprintf(out, outsz, "%s/%s", strcmp(real, "/") ? real : "", slash ? slash + 1 : full);
    if (w < 0 || (size_t)w >= outsz) {
        snprintf(out, outsz, "%s", full);
        return -1;
    }
    return 0;
}

/* Records and metrics must not overwrite the config (the kiosk would then
 * append to the staff's file and refuse it at the next start) nor each
 * other. */
static void config_check_records_paths(struct config_ctx *ctx)
{
    const struct config_kiosk *k = &ctx->cfg->kiosk;
    char conf[PATH_MAX], full[1024], stats[PATH_MAX] = "", metrics[PATH_MAX];
    if (!ctx->cfg->path)
        return;
    config_check_canon(ctx->cfg->path, conf, sizeof conf);
    if (k->stats_path && config_resolve_path(ctx->cfg, k->stats_path, full, sizeof full) == 0) {
        config_check_canon(full, stats, sizeof stats);
        if (strcmp(stats, conf) == 0)
            config_ctx_err(ctx, "kiosk.stats_path", CONFIG_MSG_RECORDS_IS_CONFIG, k->stats_path,
                           NULL, NULL);
    }
    if (!k->metrics_path ||
        config_resolve_path(ctx->cfg, k->metrics_path, full, sizeof full) != 0)
        return;
    config_check_canon(full, metrics, sizeof metrics);
    if (strcmp(metrics, conf) == 0)
        config_ctx_err(ctx, "kiosk.metrics_path", CONFIG_MSG_RECORDS_IS_CONFIG, k->metrics_path,
                       NULL, NULL);
    else if (strcmp(metrics, stats) == 0)
        config_ctx_err(ctx, "kiosk.metrics_path", CONFIG_MSG_RECORDS_SAME, k->metrics_path, NULL,
                       NULL);
    /* The metrics go to PATH.tmp first, then are renamed over PATH: that
     * file must be neither the config nor the records. */
    char tmp[PATH_MAX + 8];
    snprintf(tmp, sizeof tmp, "%s.tmp", metrics);
    if (strcmp(tmp, conf) == 0 || strcmp(tmp, stats) == 0)
        config_ctx_err(ctx, "kiosk.metrics_path", CONFIG_MSG_METRICS_TMP, k->metrics_path,
                       strcmp(tmp, conf) == 0 ? ctx->cfg->path : "kiosk.stats_path", NULL);
}

/* Records inside the install's data folder would be lost at the next
 * update (and there the kiosk's user may write over the data itself). */
static void config_check_records_data(struct config_ctx *ctx, const char *rel, const char *path)
{
    char full[1024], canon[PATH_MAX], data[PATH_MAX];
    if (!rel || !ctx->opts->data_dir || !realpath(ctx->opts->data_dir, data) ||
        config_resolve_path(ctx->cfg, rel, full, sizeof full) != 0)
        return;
    /* a folder not made yet: the path's text, when it is absolute */
    if (config_check_canon(full, canon, sizeof canon) != 0 &&
        (full[0] != '/' || pathrule_join("/", full, canon, sizeof canon) != 0))
        return;
    if (pathrule_inside(data, canon))
        config_ctx_err(ctx, path, CONFIG_MSG_RECORDS_IN_DATA, rel, data, NULL);
}

/* 1 when a relative emblem path climbs out of the config's folder, except
 * into the data folder's assets/ (the source tree's config/ reaches
 * ../assets/ so). Reported as an error. */
static int config_check_emblem_escapes(struct config_ctx *ctx, int i, const char *rel)
{
    if (!pathrule_escapes(rel))
        return 0;
    char dir[PATH_MAX], joined[PATH_MAX], data[PATH_MAX], assets[PATH_MAX + 8];
    const char *cdir = ctx->cfg->dir ? ctx->cfg->dir : ".";
    int real = realpath(cdir, dir) != NULL;
    if (real && ctx->opts->data_dir && realpath(ctx->opts->data_dir, data) &&
        pathrule_join(dir, rel, joined, sizeof joined) == 0 &&
        snprintf(assets, sizeof assets, "%s/assets", data) < (int)sizeof assets &&
        pathrule_inside(assets, joined))
        return 0;
    char path[CONFIG_PATH_MAX];
    snprintf(path, sizeof path, "municipalities[%d].emblem", i);
    config_ctx_err(ctx, path, CONFIG_MSG_PATH_ESCAPES, rel, cdir, NULL);
    return 1;
}

/* A font is a name searched in the fonts folders: a relative name may not
 * climb out of them (`../../../../etc/passwd`); an absolute path may. */
static void config_check_font_escapes(struct config_ctx *ctx)
{
    const struct config_kiosk *k = &ctx->cfg->kiosk;
    for (int i = 0; i < k->n_fonts; i++) {
        for (int j = 0; j < k->fonts[i].n; j++) {
            if (!pathrule_escapes(k->fonts[i].files[j]))
                continue;
            char path[CONFIG_PATH_MAX], chain[CONFIG_PATH_MAX];
            jsonpath_key(chain, sizeof chain, "kiosk.fonts",
                         k->fonts[i].lang[0] ? k->fonts[i].lang : "default");
            jsonpath_index(path, sizeof path, chain, j);
            const char *dir = ctx->opts->fonts_dir ? ctx->opts->fonts_dir : "fonts/";
            config_ctx_err(ctx, path, CONFIG_MSG_PATH_ESCAPES, k->fonts[i].files[j], dir, NULL);
        }
    }
}

/* The path rules, on the text of the paths (with skip_files too). */
static void config_check_path_rules(struct config_ctx *ctx, int *emblem_ok)
{
    const struct config *cfg = ctx->cfg;
    for (int i = 0; i < cfg->n_municipalities; i++)
        emblem_ok[i] = !cfg->municipalities[i].emblem ||
                       !config_check_emblem_escapes(ctx, i, cfg->municipalities[i].emblem);
    config_check_font_escapes(ctx);
    config_check_records_data(ctx, cfg->kiosk.stats_path, "kiosk.stats_path");
    config_check_records_data(ctx, cfg->kiosk.metrics_path, "kiosk.metrics_path");
}

static void config_check_files(struct config_ctx *ctx, const int *emblem_ok)
{
    const struct config *cfg = ctx->cfg;
    for (int i = 0; i < cfg->n_municipalities; i++)
        if (cfg->municipalities[i].emblem && emblem_ok[i])
            config_check_emblem(ctx, i, cfg->municipalities[i].emblem);
    config_check_fonts(ctx);
    config_check_folder(ctx, cfg->kiosk.stats_path, "kiosk.stats_path");
    config_check_folder(ctx, cfg->kiosk.metrics_path, "kiosk.metrics_path");
}

/* A town's name lacking one of the kiosk's languages shows in another
 * language on that language's screens: a warning per missing language. */
static void config_check_name_langs(struct config_ctx *ctx)
{
    const struct config *cfg = ctx->cfg;
    if (!ctx->langs_ok)
        return;
    for (int i = 0; i < cfg->n_municipalities; i++) {
        const struct ltext *name = &cfg->municipalities[i].name;
        if (name->n == 0)
            continue;
        for (int l = 0; l < cfg->kiosk.n_languages; l++) {
            const char *lang = cfg->kiosk.languages[l];
            int has = 0;
            for (int k = 0; k < name->n && !has; k++)
                has = strcmp(name->e[k].lang, lang) == 0 ||
                      (!name->e[k].lang[0] && strcmp(lang, cfg->kiosk.default_language) == 0);
            /* ja-easy screens show the Japanese name (the kanji a reader
             * sees on the town's signs): no warning for it. */
            if (has || (strcmp(lang, "ja-easy") == 0 && ltext_has(name, "ja")))
                continue;
            char path[CONFIG_PATH_MAX];
            snprintf(path, sizeof path, "municipalities[%d].name", i);
            config_ctx_warn(ctx, path, CONFIG_MSG_NAME_NO_LANG, lang,
                            ltext_get(name, lang, cfg->kiosk.default_language), NULL);
        }
    }
}

/* A service card's summary is one line: a language without one shows a cut
 * excerpt of the body instead, and one too wide for the card is cut. The
 * width is estimated without fonts (ltext_em_width): the narrowest card
 * (portrait, two columns) holds CONFIG_SUMMARY_MAX_EM ems of its text;
 * render_check measures the real width on every screen size. */
static void config_check_summaries(struct config_ctx *ctx)
{
    const struct config *cfg = ctx->cfg;
    if (!ctx->langs_ok)
        return;
    for (int i = 0; i < cfg->n_services; i++) {
        const struct ltext *sum = &cfg->services[i].summary;
        if (sum->n == 0)
            continue; /* no summaries at all: the excerpt, as before */
        char path[CONFIG_PATH_MAX];
        snprintf(path, sizeof path, "services[%d].summary", i);
        for (int l = 0; l < cfg->kiosk.n_languages; l++) {
            const char *lang = cfg->kiosk.languages[l];
            if (!ltext_has(sum, lang))
                config_ctx_warn(ctx, path, CONFIG_MSG_SUMMARY_NO_LANG, lang, NULL, NULL);
        }
        for (int k = 0; k < sum->n; k++) {
            double em = textwrap_em_estimate(sum->e[k].text);
            if (em <= CONFIG_SUMMARY_MAX_EM)
                continue;
            char wide[16], most[16];
            snprintf(wide, sizeof wide, "%.0f", ceil(em));
            snprintf(most, sizeof most, "%d", CONFIG_SUMMARY_MAX_EM);
            /* At the language's own entry, so the clerk sees which one. */
            char lpath[CONFIG_PATH_MAX + 16];
            if (sum->e[k].lang[0])
                snprintf(lpath, sizeof lpath, "%s.%s", path, sum->e[k].lang);
            else
                snprintf(lpath, sizeof lpath, "%s", path);
            config_ctx_warn(ctx, lpath, CONFIG_MSG_SUMMARY_LONG, sum->e[k].text, wide, most);
        }
    }
}

void config_check_all(struct config_ctx *ctx)
{
    const struct config *cfg = ctx->cfg;
    config_check_ids(ctx, "municipalities", cfg->municipalities, cfg->n_municipalities,
                     sizeof *cfg->municipalities, offsetof(struct config_municipality, id));
    config_check_ids(ctx, "services", cfg->services, cfg->n_services, sizeof *cfg->services,
                     offsetof(struct config_service, id));
    config_check_ids(ctx, "kpis", cfg->kpis, cfg->n_kpis, sizeof *cfg->kpis,
                     offsetof(struct config_kpi, id));
    config_check_service_munis(ctx);
    config_check_hosts_needed(ctx);
    config_check_name_langs(ctx);
    config_check_summaries(ctx);
    config_check_records_paths(ctx);
    int *emblem_ok = calloc((size_t)(cfg->n_municipalities + 1), sizeof *emblem_ok);
    if (!emblem_ok)
        return;
    config_check_path_rules(ctx, emblem_ok);
    if (!ctx->opts->skip_files)
        config_check_files(ctx, emblem_ok);
    free(emblem_ok);
}
