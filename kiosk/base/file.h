#ifndef KIOSK_FILE_H
#define KIOSK_FILE_H
/* Opening the files staff name (config, emblems, fonts) without ever
 * blocking on them: only regular files, opened with O_NONBLOCK (a FIFO
 * would hold open() until a writer came) and checked with fstat before a
 * byte is read; and the size of a PNG read from its header, before anyone
 * decodes it (libc only). */
#include <stddef.h>
#include <stdio.h>

#define FILE_IMAGE_MAX_SIDE 4096 /* emblems: wider or taller is refused */
/* and a larger file (16 MiB; a 4096x4096 photo-like PNG is about half of
 * it): its decoder would read through all of it whatever the header says */
#define FILE_IMAGE_MAX_BYTES (16L * 1024 * 1024)

/* open(path, O_RDONLY|O_NONBLOCK|O_CLOEXEC), then fstat: a descriptor on a
 * regular file (O_NONBLOCK cleared again), or -1 with a one-line English
 * reason in err ("it is a FIFO, not a regular file", strerror...). */
int file_open_regular(const char *path, char *err, size_t errsz);

/* Writes all n bytes of p to fd (again after EINTR and short writes).
 * Returns 0, or -1 with errno set. */
int file_write_all(int fd, const void *p, size_t n);

/* The same as a stdio stream ("rb"); NULL with err. */
FILE *file_fopen_regular(const char *path, char *err, size_t errsz);

/* Reads at most size-1 bytes of the small file at path (a /proc entry, a
 * pid file) into buf and ends them with '\0'; flags are added to
 * O_RDONLY|O_CLOEXEC (e.g. O_NOFOLLOW|O_NONBLOCK). Returns the bytes read
 * (at least 1), or -1 when the file cannot be opened or is empty. */
long file_read_small(const char *path, int flags, char *buf, size_t size);

/* Width and height of the PNG at path from its IHDR (the first 24 bytes).
 * Returns 0; or -1 with a reason in err: not a regular file, no PNG
 * signature, no IHDR, a side of 0 or above FILE_IMAGE_MAX_SIDE
 * ("20000x20000 pixels: at most 4096x4096"), or a file larger than
 * FILE_IMAGE_MAX_BYTES. */
int file_png_size(const char *path, int *w, int *h, char *err, size_t errsz);
#endif
