/*
 * drill_readers.h - one reader per form of drill evidence.  Readers build
 * records with drill.h and never call each other; drill_sources.c holds
 * the one table that picks the reader for a file.
 */
#ifndef FTRKIT_DRILL_READERS_H
#define FTRKIT_DRILL_READERS_H

#include "drills/drill.h"
#include "drills/drill_json.h"
#include "evidence/workspace.h"

/*
 * The readers.  Each appends at least one record for relpath to out; a
 * record with problem set when the file cannot be understood.
 *
 * drill_read_text reads through evidence_text (evidence_text.h): a log that
 * is not text at all (NUL bytes, invalid UTF-8, a line over --max-line) or
 * that changes while read is an input error it reports, returning -1 (the
 * run exits 2); otherwise 0.  The JSON and JUnit readers read fd (borrowed,
 * not closed) and never fail (out of memory exits).
 */
int drill_read_text(const struct workspace *ws, const char *relpath,
		    const struct drill_reader_ctx *rc, struct drill_set *out);
void drill_read_junit(int fd, const char *relpath, const struct drill_reader_ctx *rc,
		      struct drill_set *out);

/* JSON exports, already loaded and told apart by drill_read_json():
 * RDS events (drill_rds.c) and a FIS experiment (drill_fis.c). */
void drill_rds_from_json(struct json_doc *doc, const char *relpath,
			 const struct drill_reader_ctx *rc, struct drill_set *out);
void drill_fis_from_json(struct json_doc *doc, const char *relpath,
			 const struct drill_reader_ctx *rc, struct drill_set *out);

#endif
