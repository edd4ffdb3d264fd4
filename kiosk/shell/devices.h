#ifndef KIOSK_DEVICES_H
#define KIOSK_DEVICES_H
/* Is there a camera (/dev/video*) and a microphone (an SDL capture device)?
 * Checked at start and between visitors, never during a call. */
struct devices {
    int camera;
    int microphone;
};

void devices_refresh(struct devices *d);
int devices_ok_for_call(const struct devices *d);
#endif
