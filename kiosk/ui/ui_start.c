#define _GNU_SOURCE /* pthread_setname_np */
#include "ui_start.h"

#include <hb.h>
#include <pthread.h>
#include <stdlib.h>

#include "fonts.h"
#include "jseg.h"
#include "ui.h"

struct ui_start {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t made;
    int fonts_made; /* fonts_create has returned (fonts may be NULL) */
    const struct config *cfg;
    const char *fonts_dir;
    struct fonts *fonts;
    /* A text store file is there (ui_text_store.c): the first frame's texts
     * are likely in it but the clock's minute, so the thread opens the
     * default language's faces and waits (fonts_prefetch_plan) while the
     * main thread and the X server make the window on the same cores. */
    int store_found;
};

/* FreeType's library is not thread-safe for opening faces: the faces open
 * on this thread while it runs (fonts.c keeps the main thread's hands off). */
static void *ui_start_thread(void *arg)
{
    struct ui_start *s = arg;
    pthread_setname_np(pthread_self(), "kiosk-fonts"); /* in top and perf */
    struct fonts *f = fonts_create(s->cfg, s->fonts_dir);
    if (f)
        fonts_prefetch_plan(f, s->cfg, s->store_found); /* the last read of cfg */
    pthread_mutex_lock(&s->lock);
    s->fonts = f;
    s->fonts_made = 1;
    pthread_cond_signal(&s->made);
    pthread_mutex_unlock(&s->lock);
    if (f)
        fonts_prefetch_run(f);
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
    s->store_found = ui_text_store_found();
    pthread_mutex_init(&s->lock, NULL);
    pthread_cond_init(&s->made, NULL);
    if (pthread_create(&s->thread, NULL, ui_start_thread, s) != 0) {
        pthread_cond_destroy(&s->made);
        pthread_mutex_destroy(&s->lock);
        free(s);
        return NULL;
    }
    return s;
}

void ui_start_take(struct ui_start *s, const struct config *cfg, const char *fonts_dir,
                   struct fonts **fonts, struct jseg **jseg)
{
    if (s) {
        pthread_mutex_lock(&s->lock);
        while (!s->fonts_made)
            pthread_cond_wait(&s->made, &s->lock);
        *fonts = s->fonts;
        pthread_mutex_unlock(&s->lock);
    } else {
        *fonts = fonts_create(cfg, fonts_dir);
        if (*fonts)
            fonts_prefetch(*fonts, cfg);
    }
    /* MeCab opens at the first text that needs phrase boundaries: home's
     * labels fit on their lines or break at spaces, so the first frame
     * does not wait for it (the attract cards prepared after it do). */
    *jseg = jseg_create();
}

/* The fonts the thread made, once it has made them (NULL: none or not yet). */
static struct fonts *ui_start_fonts(struct ui_start *s)
{
    pthread_mutex_lock(&s->lock);
    struct fonts *f = s->fonts_made ? s->fonts : NULL;
    pthread_mutex_unlock(&s->lock);
    return f;
}

void ui_start_release(struct ui_start *s)
{
    if (s)
        fonts_prefetch_release(ui_start_fonts(s));
}

void ui_start_join(struct ui_start *s)
{
    if (!s)
        return;
    ui_start_release(s); /* the thread cannot end while it waits */
    pthread_join(s->thread, NULL);
    pthread_cond_destroy(&s->made);
    pthread_mutex_destroy(&s->lock);
    free(s);
}
