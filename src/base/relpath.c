/*
 * relpath.c - the relative path between two folders (see relpath.h).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "base/relpath.h"
#include "base/strbuf.h"
#include "base/banned.h"

/* Length of the common leading components of a and b (absolute paths
 * without a trailing '/' except for "/" itself). */
static size_t common_prefix(const char *a, const char *b)
{
	size_t i = 0, last = 0;

	while (a[i] && a[i] == b[i]) {
		if (a[i] == '/')
			last = i;
		i++;
	}
	if ((a[i] == '\0' || a[i] == '/') && (b[i] == '\0' || b[i] == '/'))
		return i;
	return last;
}

char *relpath_between_dirs(const char *from, const char *to)
{
	char *rf = realpath(from, NULL), *rt = NULL, *out = NULL;
	struct strbuf sb;
	const char *p;
	size_t n;

	if (!rf || !(rt = realpath(to, NULL)))
		goto done;
	/* "/" is the only resolved path ending in '/': treat it as empty. */
	if (strcmp(rf, "/") == 0)
		rf[0] = '\0';
	if (strcmp(rt, "/") == 0)
		rt[0] = '\0';
	n = common_prefix(rf, rt);
	strbuf_init(&sb, 0);
	for (p = rf + n; *p; p++)
		if (*p == '/')
			strbuf_addstr(&sb, "../");
	if (rt[n] == '/')
		n++;
	if (rt[n]) {
		strbuf_addstr(&sb, rt + n);
		strbuf_addch(&sb, '/');
	}
	out = strbuf_detach(&sb);
done:
	free(rf);
	free(rt);
	return out;
}
