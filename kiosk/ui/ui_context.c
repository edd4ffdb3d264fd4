/* Creating and destroying the drawing context. */
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "images.h"
#include "jseg.h"
#include "qr.h"
#include "ui.h"

#define UI_TEXT_CACHE_ENTRIES 384

struct ui *ui_create(SDL_Renderer *r, const struct config *cfg, const char *fonts_dir)
{
    return ui_create_with(r, cfg, fonts_create(cfg, fonts_dir), jseg_create());
}

struct ui *ui_create_with(SDL_Renderer *r, const struct config *cfg, struct fonts *fonts,
                          struct jseg *jseg)
{
    struct ui *ui = fonts && jseg ? calloc(1, sizeof *ui) : NULL;
    if (!ui) {
        fonts_destroy(fonts);
        jseg_destroy(jseg);
        return NULL;
    }
    ui->r = r;
    SDL_RendererInfo info;
    ui->window_software = SDL_RenderGetWindow(r) && SDL_GetRendererInfo(r, &info) == 0 &&
                          info.name && strcmp(info.name, "software") == 0;
    ui->cfg = cfg;
    ui->fonts = fonts;
    if (ui->fonts)
        ui->text = text_cache_create(r, ui->fonts, UI_TEXT_CACHE_ENTRIES);
    ui->images = images_create(r, cfg);
    ui->jseg = jseg; /* MeCab opens at the first Japanese text to wrap, if not open */
    if (!ui->fonts || !ui->text || !ui->images) {
        ui_destroy(ui);
        return NULL;
    }
    return ui;
}

void ui_destroy(struct ui *ui)
{
    if (!ui)
        return;
    qr_free(ui);
    ui_release(ui);
    images_destroy(ui->images);
    text_cache_destroy(ui->text);
    fonts_destroy(ui->fonts);
    jseg_destroy(ui->jseg);
    free(ui);
}

int ui_set_config(struct ui *ui, const struct config *cfg, const char *fonts_dir)
{
    /* Images always follow the new config (they keep a pointer to it). */
    struct images *im = images_create(ui->r, cfg);
    images_destroy(ui->images);
    ui->images = im; /* NULL (out of memory): drawn without images */
    ui->cfg = cfg;
    ui->pressed_valid = 0;
    ui->store_on = 0; /* the text store is the old fonts' (ui_text_store.c) */
    text_cache_store_done(ui->text);
    ui_layer_drop(ui); /* drawn with the old config's fonts and images */
    struct fonts *f = fonts_create(cfg, fonts_dir);
    struct text_cache *tc = f ? text_cache_create(ui->r, f, UI_TEXT_CACHE_ENTRIES) : NULL;
    if (!tc || !im) {
        fonts_destroy(f);
        return -1;
    }
    text_cache_destroy(ui->text);
    fonts_destroy(ui->fonts);
    ui->fonts = f;
    ui->text = tc;
    return 0;
}

int ui_trim(struct ui *ui, int only_check)
{
    int mecab = jseg_is_open(ui->jseg);
    /* Every face, the current language's too: what the screens show is in
     * the text cache, and a face costs about 0.4 MiB open where reopening
     * it for the next new text (the clock's minute) costs about 1 ms. */
    int faces = ui->fonts ? fonts_trim(ui->fonts, NULL, only_check) : 0;
    if (only_check)
        return mecab || faces > 0;
    jseg_release(ui->jseg);
    /* glibc keeps freed heap pages (FreeType's tables of a closed face) for
     * later: they go back to the system here, once per quiet spell. */
    malloc_trim(0);
    return mecab || faces > 0;
}
