#ifndef KIOSK_IMAGES_H
#define KIOSK_IMAGES_H
/* Images from the config (municipality emblems): each file decoded once,
 * scaled once per size it is shown at, kept as a texture. */
#include <SDL.h>

#include "config.h"

struct images;

/* Paths are resolved against cfg's folder. NULL only when out of memory. */
struct images *images_create(SDL_Renderer *r, const struct config *cfg);
void images_destroy(struct images *im);
/* The image at rel scaled to fit side x side (aspect kept): a texture owned
 * by im, with its size in *w, *h; NULL if the file cannot be decoded (said
 * once in the log; the tile is drawn without it). */
SDL_Texture *images_get(struct images *im, const char *rel, int side, int *w, int *h);
/* The config checker's image probe (struct config_load_opts.image_probe):
 * 0 if the file at path decodes, else -1 with SDL_image's reason in err. */
int images_probe(const char *path, char *err, size_t errsz);
#endif
