#ifndef KIOSK_RECORDS_H
#define KIOSK_RECORDS_H
/* The kiosk's records on disk, written by one thread of their own so the
 * UI thread never waits on the disk: the usage events (JSON Lines, see
 * stats.h) appended to kiosk.stats_path, and the Prometheus metrics file
 * kiosk.metrics_path replaced atomically for node_exporter's textfile
 * collector (name it *.prom).
 *
 * Appends survive a crash or power cut without torn lines: each line goes
 * out in one write() on an O_APPEND descriptor, a batch ends with
 * fdatasync(), a short write is cut off again, and records_start() cuts a
 * partial last line left by a crash. The metrics file is written to
 * PATH.tmp in the same folder, fsync'ed and renamed over PATH, so a reader
 * sees the old file or the new one, never part of one.
 *
 * A missing folder, a read-only file or a full disk is logged once
 * (msg_warn) and the kiosk goes on; the events meanwhile are lost.
 *
 * One writer per records file: the descriptor holds an exclusive flock on
 * it for as long as it is open, and a second kiosk is refused (with the
 * holder's pid from /proc/locks). Log rotation without copytruncate works:
 * before each batch, and at each metrics write, the open file is compared
 * (device and inode) with what the path names now; when the file was
 * renamed or removed, appending goes on in a new file at the path, and the
 * lock moves to it. */
#include "stats.h"
#include "stats_metrics.h"

struct records;

struct records_opts {
    int queue_max;            /* events waiting for the thread: 256; more are dropped */
    long metrics_interval_ms; /* 10000: the metrics file is written at most this often */
    long refresh_ms; /* 30000: and at least this often once a snapshot came, new or not,
                        with a fresh kiosk_metrics_timestamp_seconds */
};
void records_default_opts(struct records_opts *out);

/* Starts the writer. stats_path and metrics_path may each be NULL (nothing
 * written there); both are copied. Before returning, it opens and locks
 * stats_path and repairs a torn last line (truncates after the last '\n').
 * The thread then reads today's events from the file's end for
 * records_today(). Returns a handle owned by the caller (free with
 * records_stop), or NULL if memory or the thread could not be had, or
 * another process holds stats_path's lock (each logged). */
struct records *records_start(const char *stats_path, const char *metrics_path);
/* Same with explicit tunables (tests write metrics at once); *busy (may be
 * NULL) is set to 1 when NULL came because stats_path is locked by another
 * process, else 0. */
struct records *records_start_opts(const char *stats_path, const char *metrics_path,
                                   const struct records_opts *opts, int *busy);

/* Queues a copy of ev (ev stays the caller's; t == 0 means now) and counts
 * it for records_today() and the metrics. Takes only the records' mutex,
 * never waits on the disk. When the queue is full the event is dropped,
 * counted and logged once. r may be NULL (nothing happens). */
void records_event(struct records *r, const struct stats_event *ev);

/* Hands over a copy of the latest metrics snapshot (m stays the caller's).
 * The file is written at most every metrics_interval_ms, and once more at
 * records_stop() with kiosk_up 0. The snapshot's sessions and calls are
 * not used: records counts them from the events it was given since start
 * (list municipalities in m->munis, counts 0, to have their series from
 * the start). r may be NULL. */
void records_metrics(struct records *r, const struct stats_metrics *m);
/* Same, without waking the writer: for a snapshot whose only news is the
 * screen heartbeat (m->frames), which the file then gets at its next
 * refresh (refresh_ms, 30 s by default; the alert rules allow 120 s). An
 * idle kiosk's writer thus sleeps through the attract pages. */
void records_metrics_quiet(struct records *r, const struct stats_metrics *m);

/* Copies the counts since local (Asia/Tokyo) midnight, from the events
 * given and the ones already in the file at start. r may be NULL (zeros). */
void records_today(struct records *r, struct stats_today *out);

/* Events dropped because the queue was full or the file unwritable. */
long records_lost(struct records *r);

/* Writes what is queued (fdatasync), the final metrics, joins the thread
 * and frees r. r may be NULL. */
void records_stop(struct records *r);
#endif
