#include "pgroup.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "file.h"
#include "msg.h"

#define PGROUP_POLL_MS 20         /* between two looks at the group */
#define PGROUP_KILL_WAIT_MS 2000  /* after SIGKILL, before giving up */

static double pgroup_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void pgroup_sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

/* 1 if pid is a process of group g that is not a zombie (from /proc). */
static int pgroup_live_member(long pid, pid_t g)
{
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/%ld/stat", pid);
    if (file_read_small(path, 0, buf, sizeof buf) < 0)
        return 0;
    /* "pid (comm) S ppid pgrp ...": comm may hold ')' so take the last */
    char *p = strrchr(buf, ')'), *end;
    if (!p || p[1] != ' ' || !p[2] || p[3] != ' ')
        return 0;
    char state = p[2];
    strtol(p + 4, &end, 10); /* ppid */
    long pgrp = strtol(end, &end, 10);
    return pgrp == (long)g && state != 'Z' && state != 'X' && state != 'x';
}

/* kill(-g, 0) alone would also count zombies that init has not reaped yet. */
int pgroup_alive(pid_t g)
{
    if (g <= 1 || kill(-g, 0) != 0)
        return g > 1 && errno == EPERM;
    DIR *d = opendir("/proc");
    if (!d)
        return 1;
    int alive = 0;
    struct dirent *e;
    while (!alive && (e = readdir(d)) != NULL) {
        char *end;
        long pid = strtol(e->d_name, &end, 10);
        if (*end == '\0' && pid > 0)
            alive = pgroup_live_member(pid, g);
    }
    closedir(d);
    return alive;
}

void pgroup_signal(pid_t g, int sig)
{
    if (g > 1)
        kill(-g, sig);
}

/* Reaps members of g that are our children; harmless otherwise. */
static void pgroup_reap(pid_t g)
{
    while (g > 1 && waitpid(-g, NULL, WNOHANG) > 0)
        ;
}

int pgroup_wait(pid_t g, int ms)
{
    double until = pgroup_now() + ms / 1000.0;
    for (;;) {
        pgroup_reap(g);
        if (!pgroup_alive(g)) {
            pgroup_reap(g); /* one may have died since the last reap */
            return 1;
        }
        if (pgroup_now() >= until)
            return 0;
        pgroup_sleep_ms(PGROUP_POLL_MS);
    }
}

void pgroup_end(pid_t g, int grace_ms)
{
    if (pgroup_wait(g, 0))
        return;
    msg_debug("call: ending what is left of process group %ld", (long)g);
    pgroup_signal(g, SIGTERM);
    if (pgroup_wait(g, grace_ms))
        return;
    msg_warn("call: process group %ld ignored SIGTERM; sending SIGKILL", (long)g);
    pgroup_signal(g, SIGKILL);
    if (!pgroup_wait(g, PGROUP_KILL_WAIT_MS))
        msg_error("call: process group %ld survived SIGKILL", (long)g);
}
