#ifndef KIOSK_SPEECH_JTALK_H
#define KIOSK_SPEECH_JTALK_H
/* Open JTalk as child processes, for one speech worker (its thread only).
 * open_jtalk loads its dictionary and voice first and only then reads the
 * text from stdin (strace shows it), so one is kept started and waiting on
 * a pipe, "the spare": a request writes its text and closes the pipe; the
 * next spare starts as soon as that one has finished. A spare is killed and reaped when the
 * worker rests or stops; if the kiosk dies, the pipe closes and the spare
 * ends by itself (empty text). */
#include <sys/types.h>

#include "speech_sink.h"

struct speech_jtalk {
    char cmd[512], dic[512], voice[512];
    char dir[64];  /* private folder for the WAV files */
    pid_t pid;     /* the spare, 0 none */
    int fd;        /* the write end of its stdin */
    char out[128]; /* the WAV it will write */
    unsigned started;
};

void speech_jtalk_init(struct speech_jtalk *j, const char *cmd, const char *dic,
                       const char *voice, const char *dir);
/* Starts the spare if there is none: 0, or -1. */
int speech_jtalk_spare(struct speech_jtalk *j);
/* Kills and reaps the spare, if any. */
void speech_jtalk_rest(struct speech_jtalk *j);
/* Speaks text through the spare (started now if none) into sink, asking it
 * every millisecond while open_jtalk works; a nonzero answer kills it. *rate
 * is the clip's. 0 done, 1 aborted, -1 failed. */
int speech_jtalk_say(struct speech_jtalk *j, const char *text, speech_sink sink, void *ctx,
                     int *rate);
#endif
