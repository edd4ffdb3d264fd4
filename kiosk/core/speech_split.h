#ifndef KIOSK_SPEECH_SPLIT_H
#define KIOSK_SPEECH_SPLIT_H
/* What is spoken is made sentence by sentence, so the first sentence (a
 * screen's title) is heard while the rest is still being made. */
#include <stddef.h>

/* The length in bytes of text's first sentence: up to and including its
 * full stop (。！？ or . ! ? followed by a space or the end of the text) and
 * the spaces after it; the whole text if it has none. 0 for "". */
size_t speech_split_next(const char *text);
#endif
