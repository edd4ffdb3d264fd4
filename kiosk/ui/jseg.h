#ifndef KIOSK_JSEG_H
#define KIOSK_JSEG_H
/* Where a Japanese line may break: phrase (bunsetsu) boundaries from
 * MeCab's morphemes, for textwrap_phrases. A phrase is a content word with
 * what clings to it: particles, auxiliaries, suffixes, dependent verbs and
 * closing punctuation (相談を / 受け付けています, お声がけください。,
 * 現在の / 状況). Results are cached by text, so a warm frame does not call
 * MeCab. No SDL: it lives in ui because only the wrapping of drawn text
 * needs it. */
#include <stddef.h>

struct jseg;

/* An empty cache (NULL: out of memory). MeCab, with its default dictionary
 * (/etc/mecabrc), is opened at the first text not in the cache; when it
 * cannot be (logged once), jseg_breaks gives NULL and lines break between
 * any two CJK characters, as before. */
struct jseg *jseg_create(void);
void jseg_destroy(struct jseg *j);
/* Closes MeCab, keeping the cache: its dictionary (~50 MB mapped, 5 to 25 MB
 * of it touched) is then no longer part of the kiosk's memory. The next
 * miss opens it again (~0.2 ms with the files in the page cache). ui_end
 * calls it after every frame. */
void jseg_release(struct jseg *j);
/* 1 while MeCab is open (j may be NULL). */
int jseg_is_open(const struct jseg *j);
/* breaks[i] for each byte of text (and its end): TEXTWRAP_BREAK_PHRASE
 * where a phrase starts, TEXTWRAP_BREAK_WORD where another word of the
 * same phrase starts, 0 inside a word (textwrap.h). Owned by j, valid until the next
 * jseg_breaks. NULL on failure. */
const unsigned char *jseg_breaks(struct jseg *j, const char *text);

struct jseg_stats {
    unsigned long hits, misses; /* cache lookups */
    unsigned long opens;        /* times MeCab was opened */
    size_t dropped;             /* code bytes given back at the last release */
};
void jseg_stats(const struct jseg *j, struct jseg_stats *out);
#endif
