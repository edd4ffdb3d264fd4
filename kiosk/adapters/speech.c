#include "speech.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "speech_espeak.h"
#include "str.h"

extern char **environ;

#define SPEECH_TEXT_MAX 2048
#define SPEECH_DIC "/var/lib/mecab/dic/open-jtalk/naist-jdic"
#define SPEECH_VOICE "/usr/share/hts-voice/nitech-jp-atr503-m001/nitech_jp_atr503_m001.htsvoice"

struct speech {
    struct speech_opts o;
    char jtalk[512], dic[512], voice[512];
    char dir[64]; /* private folder for open_jtalk's files */
    int jtalk_ok, espeak_ok, espeak_rate;
    char missing[256];
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int quit;
    _Atomic unsigned latest; /* the newest request; older work is abandoned */
    unsigned pending;        /* a request waits for the worker (its seq), 0 none */
    char text[SPEECH_TEXT_MAX], lang[16];
    struct speech_clip done; /* a finished clip not taken yet (samples NULL: none) */
    /* the clip being made (worker only) */
    int16_t *buf;
    size_t n, cap;
    unsigned cur;
};

static int speech_is_ja(const char *lang) { return strncmp(lang, "ja", 2) == 0; }

static const char *speech_espeak_voice(const char *lang)
{
    if (strcmp(lang, "en") == 0)
        return "en";
    if (strncmp(lang, "zh", 2) == 0)
        return "cmn"; /* Mandarin for both scripts */
    if (strcmp(lang, "ko") == 0)
        return "ko";
    return NULL;
}

int speech_can(const struct speech *s, const char *lang)
{
    if (!s || !lang)
        return 0;
    if (speech_is_ja(lang))
        return s->jtalk_ok;
    return s->espeak_ok && speech_espeak_voice(lang) != NULL;
}

const char *speech_missing(const struct speech *s)
{
    return s && s->missing[0] ? s->missing : NULL;
}

static int speech_grow(struct speech *s, size_t more)
{
    if (s->n + more <= s->cap)
        return 0;
    size_t cap = s->cap ? s->cap * 2 : 65536;
    while (cap < s->n + more)
        cap *= 2;
    int16_t *b = realloc(s->buf, cap * sizeof *b);
    if (!b)
        return -1;
    s->buf = b;
    s->cap = cap;
    return 0;
}

/* espeak-ng's pieces of audio collect in s->buf; a newer request aborts. */
static int speech_espeak_put(void *ctx, const int16_t *wav, size_t n)
{
    struct speech *s = ctx;
    if (atomic_load(&s->latest) != s->cur)
        return 1;
    if (speech_grow(s, n) == 0) {
        memcpy(s->buf + s->n, wav, n * sizeof *wav);
        s->n += n;
    }
    return 0;
}

static int speech_espeak(struct speech *s, const char *lang, const char *text)
{
    if (speech_espeak_synth(speech_espeak_voice(lang), text, speech_espeak_put, s) != 0)
        return -1;
    return s->espeak_rate;
}

/* A WAV file's 16-bit mono PCM into s->buf; returns the rate or -1. */
static int speech_read_wav(struct speech *s, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    unsigned char h[12], ch[8];
    int rate = -1, ok = fread(h, 1, 12, f) == 12 && !memcmp(h, "RIFF", 4) && !memcmp(h + 8, "WAVE", 4);
    while (ok && fread(ch, 1, 8, f) == 8) {
        uint32_t len = ch[4] | ch[5] << 8 | ch[6] << 16 | (uint32_t)ch[7] << 24;
        if (!memcmp(ch, "fmt ", 4) && len >= 16) {
            unsigned char fmt[16];
            ok = fread(fmt, 1, 16, f) == 16 && fmt[2] == 1 && fmt[14] == 16;
            rate = (int)(fmt[4] | fmt[5] << 8 | fmt[6] << 16 | (uint32_t)fmt[7] << 24);
            if (ok && len > 16)
                fseek(f, (long)(len - 16), SEEK_CUR);
        } else if (!memcmp(ch, "data", 4)) {
            size_t n = len / 2;
            ok = speech_grow(s, n) == 0 && fread(s->buf + s->n, 2, n, f) == n;
            if (ok)
                s->n += n;
            break;
        } else {
            fseek(f, (long)len, SEEK_CUR);
        }
    }
    fclose(f);
    return ok ? rate : -1;
}

