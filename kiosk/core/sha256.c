/* SHA-256 through nettle: maintained and tested far beyond what a copy here
 * could be, with PBKDF2 for the PIN hash (pinhash.c), and small. OpenSSL's
 * libcrypto did the same at 3.4 MiB of PSS, loaded at exec for a hash the
 * kiosk needs once at start (README: performance). */
#include "sha256.h"

#include <nettle/sha2.h>

int sha256(const void *data, size_t len, uint8_t out[SHA256_BYTES])
{
    struct sha256_ctx ctx;
    sha256_init(&ctx);
    sha256_update(&ctx, len, data);
    sha256_digest(&ctx, SHA256_BYTES, out);
    return 0;
}

int sha256_hex(const void *data, size_t len, char hex[2 * SHA256_BYTES + 1])
{
    static const char digits[] = "0123456789abcdef";
    uint8_t d[SHA256_BYTES];
    hex[0] = '\0';
    if (sha256(data, len, d) != 0)
        return -1;
    for (int i = 0; i < SHA256_BYTES; i++) {
        hex[2 * i] = digits[d[i] >> 4];
        hex[2 * i + 1] = digits[d[i] & 15];
    }
    hex[2 * SHA256_BYTES] = '\0';
    return 0;
}
