#include "msg.h"

#include <stdarg.h>
#include <stdio.h>

static enum msg_level msg_level_current = MSG_INFO;

void msg_set_level(enum msg_level level) { msg_level_current = level; }
enum msg_level msg_get_level(void) { return msg_level_current; }

/* fmt and ap come from the printf-like msg_* below: checked at their calls. */
static void msg_emit(enum msg_level level, const char *tag, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));

static void msg_emit(enum msg_level level, const char *tag, const char *fmt, va_list ap)
{
    if (level > msg_level_current)
        return;
    char line[1024];
    vsnprintf(line, sizeof line, fmt, ap);
    fprintf(stderr, "kiosk: %s%s\n", tag, line);
}

#define MSG_DEFINE(name, level, tag)                                                     \
    void name(const char *fmt, ...)                                                      \
    {                                                                                    \
        va_list ap;                                                                      \
        va_start(ap, fmt);                                                               \
        msg_emit(level, tag, fmt, ap);                                                   \
        va_end(ap);                                                                      \
    }
MSG_DEFINE(msg_error, MSG_ERROR, "error: ")
MSG_DEFINE(msg_warn, MSG_WARN, "warning: ")
MSG_DEFINE(msg_info, MSG_INFO, "")
MSG_DEFINE(msg_debug, MSG_DEBUG, "debug: ")

void msg_out(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stdout, fmt, ap);
    va_end(ap);
    fflush(stdout);
}
