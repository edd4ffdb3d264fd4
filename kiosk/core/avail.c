#include "avail.h"

#include <stdio.h>
#include <string.h>

void avail_compute(const struct config_municipality *m, const struct status_info *status,
                   time_t now, struct avail *out)
{
    memset(out, 0, sizeof *out);
    if (!m->has_call) {
        out->state = AVAIL_INFO_ONLY;
        return;
    }
    out->has_sched = m->has_hours && schedule_status(m, now, &out->sched) == 0;
    /* Without a status_url there is nothing to poll: opening hours decide. */
    out->status_known = !m->call.status_url || (status && status->state != STATUS_UNKNOWN);
    if (out->has_sched && !out->sched.open)
        out->state = AVAIL_CLOSED;
    else if (status && status->state == STATUS_BUSY)
        out->state = AVAIL_BUSY;
    else
        out->state = AVAIL_OPEN;
}

int avail_callable(const struct avail *a) { return a->state == AVAIL_OPEN; }

void avail_describe(const struct avail *a, const struct status_info *status, const char *lang,
                    char *out, size_t outsz)
{
    char sched[160] = "";
    if (a->has_sched)
        schedule_describe(&a->sched, lang, sched, sizeof sched);
    switch (a->state) {
    case AVAIL_INFO_ONLY: snprintf(out, outsz, "%s", i18n_ui(I18N_INFO_ONLY, lang)); break;
    case AVAIL_CLOSED: snprintf(out, outsz, "%s", sched); break;
    case AVAIL_BUSY:
        if (status && status->wait_minutes > 0) {
            char wait[96];
            i18n_format(wait, sizeof wait, lang, I18N_WAIT_MINUTES, status->wait_minutes);
            snprintf(out, outsz, "%s · %s", i18n_ui(I18N_BUSY, lang), wait);
        } else {
            snprintf(out, outsz, "%s", i18n_ui(I18N_BUSY, lang));
        }
        break;
    case AVAIL_OPEN:
        snprintf(out, outsz, "%s%s%s",
                 i18n_ui(a->status_known ? I18N_AVAILABLE : I18N_STATUS_UNKNOWN, lang),
                 sched[0] ? " · " : "", sched);
        break;
    }
}
