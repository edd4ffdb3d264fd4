// expect: 6 (a parenthesised name suppresses a function-like macro, not the call)
#include <string.h>

void bad_paren(char *dst, const char *src)
{
    (strcat)(dst, src);
}
