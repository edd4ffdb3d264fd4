/* sd_notify wrappers (sdnotify.h). The "may I ping" logic is core/watchdog.c. */
#include "sdnotify.h"

#include <stdlib.h>
#include <string.h>
#include <systemd/sd-daemon.h>
#include <unistd.h>

#include "msg.h"
#include "watchdog.h"

int sdnotify_enabled(void)
{
    const char *s = getenv("NOTIFY_SOCKET");
    return s && s[0];
}

double sdnotify_watchdog_interval(void)
{
    if (!sdnotify_enabled())
        return 0;
    return watchdog_interval(getenv("WATCHDOG_USEC"), getenv("WATCHDOG_PID"), (long)getpid(),
                             (long)getppid());
}

int sdnotify_send(const char *msg)
{
    int rc = sd_notify(0, msg);
    if (rc < 0) {
        msg_debug("sd_notify %.*s: %s", (int)strcspn(msg, "\n="), msg, strerror(-rc));
        return -1;
    }
    return rc > 0 ? 1 : 0;
}
