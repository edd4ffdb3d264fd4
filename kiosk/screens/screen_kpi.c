/* The area vision's KPIs, readable at a glance: one card per KPI with its
 * title and unit, the first vision's baseline, actual and target and the
 * second vision's baseline and target as bars on one scale, each with its
 * number and year; a target given only as words ("increase from the
 * current level") is shown as those words, without a bar. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screen.h"

#define KPI_BARS 5
#define KPI_MAX 8

enum kpi_kind { KPI_BASE, KPI_ACTUAL, KPI_TARGET };

struct kpi_bar {
    const struct config_kpi_value *v;
    enum kpi_kind kind;
};

/* A point given only as a note (e.g. 現状値からの増加), drawn as text. */
static int kpi_is_note(const struct config_kpi_value *v)
{
    return v->present && !v->has_value && v->note.n > 0;
}

static int kpi_has_number(const struct config_kpi_value *v) { return v->has_value; }

/* 1234567.8 -> "1,234,567.8" (one decimal only when needed). */
static void kpi_number(double v, char *out, size_t outsz)
{
    char digits[48];
    int neg = v < 0;
    double a = fabs(v);
    long long whole = (long long)a;
    int tenth = (int)lround((a - (double)whole) * 10);
    if (tenth == 10) {
        whole++;
        tenth = 0;
    }
    snprintf(digits, sizeof digits, "%lld", whole);
    char grouped[48];
    size_t len = 0, nd = strlen(digits);
    for (size_t i = 0; i < nd && len + 2 < sizeof grouped; i++) {
        if (i > 0 && (nd - i) % 3 == 0)
            grouped[len++] = ',';
        grouped[len++] = digits[i];
    }
    grouped[len] = '\0';
    if (tenth)
        snprintf(out, outsz, "%s%s.%d", neg ? "-" : "", grouped, tenth);
    else
        snprintf(out, outsz, "%s%s", neg ? "-" : "", grouped);
}

static void kpi_range(const struct kpi_bar *bars, double *lo, double *hi)
{
    *lo = 0;
    *hi = 0;
    for (int i = 0; i < KPI_BARS; i++) {
        if (!kpi_has_number(bars[i].v))
            continue;
        if (bars[i].v->value < *lo)
            *lo = bars[i].v->value;
        if (bars[i].v->value > *hi)
            *hi = bars[i].v->value;
    }
    if (*hi - *lo <= 0)
        *hi = *lo + 1;
}

static uint32_t kpi_color(const struct ui *ui, enum kpi_kind k)
{
    return k == KPI_BASE ? ui->theme.chart_base
           : k == KPI_ACTUAL ? ui->theme.chart_actual : ui->theme.chart_target;
}

static enum i18n_key kpi_label(enum kpi_kind k)
{
    return k == KPI_BASE ? I18N_KPI_BASELINE : k == KPI_ACTUAL ? I18N_KPI_ACTUAL : I18N_KPI_TARGET;
}

/* The words under a bar: its kind and year ("Target 2023"), one line
 * where the column is wide enough, else two. */
static void kpi_caption(struct ui *ui, const struct kpi_bar *b, char *out, size_t outsz)
{
    const char *kind = i18n_ui(kpi_label(b->kind), ui->lang);
    if (b->v->year)
        snprintf(out, outsz, "%s %d", kind, b->v->year);
    else
        snprintf(out, outsz, "%s", kind);
}

/* One column: number on top, bar (or note) in the middle, kind and year
 * below. plot is the chart's common vertical extent. */
