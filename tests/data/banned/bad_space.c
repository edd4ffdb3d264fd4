// expect: 6 (a space before the parenthesis)
#include <stdio.h>

void bad_space(char *dst, int n)
{
    sprintf (dst, "%d", n);
}
