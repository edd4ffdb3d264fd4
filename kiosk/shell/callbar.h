#ifndef KIOSK_CALLBAR_H
#define KIOSK_CALLBAR_H
/* The call bar: while a browser runs the call, a slim always-on-top strip of
 * the kiosk's own across the top of the screen, with the elapsed time and a
 * large End call button. Video services do not reliably say that a call is
 * over; this button, the browser's exit and max_minutes do. */
#include <SDL.h>
#include <stdio.h>

#include "input.h"
#include "ui.h"

struct callbar {
    SDL_Window *win;
    SDL_Renderer *ren;
    struct ui *ui;
    struct input in;
    int x, y, w, h;
};

/* Opens the strip at x,y of w x h (screen coordinates). Returns 0, or -1
 * after a log line (the call goes on; the in-call screen has the button). */
int callbar_open(struct callbar *cb, const struct config *cfg, const char *fonts_dir, int x,
                 int y, int w, int h);
void callbar_close(struct callbar *cb);
int callbar_is_open(const struct callbar *cb);
/* 1 if e belongs to the bar's window. */
int callbar_owns(const struct callbar *cb, const SDL_Event *e);
/* Draws the bar; screen_w x screen_h is the main window's size (for mm). */
/* The bar's content drawn into all with ui (the window's, or a headless
 * frame's bottom strip). */
void callbar_content(struct ui *ui, const struct app_state *st, struct rect all);
void callbar_draw(struct callbar *cb, const struct app_state *st, const struct ui_view *v,
                  int screen_w, int screen_h);
#endif
