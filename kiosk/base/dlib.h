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
#endif
