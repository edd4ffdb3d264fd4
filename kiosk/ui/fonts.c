#define _GNU_SOURCE /* dl_iterate_phdr */
#include "fonts.h"
#include "file.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <hb.h>
#include <link.h>

#include "fontfind.h"
#include "msg.h"
#include "sha256.h"
#include "utf8.h"

#define FONTS_MAX_CHAINS 12
#define FONTS_MAX_FILES 4
#define FONTS_MAX_FACES (FONTS_MAX_CHAINS * FONTS_MAX_FILES)
#define FONTS_MAX_OPEN 8 /* (face, bold) handles: home with six languages needs 8 */
#define FONTS_PATH_MAX 512

/* One font file and face, shared by every chain that names it. */
struct fonts_face {
    char path[FONTS_PATH_MAX];
    char bold_path[FONTS_PATH_MAX]; /* "" if no bold sibling */
    int face;
};
struct fonts_chain {
    char lang[I18N_LANG_MAX];
    int n;
    int faces[FONTS_MAX_FILES]; /* indexes into fonts.faces */
};
struct fonts_open {
    int face, bold, px;
    TTF_Font *font; /* NULL = free slot */
    unsigned long used;
};
/* A file name already looked for (fontfind walks whole folder trees). */
struct fonts_found {
    char name[FONTS_PATH_MAX];
    char path[FONTS_PATH_MAX]; /* "" = not found */
    char tried[1024];
};
/* A (face, bold) handle fonts_prefetch_run opens. */
struct fonts_want {
    int face, bold;
};
struct fonts {
    int n_chains;
    struct fonts_chain chains[FONTS_MAX_CHAINS];
    int n_faces;
    struct fonts_face faces[FONTS_MAX_FACES];
    struct fonts_open open[FONTS_MAX_OPEN];
    unsigned long clock;
    int n_found;
    struct fonts_found *found; /* only during fonts_create */
    /* While the start-up thread opens the first frame's faces, the main
     * thread draws with those already open (FreeType lets one thread load
     * glyphs of a face while another opens a face) but opens and closes
     * none itself: FreeType's face creation and destruction must not run on
     * two threads at once. lock guards open[] and clock; changed is
     * signalled at each face the thread adds, and when it is done. */
    pthread_mutex_t lock;
    pthread_cond_t changed;
    int prefetching;
    int n_want;
    struct fonts_want want[FONTS_MAX_OPEN];
    int hold_at; /* the run waits before want[hold_at] until released; 0: no wait */
};

/* Built-in chain when the config names none: BIZ UD, then Noto CJK JP. */
static const char *const fonts_default_specs[] = {"BIZUDPGothic-Regular.ttf",
                                                  "NotoSansCJK-Regular.ttc#0"};

static void fonts_bold_sibling(struct fonts_face *ff)
{
    char path[FONTS_PATH_MAX];
    memcpy(path, ff->path, sizeof path);
    ff->bold_path[0] = '\0';
    const char *reg = strstr(path, "-Regular.");
    if (!reg)
        return;
    size_t pre = (size_t)(reg - path);
    int n = snprintf(ff->bold_path, sizeof ff->bold_path, "%.*s-Bold.%s", (int)pre, path,
                     reg + strlen("-Regular."));
    FILE *fp = (n > 0 && (size_t)n < sizeof ff->bold_path) ? fopen(ff->bold_path, "rb") : NULL;
    if (fp)
        fclose(fp);
    else
        ff->bold_path[0] = '\0';
}

/* fontfind_resolve, once per file name: "X.ttc#0" and "X.ttc#3" are one
 * search. Specs whose name holds another '#' are not memoised. */
