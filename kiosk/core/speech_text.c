#include "speech_text.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"

const char *speech_text_name(const struct ltext *name, const struct ltext *reading,
                             const char *lang, const char *fallback)
{
    /* A reading only counts in its own language: Japanese kana must not be
     * read out in English. */
    for (int i = 0; reading && i < reading->n; i++)
        if (strcmp(reading->e[i].lang, lang) == 0 && reading->e[i].text[0])
            return reading->e[i].text;
    return ltext_get(name, lang, fallback);
}

static const char *speech_text_muni(const struct config *cfg, int i, const char *lang)
{
    if (!cfg || i < 0 || i >= cfg->n_municipalities)
        return "";
    const struct config_municipality *m = &cfg->municipalities[i];
    return speech_text_name(&m->name, &m->reading, lang, cfg->kiosk.default_language);
}

static const char *speech_text_service(const struct config *cfg, int i, const char *lang)
{
    if (!cfg || i < 0 || i >= cfg->n_services)
        return "";
    const struct config_service *s = &cfg->services[i];
    return speech_text_name(&s->title, &s->reading, lang, cfg->kiosk.default_language);
}

/* The screens' own heading keys; home says the kiosk's title. */
static const char *speech_text_heading(const struct app_state *st, const char *lang)
{
    const struct config *cfg = st->cfg;
    switch (st->screen) {
    case APP_SCREEN_HOME:
        return cfg ? ltext_get(&cfg->kiosk.title, lang, cfg->kiosk.default_language) : "";
    case APP_SCREEN_MUNICIPALITIES: return i18n_ui(I18N_CHOOSE_MUNICIPALITY, lang);
    case APP_SCREEN_MUNICIPALITY: return speech_text_muni(cfg, st->muni, lang);
    case APP_SCREEN_CALLING: return i18n_ui(I18N_CONNECTING, lang);
    case APP_SCREEN_IN_CALL: return i18n_ui(I18N_IN_CALL, lang);
    case APP_SCREEN_CALL_FAILED: return i18n_ui(I18N_CALL_FAILED, lang);
    case APP_SCREEN_THANKS: return i18n_ui(I18N_THANK_YOU, lang);
    case APP_SCREEN_SERVICES: return i18n_ui(I18N_REGIONAL_SERVICES, lang);
    case APP_SCREEN_SERVICE: return speech_text_service(cfg, st->service, lang);
    case APP_SCREEN_KPI: return i18n_ui(I18N_AREA_VISION, lang);
    case APP_SCREEN_ADMIN_PIN: return i18n_ui(I18N_ENTER_PIN, lang);
    case APP_SCREEN_ADMIN: return i18n_ui(I18N_ADMIN, lang);
    default: return "";
    }
}

static size_t speech_text_put(size_t n, int w)
{
    if (w < 0)
        return 0;
    return (size_t)w >= n ? (n ? n - 1 : 0) : (size_t)w;
}

size_t speech_text_title(const struct app_state *st, int idle_warning, double idle_left_s,
                         char *out, size_t n)
{
    const char *lang = app_lang(st);
    if (!idle_warning)
        return speech_text_put(n, snprintf(out, n, "%s", speech_text_heading(st, lang)));
    char left[160];
    i18n_format(left, sizeof left, lang, I18N_RESET_IN, (int)(idle_left_s + 0.999));
    return speech_text_put(n, snprintf(out, n, "%s %s", i18n_ui(I18N_STILL_THERE, lang),
                                            left));
}

size_t speech_text_target(const struct config *cfg, const char *lang, struct app_target t,
                          const char *drawn, char *out, size_t n)
{
    const char *s = "";
    if (t.action == APP_ACT_MUNICIPALITY)
        s = speech_text_muni(cfg, t.arg, lang); /* the reading, not the drawn kanji */
    else if (t.action == APP_ACT_SERVICE)
        s = speech_text_service(cfg, t.arg, lang);
    else if (drawn && drawn[0])
        s = drawn;
    else if (t.action == APP_ACT_START)
        s = i18n_ui(I18N_TOUCH_TO_START, lang);
    else if (t.action == APP_ACT_CONTINUE)
        s = i18n_ui(I18N_CONTINUE, lang);
    else if (t.action == APP_ACT_LANG && cfg && t.arg >= 0 && t.arg < cfg->kiosk.n_languages)
        s = i18n_endonym(cfg->kiosk.languages[t.arg]);
    return speech_text_put(n, snprintf(out, n, "%s", s));
}

size_t speech_text_screen(const struct app_state *st, int idle_warning, double idle_left_s,
                          const char *focused, char *out, size_t n)
{
    char title[256];
    speech_text_title(st, idle_warning, idle_left_s, title, sizeof title);
    const char *lang = app_lang(st);
    const char *stop = strncmp(lang, "ja", 2) == 0 || strncmp(lang, "zh", 2) == 0 ? "。" : ". ";
    return speech_text_put(n, snprintf(out, n, "%s%s%s %s", title, stop,
                                            i18n_ui(I18N_VOICE_HINT, lang),
                                            focused ? focused : ""));
}
