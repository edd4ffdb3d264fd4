#include "config_watch.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define CONFIG_WATCH_PERIOD_MS 1000

struct config_watch_stamp {
    int exists;
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime;
};

struct config_watch {
    char *path;
    void (*wake)(void *);
    void *ctx;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    int stop;    /* under lock */
    int changed; /* under lock */
};

static void config_watch_stamp(const char *path, struct config_watch_stamp *s)
{
    struct stat st;
    memset(s, 0, sizeof *s);
    if (stat(path, &st) != 0)
        return;
    s->exists = 1;
    s->dev = st.st_dev;
    s->ino = st.st_ino;
    s->size = st.st_size;
    s->mtime = st.st_mtim;
}

static int config_watch_same(const struct config_watch_stamp *a,
                             const struct config_watch_stamp *b)
{
    return a->exists == b->exists && a->dev == b->dev && a->ino == b->ino &&
           a->size == b->size && a->mtime.tv_sec == b->mtime.tv_sec &&
           a->mtime.tv_nsec == b->mtime.tv_nsec;
}

/* Deadline one period from now on the monotonic clock (the cond uses it,
 * so a clock change on the kiosk neither stalls nor races the watch). */
static void config_watch_deadline(struct timespec *until)
{
    clock_gettime(CLOCK_MONOTONIC, until);
    until->tv_sec += CONFIG_WATCH_PERIOD_MS / 1000;
    until->tv_nsec += (long)(CONFIG_WATCH_PERIOD_MS % 1000) * 1000000L;
    if (until->tv_nsec >= 1000000000L) {
        until->tv_sec++;
        until->tv_nsec -= 1000000000L;
    }
}

/* One poll. A change counts once the file has stayed the same for one
 * period, so an editor still writing does not make us load half a file;
 * a file briefly gone during a rename-save is not a change either. */
static int config_watch_poll(struct config_watch *w, struct config_watch_stamp *seen,
                             struct config_watch_stamp *prev)
{
    struct config_watch_stamp now;
    config_watch_stamp(w->path, &now);
    int stable = config_watch_same(&now, prev);
    *prev = now;
    if (!now.exists || !stable || config_watch_same(&now, seen))
        return 0;
    *seen = now;
    return 1;
}

static void *config_watch_main(void *arg)
{
    struct config_watch *w = arg;
    struct config_watch_stamp seen, prev;
    config_watch_stamp(w->path, &seen);
    prev = seen;
    pthread_mutex_lock(&w->lock);
    while (!w->stop) {
        struct timespec until;
        config_watch_deadline(&until);
        pthread_cond_timedwait(&w->cond, &w->lock, &until);
        if (w->stop)
            break;
        pthread_mutex_unlock(&w->lock);
        int changed = config_watch_poll(w, &seen, &prev);
        pthread_mutex_lock(&w->lock);
        if (changed) {
            w->changed = 1;
            pthread_mutex_unlock(&w->lock);
            if (w->wake)
                w->wake(w->ctx);
            pthread_mutex_lock(&w->lock);
        }
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

struct config_watch *config_watch_start(const char *path, void (*wake)(void *ctx), void *ctx)
{
    struct config_watch *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    size_t len = strlen(path);
    w->path = malloc(len + 1);
    if (!w->path) {
        free(w);
        return NULL;
    }
    memcpy(w->path, path, len + 1);
    w->wake = wake;
    w->ctx = ctx;
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->cond, &attr);
    pthread_condattr_destroy(&attr);
    if (pthread_create(&w->thread, NULL, config_watch_main, w) != 0) {
        pthread_mutex_destroy(&w->lock);
        pthread_cond_destroy(&w->cond);
        free(w->path);
        free(w);
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

void config_watch_stop(struct config_watch *w)
{
    if (!w)
        return;
    pthread_mutex_lock(&w->lock);
    w->stop = 1;
    pthread_cond_signal(&w->cond);
    pthread_mutex_unlock(&w->lock);
    pthread_join(w->thread, NULL);
    pthread_mutex_destroy(&w->lock);
    pthread_cond_destroy(&w->cond);
    free(w->path);
    free(w);
}
