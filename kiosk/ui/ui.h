#ifndef KIOSK_UI_H
#define KIOSK_UI_H
/* The drawing context shared by all screens: renderer, layout, theme, text,
 * and the touch targets the current frame registered (immediate mode, as in
 * microui: drawing a button also makes it hit-testable). */
#include <SDL.h>
#include <time.h>

#include "app.h"
#include "layout.h"
#include "status.h"
#include "text.h"
#include "theme.h"

#define UI_MAX_TARGETS 160

struct ui_target {
    struct rect r;
    struct app_target t;
    char label[128]; /* the text drawn on it (voice guidance says it), or "" */
};

/* What the screens show besides the state: copied in by main.c each frame. */
struct ui_view {
    time_t wall;                 /* real time, for clock and opening hours */
    double mono;                 /* monotonic seconds, as given to app_handle */
    const struct status_info *status; /* per municipality, n_municipalities; may be NULL */
    int camera_ok, microphone_ok;
    int devices_block_call; /* required devices missing: no call button */
    const char *config_status;   /* admin: "loaded 12:00:01" or the first error */
    const char *health;          /* admin: poll and notify counters */
    const char *counts;          /* admin: today's counts */
    const char *running;         /* admin: uptime and watchdog; NULL = not shown */
    const char *config_loaded;   /* admin: when the running config was loaded; NULL = not shown */
    const char *fleet;           /* admin: where the config came from, last fetch; NULL/"" = no fleet */
    int fleet_failed;            /* admin: the last fetch did not give a good document */
};

struct jseg;

struct ui {
    SDL_Renderer *r;
    /* The surface r draws into when SDL_CreateSoftwareRenderer made it (a
     * window's software renderer needs none): fills go straight into its
     * pixels (ui_fill.c). Not owned. For tests: a switch that sends every
     * fill through SDL, and counts of the rectangles filled each way onto
     * the renderer's own output (render targets aside). */
    SDL_Surface *surface;
    int window_software; /* r is SDL's software renderer of a window (ui_create) */
    int fill_direct_off;
    long fills_direct, fills_sdl;
    /* The text store (ui_text_store.c): its folder, the fonts' signature */
    char store_dir[1024];
    uint8_t store_sig[32];
    int store_on, store_loaded;
    struct layout L;
    struct theme theme;
    struct fonts *fonts;
    struct text_cache *text;
    struct jseg *jseg; /* Japanese phrase boundaries; NULL without MeCab */
    const struct config *cfg;
    const char *lang;
    const struct ui_view *view;
    int n_targets;
    struct ui_target targets[UI_MAX_TARGETS];
    int pressed_valid; /* a finger is down on pressed */
    struct ui_target pressed;
    /* Checks for tests: text that did not fit, glyphs missing, drawing
     * outside the window. Counted per frame. */
    int overflow_count, missing_glyphs, outside_count;
    long ink_outside; /* ink pixels of text lines outside their line boxes */
    int bad_breaks;   /* Japanese lines broken inside a word (between two CJK characters) */
    int forced_breaks; /* a word wider than its whole box, cut where it had to be */
    char last_bad_break[160];
    /* Text size: no line a visitor reads is drawn below text_min_px
     * (layout_text_min_px); fitting never shrinks below it. The admin
     * screens (text_exempt) are staff's. small_text counts lines drawn
     * smaller anyway, smallest_px is the smallest line of the frame. */
    int text_min_px, text_exempt, small_text, smallest_px;
    int bad_pitch; /* wrapped paragraphs (not UI_TIGHT) whose line pitch is outside 1.5-1.7 em */
    char last_small_text[160];
    int qr_min_px; /* side of the smallest QR code drawn (0: none) */
    char last_overflow[160];
    int high_contrast, large_text;
    /* kiosk.rotation: the frame is drawn upright into a texture of the
     * logical size (L.w x L.h) and turned onto the window by ui_end();
     * input maps window coordinates back (input.c). */
    int rotation;     /* 0, 90, 180, 270 (clockwise) */
    int win_w, win_h; /* the window's (physical) size */
    int upright;      /* 1: never rotate (the call bar: the browser is not rotated either) */
    SDL_Texture *rot_tex; /* the rotation buffer, owned; NULL without rotation */
    int rot_w, rot_h;
    /* Keyboard focus (ui_focus.c). The focused target is known by what it
     * does, so it survives redraws of one screen; a new screen starts again
     * on its primary action. */
    int focus_valid;            /* focus holds a target chosen by keys */
    struct app_target focus;
    int primary;                /* the first primary button of this frame, or -1 */
    int keys_used;              /* a key was pressed this visit: the ring shows */
    int focus_screen;           /* the screen (and its entry time) focus belongs to */
    double focus_since;
    int focus_visitor;          /* st->visitor_active of the last frame */
    int voice;                  /* voice guidance on: a touch first says, a second presses */
    struct images *images; /* emblems, owned */
    struct qr_cache *qr;   /* QR code textures, owned (qr.c) */
    /* The layer (ui_layer.c): a picture of the window kept while its key
     * holds; NULL when none is kept. */
    SDL_Texture *layer;
    int layer_w, layer_h;
    uint64_t layer_key;       /* what the layer shows; 0: nothing valid */
    int layer_drawing;        /* between ui_layer_begin and ui_layer_end */
    SDL_Texture *layer_under; /* the target to go back to (NULL: the window) */
};

