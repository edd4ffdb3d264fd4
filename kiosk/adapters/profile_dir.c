/* nftw's FTW_DEPTH, FTW_PHYS and FTW_MOUNT need the X/Open (here GNU) feature set. */
#define _GNU_SOURCE
#include "profile_dir.h"

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "msg.h"

#define PROFILE_DIR_PREFIX "kiosk-call-"
#define PROFILE_DIR_NFTW_FDS 16

/* Failure count of the current nftw walk (nftw's callback has no context). */
static _Thread_local int profile_dir_rm_failures;

const char *profile_dir_root(const char *root)
{
    if (root && root[0])
        return root;
    const char *xdg = getenv("XDG_RUNTIME_DIR");
    return (xdg && xdg[0] == '/') ? xdg : "/tmp";
}

int profile_dir_make(const char *root, char *out, size_t outsz, char *err, size_t errsz)
{
    const char *r = profile_dir_root(root);
    int n = snprintf(out, outsz, "%s/" PROFILE_DIR_PREFIX "%ld-XXXXXX", r, (long)getpid());
    if (n < 0 || (size_t)n >= outsz) {
        out[0] = '\0';
        snprintf(err, errsz, "profile root %s: path too long", r);
        return -1;
    }
    if (!mkdtemp(out)) {
        snprintf(err, errsz, "cannot make a profile directory in %s: %s", r, strerror(errno));
        out[0] = '\0';
        return -1;
    }
    /* mkdtemp asks for 0700 but the umask could take more away */
    if (chmod(out, 0700) != 0) {
        snprintf(err, errsz, "cannot chmod %s: %s", out, strerror(errno));
        return -1;
    }
    return 0;
}

static int profile_dir_rm_one(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
    (void)sb;
    (void)ftw;
    int r = (type == FTW_DP || type == FTW_DNR) ? rmdir(path) : unlink(path);
    if (r != 0 && errno != ENOENT)
        profile_dir_rm_failures++;
    return 0; /* go on: remove as much as possible */
}

int profile_dir_remove(const char *path)
{
    profile_dir_rm_failures = 0;
    if (nftw(path, profile_dir_rm_one, PROFILE_DIR_NFTW_FDS, FTW_DEPTH | FTW_PHYS | FTW_MOUNT) !=
        0)
        return errno == ENOENT ? 0 : -1;
    return profile_dir_rm_failures ? -1 : 0;
}

/* 1 if root/name is a profile of a kiosk that is gone; its path in path. */
static int profile_dir_is_stale(const char *root, const char *name, char *path, size_t pathsz)
{
    const size_t plen = sizeof PROFILE_DIR_PREFIX - 1;
    if (strncmp(name, PROFILE_DIR_PREFIX, plen) != 0)
        return 0;
    char *end;
    long pid = strtol(name + plen, &end, 10);
    if (end == name + plen || *end != '-' || pid <= 0 || pid == (long)getpid())
        return 0;
    if (kill((pid_t)pid, 0) == 0 || errno == EPERM)
        return 0; /* that kiosk still runs */
    int n = snprintf(path, pathsz, "%s/%s", root, name);
    struct stat st;
    if (n < 0 || (size_t)n >= pathsz || lstat(path, &st) != 0)
        return 0;
    return S_ISDIR(st.st_mode) && st.st_uid == geteuid();
}

int profile_dir_sweep(const char *root)
{
    const char *r = profile_dir_root(root);
    DIR *d = opendir(r);
    if (!d)
        return 0;
    int removed = 0;
    struct dirent *e;
    char path[PATH_MAX];
    while ((e = readdir(d)) != NULL)
        if (profile_dir_is_stale(r, e->d_name, path, sizeof path) && profile_dir_remove(path) == 0)
            removed++;
    closedir(d);
    if (removed > 0)
        msg_info("call: removed %d profile(s) left by an earlier run in %s", removed, r);
    return removed;
}
