/*
 * verify_provenance.c - see verify_provenance.h.  bag-info.txt is read
 * through the package reader (bounded); a package from before the
 * FTR-Questionnaire-SHA256 label is judged by the shipped-catalog rule
 * alone.
 */
#include <stdlib.h>
#include <string.h>

#include "package/verify_provenance.h"
#include "model/provenance.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "base/banned.h"

#define BAG_INFO_LIMIT (64 * 1024)
#define SHA_LABEL "FTR-Questionnaire-SHA256:"

/* The line after the one at line, or NULL at the end. */
static const char *next_line(const char *line)
{
	const char *nl = strchr(line, '\n');
	return nl ? nl + 1 : NULL;
}

char *verify_questionnaire_provenance(const struct pkg_reader *pr, const struct questionnaire *q)
{
	const struct pkg_entry *e = pkg_find(pr, "bag-info.txt");
	struct strbuf info = STRBUF_INIT;
	char *why = provenance_problem(q->id, q->version, q->sha256);
	const char *line;

	if (why || !e)
		return why;
	{
		int was = error_mute_thread(1);
		int rc = pkg_read(pr, e, BAG_INFO_LIMIT, &info);
		error_mute_thread(was);
		if (rc < 0)
			return NULL; /* the bag step reports an unreadable bag-info.txt */
	}
	for (line = strbuf_str(&info); line && *line; line = next_line(line)) {
		const char *v;
		size_t n;
		if (strncmp(line, SHA_LABEL, strlen(SHA_LABEL)) != 0)
			continue;
		v = line + strlen(SHA_LABEL);
		while (*v == ' ')
			v++;
		n = strcspn(v, "\r\n");
		if (n != 64 || strncmp(v, q->sha256, 64) != 0)
			why = xasprintf("bag-info.txt names another questionnaire SHA-256 than the "
					"bundled one's (%s)", q->sha256);
		break;
	}
	strbuf_release(&info);
	return why;
}
