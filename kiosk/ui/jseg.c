#include "jseg.h"

#include <mecab.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlib.h"
#include "msg.h"
#include "textwrap.h"

/* Texts kept: a screen shows a few dozen, all screens in all languages a
 * few hundred. Set-associative (LRU within a set), as text.c's widths. */
#define JSEG_SETS 128
#define JSEG_WAYS 4
#define JSEG_SLOTS (JSEG_SETS * JSEG_WAYS)

struct jseg_entry {
    char *text; /* owned; NULL = free */
    uint32_t hash;
    unsigned char *breaks; /* owned, strlen(text) + 1 */
    unsigned long used;
};
struct jseg {
    mecab_t *m;   /* open only while segmenting: NULL between jseg_release and a miss */
    int failed;   /* MeCab could not start: not tried again */
    struct jseg_entry e[JSEG_SLOTS];
    struct jseg_stats stats;
    unsigned long clock;
};

struct jseg *jseg_create(void) { return calloc(1, sizeof(struct jseg)); }

/* MeCab, opened at the first text not in the cache. */
static int jseg_open(struct jseg *j)
{
    if (j->m || j->failed)
        return j->m ? 0 : -1;
    j->m = mecab_new2("");
    if (!j->m) {
        j->failed = 1;
        msg_warn("MeCab cannot start (%s): Japanese lines break between any two characters",
                 mecab_strerror(NULL));
        return -1;
    }
    j->stats.opens++;
    return 0;
}

int jseg_is_open(const struct jseg *j) { return j && j->m; }

void jseg_release(struct jseg *j)
{
    if (!j || !j->m)
        return;
    mecab_destroy(j->m);
    j->m = NULL;
    /* libmecab and libstdc++ stay loaded (mecab_load.c): their code goes
     * back until the next segmenting (about 0.8 MiB, faulted in again from
     * the page cache in well under a millisecond). */
    static const char *const code[] = {"libmecab.so", "libstdc++.so", NULL};
    j->stats.dropped = dlib_drop_pages(code);
}

void jseg_destroy(struct jseg *j)
{
    if (!j)
        return;
    for (int i = 0; i < JSEG_SLOTS; i++) {
        free(j->e[i].text);
        free(j->e[i].breaks);
    }
    jseg_release(j);
    free(j);
}

/* The first two fields of a node's feature ("名詞,サ変接続,..."). */
static void jseg_pos(const mecab_node_t *n, char *pos, size_t possz, char *sub, size_t subsz)
{
    const char *f = n->feature ? n->feature : "";
    const char *c1 = strchr(f, ',');
    size_t l1 = c1 ? (size_t)(c1 - f) : strlen(f);
    const char *s2 = c1 ? c1 + 1 : "";
    const char *c2 = strchr(s2, ',');
    size_t l2 = c2 ? (size_t)(c2 - s2) : strlen(s2);
    snprintf(pos, possz, "%.*s", (int)l1, f);
    snprintf(sub, subsz, "%.*s", (int)l2, s2);
}

/* Morphemes that cling to the one before: no phrase starts with them. */
static int jseg_clings(const char *pos, const char *sub)
{
    return strcmp(pos, "助詞") == 0 || strcmp(pos, "助動詞") == 0 ||
           strcmp(sub, "非自立") == 0 || strcmp(sub, "接尾") == 0 ||
           (strcmp(pos, "記号") == 0 && strcmp(sub, "括弧開") != 0);
}

/* Morphemes after which a phrase ends: particles, auxiliaries, and
 * punctuation other than an opening bracket. */
static int jseg_ends_phrase(const char *pos, const char *sub)
{
    return strcmp(pos, "助詞") == 0 || strcmp(pos, "助動詞") == 0 ||
           (strcmp(pos, "記号") == 0 && strcmp(sub, "括弧開") != 0);
}

static void jseg_segment(struct jseg *j, const char *text, size_t len, unsigned char *breaks)
{
    memset(breaks, 0, len + 1);
    const mecab_node_t *n = mecab_sparse_tonode2(j->m, text, len);
    /* Japanese written with spaces between words (やさしい日本語) has its
     * phrases marked already; MeCab, reading hiragana, may cut "りょこう"
     * anywhere: inside a spaced word it only offers word-level breaks. */
    int spaced = memchr(text, ' ', len) != NULL;
    char prev_pos[32] = "", prev_sub[32] = "";
    for (; n; n = n->next) {
        if (n->stat == MECAB_BOS_NODE || n->stat == MECAB_EOS_NODE)
            continue;
        char pos[32], sub[32];
        jseg_pos(n, pos, sizeof pos, sub, sizeof sub);
        size_t at = (size_t)(n->surface - text);
        int open = strcmp(pos, "記号") == 0 && strcmp(sub, "括弧開") == 0;
        if (prev_pos[0] && at > 0 && at < len)
            breaks[at] = !spaced && ((jseg_ends_phrase(prev_pos, prev_sub) &&
                                      !jseg_clings(pos, sub)) || open)
                             ? TEXTWRAP_BREAK_PHRASE
                             : TEXTWRAP_BREAK_WORD;
        memcpy(prev_pos, pos, sizeof pos);
        memcpy(prev_sub, sub, sizeof sub);
    }
}

static uint32_t jseg_hash(const char *s)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

const unsigned char *jseg_breaks(struct jseg *j, const char *text)
{
    uint32_t h = jseg_hash(text);
    struct jseg_entry *set = &j->e[(h % JSEG_SETS) * JSEG_WAYS];
    struct jseg_entry *victim = &set[0];
    for (int i = 0; i < JSEG_WAYS; i++) {
        struct jseg_entry *e = &set[i];
        if (e->text && e->hash == h && strcmp(e->text, text) == 0) {
            j->stats.hits++;
            e->used = ++j->clock;
            return e->breaks;
        }
        if (victim->text && (!e->text || e->used < victim->used))
            victim = e;
    }
    if (jseg_open(j) != 0)
        return NULL;
    j->stats.misses++;
    size_t len = strlen(text);
    char *copy = malloc(len + 1);
    unsigned char *breaks = malloc(len + 1);
    if (!copy || !breaks) {
        free(copy);
        free(breaks);
        return NULL;
    }
    memcpy(copy, text, len + 1);
    jseg_segment(j, copy, len, breaks);
    free(victim->text);
    free(victim->breaks);
    *victim = (struct jseg_entry){copy, h, breaks, ++j->clock};
    return breaks;
}

void jseg_stats(const struct jseg *j, struct jseg_stats *out)
{
    *out = j->stats;
}
