/* PBKDF2-HMAC-SHA256 through nettle, the library sha256.c uses. */
#include "pinhash.h"

#include <nettle/base64.h>
#include <nettle/memops.h>
#include <nettle/pbkdf2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "sha256.h"

#define PINHASH_PREFIX "pbkdf2-sha256$"
#define PINHASH_SALT 16
#define PINHASH_SALT_MIN 8

struct pinhash_parts {
    unsigned long iter;
    unsigned char salt[64], hash[SHA256_BYTES];
    int salt_len;
};

/* Standard base64 of exactly the bytes encoded (padding stripped from the
 * count); -1 for bad characters or lengths. */
static int pinhash_b64(const char *s, size_t n, unsigned char *out, size_t outsz)
{
    uint8_t buf[96];
    size_t len = sizeof buf;
    struct base64_decode_ctx ctx;
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";
    if (n == 0 || n % 4 != 0 || n / 4 * 3 > sizeof buf)
        return -1;
    for (size_t i = 0; i < n; i++) /* nettle would skip white space: the format has none */
        if (!s[i] || !strchr(alphabet, s[i]))
            return -1;
    base64_decode_init(&ctx);
    if (!base64_decode_update(&ctx, &len, buf, n, s) || !base64_decode_final(&ctx))
        return -1;
    if (len == 0 || len > outsz)
        return -1;
    memcpy(out, buf, len);
    return (int)len;
}

static int pinhash_parse(const char *stored, struct pinhash_parts *p)
{
    size_t plen = sizeof PINHASH_PREFIX - 1;
    if (!stored || strncmp(stored, PINHASH_PREFIX, plen) != 0)
        return -1;
    const char *s = stored + plen, *salt, *hash;
    char *end;
    if (*s < '1' || *s > '9')
        return -1;
    p->iter = strtoul(s, &end, 10);
    if (*end != '$' || p->iter < PINHASH_ITER_MIN || p->iter > PINHASH_ITER_MAX)
        return -1;
    salt = end + 1;
    hash = strchr(salt, '$');
    if (!hash)
        return -1;
    p->salt_len = pinhash_b64(salt, (size_t)(hash - salt), p->salt, sizeof p->salt);
    hash++;
    if (p->salt_len < PINHASH_SALT_MIN ||
        pinhash_b64(hash, strlen(hash), p->hash, sizeof p->hash) != SHA256_BYTES)
        return -1;
    return 0;
}

static int pinhash_legacy(const char *stored)
{
    size_t n = 0;
    while (stored[n] && strchr("0123456789abcdefABCDEF", stored[n]))
        n++;
    return n == 2 * SHA256_BYTES && stored[n] == '\0';
}

enum pinhash_kind pinhash_kind(const char *stored)
{
    struct pinhash_parts p;
    if (!stored)
        return PINHASH_INVALID;
    if (pinhash_parse(stored, &p) == 0)
        return PINHASH_PBKDF2;
    return pinhash_legacy(stored) ? PINHASH_SHA256_LEGACY : PINHASH_INVALID;
}

static int pinhash_derive(const char *pin, size_t len, const unsigned char *salt, int salt_len,
                          unsigned long iter, unsigned char out[SHA256_BYTES])
{
    pbkdf2_hmac_sha256(len, (const uint8_t *)pin, (unsigned)iter, (size_t)salt_len, salt,
                       SHA256_BYTES, out);
    return 0;
}

int pinhash_verify(const char *pin, size_t len, const char *stored)
{
    unsigned char got[SHA256_BYTES];
    struct pinhash_parts p;
    if (!pin || !stored)
        return 0;
    if (pinhash_parse(stored, &p) == 0) {
        if (pinhash_derive(pin, len, p.salt, p.salt_len, p.iter, got) != 0)
            return 0;
        return memeql_sec(got, p.hash, SHA256_BYTES);
    }
    if (!pinhash_legacy(stored))
        return 0;
    unsigned char want[SHA256_BYTES];
    for (int i = 0; i < SHA256_BYTES; i++) {
        char two[3] = {stored[2 * i], stored[2 * i + 1], '\0'};
        want[i] = (unsigned char)strtoul(two, NULL, 16);
    }
    if (sha256(pin, len, got) != 0)
        return 0;
    return memeql_sec(got, want, SHA256_BYTES);
}

int pinhash_make(const char *pin, size_t len, unsigned iter, char *out, size_t outsz)
{
    unsigned char salt[PINHASH_SALT], hash[SHA256_BYTES];
    char salt64[32], hash64[48];
    if (iter == 0)
        iter = PINHASH_ITER;
    if (outsz > 0)
        out[0] = '\0';
    if (iter < PINHASH_ITER_MIN || iter > PINHASH_ITER_MAX ||
        getrandom(salt, sizeof salt, 0) != (ssize_t)sizeof salt ||
        pinhash_derive(pin, len, salt, sizeof salt, iter, hash) != 0)
        return -1;
    salt64[BASE64_ENCODE_RAW_LENGTH(sizeof salt)] = '\0';
    hash64[BASE64_ENCODE_RAW_LENGTH(sizeof hash)] = '\0';
    base64_encode_raw(salt64, sizeof salt, salt);
    base64_encode_raw(hash64, sizeof hash, hash);
    int n = snprintf(out, outsz, PINHASH_PREFIX "%u$%s$%s", iter, salt64, hash64);
    if (n < 0 || (size_t)n >= outsz) {
        if (outsz > 0)
            out[0] = '\0';
        return -1;
    }
    return 0;
}
