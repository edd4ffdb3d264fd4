/* libFuzzer target: the text store's reader (core/text_store.c: a file the
 * kiosk reads before its first frame) must never crash, read out of
 * bounds or leak, whatever the file holds. The input is the file without
 * its SHA-256 trailer, which is added here (else almost every input would
 * stop at the checksum), and the signature expected is the input's own.
 * What is read must hold: boxes inside their lines, and written again it
 * reads back to the same bytes. Build and run: tests/fuzz/run_fuzz.sh */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sha256.h"
#include "text_store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t *file = malloc(size + SHA256_BYTES);
    if (!file)
        return 0;
    memcpy(file, data, size);
    sha256(data, size, file + size);
    uint8_t sig[TEXT_STORE_SIG_BYTES] = {0};
    if (size >= 8 + TEXT_STORE_SIG_BYTES)
        memcpy(sig, data + 8, TEXT_STORE_SIG_BYTES);
    struct text_store s;
    char why[256];
    if (text_store_decode(file, size + SHA256_BYTES, sig, &s, why, sizeof why) == 0) {
        for (int i = 0; i < s.n_texs; i++) {
            const struct text_store_tex *t = &s.texs[i];
            if (t->top >= 0 && (t->bottom >= t->h || t->right >= t->w || !t->alpha))
                abort();
        }
        uint8_t *again;
        size_t n;
        if (text_store_encode(&s, &again, &n) == 0) {
            if (n != size + SHA256_BYTES || memcmp(again, file, n) != 0)
                abort();
            free(again);
        }
    } else if (why[0] == '\0' || s.n_texs || s.n_measures || s.n_lhs) {
        abort();
    }
    text_store_free(&s);
    free(file);
    return 0;
}
