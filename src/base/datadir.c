/*
 * datadir.c - locate the shipped questionnaires (see datadir.h).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/datadir.h"
#include "base/error.h"
#include "base/banned.h"

#ifndef FTRKIT_DATADIR
#define FTRKIT_DATADIR "/usr/local/share/ftrkit"
#endif

char *shipped_file_path(const char *relpath)
{
	char exe[PATH_MAX];
	ssize_t n;

	if (access(relpath, R_OK) == 0)
		return xstrdup(relpath);
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		char *slash, *candidate;
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			candidate = xasprintf("%s/../share/ftrkit/%s", exe, relpath);
			if (access(candidate, R_OK) == 0)
				return candidate;
			free(candidate);
		}
	}
	return xasprintf("%s/%s", FTRKIT_DATADIR, relpath);
}

char *default_questionnaire_path(void)
{
	return shipped_file_path("questionnaires/ftr-dr.xml");
}
