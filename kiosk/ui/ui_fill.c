/* Opaque fills and the clear: straight into the pixels the software
 * renderer draws into, when the ui can see them, else through SDL.
 *
 * The software renderer of a window draws into the window's surface
 * (SDL_GetWindowSurface: SDL's SW_ActivateRenderer takes the same one);
 * one made with SDL_CreateSoftwareRenderer draws into the surface it was
 * given, which its maker tells the ui (ui_set_surface). Pixels written here
 * are the ones SDL_RenderFillRects would write (pixfill.h says why it is
 * faster); tests/render/test_fill_direct.c draws every screen both ways and
 * compares them pixel for pixel. Anything else goes through SDL as before:
 * a render target texture (the rotation buffer, the layer), a scale, a
 * viewport other than the whole output (the kiosk sets none), another
 * renderer, a blend mode other than none or blend (an opaque colour
 * blended is the colour). */
#include "pixfill.h"
#include "ui.h"

void ui_set_surface(struct ui *ui, SDL_Surface *s)
{
    ui->surface = s;
}

/* The surface fills go into now, or NULL: through SDL. */
static SDL_Surface *ui_fill_target(struct ui *ui)
{
    if (ui->fill_direct_off || SDL_GetRenderTarget(ui->r))
        return NULL;
    SDL_Surface *s = ui->surface;
    if (!s && ui->window_software)
        s = SDL_GetWindowSurface(SDL_RenderGetWindow(ui->r));
    int ow, oh;
    float sx, sy;
    SDL_Rect vp;
    SDL_RenderGetScale(ui->r, &sx, &sy);
    SDL_RenderGetViewport(ui->r, &vp);
    if (!s || !s->pixels || s->format->BytesPerPixel != 4 || s->pitch % 4 != 0 ||
        SDL_MUSTLOCK(s) || SDL_GetRendererOutputSize(ui->r, &ow, &oh) != 0 || ow != s->w ||
        oh != s->h || sx != 1.0f || sy != 1.0f || vp.x != 0 || vp.y != 0 || vp.w != s->w ||
        vp.h != s->h)
        return NULL;
    SDL_BlendMode blend;
    SDL_GetRenderDrawBlendMode(ui->r, &blend);
    /* Blending an opaque colour gives the colour: the same pixels. */
    if (blend != SDL_BLENDMODE_NONE && blend != SDL_BLENDMODE_BLEND)
        return NULL;
    /* Anything SDL still holds queued goes first. */
    SDL_RenderFlush(ui->r);
    return s;
}

static struct pixbuf ui_pixbuf(SDL_Surface *s)
{
    return (struct pixbuf){(uint32_t *)s->pixels, s->pitch / 4, s->w, s->h};
}

static uint32_t ui_pixel(SDL_Surface *s, uint32_t rgb)
{
    return SDL_MapRGBA(s->format, (Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, 255);
}

void ui_fill_rects(struct ui *ui, const struct rect *r, int n, uint32_t rgb)
{
    if (n <= 0)
        return;
    SDL_SetRenderDrawColor(ui->r, (Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, 255);
    SDL_Surface *s = ui_fill_target(ui);
    if (s) {
        /* The renderer's clip, cut to the target (pixfill_rects cuts it). */
        struct rect clip = {0, 0, s->w, s->h};
        if (SDL_RenderIsClipEnabled(ui->r)) {
            SDL_Rect c;
            SDL_RenderGetClipRect(ui->r, &c);
            clip = (struct rect){c.x, c.y, c.w, c.h};
        }
        struct pixbuf pb = ui_pixbuf(s);
        pixfill_rects(&pb, clip, r, n, ui_pixel(s, rgb));
        ui->fills_direct += n;
        return;
    }
    if (!SDL_GetRenderTarget(ui->r))
        ui->fills_sdl += n;
    SDL_Rect chunk[64];
    for (int i = 0; i < n;) {
        int k = 0;
        for (; k < 64 && i < n; k++, i++)
            chunk[k] = (SDL_Rect){r[i].x, r[i].y, r[i].w, r[i].h};
        SDL_RenderFillRects(ui->r, chunk, k);
    }
}

void ui_clear(struct ui *ui, uint32_t rgb)
{
    SDL_SetRenderDrawColor(ui->r, (Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, 255);
    SDL_Surface *s = ui_fill_target(ui);
    if (!s) {
        if (!SDL_GetRenderTarget(ui->r))
            ui->fills_sdl++;
        SDL_RenderClear(ui->r);
        return;
    }
    /* A clear covers the whole target, whatever the clip. */
    struct pixbuf pb = ui_pixbuf(s);
    struct rect all = {0, 0, s->w, s->h};
    pixfill_rects(&pb, all, &all, 1, ui_pixel(s, rgb));
    ui->fills_direct++;
}
