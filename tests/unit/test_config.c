/* The config loader: every fixture under tests/data/config/ (good_*.json
 * load cleanly; bad_*.json give exactly the lines of bad_*.expected), the
 * position scanner, and the values the structs get. argv[1]: tests/data. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "config.h"
#include "config_diags.h"
#include "config_int.h"
#include "jsonpos.h"
#include "pinhash.h"

#define TEST_LINE_MAX 1024

static const struct config_load_opts test_opts = {.fonts_dir = "fonts"};

static char *test_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *nb = realloc(buf, cap * 2 + 1);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf)
        buf[n] = '\0';
    *len = n;
    return buf;
}

/* Compares the diagnostics of one broken fixture with NAME.expected. */
static void test_bad_fixture(const char *json)
{
    char expected_path[512];
    snprintf(expected_path, sizeof expected_path, "%.*s.expected", (int)(strlen(json) - 5), json);
    size_t len = 0;
    char *expected = test_read(expected_path, &len);
    if (!expected) {
        fprintf(stderr, "%s: missing %s\n", json, expected_path);
        check_failures++;
        return;
    }
    struct config cfg;
    struct config_diags diags = {0, 0, 0, 0, NULL};
    int rc = config_load(json, &test_opts, &cfg, &diags);
    int want_error = strstr(expected, ": error: ") != NULL;
    if (rc != (want_error ? -1 : 0)) {
        fprintf(stderr, "%s: config_load returned %d\n", json, rc);
        check_failures++;
    }
    if (rc != 0)
        CHECK(cfg.municipalities == NULL && cfg.path == NULL && cfg.n_municipalities == 0);
    char *line = expected, *next;
    for (int i = 0; i < diags.n || (line && *line); i++, line = next) {
        next = line ? strchr(line, '\n') : NULL;
        if (next)
            *next++ = '\0';
        char got[TEST_LINE_MAX] = "(nothing)";
        if (i < diags.n)
            config_diags_format(&diags.d[i], json, got, sizeof got);
        const char *want = line && *line ? line : "(nothing)";
        if (strcmp(got, want) != 0) {
            fprintf(stderr, "%s line %d:\n  expected: %s\n  got:      %s\n", json, i + 1, want,
                    got);
            check_failures++;
        }
        if (!next || !*next)
            next = NULL;
        if (!next && i + 1 >= diags.n)
            break;
    }
    for (int i = 0; i < diags.n; i++)
        CHECK(diags.d[i].message_ja[0] != '\0');
    config_free(&cfg);
    config_diags_free(&diags);
    free(expected);
}

static void test_good_fixture(const char *json)
{
    struct config cfg;
    struct config_diags diags = {0, 0, 0, 0, NULL};
    int rc = config_load(json, &test_opts, &cfg, &diags);
    if (rc != 0 || diags.n != 0) {
        fprintf(stderr, "%s: expected a clean load, got rc %d and:\n", json, rc);
        config_diags_print(&diags, json);
        check_failures++;
    }
    config_free(&cfg);
    config_diags_free(&diags);
}

static int test_fixtures(void)
{
    DIR *d = opendir(".");
    if (!d)
        return 0;
    int count = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len < 6 || strcmp(e->d_name + len - 5, ".json") != 0)
            continue;
        if (strncmp(e->d_name, "bad_", 4) == 0)
            test_bad_fixture(e->d_name);
        else if (strncmp(e->d_name, "good_", 5) == 0)
            test_good_fixture(e->d_name);
        else
            continue;
        count++;
    }
    closedir(d);
    return count;
}

/* The tree jsonpos builds while it scans is the tree cJSON would parse
 * from the same bytes (printed the same, duplicate keys in order). */
