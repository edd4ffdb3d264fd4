// expect: 6 (a comment between the name and its arguments)
#include <stdlib.h>

int bad_comment_between(const char *s)
{
    return atoi /* a comment */ (s);
}
