#include "config_diags.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "utf8.h"

#define CONFIG_DIAGS_ARG_MAX 80 /* bytes of one argument shown in a message */

struct config_diags_tpl {
    const char *en, *ja;
};
#define CONFIG_DIAGS_TPL_ITEM(name, en, ja) {en, ja},
static const struct config_diags_tpl config_diags_tpls[] = {CONFIG_MSGS(CONFIG_DIAGS_TPL_ITEM)};
#undef CONFIG_DIAGS_TPL_ITEM

const char *config_diags_template(enum config_msg msg)
{
    return (unsigned)msg < CONFIG_MSG_COUNT ? config_diags_tpls[msg].en : "";
}

/* Appends text to out at *k, never splitting a character; control bytes
 * and invalid UTF-8 become '?'. Stops after max bytes of input with "…". */
static void config_diags_append(char *out, size_t outsz, size_t *k, const char *text, size_t max)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t n = strlen(text), i = 0;
    while (i < n) {
        size_t len = utf8_char_len(text + i, n - i);
        const char *piece = len ? text + i : "?";
        size_t plen = len ? len : 1;
        if (len == 1 && s[i] < 0x20)
            piece = "?";
        if (i >= max) {
            piece = "…";
            plen = strlen(piece);
            n = i; /* stop after this */
        }
        if (*k + plen >= outsz)
            return;
        memcpy(out + *k, piece, plen);
        *k += plen;
        i += len ? len : 1;
    }
}

static void config_diags_render(const char *tpl, const char *const args[3], char *out,
                                size_t outsz)
{
    size_t k = 0;
    for (const char *p = tpl; *p && k + 1 < outsz;) {
        if (p[0] == '%' && p[1] >= '1' && p[1] <= '3') {
            const char *a = args[p[1] - '1'];
            config_diags_append(out, outsz, &k, a ? a : "", CONFIG_DIAGS_ARG_MAX);
            p += 2;
            continue;
        }
        if (p[0] == '%' && p[1] == '%')
            p++;
        out[k++] = *p++;
    }
    out[k < outsz ? k : outsz - 1] = '\0';
}

void config_diags_add(struct config_diags *diags, enum config_severity sev, int line, int col,
                      const char *path, enum config_msg msg, const char *a1, const char *a2,
                      const char *a3)
{
    if (!diags)
        return;
    if (sev == CONFIG_ERROR)
        diags->n_errors++;
    else
        diags->n_warnings++;
    if (diags->n >= CONFIG_DIAG_CAP)
        return;
    if (diags->n >= diags->cap) {
        int ncap = diags->cap ? diags->cap * 2 : 16;
        struct config_diag *nd = realloc(diags->d, (size_t)ncap * sizeof *nd);
        if (!nd)
            return;
        diags->d = nd;
        diags->cap = ncap;
    }
    struct config_diag *d = &diags->d[diags->n++];
    memset(d, 0, sizeof *d);
    d->severity = sev;
    d->line = line;
    d->col = col;
    d->kind = (int)msg;
    size_t k = 0;
    config_diags_append(d->path, sizeof d->path, &k, path ? path : "", sizeof d->path);
    d->path[k] = '\0';
    const char *const args[3] = {a1, a2, a3};
    unsigned m = (unsigned)msg < CONFIG_MSG_COUNT ? (unsigned)msg : 0;
    config_diags_render(config_diags_tpls[m].en, args, d->message, sizeof d->message);
    config_diags_render(config_diags_tpls[m].ja, args, d->message_ja, sizeof d->message_ja);
}

void config_diags_free(struct config_diags *diags)
{
    if (!diags)
        return;
    free(diags->d);
    memset(diags, 0, sizeof *diags);
}

void config_diags_format(const struct config_diag *d, const char *file, char *out, size_t outsz)
{
    char where[512] = "";
    const char *sev = d->severity == CONFIG_ERROR ? "error" : "warning";
    if (d->line > 0)
        snprintf(where, sizeof where, "%s%s%d:%d: ", file ? file : "", file ? ":" : "",
                 d->line, d->col);
    else if (file)
        snprintf(where, sizeof where, "%s: ", file);
    snprintf(out, outsz, "%s%s: %s%s%s", where, sev, d->path, d->path[0] ? ": " : "",
             d->message);
}

void config_diags_print_lang(const struct config_diags *diags, const char *file,
                             const char *lang)
{
    if (!diags)
        return;
    int ja = lang && strncmp(lang, "ja", 2) == 0;
    for (int i = 0; i < diags->n; i++) {
        const struct config_diag *d = &diags->d[i];
        char line[1024];
        config_diags_format(d, file, line, sizeof line);
        msg_out("%s\n", line);
        if (ja)
            msg_out("  %s: %s\n", d->severity == CONFIG_ERROR ? "エラー" : "警告",
                    d->message_ja);
    }
    int hidden = diags->n_errors + diags->n_warnings - diags->n;
    if (hidden > 0)
        msg_out("%s: %d more problems not shown (fix the ones above first)\n",
                file ? file : "config", hidden);
}

void config_diags_print(const struct config_diags *diags, const char *file)
{
    config_diags_print_lang(diags, file, NULL);
}
