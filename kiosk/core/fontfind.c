#include "fontfind.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "pathrule.h"

#define FONTFIND_MAX_DEPTH 4

static int fontfind_is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Depth-limited search for a file called name under dir. */
static int fontfind_walk(const char *dir, const char *name, int depth, char *out, size_t outsz)
{
    char path[1024];
    int n = snprintf(path, sizeof path, "%s/%s", dir, name);
    if (n > 0 && (size_t)n < sizeof path && fontfind_is_file(path)) {
        if ((size_t)n >= outsz)
            return -1;
        memcpy(out, path, (size_t)n + 1);
        return 0;
    }
    if (depth <= 0)
        return -1;
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int found = -1;
    struct dirent *e;
    while (found != 0 && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        /* Only folders are descended into: skip the stat of every font
         * file (thousands under /usr/share/fonts). */
        if (e->d_type != DT_DIR && e->d_type != DT_LNK && e->d_type != DT_UNKNOWN)
            continue;
        n = snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (n <= 0 || (size_t)n >= sizeof path || stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
            continue;
        found = fontfind_walk(path, name, depth - 1, out, outsz);
    }
    closedir(d);
    return found;
}

static void fontfind_split(const char *spec, char *name, size_t namesz, int *face)
{
    const char *hash = strrchr(spec, '#');
    size_t len = hash ? (size_t)(hash - spec) : strlen(spec);
    if (len >= namesz)
        len = namesz - 1;
    memcpy(name, spec, len);
    name[len] = '\0';
    *face = 0;
    if (hash) {
        char *end = NULL;
        long v = strtol(hash + 1, &end, 10);
        if (end && *end == '\0' && v >= 0 && v < 64)
            *face = (int)v;
    }
}

int fontfind_resolve(const char *spec, const char *fonts_dir, char *out, size_t outsz,
                     int *face, char *tried, size_t triedsz)
{
    static const char *const system_dirs[] = {"/usr/local/share/fonts", "/usr/share/fonts"};
    char name[512];
    fontfind_split(spec, name, sizeof name, face);
    if (tried && triedsz)
        tried[0] = '\0';
    if (name[0] == '/') {
        if (tried)
            snprintf(tried, triedsz, "%s", name);
        if (!fontfind_is_file(name) || strlen(name) >= outsz)
            return -1;
        memcpy(out, name, strlen(name) + 1);
        return 0;
    }
    if (pathrule_escapes(name)) { /* ../../etc/passwd: never outside the font folders */
        if (tried)
            snprintf(tried, triedsz, "%s (leaves the font folders)", name);
        return -1;
    }
    if (tried)
        snprintf(tried, triedsz, "%s/%s, %s/**/%s, %s/**/%s", fonts_dir ? fonts_dir : "fonts",
                 name, system_dirs[0], name, system_dirs[1], name);
    if (fonts_dir && fontfind_walk(fonts_dir, name, 1, out, outsz) == 0)
        return 0;
    for (size_t i = 0; i < sizeof system_dirs / sizeof system_dirs[0]; i++)
        if (fontfind_walk(system_dirs[i], name, FONTFIND_MAX_DEPTH, out, outsz) == 0)
            return 0;
    return -1;
}
