/* The text cache stays bounded when text changes with time: a day of clock
 * minutes drawn as transient text leaves at most two of them cached, while
 * the same minutes drawn as ordinary text fill the cache to its bounds
 * (which is what made the idle kiosk's memory grow with the clock). And
 * fonts_trim closes the faces of other languages (a language button's)
 * while their cached text is still drawn without them; sizes share a face;
 * a face opened again after a trim reads its file as it is now; text from
 * the last start's store draws the same pixels without a font. */
#include <SDL.h>
#include <SDL_ttf.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "fonts.h"
#include "text.h"
#include "text_store.h"

/* A day of "H:MM" strings through the cache; returns the entries left. */
static int day_of_minutes(struct text_cache *tc, int transient, const char *keep)
{
    int w, h;
    for (int m = 0; m < 24 * 60; m++) {
        char clock[16];
        snprintf(clock, sizeof clock, "%d:%02d", m / 60, m % 60);
        text_cache_transient(tc, transient);
        CHECK(text_cache_get(tc, "ja", clock, 40, 1, 0x202020, &w, &h, NULL, NULL) != NULL);
        text_cache_transient(tc, 0);
        CHECK(text_cache_get(tc, "ja", keep, 40, 1, 0x202020, &w, &h, NULL, NULL) != NULL);
    }
    struct text_cache_stats s;
    text_cache_stats(tc, &s);
    return s.entries;
}

/* Fonts of chains (found in fonts_dir) and a text cache over them, as the
 * kiosk makes them from a config's kiosk.fonts; NULL, with *f NULL, when
 * either cannot be made (a failed CHECK). */
static struct text_cache *cache_of_chains(SDL_Renderer *r, const char *fonts_dir,
                                          struct config_font_chain *chains, int n,
                                          struct fonts **f)
{
    struct config cfg;
    config_load_defaults(&cfg);
    cfg.kiosk.n_fonts = n;
    cfg.kiosk.fonts = chains; /* fonts_create copies what it keeps */
    *f = fonts_create(&cfg, fonts_dir);
    struct text_cache *tc = *f ? text_cache_create(r, *f, 384) : NULL;
    CHECK(*f && tc);
    if (!tc) {
        fonts_destroy(*f);
        *f = NULL;
    }
    return tc;
}

/* Korean text (a language button on a Japanese screen) opens its own face;
 * fonts_trim for ja closes it, the cached label needs no font, a new
 * Korean text opens the face again; fonts_trim without a language closes
 * them all. */
static void test_trim(SDL_Renderer *r, const char *fonts_dir)
{
    char *ja_files[] = {"BIZUDPGothic-Regular.ttf"};
    char *ko_files[] = {"NotoSansCJK-Regular.ttc#1", "BIZUDPGothic-Regular.ttf"};
    struct config_font_chain chains[2] = {{"ja", 1, ja_files}, {"ko", 2, ko_files}};
    struct fonts *f;
    struct text_cache *tc = cache_of_chains(r, fonts_dir, chains, 2, &f);
    if (!tc)
        return;
    int w, h;
    struct text_cache_stats s0, s1;
    CHECK(text_cache_get(tc, "ja", "札幌", 40, 0, 0x202020, &w, &h, NULL, NULL) != NULL);
    CHECK(text_cache_get(tc, "ko", "한국어", 40, 0, 0x202020, &w, &h, NULL, NULL) != NULL);
    CHECK_INT(fonts_open_count(f), 2);
    CHECK_INT(fonts_trim(f, "ja", 1), 1); /* only counted */
    CHECK_INT(fonts_open_count(f), 2);
    CHECK_INT(fonts_trim(f, "ja", 0), 1);
    CHECK_INT(fonts_open_count(f), 1);
    CHECK_INT(fonts_trim(f, "ja", 0), 0);
    text_cache_stats(tc, &s0);
    CHECK(text_cache_get(tc, "ko", "한국어", 40, 0, 0x202020, &w, &h, NULL, NULL) != NULL);
    text_cache_stats(tc, &s1);
    CHECK(s1.misses == s0.misses && fonts_open_count(f) == 1); /* drawn from the cache */
    CHECK(text_cache_get(tc, "ko", "서울", 40, 0, 0x202020, &w, &h, NULL, NULL) != NULL);
    CHECK_INT(fonts_open_count(f), 2);
    /* Without a language (ui_trim while nothing happens): every face goes,
     * cached text still draws, new text opens its face again. */
    CHECK_INT(fonts_trim(f, NULL, 0), 2);
    CHECK_INT(fonts_open_count(f), 0);
    CHECK(text_cache_get(tc, "ja", "札幌", 40, 0, 0x202020, &w, &h, NULL, NULL) != NULL);
    CHECK_INT(fonts_open_count(f), 0);
    CHECK(text_cache_get(tc, "ja", "小樽", 40, 0, 0x202020, &w, &h, NULL, NULL) != NULL);
    CHECK_INT(fonts_open_count(f), 1);
    text_cache_destroy(tc);
    fonts_destroy(f);
}

