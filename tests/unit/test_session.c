/* session ids: right form, and never the same twice. */
#include "check.h"
#include "session.h"

#include <string.h>

#define TEST_SESSION_N 64

static int test_session_form_ok(const char *id)
{
    if (strlen(id) != SESSION_ID_LEN)
        return 0;
    for (const char *p = id; *p; p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
            return 0;
    return 1;
}

static void test_session_many(void)
{
    static char ids[TEST_SESSION_N][SESSION_ID_SIZE];
    int seen[16] = {0}; /* each hex digit turns up somewhere in 64*32 digits */
    for (int i = 0; i < TEST_SESSION_N; i++) {
        CHECK_INT(session_new_id(ids[i], sizeof ids[i]), 0);
        CHECK(test_session_form_ok(ids[i]));
        for (const char *p = ids[i]; *p; p++)
            seen[*p <= '9' ? *p - '0' : *p - 'a' + 10] = 1;
        for (int j = 0; j < i; j++)
            CHECK(strcmp(ids[i], ids[j]) != 0);
    }
    for (int d = 0; d < 16; d++)
        CHECK(seen[d]);
}

static void test_session_small_buffer(void)
{
    char out[SESSION_ID_SIZE + 8];
    memset(out, 'x', sizeof out);
    CHECK_INT(session_new_id(out, SESSION_ID_LEN), -1);
    CHECK_STR(out, "");
    CHECK_INT(session_new_id(NULL, 64), -1);
    memset(out, 'x', sizeof out);
    CHECK_INT(session_new_id(out, SESSION_ID_SIZE), 0);
    CHECK(test_session_form_ok(out));
    CHECK(out[SESSION_ID_SIZE] == 'x'); /* nothing written past the NUL */
}

int main(void)
{
    test_session_many();
    test_session_small_buffer();
    return CHECK_RESULT();
}
