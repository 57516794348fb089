/*
 * fuzz_assessment.c - assessment_load_memory() on any bytes: load or reject
 * (durations, cadences, paths, dates all checked), never crash or leak.
 */
#include "fuzz.h"
#include "model/assessment.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct assessment a;
	size_t i, j;
	const char *why;

	fuzz_setup();
	if (assessment_load_memory((const char *)data, size, "assessment.xml", &a) == 0) {
		/* Every reference the loader accepted must be a safe relative path. */
		for (i = 0; i < a.nr_scenarios; i++)
			for (j = 0; j < a.scenarios[i].nr_drill_logs; j++)
				if (relpath_check(a.scenarios[i].drill_logs[j].path, &why) < 0)
					abort();
		for (i = 0; i < a.nr_configs; i++)
			if (relpath_check(a.configs[i].path, &why) < 0)
				abort();
		assessment_free(&a);
	}
	return 0;
}
