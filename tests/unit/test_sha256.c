/* SHA-256 against the FIPS 180-4 example vectors (and the PIN of the test
 * config), through both the raw digest and the hex form. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "sha256.h"

static void test_vectors(void)
{
    char hex[65];
    sha256_hex("", 0, hex);
    CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    sha256_hex("abc", 3, hex);
    CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    sha256_hex(two, strlen(two), hex); /* 56 bytes: the padding spills into a second block */
    CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    sha256_hex("2468", 4, hex);
    CHECK_STR(hex, "a1fb4e703a9ef1fa4936801721ff285a97ac85330856674412e054892afe6972");
}

static void test_long_and_raw(void)
{
    /* One million 'a': many blocks in one call. */
    size_t n = 1000000;
    char *a = malloc(n);
    char hex[65];
    if (!a) {
        check_failures++;
        return;
    }
    memset(a, 'a', n);
    CHECK_INT(sha256_hex(a, n, hex), 0);
    CHECK_STR(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    free(a);
    uint8_t d[SHA256_BYTES];
    CHECK_INT(sha256("abc", 3, d), 0);
    CHECK_INT(d[0], 0xba);
    CHECK_INT(d[31], 0xad);
}

int main(void)
{
    test_vectors();
    test_long_and_raw();
    return CHECK_RESULT();
}
