#ifndef KIOSK_LAUNCHER_H
#define KIOSK_LAUNCHER_H
/* The supervised call process (config call.launcher, e.g. Chromium).
 *
 * launcher_start() makes a fresh empty profile directory (mode 0700, named
 * <root>/kiosk-call-<kiosk pid>-XXXXXX), builds the argv from the template
 * (callargs.h: {url} {profile} {x} {y} {w} {h}) and hands both to a private
 * watcher thread, which starts the argv with fork + execvp (no shell; PATH
 * searched only when argv[0] has no '/'). The spawn is on the watcher
 * because it holds its caller until the child has exec'd (about
 * 1 ms, several on a cold cache). The child gets:
 *  - its own process group (pgid = its pid), so the browser and everything
 *    it starts are ended together with kill(-pgid, ...);
 *  - PR_SET_PDEATHSIG SIGKILL: when the kiosk dies (kill -9, crash, X loss)
 *    the browser dies too; its pid and start time are in <profile>.pid so
 *    the next kiosk ends whatever is left of its group before removing the
 *    profile (launcher_sweep_profiles);
 *  - stdin from /dev/null; stdout and stderr are the kiosk's (the journal);
 *  - no other descriptor: the kiosk's rule is O_CLOEXEC on every descriptor
 *    it opens, and the launcher also closes every fd >= 3 in the child
 *    (close_range CLOSE_RANGE_CLOEXEC) in case a library forgot;
 *  - an empty signal mask and default signal dispositions (an ignored
 *    SIGPIPE or a blocked SIGTERM in the kiosk must not reach the browser);
 *  - the kiosk's environment (DISPLAY, XDG_RUNTIME_DIR, PULSE_SERVER...).
 *
 * The watcher owns the child: it waits for it (pidfd + poll,
 * then waitpid; polling waitpid(WNOHANG) every 20 ms on kernels without
 * pidfd_open), sends the signals for a stop, and when the browser has
 * exited it ends what is left of its process group (TERM, grace, KILL),
 * removes the profile directory (nftw, depth first, never following
 * symlinks or crossing mounts), publishes the final state and calls the
 * wake callback. So the main loop never blocks on the launcher: every call
 * below except launcher_destroy on a running call returns in microseconds
 * (launcher_start: mkdtemp, two small allocations, pthread_create; the
 * others: one mutex that the watcher never holds across a system call).
 *
 * SIGCHLD: the launcher installs no handler. The kiosk must leave SIGCHLD at
 * SIG_DFL: SIG_IGN (or SA_NOCLDWAIT) makes the kernel reap the child so its
 * exit status is lost, and a handler calling wait() would steal it from the
 * watcher. If the kiosk is a child subreaper (PR_SET_CHILD_SUBREAPER), the
 * group's orphans are reparented to it and the watcher reaps those too.
 *
 * Typical use from main.c:
 *   l = launcher_start(&opts, err, sizeof err);     NULL: could not start
 *   ... on the wake event, or each frame:
 *   st = launcher_state(l, &status, &secs);
 *   if (launcher_elapsed(l) > max_minutes * 60) launcher_request_stop(l);
 *   End button / cancel: launcher_request_stop(l);
 *   st == LAUNCHER_START_FAILED: show "could not start", report call_failed
 *     with launcher_why(l) (copy it first), then launcher_destroy(l);
 *   st == LAUNCHER_EXITED: the call ended (secs long); launcher_destroy(l).
 */
#include <stddef.h>
#include <sys/types.h>

#define LAUNCHER_GRACE_MS 3000 /* default time between TERM and KILL */
#define LAUNCHER_EARLY_MS 1000 /* default: an exit sooner is "could not start" */
#define LAUNCHER_STATUS_NONE (-1000) /* exit status not (yet) known */
#define LAUNCHER_WHY_MAX 320 /* launcher_why fits in this many bytes */

