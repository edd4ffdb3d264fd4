/* imgcmp ACTUAL.png GOLDEN.png DIFF.png [MAX_PERMILLE [CHANNEL_TOL]]
 * Compares a screenshot with its reference. A pixel differs when any
 * channel is off by more than CHANNEL_TOL (default IMGCMP_TOL); the images
 * match when at most MAX_PERMILLE per mille of the pixels differ (default
 * IMGCMP_PERMILLE). On a mismatch DIFF.png shows the reference faded with
 * the differing pixels in red.
 *
 * Why these defaults: headless drawing with the software renderer is
 * byte-identical from run to run on the same packages (0 pixels differ at
 * tolerance 0), while the smallest real change measured, one letter of the
 * title in the header at 1280x720, changes 79 pixels (0.086 per mille) by
 * more than 8 (tests/render/README.md has all the figures). A tolerance of
 * 8 of 255 per channel absorbs rounding differences between blending code
 * paths (SIMD or not on another CPU) without hiding a glyph; 0.01 per
 * mille (20 px at 1920x1080, 9 px at 1280x720) is under a quarter of the
 * smallest real change, so one wrong letter or digit fails.
 *
 * Exit 0: match. 1: the images differ (also in size). 2: could not
 * compare (usage, unreadable file): callers tell "differs" from "broken". */
#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>

#define IMGCMP_TOL 8
#define IMGCMP_PERMILLE 0.01

static SDL_Surface *imgcmp_load(const char *path)
{
    SDL_Surface *s = IMG_Load(path);
    if (!s) {
        fprintf(stderr, "imgcmp: cannot read %s: %s\n", path, IMG_GetError());
        return NULL;
    }
    SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_XRGB8888, 0);
    SDL_FreeSurface(s);
    if (!c)
        fprintf(stderr, "imgcmp: cannot convert %s: %s\n", path, SDL_GetError());
    return c;
}

static int imgcmp_channel_diff(Uint32 a, Uint32 b)
{
    int m = 0;
    for (int sh = 0; sh < 24; sh += 8) {
        int d = abs((int)((a >> sh) & 0xFF) - (int)((b >> sh) & 0xFF));
        m = d > m ? d : m;
    }
    return m;
}

/* A number argument in [lo, hi]; -1 if it is not one. */
static double imgcmp_arg(const char *s, double lo, double hi)
{
    char *end = NULL;
    double v = strtod(s, &end);
    if (!end || end == s || *end || v < lo || v > hi)
        return -1;
    return v;
}

/* Counts the pixels of a that differ from g by more than tol and draws
 * them red on a faded g in d. */
static long imgcmp_count(SDL_Surface *a, SDL_Surface *g, SDL_Surface *d, int tol)
{
    long differ = 0;
    for (int y = 0; y < a->h; y++) {
        const Uint32 *pa = (const Uint32 *)((const Uint8 *)a->pixels + y * a->pitch);
        const Uint32 *pg = (const Uint32 *)((const Uint8 *)g->pixels + y * g->pitch);
        Uint32 *pd = (Uint32 *)((Uint8 *)d->pixels + y * d->pitch);
        for (int x = 0; x < a->w; x++) {
            if (imgcmp_channel_diff(pa[x], pg[x]) > tol) {
                differ++;
                pd[x] = 0xFF0000;
            } else {
                Uint32 v = ((pg[x] >> 16 & 0xFF) + (pg[x] >> 8 & 0xFF) + (pg[x] & 0xFF)) / 3;
                v = 160 + v * 95 / 255; /* faded grey of the golden */
                pd[x] = v << 16 | v << 8 | v;
            }
        }
    }
    return differ;
}

static int imgcmp_compare(SDL_Surface *a, SDL_Surface *g, const char *const *path,
                          double max_permille, int tol)
{
    if (a->w != g->w || a->h != g->h) {
        fprintf(stderr, "imgcmp: %s is %dx%d, golden %s is %dx%d\n", path[0], a->w, a->h,
                path[1], g->w, g->h);
        return 1;
    }
    SDL_Surface *d = SDL_CreateRGBSurfaceWithFormat(0, a->w, a->h, 32, SDL_PIXELFORMAT_XRGB8888);
    if (!d) {
        fprintf(stderr, "imgcmp: out of memory: %s\n", SDL_GetError());
        return 2;
    }
    long differ = imgcmp_count(a, g, d, tol);
    double permille = 1000.0 * (double)differ / ((double)a->w * a->h);
    int ok = permille <= max_permille;
    printf("imgcmp %s: %ld pixels differ by more than %d (%.3f per mille, allowed %.3f): %s\n",
           path[0], differ, tol, permille, max_permille, ok ? "match" : "MISMATCH");
    if (!ok && IMG_SavePNG(d, path[2]) == 0)
        printf("imgcmp: differences drawn in %s\n", path[2]);
    SDL_FreeSurface(d);
    return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc < 4 || argc > 6) {
        fprintf(stderr, "usage: imgcmp ACTUAL.png GOLDEN.png DIFF.png [MAX_PERMILLE [CHANNEL_TOL]]\n");
        return 2;
    }
    double max_permille = argc > 4 ? imgcmp_arg(argv[4], 0, 1000) : IMGCMP_PERMILLE;
    double tol = argc > 5 ? imgcmp_arg(argv[5], 0, 255) : IMGCMP_TOL;
    if (max_permille < 0 || tol < 0) {
        fprintf(stderr, "imgcmp: MAX_PERMILLE is 0..1000 and CHANNEL_TOL 0..255\n");
        return 2;
    }
    SDL_Surface *a = imgcmp_load(argv[1]);
    SDL_Surface *g = a ? imgcmp_load(argv[2]) : NULL;
    int rc = 2;
    if (a && g)
        rc = imgcmp_compare(a, g, (const char *const *)argv + 1, max_permille, (int)tol);
    SDL_FreeSurface(a);
    SDL_FreeSurface(g);
    return rc;
}
