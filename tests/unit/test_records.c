/* The records writer: events appended as whole lines in order, stop
 * flushes, a torn last line is cut at start, today's counts (also from the
 * file), the metrics file replaced atomically (a reader loop never sees a
 * partial file), the interval and the final kiosk_up 0, a missing folder or
 * an unwritable path logged without a crash, a full queue drops and counts,
 * one writer per file (a second is refused while the first holds its
 * lock), and a file renamed or removed under the writer (log rotation):
 * the next events go to a new file at the path, the lock with them; a
 * failed write (full disk) keeps the lock.
 * argv[1] is unused (tests/data). */
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "records.h"
#include "utf8.h"

static char test_dir[] = "/tmp/kiosk-records-XXXXXX";

static void test_path(char *out, size_t outsz, const char *name)
{
    snprintf(out, outsz, "%s/%s", test_dir, name);
}

static void test_sleep_ms(long ms)
{
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

static void test_write(const char *path, const char *text, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return;
    fwrite(text, 1, len, f);
    fclose(f);
}

/* Whole file into a malloc'ed string (NULL if missing); *len its size. */
static char *test_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n < 2) {
            char *p = realloc(buf, cap * 2);
            if (!p) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = p;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf)
        buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

/* Every line of path parses; returns the count (-1 if a line does not). */
static int test_count_lines(const char *path, struct stats_event *last)
{
    char *text = test_read(path, NULL);
    if (!text)
        return 0;
    int n = 0;
    for (char *p = text, *nl; *p; p = nl + 1) {
        nl = strchr(p, '\n');
        if (!nl) {
            n = -1; /* a line without its end */
            break;
        }
        *nl = '\0';
        struct stats_event ev;
        if (stats_parse(p, &ev) != 0) {
            n = -1;
            break;
        }
        if (last)
            *last = ev;
        n++;
    }
    free(text);
    return n;
}

static void test_event(struct stats_event *ev, enum stats_kind kind, long long t,
                       const char *muni)
{
    stats_event_init(ev, kind, (time_t)t, "test-kiosk");
    utf8_copy(ev->municipality, sizeof ev->municipality, muni);
}

static void test_lines_and_stop(void)
{
    char path[256];
    test_path(path, sizeof path, "events.jsonl");
    struct records *r = records_start(path, NULL);
    CHECK(r != NULL);
    struct stats_event ev;
    for (int i = 0; i < 200; i++) {
        test_event(&ev, i % 4 == 0 ? STATS_SESSION_START : STATS_SCREEN, 0, "");
        snprintf(ev.screen, sizeof ev.screen, "s%d", i);
        records_event(r, &ev);
    }
    test_event(&ev, STATS_CALL_STARTED, 0, "tobetsu");
    records_event(r, &ev);
    struct stats_today td;
    records_today(r, &td);
    CHECK_INT(td.sessions, 50);
    CHECK_INT(td.calls.started, 1);
    records_stop(r); /* at once: stop must flush the queue */
    struct stats_event last;
    CHECK_INT(test_count_lines(path, &last), 201);
    CHECK_INT(last.kind, STATS_CALL_STARTED);
    CHECK_STR(last.municipality, "tobetsu");
    CHECK_STR(last.kiosk, "test-kiosk");
    CHECK(last.t > 0); /* t 0 was filled with now */
    records_event(NULL, &ev);
    records_metrics(NULL, NULL);
    records_today(NULL, &td);
    CHECK_INT(td.sessions, 0);
    records_stop(NULL);
}

/* A torn last line (crash mid-append) is cut at start, before any write. */
static void test_repair(const char *name, const char *tail, size_t tail_len, int good)
{
    char path[256], text[1024], line[STATS_LINE_MAX];
    test_path(path, sizeof path, name);
    size_t n = 0;
    struct stats_event ev;
    for (int i = 0; i < good; i++) {
        test_event(&ev, STATS_IDLE_RESET, 1795828502 + i, "");
        int len = stats_format(&ev, line, sizeof line);
        memcpy(text + n, line, (size_t)len);
        n += (size_t)len;
    }
    memcpy(text + n, tail, tail_len);
    test_write(path, text, n + tail_len);
    struct records *r = records_start(path, NULL);
    struct stat st;
    CHECK_INT(stat(path, &st), 0);
    CHECK_INT(st.st_size, (long long)n); /* repaired synchronously */
    test_event(&ev, STATS_SESSION_START, 0, "");
    records_event(r, &ev);
    records_stop(r);
    CHECK_INT(test_count_lines(path, NULL), good + 1);
}

