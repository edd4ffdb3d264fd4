#include "fonts_start.h"

#include <pthread.h>
#include <stdlib.h>

struct fonts_start {
    pthread_t thread;
    const struct config *cfg;
    const char *fonts_dir;
    struct fonts *fonts;
};

static void *fonts_start_main(void *arg)
{
    struct fonts_start *s = arg;
    s->fonts = fonts_create(s->cfg, s->fonts_dir);
    if (s->fonts)
        fonts_prefetch(s->fonts, s->cfg);
    return NULL;
}

struct fonts_start *fonts_start(const struct config *cfg, const char *fonts_dir)
{
    struct fonts_start *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->cfg = cfg;
    s->fonts_dir = fonts_dir;
    if (pthread_create(&s->thread, NULL, fonts_start_main, s) != 0) {
        free(s);
        return NULL;
    }
    return s;
}

struct fonts *fonts_start_join(struct fonts_start *s, const struct config *cfg,
                               const char *fonts_dir)
{
    if (!s)
        return fonts_create(cfg, fonts_dir);
    pthread_join(s->thread, NULL);
    struct fonts *f = s->fonts;
    free(s);
    return f;
}
