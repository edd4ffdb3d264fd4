#include "app.h"

#include <string.h>
#include <strings.h>

#include "pinhash.h"

#define APP_PIN_DELAY_S 5.0 /* wait after a wrong PIN, doubled each time */
#define APP_NEVER 1e18

static const char *const app_screen_names[APP_SCREEN_COUNT] = {
    "home",     "municipalities", "municipality", "calling", "in-call", "call-failed",
    "thanks",   "services",       "service",      "kpi",     "admin-pin", "admin"};

#define APP_ACTION_NAME(name) #name,
static const char *const app_action_names[APP_ACT_COUNT] = {APP_ACTIONS(APP_ACTION_NAME)};

const char *app_action_name(enum app_action a)
{
    return (a >= 0 && a < APP_ACT_COUNT) ? app_action_names[a] : "?";
}

const char *app_screen_name(enum app_screen s)
{
    return (s >= 0 && s < APP_SCREEN_COUNT) ? app_screen_names[s] : "?";
}

static void app_push(struct app_cmds *cmds, enum app_cmd_kind kind, int arg)
{
    if (cmds && cmds->n < APP_MAX_CMDS) {
        cmds->c[cmds->n].kind = kind;
        cmds->c[cmds->n].arg = arg;
        cmds->n++;
    }
}

static int app_default_lang_index(const struct config *cfg)
{
    for (int i = 0; cfg && i < cfg->kiosk.n_languages; i++)
        if (strcmp(cfg->kiosk.languages[i], cfg->kiosk.default_language) == 0)
            return i;
    return 0;
}

static void app_go(struct app_state *st, enum app_screen s, double now, struct app_cmds *cmds)
{
    if (st->screen != s) {
        app_push(cmds, APP_CMD_RECORD, APP_REC_SCREEN_VIEW);
        st->wait_since = 0; /* leaving the page ends a wait */
        st->quit_armed = 0; /* a confirmation is for the screen it was asked on */
    }
    st->screen = s;
    st->screen_since = now;
}

/* The digits typed so far, gone from memory too. */
static void app_pin_forget(struct app_state *st)
{
    st->pin_len = 0;
    memset(st->pin, 0, sizeof st->pin);
}

/* Back to the attract screen with nothing of the visitor left. */
static void app_reset(struct app_state *st, double now, struct app_cmds *cmds)
{
    app_go(st, APP_SCREEN_HOME, now, cmds);
    st->back_to = APP_SCREEN_HOME;
    st->muni = -1;
    st->service = -1;
    st->lang_index = app_default_lang_index(st->cfg);
    st->high_contrast = 0;
    st->large_text = 0;
    st->fail_reason = APP_FAIL_NONE;
    app_pin_forget(st);
    st->visitor_active = 0;
    st->idle_ending = 0;
    st->wait_since = 0;
    st->voice = 0;
    if (st->config_waiting) {
        st->config_waiting = 0;
        app_push(cmds, APP_CMD_SWAP_CONFIG, 0);
    }
}

void app_init(struct app_state *st, const struct config *cfg, double now)
{
    memset(st, 0, sizeof *st);
    st->cfg = cfg;
    st->last_input = now;
    app_reset(st, now, NULL);
}

void app_set_config(struct app_state *st, const struct config *cfg, const char *lang)
{
    int keep = -1;
    for (int i = 0; lang && i < cfg->kiosk.n_languages; i++)
        if (strcmp(cfg->kiosk.languages[i], lang) == 0)
            keep = i;
    st->cfg = cfg;
    st->lang_index = keep >= 0 ? keep : app_default_lang_index(cfg);
    if (st->muni >= cfg->n_municipalities)
        st->muni = -1;
    if (st->service >= cfg->n_services)
        st->service = -1;
}

const char *app_lang(const struct app_state *st)
{
    if (!st->cfg || st->cfg->kiosk.n_languages == 0)
        return "ja";
    return st->cfg->kiosk.languages[st->lang_index];
}

int app_in_call(const struct app_state *st)
{
    return st->screen == APP_SCREEN_CALLING || st->screen == APP_SCREEN_IN_CALL;
}

/* A launcher's browser covers the kiosk during its call, so no touch reaches
 * the kiosk: the idle timer waits (the browser's exit, the call bar's End
 * button or max_minutes end the call). Without a launcher the visitor sees
 * the in-call screen and its End button: idle applies as anywhere else. */
