#define _GNU_SOURCE /* dl_iterate_phdr */
#include "dlib.h"

#include <dlfcn.h>
#include <link.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

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

/* dl_iterate_phdr's walk for dlib_drop_pages. */
struct dlib_drop {
    const char *const *names;
    size_t bytes;
};

/* 1 if the object has text relocations: its code pages were written at
 * load, and dropping them would undo that. */
static int dlib_textrel(const struct dl_phdr_info *info)
{
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_DYNAMIC)
            continue;
        for (const ElfW(Dyn) *d = (const ElfW(Dyn) *)(info->dlpi_addr + ph->p_vaddr);
             d->d_tag != DT_NULL; d++)
            if (d->d_tag == DT_TEXTREL || (d->d_tag == DT_FLAGS && (d->d_un.d_val & DF_TEXTREL)))
                return 1;
    }
    return 0;
}

static int dlib_drop_one(struct dl_phdr_info *info, size_t size, void *arg)
{
    (void)size;
    struct dlib_drop *c = arg;
    const char *base = strrchr(info->dlpi_name, '/');
    base = base ? base + 1 : info->dlpi_name;
    int named = 0;
    for (const char *const *n = c->names; *n && !named; n++)
        named = strncmp(base, *n, strlen(*n)) == 0;
    if (!named || dlib_textrel(info))
        return 0;
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_LOAD || (ph->p_flags & PF_W))
            continue; /* data, relocated data (RELRO) and .bss are the process's own */
        uintptr_t a = (info->dlpi_addr + ph->p_vaddr + page - 1) & ~(page - 1);
        uintptr_t b = (info->dlpi_addr + ph->p_vaddr + ph->p_filesz) & ~(page - 1);
        if (b > a && madvise((void *)a, b - a, MADV_DONTNEED) == 0)
            c->bytes += b - a;
    }
    return 0;
}

size_t dlib_drop_pages(const char *const names[])
{
    struct dlib_drop c = {names, 0};
    dl_iterate_phdr(dlib_drop_one, &c);
    return c.bytes;
}
