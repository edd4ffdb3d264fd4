#include "bench_proc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench_stats.h"

int bench_xvfb_start(struct bench_xvfb *x, int w, int h)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    char fdarg[16], screen[32];
    snprintf(fdarg, sizeof fdarg, "%d", fds[1]);
    snprintf(screen, sizeof screen, "%dx%dx24", w, h);
    x->pid = fork();
    if (x->pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0) {
            dup2(null, 1);
            dup2(null, 2);
        }
        execlp("Xvfb", "Xvfb", "-displayfd", fdarg, "-screen", "0", screen, "-nolisten", "tcp",
               (char *)NULL);
        _exit(127);
    }
    close(fds[1]);
    if (x->pid < 0) {
        close(fds[0]);
        return -1;
    }
    char buf[32] = "";
    size_t got = 0;
    struct pollfd p = {fds[0], POLLIN, 0};
    while (got < sizeof buf - 1 && poll(&p, 1, 10000) > 0) {
        ssize_t n = read(fds[0], buf + got, sizeof buf - 1 - got);
        if (n <= 0)
            break;
        got += (size_t)n;
        if (memchr(buf, '\n', got))
            break;
    }
    close(fds[0]);
    buf[got] = '\0';
    char *end;
    long d = strtol(buf, &end, 10);
    if (end == buf || d < 0) {
        fprintf(stderr, "kiosk_bench: Xvfb did not start (is it installed?)\n");
        bench_xvfb_stop(x);
        return -1;
    }
    x->display = (int)d;
    char disp[16];
    snprintf(disp, sizeof disp, ":%d", x->display);
    setenv("DISPLAY", disp, 1);
    return 0;
}

void bench_xvfb_stop(struct bench_xvfb *x)
{
    if (x->pid > 0) {
        kill(x->pid, SIGTERM);
        waitpid(x->pid, NULL, 0);
    }
    x->pid = 0;
}

int bench_kiosk_read(struct bench_kiosk *k, const char *want, int verbose)
{
    char buf[4096];
    ssize_t n = read(k->err_fd, buf, sizeof buf);
    if (n <= 0)
        return n == 0 ? -1 : 0;
    int found = 0;
    for (ssize_t i = 0; i < n; i++) {
        if (buf[i] != '\n') {
            if (k->line_len < sizeof k->line - 1)
                k->line[k->line_len++] = buf[i];
            continue;
        }
        k->line[k->line_len] = '\0';
        k->lines++;
        if (verbose)
            fprintf(stderr, "  | %s\n", k->line);
        const char *p = want ? strstr(k->line, want) : NULL;
        if (p && !found) {
            found = 1;
            p = strstr(p, " at ");
            k->reported_ms = p ? strtod(p + 4, NULL) : -1;
        }
        k->line_len = 0;
    }
    return found;
}

static char bench_audio[32]; /* SDL_AUDIODRIVER for the kiosk, "" unset */

void bench_kiosk_audio(const char *driver)
{
    snprintf(bench_audio, sizeof bench_audio, "%s", driver ? driver : "");
}

const char *bench_kiosk_audio_name(void) { return bench_audio[0] ? bench_audio : "SDL's choice"; }

int bench_kiosk_spawn(struct bench_kiosk *k, char *const args[], int display)
{
    memset(k, 0, sizeof *k);
    k->err_fd = -1;
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    char disp[16];
    snprintf(disp, sizeof disp, ":%d", display);
    k->pid = fork();
    if (k->pid == 0) {
        dup2(fds[1], 2);
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0)
            dup2(null, 1);
        setenv("DISPLAY", disp, 1);
        if (bench_audio[0])
            setenv("SDL_AUDIODRIVER", bench_audio, 1);
        else
            unsetenv("SDL_AUDIODRIVER"); /* as on a kiosk: SDL picks (ALSA, PulseAudio...) */
        execv(args[0], args);
        _exit(127);
    }
    close(fds[1]);
    k->err_fd = fds[0];
    if (k->pid < 0)
        return -1;
    return 0;
}

int bench_kiosk_start(struct bench_kiosk *k, char *const args[], int display, double timeout_s)
{
    double t0 = bench_now_ms();
    if (bench_kiosk_spawn(k, args, display) != 0)
        return -1;
    double deadline = t0 + timeout_s * 1000.0;
    for (;;) {
        double left = deadline - bench_now_ms();
        struct pollfd p = {k->err_fd, POLLIN, 0};
        if (left <= 0 || poll(&p, 1, (int)left + 1) <= 0)
            break;
        int r = bench_kiosk_read(k, "first frame presented", 0);
        if (r > 0) {
            k->first_ms = bench_now_ms() - t0;
            struct bench_proc_sample ps;
            k->cpu_ms = bench_proc_sample(k->pid, &ps) == 0 ? ps.run_s * 1000.0 : -1;
            return 0;
        }
        if (r < 0)
            break;
    }
    fprintf(stderr, "kiosk_bench: %s: no \"first frame presented\" line within %.0f s\n",
            args[0], timeout_s);
    bench_kiosk_stop(k, NULL);
    return -1;
}

