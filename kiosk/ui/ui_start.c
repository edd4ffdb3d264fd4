#include "ui_start.h"

#include <pthread.h>
#include <stdlib.h>

#include "fonts.h"
#include "jseg.h"

struct ui_start {
    pthread_t thread;
    const struct config *cfg;
    const char *fonts_dir;
    struct fonts *fonts;
    struct jseg *jseg;
};

static void ui_start_make(struct ui_start *s)
{
    s->fonts = fonts_create(s->cfg, s->fonts_dir);
    if (s->fonts)
        fonts_prefetch(s->fonts, s->cfg);
    s->jseg = jseg_create();
    jseg_prepare(s->jseg);
}

static void *ui_start_main(void *arg)
{
    ui_start_make(arg);
    return NULL;
}

struct ui_start *ui_start(const struct config *cfg, const char *fonts_dir)
{
    struct ui_start *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->cfg = cfg;
    s->fonts_dir = fonts_dir;
    if (pthread_create(&s->thread, NULL, ui_start_main, s) != 0) {
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
        pthread_join(s->thread, NULL);
    else
        ui_start_make(s = &here);
    *fonts = s->fonts;
    *jseg = s->jseg;
    if (s != &here)
        free(s);
}
