/* imgcmp ACTUAL.png GOLDEN.png DIFF.png [MAX_PERMILLE]
 * Compares two screenshots under a tolerance: a pixel differs when any
 * channel is off by more than 24 (font hinting, rounding); the images
 * match when at most MAX_PERMILLE per mille of the pixels differ (default
 * 2). On a mismatch DIFF.png shows the golden faded with the differing
 * pixels in red. Exit 0 match, 1 mismatch, 2 usage or unreadable file. */
#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>

static SDL_Surface *load_xrgb(const char *path)
{
    SDL_Surface *s = IMG_Load(path);
    if (!s) {
        fprintf(stderr, "imgcmp: cannot read %s: %s\n", path, IMG_GetError());
        return NULL;
    }
    SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_XRGB8888, 0);
    SDL_FreeSurface(s);
    return c;
}

static int channel_diff(Uint32 a, Uint32 b)
{
    int m = 0;
    for (int sh = 0; sh < 24; sh += 8) {
        int d = abs((int)((a >> sh) & 0xFF) - (int)((b >> sh) & 0xFF));
        m = d > m ? d : m;
    }
    return m;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: imgcmp ACTUAL.png GOLDEN.png DIFF.png [MAX_PERMILLE]\n");
        return 2;
    }
    double max_permille = argc > 4 ? strtod(argv[4], NULL) : 2.0;
    SDL_Surface *a = load_xrgb(argv[1]), *g = load_xrgb(argv[2]);
    if (!a || !g)
        return 2;
    if (a->w != g->w || a->h != g->h) {
        fprintf(stderr, "imgcmp: %s is %dx%d, golden %s is %dx%d\n", argv[1], a->w, a->h,
                argv[2], g->w, g->h);
        return 1;
    }
    SDL_Surface *d = SDL_CreateRGBSurfaceWithFormat(0, a->w, a->h, 32, SDL_PIXELFORMAT_XRGB8888);
    long differ = 0;
    for (int y = 0; y < a->h; y++) {
        const Uint32 *pa = (const Uint32 *)((const Uint8 *)a->pixels + y * a->pitch);
        const Uint32 *pg = (const Uint32 *)((const Uint8 *)g->pixels + y * g->pitch);
        Uint32 *pd = (Uint32 *)((Uint8 *)d->pixels + y * d->pitch);
        for (int x = 0; x < a->w; x++) {
            if (channel_diff(pa[x], pg[x]) > 24) {
                differ++;
                pd[x] = 0xFF0000;
            } else {
                Uint32 v = ((pg[x] >> 16 & 0xFF) + (pg[x] >> 8 & 0xFF) + (pg[x] & 0xFF)) / 3;
                v = 160 + v * 95 / 255; /* faded grey of the golden */
                pd[x] = v << 16 | v << 8 | v;
            }
        }
    }
    double permille = 1000.0 * (double)differ / ((double)a->w * a->h);
    int ok = permille <= max_permille;
    printf("imgcmp %s: %ld pixels differ (%.3f per mille, allowed %.3f): %s\n", argv[1], differ,
           permille, max_permille, ok ? "match" : "MISMATCH");
    if (!ok) {
        if (IMG_SavePNG(d, argv[3]) == 0)
            printf("imgcmp: differences drawn in %s\n", argv[3]);
    }
    SDL_FreeSurface(a);
    SDL_FreeSurface(g);
    SDL_FreeSurface(d);
    return ok ? 0 : 1;
}
