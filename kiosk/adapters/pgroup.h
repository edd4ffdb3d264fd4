#ifndef KIOSK_PGROUP_H
#define KIOSK_PGROUP_H
/* A process group as a whole: whether any live member is left (from
 * /proc, zombies not counted), signalling it, reaping the members that are
 * our children, and ending it (TERM, grace, KILL). The call's browser runs
 * in its own group so that everything it starts ends with it. Group ids
 * <= 1 are never signalled: kill(-1) would mean every process. */
#include <sys/types.h>

/* 1 while some live (not zombie) process is in group g. */
int pgroup_alive(pid_t g);
/* kill(-g, sig) if g > 1. */
void pgroup_signal(pid_t g, int sig);
/* Waits up to ms for group g to be empty, reaping those of its members
 * that are our children (orphans reparented to a child subreaper). 1 if
 * it is empty, 0 if time ran out. */
int pgroup_wait(pid_t g, int ms);
/* Ends what is left of group g: SIGTERM, grace_ms, SIGKILL, then waits a
 * little more; each step logged. Blocks up to grace_ms + 2 s. */
void pgroup_end(pid_t g, int grace_ms);
#endif
