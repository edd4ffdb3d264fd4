#ifndef KIOSK_THEME_H
#define KIOSK_THEME_H
/* The kiosk's colours, normal and high contrast, as 0xRRGGBB. Pure, so the
 * contrast of every text colour on its background is unit-tested. */
#include <stdint.h>

struct theme {
    uint32_t bg;           /* page background */
    uint32_t surface;      /* cards and tiles without their own colour */
    uint32_t text;         /* body text on bg and surface */
    uint32_t text_muted;   /* secondary text on bg and surface */
    uint32_t accent_text;  /* highlighted text (tagline, links) on bg and surface */
    uint32_t header_bg;    /* title bar */
    uint32_t header_text;
    uint32_t primary;      /* main action buttons */
    uint32_t primary_text;
    uint32_t secondary;    /* other buttons */
    uint32_t secondary_text;
    uint32_t pressed;      /* a button under the finger */
    uint32_t pressed_text;
    uint32_t border;       /* decorative lines (rules, dots, frames of what is not a control) */
    uint32_t control_edge; /* the outline of a control whose face is the page's or a card's
                            * colour (secondary buttons, tappable cards): 3:1 on bg */
    uint32_t ok;           /* available */
    uint32_t busy;
    uint32_t closed;
    uint32_t badge_text;   /* text on ok / busy / closed badges */
    uint32_t danger;       /* end call */
    uint32_t danger_text;
    uint32_t overlay;      /* dimmed background behind a dialog */
    uint32_t shadow;       /* under raised buttons and cards (no text on it) */
    uint32_t chart_base;   /* KPI bars: baseline, actual, target (no text on them) */
    uint32_t chart_actual;
    uint32_t chart_target;
    uint32_t chip;         /* small labels (municipality names on a service) */
    uint32_t chip_text;
    uint32_t focus;        /* the keyboard focus ring */
    uint32_t focus_halo;   /* the thin bands either side of the ring */
};

/* One colour pair that carries text somewhere in the UI. */
struct theme_pair {
    const char *name;
    uint32_t fg, bg;
};

void theme_get(struct theme *t, int high_contrast);
/* Every text-on-background pair the screens draw with theme t; returns the
 * count written to out (at most max). The contrast test walks these. */
int theme_text_pairs(const struct theme *t, struct theme_pair *out, int max);
/* The colours the focus ring (with its halo) can sit on or around: page,
 * cards, title bar, every button state, dialogs; returns the count written.
 * The ring must stand out 3:1 from its halo, and ring or halo from each. */
int theme_focus_neighbours(const struct theme *t, struct theme_pair *out, int max);
/* Every control outline or face the screens draw and the page colour it
 * stands on (WCAG 1.4.11: at least 3:1); returns the count written. */
int theme_control_pairs(const struct theme *t, struct theme_pair *out, int max);
/* WCAG 2 contrast ratio of two colours (1..21). */
double theme_contrast(uint32_t a, uint32_t b);
/* Text colour (black-ish or white) with the better contrast on bg. */
uint32_t theme_text_on(uint32_t bg);
#endif
