#ifndef KIOSK_CLI_H
#define KIOSK_CLI_H
/* The kiosk's command line (PRODUCT.md), parsed without side effects. */
#include <stddef.h>

#include "config.h"
#include "status.h"

enum cli_mode { CLI_RUN, CLI_HELP, CLI_VERSION, CLI_CHECK_CONFIG, CLI_SCREENSHOT,
                CLI_SCHEDULE, CLI_REPORT, CLI_BROWSER_POLICY,
                CLI_HASH_PIN };

/* --status ID=STATE: what ID's status_url is taken to have answered, for a
 * screenshot. */
#define CLI_MAX_STATUS 16
#define CLI_MAX_REPORT_PATHS 64
struct cli_status {
    char id[64];            /* municipality id */
    enum status_state state;
    int wait_minutes;       /* busy:MIN; -1 = not given */
    const char *message;    /* message:TEXT; NULL = none; points into argv */
};

struct cli {
    enum cli_mode mode;
    const char *config;   /* NULL = default */
    const char *fonts;    /* --fonts DIR, searched first; NULL = the search order */
    int windowed;         /* 0 = from config (fullscreen by default) */
    int win_w, win_h;     /* window size (default 1280x720) */
    const char *lang;     /* NULL = config default */
    const char *screenshot; /* output PNG */
    const char *screen;   /* --screen NAME */
    int size_w, size_h;   /* --size, default 1920x1080 */
    const char *schedule_id;
    int from_y, from_m, from_d; /* --from, 0 = today */
    int days;                   /* --days, default 14 */
    const char *report_from, *report_to, *report_format;
    int n_report_paths;   /* --report FROM TO PATH...: records files or folders */
    const char *report_paths[CLI_MAX_REPORT_PATHS];
    const char *config_url; /* --config-url URL, with --check-config: check a remote document */
    long long at;        /* --at: fixed time (UTC seconds) for screenshots; -1 = now */
    int high_contrast;   /* --high-contrast (screenshots) */
    int large_text;      /* --large-text (screenshots) */
    int no_camera;       /* --no-camera (screenshots): camera and microphone missing */
    int verbose;
    int n_status;        /* --status, with --screenshot only */
    struct cli_status status[CLI_MAX_STATUS];
};

/* Parses argv into *out. Returns 0, or -1 with a one-line reason in err
 * (a usage error: the caller exits 2). */
int cli_parse(int argc, char **argv, struct cli *out, char *err, size_t errsz);
/* Parses "WxH"; returns 0 on success. */
int cli_parse_size(const char *s, int *w, int *h);
/* Parses "YYYY-MM-DDTHH:MM" as Asia/Tokyo time into UTC seconds. */
int cli_parse_at(const char *s, long long *utc);
/* Parses the value of --status, "ID=available|busy[:MIN]|unknown|message:TEXT",
 * into *out. Returns 0, or -1 with a one-line reason in err. */
int cli_parse_status(const char *s, struct cli_status *out, char *err, size_t errsz);
/* Fills out[0..cfg->n_municipalities) as the status poll would have: each
 * --status of c for its municipality, STATUS_UNKNOWN for the others. out is
 * overwritten (not freed first); the caller frees each entry with
 * status_info_free, also after an error. Returns 0, or -1 with a reason in
 * err: an id that is no municipality, or one whose config has no
 * call.status_url (the kiosk never polls it), or no memory. */
int cli_status_fill(const struct cli *c, const struct config *cfg, struct status_info *out,
                    char *err, size_t errsz);
/* The --help text. */
const char *cli_usage(void);
#endif
