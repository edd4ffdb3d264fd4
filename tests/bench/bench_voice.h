#ifndef KIOSK_BENCH_VOICE_H
#define KIOSK_BENCH_VOICE_H
/* Voice guidance as a visitor hears it, in process: the kiosk's own voice
 * module (shell/voice.c) and speech worker, SDL audio on whatever driver
 * SDL_AUDIODRIVER names (the bench sets "dummy", which plays in real
 * time). A Tab key pushed as an SDL event goes through input_handle, the
 * state machine, one frame and voice_after_draw as in shell/run.c; timed
 * to the first clip queued on the audio device, and to the moment the
 * device has taken its first samples. And frames drawn while a long text
 * is being made and played, against frames drawn in silence. */
#include "bench_inproc.h"
#include "bench_stats.h"

struct bench_voice_lang {
    char lang[16];
    struct bench_series queued;   /* Tab -> the focused button's first clip queued */
    struct bench_series taken;    /* Tab -> the device has taken its first samples */
    struct bench_series heard;    /* taken + the quiet the clip starts with: its first sound */
    struct bench_series again;    /* the same, a button said before (kept clips) */
    struct bench_series frame_quiet, frame_speaking; /* frame ms on home */
    struct bench_series cpu_quiet, cpu_speaking;     /* the drawing thread's CPU per frame */
    int speaking_requests; /* texts made while the speaking frames were drawn */
    int missed;            /* focus changes not heard within 3 s */
};

struct bench_voice {
    int w, h, frames;
    int n;
    struct bench_voice_lang langs[2]; /* ja and en */
    char driver[32];                  /* SDL's audio driver */
};

/* Measures ja and en at w x h. SDL video and TTF must be initialised. */
int bench_voice_run(const struct bench_inproc_opts *o, int w, int h, struct bench_voice *out);
void bench_voice_free(struct bench_voice *v);
#endif
