#ifndef KIOSK_USAGE_H
#define KIOSK_USAGE_H
/* What the kiosk records about its use (anonymous events and metrics),
 * from the state machine's point of view; records.c writes them in its
 * own thread. */
#include <time.h>

#include "app.h"
#include "http_worker.h"
#include "records.h"

struct usage {
    struct records *records; /* NULL when the config asks for no records */
    const struct config *cfg;
    long long config_loaded_at; /* wall clock of the last valid config load */
    long config_reload_failures;
    int config_errors, config_warnings; /* of the last load attempt */
    struct stats_frames frames;         /* the screen heartbeat (usage_frame) */
    time_t metrics_at; /* last snapshot handed to records */
    int fleet;                /* 1: a fleet.config_url is fetched */
    long fleet_fetch[6];      /* by enum fleet_result */
    long long fleet_last_ok;  /* wall clock of the last ok or not_modified fetch */
    int config_remote;        /* the running config came from the fleet document */
    char config_gen[13];      /* its generation */
    long metrics_frames; /* frames.count in it */
    struct stats_metrics sent; /* the last snapshot handed over, without its frames */
    int sent_valid;
};

/* Starts writing cfg's stats_path and metrics_path (relative to the
 * config's folder); neither set means no records. Returns 0, or -1 when
 * stats_path is locked by another kiosk (logged; nothing started). */
int usage_start(struct usage *u, const struct config *cfg);
/* After a config swap: restarts the writer if the paths changed (a new
 * stats_path locked by another kiosk: metrics only, logged). */
void usage_config(struct usage *u, const struct config *old, const struct config *cfg);
/* APP_CMD_RECORD with the state after the change. */
void usage_record_cmd(struct usage *u, const struct app_state *st, int rec);
void usage_call_started(struct usage *u, int muni);
/* A call's end as the state machine will take it; call before app_handle
 * (it reads the call's state). Ignores other events. */
void usage_call_end(struct usage *u, const struct app_state *st, const struct app_event *ev,
                    double now);
/* A frame was presented at wall (UTC seconds); drawing it took seconds. */
void usage_frame(struct usage *u, double wall, double seconds);
/* The metrics snapshot, at most once a second. */
void usage_metrics(struct usage *u, struct http_worker *http, int camera, int microphone);
/* Final snapshot and flush (kiosk_up 0). */
void usage_stop(struct usage *u, struct http_worker *http, int camera, int microphone);
#endif
