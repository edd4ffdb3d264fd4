#ifndef KIOSK_CONFIG_WATCH_H
#define KIOSK_CONFIG_WATCH_H
/* Notices that the staff saved the config file: a thread looks at the
 * file's mtime, size and inode once a second (an editor may save by
 * writing a new file and renaming it over the old one) and calls wake
 * once the file has stayed the same for a second (so a save in progress
 * is not reported half-written): a change shows within about 2 s.
 * It only notices; loading and swapping are the main loop's business. */
struct config_watch;

/* Starts watching path (copied; the file need not exist yet). wake (may be
 * NULL) is called from the watch thread and must only post an event.
 * Returns a watch owned by the caller (free with config_watch_stop), or
 * NULL if the thread cannot start. */
struct config_watch *config_watch_start(const char *path, void (*wake)(void *ctx), void *ctx);
/* 1 once for each change seen since the last call, else 0. Never blocks.
 * A file that comes back after it was gone counts as a change. */
int config_watch_take_change(struct config_watch *w);
/* 1 once when the file has been gone for a period (deleted, moved away,
 * or stat fails on it: a symlink loop gives ELOOP), with stat's errno in
 * *err; else 0. Reported again only after it was back in between, or
 * when the reason changes. Never blocks. */
int config_watch_take_gone(struct config_watch *w, int *err);
/* Stops the thread (returns within about a second) and frees w. NULL is fine. */
void config_watch_stop(struct config_watch *w);
#endif
