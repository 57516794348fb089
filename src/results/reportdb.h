/*
 * reportdb.h - small read helpers shared by the reports that are generated
 * from the results database (HTML, JUnit, OSCAL).
 */
#ifndef FTRKIT_REPORTDB_H
#define FTRKIT_REPORTDB_H

#include <stdint.h>
#include <sqlite3.h>

/* The one row of the run table, copied (owned; rdb_run_free() frees). */
struct report_run {
	char *tool, *questionnaire_id, *questionnaire_version, *questionnaire_title;
	char *questionnaire_sha256;     /* may be NULL */
	char *questionnaire_provenance; /* shipped | modified | custom */
	char *product, *product_version, *organisation, *timezone, *as_of, *lang;
	char *overall;
	char *questionnaire_file; /* NULL when not known */
	int64_t met, not_met, not_applicable, manual, waived;
	int64_t controls; /* met + not_met + not_applicable + manual + waived */
	int64_t as_of_day;
};

/* Prepare sql on db; 0, or -1 after reporting (what names the report). */
int rdb_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, const char *what);
/* Column i as text, NULL when SQL NULL.  Borrowed until the next step. */
const char *rdb_text(sqlite3_stmt *st, int i);
/* Column i as text, "" when SQL NULL. */
const char *rdb_str(sqlite3_stmt *st, int i);
/* 1 when column i is SQL NULL. */
int rdb_null(sqlite3_stmt *st, int i);
/* Single integer result of sql (e.g. a count); -1 after reporting. */
int64_t rdb_count(sqlite3 *db, const char *sql, const char *what);

/* Load the run row; 0, or -1 after reporting. */
int rdb_run_load(sqlite3 *db, struct report_run *rr, const char *what);
void rdb_run_free(struct report_run *rr);

/*
 * Relative link from a report to the workspace file path (workspace-relative).
 * base NULL: as laid out in the review package (reports sit in data/): the
 * assessment is data/assessment.xml, everything else data/evidence/PATH.
 * Otherwise base is the workspace root seen from the report's folder,
 * ending in '/' or empty ("../evidence/"), and the link is base + path.
 * Percent-encoded; caller frees.
 */
char *rdb_evidence_href(const char *base, const char *path);

#endif
