#ifndef KIOSK_AVAIL_BADGE_H
#define KIOSK_AVAIL_BADGE_H
#include "avail.h"
#include "ui.h"

/* Availability of municipality muni at the frame's time, with its line of
 * text in the current language. */
void avail_badge_get(const struct ui *ui, int muni, struct avail *a, char *line, size_t linesz);
/* The clerk's own words from the status poll ("message"), in the current
 * language, or NULL when there are none. Points into the frame's view. */
const char *avail_badge_message(const struct ui *ui, int muni);
/* 1 when a's call could start but the kiosk's camera or microphone is
 * missing (call.require_devices). */
int avail_badge_no_device(const struct ui *ui, const struct avail *a);
/* Badge colour for a's state (text on it: theme.badge_text). */
uint32_t avail_badge_color(const struct ui *ui, const struct avail *a);
#endif
