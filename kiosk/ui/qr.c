/* QR codes (libqrencode) drawn as crisp modules with a 4-module quiet zone,
 * kept as textures in a small cache so a frame never re-encodes. */
#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

#include "qr.h"

#define QR_CACHE 8
#define QR_QUIET 4

struct qr_entry {
    char text[512];
    SDL_Renderer *r;
    SDL_Texture *tex; /* one pixel per module, quiet zone included */
    int modules;
    unsigned long used;
};
/* One per drawing context (its textures belong to that renderer). */
struct qr_cache {
    struct qr_entry e[QR_CACHE];
    unsigned long clock;
};

static SDL_Texture *qr_make(SDL_Renderer *r, const char *text, int *modules)
{
    QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!q)
        return NULL;
    int n = q->width + 2 * QR_QUIET;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, n, n, 32, SDL_PIXELFORMAT_XRGB8888);
    if (s) {
        SDL_FillRect(s, NULL, SDL_MapRGB(s->format, 255, 255, 255));
        Uint32 black = SDL_MapRGB(s->format, 0, 0, 0);
        for (int y = 0; y < q->width; y++)
            for (int x = 0; x < q->width; x++)
                if (q->data[y * q->width + x] & 1) {
                    SDL_Rect px = {x + QR_QUIET, y + QR_QUIET, 1, 1};
                    SDL_FillRect(s, &px, black);
                }
    }
    QRcode_free(q);
    if (!s)
        return NULL;
    SDL_Texture *t = SDL_CreateTextureFromSurface(r, s);
    SDL_FreeSurface(s);
    if (t)
        SDL_SetTextureScaleMode(t, SDL_ScaleModeNearest);
    *modules = n;
    return t;
}

static struct qr_entry *qr_get(struct ui *ui, const char *text)
{
    if (!ui->qr && !(ui->qr = calloc(1, sizeof *ui->qr)))
        return NULL;
    struct qr_cache *c = ui->qr;
    SDL_Renderer *r = ui->r;
    struct qr_entry *slot = &c->e[0];
    for (int i = 0; i < QR_CACHE; i++) {
        struct qr_entry *e = &c->e[i];
        if (e->tex && e->r == r && strcmp(e->text, text) == 0) {
            e->used = ++c->clock;
            return e;
        }
        if (!e->tex || e->used < slot->used)
            slot = e;
    }
    if (strlen(text) >= sizeof slot->text)
        return NULL;
    if (slot->tex)
        SDL_DestroyTexture(slot->tex);
    memset(slot, 0, sizeof *slot);
    slot->tex = qr_make(r, text, &slot->modules);
    if (!slot->tex)
        return NULL;
    memcpy(slot->text, text, strlen(text) + 1);
    slot->r = r;
    slot->used = ++c->clock;
    return slot;
}

void qr_draw(struct ui *ui, const char *text, struct rect r)
{
    struct qr_entry *e = qr_get(ui, text);
    if (!e)
        return;
    /* Whole pixels per module keep every module the same size. */
    int side = r.w < r.h ? r.w : r.h;
    int scale = side / e->modules;
    if (scale < 1)
        scale = 1;
    int px = scale * e->modules;
    struct rect dst = layout_center(r, px, px);
    if (ui->qr_min_px == 0 || px < ui->qr_min_px)
        ui->qr_min_px = px;
    SDL_Rect d = {dst.x, dst.y, dst.w, dst.h};
    SDL_RenderCopy(ui->r, e->tex, NULL, &d);
}

void qr_free(struct ui *ui)
{
    if (!ui->qr)
        return;
    for (int i = 0; i < QR_CACHE; i++)
        if (ui->qr->e[i].tex)
            SDL_DestroyTexture(ui->qr->e[i].tex);
    free(ui->qr);
    ui->qr = NULL;
}
