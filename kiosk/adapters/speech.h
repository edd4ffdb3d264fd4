#ifndef KIOSK_SPEECH_H
#define KIOSK_SPEECH_H
/* Speech synthesis in a worker thread, so the screen never waits for it.
 * Japanese and easy Japanese through Open JTalk, run as child processes (it
 * has no library; one is kept started, speech_jtalk.h); English, Chinese
 * and Korean through the espeak-ng library (speech_espeak.h). One request
 * at a time: a new one supersedes the last (a running synthesis is
 * abandoned, open_jtalk killed). A request is made sentence by sentence
 * (core/speech_split.h): each sentence is a clip the main loop takes and
 * plays (SDL audio) while the next is made. The clips of the last few
 * sentences are kept, so a focus that comes back is heard at once. */
#include <stddef.h>
#include <stdint.h>

struct speech;

/* The rate of every clip: Open JTalk is asked for it, and espeak-ng makes it. */
#define SPEECH_RATE 22050

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
    int part;         /* 0: the request's first sentence (replaces what plays) */
    int last;         /* 1: the request's last sentence */
};

/* Starts the worker; NULL if it cannot (no thread, no memory). */
struct speech *speech_create(const struct speech_opts *o);
/* Stops the worker: a synthesis in progress is abandoned, every open_jtalk
 * killed and reaped. */
void speech_destroy(struct speech *s);
/* 1 if lang can be spoken here (Open JTalk with its dictionary and voice for
 * ja and ja-easy; espeak-ng with its data for en, zh-Hans, zh-Hant, ko). */
int speech_can(const struct speech *s, const char *lang);
/* What to be ready for: lang about to be spoken (voice mode on: for ja and
 * ja-easy an open_jtalk is started and waits), or NULL (voice mode off:
 * the waiting open_jtalk is killed). Returns at once. */
void speech_standby(struct speech *s, const char *lang);
/* Asks for text in lang; cancels what was asked before. Returns the
 * request's number (never 0). */
unsigned speech_say(struct speech *s, const char *lang, const char *text);
/* The loudness of the clips to come, percent (0-100; 100 at the start):
 * the worker scales them, so queueing one is a copy. */
void speech_volume(struct speech *s, int percent);
/* 1 while the latest request is being made (not all its clips are in). */
int speech_busy(struct speech *s);
/* Cancels the request in progress, if any. */
void speech_cancel(struct speech *s);
/* Takes the next finished clip of the latest request, in order: 1 and *out
 * filled, or 0. */
int speech_take(struct speech *s, struct speech_clip *out);
/* Why a language cannot be spoken (for the log and the admin screen), or
 * NULL if every language can. Points into s. */
const char *speech_missing(const struct speech *s);
/* The pid of the waiting open_jtalk, 0 if none (for the tests). */
long speech_spare_pid(struct speech *s);
#endif
