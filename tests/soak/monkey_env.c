/* The monkey's world: a temporary folder holding the kiosk's config file
 * (rewritten by the reload events), the emblems and fonts the test configs
 * name, and every config of the source tree in memory, each marked good or
 * broken by the real loader. The good ones lose call.launcher: a call then
 * goes to the system's handler (the monkey's open_url), so no browser is
 * ever started and a seed replays the same run. */
#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fontfind.h"
#include "images.h"
#include "monkey.h"

static char *monkey_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long n = -1;
    if (f && fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0)
        buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    if (f)
        fclose(f);
    if (buf) {
        buf[n] = '\0';
        *len = (size_t)n;
    }
    return buf;
}

static int monkey_write(const char *path, const char *buf, size_t len)
{
    FILE *f = fopen(path, "wb");
    int ok = f && fwrite(buf, 1, len, f) == len;
    if (f && fclose(f) != 0)
        ok = 0;
    return ok ? 0 : -1;
}

/* Copies SRC/rel's files into tmp/sub (created). */
static int monkey_copy_dir(struct monkey *m, const char *rel, const char *sub)
{
    char from[1024], to[1024];
    snprintf(from, sizeof from, "%s/%s", m->src, rel);
    snprintf(to, sizeof to, "%s/%s", m->tmp, sub);
    DIR *d = opendir(from);
    if (!d || mkdir(to, 0700) != 0) {
        fprintf(stderr, "monkey: cannot copy %s to %s\n", from, to);
        if (d)
            closedir(d);
        return -1;
    }
    int rc = 0;
    for (struct dirent *e; rc == 0 && (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        char a[1536], b[1536];
        size_t len;
        snprintf(a, sizeof a, "%s/%s", from, e->d_name);
        snprintf(b, sizeof b, "%s/%s", to, e->d_name);
        char *buf = monkey_read(a, &len);
        rc = buf && monkey_write(b, buf, len) == 0 ? 0 : -1;
        free(buf);
    }
    closedir(d);
    return rc;
}

/* A good config as the monkey runs it: without call.launcher, and with
 * the changes of edit (NULL: none) applied to its root object. */
static char *monkey_variant(const char *text, void (*edit)(cJSON *root))
{
    cJSON *root = cJSON_Parse(text);
    if (!root)
        return NULL;
    cJSON *call = cJSON_GetObjectItemCaseSensitive(root, "call");
    if (call)
        cJSON_DeleteItemFromObjectCaseSensitive(call, "launcher");
    if (edit)
        edit(root);
    char *out = cJSON_Print(root);
    cJSON_Delete(root);
    return out;
}

/* The shipped config with its languages in reverse order, a short idle
 * timeout and no device check: every language index changes on a swap. */
static void monkey_edit_reversed(cJSON *root)
{
    cJSON *k = cJSON_GetObjectItemCaseSensitive(root, "kiosk");
    cJSON *langs = cJSON_GetObjectItemCaseSensitive(k, "languages");
    cJSON *rev = cJSON_CreateArray();
    for (int i = cJSON_GetArraySize(langs) - 1; i >= 0; i--)
        cJSON_AddItemToArray(rev, cJSON_Duplicate(cJSON_GetArrayItem(langs, i), 1));
    cJSON_ReplaceItemInObjectCaseSensitive(k, "languages", rev);
    cJSON_ReplaceItemInObjectCaseSensitive(k, "idle_timeout_s", cJSON_CreateNumber(30));
    cJSON *call = cJSON_GetObjectItemCaseSensitive(root, "call");
    cJSON_DeleteItemFromObjectCaseSensitive(call, "require_devices");
    cJSON_AddBoolToObject(call, "require_devices", 0);
}

/* Adds a config (text copied); good is found later by the loader. */
static int monkey_add(struct monkey *m, const char *name, const char *text, size_t len)
{
    if (m->n_cfgs >= MONKEY_MAX_CONFIGS || !text)
        return -1;
    struct monkey_config *c = &m->cfgs[m->n_cfgs];
    c->text = malloc(len + 1);
    if (!c->text)
        return -1;
    memcpy(c->text, text, len);
    c->text[len] = '\0';
    c->len = len;
    snprintf(c->name, sizeof c->name, "%s", name);
    m->n_cfgs++;
    return 0;
}

/* The shipped config (twice: as shipped, and edited), the good test
 * configs without their launchers, and every broken one as it is. */
static int monkey_read_configs(struct monkey *m)
{
    char path[1024];
    size_t len;
    snprintf(path, sizeof path, "%s/config/kiosk.json", m->src);
    char *shipped = monkey_read(path, &len), *v;
    int rc = shipped ? 0 : -1;
    if (shipped && (v = monkey_variant(shipped, NULL))) {
        rc |= monkey_add(m, "kiosk.json", v, strlen(v));
        free(v);
    }
    if (shipped && (v = monkey_variant(shipped, monkey_edit_reversed))) {
        rc |= monkey_add(m, "kiosk.json (languages reversed, idle 30 s)", v, strlen(v));
        free(v);
    }
    free(shipped);
    snprintf(path, sizeof path, "%s/tests/data/config", m->src);
    struct dirent **names = NULL;
    int n = scandir(path, &names, NULL, alphasort);
    for (int i = 0; i < n; i++) {
        const char *f = names[i]->d_name;
        size_t fl = strlen(f);
        char p[1536];
        snprintf(p, sizeof p, "%s/%s", path, f);
        char *text = fl > 5 && !strcmp(f + fl - 5, ".json") ? monkey_read(p, &len) : NULL;
        if (text && !strncmp(f, "good_", 5) && (v = monkey_variant(text, NULL))) {
            rc |= monkey_add(m, f, v, strlen(v));
            free(v);
        } else if (text) {
            rc |= monkey_add(m, f, text, len);
        }
        free(text);
        free(names[i]);
    }
    free(names);
    return n > 0 ? rc : -1;
}

int monkey_env_write(struct monkey *m, int i)
{
    /* A new file in place of the old (as an editor saves), never the same
     * inode rewritten under a reader. */
    char tmp[600];
    snprintf(tmp, sizeof tmp, "%s.new", m->cfg_path);
    if (monkey_write(tmp, m->cfgs[i].text, m->cfgs[i].len) != 0 || rename(tmp, m->cfg_path) != 0)
        return -1;
    m->on_disk = i;
    return 0;
}

/* Each config is loaded once from the kiosk's file: good or broken. */
static int monkey_classify(struct monkey *m)
{
    struct config_load_opts o = {.image_probe = images_probe, .fonts_dir = m->fonts_dir};
    for (int i = 0; i < m->n_cfgs; i++) {
        struct config cfg;
        struct config_diags d = {0};
        if (monkey_env_write(m, i) != 0)
            return -1;
        m->cfgs[i].good = config_load(m->cfg_path, &o, &cfg, &d) == 0;
        if (m->cfgs[i].good)
            config_free(&cfg);
        for (int j = 0; !m->cfgs[i].good && strncmp(m->cfgs[i].name, "bad_", 4) && j < d.n; j++)
            if (d.d[j].severity == CONFIG_ERROR)
                fprintf(stderr, "monkey: %s does not load: %s: %s\n", m->cfgs[i].name,
                        d.d[j].path, d.d[j].message);
        config_diags_free(&d);
        m->n_good += m->cfgs[i].good;
    }
    /* The shipped config and its edit must load, and the broken fixtures
     * must be refused: else the reloads would test nothing. */
    if (!m->cfgs[0].good || !m->cfgs[1].good || m->n_good < 3 || m->n_cfgs - m->n_good < 20) {
        fprintf(stderr, "monkey: %d of %d configs load (the shipped one %s): expected it, its "
                        "edit and the good_* fixtures to load and 20+ broken ones\n",
                m->n_good, m->n_cfgs, m->cfgs[0].good ? "does" : "does NOT");
        return -1;
    }
    return 0;
}

int monkey_env_good(const struct monkey *m, uint64_t r)
{
    int k = (int)(r % (uint64_t)m->n_good);
    for (int i = 0; i < m->n_cfgs; i++)
        if (m->cfgs[i].good && k-- == 0)
            return i;
    return 0;
}

/* good_full.json names TestSans.ttf, a stub that only has to exist for
 * the loader's tests: no text can be drawn with it. The monkey's copy is a
 * real font (Noto Sans CJK, which has every script of its languages), so
 * that config's screens draw their text like the others. */
static int monkey_test_font(struct monkey *m)
{
    char real[1024], to[600];
    int face = 0;
    size_t len;
    if (fontfind_resolve("NotoSansCJK-Regular.ttc", NULL, real, sizeof real, &face, NULL, 0) != 0) {
        fprintf(stderr, "monkey: NotoSansCJK-Regular.ttc not found (fonts-noto-cjk)\n");
        return -1;
    }
    snprintf(to, sizeof to, "%s/TestSans.ttf", m->fonts_dir);
    char *buf = monkey_read(real, &len);
    int rc = buf ? monkey_write(to, buf, len) : -1;
    free(buf);
    return rc;
}

int monkey_env_open(struct monkey *m)
{
    snprintf(m->tmp, sizeof m->tmp, "/tmp/kiosk_monkey.XXXXXX");
    if (!mkdtemp(m->tmp)) {
        perror("monkey: mkdtemp");
        return -1;
    }
    snprintf(m->cfg_path, sizeof m->cfg_path, "%s/kiosk.json", m->tmp);
    snprintf(m->fonts_dir, sizeof m->fonts_dir, "%s/fonts", m->tmp);
    if (monkey_copy_dir(m, "tests/data/config/emblems", "emblems") != 0 ||
        monkey_copy_dir(m, "tests/data/config/fonts", "fonts") != 0 || monkey_test_font(m) != 0 ||
        monkey_read_configs(m) != 0 || monkey_classify(m) != 0)
        return -1;
    return monkey_env_write(m, 0);
}

static void monkey_rm_dir(const char *dir)
{
    DIR *d = opendir(dir);
    for (struct dirent *e; d && (e = readdir(d));) {
        char p[1536];
        if (e->d_name[0] == '.' && (!e->d_name[1] || (e->d_name[1] == '.' && !e->d_name[2])))
            continue;
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        if (unlink(p) != 0)
            monkey_rm_dir(p);
    }
    if (d)
        closedir(d);
    rmdir(dir);
}

void monkey_env_close(struct monkey *m)
{
    if (m->tmp[0])
        monkey_rm_dir(m->tmp);
    m->tmp[0] = '\0';
    for (int i = 0; i < m->n_cfgs; i++)
        free(m->cfgs[i].text);
    m->n_cfgs = 0;
}
