#ifndef KIOSK_MSG_H
#define KIOSK_MSG_H
/* The one funnel for terminal output (curl's tool_msgs.c, mpv's mp_msg):
 * every line gets the "kiosk: " prefix and passes one verbosity switch.
 * Thread-safe: a line is written with a single fprintf to stderr. */
enum msg_level { MSG_ERROR = 0, MSG_WARN = 1, MSG_INFO = 2, MSG_DEBUG = 3 };

void msg_set_level(enum msg_level level);
enum msg_level msg_get_level(void);
void msg_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void msg_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void msg_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void msg_debug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Plain output to stdout for command results (--check-config summary,
 * --schedule lines): no prefix, not filtered by level. */
void msg_out(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#endif
