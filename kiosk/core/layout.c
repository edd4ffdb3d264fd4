#include "layout.h"

#include <math.h>

#define LAYOUT_DEFAULT_INCHES 24.0

int layout_mm(const struct layout *L, double mm) { return (int)lround(mm * L->px_per_mm); }

int layout_callbar_h(const struct layout *L)
{
    /* One millimetre more than the insets: rounding never takes the
     * button under 20 mm. */
    return L->target_min + 2 * layout_mm(L, LAYOUT_CALLBAR_PAD_MM) + layout_mm(L, 1);
}

static int layout_max(int a, int b) { return a > b ? a : b; }

int layout_line_pitch(int px, int lh, int tight)
{
    int p = tight ? (px * 6 + 4) / 5 : (px * 3 + 1) / 2; /* rounded up */
    return p > lh ? p : lh;
}

int layout_item_gap(int px, int lh)
{
    int pitch = layout_line_pitch(px, lh, 0);
    return layout_max(pitch + px / 2 - lh, 0);
}

int layout_text_min_px(const struct layout *L)
{
    /* Rounded up (the 1e-6 keeps an exact whole number whole). */
    return layout_max(12, (int)ceil(LAYOUT_TEXT_MIN_MM * L->px_per_mm - 1e-6));
}

void layout_compute(struct layout *L, int w, int h, double inches, int large_text)
{
    if (inches <= 0)
        inches = LAYOUT_DEFAULT_INCHES;
    L->w = w;
    L->h = h;
    L->portrait = h > w;
    L->px_per_mm = sqrt((double)w * w + (double)h * h) / (inches * 25.4);
    L->margin = layout_max(8, layout_mm(L, 6));
    L->gap = layout_max(6, layout_mm(L, 3.5));
    L->target_min = layout_max(40, layout_mm(L, 20));
    /* Text sizes in mm of em height, read standing at 70 cm: the smallest
     * (captions, statuses, chart axes) is the visitor's minimum. */
    static const double em_mm[LAYOUT_FONT_COUNT] = {LAYOUT_TEXT_MIN_MM, 8.0, 9.0, 12.0, 17.0};
    double scale = large_text ? 1.35 : 1.0;
    int least = layout_text_min_px(L);
    for (int i = 0; i < LAYOUT_FONT_COUNT; i++)
        L->font_px[i] = layout_max(least, (int)lround(em_mm[i] * scale * L->px_per_mm));
    struct rect all = {0, 0, w, h};
    int header_h = layout_max(L->target_min, layout_mm(L, L->portrait ? 24 : 21));
    L->stripe = layout_max(3, layout_mm(L, 2));
    /* Footer rows: big enough for a finger and for a line of label text. */
    L->row_h = layout_max(L->target_min, L->font_px[LAYOUT_FONT_LABEL] * 2);
    /* Portrait: four buttons share a row, so a label such as "High contrast"
     * needs two lines of the smallest text (1.2 pitch) besides the insets. */
    if (L->portrait)
        L->row_h = layout_max(L->row_h, least * 3);
    L->footer_rows = L->portrait ? 3 : 2;
    int footer_h = L->footer_rows * L->row_h + (L->footer_rows + 1) * L->gap;
    L->header = layout_take_top(&all, header_h, 0);
    L->footer = layout_take_bottom(&all, footer_h, 0);
    L->content = layout_inset(all, L->margin);
}

int layout_grid(struct rect area, int n, int gap, double aspect, int min_w, int min_h,
                struct rect *out)
{
    if (n <= 0)
        return 0;
    int best_cols = 1;
    double best_score = 1e300;
    for (int cols = 1; cols <= n; cols++) {
        int rows = (n + cols - 1) / cols;
        double cw = (area.w - gap * (cols - 1)) / (double)cols;
        double ch = (area.h - gap * (rows - 1)) / (double)rows;
        if (cw <= 0 || ch <= 0)
            continue;
        double score = fabs(log((cw / ch) / aspect));
        if (cw < min_w || ch < min_h)
            score += 100; /* too small to touch: only if nothing else fits */
        score += 0.05 * (rows * cols - n); /* prefer few empty cells */
        if (score < best_score) {
            best_score = score;
            best_cols = cols;
        }
    }
    int rows = (n + best_cols - 1) / best_cols;
    int cw = (area.w - gap * (best_cols - 1)) / best_cols;
    int ch = (area.h - gap * (rows - 1)) / rows;
    for (int i = 0; i < n; i++) {
        out[i].x = area.x + (i % best_cols) * (cw + gap);
        out[i].y = area.y + (i / best_cols) * (ch + gap);
        out[i].w = cw;
        out[i].h = ch;
    }
    return best_cols;
}

void layout_row(struct rect area, int n, int gap, struct rect *out)
{
    if (n <= 0)
        return;
    int w = (area.w - gap * (n - 1)) / n;
    for (int i = 0; i < n; i++)
        out[i] = (struct rect){area.x + i * (w + gap), area.y, w, area.h};
}

void layout_column(struct rect area, int n, int gap, struct rect *out)
{
    if (n <= 0)
        return;
    int h = (area.h - gap * (n - 1)) / n;
    for (int i = 0; i < n; i++)
        out[i] = (struct rect){area.x, area.y + i * (h + gap), area.w, h};
}

struct rect layout_inset(struct rect r, int d)
{
    struct rect o = {r.x + d, r.y + d, r.w - 2 * d, r.h - 2 * d};
    if (o.w < 0)
        o.w = 0;
    if (o.h < 0)
        o.h = 0;
    return o;
}

struct rect layout_take_top(struct rect *r, int h, int gap)
{
    if (h > r->h)
        h = r->h;
    struct rect t = {r->x, r->y, r->w, h};
    int used = h + gap > r->h ? r->h : h + gap;
    r->y += used;
    r->h -= used;
    return t;
}

struct rect layout_take_bottom(struct rect *r, int h, int gap)
{
    if (h > r->h)
        h = r->h;
    struct rect b = {r->x, r->y + r->h - h, r->w, h};
    int used = h + gap > r->h ? r->h : h + gap;
    r->h -= used;
    return b;
}

struct rect layout_take_left(struct rect *r, int w, int gap)
{
    if (w > r->w)
        w = r->w;
    struct rect l = {r->x, r->y, w, r->h};
    int used = w + gap > r->w ? r->w : w + gap;
    r->x += used;
    r->w -= used;
    return l;
}

struct rect layout_take_right(struct rect *r, int w, int gap)
{
    if (w > r->w)
        w = r->w;
    struct rect l = {r->x + r->w - w, r->y, w, r->h};
    int used = w + gap > r->w ? r->w : w + gap;
    r->w -= used;
    return l;
}

struct rect layout_center(struct rect r, int w, int h)
{
    return (struct rect){r.x + (r.w - w) / 2, r.y + (r.h - h) / 2, w, h};
}

int layout_contains(struct rect r, int x, int y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

int layout_inside(struct rect in, struct rect out)
{
    return in.x >= out.x && in.y >= out.y && in.x + in.w <= out.x + out.w &&
           in.y + in.h <= out.y + out.h;
}