static int app_call_covers_kiosk(const struct app_state *st)
{
    return app_in_call(st) && (!st->cfg || st->cfg->call.n_launcher > 0);
}

double app_idle_remaining(const struct app_state *st, double now)
{
    /* Home waits for nobody, unless a visitor changed something there. */
    if (!st->cfg || (st->screen == APP_SCREEN_HOME && !st->visitor_active) ||
        app_call_covers_kiosk(st))
        return APP_NEVER; /* without a config there is nothing to go back to */
    double left = st->last_input + st->cfg->kiosk.idle_timeout_s - now;
    if (st->wait_since > 0 && st->wait_since + APP_WAIT_MAX_S - now > left)
        left = st->wait_since + APP_WAIT_MAX_S - now; /* someone waits: not idle */
    return left;
}

int app_waiting(const struct app_state *st, int muni)
{
    return st->wait_since > 0 && st->screen == APP_SCREEN_MUNICIPALITY && st->muni == muni &&
           st->wait_muni == muni;
}

int app_quit_armed(const struct app_state *st, double now)
{
    return st->screen == APP_SCREEN_ADMIN && st->quit_armed > 0 &&
           now >= st->quit_armed && now - st->quit_armed < APP_QUIT_CONFIRM_S;
}

double app_idle_warn_s(int idle_timeout_s)
{
    double t = idle_timeout_s / 3.0;
    t = t < APP_WARN_MIN_S ? APP_WARN_MIN_S : t > APP_WARN_MAX_S ? APP_WARN_MAX_S : t;
    return t > idle_timeout_s / 2.0 ? idle_timeout_s / 2.0 : t;
}

/* The warning's length for st's config. */
static double app_warn_before(const struct app_state *st)
{
    return app_idle_warn_s(st->cfg ? st->cfg->kiosk.idle_timeout_s : 90);
}

int app_awaiting_visitor(const struct app_state *st, double now)
{
    return st->cfg && st->screen == APP_SCREEN_HOME && !st->visitor_active &&
           now - st->last_input >= st->cfg->kiosk.idle_timeout_s;
}

int app_idle_warning(const struct app_state *st, double now)
{
    double left = app_idle_remaining(st, now);
    return left < APP_NEVER && left <= app_warn_before(st) && left > 0;
}

double app_next_deadline(const struct app_state *st)
{
    double next = APP_NEVER;
    if (app_idle_remaining(st, st->last_input) < APP_NEVER) {
        double reset = st->last_input + app_idle_remaining(st, st->last_input);
        double warn = reset - app_warn_before(st);
        next = warn > st->last_input ? warn : reset;
        if (st->screen_since > 0 && st->screen == APP_SCREEN_THANKS)
            next = st->screen_since + APP_THANKS_S < next ? st->screen_since + APP_THANKS_S : next;
        if (st->screen == APP_SCREEN_CALL_FAILED && st->screen_since + APP_FAILED_S < next)
            next = st->screen_since + APP_FAILED_S;
    }
    if (st->pin_locked_until > 0 && st->pin_locked_until < next)
        next = st->pin_locked_until;
    if (st->quit_armed > 0 && st->screen == APP_SCREEN_ADMIN &&
        st->quit_armed + APP_QUIT_CONFIRM_S < next)
        next = st->quit_armed + APP_QUIT_CONFIRM_S; /* the button's label goes back */
    return next >= APP_NEVER ? -1.0 : next;
}

static void app_pin_enter(struct app_state *st, double now, struct app_cmds *cmds)
{
    if (now < st->pin_locked_until)
        return;
    const char *want = st->cfg ? st->cfg->kiosk.admin_pin_sha256 : NULL;
    int ok = want && pinhash_verify(st->pin, (size_t)st->pin_len, want);
    app_pin_forget(st);
    if (ok) {
        st->pin_failures = 0;
        app_go(st, APP_SCREEN_ADMIN, now, cmds);
        return;
    }
    /* A wrong PIN costs time, more each try: guessing 4 digits gets slow. */
    st->pin_failures++;
    double delay = APP_PIN_DELAY_S;
    for (int i = 1; i < st->pin_failures && delay < 300; i++)
        delay *= 2;
    st->pin_locked_until = now + delay;
}

