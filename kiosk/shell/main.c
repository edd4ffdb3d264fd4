/* The kiosk's entry point: command line, then one of the modes. The
 * interactive loop is in run.c. */
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <curl/curl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "browser_policy.h"
#include "app.h"
#include "images.h"
#include "pinhash.h"
#include "cli.h"
#include "config.h"
#include "fleet.h"
#include "headless.h"
#include "msg.h"
#include "paths.h"
#include "report.h"
#include "run.h"
#include "schedule.h"

static int main_load(const struct cli *c, const struct run_paths *p, struct config *cfg,
                     int print_ok)
{
    struct config_diags diags = {0};
    struct config_load_opts opts = {.image_probe = images_probe, .fonts_dir = p->fonts_dir,
                                     .data_dir = p->data_dir};
    int rc = config_load(p->config, &opts, cfg, &diags);
    /* --lang ja adds a Japanese line under each problem, for clerks. */
    config_diags_print_lang(&diags, p->config, c->lang ? c->lang : "en");
    if (rc == 0 && print_ok) {
        char line[256];
        config_summary(cfg, line, sizeof line);
        msg_out("%s\n", line);
    }
    config_diags_free(&diags);
    return rc;
}

/* kiosk --check-config --config-url URL: the local file, then the document
 * at URL checked as its fleet document would be (ca_file and the client
 * certificate from the local fleet section, if any). Exit 0 or 1. */
static int main_check_remote(const struct cli *c, const struct run_paths *p)
{
    struct config local;
    if (main_load(c, p, &local, 0) != 0)
        return 1;
    struct fleet_opts o;
    if (fleet_opts_from(&local, &o) != 0) {
        o.connect_timeout_s = local.call.connect_timeout_s;
        o.timeout_s = 20;
    }
    snprintf(o.url, sizeof o.url, "%s", c->config_url);
    struct fleet_doc doc;
    char msg[FLEET_MSG_MAX], *text = NULL;
    size_t tlen = 0;
    enum fleet_result r = fleet_fetch_once(&o, NULL, &doc, msg, sizeof msg, NULL);
    curl_global_cleanup();
    int rc = 1;
    if (r != FLEET_OK)
        msg_out("%s: error: cannot fetch (%s): %s\n", c->config_url, fleet_result_name(r), msg);
    else if (config_read_file(p->config, 1024 * 1024, &text, &tlen) != 0)
        msg_out("%s: error: cannot read it again\n", p->config);
    else {
        struct config cfg;
        struct config_diags diags = {0};
        struct config_load_opts opts = {.image_probe = images_probe, .fonts_dir = p->fonts_dir,
                                     .data_dir = p->data_dir};
        rc = config_load_remote(doc.body, doc.len, p->config, text, tlen, &opts, &cfg, &diags);
        config_diags_print_lang(&diags, c->config_url, c->lang ? c->lang : "en");
        if (rc == 0) {
            char line[256];
            config_summary(&cfg, line, sizeof line);
            msg_out("%s\n", line);
            config_free(&cfg);
        } else if (rc == -2)
            msg_out("%s: refused: a remote document may not set call.launcher or "
                    "call.allowed_hosts\n", c->config_url);
        config_diags_free(&diags);
        rc = rc == 0 ? 0 : 1;
    }
    free(text);
    fleet_doc_free(&doc);
    config_free(&local);
    return rc;
}

static int main_schedule(const struct cli *c, const struct run_paths *p)
{
    struct config cfg;
    if (main_load(c, p, &cfg, 0) != 0)
        return 1;
    int y = c->from_y, m = c->from_m, d = c->from_d;
    if (y == 0)
        schedule_today(time(NULL), &y, &m, &d);
    int rc = schedule_print(stdout, &cfg, c->schedule_id, y, m, d, c->days) == 0 ? 0 : 1;
    config_free(&cfg);
    return rc;
}

