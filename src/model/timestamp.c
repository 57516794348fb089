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

/* The UTF-8 bytes of the Japanese characters the scanner reads. */
#define JA_YEAR "\xe5\xb9\xb4"   /* 年 */
#define JA_MONTH "\xe6\x9c\x88"  /* 月 */
#define JA_DAY "\xe6\x97\xa5"    /* 日 */
#define JA_HOUR "\xe6\x99\x82"   /* 時 */
#define JA_MIN "\xe5\x88\x86"    /* 分 */
#define JA_SEC "\xe7\xa7\x92"    /* 秒 */
#define JA_AM "\xe5\x8d\x88\xe5\x89\x8d" /* 午前 */
#define JA_PM "\xe5\x8d\x88\xe5\xbe\x8c" /* 午後 */
#define JA_LPAREN "\xef\xbc\x88" /* （ */
#define JA_RPAREN "\xef\xbc\x89" /* ） */

static int at(const char *s, size_t avail, const char *lit)
{
	size_t n = strlen(lit);
	return avail >= n && !memcmp(s, lit, n);
}

/* 1 to max digits at s: the value, *n the count; -1 when none. */
static long number_at(const char *s, size_t avail, size_t max, size_t *n)
{
	long v = 0;
	size_t i = 0;
	while (i < avail && i < max && is_digit(s[i]))
		v = v * 10 + (s[i++] - '0');
	*n = i;
	if (!i || (i < avail && is_digit(s[i])))
		return -1;
	return v;
}

/* ".fff" or ",fff" at s: bytes used and the milliseconds (further digits cut). */
static size_t parse_fraction(const char *s, size_t avail, int *millis)
{
	size_t used = 1;
	int scale = 100;
	*millis = 0;
	if (avail < 2 || (s[0] != '.' && s[0] != ',') || !is_digit(s[1]))
		return 0;
	while (used < avail && is_digit(s[used])) {
		*millis += (s[used] - '0') * scale;
		scale /= 10;
		used++;
	}
	return used;
}

/* " AM", "pm", " a.m." ... at s: bytes used, *pm 0 or 1; 0 when none. */
static size_t parse_meridiem(const char *s, size_t avail, int *pm)
{
	size_t pos = avail && s[0] == ' ' ? 1 : 0, used;
	char c;
	if (pos >= avail)
		return 0;
	c = (char)(s[pos] | 0x20);
	if (c != 'a' && c != 'p')
		return 0;
	*pm = c == 'p';
	if (pos + 1 < avail && (s[pos + 1] | 0x20) == 'm')
		used = pos + 2;
	else if (pos + 3 < avail && s[pos + 1] == '.' && (s[pos + 2] | 0x20) == 'm' &&
		 s[pos + 3] == '.')
		used = pos + 4;
	else
		return 0;
	if (used < avail && is_alnum(s[used]))
		return 0;
	return used;
}

/*
 * A clock at s: "hh:mm[:ss[.fff]]" (one hour digit only with seconds or
 * AM/PM), an optional AM/PM, or the Japanese "[午前|午後]h時m分[s秒]".
 * Returns bytes used (0 = no time), the seconds since midnight and the
 * milliseconds.
 */
