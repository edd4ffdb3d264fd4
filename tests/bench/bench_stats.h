#ifndef KIOSK_BENCH_STATS_H
#define KIOSK_BENCH_STATS_H
/* Samples in milliseconds and their order statistics. */

struct bench_series {
    double *v; /* owned */
    int n, cap;
};

/* Monotonic time in milliseconds. */
double bench_now_ms(void);
/* CPU time of the calling thread in milliseconds (immune to other processes' load). */
double bench_thread_cpu_ms(void);
void bench_series_add(struct bench_series *s, double ms);
/* Appends every sample of from to s. */
void bench_series_merge(struct bench_series *s, const struct bench_series *from);
/* Nearest-rank percentile (p in 0..100) of the samples; -1 when empty. */
double bench_series_pct(const struct bench_series *s, double p);
double bench_series_max(const struct bench_series *s);
void bench_series_free(struct bench_series *s);
#endif
