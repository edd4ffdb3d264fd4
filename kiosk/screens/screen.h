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
/* Draws the whole frame: the screen, and the idle warning on top; ends
 * with ui_end() (the rotation), so SDL_RenderPresent may follow. */
void screen_draw_frame(struct ui *ui, const struct app_state *st);

/* What the page of st shows in ui's window (page_key.c): changes with
 * everything the screens draw except "Still there?" (language, theme, text
 * size, window, the clock's minute, status, devices, ...). 0 for pages that
 * change by the second: they are drawn every frame. */
uint64_t screen_page_key(const struct ui *ui, const struct app_state *st);

/* The attract loop: home before anyone touched it shows "touch to start"
 * and the regional services in turn, each page long enough to read its
 * text (core/attract.h). */
/* The page showing at st's time since (seconds since home was entered),
 * and in *next when it changes (seconds since entering). */
int screen_attract_page(const struct app_state *st, double since, double *next);
/* The round of the attract loop (attract_round_at) since seconds in. */
int screen_attract_round(const struct app_state *st, double since);
/* 1 while home shows the attract loop. */
int screen_attract(const struct app_state *st);
/* When the screen changes by itself next (monotonic seconds, as st's
 * times), or negative if it does not: the loop redraws then. */
double screen_next_redraw(const struct app_state *st, double now);

/* Shared chrome (chrome.c): the header with title and clock, the footer
 * with back / home, languages and the accessibility toggles. */
enum chrome_flags {
    CHROME_BACK = 1,      /* a Back button */
    CHROME_HOME = 2,      /* a Home button */
    CHROME_LANGS = 4,     /* language buttons */
    CHROME_A11Y = 8,      /* high contrast / large text toggles */
    CHROME_VOICE = 16     /* the voice guidance toggle (home: where Back and Home would be) */
};
/* Draws header and footer; returns the content rect between them. */
struct rect chrome_draw(struct ui *ui, const struct app_state *st, const char *heading,
                        int flags);
/* The see-through dark backdrop of "Still there?", over the whole page. */
void chrome_backdrop(struct ui *ui);
/* The "Still there?" dialog with its countdown and Continue button, over
 * the backdrop; drops the page's targets. */
void chrome_idle_overlay(struct ui *ui, const struct app_state *st);
/* A raised white card (shadow below, thin border) in r; pressed drops the
 * shadow and darkens it. Returns its inside, inset by pad_mm. */
struct rect chrome_card(struct ui *ui, struct rect r, int pressed, double pad_mm);
/* Municipality names flowing in r, centred or left; returns the height
 * used. ids: municipality indexes, n of them. Not touch targets, so they
 * must not look like buttons: each name in the text colour after a small
 * square of the town's colour (a legend, not a pill). */
int chrome_chips(struct ui *ui, const int *ids, int n, struct rect r, int centered);
/* The height chrome_chips needs for all n names in width w. */
int chrome_chips_height(struct ui *ui, const int *ids, int n, int w);

extern const struct screen screen_home, screen_municipalities, screen_municipality,
    screen_calling, screen_in_call, screen_call_failed, screen_thanks, screen_services,
    screen_service, screen_kpi, screen_admin_pin, screen_admin;
#endif