/* kiosk --report FROM TO [--format csv|md]: exit 0, 1 (config or file), 2 (usage). */
static int main_report(const struct cli *c, const struct run_paths *p)
{
    if (c->n_report_paths > 0) /* several kiosks' records: no config needed */
        return report_print_fleet(stdout, c->report_paths, c->n_report_paths, c->report_from,
                                  c->report_to, c->report_format);
    struct config cfg;
    if (main_load(c, p, &cfg, 0) != 0)
        return 1;
    char stats[1024];
    const char *path = cfg.kiosk.stats_path && config_resolve_path(&cfg, cfg.kiosk.stats_path,
                                                                   stats, sizeof stats) == 0
                           ? stats
                           : NULL;
    int rc = report_print(stdout, path, c->report_from, c->report_to, c->report_format);
    config_free(&cfg);
    return rc;
}

/* kiosk --print-browser-policy: the Chromium policy for call.allowed_hosts
 * on stdout (the service writes it before the kiosk starts). */
static int main_browser_policy(const struct cli *c, const struct run_paths *p)
{
    struct config cfg;
    /* The config's problems go to stderr: stdout is the policy file. */
    fflush(stdout);
    int saved = dup(STDOUT_FILENO);
    if (saved < 0 || dup2(STDERR_FILENO, STDOUT_FILENO) < 0)
        return 1;
    int loaded = main_load(c, p, &cfg, 0);
    fflush(stdout);
    dup2(saved, STDOUT_FILENO);
    close(saved);
    if (loaded != 0)
        return 1;
    char *json = NULL;
    int rc = browser_policy_json(&cfg, &json);
    config_free(&cfg);
    if (rc != 0) {
        msg_error("cannot make the browser policy from call.allowed_hosts");
        return 1;
    }
    int ok = fputs(json, stdout) >= 0 && fflush(stdout) == 0;
    free(json);
    if (!ok)
        msg_error("cannot write the browser policy to stdout");
    return ok ? 0 : 1;
}

/* One line of stdin into buf, without echo on a terminal (prompt on
 * stderr). Returns its length without the newline, or -1. */
static int main_read_pin(const char *prompt, char *buf, size_t bufsz)
{
    struct termios old, quiet;
    int tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty) {
        fputs(prompt, stderr);
        quiet = old;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    char *got = fgets(buf, (int)bufsz, stdin);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        fputc('\n', stderr);
    }
    if (!got)
        return -1;
    size_t n = strcspn(buf, "\r\n");
    buf[n] = '\0';
    return (int)n;
}

/* kiosk --hash-pin: the value for kiosk.admin_pin_sha256 (pinhash.h). */
static int main_hash_pin(void)
{
    char pin[64], again[64], out[PINHASH_MAX];
    int n = main_read_pin("admin PIN (4 to 8 digits): ", pin, sizeof pin);
    int ok = n >= 4 && n <= APP_PIN_MAX && strspn(pin, "0123456789") == (size_t)n;
    if (ok && isatty(STDIN_FILENO) &&
        (main_read_pin("again: ", again, sizeof again) != n || strcmp(pin, again) != 0)) {
        msg_error("the two PINs differ");
        ok = -1;
    }
    if (ok == 0)
        msg_error("the PIN must be 4 to 8 digits (the admin keypad has digits only)");
    if (ok == 1 && !strcmp(pin, PINHASH_EXAMPLE_PIN)) {
        msg_error("that is the example PIN of the shipped config: choose another");
        ok = 0;
    }
    int rc = ok == 1 ? pinhash_make(pin, (size_t)n, 0, out, sizeof out) : -1;
    memset(pin, 0, sizeof pin);
    memset(again, 0, sizeof again);
    if (ok == 1 && rc != 0)
        msg_error("cannot make the PIN hash (no random salt from getrandom)");
    if (rc != 0)
        return 1;
    msg_out("%s\n", out);
    return 0;
}

