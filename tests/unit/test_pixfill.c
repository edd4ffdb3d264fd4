/* Opaque fills into 32-bit pixels (core/pixfill.c) against a pixel-by-pixel
 * reference: rectangles inside, across and outside the buffer and the clip,
 * degenerate ones (filled one pixel wide or high, as SDL's software
 * renderer does), a row pitch wider than the buffer, and sums that would
 * overflow an int. The render test test_fill_direct compares whole screens
 * with SDL's own fills. */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "pixfill.h"

#define W 37
#define H 23
#define PITCH 41 /* wider than W: the pixels past W must stay untouched */

static uint32_t got[H * PITCH], want[H * PITCH];

static int in(long long v, long long lo, long long hi)
{
    return v >= lo && v < hi;
}

/* One pixel at a time: inside the rectangle (at least 1 x 1), the clip and
 * the buffer. */
static void reference(struct rect clip, const struct rect *r, int n, uint32_t value)
{
    for (int i = 0; i < n; i++) {
        long long w = r[i].w < 1 ? 1 : r[i].w, h = r[i].h < 1 ? 1 : r[i].h;
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++)
                if (in(x, r[i].x, r[i].x + w) && in(y, r[i].y, r[i].y + h) &&
                    in(x, clip.x, (long long)clip.x + (clip.w > 0 ? clip.w : 0)) &&
                    in(y, clip.y, (long long)clip.y + (clip.h > 0 ? clip.h : 0)))
                    want[y * PITCH + x] = value;
    }
}

static void start(void)
{
    for (int i = 0; i < H * PITCH; i++)
        got[i] = want[i] = 0xA5A5A5A5u ^ (uint32_t)i;
}

static int same(void)
{
    for (int i = 0; i < H * PITCH; i++)
        if (got[i] != want[i]) {
            fprintf(stderr, "  pixel %d,%d: %08X, want %08X\n", i % PITCH, i / PITCH,
                    (unsigned)got[i], (unsigned)want[i]);
            return 0;
        }
    return 1;
}

static void test_cases(void)
{
    static const struct {
        struct rect clip;
        struct rect r;
    } cases[] = {
        {{0, 0, W, H}, {3, 4, 10, 5}},          /* inside */
        {{0, 0, W, H}, {-5, -5, 10, 10}},       /* across the top left */
        {{0, 0, W, H}, {30, 20, 100, 100}},     /* across the bottom right */
        {{0, 0, W, H}, {-100, 2, 1000, 1}},     /* a row wider than the buffer */
        {{0, 0, W, H}, {W, 0, 5, 5}},           /* just outside */
        {{0, 0, W, H}, {5, 5, 0, 0}},           /* empty: one pixel, as SDL */
        {{0, 0, W, H}, {5, 5, -3, 4}},          /* negative width: one column */
        {{4, 4, 10, 10}, {0, 0, W, H}},         /* clipped */
        {{4, 4, 10, 10}, {13, 13, 5, 5}},       /* the clip's last pixel */
        {{4, 4, 10, 10}, {14, 4, 5, 5}},        /* right of the clip */
        {{-10, -10, 1000, 1000}, {0, 0, W, H}}, /* a clip larger than the buffer */
        {{4, 4, 0, 10}, {0, 0, W, H}},          /* an empty clip */
        {{0, 0, W, H}, {INT32_MAX - 2, 0, INT32_MAX, 3}},  /* sums past INT_MAX */
        {{0, 0, W, H}, {INT32_MIN, INT32_MIN, INT32_MAX, INT32_MAX}},
    };
    struct pixbuf b = {got, PITCH, W, H};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        start();
        pixfill_rects(&b, cases[i].clip, &cases[i].r, 1, 0x00112233u + (uint32_t)i);
        reference(cases[i].clip, &cases[i].r, 1, 0x00112233u + (uint32_t)i);
        if (!same())
            fprintf(stderr, "  (case %zu)\n", i);
        CHECK(same());
    }
}

/* Many rectangles at once, later ones over earlier ones, random clips. */
static void test_random(void)
{
    struct pixbuf b = {got, PITCH, W, H};
    unsigned seed = 12345;
    for (int round = 0; round < 500; round++) {
        struct rect r[8], clip;
        for (int i = 0; i < 8; i++) {
            r[i].x = (int)(rand_r(&seed) % 60) - 10;
            r[i].y = (int)(rand_r(&seed) % 40) - 10;
            r[i].w = (int)(rand_r(&seed) % 50) - 5;
            r[i].h = (int)(rand_r(&seed) % 30) - 5;
        }
        clip.x = (int)(rand_r(&seed) % 50) - 10;
        clip.y = (int)(rand_r(&seed) % 30) - 10;
        clip.w = (int)(rand_r(&seed) % 60);
        clip.h = (int)(rand_r(&seed) % 40);
        start();
        uint32_t v = 0xFF000000u | (uint32_t)round;
        for (int i = 0; i < 8; i += 4)
            pixfill_rects(&b, clip, r + i, 4, v + (uint32_t)i);
        for (int i = 0; i < 8; i += 4)
            reference(clip, r + i, 4, v + (uint32_t)i);
        CHECK(same());
    }
}

static void test_nothing(void)
{
    struct rect r = {0, 0, 5, 5}, clip = {0, 0, W, H};
    start();
    pixfill_rects(NULL, clip, &r, 1, 1);
    pixfill_rects(&(struct pixbuf){NULL, PITCH, W, H}, clip, &r, 1, 1);
    pixfill_rects(&(struct pixbuf){got, PITCH, W, H}, clip, NULL, 1, 1);
    pixfill_rects(&(struct pixbuf){got, PITCH, W, H}, clip, &r, 0, 1);
    CHECK(same());
}

int main(void)
{
    test_cases();
    test_random();
    test_nothing();
    return CHECK_RESULT();
}
