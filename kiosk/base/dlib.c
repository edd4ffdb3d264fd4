#include "dlib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

void *dlib_open(const char *soname, char *err, size_t errsz)
{
    void *lib = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!lib)
        snprintf(err, errsz, "cannot load %s (%s)", soname, dlerror());
    return lib;
}

int dlib_sym(void *lib, const char *soname, const char *name, void *fn, size_t fnsz, char *err,
             size_t errsz)
{
    void *p = dlsym(lib, name);
    if (!p || fnsz != sizeof p) {
        snprintf(err, errsz, "%s has no %s", soname, name);
        return -1;
    }
    /* POSIX makes dlsym's data pointer a usable function pointer; the copy
     * keeps ISO C's object-to-function pointer cast out of the code. */
    memcpy(fn, &p, sizeof p);
    return 0;
}

int dlib_is_loaded(const char *soname)
{
    void *lib = dlopen(soname, RTLD_NOW | RTLD_NOLOAD);
    if (lib)
        dlclose(lib);
    return lib != NULL;
}
