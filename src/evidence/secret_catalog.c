/*
 * secret_catalog.c - the secret rules a questionnaire brings: the patterns
 * file beside it (or the shipped one) and its "secret-pattern-NAME"
 * defaults.  assess loads them for the inventory's scan, bundle for its own.
 */
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "evidence/secret_catalog.h"
#include "base/datadir.h"
#include "base/error.h"
#include "base/banned.h"

#define SECRET_PATTERNS "secret-patterns.txt"
#define DEFAULT_PREFIX "secret-pattern-"

static char *rules_path(const char *questionnaire)
{
	char *copy = xstrdup(questionnaire);
	char *path = xasprintf("%s/%s", dirname(copy), SECRET_PATTERNS);
	free(copy);
	if (access(path, R_OK) == 0)
		return path;
	free(path);
	return shipped_file_path("questionnaires/" SECRET_PATTERNS);
}

int secret_catalog_load(const struct questionnaire *q, struct secret_rules *rules)
{
	const struct param_list *d = &q->defaults;
	char *path = rules_path(q->path);
	size_t i, n = strlen(DEFAULT_PREFIX), len;
	const char *builtin = access(path, R_OK) == 0
		? NULL : shipped_builtin("questionnaires/" SECRET_PATTERNS, &len);
	int ret;

	if (builtin) {
		/* No file anywhere: the copy built into ftrkit. */
		FILE *f = fmemopen((void *)builtin, len, "r");
		ret = f ? secret_rules_load_stream(f, "questionnaires/" SECRET_PATTERNS, rules)
			: error("cannot read the built-in secret patterns");
		if (f)
			fclose(f);
	} else {
		ret = secret_rules_load(path, rules);
	}
	free(path);
	for (i = 0; ret == 0 && i < d->nr; i++)
		if (strncmp(d->items[i].name, DEFAULT_PREFIX, n) == 0)
			ret = secret_rules_add(rules, d->items[i].name + n, "value",
					       d->items[i].value, q->path, d->items[i].line);
	return ret;
}
