#include "text.h"

#include <stdlib.h>
#include <string.h>

#include "msg.h"

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
};
struct text_width {
    char *text; /* owned, len bytes (not terminated); NULL = free */
    uint32_t hash;
    int len, chain, px, bold, width;
    unsigned long used;
};
struct text_lh {
    int valid, chain, px, bold, lh;
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
    memset(e, 0, sizeof *e);
}

void text_cache_clear(struct text_cache *tc)
{
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
        *e = (struct text_entry){copy, hash, chain, px, bold, rgb, NULL, 0, 0, 0, tc->transient,
                                 -1, -1, -1, -1, NULL, 0, 0};
        tc->stats.entries++;
        if (text_render(tc, e, lang) != 0) {
            e->w = e->h = 0;
            text_entry_drop(tc, e);
            tc->stats.entries--;
            return NULL;
        }
        e->bytes = text_entry_bytes(e);
        tc->stats.bytes += e->bytes;
    }
    e->used = ++tc->clock;
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

static int text_measure_font(struct text_cache *tc, const char *lang, const char *text,
                             size_t len, int px, int bold)
{
    char buf[TEXT_MEASURE_MAX + 1];
    memcpy(buf, text, len);
    buf[len] = '\0';
    TTF_Font *font = fonts_pick(tc->fonts, lang, buf, px, bold, NULL);
    int w = 0, h = 0;
    if (!font || TTF_SizeUTF8(font, buf, &w, &h) != 0)
        return 0;
    return w;
}

int text_measure(struct text_cache *tc, const char *lang, const char *text, size_t len,
                 int px, int bold)
{
    if (len > TEXT_MEASURE_MAX)
        len = TEXT_MEASURE_MAX;
    int chain = fonts_chain_id(tc->fonts, lang);
    uint32_t h = text_hash_bytes(text, len);
    h ^= (uint32_t)chain * 0x9E3779B9u ^ (uint32_t)px * 0x85EBCA6Bu ^ (uint32_t)bold;
    struct text_width *set = &tc->widths[(h % TEXT_MEASURE_SETS) * TEXT_MEASURE_WAYS];
    struct text_width *victim = &set[0];
    for (int i = 0; i < TEXT_MEASURE_WAYS; i++) {
        struct text_width *m = &set[i];
        if (m->text && m->hash == h && m->len == (int)len && m->chain == chain && m->px == px &&
            m->bold == bold && memcmp(m->text, text, len) == 0) {
            m->used = ++tc->clock;
            tc->stats.measure_hits++;
            return m->width;
        }
        if (victim->text && (!m->text || m->used < victim->used))
            victim = m;
    }
    tc->stats.measure_misses++;
    int width = text_measure_font(tc, lang, text, len, px, bold);
    char *copy = malloc(len ? len : 1);
    if (!copy)
        return width;
    memcpy(copy, text, len);
    free(victim->text);
    *victim = (struct text_width){copy, h, (int)len, chain, px, bold, width, ++tc->clock};
    return width;
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

int text_line_height(struct text_cache *tc, const char *lang, int px, int bold)
{
    int chain = fonts_chain_id(tc->fonts, lang);
    struct text_lh *s = &tc->lh[((unsigned)chain * 31u + (unsigned)px * 2u + (unsigned)(bold != 0)) %
                                TEXT_LH_SLOTS];
    if (s->valid && s->chain == chain && s->px == px && s->bold == bold)
        return s->lh;
    TTF_Font *font = fonts_pick(tc->fonts, lang, "", px, bold, NULL);
    int lh = font ? text_glyph_height(font) : px;
    *s = (struct text_lh){1, chain, px, bold, lh};
    return lh;
}

void text_cache_stats(const struct text_cache *tc, struct text_cache_stats *out)
{
    *out = tc->stats;
    out->fonts_open = fonts_open_count(tc->fonts);
}
