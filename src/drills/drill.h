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
 * Both are computed to the millisecond (recovery_ms, data_loss_ms) and
 * kept in whole seconds rounded UP (recovery_seconds, data_loss_seconds):
 * one rounding rule, and a measurement never looks better than it was, so
 * 1 min 46.789 s is 107 s and exceeds an RTO of 106 s.
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

struct scan_prefilter;

/* Largest JSON or XML drill export read (bytes); larger is a finding. */
#define DRILL_EXPORT_MAX (16u * 1024 * 1024)

enum drill_source { DRILL_SOURCE_TEXT, DRILL_SOURCE_RDS, DRILL_SOURCE_FIS, DRILL_SOURCE_JUNIT };
enum drill_outcome { DRILL_UNKNOWN, DRILL_SUCCESS, DRILL_FAILURE };

/* The events a text log marks, in the order drill-markers.txt names them. */
enum drill_event {
	DRILL_EV_SCENARIO, DRILL_EV_DRILL_START, DRILL_EV_DRILL_END, DRILL_EV_OUTAGE_START,
	DRILL_EV_DETECTED, DRILL_EV_SERVICE_RESTORED, DRILL_EV_COMPONENT_RESTORED,
	DRILL_EV_RECOVERY_POINT,
	DRILL_EV_RESULT_SUCCESS, DRILL_EV_RESULT_FAILURE,
	DRILL_EV_DATA_LOSS,  /* "Data loss: 3 min": the amount, not a moment */
	DRILL_EVENT_COUNT
};

/* "scenario", "drill-start", ..., "result-failure"; NULL past the end. */
const char *drill_event_name(enum drill_event e);

/* One moment of a drill.  line > 0 with set == 0: the marker was found on
 * that line but it carries no time. */
struct drill_time {
	int set;
	int64_t epoch;
	int millis;     /* 0..999: fractions of a second are kept to the ms */
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
	struct drill_time detected;      /* optional: when the fault was noticed */
	struct drill_time component;     /* a component back (database, writer):
					    service restored when none is named */
	enum drill_outcome outcome;
	long outcome_line;
	int has_recovery;
	int64_t recovery_seconds;        /* rounded up, see above */
	int64_t recovery_ms;
	int has_data_loss;
	int64_t data_loss_seconds;       /* rounded up */
	int64_t data_loss_ms;
	long data_loss_line;             /* the line it rests on */
	int has_stated_loss;             /* "Data loss: 3 min" written as an amount: */
	int64_t stated_loss_seconds;     /* used when no recovery point gives it */
	long stated_loss_line;
	char *doubt;                     /* why the outcome cannot be judged, or NULL;
	                                    the outcome is then unknown */
	long doubt_line;
	char *failure_note;              /* what failed (JUnit: suite, testcase, message) */
	long failure_line;
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
	struct pattern *detected;         /* optional (marker-detected): may be NULL */
	struct pattern *component_restored; /* optional (marker-component-restored) */
	struct pattern *both_choices;     /* built in: "success | failure" offered */
	struct pattern *result_line;      /* built in: "Result:" whatever follows */
	struct pattern *data_loss;        /* built in: a measured data-loss label
					     ("Data loss:", "データ損失:"); the
					     amount follows the match */
	/* A team's own patterns (the workspace's drill-markers.txt), tried
	 * after the questionnaire's; NULL when none. */
	struct pattern *extra[DRILL_EVENT_COUNT];
	/* The text reader's literal prefilter over the markers above, built
	 * at its first use (markers are used by one thread); freed and
	 * reset with them.  NULL until then. */
	struct scan_prefilter *prefilter;
};

/*
 * explain: called by the text reader for every line a marker matched, with
 * the event's name ("outage-start", ..., see drill_event_name), the time it
 * parsed (NULL when the line has none), and the line.  For `ftrkit explain`.
 */
typedef void drill_explain_fn(void *arg, long line, const char *event,
			      const struct timestamp *ts, const char *text, size_t len);

/* What a reader needs; everything borrowed. */
struct drill_reader_ctx {
	const struct drill_markers *markers;
	struct ts_context ts;             /* timezone, as-of */
	const struct scenario *scenario;  /* may be NULL (unit tests) */
	size_t export_max;                /* DRILL_EXPORT_MAX unless testing */
	const char *lang;                 /* language of problems; NULL = en */
	drill_explain_fn *explain;        /* NULL unless explaining */
	void *explain_arg;
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

/* Derive date, recovery and data loss from the times; readers call it last.
 * A record with doubt set gets outcome unknown. */
void drill_record_finish(struct drill_record *rec, int tz_offset_seconds);

/* Set rec->doubt (printf-style) and its line; the first doubt is kept. */
void drill_record_doubt(struct drill_record *rec, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The moment a record is ordered by within its day, in ms since the epoch:
 * when it ended (drill end, else service restored, else outage start, else
 * drill start); 0 when it has none.  The drill that finished last is the
 * latest. */
int64_t drill_record_moment_ms(const struct drill_record *r);

/* 1 when a is newer than b: a later day, else a later moment, else later
 * in the set (both records of one set). */
int drill_record_newer(const struct drill_record *a, const struct drill_record *b);

/*
 * Add a team's own marker patterns from the workspace file relpath (lines
 * "EVENT: PCRE2 pattern"; '#' comments and blank lines skipped; EVENT one
 * of drill_event_name()).  Each event's patterns are joined into one
 * alternation.  0, or -1 after reporting "FILE:LINE: ..." (exit 2).
 */
#define DRILL_MARKERS_FILE "drill-markers.txt" /* at the workspace root */
int drill_markers_add_file(struct drill_markers *m, const struct workspace *ws,
			   const char *relpath);

/*
 * The placeholder text[0..len) holds, if any, into what (at most size
 * bytes, NUL-terminated): "<...>" holding a blank, '|', ',' or a non-ASCII
 * character (not an HTML comment or closing tag), or a word template
 * writers leave (TBD, TBA, XXX, TODO, FIXME, YYYY, hh:mm, 未記入, 未定,
 * 要記入).  1 when found.  Drill logs and runbooks share it.
 */
int drill_placeholder(const char *text, size_t len, char *what, size_t size);

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
