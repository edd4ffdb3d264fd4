#ifndef KIOSK_FOCUS_H
#define KIOSK_FOCUS_H
/* Keyboard focus over a screen's touch targets, pure: which targets can hold
 * the focus, their reading order, where a key moves it, where it starts.
 * The targets are the ones a frame registered for hit-testing (ui.h), given
 * here as rectangles in registration order; indexes refer to that order. */
#include "layout.h"

#define FOCUS_MAX 160

enum focus_dir {
    FOCUS_NEXT, /* Tab, right arrow: the next in reading order, wrapping */
    FOCUS_PREV, /* Shift+Tab, left arrow */
    FOCUS_DOWN, /* the nearest target in the next row, wrapping to the first row */
    FOCUS_UP
};

/* 1 if target i can take the focus: not empty, at least partly inside the
 * screen (w x h), and not a backdrop (a target that wholly contains another
 * one, such as "touch anywhere to start" behind the buttons). */
int focus_usable(const struct rect *r, int n, int i, int w, int h);
/* Fills order (n entries at most) with the usable targets' indexes in
 * reading order: rows from top to bottom (a target belongs to a row when its
 * top lies above the middle of the row's first target), left to right within
 * a row. Returns how many; rows, if not NULL, gets each entry's row number. */
int focus_order(const struct rect *r, int n, int w, int h, int *order, int *rows);
/* Where the focus goes from target cur (-1: none yet) by dir; -1 if no target
 * is usable. From none, any move lands on start. */
int focus_move(const struct rect *r, int n, int w, int h, int cur, enum focus_dir dir,
               int start);
/* The target the focus starts on: primary if it is usable, else the first in
 * reading order; -1 if none is usable. */
int focus_start(const struct rect *r, int n, int w, int h, int primary);
#endif
