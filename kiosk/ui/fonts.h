#ifndef KIOSK_FONTS_H
#define KIOSK_FONTS_H
/* Font chains by language (BIZ UD for Japanese, Noto CJK for Chinese and
 * Korean, per the config) and the TTF_Font handles, opened lazily once per
 * file, face and size, and kept in a small bounded cache. */
#include <SDL_ttf.h>

#include "config.h"

struct fonts;

/* fonts_dir: the repo's fonts/ folder (searched before the system's). The
 * config's chains are resolved now; a missing file is logged with the
 * places tried. Returns NULL if no usable font at all was found. */
struct fonts *fonts_create(const struct config *cfg, const char *fonts_dir);
void fonts_destroy(struct fonts *f);
/* The first font of lang's chain that has every glyph of text, at px pixels
 * (bold if asked and a Bold file exists beside the Regular one). If no font
 * has them all, the first font and *missing = number of glyphs missing in
 * it (missing may be NULL). Owned by fonts; valid until the next call that
 * may evict (do not keep it across frames). */
TTF_Font *fonts_pick(struct fonts *f, const char *lang, const char *text, int px, int bold,
                     int *missing);
/* An id for the chain fonts_pick used for lang (for text cache keys). */
int fonts_chain_id(struct fonts *f, const char *lang);
#endif
