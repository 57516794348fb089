/*
 * ical.c - RFC 5545 output for the drill calendar (see ical.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/calendar.h"
#include "base/error.h"
#include "base/hash.h"
#include "reports/ical.h"
#include "base/banned.h"

void ical_line(struct strbuf *out, const char *name, const char *value)
{
	struct strbuf line = STRBUF_INIT;
	size_t i, col = 0;
	strbuf_addstr(&line, name);
	strbuf_addch(&line, ':');
	strbuf_addstr(&line, value);
	for (i = 0; i < line.len; i++) {
		unsigned char c = (unsigned char)line.buf[i];
		size_t clen = 1;
		if (c >= 0xf0)
			clen = 4;
		else if (c >= 0xe0)
			clen = 3;
		else if (c >= 0xc0)
			clen = 2;
		if (i + clen > line.len)
			clen = line.len - i;
		/* 75 octets per physical line, the leading space of a continuation included. */
		if (col + clen > 75) {
			strbuf_addstr(out, "\r\n ");
			col = 1;
		}
		strbuf_add(out, line.buf + i, clen);
		col += clen;
		i += clen - 1;
	}
	strbuf_addstr(out, "\r\n");
	strbuf_release(&line);
}

char *ical_escape_text(const char *value)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p;
	for (p = value; *p; p++) {
		if (*p == '\\' || *p == ';' || *p == ',') {
			strbuf_addch(&sb, '\\');
			strbuf_addch(&sb, *p);
		} else if (*p == '\n') {
			strbuf_addstr(&sb, "\\n");
		} else if (*p != '\r') {
			strbuf_addch(&sb, *p);
		}
	}
	return strbuf_detach(&sb);
}

static void ical_date(int64_t day, char out[16])
{
	int64_t y;
	unsigned m, d;
	civil_from_days(day, &y, &m, &d);
	snprintf(out, 16, "%04lld%02u%02u", (long long)y, m, d);
}

static void add_text(struct strbuf *out, const char *name, const char *text)
{
	char *esc = ical_escape_text(text);
	ical_line(out, name, esc);
	free(esc);
}

/*
 * The RRULE of a cadence from start.  Calendar cadences keep ftrkit's own
 * arithmetic (days_add_months: the start's day of month, clamped to the
 * month's end), which plain FREQ=MONTHLY does not: RFC 5545 drops a month
 * that lacks the day, so a quarterly drill due on 2026-11-30 would skip
 * February.  From day 29 on the rule names the days down to 28 and takes
 * the last that exists (BYSETPOS=-1); from day 31 that is BYMONTHDAY=-1.
 * Caller frees.
 */
static char *rrule(const struct scenario *s, int64_t start)
{
	int64_t y;
	unsigned m, d;

	if (!s->cadence.months)
		return xasprintf("FREQ=DAILY;INTERVAL=%lld",
				 (long long)((s->cadence.seconds + 86399) / 86400));
	civil_from_days(start, &y, &m, &d);
	if (d == 31)
		return xasprintf("FREQ=MONTHLY;INTERVAL=%d;BYMONTHDAY=-1", s->cadence.months);
	if (d == 30)
		return xasprintf("FREQ=MONTHLY;INTERVAL=%d;BYMONTHDAY=28,29,30;BYSETPOS=-1",
				 s->cadence.months);
	if (d == 29)
		return xasprintf("FREQ=MONTHLY;INTERVAL=%d;BYMONTHDAY=28,29;BYSETPOS=-1",
				 s->cadence.months);
	return xasprintf("FREQ=MONTHLY;INTERVAL=%d", s->cadence.months);
}

/* The SEQUENCE of uid in the previous calendar whose event read digest, or
 * -1 when it had no such event. */
static long previous_sequence(const struct ical_previous *prev, const char *uid,
			      const char *digest, int *same)
{
	size_t i;
	*same = 0;
	for (i = 0; prev && i < prev->nr; i++)
		if (strcmp(prev->events[i].uid, uid) == 0) {
			*same = strcmp(prev->events[i].digest, digest) == 0;
			return prev->events[i].sequence;
		}
	return -1;
}

static void event(struct strbuf *out, const struct assessment *a,
		  const struct scenario_status *st, int64_t as_of, const char *stamp,
		  const struct ical_previous *prev)
{
	const struct scenario *s = st->scenario;
	int64_t start = st->last_success ? st->next_due : as_of;
	struct strbuf body = STRBUF_INIT;
	char day[16], next[16], last[16], digest[65], seq[24], *text, *uid, *summary;
	long sequence;
	int same;

	/* Everything that makes the event what it is; its digest decides
	 * whether SEQUENCE moves on from the previous calendar's. */
	ical_date(start, day);
	ical_line(&body, "DTSTART;VALUE=DATE", day);
	ical_date(start + 1, next);
	ical_line(&body, "DTEND;VALUE=DATE", next);
	text = rrule(s, start);
	ical_line(&body, "RRULE", text);
	free(text);
	summary = xasprintf("DR drill: %s (%s)%s", s->title ? s->title : s->id, s->id,
			    st->overdue ? " - overdue" : "");
	add_text(&body, "SUMMARY", summary);
	if (st->last_success)
		date_format(st->last_success->day, last, sizeof(last));
	text = xasprintf("Scenario %s: component %s, disruption %s, cadence %s.\n"
			 "Last successful drill: %s.%s%s\nRunbook: %s",
			 s->id, s->component, s->disruption, s->cadence.text,
			 st->last_success ? last : "none",
			 st->change ? "\nDue early after the major change: " : "",
			 st->change ? st->change->text : "",
			 s->runbook.path ? s->runbook.path : "(none named)");
	add_text(&body, "DESCRIPTION", text);
	free(text);
	ical_line(&body, "CATEGORIES", "DR drill");
	ical_line(&body, "TRANSP", "TRANSPARENT");
	/* A reminder a week before each occurrence. */
	ical_line(&body, "BEGIN", "VALARM");
	ical_line(&body, "ACTION", "DISPLAY");
	text = xasprintf("In a week: %s", summary);
	add_text(&body, "DESCRIPTION", text);
	free(text);
	ical_line(&body, "TRIGGER;RELATED=START", "-P7D");
	ical_line(&body, "END", "VALARM");
	free(summary);
	sha256_hex(body.buf, body.len, digest);

	text = xasprintf("%s@%s.ftrkit", s->id, a->product);
	uid = ical_escape_text(text); /* as written, as read back */
	free(text);
	sequence = previous_sequence(prev, uid, digest, &same);
	sequence = sequence < 0 ? 0 : same ? sequence : sequence + 1;
	ical_line(out, "BEGIN", "VEVENT");
	ical_line(out, "UID", uid);
	free(uid);
	ical_line(out, "DTSTAMP", stamp);
	snprintf(seq, sizeof(seq), "%ld", sequence);
	ical_line(out, "SEQUENCE", seq);
	strbuf_add(out, body.buf, body.len);
	ical_line(out, "X-FTRKIT-DIGEST", digest);
	ical_line(out, "END", "VEVENT");
	strbuf_release(&body);
}

