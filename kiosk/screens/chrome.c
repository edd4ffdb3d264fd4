/* Header, footer and overlays shared by the screens. */
#include <stdio.h>
#include <string.h>

#include "icon.h"
#include "schedule.h"
#include "screen.h"

/* The 12 municipalities' colours as a thin band: the area's identity. */
static void chrome_stripe(struct ui *ui, struct rect band)
{
    int n = ui->cfg ? ui->cfg->n_municipalities : 0;
    if (n <= 0 || ui->high_contrast) {
        ui_fill(ui, band, ui->high_contrast ? ui->theme.border : ui->theme.primary);
        return;
    }
    for (int i = 0; i < n; i++) {
        int x0 = band.x + band.w * i / n, x1 = band.x + band.w * (i + 1) / n;
        ui_fill(ui, (struct rect){x0, band.y, x1 - x0, band.h}, ui->cfg->municipalities[i].color);
    }
}

static void chrome_header(struct ui *ui)
{
    const struct layout *L = &ui->L;
    const struct theme *t = &ui->theme;
    struct rect head = L->header;
    chrome_stripe(ui, layout_take_bottom(&head, L->stripe, 0));
    ui_fill(ui, head, t->header_bg);
    struct rect band = {head.x + L->margin, head.y, head.w - 2 * L->margin, head.h};
    char clock[16] = "";
    if (ui->view && ui->view->wall > 0) {
        struct schedule_local lt;
        schedule_local_time(ui->view->wall, &lt);
        snprintf(clock, sizeof clock, "%d:%02d", lt.hour, lt.min);
    }
    int clock_w = text_measure(ui->text, ui->lang, clock, strlen(clock),
                               L->font_px[LAYOUT_FONT_TITLE], 1) + layout_mm(L, 2);
    struct rect clock_r = layout_take_right(&band, clock_w, L->gap);
    ui_text(ui, clock, LAYOUT_FONT_TITLE, t->header_text, clock_r,
            UI_ALIGN_RIGHT | UI_VCENTER | UI_BOLD | UI_TRANSIENT, 1);
    const char *title = ui->cfg ? ui_lt(ui, &ui->cfg->kiosk.title) : "";
    ui_text(ui, title, LAYOUT_FONT_LABEL, t->header_text, band,
            UI_VCENTER | UI_BOLD | UI_TIGHT, 2);
}

/* Languages: each name in itself and in its own fonts, one tap to switch. */
static void chrome_langs(struct ui *ui, const struct app_state *st, struct rect area, int rows)
{
    int n = ui->cfg->kiosk.n_languages;
    int per_row = (n + rows - 1) / rows;
    struct rect row_r[4];
    layout_column(area, rows, ui->L.gap, row_r);
    for (int r = 0, i = 0; r < rows && i < n; r++) {
        int k = n - i < per_row ? n - i : per_row;
        struct rect cells[CONFIG_MAX_LANGS];
        /* The last row keeps the others' cell width, centred. */
        int cw = (area.w - (per_row - 1) * ui->L.gap) / per_row;
        struct rect line = layout_center(row_r[r], k * cw + (k - 1) * ui->L.gap, row_r[r].h);
        layout_row(line, k, ui->L.gap, cells);
        for (int j = 0; j < k; j++, i++)
            ui_lang_button(ui, cells[j], ui->cfg->kiosk.languages[i], i == st->lang_index, i);
    }
}