static int fonts_resolve(struct fonts *f, const char *spec, const char *fonts_dir, char *path,
                         int *face, char *tried, size_t triedsz)
{
    const char *hash = strrchr(spec, '#');
    size_t len = hash ? (size_t)(hash - spec) : strlen(spec);
    if (!f->found || len >= FONTS_PATH_MAX || memchr(spec, '#', len))
        return fontfind_resolve(spec, fonts_dir, path, FONTS_PATH_MAX, face, tried, triedsz);
    struct fonts_found *hit = NULL;
    for (int i = 0; i < f->n_found && !hit; i++)
        if (strlen(f->found[i].name) == len && memcmp(f->found[i].name, spec, len) == 0)
            hit = &f->found[i];
    if (!hit && f->n_found < FONTS_MAX_FACES) {
        hit = &f->found[f->n_found++];
        memcpy(hit->name, spec, len);
        hit->name[len] = '\0';
        int ignored;
        if (fontfind_resolve(hit->name, fonts_dir, hit->path, sizeof hit->path, &ignored,
                             hit->tried, sizeof hit->tried) != 0)
            hit->path[0] = '\0';
    }
    if (!hit)
        return fontfind_resolve(spec, fonts_dir, path, FONTS_PATH_MAX, face, tried, triedsz);
    /* The face index as fontfind reads it. */
    *face = 0;
    if (hash) {
        char *end = NULL;
        long v = strtol(hash + 1, &end, 10);
        if (end && *end == '\0' && v >= 0 && v < 64)
            *face = (int)v;
    }
    snprintf(tried, triedsz, "%s", hit->tried);
    if (!hit->path[0])
        return -1;
    memcpy(path, hit->path, FONTS_PATH_MAX);
    return 0;
}

/* The index of path's face, added if new; -1 if the table is full. */
static int fonts_face_index(struct fonts *f, const char *path, int face)
{
    for (int i = 0; i < f->n_faces; i++)
        if (f->faces[i].face == face && strcmp(f->faces[i].path, path) == 0)
            return i;
    if (f->n_faces >= FONTS_MAX_FACES)
        return -1;
    struct fonts_face *ff = &f->faces[f->n_faces];
    snprintf(ff->path, sizeof ff->path, "%s", path);
    ff->face = face;
    fonts_bold_sibling(ff);
    return f->n_faces++;
}

static void fonts_add_chain(struct fonts *f, const char *lang, char *const *specs, int n,
                            const char *fonts_dir)
{
    if (f->n_chains >= FONTS_MAX_CHAINS)
        return;
    struct fonts_chain *c = &f->chains[f->n_chains];
    memset(c, 0, sizeof *c);
    size_t ll = strnlen(lang, sizeof c->lang - 1);
    memcpy(c->lang, lang, ll);
    c->lang[ll] = '\0';
    for (int i = 0; i < n && c->n < FONTS_MAX_FILES; i++) {
        char path[FONTS_PATH_MAX], tried[1024];
        int face;
        if (fonts_resolve(f, specs[i], fonts_dir, path, &face, tried, sizeof tried) != 0) {
            msg_warn("font %s not found (tried %s)", specs[i], tried);
            continue;
        }
        int idx = fonts_face_index(f, path, face);
        if (idx >= 0)
            c->faces[c->n++] = idx;
    }
    if (c->n > 0)
        f->n_chains++;
}

struct fonts *fonts_create(const struct config *cfg, const char *fonts_dir)
{
    struct fonts *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    pthread_mutex_init(&f->lock, NULL);
    pthread_cond_init(&f->changed, NULL);
    f->found = calloc(FONTS_MAX_FACES, sizeof *f->found); /* NULL: no memo, still works */
    for (int i = 0; cfg && i < cfg->kiosk.n_fonts; i++) {
        const struct config_font_chain *fc = &cfg->kiosk.fonts[i];
        fonts_add_chain(f, fc->lang, fc->files, fc->n, fonts_dir);
    }
    /* Always keep a default chain last, so every language finds a font. */
    fonts_add_chain(f, "", (char *const *)fonts_default_specs, 2, fonts_dir);
    free(f->found);
    f->found = NULL;
    f->n_found = 0;
    if (f->n_chains == 0) {
        msg_error("no usable font: put BIZUDPGothic-Regular.ttf in %s or install "
                  "fonts-morisawa-bizud-gothic", fonts_dir ? fonts_dir : "fonts/");
        fonts_destroy(f);
        return NULL;
    }
    return f;
}

