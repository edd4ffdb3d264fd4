/* Headless render checks, in one process per size so the whole suite stays
 * fast (also under ASan):
 *   render_check SRC screens WxH [large]  every screen x every language:
 *       no text overflow, no missing glyph, nothing drawn outside, not
 *       blank, touch targets >= 20 mm and not overlapping
 *   render_check SRC glyphs                every UI string and every text of
 *       the shipped config, drawn in every language: no missing glyph
 *   render_check SRC rotation              kiosk.rotation 90/180/270 turns
 *       the frame onto a window of the other orientation
 *   render_check SRC backdrop              "Still there?" keeps the dimmed page
 *       in a layer: a countdown tick copied from it is the frame drawn
 *       afresh, and a change under it (language, theme, large text, clock
 *       minute, status, window size) draws the new page
 *   render_check SRC focus DIR              the focus ring drawn on home and
 *       Tobetsu's page in both themes, saved to DIR as PNG to look at
 * Every frame of "screens" also checks the keys: from the start (the primary
 * action), Tab alone reaches every target but a backdrop, and only those.
 * SRC is the source tree (config/kiosk.json and fonts/ are read from it).
 * A failing frame is saved as PNG under the current directory. */
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attract.h"
#include "focus.h"
#include "headless.h"
#include "render_common.h"
#include "screen.h"
#include "speech_text.h"

static struct render_src src;

/* Distinct colours, sampled on a grid: a blank or one-colour frame has few. */
/* A software renderer on a w x h XRGB surface with the kiosk's ui over it,
 * as headless mode draws; canvas_close frees all three. */
struct canvas {
    SDL_Surface *s;
    SDL_Renderer *r;
    struct ui *ui;
};

static void canvas_close(struct canvas *c)
{
    if (c->ui)
        ui_destroy(c->ui);
    if (c->r)
        SDL_DestroyRenderer(c->r);
    if (c->s)
        SDL_FreeSurface(c->s);
}

static int canvas_open(struct canvas *c, const struct config *cfg, int w, int h)
{
    c->s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_XRGB8888);
    c->r = c->s ? SDL_CreateSoftwareRenderer(c->s) : NULL;
    c->ui = c->r ? ui_create(c->r, cfg, src.fonts_dir) : NULL;
    if (c->ui) {
        ui_set_surface(c->ui, c->s);
        return 0;
    }
    FAIL("cannot set up rendering: %s", SDL_GetError());
    canvas_close(c);
    return 1;
}

static int distinct_colours(SDL_Surface *s)
{
    enum { MAXC = 64 };
    Uint32 seen[MAXC];
    int n = 0;
    const Uint32 *px = s->pixels;
    int pitch = s->pitch / 4;
    for (int y = 0; y < s->h; y += 7)
        for (int x = 0; x < s->w; x += 5) {
            Uint32 c = px[y * pitch + x] & 0xFFFFFF;
            int known = 0;
            for (int i = 0; i < n && !known; i++)
                known = seen[i] == c;
            if (!known && n < MAXC)
                seen[n++] = c;
        }
    return n;
}

/* A target that covers most of the window (attract "touch anywhere", the
 * idle overlay) lies under the others on purpose. */
static int is_backdrop(const struct ui *ui, const struct ui_target *t)
{
    return (long)t->r.w * t->r.h > (long)ui->L.w * ui->L.h / 3;
}