static void app_pin_digit(struct app_state *st, int digit, double now)
{
    if (now < st->pin_locked_until || st->pin_len >= APP_PIN_MAX || digit < 0 || digit > 9)
        return;
    st->pin[st->pin_len++] = (char)('0' + digit);
    st->pin[st->pin_len] = '\0';
}

static int app_valid_muni(const struct app_state *st, int i)
{
    return st->cfg && i >= 0 && i < st->cfg->n_municipalities;
}

static void app_back(struct app_state *st, double now, struct app_cmds *cmds)
{
    switch (st->screen) {
    case APP_SCREEN_MUNICIPALITY: app_go(st, APP_SCREEN_MUNICIPALITIES, now, cmds); break;
    case APP_SCREEN_SERVICE: app_go(st, APP_SCREEN_SERVICES, now, cmds); break;
    case APP_SCREEN_CALL_FAILED:
        app_go(st, app_valid_muni(st, st->muni) ? APP_SCREEN_MUNICIPALITY : APP_SCREEN_HOME,
               now, cmds);
        break;
    case APP_SCREEN_ADMIN:
    case APP_SCREEN_ADMIN_PIN: app_reset(st, now, cmds); break;
    default: app_go(st, APP_SCREEN_HOME, now, cmds); break;
    }
}

static void app_start_call(struct app_state *st, int muni, double now, struct app_cmds *cmds)
{
    if (!app_valid_muni(st, muni) || !st->cfg->municipalities[muni].has_call ||
        app_in_call(st))
        return;
    st->muni = muni;
    st->fail_reason = APP_FAIL_NONE;
    st->idle_ending = 0;
    st->call_since = now; /* the visitor's call begins with the tap */
    app_go(st, APP_SCREEN_CALLING, now, cmds);
    app_push(cmds, APP_CMD_START_CALL, muni);
}

/* Navigation targets that need no special state. */
static void app_navigate(struct app_state *st, const struct app_target *t, double now,
                         struct app_cmds *cmds)
{
    switch (t->action) {
    case APP_ACT_START: app_go(st, APP_SCREEN_MUNICIPALITIES, now, cmds); break;
    case APP_ACT_MUNICIPALITIES: app_go(st, APP_SCREEN_MUNICIPALITIES, now, cmds); break;
    case APP_ACT_MUNICIPALITY:
        if (app_valid_muni(st, t->arg)) {
            st->muni = t->arg;
            app_go(st, APP_SCREEN_MUNICIPALITY, now, cmds);
        }
        break;
    case APP_ACT_SERVICES: app_go(st, APP_SCREEN_SERVICES, now, cmds); break;
    case APP_ACT_SERVICE:
        if (st->cfg && t->arg >= 0 && t->arg < st->cfg->n_services) {
            st->service = t->arg;
            app_go(st, APP_SCREEN_SERVICE, now, cmds);
        }
        break;
    case APP_ACT_KPI: app_go(st, APP_SCREEN_KPI, now, cmds); break;
    case APP_ACT_BACK: app_back(st, now, cmds); break;
    case APP_ACT_HOME: app_reset(st, now, cmds); break;
    default: break;
    }
}

static void app_admin(struct app_state *st, const struct app_target *t, double now,
                      struct app_cmds *cmds)
{
    switch (t->action) {
    case APP_ACT_ADMIN_GESTURE:
        if (st->cfg && st->cfg->kiosk.admin_pin_sha256 && !app_in_call(st)) {
            app_pin_forget(st); /* digits typed before are not kept behind a new entry */
            app_go(st, APP_SCREEN_ADMIN_PIN, now, cmds);
        }
        break;
    case APP_ACT_PIN_DIGIT: app_pin_digit(st, t->arg, now); break;
    case APP_ACT_PIN_CLEAR: app_pin_forget(st); break;
    case APP_ACT_PIN_ENTER: app_pin_enter(st, now, cmds); break;
    case APP_ACT_ADMIN_RELOAD:
        if (st->screen == APP_SCREEN_ADMIN)
            app_push(cmds, APP_CMD_RELOAD_CONFIG, 0);
        break;
    case APP_ACT_ADMIN_TEST_CALL:
        if (st->screen == APP_SCREEN_ADMIN)
            for (int i = 0; st->cfg && i < st->cfg->n_municipalities; i++)
                if (st->cfg->municipalities[i].has_call) {
                    app_start_call(st, i, now, cmds);
                    break;
                }
        break;
    case APP_ACT_ADMIN_QUIT: /* a slip of the finger must not end the kiosk */
        if (st->screen != APP_SCREEN_ADMIN)
            break;
        if (app_quit_armed(st, now))
            app_push(cmds, APP_CMD_QUIT, 0);
        else
            st->quit_armed = now;
        break;
    default: break;
    }
}