static void kpi_column(struct ui *ui, const struct kpi_bar *b, struct rect col, struct rect plot,
                       double lo, double hi)
{
    const struct layout *L = &ui->L;
    const struct theme *t = &ui->theme;
    int small = ui_lines_height(ui, LAYOUT_FONT_SMALL, 1);
    char lab[96];
    kpi_caption(ui, b, lab, sizeof lab);
    int lab_h = ui_text_height(ui, lab, LAYOUT_FONT_SMALL, col.w,
                               ui_lines_height(ui, LAYOUT_FONT_SMALL, 2), UI_TIGHT, 2);
    struct rect below = {col.x, plot.y + plot.h + L->gap / 2, col.w, lab_h};
    ui_text(ui, lab, LAYOUT_FONT_SMALL, t->text, below, UI_ALIGN_CENTER | UI_TIGHT, 2);
    struct rect num = {col.x, col.y, col.w, small};
    if (kpi_is_note(b->v)) {
        /* The words take the number's row and the bar's room. */
        struct rect note = {col.x + col.w / 16, col.y, col.w - col.w / 8, plot.y + plot.h - col.y};
        ui_frame(ui, note, 2, kpi_color(ui, b->kind));
        ui_text(ui, ui_lt(ui, &b->v->note), LAYOUT_FONT_SMALL, t->text, layout_inset(note, 3),
                UI_ALIGN_CENTER | UI_VCENTER | UI_BOLD | UI_TIGHT, 5);
        return;
    }
    if (!b->v->present)
        return;
    char text[96];
    kpi_number(b->v->value, text, sizeof text);
    ui_text(ui, text, LAYOUT_FONT_SMALL, t->text, num, UI_ALIGN_CENTER | UI_VCENTER | UI_BOLD, 1);
    int zero_y = plot.y + (int)(plot.h * hi / (hi - lo));
    int y_v = plot.y + (int)(plot.h * (hi - b->v->value) / (hi - lo));
    int bw = col.w * 3 / 5;
    struct rect bar = {col.x + (col.w - bw) / 2, y_v < zero_y ? y_v : zero_y, bw,
                       abs(zero_y - y_v) > 2 ? abs(zero_y - y_v) : 2};
    ui_fill(ui, bar, kpi_color(ui, b->kind));
}

/* Height of the captions under the bars (one or two lines). */
static int kpi_below_h(struct ui *ui, const struct kpi_bar *bars, int n, int col_w)
{
    int most = ui_lines_height(ui, LAYOUT_FONT_SMALL, 1);
    for (int i = 0; i < n; i++) {
        char lab[96];
        kpi_caption(ui, &bars[i], lab, sizeof lab);
        int h = ui_text_height(ui, lab, LAYOUT_FONT_SMALL, col_w,
                               ui_lines_height(ui, LAYOUT_FONT_SMALL, 2), UI_TIGHT, 2);
        most = h > most ? h : most;
    }
    return most;
}

/* One vision's group: caption, its columns, a base line at zero. */
static void kpi_group(struct ui *ui, const struct kpi_bar *bars, int n, enum i18n_key caption,
                      struct rect r, double lo, double hi)
{
    const struct layout *L = &ui->L;
    int small = ui_lines_height(ui, LAYOUT_FONT_SMALL, 1);
    struct rect cap = layout_take_top(&r, small, L->gap / 3);
    ui_fill(ui, (struct rect){cap.x, cap.y + cap.h - 2, cap.w, 2}, ui->theme.border);
    ui_text(ui, ui_str(ui, caption), LAYOUT_FONT_SMALL, ui->theme.text, cap,
            UI_ALIGN_CENTER | UI_VCENTER | UI_BOLD, 1);
    layout_take_top(&r, L->gap / 2, 0);
    struct rect plot = r;
    plot.y += small + L->gap / 3;                          /* numbers above */
    plot.h -= small + L->gap / 3 + kpi_below_h(ui, bars, n, r.w / n) + L->gap / 2;
    if (plot.h < 4)
        plot.h = 4;
    struct rect cols[KPI_BARS];
    layout_row(r, n, L->gap / 3, cols);
    for (int i = 0; i < n; i++)
        kpi_column(ui, &bars[i], cols[i], plot, lo, hi);
    int zero_y = plot.y + (int)(plot.h * hi / (hi - lo));
    ui_fill(ui, (struct rect){r.x, zero_y, r.w, 2}, ui->theme.text_muted);
}

