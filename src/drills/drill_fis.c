/*
 * drill_fis.c - a drill from an `aws fis get-experiment` export.
 *
 * experiment.startTime/endTime are the drill's start and end;
 * experiment.state.status gives the outcome (completed = success;
 * failed, stopped, cancelled = failure; anything else unknown, and a failed
 * action is a failure too).  The outage starts with the earliest fault
 * action (an action whose name does not match fis-recovery-action); the
 * service counts as restored when the last recovery action ends (a name
 * matching fis-recovery-action, e.g. "verify-recovery"), else when the
 * experiment ends.  experiment.tags.scenario, when present, names the
 * scenario.
 */
#include <stdlib.h>
#include <string.h>

#include "model/check_messages.h"
#include "drills/drill_readers.h"
#include "base/error.h"
#include "base/banned.h"

/* Parse value (a FIS time) into t of rec; line where it stands.  0 or -1. */
static int fis_time(struct json_doc *doc, const struct drill_reader_ctx *rc,
		    struct drill_record *rec, struct drill_time *t, const char *value)
{
	struct timestamp ts;
	char *quoted;
	long line;
	if (!value || timestamp_parse(value, &rc->ts, &ts) < 0)
		return -1;
	quoted = xasprintf("\"%s\"", value);
	line = drill_line_of(strbuf_str(&doc->text), doc->text.len, quoted);
	free(quoted);
	drill_time_set(rec, t, &ts, line);
	return 0;
}

void drill_fis_from_json(struct json_doc *doc, const char *relpath,
			 const struct drill_reader_ctx *rc, struct drill_set *out)
{
	struct drill_record *rec = drill_record_new(out, relpath, DRILL_SOURCE_FIS, rc->scenario);
	char *status = json_doc_string(doc, "SELECT json_extract(?1, '$.experiment.state.status')");
	char *start = json_doc_string(doc, "SELECT json_extract(?1, '$.experiment.startTime')");
	char *end = json_doc_string(doc, "SELECT json_extract(?1, '$.experiment.endTime')");
	char *tag = json_doc_string(doc, "SELECT json_extract(?1, '$.experiment.tags.scenario')");
	char *id = json_doc_string(doc, "SELECT json_extract(?1, '$.experiment.id')");
	sqlite3_stmt *st;
	int failed_action = 0;

	if (id)
		rec->line = drill_line_of(strbuf_str(&doc->text), doc->text.len, id);
	if (start && fis_time(doc, rc, rec, &rec->started, start) < 0)
		drill_record_problem(rec, 0, CMSG(rc->lang, DP_FIS_START), start);
	if (end && fis_time(doc, rc, rec, &rec->ended, end) < 0)
		drill_record_problem(rec, 0, CMSG(rc->lang, DP_FIS_END), end);
	if (tag) {
		rec->scenario_named = xstrdup(tag);
		rec->scenario_line = drill_line_of(strbuf_str(&doc->text), doc->text.len, tag);
	}
	st = json_doc_query(doc,
		"SELECT a.key, json_extract(a.value, '$.startTime'), json_extract(a.value, '$.endTime'),"
		" json_extract(a.value, '$.state.status')"
		" FROM json_each(?1, '$.experiment.actions') AS a"
		" ORDER BY json_extract(a.value, '$.startTime'), a.key");
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		const char *a_start = (const char *)sqlite3_column_text(st, 1);
		const char *a_end = (const char *)sqlite3_column_text(st, 2);
		const char *a_status = (const char *)sqlite3_column_text(st, 3);
		int recovery = name && pattern_match(rc->markers->fis_recovery_action, name,
						     strlen(name), NULL) == PATTERN_MATCH;
		if (a_status && !strcmp(a_status, "failed"))
			failed_action = 1;
		if (recovery) {
			/* Ordered by start: the last recovery action ending wins. */
			struct drill_time keep = rec->restored;
			rec->restored.set = 0;
			if (!a_end || fis_time(doc, rc, rec, &rec->restored, a_end) < 0)
				rec->restored = keep;
		} else if (!rec->outage.set && a_start) {
			if (fis_time(doc, rc, rec, &rec->outage, a_start) < 0)
				drill_record_problem(rec, 0, CMSG(rc->lang, DP_FIS_ACTION),
						     name ? name : "?", a_start);
		}
	}
	sqlite3_finalize(st);
	if (!rec->restored.set && rec->ended.set)
		rec->restored = rec->ended;
	if (status) {
		rec->outcome_line = drill_line_of(strbuf_str(&doc->text), doc->text.len, status);
		if (!strcmp(status, "completed") && !failed_action)
			rec->outcome = DRILL_SUCCESS;
		else if (!strcmp(status, "failed") || !strcmp(status, "stopped") ||
			 !strcmp(status, "cancelled") || failed_action)
			rec->outcome = DRILL_FAILURE;
	}
	if (!start && !status)
		drill_record_problem(rec, 1, "%s", CMSG(rc->lang, DP_FIS_EMPTY));
	drill_record_finish(rec, rc->ts.tz_offset_seconds);
	free(status);
	free(start);
	free(end);
	free(tag);
	free(id);
}
