#include "text.h"

#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "text_store.h"

/* Widths: a set-associative table (ways slots per set, LRU within a set),
 * bounded, allocation only when a new piece of text is measured. */
#define TEXT_MEASURE_SETS 512
#define TEXT_MEASURE_WAYS 8
#define TEXT_MEASURE_MAX 1023 /* longer text is measured by its first bytes, as before */
#define TEXT_LH_SLOTS 64
#define TEXT_TRANSIENT_KEEP 2 /* the clock now and the minute before */

struct text_entry {
    char *text; /* owned; NULL = free slot */
    uint32_t hash;
    int chain, px, bold;
    uint32_t rgb;
    SDL_Texture *tex;
    int w, h, missing;
    int transient; /* made under text_cache_transient */
    int ink_top, ink_bottom, ink_left, ink_right; /* the texture holds these rows and columns */
    int *ink_rows; /* owned, h counts */
    size_t bytes;  /* what the texture added to stats.bytes */
    unsigned long used;
    uint8_t *a8;  /* while recording: the ink's coverage, for the text store */
    int recorded; /* asked for while recording */
};
struct text_width {
    char *text; /* owned, len bytes (not terminated); NULL = free */
    uint32_t hash;
    int len, chain, px, bold, width;
    unsigned long used;
    int recorded; /* asked for while recording */
};
struct text_lh {
    int valid, chain, px, bold, lh;
    int recorded;
};

/* The rows the texture holds: those with ink (text_render crops it). */
static int text_tex_h(const struct text_entry *e)
{
    return e->ink_top >= 0 ? e->ink_bottom - e->ink_top + 1 : e->h;
}

static int text_tex_w(const struct text_entry *e)
{
    return e->ink_top >= 0 ? e->ink_right - e->ink_left + 1 : e->w;
}

static size_t text_entry_bytes(const struct text_entry *e)
{
    return (size_t)text_tex_w(e) * (size_t)text_tex_h(e) * 4;
}
struct text_cache {
    SDL_Renderer *r;
    struct fonts *fonts;
    int capacity;
    size_t max_bytes; /* the pixels' bound (text_cache_fit_window) */
    struct text_entry *e;
    unsigned long clock;
    struct text_cache_stats stats;
    struct text_width *widths; /* TEXT_MEASURE_SETS * TEXT_MEASURE_WAYS */
    struct text_lh lh[TEXT_LH_SLOTS];
    int transient; /* text_cache_transient */
    /* The text store (text_cache_seed, text_cache_record): */
    struct text_store *seed; /* the last start's first frame, or NULL */
    int recording;
    int seed_misses; /* texts made and widths measured while recording, not from seed */
};

struct text_cache *text_cache_create(SDL_Renderer *r, struct fonts *fonts, int capacity)
{
    struct text_cache *tc = calloc(1, sizeof *tc);
    if (!tc)
        return NULL;
    tc->e = calloc((size_t)capacity, sizeof *tc->e);
    tc->widths = calloc(TEXT_MEASURE_SETS * TEXT_MEASURE_WAYS, sizeof *tc->widths);
    if (!tc->e || !tc->widths) {
        free(tc->e);
        free(tc->widths);
        free(tc);
        return NULL;
    }
    tc->r = r;
    tc->fonts = fonts;
    tc->max_bytes = TEXT_CACHE_MAX_BYTES;
    tc->capacity = capacity;
    return tc;
}

static void text_entry_drop(struct text_cache *tc, struct text_entry *e)
{
    if (e->tex)
        SDL_DestroyTexture(e->tex);
    tc->stats.bytes -= e->bytes;
    free(e->text);
    free(e->ink_rows);
    free(e->a8);
    memset(e, 0, sizeof *e);
}

void text_cache_clear(struct text_cache *tc)
{
    text_cache_store_done(tc); /* the store's chains are the old fonts' */
    for (int i = 0; i < tc->capacity; i++)
        if (tc->e[i].text)
            text_entry_drop(tc, &tc->e[i]);
    tc->stats.entries = 0;
    tc->stats.bytes = 0;
    for (int i = 0; i < TEXT_MEASURE_SETS * TEXT_MEASURE_WAYS; i++) {
        free(tc->widths[i].text);
        memset(&tc->widths[i], 0, sizeof tc->widths[i]);
    }
    memset(tc->lh, 0, sizeof tc->lh);
}

