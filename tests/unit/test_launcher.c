/* The supervised call process, driven with the shell scripts in
 * tests/data/launchers/ (argv[1] is tests/data). The test process makes
 * itself a child subreaper, so a grandchild left behind by a script is
 * reparented here and "no child left" can be checked strictly (waitpid
 * gives ECHILD once the launcher has reaped the whole group). */
/* nftw (XSI) for cleaning up the scratch folder. */
#define _XOPEN_SOURCE 700
#include "check.h"
#include "launcher.h"
#include "msg.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define TEST_GRACE_MS 300

static char test_scripts[1024]; /* tests/data/launchers */
static char test_root[256];     /* scratch folder for this run */
static char test_profiles[512]; /* profile_root for the launchers */
static char test_record[512];   /* the scripts' record file */

/* ---- wake callback: counts, and lets the test wait for it -------------- */

static pthread_mutex_t test_wake_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t test_wake_cond = PTHREAD_COND_INITIALIZER;
static int test_wakes;

static void test_wake(void *ctx)
{
    CHECK(ctx == &test_wakes);
    pthread_mutex_lock(&test_wake_lock);
    test_wakes++;
    pthread_cond_broadcast(&test_wake_cond);
    pthread_mutex_unlock(&test_wake_lock);
}

/* Waits until the wake count reaches want; returns 1, or 0 after ms. */
static int test_wait_wake(int want, int ms)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += ms / 1000;
    until.tv_nsec += (long)(ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&test_wake_lock);
    int rc = 0;
    while (test_wakes < want && rc == 0)
        rc = pthread_cond_timedwait(&test_wake_cond, &test_wake_lock, &until);
    int ok = test_wakes >= want;
    pthread_mutex_unlock(&test_wake_lock);
    return ok;
}

static int test_wake_count(void)
{
    pthread_mutex_lock(&test_wake_lock);
    int n = test_wakes;
    pthread_mutex_unlock(&test_wake_lock);
    return n;
}

/* ---- helpers ----------------------------------------------------------- */

static void test_script(char *out, size_t outsz, const char *name)
{
    snprintf(out, outsz, "%s/%s", test_scripts, name);
}

static struct launcher_opts test_opts(char *const *argv, int argc)
{
    struct launcher_opts o = {.argv = argv, .argc = argc, .url = "https://meet.example.jp/t-abc",
                              .x = 10, .y = 20, .w = 800, .h = 600,
                              .profile_root = test_profiles, .grace_ms = TEST_GRACE_MS,
                              .wake = test_wake, .wake_ctx = &test_wakes};
    return o;
}

/* Waits (up to ms) for a file the script writes with mv. */
static int test_wait_file(const char *path, int ms)
{
    for (int waited = 0; waited < ms; waited += 20) {
        if (access(path, F_OK) == 0)
            return 1;
        check_sleep_ms(20);
    }
    return 0;
}

