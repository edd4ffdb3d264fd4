/* kiosk --report: opens the records file, runs the pure summary of
 * core/stats_report.c over it, and says what went wrong through msg. */
#include "report.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "msg.h"
#include "stats_report.h"

/* The format and the dates: 0, or 2 (a usage error, told). *r is safe to free either way. */
static int report_check_args(struct stats_report *r, const char *from, const char *to,
                             const char *format, enum stats_report_format *fmt)
{
    memset(r, 0, sizeof *r);
    if (stats_report_format_from(format, fmt) != 0) {
        msg_error("--format %s: use csv or md", format);
        return 2;
    }
    if (stats_report_init(r, from, to) == 0)
        return 0;
    if (r->from && r->to)
        msg_error("--report %s %s: FROM is after TO", from, to);
    else
        msg_error("--report %s %s: dates are YYYY-MM-DD (a real day)", from ? from : "",
                  to ? to : "");
    return 2;
}

int report_print(FILE *out, const char *stats_path, const char *from, const char *to,
                 const char *format)
{
    struct stats_report r;
    enum stats_report_format fmt;
    int rc = report_check_args(&r, from, to, format, &fmt);
    if (rc != 0)
        goto done;
    rc = 1;
    if (!stats_path || !stats_path[0]) {
        msg_error("no kiosk.stats_path in the config: nothing to report");
        goto done;
    }
    FILE *f = fopen(stats_path, "re");
    if (!f) {
        msg_error("cannot read %s: %s", stats_path, strerror(errno));
        goto done;
    }
    int read_rc = stats_report_read(&r, f);
    fclose(f);
    if (read_rc != 0) {
        msg_error("error reading %s", stats_path);
        goto done;
    }
    if (r.malformed)
        msg_warn("%s: %ld malformed line(s) skipped, the first at line %ld", stats_path,
                 r.malformed, r.first_malformed);
    rc = stats_report_write(&r, out, fmt) == 0 ? 0 : 1;
    if (rc != 0)
        msg_error("cannot write the report: %s", strerror(errno));
done:
    stats_report_free(&r);
    return rc;
}

#define REPORT_FILES_MAX 256

struct report_files {
    int n;
    char *path[REPORT_FILES_MAX]; /* owned */
};

static int report_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int report_add(struct report_files *fs, const char *path)
{
    if (fs->n == REPORT_FILES_MAX) {
        msg_error("--report: more than %d records files", REPORT_FILES_MAX);
        return -1;
    }
    fs->path[fs->n] = malloc(strlen(path) + 1);
    if (!fs->path[fs->n])
        return -1;
    memcpy(fs->path[fs->n], path, strlen(path) + 1);
    fs->n++;
    return 0;
}

/* A folder's *.jsonl files, sorted by name. */
static int report_add_dir(struct report_files *fs, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        msg_error("cannot read %s: %s", dir, strerror(errno));
        return -1;
    }
    int first = fs->n, rc = 0;
    struct dirent *e;
    while (rc == 0 && (e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        char full[2048];
        if (l < 7 || strcmp(e->d_name + l - 6, ".jsonl") != 0)
            continue;
        snprintf(full, sizeof full, "%s/%s", dir, e->d_name);
        rc = report_add(fs, full);
    }
    closedir(d);
    qsort(fs->path + first, (size_t)(fs->n - first), sizeof fs->path[0], report_cmp);
    if (rc == 0 && fs->n == first)
        msg_warn("%s: no *.jsonl records file in this folder", dir);
    return rc;
}

/* Reads one file into its own report and into the total. Returns 0 or 1. */
static int report_read_two(const char *path, struct stats_report *one, struct stats_report *total)
{
    FILE *f = fopen(path, "re");
    if (!f) {
        msg_error("cannot read %s: %s", path, strerror(errno));
        return 1;
    }
    int rc = stats_report_read(one, f);
    rewind(f);
    if (rc == 0)
        rc = stats_report_read(total, f);
    fclose(f);
    if (rc != 0) {
        msg_error("error reading %s", path);
        return 1;
    }
    if (one->malformed)
        msg_warn("%s: %ld malformed line(s) skipped, the first at line %ld", path,
                 one->malformed, one->first_malformed);
    return 0;
}

int report_print_fleet(FILE *out, const char *const *paths, int n, const char *from,
                       const char *to, const char *format)
{
    struct report_files fs = {0};
    struct stats_report total, per[REPORT_FILES_MAX];
    const char *names[REPORT_FILES_MAX];
    enum stats_report_format fmt;
    int rc = report_check_args(&total, from, to, format, &fmt), made = 0;
    for (int i = 0; rc == 0 && i < n; i++) {
        struct stat st;
        if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode))
            rc = report_add_dir(&fs, paths[i]) == 0 ? 0 : 1;
        else
            rc = report_add(&fs, paths[i]) == 0 ? 0 : 1;
    }
    for (; rc == 0 && made < fs.n; made++) {
        stats_report_init(&per[made], from, to); /* the dates were checked above */
        const char *slash = strrchr(fs.path[made], '/');
        names[made] = slash ? slash + 1 : fs.path[made];
        rc = report_read_two(fs.path[made], &per[made], &total);
    }
    if (rc == 0 && stats_report_write_fleet(per, names, fs.n, &total, out, fmt) != 0) {
        msg_error("cannot write the report: %s", strerror(errno));
        rc = 1;
    }
    for (int i = 0; i < made; i++)
        stats_report_free(&per[i]);
    for (int i = 0; i < fs.n; i++)
        free(fs.path[i]);
    stats_report_free(&total);
    return rc;
}
