#ifndef KIOSK_TEXT_H
#define KIOSK_TEXT_H
/* Text as textures: rendered once, kept in a bounded LRU cache keyed by
 * string, font chain, size, weight and colour, reused every frame. */
#include <SDL.h>
#include <stdint.h>

#include "fonts.h"

struct text_cache;

struct text_cache *text_cache_create(SDL_Renderer *r, struct fonts *fonts, int capacity);
void text_cache_destroy(struct text_cache *tc);
/* Drops every texture (after a config or language change of fonts). */
void text_cache_clear(struct text_cache *tc);

/* The texture for text (one line). Owned by the cache; valid until the
 * next text_cache_get. *w, *h get its size. NULL for "" or on failure.
 * *missing (may be NULL) gets the number of glyphs the font lacked. */
SDL_Texture *text_cache_get(struct text_cache *tc, const char *lang, const char *text,
                            int px, int bold, uint32_t rgb, int *w, int *h, int *missing);
/* Width in pixels of text[0..len) at px (no texture made). */
int text_measure(struct text_cache *tc, const char *lang, const char *text, size_t len,
                 int px, int bold);
/* Line height for px in lang's first font. */
int text_line_height(struct text_cache *tc, const char *lang, int px, int bold);

struct text_cache_stats {
    unsigned long hits, misses, evictions;
    int entries;
};
void text_cache_stats(const struct text_cache *tc, struct text_cache_stats *out);
#endif
