#include "text_store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"
#include "sha256.h"

/* The file: magic, signature, three counts, the items, then the SHA-256 of
 * all bytes before it (a damaged byte would otherwise draw wrong pixels).
 * Integers little-endian, whatever the machine. */
static const char text_store_magic[8] = {'K', 'T', 'X', 'S', 'T', 'O', 'R', '1'};

void text_store_init(struct text_store *s, const uint8_t sig[TEXT_STORE_SIG_BYTES])
{
    memset(s, 0, sizeof *s);
    if (sig)
        memcpy(s->sig, sig, TEXT_STORE_SIG_BYTES);
}

void text_store_free(struct text_store *s)
{
    for (int i = 0; i < s->n_measures; i++)
        free(s->measures[i].text);
    for (int i = 0; i < s->n_texs; i++) {
        free(s->texs[i].text);
        free(s->texs[i].alpha);
    }
    free(s->measures);
    free(s->lhs);
    free(s->texs);
    uint8_t sig[TEXT_STORE_SIG_BYTES];
    memcpy(sig, s->sig, sizeof sig);
    text_store_init(s, sig);
}

/* Room for one more of n items of size each in *arr (grown by doubling). */
static int text_store_grow(void **arr, int n, size_t size)
{
    if (n >= TEXT_STORE_MAX_ITEMS)
        return -1;
    if (n != 0 && (n < 16 || (n & (n - 1)) != 0))
        return 0; /* room left: the capacity is 16, then the next power of two */
    size_t cap = n ? (size_t)n * 2 : 16;
    void *p = realloc(*arr, cap * size);
    if (!p)
        return -1;
    *arr = p;
    return 0;
}

static char *text_store_strndup(const char *text, size_t len)
{
    char *t = malloc(len + 1);
    if (t) {
        memcpy(t, text, len);
        t[len] = '\0';
    }
    return t;
}

static int text_store_key_ok(int chain, int px, int bold)
{
    return chain >= 0 && chain < 65536 && px > 0 && px < 65536 && (bold == 0 || bold == 1);
}

int text_store_add_measure(struct text_store *s, int chain, int px, int bold, const char *text,
                           size_t len, int width)
{
    if (!text_store_key_ok(chain, px, bold) || len == 0 || len > TEXT_STORE_MAX_TEXT ||
        width < 0 || memchr(text, '\0', len) ||
        text_store_grow((void **)&s->measures, s->n_measures, sizeof *s->measures) != 0)
        return -1;
    char *t = text_store_strndup(text, len);
    if (!t)
        return -1;
    s->measures[s->n_measures++] = (struct text_store_measure){chain, px, bold, width, t};
    return 0;
}

int text_store_add_lh(struct text_store *s, int chain, int px, int bold, int lh)
{
    if (!text_store_key_ok(chain, px, bold) || lh < 0 || lh >= 65536 ||
        text_store_grow((void **)&s->lhs, s->n_lhs, sizeof *s->lhs) != 0)
        return -1;
    s->lhs[s->n_lhs++] = (struct text_store_lh){chain, px, bold, lh};
    return 0;
}

/* The ink box is inside the line box, or absent (all -1). */
static int text_store_box_ok(const struct text_store_tex *t)
{
    if (t->w < 1 || t->h < 1 || t->w > TEXT_STORE_MAX_SIDE || t->h > TEXT_STORE_MAX_LINE ||
        t->missing < 0 || t->missing > 65535)
        return 0;
    if (t->top < 0)
        return t->top == -1 && t->bottom == -1 && t->left == -1 && t->right == -1;
    return t->top <= t->bottom && t->bottom < t->h && t->left >= 0 && t->left <= t->right &&
           t->right < t->w;
}

static size_t text_store_alpha_bytes(const struct text_store_tex *t)
{
    return t->top < 0 ? 0 : (size_t)(t->right - t->left + 1) * (size_t)(t->bottom - t->top + 1);
}

int text_store_add_tex(struct text_store *s, const struct text_store_tex *t)
{
    size_t len = t->text ? strlen(t->text) : 0;
    if (!text_store_key_ok(t->chain, t->px, t->bold) || !text_store_box_ok(t) || len == 0 ||
        len > TEXT_STORE_MAX_TEXT || (t->top >= 0 && !t->alpha) || t->rgb > 0xFFFFFFu ||
        text_store_grow((void **)&s->texs, s->n_texs, sizeof *s->texs) != 0)
        return -1;
    struct text_store_tex c = *t;
    size_t n = text_store_alpha_bytes(t);
    c.text = text_store_strndup(t->text, len);
    c.alpha = n ? malloc(n) : NULL;
    if (!c.text || (n && !c.alpha)) {
        free(c.text);
        free(c.alpha);
        return -1;
    }
    if (n)
        memcpy(c.alpha, t->alpha, n);
    s->texs[s->n_texs++] = c;
    return 0;
}

