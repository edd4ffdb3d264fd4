#include "bench_stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

double bench_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

double bench_thread_cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

void bench_series_add(struct bench_series *s, double ms)
{
    if (s->n == s->cap) {
        int cap = s->cap ? s->cap * 2 : 64;
        double *v = realloc(s->v, (size_t)cap * sizeof *v);
        if (!v)
            return; /* a lost sample, not a crash */
        s->v = v;
        s->cap = cap;
    }
    s->v[s->n++] = ms;
}

void bench_series_merge(struct bench_series *s, const struct bench_series *from)
{
    for (int i = 0; i < from->n; i++)
        bench_series_add(s, from->v[i]);
}

static int bench_cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double bench_series_pct(const struct bench_series *s, double p)
{
    if (s->n == 0)
        return -1;
    double *tmp = malloc((size_t)s->n * sizeof *tmp);
    if (!tmp)
        return -1;
    memcpy(tmp, s->v, (size_t)s->n * sizeof *tmp);
    qsort(tmp, (size_t)s->n, sizeof *tmp, bench_cmp);
    int rank = (int)ceil(p / 100.0 * s->n);
    if (rank < 1)
        rank = 1;
    if (rank > s->n)
        rank = s->n;
    double r = tmp[rank - 1];
    free(tmp);
    return r;
}

double bench_series_max(const struct bench_series *s) { return bench_series_pct(s, 100); }

void bench_series_free(struct bench_series *s)
{
    free(s->v);
    memset(s, 0, sizeof *s);
}
