#ifndef KIOSK_SPEECH_SINK_H
#define KIOSK_SPEECH_SINK_H
#include <stddef.h>
#include <stdint.h>

/* Where a synthesiser hands its audio (16-bit mono), piece by piece. Also
 * asked with (NULL, 0) while waiting. Returns nonzero to abort: the request
 * was superseded or the worker is stopping. */
typedef int (*speech_sink)(void *ctx, const int16_t *samples, size_t n);
#endif
