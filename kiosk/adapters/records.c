#include "records.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "file.h"
#include "lockinfo.h"
#include "msg.h"
#include "str.h"

#define RECORDS_QUEUE_MAX 256
#define RECORDS_METRICS_MS 10000
/* The file is written again this often even when the loop hands no new
 * snapshot: its kiosk_metrics_timestamp_seconds then shows that the process
 * lives while kiosk_last_frame_timestamp_seconds shows whether the screen
 * does (alerts.yml tells "down" from "screen stalled" by the two). */
#define RECORDS_REFRESH_MS 30000
#define RECORDS_SCAN_BYTES (1024 * 1024) /* today's events are within the last MiB */
#define RECORDS_REPAIR_CHUNK 4096
#define RECORDS_LOCKS_MAX (64 * 1024) /* of /proc/locks read to name a lock's holder */

struct records {
    char *stats_path, *metrics_path, *tmp_path; /* owned; NULL = not written */
    long interval_ms, refresh_ms;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    /* Under lock. */
    struct stats_event *queue; /* ring of qmax */
    int qmax, qhead, qn;
    long lost;
    int drop_logged;
    struct stats_metrics snapshot;
    int have_snapshot, snapshot_new;
    struct stats_metrics counts; /* sessions and calls per municipality since start */
    struct stats_today today;
    long today_day;
    int stop;
    /* The thread's own. */
    struct stats_event *batch; /* qmax */
    struct stats_metrics out;
    char text[STATS_METRICS_TEXT_MAX];
    int fd; /* stats_path, opened and locked (flock) by records_open; -1 = not open */
    int stats_warned, metrics_warned;
    off_t scan_end; /* file size after the repair: where the start-up scan stops */
    struct timespec next_metrics; /* CLOCK_MONOTONIC */
    struct timespec refresh_at;   /* CLOCK_MONOTONIC: rewrite even without a new snapshot */
};

void records_default_opts(struct records_opts *out)
{
    out->queue_max = RECORDS_QUEUE_MAX;
    out->metrics_interval_ms = RECORDS_METRICS_MS;
    out->refresh_ms = RECORDS_REFRESH_MS;
}

/* ---- counting (under lock) ---- */

static void records_count(struct records *r, const struct stats_event *ev)
{
    long day = stats_local_day(ev->t);
    if (day > r->today_day) {
        memset(&r->today, 0, sizeof r->today);
        r->today_day = day;
    }
    if (day == r->today_day)
        stats_today_add(&r->today, ev);
}

static void records_count_metrics(struct records *r, const struct stats_event *ev)
{
    if (ev->kind == STATS_SESSION_START)
        r->counts.sessions++;
    if (!stats_is_call(ev->kind))
        return;
    struct stats_metrics_muni *m = stats_metrics_muni(&r->counts, ev->municipality);
    if (m)
        stats_calls_add(&m->calls, ev);
}

/* ---- the torn-line repair and today's scan ---- */

/* Offset just after the last '\n' in the first size bytes of fd (0 if none). */
static off_t records_last_newline(int fd, off_t size)
{
    char buf[RECORDS_REPAIR_CHUNK];
    off_t end = size;
    while (end > 0) {
        off_t start = end > (off_t)sizeof buf ? end - (off_t)sizeof buf : 0;
        ssize_t n = pread(fd, buf, (size_t)(end - start), start);
        if (n <= 0)
            return -1;
        for (ssize_t i = n - 1; i >= 0; i--)
            if (buf[i] == '\n')
                return start + i + 1;
        end = start;
    }
    return 0;
}

/* A crash or power cut during an append can leave a partial last line (or
 * a tail of zeros): cut the file after its last complete line. fd is the
 * locked descriptor: another kiosk's append in progress is never cut. */
static void records_repair(struct records *r, int fd, off_t size)
{
    r->scan_end = size;
    if (size <= 0)
        return;
    off_t keep = records_last_newline(fd, size);
    if (keep >= 0 && keep < size) {
        if (ftruncate(fd, keep) == 0 && fsync(fd) == 0)
            msg_warn("%s: cut a partial last line (%lld bytes) left by a crash", r->stats_path,
                     (long long)(size - keep));
        else
            msg_warn("%s: cannot cut a partial last line: %s", r->stats_path, strerror(errno));
    }
    r->scan_end = keep >= 0 ? keep : size;
}

