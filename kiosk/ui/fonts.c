#include "fonts.h"

#include <stdlib.h>
#include <string.h>

#include "fontfind.h"
#include "msg.h"
#include "textwrap.h"

#define FONTS_MAX_CHAINS 12
#define FONTS_MAX_FILES 4
#define FONTS_MAX_OPEN 40
#define FONTS_PATH_MAX 512

struct fonts_file {
    char path[FONTS_PATH_MAX];
    char bold_path[FONTS_PATH_MAX]; /* "" if no bold sibling */
    int face;
};
struct fonts_chain {
    char lang[I18N_LANG_MAX];
    int n;
    struct fonts_file files[FONTS_MAX_FILES];
};
struct fonts_open {
    const struct fonts_file *file;
    int bold, px;
    TTF_Font *font;
    unsigned long used;
};
struct fonts {
    int n_chains;
    struct fonts_chain chains[FONTS_MAX_CHAINS];
    struct fonts_open open[FONTS_MAX_OPEN];
    unsigned long clock;
};

/* Built-in chain when the config names none: BIZ UD, then Noto CJK JP. */
static const char *const fonts_default_specs[] = {"BIZUDPGothic-Regular.ttf",
                                                  "NotoSansCJK-Regular.ttc#0"};

static void fonts_bold_sibling(struct fonts_file *ff)
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
        struct fonts_file *ff = &c->files[c->n];
        char tried[1024];
        if (fontfind_resolve(specs[i], fonts_dir, ff->path, sizeof ff->path, &ff->face, tried,
                             sizeof tried) != 0) {
            msg_warn("font %s not found (tried %s)", specs[i], tried);
            continue;
        }
        fonts_bold_sibling(ff);
        c->n++;
    }
    if (c->n > 0)
        f->n_chains++;
}

struct fonts *fonts_create(const struct config *cfg, const char *fonts_dir)
{
    struct fonts *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    for (int i = 0; cfg && i < cfg->kiosk.n_fonts; i++) {
        const struct config_font_chain *fc = &cfg->kiosk.fonts[i];
        fonts_add_chain(f, fc->lang, fc->files, fc->n, fonts_dir);
    }
    /* Always keep a default chain last, so every language finds a font. */
    fonts_add_chain(f, "", (char *const *)fonts_default_specs, 2, fonts_dir);
    if (f->n_chains == 0) {
        msg_error("no usable font: put BIZUDPGothic-Regular.ttf in %s or install "
                  "fonts-morisawa-bizud-gothic", fonts_dir ? fonts_dir : "fonts/");
        free(f);
        return NULL;
    }
    return f;
}

void fonts_destroy(struct fonts *f)
{
    if (!f)
        return;
    for (int i = 0; i < FONTS_MAX_OPEN; i++)
        if (f->open[i].font)
            TTF_CloseFont(f->open[i].font);
    free(f);
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

static TTF_Font *fonts_open(struct fonts *f, const struct fonts_file *ff, int px, int bold)
{
    int oldest = 0;
    bold = bold && ff->bold_path[0];
    for (int i = 0; i < FONTS_MAX_OPEN; i++) {
        struct fonts_open *o = &f->open[i];
        if (o->font && o->file == ff && o->px == px && o->bold == bold) {
            o->used = ++f->clock;
            return o->font;
        }
        if (!o->font || o->used < f->open[oldest].used)
            oldest = i;
    }
    struct fonts_open *o = &f->open[oldest];
    if (o->font)
        TTF_CloseFont(o->font);
    o->font = TTF_OpenFontIndex(bold ? ff->bold_path : ff->path, px, ff->face);
    if (!o->font) {
        msg_warn("cannot open font %s: %s", ff->path, TTF_GetError());
        return NULL;
    }
    o->file = ff;
    o->px = px;
    o->bold = bold;
    o->used = ++f->clock;
    return o->font;
}

static int fonts_missing(TTF_Font *font, const char *text)
{
    int missing = 0;
    size_t adv;
    for (const char *p = text; *p; p += adv) {
        unsigned cp = textwrap_utf8_decode(p, &adv);
        if (cp >= 0x20 && cp != 0xFFFD && !TTF_GlyphIsProvided32(font, cp))
            missing++;
    }
    return missing;
}

TTF_Font *fonts_pick(struct fonts *f, const char *lang, const char *text, int px, int bold,
                     int *missing)
{
    const struct fonts_chain *c = &f->chains[fonts_chain_id(f, lang)];
    TTF_Font *first = NULL;
    int first_missing = 0;
    for (int i = 0; i < c->n; i++) {
        TTF_Font *font = fonts_open(f, &c->files[i], px, bold);
        if (!font)
            continue;
        int m = fonts_missing(font, text);
        if (m == 0) {
            if (missing)
                *missing = 0;
            return font;
        }
        if (!first) {
            /* Re-open below if evicted; keep the count only. */
            first = font;
            first_missing = m;
        }
    }
    if (missing)
        *missing = first_missing;
    return c->n ? fonts_open(f, &c->files[0], px, bold) : first;
}
