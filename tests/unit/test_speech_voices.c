/* Which voices are installed, from files only: the paths the speech worker
 * would use, and what the log and the admin screen say is missing. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "speech_voices.h"

static void touch(const char *path, int mode)
{
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f)
        fclose(f);
    chmod(path, (mode_t)mode);
}

int main(void)
{
    /* Defaults for what is not given; what is given is kept. */
    struct speech_paths d = speech_paths_pick(NULL, NULL, NULL);
    CHECK_STR(d.jtalk, "open_jtalk");
    CHECK_STR(d.dic, SPEECH_JTALK_DIC);
    CHECK_STR(d.voice, SPEECH_JTALK_VOICE);
    struct speech_paths g = speech_paths_pick("/x/oj", "/x/dic", "/x/v.htsvoice");
    CHECK_STR(g.jtalk, "/x/oj");
    CHECK_STR(g.dic, "/x/dic");
    CHECK_STR(g.voice, "/x/v.htsvoice");

    /* A fake installation: open_jtalk on PATH, a dictionary folder, a voice. */
    char dir[] = "/tmp/test-voices-XXXXXX", bin[64], dic[64], voice[80], why[300];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(bin, sizeof bin, "%s/bin", dir);
    snprintf(dic, sizeof dic, "%s/naist-jdic", dir);
    snprintf(voice, sizeof voice, "%s/m001.htsvoice", dir);
    CHECK(mkdir(bin, 0700) == 0 && mkdir(dic, 0700) == 0);
    char cmd[80];
    snprintf(cmd, sizeof cmd, "%s/open_jtalk", bin);
    touch(cmd, 0700);
    touch(voice, 0600);
    setenv("PATH", bin, 1);
    struct speech_paths p = speech_paths_pick(NULL, dic, voice);
    CHECK(speech_voices_has(&p, "ja", why, sizeof why));
    CHECK(speech_voices_has(&p, "ja-easy", why, sizeof why));
    /* Each missing piece is named by its path. */
    struct speech_paths nodic = speech_paths_pick(NULL, "/nonexistent/naist-jdic", voice);
    CHECK(!speech_voices_has(&nodic, "ja", why, sizeof why));
    CHECK(strstr(why, "/nonexistent/naist-jdic missing") != NULL);
    struct speech_paths novoice = speech_paths_pick(NULL, dic, "/nonexistent/v.htsvoice");
    CHECK(!speech_voices_has(&novoice, "ja", why, sizeof why));
    CHECK(strstr(why, "/nonexistent/v.htsvoice missing") != NULL);
    struct speech_paths abs = speech_paths_pick("/nonexistent/open_jtalk", dic, voice);
    CHECK(!speech_voices_has(&abs, "ja", why, sizeof why));
    CHECK(strstr(why, "/nonexistent/open_jtalk missing") != NULL);
    chmod(cmd, 0600); /* there but not runnable: not found */
    CHECK(!speech_voices_has(&p, "ja", why, sizeof why));
    CHECK(strstr(why, "open_jtalk not on PATH") != NULL);
    chmod(cmd, 0700);

    /* espeak-ng's data (installed by .ci/setup with libespeak-ng-dev). */
    const char *data = speech_voices_espeak_data();
    CHECK(data != NULL);
    CHECK(speech_voices_has(&p, "en", why, sizeof why));
    CHECK(speech_voices_has(&p, "zh-Hant", why, sizeof why));
    CHECK(speech_voices_has(&p, "ko", why, sizeof why));
    CHECK(!speech_voices_has(&p, "fr", why, sizeof why));
    CHECK_STR(why, "no engine speaks it");
    CHECK_STR(speech_voices_espeak("zh-Hans"), "cmn");
    CHECK(speech_voices_espeak("ja") == NULL);

    /* The summary: only the languages without a voice, each with why. */
    const char langs[][I18N_LANG_MAX] = {"ja", "en", "ja-easy", "ko"};
    char out[512];
    CHECK_INT(speech_voices_missing(&p, langs, 4, out, sizeof out), 0);
    CHECK_STR(out, "");
    CHECK_INT(speech_voices_missing(&nodic, langs, 4, out, sizeof out), 2);
    CHECK_STR(out, "no voice for ja, ja-easy (/nonexistent/naist-jdic missing, package "
                   "open-jtalk-mecab-naist-jdic)");
    const char two[][I18N_LANG_MAX] = {"ja", "fr", "ja-easy", "de"};
    CHECK_INT(speech_voices_missing(&p, two, 4, out, sizeof out), 2);
    CHECK_STR(out, "no voice for fr, de (no engine speaks it)");
    char small[40]; /* a short buffer is cut, never overrun */
    CHECK_INT(speech_voices_missing(&nodic, langs, 4, small, sizeof small), 2);
    CHECK_INT((int)strlen(small), (int)sizeof small - 1);

    /* Cheap enough for a start-up step: files only. */
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = 0; i < 100; i++)
        speech_voices_missing(&d, langs, 4, out, sizeof out);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double us = ((double)(t1.tv_sec - t0.tv_sec) * 1e9 + (double)(t1.tv_nsec - t0.tv_nsec)) / 100e3;
    printf("probe of 4 languages: %.1f us each\n", us);
    CHECK(us < 5000.0);

    unlink(cmd);
    unlink(voice);
    rmdir(bin);
    rmdir(dic);
    rmdir(dir);
    return CHECK_RESULT();
}
