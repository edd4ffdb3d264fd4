#include "icon.h"

#include <SDL.h>

#define ICON_MAX_SPANS 1024

struct icon_spans {
    struct rect s[ICON_MAX_SPANS];
    int n;
};

static void icon_span(struct icon_spans *sp, int x0, int x1, int y)
{
    if (x1 > x0 && sp->n < ICON_MAX_SPANS)
        sp->s[sp->n++] = (struct rect){x0, y, x1 - x0, 1};
}

/* Row y (dy from the centre line) of a wave: the ring between radii ri and
 * ro around (cx, cy), within 50 degrees of the horizontal, on the right. */
static void icon_wave(struct icon_spans *sp, int cx, int y, double dy, double ri, double ro)
{
    const double slope = 1.0 / SDL_tan(50.0 * 3.14159265358979 / 180.0);
    double ady = SDL_fabs(dy);
    if (ady >= ro)
        return;
    double a = ady < ri ? SDL_sqrt(ri * ri - dy * dy) : 0.0;
    double from = a > ady * slope ? a : ady * slope, to = SDL_sqrt(ro * ro - dy * dy);
    icon_span(sp, cx + (int)SDL_lround(from), cx + (int)SDL_lround(to), y);
}

void icon_speaker(struct ui *ui, struct rect r, uint32_t rgb)
{
    /* The picture is 1 high and 1.15 wide: the body, the cone, two waves. */
    int h = r.h, w = (int)(r.h * 1.15);
    if (w > r.w) {
        w = r.w;
        h = (int)(r.w / 1.15);
    }
    if (h < 8)
        return;
    int x = r.x + (r.w - w) / 2, y = r.y + (r.h - h) / 2;
    double cy = y + h / 2.0, body_h = h * 0.36, cone_h = h * 0.84;
    int body_x1 = x + (int)(w * 0.16), cone_x1 = x + (int)(w * 0.42);
    double t = h * 0.085; /* a wave's thickness */
    static struct icon_spans sp;
    sp.n = 0;
    for (int row = y; row < y + h; row++) {
        double dy = row + 0.5 - cy;
        if (SDL_fabs(dy) <= body_h / 2)
            icon_span(&sp, x, body_x1, row);
        /* The cone widens from the body's height to its own. */
        if (SDL_fabs(dy) <= cone_h / 2) {
            double k = SDL_fabs(dy) <= body_h / 2 ? 0.0
                                              : (SDL_fabs(dy) - body_h / 2) / (cone_h / 2 - body_h / 2);
            icon_span(&sp, body_x1 + (int)SDL_lround(k * (cone_x1 - body_x1)), cone_x1, row);
        }
        icon_wave(&sp, cone_x1, row, dy, h * 0.20, h * 0.20 + t);
        icon_wave(&sp, cone_x1, row, dy, h * 0.38, h * 0.38 + t);
    }
    ui_fill_rects(ui, sp.s, sp.n, rgb);
}
