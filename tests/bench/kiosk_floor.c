/* kiosk_floor: the floor of the platform, which kiosk_bench measures beside
 * the kiosk in the same run. One window of the kiosk's size, the kiosk's
 * renderer and hints (run_hints, the same function), one line of Japanese
 * text in the same font through SDL2_ttf; then it waits for events and
 * draws again only when the window is exposed. Whatever the kiosk costs
 * above this program is the kiosk's own.
 *
 *   kiosk_floor FONT_FILE WIDTH HEIGHT */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>

#include "run_hints.h"

static const char floor_text[] = "札幌圏リモート相談窓口へようこそ";

static void floor_draw(SDL_Renderer *ren, SDL_Texture *tex, int tw, int th, int w, int h)
{
    SDL_SetRenderDrawColor(ren, 0xF7, 0xF5, 0xF0, 0xFF);
    SDL_RenderClear(ren);
    SDL_Rect dst = {(w - tw) / 2, (h - th) / 2, tw, th};
    SDL_RenderCopy(ren, tex, NULL, &dst);
    SDL_RenderPresent(ren);
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: kiosk_floor FONT_FILE WIDTH HEIGHT\n");
        return 2;
    }
    int w = (int)strtol(argv[2], NULL, 10), h = (int)strtol(argv[3], NULL, 10);
    run_hints();
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0 || TTF_Init() != 0) {
        fprintf(stderr, "kiosk_floor: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Window *win = SDL_CreateWindow("kiosk_floor", SDL_WINDOWPOS_CENTERED,
                                       SDL_WINDOWPOS_CENTERED, w, h, SDL_WINDOW_ALLOW_HIGHDPI);
    SDL_Renderer *ren = win ? SDL_CreateRenderer(win, -1, 0) : NULL;
    TTF_Font *font = TTF_OpenFont(argv[1], 48);
    if (!ren || !font) {
        fprintf(stderr, "kiosk_floor: %s\n", SDL_GetError());
        return 1;
    }
    TTF_SetFontHinting(font, TTF_HINTING_NONE); /* as the kiosk (FONTS_HINTING, ui/fonts.h) */
    SDL_Color ink = {0x1A, 0x1A, 0x1A, 0xFF};
    SDL_Surface *s = TTF_RenderUTF8_Blended(font, floor_text, ink);
    SDL_Texture *tex = s ? SDL_CreateTextureFromSurface(ren, s) : NULL;
    if (!tex) {
        fprintf(stderr, "kiosk_floor: %s\n", SDL_GetError());
        return 1;
    }
    int tw = s->w, th = s->h;
    SDL_FreeSurface(s);
    floor_draw(ren, tex, tw, th, w, h);
    fprintf(stderr, "first frame presented at %u ms\n", (unsigned)SDL_GetTicks());
    SDL_Event ev;
    while (SDL_WaitEvent(&ev) && ev.type != SDL_QUIT)
        if (ev.type == SDL_WINDOWEVENT && ev.window.event == SDL_WINDOWEVENT_EXPOSED)
            floor_draw(ren, tex, tw, th, w, h);
    SDL_DestroyTexture(tex);
    TTF_CloseFont(font);
    SDL_DestroyRenderer(ren);
    SDL_DestroyWindow(win);
    TTF_Quit();
    SDL_Quit();
    return 0;
}
