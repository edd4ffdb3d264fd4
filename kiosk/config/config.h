#ifndef KIOSK_CONFIG_H
#define KIOSK_CONFIG_H
/* The staff's config file (config/kiosk.json) as plain structs.
 * Pure: cJSON and libc only. The kiosk never writes this file.
 * Ranges and defaults of the keys are in the option tables
 * (config_tables.c), not here. */
#include <stddef.h>
#include <stdint.h>

#include "i18n.h"

#define CONFIG_MAX_LANGS 8
#define CONFIG_MAX_INTERVALS 4 /* opening intervals per weekday */

/* Opening interval in minutes since local (Asia/Tokyo) midnight. */
struct config_interval {
    int open_min;
    int close_min;
};
/* Weekly hours; day 0 = Sunday .. 6 = Saturday (like struct tm). */
struct config_hours {
    int n[7];
    struct config_interval iv[7][CONFIG_MAX_INTERVALS];
};
struct config_date {
    int y, m, d;
};

struct config_font_chain {
    char lang[I18N_LANG_MAX]; /* "" = default chain for any language */
    int n;
    char **files; /* file names (looked up in fonts/, then system folders) or paths */
};

struct config_kiosk {
    char *id;
    struct ltext title;
    struct ltext tagline; /* e.g. つながりが、新しい未来をつくる */
    int n_languages;
    char languages[CONFIG_MAX_LANGS][I18N_LANG_MAX];
    char default_language[I18N_LANG_MAX];
    int idle_timeout_s;
    int voice_volume; /* voice guidance, percent of full scale */
    int voice_hint_cycles; /* the attract loop says how to get voice guidance every Nth cycle; 0 never */
    int fullscreen;
    char *admin_pin_sha256; /* 64 hex digits; NULL = admin screen disabled */
    int n_fonts;
    struct config_font_chain *fonts;
    char *stats_path;   /* may be NULL: no records */
    char *metrics_path; /* may be NULL */
    double display_inches; /* diagonal */
    int rotation;          /* 0, 90, 180, 270 */
};

struct config_call {
    int n_launcher;
    char **launcher; /* argv; NULL/0 = use SDL_OpenURL */
    int n_allowed_hosts;
    char **allowed_hosts; /* "example.org" or "*.example.org" */
    int max_minutes;
    int connect_timeout_s; /* status poll and notify connect timeout */
    int poll_interval_s;
    int require_devices;   /* no call without a camera and a microphone */
};

/* fleet: the rest of the config from a web server (kiosk/adapters/fleet.c).
 * Local only: a remote document cannot change it. */
struct config_fleet {
    char *config_url;  /* https; NULL = no remote config */
    char *ca_file;     /* PEM bundle to verify the server with; NULL = the system's */
    char *client_cert; /* PEM client certificate (mutual TLS); may be NULL */
    char *client_key;  /* its key; may be NULL */
    char *state_dir;   /* where the last good document is kept; NULL = derived */
    int interval_s;    /* between fetches */
    int timeout_s;     /* a whole fetch, connect included */
};

struct config_muni_call {
    char *url;        /* https, may contain {session} */
    char *status_url; /* may be NULL */
    char *notify_url; /* may be NULL */
};

/* How a visitor reaches the town hall when no video call can be made
 * (closed, busy, failed, no camera): its public phone number and a contact
 * page shown as a QR code. */
struct config_muni_contact {
    char *phone; /* as printed, e.g. 0133-23-2330; may be NULL */
    char *url;   /* https contact page; may be NULL */
};

struct config_municipality {
    char *id;
    struct ltext name;
    struct ltext reading; /* how voice guidance says the name, per language (kana for ja) */
    uint32_t color; /* 0xRRGGBB */
    char *emblem;   /* image path relative to the config's folder, may be NULL */
    char *website;  /* may be NULL */
    int n_services;
    struct ltext *services; /* consultations offered by video */
    int has_hours;
    struct config_hours hours;
    int n_closed_dates;
    struct config_date *closed_dates;
    int has_call;
    struct config_muni_call call;
    int has_contact;
    struct config_muni_contact contact;
};

struct config_service {
    char *id;
    struct ltext title;
    struct ltext reading; /* how voice guidance says the title, per language */
    struct ltext body;
    struct ltext summary; /* one line for the services list's card; empty: an excerpt of body */
    char *url; /* may be NULL */
    int n_municipalities;
    char **municipalities; /* municipality ids */
};

struct config_kpi_value {
    int present;       /* the point is given (a value, a note or both) */
    int has_value;     /* value is a number from the file (else only a note) */
    double value;      /* in the KPI's unit; may be negative */
    int year;          /* 0 if unknown */
    struct ltext note; /* e.g. 現状値からの増加 when there is no number */
};
struct config_kpi {
    char *id;
    struct ltext title;
    struct ltext unit;
    struct config_kpi_value v1_baseline, v1_actual, v1_target;
    struct config_kpi_value v2_baseline, v2_target;
};

struct config {
    char *path; /* file it came from */
    char *dir;  /* folder of path: relative asset paths resolve from here */
    struct config_kiosk kiosk;
    struct config_call call;
    struct config_fleet fleet;
    int n_municipalities;
    struct config_municipality *municipalities;
    int n_services;
    struct config_service *services;
    int n_kpis;
    struct config_kpi *kpis;
};

