#include "speech.h"

#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "speech_espeak.h"
#include "speech_jtalk.h"
#include "speech_split.h"
#include "speech_voices.h"
#include "str.h"

#define SPEECH_TEXT_MAX 2048
#define SPEECH_QUEUE 16      /* finished sentences not taken yet */
#define SPEECH_CACHE 32      /* sentences kept (a screen's buttons and its announcement) */
#define SPEECH_CACHE_BYTES (8u << 20)
#define SPEECH_NICE 10

/* A sentence already spoken (worker only). */
struct speech_cached {
    char lang[16];
    char *text;
    int16_t *samples;
    size_t n;
    int rate;
    unsigned long used; /* for the least recently used */
};

struct speech {
    struct speech_opts o;
    struct speech_jtalk jt; /* worker only, after the start */
    char dir[64];           /* private folder for open_jtalk's files */
    int jtalk_ok, espeak_ok;
    char missing[512];
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int quit;
    _Atomic unsigned latest; /* the newest request; older work is abandoned */
    _Atomic long spare_pid;
    _Atomic unsigned finished; /* the last request the worker is done with */
    _Atomic int volume;        /* percent */
    /* under mu */
    unsigned pending;        /* a request waits for the worker (its seq), 0 none */
    char text[SPEECH_TEXT_MAX], lang[16];
    char standby[16];        /* the language to be ready for, "" none */
    unsigned standby_gen;    /* bumped by each speech_standby */
    struct speech_clip queue[SPEECH_QUEUE];
    int q_head, q_n;
    /* the sentence being made (worker only) */
    int16_t *buf;
    size_t n, cap;
    unsigned cur;
    struct speech_cached cache[SPEECH_CACHE];
    unsigned long tick;
};

static int speech_is_ja(const char *lang) { return strncmp(lang, "ja", 2) == 0; }

int speech_can(const struct speech *s, const char *lang)
{
    if (!s || !lang)
        return 0;
    if (speech_is_ja(lang))
        return s->jtalk_ok;
    return s->espeak_ok && speech_voices_espeak(lang) != NULL;
}

const char *speech_missing(const struct speech *s)
{
    return s && s->missing[0] ? s->missing : NULL;
}

long speech_spare_pid(struct speech *s) { return s ? atomic_load(&s->spare_pid) : 0; }

/* ---- the queue of finished sentences (under mu) ------------------------ */

static void speech_queue_clear(struct speech *s)
{
    for (int i = 0; i < s->q_n; i++)
        free(s->queue[(s->q_head + i) % SPEECH_QUEUE].samples);
    s->q_head = s->q_n = 0;
}

/* Hands a sentence's clip to the main loop (copied); 1 if it went. */
static int speech_publish(struct speech *s, const int16_t *pcm, size_t n, int rate, int part,
                          int last)
{
    int16_t *copy = malloc(n * sizeof *copy);
    if (!copy)
        return 0;
    int vol = atomic_load(&s->volume);
    for (size_t k = 0; k < n; k++)
        copy[k] = (int16_t)(pcm[k] * vol / 100);
    int went = 0;
    pthread_mutex_lock(&s->mu);
    if (atomic_load(&s->latest) == s->cur && s->q_n < SPEECH_QUEUE) {
        s->queue[(s->q_head + s->q_n++) % SPEECH_QUEUE] =
            (struct speech_clip){copy, n, rate, s->cur, part, last};
        copy = NULL;
        went = 1;
    }
    pthread_mutex_unlock(&s->mu);
    free(copy);
    if (went && s->o.wake)
        s->o.wake(s->o.ctx);
    return went;
}

/* ---- the sentences kept (worker only) ----------------------------------- */

static struct speech_cached *speech_cache_find(struct speech *s, const char *lang,
                                               const char *text)
{
    for (int i = 0; i < SPEECH_CACHE; i++) {
        struct speech_cached *c = &s->cache[i];
        if (c->text && strcmp(c->lang, lang) == 0 && strcmp(c->text, text) == 0) {
            c->used = ++s->tick;
            return c;
        }
    }
    return NULL;
}

static void speech_cache_drop(struct speech_cached *c)
{
    free(c->text);
    free(c->samples);
    memset(c, 0, sizeof *c);
}

/* Keeps s->buf as lang/text's clip, in place of the least recently used
 * (and of any more needed to stay under SPEECH_CACHE_BYTES). */