void text_cache_destroy(struct text_cache *tc)
{
    if (!tc)
        return;
    text_cache_store_done(tc);
    text_cache_clear(tc);
    free(tc->widths);
    free(tc->e);
    free(tc);
}

static uint32_t text_hash_bytes(const char *s, size_t len)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static uint32_t text_hash(const char *s, int chain, int px, int bold, uint32_t rgb)
{
    uint32_t h = text_hash_bytes(s, strlen(s));
    h ^= (uint32_t)chain * 0x9E3779B9u ^ (uint32_t)px * 0x85EBCA6Bu ^ (uint32_t)bold ^ rgb;
    return h;
}

/* Open addressing would need tombstones; a linear probe window over a
 * small table is enough: capacity is a few hundred entries. */
static struct text_entry *text_find(struct text_cache *tc, uint32_t h, const char *text,
                                    int chain, int px, int bold, uint32_t rgb)
{
    for (int i = 0; i < tc->capacity; i++) {
        struct text_entry *e = &tc->e[(h + (uint32_t)i) % (uint32_t)tc->capacity];
        if (!e->text)
            continue;
        if (e->hash == h && e->chain == chain && e->px == px && e->bold == bold &&
            e->rgb == rgb && strcmp(e->text, text) == 0)
            return e;
    }
    return NULL;
}

static struct text_entry *text_oldest(struct text_cache *tc)
{
    struct text_entry *oldest = NULL;
    for (int i = 0; i < tc->capacity; i++)
        if (tc->e[i].text && (!oldest || tc->e[i].used < oldest->used))
            oldest = &tc->e[i];
    return oldest;
}

static void text_evict(struct text_cache *tc, struct text_entry *e)
{
    tc->stats.evictions++;
    tc->stats.entries--;
    text_entry_drop(tc, e);
}

static struct text_entry *text_slot(struct text_cache *tc, uint32_t h)
{
    struct text_entry *oldest = NULL;
    for (int i = 0; i < tc->capacity; i++) {
        struct text_entry *e = &tc->e[(h + (uint32_t)i) % (uint32_t)tc->capacity];
        if (!e->text)
            return e;
        if (!oldest || e->used < oldest->used)
            oldest = e;
    }
    text_evict(tc, oldest);
    return oldest;
}

/* Keeps the pixels under the byte budget, oldest first; keep is spared
 * (the texture being returned). */
static void text_trim(struct text_cache *tc, const struct text_entry *keep)
{
    while (tc->stats.bytes > tc->max_bytes) {
        struct text_entry *old = text_oldest(tc);
        if (!old || old == keep)
            return;
        text_evict(tc, old);
    }
}

void text_cache_transient(struct text_cache *tc, int on) { tc->transient = on; }

void text_cache_fit_window(struct text_cache *tc, int w, int h)
{
    double area = (double)w * (double)h / (1920.0 * 1080.0);
    tc->max_bytes = area > 1.0 ? (size_t)((double)TEXT_CACHE_MAX_BYTES * area)
                               : (size_t)TEXT_CACHE_MAX_BYTES;
}

/* At most TEXT_TRANSIENT_KEEP transient entries; keep is spared. */
static void text_trim_transient(struct text_cache *tc, const struct text_entry *keep)
{
    for (;;) {
        struct text_entry *oldest = NULL;
        int n = 0;
        for (int i = 0; i < tc->capacity; i++) {
            struct text_entry *e = &tc->e[i];
            if (!e->text || !e->transient)
                continue;
            n++;
            if (e != keep && (!oldest || e->used < oldest->used))
                oldest = e;
        }
        if (n <= TEXT_TRANSIENT_KEEP || !oldest)
            return;
        text_evict(tc, oldest);
    }
}

/* Counts the inked pixels of each row of s (ARGB8888 from SDL_ttf's
 * blended rendering), once per texture made. */
