/* The area's joint services: a list, and one service with its QR code. */
#include <stdio.h>

#include "screen.h"

#define SERVICES_MAX 32

static void services_draw(struct ui *ui, const struct app_state *st)
{
    const struct layout *L = &ui->L;
    struct rect c = chrome_draw(ui, st, ui_str(ui, I18N_REGIONAL_SERVICES),
                                CHROME_HOME | CHROME_LANGS | CHROME_A11Y);
    int n = ui->cfg ? ui->cfg->n_services : 0;
    if (n > SERVICES_MAX)
        n = SERVICES_MAX;
    struct rect cells[SERVICES_MAX];
    layout_grid(c, n, L->gap, 3.0, 3 * L->target_min, L->target_min, cells);
    for (int i = 0; i < n; i++) {
        const struct config_service *s = &ui->cfg->services[i];
        int pressed = ui_is_pressed(ui, cells[i], APP_ACT_SERVICE, i);
        ui_fill_rounded(ui, cells[i], layout_mm(L, 3),
                        pressed ? ui->theme.pressed : ui->theme.border);
        if (!pressed)
            ui_fill_rounded(ui, layout_inset(cells[i], 2), layout_mm(L, 3) - 2, ui->theme.surface);
        ui_text(ui, ui_lt(ui, &s->title), LAYOUT_FONT_LABEL,
                pressed ? ui->theme.pressed_text : ui->theme.text,
                layout_inset(cells[i], layout_mm(L, 2.5)), UI_VCENTER | UI_BOLD, 3);
        ui_target(ui, cells[i], APP_ACT_SERVICE, i);
    }
}

/* Names of the municipalities taking part, joined in the current language. */
static void service_members(const struct ui *ui, const struct config_service *s, char *out,
                            size_t outsz)
{
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < s->n_municipalities; i++) {
        int m = config_find_municipality(ui->cfg, s->municipalities[i]);
        if (m < 0)
            continue;
        int n = snprintf(out + used, outsz - used, "%s%s", used ? ", " : "",
                         ui_lt(ui, &ui->cfg->municipalities[m].name));
        if (n < 0 || (size_t)n >= outsz - used)
            return;
        used += (size_t)n;
    }
}

static void service_draw(struct ui *ui, const struct app_state *st)
{
    const struct layout *L = &ui->L;
    const struct config_service *s = &ui->cfg->services[st->service < 0 ? 0 : st->service];
    struct rect c = chrome_draw(ui, st, ui_lt(ui, &s->title),
                                CHROME_BACK | CHROME_HOME | CHROME_LANGS | CHROME_A11Y);
    if (s->url) {
        int qr = L->portrait ? c.w / 2 : c.h * 3 / 4;
        if (qr > c.h - L->font_px[LAYOUT_FONT_SMALL] * 3)
            qr = c.h - L->font_px[LAYOUT_FONT_SMALL] * 3;
        struct rect side = L->portrait ? layout_take_bottom(&c, qr + L->font_px[LAYOUT_FONT_SMALL] * 3, L->gap)
                                       : layout_take_right(&c, qr, L->gap);
        struct rect code = layout_take_top(&side, qr, L->gap / 2);
        chrome_qr(ui, s->url, layout_center(code, qr, qr));
        ui_text(ui, ui_str(ui, I18N_SCAN_TO_OPEN), LAYOUT_FONT_SMALL, ui->theme.text_muted, side,
                UI_ALIGN_CENTER, 2);
    }
    char members[1024];
    service_members(ui, s, members, sizeof members);
    if (members[0]) {
        struct rect mr = layout_take_bottom(&c, L->font_px[LAYOUT_FONT_BODY] * 5, L->gap);
        struct rect head = layout_take_top(&mr, L->font_px[LAYOUT_FONT_BODY] * 3 / 2, 0);
        ui_text(ui, ui_str(ui, I18N_MUNICIPALITIES_USING), LAYOUT_FONT_BODY, ui->theme.text,
                head, UI_BOLD, 1);
        ui_text(ui, members, LAYOUT_FONT_BODY, ui->theme.text, mr, 0, 3);
    }
    ui_text(ui, ui_lt(ui, &s->body), LAYOUT_FONT_LABEL, ui->theme.text, c, 0, 12);
}

const struct screen screen_services = {"services", services_draw};
const struct screen screen_service = {"service", service_draw};
