/* The banned names only in comments, literals and longer identifiers:
 * strcpy(dst, src), sprintf(buf, "%d", n), atoi(s), strtok(s, ","),
 * gets(buf). None of these lines is code that calls them. */
#include <stdio.h>
#include <string.h>

// strcat(a, b); a line comment
// (strcpy)(d, s) and #define COPY strcpy, commented out

static const char *const clean_names[] = {"strcpy(d, s)", "sprintf (", "atoi", "a \" strcat("};
static const char clean_quote = '"'; /* a quote character must not open a literal: strcpy( */

/* a comment
   spanning lines: strcpy(dst, src);
   atol(s); */
static int clean_my_strcpy(char *dst, size_t n, const char *src)
{
    return snprintf(dst, n, "%s", src); /* snprintf is the bounded one; not sprintf */
}

int clean(char *dst, size_t n);
int clean(char *dst, size_t n)
{
    const char *label = "gets"; // gets(
    (void)clean_quote;
    return clean_my_strcpy(dst, n, clean_names[0]) + (int)strlen(label);
}
