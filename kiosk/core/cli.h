#ifndef KIOSK_CLI_H
#define KIOSK_CLI_H
/* The kiosk's command line (PRODUCT.md), parsed without side effects. */
#include <stddef.h>

enum cli_mode { CLI_RUN, CLI_HELP, CLI_VERSION, CLI_CHECK_CONFIG, CLI_SCREENSHOT,
                CLI_SCHEDULE, CLI_REPORT };

struct cli {
    enum cli_mode mode;
    const char *config;   /* NULL = default */
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
    long long at;        /* --at: fixed time (UTC seconds) for screenshots; -1 = now */
    int high_contrast;   /* --high-contrast (screenshots) */
    int large_text;      /* --large-text (screenshots) */
    int verbose;
};

/* Parses argv into *out. Returns 0, or -1 with a one-line reason in err
 * (a usage error: the caller exits 2). */
int cli_parse(int argc, char **argv, struct cli *out, char *err, size_t errsz);
/* Parses "WxH"; returns 0 on success. */
int cli_parse_size(const char *s, int *w, int *h);
/* Parses "YYYY-MM-DDTHH:MM" as Asia/Tokyo time into UTC seconds. */
int cli_parse_at(const char *s, long long *utc);
/* The --help text. */
const char *cli_usage(void);
#endif
