/* Table test for callargs: the launcher argv built from the config template. */
#include "callargs.h"
#include "check.h"

#include <stdlib.h>

struct test_callargs_case {
    const char *tmpl;
    const char *want;
};

static const struct test_callargs_case test_callargs_cases[] = {
    {"{url}", "https://meet.example.jp/t-ab12"},
    {"--app={url}", "--app=https://meet.example.jp/t-ab12"},
    {"--user-data-dir={profile}", "--user-data-dir=/run/user/0/kiosk-call-1-AbC123"},
    {"--window-position={x},{y}", "--window-position=-10,20"},
    {"--window-size={w},{h}", "--window-size=1920,1080"},
    {"{x}{y}{w}{h}", "-102019201080"},
    {"--kiosk", "--kiosk"},
    {"", ""},
    {"{unknown}", "{unknown}"},
    {"--x={X}", "--x={X}"},
    {"{", "{"},
    {"}", "}"},
    {"{}", "{}"},
    {"{url", "{url"},
    {"url}", "url}"},
    {"{{url}}", "{https://meet.example.jp/t-ab12}"},
    {"{ url}", "{ url}"},
    {"{url}{url}", "https://meet.example.jp/t-ab12https://meet.example.jp/t-ab12"},
    {"a{profile}b{unknown}c{w}", "a/run/user/0/kiosk-call-1-AbC123b{unknown}c1920"},
};

static const struct callargs_vars test_callargs_vars = {
    .url = "https://meet.example.jp/t-ab12",
    .profile = "/run/user/0/kiosk-call-1-AbC123",
    .x = -10, .y = 20, .w = 1920, .h = 1080,
};

static void test_callargs_table(void)
{
    int n = (int)(sizeof test_callargs_cases / sizeof test_callargs_cases[0]);
    char *tmpl[sizeof test_callargs_cases / sizeof test_callargs_cases[0]];
    for (int i = 0; i < n; i++)
        tmpl[i] = (char *)test_callargs_cases[i].tmpl;
    char **argv = callargs_build(tmpl, n, &test_callargs_vars);
    CHECK(argv != NULL);
    if (!argv)
        return;
    for (int i = 0; i < n; i++)
        CHECK_STR(argv[i], test_callargs_cases[i].want);
    CHECK(argv[n] == NULL);
    callargs_free(argv);
}

/* A value that contains a placeholder is not expanded a second time. */
static void test_callargs_single_pass(void)
{
    struct callargs_vars v = {.url = "https://x.jp/{profile}", .profile = NULL, .w = 0};
    char *tmpl[] = {"/usr/bin/chromium", "--app={url}", "--p={profile}", "{w}x{h}"};
    char **argv = callargs_build(tmpl, 4, &v);
    CHECK(argv != NULL);
    if (!argv)
        return;
    CHECK_STR(argv[0], "/usr/bin/chromium");
    CHECK_STR(argv[1], "--app=https://x.jp/{profile}");
    CHECK_STR(argv[2], "--p=");
    CHECK_STR(argv[3], "0x0");
    CHECK(argv[4] == NULL);
    callargs_free(argv);
}

static void test_callargs_errors(void)
{
    char *tmpl[] = {"a", NULL};
    CHECK(callargs_build(tmpl, 0, &test_callargs_vars) == NULL);
    CHECK(callargs_build(tmpl, -1, &test_callargs_vars) == NULL);
    CHECK(callargs_build(NULL, 1, &test_callargs_vars) == NULL);
    CHECK(callargs_build(tmpl, 1, NULL) == NULL);
    CHECK(callargs_build(tmpl, 2, &test_callargs_vars) == NULL);
    callargs_free(NULL);
}

int main(void)
{
    test_callargs_table();
    test_callargs_single_pass();
    test_callargs_errors();
    return CHECK_RESULT();
}
