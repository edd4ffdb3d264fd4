/* espeak-ng, loaded when voice guidance first speaks a language it voices.
 *
 * libespeak-ng.so.1 links PulseAudio and libsndfile with its codecs (13
 * libraries): mapped at exec they cost start-up time and PSS on every kiosk,
 * for voice guidance that a visitor turns on rarely and whose audio goes
 * through the kiosk's own sink anyway. So the kiosk does not link it: this
 * file defines the four espeak functions speech_espeak.c calls, with
 * espeak-ng's names and types, and the first call (from the speech worker)
 * opens the library with dlopen and forwards. These definitions are not
 * exported (no -rdynamic), so espeak-ng's own calls reach its own functions.
 *
 * Without the library, espeak_Initialize fails as it does without its data:
 * those languages have no voice and the worker says so in the log. */
#include "espeak_load.h"

#include <espeak-ng/speak_lib.h>
#include <pthread.h>

#include "dlib.h"
#include "msg.h"

#define ESPEAK_LOAD_SONAME "libespeak-ng.so.1"

#define ESPEAK_LOAD_FUNCS(X)                                                                   \
    X(espeak_Initialize, int, (espeak_AUDIO_OUTPUT, int, const char *, int))                  \
    X(espeak_SetSynthCallback, void, (t_espeak_callback *))                                   \
    X(espeak_SetVoiceByName, espeak_ERROR, (const char *))                                    \
    X(espeak_Synth, espeak_ERROR,                                                             \
      (const void *, size_t, unsigned int, espeak_POSITION_TYPE, unsigned int, unsigned int,  \
       unsigned int *, void *))

#define ESPEAK_LOAD_FIELD(name, ret, args) ret(*name) args;
static struct {
    ESPEAK_LOAD_FUNCS(ESPEAK_LOAD_FIELD)
} espeak_fn;

static pthread_once_t espeak_load_once = PTHREAD_ONCE_INIT;
static int espeak_load_ok;

static void espeak_load_run(void)
{
    char err[256];
    void *lib = dlib_open(ESPEAK_LOAD_SONAME, err, sizeof err);
#define ESPEAK_LOAD_SYM(name, ret, args)                                                       \
    if (lib && dlib_sym(lib, ESPEAK_LOAD_SONAME, #name, &espeak_fn.name, sizeof espeak_fn.name, \
                        err, sizeof err) != 0)                                                 \
        lib = NULL;
    ESPEAK_LOAD_FUNCS(ESPEAK_LOAD_SYM)
    if (!lib) {
        msg_error("%s: English, Chinese and Korean have no voice", err);
        return;
    }
    espeak_load_ok = 1;
}

int espeak_load(void)
{
    pthread_once(&espeak_load_once, espeak_load_run);
    return espeak_load_ok ? 0 : -1;
}

int espeak_load_is_loaded(void) { return dlib_is_loaded(ESPEAK_LOAD_SONAME); }

int espeak_Initialize(espeak_AUDIO_OUTPUT output, int buflength, const char *path, int options)
{
    if (espeak_load() != 0)
        return EE_INTERNAL_ERROR;
    return espeak_fn.espeak_Initialize(output, buflength, path, options);
}

void espeak_SetSynthCallback(t_espeak_callback *cb)
{
    if (espeak_load_ok)
        espeak_fn.espeak_SetSynthCallback(cb);
}

espeak_ERROR espeak_SetVoiceByName(const char *name)
{
    return espeak_load_ok ? espeak_fn.espeak_SetVoiceByName(name) : EE_INTERNAL_ERROR;
}

espeak_ERROR espeak_Synth(const void *text, size_t size, unsigned int position,
                          espeak_POSITION_TYPE position_type, unsigned int end_position,
                          unsigned int flags, unsigned int *unique_identifier, void *user_data)
{
    if (!espeak_load_ok)
        return EE_INTERNAL_ERROR;
    return espeak_fn.espeak_Synth(text, size, position, position_type, end_position, flags,
                                  unique_identifier, user_data);
}
