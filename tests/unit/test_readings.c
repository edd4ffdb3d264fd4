/* The phoneme check of names: each municipality of the shipped config, as
 * voice guidance says it in Japanese and easy Japanese (speech_text_name:
 * the configured reading, else the name), goes through Open JTalk's
 * phoneme output (open_jtalk -ot) and must sound as the town's reading in
 * tests/data/municipality_readings.txt. Also prints which names Open JTalk
 * misreads without a configured reading. Needs open_jtalk and its voice. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "config.h"
#include "speech_text.h"

#define DIC "/var/lib/mecab/dic/open-jtalk/naist-jdic"
#define VOICE "/usr/share/hts-voice/nitech-jp-atr503-m001/nitech_jp_atr503_m001.htsvoice"

static char dir[64];

/* The phonemes Open JTalk says for text, space separated, lowercased (a
 * devoiced vowel is upper case: the same sound for this check), with long
 * vowels written out (o u -> o o, e i -> e e: kana spell them so). */
static int phonemes(const char *text, char *out, size_t n)
{
    char in[128], trace[128], cmd[1024];
    snprintf(in, sizeof in, "%s/in.txt", dir);
    snprintf(trace, sizeof trace, "%s/trace.txt", dir);
    FILE *f = fopen(in, "w");
    if (!f)
        return -1;
    fprintf(f, "%s\n", text);
    fclose(f);
    snprintf(cmd, sizeof cmd, "open_jtalk -x %s -m %s -ot %s -ow /dev/null %s", DIC, VOICE,
             trace, in);
    if (system(cmd) != 0 || !(f = fopen(trace, "r")))
        return -1;
    char line[1024], prev[16] = "";
    int in_labels = 0;
    size_t len = 0;
    out[0] = '\0';
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '[') {
            in_labels = strncmp(line, "[Output label]", 14) == 0;
            continue;
        }
        char *a = strchr(line, '-'), *b = a ? strchr(a, '+') : NULL;
        if (!in_labels || !a || !b || b - a > 8)
            continue;
        char ph[16];
        snprintf(ph, sizeof ph, "%.*s", (int)(b - a - 1), a + 1);
        for (char *p = ph; *p; p++)
            *p = (*p >= 'A' && *p <= 'Z' && strcmp(ph, "N") != 0) ? (char)(*p + 32) : *p;
        if ((!strcmp(ph, "u") && !strcmp(prev, "o")) || (!strcmp(ph, "i") && !strcmp(prev, "e")))
            snprintf(ph, sizeof ph, "%s", prev);
        if (strcmp(ph, "sil") && strcmp(ph, "pau"))
            len += (size_t)snprintf(out + len, len < n ? n - len : 0, "%s ", ph);
        snprintf(prev, sizeof prev, "%s", ph);
    }
    fclose(f);
    return len < n ? 0 : -1;
}

static const char *truth(const char *id, char *buf, size_t n, const char *path)
{
    FILE *f = fopen(path, "r");
    char line[256];
    const char *found = NULL;
    while (f && !found && fgets(line, sizeof line, f)) {
        char k[64], v[128];
        if (line[0] != '#' && sscanf(line, "%63s %127s", k, v) == 2 && !strcmp(k, id)) {
            snprintf(buf, n, "%s", v);
            found = buf;
        }
    }
    if (f)
        fclose(f);
    return found;
}

int main(int argc, char **argv)
{
    const char *data = argc > 1 ? argv[1] : "tests/data";
    char cfg_path[512], readings[512];
    snprintf(cfg_path, sizeof cfg_path, "%s/../../config/kiosk.json", data);
    snprintf(readings, sizeof readings, "%s/municipality_readings.txt", data);
    if (access(DIC, R_OK) || access(VOICE, R_OK)) {
        fprintf(stderr, "no Open JTalk dictionary or voice (.ci/setup installs them)\n");
        return 1;
    }
    snprintf(dir, sizeof dir, "/tmp/kiosk-readings-XXXXXX");
    CHECK(mkdtemp(dir) != NULL);
    struct config cfg;
    struct config_load_opts o = {.skip_files = 1};
    CHECK(config_load(cfg_path, &o, &cfg, NULL) == 0);
    static const char *const langs[] = {"ja", "ja-easy"};
    for (int i = 0; i < cfg.n_municipalities; i++) {
        const struct config_municipality *m = &cfg.municipalities[i];
        char want_kana[128], want[512], got[512], plain[512];
        CHECK(truth(m->id, want_kana, sizeof want_kana, readings) != NULL);
        if (!truth(m->id, want_kana, sizeof want_kana, readings))
            continue;
        CHECK(phonemes(want_kana, want, sizeof want) == 0);
        CHECK(phonemes(ltext_get(&m->name, "ja", "ja"), plain, sizeof plain) == 0);
        printf("%-14s %-10s name alone: %s%s\n", m->id, ltext_get(&m->name, "ja", "ja"),
               strcmp(plain, want) ? "misread as " : "right", strcmp(plain, want) ? plain : "");
        for (int l = 0; l < 2; l++) {
            const char *said = speech_text_name(&m->name, &m->reading, langs[l], "ja");
            CHECK(phonemes(said, got, sizeof got) == 0);
            if (strcmp(got, want) != 0) {
                fprintf(stderr, "  %s in %s: says \"%s\" as [%s], the reading is [%s]\n", m->id,
                        langs[l], said, got, want);
                check_failures++;
            }
        }
    }
    config_free(&cfg);
    char p[128];
    snprintf(p, sizeof p, "%s/in.txt", dir);
    unlink(p);
    snprintf(p, sizeof p, "%s/trace.txt", dir);
    unlink(p);
    rmdir(dir);
    return CHECK_RESULT();
}
