/* The central config in the host: the local file's fleet section names a
 * document whose municipalities, services, KPIs and call settings replace
 * the file's (config_load_remote). A fetched document is checked like the
 * file, kept in the state folder when good, and offered as the next config
 * (between visitors, as a reload). A broken, oversized, refused or
 * unreachable one changes nothing but the counters and the log. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "host.h"
#include "msg.h"
#include "sha256.h"

/* The generation: the first 12 hex digits of SHA-256 over the local file
 * and the remote document, so two kiosks running the same pair agree. */
static void host_fleet_gen(const char *local, size_t llen, const struct fleet_doc *doc,
                           char gen[13])
{
    size_t dlen = doc ? doc->len : 0;
    char *both = malloc(llen + dlen + 1);
    char hex[2 * SHA256_BYTES + 1] = "";
    if (both) {
        memcpy(both, local, llen);
        if (dlen)
            memcpy(both + llen, doc->body, dlen);
        sha256_hex(both, llen + dlen, hex);
        free(both);
    }
    snprintf(gen, 13, "%.12s", hex);
}

/* Checks doc merged with the local file into *out; every problem is
 * logged as URL:LINE:COL. Returns config_load_remote's 0, -1 or -2, with
 * the first error in first. */
static int host_fleet_merge(struct host *h, const struct config *local_cfg,
                            const struct fleet_doc *doc, struct config *out, char gen[13],
                            char *first, size_t firstsz)
{
    char *local = NULL;
    size_t llen = 0;
    struct config_diags diags = {0};
    struct config_load_opts opts = {.image_probe = h->o.image_probe, .fonts_dir = h->o.fonts_dir,
                                    .data_dir = h->o.data_dir};
    const char *url = local_cfg->fleet.config_url;
    first[0] = '\0';
    if (config_read_file(h->o.config, 1024 * 1024, &local, &llen) != 0) {
        snprintf(first, firstsz, "cannot read %s again", h->o.config);
        memset(out, 0, sizeof *out);
        return -1;
    }
    int rc = config_load_remote(doc->body, doc->len, h->o.config, local, llen, &opts, out,
                                &diags);
    for (int i = 0; i < diags.n; i++) {
        char line[768];
        config_diags_format(&diags.d[i], url, line, sizeof line);
        msg_info("%s", line);
        if (!first[0] && diags.d[i].severity == CONFIG_ERROR)
            config_diags_format(&diags.d[i], NULL, first, firstsz);
    }
    host_fleet_gen(local, llen, doc, gen);
    config_diags_free(&diags);
    free(local);
    return rc;
}

/* The generation of the local file alone. */
static void host_fleet_local_gen(struct host *h, char gen[13])
{
    char *local = NULL;
    size_t llen = 0;
    gen[0] = '\0';
    if (config_read_file(h->o.config, 1024 * 1024, &local, &llen) == 0)
        host_fleet_gen(local, llen, NULL, gen);
    free(local);
}

/* At start: the last good document of the state folder, if any. */
static void host_fleet_last_good(struct host *h, const struct config *cfg)
{
    char dir[1024], err[512];
    if (h->fleet.doc.body || fleet_store_dir(cfg, dir, sizeof dir) != 0)
        return;
    if (fleet_store_load(dir, &h->fleet.doc, err, sizeof err) != 0) {
        msg_info("fleet: no last good document (%s)", err);
        return;
    }
    h->fleet.last_ok_at = h->fleet.doc.at; /* an alert on staleness survives a restart */
    msg_info("fleet: last good document from %s/%s (ETag %s, fetched at %lld)", dir,
             FLEET_STORE_NAME, h->fleet.doc.etag[0] ? h->fleet.doc.etag : "none",
             h->fleet.doc.at);
}

void host_fleet_apply(struct host *h, struct config *cfg, int *remote, char gen[13])
{
    *remote = 0;
    host_fleet_local_gen(h, gen);
    if (!cfg->fleet.config_url)
        return;
    host_fleet_last_good(h, cfg);
    if (!h->fleet.doc.body) {
        msg_info("fleet: running the local file %s until %s answers", h->o.config,
                 cfg->fleet.config_url);
        return;
    }
    struct config merged;
    char first[512];
    if (host_fleet_merge(h, cfg, &h->fleet.doc, &merged, gen, first, sizeof first) != 0) {
        msg_error("fleet: the remote document no longer fits the local file (%s): running "
                  "the local file", first);
        host_fleet_local_gen(h, gen);
        fleet_doc_free(&h->fleet.doc);
        return;
    }
    config_free(cfg);
    *cfg = merged;
    *remote = 1;
    msg_info("fleet: running the document of %s (ETag %s, generation %s)",
             cfg->fleet.config_url, h->fleet.doc.etag[0] ? h->fleet.doc.etag : "none", gen);
}

