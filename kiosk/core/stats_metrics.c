/* The Prometheus text: each family with its HELP and TYPE, label values
 * escaped, written into the caller's buffer without allocating. */
#include "stats_metrics.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

/* ---- a bounded text buffer: appends until full, then remembers it overflowed ---- */
struct stats_metrics_buf {
    char *p;
    size_t size, len;
    int overflow;
};

static void stats_metrics_add(struct stats_metrics_buf *b, const char *s, size_t n)
{
    if (b->overflow || n >= b->size - b->len) {
        b->overflow = 1;
        return;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void stats_metrics_printf(struct stats_metrics_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void stats_metrics_printf(struct stats_metrics_buf *b, const char *fmt, ...)
{
    if (b->overflow)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b->p + b->len, b->size - b->len, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= b->size - b->len) {
        b->p[b->len] = '\0';
        b->overflow = 1;
        return;
    }
    b->len += (size_t)n;
}

static int stats_metrics_finish(struct stats_metrics_buf *b)
{
    if (b->overflow) {
        if (b->size)
            b->p[0] = '\0';
        return -1;
    }
    return (int)b->len;
}

struct stats_metrics_muni *stats_metrics_muni(struct stats_metrics *m, const char *id)
{
    if (!id || !id[0])
        return NULL;
    for (int i = 0; i < m->n_munis; i++)
        if (strcmp(m->munis[i].id, id) == 0)
            return &m->munis[i];
    if (m->n_munis >= STATS_METRICS_MAX_MUNIS)
        return NULL;
    struct stats_metrics_muni *e = &m->munis[m->n_munis++];
    memset(e, 0, sizeof *e);
    utf8_copy(e->id, sizeof e->id, id);
    return e;
}

/* A label value per the text exposition format: \, " and line feed escaped. */
static void stats_metrics_label(struct stats_metrics_buf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '\\')
            stats_metrics_add(b, "\\\\", 2);
        else if (*s == '"')
            stats_metrics_add(b, "\\\"", 2);
        else if (*s == '\n')
            stats_metrics_add(b, "\\n", 2);
        else
            stats_metrics_add(b, s, 1);
    }
}

