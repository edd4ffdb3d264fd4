/* A cached picture of the whole window (the layer): drawn once into a
 * render-target texture, then copied in each frame while its key holds.
 * The "Still there?" countdown redraws every second over a page that does
 * not change: copying the dimmed page costs a memcpy, drawing it again a
 * whole page plus a full-window alpha blend. */
#include "ui.h"

void ui_layer_drop(struct ui *ui)
{
    if (ui->layer)
        SDL_DestroyTexture(ui->layer);
    ui->layer = NULL;
    ui->layer_key = 0;
    ui->layer_drawing = 0;
}

/* Copies the layer onto the target drawn to (the window or the rotation
 * buffer), replacing what is there. */
static void ui_layer_copy(struct ui *ui)
{
    SDL_Rect all = {0, 0, ui->L.w, ui->L.h};
    SDL_RenderCopy(ui->r, ui->layer, &all, &all);
}

int ui_layer_begin(struct ui *ui, uint64_t key)
{
    ui->layer_drawing = 0;
    if (ui->layer && key && key == ui->layer_key && ui->layer_w == ui->L.w &&
        ui->layer_h == ui->L.h) {
        ui_layer_copy(ui);
        return 1;
    }
    ui->layer_key = 0;
    if (!key || !SDL_RenderTargetSupported(ui->r))
        return 0; /* drawn straight onto the frame, as without a layer */
    if (!ui->layer || ui->layer_w != ui->L.w || ui->layer_h != ui->L.h) {
        ui_layer_drop(ui);
        ui->layer = SDL_CreateTexture(ui->r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                                      ui->L.w, ui->L.h);
        if (!ui->layer)
            return 0;
        /* Copied as it is: the page is opaque, nothing under it to blend with. */
        SDL_SetTextureBlendMode(ui->layer, SDL_BLENDMODE_NONE);
        ui->layer_w = ui->L.w;
        ui->layer_h = ui->L.h;
    }
    ui->layer_under = SDL_GetRenderTarget(ui->r);
    if (SDL_SetRenderTarget(ui->r, ui->layer) != 0) {
        ui_layer_drop(ui);
        return 0;
    }
    ui->layer_drawing = 1;
    ui_clear(ui, ui->theme.bg);
    return 0;
}

void ui_layer_end(struct ui *ui, uint64_t key)
{
    if (!ui->layer_drawing)
        return;
    ui->layer_drawing = 0;
    SDL_SetRenderTarget(ui->r, ui->layer_under);
    ui->layer_under = NULL;
    ui_layer_copy(ui);
    ui->layer_key = key;
}