static void app_action(struct app_state *st, const struct app_target *t, double now,
                       struct app_cmds *cmds)
{
    switch (t->action) {
    case APP_ACT_START_CALL: app_start_call(st, t->arg, now, cmds); break;
    case APP_ACT_CANCEL_CALL:
    case APP_ACT_END_CALL:
        if (app_in_call(st))
            app_push(cmds, APP_CMD_END_CALL, 0);
        break;
    case APP_ACT_LANG:
        if (st->cfg && t->arg >= 0 && t->arg < st->cfg->kiosk.n_languages &&
            t->arg != st->lang_index) {
            st->lang_index = t->arg;
            app_push(cmds, APP_CMD_RECORD, APP_REC_LANGUAGE);
        }
        break;
    case APP_ACT_CONTINUE: break; /* the touch itself reset the idle timer */
    case APP_ACT_TOGGLE_CONTRAST: st->high_contrast = !st->high_contrast; break;
    case APP_ACT_TOGGLE_LARGE: st->large_text = !st->large_text; break;
    case APP_ACT_WAIT:
        /* Only on the busy municipality's own page; a second tap keeps the
         * first start, so the countdown does not jump back. */
        if (st->screen == APP_SCREEN_MUNICIPALITY && t->arg == st->muni &&
            app_valid_muni(st, t->arg) && !app_waiting(st, t->arg)) {
            st->wait_since = now;
            st->wait_muni = t->arg;
        }
        break;
    case APP_ACT_TRY_AGAIN:
        if (st->screen == APP_SCREEN_CALL_FAILED)
            app_start_call(st, st->muni, now, cmds);
        break;
    case APP_ACT_VOICE: st->voice = t->arg ? 1 : !st->voice; break;
    case APP_ACT_ADMIN_GESTURE:
    case APP_ACT_PIN_DIGIT:
    case APP_ACT_PIN_CLEAR:
    case APP_ACT_PIN_ENTER:
    case APP_ACT_ADMIN_RELOAD:
    case APP_ACT_ADMIN_TEST_CALL:
    case APP_ACT_ADMIN_QUIT: app_admin(st, t, now, cmds); break;
    default:
        if (!app_in_call(st))
            app_navigate(st, t, now, cmds);
        break;
    }
}

static void app_idle_reset(struct app_state *st, double now, struct app_cmds *cmds)
{
    app_push(cmds, APP_CMD_RECORD, APP_REC_IDLE_RESET);
    app_reset(st, now, cmds);
}

static void app_tick(struct app_state *st, double now, struct app_cmds *cmds)
{
    if (app_idle_remaining(st, now) <= 0) {
        /* A call the visitor walked away from ends first, so that its end is
         * recorded as a call's; home follows with CALL_ENDED (or at the next
         * tick, should that never come). */
        if (app_in_call(st) && !st->idle_ending) {
            st->idle_ending = 1;
            app_push(cmds, APP_CMD_END_CALL, 0);
            return;
        }
        app_idle_reset(st, now, cmds);
        return;
    }
    if (st->screen == APP_SCREEN_THANKS && now - st->screen_since >= APP_THANKS_S)
        app_reset(st, now, cmds);
    else if (st->screen == APP_SCREEN_CALL_FAILED && now - st->screen_since >= APP_FAILED_S)
        app_reset(st, now, cmds);
    if (st->pin_locked_until > 0 && now >= st->pin_locked_until)
        st->pin_locked_until = 0;
}

