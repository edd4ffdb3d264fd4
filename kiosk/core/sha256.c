/* SHA-256 through OpenSSL's libcrypto: libcurl already loads it into the
 * kiosk, it is maintained and tested far beyond what a copy here could be,
 * and it has PKCS5_PBKDF2_HMAC for a slow PIN hash later. */
#include "sha256.h"

#include <openssl/evp.h>
#include <string.h>

int sha256(const void *data, size_t len, uint8_t out[SHA256_BYTES])
{
    unsigned int n = 0;
    if (EVP_Digest(data, len, out, &n, EVP_sha256(), NULL) != 1 || n != SHA256_BYTES) {
        memset(out, 0, SHA256_BYTES);
        return -1;
    }
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
