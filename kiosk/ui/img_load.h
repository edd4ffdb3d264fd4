#ifndef KIOSK_IMG_LOAD_H
#define KIOSK_IMG_LOAD_H

/* SDL2_image opened with dlopen on first use (img_load.c says why): the
 * IMG_Load and IMG_SavePNG of SDL_image.h load it themselves. */

/* Loads libSDL2_image once (thread-safe). 0 if usable, else -1 with
 * SDL_GetError set. */
int img_load(void);

/* 1 if libSDL2_image is in the process now (without loading it). */
int img_load_is_loaded(void);

#endif
