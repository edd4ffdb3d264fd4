/* Spawning and watching the call's process. Its profile directory is
 * profile_dir.c's, ending its process group pgroup.c's.
 * Linux: PR_SET_PDEATHSIG, close_range (Linux 5.11, else a loop), pidfd_open
 * (glibc 2.36, Linux 5.3) and environ need the GNU feature set. */
#define _GNU_SOURCE
#include "launcher.h"

#include "callargs.h"
#include "msg.h"
#include "pgroup.h"
#include "profile_dir.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <linux/close_range.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/pidfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define LAUNCHER_POLL_MS 20 /* waitpid polling without pidfd */

struct launcher {
    pthread_mutex_t lock;
    pthread_t thread;
    int stop_fd; /* eventfd: launcher_request_stop -> watcher */
    int pidfd;   /* readable when the child exits; -1 without pidfd_open */
    int grace_ms, early_ms;
    void (*wake)(void *ctx);
    void *wake_ctx;
    double t_start; /* monotonic seconds, set before the thread starts */
    char **argv;    /* built in launcher_start, spawned by the watcher */
    char profile[PATH_MAX];
    /* shared with the watcher: under lock */
    pid_t pid; /* the browser, also its process group id; -1 before spawn */
    enum launcher_state state;
    int stop_requested;
    int exit_status;
    double t_end;   /* 0 while the child runs */
    char why[LAUNCHER_WHY_MAX]; /* set before a final START_FAILED */
};

static double launcher_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

__attribute__((format(printf, 3, 4))) static void launcher_err(char *err, size_t errsz,
                                                               const char *fmt, ...)
{
    if (!err || errsz == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errsz, fmt, ap);
    va_end(ap);
}

/* ---- profile directory (profile_dir.c) -------------------------------- */

static int launcher_make_profile(struct launcher *l, const char *root, char *err, size_t errsz)
{
    char why[PATH_MAX + 128] = "";
    int rc = profile_dir_make(root, l->profile, sizeof l->profile, why, sizeof why);
    if (rc != 0)
        launcher_err(err, errsz, "%s", why);
    return rc;
}

static void launcher_remove_profile(struct launcher *l)
{
    if (!l->profile[0])
        return;
    if (profile_dir_remove(l->profile) != 0)
        msg_warn("call: could not remove the profile %s completely", l->profile);
}

/* ---- spawn (on the watcher) ------------------------------------------- */

/* In the forked child, before exec: only async-signal-safe calls. Never
 * returns; an exec failure's errno goes to errfd (close-on-exec, so exec
 * success closes it with nothing written). */
static void launcher_child(char **argv, pid_t parent, int errfd)
{
    sigset_t none;
    sigemptyset(&none);
    for (int s = 1; s < NSIG; s++)
        if (s != SIGKILL && s != SIGSTOP)
            signal(s, SIG_DFL); /* an ignored SIGPIPE must not reach the browser */
    sigprocmask(SIG_SETMASK, &none, NULL);
    int err = setpgid(0, 0) == 0 ? 0 : errno;
    /* The kiosk's end, however it comes (kill -9, a crash, X loss), kills
     * the browser; the browser's own helpers end with it (Chromium's
     * watch their parent), and the pid file catches what is left. The
     * signal comes when the forking thread (the watcher) dies, which only
     * happens after the browser has been reaped or with the process. */
    if (err == 0 && prctl(PR_SET_PDEATHSIG, SIGKILL) != 0)
        err = errno;
    if (err == 0 && getppid() != parent)
        _exit(127); /* the kiosk died before the line above */
    int null = open("/dev/null", O_RDONLY);
    if (err == 0 && (null < 0 || dup2(null, 0) < 0))
        err = errno;
    if (null > 0)
        close(null);
    /* a second guard behind the O_CLOEXEC rule: every fd >= 3 closes on exec */
    if (err == 0 && syscall(SYS_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC) != 0)
        for (int fd = 3; fd < 4096; fd++)
            if (fd != errfd)
                fcntl(fd, F_SETFD, FD_CLOEXEC);
    if (err == 0) {
        execvp(argv[0], argv);
        err = errno;
    }
    while (write(errfd, &err, sizeof err) < 0 && errno == EINTR)
        ;
    _exit(127);
}

/* fork + exec with the child set-up described in the header (fork, not
 * posix_spawn, for PR_SET_PDEATHSIG). Returns 0 or an errno value (ENOENT,
 * EACCES...); waits only until the child has exec'd. */
