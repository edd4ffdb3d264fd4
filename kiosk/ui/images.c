#include "images.h"

#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file.h"
#include "msg.h"

#define IMAGES_MAX 48

struct images_entry {
    char rel[256];
    int side;       /* 0: the decode failed (remembered, not retried) */
    SDL_Texture *tex;
    int w, h;
};
struct images {
    SDL_Renderer *r;
    const struct config *cfg;
    int n;
    struct images_entry e[IMAGES_MAX];
};

struct images *images_create(SDL_Renderer *r, const struct config *cfg)
{
    struct images *im = calloc(1, sizeof *im);
    if (im) {
        im->r = r;
        im->cfg = cfg;
    }
    return im;
}

void images_destroy(struct images *im)
{
    if (!im)
        return;
    for (int i = 0; i < im->n; i++)
        if (im->e[i].tex)
            SDL_DestroyTexture(im->e[i].tex);
    free(im);
}

/* Decodes rel and scales it (smoothly, once) to fit side x side. */
static int images_load(struct images *im, struct images_entry *e)
{
    char path[1024];
    char why[160];
    int pw, ph;
    if (config_resolve_path(im->cfg, e->rel, path, sizeof path) != 0)
        return -1;
    /* Sized from its header first: a small file can claim 20000x20000 and
     * cost gigabytes and seconds to decode. */
    if (file_png_size(path, &pw, &ph, why, sizeof why) != 0) {
        msg_warn("image %s: %s (shown without it)", path, why);
        return -1;
    }
    SDL_Surface *src = IMG_Load(path);
    if (!src) {
        msg_warn("image %s: %s (shown without it)", path, IMG_GetError());
        return -1;
    }
    double k = (double)e->side / (src->w > src->h ? src->w : src->h);
    e->w = (int)(src->w * k + 0.5) > 0 ? (int)(src->w * k + 0.5) : 1;
    e->h = (int)(src->h * k + 0.5) > 0 ? (int)(src->h * k + 0.5) : 1;
    SDL_Surface *dst = SDL_CreateRGBSurfaceWithFormat(0, e->w, e->h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Surface *conv = SDL_ConvertSurfaceFormat(src, SDL_PIXELFORMAT_ARGB8888, 0);
    if (dst && conv) {
        SDL_SetSurfaceBlendMode(conv, SDL_BLENDMODE_NONE);
        SDL_BlitScaled(conv, NULL, dst, NULL);
        e->tex = SDL_CreateTextureFromSurface(im->r, dst);
    }
    SDL_FreeSurface(conv);
    SDL_FreeSurface(dst);
    SDL_FreeSurface(src);
    if (e->tex)
        SDL_SetTextureBlendMode(e->tex, SDL_BLENDMODE_BLEND);
    return e->tex ? 0 : -1;
}

SDL_Texture *images_get(struct images *im, const char *rel, int side, int *w, int *h)
{
    if (!im || !rel || side <= 0)
        return NULL;
    for (int i = 0; i < im->n; i++) {
        struct images_entry *e = &im->e[i];
        if (strcmp(e->rel, rel) == 0 && (e->side == side || e->side == 0)) {
            *w = e->w;
            *h = e->h;
            return e->tex;
        }
    }
    if (im->n >= IMAGES_MAX || strlen(rel) >= sizeof im->e[0].rel)
        return NULL;
    struct images_entry *e = &im->e[im->n++];
    memset(e, 0, sizeof *e);
    memcpy(e->rel, rel, strlen(rel) + 1);
    e->side = side;
    if (images_load(im, e) != 0)
        e->side = 0;
    *w = e->w;
    *h = e->h;
    return e->tex;
}

int images_probe(const char *path, char *err, size_t errsz)
{
    int w, h;
    if (file_png_size(path, &w, &h, err, errsz) != 0)
        return -1;
    SDL_Surface *s = IMG_Load(path);
    if (!s) {
        snprintf(err, errsz, "%s", IMG_GetError());
        return -1;
    }
    SDL_FreeSurface(s);
    return 0;
}
