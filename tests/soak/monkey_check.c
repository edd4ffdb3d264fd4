/* The monkey's invariants, asserted after every step: the screen is a real
 * one with the indexes it needs, it draws (targets, nothing outside the
 * window, no missing glyph, not blank, the focus on a usable target), the
 * frame follows the config in use, and a call runs exactly while the state
 * machine is on a call screen, never two. After an idle timeout nothing of
 * the visitor is left. A failure prints the seed, step and event. */
#include <dirent.h>
#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "focus.h"
#include "monkey.h"

void monkey_fail(const struct monkey *m, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    printf("FAIL at step %ld (event: %s), screen %s: ", m->step, m->event,
           app_screen_name(m->h.st.screen));
    vprintf(fmt, ap);
    va_end(ap);
    printf("\nmonkey: reproduce with --seed %llu --events %ld [--trace]\n",
           (unsigned long long)m->seed, m->step + 1);
    fflush(stdout);
    exit(1);
}

static int monkey_valid_index(int i, int n) { return i >= 0 && i < n; }

/* The state machine's state: a screen that exists, with what it shows. */
static void monkey_check_state(struct monkey *m)
{
    const struct app_state *st = &m->h.st;
    const struct config *c = &m->h.cfg;
    if (st->cfg != c)
        monkey_fail(m, "the state machine reads a config that is not the one in use");
    if (!monkey_valid_index((int)st->screen, APP_SCREEN_COUNT) ||
        !monkey_valid_index((int)st->back_to, APP_SCREEN_COUNT))
        monkey_fail(m, "screen %d / back_to %d out of range", st->screen, st->back_to);
    if (!monkey_valid_index(st->lang_index, c->kiosk.n_languages))
        monkey_fail(m, "language index %d of %d", st->lang_index, c->kiosk.n_languages);
    int needs_muni = st->screen == APP_SCREEN_MUNICIPALITY || app_in_call(st);
    if (needs_muni && !monkey_valid_index(st->muni, c->n_municipalities))
        monkey_fail(m, "municipality %d of %d on this screen", st->muni, c->n_municipalities);
    if (st->muni != -1 && !monkey_valid_index(st->muni, c->n_municipalities))
        monkey_fail(m, "municipality index %d of %d kept", st->muni, c->n_municipalities);
    if (st->screen == APP_SCREEN_SERVICE && !monkey_valid_index(st->service, c->n_services))
        monkey_fail(m, "service %d of %d on the service screen", st->service, c->n_services);
    if (st->pin_len < 0 || st->pin_len > APP_PIN_MAX || (int)strlen(st->pin) != st->pin_len)
        monkey_fail(m, "PIN buffer holds %d digits, says %d", (int)strlen(st->pin), st->pin_len);
    if (m->h.quit)
        monkey_fail(m, "the kiosk quit, not from admin's confirmed Quit");
}

/* At most one call, and one exactly while a call screen shows. */
static void monkey_check_call(struct monkey *m)
{
    int in_call = app_in_call(&m->h.st);
    if (in_call != m->h.call.active)
        monkey_fail(m, "call screen %d but call session active %d", in_call, m->h.call.active);
    if (!m->h.call.active)
        m->call_open = 0;
}

/* Distinct colours on a coarse grid: a blank frame has one. */
static int monkey_colours(const SDL_Surface *s)
{
    enum { MAXC = 8 };
    Uint32 seen[MAXC];
    int n = 0;
    const Uint32 *px = s->pixels;
    for (int y = 3; y < s->h && n < MAXC; y += s->h / 24)
        for (int x = 5; x < s->w && n < MAXC; x += s->w / 32) {
            Uint32 c = px[y * (s->pitch / 4) + x] & 0xFFFFFF;
            int known = 0;
            for (int i = 0; i < n && !known; i++)
                known = seen[i] == c;
            if (!known)
                seen[n++] = c;
        }
    return n;
}