static int launcher_spawn(char **argv, pid_t *pid)
{
    int p[2];
    if (pipe2(p, O_CLOEXEC) != 0)
        return errno;
    pid_t parent = getpid();
    pid_t c = fork();
    if (c < 0) {
        int e = errno;
        close(p[0]);
        close(p[1]);
        return e;
    }
    if (c == 0)
        launcher_child(argv, parent, p[1]);
    close(p[1]);
    int err = 0;
    ssize_t n;
    while ((n = read(p[0], &err, sizeof err)) < 0 && errno == EINTR)
        ;
    close(p[0]);
    if (n == (ssize_t)sizeof err && err != 0) {
        while (waitpid(c, NULL, 0) < 0 && errno == EINTR)
            ;
        return err;
    }
    *pid = c; /* exec'd: its own group was set before */
    return 0;
}

/* On the watcher, so the main loop never waits for the exec (the spawn
 * holds the caller until the child has exec'd: about a millisecond, more
 * on a cold cache). Returns LAUNCHER_RUNNING once the child runs, else the
 * final state: START_FAILED (cannot exec) or EXITED (stopped before). */
static enum launcher_state launcher_spawn_now(struct launcher *l)
{
    pid_t pid = -1;
    pthread_mutex_lock(&l->lock);
    int cancelled = l->stop_requested;
    pthread_mutex_unlock(&l->lock);
    if (cancelled)
        return LAUNCHER_EXITED;
    /* not under the lock: a stop request meanwhile waits in the eventfd */
    int rc = launcher_spawn(l->argv, &pid);
    pthread_mutex_lock(&l->lock);
    if (rc == 0)
        l->pid = pid;
    else
        snprintf(l->why, sizeof l->why, "cannot start %s: %s", l->argv[0], strerror(rc));
    pthread_mutex_unlock(&l->lock);
    if (rc != 0) {
        msg_error("call: %s", l->why);
        return LAUNCHER_START_FAILED;
    }
    msg_info("call: started %s (pid %ld)", l->argv[0], (long)pid);
    if (profile_dir_write_pid(l->profile, pid) != 0)
        msg_warn("call: cannot write the pid file beside %s: %s", l->profile, strerror(errno));
    l->pidfd = pidfd_open(pid, 0); /* -1 (ENOSYS) on old kernels: we poll */
    return LAUNCHER_RUNNING;
}

/* ---- watcher thread --------------------------------------------------- */

static int launcher_decode(int st)
{
    if (WIFEXITED(st))
        return WEXITSTATUS(st);
    if (WIFSIGNALED(st))
        return -WTERMSIG(st);
    return LAUNCHER_STATUS_NONE;
}

/* 1 if a stop request arrived on the eventfd (nonblocking). */
static int launcher_take_stop(struct launcher *l)
{
    uint64_t v;
    return read(l->stop_fd, &v, sizeof v) == (ssize_t)sizeof v;
}

static int launcher_timeout_ms(const struct launcher *l, double kill_at)
{
    int t = l->pidfd >= 0 ? -1 : LAUNCHER_POLL_MS;
    if (kill_at > 0) {
        double left = (kill_at - launcher_now()) * 1000.0;
        int ms = left <= 0 ? 0 : (int)left + 1;
        if (t < 0 || ms < t)
            t = ms;
    }
    return t;
}

/* Blocks until the browser exits; carries out stop requests (TERM now,
 * KILL after the grace period). Returns its decoded exit status. */
static int launcher_wait_child(struct launcher *l)
{
    double kill_at = 0; /* > 0: when to send SIGKILL */
    int term_sent = 0;
    for (;;) {
        int st;
        pid_t r = waitpid(l->pid, &st, WNOHANG);
        if (r == l->pid)
            return launcher_decode(st);
        if (r < 0 && errno != EINTR) {
            msg_warn("call: cannot wait for pid %ld (%s): is SIGCHLD ignored?", (long)l->pid,
                     strerror(errno));
            return LAUNCHER_STATUS_NONE;
        }
        struct pollfd p[2] = {{l->stop_fd, POLLIN, 0}, {l->pidfd, POLLIN, 0}};
        poll(p, l->pidfd >= 0 ? 2 : 1, launcher_timeout_ms(l, kill_at));
        if (launcher_take_stop(l) && !term_sent) {
            pgroup_signal(l->pid, SIGTERM);
            term_sent = 1;
            kill_at = launcher_now() + l->grace_ms / 1000.0;
        }
        if (kill_at > 0 && launcher_now() >= kill_at) {
            msg_warn("call: pid %ld ignored SIGTERM; sending SIGKILL", (long)l->pid);
            pgroup_signal(l->pid, SIGKILL);
            kill_at = 0;
        }
    }
}