static size_t parse_clock(const char *s, size_t avail, long *secs, int *millis)
{
	long h, m, sec = 0;
	size_t used, n, k;
	int pm = -1, ms = 0;

	*millis = 0;
	if (at(s, avail, JA_AM) || at(s, avail, JA_PM)) {
		pm = at(s, avail, JA_PM);
		s += 6;
		avail -= 6;
		used = 6;
	} else {
		used = 0;
	}
	if ((h = number_at(s, avail, 2, &n)) < 0)
		return 0;
	if (at(s + n, avail - n, JA_HOUR)) {
		k = n + 3;
		if ((m = number_at(s + k, avail - k, 2, &n)) < 0 || !at(s + k + n, avail - k - n, JA_MIN))
			return 0;
		k += n + 3;
		if ((sec = number_at(s + k, avail - k, 2, &n)) >= 0 &&
		    at(s + k + n, avail - k - n, JA_SEC))
			k += n + 3;
		else
			sec = 0;
	} else {
		int need_meridiem = 0, mer;
		if (n + 3 > avail || s[n] != ':' || (m = digits_at(s + n + 1, avail - n - 1, 2)) < 0)
			return 0;
		k = n + 3;
		if (k + 3 <= avail && s[k] == ':' &&
		    (sec = digits_at(s + k + 1, avail - k - 1, 2)) >= 0 &&
		    (k + 3 == avail || !is_digit(s[k + 3]))) {
			k += 3;
			k += parse_fraction(s + k, avail - k, &ms);
		} else {
			sec = 0;
			need_meridiem = n == 1 && pm < 0;
		}
		if (k < avail && is_digit(s[k]))
			return 0;
		if (pm < 0 && (n = parse_meridiem(s + k, avail - k, &mer))) {
			k += n;
			pm = mer;
		} else if (need_meridiem) {
			return 0;
		}
	}
	if (pm >= 0) {
		if (h < 1 || h > 12)
			return 0;
		h = h % 12 + (pm ? 12 : 0);
	}
	if (h > 23 || m > 59 || sec > 60)
		return 0;
	*secs = h * 3600 + m * 60 + sec;
	*millis = ms;
	return used + k;
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

/*
 * The zone abbreviations read after a time, with their offsets.  Only
 * abbreviations with one common meaning: CST (US Central or China), IST
 * (India, Ireland, Israel) and the like are left out on purpose, so a time
 * written with them is read in the assessment's timezone and says so.
 */
static const struct {
	const char *name;
	int offset_minutes;
} zones[] = {
	{ "UTC", 0 }, { "GMT", 0 }, { "Z", 0 }, { "WET", 0 }, { "WEST", 60 },
	{ "BST", 60 }, { "CET", 60 }, { "CEST", 120 }, { "MET", 60 }, { "MEST", 120 },
	{ "EET", 120 }, { "EEST", 180 }, { "MSK", 180 },
	{ "JST", 540 }, { "KST", 540 }, { "HKT", 480 }, { "SGT", 480 }, { "AWST", 480 },
	{ "ACST", 570 }, { "ACDT", 630 }, { "AEST", 600 }, { "AEDT", 660 },
	{ "NZST", 720 }, { "NZDT", 780 },
	{ "EST", -300 }, { "EDT", -240 }, { "CDT", -300 }, { "MST", -420 }, { "MDT", -360 },
	{ "PST", -480 }, { "PDT", -420 }, { "AKST", -540 }, { "AKDT", -480 }, { "HST", -600 },
};

/* An offset or a zone abbreviation after a time: bytes used (0 none,
 * OFFSET_BAD for a bad numeric offset); *zone the abbreviation or NULL. */
static size_t parse_zone(const char *s, size_t avail, int *offset, int *has,
			 const char **zone)
{
	size_t n = parse_offset(s, avail, offset, has), pos = 0, len = 0, i;
	int paren = 0, off2, has2;
	*zone = NULL;
	if (n || *has)
		return n;
	if (pos < avail && s[pos] == ' ')
		pos++;
	if (pos < avail && s[pos] == '(') {
		pos++;
		paren = 1;
	}
	while (pos + len < avail && s[pos + len] >= 'A' && s[pos + len] <= 'Z' && len < 5)
		len++;
	if (len < 3 || (pos + len < avail && is_alnum(s[pos + len])))
		return 0;
	for (i = 0; i < sizeof(zones) / sizeof(zones[0]); i++)
		if (strlen(zones[i].name) == len && !memcmp(zones[i].name, s + pos, len))
			break;
	if (i == sizeof(zones) / sizeof(zones[0]))
		return 0;
	*offset = zones[i].offset_minutes * 60;
	*zone = zones[i].name;
	pos += len;
	if (zones[i].offset_minutes == 0 && pos < avail && (s[pos] == '+' || s[pos] == '-')) {
		n = parse_offset(s + pos, avail - pos, &off2, &has2);
		if (n == OFFSET_BAD)
			return OFFSET_BAD;
		if (has2) {
			*offset = off2;
			pos += n;
		}
	}
	if (paren) {
		if (pos >= avail || s[pos] != ')')
			return 0;
		pos++;
	}
	*has = 1;
	return pos;
}

static void finish(struct timestamp *out, int64_t day, long secs, int offset,
		   int has_offset, enum ts_form form)
{
	out->local_day = day;
	out->epoch = day * 86400 + secs - offset;
	out->offset_seconds = offset;
	out->has_offset = has_offset;
	out->form = form;
	out->has_date = 1;
	out->secs_of_day = secs;
}

static const char *const month_names[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december",
};

/* "Sep", "Sept.", "September" (any case) at s: the month 1..12 and bytes used. */
static unsigned month_name_at(const char *s, size_t avail, size_t *used)
{
	size_t i, n;
	for (i = 0; i < 12; i++) {
		const char *name = month_names[i];
		for (n = 0; n < avail && name[n] && (s[n] | 0x20) == name[n]; n++)
			;
		if (n < 3 || (n < avail && is_alnum(s[n]) && name[n]))
			continue;
		if (n < avail && is_alnum(s[n]))
			continue;
		if (n == 3 && i == 8 && avail > 3 && (s[3] | 0x20) == 't')
			n = 4;
		if (n < avail && s[n] == '.')
			n++;
		*used = n;
		return (unsigned)i + 1;
	}
	return 0;
}

/*
 * A calendar date at s: YYYY-MM-DD, YYYY/MM/DD, YYYY年M月D日 (a weekday in
 * brackets may follow), "Sep 3, 2026", "3 Sep 2026".  Bytes used and the
 * day; *form TS_ISO, TS_SLASH, TS_JAPANESE or TS_MONTH_NAME.  0 when none.
 */
static size_t parse_date(const char *s, size_t avail, int64_t *day, enum ts_form *form)
{
	long y, mo, d;
	size_t n, k, used;
	unsigned m;

	if (avail && is_digit(s[0])) {
		if ((y = digits_at(s, avail, 4)) >= 0 && avail >= 10 && (s[4] == '-' || s[4] == '/') &&
		    s[7] == s[4] && (mo = digits_at(s + 5, avail - 5, 2)) >= 0 &&
		    (d = digits_at(s + 8, avail - 8, 2)) >= 0 && (avail == 10 || !is_digit(s[10]))) {
			if (!civil_valid(y, (unsigned)mo, (unsigned)d))
				return 0;
			*form = s[4] == '-' ? TS_ISO : TS_SLASH;
			*day = days_from_civil(y, (unsigned)mo, (unsigned)d);
			return 10;
		}
		if ((y = number_at(s, avail, 4, &n)) >= 0 && n == 4 && at(s + 4, avail - 4, JA_YEAR)) {
			k = 7;
			if ((mo = number_at(s + k, avail - k, 2, &n)) < 0 || !at(s + k + n, avail - k - n, JA_MONTH))
				return 0;
			k += n + 3;
			if ((d = number_at(s + k, avail - k, 2, &n)) < 0 || !at(s + k + n, avail - k - n, JA_DAY))
				return 0;
			k += n + 3;
			if (!civil_valid(y, (unsigned)mo, (unsigned)d))
				return 0;
			/* （木） or (木) or (Thu) */
			if (at(s + k, avail - k, JA_LPAREN) || at(s + k, avail - k, "(")) {
				size_t open = s[k] == '(' ? 1 : 3, j;
				for (j = k + open; j < avail && j < k + open + 12; j++)
					if (at(s + j, avail - j, JA_RPAREN) || s[j] == ')') {
						k = j + (s[j] == ')' ? 1 : 3);
						break;
					}
			}
			*form = TS_JAPANESE;
			*day = days_from_civil(y, (unsigned)mo, (unsigned)d);
			return k;
		}
		/* 3 Sep 2026 */
		if ((d = number_at(s, avail, 2, &n)) < 0 || n + 1 >= avail || s[n] != ' ')
			return 0;
		k = n + 1;
		if (!(m = month_name_at(s + k, avail - k, &used)))
			return 0;
		k += used;
		if (k + 5 > avail || s[k] != ' ' || (y = digits_at(s + k + 1, avail - k - 1, 4)) < 0 ||
		    (k + 5 < avail && is_digit(s[k + 5])))
			return 0;
		if (!civil_valid(y, m, (unsigned)d))
			return 0;
		*form = TS_MONTH_NAME;
		*day = days_from_civil(y, m, (unsigned)d);
		return k + 5;
	}
	/* Sep 3, 2026 */
	if (!(m = month_name_at(s, avail, &k)) || k >= avail || s[k] != ' ')
		return 0;
	k++;
	if ((d = number_at(s + k, avail - k, 2, &n)) < 0)
		return 0;
	k += n;
	if (k + 1 < avail && (s[k] == 's' || s[k] == 'n' || s[k] == 'r' || s[k] == 't') &&
	    (s[k + 1] == 't' || s[k + 1] == 'd' || s[k + 1] == 'h'))
		k += 2; /* 3rd, 1st, 2nd, 4th */
	if (k < avail && s[k] == ',')
		k++;
	if (k + 5 > avail || s[k] != ' ' || (y = digits_at(s + k + 1, avail - k - 1, 4)) < 0 ||
	    (k + 5 < avail && is_digit(s[k + 5])))
		return 0;
	if (!civil_valid(y, m, (unsigned)d))
		return 0;
	*form = TS_MONTH_NAME;
	*day = days_from_civil(y, m, (unsigned)d);
	return k + 5;
}

/* A clock and its zone at s (after a date or alone): bytes used, 0 when
 * none, and *out filled for day. */
static size_t clock_and_zone(const char *s, size_t avail, int64_t day,
			     const struct ts_context *ctx, enum ts_form form,
			     struct timestamp *out)
{
	long secs;
	int millis, offset = ctx->tz_offset_seconds, has = 0, off;
	const char *zone = NULL;
	size_t used = parse_clock(s, avail, &secs, &millis), n;
	if (!used)
		return 0;
	n = parse_zone(s + used, avail - used, &off, &has, &zone);
	if (n == OFFSET_BAD)
		return 0;
	if (has) {
		offset = off;
		used += n;
	}
	if (used < avail && is_alnum(s[used]))
		return 0;
	finish(out, day, secs, offset, has, form);
	out->millis = millis;
	out->zone = zone;
	return used;
}

/* A date and a time at s (separated by 'T', blanks, ", ", " at ", or
 * nothing after a Japanese date): bytes used; 0 when none.  *date_only
 * gets the length of a date not followed by a time. */
static size_t try_date_time(const char *s, size_t avail, const struct ts_context *ctx,
			    struct timestamp *out, size_t *date_only)
{
	int64_t day;
	enum ts_form form;
	size_t d = parse_date(s, avail, &day, &form), pos, n;

	*date_only = 0;
	if (!d)
		return 0;
	pos = d;
	if (form == TS_ISO && pos < avail && s[pos] == 'T') {
		pos++;
	} else {
		if (pos < avail && s[pos] == ',')
			pos++;
		while (pos < avail && (s[pos] == ' ' || s[pos] == '\t') && pos < d + 4)
			pos++;
		if (at(s + pos, avail - pos, "at "))
			pos += 3;
		if (pos == d && form != TS_JAPANESE) {
			*date_only = d;
			return 0;
		}
	}
	if (!(n = clock_and_zone(s + pos, avail - pos, day, ctx, form, out))) {
		*date_only = d;
		return 0;
	}
	return pos + n;
}

/* "Oct  7 14:02:10" at s. */
static size_t try_syslog(const char *s, size_t avail, const struct ts_context *ctx,
			 struct timestamp *out)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	size_t i, pos, n;
	long d, secs;
	int millis;
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
	if (pos + 8 > avail || s[pos + 2] != ':' || !(n = parse_clock(s + pos, avail - pos, &secs, &millis)) ||
	    n < 8)
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
	out->millis = millis;
	return pos;
}

