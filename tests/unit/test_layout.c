/* Layout from the window size and the panel's physical size: every size
 * we support gets 20 mm targets, a header, content and a footer that fit
 * the window, and fonts in millimetres. Table-driven. */
#include "check.h"
#include "layout.h"

struct size_case {
    int w, h;
    double inches;
};

static const struct size_case sizes[] = {
    {1920, 1080, 24}, {1366, 768, 24}, {1280, 720, 24}, {1080, 1920, 24},
    {3840, 2160, 24}, {1920, 1080, 32}, {3840, 2160, 55}, {1080, 1920, 43},
};

static void test_sizes(void)
{
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        const struct size_case *c = &sizes[i];
        for (int large = 0; large < 2; large++) {
            struct layout L;
            layout_compute(&L, c->w, c->h, c->inches, large);
            struct rect win = {0, 0, c->w, c->h};
            CHECK_INT(L.portrait, c->h > c->w);
            /* 20 mm targets, at least 2 mm apart. */
            CHECK(L.target_min >= layout_mm(&L, 20) - 1);
            CHECK(L.gap >= layout_mm(&L, 2));
            CHECK(L.row_h >= L.target_min);
            CHECK(layout_inside(L.header, win) && layout_inside(L.footer, win) &&
                  layout_inside(L.content, win));
            CHECK(L.header.y + L.header.h <= L.content.y);
            CHECK(L.content.y + L.content.h <= L.footer.y);
            /* The footer holds its rows of targets. */
            CHECK(L.footer.h >= L.footer_rows * L.row_h);
            /* At least half the window is left for the screen's content. */
            CHECK(L.content.h * 2 >= c->h - L.header.h - L.footer.h);
            CHECK(L.content.h > c->h / 3);
            /* Sizes grow from SMALL to HUGE (two may round to one pixel
             * size on a small window), none below the visitor's minimum:
             * 7.5 mm, 28 px on the 24" 1920x1080 reference. */
            int least = layout_text_min_px(&L);
            CHECK(least >= (int)(LAYOUT_TEXT_MIN_MM * L.px_per_mm));
            CHECK(least <= (int)(LAYOUT_TEXT_MIN_MM * L.px_per_mm) + 1);
            if (!large)
                CHECK_INT(L.font_px[LAYOUT_FONT_SMALL], least);
            for (int f = 0; f < LAYOUT_FONT_COUNT; f++)
                CHECK(L.font_px[f] >= least);
            for (int f = 1; f < LAYOUT_FONT_COUNT; f++)
                CHECK(L.font_px[f] >= L.font_px[f - 1]);
            CHECK(L.font_px[LAYOUT_FONT_HUGE] > L.font_px[LAYOUT_FONT_LABEL]);
        }
        struct layout a, b;
        layout_compute(&a, c->w, c->h, c->inches, 0);
        layout_compute(&b, c->w, c->h, c->inches, 1);
        CHECK(b.font_px[LAYOUT_FONT_BODY] > a.font_px[LAYOUT_FONT_BODY] * 5 / 4);
    }
}

/* Line spacing: 1.5-1.7 em inside a paragraph whatever the font's line
 * box (BIZ UDPGothic's is 1 em + 1 px, Noto CJK's about 1.45 em); items of
 * a list further apart than the lines inside one item. */
static void test_spacing(void)
{
    for (int px = 12; px <= 120; px++)
        for (int lh = px; lh <= px * 3 / 2; lh++) {
            int pitch = layout_line_pitch(px, lh, 0);
            CHECK(pitch * 10 >= px * 15 && pitch * 10 <= px * 17);
            CHECK(pitch >= lh);
            CHECK(layout_line_pitch(px, lh, 1) >= lh);
            CHECK(layout_line_pitch(px, lh, 1) <= pitch);
            int item = lh + layout_item_gap(px, lh); /* last line's top to the next item */
            CHECK(item > pitch);
            CHECK(item >= px * 2 - 1);
            CHECK(layout_item_gap(px, lh) >= 0);
        }
    CHECK_INT(layout_line_pitch(28, 29, 0), 42);
    CHECK_INT(layout_item_gap(28, 29), 42 + 14 - 29);
}

static void test_mm(void)
{
    struct layout L;
    /* A 24" 16:9 panel is 531 mm wide: 1920 px -> 3.62 px/mm. */
    layout_compute(&L, 1920, 1080, 24, 0);
    CHECK(L.px_per_mm > 3.5 && L.px_per_mm < 3.7);
    CHECK_INT(layout_mm(&L, 10), 36);
    /* The smallest text: 7.5 mm = 27.1 px, rounded up. */
    CHECK_INT(layout_text_min_px(&L), 28);
    CHECK_INT(L.font_px[LAYOUT_FONT_SMALL], 28);
    /* The same panel at 4K: twice the pixels per mm, the same millimetres. */
    struct layout K;
    layout_compute(&K, 3840, 2160, 24, 0);
    CHECK(K.target_min >= 2 * L.target_min - 2 && K.target_min <= 2 * L.target_min + 2);
    /* 0 inches means the default 24". */
    struct layout D;
    layout_compute(&D, 1920, 1080, 0, 0);
    CHECK_INT(D.target_min, L.target_min);
}

static void test_grid(void)
{
    struct rect area = {0, 0, 1000, 600}, out[12];
    int cols = layout_grid(area, 12, 10, 1.6, 100, 100, out);
    CHECK(cols >= 3 && cols <= 6);
    for (int i = 0; i < 12; i++) {
        CHECK(layout_inside(out[i], area));
        for (int j = i + 1; j < 12; j++)
            CHECK(out[i].x + out[i].w + 10 <= out[j].x || out[j].x + out[j].w + 10 <= out[i].x ||
                  out[i].y + out[i].h + 10 <= out[j].y || out[j].y + out[j].h + 10 <= out[i].y);
    }
    CHECK_INT(layout_grid(area, 0, 10, 1, 0, 0, out), 0);
}

static void test_cuts(void)
{
    struct rect r = {10, 20, 300, 200};
    struct rect t = layout_take_top(&r, 50, 10);
    CHECK(t.x == 10 && t.y == 20 && t.w == 300 && t.h == 50);
    CHECK(r.y == 80 && r.h == 140);
    struct rect b = layout_take_bottom(&r, 40, 10);
    CHECK(b.y == 180 && b.h == 40 && r.h == 90);
    struct rect l = layout_take_left(&r, 100, 10);
    CHECK(l.x == 10 && l.w == 100 && r.x == 120 && r.w == 190);
    struct rect rr = layout_take_right(&r, 500, 10); /* more than there is */
    CHECK(rr.w == 190 && r.w == 0);
    struct rect in = layout_inset((struct rect){0, 0, 10, 10}, 8);
    CHECK(in.w == 0 && in.h == 0);
    struct rect c = layout_center((struct rect){0, 0, 100, 100}, 20, 40);
    CHECK(c.x == 40 && c.y == 30);
    CHECK(layout_contains(c, 40, 30) && !layout_contains(c, 60, 30));
    struct rect row[3];
    layout_row((struct rect){0, 0, 320, 10}, 3, 10, row);
    CHECK(row[2].x + row[2].w <= 320 && row[1].x == row[0].w + 10);
}

int main(void)
{
    test_sizes();
    test_mm();
    test_spacing();
    test_grid();
    test_cuts();
    return CHECK_RESULT();
}
