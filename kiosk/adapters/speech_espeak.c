#include "speech_espeak.h"

#include <espeak-ng/speak_lib.h>
#include <locale.h>
#include <pthread.h>
#include <string.h>

#include "str.h"

static pthread_once_t speech_espeak_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t speech_espeak_mu = PTHREAD_MUTEX_INITIALIZER;
static int speech_espeak_sr;

struct speech_espeak_job {
    speech_sink sink;
    void *ctx;
    int aborted;
};

/* espeak-ng hands each synthesis's context back in its events' user_data. */
static int speech_espeak_cb(short *wav, int n, espeak_EVENT *ev)
{
    struct speech_espeak_job *job = ev ? ev->user_data : NULL;
    if (!job)
        return 0;
    if (job->aborted || (wav && n > 0 && job->sink(job->ctx, wav, (size_t)n) != 0)) {
        job->aborted = 1;
        return 1; /* stops the synthesis */
    }
    return 0;
}

static void speech_espeak_start(void)
{
    /* espeak-ng sets the process's LC_CTYPE when it starts, after which Xlib
     * no longer sets window titles: the old one is put back at once (the
     * workers read text in their own C.UTF-8 locale). */
    char old[64];
    str_copy(old, sizeof old, setlocale(LC_CTYPE, NULL));
    int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL, 0);
    setlocale(LC_CTYPE, old);
    if (rate > 0) {
        espeak_SetSynthCallback(speech_espeak_cb);
        speech_espeak_sr = rate;
    }
}

int speech_espeak_rate(void)
{
    pthread_once(&speech_espeak_once, speech_espeak_start);
    return speech_espeak_sr;
}

int speech_espeak_synth(const char *voice, const char *text, speech_sink sink, void *ctx)
{
    if (speech_espeak_rate() <= 0)
        return -1;
    struct speech_espeak_job job = {sink, ctx, 0};
    pthread_mutex_lock(&speech_espeak_mu);
    int rc = -1;
    if (espeak_SetVoiceByName(voice) == EE_OK &&
        espeak_Synth(text, strlen(text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, &job) ==
            EE_OK)
        rc = job.aborted ? 1 : 0;
    pthread_mutex_unlock(&speech_espeak_mu);
    return rc;
}
