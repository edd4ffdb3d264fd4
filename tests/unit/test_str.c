/* Bounded copies and heap duplicates: truncation, NULL, empty, zero-size. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "str.h"

static void test_copy(void)
{
    char buf[4] = "zzz";
    CHECK_INT(str_copy(buf, sizeof buf, "ab"), 2);
    CHECK_STR(buf, "ab");
    CHECK_INT(str_copy(buf, sizeof buf, "abcdef"), 3); /* cut, still terminated */
    CHECK_STR(buf, "abc");
    CHECK_INT(str_copy(buf, sizeof buf, NULL), 0);
    CHECK_STR(buf, "");
    CHECK_INT(str_copy(buf, 1, "abc"), 0);
    CHECK_STR(buf, "");
    buf[0] = 'q';
    CHECK_INT(str_copy(buf, 0, "abc"), 0);
    CHECK_INT(buf[0], 'q'); /* nothing written */
}

static void test_dup(void)
{
    char *p = str_dup("当別町");
    CHECK_STR(p, "当別町");
    free(p);
    p = str_dup("");
    CHECK_STR(p, "");
    free(p);
    CHECK(str_dup(NULL) == NULL);
    p = str_concat("/var/lib/kiosk/metrics.prom", ".tmp");
    CHECK_STR(p, "/var/lib/kiosk/metrics.prom.tmp");
    free(p);
    p = str_concat("", "");
    CHECK_STR(p, "");
    free(p);
}

int main(void)
{
    test_copy();
    test_dup();
    return CHECK_RESULT();
}
