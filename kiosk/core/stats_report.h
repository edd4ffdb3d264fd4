#ifndef KIOSK_STATS_REPORT_H
#define KIOSK_STATS_REPORT_H
/* The --report summary (kiosk --report FROM TO [--format csv|md]) of usage
 * records between two local (Asia/Tokyo) dates: calls per municipality and
 * result, call minutes, language changes, screen views. Pure: it reads and
 * writes the FILE streams it is given and prints no message; opening the
 * records file and telling the user belong to the caller (adapters/report.c). */
#include <stdio.h>

#include "stats.h"

enum stats_report_format { STATS_REPORT_MD, STATS_REPORT_CSV };

struct stats_report_muni {
    char id[STATS_ID_MAX];
    struct stats_calls calls;
    double seconds; /* sum of duration_s */
};
struct stats_report_name {
    char name[STATS_ID_MAX];
    long n;
};
struct stats_report {
    int from, to;   /* local dates as YYYYMMDD, inclusive */
    long lines;     /* lines read (blank lines not counted) */
    long in_range;  /* valid events inside the dates */
    long malformed; /* lines skipped as not a valid event */
    long first_malformed; /* line number of the first one, 0 = none */
    long sessions, idle_resets;
    double call_seconds;
    int n_munis, n_langs, n_screens; /* arrays below are owned, sorted when written */
    struct stats_report_muni *munis;
    struct stats_report_name *langs;
    struct stats_report_name *screens;
    char kiosk[STATS_ID_MAX]; /* the kiosk id of the first event read, "" = none */
    const char *csv_kiosk;    /* set by stats_report_write_fleet: the CSV's first column */
};

/* Starts an empty report over from..to ("YYYY-MM-DD", real dates).
 * Returns 0, or -1 if a date is invalid or from is after to (*r is then
 * still safe to free; r->from and r->to are both non-zero only in the
 * second case). Free with stats_report_free. */
int stats_report_init(struct stats_report *r, const char *from, const char *to);
/* Adds one line (line_no for the malformed count, 1-based). A blank line
 * is ignored; a malformed one counted. Returns -1 only if memory ran out. */
int stats_report_add_line(struct stats_report *r, const char *line, long line_no);
/* Adds every line of f (read until EOF; the caller opened it and closes
 * it). Returns 0, or -1 on a read error or out of memory. */
int stats_report_read(struct stats_report *r, FILE *f);
/* Writes the summary to out as a Markdown table or CSV (header + rows).
 * Sorts r's arrays. Returns 0, or -1 if writing failed. */
int stats_report_write(struct stats_report *r, FILE *out, enum stats_report_format fmt);
/* The report over several kiosks' records: one line per kiosk (per[i],
 * named by per[i].kiosk or names[i]) and their total, then total's
 * sections. In CSV every row starts with the kiosk's name ("total" for the
 * sum): kiosk,section,name,result,value. Returns 0, or -1 if writing failed. */
int stats_report_write_fleet(struct stats_report *per, const char *const *names, int n,
                             struct stats_report *total, FILE *out,
                             enum stats_report_format fmt);
/* Frees what r owns and zeroes it. */
void stats_report_free(struct stats_report *r);
/* The format named "md", "csv" or NULL (md) into *fmt; returns 0 or -1. */
int stats_report_format_from(const char *name, enum stats_report_format *fmt);
#endif
