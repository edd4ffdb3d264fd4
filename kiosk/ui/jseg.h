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

/* Opens MeCab with its default dictionary (/etc/mecabrc). NULL when MeCab
 * or the dictionary cannot be opened (logged): lines then break between
 * any two CJK characters, as before. */
struct jseg *jseg_create(void);
void jseg_destroy(struct jseg *j);
/* breaks[i] for each byte of text (and its end): TEXTWRAP_BREAK_PHRASE
 * where a phrase starts, TEXTWRAP_BREAK_WORD where another word of the
 * same phrase starts, 0 inside a word (textwrap.h). Owned by j, valid until the next
 * jseg_breaks. NULL on failure. */
const unsigned char *jseg_breaks(struct jseg *j, const char *text);

struct jseg_stats {
    unsigned long hits, misses; /* cache lookups */
};
void jseg_stats(const struct jseg *j, struct jseg_stats *out);
#endif
