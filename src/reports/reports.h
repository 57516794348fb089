/*
 * reports.h - the registry of report formats.  Every report is generated
 * from the results database (never from the in-memory run), so the reports
 * can never disagree with each other or with results.sqlite.
 */
#ifndef FTRKIT_REPORTS_H
#define FTRKIT_REPORTS_H

#include <sqlite3.h>

#include "base/atomicfile.h"

/* Where a report is read, for its relative links to the evidence. */
struct report_links {
	/* NULL: the review package's layout (reports in data/, evidence in
	 * data/evidence/); else the workspace root seen from the output folder,
	 * "" or ending in '/' (see rdb_evidence_href). */
	const char *evidence_base;
};

/* Write the report to out->fd from db; 0 or -1 after reporting. */
typedef int (*report_fn)(sqlite3 *db, const struct report_links *links,
			 struct atomic_file *out);

struct report_def {
	const char *format;   /* --format name: json, html, junit, oscal, oscal-json, xlsx */
	const char *filename; /* in the output folder */
	report_fn write;
};

/* All report formats, terminated by an entry with format NULL. */
const struct report_def *report_registry(void);

/*
 * Render report r from db into a new memory file (never the disk), with
 * the links of `links`; name is the report's name in messages.  Returns the
 * file's descriptor, positioned at its end (the caller owns and closes
 * it), or -1 after reporting.  verify regenerates packaged reports this
 * way, bundle renders the package's index.html.
 */
int report_render_memory(const struct report_def *r, sqlite3 *db,
			 const struct report_links *links, const char *name);

int report_html(sqlite3 *db, const struct report_links *links, struct atomic_file *out);
int report_json(sqlite3 *db, const struct report_links *links, struct atomic_file *out);
int report_junit(sqlite3 *db, const struct report_links *links, struct atomic_file *out);
int report_oscal(sqlite3 *db, const struct report_links *links, struct atomic_file *out);
int report_oscal_json(sqlite3 *db, const struct report_links *links, struct atomic_file *out);
int report_xlsx(sqlite3 *db, const struct report_links *links, struct atomic_file *out);

#endif
