/* Contrast of every text colour on its background, in both themes, and of
 * the better of white / dark text on every municipality colour of the
 * shipped config (read with cJSON): WCAG AA, at least 4.5:1. Controls'
 * outlines (and town tiles' colours) on the page: at least 3:1 (WCAG 1.4.11). */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "theme.h"

#define AA 4.5

static void test_known_values(void)
{
    CHECK(theme_contrast(0x000000, 0xFFFFFF) > 20.9 && theme_contrast(0x000000, 0xFFFFFF) < 21.1);
    CHECK(theme_contrast(0x777777, 0x777777) < 1.0001);
    /* #767676 on white is the classic 4.54:1 grey. */
    CHECK(theme_contrast(0x767676, 0xFFFFFF) > 4.5 && theme_contrast(0x767676, 0xFFFFFF) < 4.6);
    CHECK(theme_contrast(0x112233, 0xFFEEDD) == theme_contrast(0xFFEEDD, 0x112233));
    CHECK_INT(theme_text_on(0x000000), 0xFFFFFF);
    CHECK(theme_text_on(0xFFFFFF) != 0xFFFFFF);
}

static void test_theme_pairs(int high_contrast)
{
    struct theme t;
    struct theme_pair pairs[64];
    theme_get(&t, high_contrast);
    int n = theme_text_pairs(&t, pairs, 64);
    CHECK(n >= 10);
    for (int i = 0; i < n; i++) {
        double c = theme_contrast(pairs[i].fg, pairs[i].bg);
        if (c < AA) {
            fprintf(stderr, "  %s theme: %s %06X on %06X is %.2f:1\n",
                    high_contrast ? "high-contrast" : "normal", pairs[i].name,
                    (unsigned)pairs[i].fg, (unsigned)pairs[i].bg, c);
            check_failures++;
        }
    }
    /* High contrast earns its name: body text at least 7:1 (AAA). */
    if (high_contrast)
        CHECK(theme_contrast(t.text, t.bg) >= 7.0);
}

/* WCAG 1.4.11: what marks a control (its outline, or its face when it has
 * no outline) is at least 3:1 against the page, in both themes. */
static void test_control_pairs(int high_contrast)
{
    struct theme t;
    struct theme_pair pairs[32];
    theme_get(&t, high_contrast);
    int n = theme_control_pairs(&t, pairs, 32);
    CHECK(n >= 5);
    for (int i = 0; i < n; i++) {
        double c = theme_contrast(pairs[i].fg, pairs[i].bg);
        if (c < 3.0) {
            fprintf(stderr, "  %s theme: control %s %06X on %06X is %.2f:1\n",
                    high_contrast ? "high-contrast" : "normal", pairs[i].name,
                    (unsigned)pairs[i].fg, (unsigned)pairs[i].bg, c);
            check_failures++;
        }
    }
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    if (buf)
        buf[n] = '\0';
    fclose(f);
    return buf;
}

/* Tile text is white or dark, whichever reads better: that one must pass. */
static void test_municipality_colours(const char *data_dir)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/../../config/kiosk.json", data_dir);
    char *text = read_file(path);
    CHECK(text != NULL);
    cJSON *root = text ? cJSON_Parse(text) : NULL;
    CHECK(root != NULL);
    const cJSON *munis = cJSON_GetObjectItemCaseSensitive(root, "municipalities");
    int n = 0;
    const cJSON *m;
    cJSON_ArrayForEach(m, munis)
    {
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(m, "id");
        const cJSON *col = cJSON_GetObjectItemCaseSensitive(m, "color");
        if (!cJSON_IsString(col) || col->valuestring[0] != '#')
            continue;
        uint32_t rgb = (uint32_t)strtoul(col->valuestring + 1, NULL, 16);
        uint32_t fg = theme_text_on(rgb);
        double c = theme_contrast(fg, rgb);
        n++;
        /* A town's tile is a control filled with its colour: 3:1 on the page. */
        struct theme page;
        theme_get(&page, 0);
        double edge = theme_contrast(rgb, page.bg);
        if (edge < 3.0) {
            fprintf(stderr, "  municipality %s: tile %s on the page %06X is %.2f:1\n",
                    cJSON_IsString(id) ? id->valuestring : "?", col->valuestring,
                    (unsigned)page.bg, edge);
            check_failures++;
        }
        if (c < AA) {
            fprintf(stderr, "  municipality %s: text %06X on %s is %.2f:1\n",
                    cJSON_IsString(id) ? id->valuestring : "?", (unsigned)fg,
                    col->valuestring, c);
            check_failures++;
        }
    }
    CHECK(n >= 12);
    cJSON_Delete(root);
    free(text);
}

/* The focus ring: 3:1 against the halo bands it is drawn between (its two
 * neighbours), and ring or halo 3:1 against every colour around them, so
 * the ring's edge shows on a page, a card, a title bar or a button alike. */
static void test_focus_ring(int high_contrast)
{
    struct theme t;
    struct theme_pair pairs[32];
    theme_get(&t, high_contrast);
    CHECK(theme_contrast(t.focus, t.focus_halo) >= 3.0);
    int n = theme_focus_neighbours(&t, pairs, 32);
    CHECK(n >= 8);
    for (int i = 0; i < n; i++) {
        double ring = theme_contrast(t.focus, pairs[i].bg);
        double halo = theme_contrast(t.focus_halo, pairs[i].bg);
        if (ring < 3.0 && halo < 3.0) {
            fprintf(stderr, "  %s theme: focus ring on %s: ring %.2f:1, halo %.2f:1\n",
                    high_contrast ? "high-contrast" : "normal", pairs[i].name, ring, halo);
            check_failures++;
        }
    }
}

int main(int argc, char **argv)
{
    test_focus_ring(0);
    test_focus_ring(1);
    test_known_values();
    test_theme_pairs(0);
    test_theme_pairs(1);
    test_control_pairs(0);
    test_control_pairs(1);
    test_municipality_colours(argc > 1 ? argv[1] : "tests/data");
    return CHECK_RESULT();
}
