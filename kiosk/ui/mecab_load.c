/* MeCab, loaded when the first Japanese text is segmented.
 *
 * libmecab is C++: linked, it brings libstdc++ and libgcc_s, mapped and
 * relocated before main on every start. Opened here instead, that work
 * waits for the first text that needs phrase boundaries (none of home's
 * first frame: draw.c). This file defines the four MeCab functions jseg.c
 * calls, with MeCab's names and types, and the first call opens
 * libmecab.so.2 with dlopen and forwards. It stays loaded: its and
 * libstdc++'s unique C++ symbols (STB_GNU_UNIQUE) make glibc keep them
 * through dlclose, so jseg_release gives back their code pages instead
 * (dlib_drop_pages). These definitions are not exported (no -rdynamic).
 *
 * Without the library mecab_new2 fails as it does without a dictionary:
 * lines then break between any two characters, as jseg.c says in the log. */
#include <mecab.h>
#include <pthread.h>

#include "dlib.h"

#define MECAB_LOAD_SONAME "libmecab.so.2"

static pthread_once_t mecab_load_once = PTHREAD_ONCE_INIT;
static int mecab_load_ok;
static char mecab_load_err[256];
static struct {
    mecab_t *(*new2)(const char *);
    const char *(*strerror)(mecab_t *);
    void (*destroy)(mecab_t *);
    const mecab_node_t *(*sparse_tonode2)(mecab_t *, const char *, size_t);
} mecab_fn;

#define MECAB_LOAD_SYM(lib, name, field)                                                       \
    (dlib_sym(lib, MECAB_LOAD_SONAME, name, &mecab_fn.field, sizeof mecab_fn.field,            \
              mecab_load_err, sizeof mecab_load_err) == 0)

static void mecab_load_run(void)
{
    void *lib = dlib_open(MECAB_LOAD_SONAME, mecab_load_err, sizeof mecab_load_err);
    mecab_load_ok = lib && MECAB_LOAD_SYM(lib, "mecab_new2", new2) &&
                    MECAB_LOAD_SYM(lib, "mecab_strerror", strerror) &&
                    MECAB_LOAD_SYM(lib, "mecab_destroy", destroy) &&
                    MECAB_LOAD_SYM(lib, "mecab_sparse_tonode2", sparse_tonode2);
}

mecab_t *mecab_new2(const char *arg)
{
    pthread_once(&mecab_load_once, mecab_load_run);
    return mecab_load_ok ? mecab_fn.new2(arg) : NULL;
}

const char *mecab_strerror(mecab_t *m)
{
    return mecab_load_ok ? mecab_fn.strerror(m) : mecab_load_err;
}

/* Only a tagger mecab_new2 made reaches these: the library is loaded. */
void mecab_destroy(mecab_t *m)
{
    if (m)
        mecab_fn.destroy(m);
}

const mecab_node_t *mecab_sparse_tonode2(mecab_t *m, const char *text, size_t len)
{
    return mecab_fn.sparse_tonode2(m, text, len);
}