/* Today's events already in the file count for the admin screen. */
static void test_today_from_file(void)
{
    char path[256], text[2048], line[STATS_LINE_MAX];
    test_path(path, sizeof path, "today.jsonl");
    long long now = (long long)time(NULL);
    struct { enum stats_kind k; long long t; } old[] = {
        {STATS_SESSION_START, now - 2 * 86400}, {STATS_CALL_ENDED, now - 2 * 86400},
        {STATS_SESSION_START, now}, {STATS_CALL_STARTED, now}, {STATS_CALL_FAILED, now},
        {STATS_SESSION_START, now}};
    size_t n = 0;
    for (size_t i = 0; i < sizeof old / sizeof old[0]; i++) {
        struct stats_event ev;
        test_event(&ev, old[i].k, old[i].t, "ishikari");
        int len = stats_format(&ev, line, sizeof line);
        memcpy(text + n, line, (size_t)len);
        n += (size_t)len;
    }
    test_write(path, text, n);
    struct records *r = records_start(path, NULL);
    struct stats_event ev;
    test_event(&ev, STATS_CALL_ENDED, 0, "ishikari");
    records_event(r, &ev);
    struct stats_today td = {0};
    for (int i = 0; i < 100 && td.sessions < 2; i++) {
        test_sleep_ms(20);
        records_today(r, &td);
    }
    CHECK_INT(td.sessions, 2);
    CHECK_INT(td.calls.started, 1);
    CHECK_INT(td.calls.ended, 1);
    CHECK_INT(td.calls.failed, 1);
    records_stop(r);
}

static void test_snapshot(struct stats_metrics *m, int n_munis)
{
    memset(m, 0, sizeof *m);
    utf8_copy(m->kiosk, sizeof m->kiosk, "test-kiosk");
    utf8_copy(m->version, sizeof m->version, "0.1.0");
    for (int i = 0; i < n_munis; i++) {
        char id[STATS_ID_MAX];
        snprintf(id, sizeof id, "municipality-%02d-with-a-rather-long-id-for-a-big-file", i);
        stats_metrics_muni(m, id);
    }
    m->microphone_present = 1;
}

struct test_reader {
    const char *path;
    volatile int stop; /* set under test_lock */
    pthread_mutex_t lock;
    long reads, bad;
};

/* A whole metrics file: starts with kiosk_up's HELP, ends with the last family. */
static int test_metrics_whole(const char *s, size_t n)
{
    static const char head[] = "# HELP kiosk_up ";
    static const char tail[] = "\nkiosk_microphone_present 1\n";
    return n > sizeof tail && strncmp(s, head, sizeof head - 1) == 0 &&
           strcmp(s + n - (sizeof tail - 1), tail) == 0 && strlen(s) == n;
}

static void *test_reader_main(void *arg)
{
    struct test_reader *t = arg;
    for (;;) {
        pthread_mutex_lock(&t->lock);
        int stop = t->stop;
        pthread_mutex_unlock(&t->lock);
        if (stop)
            break;
        size_t n;
        char *s = test_read(t->path, &n);
        if (!s)
            continue;
        pthread_mutex_lock(&t->lock);
        t->reads++;
        if (!test_metrics_whole(s, n))
            t->bad++;
        pthread_mutex_unlock(&t->lock);
        free(s);
    }
    return NULL;
}

static void test_metrics_atomic(void)
{
    char path[256], tmp[300];
    test_path(path, sizeof path, "kiosk.prom");
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    struct records_opts o;
    records_default_opts(&o);
    o.metrics_interval_ms = 0; /* every snapshot is written */
    struct records *r = records_start_opts(NULL, path, &o, NULL);
    struct test_reader t = {.path = path};
    pthread_mutex_init(&t.lock, NULL);
    pthread_t th;
    CHECK_INT(pthread_create(&th, NULL, test_reader_main, &t), 0);
    struct stats_metrics m;
    test_snapshot(&m, STATS_METRICS_MAX_MUNIS); /* about 20 KB */
    struct stats_event ev;
    test_event(&ev, STATS_CALL_STARTED, 0, "tobetsu");
    records_event(r, &ev);
    for (int i = 0; i < 400; i++) {
        m.notify_sent = i;
        records_metrics(r, &m);
        test_sleep_ms(1);
    }
    pthread_mutex_lock(&t.lock);
    t.stop = 1;
    pthread_mutex_unlock(&t.lock);
    pthread_join(th, NULL);
    records_stop(r);
    fprintf(stderr, "metrics reader: %ld reads, %ld partial\n", t.reads, t.bad);
    CHECK(t.reads > 0);
    CHECK_INT(t.bad, 0);
    pthread_mutex_destroy(&t.lock);
    char *s = test_read(path, NULL);
    CHECK(s && strstr(s, "\nkiosk_up 0\n")); /* the final write at stop */
    CHECK(s && strstr(s, "\nkiosk_notify_sent_total 399\n"));
    /* Calls come from the events, the snapshot's counts are not used. */
    CHECK(s && strstr(s, "kiosk_calls_total{municipality=\"tobetsu\",result=\"started\"} 1\n"));
    CHECK(s && strstr(s, "result=\"failed\"} 0\n"));
    free(s);
    CHECK(access(tmp, F_OK) != 0); /* no temporary left behind */
}

