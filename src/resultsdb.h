/*
 * resultsdb.h - the results database (SQLite), the single source every
 * report is generated from.  Its schema is documented in resultsdb.c and,
 * because SQLite keeps the comments, by `sqlite3 results.sqlite .schema`.
 */
#ifndef FTRKIT_RESULTSDB_H
#define FTRKIT_RESULTSDB_H

#include <sqlite3.h>

struct assess_run;

/* Current schema version, stored in PRAGMA user_version. */
#define RESULTSDB_VERSION 1

/*
 * Create the schema in a new, empty database file at path and fill it from
 * run in one transaction.  Returns the open handle (caller closes with
 * sqlite3_close) or NULL after reporting.
 */
sqlite3 *resultsdb_write(const char *path, const char *shown_path,
			 const struct assess_run *run, const char *tool);

/* Report a SQLite error on db as "ftrkit: WHAT: message"; returns -1. */
int resultsdb_error(sqlite3 *db, const char *what);

#endif
