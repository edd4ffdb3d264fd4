#ifndef KIOSK_QR_H
#define KIOSK_QR_H
/* QR codes drawn with the context's renderer; the textures are cached in
 * the context (ui->qr) and freed with it. */
#include "ui.h"

/* A QR code of text drawn in r (square, with quiet zone); no-op if it cannot
 * be encoded. */
void qr_draw(struct ui *ui, const char *text, struct rect r);
/* Drops ui's QR textures (before the renderer goes). */
void qr_free(struct ui *ui);
#endif
