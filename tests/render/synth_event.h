#ifndef KIOSK_SYNTH_EVENT_H
#define KIOSK_SYNTH_EVENT_H
/* Synthetic SDL input for the tests that feed input.c directly
 * (render/test_input.c, soak/monkey.c). */
#include <SDL.h>
#include <string.h>

/* A left-button mouse event (down, up or motion) at window pixel (x, y);
 * which is SDL_TOUCH_MOUSEID for the ones SDL makes from a finger. */
static inline SDL_Event synth_mouse(Uint32 type, Uint32 which, int x, int y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    if (type == SDL_MOUSEMOTION) {
        e.motion.which = which;
        e.motion.x = x;
        e.motion.y = y;
    } else {
        e.button.which = which;
        e.button.button = SDL_BUTTON_LEFT;
        e.button.x = x;
        e.button.y = y;
    }
    return e;
}
#endif