/* A context drawing with r (not owned); fonts resolved from cfg's chains
 * with fonts_dir searched first. NULL if no font can be found. */
struct ui *ui_create(SDL_Renderer *r, const struct config *cfg, const char *fonts_dir);
/* The same with fonts and segmenter made already (ui_start.c); takes them,
 * also on failure. NULL if either is NULL. The start-up thread may still be
 * opening faces in fonts: drawing waits for each face it needs, and the
 * fonts are destroyed (on failure) only once the thread is done with them. */
struct ui *ui_create_with(SDL_Renderer *r, const struct config *cfg, struct fonts *fonts,
                          struct jseg *jseg);
/* The first frame's text from the last start (ui_text_store.c): begin
 * loads it into the text cache (if its signature is this start's) and
 * records what the first frame asks for; end_frame, right after the first
 * frame is drawn, stops recording; save, later, writes the file again if
 * the first frame missed anything in it, and frees what was kept. */
void ui_text_store_begin(struct ui *ui);
void ui_text_store_end_frame(struct ui *ui);
void ui_text_store_save(struct ui *ui);
/* A text store file is there (not read: begin checks it). */
int ui_text_store_found(void);
void ui_destroy(struct ui *ui);
/* Switches to a new config's fonts; on failure keeps the old ones (-1). */
int ui_set_config(struct ui *ui, const struct config *cfg, const char *fonts_dir);
/* While nothing happens: gives back what only new text needs (the open
 * font faces; MeCab, if still open) and the freed heap; what the screens
 * show stays in the text cache. With only_check, says whether there is
 * anything to give back (1) without doing it. */
int ui_trim(struct ui *ui, int only_check);

/* r was made by SDL_CreateSoftwareRenderer(s): opaque fills go straight
 * into s's pixels (ui_fill.c). s stays the caller's and must outlive ui.
 * Not needed for a window's renderer. */
void ui_set_surface(struct ui *ui, SDL_Surface *s);
/* Opaque rectangles of one colour; a clear of the whole target. */
void ui_fill_rects(struct ui *ui, const struct rect *r, int n, uint32_t rgb);
void ui_clear(struct ui *ui, uint32_t rgb);

enum ui_align { UI_ALIGN_LEFT = 0, UI_ALIGN_CENTER = 1, UI_ALIGN_RIGHT = 2 };
#define UI_VCENTER 4 /* or'ed with an enum ui_align */
#define UI_BOLD 8
#define UI_TIGHT 16 /* line pitch 1.2 instead of 1.5 (headings) */
#define UI_ELLIPSIS 32 /* an excerpt: cut with "…" where the box ends (not an overflow) */
#define UI_TRANSIENT 64 /* text that changes with time (the clock): only its latest few
                          renderings stay cached, not one per minute until the bounds */

/* Starts a frame at the window's size: lays out, clears, forgets targets. */
void ui_begin(struct ui *ui, int w, int h, const struct app_state *st,
              const struct ui_view *view);
/* The same for a frame that is never presented (another screen drawn ahead
 * of time to fill the caches): the focus stays where the visitor's keys put
 * it on the screen on show, instead of starting afresh as on a new screen. */
void ui_begin_unseen(struct ui *ui, int w, int h, const struct app_state *st,
                     const struct ui_view *view);
/* Ends the frame: closes MeCab if the frame opened it (jseg_release) and,
 * with a rotation, turns the drawn frame onto the window. Call before
 * SDL_RenderPresent (screen_draw_frame does). */
void ui_end(struct ui *ui);
/* Window (physical) pixel -> logical pixel the screens lay out in. */
void ui_window_to_logical(const struct ui *ui, int wx, int wy, int *lx, int *ly);
/* Drops the rotation buffer and the layer (before the renderer goes). */
void ui_release(struct ui *ui);
/* The layer: a picture of the whole window drawn once and copied in while
 * nothing under it changes (the page under "Still there?"). key (not 0)
 * names what it shows; the caller makes it change with everything drawn.
 * ui_layer_begin: 1 if the layer showed key and was copied onto the frame;
 * else 0, and the caller draws the picture and calls ui_layer_end (drawing
 * goes into the layer when the renderer has render targets, else straight
 * onto the frame). key 0: never kept. */