/* A held run goes on (f->lock held). */
static void fonts_release_locked(struct fonts *f)
{
    if (f->hold_at) {
        f->hold_at = 0;
        pthread_cond_broadcast(&f->changed);
    }
}

void fonts_prefetch_release(struct fonts *f)
{
    if (!f)
        return;
    pthread_mutex_lock(&f->lock);
    fonts_release_locked(f);
    pthread_mutex_unlock(&f->lock);
}

/* Locks f once no start-up thread opens faces in it. */
static void fonts_lock_quiet(struct fonts *f)
{
    pthread_mutex_lock(&f->lock);
    fonts_release_locked(f);
    while (f->prefetching)
        pthread_cond_wait(&f->changed, &f->lock);
}

void fonts_destroy(struct fonts *f)
{
    if (!f)
        return;
    fonts_lock_quiet(f); /* a start-up thread touches f no more once it is quiet */
    pthread_mutex_unlock(&f->lock);
    for (int i = 0; i < FONTS_MAX_OPEN; i++)
        if (f->open[i].font)
            TTF_CloseFont(f->open[i].font);
    pthread_cond_destroy(&f->changed);
    pthread_mutex_destroy(&f->lock);
    free(f);
}

int fonts_open_count(struct fonts *f)
{
    int n = 0;
    pthread_mutex_lock(&f->lock);
    for (int i = 0; i < FONTS_MAX_OPEN; i++)
        n += f->open[i].font != NULL;
    pthread_mutex_unlock(&f->lock);
    return n;
}

int fonts_chain_id(struct fonts *f, const char *lang)
{
    for (int i = 0; i < f->n_chains; i++)
        if (strcmp(f->chains[i].lang, lang) == 0)
            return i;
    for (int i = 0; i < f->n_chains; i++)
        if (f->chains[i].lang[0] == '\0' || strcmp(f->chains[i].lang, "default") == 0)
            return i;
    return f->n_chains - 1;
}

int fonts_trim(struct fonts *f, const char *lang, int only_count)
{
    const struct fonts_chain *c = lang ? &f->chains[fonts_chain_id(f, lang)] : NULL;
    int n = 0;
    fonts_lock_quiet(f);
    for (int i = 0; i < FONTS_MAX_OPEN; i++) {
        struct fonts_open *o = &f->open[i];
        int named = 0;
        for (int k = 0; c && k < c->n && !named; k++)
            named = c->faces[k] == o->face;
        if (!o->font || named)
            continue;
        n++;
        if (only_count)
            continue;
        TTF_CloseFont(o->font);
        o->font = NULL;
    }
    pthread_mutex_unlock(&f->lock);
    return n;
}

/* A font file read through its descriptor with pread at the stream's own
 * position: a seek costs no system call and the many small reads FreeType
 * makes (a glyph's outline, a table entry) come from four 8 KiB blocks, where
 * stdio's FILE did an lseek for each seek and a read for each 4 KiB (about
 * 21,000 system calls before the first frame of home). Never mapped: a file
 * cut short or copied over while the kiosk runs reads short, which FreeType
 * reports as an error (logged by the caller), where a mapping would crash
 * the kiosk with SIGBUS. */
#define FONTS_BLOCK 8192
#define FONTS_BLOCKS 4 /* FreeType reads from a few places in turn (cmap, loca, glyf) */
struct fonts_block {
    Sint64 at; /* file offset, -1 = empty */
    size_t len;
    unsigned long used;
    unsigned char b[FONTS_BLOCK];
};
struct fonts_stream {
    FILE *fp; /* owned; its descriptor is read with pread */
    Sint64 size, pos;
    unsigned long clock;
    struct fonts_block blk[FONTS_BLOCKS];
};

static Sint64 SDLCALL fonts_stream_size(SDL_RWops *rw)
{
    return ((struct fonts_stream *)rw->hidden.unknown.data1)->size;
}

