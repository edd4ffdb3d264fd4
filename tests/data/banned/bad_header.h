// expect: 5 (headers are scanned too)
#include <stdio.h>

static inline void bad_header(char *dst, int n)
{   sprintf(dst, "%d", n);
}