/* Counts the events of today already in the file (a restart keeps the
 * admin screen's numbers). Reads at most the last RECORDS_SCAN_BYTES. */
static void records_scan_today(struct records *r)
{
    if (!r->stats_path || r->scan_end <= 0)
        return;
    int fd = open(r->stats_path, O_RDONLY | O_CLOEXEC);
    FILE *f = fd >= 0 ? fdopen(fd, "r") : NULL;
    if (!f) {
        if (fd >= 0)
            close(fd);
        return;
    }
    /* Start one byte early and skip through the next '\n': the first line
     * read is then a whole one even if start falls on a line's first byte. */
    off_t start = r->scan_end > RECORDS_SCAN_BYTES ? r->scan_end - RECORDS_SCAN_BYTES - 1 : 0;
    char *line = NULL;
    size_t cap = 0;
    int ok = fseeko(f, start, SEEK_SET) == 0 && (start == 0 || getline(&line, &cap, f) >= 0);
    long today = stats_local_day((long long)time(NULL));
    struct stats_event ev;
    while (ok && ftello(f) < r->scan_end && getline(&line, &cap, f) >= 0) {
        if (stats_parse(line, &ev) != 0 || stats_local_day(ev.t) != today)
            continue;
        pthread_mutex_lock(&r->lock);
        records_count(r, &ev);
        pthread_mutex_unlock(&r->lock);
    }
    free(line);
    fclose(f);
}

/* ---- appending events (the thread) ---- */

/* The pid holding the lock on fd's file, from /proc/locks; 0 if unknown. */
static long records_holder(int fd)
{
    struct stat st;
    char *text = malloc(RECORDS_LOCKS_MAX);
    long pid = 0;
    if (text && fstat(fd, &st) == 0 &&
        file_read_small("/proc/locks", O_NONBLOCK, text, RECORDS_LOCKS_MAX) > 0)
        pid = lockinfo_holder(text, major(st.st_dev), minor(st.st_dev),
                              (unsigned long long)st.st_ino);
    free(text);
    return pid;
}

static void records_open_failed(struct records *r, const char *why)
{
    if (!r->stats_warned)
        msg_warn("cannot open %s: %s: usage records are not kept", r->stats_path, why);
    r->stats_warned = 1;
}

/* Another process holds the file's lock: two kiosks appending to one file
 * would mix their records (and each would count the other's). */
static void records_busy(struct records *r, long pid)
{
    char who[48] = "";
    if (pid > 0)
        snprintf(who, sizeof who, " (pid %ld)", pid);
    if (!r->stats_warned)
        msg_error("records file %s is in use by another kiosk%s: each kiosk needs a "
                  "kiosk.stats_path of its own", r->stats_path, who);
    r->stats_warned = 1;
}

/* Opens stats_path for appending (created if missing), only as a regular
 * file, takes its lock (flock, held while the descriptor stays open) and
 * cuts a torn last line. 0; -1 when it cannot be opened (logged once);
 * RECORDS_BUSY when another process holds the lock (logged once). */
