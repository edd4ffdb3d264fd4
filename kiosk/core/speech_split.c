#include "speech_split.h"

#include <string.h>

/* A full stop's length in bytes at p, or 0. */
static size_t speech_split_stop(const char *p)
{
    static const char *const wide[] = {"。", "！", "？"};
    for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++)
        if (strncmp(p, wide[i], strlen(wide[i])) == 0)
            return strlen(wide[i]);
    /* "1.5" and "e.g" are no ends: a Latin stop needs a space or the end. */
    if ((*p == '.' || *p == '!' || *p == '?') && (p[1] == ' ' || p[1] == '\0'))
        return 1;
    return 0;
}

size_t speech_split_next(const char *text)
{
    size_t i = 0;
    while (text[i]) {
        size_t stop = speech_split_stop(text + i);
        if (stop) {
            i += stop;
            while (text[i] == ' ')
                i++;
            return i;
        }
        i++;
    }
    return i;
}
