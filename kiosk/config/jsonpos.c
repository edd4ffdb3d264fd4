#include "jsonpos.h"

#include "jsonpath.h"
#include "str.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define JSONPOS_FNV_BASIS 2166136261u
#define JSONPOS_FNV_PRIME 16777619u

/* One value. Its path is the parent's path followed by its segment, so the
 * index stays linear in the file size however deep or long the keys are. */
struct jsonpos_entry {
    int parent; /* -1 for the root */
    uint32_t hash; /* FNV-1a of the full path */
    size_t seg_off, seg_len; /* segment text in the arena */
    int line, col, kline, kcol;
};
struct jsonpos_dup {
    char *path;
    int line, col;
};
struct jsonpos {
    struct jsonpos_entry *e;
    size_t n, cap;
    char *arena;
    size_t alen, acap;
    uint32_t *slots; /* entry index + 1; 0 = empty */
    size_t nslots;   /* power of two */
    struct jsonpos_dup *dups;
    int ndups, dcap;
};
struct jsonpos_st {
    const unsigned char *s;
    size_t n, i;
    int line, col, depth;
    int mute; /* > 0 inside the value of a duplicate key: record nothing */
    struct jsonpos *p;
    struct jsonpos_syntax *syn;
    char *key; /* the last string or key, decoded */
    size_t keylen, keycap;
};

static uint32_t jsonpos_hash(uint32_t h, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= JSONPOS_FNV_PRIME;
    }
    return h;
}

static int jsonpos_grow(void **buf, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap : 64;
    while (ncap < need)
        ncap *= 2;
    void *nb = realloc(*buf, ncap * elem);
    if (!nb)
        return -1;
    *buf = nb;
    *cap = ncap;
    return 0;
}

/* ---- the index -------------------------------------------------------- */

/* 1 if entry e's full path equals q[0..qlen). Walks up comparing from the end. */
static int jsonpos_match(const struct jsonpos *p, int e, const char *q, size_t qlen)
{
    while (e >= 0) {
        const struct jsonpos_entry *en = &p->e[e];
        if (en->seg_len > qlen)
            return 0;
        qlen -= en->seg_len;
        if (memcmp(q + qlen, p->arena + en->seg_off, en->seg_len) != 0)
            return 0;
        e = en->parent;
    }
    return qlen == 0;
}

/* Full path of parent + segment as a new string (caller frees). */
static char *jsonpos_path_of(const struct jsonpos *p, int parent, size_t seg_off, size_t seg_len)
{
    size_t len = seg_len;
    for (int e = parent; e >= 0; e = p->e[e].parent)
        len += p->e[e].seg_len;
    char *s = malloc(len + 1);
    if (!s)
        return NULL;
    s[len] = '\0';
    len -= seg_len;
    memcpy(s + len, p->arena + seg_off, seg_len);
    for (int e = parent; e >= 0; e = p->e[e].parent) {
        len -= p->e[e].seg_len;
        memcpy(s + len, p->arena + p->e[e].seg_off, p->e[e].seg_len);
    }
    return s;
}

static int jsonpos_lookup(const struct jsonpos *p, const char *q, size_t qlen)
{
    if (!p->nslots)
        return -1;
    uint32_t h = jsonpos_hash(JSONPOS_FNV_BASIS, q, qlen);
    size_t mask = p->nslots - 1;
    for (size_t s = h & mask; p->slots[s]; s = (s + 1) & mask) {
        int e = (int)p->slots[s] - 1;
        if (p->e[e].hash == h && jsonpos_match(p, e, q, qlen))
            return e;
    }
    return -1;
}

static void jsonpos_slot_put(struct jsonpos *p, size_t e)
{
    size_t mask = p->nslots - 1;
    size_t s = p->e[e].hash & mask;
    while (p->slots[s])
        s = (s + 1) & mask;
    p->slots[s] = (uint32_t)(e + 1);
}