static void text_ink_scan(struct text_entry *e, SDL_Surface *s)
{
    e->ink_top = e->ink_bottom = e->ink_left = e->ink_right = -1;
    e->ink_rows = calloc(s->h > 0 ? (size_t)s->h : 1, sizeof *e->ink_rows);
    if (!e->ink_rows || s->format->BytesPerPixel != 4 || SDL_LockSurface(s) != 0)
        return;
    for (int y = 0; y < s->h; y++) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
        int n = 0;
        for (int x = 0; x < s->w; x++) {
            if (!(row[x] & s->format->Amask))
                continue;
            n++;
            if (e->ink_left < 0 || x < e->ink_left)
                e->ink_left = x;
            if (x > e->ink_right)
                e->ink_right = x;
        }
        e->ink_rows[y] = n;
        if (n && e->ink_top < 0)
            e->ink_top = y;
        if (n)
            e->ink_bottom = y;
    }
    SDL_UnlockSurface(s);
}

/* The coverage of s's ink box, one byte a pixel, into e->a8 (nothing if
 * out of memory: the entry is then not stored). */
static void text_keep_a8(struct text_entry *e, const SDL_Surface *s)
{
    if (e->ink_top < 0 || s->format->BytesPerPixel != 4)
        return;
    int w = text_tex_w(e), h = text_tex_h(e);
    e->a8 = malloc((size_t)w * (size_t)h);
    for (int y = 0; e->a8 && y < h; y++) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels +
                                             (size_t)(e->ink_top + y) * (size_t)s->pitch) +
                            e->ink_left;
        for (int x = 0; x < w; x++)
            e->a8[(size_t)y * (size_t)w + (size_t)x] =
                (uint8_t)((row[x] & s->format->Amask) >> s->format->Ashift);
    }
}

/* e's texture from the store's t: the pixels SDL_ttf's blended rendering
 * gives (the colour everywhere, the coverage as alpha), without a font.
 * t's coverage moves to e (kept for the next store). */
static int text_from_seed(struct text_cache *tc, struct text_entry *e, struct text_store_tex *t)
{
    e->w = t->w;
    e->h = t->h;
    e->missing = t->missing;
    e->ink_top = t->top;
    e->ink_bottom = t->bottom;
    e->ink_left = t->left;
    e->ink_right = t->right;
    e->ink_rows = calloc((size_t)t->h, sizeof *e->ink_rows);
    int w = text_tex_w(e), h = text_tex_h(e);
    SDL_Surface *s = e->ink_rows ? SDL_CreateRGBSurfaceWithFormat(0, w, h, 32,
                                                                  SDL_PIXELFORMAT_ARGB8888)
                                 : NULL;
    if (!s)
        return -1;
    for (int y = 0; y < h; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
        int n = 0;
        for (int x = 0; x < w; x++) {
            uint8_t a = t->alpha ? t->alpha[(size_t)y * (size_t)w + (size_t)x] : 0;
            row[x] = (Uint32)a << 24 | t->rgb;
            n += a != 0;
        }
        if (t->top >= 0)
            e->ink_rows[t->top + y] = n;
    }
    e->tex = SDL_CreateTextureFromSurface(tc->r, s);
    SDL_FreeSurface(s);
    if (tc->recording) {
        e->a8 = t->alpha;
        t->alpha = NULL;
    }
    return e->tex ? 0 : -1;
}

static struct text_store_tex *text_seed_find(struct text_cache *tc, const char *text, int chain,
                                             int px, int bold, uint32_t rgb)
{
    for (int i = 0; tc->seed && i < tc->seed->n_texs; i++) {
        struct text_store_tex *t = &tc->seed->texs[i];
        if (t->text && t->chain == chain && t->px == px && t->bold == bold && t->rgb == rgb &&
            (t->top < 0 || t->alpha) && strcmp(t->text, text) == 0)
            return t;
    }
    return NULL;
}

