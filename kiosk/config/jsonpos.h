#ifndef KIOSK_JSONPOS_H
#define KIOSK_JSONPOS_H
/* A strict JSON scanner that remembers where each value is, by its path
 * (cJSON parses but gives no positions), and builds the cJSON tree on the
 * way, so the bytes are read once. It also reports the first syntax error
 * with line and column, and every duplicate key. Pure: libc and cJSON.
 *
 * Paths are spelled by jsonpath.h.
 * Lines and columns are 1-based; a column counts characters (code points),
 * not bytes, so it matches what an editor shows for Japanese text. */
#include <stddef.h>

#include <cjson/cJSON.h>

#define JSONPOS_MAX_DEPTH 64 /* deeper nesting is a syntax error */

#define JSONPOS_ERRORS(X)                                                                \
    X(OK)                                                                                \
    X(NOMEM)             /* out of memory */                                             \
    X(NO_VALUE)          /* only white space */                                          \
    X(EOF_IN_OBJECT)     /* position: the unclosed '{' */                                \
    X(EOF_IN_ARRAY)      /* position: the unclosed '[' */                                \
    X(EXPECTED_VALUE)    /* found: the token */                                          \
    X(EXPECTED_KEY)                                                                      \
    X(UNQUOTED_KEY)                                                                      \
    X(EXPECTED_COLON)                                                                    \
    X(MISSING_COMMA)                                                                     \
    X(EXPECTED_COMMA_OBJECT)                                                             \
    X(EXPECTED_COMMA_ARRAY)                                                              \
    X(TRAILING_COMMA)                                                                    \
    X(COMMENT)                                                                           \
    X(SINGLE_QUOTE)                                                                      \
    X(BAD_WORD)                                                                          \
    X(BAD_NUMBER)                                                                        \
    X(UNTERMINATED_STRING) /* position: the opening quote */                             \
    X(NEWLINE_IN_STRING)   /* position: the opening quote */                             \
    X(CONTROL_CHAR)                                                                      \
    X(BAD_ESCAPE)                                                                        \
    X(BAD_UNICODE_ESCAPE)                                                                \
    X(BAD_SURROGATE)                                                                     \
    X(NUL_CHAR)                                                                          \
    X(TOO_DEEP)                                                                          \
    X(FULLWIDTH_SPACE)     /* U+3000 outside a string */                                 \
    X(TRAILING_DATA)

#define JSONPOS_ENUM_ITEM(name) JSONPOS_E_##name,
enum jsonpos_error { JSONPOS_ERRORS(JSONPOS_ENUM_ITEM) JSONPOS_E_COUNT };
#undef JSONPOS_ENUM_ITEM

struct jsonpos_syntax {
    enum jsonpos_error err;
    int line, col;
    char found[32]; /* the offending text, e.g. "}" or "True"; "" at end of file */
};

struct jsonpos;

/* Scans buf[0..len), the one pass over the bytes: checks the syntax,
 * records where each value is, and builds the cJSON tree (what
 * cJSON_Parse would give, duplicate keys included) into *tree when tree is
 * not NULL; the caller frees it with cJSON_Delete. Returns a new index
 * (free with jsonpos_free) if buf is one valid JSON text, else NULL with
 * *syntax filled (err NOMEM when out of memory) and no tree. syntax may
 * not be NULL. */
struct jsonpos *jsonpos_scan(const char *buf, size_t len, struct jsonpos_syntax *syntax,
                             cJSON **tree);
void jsonpos_free(struct jsonpos *p);

/* Position of the value at path. If path is not in the file, the nearest
 * enclosing value that is (so a missing field points at its object).
 * Returns 0 for an exact hit, 1 for an ancestor, -1 if nothing (line=col=0). */
int jsonpos_find(const struct jsonpos *p, const char *path, int *line, int *col);
/* Like jsonpos_find, but for an object member the position of its key. */
int jsonpos_find_key(const struct jsonpos *p, const char *path, int *line, int *col);

/* Duplicate keys found (the first occurrence is the one that counts).
 * The returned path points into p (owned by p). */
int jsonpos_dup_count(const struct jsonpos *p);
const char *jsonpos_dup_get(const struct jsonpos *p, int i, int *line, int *col);

#endif
