/* Spelling JSON paths: kiosk.title.ja, municipalities[8].call.url,
 * a["odd key"]. Shared by the scanner (jsonpos.c) and the loader. */
#include "jsonpath.h"

#include <stdio.h>
#include <string.h>

static int jsonpath_key_is_simple(const char *key, size_t len)
{
    if (len == 0)
        return 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)key[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-'))
            return 0;
    }
    return 1;
}

static void jsonpath_put(char *out, size_t outsz, size_t *k, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++, (*k)++)
        if (*k + 1 < outsz)
            out[*k] = s[i];
}

size_t jsonpath_segment(char *out, size_t outsz, int at_root, const char *key, size_t len)
{
    size_t k = 0;
    if (jsonpath_key_is_simple(key, len)) {
        if (!at_root)
            jsonpath_put(out, outsz, &k, ".", 1);
        jsonpath_put(out, outsz, &k, key, len);
    } else {
        jsonpath_put(out, outsz, &k, "[\"", 2);
        for (size_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)key[i];
            char esc[8];
            if (c == '"' || c == '\\') {
                esc[0] = '\\';
                esc[1] = (char)c;
                jsonpath_put(out, outsz, &k, esc, 2);
            } else if (c < 0x20) {
                snprintf(esc, sizeof esc, "\\u%04x", c);
                jsonpath_put(out, outsz, &k, esc, 6);
            } else {
                jsonpath_put(out, outsz, &k, key + i, 1);
            }
        }
        jsonpath_put(out, outsz, &k, "\"]", 2);
    }
    if (outsz)
        out[k < outsz ? k : outsz - 1] = '\0';
    return k;
}

int jsonpath_key(char *out, size_t outsz, const char *parent, const char *key)
{
    if (!outsz)
        return -1;
    size_t pl = strlen(parent);
    if (pl >= outsz) {
        memcpy(out, parent, outsz - 1);
        out[outsz - 1] = '\0';
        return -1;
    }
    memcpy(out, parent, pl);
    size_t need = jsonpath_segment(out + pl, outsz - pl, pl == 0, key, strlen(key));
    return pl + need < outsz ? 0 : -1;
}

int jsonpath_index(char *out, size_t outsz, const char *parent, int index)
{
    int n = snprintf(out, outsz, "%s[%d]", parent, index);
    return n >= 0 && (size_t)n < outsz ? 0 : -1;
}
