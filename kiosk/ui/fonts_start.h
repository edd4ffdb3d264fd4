#ifndef KIOSK_FONTS_START_H
#define KIOSK_FONTS_START_H
/* The fonts of the first frame, made on a thread of their own while the
 * main thread starts SDL and opens the window (run.c). Opening a face reads
 * its tables (Noto CJK: about 2.4 MB each) and home's language buttons need
 * eight: on a second core that work no longer delays the first frame. */
#include "config.h"
#include "fonts.h"

struct fonts_start;

/* Starts fonts_create(cfg, fonts_dir) and fonts_prefetch on a thread. cfg
 * must stay unchanged until fonts_start_join. TTF_Init must have run. NULL if
 * no thread could start (fonts_start_join(NULL) then makes them here). */
struct fonts_start *fonts_start(const struct config *cfg, const char *fonts_dir);

/* Waits for the thread; the fonts (NULL if none was usable), for the
 * caller to own. Frees s. */
struct fonts *fonts_start_join(struct fonts_start *s, const struct config *cfg,
                               const char *fonts_dir);
#endif
