#ifndef KIOSK_SESSION_H
#define KIOSK_SESSION_H
/* Random call-session ids, substituted for {session} in a municipality's
 * call.url so that each visitor gets a room nobody can guess.
 *
 * Form: 128 bits from the kernel's CSPRNG (getrandom(2); /dev/urandom if the
 * system call is missing) as 32 lowercase hex digits, e.g.
 * "3f9c0e6b5a1d4e8f9b2c7d6a5e4f3c2b". Lowercase hex because it is safe in
 * any part of a URL and video services such as Jitsi lowercase room names. */
#include <stddef.h>

#define SESSION_ID_LEN 32                   /* hex digits */
#define SESSION_ID_SIZE (SESSION_ID_LEN + 1) /* with the NUL */

/* Writes a new id and its NUL into out (outsz >= SESSION_ID_SIZE).
 * Returns 0, or -1 if outsz is too small or no randomness could be read
 * (out is then ""). Thread-safe; never blocks once the kernel's pool is
 * initialised (from early boot on). The caller owns out. */
int session_new_id(char *out, size_t outsz);
#endif