static int main_screenshot(const struct cli *c, const struct run_paths *p)
{
    /* No display at all: the dummy video driver and a software surface. */
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    struct config cfg;
    if (main_load(c, p, &cfg, 0) != 0)
        return 1;
    if (TTF_Init() != 0) {
        msg_error("TTF_Init: %s", TTF_GetError());
        config_free(&cfg);
        return 1;
    }
    struct headless_report rep = {0};
    int rc = headless_screenshot(c, &cfg, p->fonts_dir, &rep);
    if (rc == 0)
        msg_info("screenshot %s %dx%d: %d targets, %d overflow%s%s, %d missing glyphs, "
                 "%d outside", c->screen, c->size_w, c->size_h, rep.targets, rep.overflow,
                 rep.overflow ? " e.g. " : "", rep.last_overflow, rep.missing_glyphs,
                 rep.outside);
    TTF_Quit();
    config_free(&cfg);
    return rc == 0 ? 0 : 1;
}

static int main_is_file(const char *path, void *ctx)
{
    (void)ctx;
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int main_is_dir(const char *path, void *ctx)
{
    (void)ctx;
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Config and fonts by the search order of paths.h (README: where it looks).
 * Returns 0, or -1 after a message. */
static int main_paths(const struct cli *c, struct run_paths *p)
{
    char exe[PATHS_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = '\0';
    struct paths_in in = {.cli_config = c->config, .cli_fonts = c->fonts, .exe = n > 0 ? exe : NULL,
                          .source_dir = KIOSK_SOURCE_DIR, .package = KIOSK_PACKAGE,
                          .is_file = main_is_file, .is_dir = main_is_dir};
    struct paths found;
    if (paths_resolve(&in, &found) != 0) {
        msg_error("config or fonts path too long");
        return -1;
    }
    snprintf(p->config, sizeof p->config, "%s", found.config);
    snprintf(p->fonts_dir, sizeof p->fonts_dir, "%s", found.fonts_dir);
    snprintf(p->data_dir, sizeof p->data_dir, "%s", found.data_dir);
    msg_debug("config %s (from %s), fonts %s, data %s", found.config,
              paths_from_name(found.config_from), found.fonts_dir, found.data_dir);
    return 0;
}

int main(int argc, char **argv)
{
    /* A closed pipe on stdout/stderr (kiosk 2>&1 | head) is a failed write
     * (EPIPE), not the kiosk's death with the call left running. */
    signal(SIGPIPE, SIG_IGN);
    struct cli c;
    char err[256];
    if (cli_parse(argc, argv, &c, err, sizeof err) != 0) {
        msg_error("%s", err);
        return 2;
    }
    if (c.mode == CLI_HELP) {
        msg_out("%s", cli_usage());
        return 0;
    }
    if (c.mode == CLI_VERSION) {
        msg_out("kiosk %s\n", KIOSK_VERSION);
        return 0;
    }
    if (c.verbose)
        msg_set_level(MSG_DEBUG);
    if (c.mode == CLI_HASH_PIN)
        return main_hash_pin(); /* needs no config */
    struct run_paths paths;
    if (main_paths(&c, &paths) != 0)
        return 1;
    switch (c.mode) {
    case CLI_CHECK_CONFIG: {
        if (c.config_url)
            return main_check_remote(&c, &paths);
        struct config cfg;
        if (main_load(&c, &paths, &cfg, 1) != 0)
            return 1;
        config_free(&cfg);
        return 0;
    }
    case CLI_SCHEDULE: return main_schedule(&c, &paths);
    case CLI_BROWSER_POLICY: return main_browser_policy(&c, &paths);
    case CLI_SCREENSHOT: return main_screenshot(&c, &paths);
    case CLI_REPORT: return main_report(&c, &paths);
    default: break;
    }
    /* libcurl is loaded by its first use, after the first frame
     * (adapters/curl_load.c), and cleaned up here if it was. */
    int rc = run_kiosk(&c, &paths);
    curl_global_cleanup();
    return rc;
}