static Sint64 SDLCALL fonts_stream_seek(SDL_RWops *rw, Sint64 off, int whence)
{
    struct fonts_stream *st = rw->hidden.unknown.data1;
    Sint64 base = whence == RW_SEEK_SET ? 0 : whence == RW_SEEK_CUR ? st->pos : st->size;
    if (base + off < 0)
        return SDL_SetError("font stream: seek before the start");
    st->pos = base + off;
    return st->pos;
}

/* Up to n bytes at off into dst; the count read (short at the file's end). */
static size_t fonts_stream_pread(struct fonts_stream *st, void *dst, size_t n, Sint64 off)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = pread(fileno(st->fp), (char *)dst + got, n - got, (off_t)(off + (Sint64)got));
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    return got;
}

static size_t SDLCALL fonts_stream_read(SDL_RWops *rw, void *dst, size_t size, size_t num)
{
    struct fonts_stream *st = rw->hidden.unknown.data1;
    if (size == 0 || num == 0)
        return 0;
    size_t n = size * num, got;
    struct fonts_block *hit = NULL, *old = &st->blk[0];
    for (int i = 0; i < FONTS_BLOCKS && !hit; i++) {
        struct fonts_block *b = &st->blk[i];
        if (b->at >= 0 && st->pos >= b->at && st->pos + (Sint64)n <= b->at + (Sint64)b->len)
            hit = b;
        else if (b->used < old->used)
            old = b;
    }
    if (hit) {
        memcpy(dst, hit->b + (st->pos - hit->at), n);
        hit->used = ++st->clock;
        got = n;
    } else if (n >= FONTS_BLOCK / 2) {
        got = fonts_stream_pread(st, dst, n, st->pos);
    } else {
        old->len = fonts_stream_pread(st, old->b, FONTS_BLOCK, st->pos);
        old->at = st->pos;
        old->used = ++st->clock;
        got = n < old->len ? n : old->len;
        memcpy(dst, old->b, got);
    }
    st->pos += (Sint64)got;
    return got / size;
}

static int SDLCALL fonts_stream_close(SDL_RWops *rw)
{
    struct fonts_stream *st = rw->hidden.unknown.data1;
    fclose(st->fp);
    free(st);
    SDL_FreeRW(rw);
    return 0;
}

/* A stream over fp (taken: closed with the stream, or here on failure). */
static SDL_RWops *fonts_stream_open(FILE *fp)
{
    struct stat sb;
    struct fonts_stream *st = calloc(1, sizeof *st);
    SDL_RWops *rw = st ? SDL_AllocRW() : NULL;
    if (!rw || fstat(fileno(fp), &sb) != 0) {
        free(st);
        if (rw)
            SDL_FreeRW(rw);
        fclose(fp);
        return NULL;
    }
    st->fp = fp;
    st->size = (Sint64)sb.st_size;
    for (int i = 0; i < FONTS_BLOCKS; i++)
        st->blk[i].at = -1;
    rw->size = fonts_stream_size;
    rw->seek = fonts_stream_seek;
    rw->read = fonts_stream_read;
    rw->write = NULL;
    rw->close = fonts_stream_close;
    rw->type = SDL_RWOPS_UNKNOWN;
    rw->hidden.unknown.data1 = st;
    return rw;
}

/* face's file (its Bold sibling with bold) opened at px; NULL, logged, if
 * it cannot be. Read through a file stream, not memory-mapped: a
 * maintainer may copy a new font over the old file while the kiosk runs,
 * and a mapped file cut short under it would crash the kiosk (SIGBUS). */
