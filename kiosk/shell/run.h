#ifndef KIOSK_RUN_H
#define KIOSK_RUN_H
#include "cli.h"

struct run_paths {
    char config[1024];
    char fonts_dir[1024];
    char data_dir[1024]; /* paths.h's data_dir */
};

#include "run_hints.h"
/* The interactive kiosk: window, loop, calls, reload. Returns the exit code. */
int run_kiosk(const struct cli *c, const struct run_paths *p);
#endif
