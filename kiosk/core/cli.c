#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"

const char *cli_usage(void)
{
    return "usage: kiosk [options]\n"
           "  --config PATH            config file (default config/kiosk.json)\n"
           "  --fonts DIR              folder searched for fonts before all others\n"
           "  --windowed[=WxH]         a window instead of full screen (default 1280x720)\n"
           "  --lang CODE              start language\n"
           "  --check-config           validate the config and its assets, then exit\n"
           "  --config-url URL         with --check-config: fetch URL and check it as the\n"
           "                           config's fleet document (messages say URL:LINE:COL)\n"
           "  --screenshot FILE.png --screen NAME [--size WxH] [--lang CODE]\n"
           "                           render one screen headless to a PNG and exit; NAME is\n"
           "                           home, municipalities, municipality:ID, calling:ID,\n"
           "                           in-call:ID, call-failed:ID, thanks, services,\n"
           "                           service:ID, kpi, admin-pin, admin, idle-warning\n"
           "  --at YYYY-MM-DDTHH:MM    with --screenshot: the time to show (Asia/Tokyo)\n"
           "  --high-contrast, --large-text   with --screenshot: the accessibility modes\n"
           "  --no-camera              with --screenshot: draw as if the camera and microphone\n"
           "                           were missing\n"
           "  --status ID=STATE        with --screenshot, repeatable: draw as if ID's\n"
           "                           status_url had answered STATE: available, busy,\n"
           "                           busy:MIN (wait in minutes), unknown (no valid\n"
           "                           answer) or message:TEXT (available, with the\n"
           "                           clerk's message TEXT); ID needs a call.status_url\n"
           "  --schedule ID [--from YYYY-MM-DD] [--days N]\n"
           "                           print when ID's remote counter is open, one line a day\n"
           "  --report FROM TO [--format csv|md] [PATH...]\n"
           "                           sum the usage records (kiosk.stats_path) from FROM to\n"
           "                           TO (YYYY-MM-DD, Japan dates, inclusive); md by default;\n"
           "                           with PATHs (records files, or folders of *.jsonl, one\n"
           "                           per kiosk): per kiosk and in total\n"
           "  --print-browser-policy   print the call browser's Chromium policy (JSON) made\n"
           "                           from call.allowed_hosts, for\n"
           "                           /etc/chromium/policies/managed/\n"
           "  --hash-pin               read an admin PIN (4 to 8 digits; not echoed on a\n"
           "                           terminal, one line from a pipe) and print the value\n"
           "                           for kiosk.admin_pin_sha256\n"
           "  --verbose                more log lines\n"
           "  --version, --help\n";
}

int cli_parse_size(const char *s, int *w, int *h)
{
    char *end = NULL;
    long a = strtol(s, &end, 10);
    if (!end || *end != 'x' || a < 64 || a > 16384)
        return -1;
    long b = strtol(end + 1, &end, 10);
    if (!end || *end != '\0' || b < 64 || b > 16384)
        return -1;
    *w = (int)a;
    *h = (int)b;
    return 0;
}

int cli_parse_at(const char *s, long long *utc)
{
    int y, m, d, hh, mm;
    if (date_parse_prefix(&s, &y, &m, &d) != 0 || *s++ != 'T' || (hh = date_digits(&s, 2)) < 0 ||
        *s++ != ':' || (mm = date_digits(&s, 2)) < 0 || *s != '\0' || hh > 23 || mm > 59)
        return -1;
    *utc = (long long)date_days_from_civil(y, m, d) * DATE_DAY_S + hh * 3600 + mm * 60 -
           DATE_TOKYO_OFFSET_S;
    return 0;
}

int cli_parse_status(const char *s, struct cli_status *out, char *err, size_t errsz)
{
    const char *eq = strchr(s, '=');
    size_t idlen = eq ? (size_t)(eq - s) : 0;
    memset(out, 0, sizeof *out);
    out->wait_minutes = -1;
    if (idlen == 0 || idlen >= sizeof out->id) {
        snprintf(err, errsz, "--status: expected ID=STATE, e.g. tobetsu=busy:15, got '%s'", s);
        return -1;
    }
    memcpy(out->id, s, idlen);
    const char *v = eq + 1;
    if (strcmp(v, "available") == 0)
        out->state = STATUS_AVAILABLE;
    else if (strcmp(v, "unknown") == 0)
        out->state = STATUS_UNKNOWN;
    else if (strcmp(v, "busy") == 0)
        out->state = STATUS_BUSY;
    else if (strncmp(v, "busy:", 5) == 0) {
        char *end = NULL;
        long m = strtol(v + 5, &end, 10);
        if (v[5] < '0' || v[5] > '9' || !end || *end || m > STATUS_MAX_WAIT_MINUTES) {
            snprintf(err, errsz, "--status %s: busy:MIN wants minutes from 0 to %d, got '%s'",
                     out->id, STATUS_MAX_WAIT_MINUTES, v + 5);
            return -1;
        }
        out->state = STATUS_BUSY;
        out->wait_minutes = (int)m;
    } else if (strncmp(v, "message:", 8) == 0 && v[8] &&
               strlen(v + 8) <= STATUS_MAX_MESSAGE_BYTES) {
        out->state = STATUS_AVAILABLE;
        out->message = v + 8;
    } else {
        snprintf(err, errsz,
                 "--status %s: expected available, busy, busy:MIN, unknown or message:TEXT "
                 "(1 to %d bytes), got '%.64s'",
                 out->id, STATUS_MAX_MESSAGE_BYTES, v);
        return -1;
    }
    return 0;
}