static char *test_read_file(const char *path)
{
    FILE *f = fopen(path, "re");
    if (!f)
        return NULL;
    static char buf[8192];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* The watcher spawns the child a moment after launcher_start. */
static pid_t test_pid(struct launcher *l)
{
    for (int waited = 0; waited < 3000; waited += 5) {
        pid_t pid = launcher_pid(l);
        if (pid > 0 || launcher_state(l, NULL, NULL) != LAUNCHER_RUNNING)
            return pid;
        check_sleep_ms(5);
    }
    return -1;
}

/* A process is gone when it does not exist (a zombie would still count). */
static int test_gone(pid_t pid)
{
    return kill(pid, 0) == -1 && errno == ESRCH;
}

static int test_no_children(void)
{
    return waitpid(-1, NULL, WNOHANG) == -1 && errno == ECHILD;
}

/* 1 if dir exists and has no entries. */
static int test_dir_empty(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n == 0;
}

/* Runs l until the wake callback, which must come within ms. */
static enum launcher_state test_finish(struct launcher *l, int wakes_before, int ms,
                                       int *status, double *secs)
{
    CHECK(test_wait_wake(wakes_before + 1, ms));
    enum launcher_state st = launcher_state(l, status, secs);
    return st;
}
/* ---- cases -------------------------------------------------------------- */

/* The record file's contents while the call runs, with the profile checks. */
static void test_record_during_call(struct launcher *l, const char *profile)
{
    struct stat st;
    CHECK(test_wait_file(test_record, 3000));
    CHECK_INT(launcher_state(l, NULL, NULL), LAUNCHER_RUNNING);
    CHECK(stat(profile, &st) == 0 && S_ISDIR(st.st_mode));
    CHECK_INT(st.st_mode & 07777, 0700);
    CHECK(strncmp(profile, test_profiles, strlen(test_profiles)) == 0);
    CHECK_INT(getpgid(launcher_pid(l)), launcher_pid(l)); /* own group */
    CHECK(launcher_elapsed(l) > 0.0 && launcher_elapsed(l) < 2.0);
}

static void test_record_contents(const char *profile)
{
    char want[PATH_MAX * 2];
    snprintf(want, sizeof want,
             "arg --app=https://meet.example.jp/t-abc\n"
             "arg --user-data-dir=%s\n"
             "arg --window-position=10,20\n"
             "arg --window-size=800,600\n"
             "arg {unknown}\n"
             "arg two words\n"
             "fd 0 /dev/null\n"
             "fd 1 pipe:",
             profile);
    const char *got = test_read_file(test_record);
    CHECK(got != NULL);
    if (!got)
        return;
    CHECK(strncmp(got, want, strlen(want)) == 0);
    /* fds 0, 1 (ls | awk) and 2, nothing else: nothing leaked */
    int fds = 0;
    for (const char *p = got; (p = strstr(p, "\nfd ")) != NULL; p++)
        fds++;
    CHECK_INT(fds, 3);
    CHECK(strstr(got, "\nfd 2 ") != NULL);
    if (fds != 3 || strncmp(got, want, strlen(want)) != 0)
        fprintf(stderr, "record:\n%s", got);
}

/* A normal call: argv substituted, profile 0700 during the call and gone
 * after, stdin /dev/null, no leaked descriptor, exit status 0. */
static void test_normal_call(void)
{
    char script[PATH_MAX];
    test_script(script, sizeof script, "record.sh");
    char *argv[] = {script, "--app={url}", "--user-data-dir={profile}",
                    "--window-position={x},{y}", "--window-size={w},{h}", "{unknown}",
                    "two words"};
    /* a descriptor someone forgot to open with O_CLOEXEC must not leak */
    int leak = open("/dev/null", O_RDONLY);
    struct launcher_opts o = test_opts(argv, 7);
    char err[256];
    int w0 = test_wake_count();
    struct launcher *l = launcher_start(&o, err, sizeof err);
    CHECK(l != NULL);
    if (!l)
        return;
    char profile[PATH_MAX];
    snprintf(profile, sizeof profile, "%s", launcher_profile(l));
    pid_t pid = test_pid(l);
    test_record_during_call(l, profile);
    test_record_contents(profile);
    int status;
    double secs;
    CHECK_INT(test_finish(l, w0, 5000, &status, &secs), LAUNCHER_EXITED);
    CHECK_INT(status, 0);
    CHECK(secs > 1.9 && secs < 4.0);
    CHECK(!launcher_failed_early(l));
    CHECK_STR(launcher_why(l), "");
    CHECK(access(profile, F_OK) != 0 && errno == ENOENT);
    launcher_destroy(l);
    CHECK(pid > 0 && test_gone(pid));
    CHECK(test_no_children());
    CHECK(test_dir_empty(test_profiles));
    CHECK_INT(test_wake_count(), w0 + 1);
    if (leak >= 0)
        close(leak);
    unlink(test_record);
}

/* Exits at once: "could not start the call", with its status. */
static void test_fail_early(void)
{
    char script[PATH_MAX];
    test_script(script, sizeof script, "fail.sh");
    char *argv[] = {script, "--app={url}"};
    struct launcher_opts o = test_opts(argv, 2);
    int w0 = test_wake_count(), status;
    struct launcher *l = launcher_start(&o, NULL, 0);
    CHECK(l != NULL);
    if (!l)
        return;
    pid_t pid = test_pid(l);
    CHECK_INT(test_finish(l, w0, 3000, &status, NULL), LAUNCHER_START_FAILED);
    CHECK_INT(status, 1);
    CHECK(launcher_failed_early(l));
    char want[PATH_MAX + 64];
    snprintf(want, sizeof want, "%s ended after ", script);
    CHECK(strncmp(launcher_why(l), want, strlen(want)) == 0);
    CHECK(strstr(launcher_why(l), " s (exit status 1)") != NULL);
    launcher_destroy(l);
    CHECK(pid > 0 && test_gone(pid));
    CHECK(test_no_children());
    CHECK(test_dir_empty(test_profiles));
}

/* A bare name is looked up in PATH (no shell); exit 0 at once is still an
 * early failure (e.g. a browser that handed the URL to another instance). */
static void test_path_lookup(void)
{
    char *argv[] = {"true", "{url}"};
    struct launcher_opts o = test_opts(argv, 2);
    int w0 = test_wake_count(), status;
    struct launcher *l = launcher_start(&o, NULL, 0);
    CHECK(l != NULL);
    if (!l)
        return;
    CHECK_INT(test_finish(l, w0, 3000, &status, NULL), LAUNCHER_START_FAILED);
    CHECK_INT(status, 0);
    launcher_destroy(l);
    CHECK(test_no_children());
}

/* A program that cannot be executed: found by the watcher, reported as a
 * failed start with the reason; the profile made for it is gone. */
static void test_cannot_exec(const char *prog, const char *want_err)
{
    char *argv[] = {(char *)prog, "--app={url}"};
    struct launcher_opts o = test_opts(argv, 2);
    int w0 = test_wake_count(), status;
    struct launcher *l = launcher_start(&o, NULL, 0);
    CHECK(l != NULL);
    if (!l)
        return;
    CHECK_INT(test_finish(l, w0, 3000, &status, NULL), LAUNCHER_START_FAILED);
    CHECK(launcher_failed_early(l));
    char want[512];
    if (status != LAUNCHER_STATUS_NONE) {
        /* Only where posix_spawn cannot report exec errors (valgrind turns
         * glibc's clone(CLONE_VM|CLONE_VFORK) into a fork): the child exits
         * at once (127, or valgrind's error code), which reads as a failed
         * start all the same. */
        snprintf(want, sizeof want, "%s ended after ", prog);
        CHECK(strncmp(launcher_why(l), want, strlen(want)) == 0);
    } else {
        CHECK_INT(status, LAUNCHER_STATUS_NONE);
        CHECK_INT(launcher_pid(l), -1);
        snprintf(want, sizeof want, "cannot start %s: %s", prog, want_err);
        CHECK_STR(launcher_why(l), want);
    }
    launcher_destroy(l);
    CHECK(test_no_children());
    CHECK(test_dir_empty(test_profiles));
    CHECK_INT(test_wake_count(), w0 + 1);
}

/* Stopped before the watcher got to spawn it: nothing runs, not a failure. */
static void test_stop_before_spawn(void)
{
    char *argv[] = {"sleep", "5"};
    struct launcher_opts o = test_opts(argv, 2);
    int w0 = test_wake_count(), status;
    struct launcher *l = launcher_start(&o, NULL, 0);
    CHECK(l != NULL);
    if (!l)
        return;
    launcher_request_stop(l);
    enum launcher_state st = test_finish(l, w0, 3000, &status, NULL);
    CHECK(st == LAUNCHER_EXITED);
    CHECK_STR(launcher_why(l), "");
    /* either it never ran, or it ran and took the TERM */
    CHECK(status == LAUNCHER_STATUS_NONE || status == -SIGTERM);
    double e1 = launcher_elapsed(l);
    check_sleep_ms(20);
    CHECK(launcher_elapsed(l) == e1); /* the clock has stopped */
    launcher_destroy(l);
    CHECK(test_no_children());
    CHECK(test_dir_empty(test_profiles));
}

static void test_bad_opts(void)
{
    char err[128];
    char *argv[] = {"true"};
    struct launcher_opts o = test_opts(argv, 0);
    CHECK(launcher_start(&o, err, sizeof err) == NULL);
    CHECK_STR(err, "no launcher command configured");
    CHECK(launcher_start(NULL, err, sizeof err) == NULL);
    o = test_opts(argv, 1);
    o.url = NULL;
    CHECK(launcher_start(&o, err, sizeof err) == NULL);
    CHECK_STR(err, "no URL to open");
    o = test_opts(argv, 1);
    o.profile_root = "/nonexistent/root";
    CHECK(launcher_start(&o, err, sizeof err) == NULL);
    CHECK_STR(err, "cannot make a profile directory in /nonexistent/root: "
                   "No such file or directory");
    launcher_destroy(NULL);
    launcher_request_stop(NULL);
}

/* Stopped by request: TERM ends it quickly; that is an ended call, not a
 * failed start, even within the first second. The calls never block. */
static void test_request_stop(void)
{
    char script[PATH_MAX];
    test_script(script, sizeof script, "forever.sh");
    char *argv[] = {script};
    struct launcher_opts o = test_opts(argv, 1);
    int w0 = test_wake_count(), status;
    struct launcher *l = launcher_start(&o, NULL, 0);
    CHECK(l != NULL);
    if (!l)
        return;
    pid_t pid = test_pid(l);
    check_sleep_ms(300);
    CHECK_INT(launcher_state(l, &status, NULL), LAUNCHER_RUNNING);
    CHECK_INT(status, LAUNCHER_STATUS_NONE);
    double t0 = check_now();
    launcher_request_stop(l);
    launcher_request_stop(l); /* twice is fine */
    double spent = check_now() - t0;
    /* It must not wait for the exit (that takes the grace period when a
     * call ignores TERM); the bound leaves room for a loaded CI machine. */
    CHECK(spent < 0.5);
    CHECK_INT(launcher_state(l, NULL, NULL), LAUNCHER_STOPPING);
    CHECK_INT(test_finish(l, w0, 2000, &status, NULL), LAUNCHER_EXITED);
    CHECK_INT(status, -SIGTERM);
    CHECK(check_now() - t0 < 0.25); /* well within the grace period */
    launcher_destroy(l);
    CHECK(pid > 0 && test_gone(pid));
    CHECK(test_no_children());
    CHECK(test_dir_empty(test_profiles));
}

/* Ignores TERM: KILLed after the grace period, having seen the TERM. */
static void test_ignore_term(void)
{
    char script[PATH_MAX];
    test_script(script, sizeof script, "ignore_term.sh");
    char *argv[] = {script};
    struct launcher_opts o = test_opts(argv, 1);
    int w0 = test_wake_count(), status;
    struct launcher *l = launcher_start(&o, NULL, 0);
    CHECK(l != NULL);
    if (!l)
        return;
    CHECK(test_wait_file(test_record, 3000));
    double t0 = check_now();
    launcher_request_stop(l);
    CHECK_INT(test_finish(l, w0, 3000, &status, NULL), LAUNCHER_EXITED);
    double took = check_now() - t0;
    CHECK_INT(status, -SIGKILL);
    CHECK(took >= TEST_GRACE_MS / 1000.0 && took < 1.5);
    const char *rec = test_read_file(test_record);
    CHECK(rec && strcmp(rec, "started\nterm\n") == 0);
    launcher_destroy(l);
    CHECK(test_no_children());
    CHECK(test_dir_empty(test_profiles));
    unlink(test_record);
}

static pid_t test_read_pid(void)
{
    if (!test_wait_file(test_record, 3000))
        return -1;
    const char *s = test_read_file(test_record);
    char *end;
    long v = s ? strtol(s, &end, 10) : -1;
    return (v > 0 && *end == '\n') ? (pid_t)v : -1;
}

/* The grandchild (ignoring TERM) goes with the group: on a stop request,
 * or when the script exits by itself and leaves it behind. */
static void test_grandchild(const char *mode)
{
    char script[PATH_MAX];
    test_script(script, sizeof script, "grandchild.sh");
    char *argv[] = {script, (char *)mode};
    struct launcher_opts o = test_opts(argv, 2);
    int w0 = test_wake_count(), status;
    struct launcher *l = launcher_start(&o, NULL, 0);
    CHECK(l != NULL);
    if (!l)
        return;
    pid_t pid = test_pid(l), gpid = test_read_pid();
    CHECK(gpid > 0 && kill(gpid, 0) == 0);
    int stay = strcmp(mode, "stay") == 0;
    if (stay)
        launcher_request_stop(l);
    CHECK_INT(test_finish(l, w0, 4000, &status, NULL), LAUNCHER_EXITED);
    CHECK_INT(status, stay ? -SIGTERM : 0);
    launcher_destroy(l);
    CHECK(pid > 0 && test_gone(pid));
    CHECK(gpid > 0 && test_gone(gpid));
    CHECK(test_no_children());
    CHECK(test_dir_empty(test_profiles));
    unlink(test_record);
}

/* destroy on a running call ends it (TERM/grace/KILL) and cleans up. */
static void test_destroy_running(void)
{
    char script[PATH_MAX];
    test_script(script, sizeof script, "ignore_term.sh");
    char *argv[] = {script};
    struct launcher_opts o = test_opts(argv, 1);
    int w0 = test_wake_count();
    struct launcher *l = launcher_start(&o, NULL, 0);
    CHECK(l != NULL);
    if (!l)
        return;
    pid_t pid = test_pid(l);
    CHECK(test_wait_file(test_record, 3000));
    double t0 = check_now();
    launcher_destroy(l);
    CHECK(check_now() - t0 < 1.5);
    CHECK(pid > 0 && test_gone(pid));
    CHECK(test_no_children());
    CHECK(test_dir_empty(test_profiles));
    CHECK_INT(test_wake_count(), w0 + 1);
    unlink(test_record);
}

/* Default root: $XDG_RUNTIME_DIR. */
static void test_default_root(void)
{
    char *argv[] = {"sleep", "5"};
    struct launcher_opts o = test_opts(argv, 2);
    o.profile_root = NULL;
    setenv("XDG_RUNTIME_DIR", test_profiles, 1);
    struct launcher *l = launcher_start(&o, NULL, 0);
    CHECK(l != NULL);
    if (!l)
        return;
    CHECK(strncmp(launcher_profile(l), test_profiles, strlen(test_profiles)) == 0);
    CHECK(!test_dir_empty(test_profiles));
    launcher_destroy(l);
    CHECK(test_dir_empty(test_profiles));
    CHECK(test_no_children());
}

static int test_mkfile(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    return fd >= 0 ? close(fd) : -1;
}

/* Left-overs of a dead kiosk go; a live kiosk's profile and anything a
 * symlink points to stay. */
static void test_sweep(void)
{
    char dead[1024], deep[1100], mine[1024], outside[1024], link[1200];
    snprintf(dead, sizeof dead, "%s/kiosk-call-999999999-AbCdEf", test_profiles);
    snprintf(deep, sizeof deep, "%s/Default", dead);
    snprintf(mine, sizeof mine, "%s/kiosk-call-%ld-XyZ123", test_profiles, (long)getpid());
    snprintf(outside, sizeof outside, "%s/outside", test_root);
    snprintf(link, sizeof link, "%s/link", deep);
    CHECK(mkdir(dead, 0700) == 0 && mkdir(deep, 0700) == 0 && mkdir(mine, 0700) == 0);
    CHECK(mkdir(outside, 0700) == 0);
    char keep[1100], f[1200];
    snprintf(keep, sizeof keep, "%s/keep", outside);
    snprintf(f, sizeof f, "%s/History", deep);
    CHECK(test_mkfile(keep) == 0 && test_mkfile(f) == 0);
    CHECK(symlink(outside, link) == 0);
    CHECK_INT(launcher_sweep_profiles(test_profiles), 1);
    CHECK(access(dead, F_OK) != 0);
    CHECK(access(mine, F_OK) == 0);
    CHECK(access(keep, F_OK) == 0);
    CHECK_INT(launcher_sweep_profiles(test_profiles), 0);
    rmdir(mine);
    unlink(keep);
    rmdir(outside);
}

static int test_rm(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
    (void)sb;
    (void)ftw;
    return type == FTW_DP ? rmdir(path) : unlink(path);
}

int main(int argc, char **argv)
{
    if (argc < 2 || strlen(argv[1]) > 900) {
        fprintf(stderr, "usage: test_launcher TESTS_DATA_DIR\n");
        return 2;
    }
    msg_set_level(MSG_WARN);
    CHECK(prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0);
    snprintf(test_scripts, sizeof test_scripts, "%s/launchers", argv[1]);
    snprintf(test_root, sizeof test_root, "/tmp/test_launcher-XXXXXX");
    if (!mkdtemp(test_root))
        return 2;
    snprintf(test_profiles, sizeof test_profiles, "%s/profiles", test_root);
    snprintf(test_record, sizeof test_record, "%s/record.txt", test_root);
    if (mkdir(test_profiles, 0700) != 0 || setenv("LAUNCHER_RECORD", test_record, 1) != 0)
        return 2;
    test_bad_opts();
    test_cannot_exec("/nonexistent/launcher", "No such file or directory");
    test_cannot_exec("/dev/null", "Permission denied");
    test_stop_before_spawn();
    test_fail_early();
    test_path_lookup();
    test_request_stop();
    test_normal_call();
    test_ignore_term();
    test_grandchild("stay");
    test_grandchild("exit");
    test_destroy_running();
    test_default_root();
    test_sweep();
    CHECK(test_no_children());
    nftw(test_root, test_rm, 8, FTW_DEPTH | FTW_PHYS);
    return CHECK_RESULT();
}
