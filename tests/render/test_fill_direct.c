/* Fills straight into pixels (ui/ui_fill.c) against fills through SDL: every
 * screen, drawn both ways, must come out pixel for pixel the same (the
 * unused fourth byte of XRGB aside).
 *   test_fill_direct SRC surface   a software renderer on a surface, as the
 *       headless screenshot draws: every screen at 1920x1080, 1080x1920
 *       and 1280x720, in Japanese, in English with high contrast, and in
 *       Japanese with large text; the rotation buffer (kiosk.rotation 90)
 *   test_fill_direct SRC window    a window's software renderer (the dummy
 *       video driver), made with shell/run.c's hints: the ui finds the
 *       window's surface itself. Home, Tobetsu's page and the KPIs at
 *       1280x720, then home after the window is made 1080x1920
 * Each frame also checks that every fill onto the output went the way it
 * was told (the ui counts them; fills into the rotation buffer, a texture,
 * always go through SDL), so the two ways really differ. A
 * differing frame is saved under the current directory as two PNGs,
 * fill_direct_WHAT.png and fill_sdl_WHAT.png. */
#include <stdio.h>
#include <string.h>

#include "headless.h"
#include "render_common.h"
#include "run_hints.h"

#define MAX_SCREENS 64

/* The frame's pixels as XRGB8888, w x h, or NULL after a message. */
static SDL_Surface *read_frame(struct ui *ui, int w, int h)
{
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_XRGB8888);
    if (out && SDL_RenderReadPixels(ui->r, NULL, SDL_PIXELFORMAT_XRGB8888, out->pixels,
                                    out->pitch) == 0)
        return out;
    FAIL("cannot read the frame back: %s", SDL_GetError());
    SDL_FreeSurface(out);
    return NULL;
}

/* 1 if a and b hold the same w x h pixels (the padding byte aside). */
static int same_pixels(const SDL_Surface *a, const SDL_Surface *b)
{
    if (a->w != b->w || a->h != b->h)
        return 0;
    for (int y = 0; y < a->h; y++) {
        const Uint32 *pa = (const Uint32 *)((const Uint8 *)a->pixels + (size_t)y * a->pitch);
        const Uint32 *pb = (const Uint32 *)((const Uint8 *)b->pixels + (size_t)y * b->pitch);
        for (int x = 0; x < a->w; x++)
            if ((pa[x] & 0xFFFFFF) != (pb[x] & 0xFFFFFF))
                return 0;
    }
    return 1;
}

static void save_pair(SDL_Surface *direct, SDL_Surface *sdl, const char *what)
{
    render_save_png(direct, "fill_direct_", what);
    render_save_png(sdl, "fill_sdl_", what);
}

/* Draws f twice with ui, straight into pixels and through SDL, and
 * compares; what names the frame. Returns the frames compared (1 or 0). */
static int compare_ways(struct ui *ui, const struct config *cfg, const struct headless_frame *f,
                        const char *what)
{
    SDL_Surface *got[2] = {NULL, NULL};
    for (int way = 0; way < 2; way++) {
        struct headless_report rep;
        ui->fill_direct_off = way;
        long direct = ui->fills_direct, sdl = ui->fills_sdl;
        if (headless_draw(ui, cfg, f, &rep) != 0) {
            FAIL("%s: cannot draw", what);
            break;
        }
        direct = ui->fills_direct - direct;
        sdl = ui->fills_sdl - sdl;
        if (way == 0 && (direct <= 0 || sdl != 0))
            FAIL("%s: %ld fills straight into the pixels, %ld through SDL; want all straight",
                 what, direct, sdl);
        if (way == 1 && (direct != 0 || sdl <= 0))
            FAIL("%s: %ld fills straight into the pixels, %ld through SDL; want all through SDL",
                 what, direct, sdl);
        got[way] = read_frame(ui, f->w, f->h);
    }
    ui->fill_direct_off = 0;
    int compared = got[0] && got[1];
    if (compared && !same_pixels(got[0], got[1])) {
        FAIL("%s: the frame filled straight into pixels differs from SDL's", what);
        save_pair(got[0], got[1], what);
    }
    SDL_FreeSurface(got[0]);
    SDL_FreeSurface(got[1]);
    return compared;
}

