/* Drawing primitives, text boxes and buttons for all screens. */
#include <stdio.h>
#include <string.h>

#include "images.h"
#include "jseg.h"
#include "textwrap.h"
#include "ui.h"
#include "utf8.h"

#define UI_MAX_LINES 16
#define UI_MAX_RADIUS 96 /* corners larger than this are drawn at 96 px */

static void ui_check_inside(struct ui *ui, struct rect r)
{
    struct rect win = {0, 0, ui->L.w, ui->L.h};
    if (r.w > 0 && r.h > 0 && !layout_inside(r, win))
        ui->outside_count++;
}

static void ui_rotation_release(struct ui *ui)
{
    if (ui->rot_tex)
        SDL_DestroyTexture(ui->rot_tex);
    ui->rot_tex = NULL;
    ui->rot_w = ui->rot_h = 0;
}

void ui_release(struct ui *ui)
{
    ui_layer_drop(ui);
    ui_rotation_release(ui);
}

/* Draws into the rotation buffer; 0 if drawing goes straight to the window. */
static int ui_rotation_begin(struct ui *ui, int lw, int lh)
{
    if (ui->rotation == 0) {
        ui_rotation_release(ui); /* a config without rotation: the buffer's memory goes back */
        return 0;
    }
    if (!ui->rot_tex || ui->rot_w != lw || ui->rot_h != lh) {
        ui_rotation_release(ui);
        ui->rot_tex = SDL_CreateTexture(ui->r, SDL_PIXELFORMAT_ARGB8888,
                                        SDL_TEXTUREACCESS_TARGET, lw, lh);
        if (!ui->rot_tex)
            return 0;
        ui->rot_w = lw;
        ui->rot_h = lh;
    }
    return SDL_SetRenderTarget(ui->r, ui->rot_tex) == 0;
}

/* seen: the frame is to be presented; an unseen one (drawn ahead of time
 * to fill the caches) leaves the focus to the screen on show. */
static void ui_begin_frame(struct ui *ui, int w, int h, const struct app_state *st,
                           const struct ui_view *view, int seen)
{
    ui->high_contrast = st->high_contrast;
    ui->large_text = st->large_text;
    ui->cfg = st->cfg;
    ui->lang = app_lang(st);
    ui->view = view;
    ui->win_w = w;
    ui->win_h = h;
    ui->rotation = st->cfg && !ui->upright ? st->cfg->kiosk.rotation : 0;
    if (ui->rotation != 90 && ui->rotation != 180 && ui->rotation != 270)
        ui->rotation = 0;
    int lw = ui->rotation % 180 ? h : w, lh = ui->rotation % 180 ? w : h;
    if (!ui_rotation_begin(ui, lw, lh)) {
        ui->rotation = 0;
        lw = w;
        lh = h;
    }
    layout_compute(&ui->L, lw, lh, st->cfg ? st->cfg->kiosk.display_inches : 0, st->large_text);
    if (ui->text)
        text_cache_fit_window(ui->text, lw, lh);
    theme_get(&ui->theme, st->high_contrast);
    ui->n_targets = 0;
    ui->primary = -1;
    if (seen)
        ui_focus_begin(ui, st);
    ui->overflow_count = ui->missing_glyphs = ui->outside_count = ui->qr_min_px = 0;
    ui->ink_outside = 0;
    ui->bad_breaks = ui->forced_breaks = 0;
    ui->last_overflow[0] = '\0';
    ui->text_min_px = layout_text_min_px(&ui->L);
    ui->text_exempt = st->screen == APP_SCREEN_ADMIN || st->screen == APP_SCREEN_ADMIN_PIN;
    ui->small_text = ui->smallest_px = ui->bad_pitch = 0;
    ui->last_small_text[0] = '\0';
    ui_clear(ui, ui->theme.bg);
}

void ui_begin(struct ui *ui, int w, int h, const struct app_state *st,
              const struct ui_view *view)
{
    ui_begin_frame(ui, w, h, st, view, 1);
}

void ui_begin_unseen(struct ui *ui, int w, int h, const struct app_state *st,
                     const struct ui_view *view)
{
    ui_begin_frame(ui, w, h, st, view, 0);
}

