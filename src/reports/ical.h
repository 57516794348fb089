/*
 * ical.h - the drill calendar as iCalendar (RFC 5545).
 *
 * One VEVENT per scenario: an all-day event on the next due date (as-of
 * when the scenario was never drilled successfully), an RRULE for the
 * cadence (FREQ=MONTHLY;INTERVAL=n for calendar cadences, FREQ=DAILY;
 * INTERVAL=n for duration cadences), UID "<scenario>@<product>.ftrkit" so
 * that re-imports update rather than duplicate, and DTSTAMP from as-of so
 * the same inputs give the same bytes.  Lines end in CRLF and are folded
 * at 75 octets without splitting a UTF-8 character.
 *
 * Month cadences never skip a month that lacks the due day (see rrule() in
 * ical.c); each event has a VALARM a week before each occurrence; SEQUENCE
 * starts at 0 and moves on by one whenever the event's content differs from
 * the previous calendar's (X-FTRKIT-DIGEST, a SHA-256 of that content), so
 * a calendar client that imported the last file takes the new one as an
 * update.
 */
#ifndef FTRKIT_ICAL_H
#define FTRKIT_ICAL_H

#include <stddef.h>
#include <stdint.h>

#include "model/assessment.h"
#include "drills/drill_calendar.h"
#include "base/strbuf.h"

/* Append "NAME:VALUE" (already escaped) to out as folded CRLF lines. */
void ical_line(struct strbuf *out, const char *name, const char *value);

/* value with \ ; , and newlines escaped as TEXT requires; caller frees. */
char *ical_escape_text(const char *value);

/* What a previous drills.ics said of each event: its UID, SEQUENCE and
 * X-FTRKIT-DIGEST. */
struct ical_previous {
	struct ical_previous_event {
		char *uid;
		long sequence;
		char digest[65];
	} *events;
	size_t nr, alloc;
};

/* Read a previous calendar from memory into prev (free with
 * ical_previous_free).  Never fails: events it cannot read fully are left
 * out, and their SEQUENCE starts again at 0. */
void ical_previous_parse(const char *data, size_t len, struct ical_previous *prev);
void ical_previous_free(struct ical_previous *prev);

/* The whole VCALENDAR for the calendar of a, into out; prev (may be NULL)
 * is the calendar this one replaces. */
void ical_drill_calendar(struct strbuf *out, const struct assessment *a,
			 const struct scenario_status *cal, size_t nr, int64_t as_of,
			 const char *prodid, const struct ical_previous *prev);

#endif
