#ifndef KIOSK_PIXFILL_H
#define KIOSK_PIXFILL_H
/* Opaque rectangles written straight into 32-bit pixels with plain stores.
 *
 * Why not SDL_FillRect: SDL fills with non-temporal (movntps) stores, which
 * bypass the cache. A frame is a clear, cards over it, text blended over
 * those, then the X server's copy of the whole window: each of those steps
 * then reads back from memory what the last one wrote, and the one-pixel
 * rows of rounded corners flush half-written cache lines. Plain stores keep
 * the frame in the cache (README, "Where the frame time goes"). */
#include <stdint.h>

#include "layout.h"

struct pixbuf {
    uint32_t *px; /* the first pixel of the first row */
    int pitch;    /* pixels from one row to the next */
    int w, h;
};

/* Fills each of the n rectangles with value, inside clip (itself cut to the
 * buffer). A rectangle narrower or lower than one pixel is filled one pixel
 * wide or high, as SDL's software renderer does with what it is given. */
void pixfill_rects(const struct pixbuf *b, struct rect clip, const struct rect *r, int n,
                   uint32_t value);

#endif
