/*
 * datadir.c - locate the shipped questionnaires (see datadir.h).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/datadir.h"
#include "base/embedded.h"
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

const char *shipped_builtin(const char *relpath, size_t *len)
{
	static const struct {
		const char *relpath;
		const char *data;
		const size_t *len;
	} builtin[] = {
		{ "questionnaires/ftr-dr.xml", embedded_ftr_dr_xml, &embedded_ftr_dr_xml_len },
		{ "questionnaires/ftr-current.xml", embedded_ftr_current_xml,
		  &embedded_ftr_current_xml_len },
		{ "questionnaires/secret-patterns.txt", embedded_secret_patterns_txt,
		  &embedded_secret_patterns_txt_len },
	};
	size_t i;

	for (i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++)
		if (strcmp(builtin[i].relpath, relpath) == 0) {
			*len = *builtin[i].len;
			return builtin[i].data;
		}
	return NULL;
}
