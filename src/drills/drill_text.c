/*
 * drill_text.c - free-text and Markdown drill logs, English or Japanese.
 *
 * One streaming pass (evidence_text.h in block mode: CRLF, BOM, no final
 * newline, bounded lines; the markers search whole blocks, see scan_block).
 * Each line a marker may match is scanned for its first timestamp and
 * matched against the marker patterns (the questionnaire's, then the
 * workspace's drill-markers.txt); a marker takes the line's time, except
 * the recovery point, which prefers a time written after the marker
 * ("最終復旧可能時点: 2026/08/20 10:04:00").  First drill start, outage
 * start, recovery point and result win; service restored is the first one
 * at or after the outage start; drill end is the last.  A component back
 * ("database recovered", "writer back online") counts as service restored
 * only when the drill names no service-level restoration.
 *
 * Dates: a time written without a date (14:05, 2:05 PM, 14時05分) takes the
 * date of the last line before it that holds one - a date header
 * ("## 2026-09-03", "2026年9月3日（木）") or a dated log line - else the
 * date in the file name (2026-09-03-db.md); a time more than 12 hours
 * earlier than the one before it on the same date is on the next day
 * (midnight).  A time written without an offset or zone takes the zone of
 * the last time before it that had one, else the assessment's timezone
 * (and says so).  A syslog time takes its year from the log's first full
 * date.
 *
 * Several drills per log: a new record begins at a drill start when the
 * record already has one, at an outage start when the record's outage is
 * already over (restored or judged), at a scenario line naming a scenario
 * when the record already holds events, and at a date header of another
 * date when the record already holds events.
 *
 * Ambiguity never passes: a result line offering both outcomes, a marker
 * line holding a placeholder (<...>, TBD, XXX, 未記入, ...) and a start,
 * outage or restore marker without any time make the outcome unknown with
 * the reason (drill_record_doubt).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/calendar.h"
#include "model/check_messages.h"
#include "drills/drill_readers.h"
#include "evidence/evidence_text.h"
#include "base/error.h"
#include "model/duration.h"
#include "evidence/linereader.h"
#include "evidence/scan.h"
#include "base/banned.h"

struct text_state {
	const struct drill_reader_ctx *rc;
	struct drill_set *out;
	const char *relpath;
	size_t rec_i;          /* the current record: out->items[rec_i] */
	struct ts_context ts;  /* has_day/day: the date time-only times take */
	size_t matches;
	long first_ts_line;    /* of the log */
	long rec_first_ts;     /* of the current record */
	int has_zone;          /* a time was written with an offset or zone: */
	int zone_offset;       /* later times written without one take it */
	int has_last;          /* last_secs is the clock of the last time on ts.day */
	long last_secs;
	const char *block;     /* the run of lines being walked */
	size_t done;           /* block offset up to which lines were read */
	long done_line;        /* number of the line starting at done */
};

static struct drill_record *cur(struct text_state *st)
{
	return &st->out->items[st->rec_i];
}

/* Match p (may be NULL) against the line; notes a hit match limit.  1 on a match. */
static int marker(struct text_state *st, const struct pattern *p, const char *text,
		  size_t len, long line, size_t groups[2 * PATTERN_MAX_GROUPS])
{
	enum pattern_result r;
	if (!p)
		return 0;
	r = pattern_match(p, text, len, groups);
	if (r == PATTERN_LIMIT && !cur(st)->limit_hit) {
		cur(st)->limit_hit = 1;
		cur(st)->limit_line = line;
	}
	if (r == PATTERN_MATCH)
		st->matches++;
	return r == PATTERN_MATCH;
}

