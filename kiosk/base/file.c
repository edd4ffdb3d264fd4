#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *file_kind(mode_t m)
{
    if (S_ISDIR(m))
        return "a folder";
    if (S_ISFIFO(m))
        return "a FIFO (named pipe)";
    if (S_ISSOCK(m))
        return "a socket";
    if (S_ISCHR(m) || S_ISBLK(m))
        return "a device";
    return "not a regular file";
}

int file_open_regular(const char *path, char *err, size_t errsz)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errsz, "%s", strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, errsz, "it is %s, not a regular file",
                 fstat(fd, &st) != 0 ? "unreadable" : file_kind(st.st_mode));
        close(fd);
        return -1;
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0)
        fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    return fd;
}

int file_write_all(int fd, const void *p, size_t n)
{
    const char *b = p;
    while (n > 0) {
        ssize_t w = write(fd, b, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            if (w == 0)
                errno = EIO;
            return -1;
        }
        b += w;
        n -= (size_t)w;
    }
    return 0;
}

FILE *file_fopen_regular(const char *path, char *err, size_t errsz)
{
    int fd = file_open_regular(path, err, errsz);
    if (fd < 0)
        return NULL;
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        snprintf(err, errsz, "%s", strerror(errno));
        close(fd);
    }
    return f;
}

static unsigned long file_be32(const unsigned char *p)
{
    return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 |
           (unsigned long)p[3];
}

int file_png_size(const char *path, int *w, int *h, char *err, size_t errsz)
{
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    unsigned char head[24];
    int fd = file_open_regular(path, err, errsz);
    if (fd < 0)
        return -1;
    struct stat st;
    long long size = fstat(fd, &st) == 0 ? (long long)st.st_size : 0;
    ssize_t got = read(fd, head, sizeof head);
    close(fd);
    if (size > FILE_IMAGE_MAX_BYTES) {
        snprintf(err, errsz, "%lld bytes: at most %ld MiB", size, FILE_IMAGE_MAX_BYTES >> 20);
        return -1;
    }
    if (got < 8 || memcmp(head, sig, sizeof sig) != 0) {
        snprintf(err, errsz, "no PNG signature");
        return -1;
    }
    if (got != (ssize_t)sizeof head || memcmp(head + 12, "IHDR", 4) != 0) {
        snprintf(err, errsz, "a PNG without its IHDR header");
        return -1;
    }
    unsigned long pw = file_be32(head + 16), ph = file_be32(head + 20);
    if (pw == 0 || ph == 0 || pw > FILE_IMAGE_MAX_SIDE || ph > FILE_IMAGE_MAX_SIDE) {
        snprintf(err, errsz, "%lux%lu pixels: at most %dx%d", pw, ph, FILE_IMAGE_MAX_SIDE,
                 FILE_IMAGE_MAX_SIDE);
        return -1;
    }
    *w = (int)pw;
    *h = (int)ph;
    return 0;
}

long file_read_small(const char *path, int flags, char *buf, size_t size)
{
    if (size < 2)
        return -1;
    int fd = open(path, O_RDONLY | O_CLOEXEC | flags);
    if (fd < 0)
        return -1;
    ssize_t n = read(fd, buf, size - 1);
    close(fd);
    if (n <= 0)
        return -1;
    buf[n] = '\0';
    return (long)n;
}
