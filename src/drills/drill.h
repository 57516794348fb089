/*
 * drill.h - drill records: what a DR drill's evidence says happened.
 *
 * Every drill-log a scenario names is read once per run, by the reader its
 * form calls for (free text / Markdown, an RDS describe-events export, a FIS
 * get-experiment export, JUnit XML), into one or more drill records.  A
 * record keeps each time it rests on with its line, and the measurements
 * derived from them:
 *   recovery  = outage start -> service restored
 *   data loss = last recoverable point -> outage start (0 when the point is
 *               at or after the outage)
 * A file no reader can understand still gives one record, with problem set
 * to why: unreadable evidence is a finding, never skipped.
 *
 * The marker patterns (outage start, service restored, ...) are data: the
 * questionnaire's <defaults> params named marker-*, rds-*, fis-*.  They are
 * compiled once (pattern.h: JIT, match and depth limits).
 *
 * Ownership: a drill_set owns its records and their strings; records borrow
 * their scenario from the assessment.  drill_set_free() releases it all.
 */
#ifndef FTRKIT_DRILL_H
#define FTRKIT_DRILL_H

#include <stddef.h>
#include <stdint.h>

#include "model/assessment.h"
#include "evidence/pattern.h"
#include "model/questionnaire.h"
#include "base/strbuf.h"
#include "model/timestamp.h"
#include "evidence/workspace.h"

/* Largest JSON or XML drill export read (bytes); larger is a finding. */
#define DRILL_EXPORT_MAX (16u * 1024 * 1024)

enum drill_source { DRILL_SOURCE_TEXT, DRILL_SOURCE_RDS, DRILL_SOURCE_FIS, DRILL_SOURCE_JUNIT };
enum drill_outcome { DRILL_UNKNOWN, DRILL_SUCCESS, DRILL_FAILURE };

/* One moment of a drill.  line > 0 with set == 0: the marker was found on
 * that line but it carries no time. */
struct drill_time {
	int set;
	int64_t epoch;
	long line;
	int tz_assumed; /* written without an offset */
};

struct drill_record {
	const struct scenario *scenario; /* borrowed; NULL only in unit tests */
	char *file;                      /* workspace-relative */
	long line;                       /* where the record starts */
	enum drill_source source;
	char *scenario_named;            /* the id the evidence itself names, or NULL */
	long scenario_line;
	int has_date;
	int64_t day;                     /* in the assessment's timezone */
	long date_line;
	struct drill_time started, ended, outage, restored, recovery_point;
	enum drill_outcome outcome;
	long outcome_line;
	int has_recovery;
	int64_t recovery_seconds;
	int has_data_loss;
	int64_t data_loss_seconds;
	int tz_assumed;                  /* some time had no offset */
	long tz_line;                    /* the first such line */
	int limit_hit;                   /* a marker pattern hit its match limit */
	long limit_line;
	char *problem;                   /* the evidence could not be read: why */
	long problem_line;
};

struct drill_set {
	struct drill_record *items;
	size_t nr, alloc;
};

struct drill_markers {
	struct pattern *scenario;         /* group 1 = the scenario id */
	struct pattern *drill_start, *drill_end;
	struct pattern *outage_start, *service_restored, *recovery_point;
	struct pattern *result_success, *result_failure;
	struct pattern *rds_failover_start, *rds_failover_complete;
	struct pattern *fis_recovery_action;
};

/* What a reader needs; everything borrowed. */
struct drill_reader_ctx {
	const struct drill_markers *markers;
	struct ts_context ts;             /* timezone, as-of */
	const struct scenario *scenario;  /* may be NULL (unit tests) */
	size_t export_max;                /* DRILL_EXPORT_MAX unless testing */
	const char *lang;                 /* language of problems; NULL = en */
};

/*
 * Compile every marker from params (the questionnaire's defaults); where
 * names the questionnaire in messages.  0, or -1 after reporting a missing
 * or bad pattern.  Free with drill_markers_free().
 */
int drill_markers_compile(const struct param_list *params, const char *where,
			  struct drill_markers *m);
void drill_markers_free(struct drill_markers *m);

void drill_set_free(struct drill_set *set);

/* A new record in set for file (zeroed, file copied). */
struct drill_record *drill_record_new(struct drill_set *set, const char *relpath,
				      enum drill_source source, const struct scenario *s);

/* Set rec->problem (printf-style) and its line. */
void drill_record_problem(struct drill_record *rec, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Set a drill_time from a parsed timestamp, noting an assumed timezone. */
void drill_time_set(struct drill_record *rec, struct drill_time *t,
		    const struct timestamp *ts, long line);

/* Derive date, recovery and data loss from the times; readers call it last. */
void drill_record_finish(struct drill_record *rec, int tz_offset_seconds);

/* "text", "rds-events", "fis", "junit"; "success", "failure", "unknown". */
const char *drill_source_name(enum drill_source s);
const char *drill_outcome_name(enum drill_outcome o);

/*
 * Read all of fd into sb (initialised here with limit max).  0, or -1 with
 * *why set (caller frees) on a read error or when the file exceeds max.
 */
int drill_slurp(int fd, size_t max, struct strbuf *sb, char **why);

/* 1-based line of the first occurrence of needle in text[0..len), 0 if none. */
long drill_line_of(const char *text, size_t len, const char *needle);

#endif