/* Sizes share a face: "札幌" at three sizes and back opens BIZ UDPGothic
 * once (TTF_SetFontSize, not a face per size), each rendering as large as
 * from a face opened fresh at that size; bold is its own file, one more. */
static void test_sizes_share_face(SDL_Renderer *r, const char *fonts_dir)
{
    char *ja_files[] = {"BIZUDPGothic-Regular.ttf"};
    struct config_font_chain chains[1] = {{"ja", 1, ja_files}};
    struct fonts *f;
    struct text_cache *tc = cache_of_chains(r, fonts_dir, chains, 1, &f);
    if (!tc)
        return;
    static const int sizes[] = {24, 40, 72, 24};
    char path[512];
    snprintf(path, sizeof path, "%s", fonts_file_of(f, fonts_pick(f, "ja", "札幌", 24, 0, NULL)));
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        int w = 0, h = 0, fw = -1, fh = -1;
        CHECK(text_cache_get(tc, "ja", "札幌", sizes[i], 0, 0x202020, &w, &h, NULL, NULL) != NULL);
        CHECK_INT(fonts_open_count(f), 1);
        TTF_Font *fresh = TTF_OpenFont(path, sizes[i]);
        if (fresh)
            TTF_SetFontHinting(fresh, FONTS_HINTING);
        SDL_Surface *s = fresh ? TTF_RenderUTF8_Blended(fresh, "札幌", (SDL_Color){0, 0, 0, 255})
                               : NULL;
        CHECK(s != NULL);
        if (s) {
            fw = s->w;
            fh = s->h;
            SDL_FreeSurface(s);
        }
        if (fresh)
            TTF_CloseFont(fresh);
        CHECK_INT(w, fw);
        CHECK_INT(h, fh);
        text_cache_clear(tc); /* the return to 24 renders again */
    }
    CHECK(text_cache_get(tc, "ja", "札幌", 40, 1, 0x202020, &(int){0}, &(int){0}, NULL, NULL) !=
          NULL);
    CHECK_INT(fonts_open_count(f), 2);
    text_cache_destroy(tc);
    fonts_destroy(f);
}

/* Copies the file at from over to (in place, as a maintainer's cp does). */
static int copy_over(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = in ? fopen(to, "wb") : NULL;
    char buf[65536];
    size_t n;
    int ok = in && out;
    while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0)
        ok = fwrite(buf, 1, n, out) == n;
    if (in)
        fclose(in);
    if (out && fclose(out) != 0)
        ok = 0;
    return ok ? 0 : -1;
}

/* Pixels with any ink in a cached text. */
static long ink_of(struct text_cache *tc, const char *text)
{
    int w = 0, h = 0;
    struct text_ink ink = {0, -1, -1, -1, NULL};
    if (!text_cache_get(tc, "ja", text, 40, 0, 0x202020, &w, &h, NULL, &ink) || !ink.rows)
        return -1;
    long n = 0;
    for (int y = 0; y < h; y++)
        n += ink.rows[y];
    return n;
}

/* A face closed by fonts_trim and opened again reads the file as it is
 * now: BIZ UDPGothic Bold copied over a Regular file (as a maintainer
 * replaces a font) draws the same text with more ink than before. */
