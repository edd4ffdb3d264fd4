#ifndef KIOSK_SPEECH_TEXT_H
#define KIOSK_SPEECH_TEXT_H
/* What voice guidance says, pure: built from the same i18n strings and config
 * texts the screens draw (never a second copy). A municipality or service is
 * said by its configured reading for the language when it has one. */
#include <stddef.h>

#include "app.h"

/* The screen's title as spoken ("Still there?" and its countdown when the
 * idle question shows). Returns the length written to out (size n). */
size_t speech_text_title(const struct app_state *st, int idle_warning, double idle_left_s,
                         char *out, size_t n);
/* A target's spoken label: the label drawn on it if there is one, else
 * what it names (a municipality, a service, a language, "touch to start").
 * Returns the length, 0 if the target has nothing to say. */
size_t speech_text_target(const struct config *cfg, const char *lang, struct app_target t,
                          const char *drawn, char *out, size_t n);
/* The announcement of a screen: title, what can be done, the focused
 * target's label (may be empty). Returns the length. */
size_t speech_text_screen(const struct app_state *st, int idle_warning, double idle_left_s,
                          const char *focused, char *out, size_t n);
/* The name as spoken: the reading for lang if configured, else the text. */
const char *speech_text_name(const struct ltext *name, const struct ltext *reading,
                             const char *lang, const char *fallback);
#endif
