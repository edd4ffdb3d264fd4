/* pipe2 (a close-on-exec pipe in one call) */
#define _GNU_SOURCE
#include "speech_jtalk.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "speech.h"
#include "str.h"

extern char **environ;

void speech_jtalk_init(struct speech_jtalk *j, const char *cmd, const char *dic,
                       const char *voice, const char *dir)
{
    memset(j, 0, sizeof *j);
    str_copy(j->cmd, sizeof j->cmd, cmd);
    str_copy(j->dic, sizeof j->dic, dic);
    str_copy(j->voice, sizeof j->voice, voice);
    str_copy(j->dir, sizeof j->dir, dir);
    j->fd = -1;
}

/* The child gets SIGPIPE back (the kiosk ignores it) and no blocked signals;
 * its stdin is the pipe, its output /dev/null. */
static int speech_jtalk_spawn(struct speech_jtalk *j, int in, pid_t *pid)
{
    /* 22050 Hz (-s) with the voice's 5 ms frames (-p 110 samples) instead
     * of its 48 kHz: the filter runs per sample, and a sentence is made
     * 1.4-1.6 times as fast (as espeak-ng's clips, 22050 Hz is plenty for
     * speech). */
    _Static_assert(SPEECH_RATE == 22050, "open_jtalk's -s and -p below");
    char *argv[] = {j->cmd, "-x", j->dic, "-m", j->voice, "-s", "22050", "-p", "110",
                    "-ow", j->out, NULL};
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t at;
    sigset_t def, none;
    sigemptyset(&def);
    sigaddset(&def, SIGPIPE);
    sigemptyset(&none);
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in, 0);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    posix_spawnattr_init(&at);
    posix_spawnattr_setsigdefault(&at, &def);
    posix_spawnattr_setsigmask(&at, &none);
    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    int rc = posix_spawnp(pid, j->cmd, &fa, &at, argv, environ);
    posix_spawnattr_destroy(&at);
    posix_spawn_file_actions_destroy(&fa);
    return rc == 0 ? 0 : -1;
}

int speech_jtalk_spare(struct speech_jtalk *j)
{
    if (j->pid > 0)
        return 0;
    int p[2];
    if (pipe2(p, O_CLOEXEC) != 0) /* no other child (the browser) inherits it */
        return -1;
    /* Two files in turn: the spare's and the one still being read. */
    snprintf(j->out, sizeof j->out, "%s/out-%u.wav", j->dir, j->started++ % 2);
    unlink(j->out);
    pid_t pid;
    int rc = speech_jtalk_spawn(j, p[0], &pid);
    close(p[0]);
    if (rc != 0) {
        close(p[1]);
        return -1;
    }
    j->pid = pid;
    j->fd = p[1];
    return 0;
}

static void speech_jtalk_kill(pid_t pid, int fd, const char *out)
{
    if (fd >= 0)
        close(fd);
    kill(pid, SIGKILL);
    while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
        ;
    unlink(out);
}

void speech_jtalk_rest(struct speech_jtalk *j)
{
    if (j->pid <= 0)
        return;
    speech_jtalk_kill(j->pid, j->fd, j->out);
    j->pid = 0;
    j->fd = -1;
}

/* Writes text (one line: open_jtalk reads lines) and closes the pipe. */
static int speech_jtalk_feed(int fd, const char *text)
{
    char line[4096];
    size_t n = str_copy(line, sizeof line - 1, text);
    for (size_t i = 0; i < n; i++)
        if (line[i] == '\n' || line[i] == '\r')
            line[i] = ' ';
    line[n++] = '\n';
    size_t off = 0;
    while (off < n) {
        ssize_t w = write(fd, line + off, n - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        off += (size_t)w;
    }
    close(fd);
    return off == n ? 0 : -1;
}

static uint32_t speech_jtalk_le32(const unsigned char *b)
{
    return b[0] | b[1] << 8 | b[2] << 16 | (uint32_t)b[3] << 24;
}

/* A 16-bit mono PCM WAV file into sink; its rate, or -1. */
static int speech_jtalk_read_wav(const char *path, speech_sink sink, void *ctx)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    unsigned char h[12], ch[8];
    int rate = -1, ok = fread(h, 1, 12, f) == 12 && !memcmp(h, "RIFF", 4) && !memcmp(h + 8, "WAVE", 4);
    while (ok && fread(ch, 1, 8, f) == 8) {
        uint32_t len = speech_jtalk_le32(ch + 4);
        if (!memcmp(ch, "fmt ", 4) && len >= 16) {
            unsigned char fmt[16];
            ok = fread(fmt, 1, 16, f) == 16 && fmt[2] == 1 && fmt[3] == 0 && fmt[14] == 16;
            rate = (int)speech_jtalk_le32(fmt + 4);
            if (ok && len > 16)
                fseek(f, (long)(len - 16), SEEK_CUR);
        } else if (!memcmp(ch, "data", 4)) {
            int16_t buf[4096];
            size_t left = len / 2;
            while (ok && left > 0) {
                size_t want = left < 4096 ? left : 4096;
                ok = fread(buf, 2, want, f) == want && sink(ctx, buf, want) == 0;
                left -= want;
            }
            break;
        } else {
            fseek(f, (long)len, SEEK_CUR);
        }
    }
    fclose(f);
    return ok && rate > 0 ? rate : -1;
}

int speech_jtalk_say(struct speech_jtalk *j, const char *text, speech_sink sink, void *ctx,
                     int *rate)
{
    if (speech_jtalk_spare(j) != 0)
        return -1;
    pid_t pid = j->pid;
    char out[128];
    str_copy(out, sizeof out, j->out);
    int fed = speech_jtalk_feed(j->fd, text);
    j->pid = 0;
    j->fd = -1;
    int status = 0;
    for (;;) {
        pid_t w = fed == 0 ? waitpid(pid, &status, WNOHANG) : 0;
        if (w == pid)
            break;
        if ((w < 0 && errno != EINTR) || fed != 0 || sink(ctx, NULL, 0) != 0) {
            speech_jtalk_kill(pid, -1, out);
            speech_jtalk_spare(j);
            return fed != 0 || w < 0 ? -1 : 1;
        }
        nanosleep(&(struct timespec){0, 1000000}, NULL);
    }
    /* The next one loads now, not beside this one: on two cores the
     * synthesis would wait for it. */
    speech_jtalk_spare(j);
    int r = -1;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        r = speech_jtalk_read_wav(out, sink, ctx);
    unlink(out);
    if (r > 0)
        *rate = r;
    return r > 0 ? 0 : (sink(ctx, NULL, 0) != 0 ? 1 : -1);
}