#define RECORDS_BUSY (-2)
static int records_open(struct records *r)
{
    if (r->fd >= 0)
        return 0;
    /* O_NONBLOCK: a FIFO in its place must not hold the writer in open(). */
    int fd = open(r->stats_path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NONBLOCK, 0644);
    if (fd < 0) {
        records_open_failed(r, strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        records_open_failed(r, "not a regular file");
        return -1;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        int err = errno;
        long pid = err == EWOULDBLOCK ? records_holder(fd) : 0;
        close(fd);
        if (err != EWOULDBLOCK) {
            records_open_failed(r, strerror(err));
            return -1;
        }
        records_busy(r, pid);
        return RECORDS_BUSY;
    }
    fcntl(fd, F_SETFL, O_APPEND); /* O_NONBLOCK off again */
    records_repair(r, fd, st.st_size);
    r->fd = fd;
    /* "again" only after a write went through: a full disk opens fine */
    return 0;
}

/* Log rotation: the file was renamed or removed (logrotate without
 * copytruncate), so the path names another file or none. Appending goes
 * on at the path, in a new file, and the lock moves with it. */
static void records_follow(struct records *r)
{
    struct stat open_st, path_st;
    if (r->fd < 0 || fstat(r->fd, &open_st) != 0)
        return;
    if (stat(r->stats_path, &path_st) == 0 && path_st.st_dev == open_st.st_dev &&
        path_st.st_ino == open_st.st_ino)
        return;
    msg_info("%s was renamed or removed: usage records go to a new %s", r->stats_path,
             r->stats_path);
    close(r->fd); /* and its lock */
    r->fd = -1;
    r->stats_warned = 0;
    records_open(r);
}

/* One line in one write(). A short write (disk full) is cut off again so
 * the file never holds half a line. The descriptor stays open: closing it
 * would let go of the lock, and a second kiosk could take the file while
 * this one waits for room; the next batch tries the same descriptor. */
static int records_write_line(struct records *r, const char *line, size_t len)
{
    ssize_t w;
    do
        w = write(r->fd, line, len);
    while (w < 0 && errno == EINTR);
    if (w == (ssize_t)len)
        return 0;
    int err = w < 0 ? errno : ENOSPC;
    if (w > 0) {
        off_t end = lseek(r->fd, 0, SEEK_END);
        if (end >= w && ftruncate(r->fd, end - w) != 0)
            msg_warn("%s: cannot cut a partial line: %s", r->stats_path, strerror(errno));
    }
    if (!r->stats_warned)
        msg_warn("cannot write %s: %s: usage records are not kept", r->stats_path,
                 strerror(err));
    r->stats_warned = 1;
    return -1;
}

/* Appends the batch and makes it durable; returns the events lost. */
static long records_write_batch(struct records *r, int n)
{
    records_follow(r);
    if (records_open(r) != 0)
        return n;
    char line[STATS_LINE_MAX];
    for (int i = 0; i < n; i++) {
        int len = stats_format(&r->batch[i], line, sizeof line);
        if (len > 0 && records_write_line(r, line, (size_t)len) != 0)
            return n - i;
    }
    if (fdatasync(r->fd) != 0) {
        if (!r->stats_warned)
            msg_warn("%s: fdatasync: %s", r->stats_path, strerror(errno));
        r->stats_warned = 1;
    } else if (r->stats_warned) {
        msg_info("%s: writing usage records again", r->stats_path);
        r->stats_warned = 0;
    }
    return 0;
}

/* ---- the metrics file (the thread) ---- */

static void records_metrics_failed(struct records *r, const char *what)
{
    if (!r->metrics_warned)
        msg_warn("cannot write %s (%s): %s: metrics are not updated", r->metrics_path, what,
                 strerror(errno));
    r->metrics_warned = 1;
}

/* PATH.tmp in the same folder (rename is atomic only within a file
 * system), fsync, rename over PATH. The folder is not fsync'ed: after a
 * power cut the next write brings the numbers back anyway. */
static void records_write_metrics(struct records *r)
{
    r->out.written = (long long)time(NULL);
    int len = stats_metrics_text(&r->out, r->text, sizeof r->text);
    if (len < 0)
        return;
    int fd = open(r->tmp_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        records_metrics_failed(r, "open");
        return;
    }
    int ok = file_write_all(fd, r->text, (size_t)len) == 0 && fsync(fd) == 0;
    if (close(fd) != 0)
        ok = 0;
    if (!ok || rename(r->tmp_path, r->metrics_path) != 0) {
        records_metrics_failed(r, ok ? "rename" : "write");
        unlink(r->tmp_path);
        return;
    }
    if (r->metrics_warned)
        msg_info("%s: writing metrics again", r->metrics_path);
    r->metrics_warned = 0;
}

/* Under lock: the snapshot with records' own counts in place of the
 * caller's; the municipalities counted first, so a full list never drops
 * a real count in favour of a declared zero. */
static void records_merge_metrics(struct records *r)
{
    r->out = r->snapshot;
    r->out.n_munis = r->counts.n_munis;
    memcpy(r->out.munis, r->counts.munis, sizeof r->out.munis);
    for (int i = 0; i < r->snapshot.n_munis && i < STATS_METRICS_MAX_MUNIS; i++)
        stats_metrics_muni(&r->out, r->snapshot.munis[i].id); /* 0 if new; NULL if full */
    r->out.sessions = r->counts.sessions;
    r->out.down = r->stop;
}

/* ---- the thread ---- */

static void records_deadline(struct timespec *t, long ms)
{
    clock_gettime(CLOCK_MONOTONIC, t);
    t->tv_sec += ms / 1000;
    t->tv_nsec += (ms % 1000) * 1000000L;
    if (t->tv_nsec >= 1000000000L) {
        t->tv_sec++;
        t->tv_nsec -= 1000000000L;
    }
}

static int records_due_at(const struct timespec *t)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec > t->tv_sec || (now.tv_sec == t->tv_sec && now.tv_nsec >= t->tv_nsec);
}

