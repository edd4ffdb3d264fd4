#ifndef KIOSK_RENDER_COMMON_H
#define KIOSK_RENDER_COMMON_H
/* What the headless render programs share: a source tree's shipped config
 * and fonts loaded after SDL and SDL_ttf start, and every screen's name. */
#include <SDL.h>
#include <stdio.h>

#include "config.h"

/* 2026-12-01 10:00 in Sapporo: a Tuesday morning, Tobetsu's counter open. */
#define AT_FIXED 1796086800LL

/* Failed checks so far; FAIL prints "FAIL: ..." on stderr and counts one. */
extern int render_failures;
#define FAIL(...)                                                                        \
    do {                                                                                 \
        fprintf(stderr, "FAIL: " __VA_ARGS__);                                           \
        fputc('\n', stderr);                                                             \
        render_failures++;                                                               \
    } while (0)

struct render_src {
    char cfg_path[1024]; /* SRC/config/kiosk.json */
    char fonts_dir[1024]; /* SRC/fonts */
};

/* Starts SDL (no subsystem) and SDL_ttf and loads SRC's config into cfg;
 * who starts the messages. 0, or 1 after a message. */
int render_open(const char *src, const char *who, struct render_src *rs, struct config *cfg);
/* Frees cfg and stops SDL_ttf and SDL. */
void render_close(struct config *cfg);
/* Every screen the headless mode draws (the fixed ones, each municipality's
 * and service's page, the call screens of the first municipality and its
 * call bar), at most max names, then an empty one. Returns how many. */
int render_screen_names(const struct config *cfg, char names[][64], int max);
/* Saves s as PNG under the current directory, named prefix + what + ".png"
 * with ':', '/' and ' ' made '_', and says so on stderr. */
void render_save_png(SDL_Surface *s, const char *prefix, const char *what);
#endif
