#ifndef KIOSK_SPEECH_H
#define KIOSK_SPEECH_H
/* Speech synthesis in a worker thread, so the screen never waits for it.
 * Japanese and easy Japanese through Open JTalk, run as a child process (it
 * has no library); English, Chinese and Korean through the espeak-ng library
 * (only ever called from the worker). One request at a time: a new one
 * supersedes the last (a running synthesis is abandoned, open_jtalk killed).
 * The finished clip is taken by the main loop, which plays it (SDL audio). */
#include <stddef.h>
#include <stdint.h>

struct speech;

struct speech_opts {
    const char *jtalk;       /* the open_jtalk command; NULL: "open_jtalk" on PATH */
    const char *jtalk_dic;   /* NULL: /var/lib/mecab/dic/open-jtalk/naist-jdic */
    const char *jtalk_voice; /* NULL: the nitech voice under /usr/share/hts-voice */
    void (*wake)(void *ctx); /* called from the worker when a clip is ready */
    void *ctx;
};

struct speech_clip {
    int16_t *samples; /* mono, owned by the taker (free) */
    size_t n;
    int rate;         /* samples per second */
    unsigned seq;     /* the request it answers */
};

/* Starts the worker; NULL if it cannot (no thread, no memory). */
struct speech *speech_create(const struct speech_opts *o);
void speech_destroy(struct speech *s);
/* 1 if lang can be spoken here (Open JTalk with its dictionary and voice for
 * ja and ja-easy; espeak-ng with its data for en, zh-Hans, zh-Hant, ko). */
int speech_can(const struct speech *s, const char *lang);
/* Asks for text in lang; cancels what was asked before. Returns the
 * request's number (never 0). */
unsigned speech_say(struct speech *s, const char *lang, const char *text);
/* Cancels the request in progress, if any. */
void speech_cancel(struct speech *s);
/* Takes the latest finished clip: 1 and *out filled, or 0. */
int speech_take(struct speech *s, struct speech_clip *out);
/* Why a language cannot be spoken (for the log and the admin screen), or
 * NULL if every language can. Points into s. */
const char *speech_missing(const struct speech *s);
#endif
