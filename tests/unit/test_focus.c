/* Focus over touch targets: reading order, moves with wrap, the start on the
 * primary action, backdrops and hidden targets never focused. */
#include "check.h"
#include "focus.h"

#define W 1920
#define H 1080

/* A screen like the municipality page: a header Back and Home (footer), a
 * 3x2 grid registered out of order, a full-content backdrop registered first. */
static const struct rect screen[] = {
    {0, 100, 1920, 800},   /* 0 backdrop: contains the grid */
    {700, 300, 200, 100},  /* 1 grid row 1, middle */
    {100, 300, 200, 100},  /* 2 grid row 1, left */
    {1300, 310, 200, 100}, /* 3 grid row 1, right (a little lower: same row) */
    {100, 500, 200, 100},  /* 4 grid row 2, left */
    {1300, 500, 200, 100}, /* 5 grid row 2, right */
    {50, 950, 300, 100},   /* 6 footer Back */
    {400, 950, 300, 100},  /* 7 footer Home */
    {2000, 300, 100, 100}, /* 8 off screen: hidden */
    {600, 600, 0, 80},     /* 9 empty */
};
#define N ((int)(sizeof screen / sizeof screen[0]))

static void test_usable(void)
{
    CHECK(!focus_usable(screen, N, 0, W, H));
    CHECK(focus_usable(screen, N, 1, W, H));
    CHECK(!focus_usable(screen, N, 8, W, H));
    CHECK(!focus_usable(screen, N, 9, W, H));
    CHECK(!focus_usable(screen, N, -1, W, H) && !focus_usable(screen, N, N, W, H));
    /* Two identical rectangles are not backdrops of each other. */
    struct rect same[] = {{0, 0, 10, 10}, {0, 0, 10, 10}};
    CHECK(focus_usable(same, 2, 0, W, H) && focus_usable(same, 2, 1, W, H));
}

static void test_order(void)
{
    int order[FOCUS_MAX], rows[FOCUS_MAX];
    int m = focus_order(screen, N, W, H, order, rows);
    static const int want[] = {2, 1, 3, 4, 5, 6, 7};
    static const int want_rows[] = {0, 0, 0, 1, 1, 2, 2};
    CHECK_INT(m, 7);
    for (int k = 0; k < m && k < 7; k++) {
        CHECK_INT(order[k], want[k]);
        CHECK_INT(rows[k], want_rows[k]);
    }
}

static void test_moves(void)
{
    /* Every usable target is reached by Tab alone, then it wraps. */
    int seen[N] = {0}, cur = -1;
    cur = focus_move(screen, N, W, H, cur, FOCUS_NEXT, 1);
    CHECK_INT(cur, 1); /* from nothing: the start */
    for (int k = 0; k < 7; k++) {
        seen[cur]++;
        cur = focus_move(screen, N, W, H, cur, FOCUS_NEXT, 1);
    }
    CHECK_INT(cur, 1);
    for (int i = 0; i < N; i++)
        CHECK_INT(seen[i], focus_usable(screen, N, i, W, H) ? 1 : 0);
    CHECK_INT(focus_move(screen, N, W, H, 2, FOCUS_PREV, 1), 7); /* wraps back */
    CHECK_INT(focus_move(screen, N, W, H, 7, FOCUS_NEXT, 1), 2);
    /* Down: the nearest in the next row; from the last row back to the first. */
    CHECK_INT(focus_move(screen, N, W, H, 3, FOCUS_DOWN, 1), 5);
    CHECK_INT(focus_move(screen, N, W, H, 1, FOCUS_DOWN, 1), 4);
    CHECK_INT(focus_move(screen, N, W, H, 5, FOCUS_DOWN, 1), 7);
    CHECK_INT(focus_move(screen, N, W, H, 6, FOCUS_DOWN, 1), 2);
    CHECK_INT(focus_move(screen, N, W, H, 2, FOCUS_UP, 1), 6);
    CHECK_INT(focus_move(screen, N, W, H, 4, FOCUS_UP, 1), 2);
    /* The focus on a target that is gone (hidden now): back to the start. */
    CHECK_INT(focus_move(screen, N, W, H, 8, FOCUS_NEXT, 5), 5);
}

static void test_start(void)
{
    CHECK_INT(focus_start(screen, N, W, H, 5), 5);
    CHECK_INT(focus_start(screen, N, W, H, 0), 2); /* a backdrop is no start */
    CHECK_INT(focus_start(screen, N, W, H, -1), 2);
    CHECK_INT(focus_start(screen, 0, W, H, -1), -1);
    CHECK_INT(focus_move(screen, 0, W, H, -1, FOCUS_NEXT, -1), -1);
    /* Only a backdrop-like single target (the "Still there?" question with
     * its button): the button takes the focus. */
    struct rect modal[] = {{0, 0, W, H}, {800, 700, 300, 120}};
    CHECK_INT(focus_start(modal, 2, W, H, -1), 1);
    CHECK_INT(focus_move(modal, 2, W, H, 1, FOCUS_NEXT, -1), 1);
    CHECK_INT(focus_move(modal, 2, W, H, 1, FOCUS_DOWN, -1), 1);
}

int main(void)
{
    test_usable();
    test_order();
    test_moves();
    test_start();
    return CHECK_RESULT();
}
