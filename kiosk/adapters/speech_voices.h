#ifndef KIOSK_SPEECH_VOICES_H
#define KIOSK_SPEECH_VOICES_H
/* Which languages have a voice installed, by looking at files only (access,
 * no engine started, no dictionary loaded): the same paths the speech
 * worker uses, so the kiosk can say at start-up what voice is missing
 * before anyone turns voice mode on. */
#include <stddef.h>

#include "i18n.h"

#define SPEECH_JTALK_DIC "/var/lib/mecab/dic/open-jtalk/naist-jdic"
#define SPEECH_JTALK_VOICE "/usr/share/hts-voice/nitech-jp-atr503-m001/nitech_jp_atr503_m001.htsvoice"

/* What Open JTalk is run with, the defaults filled in for NULL. */
struct speech_paths {
    const char *jtalk, *dic, *voice;
};
struct speech_paths speech_paths_pick(const char *jtalk, const char *dic, const char *voice);

/* The espeak-ng voice for lang (e.g. "cmn" for zh-Hans), or NULL (ja, or
 * a language espeak-ng does not speak here). */
const char *speech_voices_espeak(const char *lang);
/* espeak-ng's data folder: the first of the usual ones holding phontab,
 * or NULL. */
const char *speech_voices_espeak_data(void);

/* 1 if lang has a voice; else 0 and why (the path missing) in why. */
int speech_voices_has(const struct speech_paths *p, const char *lang, char *why, size_t n);
/* For the log and the admin screen: "no voice for ja, ja-easy (open_jtalk
 * not on PATH, ...); no voice for ko (/usr/.../ko_dict missing)", or ""
 * when every one of the n (at most 16) languages has one. Returns how many
 * have none. */
int speech_voices_missing(const struct speech_paths *p, const char (*langs)[I18N_LANG_MAX], int n, char *out,
                          size_t outn);
#endif
