/*
 * drill_rds.c - drills from an `aws rds describe-events` export.
 *
 * Events are taken in time order; an event whose Message matches
 * rds-failover-start opens a failover, the next one matching
 * rds-failover-complete closes it (outage start -> service restored).  A
 * failover never completed gives a record without recovery and outcome
 * failure.  Each time's line is where its "Date" value stands in the file.
 */
#include <stdlib.h>
#include <string.h>

#include "model/check_messages.h"
#include "drills/drill_readers.h"
#include "base/error.h"
#include "base/banned.h"

/* Parse an event date; 0 or -1 (the record gets a problem). */
static int event_time(struct json_doc *doc, const struct drill_reader_ctx *rc,
		      const char *date, struct timestamp *ts, long *line)
{
	char *quoted;
	if (!date || timestamp_parse(date, &rc->ts, ts) < 0)
		return -1;
	quoted = xasprintf("\"%s\"", date);
	*line = drill_line_of(strbuf_str(&doc->text), doc->text.len, quoted);
	free(quoted);
	return 0;
}

void drill_rds_from_json(struct json_doc *doc, const char *relpath,
			 const struct drill_reader_ctx *rc, struct drill_set *out)
{
	const struct drill_markers *m = rc->markers;
	struct drill_record *open = NULL;
	size_t before = out->nr, events = 0;
	sqlite3_stmt *st = json_doc_query(doc,
		"SELECT json_extract(e.value, '$.Date'), json_extract(e.value, '$.Message'),"
		" e.key"
		" FROM json_each(?1, '$.Events') AS e"
		" ORDER BY json_extract(e.value, '$.Date'), e.key");

	while (st && sqlite3_step(st) == SQLITE_ROW) {
		const char *date = (const char *)sqlite3_column_text(st, 0);
		const char *msg = (const char *)sqlite3_column_text(st, 1);
		struct timestamp ts;
		long line = 0;
		int started, completed;

		events++;
		if (!msg)
			continue;
		started = pattern_match(m->rds_failover_start, msg, strlen(msg), NULL) == PATTERN_MATCH;
		completed = !started &&
			pattern_match(m->rds_failover_complete, msg, strlen(msg), NULL) == PATTERN_MATCH;
		if (!started && !(completed && open))
			continue;
		if (event_time(doc, rc, date, &ts, &line) < 0) {
			struct drill_record *bad = open ? open
				: drill_record_new(out, relpath, DRILL_SOURCE_RDS, rc->scenario);
			drill_record_problem(bad, 0, CMSG(rc->lang, DP_RDS_BAD_DATE),
					     (long long)sqlite3_column_int64(st, 2),
					     date ? date : CMSG(rc->lang, DP_MISSING));
			open = NULL;
			continue;
		}
		if (started) {
			if (open) {
				open->outcome = DRILL_FAILURE;
				drill_record_finish(open, rc->ts.tz_offset_seconds);
			}
			open = drill_record_new(out, relpath, DRILL_SOURCE_RDS, rc->scenario);
			open->line = line;
			drill_time_set(open, &open->started, &ts, line);
			drill_time_set(open, &open->outage, &ts, line);
		} else {
			drill_time_set(open, &open->restored, &ts, line);
			drill_time_set(open, &open->ended, &ts, line);
			open->outcome = DRILL_SUCCESS;
			open->outcome_line = line;
			drill_record_finish(open, rc->ts.tz_offset_seconds);
			open = NULL;
		}
	}
	sqlite3_finalize(st);
	if (open) {
		/* Started but never completed: the service never came back in this export. */
		open->outcome = DRILL_FAILURE;
		open->outcome_line = open->line;
		drill_record_finish(open, rc->ts.tz_offset_seconds);
	}
	if (out->nr == before) {
		struct drill_record *rec = drill_record_new(out, relpath, DRILL_SOURCE_RDS,
							    rc->scenario);
		drill_record_problem(rec, 1,
				     CMSG(rc->lang, DP_RDS_NO_FAILOVER),
				     events, events == 1 ? "" : "s");
	}
}