/* One problem found in a config file. */
enum config_severity { CONFIG_ERROR = 0, CONFIG_WARNING = 1 };
struct config_diag {
    enum config_severity severity;
    int line, col;  /* 1-based; 0 when not placeable (e.g. file unreadable) */
    char path[256]; /* JSON path, e.g. municipalities[8].call.url ("" = file) */
    char message[256];
    int kind;              /* message kind (enum config_msg in config_diags.h) */
    char message_ja[384];  /* the same message in Japanese */
};
struct config_diags {
    int n, cap;
    int n_errors, n_warnings;
    struct config_diag *d; /* owned */
};
#define CONFIG_DIAG_CAP 200 /* stop collecting after this many (mpv's way) */

/* Optional checks that need more than libc (the UI layer passes SDL_image). */
struct config_load_opts {
    /* Returns 0 if the image at path decodes, else -1 with a reason in err. */
    int (*image_probe)(const char *path, char *err, size_t errsz);
    const char *fonts_dir; /* the repo's fonts/ folder, searched first; may be NULL */
    int skip_files; /* 1: do not look at emblem and font files (fuzzer, quick tests) */
    /* The install's data folder (paths.h: PREFIX/share/PACKAGE, or the
     * source tree): records and metrics may not be written inside it, and
     * its assets/ folder may be reached by a relative emblem path. NULL:
     * neither rule. */
    const char *data_dir;
    /* 1: leave out the example-PIN check (PBKDF2, ~40 ms of CPU): the caller
     * runs config_check_pin_example later (the kiosk, after its first frame). */
    int defer_pin_check;
};

/* Loads and validates path into *cfg. Every problem goes to diags (may be
 * NULL). Returns 0 if the config is usable (no errors; warnings allowed),
 * else -1 and *cfg is left zeroed. On success the caller owns *cfg and
 * frees it with config_free. */
int config_load(const char *path, const struct config_load_opts *opts, struct config *cfg,
                struct config_diags *diags);
/* Same, from a buffer (for tests and the fuzzer); name is used in messages
 * and as the base for relative asset paths. */
int config_load_buffer(const char *name, const char *buf, size_t len,
                       const struct config_load_opts *opts, struct config *cfg,
                       struct config_diags *diags);
/* A document fetched from fleet.config_url (buf, len), checked as a config
 * file after the local file's (local_buf, local_len; already checked)
 * kiosk and fleet sections and call.launcher and call.allowed_hosts were
 * put in its place: a remote document never sets these. *cfg gets
 * local_path as its path (relative assets resolve from the kiosk's own
 * folder). Diagnostics are at the remote document's lines. Returns 0 if
 * usable (then *cfg is the caller's), -1 if it has errors, -2 if it was
 * refused because it tries to set call.launcher or call.allowed_hosts
 * (errors say where; the whole document is refused). */
int config_load_remote(const char *buf, size_t len, const char *local_path,
                       const char *local_buf, size_t local_len,
                       const struct config_load_opts *opts, struct config *cfg,
                       struct config_diags *diags);
/* Reads a whole file of at most max bytes into *out (malloc'ed,
 * NUL-terminated, the caller's). Returns 0, or -1 with errno set
 * (EFBIG when longer than max). */
int config_read_file(const char *path, size_t max, char **out, size_t *len);
void config_free(struct config *cfg);
/* Fills *cfg with the option tables' defaults and nothing else (no file,
 * no municipalities; nothing to free), for code that runs without a
 * loaded config. */
void config_load_defaults(struct config *cfg);

/* The check a loader with defer_pin_check left out: adds the example-PIN
 * warning to diags (not placed in the file: line 0) when cfg's admin PIN is
 * the shipped config's. Returns 1 if it did, else 0. */
int config_check_pin_example(const struct config *cfg, struct config_diags *diags);

void config_diags_free(struct config_diags *diags);
/* Prints every diagnostic as FILE:LINE:COL: error|warning: PATH: message
 * to stdout (msg_out), then "N more problems not shown" past the cap. */
void config_diags_print(const struct config_diags *diags, const char *file);
/* Same; when lang is "ja" (or "ja-easy") each line is followed by
 * "  エラー: <Japanese message>" (警告 for warnings). lang may be NULL. */
void config_diags_print_lang(const struct config_diags *diags, const char *file,
                             const char *lang);
/* One diagnostic as FILE:LINE:COL: severity: PATH: message, no newline,
 * into out (truncated to fit). Without a position: FILE: severity: ...;
 * file may be NULL (then the line starts at the position). */
void config_diags_format(const struct config_diag *d, const char *file, char *out,
                         size_t outsz);
/* Summary for `kiosk --check-config`, e.g. "OK: 12 municipalities (1 with
 * video calls), 10 services, 4 KPIs, languages ja, en". Writes into out. */
void config_summary(const struct config *cfg, char *out, size_t outsz);

/* Frees the n strings of v and v. */
void config_strv_free(char **v, int n);

/* Lookups; return -1 / NULL when absent. */
int config_find_municipality(const struct config *cfg, const char *id);
int config_find_service(const struct config *cfg, const char *id);
/* Font chain for lang (or the "" default chain); NULL if none configured. */
const struct config_font_chain *config_fonts_for(const struct config *cfg, const char *lang);
/* Resolves a path from the config relative to the config's folder into out.
 * Returns 0, or -1 if it does not fit. */
int config_resolve_path(const struct config *cfg, const char *rel, char *out, size_t outsz);
/* Number of municipalities with a call section. */
int config_count_callable(const struct config *cfg);
#endif
