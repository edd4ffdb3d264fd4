// expect: 7 (code after a closed comment on the same line)
#include <string.h>

char *bad_after_comment(char *s)
{
    /* a comment
       that ends here */ return strtok(s, ",");
}
