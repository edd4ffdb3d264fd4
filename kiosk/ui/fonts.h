#ifndef KIOSK_FONTS_H
#define KIOSK_FONTS_H
/* Font chains by language (BIZ UD for Japanese, Noto CJK for Chinese and
 * Korean, per the config) and the TTF_Font handles. Each distinct font file
 * and face (and its Bold sibling) is opened once, lazily, and resized with
 * TTF_SetFontSize: a face costs megabytes (Noto CJK about 3 MiB: FreeType's
 * tables and HarfBuzz's copies of GSUB/GPOS), a size costs nothing, so sizes
 * never multiply faces. At most eight handles are open (least recently used
 * closed first): a language needs two to four, home's language buttons with
 * six languages eight, and ui_trim closes the others after home is up. */
#include <SDL_ttf.h>
#include <stdint.h>

#include "config.h"

struct fonts;

/* Glyphs are drawn unhinted, as at the sizes the kiosk uses (19 px and up
 * at 1280x720) grey-scale anti-aliasing keeps them sharp. Hinting ran
 * BIZ UDPGothic's TrueType bytecode for every glyph loaded, and made
 * HarfBuzz load each glyph again for its hinted advance; unhinted, the
 * advance comes from the font's metrics table. Home's first frame at
 * 1280x720 loaded 776 glyphs instead of 1,320 and drew in 8.4 ms of CPU
 * instead of 10.8 (medians of 25 alternated starts). kiosk_floor uses the
 * same setting. */
#define FONTS_HINTING TTF_HINTING_NONE

/* fonts_dir: the repo's fonts/ folder (searched before the system's). The
 * config's chains are resolved now, each distinct file name once; a missing
 * file is logged with the places tried. Returns NULL if no usable font at
 * all was found. */
struct fonts *fonts_create(const struct config *cfg, const char *fonts_dir);
void fonts_destroy(struct fonts *f);
/* The first font of lang's chain that has every glyph of text, set to px
 * pixels (bold if asked and a Bold file exists beside the Regular one). If
 * no font has them all, the first font and *missing = number of glyphs
 * missing in it (missing may be NULL). Owned by fonts; use it at once: the
 * next fonts_pick may resize or close it. */
TTF_Font *fonts_pick(struct fonts *f, const char *lang, const char *text, int px, int bold,
                     int *missing);
/* An id for the chain fonts_pick used for lang (for text cache keys). */
int fonts_chain_id(struct fonts *f, const char *lang);
/* The file an open font was read from ("?" if font is not one of f's), for
 * messages; owned by f. */
const char *fonts_file_of(struct fonts *f, const TTF_Font *font);
/* A digest of all that decides how the fonts draw a text: each chain's
 * language, files and faces (and Bold siblings) with each file's size,
 * modification and change times and inode, SDL_ttf's, FreeType's and
 * HarfBuzz's versions, FONTS_HINTING, HarfBuzz's default language, and
 * extra (the caller's: the program's own identity). Equal digests draw
 * equal text (the text store's key, core/text_store.h). 0, or -1. */
int fonts_signature(const struct fonts *f, const char *extra, uint8_t out[32]);
/* How many font handles (faces) are open now (for the benchmark). */
int fonts_open_count(struct fonts *f);
/* Closes every open face that lang's chain does not name (a language
 * button's Chinese or Korean face, once its label is in the text cache), or
 * with lang NULL every open face: the next fonts_pick that needs one opens
 * it again. Returns how many were (with only_count, would be) closed. */
int fonts_trim(struct fonts *f, const char *lang, int only_count);
/* Opens the regular and bold handles of the first face of each of cfg's
 * languages' chains, which home's first frame draws (each language button
 * in its own face), and shapes a probe with each so HarfBuzz has read their
 * tables. In two steps for the start-up thread (ui_start.c): the plan, on
 * that thread before any other sees f (cfg is not read after it); then the
 * run, during which the main thread may use f (fonts_pick waits for a face
 * not yet open; fonts_trim and fonts_destroy wait for the run's end, after
 * which it no longer touches f). TTF_Init
 * must have run. Returns how many handles the run opened. */
#define FONTS_PREFETCH_PX 32
/* With hold, the run opens the default language's handles first, then
 * waits until fonts_prefetch_release, or until the main thread waits for a
 * face itself (fonts_pick) or for the run's end (fonts_trim, destroy). */
void fonts_prefetch_plan(struct fonts *f, const struct config *cfg, int hold);
int fonts_prefetch_run(struct fonts *f);
/* Lets a held run go on (f NULL: nothing). */
void fonts_prefetch_release(struct fonts *f);
/* Both steps on the caller's thread. */
int fonts_prefetch(struct fonts *f, const struct config *cfg);
#endif
