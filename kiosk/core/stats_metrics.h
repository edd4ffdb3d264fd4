#ifndef KIOSK_STATS_METRICS_H
#define KIOSK_STATS_METRICS_H
/* The kiosk's health and counters as Prometheus text (exposition format
 * 0.0.4) for node_exporter's textfile collector. Pure: a snapshot in, text
 * into the caller's buffer; adapters/records.c writes the file. */
#include <stddef.h>

#include "stats.h"

#define STATS_METRICS_MAX_MUNIS 32
#define STATS_METRICS_TEXT_MAX 32768 /* the text always fits in this much */

struct stats_metrics_muni {
    char id[STATS_ID_MAX];
    struct stats_calls calls;
};
/* A municipality whose status_url is polled, and whether it is open now. */
struct stats_metrics_poll {
    char id[STATS_ID_MAX];
    long long last_ok; /* UTC seconds of the last successful poll, 0 = none yet */
    int open;          /* 1 = open now by its hours (or no weekly hours), 0 = closed */
};

/* Upper bounds (seconds) of the frame-time histogram's buckets; +Inf follows. */
#define STATS_FRAME_BUCKETS 10
extern const double stats_frame_bounds[STATS_FRAME_BUCKETS];

/* The screen heartbeat, kept by the loop. */
struct stats_frames {
    double last;                        /* UTC seconds of the last frame presented, 0 = none */
    long buckets[STATS_FRAME_BUCKETS];  /* frames in each bucket (not cumulative) */
    long count;
    double sum;                         /* seconds */
};

/* A snapshot: plain data, copy it with =. */
struct stats_metrics {
    char kiosk[STATS_ID_MAX];
    char version[STATS_NAME_MAX];
    int n_munis;
    struct stats_metrics_muni munis[STATS_METRICS_MAX_MUNIS];
    long sessions;
    long status_polls, status_poll_failures; /* struct http_health */
    long notify_sent, notify_lost;
    long long config_last_load; /* UTC seconds, 0 = never */
    long config_reload_failures;
    int camera_present, microphone_present;
    int fleet;               /* 1: the config_fetch families are written */
    long fleet_fetch[6];     /* ok, not_modified, http_error, timeout, invalid, refused */
    long long fleet_last_ok; /* UTC seconds of the last ok or not_modified, 0 = never */
    int config_remote;       /* the running config came from the fleet document */
    char config_gen[13];     /* its generation (hash); "" = not written */
    int down; /* 1: the kiosk is stopping (kiosk_up 0) */
    int config_errors, config_warnings; /* of the last load attempt (a refused reload's) */
    int n_polls;
    struct stats_metrics_poll polls[STATS_METRICS_MAX_MUNIS];
    struct stats_frames frames;
    long long written; /* UTC seconds the writer thread wrote the file (records.c) */
};

/* One frame presented at wall (UTC seconds) that took seconds to draw and present. */
void stats_metrics_frame(struct stats_frames *f, double wall, double seconds);

/* Writes the metrics as Prometheus text (HELP and TYPE for each family,
 * label values escaped) into out (caller's buffer). Returns the length, or
 * -1 if it does not fit (out is then ""). */
int stats_metrics_text(const struct stats_metrics *m, char *out, size_t outsz);
/* The entry for municipality id in m (added with zero counts if new).
 * Returns NULL if id is empty or m is full. Points into m. */
struct stats_metrics_muni *stats_metrics_muni(struct stats_metrics *m, const char *id);
#endif
