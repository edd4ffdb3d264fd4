/* The config watcher notices an in-place write and a rename-save, once
 * each; a deleted file and a symlink loop in its place are reported gone
 * once each (with the reason), and the file back is a change; it stops
 * promptly. argv[1] is unused (tests/data). */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "config_watch.h"

static pthread_mutex_t test_lock = PTHREAD_MUTEX_INITIALIZER;
static int test_wakes;

static void test_wake(void *ctx)
{
    (void)ctx;
    pthread_mutex_lock(&test_lock);
    test_wakes++;
    pthread_mutex_unlock(&test_lock);
}

static int test_wakes_now(void)
{
    pthread_mutex_lock(&test_lock);
    int n = test_wakes;
    pthread_mutex_unlock(&test_lock);
    return n;
}

static void test_write(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return;
    fputs(text, f);
    fclose(f);
}

/* Waits up to 6 s for a change; returns 1 if one was taken. */
static int test_wait_change(struct config_watch *w)
{
    struct timespec tick = {0, 100 * 1000000L};
    for (int i = 0; i < 60; i++) {
        if (config_watch_take_change(w))
            return 1;
        nanosleep(&tick, NULL);
    }
    return 0;
}

/* Waits up to 6 s for the file to be reported gone. */
static int test_wait_gone(struct config_watch *w, int *err)
{
    struct timespec tick = {0, 100 * 1000000L};
    for (int i = 0; i < 60; i++) {
        if (config_watch_take_gone(w, err))
            return 1;
        nanosleep(&tick, NULL);
    }
    return 0;
}

int main(void)
{
    char dir[] = "/tmp/kiosk-watch-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char path[256], tmp[256];
    snprintf(path, sizeof path, "%s/kiosk.json", dir);
    snprintf(tmp, sizeof tmp, "%s/.kiosk.json.swp", dir);
    test_write(path, "{}\n");
    struct config_watch *w = config_watch_start(path, test_wake, NULL);
    CHECK(w != NULL);
    if (!w)
        return CHECK_RESULT();
    sleep(1);
    CHECK_INT(config_watch_take_change(w), 0);
    test_write(path, "{\"kiosk\": {}}\n"); /* in place */
    CHECK_INT(test_wait_change(w), 1);
    CHECK_INT(config_watch_take_change(w), 0); /* once per change */
    CHECK(test_wakes_now() >= 1);
    test_write(tmp, "{\"kiosk\": {\"id\": \"x\"}}\n"); /* rename-save, like vim or gedit */
    CHECK_INT(rename(tmp, path), 0);
    CHECK_INT(test_wait_change(w), 1);
    unlink(path); /* gone: not a change but gone, once; back with the same content: a change */
    int err = 0;
    CHECK_INT(test_wait_gone(w, &err), 1);
    CHECK_INT(err, ENOENT);
    sleep(2);
    CHECK_INT(config_watch_take_change(w), 0);
    CHECK_INT(config_watch_take_gone(w, &err), 0); /* once, not at every look */
    test_write(path, "{}\n");
    CHECK_INT(test_wait_change(w), 1);
    CHECK_INT(config_watch_take_gone(w, &err), 0);
    /* a symlink loop in its place: gone (ELOOP), once; then a file again */
    CHECK_INT(unlink(path), 0);
    CHECK_INT(symlink("kiosk.json", path), 0);
    CHECK_INT(test_wait_gone(w, &err), 1);
    CHECK_INT(err, ELOOP);
    sleep(2);
    CHECK_INT(config_watch_take_gone(w, &err), 0);
    CHECK_INT(config_watch_take_change(w), 0);
    CHECK_INT(unlink(path), 0);
    test_write(path, "{}\n");
    CHECK_INT(test_wait_change(w), 1);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    config_watch_stop(w);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    CHECK(t1.tv_sec - t0.tv_sec < 2);
    config_watch_stop(NULL);
    unlink(path);
    rmdir(dir);
    return CHECK_RESULT();
}
