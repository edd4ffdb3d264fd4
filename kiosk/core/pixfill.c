#include "pixfill.h"

#include <string.h>

static int pixfill_max(int a, int b)
{
    return a > b ? a : b;
}

static void pixfill_row(uint32_t *p, int n, uint32_t value)
{
    for (int i = 0; i < n; i++)
        p[i] = value;
}

void pixfill_rects(const struct pixbuf *b, struct rect clip, const struct rect *r, int n,
                   uint32_t value)
{
    if (!b || !b->px || !r)
        return;
    /* The clip in edges, cut to the buffer; 64-bit sums: no overflow. */
    long long cx0 = pixfill_max(clip.x, 0), cy0 = pixfill_max(clip.y, 0);
    long long cx1 = (long long)clip.x + (clip.w > 0 ? clip.w : 0);
    long long cy1 = (long long)clip.y + (clip.h > 0 ? clip.h : 0);
    if (cx1 > b->w)
        cx1 = b->w;
    if (cy1 > b->h)
        cy1 = b->h;
    for (int i = 0; i < n; i++) {
        long long x0 = r[i].x, y0 = r[i].y;
        long long x1 = x0 + pixfill_max(r[i].w, 1), y1 = y0 + pixfill_max(r[i].h, 1);
        if (x0 < cx0)
            x0 = cx0;
        if (y0 < cy0)
            y0 = cy0;
        if (x1 > cx1)
            x1 = cx1;
        if (y1 > cy1)
            y1 = cy1;
        if (x1 <= x0 || y1 <= y0)
            continue;
        /* The first row pixel by pixel, the others copied from it: memcpy
         * stores 32 or 64 bytes at a time, from a row still in the cache. */
        uint32_t *first = b->px + (size_t)y0 * (size_t)b->pitch + (size_t)x0, *row = first;
        size_t bytes = (size_t)(x1 - x0) * sizeof *first;
        pixfill_row(first, (int)(x1 - x0), value);
        for (long long y = y0 + 1; y < y1; y++) {
            row += b->pitch;
            memcpy(row, first, bytes);
        }
    }
}