static int cli_status_add(struct cli *c, const char *v, char *err, size_t errsz)
{
    if (c->n_status >= CLI_MAX_STATUS) {
        snprintf(err, errsz, "--status: at most %d of them", CLI_MAX_STATUS);
        return -1;
    }
    struct cli_status *s = &c->status[c->n_status];
    if (cli_parse_status(v, s, err, errsz) != 0)
        return -1;
    for (int i = 0; i < c->n_status; i++)
        if (strcmp(c->status[i].id, s->id) == 0) {
            snprintf(err, errsz, "--status %s: given twice", s->id);
            return -1;
        }
    c->n_status++;
    return 0;
}

static int cli_muni_index(const struct config *cfg, const char *id)
{
    for (int i = 0; i < cfg->n_municipalities; i++)
        if (strcmp(cfg->municipalities[i].id, id) == 0)
            return i;
    return -1;
}

int cli_status_fill(const struct cli *c, const struct config *cfg, struct status_info *out,
                    char *err, size_t errsz)
{
    for (int i = 0; i < cfg->n_municipalities; i++)
        status_info_unknown(&out[i], "no --status given");
    for (int k = 0; k < c->n_status; k++) {
        const struct cli_status *s = &c->status[k];
        int i = cli_muni_index(cfg, s->id);
        if (i < 0) {
            snprintf(err, errsz, "--status %s: the config has no municipality with this id",
                     s->id);
            return -1;
        }
        const struct config_municipality *m = &cfg->municipalities[i];
        if (!m->has_call || !m->call.status_url) {
            snprintf(err, errsz,
                     "--status %s: its call has no status_url in the config, so the kiosk "
                     "never asks its clerk",
                     s->id);
            return -1;
        }
        status_info_unknown(&out[i], s->state == STATUS_UNKNOWN ? "--status unknown" : "");
        out[i].state = s->state;
        out[i].wait_minutes = s->wait_minutes;
        if (s->message && ltext_add(&out[i].message, "", s->message) != 0) {
            snprintf(err, errsz, "--status %s: out of memory", s->id);
            return -1;
        }
    }
    return 0;
}

/* The value of an option given as "--name=value" or "--name value". */
static const char *cli_value(int argc, char **argv, int *i, const char *name)
{
    size_t n = strlen(name);
    const char *a = argv[*i];
    if (strncmp(a, name, n) != 0)
        return NULL;
    if (a[n] == '=')
        return a + n + 1;
    if (a[n] == '\0' && *i + 1 < argc) {
        (*i)++;
        return argv[*i];
    }
    return NULL;
}

static int cli_flag(struct cli *c, const char *a, char *err, size_t errsz)
{
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)
        c->mode = CLI_HELP;
    else if (strcmp(a, "--version") == 0)
        c->mode = CLI_VERSION;
    else if (strcmp(a, "--check-config") == 0)
        c->mode = CLI_CHECK_CONFIG;
    else if (strcmp(a, "--print-browser-policy") == 0)
        c->mode = CLI_BROWSER_POLICY;
    else if (strcmp(a, "--hash-pin") == 0)
        c->mode = CLI_HASH_PIN;
    else if (strcmp(a, "--verbose") == 0 || strcmp(a, "-v") == 0)
        c->verbose = 1;
    else if (strcmp(a, "--high-contrast") == 0)
        c->high_contrast = 1;
    else if (strcmp(a, "--large-text") == 0)
        c->large_text = 1;
    else if (strcmp(a, "--no-camera") == 0)
        c->no_camera = 1;
    else if (strcmp(a, "--windowed") == 0)
        c->windowed = 1;
    else if (strncmp(a, "--windowed=", 11) == 0) {
        c->windowed = 1;
        if (cli_parse_size(a + 11, &c->win_w, &c->win_h) != 0) {
            snprintf(err, errsz, "--windowed: expected WxH, e.g. --windowed=1280x720, got '%s'", a + 11);
            return -1;
        }
    } else
        return 1; /* not a flag */
    return 0;
}

