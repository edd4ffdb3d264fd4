#ifndef KIOSK_SPEECH_ESPEAK_H
#define KIOSK_SPEECH_ESPEAK_H
/* espeak-ng for the speech workers (English, Chinese, Korean). The library
 * is one per process and not thread-safe: it is started once, on first use,
 * and never terminated, and one synthesis runs at a time in the whole
 * process.
 *
 * Why never terminated: espeak-ng 1.51 (Debian 12) starts its queue thread
 * even in synchronous mode, and espeak_Terminate leaves that thread's
 * "command running" flag set. A later espeak_Initialize + espeak_Terminate
 * then waits for an acknowledgement nobody sends: the process hangs
 * (reproduced: Initialize, Terminate, Initialize, Terminate hangs every
 * time; unit_speech hung so under ASan). Upstream fixed it after 1.51
 * (commit 820b85ed, 2022: no queue thread in synchronous mode). */
#include "speech_sink.h"

/* Starts espeak-ng once (the process's LC_CTYPE, which it changes, is put
 * back). Returns its sample rate, or 0 if it cannot start. Any thread. */
int speech_espeak_rate(void);
/* Speaks UTF-8 text with the espeak-ng voice named (e.g. "en", "cmn", "ko")
 * into sink. 0 when finished, 1 when the sink aborted, -1 on error. */
int speech_espeak_synth(const char *voice, const char *text, speech_sink sink, void *ctx);
#endif
