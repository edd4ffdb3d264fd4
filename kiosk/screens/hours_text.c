#include "hours_text.h"

#include <stdio.h>
#include <string.h>

static int hours_same(const struct config_hours *h, int a, int b)
{
    if (h->n[a] != h->n[b])
        return 0;
    for (int i = 0; i < h->n[a]; i++)
        if (h->iv[a][i].open_min != h->iv[b][i].open_min ||
            h->iv[a][i].close_min != h->iv[b][i].close_min)
            return 0;
    return 1;
}

static void hours_intervals(const struct config_hours *h, int day, const char *lang,
                            char *out, size_t outsz)
{
    size_t used = 0;
    out[0] = '\0';
    if (h->n[day] == 0) {
        snprintf(out, outsz, "%s", i18n_ui(I18N_CLOSED, lang));
        return;
    }
    for (int i = 0; i < h->n[day]; i++) {
        const struct config_interval *iv = &h->iv[day][i];
        int n = snprintf(out + used, outsz - used, "%s%d:%02d–%d:%02d", i ? ", " : "",
                         iv->open_min / 60, iv->open_min % 60, iv->close_min / 60,
                         iv->close_min % 60);
        if (n < 0 || (size_t)n >= outsz - used)
            return;
        used += (size_t)n;
    }
}

int hours_text(const struct config_hours *h, const char *lang, char lines[][96], int max_lines)
{
    int n = 0;
    for (int k = 0; k < 7 && n < max_lines;) {
        int first = (k + 1) % 7; /* Monday first */
        int last_k = k;
        while (last_k + 1 < 7 && hours_same(h, first, (last_k + 2) % 7))
            last_k++;
        int last = (last_k + 1) % 7;
        char iv[64];
        hours_intervals(h, first, lang, iv, sizeof iv);
        const char *d1 = i18n_ui((enum i18n_key)(I18N_WEEKDAY_SUN + first), lang);
        const char *d2 = i18n_ui((enum i18n_key)(I18N_WEEKDAY_SUN + last), lang);
        if (first == last)
            snprintf(lines[n], 96, "%s  %s", d1, iv);
        else
            snprintf(lines[n], 96, "%s–%s  %s", d1, d2, iv);
        n++;
        k = last_k + 1;
    }
    const enum i18n_key always[2] = {I18N_HOLIDAYS, I18N_YEAR_END_DAYS};
    for (int i = 0; i < 2 && n < max_lines; i++, n++)
        snprintf(lines[n], 96, "%s  %s", i18n_ui(always[i], lang), i18n_ui(I18N_CLOSED, lang));
    return n;
}
