#include "stats.h"

#include <cjson/cJSON.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "schedule.h"
#include "utf8.h"

static const char *const stats_kind_names[STATS_KIND_COUNT] = {
    "session_start", "screen", "language", "idle_reset",
    "call_started",  "call_ended", "call_failed"};

const char *stats_kind_name(enum stats_kind k)
{
    return (int)k >= 0 && k < STATS_KIND_COUNT ? stats_kind_names[k] : "?";
}

static int stats_kind_from_name(const char *s)
{
    for (int i = 0; i < STATS_KIND_COUNT; i++)
        if (strcmp(s, stats_kind_names[i]) == 0)
            return i;
    return -1;
}

void stats_event_init(struct stats_event *ev, enum stats_kind kind, time_t t, const char *kiosk)
{
    memset(ev, 0, sizeof *ev);
    ev->kind = kind;
    ev->t = (long long)t;
    utf8_copy(ev->kiosk, sizeof ev->kiosk, kiosk);
}

/* The "duration_s" member as written since the first records: one decimal,
 * always (312.0, never cJSON's 312), so the member goes in as raw text. */
static int stats_add_duration(cJSON *o, double s)
{
    char num[48];
    snprintf(num, sizeof num, "%.1f", s);
    return cJSON_AddRawToObject(o, "duration_s", num) ? 0 : -1;
}

/* An optional string member: left out when empty. */
static int stats_add_field(cJSON *o, const char *key, const char *value)
{
    return !value[0] || cJSON_AddStringToObject(o, key, value) ? 0 : -1;
}

/* The members in their order of old: t, kiosk, event, screen, lang,
 * municipality, duration_s, reason. */
static cJSON *stats_object(const struct stats_event *ev)
{
    char t[40];
    schedule_rfc3339((time_t)ev->t, t, sizeof t);
    cJSON *o = cJSON_CreateObject();
    int bad = !o || !cJSON_AddStringToObject(o, "t", t) ||
              !cJSON_AddStringToObject(o, "kiosk", ev->kiosk) ||
              !cJSON_AddStringToObject(o, "event", stats_kind_name(ev->kind)) ||
              stats_add_field(o, "screen", ev->screen) || stats_add_field(o, "lang", ev->lang) ||
              stats_add_field(o, "municipality", ev->municipality);
    if (!bad && ev->has_duration && ev->duration_s >= 0 && ev->duration_s < STATS_DURATION_MAX)
        bad = stats_add_duration(o, ev->duration_s);
    if (bad || stats_add_field(o, "reason", ev->reason)) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

int stats_format(const struct stats_event *ev, char *out, size_t outsz)
{
    if (!out || outsz == 0)
        return -1;
    out[0] = '\0';
    cJSON *o = stats_object(ev);
    /* Printed whole, then copied: cJSON_PrintPreallocated wants a few bytes
     * more than the text, and a line that only just fits must still fit. */
    char *text = o ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    size_t n = text ? strlen(text) : 0;
    int ok = text && n + 2 <= outsz && n + 1 <= (size_t)INT_MAX;
    if (ok) {
        memcpy(out, text, n);
        out[n] = '\n';
        out[n + 1] = '\0';
    }
    cJSON_free(text);
    return ok ? (int)n + 1 : -1;
}

int stats_is_call(enum stats_kind k)
{
    return k == STATS_CALL_STARTED || k == STATS_CALL_ENDED || k == STATS_CALL_FAILED;
}

void stats_calls_add(struct stats_calls *c, const struct stats_event *ev)
{
    switch (ev->kind) {
    case STATS_CALL_STARTED: c->started++; break;
    case STATS_CALL_ENDED: c->ended++; break;
    case STATS_CALL_FAILED: c->failed++; break;
    default: break;
    }
}

void stats_today_add(struct stats_today *td, const struct stats_event *ev)
{
    if (ev->kind == STATS_SESSION_START)
        td->sessions++;
    stats_calls_add(&td->calls, ev);
}

long stats_local_day(long long t)
{
    struct schedule_local l;
    schedule_local_time((time_t)t, &l);
    return l.day;
}

/* ---- parsing ---- */

/* Copies an optional string member; -1 if present but not a string or too long. */
static int stats_parse_string(const cJSON *obj, const char *key, char *dst, size_t dstsz)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!it || cJSON_IsNull(it))
        return 0;
    if (!cJSON_IsString(it) || strlen(it->valuestring) >= dstsz)
        return -1;
    utf8_copy(dst, dstsz, it->valuestring);
    return 0;
}

static int stats_parse_fields(const cJSON *obj, struct stats_event *out)
{
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(obj, "t");
    const cJSON *ev = cJSON_GetObjectItemCaseSensitive(obj, "event");
    if (!cJSON_IsString(t) || date_parse_rfc3339(t->valuestring, &out->t) != 0)
        return -1;
    int kind = cJSON_IsString(ev) ? stats_kind_from_name(ev->valuestring) : -1;
    if (kind < 0)
        return -1;
    out->kind = (enum stats_kind)kind;
    if (stats_parse_string(obj, "kiosk", out->kiosk, sizeof out->kiosk) != 0 ||
        stats_parse_string(obj, "screen", out->screen, sizeof out->screen) != 0 ||
        stats_parse_string(obj, "lang", out->lang, sizeof out->lang) != 0 ||
        stats_parse_string(obj, "municipality", out->municipality,
                           sizeof out->municipality) != 0 ||
        stats_parse_string(obj, "reason", out->reason, sizeof out->reason) != 0)
        return -1;
    const cJSON *dur = cJSON_GetObjectItemCaseSensitive(obj, "duration_s");
    if (dur && !cJSON_IsNull(dur)) {
        if (!cJSON_IsNumber(dur) || !(dur->valuedouble >= 0) ||
            !(dur->valuedouble < STATS_DURATION_MAX))
            return -1;
        out->has_duration = 1;
        out->duration_s = dur->valuedouble;
    }
    return 0;
}

int stats_parse(const char *line, struct stats_event *out)
{
    memset(out, 0, sizeof *out);
    const char *end = NULL;
    cJSON *obj = cJSON_ParseWithOpts(line, &end, 0);
    int rc = -1;
    if (cJSON_IsObject(obj)) {
        /* Only white space may follow the object (a glued second object
         * is what a torn write looks like). */
        while (end && (*end == ' ' || *end == '\t' || *end == '\r' || *end == '\n'))
            end++;
        if (end && *end == '\0')
            rc = stats_parse_fields(obj, out);
    }
    cJSON_Delete(obj);
    if (rc != 0)
        memset(out, 0, sizeof *out);
    return rc;
}
