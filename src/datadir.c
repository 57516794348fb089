/*
 * datadir.c - locate the shipped questionnaires (see datadir.h).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "datadir.h"
#include "error.h"
#include "banned.h"

#ifndef FTRKIT_DATADIR
#define FTRKIT_DATADIR "/usr/local/share/ftrkit"
#endif

#define QUESTIONNAIRE "questionnaires/ftr-dr.xml"

char *default_questionnaire_path(void)
{
	char exe[PATH_MAX];
	ssize_t n;

	if (access(QUESTIONNAIRE, R_OK) == 0)
		return xstrdup(QUESTIONNAIRE);
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		char *slash, *candidate;
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			candidate = xasprintf("%s/../share/ftrkit/" QUESTIONNAIRE, exe);
			if (access(candidate, R_OK) == 0)
				return candidate;
			free(candidate);
		}
	}
	return xstrdup(FTRKIT_DATADIR "/" QUESTIONNAIRE);
}
