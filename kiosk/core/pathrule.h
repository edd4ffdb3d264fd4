#ifndef KIOSK_PATHRULE_H
#define KIOSK_PATHRULE_H
/* Where a path the config names may point, decided on its text alone (no
 * disk): a relative font or emblem path must stay inside the folder it is
 * taken from (a `..` that climbs out of it, like ../../../../etc/passwd, is
 * refused; an absolute path is the staff's own choice), and the records
 * must not land inside the install's data folder. Pure string work. */
#include <stddef.h>

/* 1 when the relative path rel climbs above the folder it starts from
 * ("../x", "a/../../x"); 0 when it stays inside ("a/../b", "./x") or is
 * absolute. */
int pathrule_escapes(const char *rel);

/* The absolute path, or base/rel for a relative one, with "." , ".." and
 * repeated slashes removed lexically (symlinks are not followed) into out.
 * ".." at the root stays at the root. Returns 0, or -1 when base is not
 * absolute or the result does not fit outsz. */
int pathrule_join(const char *base, const char *rel, char *out, size_t outsz);

/* 1 when the absolute, normalized path lies in the folder dir (also
 * normalized) or is dir itself: "/a/b" is in "/a", "/ab" is not. */
int pathrule_inside(const char *dir, const char *path);
#endif
