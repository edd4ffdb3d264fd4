#ifndef KIOSK_ESPEAK_LOAD_H
#define KIOSK_ESPEAK_LOAD_H

/* espeak-ng opened with dlopen on first use (espeak_load.c says why): the
 * espeak_* functions of speak_lib.h that speech_espeak.c calls load it. */

/* Loads libespeak-ng.so.1 once (thread-safe). 0 if usable. */
int espeak_load(void);

/* 1 if libespeak-ng is in the process now (without loading it). */
int espeak_load_is_loaded(void);

#endif
