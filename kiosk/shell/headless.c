/* --screenshot: one screen drawn by the software renderer on a surface, with
 * no display at all, saved as PNG. The same drawing code as on screen. */
#include <SDL_image.h>
#include <stdlib.h>
#include <string.h>

#include "callbar.h"
#include "headless.h"
#include "host.h"
#include "msg.h"
#include "screen.h"

/* Monotonic time of the picture: the screen was entered just now, so the
 * attract loop shows its first page and countdowns are deterministic. */
#define HEADLESS_MONO 1000.0

/* "callbar:ID": the screen during a launched browser's call, the browser
 * (drawn as a dark area) above the call bar. The state is in-call:ID's. */
#define HEADLESS_CALLBAR "callbar:"
#define HEADLESS_BROWSER_BG 0x202428

static void headless_callbar(struct ui *ui, const struct app_state *st)
{
    int bar = layout_callbar_h(&ui->L);
    ui_fill(ui, (struct rect){0, 0, ui->L.w, ui->L.h - bar}, HEADLESS_BROWSER_BG);
    callbar_content(ui, st, (struct rect){0, ui->L.h - bar, ui->L.w, bar});
}

int headless_draw(struct ui *ui, const struct config *cfg, const struct headless_frame *f,
                  struct headless_report *rep)
{
    struct app_state st;
    size_t cb = strlen(HEADLESS_CALLBAR);
    int callbar = strncmp(f->screen, HEADLESS_CALLBAR, cb) == 0;
    char in_call[96];
    snprintf(in_call, sizeof in_call, "in-call:%s", callbar ? f->screen + cb : "");
    struct host_frame hf = {.screen = callbar ? in_call : f->screen, .lang = f->lang,
                            .high_contrast = f->high_contrast, .large_text = f->large_text};
    if (host_frame_state(cfg, &hf, HEADLESS_MONO, &st) != 0)
        return -1;
    struct host_text text; /* as the kiosk says before its first poll */
    host_text(NULL, &text);
    char running[64], loaded[64]; /* just started, on a config loaded at the picture's time */
    host_running_text(running, sizeof running, 0, NULL);
    host_loaded_text(loaded, sizeof loaded, f->at >= 0 ? f->at : (long long)time(NULL));
    struct ui_view view = {.wall = f->at >= 0 ? (time_t)f->at : time(NULL),
                           .mono = HEADLESS_MONO + f->since, .status = f->status,
                           .camera_ok = !f->no_camera, .microphone_ok = !f->no_camera,
                           .devices_block_call = f->no_camera && cfg->call.require_devices,
                           .config_status = text.config_status, .health = text.health,
                           .counts = text.counts, .running = running,
                           .config_loaded = loaded};
    ui->pressed_valid = 0;
    ui_begin(ui, f->w, f->h, &st, &view);
    if (callbar)
        headless_callbar(ui, &st);
    else
        screen_draw_frame(ui, &st);
    SDL_RenderPresent(ui->r);
    rep->overflow = ui->overflow_count;
    rep->missing_glyphs = ui->missing_glyphs;
    rep->outside = ui->outside_count;
    rep->ink_outside = ui->ink_outside;
    rep->bad_breaks = ui->bad_breaks;
    rep->forced_breaks = ui->forced_breaks;
    snprintf(rep->last_bad_break, sizeof rep->last_bad_break, "%s", ui->last_bad_break);
    rep->small_text = ui->small_text;
    rep->smallest_px = ui->smallest_px;
    rep->text_min_px = ui->text_min_px;
    rep->bad_pitch = ui->bad_pitch;
    snprintf(rep->last_small_text, sizeof rep->last_small_text, "%s", ui->last_small_text);
    rep->targets = ui->n_targets;
    /* With --verbose, where each target is: integration tests click there. */
    for (int i = 0; i < ui->n_targets; i++) {
        const struct ui_target *t = &ui->targets[i];
        msg_debug("target %s %d at %d,%d %dx%d", app_action_name(t->t.action), t->t.arg,
                  t->r.x, t->r.y, t->r.w, t->r.h);
    }
    snprintf(rep->last_overflow, sizeof rep->last_overflow, "%s", ui->last_overflow);
    return 0;
}

/* The --status answers, or NULL when none were given (as before the first
 * poll). Returns 0, or -1 after a message; *out is the caller's to free
 * with headless_status_free. */
static int headless_status(const struct cli *c, const struct config *cfg,
                           struct status_info **out)
{
    *out = NULL;
    if (c->n_status == 0)
        return 0;
    *out = calloc((size_t)(cfg->n_municipalities ? cfg->n_municipalities : 1), sizeof **out);
    char err[256];
    if (!*out) {
        msg_error("screenshot: out of memory");
        return -1;
    }
    if (cli_status_fill(c, cfg, *out, err, sizeof err) != 0) {
        msg_error("%s", err);
        return -1;
    }
    return 0;
}

static void headless_status_free(const struct config *cfg, struct status_info *s)
{
    for (int i = 0; s && i < cfg->n_municipalities; i++)
        status_info_free(&s[i]);
    free(s);
}

int headless_screenshot(const struct cli *c, const struct config *cfg, const char *fonts_dir,
                        struct headless_report *rep)
{
    int rc = -1;
    struct status_info *status = NULL;
    if (headless_status(c, cfg, &status) != 0) {
        headless_status_free(cfg, status);
        return -1;
    }
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, c->size_w, c->size_h, 32,
                                                    SDL_PIXELFORMAT_XRGB8888);
    SDL_Renderer *r = s ? SDL_CreateSoftwareRenderer(s) : NULL;
    struct ui *ui = r ? ui_create(r, cfg, fonts_dir) : NULL;
    if (!ui) {
        msg_error("screenshot: cannot set up rendering: %s", SDL_GetError());
        goto out;
    }
    ui_set_surface(ui, s);
    struct headless_frame f = {c->screen, c->lang, c->size_w, c->size_h, c->high_contrast,
                               c->large_text, c->at, 0.0, status, c->no_camera};
    if (headless_draw(ui, cfg, &f, rep) != 0)
        goto out;
    if (IMG_SavePNG(s, c->screenshot) != 0) {
        msg_error("screenshot: cannot write %s: %s", c->screenshot, IMG_GetError());
        goto out;
    }
    rc = 0;
out:
    ui_destroy(ui);
    if (r)
        SDL_DestroyRenderer(r);
    SDL_FreeSurface(s);
    headless_status_free(cfg, status);
    return rc;
}