/* ---- encoding ---- */

struct text_store_out {
    uint8_t *b;
    size_t n, cap;
    int failed;
};

static void out_bytes(struct text_store_out *o, const void *p, size_t n)
{
    if (o->failed || n == 0)
        return;
    if (o->n + n > o->cap) {
        size_t cap = o->cap ? o->cap : 4096;
        while (cap < o->n + n)
            cap *= 2;
        uint8_t *b = realloc(o->b, cap);
        if (!b) {
            o->failed = 1;
            return;
        }
        o->b = b;
        o->cap = cap;
    }
    memcpy(o->b + o->n, p, n);
    o->n += n;
}

static void out_uint(struct text_store_out *o, uint32_t v, int bytes)
{
    uint8_t b[4];
    for (int i = 0; i < bytes; i++)
        b[i] = (uint8_t)(v >> (8 * i));
    out_bytes(o, b, (size_t)bytes);
}

static void out_key(struct text_store_out *o, int chain, int px, int bold)
{
    out_uint(o, (uint32_t)chain, 2);
    out_uint(o, (uint32_t)px, 2);
    out_uint(o, (uint32_t)bold, 1);
}

static void out_text(struct text_store_out *o, const char *t)
{
    size_t len = strlen(t);
    out_uint(o, (uint32_t)len, 2);
    out_bytes(o, t, len);
}

int text_store_encode(const struct text_store *s, uint8_t **out, size_t *len)
{
    struct text_store_out o = {0};
    out_bytes(&o, text_store_magic, sizeof text_store_magic);
    out_bytes(&o, s->sig, TEXT_STORE_SIG_BYTES);
    out_uint(&o, (uint32_t)s->n_measures, 4);
    out_uint(&o, (uint32_t)s->n_lhs, 4);
    out_uint(&o, (uint32_t)s->n_texs, 4);
    for (int i = 0; i < s->n_measures; i++) {
        const struct text_store_measure *m = &s->measures[i];
        out_key(&o, m->chain, m->px, m->bold);
        out_uint(&o, (uint32_t)m->width, 4);
        out_text(&o, m->text);
    }
    for (int i = 0; i < s->n_lhs; i++) {
        out_key(&o, s->lhs[i].chain, s->lhs[i].px, s->lhs[i].bold);
        out_uint(&o, (uint32_t)s->lhs[i].lh, 4);
    }
    for (int i = 0; i < s->n_texs; i++) {
        const struct text_store_tex *t = &s->texs[i];
        out_key(&o, t->chain, t->px, t->bold);
        out_uint(&o, t->rgb, 4);
        out_uint(&o, (uint32_t)t->w, 2);
        out_uint(&o, (uint32_t)t->h, 2);
        out_uint(&o, (uint32_t)t->missing, 2);
        /* the ink box + 1: 0 stands for "no ink" */
        out_uint(&o, (uint32_t)(t->top + 1), 2);
        out_uint(&o, (uint32_t)(t->bottom + 1), 2);
        out_uint(&o, (uint32_t)(t->left + 1), 2);
        out_uint(&o, (uint32_t)(t->right + 1), 2);
        out_text(&o, t->text);
        out_bytes(&o, t->alpha, text_store_alpha_bytes(t));
    }
    uint8_t sum[SHA256_BYTES];
    if (!o.failed && sha256(o.b, o.n, sum) == 0)
        out_bytes(&o, sum, sizeof sum);
    else
        o.failed = 1;
    if (o.failed) {
        free(o.b);
        return -1;
    }
    *out = o.b;
    *len = o.n;
    return 0;
}

/* ---- decoding ---- */

struct text_store_in {
    const uint8_t *b;
    size_t n, at;
    int cut; /* a read went past the end */
};

static uint32_t in_uint(struct text_store_in *in, int bytes)
{
    if (in->cut || in->n - in->at < (size_t)bytes) {
        in->cut = 1;
        return 0;
    }
    uint32_t v = 0;
    for (int i = 0; i < bytes; i++)
        v |= (uint32_t)in->b[in->at + (size_t)i] << (8 * i);
    in->at += (size_t)bytes;
    return v;
}