static void test_jsonpos_tree_of(const char *what, const char *buf, size_t len)
{
    struct jsonpos_syntax syn;
    cJSON *tree = NULL;
    struct jsonpos *p = jsonpos_scan(buf, len, &syn, &tree);
    cJSON *ref = cJSON_ParseWithLength(buf, len);
    if (!p) { /* a syntax error for jsonpos: no tree */
        CHECK(tree == NULL);
        cJSON_Delete(ref);
        return;
    }
    char *a = tree ? cJSON_PrintUnformatted(tree) : NULL;
    char *b = ref ? cJSON_PrintUnformatted(ref) : NULL;
    if (!a || !b || strcmp(a, b) != 0)
        fprintf(stderr, "tree of %s differs from cJSON's\n", what);
    CHECK(a && b && strcmp(a, b) == 0);
    free(a);
    free(b);
    cJSON_Delete(tree);
    cJSON_Delete(ref);
    jsonpos_free(p);
}

static void test_jsonpos_tree(void)
{
    static const char *const cases[] = {
        "{\"a\": 1, \"a\": [1, 2.5e3, -0, 1e999, -12.75, 0.1], \"b\": {\"c\": null, \"d\": true}}",
        "[\"\\u00e9\\ud83d\\ude00\\n\\t\\\"\\\\\\/\", \"札幌\", {}, [], false]",
        "{\"odd key\": {\"x y\": [[[]]]}, \"\": 5}",
        "42",
        "\"just a text\"",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        test_jsonpos_tree_of(cases[i], cases[i], strlen(cases[i]));
    const char *files[] = {"good_full.json", "good_minimal.json", "bad_duplicate_key.json",
                           "bad_types.json", "bad_not_utf8.json", "bad_unknown_keys.json",
                           "../../../config/kiosk.json"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        size_t len = 0;
        char *buf = test_read(files[i], &len);
        CHECK(buf != NULL);
        if (buf)
            test_jsonpos_tree_of(files[i], buf, len);
        free(buf);
    }
}

/* ---- the position scanner --------------------------------------------- */

struct test_pos_case {
    const char *json, *path;
    int rc, line, col;
};

static void test_jsonpos_paths(void)
{
    static const struct test_pos_case cases[] = {
        {"{\"a\": {\"b\": [1, 2, {\"c\": true}]}}", "a.b[2].c", 0, 1, 26},
        {"{\"a\": {\"b\": [1, 2, {\"c\": true}]}}", "a.b[1]", 0, 1, 17},
        {"{\"a\": {\"b\": [1, 2]}}", "a.b[7]", 1, 1, 13},
        {"{\"a\": {\"b\": [1, 2]}}", "a.x.y", 1, 1, 7},
        {"{\"a\": {\"b\": [1, 2]}}", "", 0, 1, 1},
        {"{\n  \"名前\": \"当別町\", \"x\": 1\n}", "[\"名前\"]", 0, 2, 9},
        {"{\n  \"名前\": \"当別町\", \"x\": 1\n}", "x", 0, 2, 21},
        {"{\"a.b\": 1, \"a\": {\"b\": 2}}", "[\"a.b\"]", 0, 1, 9},
        {"{\"a.b\": 1, \"a\": {\"b\": 2}}", "a.b", 0, 1, 23},
        {"{\"q\\\"k\": 5}", "[\"q\\\"k\"]", 0, 1, 10},
        {"[[1], [2, [3]]]", "[1][1][0]", 0, 1, 12},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct test_pos_case *c = &cases[i];
        struct jsonpos_syntax syn;
        struct jsonpos *p = jsonpos_scan(c->json, strlen(c->json), &syn, NULL);
        CHECK(p != NULL);
        int line = -1, col = -1;
        int rc = jsonpos_find(p, c->path, &line, &col);
        if (rc != c->rc || line != c->line || col != c->col) {
            fprintf(stderr, "jsonpos case %zu (%s): got %d %d:%d, want %d %d:%d\n", i, c->path,
                    rc, line, col, c->rc, c->line, c->col);
            check_failures++;
        }
        jsonpos_free(p);
    }
}

struct test_syntax_case {
    const char *json;
    enum jsonpos_error err;
    int line, col;
};

static void test_jsonpos_syntax(void)
{
    static const struct test_syntax_case cases[] = {
        {"", JSONPOS_E_NO_VALUE, 1, 1},
        {"  \n ", JSONPOS_E_NO_VALUE, 2, 2},
        {"{\"a\": 1,}", JSONPOS_E_TRAILING_COMMA, 1, 8},
        {"[1 2]", JSONPOS_E_MISSING_COMMA, 1, 4},
        {"[1; 2]", JSONPOS_E_EXPECTED_COMMA_ARRAY, 1, 3},
        {"{\"a\" 1}", JSONPOS_E_EXPECTED_COLON, 1, 6},
        {"{\"a\": [1, {\"b\": 2}", JSONPOS_E_EOF_IN_ARRAY, 1, 7},
        {"{\"a\": \"x\\q\"}", JSONPOS_E_BAD_ESCAPE, 1, 9},
        {"{\"a\": \"\\u12\"}", JSONPOS_E_BAD_UNICODE_ESCAPE, 1, 8},
        {"{\"a\": \"\\ud800x\"}", JSONPOS_E_BAD_SURROGATE, 1, 8},
        {"{\"a\": \"\\udc00\"}", JSONPOS_E_BAD_SURROGATE, 1, 8},
        {"{\"a\": \"\\u0000\"}", JSONPOS_E_NUL_CHAR, 1, 8},
        {"{\"a\": \"tab\there\"}", JSONPOS_E_CONTROL_CHAR, 1, 11},
        {"{\"a\": -}", JSONPOS_E_BAD_NUMBER, 1, 7},
        {"{\"a\": 1.}", JSONPOS_E_BAD_NUMBER, 1, 7},
        {"{\"a\": .5}", JSONPOS_E_BAD_NUMBER, 1, 7},
        {"{\"a\": 1e}", JSONPOS_E_BAD_NUMBER, 1, 7},
        {"{\"a\": nul}", JSONPOS_E_BAD_WORD, 1, 7},
        {"{\"a\": 1} x", JSONPOS_E_TRAILING_DATA, 1, 10},
        {"{\"a\": 1} /* c */", JSONPOS_E_COMMENT, 1, 10},
        {"{\"漢字\": ,}", JSONPOS_E_EXPECTED_VALUE, 1, 8},
        {"{,}", JSONPOS_E_EXPECTED_KEY, 1, 2},
        {"\"abc", JSONPOS_E_UNTERMINATED_STRING, 1, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct test_syntax_case *c = &cases[i];
        struct jsonpos_syntax syn;
        struct jsonpos *p = jsonpos_scan(c->json, strlen(c->json), &syn, NULL);
        if (p || syn.err != c->err || syn.line != c->line || syn.col != c->col) {
            fprintf(stderr, "syntax case %zu (%s): got %d at %d:%d, want %d at %d:%d\n", i,
                    c->json, (int)syn.err, syn.line, syn.col, (int)c->err, c->line, c->col);
            check_failures++;
        }
        jsonpos_free(p);
    }
    /* Nesting is limited, not a stack overflow. */
    char deep[1000];
    memset(deep, '[', sizeof deep);
    struct jsonpos_syntax syn;
    CHECK(jsonpos_scan(deep, sizeof deep, &syn, NULL) == NULL);
    CHECK_INT(syn.err, JSONPOS_E_TOO_DEEP);
}

static void test_jsonpos_dups(void)
{
    const char *json = "{\"a\": 1, \"b\": {\"c\": 1, \"c\": {\"d\": 2}}, \"a\": 3}";
    struct jsonpos_syntax syn;
    struct jsonpos *p = jsonpos_scan(json, strlen(json), &syn, NULL);
    CHECK(p != NULL);
    CHECK_INT(jsonpos_dup_count(p), 2);
    int line = 0, col = 0;
    CHECK_STR(jsonpos_dup_get(p, 0, &line, &col), "b.c");
    CHECK_INT(col, 24);
    CHECK_STR(jsonpos_dup_get(p, 1, &line, &col), "a");
    CHECK(jsonpos_find(p, "a", &line, &col) == 0 && col == 7); /* the first counts */
    jsonpos_free(p);
    char out[16];
    CHECK_INT(jsonpath_key(out, sizeof out, "a", "b c"), 0);
    CHECK_STR(out, "a[\"b c\"]");
    CHECK_INT(jsonpath_key(out, sizeof out, "kiosk", "idle_timeout_s"), -1);
    CHECK_INT(jsonpath_index(out, sizeof out, "m", 12), 0);
    CHECK_STR(out, "m[12]");
}

/* ---- values ------------------------------------------------------------ */

static void test_values(void)
{
    struct config cfg;
    struct config_diags diags = {0, 0, 0, 0, NULL};
    CHECK_INT(config_load("good_full.json", &test_opts, &cfg, &diags), 0);
    CHECK_STR(cfg.kiosk.id, "sapporo-cityhall-1");
    CHECK_STR(ltext_get(&cfg.kiosk.title, "en", "ja"), "Sapporo Area Remote Counter");
    CHECK_INT(cfg.kiosk.n_languages, 4);
    CHECK_STR(cfg.kiosk.languages[3], "ja-easy");
    CHECK_INT(cfg.kiosk.idle_timeout_s, 120);
    CHECK_INT(cfg.kiosk.fullscreen, 0);
    CHECK_INT(cfg.kiosk.rotation, 90);
    CHECK(cfg.kiosk.display_inches == 32);
    CHECK_INT(cfg.call.n_launcher, 6);
    CHECK_INT(cfg.call.max_minutes, 45);
    CHECK_INT(cfg.n_municipalities, 3);
    const struct config_municipality *m = &cfg.municipalities[0];
    CHECK_INT(m->color, 0x2E7D32);
    CHECK_INT(m->has_hours, 1);
    CHECK_INT(m->hours.n[1], 2);
    CHECK_INT(m->hours.iv[1][1].open_min, 13 * 60);
    CHECK_INT(m->hours.iv[1][1].close_min, 17 * 60 + 30);
    CHECK_INT(m->hours.iv[3][0].open_min, 8 * 60 + 45);
    CHECK_INT(m->hours.iv[5][0].close_min, 24 * 60);
    CHECK_INT(m->hours.n[6], 0);
    CHECK_INT(m->n_closed_dates, 2);
    CHECK_INT(m->closed_dates[1].d, 29);
    CHECK_INT(m->n_services, 2);
    CHECK_STR(ltext_get(&m->services[1], "ja", "ja"), "Tax");
    CHECK_INT(config_count_callable(&cfg), 3);
    CHECK_INT(config_find_municipality(&cfg, "otaru"), 2);
    CHECK_INT(config_find_municipality(&cfg, "chitose"), -1);
    CHECK_INT(config_find_service(&cfg, "piazza"), 1);
    CHECK_INT(cfg.n_kpis, 2);
    CHECK(cfg.kpis[0].v2_target.present && cfg.kpis[0].v2_target.year == 2028);
    CHECK(cfg.kpis[1].v1_baseline.value == -1200.5 && !cfg.kpis[1].v1_actual.present);
    CHECK(config_fonts_for(&cfg, "ja") == &cfg.kiosk.fonts[0]);
    CHECK(config_fonts_for(&cfg, "ko") == &cfg.kiosk.fonts[1]);
    char path[64];
    CHECK_INT(config_resolve_path(&cfg, "emblems/ok.png", path, sizeof path), 0);
    CHECK_STR(path, "./emblems/ok.png");
    CHECK_INT(config_resolve_path(&cfg, "emblems/ok.png", path, 8), -1);
    char line[256];
    config_summary(&cfg, line, sizeof line);
    CHECK_STR(line, "OK: 3 municipalities (3 with video calls), 2 services, 2 KPIs, "
                    "languages ja, en, zh-Hant, ja-easy");
    config_free(&cfg);
    config_diags_free(&diags);
}

static void test_defaults(void)
{
    struct config cfg;
    CHECK_INT(config_load("good_minimal.json", NULL, &cfg, NULL), 0);
    CHECK_INT(cfg.kiosk.idle_timeout_s, 90);
    CHECK_INT(cfg.kiosk.fullscreen, 1);
    CHECK_STR(cfg.kiosk.default_language, "ja");
    CHECK_INT(cfg.call.max_minutes, 30);
    CHECK_INT(cfg.call.connect_timeout_s, 5);
    CHECK_INT(cfg.call.poll_interval_s, 15);
    CHECK(cfg.kiosk.admin_pin_sha256 == NULL && cfg.call.launcher == NULL);
    struct config bare; /* the same defaults without a file */
    config_load_defaults(&bare);
    CHECK_INT(bare.kiosk.idle_timeout_s, 90);
    CHECK_INT(bare.call.connect_timeout_s, 5);
    CHECK(bare.kiosk.display_inches == 24 && bare.call.require_devices == 1 && !bare.path);
    CHECK(config_fonts_for(&cfg, "ja") == NULL);
    char line[256];
    config_summary(&cfg, line, sizeof line);
    CHECK_STR(line, "OK: 1 municipality (0 with video calls), 0 services, 0 KPIs, languages ja; "
                    "no admin PIN, so the admin screen stays closed: set one with "
                    "`kiosk --hash-pin`");
    config_free(&cfg);
}

static void test_buffers(void)
{
    struct config cfg;
    struct config_diags diags = {0, 0, 0, 0, NULL};
    size_t big = 1024 * 1024 + 1;
    char *buf = malloc(big);
    CHECK(buf != NULL);
    if (buf) {
        memset(buf, ' ', big);
        CHECK_INT(config_load_buffer("x.json", buf, big, NULL, &cfg, &diags), -1);
        CHECK_STR(diags.d[0].message, "the file is larger than 1 MiB (1048577 bytes); is it "
                                      "the right file?");
        free(buf);
    }
    config_diags_free(&diags);
    CHECK_INT(config_load("no-such-file.json", NULL, &cfg, &diags), -1);
    char line[TEST_LINE_MAX];
    config_diags_format(&diags.d[0], "no-such-file.json", line, sizeof line);
    CHECK_STR(line, "no-such-file.json: error: cannot read the file (No such file or directory)");
    config_diags_free(&diags);
    /* Past the cap: counted, not stored. */
    size_t cap = 64 + 300 * 16;
    char *many = malloc(cap);
    CHECK(many != NULL);
    if (!many)
        return;
    size_t k = (size_t)snprintf(many, cap, "{\"kiosk\": {");
    for (int i = 0; i < 300; i++)
        k += (size_t)snprintf(many + k, cap - k, "\"k%d\": 1,", i);
    k += (size_t)snprintf(many + k, cap - k, "\"z\": 0}}");
    CHECK_INT(config_load_buffer("many.json", many, k, NULL, &cfg, &diags), -1);
    CHECK_INT(diags.n, CONFIG_DIAG_CAP);
    CHECK(diags.n_warnings == 0 && diags.n_errors == 305); /* unknown keys are errors */
    config_diags_free(&diags);
    free(many);
}

static void test_messages(void)
{
    struct config_diags diags = {0, 0, 0, 0, NULL};
    config_diags_add(&diags, CONFIG_ERROR, 41, 18, "municipalities[8].call.url",
                     CONFIG_MSG_URL_HTTPS, NULL, NULL, NULL);
    config_diags_add(&diags, CONFIG_WARNING, 3, 5, "kiosk.idle_timeout",
                     CONFIG_MSG_UNKNOWN_KEY_SUGGEST, "idle_timeout", "idle_timeout_s", NULL);
    config_diags_add(&diags, CONFIG_ERROR, 1, 1, "", CONFIG_MSG_TIME_OVERLAP, "a\nb", "c", NULL);
    char line[TEST_LINE_MAX];
    config_diags_format(&diags.d[0], "config/kiosk.json", line, sizeof line);
    CHECK_STR(line, "config/kiosk.json:41:18: error: municipalities[8].call.url: scheme must be "
                    "https");
    CHECK_STR(diags.d[0].message_ja, "https:// で始まるアドレスにしてください");
    CHECK_STR(diags.d[1].message_ja, "不明なキー `idle_timeout` です。"
                                     "`idle_timeout_s` の間違いではありませんか？");
    config_diags_format(&diags.d[2], NULL, line, sizeof line);
    CHECK_STR(line, "1:1: error: `a?b` overlaps or comes before `c`; list times in order "
                    "without overlap");
    for (int m = 0; m < CONFIG_MSG_COUNT; m++)
        CHECK(config_diags_template((enum config_msg)m)[0] != '\0');
    config_diags_free(&diags);
}

struct test_distance_case {
    const char *a, *b;
    int d;
};

static void test_distance(void)
{
    static const struct test_distance_case cases[] = {
        {"idle_timeout", "idle_timeout_s", 2}, {"colour", "color", 1}, {"Color", "color", 0},
        {"max_minuets", "max_minutes", 1},     {"abc", "xyz", 3},      {"", "id", 2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        CHECK_INT(config_json_distance(cases[i].a, cases[i].b), cases[i].d);
}

/* With the data folder known: records and metrics inside it are errors (an
 * update replaces it), anywhere else not; a relative emblem may climb out
 * of the config's folder only into the data folder's assets/. The fixtures
 * run in tests/data/config, so ".." is the data folder here. */
static void test_data_dir(void)
{
    static const char doc[] =
        "{\"kiosk\": {\"id\": \"k\", \"title\": \"T\", \"languages\": [\"ja\"],\n"
        " \"stats_path\": \"stats.jsonl\", \"metrics_path\": \"../kiosk.prom\"},\n"
        " \"municipalities\": [{\"id\": \"a\", \"name\": \"A\", \"color\": \"#2E7D32\",\n"
        "   \"emblem\": \"../assets/a.png\"},\n"
        "  {\"id\": \"b\", \"name\": \"B\", \"color\": \"#2E7D32\", \"emblem\": \"../b.png\"}]}\n";
    struct config_load_opts opts = {.fonts_dir = "fonts", .skip_files = 1, .data_dir = ".."};
    struct config cfg;
    struct config_diags diags = {0, 0, 0, 0, NULL};
    CHECK_INT(config_load_buffer("kiosk.json", doc, sizeof doc - 1, &opts, &cfg, &diags), -1);
    char data[512], line[TEST_LINE_MAX];
    char real[4096];
    CHECK(realpath("..", real) != NULL && strlen(real) < sizeof data);
    snprintf(data, sizeof data, "%.500s", real);
#define TEST_IN_DATA(key, val)                                                                \
    "kiosk.json:2:" key ": `" val "` is inside the kiosk's data folder %s, which an update "   \
    "replaces: keep records in a folder of their own (installed: /var/lib/" KIOSK_PACKAGE "/)"
    char wants[3][TEST_LINE_MAX];
    snprintf(wants[0], sizeof wants[0], TEST_IN_DATA("16: error: kiosk.stats_path", "stats.jsonl"),
             data);
    snprintf(wants[1], sizeof wants[1],
             TEST_IN_DATA("47: error: kiosk.metrics_path", "../kiosk.prom"), data);
    snprintf(wants[2], sizeof wants[2],
             "%s", "kiosk.json:5:58: error: municipalities[1] (B).emblem: `../b.png` leaves the "
             "folder `.` with `..`: name a file inside it, or give an absolute path");
    CHECK_INT(diags.n, 3);
    for (int i = 0; i < diags.n && i < 3; i++) {
        config_diags_format(&diags.d[i], "kiosk.json", line, sizeof line);
        CHECK_STR(line, wants[i]);
    }
    config_diags_free(&diags);
    /* Records outside it: accepted. */
    static const char outside[] =
        "{\"kiosk\": {\"id\": \"k\", \"title\": \"T\", \"languages\": [\"ja\"],"
        " \"stats_path\": \"/var/lib/k/stats.jsonl\", \"metrics_path\": \"/tmp/k.prom\"},"
        " \"municipalities\": [{\"id\": \"a\", \"name\": \"A\", \"color\": \"#2E7D32\","
        " \"emblem\": \"../assets/a.png\"}]}";
    int rc = config_load_buffer("kiosk.json", outside, sizeof outside - 1, &opts, &cfg, &diags);
    CHECK_INT(rc, 0);
    if (rc != 0)
        config_diags_print(&diags, "kiosk.json");
    config_free(&cfg);
    config_diags_free(&diags);
}

/* How many of diags are the example-PIN warning. */
static int test_pin_warnings(const struct config_diags *d)
{
    int n = 0;
    for (int i = 0; i < d->n; i++)
        n += d->d[i].kind == CONFIG_MSG_PIN_EXAMPLE;
    return n;
}

/* The kiosk defers the example-PIN check (PBKDF2) past its first frame:
 * the load leaves it out, config_check_pin_example does it after. */
static void test_pin_deferred(void)
{
    char example[PINHASH_MAX], other[PINHASH_MAX], json[512];
    CHECK_INT(pinhash_make(PINHASH_EXAMPLE_PIN, strlen(PINHASH_EXAMPLE_PIN), PINHASH_ITER_MIN,
                           example, sizeof example), 0);
    CHECK_INT(pinhash_make("135790", 6, PINHASH_ITER_MIN, other, sizeof other), 0);
    for (int defer = 0; defer <= 1; defer++) {
        for (int ex = 0; ex <= 1; ex++) {
            snprintf(json, sizeof json,
                     "{\"kiosk\": {\"id\": \"k\", \"title\": \"t\", \"languages\": [\"ja\"], "
                     "\"admin_pin_sha256\": \"%s\"}, \"municipalities\": [{\"id\": \"tobetsu\", "
                     "\"name\": \"当別町\", \"color\": \"#2E7D32\"}]}",
                     ex ? example : other);
            struct config_load_opts o = {.skip_files = 1, .defer_pin_check = defer};
            struct config cfg;
            struct config_diags diags = {0, 0, 0, 0, NULL};
            CHECK_INT(config_load_buffer("pin.json", json, strlen(json), &o, &cfg, &diags), 0);
            CHECK_INT(test_pin_warnings(&diags), ex && !defer);
            int warned = diags.n_warnings;
            CHECK_INT(config_check_pin_example(&cfg, &diags), ex);
            CHECK_INT(diags.n_warnings, warned + ex);
            if (ex) {
                const struct config_diag *d = &diags.d[diags.n - 1];
                CHECK_INT(d->kind, CONFIG_MSG_PIN_EXAMPLE);
                CHECK_INT(d->severity, CONFIG_WARNING);
                CHECK_STR(d->path, "kiosk.admin_pin_sha256");
                CHECK_INT(d->line, 0);
            }
            config_free(&cfg);
            config_diags_free(&diags);
        }
    }
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s TESTS_DATA_DIR\n", argv[0]);
        return 2;
    }
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/config", argv[1]);
    if (chdir(dir) != 0) { /* fixtures name their assets relative to here */
        perror(dir);
        return 1;
    }
    int n = test_fixtures();
    CHECK(n >= 30);
    test_jsonpos_paths();
    test_jsonpos_syntax();
    test_jsonpos_dups();
    test_jsonpos_tree();
    test_values();
    test_defaults();
    test_buffers();
    test_messages();
    test_distance();
    test_data_dir();
    test_pin_deferred();
    printf("test_config: %d fixtures\n", n);
    return CHECK_RESULT();
}