static void kpi_card(struct ui *ui, const struct config_kpi *k, struct rect r)
{
    const struct layout *L = &ui->L;
    struct rect in = chrome_card(ui, r, 0, 3);
    char unit[160];
    snprintf(unit, sizeof unit, "%s%s", ui_str(ui, I18N_KPI_UNIT), ui_lt(ui, &k->unit));
    const char *title = ui_lt(ui, &k->title);
    int title_h = ui_text_height(ui, title, LAYOUT_FONT_BODY, in.w,
                                 ui_lines_height(ui, LAYOUT_FONT_BODY, 2), UI_BOLD | UI_TIGHT, 2);
    /* The unit beside a one-line title when both fit, else on a line of
     * its own: the bars keep the room. */
    int tw = text_measure(ui->text, ui->lang, title, strlen(title), L->font_px[LAYOUT_FONT_BODY], 1);
    int uw = text_measure(ui->text, ui->lang, unit, strlen(unit), L->font_px[LAYOUT_FONT_SMALL], 0);
    int beside = tw + L->gap + uw <= in.w;
    int unit_h = ui_lines_height(ui, LAYOUT_FONT_SMALL, 1);
    struct rect head = layout_take_top(&in, beside ? (title_h > unit_h ? title_h : unit_h)
                                                   : title_h + unit_h, L->gap);
    struct rect unit_r = beside ? layout_take_right(&head, uw, L->gap)
                                : layout_take_bottom(&head, unit_h, 0);
    ui_text(ui, title, LAYOUT_FONT_BODY, ui->theme.text, head, UI_BOLD | UI_VCENTER | UI_TIGHT, 2);
    ui_text(ui, unit, LAYOUT_FONT_SMALL, ui->theme.text_muted, unit_r,
            UI_VCENTER | (beside ? UI_ALIGN_RIGHT : 0), 1);
    struct kpi_bar bars[KPI_BARS] = {{&k->v1_baseline, KPI_BASE}, {&k->v1_actual, KPI_ACTUAL},
                                     {&k->v1_target, KPI_TARGET}, {&k->v2_baseline, KPI_BASE},
                                     {&k->v2_target, KPI_TARGET}};
    double lo, hi;
    kpi_range(bars, &lo, &hi);
    int g1 = (in.w - L->gap) * 3 / 5;
    struct rect v1 = layout_take_left(&in, g1, L->gap);
    kpi_group(ui, bars, 3, I18N_KPI_VISION1, v1, lo, hi);
    kpi_group(ui, bars + 3, 2, I18N_KPI_VISION2, in, lo, hi);
}

static void kpi_draw(struct ui *ui, const struct app_state *st)
{
    struct layout *L = &ui->L;
    struct rect c = chrome_draw(ui, st, ui_str(ui, I18N_AREA_VISION),
                                CHROME_HOME | CHROME_LANGS | CHROME_A11Y);
    /* Large text grows the chart's small labels less: the bars need room
     * (never below the visitor's minimum). */
    int small_px = L->font_px[LAYOUT_FONT_SMALL];
    if (ui->large_text)
        ui->L.font_px[LAYOUT_FONT_SMALL] =
            small_px * 4 / 5 > ui->text_min_px ? small_px * 4 / 5 : ui->text_min_px;
    /* No colour legend: every bar is named under it in words. */
    int n = ui->cfg ? ui->cfg->n_kpis : 0;
    if (n > KPI_MAX)
        n = KPI_MAX;
    struct rect cells[KPI_MAX], rows[KPI_MAX];
    int cols = L->portrait || n < 2 ? 1 : 2, nrows = (n + cols - 1) / cols;
    layout_column(c, nrows, L->gap, rows);
    for (int i = 0; i < nrows; i++)
        layout_row(rows[i], cols, L->gap, cells + i * cols);
    for (int i = 0; i < n; i++)
        kpi_card(ui, &ui->cfg->kpis[i], cells[i]);
    ui->L.font_px[LAYOUT_FONT_SMALL] = small_px;
}

const struct screen screen_kpi = {"kpi", kpi_draw};