/* Navigation left, accessibility right, each always in the same slot. */
static void chrome_nav(struct ui *ui, const struct app_state *st, struct rect row, int flags)
{
    struct rect slot[4];
    layout_row(row, 4, ui->L.gap, slot);
    if (flags & CHROME_BACK)
        ui_button(ui, slot[0], ui_str(ui, I18N_BACK), UI_BUTTON_SECONDARY, APP_ACT_BACK, 0);
    if (flags & CHROME_HOME)
        ui_button(ui, slot[1], ui_str(ui, I18N_HOME), UI_BUTTON_SECONDARY, APP_ACT_HOME, 0);
    if ((flags & CHROME_VOICE) && !(flags & (CHROME_BACK | CHROME_HOME))) {
        /* Twice a toggle's width, a loudspeaker and the words: found first. */
        struct rect both = {slot[0].x, slot[0].y, slot[1].x + slot[1].w - slot[0].x, slot[0].h};
        ui_toggle_icon(ui, both, ui_str(ui, I18N_VOICE_GUIDANCE), st->voice, APP_ACT_VOICE, 0,
                       icon_speaker);
    }
    if (flags & CHROME_A11Y) {
        ui_toggle(ui, slot[2], ui_str(ui, I18N_HIGH_CONTRAST), st->high_contrast,
                  APP_ACT_TOGGLE_CONTRAST, 0);
        ui_toggle(ui, slot[3], ui_str(ui, I18N_LARGE_TEXT), st->large_text,
                  APP_ACT_TOGGLE_LARGE, 0);
    }
}

static void chrome_footer(struct ui *ui, const struct app_state *st, int flags)
{
    const struct layout *L = &ui->L;
    ui_fill(ui, L->footer, ui->theme.surface);
    ui_fill(ui, (struct rect){0, L->footer.y, L->w, layout_mm(L, 0.5) > 1 ? layout_mm(L, 0.5) : 1}, ui->theme.border);
    struct rect area = {L->footer.x + L->margin, L->footer.y + L->gap,
                        L->footer.w - 2 * L->margin, L->footer.h - 2 * L->gap};
    struct rect nav = layout_take_bottom(&area, L->row_h, L->gap);
    int has_langs = (flags & CHROME_LANGS) && ui->cfg && ui->cfg->kiosk.n_languages > 1;
    if (has_langs)
        chrome_langs(ui, st, area, L->footer_rows - 1);
    chrome_nav(ui, st, nav, flags);
}

struct rect chrome_draw(struct ui *ui, const struct app_state *st, const char *heading,
                        int flags)
{
    const struct layout *L = &ui->L;
    chrome_header(ui);
    struct rect content = L->content;
    if (flags)
        chrome_footer(ui, st, flags);
    if (heading && *heading) {
        /* One line, or two for a long title (portrait, some languages). */
        int bar_w = layout_mm(L, 1.5), bar_gap = layout_mm(L, 3);
        int one = ui->L.font_px[LAYOUT_FONT_TITLE] * 3 / 2;
        int h = ui_text_height(ui, heading, LAYOUT_FONT_TITLE, content.w - bar_w - bar_gap,
                               2 * one, UI_BOLD | UI_TIGHT, 2);
        struct rect head = layout_take_top(&content, h > one ? h : one, L->gap);
        struct rect bar = layout_take_left(&head, bar_w, bar_gap);
        ui_fill(ui, bar, ui->theme.primary);
        ui_text(ui, heading, LAYOUT_FONT_TITLE, ui->theme.text, head,
                UI_VCENTER | UI_BOLD | UI_TIGHT, 2);
    }
    return content;
}

/* The question over a see-through dark backdrop: the page the visitor was
 * reading stays visible under it (dimmed to CHROME_BACKDROP_ALPHA), so the
 * warning does not look like a reset. The whole frame is blended (dearer
 * than a plain fill on the software renderer): screen_draw_frame keeps the
 * dimmed page in a layer, so the countdown's ticks only draw the dialog. */
#define CHROME_BACKDROP_ALPHA 150 /* of 255 */
void chrome_backdrop(struct ui *ui)
{
    ui_fill_alpha(ui, (struct rect){0, 0, ui->L.w, ui->L.h}, ui->theme.overlay,
                  CHROME_BACKDROP_ALPHA);
}

