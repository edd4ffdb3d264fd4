#ifndef KIOSK_INPUT_H
#define KIOSK_INPUT_H
/* The only file that switches on SDL input events: finger and mouse become
 * taps on the targets the last frame registered; keys move the focus over
 * them (arrows, Tab, keypad 8/2/4/6), Enter or keypad 5 taps the focused one,
 * Backspace goes back, F1 or keypad + asks for help. A tap is a press and a
 * release on the same target within a few millimetres; a press outside any
 * target does nothing; holding the top-left corner opens the admin PIN. */
#include <SDL.h>

#include "ui.h"

#define INPUT_HOLD_S 5.0 /* the hidden admin gesture */
#define INPUT_VOICE_HOLD_S 3.0 /* a finger held anywhere else: voice guidance on */

struct input {
    int down;        /* a finger or the mouse button is down */
    SDL_FingerID finger;
    int is_mouse;
    int x0, y0;      /* where it went down (window pixels) */
    double hold_since; /* > 0 while holding the admin corner */
    int help_count;    /* help key presses (F1, keypad +), counted */
    double down_since; /* when the finger went down (not in the admin corner), 0 none */
};

/* Handles e at time now. May fill *ev (returns 1 then; call again with the
 * next event). *redraw is set when the pressed state changed. */
int input_handle(struct input *in, struct ui *ui, const SDL_Event *e, double now,
                 struct app_event *ev, int *redraw);
/* If the admin corner has been held long enough (ADMIN_GESTURE), or a finger
 * anywhere else for INPUT_VOICE_HOLD_S (VOICE on), fills *ev and returns 1. */
int input_poll_hold(struct input *in, struct ui *ui, double now, struct app_event *ev);
/* When input_poll_hold must be asked next; negative if not holding. */
double input_next_deadline(const struct input *in);
#endif
