/* The area vision's KPIs as bar charts: vision 1 baseline, actual and
 * target, vision 2 baseline and target, each with its year. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screen.h"

#define KPI_BARS 5

struct kpi_bar {
    const struct config_kpi_value *v;
    enum i18n_key label;
    int vision2;
};

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
    char grouped[64];
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
        if (!bars[i].v->present)
            continue;
        if (bars[i].v->value < *lo)
            *lo = bars[i].v->value;
        if (bars[i].v->value > *hi)
            *hi = bars[i].v->value;
    }
    if (*hi - *lo <= 0)
        *hi = *lo + 1;
}

static void kpi_bar_draw(struct ui *ui, const struct kpi_bar *b, struct rect col, double lo,
                         double hi, const char *unit)
{
    const struct layout *L = &ui->L;
    const struct theme *t = &ui->theme;
    int small = L->font_px[LAYOUT_FONT_SMALL] * 6 / 5;
    struct rect label = layout_take_bottom(&col, small * 2, 2);
    char year[16] = "";
    if (b->v->year)
        snprintf(year, sizeof year, "%d", b->v->year);
    char lab[96];
    snprintf(lab, sizeof lab, "%s\n%s", i18n_ui(b->label, ui->lang), year);
    ui_text_px(ui, lab, L->font_px[LAYOUT_FONT_SMALL], t->text, label, UI_ALIGN_CENTER, 2);
    struct rect value = layout_take_top(&col, small * 2, 2);
    char num[64] = "", text[160];
    if (b->v->present)
        kpi_number(b->v->value, num, sizeof num);
    else
        snprintf(num, sizeof num, "%s", ui_lt(ui, &b->v->note));
    snprintf(text, sizeof text, "%s%s", num, b->v->present ? unit : "");
    ui_text_px(ui, text, L->font_px[LAYOUT_FONT_SMALL], t->text, value,
               UI_ALIGN_CENTER | UI_VCENTER | UI_BOLD, 2);
    if (!b->v->present)
        return;
    int zero_y = col.y + (int)(col.h * hi / (hi - lo));
    int y_v = col.y + (int)(col.h * (hi - b->v->value) / (hi - lo));
    struct rect bar = {col.x + col.w / 6, y_v < zero_y ? y_v : zero_y, col.w * 2 / 3,
                       abs(zero_y - y_v) > 2 ? abs(zero_y - y_v) : 2};
    uint32_t c = b->vision2 ? t->text_muted : (b->label == I18N_KPI_ACTUAL ? t->ok : t->primary);
    ui_fill(ui, bar, c);
}

static void kpi_chart(struct ui *ui, const struct config_kpi *k, struct rect r)
{
    const struct layout *L = &ui->L;
    ui_fill_rounded(ui, r, layout_mm(L, 3), ui->theme.surface);
    struct rect in = layout_inset(r, layout_mm(L, 3));
    ui_text(ui, ui_lt(ui, &k->title), LAYOUT_FONT_BODY, ui->theme.text,
            layout_take_top(&in, L->font_px[LAYOUT_FONT_BODY] * 5 / 2, L->gap / 2), UI_BOLD, 2);
    struct kpi_bar bars[KPI_BARS] = {{&k->v1_baseline, I18N_KPI_BASELINE, 0},
                                     {&k->v1_actual, I18N_KPI_ACTUAL, 0},
                                     {&k->v1_target, I18N_KPI_TARGET, 0},
                                     {&k->v2_baseline, I18N_KPI_BASELINE, 1},
                                     {&k->v2_target, I18N_KPI_TARGET, 1}};
    struct rect legend = layout_take_top(&in, L->font_px[LAYOUT_FONT_SMALL] * 3 / 2, 0);
    struct rect halves[2];
    layout_row(legend, 2, L->gap, halves);
    halves[0].w = halves[0].w * 3 / 2; /* vision 1 has three bars of five */
    halves[1].x = halves[0].x + halves[0].w + L->gap;
    halves[1].w = in.w - halves[0].w - L->gap;
    ui_text(ui, ui_str(ui, I18N_KPI_VISION1), LAYOUT_FONT_SMALL, ui->theme.text, halves[0],
            UI_ALIGN_CENTER | UI_BOLD, 1);
    ui_text(ui, ui_str(ui, I18N_KPI_VISION2), LAYOUT_FONT_SMALL, ui->theme.text_muted, halves[1],
            UI_ALIGN_CENTER | UI_BOLD, 1);
    double lo, hi;
    kpi_range(bars, &lo, &hi);
    struct rect cols[KPI_BARS];
    layout_row(in, KPI_BARS, L->gap / 2, cols);
    const char *unit = ui_lt(ui, &k->unit);
    for (int i = 0; i < KPI_BARS; i++)
        kpi_bar_draw(ui, &bars[i], cols[i], lo, hi, unit);
}

static void kpi_draw(struct ui *ui, const struct app_state *st)
{
    const struct layout *L = &ui->L;
    struct rect c = chrome_draw(ui, st, ui_str(ui, I18N_AREA_VISION),
                                CHROME_HOME | CHROME_LANGS | CHROME_A11Y);
    int n = ui->cfg ? ui->cfg->n_kpis : 0;
    if (n > 8)
        n = 8;
    struct rect cells[8];
    layout_grid(c, n, L->gap, L->portrait ? 1.4 : 1.8, 0, 0, cells);
    for (int i = 0; i < n; i++)
        kpi_chart(ui, &ui->cfg->kpis[i], cells[i]);
}

const struct screen screen_kpi = {"kpi", kpi_draw};