static void speech_cache_put(struct speech *s, const char *lang, const char *text, int rate)
{
    size_t bytes = s->n * sizeof *s->buf;
    if (bytes > SPEECH_CACHE_BYTES / 2)
        return;
    for (;;) {
        size_t total = 0;
        struct speech_cached *lru = &s->cache[0];
        for (int i = 0; i < SPEECH_CACHE; i++) {
            total += s->cache[i].n * sizeof *s->buf;
            if (!s->cache[i].text || (lru->text && s->cache[i].used < lru->used))
                lru = &s->cache[i];
        }
        if (!lru->text && total + bytes <= SPEECH_CACHE_BYTES) {
            lru->samples = malloc(bytes);
            lru->text = str_dup(text);
            if (!lru->samples || !lru->text) {
                speech_cache_drop(lru);
                return;
            }
            memcpy(lru->samples, s->buf, bytes);
            str_copy(lru->lang, sizeof lru->lang, lang);
            lru->n = s->n;
            lru->rate = rate;
            lru->used = ++s->tick;
            return;
        }
        speech_cache_drop(lru);
    }
}

/* ---- synthesis (worker only) --------------------------------------------- */

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

/* Both synthesisers' audio collects in s->buf; a newer request aborts. */
static int speech_put(void *ctx, const int16_t *pcm, size_t n)
{
    struct speech *s = ctx;
    if (atomic_load(&s->latest) != s->cur)
        return 1;
    if (n > 0 && speech_grow(s, n) == 0) {
        memcpy(s->buf + s->n, pcm, n * sizeof *pcm);
        s->n += n;
    }
    return 0;
}

/* Open JTalk starts a clip with 0.3-0.4 s of quiet and ends it with 0.5 s:
 * heard at once and followed at once, a sentence keeps 20 ms before its
 * first sound and 150 ms after its last. */
#define SPEECH_QUIET 300 /* |sample| below this is quiet (-40 dBFS) */
static void speech_trim(struct speech *s, int rate)
{
    size_t lead = (size_t)rate / 50, tail = (size_t)rate * 3 / 20, a = 0, b = s->n;
    while (a < s->n && abs(s->buf[a]) < SPEECH_QUIET)
        a++;
    while (b > a && abs(s->buf[b - 1]) < SPEECH_QUIET)
        b--;
    if (a == b)
        return; /* all quiet: left as it is */
    a = a > lead ? a - lead : 0;
    b = b + tail < s->n ? b + tail : s->n;
    memmove(s->buf, s->buf + a, (b - a) * sizeof *s->buf);
    s->n = b - a;
}

/* One sentence into s->buf; its rate, or -1. */
static int speech_make(struct speech *s, const char *lang, const char *text)
{
    s->n = 0;
    int rate = -1;
    if (speech_is_ja(lang)) {
        if (s->jtalk_ok && speech_jtalk_say(&s->jt, text, speech_put, s, &rate) != 0)
            rate = -1;
        atomic_store(&s->spare_pid, (long)s->jt.pid);
    } else if (s->espeak_ok && speech_espeak_synth(speech_voices_espeak(lang), text, speech_put, s) == 0) {
        rate = speech_espeak_rate();
    }
    if (rate > 0)
        speech_trim(s, rate);
    return s->n > 0 ? rate : -1;
}

static void speech_work(struct speech *s, unsigned seq, const char *lang, const char *text)
{
    s->cur = seq;
    char sentence[SPEECH_TEXT_MAX];
    int part = 0;
    for (const char *p = text; *p && atomic_load(&s->latest) == seq;) {
        size_t len = speech_split_next(p);
        str_copy(sentence, len + 1 < sizeof sentence ? len + 1 : sizeof sentence, p);
        p += len;
        size_t end = strlen(sentence);
        while (end > 0 && sentence[end - 1] == ' ')
            sentence[--end] = '\0';
        if (!sentence[0])
            continue;
        int last = *p == '\0';
        struct speech_cached *c = speech_cache_find(s, lang, sentence);
        if (c) {
            if (speech_publish(s, c->samples, c->n, c->rate, part, last))
                part++;
            continue;
        }
        int rate = speech_make(s, lang, sentence);
        if (rate <= 0)
            continue;
        speech_cache_put(s, lang, sentence, rate);
        if (speech_publish(s, s->buf, s->n, rate, part, last))
            part++;
    }
    atomic_store(&s->finished, seq);
}

/* The spare open_jtalk follows the standby language; with no one listening
 * the kept clips go too. */
static void speech_ready(struct speech *s, const char *standby, int changed)
{
    if (changed && !standby[0])
        for (int i = 0; i < SPEECH_CACHE; i++)
            speech_cache_drop(&s->cache[i]);
    if (s->jtalk_ok && speech_is_ja(standby))
        speech_jtalk_spare(&s->jt);
    else
        speech_jtalk_rest(&s->jt);
    atomic_store(&s->spare_pid, (long)s->jt.pid);
}

