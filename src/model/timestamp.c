/*
 * timestamp.c - scanning log lines for times.
 *
 * The scanner tries each form at every position that starts a token (a
 * digit or a capital letter not preceded by a letter or digit); the first
 * form that parses completely wins.  Everything is computed from
 * calendar.h day numbers: epoch = day * 86400 + seconds - offset.
 */
#include <stdio.h>
#include <string.h>

#include "model/calendar.h"
#include "model/timestamp.h"
#include "base/banned.h"

#define EPOCH_MIN 946684800LL  /* 2000-01-01T00:00:00Z */
#define EPOCH_MAX 4102444800LL /* 2100-01-01T00:00:00Z */

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_alnum(char c)
{
	return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* n digits at s[0..n) within len; -1 when not all digits. */
static long digits_at(const char *s, size_t avail, size_t n)
{
	long v = 0;
	size_t i;
	if (avail < n)
		return -1;
	for (i = 0; i < n; i++) {
		if (!is_digit(s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/*
 * "hh:mm[:ss[.fff]]" at s; returns bytes used (0 = no time) and the
 * seconds since midnight.
 */
static size_t parse_clock(const char *s, size_t avail, long *secs)
{
	long h, m, sec = 0;
	size_t used;
	if ((h = digits_at(s, avail, 2)) < 0 || avail < 5 || s[2] != ':' ||
	    (m = digits_at(s + 3, avail - 3, 2)) < 0)
		return 0;
	used = 5;
	if (avail > 7 && s[5] == ':' && (sec = digits_at(s + 6, avail - 6, 2)) >= 0) {
		used = 8;
		if (avail > used + 1 && (s[used] == '.' || s[used] == ',') && is_digit(s[used + 1])) {
			used++;
			while (used < avail && is_digit(s[used]))
				used++;
		}
	} else {
		sec = 0;
	}
	if (h > 23 || m > 59 || sec > 60)
		return 0;
	*secs = h * 3600 + m * 60 + sec;
	return used;
}

/* "Z", "+09:00", "+0900", "+09" (optionally after one blank) at s; bytes
 * used, 0 when there is none, OFFSET_BAD when a sign starts a bad one. */
#define OFFSET_BAD ((size_t)-1)
static size_t parse_offset(const char *s, size_t avail, int *offset, int *has)
{
	long h, m = 0;
	size_t used, pos = 0;
	*has = 0;
	if (avail > 1 && s[0] == ' ' && (s[1] == 'Z' || s[1] == '+' || s[1] == '-'))
		pos = 1;
	if (avail > pos && s[pos] == 'Z' && (avail == pos + 1 || !is_alnum(s[pos + 1]))) {
		*offset = 0;
		*has = 1;
		return pos + 1;
	}
	if (avail <= pos || (s[pos] != '+' && s[pos] != '-'))
		return 0;
	if ((h = digits_at(s + pos + 1, avail - pos - 1, 2)) < 0)
		return 0;
	used = pos + 3;
	if (avail > used + 2 && s[used] == ':' &&
	    (m = digits_at(s + used + 1, avail - used - 1, 2)) >= 0)
		used += 3;
	else if ((m = digits_at(s + used, avail - used, 2)) >= 0)
		used += 2;
	else
		m = 0;
	if ((used < avail && is_digit(s[used])) || h > 14 || m > 59)
		return OFFSET_BAD;
	*offset = (int)((h * 3600 + m * 60) * (s[pos] == '-' ? -1 : 1));
	*has = 1;
	return used;
}

static void finish(struct timestamp *out, int64_t day, long secs, int offset,
		   int has_offset, enum ts_form form)
{
	out->local_day = day;
	out->epoch = day * 86400 + secs - offset;
	out->offset_seconds = offset;
	out->has_offset = has_offset;
	out->form = form;
}

/* YYYY-MM-DD[T ]hh:mm... or YYYY/MM/DD hh:mm... at s. */
static size_t try_date_time(const char *s, size_t avail, const struct ts_context *ctx,
			    struct timestamp *out)
{
	long y, mo, d, secs;
	char sep;
	size_t used, n;
	int offset = ctx->tz_offset_seconds, has = 0, off;

	if ((y = digits_at(s, avail, 4)) < 0 || avail < 16)
		return 0;
	sep = s[4];
	if ((sep != '-' && sep != '/') || s[7] != sep ||
	    (mo = digits_at(s + 5, avail - 5, 2)) < 0 ||
	    (d = digits_at(s + 8, avail - 8, 2)) < 0)
		return 0;
	if (!civil_valid(y, (unsigned)mo, (unsigned)d))
		return 0;
	if (s[10] != ' ' && !(sep == '-' && s[10] == 'T'))
		return 0;
	if (!(n = parse_clock(s + 11, avail - 11, &secs)))
		return 0;
	used = 11 + n;
	n = parse_offset(s + used, avail - used, &off, &has);
	if (n == OFFSET_BAD)
		return 0;
	if (has) {
		offset = off;
		used += n;
	}
	if (used < avail && is_alnum(s[used]))
		return 0;
	finish(out, days_from_civil(y, (unsigned)mo, (unsigned)d), secs, offset, has,
	       sep == '-' ? TS_ISO : TS_SLASH);
	return used;
}

/* "Oct  7 14:02:10" at s. */
static size_t try_syslog(const char *s, size_t avail, const struct ts_context *ctx,
			 struct timestamp *out)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	size_t i, pos, n;
	long d, secs;
	unsigned m = 0;
	int64_t year, day, ay;
	unsigned am, ad;

	if (avail < 14)
		return 0;
	for (i = 0; i < 12; i++)
		if (!memcmp(s, months + 3 * i, 3))
			m = (unsigned)i + 1;
	if (!m || s[3] != ' ')
		return 0;
	pos = 4;
	if (s[pos] == ' ')
		pos++;
	if (is_digit(s[pos]) && pos + 1 < avail && is_digit(s[pos + 1])) {
		d = (s[pos] - '0') * 10 + (s[pos + 1] - '0');
		pos += 2;
	} else if (is_digit(s[pos])) {
		d = s[pos] - '0';
		pos++;
	} else {
		return 0;
	}
	if (pos >= avail || s[pos] != ' ')
		return 0;
	pos++;
	if (!(n = parse_clock(s + pos, avail - pos, &secs)) || n < 8)
		return 0;
	pos += n;
	if (pos < avail && is_alnum(s[pos]))
		return 0;
	civil_from_days(ctx->as_of_day, &ay, &am, &ad);
	year = ctx->year ? ctx->year : ay;
	if (!civil_valid(year, m, (unsigned)d)) {
		/* Feb 29 outside a leap year: the previous leap year is meant. */
		while (year > ay - 8 && !civil_valid(year, m, (unsigned)d))
			year--;
		if (!civil_valid(year, m, (unsigned)d))
			return 0;
	}
	day = days_from_civil(year, m, (unsigned)d);
	if (day > ctx->as_of_day) {
		year--;
		while (!civil_valid(year, m, (unsigned)d))
			year--;
		day = days_from_civil(year, m, (unsigned)d);
	}
	finish(out, day, secs, ctx->tz_offset_seconds, 0, TS_SYSLOG);
	return pos;
}

/* 10 or 13 digits (optionally ".fff" after 10) standing alone. */
static size_t try_epoch(const char *s, size_t avail, const struct ts_context *ctx,
			struct timestamp *out)
{
	size_t n = 0, used;
	long long v = 0;
	int64_t local;
	while (n < avail && is_digit(s[n]) && n < 14)
		v = v * 10 + (s[n++] - '0');
	if (n < avail && is_digit(s[n]))
		return 0;
	if (n == 13)
		v /= 1000;
	else if (n != 10)
		return 0;
	used = n;
	if (n == 10 && used + 1 < avail && s[used] == '.' && is_digit(s[used + 1])) {
		used++;
		while (used < avail && is_digit(s[used]))
			used++;
	}
	if (used < avail && (is_alnum(s[used]) || s[used] == '-' || s[used] == '/' ||
			     s[used] == ':'))
		return 0;
	if (v < EPOCH_MIN || v >= EPOCH_MAX)
		return 0;
	local = v + ctx->tz_offset_seconds;
	out->epoch = v;
	out->local_day = (local - ((local % 86400) + 86400) % 86400) / 86400;
	out->offset_seconds = 0;
	out->has_offset = 1;
	out->form = TS_EPOCH;
	return used;
}

int timestamp_find(const char *text, size_t len, size_t from,
		   const struct ts_context *ctx, struct timestamp *out)
{
	size_t i, n;
	for (i = from; i < len; i++) {
		char c = text[i];
		/* Not inside a word, a number, a path or a dotted/dashed token. */
		if (i > 0 && (is_alnum(text[i - 1]) || text[i - 1] == '.' ||
			      text[i - 1] == '-' || text[i - 1] == '/'))
			continue;
		if (is_digit(c)) {
			if ((n = try_date_time(text + i, len - i, ctx, out)) ||
			    (n = try_epoch(text + i, len - i, ctx, out))) {
				out->start = i;
				out->end = i + n;
				return 1;
			}
		} else if (c >= 'A' && c <= 'Z') {
			if ((n = try_syslog(text + i, len - i, ctx, out))) {
				out->start = i;
				out->end = i + n;
				return 1;
			}
		}
	}
	return 0;
}

int timestamp_parse(const char *text, const struct ts_context *ctx,
		    struct timestamp *out)
{
	size_t len = strlen(text), s = 0, e;
	while (s < len && (text[s] == ' ' || text[s] == '\t'))
		s++;
	e = len;
	while (e > s && (text[e - 1] == ' ' || text[e - 1] == '\t'))
		e--;
	if (!timestamp_find(text, e, s, ctx, out) || out->start != s || out->end != e)
		return -1;
	return 0;
}

void timestamp_format_utc(int64_t epoch, char *out, size_t size)
{
	int64_t day = (epoch - ((epoch % 86400) + 86400) % 86400) / 86400;
	int64_t secs = epoch - day * 86400, y;
	unsigned m, d;
	civil_from_days(day, &y, &m, &d);
	snprintf(out, size, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ", (long long)y, m, d,
		 (long long)(secs / 3600), (long long)(secs / 60 % 60), (long long)(secs % 60));
}

int timestamp_offset_parse(const char *text, int *seconds)
{
	int has = 0;
	size_t len = strlen(text);
	if (parse_offset(text, len, seconds, &has) != len || !has)
		return -1;
	return 0;
}
