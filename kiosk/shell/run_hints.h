#ifndef KIOSK_RUN_HINTS_H
#define KIOSK_RUN_HINTS_H
/* The SDL hints the kiosk renders and takes input with (before SDL_Init).
 * Alone in its file (SDL only) so that the benchmark's bare SDL program,
 * the floor, sets the very same hints without linking the kiosk. */
void run_hints(void);
#endif