static int jsonpos_rehash(struct jsonpos *p)
{
    size_t ns = p->nslots ? p->nslots * 2 : 256;
    uint32_t *slots = calloc(ns, sizeof *slots);
    if (!slots)
        return -1;
    free(p->slots);
    p->slots = slots;
    p->nslots = ns;
    for (size_t e = 0; e < p->n; e++)
        jsonpos_slot_put(p, e);
    return 0;
}

static int jsonpos_add_dup(struct jsonpos *p, char *path, int line, int col)
{
    size_t cap = (size_t)p->dcap;
    if (jsonpos_grow((void **)&p->dups, &cap, (size_t)p->ndups + 1, sizeof *p->dups) != 0) {
        free(path);
        return -1;
    }
    p->dcap = (int)cap;
    p->dups[p->ndups].path = path;
    p->dups[p->ndups].line = line;
    p->dups[p->ndups].col = col;
    p->ndups++;
    return 0;
}

/* ---- scanner helpers -------------------------------------------------- */

static int jsonpos_peek(const struct jsonpos_st *st)
{
    return st->i < st->n ? st->s[st->i] : -1;
}

static void jsonpos_adv(struct jsonpos_st *st)
{
    unsigned char c = st->s[st->i++];
    if (c == '\n') {
        st->line++;
        st->col = 1;
    } else if ((c & 0xC0) != 0x80) {
        st->col++; /* count characters, not bytes */
    }
}

static void jsonpos_ws(struct jsonpos_st *st)
{
    int c;
    while ((c = jsonpos_peek(st)) == ' ' || c == '\t' || c == '\n' || c == '\r')
        jsonpos_adv(st);
}

static int jsonpos_is_word(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '.' || c == '+' || c == '-';
}

/* The text at offset off for a message: a word, or one whole character. */
static void jsonpos_found_at(const struct jsonpos_st *st, size_t off, char *out, size_t outsz)
{
    size_t k = 0;
    out[0] = '\0';
    if (off >= st->n)
        return;
    if (jsonpos_is_word(st->s[off])) {
        while (off + k < st->n && k + 1 < outsz && k < 24 && jsonpos_is_word(st->s[off + k])) {
            out[k] = (char)st->s[off + k];
            k++;
        }
        out[k] = '\0';
        return;
    }
    unsigned char c = st->s[off];
    size_t want = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    for (k = 1; k < want && off + k < st->n && (st->s[off + k] & 0xC0) == 0x80; k++)
        ;
    if (want == 0 || k != want || want >= outsz || c < 0x20)
        snprintf(out, outsz, "\\x%02X", c);
    else {
        memcpy(out, st->s + off, want);
        out[want] = '\0';
    }
}

static int jsonpos_fail_at(struct jsonpos_st *st, enum jsonpos_error err, int line, int col,
                           size_t found_off)
{
    struct jsonpos_syntax *syn = st->syn;
    syn->err = err;
    syn->line = line;
    syn->col = col;
    jsonpos_found_at(st, found_off, syn->found, sizeof syn->found);
    return -1;
}

static int jsonpos_fail(struct jsonpos_st *st, enum jsonpos_error err)
{
    return jsonpos_fail_at(st, err, st->line, st->col, st->i);
}

static int jsonpos_nomem(struct jsonpos_st *st)
{
    return jsonpos_fail(st, JSONPOS_E_NOMEM);
}

static int jsonpos_at_fullwidth_space(const struct jsonpos_st *st)
{
    return st->i + 2 < st->n && st->s[st->i] == 0xE3 && st->s[st->i + 1] == 0x80 &&
           st->s[st->i + 2] == 0x80;
}

/* Records a value; *self gets its index (-1 when muted). Returns 1 if the
 * path was already there (duplicate key), 0, or -1 on out of memory. */