static int text_render(struct text_cache *tc, struct text_entry *e, const char *lang)
{
    int missing = 0;
    TTF_Font *font = fonts_pick(tc->fonts, lang, e->text, e->px, e->bold, &missing);
    if (!font)
        return -1;
    SDL_Color c = {(Uint8)(e->rgb >> 16), (Uint8)(e->rgb >> 8), (Uint8)e->rgb, 255};
    SDL_Surface *s = TTF_RenderUTF8_Blended(font, e->text, c);
    if (!s) {
        /* A font file cut short or replaced under the kiosk lands here: a
         * read error through the stream, the text left out, not a crash. */
        msg_warn("cannot render text with font %s (file damaged or changed?): %s",
                 fonts_file_of(tc->fonts, font), TTF_GetError());
        return -1;
    }
    text_ink_scan(e, s);
    e->w = s->w;
    e->h = s->h;
    if (tc->recording)
        text_keep_a8(e, s);
    /* Only the rows and columns with ink: a line's box has empty rows above
     * and below its glyphs (about a quarter of it), and the textures of
     * every screen prepared ahead stay in memory. Drawn at the same place,
     * the pixels are the same. */
    SDL_Surface *ink = s;
    if (e->ink_top >= 0 && (text_tex_h(e) < s->h || text_tex_w(e) < s->w))
        ink = SDL_CreateRGBSurfaceWithFormatFrom((Uint8 *)s->pixels + (size_t)e->ink_top * (size_t)s->pitch +
                                                     (size_t)e->ink_left * 4,
                                                 text_tex_w(e), text_tex_h(e), 32, s->pitch,
                                                 s->format->format);
    e->tex = ink ? SDL_CreateTextureFromSurface(tc->r, ink) : NULL;
    if (ink && ink != s)
        SDL_FreeSurface(ink);
    e->missing = missing;
    SDL_FreeSurface(s);
    return e->tex ? 0 : -1;
}

SDL_Texture *text_cache_get(struct text_cache *tc, const char *lang, const char *text,
                            int px, int bold, uint32_t rgb, int *w, int *h, int *missing,
                            struct text_ink *ink)
{
    if (!text || !*text)
        return NULL;
    bold = bold != 0;
    int chain = fonts_chain_id(tc->fonts, lang);
    uint32_t hash = text_hash(text, chain, px, bold, rgb);
    struct text_entry *e = text_find(tc, hash, text, chain, px, bold, rgb);
    if (e) {
        tc->stats.hits++;
    } else {
        tc->stats.misses++;
        e = text_slot(tc, hash);
        size_t len = strlen(text);
        char *copy = malloc(len + 1);
        if (!copy)
            return NULL;
        memcpy(copy, text, len + 1);
        *e = (struct text_entry){.text = copy, .hash = hash, .chain = chain, .px = px,
                                 .bold = bold, .rgb = rgb, .transient = tc->transient,
                                 .ink_top = -1, .ink_bottom = -1, .ink_left = -1,
                                 .ink_right = -1};
        tc->stats.entries++;
        struct text_store_tex *seed = text_seed_find(tc, text, chain, px, bold, rgb);
        if (!seed && tc->recording)
            tc->seed_misses++;
        if ((seed ? text_from_seed(tc, e, seed) : text_render(tc, e, lang)) != 0) {
            e->w = e->h = 0;
            text_entry_drop(tc, e);
            tc->stats.entries--;
            return NULL;
        }
        e->bytes = text_entry_bytes(e);
        tc->stats.bytes += e->bytes;
    }
    e->used = ++tc->clock;
    e->recorded |= tc->recording;
    if (e->transient)
        text_trim_transient(tc, e);
    text_trim(tc, e);
    *w = e->w;
    *h = e->h;
    if (missing)
        *missing = e->missing;
    if (ink)
        *ink = (struct text_ink){e->ink_top, e->ink_bottom, e->ink_left, e->ink_right,
                                 e->ink_rows};
    return e->tex;
}

/* text's width, or -1 when no font could measure it (then 0 is used, and
 * not kept for the next start). */
static int text_measure_font(struct text_cache *tc, const char *lang, const char *text,
                             size_t len, int px, int bold)
{
    char buf[TEXT_MEASURE_MAX + 1];
    memcpy(buf, text, len);
    buf[len] = '\0';
    TTF_Font *font = fonts_pick(tc->fonts, lang, buf, px, bold, NULL);
    int w = 0, h = 0;
    if (!font || TTF_SizeUTF8(font, buf, &w, &h) != 0)
        return -1;
    return w;
}

