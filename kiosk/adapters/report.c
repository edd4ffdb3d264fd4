/* kiosk --report: opens the records file, runs the pure summary of
 * core/stats_report.c over it, and says what went wrong through msg. */
#include "report.h"

#include <errno.h>
#include <string.h>

#include "msg.h"
#include "stats_report.h"

/* The format and the dates: 0, or 2 (a usage error, told). *r is safe to free either way. */
static int report_check_args(struct stats_report *r, const char *from, const char *to,
                             const char *format, enum stats_report_format *fmt)
{
    memset(r, 0, sizeof *r);
    if (stats_report_format_from(format, fmt) != 0) {
        msg_error("--format %s: use csv or md", format);
        return 2;
    }
    if (stats_report_init(r, from, to) == 0)
        return 0;
    if (r->from && r->to)
        msg_error("--report %s %s: FROM is after TO", from, to);
    else
        msg_error("--report %s %s: dates are YYYY-MM-DD (a real day)", from ? from : "",
                  to ? to : "");
    return 2;
}

int report_print(FILE *out, const char *stats_path, const char *from, const char *to,
                 const char *format)
{
    struct stats_report r;
    enum stats_report_format fmt;
    int rc = report_check_args(&r, from, to, format, &fmt);
    if (rc != 0)
        goto done;
    rc = 1;
    if (!stats_path || !stats_path[0]) {
        msg_error("no kiosk.stats_path in the config: nothing to report");
        goto done;
    }
    FILE *f = fopen(stats_path, "re");
    if (!f) {
        msg_error("cannot read %s: %s", stats_path, strerror(errno));
        goto done;
    }
    int read_rc = stats_report_read(&r, f);
    fclose(f);
    if (read_rc != 0) {
        msg_error("error reading %s", stats_path);
        goto done;
    }
    if (r.malformed)
        msg_warn("%s: %ld malformed line(s) skipped, the first at line %ld", stats_path,
                 r.malformed, r.first_malformed);
    rc = stats_report_write(&r, out, fmt) == 0 ? 0 : 1;
    if (rc != 0)
        msg_error("cannot write the report: %s", strerror(errno));
done:
    stats_report_free(&r);
    return rc;
}