/* The questionnaire's pattern for event e (NULL for an optional one left out). */
static const struct pattern *base_pattern(const struct drill_markers *m, enum drill_event e)
{
	switch (e) {
	case DRILL_EV_SCENARIO: return m->scenario;
	case DRILL_EV_DRILL_START: return m->drill_start;
	case DRILL_EV_DRILL_END: return m->drill_end;
	case DRILL_EV_OUTAGE_START: return m->outage_start;
	case DRILL_EV_DETECTED: return m->detected;
	case DRILL_EV_SERVICE_RESTORED: return m->service_restored;
	case DRILL_EV_COMPONENT_RESTORED: return m->component_restored;
	case DRILL_EV_RECOVERY_POINT: return m->recovery_point;
	case DRILL_EV_RESULT_SUCCESS: return m->result_success;
	case DRILL_EV_RESULT_FAILURE: return m->result_failure;
	case DRILL_EV_DATA_LOSS: return m->data_loss;
	case DRILL_EVENT_COUNT: break;
	}
	return NULL;
}

/* Event e on the line: the questionnaire's pattern, else the team's. */
static int event(struct text_state *st, enum drill_event e, const char *text, size_t len,
		 long line, size_t g[2 * PATTERN_MAX_GROUPS])
{
	const struct drill_markers *m = st->rc->markers;
	return marker(st, base_pattern(m, e), text, len, line, g) ||
	       marker(st, m->extra[e], text, len, line, g);
}

static void explain(struct text_state *st, long line, enum drill_event e,
		    const struct timestamp *ts, const char *text, size_t len)
{
	if (st->rc->explain)
		st->rc->explain(st->rc->explain_arg, line, drill_event_name(e), ts, text, len);
}

/* Skip the words and signs that may stand before an amount: "~", "about". */
static const char *skip_approx(const char *s, const char *end)
{
	static const char *const lead[] = { "approximately ", "approx. ", "approx ", "about ",
					    "around ", "roughly ", "under ", "less than ", "< ", "<",
					    "~", "\xe2\x89\x88" /* ≈ */, "\xe7\xb4\x84" /* 約 */,
					    "\xe3\x81\x8a\xe3\x82\x88\xe3\x81\x9d" /* およそ */,
					    "**", "*", "`" };
	size_t i;
	int again = 1;
	while (again) {
		again = 0;
		while (s < end && (*s == ' ' || *s == '\t'))
			s++;
		for (i = 0; i < sizeof(lead) / sizeof(lead[0]); i++) {
			size_t n = strlen(lead[i]);
			if ((size_t)(end - s) >= n && strncasecmp(s, lead[i], n) == 0) {
				s += n;
				again = 1;
				break;
			}
		}
	}
	return s;
}

/*
 * The measured data loss written after a data-loss label ("3 minutes of
 * writes", "none", "~45s", "2分（…）", "0").  An upper bound ("< 1 min",
 * "under a minute" is not read) counts as its bound.  1 with *seconds set,
 * or 0 when the text is no amount (a placeholder, "N/A", "TBD", prose):
 * then no data loss is taken from the line.
 */