static TTF_Font *fonts_load(const struct fonts_face *ff, int px, int bold)
{
    const char *fpath = bold ? ff->bold_path : ff->path;
    char why[128];
    FILE *fp = file_fopen_regular(fpath, why, sizeof why); /* never a FIFO */
    if (!fp) {
        msg_warn("cannot open font %s: %s", fpath, why);
        return NULL;
    }
    SDL_RWops *rw = fonts_stream_open(fp);
    TTF_Font *font = rw ? TTF_OpenFontIndexRW(rw, 1, px, ff->face) : NULL;
    if (!font)
        msg_warn("cannot open font %s: %s", ff->path, TTF_GetError());
    else
        TTF_SetFontHinting(font, FONTS_HINTING);
    return font;
}

/* The open handle for (face, bold), or NULL. f->lock held. */
static struct fonts_open *fonts_find(struct fonts *f, int face, int bold)
{
    for (int i = 0; i < FONTS_MAX_OPEN; i++) {
        struct fonts_open *o = &f->open[i];
        if (o->font && o->face == face && o->bold == bold) {
            o->used = ++f->clock;
            return o;
        }
    }
    return NULL;
}

/* The handle for face (bold if it has a Bold file), opened at px if new,
 * else left at whatever size it has: coverage does not depend on size.
 * While the start-up thread opens faces, waits for it to add this one
 * (or to finish, for a face it does not open). */
static struct fonts_open *fonts_open(struct fonts *f, int face, int px, int bold)
{
    const struct fonts_face *ff = &f->faces[face];
    bold = bold && ff->bold_path[0];
    pthread_mutex_lock(&f->lock);
    struct fonts_open *o;
    while (!(o = fonts_find(f, face, bold)) && f->prefetching) {
        fonts_release_locked(f); /* a held run: this face may be after the hold */
        pthread_cond_wait(&f->changed, &f->lock);
    }
    if (!o) {
        int oldest = 0;
        for (int i = 1; i < FONTS_MAX_OPEN; i++)
            if (f->open[oldest].font && (!f->open[i].font || f->open[i].used < f->open[oldest].used))
                oldest = i;
        o = &f->open[oldest];
        if (o->font)
            TTF_CloseFont(o->font);
        o->font = fonts_load(ff, px, bold);
        if (o->font)
            *o = (struct fonts_open){face, bold, px, o->font, ++f->clock};
        else
            o = NULL;
    }
    pthread_mutex_unlock(&f->lock);
    return o;
}

/* o's font at px: the same metrics and glyphs as a font opened at px
 * (TTF_OpenFontIndex itself ends in TTF_SetFontSize). */
static TTF_Font *fonts_sized(struct fonts_open *o, int px)
{
    if (!o)
        return NULL;
    if (o->px != px) {
        if (TTF_SetFontSize(o->font, px) != 0) {
            msg_warn("cannot set font size %d: %s", px, TTF_GetError());
            return NULL;
        }
        o->px = px;
    }
    return o->font;
}

/* Appends to buf at *at, cut at its size (the signature is only hashed). */
static void fonts_sig_add(char *buf, size_t size, size_t *at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void fonts_sig_add(char *buf, size_t size, size_t *at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf + *at, size - *at, fmt, ap);
    va_end(ap);
    if (n > 0)
        *at = *at + (size_t)n < size ? *at + (size_t)n : size - 1;
}

/* Appends "path size mtime ctime dev:ino;" (or "path -;" if it cannot be
 * stat'ed) at *at. */
static void fonts_sig_file(char *buf, size_t size, size_t *at, const char *path)
{
    struct stat sb;
    if (!path[0])
        fonts_sig_add(buf, size, at, "-;");
    else if (stat(path, &sb) != 0)
        fonts_sig_add(buf, size, at, "%s -;", path);
    else
        fonts_sig_add(buf, size, at, "%s %lld %lld.%09ld %lld.%09ld %llu:%llu;", path,
                      (long long)sb.st_size, (long long)sb.st_mtim.tv_sec, sb.st_mtim.tv_nsec,
                      (long long)sb.st_ctim.tv_sec, sb.st_ctim.tv_nsec,
                      (unsigned long long)sb.st_dev, (unsigned long long)sb.st_ino);
}

struct fonts_sig_libs {
    char *buf;
    size_t size, *at;
};

