/* SDL2_image, loaded when the kiosk first decodes or writes an image.
 *
 * libSDL2_image.so.0 links the codecs of every format it reads (PNG, JPEG,
 * TIFF, WebP and theirs: 9 libraries). Mapped at exec they cost start-up
 * time before the first frame, which draws no image: emblems are optional
 * and decoded when their screen is drawn or the config checked, and PNG
 * files are written only by --screenshot. So the kiosk does not link it:
 * this file defines the two functions the kiosk calls, with SDL2_image's
 * names and types, and the first call opens the library and forwards.
 * These definitions are not exported (no -rdynamic).
 *
 * Without the library the calls fail as a broken file does (NULL, -1, with
 * SDL_GetError saying why): images are shown without, as ever. */
#include <SDL.h>
#include <SDL_image.h>
#include <pthread.h>

#include "dlib.h"

#define IMG_LOAD_SONAME "libSDL2_image-2.0.so.0"

static struct {
    SDL_Surface *(*load)(const char *);
    int (*save_png)(SDL_Surface *, const char *);
} img_fn;

static pthread_once_t img_load_once = PTHREAD_ONCE_INIT;
static int img_load_ok;
static char img_load_err[256];

static void img_load_run(void)
{
    void *lib = dlib_open(IMG_LOAD_SONAME, img_load_err, sizeof img_load_err);
    img_load_ok = lib &&
                  dlib_sym(lib, IMG_LOAD_SONAME, "IMG_Load", &img_fn.load, sizeof img_fn.load,
                           img_load_err, sizeof img_load_err) == 0 &&
                  dlib_sym(lib, IMG_LOAD_SONAME, "IMG_SavePNG", &img_fn.save_png,
                           sizeof img_fn.save_png, img_load_err, sizeof img_load_err) == 0;
}

/* 0 if SDL2_image is usable, else -1 with SDL_GetError saying why. */
static int img_load(void)
{
    pthread_once(&img_load_once, img_load_run);
    if (!img_load_ok)
        SDL_SetError("%s", img_load_err);
    return img_load_ok ? 0 : -1;
}

SDL_Surface *IMG_Load(const char *file) { return img_load() == 0 ? img_fn.load(file) : NULL; }

int IMG_SavePNG(SDL_Surface *surface, const char *file)
{
    return img_load() == 0 ? img_fn.save_png(surface, file) : -1;
}
