#ifndef KIOSK_UI_START_H
#define KIOSK_UI_START_H
/* What the first frame needs besides the window, made on a thread of its
 * own while the main thread starts SDL and opens the window (run.c): the
 * fonts, and the faces home draws opened and shaped once (fonts_prefetch:
 * Noto CJK reads about 2.4 MB of tables per face, and home's language
 * buttons need eight). The main thread takes the fonts as soon as they
 * are made and draws with each face as the thread adds it, so the first
 * frame's drawing overlaps the opening of its last faces. MeCab is not
 * part of it: no text of the first frame needs phrase boundaries (draw.c
 * asks for them only for a line that must wrap between two CJK
 * characters), and it opens on first use (jseg.c). */
#include "config.h"

struct ui_start;
struct fonts;
struct jseg;

/* Starts the thread. cfg must stay unchanged until ui_start_take returns.
 * TTF_Init must have run. NULL if no thread could start: ui_start_take
 * (NULL, ...) then makes the same on the caller's thread. */
struct ui_start *ui_start(const struct config *cfg, const char *fonts_dir);

/* Waits for the fonts to be made (not for their faces): out gets them (NULL
 * if none was usable) and a segmenter (MeCab not yet open), for the caller
 * to own (ui_create_with). The thread may still be opening faces: until
 * ui_start_join, the fonts may be drawn with but not destroyed. */
void ui_start_take(struct ui_start *s, const struct config *cfg, const char *fonts_dir,
                   struct fonts **fonts, struct jseg **jseg);

/* The window is made: the thread goes on with the faces it held back (a
 * text store was there; ui_start.c). NULL: nothing. */
void ui_start_release(struct ui_start *s);

/* Waits for the thread's end and frees s (NULL: nothing). Before the fonts
 * are destroyed or replaced, and before anything else sets or unsets the
 * environment. */
void ui_start_join(struct ui_start *s);
#endif