/* "Still there?": a calm dialog, the seconds left in words and as a
 * shrinking bar, one big Continue; a touch anywhere also continues. */
void chrome_idle_overlay(struct ui *ui, const struct app_state *st)
{
    const struct layout *L = &ui->L;
    const struct theme *t = &ui->theme;
    struct rect all = {0, 0, L->w, L->h};
    ui->n_targets = 0; /* modal: nothing under the dialog can be touched */
    ui->primary = -1;  /* the keys start on Continue, not on a button of the page */
    ui_target(ui, all, APP_ACT_CONTINUE, 0);
    int w = L->portrait ? L->w - 2 * L->margin : L->w * 3 / 5, pad = layout_mm(L, 10);
    w = w < L->target_min * 8 ? L->w - 2 * L->margin : w;
    const char *title = ui_str(ui, I18N_STILL_THERE);
    char line[160];
    double left_s = app_idle_remaining(st, ui->view->mono);
    i18n_format(line, sizeof line, ui->lang, I18N_RESET_IN, (int)(left_s + 0.999));
    int flags = UI_ALIGN_CENTER | UI_VCENTER | UI_BOLD | UI_TIGHT;
    int th = ui_text_height(ui, title, LAYOUT_FONT_HUGE, w - 2 * pad, L->h / 4, flags, 2);
    int lh = ui_text_height(ui, line, LAYOUT_FONT_LABEL, w - 2 * pad, L->h / 6, 0, 2);
    int bar_h = layout_mm(L, 3), btn_h = L->target_min * 3 / 2;
    int sp = layout_mm(L, 9);
    int h = 2 * pad + th + lh + bar_h + btn_h + 3 * sp;
    struct rect box = layout_center(all, w, h);
    ui_fill_rounded(ui, box, layout_mm(L, 5), t->border);
    ui_fill_rounded(ui, layout_inset(box, 3), layout_mm(L, 5) - 3, t->surface);
    struct rect in = layout_inset(box, pad);
    ui_text(ui, title, LAYOUT_FONT_HUGE, t->text, layout_take_top(&in, th, sp), flags, 2);
    ui_text(ui, line, LAYOUT_FONT_LABEL, t->text, layout_take_top(&in, lh, sp),
            UI_ALIGN_CENTER | UI_VCENTER, 2);
    struct rect bar = layout_take_top(&in, bar_h, sp);
    double frac = left_s / app_idle_warn_s(ui->cfg ? ui->cfg->kiosk.idle_timeout_s : 90);
    frac = frac < 0 ? 0 : frac > 1 ? 1 : frac;
    ui_fill_rounded(ui, bar, bar.h / 2, t->chip);
    ui_fill_rounded(ui, (struct rect){bar.x, bar.y, (int)(bar.w * frac), bar.h}, bar.h / 2,
                    t->busy);
    struct rect btn = layout_take_top(&in, btn_h, 0);
    ui_button(ui, layout_center(btn, in.w * 3 / 4, btn.h), ui_str(ui, I18N_CONTINUE),
              UI_BUTTON_PRIMARY, APP_ACT_CONTINUE, 0);
}

/* One row of chips from ids[from]: how many fit in w, and their width. */
static int chrome_chip_row(struct ui *ui, const int *ids, int n, int from, int w, int px,
                           int pad, int gap, int *row_w)
{
    int k = 0;
    *row_w = 0;
    for (int i = from; i < n; i++) {
        const char *name = ui_lt(ui, &ui->cfg->municipalities[ids[i]].name);
        int cw = text_measure(ui->text, ui->lang, name, strlen(name), px, 1) + 2 * pad;
        int next = *row_w + (k ? gap : 0) + cw;
        if (k > 0 && next > w)
            break;
        *row_w = next;
        k++;
    }
    return k;
}

