// expect: 6 (a plain call)
#include <string.h>

void bad_call(char *dst, const char *src)
{
    strcpy(dst, src);
}
