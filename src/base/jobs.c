/*
 * jobs.c - worker-thread count (see jobs.h).
 */
#include <stdlib.h>
#include <unistd.h>

#include "base/jobs.h"
#include "base/banned.h"

int jobs_count(void)
{
	const char *env = getenv("FTRKIT_THREADS");
	long n;
	if (env && *env) {
		char *end;
		n = strtol(env, &end, 10);
		if (!*end && n >= 1 && n <= JOBS_MAX)
			return (int)n;
	}
	n = sysconf(_SC_NPROCESSORS_ONLN);
	if (n < 1)
		n = 1;
	return n > 8 ? 8 : (int)n;
}
