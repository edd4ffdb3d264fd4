/* Who holds a lock, from /proc/locks's text: held locks of each kind,
 * waiters ("->") skipped, another file's lock (other inode or device, the
 * device in hex) not taken, broken lines ignored; then the live kernel's
 * answer for a file this test locks. argv[1] is unused (tests/data). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "check.h"
#include "file.h"
#include "lockinfo.h"

static const char locks[] =
    "1: POSIX  ADVISORY  WRITE 700 fe:00:99 0 EOF\n"
    "2: -> FLOCK  ADVISORY  WRITE 801 fe:00:5678 0 EOF\n"
    "3: FLOCK  ADVISORY  WRITE 800 fe:00:5678 0 EOF\n"
    "4: OFDLCK ADVISORY  READ  -1 08:01:5678 0 EOF\n"
    "5: FLOCK  ADVISORY  WRITE 900 103:0a:5678 0 EOF\n"
    "garbage line\n"
    "6: FLOCK  ADVISORY  WRITE x 08:02:1 0 EOF\n";

int main(void)
{
    CHECK_INT(lockinfo_holder(locks, 0xfe, 0, 5678), 800); /* not the waiter 801 */
    CHECK_INT(lockinfo_holder(locks, 0xfe, 0, 99), 700);
    CHECK_INT(lockinfo_holder(locks, 0xfe, 0, 567), 0);
    CHECK_INT(lockinfo_holder(locks, 0x103, 0x0a, 5678), 900);
    CHECK_INT(lockinfo_holder(locks, 8, 1, 5678), 0);  /* an OFD lock names no pid */
    CHECK_INT(lockinfo_holder(locks, 8, 2, 1), 0);     /* no number */
    CHECK_INT(lockinfo_holder("", 0xfe, 0, 5678), 0);
    CHECK_INT(lockinfo_holder("1: FLOCK ADVISORY WRITE 5", 0, 0, 0), 0); /* cut short */

    /* The kernel's own text for a file locked here. */
    char path[] = "/tmp/kiosk-lockinfo-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0)
        return CHECK_RESULT();
    CHECK_INT(flock(fd, LOCK_EX | LOCK_NB), 0);
    struct stat st;
    CHECK_INT(fstat(fd, &st), 0);
    static char text[256 * 1024];
    CHECK(file_read_small("/proc/locks", 0, text, sizeof text) > 0);
    CHECK_INT(lockinfo_holder(text, major(st.st_dev), minor(st.st_dev),
                              (unsigned long long)st.st_ino),
              getpid());
    close(fd);
    unlink(path);
    return CHECK_RESULT();
}