/* open_jtalk as a child: text file in, WAV file out. Killed as soon as a
 * newer request arrives. */
static int speech_jtalk(struct speech *s, const char *text)
{
    char in[128], out[128];
    snprintf(in, sizeof in, "%s/in.txt", s->dir);
    snprintf(out, sizeof out, "%s/out.wav", s->dir);
    FILE *f = fopen(in, "w");
    if (!f)
        return -1;
    fputs(text, f);
    fclose(f);
    unlink(out);
    char *argv[] = {s->jtalk, "-x", s->dic, "-m", s->voice, "-ow", out, in, NULL};
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid;
    int rc = posix_spawnp(&pid, s->jtalk, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0)
        return -1;
    int status = 0;
    for (;;) {
        pid_t w = waitpid(pid, &status, WNOHANG);
        if (w == pid)
            break;
        if (w < 0 && errno != EINTR)
            return -1;
        if (atomic_load(&s->latest) != s->cur) {
            kill(pid, SIGKILL); /* superseded */
            waitpid(pid, &status, 0);
            return -1;
        }
        nanosleep(&(struct timespec){0, 3000000}, NULL);
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return -1;
    return speech_read_wav(s, out);
}

static void speech_work(struct speech *s, unsigned seq, const char *lang, const char *text)
{
    s->cur = seq;
    s->n = 0;
    int rate = speech_is_ja(lang) ? (s->jtalk_ok ? speech_jtalk(s, text) : -1)
                                  : (s->espeak_ok ? speech_espeak(s, lang, text) : -1);
    if (rate <= 0 || s->n == 0)
        return;
    int16_t *copy = malloc(s->n * sizeof *copy);
    if (!copy)
        return;
    memcpy(copy, s->buf, s->n * sizeof *copy);
    pthread_mutex_lock(&s->mu);
    if (atomic_load(&s->latest) == seq) {
        free(s->done.samples);
        s->done = (struct speech_clip){copy, s->n, rate, seq};
        copy = NULL;
    }
    pthread_mutex_unlock(&s->mu);
    if (!copy && s->o.wake)
        s->o.wake(s->o.ctx);
    free(copy);
}

static void *speech_main(void *arg)
{
    struct speech *s = arg;
    /* The worker reads text in UTF-8 whatever the process's locale. */
    locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    if (utf8)
        uselocale(utf8);
    if (s->espeak_ok)
        s->espeak_rate = speech_espeak_rate();
    char text[SPEECH_TEXT_MAX], lang[16];
    for (;;) {
        pthread_mutex_lock(&s->mu);
        while (!s->quit && !s->pending)
            pthread_cond_wait(&s->cv, &s->mu);
        if (s->quit) {
            pthread_mutex_unlock(&s->mu);
            break;
        }
        unsigned seq = s->pending;
        s->pending = 0;
        str_copy(text, sizeof text, s->text);
        str_copy(lang, sizeof lang, s->lang);
        pthread_mutex_unlock(&s->mu);
        speech_work(s, seq, lang, text);
    }
    if (utf8) {
        uselocale(LC_GLOBAL_LOCALE);
        freelocale(utf8);
    }
    return NULL;
}

static int speech_readable(const char *path) { return access(path, R_OK) == 0; }

/* The command on PATH (or as given with a slash) that can be run. */
static int speech_find(const char *cmd)
{
    if (strchr(cmd, '/'))
        return access(cmd, X_OK) == 0;
    const char *path = getenv("PATH");
    char dir[512];
    while (path && *path) {
        const char *end = strchr(path, ':');
        size_t len = end ? (size_t)(end - path) : strlen(path);
        if (len > 0 && len < sizeof dir - 64) {
            char full[600];
            snprintf(full, sizeof full, "%.*s/%s", (int)len, path, cmd);
            if (access(full, X_OK) == 0)
                return 1;
        }
        path = end ? end + 1 : NULL;
    }
    (void)dir;
    return 0;
}

static void speech_probe(struct speech *s)
{
    int cmd = speech_find(s->jtalk), dic = speech_readable(s->dic),
        voice = speech_readable(s->voice);
    s->jtalk_ok = cmd && dic && voice;
    s->espeak_ok = speech_readable("/usr/lib/x86_64-linux-gnu/espeak-ng-data/phontab") ||
                   speech_readable("/usr/share/espeak-ng-data/phontab") ||
                   speech_readable("/usr/lib/aarch64-linux-gnu/espeak-ng-data/phontab");
    if (!s->jtalk_ok)
        snprintf(s->missing, sizeof s->missing, "no Japanese voice: %s%s%s",
                 cmd ? "" : "open_jtalk (open-jtalk) ", dic ? "" : "dictionary (open-jtalk-mecab-naist-jdic) ",
                 voice ? "" : "voice (hts-voice-nitech-jp-atr503-m001)");
    if (!s->espeak_ok) {
        size_t l = strlen(s->missing);
        snprintf(s->missing + l, sizeof s->missing - l, "%sno voice for en, zh, ko: espeak-ng-data",
                 l ? "; " : "");
    }
}

struct speech *speech_create(const struct speech_opts *o)
{
    struct speech *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->o = *o;
    str_copy(s->jtalk, sizeof s->jtalk, o->jtalk ? o->jtalk : "open_jtalk");
    str_copy(s->dic, sizeof s->dic, o->jtalk_dic ? o->jtalk_dic : SPEECH_DIC);
    str_copy(s->voice, sizeof s->voice, o->jtalk_voice ? o->jtalk_voice : SPEECH_VOICE);
    speech_probe(s);
    const char *tmp = getenv("TMPDIR");
    snprintf(s->dir, sizeof s->dir, "%.40s/kiosk-speech-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (s->jtalk_ok && !mkdtemp(s->dir)) {
        s->jtalk_ok = 0;
        snprintf(s->missing, sizeof s->missing, "no folder for Open JTalk's files");
    }
    pthread_mutex_init(&s->mu, NULL);
    pthread_cond_init(&s->cv, NULL);
    if (pthread_create(&s->thread, NULL, speech_main, s) != 0) {
        pthread_mutex_destroy(&s->mu);
        pthread_cond_destroy(&s->cv);
        free(s);
        return NULL;
    }
    return s;
}

void speech_destroy(struct speech *s)
{
    if (!s)
        return;
    pthread_mutex_lock(&s->mu);
    s->quit = 1;
    atomic_fetch_add(&s->latest, 1); /* abandons a synthesis in progress */
    pthread_cond_signal(&s->cv);
    pthread_mutex_unlock(&s->mu);
    pthread_join(s->thread, NULL);
    if (s->jtalk_ok) {
        char p[128];
        snprintf(p, sizeof p, "%s/in.txt", s->dir);
        unlink(p);
        snprintf(p, sizeof p, "%s/out.wav", s->dir);
        unlink(p);
        rmdir(s->dir);
    }
    pthread_mutex_destroy(&s->mu);
    pthread_cond_destroy(&s->cv);
    free(s->done.samples);
    free(s->buf);
    free(s);
}

unsigned speech_say(struct speech *s, const char *lang, const char *text)
{
    pthread_mutex_lock(&s->mu);
    unsigned seq = atomic_fetch_add(&s->latest, 1) + 1;
    if (seq == 0)
        seq = atomic_fetch_add(&s->latest, 1) + 1;
    s->pending = seq;
    str_copy(s->text, sizeof s->text, text);
    str_copy(s->lang, sizeof s->lang, lang);
    free(s->done.samples); /* an older clip not yet played is stale now */
    s->done = (struct speech_clip){0};
    pthread_cond_signal(&s->cv);
    pthread_mutex_unlock(&s->mu);
    return seq;
}

void speech_cancel(struct speech *s)
{
    pthread_mutex_lock(&s->mu);
    atomic_fetch_add(&s->latest, 1);
    s->pending = 0;
    free(s->done.samples);
    s->done = (struct speech_clip){0};
    pthread_mutex_unlock(&s->mu);
}

int speech_take(struct speech *s, struct speech_clip *out)
{
    pthread_mutex_lock(&s->mu);
    int got = s->done.samples != NULL;
    if (got) {
        *out = s->done;
        s->done = (struct speech_clip){0};
    }
    pthread_mutex_unlock(&s->mu);
    return got;
}
