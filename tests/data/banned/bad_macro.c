// expect: 4 (the bare name in a macro: every COPY(...) is a strcpy)
#include <string.h>

#define COPY strcpy

void bad_macro(char *dst, const char *src)
{
    COPY(dst, src);
}
