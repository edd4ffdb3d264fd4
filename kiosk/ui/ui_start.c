#include "ui_start.h"

#include <hb.h>
#include <pthread.h>
#include <stdlib.h>

#include "fonts.h"
#include "jseg.h"

struct ui_start {
    pthread_t fonts_thread;
    const struct config *cfg;
    const char *fonts_dir;
    struct fonts *fonts;
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
    return s;
}

void ui_start_join(struct ui_start *s, const struct config *cfg, const char *fonts_dir,
                   struct fonts **fonts, struct jseg **jseg)
{
    struct ui_start here = {.cfg = cfg, .fonts_dir = fonts_dir};
    if (s)
        pthread_join(s->fonts_thread, NULL);
    else
        ui_start_fonts(s = &here);
    *fonts = s->fonts;
    /* MeCab opens at the first text that needs phrase boundaries: home's
     * labels fit on their lines or break at spaces, so the first frame
     * does not wait for it (the attract cards prepared after it do). */
    *jseg = jseg_create();
    if (s != &here)
        free(s);
}