static const uint8_t *in_bytes(struct text_store_in *in, size_t n)
{
    if (in->cut || in->n - in->at < n) {
        in->cut = 1;
        return NULL;
    }
    const uint8_t *p = in->b + in->at;
    in->at += n;
    return p;
}

static void in_key(struct text_store_in *in, int *chain, int *px, int *bold)
{
    *chain = (int)in_uint(in, 2);
    *px = (int)in_uint(in, 2);
    *bold = (int)in_uint(in, 1);
}

/* A text of at most TEXT_STORE_MAX_TEXT bytes with no NUL in it; *len. */
static const char *in_text(struct text_store_in *in, size_t *len)
{
    *len = in_uint(in, 2);
    const char *t = (const char *)in_bytes(in, *len);
    if (!t || *len == 0 || *len > TEXT_STORE_MAX_TEXT || memchr(t, '\0', *len))
        return NULL;
    return t;
}

static int text_store_fail(struct text_store *s, char *why, size_t whysz, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int text_store_fail(struct text_store *s, char *why, size_t whysz, const char *fmt, ...)
{
    text_store_free(s);
    if (why && whysz) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(why, whysz, fmt, ap);
        va_end(ap);
    }
    return -1;
}

int text_store_decode(const uint8_t *buf, size_t len, const uint8_t sig[TEXT_STORE_SIG_BYTES],
                      struct text_store *s, char *why, size_t whysz)
{
    text_store_init(s, sig);
    size_t head = sizeof text_store_magic + TEXT_STORE_SIG_BYTES + 12;
    if (len < head + SHA256_BYTES || memcmp(buf, text_store_magic, sizeof text_store_magic) != 0)
        return text_store_fail(s, why, whysz, "not a text store of this version, or cut short (%zu bytes)", len);
    uint8_t sum[SHA256_BYTES];
    if (sha256(buf, len - SHA256_BYTES, sum) != 0 ||
        memcmp(sum, buf + len - SHA256_BYTES, SHA256_BYTES) != 0)
        return text_store_fail(s, why, whysz, "checksum differs: the file is damaged or cut short");
    if (memcmp(buf + sizeof text_store_magic, sig, TEXT_STORE_SIG_BYTES) != 0)
        return text_store_fail(s, why, whysz,
                               "signature differs: fonts, libraries or hinting changed");
    struct text_store_in in = {buf, len - SHA256_BYTES, sizeof text_store_magic + TEXT_STORE_SIG_BYTES, 0};
    uint32_t nm = in_uint(&in, 4), nl = in_uint(&in, 4), nt = in_uint(&in, 4);
    if (nm > TEXT_STORE_MAX_ITEMS || nl > TEXT_STORE_MAX_ITEMS || nt > TEXT_STORE_MAX_ITEMS)
        return text_store_fail(s, why, whysz, "too many items (%u, %u, %u)", nm, nl, nt);
    for (uint32_t i = 0; i < nm; i++) {
        int chain, px, bold;
        size_t tl;
        in_key(&in, &chain, &px, &bold);
        int width = (int)in_uint(&in, 4);
        const char *t = in_text(&in, &tl);
        if (!t || text_store_add_measure(s, chain, px, bold, t, tl, width) != 0)
            return text_store_fail(s, why, whysz, "width %u of %u is invalid (byte %zu)", i + 1,
                                   nm, in.at);
    }
    for (uint32_t i = 0; i < nl; i++) {
        int chain, px, bold;
        in_key(&in, &chain, &px, &bold);
        int lh = (int)in_uint(&in, 4);
        if (in.cut || text_store_add_lh(s, chain, px, bold, lh) != 0)
            return text_store_fail(s, why, whysz, "line height %u of %u is invalid (byte %zu)",
                                   i + 1, nl, in.at);
    }
    for (uint32_t i = 0; i < nt; i++) {
        struct text_store_tex t;
        in_key(&in, &t.chain, &t.px, &t.bold);
        t.rgb = in_uint(&in, 4);
        t.w = (int)in_uint(&in, 2);
        t.h = (int)in_uint(&in, 2);
        t.missing = (int)in_uint(&in, 2);
        t.top = (int)in_uint(&in, 2) - 1;
        t.bottom = (int)in_uint(&in, 2) - 1;
        t.left = (int)in_uint(&in, 2) - 1;
        t.right = (int)in_uint(&in, 2) - 1;
        size_t tl;
        const char *text = in_text(&in, &tl);
        int ok = text && !in.cut && text_store_box_ok(&t);
        t.alpha = ok ? (uint8_t *)in_bytes(&in, text_store_alpha_bytes(&t)) : NULL;
        char copy[TEXT_STORE_MAX_TEXT + 1];
        if (ok) {
            memcpy(copy, text, tl);
            copy[tl] = '\0';
            t.text = copy;
        }
        if (!ok || in.cut || text_store_add_tex(s, &t) != 0)
            return text_store_fail(s, why, whysz, "text %u of %u is invalid (byte %zu)", i + 1,
                                   nt, in.at);
    }
    if (in.at != in.n)
        return text_store_fail(s, why, whysz, "%zu bytes after the last item", in.n - in.at);
    return 0;
}