/* The drawing libraries' files as loaded (a rebuild with the same version
 * number, such as a security update, is another file). */
static int fonts_sig_lib(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    struct fonts_sig_libs *l = data;
    static const char *const names[] = {"libfreetype", "libharfbuzz", "libSDL2_ttf",
                                        "libSDL2-"};
    const char *base = info->dlpi_name ? strrchr(info->dlpi_name, '/') : NULL;
    for (size_t i = 0; base && i < sizeof names / sizeof names[0]; i++)
        if (strncmp(base + 1, names[i], strlen(names[i])) == 0)
            fonts_sig_file(l->buf, l->size, l->at, info->dlpi_name);
    return 0;
}

int fonts_signature(const struct fonts *f, const char *extra, uint8_t out[SHA256_BYTES])
{
    size_t size = 2048 + strlen(extra) +
                  (size_t)f->n_chains * FONTS_MAX_FILES * 2 * (FONTS_PATH_MAX + 96);
    char *buf = malloc(size);
    if (!buf)
        return -1;
    SDL_version ttf;
    SDL_TTF_VERSION(&ttf);
    struct { int major, minor, patch; } ft, hb;
    TTF_GetFreeTypeVersion(&ft.major, &ft.minor, &ft.patch);
    TTF_GetHarfBuzzVersion(&hb.major, &hb.minor, &hb.patch);
    const SDL_version *linked = TTF_Linked_Version();
    const char *lang = hb_language_to_string(hb_language_get_default());
    /* and FreeType's and HarfBuzz's own settings from the environment */
    const char *ftp = getenv("FREETYPE_PROPERTIES"), *hbo = getenv("HB_OPTIONS");
    size_t at = 0;
    fonts_sig_add(buf, size, &at, "SDL_ttf %d.%d.%d/%d.%d.%d FreeType %d.%d.%d HarfBuzz %d.%d.%d "
                  "hinting %d language %s|%s|FREETYPE_PROPERTIES=%s HB_OPTIONS=%s|",
                  ttf.major, ttf.minor, ttf.patch, linked->major, linked->minor, linked->patch,
                  ft.major, ft.minor, ft.patch, hb.major, hb.minor, hb.patch, FONTS_HINTING,
                  lang ? lang : "-", extra, ftp ? ftp : "", hbo ? hbo : "");
    struct fonts_sig_libs libs = {buf, size, &at};
    dl_iterate_phdr(fonts_sig_lib, &libs);
    for (int i = 0; i < f->n_chains; i++) {
        const struct fonts_chain *c = &f->chains[i];
        fonts_sig_add(buf, size, &at, "[%s]", c->lang);
        for (int k = 0; k < c->n; k++) {
            const struct fonts_face *ff = &f->faces[c->faces[k]];
            fonts_sig_add(buf, size, &at, "#%d ", ff->face);
            fonts_sig_file(buf, size, &at, ff->path);
            fonts_sig_file(buf, size, &at, ff->bold_path);
        }
    }
    int rc = sha256(buf, at, out);
    free(buf);
    return rc;
}

const char *fonts_file_of(struct fonts *f, const TTF_Font *font)
{
    const char *path = "?";
    pthread_mutex_lock(&f->lock);
    for (int i = 0; i < FONTS_MAX_OPEN; i++)
        if (f->open[i].font && f->open[i].font == font) {
            const struct fonts_face *ff = &f->faces[f->open[i].face];
            path = f->open[i].bold ? ff->bold_path : ff->path;
        }
    pthread_mutex_unlock(&f->lock);
    return path;
}

static int fonts_missing(TTF_Font *font, const char *text)
{
    int missing = 0;
    size_t adv;
    for (const char *p = text; *p; p += adv) {
        unsigned cp = utf8_decode(p, &adv);
        if (cp >= 0x20 && cp != 0xFFFD && !TTF_GlyphIsProvided32(font, cp))
            missing++;
    }
    return missing;
}

