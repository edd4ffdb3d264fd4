#ifndef KIOSK_DLIB_H
#define KIOSK_DLIB_H
/* Libraries opened with dlopen at their first use rather than linked
 * (adapters/curl_load.c, espeak_load.c, ui/img_load.c, mecab_load.c): the
 * steps they share. err gets a one-line reason on failure. */
#include <stddef.h>

/* soname opened (RTLD_NOW | RTLD_LOCAL), or NULL with "cannot load SONAME
 * (why)" in err. */
void *dlib_open(const char *soname, char *err, size_t errsz);

/* The function name of lib into *fn (fnsz: sizeof *fn, a function
 * pointer). 0, or -1 with "SONAME has no NAME" in err. */
int dlib_sym(void *lib, const char *soname, const char *name, void *fn, size_t fnsz, char *err,
             size_t errsz);

/* 1 if soname is in the process now (it is not loaded by asking). */
int dlib_is_loaded(const char *soname);

/* Gives back the read-only pages (code and constant data, mapped from the
 * file and never written) of the loaded objects whose file name starts
 * with one of names (NULL-terminated), for a library that cannot be
 * unloaded and is idle: MADV_DONTNEED drops them from the process, and the
 * next call into the library faults them in again from the page cache,
 * the same bytes. Its data, relocated data and .bss are not touched.
 * Returns the bytes given back. */
size_t dlib_drop_pages(const char *const names[]);
#endif
