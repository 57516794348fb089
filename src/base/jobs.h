/*
 * jobs.h - how many worker threads to use.
 */
#ifndef FTRKIT_JOBS_H
#define FTRKIT_JOBS_H

#define JOBS_MAX 16

/*
 * Worker threads for CPU-bound work: FTRKIT_THREADS when set to 1..JOBS_MAX
 * (benchmarks, or 1 to force serial work), else the online CPUs, at most 8.
 * Results never depend on it: every parallel stage keeps input order.
 */
int jobs_count(void);

#endif