void monkey_check_frame(struct monkey *m)
{
    const struct ui *ui = m->ui;
    if (ui->cfg != &m->h.cfg)
        monkey_fail(m, "the screens draw a config that is not the one in use");
    if (strcmp(ui->lang, app_lang(&m->h.st)) != 0)
        monkey_fail(m, "frame drawn in %s, state in %s", ui->lang, app_lang(&m->h.st));
    if (ui->n_targets <= 0)
        monkey_fail(m, "a screen with nothing to press (a dead end)");
    if (ui->outside_count > 0 || ui->missing_glyphs > 0)
        monkey_fail(m, "%d things drawn outside the window, %d missing glyphs",
                    ui->outside_count, ui->missing_glyphs);
    if (monkey_colours(m->surf) < 2)
        monkey_fail(m, "blank frame");
    struct rect r[FOCUS_MAX];
    int n = ui->n_targets > FOCUS_MAX ? FOCUS_MAX : ui->n_targets;
    for (int i = 0; i < n; i++)
        r[i] = ui->targets[i].r;
    int f = ui_focus_index(ui);
    if (f < 0 || f >= n || !focus_usable(r, n, f, ui->L.w, ui->L.h))
        monkey_fail(m, "focus on %d of %d targets, not a usable one", f, n);
}

void monkey_check_step(struct monkey *m)
{
    monkey_check_state(m);
    monkey_check_call(m);
}

static int monkey_default_lang(const struct config *c)
{
    for (int i = 0; i < c->kiosk.n_languages; i++)
        if (!strcmp(c->kiosk.languages[i], c->kiosk.default_language))
            return i;
    return 0;
}

void monkey_check_idle(struct monkey *m)
{
    const struct app_state *st = &m->h.st;
    if (st->screen != APP_SCREEN_HOME || st->visitor_active)
        monkey_fail(m, "after idle: on %s, visitor_active %d", app_screen_name(st->screen),
                    st->visitor_active);
    if (st->lang_index != monkey_default_lang(st->cfg))
        monkey_fail(m, "after idle: language %s, not the default %s", app_lang(st),
                    st->cfg->kiosk.default_language);
    if (st->high_contrast || st->large_text || st->voice)
        monkey_fail(m, "after idle: modes left on (contrast %d, large %d, voice %d)",
                    st->high_contrast, st->large_text, st->voice);
    if (st->muni != -1 || st->service != -1 || st->pin_len || st->wait_since > 0 ||
        st->fail_reason != APP_FAIL_NONE)
        monkey_fail(m, "after idle: municipality %d, service %d, %d PIN digits, wait %.0f, "
                    "failure %d left", st->muni, st->service, st->pin_len, st->wait_since,
                    st->fail_reason);
    if (st->config_waiting || m->h.next_ready || m->h.call.active)
        monkey_fail(m, "after idle: config waiting %d/%d, call %d", st->config_waiting,
                    m->h.next_ready, m->h.call.active);
    monkey_draw(m);
    monkey_check_frame(m);
    const struct ui *ui = m->ui;
    if (ui->focus_valid || ui->keys_used || ui->voice || ui->pressed_valid)
        monkey_fail(m, "after idle: focus moved %d, focus ring shown %d, voice %d, pressed %d "
                    "(a new visitor must start at the start)",
                    ui->focus_valid, ui->keys_used, ui->voice, ui->pressed_valid);
    m->idle_checks++;
}

long monkey_heap_kib(void)
{
    struct mallinfo2 mi = mallinfo2();
    return (long)((mi.uordblks + mi.hblkhd) / 1024);
}

/* A "Name:   123 kB" line of /proc/self/status, KiB (-1 if missing). */
static long monkey_status_kib(const char *name)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kib = -1;
    size_t n = strlen(name);
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, name, n) && line[n] == ':')
            kib = strtol(line + n + 1, NULL, 10);
    if (f)
        fclose(f);
    return kib;
}

long monkey_rss_kib(void) { return monkey_status_kib("VmRSS"); }

long monkey_anon_kib(void) { return monkey_status_kib("RssAnon"); }

int monkey_fd_count(void)
{
    DIR *d = opendir("/proc/self/fd");
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d));)
        n += e->d_name[0] != '.';
    if (d)
        closedir(d);
    return d ? n - 1 : -1; /* less the descriptor reading the folder */
}