/* Logs the end; for an early exit also writes the reason into why. */
static void launcher_log_end(struct launcher *l, int status, double secs, int early, char *why,
                             size_t whysz)
{
    char how[48];
    if (status == LAUNCHER_STATUS_NONE)
        snprintf(how, sizeof how, "unknown status");
    else if (status < 0)
        snprintf(how, sizeof how, "killed by signal %d", -status);
    else
        snprintf(how, sizeof how, "exit status %d", status);
    if (!early) {
        msg_info("call: pid %ld ended after %.0f s (%s)", (long)l->pid, secs, how);
        return;
    }
    snprintf(why, whysz, "%s ended after %.1f s (%s)", l->argv[0], secs, how);
    msg_warn("call: %s: could not start the call", why);
}

/* The child's end: exit status, timings, group, profile. Returns the
 * final state. */
static enum launcher_state launcher_after_child(struct launcher *l, int status)
{
    char why[LAUNCHER_WHY_MAX] = "";
    double t_end = launcher_now();
    pthread_mutex_lock(&l->lock);
    l->t_end = t_end;
    l->exit_status = status;
    l->state = LAUNCHER_STOPPING;
    int early = !l->stop_requested && t_end - l->t_start < l->early_ms / 1000.0;
    pthread_mutex_unlock(&l->lock);
    pgroup_end(l->pid, l->grace_ms);
    launcher_log_end(l, status, t_end - l->t_start, early, why, sizeof why);
    if (early) {
        pthread_mutex_lock(&l->lock);
        memcpy(l->why, why, sizeof why);
        pthread_mutex_unlock(&l->lock);
    }
    return early ? LAUNCHER_START_FAILED : LAUNCHER_EXITED;
}

static void *launcher_watch(void *arg)
{
    struct launcher *l = arg;
    enum launcher_state final = launcher_spawn_now(l);
    if (final == LAUNCHER_RUNNING)
        final = launcher_after_child(l, launcher_wait_child(l));
    launcher_remove_profile(l);
    double t_end = launcher_now();
    pthread_mutex_lock(&l->lock);
    l->state = final;
    if (l->t_end <= 0) /* never ran: the clock stops here */
        l->t_end = t_end;
    pthread_mutex_unlock(&l->lock);
    if (l->wake)
        l->wake(l->wake_ctx);
    return NULL;
}

/* ---- start ------------------------------------------------------------ */

/* The watcher gets all asynchronous signals blocked: they go to the main
 * thread, and its poll is never cut short. */
static int launcher_start_thread(struct launcher *l, char *err, size_t errsz)
{
    sigset_t all, old;
    sigfillset(&all);
    const int sync_sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP};
    for (size_t i = 0; i < sizeof sync_sigs / sizeof sync_sigs[0]; i++)
        sigdelset(&all, sync_sigs[i]);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    int rc = pthread_create(&l->thread, NULL, launcher_watch, l);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (rc != 0)
        launcher_err(err, errsz, "cannot start the watcher thread: %s", strerror(rc));
    return rc == 0 ? 0 : -1;
}

static int launcher_opts_ok(const struct launcher_opts *o, char *err, size_t errsz)
{
    if (!o || !o->argv || o->argc < 1 || !o->argv[0] || !o->argv[0][0]) {
        launcher_err(err, errsz, "no launcher command configured");
        return 0;
    }
    if (!o->url) {
        launcher_err(err, errsz, "no URL to open");
        return 0;
    }
    struct sigaction sa;
    if (sigaction(SIGCHLD, NULL, &sa) == 0 &&
        (sa.sa_handler == SIG_IGN || (sa.sa_flags & SA_NOCLDWAIT)))
        msg_warn("call: SIGCHLD is ignored: the call's exit status will be lost");
    return 1;
}

