/*
 * resultsdb.h - the results database (SQLite), the single source every
 * report is generated from.  Its schema is documented in resultsdb.c and,
 * because SQLite keeps the comments, by `sqlite3 results.sqlite .schema`.
 */
#ifndef FTRKIT_RESULTSDB_H
#define FTRKIT_RESULTSDB_H

#include <sqlite3.h>

#include "configs/configs.h"
#include "drills/drill.h"
#include "drills/drill_calendar.h"
#include "evidence/workspace.h"
#include "model/assessment.h"
#include "model/questionnaire.h"
#include "model/results.h"
#include "model/tailoring.h"

/* The latest run of a history (history.h), as the reports show what
 * changed since; owned by whoever loaded it (history_previous_free). */
/* A control and its verdict, or an evidence path and its SHA-256. */
struct history_pair {
	char *key, *value;
};

/* The latest run of a history, as the reports show what changed since. */
struct history_previous {
	int have;                 /* 0: the history held no run yet */
	long long run;            /* its number */
	char *as_of;              /* YYYY-MM-DD */
	struct history_pair *controls; /* control id, verdict */
	size_t nr_controls;
	struct history_pair *evidence; /* path, sha256 */
	size_t nr_evidence;
};

/* What the database records of one run; everything borrowed. */
struct resultsdb_run {
	const struct questionnaire *questionnaire;
	const struct assessment *assessment;
	const struct workspace *workspace;      /* the evidence inventory */
	const struct run_result *results;       /* every control's verdict */
	const struct drill_set *drills;
	const struct scenario_status *calendar; /* one per scenario */
	size_t nr_calendar;
	const struct config_set *configs;
	const char *as_of;                      /* YYYY-MM-DD */
	const char *lang;
	/* With --history: the history's latest run before this one (its
	 * have is 0 when there was none); NULL without --history. */
	const struct history_previous *previous;
	const struct tailoring *tailoring;      /* -t FILE, or NULL */
};

/* Current schema version, stored in PRAGMA user_version. */
#define RESULTSDB_VERSION 2

/*
 * Create the schema in a new, empty database file at path and fill it from
 * run in one transaction.  Returns the open handle (caller closes with
 * sqlite3_close) or NULL after reporting.
 */
sqlite3 *resultsdb_write(const char *path, const char *shown_path,
			 const struct resultsdb_run *run, const char *tool);

/* Report a SQLite error on db as "ftrkit: WHAT: message"; returns -1. */
int resultsdb_error(sqlite3 *db, const char *what);

#endif