/* Options that take a value. Returns 0 if handled, 1 if not this kind, -1 on error. */
static int cli_option(struct cli *c, int argc, char **argv, int *i, char *err, size_t errsz)
{
    const char *v;
    if ((v = cli_value(argc, argv, i, "--config")))
        c->config = v;
    else if ((v = cli_value(argc, argv, i, "--fonts")))
        c->fonts = v;
    else if ((v = cli_value(argc, argv, i, "--config-url")))
        c->config_url = v;
    else if ((v = cli_value(argc, argv, i, "--lang")))
        c->lang = v;
    else if ((v = cli_value(argc, argv, i, "--screenshot"))) {
        c->mode = CLI_SCREENSHOT;
        c->screenshot = v;
    } else if ((v = cli_value(argc, argv, i, "--screen")))
        c->screen = v;
    else if ((v = cli_value(argc, argv, i, "--size"))) {
        if (cli_parse_size(v, &c->size_w, &c->size_h) != 0) {
            snprintf(err, errsz, "--size: expected WxH, e.g. 1920x1080, got '%s'", v);
            return -1;
        }
    } else if ((v = cli_value(argc, argv, i, "--schedule"))) {
        c->mode = CLI_SCHEDULE;
        c->schedule_id = v;
    } else if ((v = cli_value(argc, argv, i, "--from"))) {
        if (date_parse(v, &c->from_y, &c->from_m, &c->from_d) != 0) {
            snprintf(err, errsz, "--from: expected a date YYYY-MM-DD, got '%s'", v);
            return -1;
        }
    } else if ((v = cli_value(argc, argv, i, "--days"))) {
        char *end = NULL;
        long d = strtol(v, &end, 10);
        if (!end || *end || d < 1 || d > 3660) {
            snprintf(err, errsz, "--days: expected a number from 1 to 3660, got '%s'", v);
            return -1;
        }
        c->days = (int)d;
    } else if (strcmp(argv[*i], "--report") == 0) {
        if (*i + 2 >= argc) {
            snprintf(err, errsz, "--report needs FROM and TO dates (YYYY-MM-DD)");
            return -1;
        }
        c->mode = CLI_REPORT;
        c->report_from = argv[++*i];
        c->report_to = argv[++*i];

    } else if ((v = cli_value(argc, argv, i, "--format"))) {
        if (strcmp(v, "csv") != 0 && strcmp(v, "md") != 0) {
            snprintf(err, errsz, "--format: expected csv or md, got '%s'", v);
            return -1;
        }
        c->report_format = v;
    } else if ((v = cli_value(argc, argv, i, "--status"))) {
        return cli_status_add(c, v, err, errsz);
    } else if (c->mode == CLI_REPORT && argv[*i][0] != '-') { /* records files, folders */
        if (c->n_report_paths == CLI_MAX_REPORT_PATHS) {
            snprintf(err, errsz, "--report: at most %d files or folders", CLI_MAX_REPORT_PATHS);
            return -1;
        }
        c->report_paths[c->n_report_paths++] = argv[*i];
    } else if ((v = cli_value(argc, argv, i, "--at"))) {
        if (cli_parse_at(v, &c->at) != 0) {
            snprintf(err, errsz, "--at: expected YYYY-MM-DDTHH:MM (Asia/Tokyo), got '%s'", v);
            return -1;
        }
    } else
        return 1;
    return 0;
}

int cli_parse(int argc, char **argv, struct cli *c, char *err, size_t errsz)
{
    memset(c, 0, sizeof *c);
    c->win_w = 1280;
    c->win_h = 720;
    c->size_w = 1920;
    c->size_h = 1080;
    c->days = 14;
    c->at = -1;
    for (int i = 1; i < argc; i++) {
        int r = cli_flag(c, argv[i], err, errsz);
        if (r == 1)
            r = cli_option(c, argc, argv, &i, err, errsz);
        if (r == 1) {
            snprintf(err, errsz, "unknown option '%s' (try --help)", argv[i]);
            return -1;
        }
        if (r < 0)
            return -1;
    }
    if (c->config_url && c->mode != CLI_CHECK_CONFIG) {
        snprintf(err, errsz, "--config-url applies to --check-config only");
        return -1;
    }
    if (c->mode == CLI_SCREENSHOT && !c->screen) {
        snprintf(err, errsz, "--screenshot needs --screen NAME (try --help)");
        return -1;
    }
    if (c->n_status > 0 && c->mode != CLI_SCREENSHOT) {
        snprintf(err, errsz, "--status applies to --screenshot only (the running kiosk asks "
                             "each status_url itself)");
        return -1;
    }
    return 0;
}
