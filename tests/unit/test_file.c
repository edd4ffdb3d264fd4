/* Files staff name are opened without blocking and only if regular; a PNG's
 * size is read from its header and bounded. */
#include "check.h"
#include "file.h"

#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static void test_file_write_png(const char *path, uint32_t w, uint32_t h, int ihdr)
{
    unsigned char b[33] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13,
                           'I', 'H', 'D', 'R'};
    if (!ihdr)
        b[12] = 'X';
    for (int i = 0; i < 4; i++) {
        b[16 + i] = (unsigned char)(w >> (24 - 8 * i));
        b[20 + i] = (unsigned char)(h >> (24 - 8 * i));
    }
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f) {
        fwrite(b, 1, sizeof b, f);
        fclose(f);
    }
}

int main(void)
{
    char dir[] = "/tmp/kiosk-test-file-XXXXXX", path[128], err[160];
    CHECK(mkdtemp(dir) != NULL);
    int w = 0, h = 0;
    snprintf(path, sizeof path, "%s/ok.png", dir);
    test_file_write_png(path, 4096, 300, 1);
    CHECK_INT(file_png_size(path, &w, &h, err, sizeof err), 0);
    CHECK_INT(w, 4096);
    CHECK_INT(h, 300);
    test_file_write_png(path, 20000, 20000, 1); /* the PNG bomb's header */
    CHECK_INT(file_png_size(path, &w, &h, err, sizeof err), -1);
    CHECK_STR(err, "20000x20000 pixels: at most 4096x4096");
    test_file_write_png(path, 4097, 1, 1);
    CHECK_INT(file_png_size(path, &w, &h, err, sizeof err), -1);
    test_file_write_png(path, 0, 10, 1);
    CHECK_INT(file_png_size(path, &w, &h, err, sizeof err), -1);
    test_file_write_png(path, 10, 10, 0);
    CHECK_INT(file_png_size(path, &w, &h, err, sizeof err), -1);
    CHECK_STR(err, "a PNG without its IHDR header");
    /* A small header on a file past FILE_IMAGE_MAX_BYTES (sparse): refused
     * before the decoder reads through it; at the limit, taken. */
    test_file_write_png(path, 256, 256, 1);
    CHECK_INT(truncate(path, FILE_IMAGE_MAX_BYTES), 0);
    CHECK_INT(file_png_size(path, &w, &h, err, sizeof err), 0);
    CHECK_INT(truncate(path, FILE_IMAGE_MAX_BYTES + 1), 0);
    CHECK_INT(file_png_size(path, &w, &h, err, sizeof err), -1);
    CHECK_STR(err, "16777217 bytes: at most 16 MiB");
    /* A FIFO is refused at once, without waiting for a writer. */
    snprintf(path, sizeof path, "%s/fifo", dir);
    CHECK_INT(mkfifo(path, 0600), 0);
    double t0 = check_now();
    CHECK_INT(file_open_regular(path, err, sizeof err), -1);
    CHECK_STR(err, "it is a FIFO (named pipe), not a regular file");
    CHECK(file_fopen_regular(path, err, sizeof err) == NULL);
    CHECK_INT(file_png_size(path, &w, &h, err, sizeof err), -1);
    CHECK(check_now() - t0 < 1.0);
    unlink(path);
    CHECK_INT(file_open_regular("/dev/null", err, sizeof err), -1);
    CHECK_STR(err, "it is a device, not a regular file");
    CHECK_INT(file_open_regular(dir, err, sizeof err), -1);
    CHECK_STR(err, "it is a folder, not a regular file");
    snprintf(path, sizeof path, "%s/ok.png", dir);
    int fd = file_open_regular(path, err, sizeof err);
    CHECK(fd >= 0);
    if (fd >= 0)
        close(fd);
    unlink(path);
    rmdir(dir);
    return CHECK_RESULT();
}
