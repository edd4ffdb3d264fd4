/* libFuzzer target: opening hours and dates. The input is
 *  - the date parsers' text (date_parse, date_parse_rfc3339): a date they
 *    accept exists and survives the round trip through a day number;
 *  - a municipality's "hours" value (and whatever keys follow it, such as
 *    "closed_dates") in a small config, loaded by the real loader; when it
 *    loads, the schedule is asked about every 97 minutes of a week.
 * Nothing may crash, hang, leak or read out of bounds. Build and run:
 * tests/fuzz/run_fuzz.sh */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "date.h"
#include "schedule.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fuzz_hours_dates(const char *s)
{
    int y, m, d;
    if (date_parse(s, &y, &m, &d) == 0) {
        if (m < 1 || m > 12 || d < 1 || d > date_days_in_month(y, m))
            abort();
        int y2, m2, d2;
        date_civil_from_days(date_days_from_civil(y, m, d), &y2, &m2, &d2);
        if (y2 != y || m2 != m || d2 != d)
            abort();
    }
    long long utc;
    (void)date_parse_rfc3339(s, &utc);
}

static void fuzz_hours_schedule(const char *hours, size_t n)
{
    static const char head[] =
        "{\"kiosk\": {\"id\": \"fuzz\", \"title\": \"Fuzz\", \"languages\": [\"ja\", \"en\"]},"
        " \"municipalities\": [{\"id\": \"tobetsu\", \"name\": \"当別町\", \"color\": \"#2E7D32\","
        " \"hours\": ";
    static const char tail[] = "}]}";
    size_t len = sizeof head - 1 + n + sizeof tail - 1;
    char *buf = malloc(len);
    if (!buf)
        return;
    memcpy(buf, head, sizeof head - 1);
    memcpy(buf + sizeof head - 1, hours, n);
    memcpy(buf + sizeof head - 1 + n, tail, sizeof tail - 1);
    struct config cfg;
    struct config_diags diags = {0, 0, 0, 0, NULL};
    struct config_load_opts opts;
    memset(&opts, 0, sizeof opts);
    opts.skip_files = 1;
    if (config_load_buffer("fuzz/kiosk.json", buf, len, &opts, &cfg, &diags) == 0 &&
        cfg.n_municipalities == 1) {
        const time_t monday = 1797206400; /* 2026-12-14 09:00 JST, a Monday */
        for (time_t t = monday - 86400; t < monday + 8 * 86400; t += 97 * 60) {
            struct schedule_status st;
            char line[256];
            if (schedule_status(&cfg.municipalities[0], t, &st) == 0)
                schedule_describe(&st, "en", line, sizeof line);
        }
    }
    config_free(&cfg);
    config_diags_free(&diags);
    free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = '\0';
    fuzz_hours_dates(s);
    fuzz_hours_schedule(s, size);
    free(s);
    return 0;
}
