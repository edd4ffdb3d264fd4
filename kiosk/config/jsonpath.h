#ifndef KIOSK_JSONPATH_H
#define KIOSK_JSONPATH_H
/* How the config code spells a JSON path (pure: libc only). Paths look
 * like  kiosk.title.ja  municipalities[8].call.url  and keys that are not
 * [A-Za-z0-9_-]+ are written  a["odd key"]  (JSON string escapes). */
#include <stddef.h>

/* Write parent + key / parent + [index] into out. Return 0, or -1 if it
 * did not fit (out is then truncated but terminated). */
int jsonpath_key(char *out, size_t outsz, const char *parent, const char *key);
int jsonpath_index(char *out, size_t outsz, const char *parent, int index);
/* Writes the segment for key[0..len) (".key", "key" at the root, or
 * ["k\"ey"]) into out. Returns the full length it needs; writes what
 * fits, NUL-terminated when outsz > 0 (out may be NULL when outsz is 0). */
size_t jsonpath_segment(char *out, size_t outsz, int at_root, const char *key, size_t len);
#endif
