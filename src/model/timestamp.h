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
 *   Japanese   2026年9月3日 14時05分30秒, 2026年9月3日（木）14:05, 午後2時5分
 *   month name Sep 3, 2026 2:05 PM; 3 September 2026 14:05
 *   time only  14:05:30.250, 2:05 PM, 14時05分 (see ctx->day below)
 * Seconds may be left out (14:02).  A 12-hour clock takes AM/PM/a.m./p.m.
 * after the time or 午前/午後 before it (12 AM is midnight, 12 PM noon).
 * Fractions are kept to the millisecond (millis); further digits are cut.
 * After the time an offset (+09:00, Z) or a zone abbreviation from the
 * table in timestamp.c (UTC, GMT, JST, KST, CET, CEST, EST, EDT, PST, PDT,
 * ...; "(JST)" too) gives the offset; ambiguous abbreviations (CST, IST,
 * BST's neighbours) are not in the table and so leave the time zoneless.
 *
 * A time with no date on its line (time only) takes ctx->day when
 * ctx->has_day (the caller's date header, earlier line or file name) and
 * is otherwise no timestamp; it says so with has_date == 0.  A clock right
 * after a date-like token that is no date ("year-09-16 14:02") is refused:
 * a damaged date is not silently replaced.
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
	int has_day;           /* time-only times take day (below) */
	int64_t day;           /* calendar.h day number for time-only times */
};

enum ts_form { TS_ISO, TS_SLASH, TS_SYSLOG, TS_EPOCH, TS_JAPANESE, TS_MONTH_NAME, TS_TIME_ONLY };

struct timestamp {
	int64_t epoch;      /* seconds since 1970-01-01T00:00:00Z */
	int64_t local_day;  /* the calendar day as written (epoch: in ctx zone) */
	int has_offset;     /* 0: the context's timezone was assumed */
	int offset_seconds; /* the offset applied */
	enum ts_form form;
	size_t start, end;  /* where it was found in the text */
	int millis;         /* 0..999, the fraction of the second (cut) */
	int has_date;       /* 0: time only, the day came from ctx->day */
	long secs_of_day;   /* the local clock as written, 0..86400 */
	const char *zone;   /* the abbreviation that gave the offset, or NULL */
};

/*
 * The first timestamp in text[0..len) at or after byte from.  Returns 1 and
 * fills *out, or 0 when there is none.  Invalid dates (2026-02-30, 25:00)
 * are not timestamps.
 */
int timestamp_find(const char *text, size_t len, size_t from,
		   const struct ts_context *ctx, struct timestamp *out);

/*
 * The first calendar date in text[0..len), with or without a time (any
 * form above but epoch and syslog): 1 and *day, else 0.  A line that is
 * only a date is a date header (see timestamp_date_header).
 */
int timestamp_find_date(const char *text, size_t len, int64_t *day);

/* 1 when text[0..len) holds a date and no time: a heading like "## 2026-09-03"
 * or "2026年9月3日（木）"; *day gets the date. */
int timestamp_date_header(const char *text, size_t len, const struct ts_context *ctx,
			  int64_t *day);

/* The whole of text (surrounding blanks allowed) as one timestamp: 0 or -1. */
int timestamp_parse(const char *text, const struct ts_context *ctx,
		    struct timestamp *out);

/* "2026-09-16T01:01:00Z" into out (at least 21 bytes). */
void timestamp_format_utc(int64_t epoch, char *out, size_t size);

/* "+09:00" of a parsed offset string; 0 or -1 when text is not ±hh:mm. */
int timestamp_offset_parse(const char *text, int *seconds);

#endif
