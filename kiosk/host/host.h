#ifndef KIOSK_HOST_H
#define KIOSK_HOST_H
/* The kiosk without its window: the config in use and the one waiting for
 * the visitor to go, the state machine, and its commands carried out (call,
 * records, reload, swap, quit). No SDL: the loop (shell/run.c), the
 * benchmark and the headless mode drive the same host; what needs the
 * window comes back through the hooks. */
#include <stddef.h>

#include "app.h"
#include "call_session.h"
#include "config.h"
#include "fleet.h"
#include "http_worker.h"
#include "records.h"
#include "usage.h"

struct host_hooks {
    void *ctx;
    /* From worker threads when something changed: must only post an event
     * (mpv's wake-up rule); the loop then calls host_wakeup. */
    void (*wake)(void *ctx);
    /* A call without launcher: the system's handler (SDL_OpenURL). */
    int (*open_url)(const char *url, char *err, size_t errsz);
    /* A new config is in use (fonts, images follow it). */
    void (*config_swapped)(void *ctx, const struct config *cfg);
    /* A call starts: where its browser goes (cs->x, y, w, h). */
    void (*call_place)(void *ctx, struct call_session *cs);
    /* After each event the state machine took (the screen may have changed
     * from before). */
    void (*after_event)(void *ctx, enum app_screen before);
    /* A call ended or failed (the kiosk comes back to the front). */
    void (*call_over)(void *ctx);
};

struct host_opts {
    const char *config;    /* the config file */
    const char *fonts_dir; /* for the checks of config_load */
    const char *data_dir;  /* the same (config_load_opts); may be NULL */
    int (*image_probe)(const char *path, char *err, size_t errsz);
    int workers; /* 1: status worker, records and config watch; 0: none */
    struct host_hooks hooks; /* each may be NULL */
};

/* The central config (fleet.config_url), host_fleet.c. */
struct host_fleet {
    struct fleet *f;            /* the fetch thread; NULL without fleet or workers */
    struct fleet_doc doc;       /* the good remote document in use, or none */
    int cfg_remote, next_remote; /* h->cfg, h->next came from doc (else the local file) */
    char cfg_gen[13], next_gen[13]; /* their generations (hash) */
    enum fleet_result last;     /* the last fetch's result */
    int fetched;                /* 1 once a fetch finished */
    char last_msg[FLEET_MSG_MAX];
    long long last_ok_at;       /* wall clock of the last ok or not_modified */
};

struct host {
    struct host_opts o;
    struct config cfg;  /* the config in use */
    struct config next; /* a newer valid config, waiting for the visitor to go */
    int next_ready;
    char config_status[512];
    struct app_state st;
    struct call_session call;
    struct http_worker *http;    /* NULL without workers */
    struct config_watch *watch;  /* NULL without workers */
    struct usage usage;          /* records and metrics; writes nothing when not configured */
    struct status_info *status;  /* per municipality, copied from the worker */
    struct host_fleet fleet;
    int camera, microphone;      /* as the shell last found them */
    int workers_on;              /* host_start_workers ran */
    int pin_check_due;           /* the example-PIN check waits for host_start_workers */
    int quit;  /* APP_CMD_QUIT came */
    int dirty; /* what the screen shows changed */
};

/* Loads o->config into h->cfg (problems logged, h->config_status set).
 * With o.workers the example-PIN check (PBKDF2, ~40 ms) waits for
 * host_check_pin. Returns 0, or -1 (then nothing needs freeing). */
int host_load(struct host *h, const struct host_opts *o);
/* Starts on the home screen (lang: NULL or a declared language) and, with
 * o.workers, the records (their writer thread). Returns 0, or -1 when the
 * records file is locked by another kiosk (logged: this kiosk must not run;
 * host_stop still cleans up). */
int host_start(struct host *h, const char *lang, double now);
/* With o.workers: the status worker, the config watch and the fleet fetch.
 * The kiosk calls it after its first frame is on screen: none of it is
 * needed to draw home. */
void host_start_workers(struct host *h);
/* The example-PIN check host_load left out (PBKDF2, ~40 ms), its warning
 * logged and counted as the load's; nothing when it is not due. */
void host_check_pin(struct host *h);
/* Ends a running call, stops the workers, frees both configs. */
void host_stop(struct host *h, double now);

/* One event for the state machine, its commands carried out. */
void host_feed(struct host *h, const struct app_event *ev, double now);
/* After a wake-up: the worker's results, a changed config file, the call. */
void host_wakeup(struct host *h, double now);
/* Once a loop turn: the clock tick, the running call, the metrics. */
void host_tick(struct host *h, double now);
/* Reads the config file again (the admin's reload, the file watch): a valid
 * one waits in h->next until the visitor has gone, then replaces h->cfg
 * (hooks.config_swapped); a broken one is reported and h->cfg stays. */
void host_reload(struct host *h, double now);

/* Internal to the host (host_fleet.c): the local config in *cfg becomes the
 * merge with the remote document in use (h->fleet.doc) when it has a fleet
 * section; *remote and gen say which it is. At start, the last good
 * document is read from the state folder first. */
void host_fleet_apply(struct host *h, struct config *cfg, int *remote, char gen[13]);
void host_fleet_start(struct host *h);
void host_fleet_stop(struct host *h);
/* Stops the thread and frees the document in use (host_stop). */
void host_fleet_free(struct host *h);
/* A finished fetch: checked, stored, offered as the next config. */
void host_fleet_wakeup(struct host *h, double now);
/* Where the running config came from and the last fetch, for the admin screen. */
void host_fleet_text(const struct host *h, char *out, size_t outsz);
/* A checked config waits in h->next for the visitor to go (host.c). */
void host_offer(struct host *h, struct config *fresh, int remote, const char *gen, double now);

/* What the admin screen says about the kiosk. */
struct host_text {
    char config_status[512];
    char fleet[400]; /* where the config came from and the last fetch; "" without fleet */
    char health[320];
    char counts[160];
};
/* The live texts; h may be NULL (a config loaded without warnings, nothing
 * polled, nothing counted: the headless mode and the benchmark). */
void host_text(const struct host *h, struct host_text *t);
/* For the admin screen: "up 2 h 5 min  ·  watchdog on, every 30 s, ..." from
 * the uptime (seconds) and the watchdog's description (watchdog_describe;
 * NULL or "" = off); and "loaded 2026-12-02 07:21" from when the running
 * config was loaded (UTC seconds, shown in Japan time; 0 = "load time
 * unknown"). */
void host_running_text(char *out, size_t outsz, double uptime, const char *watchdog);
void host_loaded_text(char *out, size_t outsz, long long loaded_at);
/* The config status after a load that returned rc with diags. */
void host_config_status(char *out, size_t outsz, int rc, const struct config_diags *diags);

/* A state showing one screen, as --screen names it. */
struct host_frame {
    const char *screen; /* "home", "municipality:tobetsu", ... */
    const char *lang;   /* NULL: the config's default */
    int high_contrast, large_text;
};
/* Returns 0, or -1 after a message (unknown language or screen). */
int host_frame_state(const struct config *cfg, const struct host_frame *f, double now,
                     struct app_state *st);
#endif