static void *speech_main(void *arg)
{
    struct speech *s = arg;
    /* A closed pipe to open_jtalk is an error from write, not a signal. */
    sigset_t pipe;
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe, NULL);
    /* Speech gives way to drawing: on Linux a thread has its own nice value,
     * and the open_jtalk it starts inherit it. A frame never waits for a
     * synthesis, not even for the CPU (test_voice_frames). */
    setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), SPEECH_NICE); /* raising: never refused */
    /* The worker reads text in UTF-8 whatever the process's locale. */
    locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    if (utf8)
        uselocale(utf8);
    if (s->espeak_ok)
        speech_espeak_rate();
    char text[SPEECH_TEXT_MAX], lang[16], standby[16] = "";
    unsigned gen = 0;
    for (;;) {
        pthread_mutex_lock(&s->mu);
        while (!s->quit && !s->pending && gen == s->standby_gen)
            pthread_cond_wait(&s->cv, &s->mu);
        if (s->quit) {
            pthread_mutex_unlock(&s->mu);
            break;
        }
        unsigned seq = s->pending;
        s->pending = 0;
        str_copy(text, sizeof text, s->text);
        str_copy(lang, sizeof lang, s->lang);
        int changed = gen != s->standby_gen;
        gen = s->standby_gen;
        str_copy(standby, sizeof standby, s->standby);
        pthread_mutex_unlock(&s->mu);
        if (seq)
            speech_work(s, seq, lang, text);
        speech_ready(s, standby, changed);
    }
    speech_jtalk_rest(&s->jt);
    atomic_store(&s->spare_pid, 0);
    for (int i = 0; i < SPEECH_CACHE; i++)
        speech_cache_drop(&s->cache[i]);
    if (utf8) {
        uselocale(LC_GLOBAL_LOCALE);
        freelocale(utf8);
    }
    return NULL;
}

/* What is installed (files only), with the paths the worker will use. */
static void speech_probe(struct speech *s, const struct speech_paths *p)
{
    static const char langs[][I18N_LANG_MAX] = {"ja", "en", "zh-Hans", "ko"};
    char why[8];
    s->jtalk_ok = speech_voices_has(p, "ja", why, sizeof why);
    s->espeak_ok = speech_voices_espeak_data() != NULL;
    speech_voices_missing(p, langs, (int)(sizeof langs / sizeof *langs), s->missing,
                          sizeof s->missing);
}

struct speech *speech_create(const struct speech_opts *o)
{
    struct speech *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->o = *o;
    atomic_store(&s->volume, 100);
    struct speech_paths p = speech_paths_pick(o->jtalk, o->jtalk_dic, o->jtalk_voice);
    speech_probe(s, &p);
    const char *tmp = getenv("TMPDIR");
    snprintf(s->dir, sizeof s->dir, "%.40s/kiosk-speech-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (s->jtalk_ok && !mkdtemp(s->dir)) {
        s->jtalk_ok = 0;
        snprintf(s->missing, sizeof s->missing, "no folder for Open JTalk's files");
    }
    speech_jtalk_init(&s->jt, p.jtalk, p.dic, p.voice, s->dir);
    pthread_mutex_init(&s->mu, NULL);
    pthread_cond_init(&s->cv, NULL);
    if (pthread_create(&s->thread, NULL, speech_main, s) != 0) {
        if (s->jtalk_ok)
            rmdir(s->dir);
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
    pthread_join(s->thread, NULL); /* it kills and reaps its open_jtalk */
    if (s->jtalk_ok)
        rmdir(s->dir);
    pthread_mutex_destroy(&s->mu);
    pthread_cond_destroy(&s->cv);
    speech_queue_clear(s);
    free(s->buf);
    free(s);
}

void speech_volume(struct speech *s, int percent)
{
    atomic_store(&s->volume, percent < 0 ? 0 : percent > 100 ? 100 : percent);
}

void speech_standby(struct speech *s, const char *lang)
{
    pthread_mutex_lock(&s->mu);
    if (strcmp(s->standby, lang ? lang : "") != 0) {
        str_copy(s->standby, sizeof s->standby, lang);
        s->standby_gen++;
        pthread_cond_signal(&s->cv);
    }
    pthread_mutex_unlock(&s->mu);
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
    speech_queue_clear(s); /* older clips not yet played are stale now */
    pthread_cond_signal(&s->cv);
    pthread_mutex_unlock(&s->mu);
    return seq;
}

int speech_busy(struct speech *s)
{
    return s && atomic_load(&s->latest) != atomic_load(&s->finished);
}

void speech_cancel(struct speech *s)
{
    pthread_mutex_lock(&s->mu);
    atomic_store(&s->finished, atomic_fetch_add(&s->latest, 1) + 1);
    s->pending = 0;
    speech_queue_clear(s);
    pthread_mutex_unlock(&s->mu);
}

int speech_take(struct speech *s, struct speech_clip *out)
{
    pthread_mutex_lock(&s->mu);
    int got = s->q_n > 0;
    if (got) {
        *out = s->queue[s->q_head];
        s->q_head = (s->q_head + 1) % SPEECH_QUEUE;
        s->q_n--;
    }
    pthread_mutex_unlock(&s->mu);
    return got;
}