static uint32_t text_width_hash(const char *text, size_t len, int chain, int px, int bold)
{
    uint32_t h = text_hash_bytes(text, len);
    return h ^ (uint32_t)chain * 0x9E3779B9u ^ (uint32_t)px * 0x85EBCA6Bu ^ (uint32_t)bold;
}

/* slot gets text[0..len)'s width (kept as it was if out of memory). */
static void text_width_put(struct text_width *slot, const char *text, size_t len, uint32_t h,
                           int chain, int px, int bold, int width, unsigned long used,
                           int recorded)
{
    char *copy = malloc(len ? len : 1);
    if (!copy)
        return;
    memcpy(copy, text, len);
    free(slot->text);
    *slot = (struct text_width){copy, h, (int)len, chain, px, bold, width, used, recorded};
}

int text_measure(struct text_cache *tc, const char *lang, const char *text, size_t len,
                 int px, int bold)
{
    if (len > TEXT_MEASURE_MAX)
        len = TEXT_MEASURE_MAX;
    bold = bold != 0;
    int chain = fonts_chain_id(tc->fonts, lang);
    uint32_t h = text_width_hash(text, len, chain, px, bold);
    struct text_width *set = &tc->widths[(h % TEXT_MEASURE_SETS) * TEXT_MEASURE_WAYS];
    struct text_width *victim = &set[0];
    for (int i = 0; i < TEXT_MEASURE_WAYS; i++) {
        struct text_width *m = &set[i];
        if (m->text && m->hash == h && m->len == (int)len && m->chain == chain && m->px == px &&
            m->bold == bold && memcmp(m->text, text, len) == 0) {
            m->used = ++tc->clock;
            m->recorded |= tc->recording;
            tc->stats.measure_hits++;
            return m->width;
        }
        if (victim->text && (!m->text || m->used < victim->used))
            victim = m;
    }
    tc->stats.measure_misses++;
    tc->seed_misses += tc->recording;
    int width = text_measure_font(tc, lang, text, len, px, bold);
    text_width_put(victim, text, len, h, chain, px, bold, width < 0 ? 0 : width, ++tc->clock,
                   tc->recording && width >= 0);
    return width < 0 ? 0 : width;
}

/* The rows the font's glyphs need: its line skip, or the height of a line
 * of its tallest and deepest glyphs when that is more. BIZ UDPGothic's
 * ascent and descent are exactly its em square, and SDL_ttf gives its
 * lines one row more: a line box of the line skip lost that row. */
static int text_glyph_height(TTF_Font *font)
{
    static const char probe[] = "\xC3\x85\xC3\x89\xC3\x87gjpqy|\xE5\x9B\xBD"; /* ÅÉÇgjpqy|国 */
    int lh = TTF_FontLineSkip(font);
    int w = 0, h = 0;
    if (TTF_SizeUTF8(font, probe, &w, &h) == 0 && h > lh)
        lh = h;
    return lh;
}

/* The slot holding (chain, px, bold), else a free one, else the one its
 * hash names: a screen asks for a dozen, so a direct-mapped table let two
 * of them (29 and 61 px, bold) evict each other in every frame. */
static struct text_lh *text_lh_slot(struct text_cache *tc, int chain, int px, int bold)
{
    struct text_lh *home =
        &tc->lh[((unsigned)chain * 31u + (unsigned)px * 2u + (unsigned)bold) % TEXT_LH_SLOTS];
    if (home->valid && home->chain == chain && home->px == px && home->bold == bold)
        return home; /* nearly always, in a warm frame */
    struct text_lh *free_slot = NULL;
    for (int i = 0; i < TEXT_LH_SLOTS; i++) {
        struct text_lh *s = &tc->lh[i];
        if (s->valid && s->chain == chain && s->px == px && s->bold == bold)
            return s;
        if (!s->valid && !free_slot)
            free_slot = s;
    }
    return free_slot ? free_slot : home;
}

int text_line_height(struct text_cache *tc, const char *lang, int px, int bold)
{
    bold = bold != 0;
    int chain = fonts_chain_id(tc->fonts, lang);
    struct text_lh *s = text_lh_slot(tc, chain, px, bold);
    if (s->valid && s->chain == chain && s->px == px && s->bold == bold) {
        s->recorded |= tc->recording;
        return s->lh;
    }
    tc->seed_misses += tc->recording;
    TTF_Font *font = fonts_pick(tc->fonts, lang, "", px, bold, NULL);
    int lh = font ? text_glyph_height(font) : px;
    *s = (struct text_lh){1, chain, px, bold, lh, tc->recording && font}; /* px: not kept */
    return lh;
}