static int jsonpos_add(struct jsonpos_st *st, int parent, size_t seg_off, size_t seg_len,
                       int kline, int kcol, int *self)
{
    struct jsonpos *p = st->p;
    *self = -1;
    if (st->mute || (parent < 0 && p->n > 0))
        return 0;
    uint32_t h = parent >= 0 ? p->e[parent].hash : JSONPOS_FNV_BASIS;
    h = jsonpos_hash(h, p->arena + seg_off, seg_len);
    size_t mask = p->nslots - 1;
    for (size_t s = p->nslots ? h & mask : 0; p->nslots && p->slots[s]; s = (s + 1) & mask) {
        int e = (int)p->slots[s] - 1;
        if (p->e[e].hash != h)
            continue;
        char *path = jsonpos_path_of(p, parent, seg_off, seg_len);
        if (!path)
            return -1;
        if (jsonpos_match(p, e, path, strlen(path)))
            return jsonpos_add_dup(p, path, kline, kcol) == 0 ? 1 : -1;
        free(path);
    }
    if (jsonpos_grow((void **)&p->e, &p->cap, p->n + 1, sizeof *p->e) != 0)
        return -1;
    struct jsonpos_entry *en = &p->e[p->n];
    *en = (struct jsonpos_entry){parent, h, seg_off, seg_len, st->line, st->col, kline, kcol};
    *self = (int)p->n++;
    if (p->n * 2 > p->nslots)
        return jsonpos_rehash(p);
    jsonpos_slot_put(p, p->n - 1);
    return 0;
}

/* ---- strings ---------------------------------------------------------- */

static int jsonpos_key_put(struct jsonpos_st *st, const char *b, size_t len)
{
    if (jsonpos_grow((void **)&st->key, &st->keycap, st->keylen + len + 1, 1) != 0)
        return -1;
    memcpy(st->key + st->keylen, b, len);
    st->keylen += len;
    st->key[st->keylen] = '\0';
    return 0;
}

