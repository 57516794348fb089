/*
 * timestamp.h - find and parse the timestamps drill evidence writes.
 *
 * Forms (each bounded by a non-alphanumeric character or the line's edge):
 *   ISO 8601   2026-10-07T14:02:10+09:00, ...Z, 2026-10-07 14:02:10,
 *              fractional seconds, offsets +09:00 / +0900 / +09
 *   slashes    2026/10/07 14:02:10 (an offset may follow as above)
 *   syslog     Oct  7 14:02:10 (year from context, see below)
 *   epoch      10 digits (seconds) or 13 digits (milliseconds), between
 *              2000-01-01 and 2100-01-01 so that other long numbers are
 *              not mistaken for times
 * Seconds may be left out (14:02).  Fractions are truncated.
 *
 * A time without an offset is read in ctx->tz_offset_seconds (the
 * assessment's declared timezone) and says so (has_offset == 0): callers
 * must tell the user.  A syslog time takes ctx->year (the drill's date) or,
 * when 0, the year of ctx->as_of_day; if that lands after as-of, the year
 * before.  Pure arithmetic on calendar.h: no mktime(), no TZ, no locale.
 */
#ifndef FTRKIT_TIMESTAMP_H
#define FTRKIT_TIMESTAMP_H

#include <stddef.h>
#include <stdint.h>

struct ts_context {
	int tz_offset_seconds; /* for times written without an offset */
	int64_t year;          /* syslog year; 0 = from as_of_day */
	int64_t as_of_day;     /* calendar.h day number */
};

enum ts_form { TS_ISO, TS_SLASH, TS_SYSLOG, TS_EPOCH };

struct timestamp {
	int64_t epoch;      /* seconds since 1970-01-01T00:00:00Z */
	int64_t local_day;  /* the calendar day as written (epoch: in ctx zone) */
	int has_offset;     /* 0: the context's timezone was assumed */
	int offset_seconds; /* the offset applied */
	enum ts_form form;
	size_t start, end;  /* where it was found in the text */
};

/*
 * The first timestamp in text[0..len) at or after byte from.  Returns 1 and
 * fills *out, or 0 when there is none.  Invalid dates (2026-02-30, 25:00)
 * are not timestamps.
 */
int timestamp_find(const char *text, size_t len, size_t from,
		   const struct ts_context *ctx, struct timestamp *out);

/* The whole of text (surrounding blanks allowed) as one timestamp: 0 or -1. */
int timestamp_parse(const char *text, const struct ts_context *ctx,
		    struct timestamp *out);

/* "2026-09-16T01:01:00Z" into out (at least 21 bytes). */
void timestamp_format_utc(int64_t epoch, char *out, size_t size);

/* "+09:00" of a parsed offset string; 0 or -1 when text is not ±hh:mm. */
int timestamp_offset_parse(const char *text, int *seconds);

#endif