/* Written at most every interval, and at stop. */
static void test_metrics_interval(void)
{
    char path[256];
    test_path(path, sizeof path, "interval.prom");
    struct records *r = records_start(NULL, path); /* 10 s */
    struct stats_metrics m;
    test_snapshot(&m, 1);
    records_metrics(r, &m);
    char *s = NULL;
    for (int i = 0; i < 100 && !s; i++) {
        test_sleep_ms(20);
        s = test_read(path, NULL);
    }
    CHECK(s && strstr(s, "\nkiosk_notify_sent_total 0\n") && strstr(s, "\nkiosk_up 1\n"));
    free(s);
    m.notify_sent = 7;
    records_metrics(r, &m);
    test_sleep_ms(300);
    s = test_read(path, NULL);
    CHECK(s && strstr(s, "\nkiosk_notify_sent_total 0\n")); /* not yet */
    free(s);
    records_stop(r);
    s = test_read(path, NULL);
    CHECK(s && strstr(s, "\nkiosk_notify_sent_total 7\n") && strstr(s, "\nkiosk_up 0\n"));
    free(s);
}

/* The loop hands no new snapshot (stuck): the writer still rewrites the
 * file every refresh_ms with a fresh kiosk_metrics_timestamp_seconds and the
 * old heartbeat, so an alert can tell a stalled screen from a dead kiosk. */
static void test_metrics_refresh(void)
{
    char path[256];
    test_path(path, sizeof path, "refresh.prom");
    struct records_opts o;
    records_default_opts(&o);
    CHECK_INT(o.refresh_ms, 30000);
    o.refresh_ms = 1100;
    struct records *r = records_start_opts(NULL, path, &o, NULL);
    struct stats_metrics m;
    test_snapshot(&m, 1);
    m.frames.last = 1764292500.25;
    records_metrics(r, &m);
    char *s = NULL;
    for (int i = 0; i < 100 && !s; i++) {
        test_sleep_ms(20);
        s = test_read(path, NULL);
    }
    long long first = -1, later = -1;
    const char *p = s ? strstr(s, "\nkiosk_metrics_timestamp_seconds ") : NULL;
    if (p)
        first = strtoll(p + strlen("\nkiosk_metrics_timestamp_seconds "), NULL, 10);
    CHECK(first > 1764000000);
    free(s);
    test_sleep_ms(2500); /* at least two refreshes, no snapshot */
    s = test_read(path, NULL);
    p = s ? strstr(s, "\nkiosk_metrics_timestamp_seconds ") : NULL;
    if (p)
        later = strtoll(p + strlen("\nkiosk_metrics_timestamp_seconds "), NULL, 10);
    CHECK(later >= first + 1);
    CHECK(s && strstr(s, "\nkiosk_last_frame_timestamp_seconds 1764292500.250\n"));
    free(s);
    records_stop(r);
}

/* A snapshot whose only news is the heartbeat does not wake the writer:
 * the file gets it at the next refresh, not at the next interval. */