static int overlap(struct rect a, struct rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* Distance between two rects that do not overlap. */
static int gap_between(struct rect a, struct rect b)
{
    int dx = b.x - (a.x + a.w) > a.x - (b.x + b.w) ? b.x - (a.x + a.w) : a.x - (b.x + b.w);
    int dy = b.y - (a.y + a.h) > a.y - (b.y + b.h) ? b.y - (a.y + a.h) : a.y - (b.y + b.h);
    return dx > dy ? dx : dy;
}

static void check_targets(const struct ui *ui, const char *what)
{
    /* 20 mm, with a pixel of rounding from splitting rows into cells. */
    int min = ui->L.target_min - 2;
    for (int i = 0; i < ui->n_targets; i++) {
        const struct ui_target *t = &ui->targets[i];
        if (is_backdrop(ui, t))
            continue;
        if (t->r.w < min || t->r.h < min)
            FAIL("%s: target %s %d is %dx%d, smaller than 20 mm (%d px)", what,
                 app_action_name(t->t.action), t->t.arg, t->r.w, t->r.h, ui->L.target_min);
        for (int j = i + 1; j < ui->n_targets; j++) {
            const struct ui_target *u = &ui->targets[j];
            if (is_backdrop(ui, u))
                continue;
            if (overlap(t->r, u->r))
                FAIL("%s: targets %s and %s overlap", what, app_action_name(t->t.action),
                     app_action_name(u->t.action));
            else if (gap_between(t->r, u->r) < layout_mm(&ui->L, 2) - 1)
                FAIL("%s: targets %s and %s only %d px apart (2 mm is %d px)", what,
                     app_action_name(t->t.action), app_action_name(u->t.action),
                     gap_between(t->r, u->r), layout_mm(&ui->L, 2));
        }
    }
}

/* Keys reach every target: Tab from where the focus starts visits each
 * target but the backdrops once, then wraps; Down wraps through every row. */
static void check_keys(const struct ui *ui, const char *what)
{
    struct rect r[FOCUS_MAX];
    int n = ui->n_targets > FOCUS_MAX ? FOCUS_MAX : ui->n_targets, seen[FOCUS_MAX] = {0};
    for (int i = 0; i < n; i++)
        r[i] = ui->targets[i].r;
    int order[FOCUS_MAX], m = focus_order(r, n, ui->L.w, ui->L.h, order, NULL);
    int start = focus_start(r, n, ui->L.w, ui->L.h, ui->primary), cur = start;
    if (ui->primary >= 0 && start != ui->primary)
        FAIL("%s: the focus does not start on the primary action", what);
    for (int k = 0; k < m && cur >= 0; k++) { /* as many presses as targets */
        seen[cur]++;
        cur = focus_move(r, n, ui->L.w, ui->L.h, cur, FOCUS_NEXT, ui->primary);
    }
    for (int i = 0; i < n; i++) {
        const struct ui_target *t = &ui->targets[i];
        if (!is_backdrop(ui, t) && seen[i] != 1)
            FAIL("%s: target %s %d reached %d times by Tab", what, app_action_name(t->t.action),
                 t->t.arg, seen[i]);
        if (is_backdrop(ui, t) && seen[i])
            FAIL("%s: the backdrop %s takes the focus", what, app_action_name(t->t.action));
    }
}

/* Voice guidance can say every target: the label drawn on it, or what it
 * names (speech_text.c); a target with nothing to say fails. */
static void check_speakable(const struct ui *ui, const struct config *cfg, const char *what)
{
    for (int i = 0; i < ui->n_targets; i++) {
        const struct ui_target *t = &ui->targets[i];
        char said[256];
        if (is_backdrop(ui, t))
            continue;
        if (speech_text_target(cfg, ui->lang, t->t, t->label, said, sizeof said) == 0)
            FAIL("%s: target %s %d has no speakable label", what, app_action_name(t->t.action),
                 t->t.arg);
    }
}

static void save_failure(SDL_Surface *s, const char *what)
{
    render_save_png(s, "render_fail_", what);
}

/* Draws f and applies every check; what names the frame in messages.
 * Returns 0 if it was drawn (even if a check failed), -1 if it could not be. */
static long ink_outside_total; /* over every frame checked, printed per size */
static int forced_breaks_total; /* Japanese words wider than their box, cut */
static int smallest_total;      /* the smallest text a visitor sees, in px */

static int check_frame(struct ui *ui, SDL_Surface *s, const struct config *cfg,
                       const struct headless_frame *f, const char *what)
{
    struct headless_report rep;
    if (headless_draw(ui, cfg, f, &rep) != 0) {
        FAIL("%s: cannot draw", what);
        return -1;
    }
    int before = render_failures;
    if (rep.overflow)
        FAIL("%s: %d text overflow(s), e.g. \"%s\"", what, rep.overflow, rep.last_overflow);
    if (rep.missing_glyphs)
        FAIL("%s: %d missing glyph(s)", what, rep.missing_glyphs);
    if (rep.outside)
        FAIL("%s: %d drawing(s) outside the window", what, rep.outside);
    ink_outside_total += rep.ink_outside;
    forced_breaks_total += rep.forced_breaks;
    if (rep.ink_outside)
        FAIL("%s: %ld ink pixel(s) of text outside the line boxes (a cut accent or descender)",
             what, rep.ink_outside);
    if (rep.bad_breaks)
        FAIL("%s: %d Japanese line(s) broken inside a word, e.g. \"%s\"", what,
             rep.bad_breaks, rep.last_bad_break);
    if (rep.small_text)
        FAIL("%s: %d line(s) below the minimum text size (%d px = %.1f mm), e.g. %s", what,
             rep.small_text, rep.text_min_px, LAYOUT_TEXT_MIN_MM, rep.last_small_text);
    if (rep.bad_pitch)
        FAIL("%s: %d wrapped paragraph(s) with a line pitch outside 1.5-1.7 of the font size",
             what, rep.bad_pitch);
    if (rep.smallest_px && (!smallest_total || rep.smallest_px < smallest_total))
        smallest_total = rep.smallest_px;
    if (!ui->jseg)
        FAIL("%s: MeCab did not start: Japanese breaks cannot be checked", what);
    if (rep.targets == 0)
        FAIL("%s: no touch target", what);
    int colours = distinct_colours(s);
    if (colours < 8)
        FAIL("%s: looks blank (%d colours)", what, colours);
    check_targets(ui, what);
    check_keys(ui, what);
    check_speakable(ui, cfg, what);
    /* Scannable from 40 cm: at least 25 mm, quiet zone included. */
    if (ui->qr_min_px && ui->qr_min_px < layout_mm(&ui->L, 25))
        FAIL("%s: QR code %d px, smaller than 25 mm (%d px)", what, ui->qr_min_px,
             layout_mm(&ui->L, 25));
    if (render_failures != before)
        save_failure(s, what);
    return 0;
}

/* FNV-1a of the frame: two states that look the same hash the same. */
static Uint64 frame_hash(SDL_Surface *s)
{
    Uint64 h = 1469598103934665603ULL;
    for (int y = 0; y < s->h; y++) {
        const Uint8 *row = (const Uint8 *)s->pixels + y * s->pitch;
        for (int x = 0; x < s->w * 4; x++)
            h = (h ^ row[x]) * 1099511628211ULL;
    }
    return h;
}

/* The clerk's side as the status poll leaves it (kiosk --status): each
 * state the badge draws. Every municipality with calls gets the state;
 * "closed" is the available answer outside opening hours (a Sunday). No
 * answer at all (status NULL) looks like "unknown" and is what the other
 * frames draw. */
enum { N_STATES = 8 };
static const char *const state_names[N_STATES] = {"available", "busy",    "busy-wait",
                                                  "unknown",   "message", "closed",
                                                  "no-camera", "year-end"};
enum { STATE_NO_CAMERA = 6, STATE_YEAR_END = 7 };

/* 2026-12-06 10:00 in Sapporo: a Sunday, Tobetsu's counter closed. */
#define AT_SUNDAY 1796518800LL
/* 2026-12-30 10:00 in Sapporo: the year-end closure. */
#define AT_YEAR_END (AT_SUNDAY + 24 * 86400LL)

static int set_state(const struct config *cfg, struct status_info *st, int k)
{
    for (int i = 0; i < cfg->n_municipalities; i++) {
        status_info_free(&st[i]);
        status_info_unknown(&st[i], k == 3 ? "render_check: unknown" : "");
        if (!cfg->municipalities[i].has_call || k == 3)
            continue;
        st[i].state = k == 1 || k == 2 ? STATUS_BUSY : STATUS_AVAILABLE;
        /* The widest wait there is: 1440 minutes. */
        st[i].wait_minutes = k == 2 ? STATUS_MAX_WAIT_MINUTES : -1;
        if (k == 4 && (ltext_add(&st[i].message, "ja", "窓口は14時に再開します。少々お待ちください") ||
                       ltext_add(&st[i].message, "en", "The counter reopens at 14:00. Thank you for waiting")))
            return -1;
    }
    return 0;
}

/* Every state on the screens that show it, in every language, once in
 * high contrast; and each state must look different on Tobetsu's page. */
static int run_states(struct ui *ui, SDL_Surface *s, const struct config *cfg, int w, int h,
                      int large)
{
    static const char *const screens[] = {"municipalities", "municipality:tobetsu", "home"};
    struct status_info *st = calloc((size_t)cfg->n_municipalities, sizeof *st);
    int frames = 0;
    if (!st) {
        FAIL("out of memory");
        return 0;
    }
    Uint64 seen[N_STATES] = {0};
    for (int k = 0; k < N_STATES; k++) {
        if (set_state(cfg, st, k) != 0) {
            FAIL("out of memory");
            break;
        }
        for (int l = 0; l < cfg->kiosk.n_languages; l++)
            for (size_t i = 0; i < sizeof screens / sizeof screens[0]; i++)
                for (int hc = 0; hc < 2; hc++) {
                    if (hc && l != 0)
                        continue;
                    long long at = k == 5 ? AT_SUNDAY : k == STATE_YEAR_END ? AT_YEAR_END
                                                                             : AT_FIXED;
                    struct headless_frame f = {screens[i], cfg->kiosk.languages[l], w, h, hc,
                                               large, at, 0.0, st, k == STATE_NO_CAMERA};
                    char what[160];
                    snprintf(what, sizeof what, "%dx%d%s%s-%.16s-%.64s-%s", w, h,
                             large ? "-large" : "", hc ? "-hc" : "", f.lang, f.screen,
                             state_names[k]);
                    if (check_frame(ui, s, cfg, &f, what) != 0)
                        continue;
                    frames++;
                    if (i == 1 && l == 0 && !hc)
                        seen[k] = frame_hash(s);
                }
    }
    for (int a = 0; a < N_STATES; a++)
        for (int b = a + 1; b < N_STATES; b++)
            if (seen[a] == seen[b])
                FAIL("%dx%d: Tobetsu's page looks the same in states %s and %s", w, h,
                     state_names[a], state_names[b]);
    for (int i = 0; i < cfg->n_municipalities; i++)
        status_info_free(&st[i]);
    free(st);
    return frames;
}

static int run_screens(const struct config *cfg, int w, int h, int large)
{
    struct canvas c;
    if (canvas_open(&c, cfg, w, h) != 0)
        return 1;
    SDL_Surface *s = c.s;
    struct ui *ui = c.ui;
    static char names[128][64];
    render_screen_names(cfg, names, 127);
    int frames = 0;
    for (int l = 0; l < cfg->kiosk.n_languages; l++)
        for (int i = 0; names[i][0]; i++)
            for (int hc = 0; hc < 2; hc++) {
                /* High contrast changes colours only: once per screen is enough. */
                if (hc && l != 0)
                    continue;
                struct headless_frame f = {names[i], cfg->kiosk.languages[l], w, h, hc, large,
                                           AT_FIXED, 0.0, NULL, 0};
                char what[160];
                snprintf(what, sizeof what, "%dx%d%s%s-%.16s-%.64s", w, h, large ? "-large" : "",
                         hc ? "-hc" : "", f.lang, f.screen);
                if (check_frame(ui, s, cfg, &f, what) == 0)
                    frames++;
            }
    /* Home's attract loop: every page, in every language, a second after
     * it came up (each page stays as long as its text needs: attract.h). */
    for (int l = 0; l < cfg->kiosk.n_languages; l++) {
        double dwell[ATTRACT_MAX_PAGES], start = 0;
        int pages = attract_dwells(cfg, cfg->kiosk.languages[l], dwell, ATTRACT_MAX_PAGES);
        for (int page = 1; page < pages; page++) {
            start += dwell[page - 1];
            struct headless_frame f = {"home", cfg->kiosk.languages[l], w, h, 0, large, AT_FIXED,
                                       start + 1.0, NULL, 0};
            char what[160];
            snprintf(what, sizeof what, "%dx%d%s-%.16s-attract-%d", w, h, large ? "-large" : "",
                     f.lang, page);
            if (check_frame(ui, s, cfg, &f, what) != 0)
                continue;
            frames++;
            if (l == 0 && page == 1 && w == 1920 && !large)
                IMG_SavePNG(s, "render_attract_page1.png"); /* to look at */
        }
    }
    frames += run_states(ui, s, cfg, w, h, large);
    printf("%dx%d%s: %d frames drawn, %ld ink pixels outside line boxes, %d Japanese "
           "word(s) wider than their box, smallest visitor text %d px (%.2f mm, at least "
           "%d px)\n", w, h, large ? " large text" : "", frames, ink_outside_total,
           forced_breaks_total, smallest_total, smallest_total / ui->L.px_per_mm,
           layout_text_min_px(&ui->L));
    smallest_total = 0;
    ink_outside_total = 0;
    forced_breaks_total = 0;
    canvas_close(&c);
    return 0;
}

/* Every string the kiosk can show, in every language, in a box big enough
 * that only glyphs can be missing. */
static void glyph_text(struct ui *ui, const char *lang, const char *text, const char *what)
{
    int before = ui->missing_glyphs;
    struct rect box = {0, 0, ui->L.w, ui->L.h};
    ui_text_lang(ui, lang, text, LAYOUT_FONT_SMALL, 0x000000, box, 0, 12);
    if (ui->missing_glyphs != before)
        FAIL("[%s] %s: %d missing glyph(s) in \"%s\"", lang, what, ui->missing_glyphs - before,
             text);
}

static void glyph_ltext(struct ui *ui, const struct config *cfg, const struct ltext *t,
                        const char *what)
{
    for (int l = 0; l < cfg->kiosk.n_languages; l++) {
        const char *lang = cfg->kiosk.languages[l];
        glyph_text(ui, lang, ltext_get(t, lang, cfg->kiosk.default_language), what);
    }
}

static int run_glyphs(const struct config *cfg)
{
    struct canvas c;
    if (canvas_open(&c, cfg, 1920, 1080) != 0)
        return 1;
    struct ui *ui = c.ui;
    struct app_state st;
    app_init(&st, cfg, 0);
    struct ui_view view = {0};
    ui_begin(ui, 1920, 1080, &st, &view);
    int n = 0;
    for (int l = 0; l < cfg->kiosk.n_languages; l++) {
        const char *lang = cfg->kiosk.languages[l];
        for (int k = 0; k < I18N_KEY_COUNT; k++, n++)
            glyph_text(ui, lang, i18n_ui((enum i18n_key)k, lang), i18n_key_name((enum i18n_key)k));
        glyph_text(ui, lang, i18n_endonym(lang), "endonym");
    }
    glyph_ltext(ui, cfg, &cfg->kiosk.title, "kiosk.title");
    glyph_ltext(ui, cfg, &cfg->kiosk.tagline, "kiosk.tagline");
    for (int i = 0; i < cfg->n_municipalities; i++) {
        const struct config_municipality *m = &cfg->municipalities[i];
        glyph_ltext(ui, cfg, &m->name, m->id);
        for (int j = 0; j < m->n_services; j++)
            glyph_ltext(ui, cfg, &m->services[j], m->id);
    }
    for (int i = 0; i < cfg->n_services; i++) {
        glyph_ltext(ui, cfg, &cfg->services[i].title, cfg->services[i].id);
        glyph_ltext(ui, cfg, &cfg->services[i].body, cfg->services[i].id);
    }
    for (int i = 0; i < cfg->n_kpis; i++) {
        const struct config_kpi *k = &cfg->kpis[i];
        glyph_ltext(ui, cfg, &k->title, k->id);
        glyph_ltext(ui, cfg, &k->unit, k->id);
        const struct config_kpi_value *v[5] = {&k->v1_baseline, &k->v1_actual, &k->v1_target,
                                               &k->v2_baseline, &k->v2_target};
        for (int j = 0; j < 5; j++)
            if (v[j]->note.n > 0)
                glyph_ltext(ui, cfg, &v[j]->note, k->id);
    }
    printf("glyphs: %d UI strings and the config's texts in %d languages checked\n", n,
           cfg->kiosk.n_languages);
    canvas_close(&c);
    return 0;
}

static Uint32 pixel(SDL_Surface *s, int x, int y)
{
    return ((const Uint32 *)s->pixels)[y * (s->pitch / 4) + x] & 0xFFFFFF;
}

/* A landscape interface on a portrait-mounted panel, and upside down. */
static int run_rotation(struct config *cfg)
{
    static const int rots[] = {90, 180, 270};
    for (int i = 0; i < 3; i++) {
        int rot = rots[i];
        int w = rot == 180 ? 1920 : 1080, h = rot == 180 ? 1080 : 1920;
        cfg->kiosk.rotation = rot;
        struct canvas c;
        if (canvas_open(&c, cfg, w, h) != 0)
            return 1;
        SDL_Surface *s = c.s;
        struct ui *ui = c.ui;
        struct headless_frame f = {"municipalities", "ja", w, h, 0, 0, AT_FIXED, 0.0, NULL, 0};
        struct headless_report rep;
        char what[64];
        snprintf(what, sizeof what, "rotation-%d", rot);
        if (headless_draw(ui, cfg, &f, &rep) != 0)
            FAIL("%s: cannot draw", what);
        if (ui->L.w != 1920 || ui->L.h != 1080)
            FAIL("%s: laid out %dx%d, want 1920x1080", what, ui->L.w, ui->L.h);
        if (rep.overflow || rep.missing_glyphs || rep.outside)
            FAIL("%s: %d overflow, %d missing, %d outside", what, rep.overflow,
                 rep.missing_glyphs, rep.outside);
        /* The header's top-left corner (logical 4,4) must land where the
         * rotation puts it on the window; likewise the footer's surface. */
        int wx, wy, lx, ly;
        for (wy = 0; wy < h; wy++)
            for (wx = 0; wx < w; wx++) {
                ui_window_to_logical(ui, wx, wy, &lx, &ly);
                if (lx == 4 && ly == 4)
                    goto found;
            }
        FAIL("%s: no window pixel maps to 4,4", what);
        continue;
    found:
        snprintf(what, sizeof what, "render_rotation_%d.png", rot);
        IMG_SavePNG(s, what); /* to look at */
        snprintf(what, sizeof what, "rotation-%d", rot);
        if (pixel(s, wx, wy) != ui->theme.header_bg) {
            FAIL("%s: window pixel %d,%d is %06X, want the header's %06X", what, wx, wy,
                 (unsigned)pixel(s, wx, wy), (unsigned)ui->theme.header_bg);
            save_failure(s, what);
        }
        /* A config without rotation next (a reload): the frame-sized buffer
         * goes (the monkey saw 3.6 MiB held after such a swap). */
        cfg->kiosk.rotation = 0;
        if (headless_draw(ui, cfg, &f, &rep) != 0 || ui->rot_tex)
            FAIL("%s: the rotation buffer is kept after rotation 0", what);
        canvas_close(&c);
    }
    cfg->kiosk.rotation = 0;
    printf("rotation: 90, 180, 270 checked\n");
    return 0;
}

/* One idle-warning frame drawn by a fresh ui: what any frame of the same
 * state must look like, however the ui got there. */
static Uint64 backdrop_fresh(const struct config *cfg, const struct headless_frame *f, int w,
                             int h)
{
    struct canvas c;
    if (canvas_open(&c, cfg, w, h) != 0)
        return 0;
    struct headless_report rep;
    Uint64 hash = headless_draw(c.ui, cfg, f, &rep) == 0 ? frame_hash(c.s) : 0;
    canvas_close(&c);
    return hash;
}

static int run_backdrop(const struct config *cfg)
{
    const int w = 1920, h = 1080;
    struct canvas c;
    if (canvas_open(&c, cfg, w, h) != 0)
        return 1;
    struct status_info *busy = calloc((size_t)cfg->n_municipalities, sizeof *busy);
    if (!busy || set_state(cfg, busy, 1) != 0) { /* "busy" wherever a clerk takes calls */
        FAIL("backdrop: out of memory");
        free(busy);
        canvas_close(&c);
        return 1;
    }
    struct headless_frame base = {"idle-warning", "ja", w, h, 0, 0, AT_FIXED, 0.0, NULL, 0};
    struct headless_report rep;
    headless_draw(c.ui, cfg, &base, &rep);
    Uint64 first = frame_hash(c.s);
    if (!c.ui->layer || !c.ui->layer_key)
        FAIL("backdrop: the dimmed page is not kept after the first frame");
    SDL_Texture *kept = c.ui->layer;
    headless_draw(c.ui, cfg, &base, &rep); /* a tick of the countdown */
    if (c.ui->layer != kept)
        FAIL("backdrop: the layer was made again for the same page");
    if (frame_hash(c.s) != first) {
        FAIL("backdrop: a frame copied from the layer differs from the first");
        save_failure(c.s, "backdrop-tick");
    }
    /* Each change under the warning, then back to the start. */
    static const char *const what[] = {"language",   "high contrast", "large text",
                                       "clock minute", "status",      "window size"};
    for (int k = 0; k < 6; k++) {
        struct headless_frame f = base;
        switch (k) {
        case 0: f.lang = "en"; break;
        case 1: f.high_contrast = 1; break;
        case 2: f.large_text = 1; break;
        case 3: f.at = AT_FIXED + 60; break;
        case 4: f.status = busy; break;
        default: f.w = 1280; f.h = 720; break; /* a smaller window, same surface */
        }
        headless_draw(c.ui, cfg, &base, &rep); /* the page under it, kept */
        headless_draw(c.ui, cfg, &f, &rep);
        Uint64 got = frame_hash(c.s), want = backdrop_fresh(cfg, &f, w, h);
        if (got != want || got == first) {
            char name[64];
            snprintf(name, sizeof name, "backdrop-%d", k);
            FAIL("backdrop: after a change of %s under the warning, the frame %s", what[k],
                 got == first ? "still shows the old page" : "differs from one drawn afresh");
            save_failure(c.s, name);
        }
    }
    /* The warning over: the layer's memory goes back. */
    struct headless_frame page = base;
    page.screen = "municipalities";
    headless_draw(c.ui, cfg, &page, &rep);
    if (c.ui->layer)
        FAIL("backdrop: the layer is kept after the warning");
    for (int i = 0; i < cfg->n_municipalities; i++)
        status_info_free(&busy[i]);
    free(busy);
    canvas_close(&c);
    printf("backdrop: kept, copied and redrawn on 6 kinds of change\n");
    return 0;
}

/* The ring on home (start, then two moves) and on Tobetsu's page (start,
 * the Start video call button), both themes, saved in dir. */
static int run_focus(const struct config *cfg, const char *dir)
{
    const int w = 1920, h = 1080;
    struct canvas c;
    if (canvas_open(&c, cfg, w, h) != 0)
        return 1;
    SDL_Surface *s = c.s;
    struct ui *ui = c.ui;
    static const struct { const char *screen; int moves; } shots[] = {
        {"home", 0}, {"home", 2}, {"municipality:tobetsu", 0}};
    for (int hc = 0; hc < 2; hc++)
        for (size_t i = 0; i < sizeof shots / sizeof shots[0]; i++) {
            struct headless_frame f = {shots[i].screen, cfg->kiosk.default_language, w, h, hc,
                                       0, AT_FIXED, 0.0, NULL, 0};
            struct headless_report rep;
            ui->keys_used = 1;
            ui->focus_valid = 0;
            ui->focus_screen = -1; /* a fresh screen */
            if (headless_draw(ui, cfg, &f, &rep) != 0)
                continue;
            for (int k = 0; k < shots[i].moves; k++)
                ui_focus_move(ui, FOCUS_NEXT);
            headless_draw(ui, cfg, &f, &rep);
            if (rep.outside)
                FAIL("focus ring on %s drawn outside the window", f.screen);
            char path[1200];
            snprintf(path, sizeof path, "%s/focus-%s-%d%s.png", dir,
                     i == 2 ? "tobetsu" : "home", shots[i].moves, hc ? "-high-contrast" : "");
            if (IMG_SavePNG(s, path) != 0)
                FAIL("cannot save %s", path);
            else
                printf("%s\n", path);
        }
    canvas_close(&c);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: render_check SRC screens WxH [large] | glyphs | rotation | backdrop\n");
        return 2;
    }
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    struct config cfg;
    if (render_open(argv[1], "render_check", &src, &cfg) != 0)
        return 1;
    /* Every municipality with calls is polled, so "unknown" is not
     * "available" (the shipped config polls no clerk). */
    for (int i = 0; i < cfg.n_municipalities; i++) {
        struct config_municipality *m = &cfg.municipalities[i];
        if (m->has_call && !m->call.status_url)
            m->call.status_url = strdup("https://meet.example.jp/status");
    }
    int w = 0, h = 0;
    if (strcmp(argv[2], "screens") == 0 && argc >= 4 && sscanf(argv[3], "%dx%d", &w, &h) == 2)
        run_screens(&cfg, w, h, argc >= 5 && strcmp(argv[4], "large") == 0);
    else if (strcmp(argv[2], "glyphs") == 0)
        run_glyphs(&cfg);
    else if (strcmp(argv[2], "rotation") == 0)
        run_rotation(&cfg);
    else if (strcmp(argv[2], "backdrop") == 0)
        run_backdrop(&cfg);
    else if (strcmp(argv[2], "focus") == 0 && argc >= 4)
        run_focus(&cfg, argv[3]);
    else {
        fprintf(stderr, "unknown mode %s\n", argv[2]);
        render_failures++;
    }
    render_close(&cfg);
    printf("%s\n", render_failures ? "FAILED" : "ok");
    return render_failures ? 1 : 0;
}