void host_fleet_start(struct host *h)
{
    struct fleet_opts o;
    if (!h->o.workers || fleet_opts_from(&h->cfg, &o) != 0)
        return;
    h->fleet.f = fleet_start(&o, h->fleet.doc.etag, h->o.hooks.wake, h->o.hooks.ctx);
    h->usage.fleet = 1;
    h->usage.fleet_last_ok = h->fleet.last_ok_at;
    if (!h->fleet.f)
        msg_error("fleet: cannot start the fetch thread");
}

void host_fleet_stop(struct host *h)
{
    fleet_stop(h->fleet.f);
    h->fleet.f = NULL;
}

void host_fleet_free(struct host *h)
{
    host_fleet_stop(h);
    fleet_doc_free(&h->fleet.doc);
}

/* Stores a good document and makes it the one in use (doc is taken). */
static void host_fleet_keep(struct host *h, struct fleet_doc *doc)
{
    char dir[1024], err[512];
    if (fleet_store_dir(&h->cfg, dir, sizeof dir) != 0 ||
        fleet_store_save(dir, doc, err, sizeof err) != 0)
        msg_error("fleet: the last good document is not kept: %s", err);
    fleet_doc_free(&h->fleet.doc);
    h->fleet.doc = *doc;
    memset(doc, 0, sizeof *doc);
    fleet_set_etag(h->fleet.f, h->fleet.doc.etag);
}

/* A 200: checked and kept. Returns OK (with *fresh to offer when it
 * differs from the running config, *has_fresh 1), INVALID or REFUSED. */
static enum fleet_result host_fleet_check(struct host *h, struct fleet_doc *doc, char *msg,
                                          size_t msgsz, struct config *fresh, char gen[13],
                                          int *has_fresh)
{
    char first[512];
    *has_fresh = 0;
    int rc = host_fleet_merge(h, &h->cfg, doc, fresh, gen, first, sizeof first);
    if (rc == -2) {
        snprintf(msg, msgsz, "%.300s", first);
        return FLEET_REFUSED;
    }
    if (rc != 0) {
        snprintf(msg, msgsz, "%.300s", first);
        return FLEET_INVALID;
    }
    snprintf(msg, msgsz, "ETag %s, generation %s", doc->etag[0] ? doc->etag : "none", gen);
    host_fleet_keep(h, doc);
    if (h->fleet.cfg_remote && strcmp(gen, h->fleet.cfg_gen) == 0)
        config_free(fresh); /* the same content as running: nothing to swap */
    else
        *has_fresh = 1;
    return FLEET_OK;
}

void host_fleet_wakeup(struct host *h, double now)
{
    struct fleet_fetched got;
    struct config fresh;
    char url[1024], gen[13] = "";
    int has_fresh = 0;
    if (!fleet_take(h->fleet.f, &got))
        return;
    snprintf(url, sizeof url, "%s", h->cfg.fleet.config_url ? h->cfg.fleet.config_url : "?");
    enum fleet_result r = got.result;
    if (r == FLEET_OK)
        r = host_fleet_check(h, &got.doc, got.msg, sizeof got.msg, &fresh, gen, &has_fresh);
    if (r == FLEET_OK || r == FLEET_NOT_MODIFIED)
        h->fleet.last_ok_at = (long long)time(NULL);
    h->fleet.last = r;
    h->fleet.fetched = 1;
    snprintf(h->fleet.last_msg, sizeof h->fleet.last_msg, "%s", got.msg);
    if ((unsigned)r < FLEET_RESULT_COUNT)
        h->usage.fleet_fetch[r]++;
    h->usage.fleet_last_ok = h->fleet.last_ok_at;
    if (r == FLEET_OK || r == FLEET_NOT_MODIFIED)
        msg_info("fleet: %s %s: %s", url, fleet_result_name(r), got.msg);
    else
        msg_error("fleet: %s %s: %s; the running config stays", url, fleet_result_name(r),
                  got.msg);
    fleet_doc_free(&got.doc);
    if (has_fresh)
        host_offer(h, &fresh, 1, gen, now); /* may swap now: h->cfg changes */
    h->dirty = 1;
}

void host_fleet_text(const struct host *h, char *out, size_t outsz)
{
    const struct host_fleet *f = &h->fleet;
    char when[32] = "never", last[200] = "none yet";
    out[0] = '\0';
    if (!h->cfg.fleet.config_url)
        return;
    time_t at = (time_t)f->doc.at;
    struct tm tm;
    if (f->cfg_remote && localtime_r(&at, &tm))
        strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
    if (f->fetched)
        snprintf(last, sizeof last, "%s: %.160s", fleet_result_name(f->last), f->last_msg);
    if (f->cfg_remote)
        snprintf(out, outsz, "config: remote %.150s, ETag %.40s, %s, generation %s; last fetch %s",
                 h->cfg.fleet.config_url, f->doc.etag[0] ? f->doc.etag : "none", when,
                 f->cfg_gen, last);
    else
        snprintf(out, outsz, "config: local file, generation %s; last fetch %s", f->cfg_gen,
                 last);
}