static void test_replaced_reloads(SDL_Renderer *r, const char *fonts_dir)
{
    struct fonts *sys = fonts_create(NULL, fonts_dir);
    char reg[512] = "", bold[512] = "", dir[] = "/tmp/test_text_cache_XXXXXX", file[600];
    CHECK(sys != NULL);
    if (!sys)
        return;
    snprintf(reg, sizeof reg, "%s", fonts_file_of(sys, fonts_pick(sys, "ja", "札幌", 40, 0, NULL)));
    snprintf(bold, sizeof bold, "%s", fonts_file_of(sys, fonts_pick(sys, "ja", "札幌", 40, 1, NULL)));
    fonts_destroy(sys);
    CHECK(strcmp(reg, bold) != 0 && strstr(bold, "-Bold.") != NULL);
    CHECK(mkdtemp(dir) != NULL);
    snprintf(file, sizeof file, "%s/Kiosk-Regular.ttf", dir);
    CHECK(copy_over(reg, file) == 0);
    char *ja_files[] = {"Kiosk-Regular.ttf"};
    char *ko_files[] = {"NotoSansCJK-Regular.ttc#1"};
    struct config_font_chain chains[2] = {{"ja", 1, ja_files}, {"ko", 1, ko_files}};
    struct fonts *f;
    struct text_cache *tc = cache_of_chains(r, dir, chains, 2, &f);
    if (tc) {
        long before = ink_of(tc, "Sapporo 札幌");
        CHECK(before > 0);
        CHECK_INT(strcmp(fonts_file_of(f, fonts_pick(f, "ja", "札", 40, 0, NULL)), file), 0);
        CHECK_INT(fonts_trim(f, "ko", 0), 1); /* the ja face closed */
        CHECK_INT(fonts_open_count(f), 0);
        CHECK(copy_over(bold, file) == 0);
        text_cache_clear(tc);
        long after = ink_of(tc, "Sapporo 札幌");
        CHECK(after > before + before / 10);
        text_cache_destroy(tc);
    }
    fonts_destroy(f);
    remove(file);
    rmdir(dir);
}

/* The pixel bound follows the window: 8 MiB at 1920x1080, four times that
 * at 3840x2160, so a 4K screen's text is not re-rendered every frame. */
static void test_fit_window(SDL_Renderer *r, struct fonts *f)
{
    struct text_cache *tc = text_cache_create(r, f, 384);
    CHECK(tc != NULL);
    if (!tc)
        return;
    int w, h;
    struct text_cache_stats s;
    for (int size = 0; size < 2; size++) {
        text_cache_clear(tc);
        text_cache_fit_window(tc, size ? 3840 : 1920, size ? 2160 : 1080);
        for (int i = 0; i < 40; i++) { /* ~1.7 MiB each at 160 px: more than either bound */
            char line[64];
            snprintf(line, sizeof line, "札幌圏リモート相談窓口 %d", i);
            CHECK(text_cache_get(tc, "ja", line, 160, 0, 0x202020, &w, &h, NULL, NULL) != NULL);
        }
        text_cache_stats(tc, &s);
        if (size == 0)
            CHECK(s.bytes <= TEXT_CACHE_MAX_BYTES && s.bytes > TEXT_CACHE_MAX_BYTES / 2);
        else
            CHECK(s.bytes > TEXT_CACHE_MAX_BYTES * 2 && s.bytes <= TEXT_CACHE_MAX_BYTES * 4);
    }
    text_cache_destroy(tc);
}

/* Texts drawn from the last start's store are the pixels the fonts draw,
 * with no font opened; their widths and line heights are the fonts'; a
 * text the store lacks is drawn from the fonts and counted as missed. */
struct store_text {
    const char *lang, *text;
    int px, bold;
    uint32_t rgb;
};
static const struct store_text store_texts[] = {
    {"ja", "当別町 — 受付時間外・次は8:45から", 22, 0, 0x1A2B3C},
    {"ja", "ようこそ", 41, 1, 0x202020},
    {"ko", "한국어", 29, 1, 0xFFFFFF},
    {"ko", "화면을 터치하여", 19, 0, 0x0B5CAD},
    {"ja", " ", 22, 0, 0x202020}, /* no ink */
};
#define STORE_N (int)(sizeof store_texts / sizeof store_texts[0])

/* Every store text measured and drawn through tc onto r's surface,
 * copied as they are (no blending: the colour of every pixel, even a
 * transparent one, and its alpha land on the surface); widths[] and lhs[]
 * get the measures. */
static void store_draw(SDL_Renderer *r, struct text_cache *tc, int *widths, int *lhs)
{
    SDL_SetRenderDrawColor(r, 0x80, 0x90, 0xA0, 0xFF);
    SDL_RenderClear(r);
    for (int i = 0; i < STORE_N; i++) {
        const struct store_text *t = &store_texts[i];
        widths[i] = text_measure(tc, t->lang, t->text, strlen(t->text), t->px, t->bold);
        lhs[i] = text_line_height(tc, t->lang, t->px, t->bold);
        int w = 0, h = 0;
        struct text_ink ink;
        SDL_Texture *tex =
            text_cache_get(tc, t->lang, t->text, t->px, t->bold, t->rgb, &w, &h, NULL, &ink);
        CHECK(tex != NULL);
        CHECK_INT(w, widths[i]);
        SDL_Rect dst = {4, 4 + 56 * i, w, h};
        if (ink.top >= 0)
            dst = (SDL_Rect){4 + ink.left, 4 + 56 * i + ink.top, ink.right - ink.left + 1,
                             ink.bottom - ink.top + 1};
        if (tex) {
            SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_NONE);
            SDL_RenderCopy(r, tex, NULL, &dst);
        }
    }
}

