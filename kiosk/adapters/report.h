#ifndef KIOSK_REPORT_H
#define KIOSK_REPORT_H
/* The whole --report FROM TO [--format csv|md] over the records file. */
#include <stdio.h>

/* Reads stats_path, writes the summary to out. format is "md", "csv" or
 * NULL (md). Returns the exit code: 0 ok, 1 the file cannot be read or the
 * report written (message through msg_error), 2 a usage error (bad date,
 * FROM after TO, unknown format; message through msg_error). */
int report_print(FILE *out, const char *stats_path, const char *from, const char *to,
                 const char *format);
/* --report FROM TO [--format csv|md] PATH...: each PATH a records file or
 * a folder whose *.jsonl files are read (one per kiosk, in name order);
 * sums per kiosk and in total (stats_report_write_fleet). Same exit codes. */
int report_print_fleet(FILE *out, const char *const *paths, int n, const char *from,
                       const char *to, const char *format);
#endif
