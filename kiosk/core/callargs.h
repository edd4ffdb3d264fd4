#ifndef KIOSK_CALLARGS_H
#define KIOSK_CALLARGS_H
/* The call launcher's argv, built from the config's template (call.launcher).
 * Pure: libc only. Placeholders are replaced anywhere inside an argument,
 * in one pass (a value that itself contains "{url}" is not expanded again):
 *   {url}      the session URL (checked by urlrule before)
 *   {profile}  the fresh profile directory
 *   {x} {y}    window position in pixels (decimal)
 *   {w} {h}    window size in pixels (decimal)
 * e.g. "--app={url}", "--window-position={x},{y}". Any other "{...}" and a
 * lone '{' or '}' are kept as they are. */

struct callargs_vars {
    const char *url;     /* NULL is read as "" */
    const char *profile; /* NULL is read as "" */
    int x, y, w, h;
};

/* Builds argv from the n template strings. Returns a NULL-terminated array of
 * n strings, all owned by the caller, who frees it with callargs_free; NULL if
 * n < 1, tmpl or one of its first n strings is NULL, or memory runs out. */
char **callargs_build(char *const *tmpl, int n, const struct callargs_vars *vars);

/* Frees an argv from callargs_build (NULL is fine). */
void callargs_free(char **argv);
#endif
