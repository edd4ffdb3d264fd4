#ifndef KIOSK_ICON_H
#define KIOSK_ICON_H
/* Small language-free pictures drawn from horizontal spans (one
 * ui_fill_rects each: cheap on the software renderer, no image file). */
#include <stdint.h>

#include "ui.h"

/* A loudspeaker with two sound waves, as large as fits r, centred. */
void icon_speaker(struct ui *ui, struct rect r, uint32_t rgb);
#endif