void text_cache_seed(struct text_cache *tc, struct text_store *store)
{
    text_cache_store_done(tc);
    tc->seed = malloc(sizeof *tc->seed);
    if (!tc->seed) {
        text_store_free(store);
        return;
    }
    *tc->seed = *store; /* the arrays move to the cache */
    text_store_init(store, tc->seed->sig);
    /* Widths and line heights go straight into their tables. */
    for (int i = 0; i < tc->seed->n_measures; i++) {
        const struct text_store_measure *m = &tc->seed->measures[i];
        size_t len = strlen(m->text);
        uint32_t h = text_width_hash(m->text, len, m->chain, m->px, m->bold);
        struct text_width *set = &tc->widths[(h % TEXT_MEASURE_SETS) * TEXT_MEASURE_WAYS];
        struct text_width *victim = &set[0];
        for (int k = 0; k < TEXT_MEASURE_WAYS && victim->text; k++)
            if (!set[k].text || set[k].used < victim->used)
                victim = &set[k];
        text_width_put(victim, m->text, len, h, m->chain, m->px, m->bold, m->width,
                       ++tc->clock, 0);
    }
    for (int i = 0; i < tc->seed->n_lhs; i++) {
        const struct text_store_lh *l = &tc->seed->lhs[i];
        *text_lh_slot(tc, l->chain, l->px, l->bold) =
            (struct text_lh){1, l->chain, l->px, l->bold, l->lh, 0};
    }
}

void text_cache_record(struct text_cache *tc, int on)
{
    if (on)
        tc->seed_misses = 0;
    tc->recording = on;
}

int text_cache_store(const struct text_cache *tc, struct text_store *out)
{
    /* An item the file cannot hold (an empty piece of a wrapped line, a
     * store full) is left out: the next start measures or draws it. */
    for (int i = 0; i < TEXT_MEASURE_SETS * TEXT_MEASURE_WAYS; i++) {
        const struct text_width *m = &tc->widths[i];
        if (m->text && m->recorded && m->len > 0)
            text_store_add_measure(out, m->chain, m->px, m->bold, m->text, (size_t)m->len,
                                   m->width);
    }
    for (int i = 0; i < TEXT_LH_SLOTS; i++) {
        const struct text_lh *l = &tc->lh[i];
        if (l->valid && l->recorded)
            text_store_add_lh(out, l->chain, l->px, l->bold, l->lh);
    }
    for (int i = 0; i < tc->capacity; i++) {
        const struct text_entry *e = &tc->e[i];
        /* ink_rows NULL: the ink scan failed, the box is not known */
        if (!e->text || !e->recorded || !e->ink_rows || (!e->a8 && e->ink_top >= 0))
            continue;
        struct text_store_tex t = {e->chain, e->px, e->bold, e->rgb, e->w, e->h, e->missing,
                                   e->ink_top, e->ink_bottom, e->ink_left, e->ink_right,
                                   e->text, e->a8};
        text_store_add_tex(out, &t);
    }
    return tc->seed_misses;
}

void text_cache_store_done(struct text_cache *tc)
{
    tc->recording = 0;
    for (int i = 0; i < tc->capacity; i++) {
        free(tc->e[i].a8);
        tc->e[i].a8 = NULL;
        tc->e[i].recorded = 0;
    }
    for (int i = 0; i < TEXT_MEASURE_SETS * TEXT_MEASURE_WAYS; i++)
        tc->widths[i].recorded = 0;
    for (int i = 0; i < TEXT_LH_SLOTS; i++)
        tc->lh[i].recorded = 0;
    if (tc->seed) {
        text_store_free(tc->seed);
        free(tc->seed);
        tc->seed = NULL;
    }
}

void text_cache_stats(const struct text_cache *tc, struct text_cache_stats *out)
{
    *out = tc->stats;
    out->fonts_open = fonts_open_count(tc->fonts);
}
