/* The last good fleet document in the state folder: saved and read back
 * with its ETag (one with " at " in it too), replaced whole, a file that is
 * not one refused, and the folder chosen from the config. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "fleet.h"

static void test_roundtrip(const char *dir)
{
    char err[512];
    struct fleet_doc in = {.body = "{\"municipalities\": []}\n", .len = 23, .at = 1796194941};
    snprintf(in.etag, sizeof in.etag, "%s", "W/\"v1 at noon\"");
    CHECK_INT(fleet_store_save(dir, &in, err, sizeof err), 0);
    struct fleet_doc out;
    CHECK_INT(fleet_store_load(dir, &out, err, sizeof err), 0);
    CHECK_STR(out.etag, "W/\"v1 at noon\"");
    CHECK_INT(out.at, 1796194941);
    CHECK_INT(out.len, 23);
    CHECK_STR(out.body, in.body);
    fleet_doc_free(&out);
    /* A second save replaces the first whole; no temporary file is left. */
    struct fleet_doc two = {.body = "{}", .len = 2, .at = 5};
    CHECK_INT(fleet_store_save(dir, &two, err, sizeof err), 0);
    CHECK_INT(fleet_store_load(dir, &out, err, sizeof err), 0);
    CHECK_STR(out.etag, "");
    CHECK_STR(out.body, "{}");
    fleet_doc_free(&out);
    char tmp[1200];
    snprintf(tmp, sizeof tmp, "%s/%s.tmp", dir, FLEET_STORE_NAME);
    CHECK(access(tmp, F_OK) != 0);
}

static void test_refused(const char *dir)
{
    char err[512], path[1200];
    struct fleet_doc out;
    snprintf(path, sizeof path, "%s/%s", dir, FLEET_STORE_NAME);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs("{\"not\": \"a saved document\"}\n", f);
        fclose(f);
    }
    CHECK_INT(fleet_store_load(dir, &out, err, sizeof err), -1);
    CHECK(strstr(err, "not a saved document") != NULL);
    CHECK(out.body == NULL);
    unlink(path);
    CHECK_INT(fleet_store_load(dir, &out, err, sizeof err), -1);
    CHECK(strstr(err, "cannot read") != NULL);
    CHECK_INT(fleet_store_save("/nonexistent-folder", &(struct fleet_doc){.body = "{}", .len = 2},
                               err, sizeof err),
              -1);
}

static void test_dir(void)
{
    struct config cfg;
    char out[1024];
    config_load_defaults(&cfg);
    cfg.dir = "/etc/k";
    CHECK_INT(fleet_store_dir(&cfg, out, sizeof out), 0);
    CHECK_STR(out, "/etc/k");
    cfg.kiosk.stats_path = "/var/lib/sapporo-counter-kiosk/stats.jsonl";
    CHECK_INT(fleet_store_dir(&cfg, out, sizeof out), 0);
    CHECK_STR(out, "/var/lib/sapporo-counter-kiosk");
    cfg.fleet.state_dir = "state";
    CHECK_INT(fleet_store_dir(&cfg, out, sizeof out), 0);
    CHECK_STR(out, "/etc/k/state");
}

int main(void)
{
    char dir[] = "/tmp/test_fleet_store.XXXXXX";
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    test_roundtrip(dir);
    test_refused(dir);
    test_dir();
    rmdir(dir);
    return CHECK_RESULT();
}
