/* The text cache stays bounded when text changes with time: a day of clock
 * minutes drawn as transient text leaves at most two of them cached, while
 * the same minutes drawn as ordinary text fill the cache to its bounds
 * (which is what made the idle kiosk's memory grow with the clock). */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>

#include "check.h"
#include "fonts.h"
#include "text.h"

/* A day of "H:MM" strings through the cache; returns the entries left. */
static int day_of_minutes(struct text_cache *tc, int transient, const char *keep)
{
    int w, h;
    for (int m = 0; m < 24 * 60; m++) {
        char clock[16];
        snprintf(clock, sizeof clock, "%d:%02d", m / 60, m % 60);
        text_cache_transient(tc, transient);
        CHECK(text_cache_get(tc, "ja", clock, 40, 1, 0x202020, &w, &h, NULL, NULL) != NULL);
        text_cache_transient(tc, 0);
        CHECK(text_cache_get(tc, "ja", keep, 40, 1, 0x202020, &w, &h, NULL, NULL) != NULL);
    }
    struct text_cache_stats s;
    text_cache_stats(tc, &s);
    return s.entries;
}

int main(int argc, char **argv)
{
    const char *fonts_dir = argc > 1 ? argv[1] : "fonts";
    CHECK(TTF_Init() == 0);
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 320, 200, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    struct fonts *f = fonts_create(NULL, fonts_dir);
    CHECK(r && f);
    if (!r || !f)
        return CHECK_RESULT();
    struct text_cache *tc = text_cache_create(r, f, 384);
    CHECK_INT(day_of_minutes(tc, 1, "札幌"), 3); /* two clock texts and the title */
    int w, h;
    struct text_cache_stats s;
    text_cache_stats(tc, &s);
    unsigned long misses = s.misses;
    CHECK(text_cache_get(tc, "ja", "札幌", 40, 1, 0x202020, &w, &h, NULL, NULL) != NULL);
    text_cache_stats(tc, &s);
    CHECK(s.misses == misses); /* ordinary text stayed cached */
    text_cache_clear(tc);
    CHECK(day_of_minutes(tc, 0, "札幌") > 100); /* without: one per minute up to the bounds */
    text_cache_destroy(tc);
    fonts_destroy(f);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surf);
    TTF_Quit();
    int rc = CHECK_RESULT();
    printf("test_text_cache: %s\n", rc ? "FAILED" : "ok");
    return rc;
}
