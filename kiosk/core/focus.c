#include "focus.h"

#include <stdlib.h>

static int focus_inside(struct rect outer, struct rect in)
{
    return in.x >= outer.x && in.y >= outer.y && in.x + in.w <= outer.x + outer.w &&
           in.y + in.h <= outer.y + outer.h;
}

int focus_usable(const struct rect *r, int n, int i, int w, int h)
{
    if (i < 0 || i >= n || r[i].w <= 0 || r[i].h <= 0)
        return 0;
    if (r[i].x >= w || r[i].y >= h || r[i].x + r[i].w <= 0 || r[i].y + r[i].h <= 0)
        return 0; /* off screen: hidden */
    for (int j = 0; j < n; j++)
        if (j != i && r[j].w > 0 && r[j].h > 0 && focus_inside(r[i], r[j]) &&
            !(r[i].x == r[j].x && r[i].y == r[j].y && r[i].w == r[j].w && r[i].h == r[j].h))
            return 0; /* a backdrop: the targets drawn over it take the focus */
    return 1;
}

static const struct rect *focus_sort_rects;

/* Top edge, then left edge, then registration order: a total order. */
static int focus_cmp_top(const void *a, const void *b)
{
    int i = *(const int *)a, j = *(const int *)b;
    const struct rect *r = focus_sort_rects;
    if (r[i].y != r[j].y)
        return r[i].y < r[j].y ? -1 : 1;
    if (r[i].x != r[j].x)
        return r[i].x < r[j].x ? -1 : 1;
    return i < j ? -1 : i > j;
}

static int focus_cmp_left(const void *a, const void *b)
{
    int i = *(const int *)a, j = *(const int *)b;
    const struct rect *r = focus_sort_rects;
    if (r[i].x != r[j].x)
        return r[i].x < r[j].x ? -1 : 1;
    return focus_cmp_top(a, b);
}

int focus_order(const struct rect *r, int n, int w, int h, int *order, int *rows)
{
    int m = 0;
    n = n > FOCUS_MAX ? FOCUS_MAX : n;
    for (int i = 0; i < n; i++)
        if (focus_usable(r, n, i, w, h))
            order[m++] = i;
    focus_sort_rects = r;
    qsort(order, (size_t)m, sizeof *order, focus_cmp_top);
    /* Rows: everything whose top is above the middle of the row's first. */
    int row = 0;
    for (int s = 0; s < m;) {
        int mid = r[order[s]].y + r[order[s]].h / 2, e = s + 1;
        while (e < m && r[order[e]].y < mid)
            e++;
        qsort(order + s, (size_t)(e - s), sizeof *order, focus_cmp_left);
        for (int k = s; rows && k < e; k++)
            rows[k] = row;
        row++;
        s = e;
    }
    return m;
}

int focus_start(const struct rect *r, int n, int w, int h, int primary)
{
    int order[FOCUS_MAX];
    if (focus_usable(r, n, primary, w, h))
        return primary;
    return focus_order(r, n, w, h, order, NULL) > 0 ? order[0] : -1;
}

/* From position p in order, the entry of the next (or previous) row whose
 * centre is nearest cur's centre horizontally. */
static int focus_row_move(const struct rect *r, const int *order, const int *rows, int m,
                          int p, int down)
{
    int nrows = rows[m - 1] + 1, target = (rows[p] + (down ? 1 : nrows - 1)) % nrows;
    int cx = r[order[p]].x + r[order[p]].w / 2, best = -1;
    long best_d = 0;
    for (int k = 0; k < m; k++) {
        if (rows[k] != target)
            continue;
        long d = labs((long)(r[order[k]].x + r[order[k]].w / 2) - cx);
        if (best < 0 || d < best_d) {
            best = k;
            best_d = d;
        }
    }
    return best < 0 ? p : best;
}

int focus_move(const struct rect *r, int n, int w, int h, int cur, enum focus_dir dir,
               int start)
{
    int order[FOCUS_MAX], rows[FOCUS_MAX];
    int m = focus_order(r, n, w, h, order, rows);
    if (m == 0)
        return -1;
    int p = -1;
    for (int k = 0; k < m; k++)
        if (order[k] == cur)
            p = k;
    if (p < 0) /* no focus yet, or it was on something now gone */
        return focus_start(r, n, w, h, start);
    switch (dir) {
    case FOCUS_NEXT: return order[(p + 1) % m];
    case FOCUS_PREV: return order[(p + m - 1) % m];
    case FOCUS_DOWN: return order[focus_row_move(r, order, rows, m, p, 1)];
    case FOCUS_UP: return order[focus_row_move(r, order, rows, m, p, 0)];
    }
    return cur;
}