static void *prefetch_thread(void *arg)
{
    fonts_prefetch_run(arg);
    return NULL;
}

/* Waits up to 5 s for f to hold n open faces; returns how many it holds. */
static int wait_open(struct fonts *f, int n)
{
    for (int i = 0; i < 500 && fonts_open_count(f) < n; i++)
        check_sleep_ms(10);
    return fonts_open_count(f);
}

/* With a text store there, the start-up thread opens the default
 * language's faces and waits; the main thread asking for another face, the
 * window being made (fonts_prefetch_release) or the fonts being destroyed
 * each let it go on, and none of them waits for ever. */
static void test_prefetch_hold(SDL_Renderer *r, const char *fonts_dir)
{
    char *ja_files[] = {"BIZUDPGothic-Regular.ttf"};
    char *ko_files[] = {"NotoSansCJK-Regular.ttc#1", "BIZUDPGothic-Regular.ttf"};
    struct config_font_chain chains[2] = {{"ja", 1, ja_files}, {"ko", 2, ko_files}};
    struct config cfg;
    config_load_defaults(&cfg);
    cfg.kiosk.n_fonts = 2;
    cfg.kiosk.fonts = chains;
    snprintf(cfg.kiosk.default_language, sizeof cfg.kiosk.default_language, "ko");
    cfg.kiosk.n_languages = 2;
    snprintf(cfg.kiosk.languages[0], sizeof cfg.kiosk.languages[0], "ja");
    snprintf(cfg.kiosk.languages[1], sizeof cfg.kiosk.languages[1], "ko");
    for (int way = 0; way < 3; way++) {
        struct fonts *f = fonts_create(&cfg, fonts_dir);
        struct text_cache *tc = f ? text_cache_create(r, f, 16) : NULL;
        CHECK(f && tc);
        if (!tc) {
            fonts_destroy(f);
            continue;
        }
        fonts_prefetch_plan(f, &cfg, 1);
        pthread_t t;
        CHECK_INT(pthread_create(&t, NULL, prefetch_thread, f), 0);
        /* Korean (the default) first: Noto CJK KR regular and bold, then held. */
        CHECK_INT(wait_open(f, 2), 2);
        check_sleep_ms(100);
        CHECK_INT(fonts_open_count(f), 2);
        int w, h;
        if (way == 0) {
            CHECK(text_cache_get(tc, "ko", "한국어", 40, 1, 0x202020, &w, &h, NULL, NULL) != NULL);
            CHECK_INT(fonts_open_count(f), 2); /* drawn with a held face: still held */
            CHECK(text_cache_get(tc, "ja", "札幌", 40, 0, 0x202020, &w, &h, NULL, NULL) != NULL);
            CHECK(fonts_open_count(f) >= 3); /* waited for BIZ UDPGothic, not for ever */
        } else if (way == 1) {
            fonts_prefetch_release(f);
            CHECK_INT(wait_open(f, 4), 4);
        }
        text_cache_destroy(tc);
        fonts_destroy(f); /* way 2: releases the held thread, waits for its end */
        CHECK_INT(pthread_join(t, NULL), 0);
    }
}

