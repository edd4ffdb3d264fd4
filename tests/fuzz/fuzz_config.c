/* libFuzzer target: the config loader must never crash, hang, leak or read
 * out of bounds, whatever the bytes. Build and run: tests/fuzz/run_fuzz.sh */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct config cfg;
    struct config_diags diags = {0, 0, 0, 0, NULL};
    struct config_load_opts opts;
    memset(&opts, 0, sizeof opts);
    opts.skip_files = 1; /* no file system walks: keep it fast and deterministic */
    int rc = config_load_buffer("fuzz/kiosk.json", (const char *)data, size, &opts, &cfg, &diags);
    if (rc == 0) {
        char line[512];
        config_summary(&cfg, line, sizeof line);
        config_fonts_for(&cfg, "ja");
        config_find_municipality(&cfg, "tobetsu");
    }
    for (int i = 0; i < diags.n; i++) {
        char line[1024];
        config_diags_format(&diags.d[i], "kiosk.json", line, sizeof line);
    }
    config_free(&cfg);
    config_diags_free(&diags);
    return 0;
}
