/* The leak check's own check (sanitizer build only): draws one frame the
 * way the headless screenshot does (a surface, a software renderer, our ui
 * context, headless_draw) and frees everything.
 *   leak_probe SRC          must exit 0 under LSan with tests/lsan.supp:
 *                           the suppressions cover SDL's, X's and
 *                           fontconfig's own leaks, and nothing of ours leaks
 *   leak_probe SRC --leak   leaks the surface on purpose: LSan must report
 *                           it with this file in the stack, which shows the
 *                           suppressions do not hide a leak of ours that
 *                           passes through SDL (leak_check.sh asserts it). */
#include <stdio.h>
#include <string.h>

#include "headless.h"
#include "render_common.h"

/* Draws the home screen into a new w x h surface; returns it (the caller
 * owns it and frees it with SDL_FreeSurface), or NULL after a message. */
static SDL_Surface *leak_probe_frame(const struct config *cfg, const char *fonts_dir, int w,
                                     int h)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_XRGB8888);
    SDL_Renderer *r = s ? SDL_CreateSoftwareRenderer(s) : NULL;
    struct ui *ui = r ? ui_create(r, cfg, fonts_dir) : NULL;
    if (ui)
        ui_set_surface(ui, s);
    struct headless_frame f = {.screen = "home", .w = w, .h = h,
                               .at = 1764550800 /* 2025-12-01 10:00 JST */};
    struct headless_report rep;
    int rc = ui ? headless_draw(ui, cfg, &f, &rep) : -1;
    ui_destroy(ui);
    if (r)
        SDL_DestroyRenderer(r);
    if (rc != 0) {
        fprintf(stderr, "leak_probe: cannot draw: %s\n", SDL_GetError());
        SDL_FreeSurface(s);
        return NULL;
    }
    return s;
}

int main(int argc, char **argv)
{
    if (argc < 2 || (argc == 3 && strcmp(argv[2], "--leak") != 0) || argc > 3) {
        fprintf(stderr, "usage: leak_probe SRC [--leak]\n");
        return 2;
    }
    int leak = argc == 3;
    struct render_src src;
    struct config cfg;
    if (render_open(argv[1], "leak_probe", &src, &cfg) != 0)
        return 1;
    SDL_Surface *s = leak_probe_frame(&cfg, src.fonts_dir, 640, 360);
    int rc = s ? 0 : 1;
    if (s && leak)
        printf("leak_probe: leaking a 640x360 surface on purpose\n");
    else
        SDL_FreeSurface(s);
    s = NULL; /* the pointer is gone: LSan sees the surface as a direct leak */
    render_close(&cfg);
    return rc;
}