static void stats_metrics_head(struct stats_metrics_buf *b, const char *name, const char *type,
                            const char *help)
{
    stats_metrics_printf(b, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

static void stats_metrics_value(struct stats_metrics_buf *b, const char *name, const char *type,
                             const char *help, long long v)
{
    stats_metrics_head(b, name, type, help);
    stats_metrics_printf(b, "%s %lld\n", name, v);
}

static void stats_metrics_calls(struct stats_metrics_buf *b, const struct stats_metrics *m)
{
    static const char *const results[3] = {"started", "ended", "failed"};
    stats_metrics_head(b, "kiosk_calls_total", "counter",
                    "Video calls since the kiosk started, by municipality and result.");
    for (int i = 0; i < m->n_munis && i < STATS_METRICS_MAX_MUNIS; i++) {
        const struct stats_metrics_muni *u = &m->munis[i];
        long v[3] = {u->calls.started, u->calls.ended, u->calls.failed};
        for (int k = 0; k < 3; k++) {
            stats_metrics_add(b, "kiosk_calls_total{municipality=\"", 32);
            stats_metrics_label(b, u->id);
            stats_metrics_printf(b, "\",result=\"%s\"} %ld\n", results[k], v[k]);
        }
    }
}

static void stats_metrics_info(struct stats_metrics_buf *b, const struct stats_metrics *m)
{
    stats_metrics_value(b, "kiosk_up", "gauge", "1 while the kiosk program runs, 0 once it stopped.",
                     m->down ? 0 : 1);
    stats_metrics_head(b, "kiosk_build_info", "gauge", "The program's version.");
    stats_metrics_add(b, "kiosk_build_info{version=\"", 26);
    stats_metrics_label(b, m->version);
    stats_metrics_add(b, "\"} 1\n", 5);
    stats_metrics_head(b, "kiosk_info", "gauge", "The kiosk's id and program version.");
    stats_metrics_add(b, "kiosk_info{kiosk=\"", 18);
    stats_metrics_label(b, m->kiosk);
    stats_metrics_add(b, "\",version=\"", 11);
    stats_metrics_label(b, m->version);
    stats_metrics_add(b, "\"} 1\n", 5);
}

/* Only with a fleet section: the fetches by result, the last good one, and
 * the generation of the running config with where it came from. */
static void stats_metrics_fleet(struct stats_metrics_buf *b, const struct stats_metrics *m)
{
    static const char *const results[6] = {"ok",      "not_modified", "http_error",
                                           "timeout", "invalid",      "refused"};
    if (!m->fleet)
        return;
    stats_metrics_head(b, "kiosk_config_fetch_total", "counter",
                       "Fetches of fleet.config_url by result.");
    for (int i = 0; i < 6; i++)
        stats_metrics_printf(b, "kiosk_config_fetch_total{result=\"%s\"} %ld\n", results[i],
                             m->fleet_fetch[i]);
    stats_metrics_value(b, "kiosk_config_fetch_last_success_timestamp_seconds", "gauge",
                        "When fleet.config_url last answered with a good or unchanged document "
                        "(Unix time, 0 = never).", m->fleet_last_ok);
    if (!m->config_gen[0])
        return;
    stats_metrics_head(b, "kiosk_config_generation", "gauge",
                       "The running config: where it came from and its hash.");
    stats_metrics_add(b, "kiosk_config_generation{source=\"", 32);
    stats_metrics_add(b, m->config_remote ? "remote" : "local", m->config_remote ? 6 : 5);
    stats_metrics_add(b, "\",generation=\"", 14);
    stats_metrics_label(b, m->config_gen);
    stats_metrics_add(b, "\"} 1\n", 5);
}

const double stats_frame_bounds[STATS_FRAME_BUCKETS] = {0.004, 0.008, 0.016, 0.033, 0.066,
                                                         0.1,   0.25,  0.5,   1.0,   2.5};

void stats_metrics_frame(struct stats_frames *f, double wall, double seconds)
{
    for (int i = 0; i < STATS_FRAME_BUCKETS; i++)
        if (seconds <= stats_frame_bounds[i]) {
            f->buckets[i]++;
            break;
        }
    f->count++;
    f->sum += seconds;
    f->last = wall;
}

/* The screen heartbeat: when the last frame was presented, how long frames
 * take, and when this file was written (by a thread other than the loop's,
 * so a stuck loop shows as an old frame in a fresh file). */
static void stats_metrics_heartbeat(struct stats_metrics_buf *b, const struct stats_metrics *m)
{
    stats_metrics_head(b, "kiosk_last_frame_timestamp_seconds", "gauge",
                       "When the kiosk last presented a frame (Unix time, 0 = none yet).");
    stats_metrics_printf(b, "kiosk_last_frame_timestamp_seconds %.3f\n", m->frames.last);
    stats_metrics_head(b, "kiosk_frame_seconds", "histogram",
                       "Time to draw and present one frame.");
    long cum = 0;
    for (int i = 0; i < STATS_FRAME_BUCKETS; i++) {
        cum += m->frames.buckets[i];
        stats_metrics_printf(b, "kiosk_frame_seconds_bucket{le=\"%g\"} %ld\n",
                             stats_frame_bounds[i], cum);
    }
    stats_metrics_printf(b, "kiosk_frame_seconds_bucket{le=\"+Inf\"} %ld\n", m->frames.count);
    stats_metrics_printf(b, "kiosk_frame_seconds_sum %.6f\nkiosk_frame_seconds_count %ld\n",
                         m->frames.sum, m->frames.count);
    stats_metrics_value(b, "kiosk_metrics_timestamp_seconds", "gauge",
                        "When the kiosk's writer thread wrote this file (Unix time).",
                        m->written);
}

static void stats_metrics_polls(struct stats_metrics_buf *b, const struct stats_metrics *m)
{
    stats_metrics_head(b, "kiosk_status_poll_last_success_timestamp_seconds", "gauge",
                       "When the municipality's status_url last answered well (Unix time, "
                       "0 = not yet).");
    for (int i = 0; i < m->n_polls && i < STATS_METRICS_MAX_MUNIS; i++) {
        stats_metrics_add(b, "kiosk_status_poll_last_success_timestamp_seconds{municipality=\"", 63);
        stats_metrics_label(b, m->polls[i].id);
        stats_metrics_printf(b, "\"} %lld\n", m->polls[i].last_ok);
    }
    stats_metrics_head(b, "kiosk_municipality_open", "gauge",
                       "1 while the polled municipality's counter is open by its hours "
                       "(always 1 without weekly hours), else 0.");
    for (int i = 0; i < m->n_polls && i < STATS_METRICS_MAX_MUNIS; i++) {
        stats_metrics_add(b, "kiosk_municipality_open{municipality=\"", 38);
        stats_metrics_label(b, m->polls[i].id);
        stats_metrics_printf(b, "\"} %d\n", m->polls[i].open ? 1 : 0);
    }
}

int stats_metrics_text(const struct stats_metrics *m, char *out, size_t outsz)
{
    if (!out || outsz == 0)
        return -1;
    struct stats_metrics_buf b = {out, outsz, 0, 0};
    out[0] = '\0';
    stats_metrics_info(&b, m);
    stats_metrics_calls(&b, m);
    stats_metrics_value(&b, "kiosk_sessions_total", "counter",
                     "Visitor sessions since the kiosk started.", m->sessions);
    stats_metrics_value(&b, "kiosk_status_poll_total", "counter",
                     "Finished polls of the municipalities' status URLs.", m->status_polls);
    stats_metrics_value(&b, "kiosk_status_poll_failures_total", "counter",
                     "Status polls that failed.", m->status_poll_failures);
    stats_metrics_value(&b, "kiosk_notify_sent_total", "counter",
                     "Clerk notifications delivered.", m->notify_sent);
    stats_metrics_value(&b, "kiosk_notify_lost_total", "counter",
                     "Clerk notifications given up.", m->notify_lost);
    stats_metrics_value(&b, "kiosk_config_last_load_timestamp_seconds", "gauge",
                     "When a valid config was last loaded (Unix time, 0 = never).",
                     m->config_last_load);
    stats_metrics_value(&b, "kiosk_config_reload_failures_total", "counter",
                     "Config files refused on reload.", m->config_reload_failures);
    stats_metrics_value(&b, "kiosk_config_errors", "gauge",
                        "Errors in the config file at its last load (a refused reload's).",
                        m->config_errors);
    stats_metrics_value(&b, "kiosk_config_warnings", "gauge",
                        "Warnings in the config file at its last load.", m->config_warnings);
    stats_metrics_polls(&b, m);
    stats_metrics_heartbeat(&b, m);
    stats_metrics_value(&b, "kiosk_camera_present", "gauge", "1 if a camera is found.",
                     m->camera_present ? 1 : 0);
    stats_metrics_value(&b, "kiosk_microphone_present", "gauge",
                     "1 if a microphone is found.", m->microphone_present ? 1 : 0);
    stats_metrics_fleet(&b, m);
    return stats_metrics_finish(&b);
}
