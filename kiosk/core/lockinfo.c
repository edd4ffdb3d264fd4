#include "lockinfo.h"

#include <stdlib.h>
#include <string.h>

/* Skips blanks, then reads one field (up to a blank) into out; returns the
 * position after it, or NULL at the end of the line. */
static const char *lockinfo_field(const char *p, char *out, size_t outsz)
{
    while (*p == ' ' || *p == '\t')
        p++;
    if (!*p || *p == '\n')
        return NULL;
    size_t n = 0;
    while (*p && *p != ' ' && *p != '\t' && *p != '\n') {
        if (n + 1 < outsz)
            out[n++] = *p;
        p++;
    }
    out[n] = '\0';
    return p;
}

/* "MAJ:MIN:INODE" (MAJ and MIN in hex) equal to the file's. */
static int lockinfo_same_file(const char *f, unsigned maj, unsigned min,
                              unsigned long long ino)
{
    char *end;
    unsigned long a = strtoul(f, &end, 16);
    if (*end != ':')
        return 0;
    unsigned long b = strtoul(end + 1, &end, 16);
    if (*end != ':')
        return 0;
    unsigned long long c = strtoull(end + 1, &end, 10);
    return *end == '\0' && a == maj && b == min && c == ino;
}

/* One line: the pid if it is a held lock on the file, else 0. */
static long lockinfo_line(const char *p, unsigned maj, unsigned min, unsigned long long ino)
{
    char f[6][64];
    int n = 0;
    while (n < 6 && (p = lockinfo_field(p, f[n], sizeof f[n])) != NULL)
        n++;
    /* id: TYPE MODE ACCESS PID FILE; a waiter has "->" after the id */
    if (n < 6 || strcmp(f[1], "->") == 0 || !lockinfo_same_file(f[5], maj, min, ino))
        return 0;
    char *end;
    long pid = strtol(f[4], &end, 10);
    return *end == '\0' && pid > 0 ? pid : 0;
}

long lockinfo_holder(const char *text, unsigned dev_major, unsigned dev_minor,
                     unsigned long long inode)
{
    for (const char *p = text; p && *p;) {
        long pid = lockinfo_line(p, dev_major, dev_minor, inode);
        if (pid > 0)
            return pid;
        p = strchr(p, '\n');
        if (p)
            p++;
    }
    return 0;
}
