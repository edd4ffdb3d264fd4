#ifndef KIOSK_TEXT_STORE_H
#define KIOSK_TEXT_STORE_H
/* The first frame's text kept across starts: what home's first frame
 * measured (widths, line heights) and drew (each text's coverage, one byte
 * a pixel, cropped to its ink), so that the next start draws its first
 * frame without shaping or loading a glyph (ui/text.c seeds its cache from
 * it; shell/run.c loads it before the first frame and saves it after).
 *
 * A cache, never a source of truth: it is used only when its signature
 * (the font files' identities, the libraries' versions and the hinting;
 * ui/fonts.c) is the running kiosk's, and every entry is keyed by text,
 * font chain, size, weight (and colour), so a change of config or font
 * simply misses. A file cut short, damaged or from another version is
 * refused whole and written again. One file, written to a temporary file
 * and renamed over the old one. No SDL here: unit-tested without a display. */
#include <stddef.h>
#include <stdint.h>

#define TEXT_STORE_SIG_BYTES 32
#define TEXT_STORE_MAX_ITEMS 4096  /* of each kind */
#define TEXT_STORE_MAX_TEXT 1023   /* bytes of one text */
#define TEXT_STORE_MAX_SIDE 8192   /* width of one text's line box */
#define TEXT_STORE_MAX_LINE 1024   /* and its height */
#define TEXT_STORE_MAX_FILE (8L << 20) /* the file: about 150 KB at 1280x720 */
#define TEXT_STORE_FILE "first-frame-text"

struct text_store_measure {
    int chain, px, bold, width;
    char *text; /* owned, NUL-terminated */
};
struct text_store_lh {
    int chain, px, bold, lh;
};
/* A drawn line: its box w x h, the glyphs its font lacked, and where its
 * ink is (top -1: none; then alpha is NULL). alpha holds the ink's rows
 * top..bottom and columns left..right, row by row. */
struct text_store_tex {
    int chain, px, bold;
    uint32_t rgb;
    int w, h, missing;
    int top, bottom, left, right;
    char *text;     /* owned */
    uint8_t *alpha; /* owned, (right - left + 1) * (bottom - top + 1) bytes */
};
struct text_store {
    uint8_t sig[TEXT_STORE_SIG_BYTES];
    int n_measures, n_lhs, n_texs;
    struct text_store_measure *measures;
    struct text_store_lh *lhs;
    struct text_store_tex *texs;
};

void text_store_init(struct text_store *s, const uint8_t sig[TEXT_STORE_SIG_BYTES]);
void text_store_free(struct text_store *s);
/* Copies of text (len bytes) and alpha are taken. Return 0, or -1 (out of
 * memory, the store full: TEXT_STORE_MAX_ITEMS; or an item the file cannot
 * hold: an empty text or one with a NUL, a text too long, a box too large
 * or an ink box outside it). What these accept, text_store_decode reads
 * back. */
int text_store_add_measure(struct text_store *s, int chain, int px, int bold, const char *text,
                           size_t len, int width);
int text_store_add_lh(struct text_store *s, int chain, int px, int bold, int lh);
int text_store_add_tex(struct text_store *s, const struct text_store_tex *t);

/* The store as bytes (malloc'd into *out). Returns 0 or -1. */
int text_store_encode(const struct text_store *s, uint8_t **out, size_t *len);
/* Reads buf into *s (initialised here; free it with text_store_free).
 * Returns 0; or -1 with why ("signature differs: fonts or libraries
 * changed", "cut short at byte 812", ...) and *s empty. */
int text_store_decode(const uint8_t *buf, size_t len, const uint8_t sig[TEXT_STORE_SIG_BYTES],
                      struct text_store *s, char *why, size_t whysz);

/* The cache folder: $CACHE_DIRECTORY (systemd's CacheDirectory=, its first
 * entry), else $XDG_CACHE_HOME/PACKAGE, else $HOME/.cache/PACKAGE; the
 * values are passed in (NULL = unset). Returns 0, or -1 when none is set
 * or absolute, or the path does not fit. */
int text_store_dir(const char *cache_directory, const char *xdg_cache_home, const char *home,
                   const char *package, char *out, size_t outsz);
/* dir/TEXT_STORE_FILE read and decoded: 0, or -1 with why ("no such
 * file" when there is none yet). */
int text_store_load(const char *dir, const uint8_t sig[TEXT_STORE_SIG_BYTES],
                    struct text_store *s, char *why, size_t whysz);
/* Written to dir/TEXT_STORE_FILE through a temporary file and a rename
 * (dir made, with its parent, if missing: mode 0700). 0, or -1 with why. */
int text_store_save(const char *dir, const struct text_store *s, char *why, size_t whysz);
#endif