static struct launcher *launcher_alloc(const struct launcher_opts *o)
{
    struct launcher *l = calloc(1, sizeof *l);
    if (!l)
        return NULL;
    l->pid = -1;
    l->pidfd = -1;
    l->stop_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (l->stop_fd < 0 || pthread_mutex_init(&l->lock, NULL) != 0) {
        if (l->stop_fd >= 0)
            close(l->stop_fd);
        free(l);
        return NULL;
    }
    l->grace_ms = o->grace_ms > 0 ? o->grace_ms : LAUNCHER_GRACE_MS;
    l->early_ms = o->early_ms > 0 ? o->early_ms : LAUNCHER_EARLY_MS;
    l->wake = o->wake;
    l->wake_ctx = o->wake_ctx;
    l->state = LAUNCHER_RUNNING;
    l->exit_status = LAUNCHER_STATUS_NONE;
    return l;
}

/* Frees l (thread already joined or never started). */
static void launcher_free(struct launcher *l)
{
    callargs_free(l->argv);
    if (l->pidfd >= 0)
        close(l->pidfd);
    close(l->stop_fd);
    pthread_mutex_destroy(&l->lock);
    free(l);
}

static int launcher_build_argv(struct launcher *l, const struct launcher_opts *o, char *err,
                               size_t errsz)
{
    struct callargs_vars v = {o->url, l->profile, o->x, o->y, o->w, o->h};
    l->argv = callargs_build(o->argv, o->argc, &v);
    if (!l->argv)
        launcher_err(err, errsz, "cannot build the launcher's arguments");
    return l->argv ? 0 : -1;
}

struct launcher *launcher_start(const struct launcher_opts *opts, char *err, size_t errsz)
{
    launcher_err(err, errsz, "%s", "");
    if (!launcher_opts_ok(opts, err, errsz))
        return NULL;
    struct launcher *l = launcher_alloc(opts);
    if (!l) {
        launcher_err(err, errsz, "out of memory or descriptors");
        return NULL;
    }
    if (launcher_make_profile(l, opts->profile_root, err, errsz) != 0)
        goto fail;
    if (launcher_build_argv(l, opts, err, errsz) != 0)
        goto fail;
    l->t_start = launcher_now();
    if (launcher_start_thread(l, err, errsz) != 0)
        goto fail;
    return l;
fail:
    launcher_remove_profile(l);
    launcher_free(l);
    return NULL;
}

/* ---- queries and stop -------------------------------------------------- */

enum launcher_state launcher_state(struct launcher *l, int *exit_status, double *seconds)
{
    pthread_mutex_lock(&l->lock);
    enum launcher_state st = l->state;
    int status = l->exit_status;
    double t_end = l->t_end;
    pthread_mutex_unlock(&l->lock);
    if (exit_status)
        *exit_status = status;
    if (seconds)
        *seconds = (t_end > 0 ? t_end : launcher_now()) - l->t_start;
    return st;
}

int launcher_failed_early(struct launcher *l)
{
    return launcher_state(l, NULL, NULL) == LAUNCHER_START_FAILED;
}

double launcher_elapsed(struct launcher *l)
{
    double secs;
    launcher_state(l, NULL, &secs);
    return secs;
}

void launcher_request_stop(struct launcher *l)
{
    if (!l)
        return;
    pthread_mutex_lock(&l->lock);
    int first = !l->stop_requested && l->state == LAUNCHER_RUNNING;
    if (first) {
        l->stop_requested = 1;
        l->state = LAUNCHER_STOPPING;
    }
    pthread_mutex_unlock(&l->lock);
    if (first) {
        uint64_t one = 1;
        if (write(l->stop_fd, &one, sizeof one) != (ssize_t)sizeof one)
            msg_error("call: cannot signal the watcher: %s", strerror(errno));
    }
}

pid_t launcher_pid(struct launcher *l)
{
    pthread_mutex_lock(&l->lock);
    pid_t pid = l->pid;
    pthread_mutex_unlock(&l->lock);
    return pid;
}

const char *launcher_why(struct launcher *l)
{
    pthread_mutex_lock(&l->lock);
    const char *why = l->state == LAUNCHER_START_FAILED ? l->why : "";
    pthread_mutex_unlock(&l->lock);
    return why;
}

const char *launcher_profile(struct launcher *l) { return l->profile; }

void launcher_destroy(struct launcher *l)
{
    if (!l)
        return;
    launcher_request_stop(l);
    pthread_join(l->thread, NULL);
    launcher_free(l);
}

/* ---- left-overs of an earlier run -------------------------------------- */

int launcher_sweep_profiles(const char *root)
{
    return profile_dir_sweep(root);
}
