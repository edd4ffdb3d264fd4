/* libFuzzer target: the status_url answer parser (network input) must never
 * crash, hang, leak or read out of bounds, and what it returns must hold:
 * 0 means available or busy with a wait in -1..1440 and messages of at most
 * STATUS_MAX_MESSAGE_BYTES, -1 means unknown with a reason; a copy equals
 * its original. Build and run: tests/fuzz/run_fuzz.sh */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "status.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The body is not NUL-terminated, as it comes from the network: a copy of
 * exactly size bytes lets ASan catch a read past its end. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *body = malloc(size ? size : 1);
    if (!body)
        return 0;
    memcpy(body, data, size);
    struct status_info info, copy;
    int rc = status_parse(body, size, &info);
    if (rc == 0) {
        if (info.state != STATUS_AVAILABLE && info.state != STATUS_BUSY)
            abort();
    } else if (rc != -1 || info.state != STATUS_UNKNOWN || info.reason[0] == '\0' ||
               info.message.n != 0) {
        abort();
    }
    if (info.wait_minutes < -1 || info.wait_minutes > STATUS_MAX_WAIT_MINUTES)
        abort();
    for (int i = 0; i < info.message.n; i++)
        if (strlen(info.message.e[i].text) > STATUS_MAX_MESSAGE_BYTES)
            abort();
    if (status_info_copy(&copy, &info) == 0) {
        if (!status_info_equal(&copy, &info))
            abort();
        status_info_free(&copy);
    }
    (void)status_state_name(info.state);
    status_info_free(&info);
    free(body);
    return 0;
}
