/* pipe2 (close-on-exec from the start: the launcher may spawn meanwhile). */
#define _GNU_SOURCE
#include "config_watch.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

/* Quiet until the folder says the file changed (inotify): no wake-ups at
 * all on an idle kiosk. Then the file is looked at once a period until it
 * stays the same. Without inotify, it is looked at once a period always. */
#define CONFIG_WATCH_PERIOD_MS 1000

struct config_watch_stamp {
    int exists;
    int err; /* stat's errno when it does not (ENOENT, ELOOP, EACCES...) */
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime;
};

struct config_watch {
    char *path;
    const char *name; /* the file's name within its folder (points into path) */
    void (*wake)(void *);
    void *ctx;
    pthread_t thread;
    pthread_mutex_t lock;
    int changed;     /* under lock */
    int gone;        /* under lock: the file went away; gone_err says how */
    int gone_err;
    int inotify_fd;  /* -1 without inotify */
    int stop_fd[2];  /* a byte in stop_fd[1] ends the thread */
};

static void config_watch_stamp(const char *path, struct config_watch_stamp *s)
{
    struct stat st;
    memset(s, 0, sizeof *s);
    if (stat(path, &st) != 0) {
        s->err = errno;
        return;
    }
    s->exists = 1;
    s->dev = st.st_dev;
    s->ino = st.st_ino;
    s->size = st.st_size;
    s->mtime = st.st_mtim;
}

static int config_watch_same(const struct config_watch_stamp *a,
                             const struct config_watch_stamp *b)
{
    return a->exists == b->exists && a->err == b->err && a->dev == b->dev && a->ino == b->ino &&
           a->size == b->size && a->mtime.tv_sec == b->mtime.tv_sec &&
           a->mtime.tv_nsec == b->mtime.tv_nsec;
}

enum { CONFIG_WATCH_NONE, CONFIG_WATCH_CHANGED, CONFIG_WATCH_GONE };

/* One poll. A change counts once the file has stayed the same for one
 * period, so an editor still writing does not make us load half a file;
 * a file briefly gone during a rename-save is not a change either. A file
 * gone for a whole period (deleted, or a symlink loop in its place) is
 * reported once as GONE; when it is back, that is a change. */
static int config_watch_poll(struct config_watch *w, struct config_watch_stamp *seen,
                             struct config_watch_stamp *prev)
{
    struct config_watch_stamp now;
    config_watch_stamp(w->path, &now);
    int stable = config_watch_same(&now, prev);
    *prev = now;
    if (!stable || config_watch_same(&now, seen))
        return CONFIG_WATCH_NONE;
    *seen = now;
    return now.exists ? CONFIG_WATCH_CHANGED : CONFIG_WATCH_GONE;
}

/* Reads the folder's events; 1 if one names our file. */
static int config_watch_events(struct config_watch *w)
{
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    int ours = 0;
    ssize_t n;
    while ((n = read(w->inotify_fd, buf, sizeof buf)) > 0) {
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *e = (const struct inotify_event *)p;
            if (e->len > 0 && strcmp(e->name, w->name) == 0)
                ours = 1;
            if (e->mask & IN_Q_OVERFLOW)
                ours = 1;
            p += sizeof *e + e->len;
        }
    }
    return ours;
}

static void config_watch_report(struct config_watch *w, int what, int err)
{
    pthread_mutex_lock(&w->lock);
    if (what == CONFIG_WATCH_GONE) {
        w->gone = 1;
        w->gone_err = err;
    } else {
        w->changed = 1;
    }
    pthread_mutex_unlock(&w->lock);
    if (w->wake)
        w->wake(w->ctx);
}

static void *config_watch_main(void *arg)
{
    struct config_watch *w = arg;
    struct config_watch_stamp seen, prev;
    config_watch_stamp(w->path, &seen);
    prev = seen;
    int settling = w->inotify_fd < 0; /* without inotify: always look */
    for (;;) {
        struct pollfd fds[2] = {{w->stop_fd[0], POLLIN, 0}, {w->inotify_fd, POLLIN, 0}};
        int r = poll(fds, w->inotify_fd >= 0 ? 2 : 1, settling ? CONFIG_WATCH_PERIOD_MS : -1);
        if (r < 0 && errno != EINTR)
            break;
        if (fds[0].revents)
            break;
        if (w->inotify_fd >= 0 && fds[1].revents && config_watch_events(w)) {
            settling = 1;
            config_watch_stamp(w->path, &prev); /* a period of quiet from now */
            continue;
        }
        if (r != 0 || !settling)
            continue;
        struct config_watch_stamp before = prev;
        int what = config_watch_poll(w, &seen, &prev);
        if (what != CONFIG_WATCH_NONE)
            config_watch_report(w, what, seen.err);
        if (w->inotify_fd >= 0 && config_watch_same(&before, &prev))
            settling = 0; /* stable again: back to sleep */
    }
    return NULL;
}

/* Watches the folder, so a save by rename (a new file) is seen too. */
static int config_watch_inotify(struct config_watch *w)
{
    int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0)
        return -1;
    char dir[PATH_MAX];
    size_t dl = (size_t)(w->name - w->path);
    if (dl == 0)
        memcpy(dir, ".", 2);
    else {
        if (dl >= sizeof dir)
            dl = sizeof dir - 1;
        memcpy(dir, w->path, dl);
        dir[dl] = '\0';
    }
    if (inotify_add_watch(fd, dir, IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE |
                                       IN_MODIFY | IN_ATTRIB) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static void config_watch_free(struct config_watch *w)
{
    pthread_mutex_destroy(&w->lock);
    if (w->inotify_fd >= 0)
        close(w->inotify_fd);
    close(w->stop_fd[0]);
    close(w->stop_fd[1]);
    free(w->path);
    free(w);
}

struct config_watch *config_watch_start(const char *path, void (*wake)(void *ctx), void *ctx)
{
    struct config_watch *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    size_t len = strlen(path);
    w->path = malloc(len + 1);
    if (!w->path || pipe2(w->stop_fd, O_CLOEXEC) != 0) {
        free(w->path);
        free(w);
        return NULL;
    }
    memcpy(w->path, path, len + 1);
    const char *slash = strrchr(w->path, '/');
    w->name = slash ? slash + 1 : w->path;
    w->wake = wake;
    w->ctx = ctx;
    w->inotify_fd = config_watch_inotify(w);
    pthread_mutex_init(&w->lock, NULL);
    if (pthread_create(&w->thread, NULL, config_watch_main, w) != 0) {
        config_watch_free(w);
        return NULL;
    }
    return w;
}

int config_watch_take_change(struct config_watch *w)
{
    pthread_mutex_lock(&w->lock);
    int c = w->changed;
    w->changed = 0;
    pthread_mutex_unlock(&w->lock);
    return c;
}

int config_watch_take_gone(struct config_watch *w, int *err)
{
    pthread_mutex_lock(&w->lock);
    int g = w->gone;
    *err = w->gone_err;
    w->gone = 0;
    pthread_mutex_unlock(&w->lock);
    return g;
}

void config_watch_stop(struct config_watch *w)
{
    if (!w)
        return;
    char b = 1;
    while (write(w->stop_fd[1], &b, 1) < 0 && errno == EINTR)
        ;
    pthread_join(w->thread, NULL);
    config_watch_free(w);
}
