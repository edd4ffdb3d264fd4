#include "session.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/random.h>
#include <unistd.h>

#define SESSION_BYTES (SESSION_ID_LEN / 2)

/* Fallback for kernels before 3.17 (or a seccomp filter refusing getrandom). */
static int session_urandom(unsigned char *buf, size_t n)
{
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    size_t got = 0;
    if (fd < 0)
        return -1;
    while (got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    return got == n ? 0 : -1;
}

/* Fills buf completely: getrandom may return fewer bytes or EINTR. */
static int session_random(unsigned char *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = getrandom(buf + got, n - got, 0);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0 && errno == ENOSYS)
            return session_urandom(buf, n);
        if (r <= 0)
            return -1;
        got += (size_t)r;
    }
    return 0;
}

int session_new_id(char *out, size_t outsz)
{
    static const char hex[] = "0123456789abcdef";
    unsigned char bytes[SESSION_BYTES];
    if (!out || outsz < SESSION_ID_SIZE) {
        if (out && outsz > 0)
            out[0] = '\0';
        return -1;
    }
    if (session_random(bytes, sizeof bytes) != 0) {
        out[0] = '\0';
        return -1;
    }
    for (size_t i = 0; i < sizeof bytes; i++) {
        out[2 * i] = hex[bytes[i] >> 4];
        out[2 * i + 1] = hex[bytes[i] & 0x0f];
    }
    out[SESSION_ID_LEN] = '\0';
    return 0;
}