static int jsonpos_hex4(struct jsonpos_st *st, unsigned *cp)
{
    *cp = 0;
    for (int k = 0; k < 4; k++) {
        int c = jsonpos_peek(st);
        unsigned v;
        if (c >= '0' && c <= '9')
            v = (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v = (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v = (unsigned)(c - 'A' + 10);
        else
            return -1;
        *cp = *cp * 16 + v;
        jsonpos_adv(st);
    }
    return 0;
}

static size_t jsonpos_utf8(unsigned cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* After "\u": one code point, joining a surrogate pair. */
static int jsonpos_unicode(struct jsonpos_st *st, int eline, int ecol, unsigned *cp)
{
    if (jsonpos_hex4(st, cp) != 0)
        return jsonpos_fail_at(st, JSONPOS_E_BAD_UNICODE_ESCAPE, eline, ecol, st->i);
    if (*cp == 0)
        return jsonpos_fail_at(st, JSONPOS_E_NUL_CHAR, eline, ecol, st->i);
    if (*cp >= 0xDC00 && *cp <= 0xDFFF)
        return jsonpos_fail_at(st, JSONPOS_E_BAD_SURROGATE, eline, ecol, st->i);
    if (*cp < 0xD800 || *cp > 0xDBFF)
        return 0;
    unsigned lo;
    if (jsonpos_peek(st) != '\\' || st->i + 1 >= st->n || st->s[st->i + 1] != 'u')
        return jsonpos_fail_at(st, JSONPOS_E_BAD_SURROGATE, eline, ecol, st->i);
    jsonpos_adv(st);
    jsonpos_adv(st);
    if (jsonpos_hex4(st, &lo) != 0 || lo < 0xDC00 || lo > 0xDFFF)
        return jsonpos_fail_at(st, JSONPOS_E_BAD_SURROGATE, eline, ecol, st->i);
    *cp = 0x10000 + ((*cp - 0xD800) << 10) + (lo - 0xDC00);
    return 0;
}

static int jsonpos_escape(struct jsonpos_st *st, int sline, int scol)
{
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    int eline = st->line, ecol = st->col;
    jsonpos_adv(st); /* the backslash */
    int c = jsonpos_peek(st);
    if (c < 0)
        return jsonpos_fail_at(st, JSONPOS_E_UNTERMINATED_STRING, sline, scol, st->i);
    char buf[4];
    size_t len = 1;
    const char *hit = c ? strchr(from, c) : NULL;
    if (hit) {
        buf[0] = to[hit - from];
        jsonpos_adv(st);
    } else if (c == 'u') {
        unsigned cp;
        jsonpos_adv(st);
        if (jsonpos_unicode(st, eline, ecol, &cp) != 0)
            return -1;
        len = jsonpos_utf8(cp, buf);
    } else {
        jsonpos_fail_at(st, JSONPOS_E_BAD_ESCAPE, eline, ecol, st->i);
        snprintf(st->syn->found, sizeof st->syn->found, "\\%c", c >= 0x20 && c < 0x7F ? c : '?');
        return -1;
    }
    return jsonpos_key_put(st, buf, len) != 0 ? jsonpos_nomem(st) : 0;
}

/* A string at the current '"', decoded into st->key. */
static int jsonpos_string(struct jsonpos_st *st)
{
    int sline = st->line, scol = st->col;
    jsonpos_adv(st);
    st->keylen = 0;
    if (jsonpos_key_put(st, "", 0) != 0)
        return jsonpos_nomem(st);
    for (;;) {
        int c = jsonpos_peek(st);
        if (c < 0)
            return jsonpos_fail_at(st, JSONPOS_E_UNTERMINATED_STRING, sline, scol, st->i);
        if (c == '"')
            break;
        if (c == '\n' || c == '\r')
            return jsonpos_fail_at(st, JSONPOS_E_NEWLINE_IN_STRING, sline, scol, st->i);
        if (c < 0x20)
            return jsonpos_fail(st, JSONPOS_E_CONTROL_CHAR);
        if (c == '\\') {
            if (jsonpos_escape(st, sline, scol) != 0)
                return -1;
            continue;
        }
        char b = (char)c;
        if (jsonpos_key_put(st, &b, 1) != 0)
            return jsonpos_nomem(st);
        jsonpos_adv(st);
    }
    jsonpos_adv(st);
    return 0;
}

/* ---- numbers and words ------------------------------------------------ */

static int jsonpos_digits(struct jsonpos_st *st)
{
    int c = jsonpos_peek(st), any = 0;
    while (c >= '0' && c <= '9') {
        jsonpos_adv(st);
        c = jsonpos_peek(st);
        any = 1;
    }
    return any;
}

/* The number's value is cJSON's reading of the token, as if cJSON had
 * parsed the file. */
static int jsonpos_number(struct jsonpos_st *st, cJSON **out)
{
    int line = st->line, col = st->col;
    size_t start = st->i;
    int ok = 1;
    if (jsonpos_peek(st) == '-')
        jsonpos_adv(st);
    if (jsonpos_peek(st) == '0')
        jsonpos_adv(st);
    else
        ok = jsonpos_digits(st);
    if (ok && jsonpos_peek(st) == '.') {
        jsonpos_adv(st);
        ok = jsonpos_digits(st);
    }
    if (ok && (jsonpos_peek(st) == 'e' || jsonpos_peek(st) == 'E')) {
        jsonpos_adv(st);
        if (jsonpos_peek(st) == '+' || jsonpos_peek(st) == '-')
            jsonpos_adv(st);
        ok = jsonpos_digits(st);
    }
    int c = jsonpos_peek(st);
    if (!ok || (c >= 0 && jsonpos_is_word(c)))
        return jsonpos_fail_at(st, JSONPOS_E_BAD_NUMBER, line, col, start);
    *out = cJSON_ParseWithLength((const char *)st->s + start, st->i - start);
    return *out ? 0 : jsonpos_nomem(st);
}

static int jsonpos_literal(struct jsonpos_st *st, cJSON **out)
{
    static const char *const words[] = {"true", "false", "null"};
    size_t len = 0;
    while (st->i + len < st->n && jsonpos_is_word(st->s[st->i + len]))
        len++;
    for (size_t w = 0; w < 3; w++) {
        if (strlen(words[w]) == len && memcmp(st->s + st->i, words[w], len) == 0) {
            for (size_t k = 0; k < len; k++)
                jsonpos_adv(st);
            *out = w == 0 ? cJSON_CreateTrue() : w == 1 ? cJSON_CreateFalse() : cJSON_CreateNull();
            return *out ? 0 : jsonpos_nomem(st);
        }
    }
    return jsonpos_fail(st, JSONPOS_E_BAD_WORD);
}

/* Something that cannot start a value: say what it probably is. */
static int jsonpos_bad_start(struct jsonpos_st *st, int c)
{
    if (c < 0)
        return jsonpos_fail(st, JSONPOS_E_NO_VALUE);
    if (c == '/')
        return jsonpos_fail(st, JSONPOS_E_COMMENT);
    if (c == '\'')
        return jsonpos_fail(st, JSONPOS_E_SINGLE_QUOTE);
    if (c == '+' || c == '.')
        return jsonpos_fail(st, JSONPOS_E_BAD_NUMBER);
    if (jsonpos_at_fullwidth_space(st))
        return jsonpos_fail(st, JSONPOS_E_FULLWIDTH_SPACE);
    if (jsonpos_is_word(c))
        return jsonpos_fail(st, JSONPOS_E_BAD_WORD);
    return jsonpos_fail(st, JSONPOS_E_EXPECTED_VALUE);
}

/* ---- containers ------------------------------------------------------- */

static int jsonpos_value(struct jsonpos_st *st, int parent, size_t seg_off, size_t seg_len,
                         int kline, int kcol, cJSON **out);

static int jsonpos_value_start(int c)
{
    return c == '"' || c == '{' || c == '[' || c == '-' || (c >= '0' && c <= '9') ||
           c == 't' || c == 'f' || c == 'n';
}

/* After a member or element, neither ',' nor the closing bracket. */
static int jsonpos_after_error(struct jsonpos_st *st, int in_object, int oline, int ocol)
{
    int c = jsonpos_peek(st);
    if (c < 0)
        return jsonpos_fail_at(st, in_object ? JSONPOS_E_EOF_IN_OBJECT : JSONPOS_E_EOF_IN_ARRAY,
                               oline, ocol, st->i);
    if (c == '/')
        return jsonpos_fail(st, JSONPOS_E_COMMENT);
    if (jsonpos_at_fullwidth_space(st))
        return jsonpos_fail(st, JSONPOS_E_FULLWIDTH_SPACE);
    if (jsonpos_value_start(c))
        return jsonpos_fail(st, JSONPOS_E_MISSING_COMMA);
    return jsonpos_fail(st, in_object ? JSONPOS_E_EXPECTED_COMMA_OBJECT
                                      : JSONPOS_E_EXPECTED_COMMA_ARRAY);
}

/* Segment text for the member just read into st->key, appended to the arena. */
static int jsonpos_key_seg(struct jsonpos_st *st, int self, size_t *off, size_t *len)
{
    struct jsonpos *p = st->p;
    *off = p->alen;
    *len = 0;
    if (self < 0)
        return 0;
    size_t need = jsonpath_segment(NULL, 0, self == 0, st->key, st->keylen);
    if (jsonpos_grow((void **)&p->arena, &p->acap, p->alen + need + 1, 1) != 0)
        return -1;
    jsonpath_segment(p->arena + p->alen, need + 1, self == 0, st->key, st->keylen);
    p->alen += need;
    *len = need;
    return 0;
}

static int jsonpos_member(struct jsonpos_st *st, int self, int oline, int ocol, cJSON *obj)
{
    jsonpos_ws(st);
    int c = jsonpos_peek(st);
    if (c < 0)
        return jsonpos_fail_at(st, JSONPOS_E_EOF_IN_OBJECT, oline, ocol, st->i);
    if (c != '"') {
        if (c == '/' || c == '\'' || jsonpos_at_fullwidth_space(st))
            return jsonpos_bad_start(st, c);
        return jsonpos_fail(st, jsonpos_is_word(c) ? JSONPOS_E_UNQUOTED_KEY
                                                   : JSONPOS_E_EXPECTED_KEY);
    }
    int kline = st->line, kcol = st->col;
    if (jsonpos_string(st) != 0)
        return -1;
    jsonpos_ws(st);
    c = jsonpos_peek(st);
    if (c != ':')
        return c < 0 ? jsonpos_fail_at(st, JSONPOS_E_EOF_IN_OBJECT, oline, ocol, st->i)
                     : jsonpos_fail(st, JSONPOS_E_EXPECTED_COLON);
    jsonpos_adv(st);
    jsonpos_ws(st);
    if (jsonpos_peek(st) < 0)
        return jsonpos_fail_at(st, JSONPOS_E_EOF_IN_OBJECT, oline, ocol, st->i);
    size_t off, len;
    char *key = str_dup(st->key); /* the value's strings reuse st->key */
    if (!key || jsonpos_key_seg(st, self, &off, &len) != 0) {
        free(key);
        return jsonpos_nomem(st);
    }
    cJSON *item = NULL;
    int rc = jsonpos_value(st, self, off, len, kline, kcol, &item);
    if (rc == 0)
        cJSON_AddItemToObject(obj, key, item); /* duplicates too, as cJSON keeps them */
    free(key);
    return rc;
}

static int jsonpos_element(struct jsonpos_st *st, int self, int index, int oline, int ocol,
                           cJSON *arr)
{
    jsonpos_ws(st);
    if (jsonpos_peek(st) < 0)
        return jsonpos_fail_at(st, JSONPOS_E_EOF_IN_ARRAY, oline, ocol, st->i);
    struct jsonpos *p = st->p;
    size_t off = p->alen, len = 0;
    if (self >= 0) {
        char seg[24];
        int n = snprintf(seg, sizeof seg, "[%d]", index);
        if (n < 0 || jsonpos_grow((void **)&p->arena, &p->acap, p->alen + (size_t)n + 1, 1) != 0)
            return jsonpos_nomem(st);
        memcpy(p->arena + p->alen, seg, (size_t)n);
        p->alen += (size_t)n;
        len = (size_t)n;
    }
    cJSON *item = NULL;
    int rc = jsonpos_value(st, self, off, len, 0, 0, &item);
    if (rc == 0)
        cJSON_AddItemToArray(arr, item);
    return rc;
}

/* Shared loop of objects and arrays after the opening bracket. */
static int jsonpos_container(struct jsonpos_st *st, int self, int in_object, cJSON *node)
{
    int oline = st->line, ocol = st->col;
    char close = in_object ? '}' : ']';
    if (++st->depth > JSONPOS_MAX_DEPTH)
        return jsonpos_fail(st, JSONPOS_E_TOO_DEEP);
    jsonpos_adv(st);
    jsonpos_ws(st);
    if (jsonpos_peek(st) == close) {
        jsonpos_adv(st);
        st->depth--;
        return 0;
    }
    for (int index = 0;; index++) {
        if (in_object ? jsonpos_member(st, self, oline, ocol, node) != 0
                      : jsonpos_element(st, self, index, oline, ocol, node) != 0)
            return -1;
        jsonpos_ws(st);
        int c = jsonpos_peek(st);
        if (c == close)
            break;
        if (c != ',')
            return jsonpos_after_error(st, in_object, oline, ocol);
        int cline = st->line, ccol = st->col;
        size_t coff = st->i;
        jsonpos_adv(st);
        jsonpos_ws(st);
        if (jsonpos_peek(st) == close)
            return jsonpos_fail_at(st, JSONPOS_E_TRAILING_COMMA, cline, ccol, coff);
    }
    jsonpos_adv(st);
    st->depth--;
    return 0;
}

/* One value, recorded at its path and built into *out (owned by the caller
 * when 0 is returned, freed here otherwise). */
static int jsonpos_value(struct jsonpos_st *st, int parent, size_t seg_off, size_t seg_len,
                         int kline, int kcol, cJSON **out)
{
    jsonpos_ws(st);
    int c = jsonpos_peek(st);
    if (!jsonpos_value_start(c))
        return jsonpos_bad_start(st, c);
    int self;
    int dup = jsonpos_add(st, parent, seg_off, seg_len, kline, kcol, &self);
    if (dup < 0)
        return jsonpos_nomem(st);
    st->mute += dup;
    int rc;
    *out = NULL;
    if (c == '{' || c == '[') {
        *out = c == '{' ? cJSON_CreateObject() : cJSON_CreateArray();
        rc = *out ? jsonpos_container(st, self, c == '{', *out) : jsonpos_nomem(st);
    } else if (c == '"') {
        rc = jsonpos_string(st);
        if (rc == 0 && !(*out = cJSON_CreateString(st->key)))
            rc = jsonpos_nomem(st);
    } else if (c == '-' || (c >= '0' && c <= '9')) {
        rc = jsonpos_number(st, out);
    } else {
        rc = jsonpos_literal(st, out);
    }
    st->mute -= dup;
    if (rc != 0) {
        cJSON_Delete(*out);
        *out = NULL;
    }
    return rc;
}

struct jsonpos *jsonpos_scan(const char *buf, size_t len, struct jsonpos_syntax *syntax,
                             cJSON **tree)
{
    cJSON *root = NULL;
    struct jsonpos_st st = {(const unsigned char *)buf, len, 0, 1, 1, 0, 0, NULL, syntax,
                            NULL, 0, 0};
    memset(syntax, 0, sizeof *syntax);
    st.p = calloc(1, sizeof *st.p);
    if (!st.p) {
        syntax->err = JSONPOS_E_NOMEM;
        return NULL;
    }
    int rc = jsonpos_grow((void **)&st.p->arena, &st.p->acap, 1, 1) != 0
                 ? jsonpos_nomem(&st)
                 : jsonpos_value(&st, -1, 0, 0, 0, 0, &root);
    if (rc == 0) {
        jsonpos_ws(&st);
        if (st.i < st.n)
            rc = jsonpos_fail(&st, jsonpos_peek(&st) == '/' ? JSONPOS_E_COMMENT
                                                             : JSONPOS_E_TRAILING_DATA);
    }
    free(st.key);
    if (rc != 0) {
        cJSON_Delete(root);
        jsonpos_free(st.p);
        return NULL;
    }
    if (tree)
        *tree = root;
    else
        cJSON_Delete(root);
    return st.p;
}

void jsonpos_free(struct jsonpos *p)
{
    if (!p)
        return;
    for (int i = 0; i < p->ndups; i++)
        free(p->dups[i].path);
    free(p->dups);
    free(p->e);
    free(p->arena);
    free(p->slots);
    free(p);
}

/* Length of path without its last segment ("a.b[2]" -> "a.b" -> "a" -> ""). */
static size_t jsonpos_parent_len(const char *path, size_t len)
{
    size_t last = 0;
    int inq = 0, esc = 0;
    for (size_t k = 0; k < len; k++) {
        char c = path[k];
        if (inq) {
            if (esc)
                esc = 0;
            else if (c == '\\')
                esc = 1;
            else if (c == '"')
                inq = 0;
        } else if (c == '"') {
            inq = 1;
        } else if (c == '.' || c == '[') {
            last = k;
        }
    }
    return last;
}

static int jsonpos_find_impl(const struct jsonpos *p, const char *path, int key, int *line,
                             int *col)
{
    *line = *col = 0;
    if (!p || !path)
        return -1;
    size_t len = strlen(path);
    for (int up = 0;; up = 1) {
        int e = jsonpos_lookup(p, path, len);
        if (e >= 0) {
            int use_key = key && !up && p->e[e].kline > 0;
            *line = use_key ? p->e[e].kline : p->e[e].line;
            *col = use_key ? p->e[e].kcol : p->e[e].col;
            return up;
        }
        if (len == 0)
            return -1;
        len = jsonpos_parent_len(path, len);
    }
}

int jsonpos_find(const struct jsonpos *p, const char *path, int *line, int *col)
{
    return jsonpos_find_impl(p, path, 0, line, col);
}

int jsonpos_find_key(const struct jsonpos *p, const char *path, int *line, int *col)
{
    return jsonpos_find_impl(p, path, 1, line, col);
}

int jsonpos_dup_count(const struct jsonpos *p)
{
    return p ? p->ndups : 0;
}

const char *jsonpos_dup_get(const struct jsonpos *p, int i, int *line, int *col)
{
    if (!p || i < 0 || i >= p->ndups)
        return NULL;
    *line = p->dups[i].line;
    *col = p->dups[i].col;
    return p->dups[i].path;
}
