/* Sends the window manager's close request (a ClientMessage WM_PROTOCOLS
 * with WM_DELETE_WINDOW, what Alt+F4 makes a window manager send) to one
 * window, as a test client. Usage: wm_close WINDOW_ID (decimal or 0x hex). */
#include <X11/Xlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: wm_close WINDOW_ID\n");
        return 2;
    }
    char *end;
    unsigned long w = strtoul(argv[1], &end, 0);
    Display *d = XOpenDisplay(NULL);
    if (*end || w == 0 || !d) {
        fprintf(stderr, "wm_close: bad window id or no display\n");
        return 2;
    }
    XEvent e;
    memset(&e, 0, sizeof e);
    e.xclient.type = ClientMessage;
    e.xclient.window = (Window)w;
    e.xclient.message_type = XInternAtom(d, "WM_PROTOCOLS", False);
    e.xclient.format = 32;
    e.xclient.data.l[0] = (long)XInternAtom(d, "WM_DELETE_WINDOW", False);
    e.xclient.data.l[1] = CurrentTime;
    Status ok = XSendEvent(d, (Window)w, False, NoEventMask, &e);
    XSync(d, False);
    XCloseDisplay(d);
    return ok ? 0 : 1;
}
