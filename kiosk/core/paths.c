/* The search order for config and fonts (paths.h). Pure: the disk is seen
 * only through the caller's is_file / is_dir. */
#include "paths.h"

#include <stdio.h>
#include <string.h>

static int paths_fmt(char *out, const char *a, const char *b)
{
    int n = snprintf(out, PATHS_MAX, "%s%s", a, b);
    return n >= 0 && n < PATHS_MAX ? 0 : -1;
}

/* dir of path into out ("." when none, "/" for a file at the root). */
static int paths_dirname(const char *path, char *out)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return paths_fmt(out, ".", "");
    size_t n = (size_t)(slash - path);
    if (n == 0)
        return paths_fmt(out, "/", "");
    if (n >= PATHS_MAX)
        return -1;
    memcpy(out, path, n);
    out[n] = '\0';
    return 0;
}

static int paths_basename_is(const char *dir, const char *name)
{
    const char *slash = strrchr(dir, '/');
    return strcmp(slash ? slash + 1 : dir, name) == 0;
}

/* PREFIX from PREFIX/bin/NAME, when the program is installed. */
static int paths_install_prefix(const struct paths_in *in, char *prefix)
{
    char bin[PATHS_MAX], share[PATHS_MAX];
    if (!in->exe || in->exe[0] != '/' || paths_dirname(in->exe, bin) != 0 ||
        !paths_basename_is(bin, "bin") || paths_dirname(bin, prefix) != 0)
        return -1;
    int n = snprintf(share, sizeof share, "%s/share/%s",
                     strcmp(prefix, "/") == 0 ? "" : prefix, in->package);
    if (n < 0 || (size_t)n >= sizeof share || !in->is_dir(share, in->ctx))
        return -1;
    return 0;
}

static int paths_dirs(const struct paths_in *in, struct paths *out)
{
    char prefix[PATHS_MAX];
    char pkg[PATHS_MAX];
    if (snprintf(pkg, sizeof pkg, "/%s", in->package) >= (int)sizeof pkg)
        return -1;
    out->installed = paths_install_prefix(in, prefix) == 0;
    if (!out->installed)
        return paths_fmt(out->data_dir, in->source_dir, "") | paths_fmt(out->etc_dir, "/etc", pkg);
    const char *p = strcmp(prefix, "/") == 0 ? "" : prefix;
    char share[PATHS_MAX];
    if (snprintf(share, sizeof share, "%s/share", p) >= (int)sizeof share)
        return -1;
    /* GNUInstallDirs: the /usr prefix keeps its config in /etc. */
    char etc[PATHS_MAX];
    if (snprintf(etc, sizeof etc, "%s/etc", strcmp(p, "/usr") == 0 ? "" : p) >= (int)sizeof etc)
        return -1;
    return paths_fmt(out->data_dir, share, pkg) | paths_fmt(out->etc_dir, etc, pkg);
}

static int paths_config(const struct paths_in *in, struct paths *out)
{
    char c[PATHS_MAX];
    if (in->cli_config) {
        out->config_from = PATHS_CLI;
        return paths_fmt(out->config, in->cli_config, "");
    }
    if (paths_fmt(c, out->etc_dir, "/kiosk.json") == 0 && in->is_file(c, in->ctx)) {
        out->config_from = PATHS_ETC;
        return paths_fmt(out->config, c, "");
    }
    if (!out->installed && in->is_file("config/kiosk.json", in->ctx)) {
        out->config_from = PATHS_CWD;
        return paths_fmt(out->config, "config/kiosk.json", "");
    }
    out->config_from = PATHS_DATA;
    return paths_fmt(out->config, out->data_dir, "/config/kiosk.json");
}

static int paths_fonts(const struct paths_in *in, struct paths *out)
{
    char cand[2][PATHS_MAX];
    int n = 0;
    if (in->cli_fonts)
        return paths_fmt(out->fonts_dir, in->cli_fonts, "");
    if (paths_fmt(cand[n], out->etc_dir, "/fonts") == 0)
        n++;
    if (paths_fmt(cand[n], out->data_dir, "/fonts") == 0)
        n++;
    for (int i = 0; i < n; i++)
        if (in->is_dir(cand[i], in->ctx))
            return paths_fmt(out->fonts_dir, cand[i], "");
    return paths_fmt(out->fonts_dir, out->data_dir, "/fonts");
}

int paths_resolve(const struct paths_in *in, struct paths *out)
{
    memset(out, 0, sizeof *out);
    if (paths_dirs(in, out) != 0 || paths_config(in, out) != 0)
        return -1;
    return paths_fonts(in, out);
}

const char *paths_from_name(enum paths_from f)
{
    switch (f) {
    case PATHS_CLI: return "command line";
    case PATHS_ETC: return "/etc";
    case PATHS_CWD: return "working folder";
    case PATHS_DATA: return "data";
    }
    return "?";
}
