#ifndef KIOSK_CURL_LOAD_H
#define KIOSK_CURL_LOAD_H

/* libcurl opened with dlopen on first use (curl_load.c says why). The
 * curl_* functions of curl.h that the kiosk calls load it themselves; these
 * are for the start-up log, the admin screen and the tests. */

/* Loads libcurl and runs curl_global_init once (thread-safe). 0 if usable. */
int curl_load(void);

/* Why libcurl is unusable after curl_load() failed, else NULL. */
const char *curl_load_error(void);

/* 1 if libcurl is in the process now (without loading it). */
int curl_load_is_loaded(void);

#endif
