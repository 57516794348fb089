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

/* The whole VCALENDAR for the calendar of a, into out. */
void ical_drill_calendar(struct strbuf *out, const struct assessment *a,
			 const struct scenario_status *cal, size_t nr, int64_t as_of,
			 const char *prodid);

#endif