enum launcher_state {
    LAUNCHER_RUNNING,      /* the call's process runs */
    LAUNCHER_STOPPING,     /* a stop was requested or the process exited;
                              the group and the profile are being cleaned up */
    LAUNCHER_EXITED,       /* final: the call ended; group gone, profile removed */
    LAUNCHER_START_FAILED  /* final: "could not start the call": the program
                              could not be executed (missing, not executable:
                              exit status LAUNCHER_STATUS_NONE), or it exited
                              or died within early_ms without a stop request;
                              group gone, profile removed; see launcher_why */
};

struct launcher_opts {
    char *const *argv; /* template (cfg->call.launcher); copied, not kept */
    int argc;          /* number of template strings, >= 1 */
    const char *url;   /* for {url}; checked by urlrule_check beforehand */
    int x, y, w, h;    /* browser window geometry for {x} {y} {w} {h} */
    const char *profile_root; /* NULL: $XDG_RUNTIME_DIR if set and absolute,
                                 else /tmp; copied */
    int grace_ms; /* TERM -> KILL delay; 0 = LAUNCHER_GRACE_MS */
    int early_ms; /* 0 = LAUNCHER_EARLY_MS */
    /* Called once, from the watcher thread with no lock held, when the state
     * becomes final (EXITED or START_FAILED). It must only post an event
     * (e.g. SDL_PushEvent) and must not call launcher_destroy. May be NULL. */
    void (*wake)(void *ctx);
    void *wake_ctx;
};

struct launcher;

/* Starts the call. Returns a launcher owned by the caller (free it with
 * launcher_destroy), or NULL with a one-line English reason in err: bad
 * opts, the profile directory could not be made, no memory or thread. NULL
 * counts as "could not start the call"; nothing is left behind and wake is
 * not called. A program that cannot be executed (ENOENT, EACCES) is found
 * by the watcher a moment later: LAUNCHER_START_FAILED, then wake. */
struct launcher *launcher_start(const struct launcher_opts *opts, char *err, size_t errsz);

/* The current state; never blocks. exit_status (may be NULL) gets the exit
 * code 0..255, or -N if the process was killed by signal N, or
 * LAUNCHER_STATUS_NONE while it runs (or if it could not be read). seconds
 * (may be NULL) gets the time from start to exit, or to now while running. */
enum launcher_state launcher_state(struct launcher *l, int *exit_status, double *seconds);

/* 1 if the final state is LAUNCHER_START_FAILED, else 0. */
int launcher_failed_early(struct launcher *l);

/* Seconds since the start (up to the exit once the process has exited);
 * for the max_minutes limit. Never blocks. */
double launcher_elapsed(struct launcher *l);

/* Asks the watcher to end the call: SIGTERM to the whole process group at
 * once, SIGKILL after grace_ms if anything of it is still alive. Returns at
 * once; repeated calls and calls after the exit do nothing. */
void launcher_request_stop(struct launcher *l);

/* Why the state is LAUNCHER_START_FAILED, in one English line, e.g.
 * "cannot start /usr/bin/chromium: No such file or directory" or
 * "/usr/bin/chromium ended after 0.6 s (exit status 1)"; "" in any other
 * state. Owned by l, valid until launcher_destroy. */
const char *launcher_why(struct launcher *l);

/* The browser's pid (= its process group id), or -1 before the watcher has
 * started it (or if it could not); for logs and tests. */
pid_t launcher_pid(struct launcher *l);

/* The profile directory's path; owned by l, valid until launcher_destroy.
 * The directory itself is gone once the state is final. */
const char *launcher_profile(struct launcher *l);

/* Ends the call if it still runs (TERM, grace, KILL to the group), waits
 * until the watcher has reaped it and removed the profile, joins the thread
 * and frees l. Blocks up to grace_ms + cleanup when the call still runs;
 * returns at once after the wake callback (final state). NULL is fine. */
void launcher_destroy(struct launcher *l);

/* Removes profile directories left in root (NULL: the default root) by a
 * kiosk that died without cleaning up (power cut, crash): those named
 * kiosk-call-<pid>-* whose pid is no longer running, owned by this user,
 * after ending the browser's process group recorded in <dir>.pid (pid and
 * start time, so a reused pid is never signalled).
 * Call once at start-up. Returns the number removed. Blocks (disk I/O). */
int launcher_sweep_profiles(const char *root);
#endif