TTF_Font *fonts_pick(struct fonts *f, const char *lang, const char *text, int px, int bold,
                     int *missing)
{
    const struct fonts_chain *c = &f->chains[fonts_chain_id(f, lang)];
    int have_first = 0;
    int first_missing = 0;
    for (int i = 0; i < c->n; i++) {
        struct fonts_open *o = fonts_open(f, c->faces[i], px, bold);
        if (!o)
            continue;
        int m = fonts_missing(o->font, text);
        if (m == 0) {
            if (missing)
                *missing = 0;
            return fonts_sized(o, px);
        }
        if (!have_first) {
            have_first = 1;
            first_missing = m;
        }
    }
    if (missing)
        *missing = first_missing;
    return c->n ? fonts_sized(fonts_open(f, c->faces[0], px, bold), px) : NULL;
}

/* The regular and bold handles of the first face of lang's chain, if not
 * wanted yet. */
static void fonts_want_lang(struct fonts *f, const char *lang)
{
    const struct fonts_chain *c = &f->chains[fonts_chain_id(f, lang)];
    for (int bold = 0; c->n > 0 && bold <= 1; bold++) {
        struct fonts_want w = {c->faces[0], bold && f->faces[c->faces[0]].bold_path[0]};
        int dup = 0;
        for (int k = 0; k < f->n_want && !dup; k++)
            dup = f->want[k].face == w.face && f->want[k].bold == w.bold;
        if (!dup && f->n_want < FONTS_MAX_OPEN)
            f->want[f->n_want++] = w;
    }
}

void fonts_prefetch_plan(struct fonts *f, const struct config *cfg, int hold)
{
    f->n_want = 0;
    /* The default language first: the first frame's own texts (and the
     * clock's, which a text store never holds for long) are drawn in it. */
    fonts_want_lang(f, cfg->kiosk.default_language);
    int first = f->n_want;
    for (int i = 0; i < cfg->kiosk.n_languages; i++)
        fonts_want_lang(f, cfg->kiosk.languages[i]);
    f->hold_at = hold && first > 0 && first < f->n_want ? first : 0;
    f->prefetching = f->n_want > 0;
}

int fonts_prefetch_run(struct fonts *f)
{
    /* Scripts of every chain's text, so HarfBuzz reads each face's tables */
    static const char probe[] = "\xE5\x9B\xBD\xE3\x81\x82" "A\xED\x95\x9C"; /* 国あA한 */
    int opened = 0, n = f->n_want; /* f is not read after the last unlock: once
                                       prefetching is 0 it may be destroyed */
    for (int i = 0; i < n; i++) {
        pthread_mutex_lock(&f->lock);
        while (f->hold_at && i >= f->hold_at)
            pthread_cond_wait(&f->changed, &f->lock);
        pthread_mutex_unlock(&f->lock);
        /* Opened and probed before the main thread can see it. The main
         * thread opens no face meanwhile, and slots stay free for these. */
        TTF_Font *font = fonts_load(&f->faces[f->want[i].face], FONTS_PREFETCH_PX, f->want[i].bold);
        int w, h;
        if (font)
            TTF_SizeUTF8(font, probe, &w, &h);
        pthread_mutex_lock(&f->lock);
        struct fonts_open *slot = NULL;
        for (int k = 0; k < FONTS_MAX_OPEN && !slot; k++)
            if (!f->open[k].font)
                slot = &f->open[k];
        if (font && slot) {
            *slot = (struct fonts_open){f->want[i].face, f->want[i].bold, FONTS_PREFETCH_PX,
                                        font, ++f->clock};
            opened++;
        } else if (font) {
            TTF_CloseFont(font);
        }
        if (i == n - 1)
            f->prefetching = 0;
        pthread_cond_broadcast(&f->changed);
        pthread_mutex_unlock(&f->lock);
    }
    return opened;
}

int fonts_prefetch(struct fonts *f, const struct config *cfg)
{
    fonts_prefetch_plan(f, cfg, 0);
    return fonts_prefetch_run(f);
}
