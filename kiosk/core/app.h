#ifndef KIOSK_APP_H
#define KIOSK_APP_H
/* The screen state machine: the heart of the kiosk. app_handle() takes one
 * event and the current time, changes the state and returns commands for
 * main.c to carry out. It never draws, spawns, sleeps or reads the clock. */
#include "config.h"

enum app_screen {
    APP_SCREEN_HOME,
    APP_SCREEN_MUNICIPALITIES,
    APP_SCREEN_MUNICIPALITY,
    APP_SCREEN_CALLING,     /* launching: "connecting", with cancel */
    APP_SCREEN_IN_CALL,     /* the call runs (call bar / End button) */
    APP_SCREEN_CALL_FAILED, /* could not start the call, or refused URL */
    APP_SCREEN_THANKS,
    APP_SCREEN_SERVICES,
    APP_SCREEN_SERVICE,
    APP_SCREEN_KPI,
    APP_SCREEN_ADMIN_PIN,
    APP_SCREEN_ADMIN,
    APP_SCREEN_COUNT
};

/* What a touch target does; arg is an index (municipality, service,
 * language, digit) where the kind needs one. */
#define APP_ACTIONS(X)                                                                   \
    X(NONE) X(START) X(MUNICIPALITIES) X(MUNICIPALITY) X(START_CALL) X(CANCEL_CALL)         \
    X(END_CALL) X(BACK) X(HOME) X(LANG) X(SERVICES) X(SERVICE) X(KPI) X(ADMIN_GESTURE)      \
    X(PIN_DIGIT) X(PIN_CLEAR) X(PIN_ENTER) X(ADMIN_RELOAD) X(ADMIN_TEST_CALL)              \
    X(ADMIN_QUIT) X(CONTINUE) X(TOGGLE_CONTRAST) X(TOGGLE_LARGE) X(WAIT) X(TRY_AGAIN) X(VOICE)
#define APP_ACTION_ITEM(name) APP_ACT_##name,
enum app_action { APP_ACTIONS(APP_ACTION_ITEM) APP_ACT_COUNT };
#undef APP_ACTION_ITEM
struct app_target {
    enum app_action action;
    int arg;
};

enum app_event_kind {
    APP_EV_ACTION,       /* a target was tapped (press and release inside) */
    APP_EV_INPUT,        /* any touch or key: the visitor is there */
    APP_EV_TICK,         /* time passed */
    APP_EV_CALL_RUNNING, /* the launcher (or SDL_OpenURL) started the call */
    APP_EV_CALL_ENDED,   /* the call's process exited normally */
    APP_EV_CALL_FAILED,  /* could not start, died at once, or URL refused */
    APP_EV_CONFIG_READY  /* a new valid config is waiting to be swapped in */
};

enum app_fail_reason {
    APP_FAIL_NONE,
    APP_FAIL_START,   /* launcher could not start or exited within a second */
    APP_FAIL_REFUSED, /* URL not https or host not allowed */
    APP_FAIL_DEVICE   /* no camera or microphone */
};

struct app_event {
    enum app_event_kind kind;
    struct app_target target;    /* APP_EV_ACTION */
    enum app_fail_reason reason; /* APP_EV_CALL_FAILED */
};

enum app_cmd_kind {
    APP_CMD_START_CALL, /* arg: municipality index */
    APP_CMD_END_CALL,   /* end the running call (TERM, then KILL) */
    APP_CMD_SWAP_CONFIG, /* between visitors: take the waiting config now */
    APP_CMD_RELOAD_CONFIG,
    APP_CMD_QUIT,
    APP_CMD_RECORD /* arg: enum app_record; a line for the stats file */
};
enum app_record {
    APP_REC_SESSION_START,
    APP_REC_SCREEN_VIEW,
    APP_REC_LANGUAGE,
    APP_REC_IDLE_RESET
};
struct app_cmd {
    enum app_cmd_kind kind;
    int arg;
};
#define APP_MAX_CMDS 8
struct app_cmds {
    int n;
    struct app_cmd c[APP_MAX_CMDS];
};

#define APP_PIN_MAX 8
#define APP_QUIT_CONFIRM_S 5.0 /* Quit asks "tap again" for this long */
/* "Still there?" shows app_idle_warn_s(idle_timeout_s) before the reset: a
 * third of the timeout, at least APP_WARN_MIN_S and at most APP_WARN_MAX_S
 * (time for a slow reader), but never more than half the timeout (a short
 * timeout still shows the page first). */
