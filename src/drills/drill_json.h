/*
 * drill_json.h - a JSON drill export loaded for SQLite's JSON functions.
 *
 * The file is read whole (it must be: json_each needs the text) but only
 * up to a cap, into an in-memory SQLite database's reach: queries bind the
 * text as ?1.  No hand-written JSON parsing anywhere.
 */
#ifndef FTRKIT_DRILL_JSON_H
#define FTRKIT_DRILL_JSON_H

#include <sqlite3.h>

#include "base/strbuf.h"

struct json_doc {
	struct strbuf text;
	sqlite3 *db;
};

/*
 * Read fd (at most max bytes) and check that it is valid JSON.  0, or -1
 * with *why set to an explanation the caller frees.  json_doc_free() in
 * both cases.
 */
int json_doc_load(int fd, size_t max, struct json_doc *doc, char **why);
void json_doc_free(struct json_doc *doc);

/* sql prepared with ?1 bound to the document; caller finalizes.  NULL only
 * when sql is wrong (a programming error, reported). */
sqlite3_stmt *json_doc_query(struct json_doc *doc, const char *sql);

/* One text column of a one-row query, as a new string (caller frees) or NULL. */
char *json_doc_string(struct json_doc *doc, const char *sql);

#endif
