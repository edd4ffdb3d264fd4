// expect: 4 (a pointer to the function, called later)
#include <stdlib.h>

static int (*const parse)(const char *) = &atoi;

int bad_pointer(const char *s)
{
    return parse(s);
}
