#ifndef KIOSK_LAYOUT_H
#define KIOSK_LAYOUT_H
/* Pure geometry: every screen is laid out from the window size and the
 * panel's physical size, never from fixed pixels. Text measuring is passed
 * in as a function, so this file needs no fonts. */
#include <stddef.h>

struct rect {
    int x, y, w, h;
};

enum layout_font { LAYOUT_FONT_SMALL, LAYOUT_FONT_BODY, LAYOUT_FONT_LABEL,
                   LAYOUT_FONT_TITLE, LAYOUT_FONT_HUGE, LAYOUT_FONT_COUNT };

struct layout {
    int w, h;
    int portrait;
    double px_per_mm;
    int margin;     /* outer margin */
    int gap;        /* between targets (at least 2 mm) */
    int target_min; /* smallest touch target side: 20 mm */
    int font_px[LAYOUT_FONT_COUNT];
    struct rect header;  /* title bar */
    struct rect content; /* between header and footer */
    struct rect footer;  /* back/home, languages, accessibility: the reachable band */
    int row_h;           /* height of one footer row of buttons */
    int footer_rows;     /* languages take footer_rows - 1 rows, navigation one */
    int stripe;          /* height of the municipality-colour band under the header */
};

/* The smallest text a visitor must read: 7.5 mm of em (the font size: the
 * side of a full-width Japanese character's square; BIZ UDPGothic's kanji
 * ink is about 0.9 of it, a Latin capital about 0.7). On the reference 24"
 * 1920x1080 panel (531 mm wide, 0.2766 mm/px) that is 28 px (27.1 rounded
 * up); it scales with the window like every other size. The admin screens
 * (staff only) are exempt. */
#define LAYOUT_TEXT_MIN_MM 7.5
int layout_text_min_px(const struct layout *L);

/* Line spacing of wrapped text at px (em) with lines lh high (the font's
 * line box): 1.5 em for reading (LAYOUT_PITCH_READ; the rule is 1.5-1.7),
 * 1.2 em for headings and labels in buttons (tight); never below lh. */
int layout_line_pitch(int px, int lh, int tight);
/* The space to leave after the last line box of one item of a list before
 * the next item, so that items stand further apart than the lines inside
 * one: the next item's first line starts 2 em after the last line's top
 * (the line pitch is 1.5 em). */
int layout_item_gap(int px, int lh);

/* inches: panel diagonal (0 = 24"); large_text scales fonts by 1.35. */
void layout_compute(struct layout *L, int w, int h, double inches, int large_text);
int layout_mm(const struct layout *L, double mm);
/* The call bar: a strip along the bottom of the screen during a launched
 * browser's call; the browser gets the screen above it, never under it.
 * Tall enough for an End button of target_min (20 mm) inside a
 * LAYOUT_CALLBAR_PAD_MM inset. */
#define LAYOUT_CALLBAR_PAD_MM 3.0
int layout_callbar_h(const struct layout *L);

/* Splits area into n cells of a grid with gap, choosing the column count whose
 * cells come closest to aspect (w/h), with cells at least min_w x min_h when
 * possible. Writes n rects to out and returns the column count. */
int layout_grid(struct rect area, int n, int gap, double aspect, int min_w, int min_h,
                struct rect *out);
/* Splits area into n equal columns (horizontal row) with gap. */
void layout_row(struct rect area, int n, int gap, struct rect *out);
/* Splits area into n equal rows (vertical stack) with gap. */
void layout_column(struct rect area, int n, int gap, struct rect *out);
struct rect layout_inset(struct rect r, int d);
/* Cuts a band of height h off the top (or bottom) of *r and returns it. */
struct rect layout_take_top(struct rect *r, int h, int gap);
struct rect layout_take_bottom(struct rect *r, int h, int gap);
struct rect layout_take_left(struct rect *r, int w, int gap);
struct rect layout_take_right(struct rect *r, int w, int gap);
/* A rect of w x h centred in r. */
struct rect layout_center(struct rect r, int w, int h);
int layout_contains(struct rect r, int x, int y);
/* 1 if inner lies completely inside outer. */
int layout_inside(struct rect inner, struct rect outer);
#endif
