/* Lexical path rules: which relative paths climb out of their folder,
 * joining and normalizing, and lying inside a folder. Table-driven.
 * argv[1] is unused (tests/data). */
#include <stdio.h>

#include "check.h"
#include "pathrule.h"

static const struct {
    const char *rel;
    int escapes;
} escape_cases[] = {
    {"BIZUDPGothic-Regular.ttf", 0},
    {"emblems/tobetsu.png", 0},
    {"./emblems/../tobetsu.png", 0},
    {"a/b/../../c.png", 0},
    {"../../../../etc/passwd", 1},
    {"..", 1},
    {"../fonts/x.ttf", 1},
    {"a/../../x", 1},
    {"a//..//..//x", 1},
    {"./../x", 1},
    {"a/b/../../../x", 1},
    {"..x/y", 0}, /* a name starting with two dots is a name */
    {"x..", 0},
    {"/etc/passwd", 0}, /* absolute: the staff's choice */
    {"", 0},
};

static const struct {
    const char *base, *rel, *want;
} join_cases[] = {
    {"/etc/kiosk", "emblems/a.png", "/etc/kiosk/emblems/a.png"},
    {"/src/kiosk/config", "../assets/a.png", "/src/kiosk/assets/a.png"},
    {"/etc/kiosk", "../../../../etc/passwd", "/etc/passwd"},
    {"/etc/kiosk/", "./a//b/./c", "/etc/kiosk/a/b/c"},
    {"/x", "/var/lib/k/../k/stats.jsonl", "/var/lib/k/stats.jsonl"},
    {"/", "..", "/"},
    {"/a/b", "../..", "/"},
};

static const struct {
    const char *dir, *path;
    int inside;
} inside_cases[] = {
    {"/usr/share/k", "/usr/share/k/stats.jsonl", 1},
    {"/usr/share/k", "/usr/share/k", 1},
    {"/usr/share/k/", "/usr/share/k/a/../b", 1},
    {"/usr/share/k", "/usr/share/kiosk.jsonl", 0},
    {"/usr/share/k", "/usr/share/k/../k2/x", 0},
    {"/usr/share/k", "/var/lib/k/stats.jsonl", 0},
    {"/", "/anything", 1},
};

int main(void)
{
    for (size_t i = 0; i < sizeof escape_cases / sizeof escape_cases[0]; i++)
        if (pathrule_escapes(escape_cases[i].rel) != escape_cases[i].escapes) {
            fprintf(stderr, "escapes(%s) != %d\n", escape_cases[i].rel, escape_cases[i].escapes);
            CHECK(0);
        }
    for (size_t i = 0; i < sizeof join_cases / sizeof join_cases[0]; i++) {
        char out[256];
        CHECK_INT(pathrule_join(join_cases[i].base, join_cases[i].rel, out, sizeof out), 0);
        CHECK_STR(out, join_cases[i].want);
    }
    char small[8];
    CHECK_INT(pathrule_join("/etc/kiosk", "a.png", small, sizeof small), -1);
    CHECK_INT(pathrule_join("relative", "a.png", small, sizeof small), -1);
    for (size_t i = 0; i < sizeof inside_cases / sizeof inside_cases[0]; i++)
        if (pathrule_inside(inside_cases[i].dir, inside_cases[i].path) != inside_cases[i].inside) {
            fprintf(stderr, "inside(%s, %s) != %d\n", inside_cases[i].dir, inside_cases[i].path,
                    inside_cases[i].inside);
            CHECK(0);
        }
    return CHECK_RESULT();
}
