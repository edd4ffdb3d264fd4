#ifndef KIOSK_BENCH_PROC_H
#define KIOSK_BENCH_PROC_H
/* The out-of-process half: an Xvfb of our own, the real kiosk started from
 * it, and what /proc says about the kiosk (memory, CPU, context switches). */
#include <sys/resource.h>
#include <sys/types.h>

struct bench_xvfb {
    pid_t pid;
    int display; /* :N */
};

/* Starts Xvfb on a free display (-displayfd) with one w x h screen and sets
 * DISPLAY for this process. Returns 0, or -1 after a message. */
int bench_xvfb_start(struct bench_xvfb *x, int w, int h);
void bench_xvfb_stop(struct bench_xvfb *x);

struct bench_kiosk {
    pid_t pid;
    int err_fd;          /* read end of the kiosk's stderr */
    double first_ms;     /* exec -> "first frame presented" line read */
    double reported_ms;  /* the N of "first frame presented at N ms" (since SDL_Init) */
    double cpu_ms;       /* CPU time the kiosk's threads had used by then */
    char line[512];      /* partial line being read */
    size_t line_len;
    int lines;
};

/* The SDL_AUDIODRIVER the kiosks started get: driver, or NULL (unset, SDL
 * picks as on a kiosk machine: the idle figures then include what its
 * audio back-end costs). The default is NULL. */
void bench_kiosk_audio(const char *driver);
/* It, for the report: the driver or "SDL's choice". */
const char *bench_kiosk_audio_name(void);
/* fork/exec args on display :N (stdout to /dev/null, stderr into k->err_fd,
 * SDL_AUDIODRIVER as bench_kiosk_audio says); returns at once: 0, or -1
 * (k->pid < 0 when fork failed). */
int bench_kiosk_spawn(struct bench_kiosk *k, char *const args[], int display);
/* fork/execs exe with args (NULL-terminated, args[0] is the program name)
 * under display, stderr into a pipe, and waits up to timeout_s for the
 * "first frame presented" line. Returns 0, or -1 (the child is stopped). */
int bench_kiosk_start(struct bench_kiosk *k, char *const args[], int display, double timeout_s);
/* Reads what is there on err_fd (verbose: echo it); returns 1 when a
 * complete line contained want, 0 if not, -1 at end of file. */
int bench_kiosk_read(struct bench_kiosk *k, const char *want, int verbose);
/* Sleeps seconds while draining the kiosk's stderr (verbose: echo it). */
void bench_kiosk_sleep(struct bench_kiosk *k, double seconds, int verbose);
/* SIGTERM, then SIGKILL after 3 s; ru gets the child's rusage. Returns its
 * exit status as from waitpid. */
int bench_kiosk_stop(struct bench_kiosk *k, struct rusage *ru);

#define BENCH_PROC_THREADS 16
struct bench_proc_thread {
    int tid;
    char name[20];
    long long ctxsw;
};
struct bench_proc_sample {
    double cpu_ticks_s; /* utime + stime of /proc/PID/stat, seconds (clock ticks) */
    double run_s;       /* sum of /proc/PID/task/ANY/schedstat run time, seconds */
    long long ctxsw;    /* voluntary + nonvoluntary switches, summed over threads */
    int threads;
    struct bench_proc_thread thread[BENCH_PROC_THREADS]; /* the first ones */
};
int bench_proc_sample(pid_t pid, struct bench_proc_sample *s);
/* A "VmHWM:"-style line of /proc/PID/status in KiB; -1 if unreadable. */
long bench_proc_status_kib(pid_t pid, const char *key);
/* The same from /proc/PID/smaps_rollup ("Pss:", "Anonymous:"). */
long bench_proc_rollup_kib(pid_t pid, const char *key);
/* Runs argv (no shell), waits, returns its exit status or -1. */
int bench_proc_run(char *const argv[]);
#endif
