#ifndef KIOSK_PINHASH_H
#define KIOSK_PINHASH_H
/* The admin PIN as kiosk.admin_pin_sha256 stores it (nettle):
 *   pbkdf2-sha256$ITER$SALT$HASH   PBKDF2-HMAC-SHA256, ITER iterations
 *                                  (PINHASH_ITER_MIN..PINHASH_ITER_MAX),
 *                                  SALT 16 random bytes and HASH 32 bytes,
 *                                  both standard base64 with padding; made
 *                                  by kiosk --hash-pin
 *   64 hex digits                  the old unsalted SHA-256 of the PIN: still
 *                                  accepted so an upgraded kiosk keeps its
 *                                  admin screen, with a warning to replace it
 * Comparisons take the same time whatever matches (memeql_sec). */
#include <stddef.h>

#define PINHASH_ITER 200000     /* what --hash-pin uses: ~0.1 s on a kiosk PC */
#define PINHASH_ITER_MIN 10000
#define PINHASH_ITER_MAX 5000000 /* a config cannot freeze the kiosk for long */
#define PINHASH_MAX 128         /* a made value fits in this many bytes */
#define PINHASH_EXAMPLE_PIN "2468" /* the shipped config's; --check-config warns */

enum pinhash_kind { PINHASH_INVALID, PINHASH_PBKDF2, PINHASH_SHA256_LEGACY };

/* Which format stored is in (INVALID for anything else, e.g. a bad base64,
 * a salt shorter than 8 bytes or ITER out of range). */
enum pinhash_kind pinhash_kind(const char *stored);

/* 1 if pin (len bytes) matches stored, 0 if not or stored is invalid. */
int pinhash_verify(const char *pin, size_t len, const char *stored);

/* A new value for pin with a fresh random salt and iter iterations (0 =
 * PINHASH_ITER) into out (PINHASH_MAX bytes suffice). Returns 0, or -1
 * (no random salt, out too small, iter out of range). */
int pinhash_make(const char *pin, size_t len, unsigned iter, char *out, size_t outsz);
#endif