int ui_layer_begin(struct ui *ui, uint64_t key);
void ui_layer_end(struct ui *ui, uint64_t key);
/* Forgets the layer and gives back its memory (4 bytes a pixel). */
void ui_layer_drop(struct ui *ui);
void ui_fill(struct ui *ui, struct rect r, uint32_t rgb);
/* r blended over what is drawn: alpha 0 (nothing) to 255 (ui_fill). */
void ui_fill_alpha(struct ui *ui, struct rect r, uint32_t rgb, int alpha);
/* An image of the config (e.g. an emblem) fitted into r, centred; returns 0
 * if drawn, -1 if there is none or it cannot be decoded. */
int ui_image(struct ui *ui, const char *rel, struct rect r);
void ui_fill_rounded(struct ui *ui, struct rect r, int radius, uint32_t rgb);
/* ui_fill_rounded drawn only in rows y0 <= y < y1 (the part of a shape that
 * another drawn over it leaves visible: fewer pixels filled). */
void ui_fill_rounded_rows(struct ui *ui, struct rect r, int radius, uint32_t rgb, int y0,
                          int y1);
void ui_frame(struct ui *ui, struct rect r, int thickness, uint32_t rgb);
/* Draws text into box, wrapping to at most max_lines and shrinking the size
 * (down to 70 %) until it fits; what still does not fit is counted in
 * overflow_count. flags: enum ui_align | UI_VCENTER | UI_BOLD. Returns the
 * height used. */
int ui_text(struct ui *ui, const char *text, enum layout_font font, uint32_t rgb,
            struct rect box, int flags, int max_lines);
/* Same with an explicit pixel size. */
int ui_text_px(struct ui *ui, const char *text, int px, uint32_t rgb, struct rect box,
               int flags, int max_lines);
/* ui_text in another language's fonts (language names in themselves). */
int ui_text_lang(struct ui *ui, const char *lang, const char *text, enum layout_font font,
                 uint32_t rgb, struct rect box, int flags, int max_lines);
/* Height ui_text would use for text in a box w wide and at most max_h
 * high (no drawing). */
int ui_text_height(struct ui *ui, const char *text, enum layout_font font, int w, int max_h,
                   int flags, int max_lines);
/* The largest of font, font-1, ... (down to SMALL) at which text fits box
 * (a long word such as "Shinshinotsu" in a tile). */
enum layout_font ui_font_that_fits(struct ui *ui, const char *text, enum layout_font font,
                                   struct rect box, int flags, int max_lines);
/* Height ui_text would use for n lines of font (1.5 line pitch). */
int ui_lines_height(struct ui *ui, enum layout_font font, int n);
/* Registers r as a touch target for t. */
void ui_target(struct ui *ui, struct rect r, enum app_action action, int arg);
/* Gives the last registered target the label drawn on it. */
void ui_target_label(struct ui *ui, const char *label);
/* 1 if a finger is down on this exact target. */
int ui_is_pressed(const struct ui *ui, struct rect r, enum app_action action, int arg);
/* A button: filled rounded rect, label centred, pressed state, target. */
enum ui_button_style { UI_BUTTON_PRIMARY, UI_BUTTON_SECONDARY, UI_BUTTON_DANGER };
void ui_button(struct ui *ui, struct rect r, const char *label, enum ui_button_style style,
               enum app_action action, int arg);
/* A button that shows an on/off switch beside its label. */
void ui_toggle(struct ui *ui, struct rect r, const char *label, int on, enum app_action action,
               int arg);
/* The same with a picture (e.g. icon_speaker) between the switch and the
 * label, drawn in the label's colour. */
void ui_toggle_icon(struct ui *ui, struct rect r, const char *label, int on,
                    enum app_action action, int arg,
                    void (*icon)(struct ui *, struct rect, uint32_t));
/* A button with a language's name drawn in that language's fonts. */
void ui_lang_button(struct ui *ui, struct rect r, const char *lang, int current, int arg);
/* Focus (ui_focus.c). ui_focus_begin is called by ui_begin. */
void ui_focus_begin(struct ui *ui, const struct app_state *st);
/* The index of the focused target in targets (the start when none was chosen
 * or it is gone), or -1 when the frame has no target that can be focused. */
int ui_focus_index(const struct ui *ui);
/* Moves the focus by dir (enum focus_dir) over this frame's targets. */
void ui_focus_move(struct ui *ui, int dir);
/* Draws the ring around the focused target when keys are in use; the last
 * thing of a frame, so nothing covers it. */
void ui_focus_draw(struct ui *ui);
/* The target under (x, y), or NULL. */
const struct ui_target *ui_hit(const struct ui *ui, int x, int y);
/* A string from the built-in table in the current language. */
const char *ui_str(const struct ui *ui, enum i18n_key key);
/* A config text in the current language (default language as fallback). */
const char *ui_lt(const struct ui *ui, const struct ltext *t);
#endif
