#ifndef KIOSK_PROFILE_DIR_H
#define KIOSK_PROFILE_DIR_H
/* The call's browser profile directories: made fresh and private for each
 * call (<root>/kiosk-call-<kiosk pid>-XXXXXX, mode 0700), removed after it,
 * and swept at start-up when a kiosk that died left some behind. Nothing
 * of a visitor's call survives in them. */
#include <stddef.h>
#include <sys/types.h>

/* root itself if set, else $XDG_RUNTIME_DIR if set and absolute, else /tmp.
 * Points into root, the environment or a static string. */
const char *profile_dir_root(const char *root);

/* Makes a new empty directory under profile_dir_root(root), its path into
 * out (outsz bytes, PATH_MAX suffices). Returns 0, or -1 with a one-line
 * English reason in err (out is then "" unless the directory exists but
 * could not be made private: the caller removes it). */
int profile_dir_make(const char *root, char *out, size_t outsz, char *err, size_t errsz);

/* rm -r without a shell: depth first, symlinks removed but never followed,
 * never crossing into another file system; also <path>.pid. Returns 0 if
 * all is gone. */
int profile_dir_remove(const char *path);

/* Writes "<pid> <start time>\n" (start time: field 22 of /proc/<pid>/stat)
 * into <profile>.pid, mode 0600. Returns 0, or -1 with errno set. */
int profile_dir_write_pid(const char *profile, pid_t pid);

/* Start time of pid (clock ticks since boot, /proc/<pid>/stat field 22)
 * and its process group; 0 if it does not run. */
unsigned long long profile_dir_start_time(pid_t pid, pid_t *pgrp);

/* Removes the directories in root (NULL: the default root) named
 * kiosk-call-<pid>-* whose kiosk pid no longer runs, owned by this user,
 * first ending the browser group their .pid file names (if its leader is
 * the recorded process, by start time, or the leader is gone and members
 * of our user are left). Returns the number removed. Blocks (disk I/O). */
int profile_dir_sweep(const char *root);
#endif