void ical_drill_calendar(struct strbuf *out, const struct assessment *a,
			 const struct scenario_status *cal, size_t nr, int64_t as_of,
			 const char *prodid, const struct ical_previous *prev)
{
	char stamp[32], day[16];
	char *name;
	size_t i;
	ical_date(as_of, day);
	snprintf(stamp, sizeof(stamp), "%sT000000Z", day);
	ical_line(out, "BEGIN", "VCALENDAR");
	ical_line(out, "VERSION", "2.0");
	ical_line(out, "PRODID", prodid);
	ical_line(out, "CALSCALE", "GREGORIAN");
	ical_line(out, "METHOD", "PUBLISH");
	name = xasprintf("%s DR drills", a->product);
	add_text(out, "X-WR-CALNAME", name);
	free(name);
	for (i = 0; i < nr; i++)
		event(out, a, &cal[i], as_of, stamp, prev);
	ical_line(out, "END", "VCALENDAR");
}

/* Keep what one VEVENT of a previous calendar said, when it said it all. */
static void keep_event(struct ical_previous *prev, char *uid, long sequence,
		       const char *digest)
{
	if (!uid || sequence < 0 || strlen(digest) != 64) {
		free(uid);
		return;
	}
	ALLOC_GROW(prev->events, prev->nr, prev->alloc);
	prev->events[prev->nr].uid = uid;
	prev->events[prev->nr].sequence = sequence;
	memcpy(prev->events[prev->nr].digest, digest, 65);
	prev->nr++;
}

/* State of ical_previous_parse between logical lines. */
struct previous_reader {
	struct ical_previous *prev;
	char *uid, digest[65];
	long sequence;
	int in_event;
};

/* One unfolded content line p[0..n) of a previous calendar. */
static void previous_line(struct previous_reader *r, const char *p, size_t n)
{
	if (n == 12 && !memcmp(p, "BEGIN:VEVENT", 12)) {
		r->in_event = 1;
		free(r->uid);
		r->uid = NULL;
		r->sequence = -1;
		r->digest[0] = '\0';
	} else if (n == 10 && !memcmp(p, "END:VEVENT", 10)) {
		if (r->in_event)
			keep_event(r->prev, r->uid, r->sequence, r->digest);
		else
			free(r->uid);
		r->uid = NULL;
		r->in_event = 0;
	} else if (r->in_event && n > 4 && n < 1024 && !memcmp(p, "UID:", 4)) {
		free(r->uid);
		r->uid = xstrndup(p + 4, n - 4);
	} else if (r->in_event && n > 9 && n < 20 && !memcmp(p, "SEQUENCE:", 9)) {
		size_t i;
		r->sequence = 0;
		for (i = 9; i < n && r->sequence >= 0; i++)
			r->sequence = p[i] >= '0' && p[i] <= '9' && r->sequence < 100000000
				? r->sequence * 10 + (p[i] - '0') : -1;
	} else if (r->in_event && n == 16 + 64 && !memcmp(p, "X-FTRKIT-DIGEST:", 16)) {
		memcpy(r->digest, p + 16, 64);
		r->digest[64] = '\0';
	}
}

void ical_previous_parse(const char *data, size_t len, struct ical_previous *prev)
{
	struct previous_reader r = { prev, NULL, "", -1, 0 };
	struct strbuf logical = STRBUF_INIT;
	const char *p = data, *end = data + len;

	memset(prev, 0, sizeof(*prev));
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		size_t n = (size_t)((eol ? eol : end) - p);
		if (n && p[n - 1] == '\r')
			n--;
		if (n && (p[0] == ' ' || p[0] == '\t')) {
			/* RFC 5545 3.1: a folded continuation, without its blank. */
			if (logical.len < 4096)
				strbuf_add(&logical, p + 1, n - 1);
		} else {
			if (logical.len)
				previous_line(&r, logical.buf, logical.len);
			strbuf_reset(&logical);
			strbuf_add(&logical, p, n);
		}
		p = eol ? eol + 1 : end;
	}
	if (logical.len)
		previous_line(&r, logical.buf, logical.len);
	strbuf_release(&logical);
	free(r.uid);
}

void ical_previous_free(struct ical_previous *prev)
{
	size_t i;
	for (i = 0; i < prev->nr; i++)
		free(prev->events[i].uid);
	free(prev->events);
	memset(prev, 0, sizeof(*prev));
}
