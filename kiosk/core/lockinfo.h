#ifndef KIOSK_LOCKINFO_H
#define KIOSK_LOCKINFO_H
/* Who holds a lock on a file, read from the text of /proc/locks (one line
 * per lock: "1: FLOCK  ADVISORY  WRITE 1234 08:01:5678 0 EOF", where
 * 08:01 is the device's major and minor number in hex and 5678 the
 * inode). Pure text work: the caller reads the file. */

/* The pid of the first process holding a lock (not waiting for one: "->"
 * lines) on the file dev_major:dev_minor:inode, or 0 when text names none. */
long lockinfo_holder(const char *text, unsigned dev_major, unsigned dev_minor,
                     unsigned long long inode);
#endif
