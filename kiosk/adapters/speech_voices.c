#include "speech_voices.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct speech_paths speech_paths_pick(const char *jtalk, const char *dic, const char *voice)
{
    return (struct speech_paths){jtalk ? jtalk : "open_jtalk", dic ? dic : SPEECH_JTALK_DIC,
                                 voice ? voice : SPEECH_JTALK_VOICE};
}

const char *speech_voices_espeak(const char *lang)
{
    if (strcmp(lang, "en") == 0)
        return "en";
    if (strncmp(lang, "zh", 2) == 0)
        return "cmn"; /* Mandarin for both scripts */
    if (strcmp(lang, "ko") == 0)
        return "ko";
    return NULL;
}

const char *speech_voices_espeak_data(void)
{
    static const char *const dirs[] = {"/usr/lib/x86_64-linux-gnu/espeak-ng-data",
                                       "/usr/lib/aarch64-linux-gnu/espeak-ng-data",
                                       "/usr/share/espeak-ng-data"};
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
        char p[128];
        snprintf(p, sizeof p, "%s/phontab", dirs[i]);
        if (access(p, R_OK) == 0)
            return dirs[i];
    }
    return NULL;
}

/* The command on PATH (or as given with a slash) that can be run. */
static int speech_voices_find(const char *cmd)
{
    if (strchr(cmd, '/'))
        return access(cmd, X_OK) == 0;
    const char *path = getenv("PATH");
    while (path && *path) {
        const char *end = strchr(path, ':');
        size_t len = end ? (size_t)(end - path) : strlen(path);
        char full[600];
        if (len > 0 && len < 500) {
            snprintf(full, sizeof full, "%.*s/%s", (int)len, path, cmd);
            if (access(full, X_OK) == 0)
                return 1;
        }
        path = end ? end + 1 : NULL;
    }
    return 0;
}

int speech_voices_has(const struct speech_paths *p, const char *lang, char *why, size_t n)
{
    if (strncmp(lang, "ja", 2) == 0) {
        if (!speech_voices_find(p->jtalk))
            snprintf(why, n, "%s %s, package open-jtalk", p->jtalk,
                     strchr(p->jtalk, '/') ? "missing" : "not on PATH");
        else if (access(p->dic, R_OK) != 0)
            snprintf(why, n, "%s missing, package open-jtalk-mecab-naist-jdic", p->dic);
        else if (access(p->voice, R_OK) != 0)
            snprintf(why, n, "%s missing, package hts-voice-nitech-jp-atr503-m001", p->voice);
        else
            return 1;
        return 0;
    }
    const char *voice = speech_voices_espeak(lang), *data = speech_voices_espeak_data();
    char dict[160];
    if (!voice)
        snprintf(why, n, "no engine speaks it");
    else if (!data)
        snprintf(why, n, "espeak-ng-data missing, package espeak-ng-data");
    else if (snprintf(dict, sizeof dict, "%s/%s_dict", data, voice), access(dict, R_OK) != 0)
        snprintf(why, n, "%s missing", dict);
    else
        return 1;
    return 0;
}

int speech_voices_missing(const struct speech_paths *p, const char (*langs)[I18N_LANG_MAX], int n,
                          char *out, size_t outn)
{
    enum { MAX = 16 };
    char why[MAX][300];
    int none = 0, has[MAX];
    size_t len = 0;
    out[0] = '\0';
    for (int i = 0; i < n && i < MAX; i++) {
        has[i] = speech_voices_has(p, langs[i], why[i], sizeof why[i]);
        none += !has[i];
    }
    /* Languages missing for the same reason share one entry. */
    for (int i = 0; i < n && i < MAX && len < outn; i++) {
        int seen = has[i];
        for (int k = 0; k < i && !seen; k++)
            seen = !has[k] && strcmp(why[k], why[i]) == 0;
        if (seen)
            continue;
        len += (size_t)snprintf(out + len, outn - len, "%sno voice for %s", len ? "; " : "",
                                langs[i]);
        for (int k = i + 1; k < n && k < MAX && len < outn; k++)
            if (!has[k] && strcmp(why[k], why[i]) == 0)
                len += (size_t)snprintf(out + len, outn - len, ", %s", langs[k]);
        if (len < outn)
            len += (size_t)snprintf(out + len, outn - len, " (%s)", why[i]);
    }
    return none;
}
