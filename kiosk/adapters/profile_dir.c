/* nftw's FTW_DEPTH, FTW_PHYS and FTW_MOUNT need the X/Open (here GNU) feature set. */
#define _GNU_SOURCE
#include "profile_dir.h"

#include <dirent.h>
#include <fcntl.h>
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"
#include "msg.h"
#include "pgroup.h"

#define PROFILE_DIR_KILL_GRACE_MS 1000

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

unsigned long long profile_dir_start_time(pid_t pid, pid_t *pgrp)
{
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
    if (file_read_small(path, 0, buf, sizeof buf) < 0)
        return 0;
    char *p = strrchr(buf, ')'); /* comm may hold ')' and spaces */
    if (!p || p[1] != ' ' || p[2] == 'Z' || p[2] == 'X')
        return 0;
    p += 3; /* at field 4 (ppid) */
    unsigned long long v = 0;
    for (int field = 4; field <= 22 && *p; field++) {
        char *end;
        v = strtoull(p, &end, 10);
        if (field == 5 && pgrp)
            *pgrp = (pid_t)v;
        p = end;
    }
    return v;
}

int profile_dir_write_pid(const char *profile, pid_t pid)
{
    char path[PATH_MAX], line[64];
    if (snprintf(path, sizeof path, "%s.pid", profile) >= (int)sizeof path) {
        errno = ENAMETOOLONG;
        return -1;
    }
    int len = snprintf(line, sizeof line, "%ld %llu\n", (long)pid,
                       profile_dir_start_time(pid, NULL));
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return -1;
    int ok = write(fd, line, (size_t)len) == (ssize_t)len;
    int e = errno;
    close(fd);
    errno = e;
    return ok ? 0 : -1;
}

/* 1 if a live process of our user is in group g. */
static int profile_dir_group_ours(pid_t g)
{
    DIR *d = opendir("/proc");
    if (!d)
        return 0;
    int found = 0;
    struct dirent *e;
    while (!found && (e = readdir(d)) != NULL) {
        char *end, path[300];
        long pid = strtol(e->d_name, &end, 10);
        pid_t pg = 0;
        struct stat st;
        if (*end || pid <= 0 || profile_dir_start_time((pid_t)pid, &pg) == 0 || pg != g)
            continue;
        snprintf(path, sizeof path, "/proc/%ld", pid);
        found = stat(path, &st) == 0 && st.st_uid == geteuid();
    }
    closedir(d);
    return found;
}

/* Ends the browser group recorded in <profile>.pid by a kiosk that is gone:
 * never by name, only the recorded pid when its start time matches (or,
 * with that leader gone, the members of our user still in its group: a
 * group id is not reused while it has members). Returns 1 if it ended one. */
static int profile_dir_end_recorded(const char *profile)
{
    char path[PATH_MAX], buf[64];
    if (snprintf(path, sizeof path, "%s.pid", profile) >= (int)sizeof path)
        return 0;
    if (file_read_small(path, O_NOFOLLOW | O_NONBLOCK, buf, sizeof buf) < 0)
        return 0;
    char *end;
    long pid = strtol(buf, &end, 10);
    unsigned long long start = strtoull(end, &end, 10);
    if (pid <= 1 || start == 0)
        return 0;
    pid_t pg = 0;
    unsigned long long now = profile_dir_start_time((pid_t)pid, &pg);
    int ours = now != 0 ? (now == start && pg == (pid_t)pid) : profile_dir_group_ours((pid_t)pid);
    if (!ours)
        return 0;
    msg_warn("call: ending the browser (process group %ld) left by an earlier run", pid);
    pgroup_end((pid_t)pid, PROFILE_DIR_KILL_GRACE_MS);
    return 1;
}

int profile_dir_remove(const char *path)
{
    char pidfile[PATH_MAX];
    if (snprintf(pidfile, sizeof pidfile, "%s.pid", path) < (int)sizeof pidfile)
        unlink(pidfile);
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
        if (profile_dir_is_stale(r, e->d_name, path, sizeof path)) {
            profile_dir_end_recorded(path); /* the browser first, then its profile */
            if (profile_dir_remove(path) == 0)
                removed++;
        }
    closedir(d);
    if (removed > 0)
        msg_info("call: removed %d profile(s) left by an earlier run in %s", removed, r);
    return removed;
}
