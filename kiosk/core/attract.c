#include "attract.h"

#include <math.h>
#include <stdio.h>

#include "textwrap.h"
#include "utf8.h"

double attract_dwell_s(const char *text)
{
    double wide = 0, narrow = 0;
    for (size_t i = 0; text && text[i];) {
        size_t adv = 1;
        unsigned c = utf8_decode(text + i, &adv);
        i += adv ? adv : 1;
        if (c == ' ' || c == '\n')
            continue;
        if (textwrap_is_wide(c))
            wide += 1;
        else
            narrow += 1;
    }
    double s = ATTRACT_FIND_S + wide / ATTRACT_WIDE_PER_S + narrow / ATTRACT_NARROW_PER_S;
    return s < ATTRACT_MIN_S ? ATTRACT_MIN_S : s > ATTRACT_MAX_S ? ATTRACT_MAX_S : s;
}

int attract_dwells(const struct config *cfg, const char *lang, double *out, int max)
{
    int n = 0;
    if (max <= 0)
        return 0;
    out[n++] = ATTRACT_MIN_S;
    const char *def = cfg ? cfg->kiosk.default_language : "ja";
    for (int i = 0; cfg && i < cfg->n_services && n < max; i++) {
        const struct config_service *s = &cfg->services[i];
        char text[4096];
        snprintf(text, sizeof text, "%s\n%s", ltext_get(&s->title, lang, def),
                 ltext_get(&s->body, lang, def));
        out[n++] = attract_dwell_s(text);
    }
    return n;
}

int attract_page_at(const double *dwell, int n, double since, double *next)
{
    double cycle = 0;
    for (int i = 0; i < n; i++)
        cycle += dwell[i] > 0 ? dwell[i] : ATTRACT_MIN_S;
    if (n <= 0 || cycle <= 0) {
        *next = HUGE_VAL;
        return 0;
    }
    if (since < 0)
        since = 0;
    double base = floor(since / cycle) * cycle, t = base;
    for (int i = 0; i < n; i++) {
        t += dwell[i] > 0 ? dwell[i] : ATTRACT_MIN_S;
        if (since < t) {
            *next = t;
            return i;
        }
    }
    *next = base + cycle + (dwell[0] > 0 ? dwell[0] : ATTRACT_MIN_S); /* rounding at the end */
    return 0;
}

int attract_round_at(const double *dwell, int n, double since)
{
    double total = 0;
    for (int i = 0; i < n; i++)
        total += dwell[i];
    if (n <= 0 || total <= 0 || since < 0)
        return -1;
    return (int)(since / total);
}
