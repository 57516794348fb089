/*
 * history.h - the history database (--history FILE): one row per run of
 * assess or bundle, so the next review can ask what changed.
 *
 * A history is a SQLite file marked with HISTORY_APPLICATION_ID; it holds
 * runs (as-of, questionnaire and its SHA-256, overall verdict and the count
 * per verdict), run_controls (every control's verdict) and run_evidence
 * (every evidence file's SHA-256).  A run is appended inside one
 * transaction that is opened before the reports are written and committed
 * only after they are, so a failed run leaves the history as it was.
 */
#ifndef FTRKIT_HISTORY_H
#define FTRKIT_HISTORY_H

#include <stdio.h>
#include <sqlite3.h>

#include "results/resultsdb.h"

/* PRAGMA application_id of a history ("FTRH"). */
#define HISTORY_APPLICATION_ID 0x46545248
#define HISTORY_VERSION 1

/* An append in progress (history_begin .. history_commit / history_abort). */
struct history {
	sqlite3 *db;
	char *path;
	int created; /* the file did not exist: removed again on abort */
};

/*
 * Open (or create) the history at path, check it is one, start a write
 * transaction and read its latest run into prev (caller frees with
 * history_previous_free).  0, or -1 after reporting "PATH: why" (nothing
 * to release then).
 */
int history_begin(const char *path, struct history *h, struct history_previous *prev);

/* Append the run rec (tool names the writer).  0, or -1 after reporting. */
int history_add(struct history *h, const struct resultsdb_run *rec, const char *tool);

/* Commit and close.  0, or -1 after reporting (the run is not recorded). */
int history_commit(struct history *h);

/* Roll back and close; a history this run created is removed. */
void history_abort(struct history *h);

void history_previous_free(struct history_previous *prev);

/*
 * Print every run of the history at path, one line each (json: one JSON
 * document made by SQLite's JSON functions).  0, or -1 after reporting.
 */
int history_list(const char *path, FILE *out, int json);

#endif
