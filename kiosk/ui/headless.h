#ifndef KIOSK_HEADLESS_H
#define KIOSK_HEADLESS_H
#include "cli.h"
#include "config.h"

/* What the layout measured while drawing: tests assert these are zero. */
struct headless_report {
    int overflow, missing_glyphs, outside, targets;
    char last_overflow[160];
};

/* Renders c->screen at c->size to c->screenshot. Needs TTF_Init done and no
 * display. Returns 0, or -1 after a message. */
int headless_screenshot(const struct cli *c, const struct config *cfg, const char *fonts_dir,
                        struct headless_report *rep);
#endif
