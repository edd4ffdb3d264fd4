#include "run_hints.h"

#include <SDL.h>

void run_hints(void)
{
    /* The software renderer starts in a third of the time of OpenGL on
     * llvmpipe and needs a sixth of the memory (PLATFORM.md). */
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    /* One tap is one tap: touch does not also arrive as mouse. */
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    /* A window manager's close request is a window event to judge (run.c),
     * not SDL_QUIT; SIGTERM and SIGINT still are SDL_QUIT. */
    SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
}
