#include "text.h"

#include <stdlib.h>
#include <string.h>

#include "msg.h"

struct text_entry {
    char *text; /* owned; NULL = free slot */
    uint32_t hash;
    int chain, px, bold;
    uint32_t rgb;
    SDL_Texture *tex;
    int w, h, missing;
    unsigned long used;
};
struct text_cache {
    SDL_Renderer *r;
    struct fonts *fonts;
    int capacity;
    struct text_entry *e;
    unsigned long clock;
    struct text_cache_stats stats;
};

struct text_cache *text_cache_create(SDL_Renderer *r, struct fonts *fonts, int capacity)
{
    struct text_cache *tc = calloc(1, sizeof *tc);
    if (!tc)
        return NULL;
    tc->e = calloc((size_t)capacity, sizeof *tc->e);
    if (!tc->e) {
        free(tc);
        return NULL;
    }
    tc->r = r;
    tc->fonts = fonts;
    tc->capacity = capacity;
    return tc;
}

static void text_entry_drop(struct text_entry *e)
{
    if (e->tex)
        SDL_DestroyTexture(e->tex);
    free(e->text);
    memset(e, 0, sizeof *e);
}

void text_cache_clear(struct text_cache *tc)
{
    for (int i = 0; i < tc->capacity; i++)
        if (tc->e[i].text)
            text_entry_drop(&tc->e[i]);
    tc->stats.entries = 0;
}

void text_cache_destroy(struct text_cache *tc)
{
    if (!tc)
        return;
    text_cache_clear(tc);
    free(tc->e);
    free(tc);
}

static uint32_t text_hash(const char *s, int chain, int px, int bold, uint32_t rgb)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
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
    tc->stats.evictions++;
    tc->stats.entries--;
    text_entry_drop(oldest);
    return oldest;
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
        msg_warn("cannot render text: %s", TTF_GetError());
        return -1;
    }
    e->tex = SDL_CreateTextureFromSurface(tc->r, s);
    e->w = s->w;
    e->h = s->h;
    e->missing = missing;
    SDL_FreeSurface(s);
    return e->tex ? 0 : -1;
}

SDL_Texture *text_cache_get(struct text_cache *tc, const char *lang, const char *text,
                            int px, int bold, uint32_t rgb, int *w, int *h, int *missing)
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
        e->text = malloc(len + 1);
        if (!e->text)
            return NULL;
        memcpy(e->text, text, len + 1);
        *e = (struct text_entry){e->text, hash, chain, px, bold, rgb, NULL, 0, 0, 0, 0};
        tc->stats.entries++;
        if (text_render(tc, e, lang) != 0) {
            text_entry_drop(e);
            tc->stats.entries--;
            return NULL;
        }
    }
    e->used = ++tc->clock;
    *w = e->w;
    *h = e->h;
    if (missing)
        *missing = e->missing;
    return e->tex;
}

int text_measure(struct text_cache *tc, const char *lang, const char *text, size_t len,
                 int px, int bold)
{
    char buf[1024];
    if (len >= sizeof buf)
        len = sizeof buf - 1;
    memcpy(buf, text, len);
    buf[len] = '\0';
    TTF_Font *font = fonts_pick(tc->fonts, lang, buf, px, bold, NULL);
    int w = 0, h = 0;
    if (!font || TTF_SizeUTF8(font, buf, &w, &h) != 0)
        return 0;
    return w;
}

int text_line_height(struct text_cache *tc, const char *lang, int px, int bold)
{
    TTF_Font *font = fonts_pick(tc->fonts, lang, "", px, bold, NULL);
    return font ? TTF_FontLineSkip(font) : px;
}

void text_cache_stats(const struct text_cache *tc, struct text_cache_stats *out)
{
    *out = tc->stats;
}
