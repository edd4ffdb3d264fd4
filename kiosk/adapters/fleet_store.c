/* The last good central config document in the state folder, so that a
 * kiosk started during a network outage runs the content it last had. One
 * file holds the ETag and the document, written whole to a temporary file,
 * synced and renamed over the old one: a power cut leaves the old file or
 * the new one, never a mix. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "file.h"
#include "fleet.h"

int fleet_store_dir(const struct config *cfg, char *out, size_t outsz)
{
    const char *rel = cfg->fleet.state_dir;
    char stats[1024];
    if (rel)
        return config_resolve_path(cfg, rel, out, outsz);
    if (cfg->kiosk.stats_path &&
        config_resolve_path(cfg, cfg->kiosk.stats_path, stats, sizeof stats) == 0) {
        char *slash = strrchr(stats, '/');
        if (slash && slash != stats) {
            *slash = '\0';
            return snprintf(out, outsz, "%s", stats) < (int)outsz ? 0 : -1;
        }
    }
    return snprintf(out, outsz, "%s", cfg->dir ? cfg->dir : ".") < (int)outsz ? 0 : -1;
}

static int fleet_store_err(char *err, size_t errsz, const char *what, const char *path)
{
    snprintf(err, errsz, "%s %s: %s", what, path, strerror(errno));
    return -1;
}

int fleet_store_save(const char *dir, const struct fleet_doc *doc, char *err, size_t errsz)
{
    char path[1100], tmp[1120], head[FLEET_ETAG_MAX + 64];
    snprintf(path, sizeof path, "%s/%s", dir, FLEET_STORE_NAME);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    int hn = snprintf(head, sizeof head, "etag %s at %lld\n", doc->etag, doc->at);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
    if (fd < 0)
        return fleet_store_err(err, errsz, "cannot create", tmp);
    if (file_write_all(fd, head, (size_t)hn) != 0 ||
        file_write_all(fd, doc->body, doc->len) != 0 || fsync(fd) != 0) {
        fleet_store_err(err, errsz, "cannot write", tmp);
        close(fd);
        unlink(tmp);
        return -1;
    }
    if (close(fd) != 0 || rename(tmp, path) != 0) {
        fleet_store_err(err, errsz, "cannot replace", path);
        unlink(tmp);
        return -1;
    }
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) { /* the rename itself survives a power cut */
        fsync(dfd);
        close(dfd);
    }
    return 0;
}

int fleet_store_load(const char *dir, struct fleet_doc *doc, char *err, size_t errsz)
{
    char path[1100], *buf = NULL;
    size_t len = 0;
    memset(doc, 0, sizeof *doc);
    snprintf(path, sizeof path, "%s/%s", dir, FLEET_STORE_NAME);
    if (config_read_file(path, FLEET_MAX_BODY + FLEET_ETAG_MAX + 64, &buf, &len) != 0)
        return fleet_store_err(err, errsz, "cannot read", path);
    char *nl = memchr(buf, '\n', len), *at = NULL;
    for (char *p = buf; nl && p + 4 <= nl; p++) /* the last " at ": an ETag may hold one */
        if (memcmp(p, " at ", 4) == 0)
            at = p;
    if (!nl || strncmp(buf, "etag ", 5) != 0 || !at || at < buf + 4 ||
        (size_t)(at - buf - 5) >= sizeof doc->etag) {
        snprintf(err, errsz, "%s: not a saved document", path);
        free(buf);
        return -1;
    }
    snprintf(doc->etag, sizeof doc->etag, "%.*s", (int)(at - buf - 5), buf + 5);
    doc->at = strtoll(at + 4, NULL, 10);
    doc->len = len - (size_t)(nl + 1 - buf);
    memmove(buf, nl + 1, doc->len + 1);
    doc->body = buf;
    return 0;
}