void ui_end(struct ui *ui)
{
    /* MeCab's dictionary pages are the kiosk's largest cost (a screen's new
     * texts touch 5 to 20 MB of it): held for one frame only, its
     * segmentations stay cached. Opening it again costs ~0.2 ms. */
    jseg_release(ui->jseg);
    if (ui->rotation == 0 || !ui->rot_tex)
        return;
    SDL_SetRenderTarget(ui->r, NULL);
    ui_clear(ui, 0x000000);
    /* Turning about the centre: the logical rect centred on the window. */
    SDL_Rect dst = {(ui->win_w - ui->L.w) / 2, (ui->win_h - ui->L.h) / 2, ui->L.w, ui->L.h};
    SDL_RenderCopyEx(ui->r, ui->rot_tex, NULL, &dst, (double)ui->rotation, NULL, SDL_FLIP_NONE);
}

void ui_window_to_logical(const struct ui *ui, int wx, int wy, int *lx, int *ly)
{
    switch (ui->rotation) {
    case 90: *lx = wy; *ly = ui->win_w - 1 - wx; break;
    case 180: *lx = ui->win_w - 1 - wx; *ly = ui->win_h - 1 - wy; break;
    case 270: *lx = ui->win_h - 1 - wy; *ly = wx; break;
    default: *lx = wx; *ly = wy; break;
    }
}

void ui_fill(struct ui *ui, struct rect r, uint32_t rgb)
{
    ui_check_inside(ui, r);
    ui_fill_rects(ui, &r, 1, rgb);
}