static void test_metrics_quiet(void)
{
    char path[256];
    test_path(path, sizeof path, "quiet.prom");
    struct records_opts o;
    records_default_opts(&o);
    o.refresh_ms = 1500;
    o.metrics_interval_ms = 100;
    struct records *r = records_start_opts(NULL, path, &o, NULL);
    struct stats_metrics m;
    test_snapshot(&m, 1);
    m.frames.last = 1764292500.25;
    records_metrics(r, &m);
    char *s = NULL;
    for (int i = 0; i < 100 && !(s && strstr(s, "1764292500.250")); i++) {
        free(s);
        test_sleep_ms(20);
        s = test_read(path, NULL);
    }
    CHECK(s && strstr(s, "\nkiosk_last_frame_timestamp_seconds 1764292500.250\n"));
    free(s);
    m.frames.last = 1764292506.5;
    records_metrics_quiet(r, &m);
    test_sleep_ms(400); /* four intervals: a woken writer would have written it */
    s = test_read(path, NULL);
    CHECK(s && strstr(s, "\nkiosk_last_frame_timestamp_seconds 1764292500.250\n"));
    free(s);
    s = NULL;
    for (int i = 0; i < 150 && !(s && strstr(s, "1764292506.500")); i++) {
        free(s);
        test_sleep_ms(20);
        s = test_read(path, NULL);
    }
    CHECK(s && strstr(s, "\nkiosk_last_frame_timestamp_seconds 1764292506.500\n"));
    free(s);
    records_stop(r);
}

/* A missing folder or a path that is a folder: logged, nothing crashes. */
/* Without a metrics file a snapshot is no work: the writer must sleep, not
 * spin (it once did, at 96 % of a core on the idle home screen). */
static void test_idle_without_metrics(void)
{
    struct records *r = records_start(NULL, NULL);
    struct stats_metrics m;
    test_snapshot(&m, 1);
    struct timespec c0, c1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    for (int i = 0; i < 5; i++) {
        records_metrics(r, &m);
        test_sleep_ms(100);
    }
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    double cpu = (double)(c1.tv_sec - c0.tv_sec) + (c1.tv_nsec - c0.tv_nsec) / 1e9;
    CHECK(cpu < 0.25); /* a spinning writer burns ~0.5 s of CPU in these 0.5 s */
    records_stop(r);
}

static void test_unwritable(void)
{
    char missing[256], prom[256];
    test_path(missing, sizeof missing, "no/such/folder/stats.jsonl");
    test_path(prom, sizeof prom, "no/such/folder/kiosk.prom");
    struct records *r = records_start(missing, prom);
    CHECK(r != NULL);
    struct stats_event ev;
    struct stats_metrics m;
    test_snapshot(&m, 2);
    for (int i = 0; i < 10; i++) {
        test_event(&ev, STATS_SESSION_START, 0, "");
        records_event(r, &ev);
        records_metrics(r, &m);
        test_sleep_ms(2);
    }
    struct stats_today td;
    records_today(r, &td);
    CHECK_INT(td.sessions, 10); /* the admin screen still counts */
    records_stop(r);
    r = records_start(test_dir, NULL); /* a folder, not a file */
    records_event(r, &ev);
    records_stop(r);
}

/* With a tiny queue, every event is either written or counted as lost. */
static void test_queue_full(void)
{
    char path[256];
    test_path(path, sizeof path, "burst.jsonl");
    struct records_opts o;
    records_default_opts(&o);
    o.queue_max = 4;
    struct records *r = records_start_opts(path, NULL, &o, NULL);
    struct stats_event ev;
    test_event(&ev, STATS_SCREEN, 0, "");
    utf8_copy(ev.screen, sizeof ev.screen, "home");
    for (int i = 0; i < 3000; i++)
        records_event(r, &ev);
    long lost = records_lost(r);
    records_stop(r);
    int lines = test_count_lines(path, NULL);
    fprintf(stderr, "burst: %d written, %ld dropped\n", lines, lost);
    CHECK_INT(lines + lost, 3000);
}

/* A second writer on the same file is refused while the first runs (its
 * flock conflicts even within one process), and taken once it stopped. */
static void test_one_writer(void)
{
    char path[256];
    test_path(path, sizeof path, "locked.jsonl");
    struct records_opts o;
    records_default_opts(&o);
    int busy = -1;
    struct records *a = records_start_opts(path, NULL, &o, &busy);
    CHECK(a != NULL);
    CHECK_INT(busy, 0);
    struct records *b = records_start_opts(path, NULL, &o, &busy);
    CHECK(b == NULL);
    CHECK_INT(busy, 1);
    records_stop(b);
    struct stats_event ev;
    test_event(&ev, STATS_SESSION_START, 1764300000, "");
    records_event(a, &ev);
    records_stop(a);
    CHECK_INT(test_count_lines(path, NULL), 1); /* the first one wrote */
    b = records_start_opts(path, NULL, &o, &busy);
    CHECK(b != NULL);
    CHECK_INT(busy, 0);
    records_stop(b);
    /* a FIFO in the file's place: refused at once, not waited on */
    char fifo[256];
    test_path(fifo, sizeof fifo, "fifo.jsonl");
    CHECK_INT(mkfifo(fifo, 0600), 0);
    b = records_start_opts(fifo, NULL, &o, &busy);
    CHECK(b != NULL);
    CHECK_INT(busy, 0);
    records_stop(b);
}