/* ---- the file ---- */

int text_store_dir(const char *cache_directory, const char *xdg_cache_home, const char *home,
                   const char *package, char *out, size_t outsz)
{
    int n = -1;
    if (cache_directory && cache_directory[0] == '/') {
        size_t len = strcspn(cache_directory, ":"); /* systemd lists several with ':' */
        n = snprintf(out, outsz, "%.*s", (int)len, cache_directory);
    } else if (xdg_cache_home && xdg_cache_home[0] == '/') {
        n = snprintf(out, outsz, "%s/%s", xdg_cache_home, package);
    } else if (home && home[0] == '/') {
        n = snprintf(out, outsz, "%s/.cache/%s", home, package);
    }
    return n > 0 && (size_t)n < outsz ? 0 : -1;
}

static int text_store_err(char *why, size_t whysz, const char *what, const char *path)
{
    snprintf(why, whysz, "%s %s: %s", what, path, strerror(errno));
    return -1;
}

int text_store_load(const char *dir, const uint8_t sig[TEXT_STORE_SIG_BYTES],
                    struct text_store *s, char *why, size_t whysz)
{
    char path[1100];
    text_store_init(s, sig);
    if (snprintf(path, sizeof path, "%s/%s", dir, TEXT_STORE_FILE) >= (int)sizeof path)
        return text_store_fail(s, why, whysz, "path too long");
    char err[200];
    int fd = file_open_regular(path, err, sizeof err);
    struct stat sb;
    if (fd < 0)
        return text_store_fail(s, why, whysz, "cannot open %s: %s", path, err);
    if (fstat(fd, &sb) != 0 || sb.st_size > TEXT_STORE_MAX_FILE) {
        close(fd);
        return text_store_fail(s, why, whysz, "%s: larger than %ld bytes", path,
                               TEXT_STORE_MAX_FILE);
    }
    size_t n = (size_t)sb.st_size, got = 0;
    uint8_t *buf = malloc(n ? n : 1);
    while (buf && got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    int rc = buf ? text_store_decode(buf, got, sig, s, why, whysz)
                 : text_store_fail(s, why, whysz, "out of memory");
    free(buf);
    return rc;
}

/* mkdir -p for the last two levels of dir (the cache folder and its parent,
 * such as ~/.cache), 0700. */
static int text_store_mkdir(const char *dir)
{
    char parent[1024];
    snprintf(parent, sizeof parent, "%s", dir);
    char *slash = strrchr(parent, '/');
    if (slash && slash != parent) {
        *slash = '\0';
        if (mkdir(parent, 0700) != 0 && errno != EEXIST)
            return -1;
    }
    return mkdir(dir, 0700) != 0 && errno != EEXIST ? -1 : 0;
}

int text_store_save(const char *dir, const struct text_store *s, char *why, size_t whysz)
{
    char path[1100], tmp[1120];
    if (snprintf(path, sizeof path, "%s/%s", dir, TEXT_STORE_FILE) >= (int)sizeof path)
        return snprintf(why, whysz, "path too long"), -1;
    snprintf(tmp, sizeof tmp, "%s.XXXXXX", path);
    uint8_t *bytes;
    size_t len;
    if (text_store_encode(s, &bytes, &len) != 0)
        return snprintf(why, whysz, "out of memory"), -1;
    if (text_store_mkdir(dir) != 0) {
        free(bytes);
        return text_store_err(why, whysz, "cannot create", dir);
    }
    int fd = mkstemp(tmp);
    if (fd < 0) {
        free(bytes);
        return text_store_err(why, whysz, "cannot create", tmp);
    }
    int wrote = file_write_all(fd, bytes, len);
    free(bytes);
    /* No fsync: a cache. A power cut may leave an empty or torn file,
     * which its checksum refuses; the next start writes it again. */
    if (close(fd) != 0 || wrote != 0 || rename(tmp, path) != 0) {
        text_store_err(why, whysz, "cannot write", path);
        unlink(tmp);
        return -1;
    }
    return 0;
}
