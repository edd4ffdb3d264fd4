#ifndef KIOSK_SHA256_H
#define KIOSK_SHA256_H
/* SHA-256 (FIPS 180-4), for the admin PIN hash in the config. */
#include <stddef.h>
#include <stdint.h>

void sha256(const void *data, size_t len, uint8_t out[32]);
/* Writes 64 lowercase hex digits and a NUL to hex (65 bytes). */
void sha256_hex(const void *data, size_t len, char hex[65]);
#endif
