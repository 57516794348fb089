/*
 * drill_text.c - free-text and Markdown drill logs, English or Japanese.
 *
 * One streaming pass (evidence_text.h in block mode: CRLF, BOM, no final
 * newline, bounded lines; the markers search whole blocks, see scan_block).
 * Each line is scanned for its first timestamp and matched against
 * the marker patterns; a marker takes the line's time, except the recovery
 * point, which prefers a time written after the marker ("最終復旧可能時点:
 * 2026/08/20 10:04:00").  First drill start, outage start, recovery point
 * and result win; service restored is the first one at or after the outage
 * start; drill end is the last.  A syslog time takes its year from the
 * first full date of the log (the drill's date).
 */
#include <errno.h>
#include <string.h>

#include "model/calendar.h"
#include "model/check_messages.h"
#include "drills/drill_readers.h"
#include "evidence/evidence_text.h"
#include "base/error.h"
#include "evidence/linereader.h"
#include "evidence/scan.h"
#include "base/banned.h"

struct text_state {
	const struct drill_reader_ctx *rc;
	struct drill_record *rec;
	struct ts_context ts;
	size_t matches;
	long first_ts_line;
};

/* Match p against the line; notes a hit match limit in st.  1 on a match. */
static int marker(struct text_state *st, const struct pattern *p, const char *text,
		  size_t len, long line, size_t groups[2 * PATTERN_MAX_GROUPS])
{
	enum pattern_result r = pattern_match(p, text, len, groups);
	if (r == PATTERN_LIMIT && !st->rec->limit_hit) {
		st->rec->limit_hit = 1;
		st->rec->limit_line = line;
	}
	if (r == PATTERN_MATCH)
		st->matches++;
	return r == PATTERN_MATCH;
}

/* The first marker of its kind wins: take the time, or note an untimed marker. */
static void first_time(struct drill_record *rec, struct drill_time *t,
		       const struct timestamp *ts, int have, long line)
{
	if (t->set)
		return;
	if (have)
		drill_time_set(rec, t, ts, line);
	else if (!t->line)
		t->line = line;
}

static void scan_line(struct text_state *st, const struct drill_reader_ctx *rc,
		      const char *text, size_t len, long line)
{
	const struct drill_markers *m = rc->markers;
	struct drill_record *rec = st->rec;
	size_t g[2 * PATTERN_MAX_GROUPS];
	struct timestamp ts, rp;
	int have = timestamp_find(text, len, 0, &st->ts, &ts);

	if (have) {
		if (!st->first_ts_line)
			st->first_ts_line = line;
		if (!st->ts.year && ts.form != TS_SYSLOG && ts.form != TS_EPOCH) {
			int64_t y;
			unsigned mo, d;
			civil_from_days(ts.local_day, &y, &mo, &d);
			st->ts.year = y;
		}
	}
	if (!rec->scenario_named && marker(st, m->scenario, text, len, line, g) &&
	    g[2] != (size_t)-1) {
		rec->scenario_named = xstrndup(text + g[2], g[3] - g[2]);
		rec->scenario_line = line;
	}
	if (marker(st, m->drill_start, text, len, line, NULL))
		first_time(rec, &rec->started, &ts, have, line);
	if (marker(st, m->drill_end, text, len, line, NULL)) {
		if (have)
			drill_time_set(rec, &rec->ended, &ts, line);
		else if (!rec->ended.set)
			rec->ended.line = line;
	}
	if (marker(st, m->outage_start, text, len, line, NULL))
		first_time(rec, &rec->outage, &ts, have, line);
	if (marker(st, m->service_restored, text, len, line, NULL)) {
		if (have && (!rec->restored.set ||
			     (rec->outage.set && rec->restored.epoch < rec->outage.epoch)))
			drill_time_set(rec, &rec->restored, &ts, line);
		else if (!have && !rec->restored.line)
			rec->restored.line = line;
	}
	if (marker(st, m->recovery_point, text, len, line, g)) {
		int after = timestamp_find(text, len, g[1], &st->ts, &rp);
		first_time(rec, &rec->recovery_point, after ? &rp : &ts, after || have, line);
	}
	if (!rec->outcome_line) {
		if (marker(st, m->result_success, text, len, line, NULL)) {
			rec->outcome = DRILL_SUCCESS;
			rec->outcome_line = line;
		} else if (marker(st, m->result_failure, text, len, line, NULL)) {
			rec->outcome = DRILL_FAILURE;
			rec->outcome_line = line;
		}
	}
}

/* scan_line() as a scan_line_fn: empty lines hold nothing. */
static int scan_candidate(void *arg, char *line, size_t len, long lineno)
{
	struct text_state *st = arg;
	if (len)
		scan_line(st, st->rc, line, len, lineno);
	return 0;
}

/*
 * One run of whole lines (the first is number lineno).  Every line counts
 * until the log's first time and its year are known; after that only a
 * line a marker matches can change the record, so the markers search the
 * rest of the run at once (scan_block_candidates) and only their candidate
 * lines are read one by one.  The record is the same as scan_line() on
 * every line.
 */
static void scan_block(struct text_state *st, char *block, size_t len, long lineno)
{
	const struct drill_markers *m = st->rc->markers;
	struct pattern *const text_markers[] = {
		m->scenario, m->drill_start, m->drill_end, m->outage_start,
		m->service_restored, m->recovery_point, m->result_success, m->result_failure,
	};
	size_t at = 0;

	while (at < len && (!st->first_ts_line || !st->ts.year)) {
		char *nl = memchr(block + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - block) : len;
		size_t after = nl ? end + 1 : len;
		char saved;
		if (end > at && block[end - 1] == '\r')
			end--;
		saved = block[end];
		block[end] = '\0';
		scan_candidate(st, block + at, end - at, lineno++);
		block[end] = saved;
		at = after;
	}
	if (at < len)
		scan_block_candidates(block, len, at, lineno, text_markers,
				      sizeof(text_markers) / sizeof(text_markers[0]),
				      scan_candidate, st);
}

int drill_read_text(const struct workspace *ws, const char *relpath,
		    const struct drill_reader_ctx *rc, struct drill_set *out)
{
	struct evidence_text t;
	struct text_state st;
	char *block;
	size_t len;
	long first_line;
	int rc_read;

	/* Not text at all (NUL bytes, invalid UTF-8, a line over --max-line) or
	 * changed while read: an input error, reported by evidence_text. */
	if (evidence_text_open(&t, ws, relpath, "drill log") < 0)
		return -1;
	memset(&st, 0, sizeof(st));
	st.rec = drill_record_new(out, relpath, DRILL_SOURCE_TEXT, rc->scenario);
	st.ts = rc->ts;
	st.rc = rc;
	while ((rc_read = evidence_text_block(&t, &block, &len, &first_line)) == 1)
		scan_block(&st, block, len, first_line);
	if (rc_read == 0 && !st.rec->problem && !st.matches && !st.first_ts_line)
		drill_record_problem(st.rec, 0,
				     CMSG(rc->lang, DP_NOT_A_LOG),
				     t.lineno, t.lineno == 1 ? "" : "s");
	evidence_text_close(&t);
	if (rc_read < 0)
		return -1;
	/* The record starts at the drill start, else at the first time in the log. */
	if (st.rec->started.line)
		st.rec->line = st.rec->started.line;
	else if (st.first_ts_line)
		st.rec->line = st.first_ts_line;
	drill_record_finish(st.rec, rc->ts.tz_offset_seconds);
	return 0;
}