/* 10 or 13 digits (optionally ".fff" after 10) standing alone. */
static size_t try_epoch(const char *s, size_t avail, const struct ts_context *ctx,
			struct timestamp *out)
{
	size_t n = 0, used;
	long long v = 0;
	int64_t local;
	int millis = 0;
	while (n < avail && is_digit(s[n]) && n < 14)
		v = v * 10 + (s[n++] - '0');
	if (n < avail && is_digit(s[n]))
		return 0;
	if (n == 13) {
		millis = (int)(v % 1000);
		v /= 1000;
	} else if (n != 10) {
		return 0;
	}
	used = n;
	if (n == 10)
		used += parse_fraction(s + used, avail - used, &millis);
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
	out->millis = millis;
	out->has_date = 1;
	out->secs_of_day = (long)(local - out->local_day * 86400);
	return used;
}

/* 1 when the clock at text[i] follows a date-like token that is no date
 * ("year-09-16 14:02"): such a time is not taken as time-only. */
static int after_damaged_date(const char *text, size_t i)
{
	size_t j;
	int digits = 0, seps = 0;
	if (i < 2 || (text[i - 1] != ' ' && text[i - 1] != 'T'))
		return 0;
	for (j = i - 1; j > 0 && text[j - 1] != ' ' && text[j - 1] != '\t'; j--) {
		digits += is_digit(text[j - 1]);
		seps += text[j - 1] == '-' || text[j - 1] == '/';
	}
	return digits && seps && is_digit(text[i - 2]);
}

