/*
 * ical.c - RFC 5545 output for the drill calendar (see ical.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/calendar.h"
#include "base/error.h"
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

static void event(struct strbuf *out, const struct assessment *a,
		  const struct scenario_status *st, int64_t as_of, const char *stamp)
{
	const struct scenario *s = st->scenario;
	int64_t start = st->last_success ? st->next_due : as_of;
	char day[16], next[16], last[16], *text, *uid;

	ical_line(out, "BEGIN", "VEVENT");
	uid = xasprintf("%s@%s.ftrkit", s->id, a->product);
	add_text(out, "UID", uid);
	free(uid);
	ical_line(out, "DTSTAMP", stamp);
	ical_date(start, day);
	ical_line(out, "DTSTART;VALUE=DATE", day);
	ical_date(start + 1, next);
	ical_line(out, "DTEND;VALUE=DATE", next);
	if (s->cadence.months)
		text = xasprintf("FREQ=MONTHLY;INTERVAL=%d", s->cadence.months);
	else
		text = xasprintf("FREQ=DAILY;INTERVAL=%lld",
				 (long long)((s->cadence.seconds + 86399) / 86400));
	ical_line(out, "RRULE", text);
	free(text);
	text = xasprintf("DR drill: %s (%s)%s", s->title ? s->title : s->id, s->id,
			 st->overdue ? " - overdue" : "");
	add_text(out, "SUMMARY", text);
	free(text);
	if (st->last_success)
		date_format(st->last_success->day, last, sizeof(last));
	text = xasprintf("Scenario %s: component %s, disruption %s, cadence %s.\n"
			 "Last successful drill: %s.%s%s\nRunbook: %s",
			 s->id, s->component, s->disruption, s->cadence.text,
			 st->last_success ? last : "none",
			 st->change ? "\nDue early after the major change: " : "",
			 st->change ? st->change->text : "",
			 s->runbook.path ? s->runbook.path : "(none named)");
	add_text(out, "DESCRIPTION", text);
	free(text);
	ical_line(out, "CATEGORIES", "DR drill");
	ical_line(out, "TRANSP", "TRANSPARENT");
	ical_line(out, "END", "VEVENT");
}

void ical_drill_calendar(struct strbuf *out, const struct assessment *a,
			 const struct scenario_status *cal, size_t nr, int64_t as_of,
			 const char *prodid)
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
		event(out, a, &cal[i], as_of, stamp);
	ical_line(out, "END", "VCALENDAR");
}
