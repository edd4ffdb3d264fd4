#include "callbar.h"

#include <string.h>

#include "msg.h"
#include "screen.h"

int callbar_open(struct callbar *cb, const struct config *cfg, const char *fonts_dir, int x,
                 int y, int w, int h)
{
    memset(cb, 0, sizeof *cb);
    Uint32 flags = SDL_WINDOW_BORDERLESS | SDL_WINDOW_ALWAYS_ON_TOP | SDL_WINDOW_SKIP_TASKBAR;
    cb->win = SDL_CreateWindow("kiosk call bar", x, y, w, h, flags);
    cb->ren = cb->win ? SDL_CreateRenderer(cb->win, -1, 0) : NULL;
    cb->ui = cb->ren ? ui_create(cb->ren, cfg, fonts_dir) : NULL;
    if (!cb->ui) {
        msg_warn("cannot open the call bar: %s", SDL_GetError());
        callbar_close(cb);
        return -1;
    }
    cb->ui->upright = 1;
    cb->x = x;
    cb->y = y;
    cb->w = w;
    cb->h = h;
    return 0;
}

void callbar_close(struct callbar *cb)
{
    ui_destroy(cb->ui);
    if (cb->ren)
        SDL_DestroyRenderer(cb->ren);
    if (cb->win)
        SDL_DestroyWindow(cb->win);
    memset(cb, 0, sizeof *cb);
}

int callbar_is_open(const struct callbar *cb) { return cb->win != NULL; }

int callbar_owns(const struct callbar *cb, const SDL_Event *e)
{
    if (!cb->win)
        return 0;
    Uint32 id = SDL_GetWindowID(cb->win);
    switch (e->type) {
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP: return e->button.windowID == id;
    case SDL_MOUSEMOTION: return e->motion.windowID == id;
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION: return e->tfinger.windowID == id;
    case SDL_WINDOWEVENT: return e->window.windowID == id;
    default: return 0;
    }
}

/* Elapsed time and the municipality on the left, End call on the right:
 * a button of the bar's full inner height (at least 20 mm) and 90 mm
 * wide, at the bottom of the screen where a seated visitor reaches it. */
void callbar_content(struct ui *ui, const struct app_state *st, struct rect all)
{
    const struct layout *L = &ui->L;
    const struct theme *t = &ui->theme;
    ui_fill(ui, all, t->header_bg);
    struct rect in = layout_inset(all, layout_mm(L, LAYOUT_CALLBAR_PAD_MM));
    struct rect btn = layout_take_right(&in, layout_mm(L, 90), L->gap);
    ui_button(ui, btn, ui_str(ui, I18N_END_CALL), UI_BUTTON_DANGER, APP_ACT_END_CALL, 0);
    const struct config_municipality *m =
        st->muni >= 0 && st->muni < ui->cfg->n_municipalities ? &ui->cfg->municipalities[st->muni]
                                                               : NULL;
    int s = app_in_call(st) && st->screen == APP_SCREEN_IN_CALL
                ? (int)(ui->view->mono - st->call_since) : 0;
    char elapsed[32], line[256];
    snprintf(elapsed, sizeof elapsed, "%d:%02d", s / 60, s % 60);
    i18n_format(line, sizeof line, ui->lang, I18N_ELAPSED, elapsed);
    char text[400];
    snprintf(text, sizeof text, "%s  ·  %s", m ? ui_lt(ui, &m->name) : "",
             st->screen == APP_SCREEN_IN_CALL ? line : ui_str(ui, I18N_CONNECTING));
    ui_text(ui, text, LAYOUT_FONT_LABEL, t->header_text, in, UI_VCENTER | UI_BOLD, 2);
}

void callbar_draw(struct callbar *cb, const struct app_state *st, const struct ui_view *v,
                  int screen_w, int screen_h)
{
    int w, h;
    SDL_GetRendererOutputSize(cb->ren, &w, &h);
    ui_begin(cb->ui, w, h, st, v);
    /* Sizes in mm come from the whole screen, not from the strip. */
    struct layout full;
    layout_compute(&full, screen_w, screen_h, st->cfg->kiosk.display_inches, st->large_text);
    full.w = w;
    full.h = h;
    cb->ui->L = full;
    callbar_content(cb->ui, st, (struct rect){0, 0, w, h});
    SDL_RenderPresent(cb->ren);
}
