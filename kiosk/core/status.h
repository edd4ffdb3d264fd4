#ifndef KIOSK_STATUS_H
#define KIOSK_STATUS_H
/* The clerk's side, as JSON: the status_url answer the kiosk reads and the
 * notify_url body it posts (PRODUCT.md, "Calls"). Pure: cJSON and libc. */
#include <stddef.h>
#include <time.h>

#include "i18n.h"

#define STATUS_MAX_WAIT_MINUTES (24 * 60)
#define STATUS_MAX_MESSAGE_BYTES 512 /* longer messages are cut at a UTF-8 boundary */

enum status_state { STATUS_UNKNOWN = 0, STATUS_AVAILABLE, STATUS_BUSY };

struct status_info {
    enum status_state state;
    int wait_minutes;       /* -1 = not given */
    struct ltext message;   /* owned; n == 0 when not given */
    char reason[128];       /* STATUS_UNKNOWN: why, for the log and admin screen */
};

/* Parses a status_url body {"available": true|false, "wait_minutes": N,
 * "message": LOCALIZED}. body need not be NUL-terminated. Returns 0 with
 * state AVAILABLE or BUSY, else -1 with state UNKNOWN and a reason (not JSON,
 * not an object, "available" missing or not a boolean, a field of the wrong
 * type, wait_minutes not an integer in 0..STATUS_MAX_WAIT_MINUTES). null
 * counts as absent for wait_minutes and message. *out is overwritten (not
 * freed first); the caller frees it with status_info_free. */
int status_parse(const char *body, size_t len, struct status_info *out);
/* Sets *out to UNKNOWN with reason (copied, truncated); no allocation. */
void status_info_unknown(struct status_info *out, const char *reason);
/* Deep copy; dst is overwritten (not freed first). Returns 0, or -1 on
 * allocation failure (dst is then UNKNOWN with no message). */
int status_info_copy(struct status_info *dst, const struct status_info *src);
/* 1 if a and b say the same to a resident: state, wait and message texts
 * (the reason, for staff only, is not compared). */
int status_info_equal(const struct status_info *a, const struct status_info *b);
/* Frees the message; leaves *s UNKNOWN. */
void status_info_free(struct status_info *s);
/* "available", "busy" or "unknown". */
const char *status_state_name(enum status_state s);

enum status_event {
    STATUS_EVENT_CALL_REQUESTED = 0,
    STATUS_EVENT_CALL_STARTED,
    STATUS_EVENT_CALL_ENDED,
    STATUS_EVENT_CALL_FAILED
};
/* One notify_url event. Strings are borrowed. */
struct status_notify {
    enum status_event event;
    const char *kiosk;        /* required */
    const char *municipality; /* required */
    const char *session;      /* omitted when NULL */
    const char *url;          /* session URL; omitted when NULL */
    time_t time;              /* written as RFC 3339 in +09:00 */
    int duration_s;           /* CALL_ENDED only */
    const char *reason;       /* CALL_FAILED only; "unknown" when NULL */
};
/* "call_requested", ... */
const char *status_event_name(enum status_event e);
/* Builds the notify body {"event", "kiosk", "municipality", "session", "url",
 * "time", "duration_s" (call_ended), "reason" (call_failed)} as one line of
 * JSON with cJSON (strings escaped). On success *out is a malloc'd string the
 * caller frees with free() and 0 is returned; -1 if a required field is
 * missing, the event is invalid, or memory ran out (*out = NULL). */
int status_notify_json(const struct status_notify *ev, char **out);
#endif