#define APP_WARN_MIN_S 20.0
#define APP_WARN_MAX_S 30.0
#define APP_THANKS_S 8.0            /* thank-you screen, then home */
#define APP_FAILED_S 30.0           /* failure screen, then home */
#define APP_WAIT_MAX_S 1200.0       /* a visitor waiting for a busy clerk: page held this long */

struct app_state {
    const struct config *cfg; /* not owned */
    enum app_screen screen;
    enum app_screen back_to; /* where BACK leads from a detail screen */
    int muni;                /* current municipality index, -1 none */
    int service;             /* current service index, -1 none */
    int lang_index;          /* index into cfg->kiosk.languages */
    int high_contrast;
    int large_text;
    double last_input;   /* time of the last touch */
    double screen_since; /* when the current screen was entered */
    double call_since;   /* when the visitor tapped Start video call */
    enum app_fail_reason fail_reason;
    int config_waiting; /* a new config waits for the visitor to leave */
    int pin_len;
    char pin[APP_PIN_MAX + 1];
    int pin_failures;
    double pin_locked_until;
    int visitor_active; /* 1 from the first touch after home until reset */
    int idle_ending;    /* idle during a call without launcher: its end was asked for */
    /* WAIT on a busy municipality's page: the visitor chose to wait for its
     * clerk there. The page then counts down the clerk's estimate and the
     * idle reset holds off for up to APP_WAIT_MAX_S; leaving the page ends
     * the wait. wait_since 0 = not waiting. */
    double wait_since;
    int wait_muni;
    double quit_armed;  /* admin's Quit tapped once at this time (0: not): a second tap
                           within APP_QUIT_CONFIRM_S quits */
    int voice;          /* voice guidance on (VOICE: arg 0 toggles, 1 turns on); ends with
                           the visit */
};

/* 1 while admin's Quit waits for its confirming second tap. */
int app_quit_armed(const struct app_state *st, double now);

/* Starts on the home screen in the config's default language. */
void app_init(struct app_state *st, const struct config *cfg, double now);
/* Handles one event at time now (seconds, monotonic). Fills cmds. */
void app_handle(struct app_state *st, const struct app_event *ev, double now,
                struct app_cmds *cmds);
/* Points the state at a new config (after APP_CMD_SWAP_CONFIG), keeping
 * what still makes sense: the language lang (its code, read by the caller
 * before the old config went: the state's index means nothing in the new
 * list) if cfg declares it, else cfg's default; NULL: the default. */
void app_set_config(struct app_state *st, const struct config *cfg, const char *lang);
/* The current language code (points into the config). */
const char *app_lang(const struct app_state *st);
/* Seconds until the idle reset; a large number when the idle timer is paused
 * (home screen, or during a launcher's call: its browser covers the kiosk).
 * A call without launcher shows the in-call screen, and idle applies there:
 * the reset first ends the call (APP_CMD_END_CALL), then goes home. */
double app_idle_remaining(const struct app_state *st, double now);
/* 1 when the kiosk waits for a new visitor: home, no visit running, and
 * no touch or key for idle_timeout_s. Home never resets (nothing of a
 * visit is there), so what a passer-by left on it without starting a visit
 * (the keys' focus, drawn by ui) is forgotten from then on. */
int app_awaiting_visitor(const struct app_state *st, double now);
/* 1 while the "Still there?" countdown shows. */
int app_idle_warning(const struct app_state *st, double now);
/* How long before the idle reset the warning shows (see APP_WARN_MIN_S). */
double app_idle_warn_s(int idle_timeout_s);
/* The next time at which app_handle(TICK) would change something, or a
 * negative number if nothing is scheduled. */
double app_next_deadline(const struct app_state *st);
/* Puts the state on a screen by its --screen name ("home", "kpi",
 * "municipality:tobetsu", "idle-warning", ...) for a screenshot. Returns 0,
 * or -1 if the name or its id is unknown. */
int app_show(struct app_state *st, const char *name, double now);
/* Selects a declared language; -1 if the config does not declare it. */
int app_set_lang(struct app_state *st, const char *lang);
/* The action's name, e.g. "START_CALL" (logs and tests). */
const char *app_action_name(enum app_action a);
/* The screen's name as in --screen ("home", "municipality", ...). */
const char *app_screen_name(enum app_screen s);
/* 1 while the visitor waits for municipality muni's clerk (WAIT). */
int app_waiting(const struct app_state *st, int muni);
/* 1 when the screen belongs to a call. */
int app_in_call(const struct app_state *st);
#endif
