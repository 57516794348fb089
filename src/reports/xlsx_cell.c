/*
 * xlsx_cell.c - cell text within Excel's limit (see xlsx_cell.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reports/xlsx_cell.h"
#include "base/error.h"
#include "base/safetext.h"
#include "base/banned.h"

/* UTF-16 code units of the character whose lead byte is c (0: not a lead). */
static size_t lead_units(unsigned char c)
{
	if ((c & 0xC0) == 0x80)
		return 0;
	return c >= 0xF0 ? 2 : 1;
}

char *xlsx_cell_text(const char *in)
{
	size_t total = 0, chars = 0, keep = 0, used = 0, i, budget;
	char *s, *marker, *out;

	/* text from the database is clean already; a hostile results.sqlite
	 * (verify regenerates from the package's copy) is made clean here */
	s = safetext_dup(in, SAFETEXT_DOC);
	for (i = 0; s[i]; i++) {
		size_t u = lead_units((unsigned char)s[i]);
		total += u;
		chars += u != 0;
	}
	if (total <= XLSX_CELL_MAX)
		return s;
	marker = xasprintf("\n[truncated by ftrkit: %zu characters]", chars);
	budget = XLSX_CELL_MAX - strlen(marker); /* the marker is ASCII */
	/* keep = the byte length of the longest prefix within budget; the
	 * loop stops only at a lead byte, so the prefix ends on a whole
	 * character (its continuation bytes included) */
	for (i = 0; s[i]; i++) {
		size_t u = lead_units((unsigned char)s[i]);
		if (u && used + u > budget)
			break;
		used += u;
		keep = i + 1;
	}
	out = xasprintf("%.*s%s", (int)keep, s, marker);
	free(marker);
	free(s);
	return out;
}