/* 1 when position i of text may start a token. */
static int token_start(const char *text, size_t i)
{
	return i == 0 || !(is_alnum(text[i - 1]) || text[i - 1] == '.' || text[i - 1] == '-' ||
			   text[i - 1] == '/');
}

int timestamp_find(const char *text, size_t len, size_t from,
		   const struct ts_context *ctx, struct timestamp *out)
{
	size_t i, n, date_len;
	memset(out, 0, sizeof(*out));
	for (i = from; i < len; i++) {
		char c = text[i];
		int japm = (unsigned char)c == 0xe5 && (at(text + i, len - i, JA_AM) ||
						       at(text + i, len - i, JA_PM));
		if (!japm && !token_start(text, i))
			continue;
		if (is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
			if ((n = try_date_time(text + i, len - i, ctx, out, &date_len)) ||
			    (is_digit(c) && (n = try_epoch(text + i, len - i, ctx, out))) ||
			    (c >= 'A' && c <= 'Z' && (n = try_syslog(text + i, len - i, ctx, out)))) {
				out->start = i;
				out->end = i + n;
				return 1;
			}
			if (date_len) {
				i += date_len - 1;
				continue;
			}
		}
		if ((is_digit(c) || japm) && ctx->has_day && (i == 0 || text[i - 1] != ':') &&
		    !after_damaged_date(text, i) &&
		    (n = clock_and_zone(text + i, len - i, ctx->day, ctx, TS_TIME_ONLY, out))) {
			out->has_date = 0;
			out->start = i;
			out->end = i + n;
			return 1;
		}
	}
	return 0;
}

int timestamp_find_date(const char *text, size_t len, int64_t *day)
{
	size_t i, n;
	enum ts_form form;
	for (i = 0; i < len; i++) {
		char c = text[i];
		if (!token_start(text, i) || !(is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
			continue;
		if ((n = parse_date(text + i, len - i, day, &form)))
			return 1;
	}
	return 0;
}

int timestamp_date_header(const char *text, size_t len, const struct ts_context *ctx,
			  int64_t *day)
{
	struct ts_context c = *ctx;
	struct timestamp ts;
	if (!timestamp_find_date(text, len, day))
		return 0;
	c.has_day = 1;
	c.day = *day;
	return !timestamp_find(text, len, 0, &c, &ts);
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
