#ifndef KIOSK_FLEET_H
#define KIOSK_FLEET_H
/* The central config document (fleet.config_url): fetched over verified
 * HTTPS by its own thread, never on the UI thread, with ETag /
 * If-None-Match, connect and total timeouts, a 1 MiB cap and redirects
 * only to the same host; and the last good document kept in the state
 * folder (fleet_store_*). Checking and using a document is the host's. */
#include <stdatomic.h>
#include <stddef.h>

#include "config.h"

#define FLEET_MAX_BODY (1024 * 1024)
#define FLEET_ETAG_MAX 256
#define FLEET_MSG_MAX 320
#define FLEET_STORE_NAME "fleet-last-good"

/* The labels of kiosk_config_fetch_total{result}. The thread gives the
 * first four; the host decides invalid and refused after checking. */
enum fleet_result {
    FLEET_OK,
    FLEET_NOT_MODIFIED,
    FLEET_HTTP_ERROR,
    FLEET_TIMEOUT,
    FLEET_INVALID,
    FLEET_REFUSED,
    FLEET_RESULT_COUNT
};
/* "ok", "not_modified", ... */
const char *fleet_result_name(enum fleet_result r);

/* A fetched document: body (malloc'ed, NUL-terminated) is its holder's. */
struct fleet_doc {
    char *body;
    size_t len;
    char etag[FLEET_ETAG_MAX]; /* "" when the server sent none */
    long long at;              /* wall clock of the fetch (or of the store) */
};
void fleet_doc_free(struct fleet_doc *d);

/* Where and how to fetch; paths already resolved. Copied by fleet_start. */
struct fleet_opts {
    char url[1024];
    char ca_file[1024], client_cert[1024], client_key[1024]; /* "" = none */
    long connect_timeout_s, timeout_s, interval_s;
};
/* From cfg's fleet section (paths relative to the config's folder) and
 * call.connect_timeout_s. Returns 0, or -1 without a fleet section. */
int fleet_opts_from(const struct config *cfg, struct fleet_opts *o);

/* One fetch, blocking. With etag not "", If-None-Match: a 304 gives
 * FLEET_NOT_MODIFIED. FLEET_OK fills *out (the caller frees it); any other
 * result leaves it empty. A document longer than FLEET_MAX_BODY is
 * FLEET_INVALID. msg says what happened in a line. stop (may be NULL) set
 * to non-zero aborts the transfer within about a second. */
enum fleet_result fleet_fetch_once(const struct fleet_opts *o, const char *etag,
                                   struct fleet_doc *out, char *msg, size_t msgsz,
                                   const atomic_int *stop);

/* The fetch thread: fetches at once, then every interval_s. */
struct fleet;
struct fleet_fetched {
    enum fleet_result result; /* OK, NOT_MODIFIED, HTTP_ERROR, TIMEOUT or INVALID */
    char msg[FLEET_MSG_MAX];
    struct fleet_doc doc;     /* with OK only */
};
/* etag: of the document in use (sent as If-None-Match), may be "". wake
 * (from the thread; may be NULL) must only post an event. Returns NULL if
 * the thread cannot start. */
struct fleet *fleet_start(const struct fleet_opts *o, const char *etag, void (*wake)(void *),
                          void *ctx);
/* 1 and *out filled (the caller owns out->doc) when a fetch finished since
 * the last call, else 0. Never blocks on a transfer. */
int fleet_take(struct fleet *f, struct fleet_fetched *out);
/* The ETag of the document now in use, for the next If-None-Match. */
void fleet_set_etag(struct fleet *f, const char *etag);
/* Stops the thread (a transfer in flight is aborted) and frees f. NULL ok. */
void fleet_stop(struct fleet *f);

/* The state folder's file: dir/FLEET_STORE_NAME. Its first line is
 * "etag ETAG at UNIXTIME", then the document as fetched. */
/* The folder: fleet.state_dir, else the folder of kiosk.stats_path, else
 * the config's folder (relative to the config's folder). Returns 0 or -1. */
int fleet_store_dir(const struct config *cfg, char *out, size_t outsz);
/* Writes doc atomically (temporary file, fsync, rename, fsync of the
 * folder). Returns 0, or -1 with the reason in err. */
int fleet_store_save(const char *dir, const struct fleet_doc *doc, char *err, size_t errsz);
/* Reads it back into *doc (the caller frees). Returns 0, or -1 if there
 * is none or it cannot be read (reason in err). */
int fleet_store_load(const char *dir, struct fleet_doc *doc, char *err, size_t errsz);
#endif