static void test_store(const char *fonts_dir)
{
    char *ja_files[] = {"BIZUDPGothic-Regular.ttf"};
    char *ko_files[] = {"NotoSansCJK-Regular.ttc#1", "BIZUDPGothic-Regular.ttf"};
    struct config_font_chain chains[2] = {{"ja", 1, ja_files}, {"ko", 2, ko_files}};
    SDL_Surface *s1 = SDL_CreateRGBSurfaceWithFormat(0, 600, 300, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Surface *s2 = SDL_CreateRGBSurfaceWithFormat(0, 600, 300, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r1 = s1 ? SDL_CreateSoftwareRenderer(s1) : NULL;
    SDL_Renderer *r2 = s2 ? SDL_CreateSoftwareRenderer(s2) : NULL;
    struct fonts *f1, *f2;
    struct text_cache *tc1 = r1 && r2 ? cache_of_chains(r1, fonts_dir, chains, 2, &f1) : NULL;
    struct text_cache *tc2 = tc1 ? cache_of_chains(r2, fonts_dir, chains, 2, &f2) : NULL;
    CHECK(tc1 && tc2);
    if (tc1 && tc2) {
        uint8_t sig[32], sig_again[32];
        CHECK_INT(fonts_signature(f1, "test", sig), 0);
        CHECK_INT(fonts_signature(f2, "test", sig_again), 0);
        CHECK(memcmp(sig, sig_again, sizeof sig) == 0);
        CHECK_INT(fonts_signature(f2, "other program", sig_again), 0);
        CHECK(memcmp(sig, sig_again, sizeof sig) != 0);

        int w1[STORE_N], lh1[STORE_N], w2[STORE_N], lh2[STORE_N];
        text_cache_record(tc1, 1);
        store_draw(r1, tc1, w1, lh1);
        text_cache_record(tc1, 0);
        struct text_store st, back;
        text_store_init(&st, sig);
        CHECK(text_cache_store(tc1, &st) > 0); /* no seed: all missed */
        CHECK_INT(st.n_texs, STORE_N);
        uint8_t *bytes = NULL;
        size_t n = 0;
        char why[200] = "";
        CHECK_INT(text_store_encode(&st, &bytes, &n), 0);
        CHECK_INT(text_store_decode(bytes, n, sig, &back, why, sizeof why), 0);
        free(bytes);
        text_store_free(&st);

        text_cache_seed(tc2, &back);
        text_cache_record(tc2, 1);
        store_draw(r2, tc2, w2, lh2);
        CHECK_INT(fonts_open_count(f2), 0); /* drawn without a font */
        for (int i = 0; i < STORE_N; i++) {
            CHECK_INT(w2[i], w1[i]);
            CHECK_INT(lh2[i], lh1[i]);
        }
        int differ = 0;
        for (int y = 0; y < s1->h; y++)
            differ += memcmp((Uint8 *)s1->pixels + (size_t)y * (size_t)s1->pitch,
                             (Uint8 *)s2->pixels + (size_t)y * (size_t)s2->pitch,
                             (size_t)s1->w * 4) != 0;
        CHECK_INT(differ, 0);
        text_store_init(&st, sig);
        CHECK_INT(text_cache_store(tc2, &st), 0); /* all from the seed */
        CHECK_INT(st.n_texs, STORE_N);
        text_store_free(&st);
        int w, h;
        CHECK(text_cache_get(tc2, "ja", "札幌", 40, 0, 0x202020, &w, &h, NULL, NULL) != NULL);
        CHECK_INT(fonts_open_count(f2), 1);
        text_store_init(&st, sig);
        CHECK_INT(text_cache_store(tc2, &st), 1);
        text_store_free(&st);
        text_cache_store_done(tc2);
        text_cache_store_done(tc1);
        text_cache_destroy(tc1);
        text_cache_destroy(tc2);
        fonts_destroy(f1);
        fonts_destroy(f2);
    }
    if (r1)
        SDL_DestroyRenderer(r1);
    if (r2)
        SDL_DestroyRenderer(r2);
    SDL_FreeSurface(s1);
    SDL_FreeSurface(s2);
}

int main(int argc, char **argv)
{
    const char *fonts_dir = argc > 1 ? argv[1] : "fonts";
    CHECK(TTF_Init() == 0);
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 320, 200, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    struct fonts *f = fonts_create(NULL, fonts_dir);
    CHECK(r && f);
    if (!r || !f)
        return CHECK_RESULT();
    struct text_cache *tc = text_cache_create(r, f, 384);
    CHECK_INT(day_of_minutes(tc, 1, "札幌"), 3); /* two clock texts and the title */
    int w, h;
    struct text_cache_stats s;
    text_cache_stats(tc, &s);
    unsigned long misses = s.misses;
    CHECK(text_cache_get(tc, "ja", "札幌", 40, 1, 0x202020, &w, &h, NULL, NULL) != NULL);
    text_cache_stats(tc, &s);
    CHECK(s.misses == misses); /* ordinary text stayed cached */
    text_cache_clear(tc);
    CHECK(day_of_minutes(tc, 0, "札幌") > 100); /* without: one per minute up to the bounds */
    text_cache_destroy(tc);
    test_fit_window(r, f);
    fonts_destroy(f);
    test_trim(r, fonts_dir);
    test_sizes_share_face(r, fonts_dir);
    test_replaced_reloads(r, fonts_dir);
    test_prefetch_hold(r, fonts_dir);
    test_store(fonts_dir);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surf);
    TTF_Quit();
    int rc = CHECK_RESULT();
    printf("test_text_cache: %s\n", rc ? "FAILED" : "ok");
    return rc;
}