static int run_surface(struct config *cfg, const char *fonts_dir)
{
    static const struct {
        int w, h;
    } sizes[] = {{1920, 1080}, {1080, 1920}, {1280, 720}};
    static const struct {
        const char *lang;
        int high_contrast, large_text;
    } looks[] = {{"ja", 0, 0}, {"en", 1, 0}, {"ja", 0, 1}};
    char names[MAX_SCREENS][64];
    int n = render_screen_names(cfg, names, MAX_SCREENS - 1), frames = 0;
    for (size_t si = 0; si < sizeof sizes / sizeof sizes[0]; si++) {
        int w = sizes[si].w, h = sizes[si].h;
        SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_XRGB8888);
        SDL_Renderer *r = s ? SDL_CreateSoftwareRenderer(s) : NULL;
        struct ui *ui = r ? ui_create(r, cfg, fonts_dir) : NULL;
        if (!ui) {
            FAIL("cannot set up rendering at %dx%d: %s", w, h, SDL_GetError());
            return 1;
        }
        ui_set_surface(ui, s);
        for (size_t li = 0; li < sizeof looks / sizeof looks[0]; li++)
            for (int i = 0; i < n; i++) {
                struct headless_frame f = {names[i], looks[li].lang, w, h,
                                           looks[li].high_contrast, looks[li].large_text,
                                           AT_FIXED, 0.0, NULL, 0};
                char what[128];
                snprintf(what, sizeof what, "%.63s-%s%s%s-%dx%d", names[i], looks[li].lang,
                         looks[li].high_contrast ? "-hc" : "",
                         looks[li].large_text ? "-large" : "", w, h);
                frames += compare_ways(ui, cfg, &f, what);
            }
        /* Rotated: the page goes into the rotation buffer through SDL, the
         * window's black around it straight into the pixels. */
        if (si == 0) {
            cfg->kiosk.rotation = 90;
            struct headless_frame f = {"municipalities", "ja", w, h, 0, 0, AT_FIXED, 0.0, NULL, 0};
            frames += compare_ways(ui, cfg, &f, "rotation-90");
            cfg->kiosk.rotation = 0;
        }
        ui_destroy(ui);
        SDL_DestroyRenderer(r);
        SDL_FreeSurface(s);
    }
    printf("surface: %d frames compared, %d screens x 3 sizes x 3 looks and a rotated one\n",
           frames, n);
    return 0;
}

static int run_window(struct config *cfg, const char *fonts_dir)
{
    run_hints();
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
        FAIL("video: %s", SDL_GetError());
        return 1;
    }
    int frames = 0;
    SDL_Window *win = SDL_CreateWindow("test_fill_direct", 0, 0, 1280, 720, 0);
    SDL_Renderer *r = win ? SDL_CreateRenderer(win, -1, 0) : NULL;
    struct ui *ui = r ? ui_create(r, cfg, fonts_dir) : NULL;
    SDL_RendererInfo info;
    if (!ui || SDL_GetRendererInfo(r, &info) != 0 || strcmp(info.name, "software") != 0) {
        FAIL("cannot set up a window with the software renderer: %s", SDL_GetError());
    } else {
        static const char *const screens[] = {"home", "municipality:tobetsu", "kpi"};
        for (int i = 0; i < 3; i++) {
            struct headless_frame f = {screens[i], "ja", 1280, 720, 0, 0, AT_FIXED, 0.0, NULL, 0};
            char what[96];
            snprintf(what, sizeof what, "window-%s", screens[i]);
            frames += compare_ways(ui, cfg, &f, what);
        }
        /* A new size: the window's surface is made again, and fills follow. */
        SDL_SetWindowSize(win, 1080, 1920);
        SDL_PumpEvents();
        int w, h;
        if (SDL_GetRendererOutputSize(r, &w, &h) == 0) {
            struct headless_frame f = {"home", "ja", w, h, 0, 0, AT_FIXED, 0.0, NULL, 0};
            frames += compare_ways(ui, cfg, &f, "window-resized-home");
        } else {
            FAIL("no output size after the resize: %s", SDL_GetError());
        }
    }
    ui_destroy(ui);
    if (r)
        SDL_DestroyRenderer(r);
    if (win)
        SDL_DestroyWindow(win);
    printf("window: %d frames compared\n", frames);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3 || (strcmp(argv[2], "surface") != 0 && strcmp(argv[2], "window") != 0)) {
        fprintf(stderr, "usage: test_fill_direct SRC surface|window\n");
        return 2;
    }
    struct render_src src;
    struct config cfg;
    if (render_open(argv[1], "test_fill_direct", &src, &cfg) != 0)
        return 1;
    if (strcmp(argv[2], "surface") == 0)
        run_surface(&cfg, src.fonts_dir);
    else
        run_window(&cfg, src.fonts_dir);
    render_close(&cfg);
    if (render_failures)
        fprintf(stderr, "%d failure(s)\n", render_failures);
    return render_failures ? 1 : 0;
}
