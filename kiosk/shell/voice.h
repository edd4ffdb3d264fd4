#ifndef KIOSK_VOICE_H
#define KIOSK_VOICE_H
/* Voice guidance in the program: what to say after each frame (a new
 * screen's announcement, the focused target, the help key's repeat), the
 * speech worker (adapters/speech.c) asked for it, its clips played through
 * SDL audio. Nothing here waits: a clip is queued when the worker wakes the
 * loop. */
#include <SDL.h>

#include "speech.h"
#include "ui.h"

struct voice {
    struct speech *sp;      /* owned; NULL before voice mode or when it could not start */
    int started;            /* speech_create was tried (at the first frame in voice mode) */
    void (*wake)(void *);   /* for the worker, from voice_open */
    void *wake_ctx;
    SDL_AudioDeviceID dev;  /* opened at the first clip; 0 before */
    SDL_AudioSpec spec;
    int on;                 /* the state's voice mode, last frame */
    int screen_key;         /* the screen announced (+ idle warning), 0 none */
    struct app_target focus; /* the focused target spoken last */
    int focus_on;
    int help_seen;          /* help presses already answered */
    double asked_at;        /* when the latest request was made (seconds) */
    double first_audio_at;  /* when its first clip was queued to the device */
    double first_lead_s;    /* the quiet that clip starts with, seconds (the bench) */  /* when its first clip was queued to the device */
    unsigned asked_seq;
    char said[512];         /* the text of the latest request (the log, the tests) */
    char lang[16];
    int high_contrast, large_text; /* the toggles as last said */
    unsigned free_seq;      /* a request played with voice mode off (its end, the attract hint) */
    int hint_round;         /* the attract round whose hint was said */
    double hint_since;      /* ... of the home screen opened then */
    int probed;             /* voice_probe ran: missing is what it found */
    char missing[512];      /* the configured languages without a voice, "" none */
};

/* Keeps wake (called from the worker when a clip is ready); the worker and
 * its engines start at the first frame in voice mode, which logs (and keeps
 * for the admin screen) what voice is missing. */
void voice_open(struct voice *v, void (*wake)(void *), void *ctx);
void voice_close(struct voice *v);
/* After a frame: asks for what this frame has to say. */
void voice_after_draw(struct voice *v, struct ui *ui, const struct app_state *st, int help_count,
                      double now);
/* On the worker's wake-up: queues the finished clips (made at the config's
 * kiosk.voice_volume). */
void voice_play(struct voice *v, double now);
/* After the first frame: which of cfg's languages have no voice installed,
 * by their files only (no engine started); logged once, and kept for
 * voice_missing. */
void voice_probe(struct voice *v, const struct config *cfg);
/* What cannot be spoken here, for the admin screen, or NULL (also before
 * voice_probe and voice mode). */
const char *voice_missing(const struct voice *v);
#endif
