#ifndef KIOSK_SCREEN_H
#define KIOSK_SCREEN_H
/* One file per screen behind this small table. A screen reads a const state
 * and draws; drawing a button registers its touch target (see ui.h). Adding
 * a screen: a file with a `const struct screen screen_<name>` and a row in
 * screen.c. */
#include "ui.h"

struct screen {
    const char *name;
    void (*draw)(struct ui *ui, const struct app_state *st);
};

/* The screen for s (never NULL). */
const struct screen *screen_get(enum app_screen s);
/* Draws the whole frame: the screen, and the idle warning on top. */
void screen_draw_frame(struct ui *ui, const struct app_state *st);

/* Shared chrome (chrome.c): the header with title and clock, the footer
 * with back / home, languages and the accessibility toggles. */
enum chrome_flags {
    CHROME_BACK = 1,      /* a Back button */
    CHROME_HOME = 2,      /* a Home button */
    CHROME_LANGS = 4,     /* language buttons */
    CHROME_A11Y = 8       /* high contrast / large text toggles */
};
/* Draws header and footer; returns the content rect between them. */
struct rect chrome_draw(struct ui *ui, const struct app_state *st, const char *heading,
                        int flags);
/* The "Still there?" overlay with its countdown and Continue button. */
void chrome_idle_overlay(struct ui *ui, const struct app_state *st);
/* A QR code of text drawn in r (square, with quiet zone); no-op if it cannot
 * be encoded. */
void chrome_qr(struct ui *ui, const char *text, struct rect r);
/* Drops the QR textures (before the renderer goes). */
void chrome_qr_flush(void);

extern const struct screen screen_home, screen_municipalities, screen_municipality,
    screen_calling, screen_in_call, screen_call_failed, screen_thanks, screen_services,
    screen_service, screen_kpi, screen_admin_pin, screen_admin;
#endif
