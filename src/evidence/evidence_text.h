/*
 * evidence_text.h - the one way to read a text evidence file (drill logs,
 * runbooks, text configs) line by line, as hostile input.
 *
 * Every reader of a text evidence file goes through this:
 *
 *	struct evidence_text t;
 *	char *line; size_t len; int rc;
 *	if (evidence_text_open(&t, ctx->workspace, relpath, "drill log") < 0)
 *		return -1;                      // reported; input error (exit 2)
 *	while ((rc = evidence_text_next(&t, &line, &len)) == 1)
 *		... use line[0..len) (NUL-terminated, no '\n'), t.lineno ...
 *	evidence_text_close(&t);
 *	if (rc < 0)
 *		return -1;                      // reported; input error (exit 2)
 *
 * A reader may stop early (break, then close): the checks below then cover
 * only what was read.  What it guarantees, while streaming in fixed memory
 * (max_line + 64 KiB, whatever the file):
 *   - the file is opened with workspace_open_file() (cannot leave the
 *     workspace, must still be the inventoried regular file);
 *   - a line longer than the workspace's max_line (--max-line) is an input
 *     error "FILE:LINE: line longer than N bytes (limit; see --max-line)";
 *   - a NUL byte or invalid UTF-8 (overlong forms, surrogates, > U+10FFFF,
 *     truncated sequences) is an input error naming file and line: such a
 *     file is binary, not a log;
 *   - at the end of the file, the bytes read must be exactly the inventoried
 *     size and SHA-256, else "changed while it was being read": the text a
 *     check judged is the text the reports hash.
 * Every error is one line "ftrkit: ROOT/RELPATH:LINE: what", reported once.
 */
#ifndef FTRKIT_EVIDENCE_TEXT_H
#define FTRKIT_EVIDENCE_TEXT_H

#include <stddef.h>

#include "evidence/linereader.h"
#include "evidence/workspace.h"

struct evidence_text {
	struct line_reader reader;
	int fd;
	const struct evidence_file *file; /* borrowed from the workspace */
	char *shown;                      /* ROOT/relpath for messages; owned */
	const char *what;                 /* "drill log", "runbook", ... */
	long lineno;                      /* line last returned (1-based) */
	int finished;                     /* end of file reached and verified */
};

/*
 * Open relpath of ws (an inventoried file) as text; what names the kind in
 * messages.  0, or -1 after reporting (t needs no close then).
 */
int evidence_text_open(struct evidence_text *t, const struct workspace *ws,
		       const char *relpath, const char *what);

/*
 * Next line into *line and *len (borrowed until the next call or close;
 * NUL-terminated; "\n" and "\r\n" removed; a UTF-8 BOM at the start is
 * dropped).  1 = a line, 0 = end of file (size and hash verified), -1 =
 * input error reported.  After 0 or -1 every further call returns the same.
 */
int evidence_text_next(struct evidence_text *t, char **line, size_t *len);

/*
 * Block mode, for readers that search many lines at once (never mixed
 * with evidence_text_next on one t): the next run of whole lines into
 * *block and *len (borrowed until the next call; block[len] is writable),
 * each line checked exactly as evidence_text_next checks it, the first bad
 * line reported under the same message.  Lines end at "\n" and keep a "\r"
 * before it; the run ends with "\n" except at the end of the file.
 * *first_line gets the number of the run's first line; t->lineno that of
 * its last.  1 = a run, 0 = end of file (size and hash verified), -1 =
 * input error reported; after 0 or -1 every further call returns the same.
 */
int evidence_text_block(struct evidence_text *t, char **block, size_t *len,
			long *first_line);

/* Release t (closes the file).  Safe after a failed open. */
void evidence_text_close(struct evidence_text *t);

/*
 * 1 when s[0..len) is well-formed UTF-8 (RFC 3629) with no NUL byte; else 0
 * and *bad (when not NULL) gets the offset of the first bad byte.
 */
int utf8_text_valid(const char *s, size_t len, size_t *bad);

#endif
