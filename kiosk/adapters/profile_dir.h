#ifndef KIOSK_PROFILE_DIR_H
#define KIOSK_PROFILE_DIR_H
/* The call's browser profile directories: made fresh and private for each
 * call (<root>/kiosk-call-<kiosk pid>-XXXXXX, mode 0700), removed after it,
 * and swept at start-up when a kiosk that died left some behind. Nothing
 * of a visitor's call survives in them. */
#include <stddef.h>

/* root itself if set, else $XDG_RUNTIME_DIR if set and absolute, else /tmp.
 * Points into root, the environment or a static string. */
const char *profile_dir_root(const char *root);

/* Makes a new empty directory under profile_dir_root(root), its path into
 * out (outsz bytes, PATH_MAX suffices). Returns 0, or -1 with a one-line
 * English reason in err (out is then "" unless the directory exists but
 * could not be made private: the caller removes it). */
int profile_dir_make(const char *root, char *out, size_t outsz, char *err, size_t errsz);

/* rm -r without a shell: depth first, symlinks removed but never followed,
 * never crossing into another file system. Returns 0 if all is gone. */
int profile_dir_remove(const char *path);

/* Removes the directories in root (NULL: the default root) named
 * kiosk-call-<pid>-* whose kiosk pid no longer runs, owned by this user.
 * Returns the number removed. Blocks (disk I/O). */
int profile_dir_sweep(const char *root);
#endif
