/* The status_url answer in, the notify_url body out. An answer the kiosk
 * cannot fully trust is "unknown": a clerk's endpoint that says something
 * odd must never show a resident "available". */
#include "status.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "schedule.h"
#include "str.h"
#include "utf8.h"

#define STATUS_MAX_MESSAGE_LANGS 16

void status_info_unknown(struct status_info *out, const char *reason)
{
    memset(out, 0, sizeof *out);
    out->state = STATUS_UNKNOWN;
    out->wait_minutes = -1;
    str_copy(out->reason, sizeof out->reason, reason);
}

/* Adds text under lang, cut to STATUS_MAX_MESSAGE_BYTES at a UTF-8 boundary. */
static int status_add_text(struct ltext *t, const char *lang, const char *text)
{
    char buf[STATUS_MAX_MESSAGE_BYTES + 1];
    utf8_copy(buf, sizeof buf, text);
    return ltext_add(t, lang, buf);
}

/* Returns NULL on success, else the reason. */
static const char *status_parse_message(const cJSON *msg, struct ltext *t)
{
    if (!msg || cJSON_IsNull(msg))
        return NULL;
    if (cJSON_IsString(msg)) {
        if (!utf8_valid(msg->valuestring))
            return "\"message\" is not valid UTF-8";
        return status_add_text(t, "", msg->valuestring) == 0 ? NULL : "out of memory";
    }
    if (!cJSON_IsObject(msg))
        return "\"message\" is not a string or an object of strings";
    const cJSON *e;
    cJSON_ArrayForEach(e, msg)
    {
        if (!cJSON_IsString(e))
            return "\"message\" has a value that is not a string";
        if (!e->string || strlen(e->string) >= I18N_LANG_MAX)
            return "\"message\" has a language code that is too long";
        if (t->n >= STATUS_MAX_MESSAGE_LANGS)
            return "\"message\" has too many languages";
        if (!utf8_valid(e->valuestring))
            return "\"message\" is not valid UTF-8";
        if (status_add_text(t, e->string, e->valuestring) != 0)
            return "out of memory";
    }
    return NULL;
}

/* Returns NULL on success, else the reason; *wait = -1 when absent. */
static const char *status_parse_wait(const cJSON *w, int *wait)
{
    *wait = -1;
    if (!w || cJSON_IsNull(w))
        return NULL;
    if (!cJSON_IsNumber(w))
        return "\"wait_minutes\" is not a number";
    double v = w->valuedouble;
    if (!(v >= 0 && v <= STATUS_MAX_WAIT_MINUTES) || floor(v) != v)
        return "\"wait_minutes\" is not a whole number of minutes in 0..1440";
    *wait = (int)v;
    return NULL;
}

static const char *status_parse_root(const cJSON *root, struct status_info *out)
{
    if (!cJSON_IsObject(root))
        return "not a JSON object";
    const cJSON *avail = cJSON_GetObjectItemCaseSensitive(root, "available");
    if (!avail)
        return "\"available\" is missing";
    if (!cJSON_IsBool(avail))
        return "\"available\" is not true or false";
    const char *why = status_parse_wait(cJSON_GetObjectItemCaseSensitive(root, "wait_minutes"),
                                        &out->wait_minutes);
    if (!why)
        why = status_parse_message(cJSON_GetObjectItemCaseSensitive(root, "message"),
                                   &out->message);
    if (!why)
        out->state = cJSON_IsTrue(avail) ? STATUS_AVAILABLE : STATUS_BUSY;
    return why;
}

int status_parse(const char *body, size_t len, struct status_info *out)
{
    status_info_unknown(out, "");
    const char *end = NULL;
    cJSON *root = body ? cJSON_ParseWithLengthOpts(body, len, &end, 0) : NULL;
    const char *why = NULL;
    if (!root) {
        why = "not JSON";
    } else {
        size_t used = (size_t)(end - body);
        while (used < len && body[used] && strchr(" \t\r\n", body[used]))
            used++;
        why = used < len ? "text after the JSON value" : status_parse_root(root, out);
    }
    cJSON_Delete(root);
    if (!why)
        return 0;
    status_info_free(out);
    status_info_unknown(out, why);
    return -1;
}

int status_info_copy(struct status_info *dst, const struct status_info *src)
{
    *dst = *src;
    if (ltext_copy(&dst->message, &src->message) != 0) {
        status_info_unknown(dst, "out of memory");
        return -1;
    }
    return 0;
}

int status_info_equal(const struct status_info *a, const struct status_info *b)
{
    if (a->state != b->state || a->wait_minutes != b->wait_minutes ||
        a->message.n != b->message.n)
        return 0;
    for (int i = 0; i < a->message.n; i++)
        if (strcmp(a->message.e[i].lang, b->message.e[i].lang) != 0 ||
            strcmp(a->message.e[i].text, b->message.e[i].text) != 0)
            return 0;
    return 1;
}

void status_info_free(struct status_info *s)
{
    if (!s)
        return;
    ltext_free(&s->message);
    s->state = STATUS_UNKNOWN;
}

const char *status_state_name(enum status_state s)
{
    switch (s) {
    case STATUS_AVAILABLE:
        return "available";
    case STATUS_BUSY:
        return "busy";
    case STATUS_UNKNOWN:
        break;
    }
    return "unknown";
}

const char *status_event_name(enum status_event e)
{
    static const char *const names[] = {"call_requested", "call_started", "call_ended",
                                        "call_failed"};
    if ((int)e < 0 || (size_t)e >= sizeof names / sizeof names[0])
        return NULL;
    return names[e];
}

static int status_add_str(cJSON *o, const char *key, const char *val)
{
    return val && !cJSON_AddStringToObject(o, key, val) ? -1 : 0;
}

static cJSON *status_notify_object(const struct status_notify *ev)
{
    char when[40];
    cJSON *o = cJSON_CreateObject();
    schedule_rfc3339(ev->time, when, sizeof when);
    int bad = !o || status_add_str(o, "event", status_event_name(ev->event)) ||
              status_add_str(o, "kiosk", ev->kiosk) ||
              status_add_str(o, "municipality", ev->municipality) ||
              status_add_str(o, "session", ev->session) || status_add_str(o, "url", ev->url) ||
              status_add_str(o, "time", when);
    if (!bad && ev->event == STATUS_EVENT_CALL_ENDED)
        bad = !cJSON_AddNumberToObject(o, "duration_s", ev->duration_s < 0 ? 0 : ev->duration_s);
    if (!bad && ev->event == STATUS_EVENT_CALL_FAILED)
        bad = status_add_str(o, "reason", ev->reason ? ev->reason : "unknown");
    if (bad) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

int status_notify_json(const struct status_notify *ev, char **out)
{
    *out = NULL;
    if (!ev || !status_event_name(ev->event) || !ev->kiosk || !ev->municipality)
        return -1;
    cJSON *o = status_notify_object(ev);
    char *text = o ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    if (!text)
        return -1;
    /* Our own copy, so the caller's free() never depends on cJSON's hooks. */
    size_t n = strlen(text);
    *out = malloc(n + 1);
    if (*out)
        memcpy(*out, text, n + 1);
    cJSON_free(text);
    return *out ? 0 : -1;
}
