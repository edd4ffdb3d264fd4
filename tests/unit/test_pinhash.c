/* The admin PIN's stored form: PBKDF2 made and checked, a fresh salt each
 * time, the old unsalted SHA-256 still read, anything malformed refused,
 * and a known vector (Python's hashlib.pbkdf2_hmac) so the format is the
 * documented one. */
#include "check.h"
#include "pinhash.h"

#include <string.h>

static void test_pinhash_roundtrip(void)
{
    char a[PINHASH_MAX], b[PINHASH_MAX];
    CHECK_INT(pinhash_make("135790", 6, PINHASH_ITER_MIN, a, sizeof a), 0);
    CHECK_INT(pinhash_make("135790", 6, PINHASH_ITER_MIN, b, sizeof b), 0);
    CHECK(strncmp(a, "pbkdf2-sha256$10000$", 20) == 0);
    CHECK(strcmp(a, b) != 0); /* salted: the same PIN never gives the same value */
    CHECK_INT(pinhash_kind(a), PINHASH_PBKDF2);
    CHECK_INT(pinhash_verify("135790", 6, a), 1);
    CHECK_INT(pinhash_verify("135791", 6, a), 0);
    CHECK_INT(pinhash_verify("13579", 5, a), 0);
    CHECK_INT(pinhash_make("1", 1, 5, a, sizeof a), -1);  /* too few iterations */
    CHECK_INT(pinhash_make("1", 1, 0, a, 20), -1);        /* no room */
}

static void test_pinhash_known(void)
{
    /* hashlib.pbkdf2_hmac('sha256', b'2468', b'0123456789abcdef', 10000), base64 */
    const char *v = "pbkdf2-sha256$10000$MDEyMzQ1Njc4OWFiY2RlZg==$"
                    "k1B8R5uK33utde+RotI7QPQrd5VEG5U5FXjmvedQWO0=";
    CHECK_INT(pinhash_kind(v), PINHASH_PBKDF2);
    CHECK_INT(pinhash_verify("2468", 4, v), 1);
    CHECK_INT(pinhash_verify("2469", 4, v), 0);
}

static void test_pinhash_legacy_and_bad(void)
{
    const char *old = "a1fb4e703a9ef1fa4936801721ff285a97ac85330856674412e054892afe6972";
    CHECK_INT(pinhash_kind(old), PINHASH_SHA256_LEGACY);
    CHECK_INT(pinhash_verify("2468", 4, old), 1);
    CHECK_INT(pinhash_verify("2467", 4, old), 0);
    const char *upper = "A1FB4E703A9EF1FA4936801721FF285A97AC85330856674412E054892AFE6972";
    CHECK_INT(pinhash_verify("2468", 4, upper), 1);
    static const char *const bad[] = {
        "", "a1fb", "pbkdf2-sha256$", "pbkdf2-sha256$10000$$",
        "pbkdf2-sha256$999$MDEyMzQ1Njc4OWFiY2RlZg==$k1B8R5uK33utde+RotI7QPQrd5VEG5U5FXjmvedQWO0=",
        "pbkdf2-sha256$99999999$MDEyMzQ1Njc4OWFiY2RlZg==$k1B8R5uK33utde+RotI7QPQrd5VEG5U5FXjmvedQWO0=",
        "pbkdf2-sha256$010000$MDEyMzQ1Njc4OWFiY2RlZg==$k1B8R5uK33utde+RotI7QPQrd5VEG5U5FXjmvedQWO0=",
        "pbkdf2-sha256$10000$MDEy$k1B8R5uK33utde+RotI7QPQrd5VEG5U5FXjmvedQWO0=", /* 3-byte salt */
        "pbkdf2-sha256$10000$MDEyMzQ1Njc4OWFiY2RlZg==$k1B8R5uK33utde+RotI7QPQrd5VEG5U5",
        "pbkdf2-sha256$10000$MDEyMzQ1Njc4OWFiY2RlZg==$k1B8*5uK33utde+RotI7QPQrd5VEG5U5FXjmvedQWO0=",
        "pbkdf2-sha1$10000$MDEyMzQ1Njc4OWFiY2RlZg==$k1B8R5uK33utde+RotI7QPQrd5VEG5U5FXjmvedQWO0=",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (pinhash_kind(bad[i]) != PINHASH_INVALID)
            fprintf(stderr, "accepted: %s\n", bad[i]);
        CHECK_INT(pinhash_kind(bad[i]), PINHASH_INVALID);
        CHECK_INT(pinhash_verify("2468", 4, bad[i]), 0);
    }
}

int main(void)
{
    test_pinhash_roundtrip();
    test_pinhash_known();
    test_pinhash_legacy_and_bad();
    return CHECK_RESULT();
}
