#ifndef KIOSK_HEADLESS_H
#define KIOSK_HEADLESS_H
#include <SDL.h>

#include "cli.h"
#include "config.h"
#include "ui.h"

/* What the layout measured while drawing: tests assert these are zero. */
struct headless_report {
    int overflow, missing_glyphs, outside, targets;
    long ink_outside; /* ink pixels of text outside its line boxes */
    int bad_breaks;   /* Japanese lines broken inside a word */
    int forced_breaks; /* ... of a word wider than its whole box */
    char last_bad_break[160];
    char last_overflow[160];
    int small_text, smallest_px; /* lines below the minimum text size; the smallest drawn */
    int text_min_px;             /* the minimum (layout_text_min_px) */
    int bad_pitch;               /* paragraphs whose line pitch is outside 1.5-1.7 em */
    char last_small_text[160];
};

/* One frame to draw without a display. */
struct headless_frame {
    const char *screen; /* a --screen name: "home", "municipality:tobetsu", ... */
    const char *lang;   /* NULL: the config's default */
    int w, h;           /* the window's size */
    int high_contrast, large_text;
    long long at;       /* wall clock (Unix seconds) to show; < 0: now */
    double since;       /* seconds since the screen was entered (attract pages) */
    /* The clerks' status as the live loop keeps it from the status poll:
     * cfg->n_municipalities entries, or NULL (no answer yet). Borrowed. */
    const struct status_info *status;
    int no_camera; /* camera and microphone missing (as the device check finds them) */
};

/* Draws f with ui (whose renderer targets a w x h surface) and fills rep.
 * Returns 0, or -1 after a message (unknown screen or language). */
int headless_draw(struct ui *ui, const struct config *cfg, const struct headless_frame *f,
                  struct headless_report *rep);

/* Renders c->screen at c->size to c->screenshot, with c->status (--status)
 * as the status poll's answers. Needs TTF_Init done and no
 * display. Returns 0, or -1 after a message. */
int headless_screenshot(const struct cli *c, const struct config *cfg, const char *fonts_dir,
                        struct headless_report *rep);
#endif