void bench_kiosk_sleep(struct bench_kiosk *k, double seconds, int verbose)
{
    double until = bench_now_ms() + seconds * 1000.0;
    for (;;) {
        double left = until - bench_now_ms();
        if (left <= 0)
            return;
        if (k->err_fd < 0) {
            /* EOF seen: the kiosk exited; just sleep out the time. */
            struct timespec ts = {(time_t)(left / 1000.0),
                                  (long)(left * 1e6) % 1000000000L};
            nanosleep(&ts, NULL);
            return;
        }
        struct pollfd p = {k->err_fd, POLLIN, 0};
        if (poll(&p, 1, (int)left + 1) > 0 && bench_kiosk_read(k, NULL, verbose) < 0) {
            close(k->err_fd);
            k->err_fd = -1;
        }
    }
}

int bench_kiosk_stop(struct bench_kiosk *k, struct rusage *ru)
{
    int status = -1;
    if (k->pid > 0) {
        kill(k->pid, SIGTERM);
        struct rusage dummy;
        for (int i = 0; i < 300; i++) {
            pid_t r = wait4(k->pid, &status, WNOHANG, ru ? ru : &dummy);
            if (r == k->pid)
                goto done;
            struct timespec ts = {0, 10 * 1000 * 1000};
            nanosleep(&ts, NULL);
        }
        kill(k->pid, SIGKILL);
        wait4(k->pid, &status, 0, ru ? ru : &dummy);
    }
done:
    if (k->err_fd >= 0)
        close(k->err_fd);
    k->err_fd = -1;
    k->pid = 0;
    return status;
}

static int bench_read_file(const char *path, char *buf, size_t bufsz)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    size_t n = fread(buf, 1, bufsz - 1, f);
    fclose(f);
    buf[n] = '\0';
    return 0;
}

static long long bench_status_field(const char *text, const char *key)
{
    const char *p = strstr(text, key);
    return p ? strtoll(p + strlen(key), NULL, 10) : -1;
}

long bench_proc_status_kib(pid_t pid, const char *key)
{
    char path[64], buf[4096];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    if (bench_read_file(path, buf, sizeof buf) != 0)
        return -1;
    return (long)bench_status_field(buf, key);
}

long bench_proc_rollup_kib(pid_t pid, const char *key)
{
    char path[64], buf[4096];
    snprintf(path, sizeof path, "/proc/%d/smaps_rollup", (int)pid);
    if (bench_read_file(path, buf, sizeof buf) != 0)
        return -1;
    return (long)bench_status_field(buf, key);
}

static double bench_stat_cpu(pid_t pid)
{
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    if (bench_read_file(path, buf, sizeof buf) != 0)
        return -1;
    /* Fields after the command name (which may hold spaces): 3 = state, so
     * utime and stime (14 and 15) are the 12th and 13th after ')'. */
    const char *p = strrchr(buf, ')');
    if (!p)
        return -1;
    p++;
    unsigned long long ut = 0, st = 0;
    for (int field = 3; field <= 15 && *p; field++) {
        while (*p == ' ')
            p++;
        if (field == 14)
            ut = strtoull(p, NULL, 10);
        if (field == 15)
            st = strtoull(p, NULL, 10);
        while (*p && *p != ' ')
            p++;
    }
    return (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
}

int bench_proc_sample(pid_t pid, struct bench_proc_sample *s)
{
    memset(s, 0, sizeof *s);
    s->cpu_ticks_s = bench_stat_cpu(pid);
    char dir[64];
    snprintf(dir, sizeof dir, "/proc/%d/task", (int)pid);
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        char path[400], buf[4096];
        snprintf(path, sizeof path, "%s/%s/status", dir, de->d_name);
        if (bench_read_file(path, buf, sizeof buf) != 0)
            continue;
        long long sw = bench_status_field(buf, "\nvoluntary_ctxt_switches:") +
                       bench_status_field(buf, "\nnonvoluntary_ctxt_switches:");
        s->ctxsw += sw;
        if (s->threads < BENCH_PROC_THREADS) {
            struct bench_proc_thread *t = &s->thread[s->threads];
            t->tid = (int)strtol(de->d_name, NULL, 10);
            t->ctxsw = sw;
            const char *name = strstr(buf, "Name:\t");
            snprintf(t->name, sizeof t->name, "%.*s", name ? (int)strcspn(name + 6, "\n") : 1,
                     name ? name + 6 : "?");
        }
        s->threads++;
        snprintf(path, sizeof path, "%s/%s/schedstat", dir, de->d_name);
        if (bench_read_file(path, buf, sizeof buf) == 0)
            s->run_s += (double)strtoull(buf, NULL, 10) / 1e9;
    }
    closedir(d);
    return s->cpu_ticks_s < 0 ? -1 : 0;
}

int bench_proc_run(char *const argv[])
{
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0) {
            dup2(null, 1);
            dup2(null, 2);
        }
        execvp(argv[0], argv);
        _exit(127);
    }
    if (pid < 0)
        return -1;
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