static void app_call_event(struct app_state *st, const struct app_event *ev, double now,
                           struct app_cmds *cmds)
{
    switch (ev->kind) {
    case APP_EV_CALL_RUNNING:
        if (st->screen == APP_SCREEN_CALLING)
            app_go(st, APP_SCREEN_IN_CALL, now, cmds);
        break;
    case APP_EV_CALL_ENDED:
        if (app_in_call(st) && st->idle_ending) {
            app_idle_reset(st, now, cmds); /* nobody left to thank */
        } else if (app_in_call(st)) {
            st->last_input = now;
            app_go(st, APP_SCREEN_THANKS, now, cmds);
        }
        break;
    case APP_EV_CALL_FAILED:
        if (app_in_call(st)) {
            st->last_input = now;
            st->fail_reason = ev->reason;
            app_go(st, APP_SCREEN_CALL_FAILED, now, cmds);
        }
        break;
    default: break;
    }
}

void app_handle(struct app_state *st, const struct app_event *ev, double now,
                struct app_cmds *cmds)
{
    if (cmds)
        cmds->n = 0;
    switch (ev->kind) {
    case APP_EV_INPUT:
        st->last_input = now;
        if (!st->visitor_active && st->screen != APP_SCREEN_HOME) {
            st->visitor_active = 1;
            app_push(cmds, APP_CMD_RECORD, APP_REC_SESSION_START);
        }
        break;
    case APP_EV_ACTION:
        st->last_input = now;
        if (!st->visitor_active) {
            st->visitor_active = 1;
            app_push(cmds, APP_CMD_RECORD, APP_REC_SESSION_START);
        }
        app_action(st, &ev->target, now, cmds);
        break;
    case APP_EV_TICK: app_tick(st, now, cmds); break;
    case APP_EV_CONFIG_READY:
        /* Never swap under a visitor: wait for the next reset to home. */
        if (st->screen == APP_SCREEN_HOME && !st->visitor_active)
            app_push(cmds, APP_CMD_SWAP_CONFIG, 0);
        else
            st->config_waiting = 1;
        break;
    default: app_call_event(st, ev, now, cmds); break;
    }
}

/* "municipality:tobetsu" -> screen and index. */
static int app_screen_arg(const struct config *cfg, const char *name, const char *prefix,
                          int services, int *arg)
{
    size_t n = strlen(prefix);
    if (strncmp(name, prefix, n) != 0 || name[n] != ':')
        return 0;
    *arg = services ? config_find_service(cfg, name + n + 1)
                    : config_find_municipality(cfg, name + n + 1);
    return *arg >= 0 ? 1 : -1;
}

int app_show(struct app_state *st, const char *name, double now)
{
    static const struct {
        const char *name;
        enum app_screen screen;
        int services;
    } with_arg[] = {{"municipality", APP_SCREEN_MUNICIPALITY, 0},
                    {"calling", APP_SCREEN_CALLING, 0},
                    {"in-call", APP_SCREEN_IN_CALL, 0},
                    {"call-failed", APP_SCREEN_CALL_FAILED, 0},
                    {"service", APP_SCREEN_SERVICE, 1}};
    for (size_t i = 0; i < sizeof with_arg / sizeof with_arg[0]; i++) {
        int arg = -1;
        int r = app_screen_arg(st->cfg, name, with_arg[i].name, with_arg[i].services, &arg);
        if (r < 0)
            return -1;
        if (r > 0) {
            *(with_arg[i].services ? &st->service : &st->muni) = arg;
            st->screen = with_arg[i].screen;
            st->call_since = now - 83; /* a plausible elapsed time for the picture */
            st->fail_reason = APP_FAIL_START;
            return 0;
        }
    }
    if (strcmp(name, "idle-warning") == 0) {
        st->screen = APP_SCREEN_MUNICIPALITIES;
        /* 7 s left of the countdown; the page (municipalities) shows through. */
        st->last_input = now - (st->cfg->kiosk.idle_timeout_s - 7);
        return 0;
    }
    for (int s = 0; s < APP_SCREEN_COUNT; s++)
        if (strcmp(name, app_screen_names[s]) == 0 && s != APP_SCREEN_MUNICIPALITY &&
            s != APP_SCREEN_SERVICE && s != APP_SCREEN_CALLING && s != APP_SCREEN_IN_CALL) {
            st->screen = (enum app_screen)s;
            return 0;
        }
    return -1;
}

int app_set_lang(struct app_state *st, const char *lang)
{
    for (int i = 0; st->cfg && i < st->cfg->kiosk.n_languages; i++)
        if (strcmp(st->cfg->kiosk.languages[i], lang) == 0) {
            st->lang_index = i;
            return 0;
        }
    return -1;
}
