#ifndef KIOSK_FONTFIND_H
#define KIOSK_FONTFIND_H
/* Finds font files by the config's spec: "NAME.ttf", "NAME.ttc#N" (face N of
 * a collection) or an absolute path. Pure file-system work, no SDL. */
#include <stddef.h>

/* Searches fonts_dir (may be NULL) first, then the system's font folders
 * (/usr/local/share/fonts, /usr/share/fonts, recursively). On success writes
 * the full path to out, the face index to *face and returns 0; returns -1
 * if not found, with the places tried in tried (may be NULL). */
int fontfind_resolve(const char *spec, const char *fonts_dir, char *out, size_t outsz,
                     int *face, char *tried, size_t triedsz);
#endif
