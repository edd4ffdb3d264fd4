#ifndef KIOSK_SHA256_H
#define KIOSK_SHA256_H
/* SHA-256 (FIPS 180-4), for the admin PIN hash in the config, computed by
 * nettle. */
#include <stddef.h>
#include <stdint.h>

#define SHA256_BYTES 32

/* The digest of data into out. Returns 0 (nettle's cannot fail; callers
 * still check, as they did with libcrypto). */
int sha256(const void *data, size_t len, uint8_t out[SHA256_BYTES]);
/* Writes 64 lowercase hex digits and a NUL to hex (65 bytes). Returns 0, or
 * -1 if the digest failed (hex is then "", which matches no configured hash). */
int sha256_hex(const void *data, size_t len, char hex[2 * SHA256_BYTES + 1]);
#endif
