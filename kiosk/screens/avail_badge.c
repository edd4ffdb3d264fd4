/* The availability of a municipality as the screens show it. */
#include "avail_badge.h"

#include <stdio.h>

void avail_badge_get(const struct ui *ui, int muni, struct avail *a, char *line, size_t linesz)
{
    const struct config_municipality *m = &ui->cfg->municipalities[muni];
    const struct status_info *s = ui->view && ui->view->status ? &ui->view->status[muni] : NULL;
    avail_compute(m, s, ui->view ? ui->view->wall : 0, a);
    avail_describe(a, s, ui->lang, line, linesz);
    /* A call that the kiosk's own camera or microphone would stop: say so
     * on the tile and the pill, before the visitor taps. */
    if (avail_badge_no_device(ui, a))
        snprintf(line, linesz, "%s", ui_str(ui, I18N_NO_DEVICE));
}

int avail_badge_no_device(const struct ui *ui, const struct avail *a)
{
    return a->state == AVAIL_OPEN && ui->view && ui->view->devices_block_call;
}

uint32_t avail_badge_color(const struct ui *ui, const struct avail *a)
{
    /* Green only for a call that can start: status unknown and a missing
     * camera get the neutral colour. */
    if (a->state == AVAIL_OPEN && (!a->status_known || avail_badge_no_device(ui, a)))
        return ui->theme.closed;
    switch (a->state) {
    case AVAIL_OPEN: return ui->theme.ok;
    case AVAIL_BUSY: return ui->theme.busy;
    default: return ui->theme.closed;
    }
}

const char *avail_badge_message(const struct ui *ui, int muni)
{
    if (!ui->view || !ui->view->status || muni < 0 || muni >= ui->cfg->n_municipalities)
        return NULL;
    const struct status_info *s = &ui->view->status[muni];
    if (s->state == STATUS_UNKNOWN || s->message.n == 0)
        return NULL;
    const char *text = ui_lt(ui, &s->message);
    return text[0] ? text : NULL;
}