static int records_due(const struct records *r) { return records_due_at(&r->next_metrics); }

static int records_before(const struct timespec *a, const struct timespec *b)
{
    return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

/* Under lock: sleeps until there is work (events, a due snapshot, the
 * file's refresh, stop). */
static void records_wait(struct records *r)
{
    while (!r->stop && r->qn == 0) {
        /* A snapshot is only work when there is a metrics file to write. */
        int file = r->have_snapshot && r->metrics_path;
        int want = file && r->snapshot_new;
        if ((want && records_due(r)) || (file && records_due_at(&r->refresh_at)))
            return;
        if (file) {
            const struct timespec *until =
                want && records_before(&r->next_metrics, &r->refresh_at) ? &r->next_metrics
                                                                         : &r->refresh_at;
            pthread_cond_timedwait(&r->cond, &r->lock, until);
        } else {
            pthread_cond_wait(&r->cond, &r->lock);
        }
    }
}

/* Under lock: moves the queue into the batch; decides on the metrics. */
static int records_take(struct records *r, int *metrics)
{
    int n = r->qn;
    for (int i = 0; i < n; i++)
        r->batch[i] = r->queue[(r->qhead + i) % r->qmax];
    r->qhead = 0;
    r->qn = 0;
    *metrics = r->have_snapshot && r->metrics_path &&
               (r->stop || (r->snapshot_new && records_due(r)) ||
                records_due_at(&r->refresh_at));
    if (*metrics) {
        records_merge_metrics(r);
        r->snapshot_new = 0;
        records_deadline(&r->next_metrics, r->interval_ms);
        records_deadline(&r->refresh_at, r->refresh_ms);
    }
    return n;
}

static void *records_main(void *arg)
{
    struct records *r = arg;
    records_scan_today(r);
    pthread_mutex_lock(&r->lock);
    for (;;) {
        records_wait(r);
        int metrics, stop = r->stop;
        int n = records_take(r, &metrics);
        pthread_mutex_unlock(&r->lock);
        long lost = n > 0 ? records_write_batch(r, n) : 0;
        if (metrics && n == 0 && r->stats_path)
            records_follow(r); /* a rotated file is let go even while nothing happens */
        if (metrics)
            records_write_metrics(r);
        pthread_mutex_lock(&r->lock);
        r->lost += lost;
        if (stop && r->qn == 0)
            break;
    }
    pthread_mutex_unlock(&r->lock);
    return NULL;
}

/* ---- the public side ---- */

static void records_free(struct records *r)
{
    if (r->fd >= 0)
        close(r->fd); /* and its lock */
    free(r->stats_path);
    free(r->metrics_path);
    free(r->tmp_path);
    free(r->queue);
    free(r->batch);
    free(r);
}

static int records_init_paths(struct records *r, const char *stats_path,
                              const char *metrics_path)
{
    if (stats_path && !(r->stats_path = str_dup(stats_path)))
        return -1;
    if (metrics_path && (!(r->metrics_path = str_dup(metrics_path)) ||
                         !(r->tmp_path = str_concat(metrics_path, ".tmp"))))
        return -1;
    return 0;
}

static int records_init_sync(struct records *r)
{
    pthread_condattr_t attr;
    if (pthread_condattr_init(&attr) != 0)
        return -1;
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    int rc = pthread_cond_init(&r->cond, &attr);
    pthread_condattr_destroy(&attr);
    if (rc != 0)
        return -1;
    if (pthread_mutex_init(&r->lock, NULL) != 0) {
        pthread_cond_destroy(&r->cond);
        return -1;
    }
    return 0;
}

struct records *records_start_opts(const char *stats_path, const char *metrics_path,
                                   const struct records_opts *opts, int *busy)
{
    if (busy)
        *busy = 0;
    struct records *r = calloc(1, sizeof *r);
    if (!r)
        goto fail;
    r->fd = -1;
    r->qmax = opts->queue_max > 0 ? opts->queue_max : 1;
    r->interval_ms = opts->metrics_interval_ms > 0 ? opts->metrics_interval_ms : 0;
    r->queue = calloc((size_t)r->qmax, sizeof *r->queue);
    r->batch = calloc((size_t)r->qmax, sizeof *r->batch);
    if (!r->queue || !r->batch || records_init_paths(r, stats_path, metrics_path) != 0)
        goto fail;
    if (r->stats_path && records_open(r) == RECORDS_BUSY) {
        if (busy)
            *busy = 1;
        records_free(r);
        return NULL; /* logged with the file and the holder's pid */
    }
    records_deadline(&r->next_metrics, 0);
    r->refresh_ms = opts->refresh_ms > 0 ? opts->refresh_ms : RECORDS_REFRESH_MS;
    records_deadline(&r->refresh_at, r->refresh_ms);
    if (records_init_sync(r) != 0)
        goto fail;
    if (pthread_create(&r->thread, NULL, records_main, r) != 0) {
        pthread_mutex_destroy(&r->lock);
        pthread_cond_destroy(&r->cond);
        goto fail;
    }
    return r;
fail:
    msg_error("cannot start the records writer: out of memory or threads");
    if (r)
        records_free(r);
    return NULL;
}

struct records *records_start(const char *stats_path, const char *metrics_path)
{
    struct records_opts o;
    records_default_opts(&o);
    return records_start_opts(stats_path, metrics_path, &o, NULL);
}

void records_event(struct records *r, const struct stats_event *ev)
{
    if (!r || !ev)
        return;
    struct stats_event e = *ev;
    if (e.t == 0)
        e.t = (long long)time(NULL);
    int log_drop = 0;
    pthread_mutex_lock(&r->lock);
    records_count(r, &e);
    records_count_metrics(r, &e);
    if (r->stats_path && r->qn < r->qmax) {
        r->queue[(r->qhead + r->qn) % r->qmax] = e;
        r->qn++;
        pthread_cond_signal(&r->cond);
    } else if (r->stats_path) {
        r->lost++;
        log_drop = !r->drop_logged;
        r->drop_logged = 1;
    }
    pthread_mutex_unlock(&r->lock);
    if (log_drop)
        msg_warn("usage records: the writer is behind (%d queued): events dropped", r->qmax);
}

/* wake: signal the writer (only when it has a file to write at all). */
static void records_snapshot(struct records *r, const struct stats_metrics *m, int wake)
{
    if (!r || !m)
        return;
    pthread_mutex_lock(&r->lock);
    r->snapshot = *m;
    r->have_snapshot = 1;
    r->snapshot_new = 1;
    if (wake && r->metrics_path)
        pthread_cond_signal(&r->cond);
    pthread_mutex_unlock(&r->lock);
}

void records_metrics(struct records *r, const struct stats_metrics *m)
{
    records_snapshot(r, m, 1);
}

void records_metrics_quiet(struct records *r, const struct stats_metrics *m)
{
    records_snapshot(r, m, 0);
}

void records_today(struct records *r, struct stats_today *out)
{
    memset(out, 0, sizeof *out);
    if (!r)
        return;
    long today = stats_local_day((long long)time(NULL));
    pthread_mutex_lock(&r->lock);
    if (r->today_day == today)
        *out = r->today;
    pthread_mutex_unlock(&r->lock);
}

long records_lost(struct records *r)
{
    if (!r)
        return 0;
    pthread_mutex_lock(&r->lock);
    long n = r->lost;
    pthread_mutex_unlock(&r->lock);
    return n;
}

void records_stop(struct records *r)
{
    if (!r)
        return;
    pthread_mutex_lock(&r->lock);
    r->stop = 1;
    pthread_cond_signal(&r->cond);
    pthread_mutex_unlock(&r->lock);
    pthread_join(r->thread, NULL);
    if (r->lost)
        msg_warn("usage records: %ld event(s) lost in this run", r->lost);
    pthread_mutex_destroy(&r->lock);
    pthread_cond_destroy(&r->cond);
    records_free(r);
}