/* Waits up to 3 s for path to hold n whole lines. */
static int test_wait_lines(const char *path, int n)
{
    for (int i = 0; i < 300; i++) {
        if (test_count_lines(path, NULL) == n)
            return 1;
        test_sleep_ms(10);
    }
    return 0;
}

/* logrotate without copytruncate renames the file (or a maintainer
 * removes it): the writer must not go on appending to the old file. */
static void test_rotation(void)
{
    char path[256], old[256];
    test_path(path, sizeof path, "rotated.jsonl");
    test_path(old, sizeof old, "rotated.jsonl.1");
    struct records *r = records_start(path, NULL);
    struct stats_event ev;
    test_event(&ev, STATS_SESSION_START, 1764300000, "");
    records_event(r, &ev);
    CHECK(test_wait_lines(path, 1));
    CHECK_INT(rename(path, old), 0);
    records_event(r, &ev);
    records_event(r, &ev);
    CHECK(test_wait_lines(path, 2)); /* a new file at the path */
    CHECK_INT(test_count_lines(old, NULL), 1); /* the renamed one is left alone */
    /* the lock moved: another writer is refused on the new file, not on the old */
    struct records_opts o;
    records_default_opts(&o);
    int busy = 0;
    struct records *b = records_start_opts(path, NULL, &o, &busy);
    CHECK(b == NULL && busy == 1);
    b = records_start_opts(old, NULL, &o, &busy);
    CHECK(b != NULL && busy == 0);
    records_stop(b);
    CHECK_INT(unlink(path), 0); /* removed: created again */
    records_event(r, &ev);
    CHECK(test_wait_lines(path, 1));
    records_stop(r);
    CHECK_INT(test_count_lines(old, NULL), 1);
}

/* A write that fails (a full disk; here the file size limit, EFBIG) must
 * not let go of the lock: while the writer waits for room, a second kiosk
 * is still refused the file, and the first appends again once there is. */
static void test_full_keeps_lock(void)
{
    char path[256];
    test_path(path, sizeof path, "full.jsonl");
    struct records_opts o;
    records_default_opts(&o);
    int busy = -1;
    struct records *a = records_start_opts(path, NULL, &o, &busy);
    CHECK(a != NULL);
    struct rlimit old, none = {0, 0};
    CHECK_INT(getrlimit(RLIMIT_FSIZE, &old), 0);
    none.rlim_max = old.rlim_max;
    signal(SIGXFSZ, SIG_IGN);
    CHECK_INT(setrlimit(RLIMIT_FSIZE, &none), 0);
    struct stats_event ev;
    test_event(&ev, STATS_SESSION_START, 1764300000, "");
    records_event(a, &ev);
    for (int i = 0; i < 300 && records_lost(a) == 0; i++)
        test_sleep_ms(10);
    CHECK_INT(records_lost(a), 1);
    struct records *b = records_start_opts(path, NULL, &o, &busy);
    CHECK(b == NULL);
    CHECK_INT(busy, 1);
    records_stop(b);
    CHECK_INT(setrlimit(RLIMIT_FSIZE, &old), 0);
    signal(SIGXFSZ, SIG_DFL);
    records_event(a, &ev);
    CHECK(test_wait_lines(path, 1));
    records_stop(a);
}

int main(void)
{
    if (!mkdtemp(test_dir))
        return 1;
    test_lines_and_stop();
    static const char torn[] = "{\"t\":\"2026-11-28T10:15:02+09:00\",\"kiosk\":\"k\",\"ev";
    test_repair("torn.jsonl", torn, sizeof torn - 1, 3);
    test_repair("only-torn.jsonl", torn, sizeof torn - 1, 0);
    test_repair("zeros.jsonl", "\0\0\0\0\0\0", 6, 2); /* zero fill after a power cut */
    test_repair("whole.jsonl", "", 0, 2);
    test_today_from_file();
    test_metrics_atomic();
    test_metrics_interval();
    test_metrics_refresh();
    test_metrics_quiet();
    test_idle_without_metrics();
    test_unwritable();
    test_queue_full();
    test_one_writer();
    test_rotation();
    test_full_keeps_lock();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", test_dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", test_dir);
    return CHECK_RESULT();
}
