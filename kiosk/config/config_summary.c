/* One line for `kiosk --check-config` when the file is good. */
#include <stdio.h>
#include <string.h>

#include "config.h"

static void config_summary_add(char *out, size_t outsz, size_t *k, const char *sep,
                               const char *s)
{
    if (*k >= outsz)
        return;
    int n = snprintf(out + *k, outsz - *k, "%s%s", sep, s);
    if (n > 0)
        *k += (size_t)n;
}

void config_summary(const struct config *cfg, char *out, size_t outsz)
{
    if (!out || outsz == 0)
        return;
    int nm = cfg->n_municipalities, ns = cfg->n_services, nk = cfg->n_kpis;
    int n = snprintf(out, outsz, "OK: %d municipalit%s (%d with video calls), %d service%s, "
                                 "%d KPI%s, languages ",
                     nm, nm == 1 ? "y" : "ies", config_count_callable(cfg), ns,
                     ns == 1 ? "" : "s", nk, nk == 1 ? "" : "s");
    size_t k = n > 0 ? (size_t)n : 0;
    for (int i = 0; i < cfg->kiosk.n_languages; i++)
        config_summary_add(out, outsz, &k, i ? ", " : "", cfg->kiosk.languages[i]);
    /* Not a problem (the package installs the config so, and a kiosk may do
     * without), but the staff must know where the admin screen went. */
    if (!cfg->kiosk.admin_pin_sha256)
        config_summary_add(out, outsz, &k, "; ",
                           "no admin PIN, so the admin screen stays closed: set one with "
                           "`kiosk --hash-pin`");
}
