/* Sentences for speech: each ends at its full stop (Japanese or Latin) and
 * takes the spaces after it; a dot inside a number or word is no end. */
#include <string.h>

#include "check.h"
#include "speech_split.h"

static void check_split(const char *text, const char *const *want, int n)
{
    const char *p = text;
    int i = 0;
    while (*p && i < n + 1) {
        size_t len = speech_split_next(p);
        CHECK(len > 0);
        if (len == 0)
            return;
        if (i < n) {
            if (strlen(want[i]) != len || strncmp(p, want[i], len) != 0)
                fprintf(stderr, "sentence %d of \"%s\": \"%.*s\", not \"%s\"\n", i, text,
                        (int)len, p, want[i]);
            CHECK(strlen(want[i]) == len && strncmp(p, want[i], len) == 0);
        }
        p += len;
        i++;
    }
    CHECK_INT(i, n);
}

int main(void)
{
    CHECK_INT(speech_split_next(""), 0);
    const char *ja[] = {"市町村を選ぶ。", "矢印キーで選び、決定キーで進みます。", "本当？", "戻る"};
    check_split("市町村を選ぶ。矢印キーで選び、決定キーで進みます。本当？戻る", ja, 4);
    const char *en[] = {"Choose a municipality. ", "Use the arrow keys! ", "Back"};
    check_split("Choose a municipality. Use the arrow keys! Back", en, 3);
    const char *num[] = {"Version 1.5 is here.", };
    check_split("Version 1.5 is here.", num, 1);
    const char *one[] = {"Municipalities"};
    check_split("Municipalities", one, 1);
    const char *ko[] = {"음성 안내. ", "시작"};
    check_split("음성 안내. 시작", ko, 2);
    return CHECK_RESULT();
}