void ui_fill_alpha(struct ui *ui, struct rect r, uint32_t rgb, int alpha)
{
    ui_check_inside(ui, r);
    SDL_BlendMode was;
    SDL_GetRenderDrawBlendMode(ui->r, &was);
    SDL_SetRenderDrawBlendMode(ui->r, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(ui->r, (Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb,
                           (Uint8)(alpha < 0 ? 0 : alpha > 255 ? 255 : alpha));
    SDL_Rect sr = {r.x, r.y, r.w, r.h};
    SDL_RenderFillRect(ui->r, &sr);
    SDL_SetRenderDrawBlendMode(ui->r, was);
}

int ui_image(struct ui *ui, const char *rel, struct rect r)
{
    int w, h, side = r.w < r.h ? r.w : r.h;
    SDL_Texture *t = images_get(ui->images, rel, side, &w, &h);
    if (!t)
        return -1;
    struct rect d = layout_center(r, w, h);
    ui_check_inside(ui, d);
    SDL_Rect dst = {d.x, d.y, d.w, d.h};
    SDL_RenderCopy(ui->r, t, NULL, &dst);
    return 0;
}

/* Rounded corners from horizontal spans: cheap on the software renderer. */
void ui_fill_rounded(struct ui *ui, struct rect r, int radius, uint32_t rgb)
{
    ui_check_inside(ui, r);
    if (radius * 2 > r.h)
        radius = r.h / 2;
    if (radius * 2 > r.w)
        radius = r.w / 2;
    if (radius < 0)
        radius = 0;
    if (radius > UI_MAX_RADIUS)
        radius = UI_MAX_RADIUS;
    /* One call for the whole shape: the middle and a span per corner row. */
    struct rect spans[2 * UI_MAX_RADIUS + 1];
    int n = 0;
    spans[n++] = (struct rect){r.x, r.y + radius, r.w, r.h - 2 * radius};
    for (int i = 0; i < radius; i++) {
        double dy = radius - i - 0.5;
        int inset = radius - (int)(SDL_sqrt((double)radius * radius - dy * dy) + 0.5);
        spans[n++] = (struct rect){r.x + inset, r.y + i, r.w - 2 * inset, 1};
        spans[n++] = (struct rect){r.x + inset, r.y + r.h - 1 - i, r.w - 2 * inset, 1};
    }
    ui_fill_rects(ui, spans, n, rgb);
}

void ui_fill_rounded_rows(struct ui *ui, struct rect r, int radius, uint32_t rgb, int y0,
                          int y1)
{
    if (y1 <= y0)
        return;
    SDL_Rect clip = {r.x, y0, r.w, y1 - y0};
    SDL_RenderSetClipRect(ui->r, &clip);
    ui_fill_rounded(ui, r, radius, rgb);
    SDL_RenderSetClipRect(ui->r, NULL);
}

void ui_frame(struct ui *ui, struct rect r, int t, uint32_t rgb)
{
    struct rect s[4] = {{r.x, r.y, r.w, t}, {r.x, r.y + r.h - t, r.w, t},
                        {r.x, r.y, t, r.h}, {r.x + r.w - t, r.y, t, r.h}};
    ui_fill_rects(ui, s, 4, rgb);
}

struct ui_measure_ctx {
    struct ui *ui;
    int px, bold;
};

static int ui_measure(void *ctx, const char *s, size_t len)
{
    struct ui_measure_ctx *m = ctx;
    return text_measure(m->ui->text, m->ui->lang, s, len, m->px, m->bold);
}

/* Where a line's texture goes: centred in its line box (fonts of other
 * scripts then sit on the same middle), moved as little as it takes to
 * keep the glyphs' ink inside the box (a texture one row taller than the
 * box, centred, put its descenders' last row below it). */
static int ui_line_top(int y, int lh, int h, const struct text_ink *ink)
{
    int top = y + (lh - h) / 2;
    if (ink->bottom < 0)
        return top;
    if (top + ink->bottom >= y + lh)
        top = y + lh - 1 - ink->bottom;
    if (top + ink->top < y)
        top = y - ink->top;
    return top;
}

/* Counts the ink pixels of a line drawn at top that fall outside its line
 * box [y, y + lh): what a clip to the box, or the next line's box, cuts. */
static void ui_ink_outside(struct ui *ui, const struct text_ink *ink, int h, int top, int y,
                           int lh)
{
    for (int r = 0; ink->rows && r < h; r++)
        if (top + r < y || top + r >= y + lh)
            ui->ink_outside += ink->rows[r];
}

/* Text size check: the smallest line drawn, and lines below the minimum. */
static void ui_note_size(struct ui *ui, const char *line, int px)
{
    if (ui->text_exempt)
        return;
    if (!ui->smallest_px || px < ui->smallest_px)
        ui->smallest_px = px;
    if (px < ui->text_min_px) {
        ui->small_text++;
        snprintf(ui->last_small_text, sizeof ui->last_small_text, "%d px: %.120s", px, line);
    }
}

/* One line, its texture centred vertically in a line box of height lh:
 * fonts of other scripts (Noto for Hangul) then sit on the same middle. */
static void ui_blit_line(struct ui *ui, const char *s, size_t len, int px, int bold,
                         uint32_t rgb, int x, int y, int lh)
{
    char buf[1024];
    if (len >= sizeof buf)
        len = sizeof buf - 1;
    memcpy(buf, s, len);
    buf[len] = '\0';
    int w, h, missing = 0;
    struct text_ink ink;
    SDL_Texture *t =
        text_cache_get(ui->text, ui->lang, buf, px, bold, rgb, &w, &h, &missing, &ink);
    ui->missing_glyphs += missing;
    ui_note_size(ui, buf, px);
    if (!t)
        return;
    SDL_Rect dst = {x, ui_line_top(y, lh, h, &ink), w, h};
    ui_ink_outside(ui, &ink, h, dst.y, y, lh);
    ui_check_inside(ui, (struct rect){x, y, w, lh});
    if (ink.top >= 0) { /* the texture holds the inked rows and columns only */
        dst.x += ink.left;
        dst.y += ink.top;
        dst.w = ink.right - ink.left + 1;
        dst.h = ink.bottom - ink.top + 1;
    }
    SDL_RenderCopy(ui->r, t, NULL, &dst);
}

/* Line pitch: 1.5 for reading, 1.2 for headings, never below the font's. */
static int ui_pitch(int px, int lh, int flags)
{
    return layout_line_pitch(px, lh, (flags & UI_TIGHT) != 0);
}

struct ui_fit {
    int n, px, lh, pitch, overflow;
    struct textwrap_line lines[UI_MAX_LINES];
};

/* Phrase boundaries for Japanese text (NULL for other languages, or
 * without MeCab). Cached by text in ui->jseg. */
static const unsigned char *ui_breaks(struct ui *ui, const char *text)
{
    if (!ui->jseg || !ui->lang || strncmp(ui->lang, "ja", 2) != 0)
        return NULL;
    return jseg_breaks(ui->jseg, text);
}

/* A text's phrase boundaries, asked of MeCab only when a size needs them. */
struct ui_lazy_breaks {
    const unsigned char *breaks;
    int asked;
};

/* Wraps at px; lines limited by the box's height and max_lines. Labels of
 * one line and Japanese with spaces are not segmented (MeCab is not even
 * opened for a screen of them). lazy NULL: a try at one line, which only
 * says whether the text fits on one (the whole text up to a newline, with
 * or without boundaries). */
static void ui_fit_at(struct ui *ui, const char *text, struct ui_lazy_breaks *lazy, int px,
                      int flags, struct rect box, int max_lines, struct ui_fit *f)
{
    struct ui_measure_ctx m = {ui, px, (flags & UI_BOLD) != 0};
    f->px = px;
    f->lh = text_line_height(ui->text, ui->lang, px, m.bold);
    f->pitch = ui_pitch(px, f->lh, flags);
    int fit = box.h < f->lh ? 1 : 1 + (box.h - f->lh) / f->pitch;
    int want = fit < max_lines ? fit : max_lines;
    f->n = textwrap_without_breaks(text, box.w, ui_measure, &m, f->lines, want, &f->overflow);
    if (f->n < 0 && !lazy) { /* a try at one line: its verdict needs no boundaries */
        if (strchr(text, '\n')) /* "Label\n": the text up to the newline */
            f->n = textwrap_phrases(text, NULL, box.w, ui_measure, &m, f->lines, want,
                                    &f->overflow);
        else { /* one line that does not fit: no need to measure it piece by piece */
            f->n = 0;
            f->overflow = 1;
        }
    } else if (f->n < 0) {
        if (!lazy->asked) {
            lazy->breaks = ui_breaks(ui, text);
            lazy->asked = 1;
        }
        f->n = textwrap_phrases(text, lazy->breaks, box.w, ui_measure, &m, f->lines, want,
                                &f->overflow);
    }
    if (f->n > 0 && f->lh + (f->n - 1) * f->pitch > box.h)
        f->overflow = 1;
}

/* Short labels (one or two lines) first try one line at up to 80 %: a
 * button reads better than "はじめの画面 / へ". Then wrap, shrinking to 60 %,
 * at Japanese phrase boundaries (a phrase too long for a line between its
 * words). */
/* px shrunk to (10 - step) tenths, but never below the visitor's minimum
 * (unless px itself is smaller: the admin screens). */
static int ui_shrunk(const struct ui *ui, int px, int step)
{
    int s = px * (10 - step) / 10, least = ui->text_exempt ? 0 : ui->text_min_px;
    if (least > px)
        least = px;
    return s < least ? least : s;
}

static void ui_fit(struct ui *ui, const char *text, int px, int flags, struct rect box,
                   int max_lines, struct ui_fit *f)
{
    if (max_lines > UI_MAX_LINES)
        max_lines = UI_MAX_LINES;
    if (max_lines < 1)
        max_lines = 1;
    struct ui_lazy_breaks breaks = {NULL, 0};
    if (flags & UI_ELLIPSIS) {
        ui_fit_at(ui, text, &breaks, px, flags, box, max_lines, f);
        return;
    }
    if (max_lines <= 2) {
        for (int step = 0; step < 3; step++) {
            ui_fit_at(ui, text, NULL, ui_shrunk(ui, px, step), flags, box, 1, f);
            if (!f->overflow)
                return;
        }
    }
    for (int step = 0; step < 5; step++) { /* down to 60 %: phrases need a little more room */
        ui_fit_at(ui, text, &breaks, ui_shrunk(ui, px, step), flags, box, max_lines, f);
        if (!f->overflow)
            return;
    }
}

/* The width of the word of text around byte s (between the boundaries the
 * segmenter gave, spaces or the ends), at f's size. */
static int ui_word_width(struct ui *ui, const char *text, const unsigned char *breaks, size_t s,
                         const struct ui_fit *f, int flags)
{
    size_t a = s, b = s + 1, len = strlen(text);
    while (a > 0 && !breaks[a] && text[a - 1] != ' ' && text[a - 1] != '\n')
        a--;
    while (b < len && !breaks[b] && text[b] != ' ' && text[b] != '\n')
        b++;
    struct ui_measure_ctx m = {ui, f->px, (flags & UI_BOLD) != 0};
    return ui_measure(&m, text + a, b - a);
}

/* Counts the lines of f that start inside a Japanese word: between two
 * CJK characters where the segmenter put no boundary (a word cut in two;
 * a phrase too long for a line may break between its words). A word
 * wider than the whole box is cut where it must: counted apart. */
static void ui_check_breaks(struct ui *ui, const char *text, const struct ui_fit *f, int w,
                            int flags)
{
    const unsigned char *breaks = NULL;
    for (int i = 1; i < f->n; i++) {
        size_t s = f->lines[i].start, adv;
        if (s == 0 || text[s - 1] == ' ' || text[s - 1] == '\n')
            continue;
        size_t p = utf8_cut(text, s, s - 1); /* start of the previous character */
        unsigned a = utf8_decode(text + p, &adv), b = utf8_decode(text + s, &adv);
        if (a < 0x3000 || b < 0x3000)
            continue;
        if (!breaks && !(breaks = ui_breaks(ui, text))) /* only for a line between two CJK */
            return;
        if (breaks[s])
            continue;
        if (ui_word_width(ui, text, breaks, s, f, flags) > w) {
            ui->forced_breaks++;
            continue;
        }
        ui->bad_breaks++;
        snprintf(ui->last_bad_break, sizeof ui->last_bad_break, "%.*s/%s", (int)s, text,
                 text + s);
    }
}

/* The last line of a cut excerpt, shortened until "…" fits after it. */
static void ui_ellipsis_line(struct ui *ui, const char *text, struct ui_fit *f, int w,
                             int flags, char *out, size_t outsz)
{
    struct textwrap_line *l = &f->lines[f->n - 1];
    size_t len = l->len < outsz - 4 ? l->len : outsz - 4;
    struct ui_measure_ctx m = {ui, f->px, (flags & UI_BOLD) != 0};
    for (;;) {
        memcpy(out, text + l->start, len);
        memcpy(out + len, "…", sizeof "…");
        int lw = ui_measure(&m, out, strlen(out));
        if (lw <= w || len == 0) {
            l->width = lw;
            return;
        }
        len = utf8_cut(text + l->start, l->len, len - 1); /* back one whole character */
    }
}

int ui_text_px(struct ui *ui, const char *text, int px, uint32_t rgb, struct rect box,
               int flags, int max_lines)
{
    if (!text || !*text || box.w <= 0)
        return 0;
    struct ui_fit f;
    ui_fit(ui, text, px, flags, box, max_lines, &f);
    ui_check_breaks(ui, text, &f, box.w, flags);
    char cut[1024];
    int cut_last = (flags & UI_ELLIPSIS) && f.overflow && f.n > 0;
    if (cut_last) {
        ui_ellipsis_line(ui, text, &f, box.w, flags, cut, sizeof cut);
        f.overflow = f.lh + (f.n - 1) * f.pitch > box.h;
    }
    if (f.overflow) {
        ui->overflow_count++;
        snprintf(ui->last_overflow, sizeof ui->last_overflow, "%s", text);
    }
    int total = f.n > 0 ? f.lh + (f.n - 1) * f.pitch : 0;
    if (f.n > 1 && !(flags & UI_TIGHT) && (f.pitch * 10 < f.px * 15 || f.pitch * 10 > f.px * 17))
        ui->bad_pitch++;
    int y = box.y;
    if (flags & UI_VCENTER)
        y = box.y + (box.h - total) / 2;
    text_cache_transient(ui->text, (flags & UI_TRANSIENT) != 0);
    for (int i = 0; i < f.n; i++) {
        int x = box.x;
        if ((flags & 3) == UI_ALIGN_CENTER)
            x = box.x + (box.w - f.lines[i].width) / 2;
        else if ((flags & 3) == UI_ALIGN_RIGHT)
            x = box.x + box.w - f.lines[i].width;
        int last = cut_last && i == f.n - 1;
        ui_blit_line(ui, last ? cut : text + f.lines[i].start, last ? strlen(cut) : f.lines[i].len,
                     f.px, (flags & UI_BOLD) != 0, rgb, x, y, f.lh);
        y += f.pitch;
    }
    text_cache_transient(ui->text, 0);
    return total;
}

int ui_text(struct ui *ui, const char *text, enum layout_font font, uint32_t rgb,
            struct rect box, int flags, int max_lines)
{
    return ui_text_px(ui, text, ui->L.font_px[font], rgb, box, flags, max_lines);
}

int ui_text_lang(struct ui *ui, const char *lang, const char *text, enum layout_font font,
                 uint32_t rgb, struct rect box, int flags, int max_lines)
{
    const char *saved = ui->lang;
    ui->lang = lang;
    int h = ui_text(ui, text, font, rgb, box, flags, max_lines);
    ui->lang = saved;
    return h;
}

int ui_text_height(struct ui *ui, const char *text, enum layout_font font, int w, int max_h,
                   int flags, int max_lines)
{
    if (!text || !*text || w <= 0)
        return 0;
    struct ui_fit f;
    ui_fit(ui, text, ui->L.font_px[font], flags, (struct rect){0, 0, w, max_h}, max_lines, &f);
    return f.n > 0 ? f.lh + (f.n - 1) * f.pitch : 0;
}

enum layout_font ui_font_that_fits(struct ui *ui, const char *text, enum layout_font font,
                                   struct rect box, int flags, int max_lines)
{
    for (; font > LAYOUT_FONT_SMALL; font = (enum layout_font)(font - 1)) {
        struct ui_fit f;
        ui_fit(ui, text, ui->L.font_px[font], flags, box, max_lines, &f);
        if (!f.overflow)
            break;
    }
    return font;
}

int ui_lines_height(struct ui *ui, enum layout_font font, int n)
{
    int px = ui->L.font_px[font];
    int lh = text_line_height(ui->text, ui->lang, px, 0);
    return n <= 0 ? 0 : lh + (n - 1) * ui_pitch(px, lh, 0);
}

void ui_target(struct ui *ui, struct rect r, enum app_action action, int arg)
{
    if (ui->n_targets < UI_MAX_TARGETS)
        ui->targets[ui->n_targets++] = (struct ui_target){r, {action, arg}, ""};
}

void ui_target_label(struct ui *ui, const char *label)
{
    if (ui->n_targets > 0 && label)
        snprintf(ui->targets[ui->n_targets - 1].label, sizeof ui->targets[0].label, "%s", label);
}

int ui_is_pressed(const struct ui *ui, struct rect r, enum app_action action, int arg)
{
    return ui->pressed_valid && ui->pressed.t.action == action && ui->pressed.t.arg == arg &&
           ui->pressed.r.x == r.x && ui->pressed.r.y == r.y;
}

struct ui_colors {
    uint32_t bg, fg, edge;
};

static struct ui_colors ui_button_colors(const struct ui *ui, enum ui_button_style style,
                                         int pressed)
{
    const struct theme *t = &ui->theme;
    struct ui_colors c = {t->secondary, t->secondary_text, t->control_edge};
    if (style == UI_BUTTON_PRIMARY)
        c = (struct ui_colors){t->primary, t->primary_text, t->primary};
    else if (style == UI_BUTTON_DANGER)
        c = (struct ui_colors){t->danger, t->danger_text, t->danger};
    if (pressed)
        c = (struct ui_colors){t->pressed, t->pressed_text, t->pressed};
    return c;
}

/* The plate of a button: a shadow line below, which a press "pushes" away. */
static struct rect ui_button_plate(struct ui *ui, struct rect r, struct ui_colors c,
                                   int pressed)
{
    int radius = layout_mm(&ui->L, 3);
    int depth = layout_mm(&ui->L, 0.8) > 2 ? layout_mm(&ui->L, 0.8) : 2;
    struct rect face = {r.x, r.y, r.w, r.h - depth};
    if (pressed) {
        face.y += depth;
    } else {
        /* Only the band that shows below the face, not the whole plate. */
        int band = depth + 2 * radius < r.h ? depth + 2 * radius : r.h;
        ui_fill_rounded(ui, (struct rect){r.x, r.y + r.h - band, r.w, band}, radius,
                        ui->theme.shadow);
    }
    ui_fill_rounded(ui, face, radius, c.edge);
    int bw = c.edge == c.bg ? 0 : (layout_mm(&ui->L, 0.6) > 2 ? layout_mm(&ui->L, 0.6) : 2);
    if (bw)
        ui_fill_rounded(ui, layout_inset(face, bw), radius - bw, c.bg);
    return face;
}

void ui_button(struct ui *ui, struct rect r, const char *label, enum ui_button_style style,
               enum app_action action, int arg)
{
    int pressed = ui_is_pressed(ui, r, action, arg);
    struct ui_colors c = ui_button_colors(ui, style, pressed);
    struct rect face = ui_button_plate(ui, r, c, pressed);
    int pad = layout_mm(&ui->L, 2);
    ui_text(ui, label, LAYOUT_FONT_LABEL, c.fg, layout_inset(face, pad),
            UI_ALIGN_CENTER | UI_VCENTER | UI_BOLD | UI_TIGHT, 2);
    if (style == UI_BUTTON_PRIMARY && ui->primary < 0)
        ui->primary = ui->n_targets; /* where the keyboard focus starts */
    ui_target(ui, r, action, arg);
    ui_target_label(ui, label);
}

void ui_toggle_icon(struct ui *ui, struct rect r, const char *label, int on,
                    enum app_action action, int arg,
                    void (*icon)(struct ui *, struct rect, uint32_t))
{
    const struct theme *t = &ui->theme;
    int pressed = ui_is_pressed(ui, r, action, arg);
    struct ui_colors c = ui_button_colors(ui, UI_BUTTON_SECONDARY, pressed);
    struct rect face = ui_button_plate(ui, r, c, pressed);
    struct rect in = layout_inset(face, layout_mm(&ui->L, 2));
    /* The switch: a pill with a knob, right when on; language-free. */
    int sh = in.h * 2 / 5 > layout_mm(&ui->L, 6) ? layout_mm(&ui->L, 6) : in.h * 2 / 5;
    int sw = sh * 9 / 5;
    struct rect sw_r = layout_take_left(&in, sw, layout_mm(&ui->L, 2));
    sw_r = layout_center(sw_r, sw, sh);
    ui_fill_rounded(ui, sw_r, sh / 2, on ? t->ok : t->closed);
    int k = sh - 4;
    struct rect knob = {on ? sw_r.x + sw_r.w - k - 2 : sw_r.x + 2, sw_r.y + 2, k, k};
    ui_fill_rounded(ui, knob, k / 2, 0xFFFFFF);
    if (icon)
        icon(ui, layout_take_left(&in, in.h * 9 / 10, layout_mm(&ui->L, 2)), c.fg);
    ui_text(ui, label, LAYOUT_FONT_LABEL, c.fg, in, UI_VCENTER | UI_BOLD | UI_TIGHT, 2);
    ui_target(ui, r, action, arg);
    ui_target_label(ui, label);
}

void ui_toggle(struct ui *ui, struct rect r, const char *label, int on, enum app_action action,
               int arg)
{
    ui_toggle_icon(ui, r, label, on, action, arg, NULL);
}

void ui_lang_button(struct ui *ui, struct rect r, const char *lang, int current, int arg)
{
    int pressed = ui_is_pressed(ui, r, APP_ACT_LANG, arg);
    struct ui_colors c = ui_button_colors(ui, current ? UI_BUTTON_PRIMARY : UI_BUTTON_SECONDARY,
                                          pressed);
    struct rect face = ui_button_plate(ui, r, c, pressed);
    ui_text_lang(ui, lang, i18n_endonym(lang), LAYOUT_FONT_LABEL, c.fg,
                 layout_inset(face, layout_mm(&ui->L, 1.5)),
                 UI_ALIGN_CENTER | UI_VCENTER | UI_BOLD, 1);
    ui_target(ui, r, APP_ACT_LANG, arg);
    ui_target_label(ui, i18n_endonym(lang));
}

const struct ui_target *ui_hit(const struct ui *ui, int x, int y)
{
    /* Last registered wins: overlays are drawn (and registered) on top. */
    for (int i = ui->n_targets - 1; i >= 0; i--)
        if (layout_contains(ui->targets[i].r, x, y))
            return &ui->targets[i];
    return NULL;
}

const char *ui_str(const struct ui *ui, enum i18n_key key) { return i18n_ui(key, ui->lang); }

const char *ui_lt(const struct ui *ui, const struct ltext *t)
{
    return ltext_get(t, ui->lang, ui->cfg ? ui->cfg->kiosk.default_language : "ja");
}
