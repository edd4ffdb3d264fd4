/* Can a call start now: opening hours combined with the clerk's status. */
#include <string.h>

#include "avail.h"
#include "check.h"

/* 2026-12-01 is a Tuesday; times are Asia/Tokyo (UTC+9). */
static time_t jst(int day, int h, int m)
{
    return (time_t)1796050800LL + (time_t)(day - 1) * 86400 + h * 3600 + m * 60;
}

static void muni(struct config_municipality *m, int with_call, int with_hours, const char *status)
{
    memset(m, 0, sizeof *m);
    m->id = "tobetsu";
    m->has_call = with_call;
    m->call.url = "https://meet.example.jp/{session}";
    m->call.status_url = (char *)status;
    m->has_hours = with_hours;
    for (int d = 1; d <= 5; d++) {
        m->hours.n[d] = 1;
        m->hours.iv[d][0] = (struct config_interval){8 * 60 + 45, 17 * 60 + 30};
    }
}

static void check_line(const struct avail *a, const struct status_info *s, const char *want)
{
    char line[256];
    avail_describe(a, s, "en", line, sizeof line);
    CHECK_STR(line, want);
}

int main(void)
{
    struct config_municipality m;
    struct avail a;
    struct status_info unknown = {STATUS_UNKNOWN, -1, {0, NULL}, "no answer"};
    struct status_info busy = {STATUS_BUSY, 20, {0, NULL}, ""};
    struct status_info ok = {STATUS_AVAILABLE, 0, {0, NULL}, ""};

    muni(&m, 0, 1, NULL);
    avail_compute(&m, NULL, jst(1, 10, 0), &a);
    CHECK_INT(a.state, AVAIL_INFO_ONLY);
    CHECK(!avail_callable(&a));

    muni(&m, 1, 1, NULL); /* no status_url: the hours decide */
    avail_compute(&m, NULL, jst(1, 10, 0), &a);
    CHECK_INT(a.state, AVAIL_OPEN);
    CHECK(avail_callable(&a));
    check_line(&a, NULL, "Available now · Open until 17:30");
    avail_compute(&m, NULL, jst(1, 17, 30), &a);
    CHECK_INT(a.state, AVAIL_CLOSED);
    CHECK(!avail_callable(&a));

    muni(&m, 1, 1, "http://127.0.0.1/status");
    avail_compute(&m, &unknown, jst(1, 10, 0), &a); /* open, status unknown: still callable */
    CHECK_INT(a.state, AVAIL_OPEN);
    CHECK(avail_callable(&a));
    CHECK_INT(a.status_known, 0);
    check_line(&a, &unknown, "May be available · Open until 17:30");
    avail_compute(&m, &busy, jst(1, 10, 0), &a);
    CHECK_INT(a.state, AVAIL_BUSY);
    CHECK(!avail_callable(&a));
    check_line(&a, &busy, "Busy · Wait: about 20 min");
    avail_compute(&m, &ok, jst(1, 10, 0), &a);
    CHECK_INT(a.state, AVAIL_OPEN);
    avail_compute(&m, &ok, jst(5, 20, 0), &a); /* Saturday evening: closed whatever the clerk says */
    CHECK_INT(a.state, AVAIL_CLOSED);
    CHECK(!avail_callable(&a));

    muni(&m, 1, 0, "http://127.0.0.1/status"); /* no hours: the status decides */
    avail_compute(&m, &busy, jst(6, 3, 0), &a);
    CHECK_INT(a.state, AVAIL_BUSY);
    avail_compute(&m, &ok, jst(6, 3, 0), &a);
    CHECK_INT(a.state, AVAIL_OPEN);
    return CHECK_RESULT();
}
