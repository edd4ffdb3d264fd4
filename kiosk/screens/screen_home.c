/* Home: the area's identity, and three large ways in, low on the screen. */
#include "screen.h"

/* The 12 municipality names as a calm ribbon in the current language. */
static void home_names(struct ui *ui, struct rect r)
{
    char line[1024];
    size_t used = 0;
    line[0] = '\0';
    for (int i = 0; ui->cfg && i < ui->cfg->n_municipalities; i++) {
        const char *name = ui_lt(ui, &ui->cfg->municipalities[i].name);
        int n = snprintf(line + used, sizeof line - used, "%s%s", i ? "  ·  " : "", name);
        if (n < 0 || (size_t)n >= sizeof line - used)
            break;
        used += (size_t)n;
    }
    ui_text(ui, line, LAYOUT_FONT_BODY, ui->theme.text_muted, r,
            UI_ALIGN_CENTER | UI_VCENTER, 3);
}

static void home_draw(struct ui *ui, const struct app_state *st)
{
    const struct layout *L = &ui->L;
    const struct theme *t = &ui->theme;
    struct rect c = chrome_draw(ui, st, NULL, CHROME_LANGS | CHROME_A11Y);
    /* Primary actions in the lower part: reachable from a wheelchair. */
    int bh = L->target_min * 2;
    struct rect actions = layout_take_bottom(&c, L->portrait ? 3 * bh + 2 * L->gap : bh, L->gap);
    struct rect cells[3];
    if (L->portrait)
        layout_column(actions, 3, L->gap, cells);
    else
        layout_row(actions, 3, L->gap, cells);
    ui_button(ui, cells[0], ui_str(ui, I18N_MUNICIPALITIES), UI_BUTTON_PRIMARY,
              APP_ACT_MUNICIPALITIES, 0);
    ui_button(ui, cells[1], ui_str(ui, I18N_REGIONAL_SERVICES), UI_BUTTON_SECONDARY,
              APP_ACT_SERVICES, 0);
    ui_button(ui, cells[2], ui_str(ui, I18N_AREA_VISION), UI_BUTTON_SECONDARY, APP_ACT_KPI, 0);

    struct rect hint = layout_take_bottom(&c, L->font_px[LAYOUT_FONT_LABEL] * 2, L->gap);
    ui_text(ui, ui_str(ui, I18N_TOUCH_TO_START), LAYOUT_FONT_LABEL, t->text, hint,
            UI_ALIGN_CENTER | UI_VCENTER | UI_BOLD, 1);
    struct rect names = layout_take_bottom(&c, L->font_px[LAYOUT_FONT_BODY] * 4, L->gap);
    home_names(ui, names);
    const char *tagline = ui->cfg ? ui_lt(ui, &ui->cfg->kiosk.tagline) : "";
    const char *title = ui->cfg ? ui_lt(ui, &ui->cfg->kiosk.title) : "";
    struct rect title_r = layout_take_top(&c, c.h * 3 / 5, 0);
    ui_text(ui, title, LAYOUT_FONT_HUGE, t->text, title_r,
            UI_ALIGN_CENTER | UI_VCENTER | UI_BOLD, 3);
    ui_text(ui, tagline, LAYOUT_FONT_TITLE, t->accent_text, c,
            UI_ALIGN_CENTER | UI_VCENTER, 2);
}

const struct screen screen_home = {"home", home_draw};
