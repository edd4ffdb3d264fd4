#include "ui_start.h"

#include <hb.h>
#include <pthread.h>
#include <stdlib.h>

#include "fonts.h"
#include "jseg.h"

struct ui_start {
    pthread_t fonts_thread, jseg_thread;
    int jseg_started;
    const struct config *cfg;
    const char *fonts_dir;
    struct fonts *fonts;
    struct jseg *jseg;
};

/* FreeType's library is not thread-safe: the faces open on one thread. */
static void *ui_start_fonts(void *arg)
{
    struct ui_start *s = arg;
    s->fonts = fonts_create(s->cfg, s->fonts_dir);
    if (s->fonts)
        fonts_prefetch(s->fonts, s->cfg);
    return NULL;
}

/* MeCab (libmecab, libstdc++ and the dictionary) on another: about 3-5 ms
 * of the start that need not wait for the fonts. */
static void *ui_start_jseg(void *arg)
{
    struct ui_start *s = arg;
    s->jseg = jseg_create();
    jseg_prepare(s->jseg);
    return NULL;
}

struct ui_start *ui_start(const struct config *cfg, const char *fonts_dir)
{
    /* HarfBuzz reads the process's locale once, at its first shaping, for
     * the language of text that names none (SDL_ttf names none). The fonts
     * thread shapes while SDL_Init runs, and SDL's X11 keyboard set-up sets
     * the locale to the system's for a moment (a Japanese one would then
     * give Chinese and Korean labels Japanese glyph forms): read it here,
     * before both, as the first shaping after SDL_Init used to. */
    hb_language_get_default();
    struct ui_start *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->cfg = cfg;
    s->fonts_dir = fonts_dir;
    if (pthread_create(&s->fonts_thread, NULL, ui_start_fonts, s) != 0) {
        free(s);
        return NULL;
    }
    s->jseg_started = pthread_create(&s->jseg_thread, NULL, ui_start_jseg, s) == 0;
    return s;
}

void ui_start_join(struct ui_start *s, const struct config *cfg, const char *fonts_dir,
                   struct fonts **fonts, struct jseg **jseg)
{
    struct ui_start here = {.cfg = cfg, .fonts_dir = fonts_dir};
    if (s) {
        pthread_join(s->fonts_thread, NULL);
        if (s->jseg_started)
            pthread_join(s->jseg_thread, NULL);
        else
            ui_start_jseg(s);
    } else {
        ui_start_fonts(s = &here);
        ui_start_jseg(s);
    }
    *fonts = s->fonts;
    *jseg = s->jseg;
    if (s != &here)
        free(s);
}