int chrome_chips_height(struct ui *ui, const int *ids, int n, int w)
{
    const struct layout *L = &ui->L;
    int px = L->font_px[LAYOUT_FONT_BODY];
    int pad = layout_mm(L, 3), gap = layout_mm(L, 2), row_w, rows = 0;
    int ch = text_line_height(ui->text, ui->lang, px, 1) + layout_mm(L, 1);
    for (int i = 0; i < n; rows++)
        i += chrome_chip_row(ui, ids, n, i, w, px, pad, gap, &row_w);
    return rows > 0 ? rows * (ch + gap) - gap : 0;
}

int chrome_chips(struct ui *ui, const int *ids, int n, struct rect r, int centered)
{
    const struct layout *L = &ui->L;
    int px = L->font_px[LAYOUT_FONT_BODY];
    int pad = layout_mm(L, 3), gap = layout_mm(L, 2);
    int ch = text_line_height(ui->text, ui->lang, px, 1) + layout_mm(L, 1);
    int sq = pad;
    int y = r.y;
    for (int i = 0; i < n && y + ch <= r.y + r.h;) {
        int row_w;
        int k = chrome_chip_row(ui, ids, n, i, r.w, px, pad, gap, &row_w);
        int x = centered ? r.x + (r.w - row_w) / 2 : r.x;
        for (int j = 0; j < k; j++, i++) {
            const struct config_municipality *m = &ui->cfg->municipalities[ids[i]];
            const char *name = ui_lt(ui, &m->name);
            int cw = text_measure(ui->text, ui->lang, name, strlen(name), px, 1) + 2 * pad;
            if (cw > r.w)
                cw = r.w;
            /* The square takes the first pad, the name the rest. */
            struct rect mark = {x, y + (ch - sq) / 2, sq, sq};
            ui_fill(ui, mark, ui->high_contrast ? ui->theme.text : m->color);
            ui_text_px(ui, name, px, ui->theme.text,
                       (struct rect){x + sq + pad / 2, y, cw - sq - pad / 2, ch},
                       UI_VCENTER, 1);
            x += cw + gap;
        }
        y += ch + gap;
    }
    return y > r.y ? y - r.y - gap : 0;
}

struct rect chrome_card(struct ui *ui, struct rect r, int pressed, double pad_mm)
{
    const struct layout *L = &ui->L;
    int radius = layout_mm(L, 3), depth = layout_mm(L, 0.8) > 2 ? layout_mm(L, 0.8) : 2;
    struct rect face = {r.x, r.y + (pressed ? depth : 0), r.w, r.h - depth};
    if (pressed) {
        ui_fill_rounded(ui, face, radius, ui->theme.pressed);
        return layout_inset(face, layout_mm(L, pad_mm));
    }
    /* Shadow, edge, surface: each drawn only where the next leaves it
     * visible (the same pixels as three whole shapes, a third of the
     * filling; cards cover most of a page, and 4K pages fill 33 MB a pass).
     * The shadow shows below the face's bottom corners; the edge in the
     * corner rows and as 2 px strips between them. */
    int face_end = face.y + face.h;
    ui_fill_rounded_rows(ui, (struct rect){r.x, r.y + depth, r.w, r.h - depth}, radius,
                         ui->theme.shadow, face_end - radius, r.y + r.h);
    ui_fill_rounded_rows(ui, face, radius, ui->theme.control_edge, face.y, face.y + radius);
    ui_fill_rounded_rows(ui, face, radius, ui->theme.control_edge, face_end - radius, face_end);
    if (face.h > 2 * radius) {
        struct rect mid = {face.x, face.y + radius, face.w, face.h - 2 * radius};
        ui_fill(ui, layout_take_left(&mid, 2, 0), ui->theme.control_edge);
        ui_fill(ui, layout_take_right(&mid, 2, 0), ui->theme.control_edge);
    }
    ui_fill_rounded(ui, layout_inset(face, 2), radius - 2, ui->theme.surface);
    return layout_inset(face, layout_mm(L, pad_mm));
}
