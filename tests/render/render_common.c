#include "render_common.h"

#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdio.h>

int render_failures;

int render_open(const char *src, const char *who, struct render_src *rs, struct config *cfg)
{
    snprintf(rs->cfg_path, sizeof rs->cfg_path, "%s/config/kiosk.json", src);
    snprintf(rs->fonts_dir, sizeof rs->fonts_dir, "%s/fonts", src);
    if (SDL_Init(0) != 0 || TTF_Init() != 0) {
        fprintf(stderr, "%s: SDL/TTF init: %s\n", who, SDL_GetError());
        return 1;
    }
    struct config_load_opts opts = {.fonts_dir = rs->fonts_dir, .skip_files = 1};
    if (config_load(rs->cfg_path, &opts, cfg, NULL) != 0) {
        fprintf(stderr, "%s: cannot load %s\n", who, rs->cfg_path);
        return 1;
    }
    return 0;
}

void render_close(struct config *cfg)
{
    config_free(cfg);
    TTF_Quit();
    SDL_Quit();
}

int render_screen_names(const struct config *cfg, char names[][64], int max)
{
    static const char *const fixed[] = {"home", "municipalities", "services", "kpi", "thanks",
                                        "admin-pin", "admin", "idle-warning"};
    static const char *const call[] = {"calling", "in-call", "call-failed", "callbar"};
    int n = 0;
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0] && n < max; i++)
        snprintf(names[n++], 64, "%s", fixed[i]);
    for (int i = 0; i < cfg->n_municipalities && n < max; i++)
        snprintf(names[n++], 64, "municipality:%.40s", cfg->municipalities[i].id);
    for (int i = 0; i < cfg->n_services && n < max; i++)
        snprintf(names[n++], 64, "service:%.40s", cfg->services[i].id);
    for (int i = 0; i < 4 && n < max && cfg->n_municipalities > 0; i++)
        snprintf(names[n++], 64, "%s:%.40s", call[i], cfg->municipalities[0].id);
    names[n][0] = '\0';
    return n;
}

void render_save_png(SDL_Surface *s, const char *prefix, const char *what)
{
    char name[256];
    snprintf(name, sizeof name, "%s%s.png", prefix, what);
    for (char *p = name; *p; p++)
        if (*p == ':' || *p == '/' || *p == ' ')
            *p = '_';
    IMG_SavePNG(s, name);
    fprintf(stderr, "  saved %s\n", name);
}
