#ifndef KIOSK_TEXT_H
#define KIOSK_TEXT_H
/* Text as textures: rendered once, kept in a bounded LRU cache keyed by
 * string, font chain, size, weight and colour, reused every frame. Widths
 * (text_measure, called for every word while wrapping) and line heights are
 * cached too, so a warm frame never calls SDL_ttf, HarfBuzz or FreeType. */
#include <SDL.h>
#include <stdint.h>

#include "fonts.h"

struct text_cache;

/* capacity: the most textures kept. Besides, the textures' pixels are held
 * under TEXT_CACHE_MAX_BYTES (at 1920x1080 and below; text_cache_fit_window
 * scales it with larger windows): the least recently used go first. */
#define TEXT_CACHE_MAX_BYTES (8u << 20) /* a screen holds 0.2 to 1.7 MiB at 1920x1080 */
struct text_cache *text_cache_create(SDL_Renderer *r, struct fonts *fonts, int capacity);
void text_cache_destroy(struct text_cache *tc);
/* The pixel bound for a w x h window: TEXT_CACHE_MAX_BYTES up to 1920x1080,
 * in proportion to the area above (32 MiB at 3840x2160, where one screen's
 * text holds up to 6 MiB: a fixed 8 MiB made the cache re-render text in
 * every frame). */
void text_cache_fit_window(struct text_cache *tc, int w, int h);
/* Drops every texture and measurement (after a config or language change of fonts). */
void text_cache_clear(struct text_cache *tc);

/* Where a texture has ink: rows[0..h) count the pixels with any alpha in
 * each row; top and bottom are the first and last such row, left and right
 * the first and last such column (all -1 if none). */
struct text_ink {
    int top, bottom, left, right;
    const int *rows; /* owned by the cache, valid as the texture is */
};

/* The texture for text (one line). Owned by the cache; valid until the
 * next text_cache_get. *w, *h get the line's size; the texture holds only
 * its rows ink->top..ink->bottom and columns ink->left..ink->right (all of
 * it if top is -1), drawn there.
 * NULL for "" or on failure.
 * *missing (may be NULL) gets the number of glyphs the font lacked; *ink
 * (may be NULL) where the glyphs drawn put ink. */
SDL_Texture *text_cache_get(struct text_cache *tc, const char *lang, const char *text,
                            int px, int bold, uint32_t rgb, int *w, int *h, int *missing,
                            struct text_ink *ink);
/* While on, the textures text_cache_get makes are transient: at most
 * TEXT_TRANSIENT_KEEP of them stay (oldest dropped first), so text that
 * changes with time, such as the clock, cannot fill the cache. */
void text_cache_transient(struct text_cache *tc, int on);
/* Width in pixels of text[0..len) at px (no texture made). */
int text_measure(struct text_cache *tc, const char *lang, const char *text, size_t len,
                 int px, int bold);
/* Line height for px in lang's first font: its line skip, or more when
 * its tallest and deepest glyphs (accents, descenders) need more rows. */
int text_line_height(struct text_cache *tc, const char *lang, int px, int bold);

/* The first frame's text kept across starts (core/text_store.h). seed
 * takes the last start's store (store is left empty): its widths and line
 * heights go into the tables, its texts become textures when first asked
 * for, drawn from their coverage without a font. While recording is on,
 * what is asked for is marked, and each text made keeps its coverage;
 * text_cache_store adds the marked items to out (leaving out any it
 * cannot hold, and those made without a font) and returns how many texts,
 * widths and line heights were not in the seed (0: nothing to write).
 * text_cache_store_done stops recording and frees the seed and the
 * coverage copies. */
struct text_store;
void text_cache_seed(struct text_cache *tc, struct text_store *store);
void text_cache_record(struct text_cache *tc, int on);
int text_cache_store(const struct text_cache *tc, struct text_store *out);
void text_cache_store_done(struct text_cache *tc);

struct text_cache_stats {
    unsigned long hits, misses, evictions;
    int entries;
    /* Added for the benchmark: */
    size_t bytes;                  /* pixels held by the textures */
    unsigned long measure_hits, measure_misses;
    int fonts_open;                /* font handles open (see fonts.h) */
};
void text_cache_stats(const struct text_cache *tc, struct text_cache_stats *out);
#endif
