/* The data model of config.h: freeing, lookups and paths. It knows
 * nothing of JSON or of the loader. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void config_strv_free(char **v, int n)
{
    for (int i = 0; v && i < n; i++)
        free(v[i]);
    free(v);
}

static void config_free_kiosk(struct config_kiosk *k)
{
    free(k->id);
    ltext_free(&k->title);
    ltext_free(&k->tagline);
    free(k->admin_pin_sha256);
    for (int i = 0; i < k->n_fonts; i++)
        config_strv_free(k->fonts[i].files, k->fonts[i].n);
    free(k->fonts);
    free(k->stats_path);
    free(k->metrics_path);
}

static void config_free_municipality(struct config_municipality *m)
{
    free(m->id);
    ltext_free(&m->name);
    ltext_free(&m->reading);
    free(m->emblem);
    free(m->website);
    free(m->contact.phone);
    free(m->contact.url);
    for (int i = 0; i < m->n_services; i++)
        ltext_free(&m->services[i]);
    free(m->services);
    free(m->closed_dates);
    free(m->call.url);
    free(m->call.status_url);
    free(m->call.notify_url);
}

static void config_free_kpi(struct config_kpi *k)
{
    free(k->id);
    ltext_free(&k->title);
    ltext_free(&k->unit);
    struct config_kpi_value *v[] = {&k->v1_baseline, &k->v1_actual, &k->v1_target,
                                    &k->v2_baseline, &k->v2_target};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        ltext_free(&v[i]->note);
}

void config_free(struct config *cfg)
{
    if (!cfg)
        return;
    free(cfg->path);
    free(cfg->dir);
    config_free_kiosk(&cfg->kiosk);
    config_strv_free(cfg->call.launcher, cfg->call.n_launcher);
    config_strv_free(cfg->call.allowed_hosts, cfg->call.n_allowed_hosts);
    free(cfg->fleet.config_url);
    free(cfg->fleet.ca_file);
    free(cfg->fleet.client_cert);
    free(cfg->fleet.client_key);
    free(cfg->fleet.state_dir);
    for (int i = 0; cfg->municipalities && i < cfg->n_municipalities; i++)
        config_free_municipality(&cfg->municipalities[i]);
    free(cfg->municipalities);
    for (int i = 0; cfg->services && i < cfg->n_services; i++) {
        struct config_service *s = &cfg->services[i];
        free(s->id);
        ltext_free(&s->title);
        ltext_free(&s->reading);
        ltext_free(&s->body);
        ltext_free(&s->summary);
        free(s->url);
        config_strv_free(s->municipalities, s->n_municipalities);
    }
    free(cfg->services);
    for (int i = 0; cfg->kpis && i < cfg->n_kpis; i++)
        config_free_kpi(&cfg->kpis[i]);
    free(cfg->kpis);
    memset(cfg, 0, sizeof *cfg);
}

int config_find_municipality(const struct config *cfg, const char *id)
{
    for (int i = 0; cfg && id && i < cfg->n_municipalities; i++)
        if (cfg->municipalities[i].id && strcmp(cfg->municipalities[i].id, id) == 0)
            return i;
    return -1;
}

int config_find_service(const struct config *cfg, const char *id)
{
    for (int i = 0; cfg && id && i < cfg->n_services; i++)
        if (cfg->services[i].id && strcmp(cfg->services[i].id, id) == 0)
            return i;
    return -1;
}

const struct config_font_chain *config_fonts_for(const struct config *cfg, const char *lang)
{
    const struct config_font_chain *def = NULL;
    for (int i = 0; cfg && i < cfg->kiosk.n_fonts; i++) {
        const struct config_font_chain *fc = &cfg->kiosk.fonts[i];
        if (lang && lang[0] && strcmp(fc->lang, lang) == 0)
            return fc;
        if (fc->lang[0] == '\0')
            def = fc;
    }
    return def;
}

int config_resolve_path(const struct config *cfg, const char *rel, char *out, size_t outsz)
{
    int n;
    if (rel[0] == '/' || !cfg || !cfg->dir)
        n = snprintf(out, outsz, "%s", rel);
    else
        n = snprintf(out, outsz, "%s/%s", cfg->dir, rel);
    return n >= 0 && (size_t)n < outsz ? 0 : -1;
}

int config_count_callable(const struct config *cfg)
{
    int n = 0;
    for (int i = 0; cfg && i < cfg->n_municipalities; i++)
        n += cfg->municipalities[i].has_call != 0;
    return n;
}