static int stated_loss(const char *text, size_t len, int64_t *seconds)
{
	static const char *const zero[] = { "none", "no data loss", "no loss", "zero", "nil", "0",
					    "\xe3\x81\xaa\xe3\x81\x97" /* なし */,
					    "\xe7\x84\xa1\xe3\x81\x97" /* 無し */,
					    "\xe3\x82\xbc\xe3\x83\xad" /* ゼロ */ };
	static const char *const stops[] = { ",", ";", "|", "(", ")", "\xef\xbc\x88" /* （ */,
					     "\xef\xbc\x89", "\xe3\x80\x81" /* 、 */,
					     "\xe3\x80\x82" /* 。 */, "**", "`" };
	const char *end = text + len, *s = skip_approx(text, end), *cut = end, *tok[5];
	char buf[96];
	size_t i, n, ntok = 0;
	const char *why;

	for (i = 0; i < sizeof(stops) / sizeof(stops[0]); i++) {
		const char *hit = memmem(s, (size_t)(cut - s), stops[i], strlen(stops[i]));
		if (hit)
			cut = hit;
	}
	while (cut > s && (cut[-1] == ' ' || cut[-1] == '\t' || cut[-1] == '.'))
		cut--;
	/* the longest run of up to four words from the start that is a duration */
	for (tok[0] = s; ntok < 4 && tok[ntok] < cut; ntok++) {
		const char *p = tok[ntok];
		while (p < cut && *p != ' ' && *p != '\t')
			p++;
		while (p < cut && (*p == ' ' || *p == '\t'))
			p++;
		tok[ntok + 1] = p;
	}
	for (i = ntok; i > 0; i--) {
		n = (size_t)(tok[i] - s);
		while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		if (n == 0 || n >= sizeof(buf))
			continue;
		memcpy(buf, s, n);
		buf[n] = '\0';
		if (duration_parse(buf, seconds, &why) == 0)
			return 1;
	}
	/* "none", "0", "なし": no data lost */
	for (i = 0; i < sizeof(zero) / sizeof(zero[0]); i++) {
		n = strlen(zero[i]);
		if ((size_t)(cut - s) >= n && strncasecmp(s, zero[i], n) == 0 &&
		    (s + n == cut || s[n] == ' ' || (unsigned char)s[n] >= 0x80)) {
			*seconds = 0;
			return 1;
		}
	}
	return 0;
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

static int has_events(const struct drill_record *r)
{
	return r->started.line || r->outage.line || r->restored.line || r->ended.line ||
	       r->outcome_line || r->recovery_point.line;
}

/* Close the current record (see finish_record) and open the next at line. */
static void finish_record(struct text_state *st);
static void next_record(struct text_state *st, long line)
{
	struct drill_record *prev, *rec;
	finish_record(st);
	rec = drill_record_new(st->out, st->relpath, DRILL_SOURCE_TEXT, st->rc->scenario);
	st->rec_i = st->out->nr - 1;
	prev = &st->out->items[st->rec_i - 1];
	rec->line = line;
	/* a scenario named once at the top holds for the drills below it */
	if (prev->scenario_named) {
		rec->scenario_named = xstrdup(prev->scenario_named);
		rec->scenario_line = prev->scenario_line;
	}
	st->rec_first_ts = 0;
}

/* The date time-only times take from now on. */
static void set_day(struct text_state *st, int64_t day)
{
	if (!st->ts.has_day || st->ts.day != day)
		st->has_last = 0;
	st->ts.has_day = 1;
	st->ts.day = day;
}

/* A line holding only a date: a new drill when the record already holds
 * events of another date. */
static void date_header(struct text_state *st, int64_t day, long line)
{
	if (st->ts.has_day && st->ts.day != day && has_events(cur(st)))
		next_record(st, line);
	set_day(st, day);
}

/*
 * The dates and the time of a line: a date header starts a new drill or
 * sets the date; a time-only time takes the date (rolling over midnight).
 * *c gets the context the line was read in.  1 when *ts holds a time.
 */
static int line_time(struct text_state *st, const char *text, size_t len, long line,
		     struct ts_context *c, struct timestamp *ts)
{
	int64_t d;
	int dated = timestamp_find_date(text, len, &d), have;

	*c = st->ts;
	if (dated) {
		c->has_day = 1;
		c->day = d;
	}
	if (st->has_zone)
		c->tz_offset_seconds = st->zone_offset;
	have = timestamp_find(text, len, 0, c, ts);
	if (have && ts->has_offset && ts->form != TS_EPOCH) {
		st->has_zone = 1;
		st->zone_offset = ts->offset_seconds;
	} else if (have && st->has_zone) {
		ts->has_offset = 1; /* the log's own zone, not the assessment's */
	}
	if (dated && !have)
		date_header(st, d, line);
	else if (have && ts->has_date)
		set_day(st, ts->local_day);
	else if (have && dated)
		set_day(st, d);
	if (!have)
		return 0;
	if (!ts->has_date && st->has_last && ts->secs_of_day + 43200 < st->last_secs) {
		/* past midnight */
		st->ts.day++;
		ts->epoch += 86400;
		ts->local_day++;
	}
	st->has_last = 1;
	st->last_secs = ts->secs_of_day;
	if (!st->first_ts_line)
		st->first_ts_line = line;
	if (!st->ts.year && ts->form != TS_SYSLOG && ts->form != TS_EPOCH) {
		int64_t y;
		unsigned mo, dd;
		civil_from_days(ts->local_day, &y, &mo, &dd);
		st->ts.year = y;
	}
	return 1;
}

/*
 * A chat copy (Slack, Teams) puts the speaker and the time on a line of
 * their own ("Tom Becker  [2:04 PM]") and the message below it: a line
 * with no time takes the time that ends the non-empty line just above it,
 * when that line is short (at most 60 bytes).  1 when *ts was filled.
 */
static int speaker_time(const struct text_state *st, const char *text, struct timestamp *ts)
{
	const char *p = text, *start, *end;
	if (!st->block || text <= st->block)
		return 0;
	while (p > st->block && (p[-1] == '\n' || p[-1] == '\r' || p[-1] == ' '))
		p--;
	end = p;
	while (end > st->block && (end[-1] == ']' || end[-1] == ')'))
		end--;
	start = p;
	while (start > st->block && start[-1] != '\n')
		start--;
	if (p - start > 60 || end <= start ||
	    !timestamp_find(start, (size_t)(p - start), 0, &st->ts, ts))
		return 0;
	return start + ts->end == end;
}

/*
 * The time of a marker that ends at byte end: a time written right after
 * it ("Service restored at 03:41:05", "outage start: 14:02") is the
 * marker's own, else the line's first time (*ts, have).  1 when *out holds
 * a time.
 */
static int marker_time(const struct text_state *st, const char *text, size_t len, size_t end,
		       const struct ts_context *c, const struct timestamp *ts, int have,
		       struct timestamp *out)
{
	size_t at = end;
	if (end != (size_t)-1) {
		while (at < len && (text[at] == ' ' || text[at] == ':' || text[at] == '-' ||
				    text[at] == '=' || text[at] == '@'))
			at++;
		if (at + 3 <= len && !strncmp(text + at, "at ", 3))
			at += 3;
		if (at + 3 <= len && !memcmp(text + at, "\xef\xbc\x9a", 3)) /* ： */
			at += 3;
		if (at < len && (!have || at > ts->start) && timestamp_find(text, len, at, c, out) &&
		    out->start == at) {
			if (!out->has_offset && st->has_zone)
				out->has_offset = 1;
			return 1;
		}
	}
	if (have)
		*out = *ts;
	return have;
}

/* 1 when t holds the same time as ts: a second mention of one moment. */
static int same_time(const struct drill_time *t, const struct timestamp *ts, int have)
{
	return have && t->set && t->epoch == ts->epoch;
}

static void scan_line(struct text_state *st, const char *text, size_t len, long line)
{
	const struct drill_markers *m = st->rc->markers;
	struct drill_record *rec;
	size_t g[2 * PATTERN_MAX_GROUPS];
	struct timestamp ts, rp;
	struct ts_context c;
	int have = line_time(st, text, len, line, &c, &ts), hit = 0, ok, bad;
	char what[64];

	if (!have)
		have = speaker_time(st, text, &ts);

	if (event(st, DRILL_EV_SCENARIO, text, len, line, g) && g[2] != (size_t)-1) {
		hit = 1;
		explain(st, line, DRILL_EV_SCENARIO, NULL, text, len);
		rec = cur(st);
		if (rec->scenario_named && (rec->started.line || rec->outage.line) &&
		    (strlen(rec->scenario_named) != g[3] - g[2] ||
		     strncmp(rec->scenario_named, text + g[2], g[3] - g[2])))
			next_record(st, line);
		rec = cur(st);
		if (!rec->scenario_named || rec->scenario_line < line) {
			free(rec->scenario_named);
			rec->scenario_named = xstrndup(text + g[2], g[3] - g[2]);
			rec->scenario_line = line;
		}
	}
	if (event(st, DRILL_EV_DRILL_START, text, len, line, g)) {
		struct timestamp et;
		int eh = marker_time(st, text, len, g[1], &c, &ts, have, &et);
		hit = 1;
		explain(st, line, DRILL_EV_DRILL_START, eh ? &et : NULL, text, len);
		if (cur(st)->started.line && !same_time(&cur(st)->started, &et, eh))
			next_record(st, line);
		rec = cur(st);
		first_time(rec, &rec->started, &et, eh, line);
	}
	if (event(st, DRILL_EV_OUTAGE_START, text, len, line, g)) {
		struct timestamp et;
		int eh = marker_time(st, text, len, g[1], &c, &ts, have, &et);
		hit = 1;
		explain(st, line, DRILL_EV_OUTAGE_START, eh ? &et : NULL, text, len);
		rec = cur(st);
		if (rec->outage.set && (rec->restored.set || rec->outcome_line) &&
		    !same_time(&rec->outage, &et, eh))
			next_record(st, line);
		rec = cur(st);
		first_time(rec, &rec->outage, &et, eh, line);
	}
	rec = cur(st);
	if (event(st, DRILL_EV_DETECTED, text, len, line, g)) {
		struct timestamp et;
		int eh = marker_time(st, text, len, g[1], &c, &ts, have, &et);
		hit = 1;
		explain(st, line, DRILL_EV_DETECTED, eh ? &et : NULL, text, len);
		first_time(rec, &rec->detected, &et, eh, line);
	}
	if (event(st, DRILL_EV_DRILL_END, text, len, line, g)) {
		struct timestamp et;
		int eh = marker_time(st, text, len, g[1], &c, &ts, have, &et);
		hit = 1;
		explain(st, line, DRILL_EV_DRILL_END, eh ? &et : NULL, text, len);
		if (eh)
			drill_time_set(rec, &rec->ended, &et, line);
		else if (!rec->ended.set)
			rec->ended.line = line;
	}
	if (event(st, DRILL_EV_SERVICE_RESTORED, text, len, line, g)) {
		struct timestamp et;
		int eh = marker_time(st, text, len, g[1], &c, &ts, have, &et);
		hit = 1;
		explain(st, line, DRILL_EV_SERVICE_RESTORED, eh ? &et : NULL, text, len);
		if (eh && (!rec->restored.set ||
			     (rec->outage.set && rec->restored.epoch < rec->outage.epoch)))
			drill_time_set(rec, &rec->restored, &et, line);
		else if (!eh && !rec->restored.line)
			rec->restored.line = line;
	}
	if (event(st, DRILL_EV_COMPONENT_RESTORED, text, len, line, g)) {
		struct timestamp et;
		int eh = marker_time(st, text, len, g[1], &c, &ts, have, &et);
		hit = 1;
		explain(st, line, DRILL_EV_COMPONENT_RESTORED, eh ? &et : NULL, text, len);
		if (eh && (!rec->component.set ||
			   (rec->outage.set && rec->component.epoch < rec->outage.epoch)))
			drill_time_set(rec, &rec->component, &et, line);
	}
	if (event(st, DRILL_EV_RECOVERY_POINT, text, len, line, g)) {
		int after = timestamp_find(text, len, g[1], &c, &rp);
		if (after && !rp.has_offset && st->has_zone)
			rp.has_offset = 1;
		hit = 1;
		explain(st, line, DRILL_EV_RECOVERY_POINT, after ? &rp : have ? &ts : NULL, text, len);
		first_time(rec, &rec->recovery_point, after ? &rp : &ts, after || have, line);
	}
	if (event(st, DRILL_EV_DATA_LOSS, text, len, line, g)) {
		int64_t secs;
		hit = 1;
		explain(st, line, DRILL_EV_DATA_LOSS, NULL, text, len);
		rec = cur(st);
		if (!rec->has_stated_loss && stated_loss(text + g[1], len - g[1], &secs)) {
			rec->has_stated_loss = 1;
			rec->stated_loss_seconds = secs;
			rec->stated_loss_line = line;
		}
	}
	ok = event(st, DRILL_EV_RESULT_SUCCESS, text, len, line, NULL);
	bad = event(st, DRILL_EV_RESULT_FAILURE, text, len, line, NULL);
	if (ok || bad) {
		hit = 1;
		explain(st, line, ok ? DRILL_EV_RESULT_SUCCESS : DRILL_EV_RESULT_FAILURE, NULL,
			text, len);
		if ((ok && bad) ||
		    (m->both_choices && pattern_match(m->both_choices, text, len, NULL) == PATTERN_MATCH))
			drill_record_doubt(rec, line, CMSG(st->rc->lang, DP_BOTH_CHOICES), line);
		else if (!rec->outcome_line) {
			rec->outcome = ok ? DRILL_SUCCESS : DRILL_FAILURE;
			rec->outcome_line = line;
		}
	}
	/* "Result: TBD" holds no outcome word: only its placeholder tells */
	if (!hit && m->result_line &&
	    pattern_match(m->result_line, text, len, NULL) == PATTERN_MATCH)
		hit = 2;
	if (hit) {
		if (!st->rec_first_ts && have && hit == 1)
			st->rec_first_ts = line;
		if (drill_placeholder(text, len, what, sizeof(what)))
			drill_record_doubt(rec, line, CMSG(st->rc->lang, DP_PLACEHOLDER), line, what);
	}
}

/* The last line of block[from..to) that holds a date, read backwards: a
 * date header or a dated line between two marker lines.  to_line is the
 * number of the line starting at to. */
static void gap(struct text_state *st, char *block, size_t from, size_t to, long to_line)
{
	size_t end = to;
	while (end > from) {
		size_t start = end, e = end;
		int64_t d;
		while (e > from && (block[e - 1] == '\n' || block[e - 1] == '\r'))
			e--;
		start = e;
		while (start > from && block[start - 1] != '\n')
			start--;
		if (e > start && timestamp_find_date(block + start, e - start, &d)) {
			long line = to_line - (long)scan_count_newlines(block + start, to - start);
			struct ts_context c;
			struct timestamp ts;
			line_time(st, block + start, e - start, line, &c, &ts);
			return;
		}
		end = start;
	}
}

/* scan_line() as a scan_line_fn, after the lines skipped since the last. */
static int scan_candidate(void *arg, char *line, size_t len, long lineno)
{
	struct text_state *st = arg;
	size_t off = (size_t)(line - st->block);
	if (off > st->done)
		gap(st, (char *)st->block, st->done, off, lineno);
	if (len)
		scan_line(st, line, len, lineno);
	st->done = off + len;
	st->done_line = lineno;
	return 0;
}

/*
 * One run of whole lines (the first is number lineno).  Every line counts
 * until the log's first time and its year are known; after that only a
 * line a marker matches can change the record, so the markers search the
 * rest of the run at once (scan_block_candidates) and only their candidate
 * lines are read one by one; between two of them only the last line that
 * holds a date is read (gap), backwards, for the date later times take.
 */
static void scan_block(struct text_state *st, char *block, size_t len, long lineno)
{
	const struct drill_markers *m = st->rc->markers;
	struct pattern *candidates[2 * DRILL_EVENT_COUNT + 1];
	size_t at = 0, nr = 0, e;

	for (e = 0; e < DRILL_EVENT_COUNT; e++) {
		const struct pattern *p = base_pattern(m, (enum drill_event)e);
		if (p)
			candidates[nr++] = (struct pattern *)p;
		if (m->extra[e])
			candidates[nr++] = m->extra[e];
	}
	if (m->result_line)
		candidates[nr++] = m->result_line;
	st->block = block;
	st->done = 0;
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
	if (at < len) {
		/* built once per set of markers: the automaton of hundreds of
		 * vocabulary words costs more than a block to build */
		struct drill_markers *mm = (struct drill_markers *)m;
		if (!mm->prefilter)
			mm->prefilter = scan_prefilter_new(candidates, nr);
		scan_block_candidates_with(block, len, at, lineno, candidates, nr, mm->prefilter,
					   scan_candidate, st);
	}
	/* the run's last date holds for the next run */
	if (st->done < len)
		gap(st, block, st->done, len, lineno + (long)scan_count_newlines(block + at, len - at));
	st->block = NULL;
}

/* The current record is complete: its start line, doubts, measurements. */
static void finish_record(struct text_state *st)
{
	struct drill_record *rec = cur(st);
	const struct drill_time *untimed = rec->outage.line && !rec->outage.set ? &rec->outage
		: rec->restored.line && !rec->restored.set ? &rec->restored
		: rec->started.line && !rec->started.set && !rec->outage.set ? &rec->started : NULL;
	if (untimed)
		drill_record_doubt(rec, untimed->line, CMSG(st->rc->lang, DP_NO_TIME), untimed->line,
				   untimed == &rec->outage ? "outage-start"
				   : untimed == &rec->restored ? "service-restored" : "drill-start");
	/* a component back stands for the service only when no service-level
	 * restoration is written */
	if (!rec->restored.line && rec->component.set)
		rec->restored = rec->component;
	/* The record starts at the drill start, else at its first time. */
	if (rec->started.line)
		rec->line = rec->started.line;
	else if (st->rec_first_ts && st->rec_i > 0)
		rec->line = st->rec_first_ts;
	else if (st->rec_i == 0 && st->first_ts_line)
		rec->line = st->first_ts_line;
	drill_record_finish(rec, st->rc->ts.tz_offset_seconds);
}

/* The date a file name starts or ends with (2026-09-03-db.md, db_20260903.log). */
static int date_of_name(const char *relpath, int64_t *day)
{
	const char *base = strrchr(relpath, '/');
	const char *p;
	base = base ? base + 1 : relpath;
	for (p = base; *p; p++) {
		unsigned y, mo, d;
		char tail;
		if (p > base && p[-1] >= '0' && p[-1] <= '9')
			continue;
		if ((sscanf(p, "%4u-%2u-%2u%c", &y, &mo, &d, &tail) == 4 ||
		     sscanf(p, "%4u%2u%2u%c", &y, &mo, &d, &tail) == 4) &&
		    !(tail >= '0' && tail <= '9') && civil_valid(y, mo, d)) {
			*day = days_from_civil(y, mo, d);
			return 1;
		}
	}
	return 0;
}

int drill_read_text(const struct workspace *ws, const char *relpath,
		    const struct drill_reader_ctx *rc, struct drill_set *out)
{
	struct evidence_text t;
	struct text_state st;
	char *block;
	size_t len, first;
	long first_line;
	int64_t day;
	int rc_read;

	/* Not text at all (NUL bytes, invalid UTF-8, a line over --max-line) or
	 * changed while read: an input error, reported by evidence_text. */
	if (evidence_text_open(&t, ws, relpath, "drill log") < 0)
		return -1;
	memset(&st, 0, sizeof(st));
	drill_record_new(out, relpath, DRILL_SOURCE_TEXT, rc->scenario);
	first = st.rec_i = out->nr - 1;
	st.out = out;
	st.relpath = relpath;
	st.ts = rc->ts;
	st.rc = rc;
	if (date_of_name(relpath, &day)) {
		st.ts.has_day = 1;
		st.ts.day = day;
	}
	while ((rc_read = evidence_text_block(&t, &block, &len, &first_line)) == 1)
		scan_block(&st, block, len, first_line);
	if (rc_read == 0 && !out->items[first].problem && !st.matches && !st.first_ts_line)
		drill_record_problem(&out->items[first], 0,
				     CMSG(rc->lang, DP_NOT_A_LOG),
				     t.lineno, t.lineno == 1 ? "" : "s");
	evidence_text_close(&t);
	if (rc_read < 0)
		return -1;
	finish_record(&st);
	/* a date header after the last drill opens no drill */
	if (st.rec_i > first && !has_events(cur(&st)) && !cur(&st)->scenario_line) {
		struct drill_record *last = cur(&st);
		free(last->file);
		free(last->scenario_named);
		free(last->doubt);
		out->nr--;
	}
	return 0;
}
