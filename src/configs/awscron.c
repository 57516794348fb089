/*
 * awscron.c - parse AWS cron()/rate() schedules and find the worst gap
 * between consecutive runs (see awscron.h).
 *
 * Design: each field becomes a bit set; the day-of-month and day-of-week
 * specials (L, W, LW, NL, N#k) are kept as small numbers beside it.  The
 * gap search walks days from the start date, expands each matching day into
 * its run times in order and compares neighbours, so its cost is bounded by
 * (days scanned) x (runs per day) and it needs no time zone (AWS schedules
 * are UTC).
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "configs/awscron.h"
#include "model/calendar.h"
#include "base/banned.h"

#define HORIZON_YEARS 8

static const char *const month_names[] = { "JAN", "FEB", "MAR", "APR", "MAY", "JUN",
					    "JUL", "AUG", "SEP", "OCT", "NOV", "DEC", NULL };
static const char *const day_names[] = { "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT", NULL };

struct field_def {
	const char *label;
	int min, max;
	const char *const *names; /* names[i] is value min + i, or NULL */
};

static const struct field_def fields[6] = {
	{ "minutes", 0, 59, NULL },
	{ "hours", 0, 23, NULL },
	{ "day-of-month", 1, 31, NULL },
	{ "month", 1, 12, month_names },
	{ "day-of-week", 1, 7, day_names },
	{ "year", CRON_YEAR_MIN, CRON_YEAR_MAX, NULL },
};

static int fail(char *why, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(char *why, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, size, fmt, ap);
	va_end(ap);
	return -1;
}

/* A number or a name of the field at *p (advanced); -1 when there is none. */
static int read_value(const char **p, const struct field_def *f)
{
	const char *s = *p;
	long v = 0;
	size_t i, n = 0;

	if (isdigit((unsigned char)*s)) {
		while (isdigit((unsigned char)s[n]) && n < 6)
			v = v * 10 + (s[n++] - '0');
		if (isdigit((unsigned char)s[n]))
			return -1;
		*p = s + n;
		return (int)v;
	}
	for (i = 0; f->names && f->names[i]; i++) {
		if (strncasecmp(s, f->names[i], 3) == 0 && !isalpha((unsigned char)s[3])) {
			*p = s + 3;
			return f->min + (int)i;
		}
	}
	return -1;
}

/*
 * Parse a list field (no specials) into set[] (one byte per value, index
 * value - min).  0 or -1 with why.
 */
static int parse_list(const char *text, const struct field_def *f, unsigned char *set,
		      char *why, size_t size)
{
	const char *p = text;
	for (;;) {
		int lo, hi, step = 1, v, open_start = 0;
		if (*p == '*') {
			lo = f->min;
			hi = f->max;
			p++;
		} else {
			lo = read_value(&p, f);
			if (lo < 0)
				return fail(why, size, "%s: '%s' is not a value", f->label, text);
			hi = lo;
			open_start = 1;
			if (*p == '-') {
				open_start = 0;
				p++;
				hi = read_value(&p, f);
				if (hi < 0)
					return fail(why, size, "%s: '%s' has a range without an end",
						    f->label, text);
			}
		}
		if (*p == '/') {
			p++;
			step = read_value(&p, &(struct field_def){ f->label, 0, 0, NULL });
			if (step <= 0)
				return fail(why, size, "%s: '%s' has a step that is not a positive number",
					    f->label, text);
			if (open_start)
				hi = f->max; /* "a/s" runs from a to the end */
		}
		if (lo < f->min || hi > f->max)
			return fail(why, size, "%s: '%s' is outside %d-%d", f->label, text,
				    f->min, f->max);
		if (hi < lo)
			return fail(why, size, "%s: range in '%s' runs backwards", f->label, text);
		for (v = lo; v <= hi; v += step)
			set[v - f->min] = 1;
		if (*p == '\0')
			return 0;
		if (*p != ',')
			return fail(why, size, "%s: unexpected '%c' in '%s'", f->label, *p, text);
		p++;
	}
}

static int parse_bits(const char *text, const struct field_def *f, uint64_t *bits,
		      char *why, size_t size)
{
	unsigned char set[64] = { 0 };
	int v;
	if (parse_list(text, f, set, why, size) < 0)
		return -1;
	*bits = 0;
	for (v = f->min; v <= f->max; v++)
		if (set[v - f->min])
			*bits |= (uint64_t)1 << v;
	return 0;
}

static int parse_dom(const char *text, struct aws_schedule *s, char *why, size_t size)
{
	const struct field_def *f = &fields[2];
	size_t n = strlen(text);
	uint64_t bits;

	if (strcmp(text, "?") == 0) {
		s->dom_any = 1;
		return 0;
	}
	if (strcasecmp(text, "L") == 0) {
		s->dom_last = 1;
		return 0;
	}
	if (strcasecmp(text, "LW") == 0) {
		s->dom_last_weekday = 1;
		return 0;
	}
	if (n >= 2 && (text[n - 1] == 'W' || text[n - 1] == 'w')) {
		const char *p = text;
		int d = read_value(&p, f);
		if (d < 1 || d > 31 || p != text + n - 1)
			return fail(why, size, "day-of-month: '%s' needs a day 1-31 before W", text);
		s->dom_nearest_weekday = d;
		return 0;
	}
	if (parse_bits(text, f, &bits, why, size) < 0)
		return -1;
	s->dom = (uint32_t)bits;
	return 0;
}

static int parse_dow(const char *text, struct aws_schedule *s, char *why, size_t size)
{
	const struct field_def *f = &fields[4];
	const char *p = text, *hash = strchr(text, '#');
	size_t n = strlen(text);
	uint64_t bits;

	if (strcmp(text, "?") == 0) {
		s->dow_any = 1;
		return 0;
	}
	if (strcasecmp(text, "L") == 0) {
		s->dow = 1u << 7; /* the last day of the week: Saturday */
		return 0;
	}
	if (hash) {
		int d = read_value(&p, f), k;
		if (d < 1 || d > 7 || p != hash)
			return fail(why, size, "day-of-week: '%s' needs a weekday 1-7 before #", text);
		p = hash + 1;
		k = read_value(&p, &(struct field_def){ f->label, 0, 0, NULL });
		if (k < 1 || k > 5 || *p)
			return fail(why, size, "day-of-week: '%s' needs an occurrence 1-5 after #", text);
		s->dow_nth_day = d;
		s->dow_nth = k;
		return 0;
	}
	if (n >= 2 && (text[n - 1] == 'L' || text[n - 1] == 'l')) {
		int d = read_value(&p, f);
		if (d < 1 || d > 7 || p != text + n - 1)
			return fail(why, size, "day-of-week: '%s' needs a weekday 1-7 before L", text);
		s->dow_last = d;
		return 0;
	}
	if (parse_bits(text, f, &bits, why, size) < 0)
		return -1;
	s->dow = (uint8_t)bits;
	return 0;
}

static int parse_rate(const char *body, struct aws_schedule *out, char *why, size_t size)
{
	static const struct { const char *unit; int64_t seconds; } units[] = {
		{ "minute", 60 }, { "minutes", 60 }, { "hour", 3600 }, { "hours", 3600 },
		{ "day", 86400 }, { "days", 86400 },
	};
	const char *p = body;
	int64_t value = 0;
	size_t i, digits = 0, ulen;

	while (*p == ' ')
		p++;
	while (isdigit((unsigned char)*p) && digits < 7) {
		value = value * 10 + (*p++ - '0');
		digits++;
	}
	if (!digits || isdigit((unsigned char)*p) || value <= 0)
		return fail(why, size, "rate: '%s' needs a positive whole number below 10000000", body);
	if (*p != ' ')
		return fail(why, size, "rate: '%s' needs a unit after the number", body);
	while (*p == ' ')
		p++;
	ulen = strlen(p);
	while (ulen && p[ulen - 1] == ' ')
		ulen--;
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (strlen(units[i].unit) == ulen && strncasecmp(p, units[i].unit, ulen) == 0) {
			out->rate_seconds = value * units[i].seconds;
			return 0;
		}
	}
	return fail(why, size, "rate: unknown unit in '%s' (minutes, hours or days)", body);
}

int aws_schedule_parse(const char *text, struct aws_schedule *out, char *why, size_t size)
{
	char body[256], *tok[7], *save = NULL, *t;
	const char *open, *close;
	size_t len, nr = 0;
	int is_rate;
	uint64_t bits;
	unsigned char years[CRON_YEAR_MAX - CRON_YEAR_MIN + 1];

	memset(out, 0, sizeof(*out));
	while (*text == ' ' || *text == '\t')
		text++;
	is_rate = strncasecmp(text, "rate(", 5) == 0;
	if (!is_rate && strncasecmp(text, "cron(", 5) != 0)
		return fail(why, size, "'%.60s' is neither cron(...) nor rate(...)", text);
	open = text + 5;
	close = strrchr(open, ')');
	if (!close)
		return fail(why, size, "'%.60s' has no closing parenthesis", text);
	for (t = (char *)close + 1; *t; t++)
		if (*t != ' ' && *t != '\t')
			return fail(why, size, "text after the closing parenthesis in '%.60s'", text);
	len = (size_t)(close - open);
	if (len >= sizeof(body))
		return fail(why, size, "schedule expression longer than %zu bytes", sizeof(body) - 1);
	memcpy(body, open, len);
	body[len] = '\0';
	if (is_rate)
		return parse_rate(body, out, why, size);

	for (t = strtok_r(body, " \t", &save); t; t = strtok_r(NULL, " \t", &save)) {
		if (nr == 6)
			return fail(why, size, "cron needs 6 fields (minutes hours day-of-month month "
					       "day-of-week year), got more");
		tok[nr++] = t;
	}
	if (nr != 6)
		return fail(why, size, "cron needs 6 fields (minutes hours day-of-month month "
				       "day-of-week year), got %zu", nr);
	if (strcmp(tok[0], "?") == 0 || strcmp(tok[1], "?") == 0 || strcmp(tok[3], "?") == 0 ||
	    strcmp(tok[5], "?") == 0)
		return fail(why, size, "'?' is allowed only in day-of-month or day-of-week");
	if (parse_bits(tok[0], &fields[0], &out->minutes, why, size) < 0)
		return -1;
	if (parse_bits(tok[1], &fields[1], &bits, why, size) < 0)
		return -1;
	out->hours = (uint32_t)bits;
	if (parse_dom(tok[2], out, why, size) < 0)
		return -1;
	if (parse_bits(tok[3], &fields[3], &bits, why, size) < 0)
		return -1;
	out->months = (uint16_t)bits;
	if (parse_dow(tok[4], out, why, size) < 0)
		return -1;
	memset(years, 0, sizeof(years));
	if (parse_list(tok[5], &fields[5], years, why, size) < 0)
		return -1;
	memcpy(out->years, years, sizeof(years));
	if (out->dom_any == out->dow_any)
		return fail(why, size, "exactly one of day-of-month and day-of-week must be '?'");
	return 0;
}

static unsigned days_in_month(int64_t y, unsigned m)
{
	static const unsigned dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dim[m - 1];
}

/* AWS weekday of a day number: 1 = Sunday ... 7 = Saturday (1970-01-01 was a Thursday). */
static int weekday(int64_t day)
{
	return (int)(((day % 7) + 7 + 4) % 7) + 1;
}

static int dom_matches(const struct aws_schedule *s, int64_t day, int64_t y, unsigned m, unsigned d)
{
	unsigned dim = days_in_month(y, m);
	if (s->dom_last)
		return d == dim;
	if (s->dom_last_weekday) {
		unsigned last = dim;
		int w = weekday(day - d + dim);
		if (w == 7)
			last = dim - 1;
		else if (w == 1)
			last = dim - 2;
		return d == last;
	}
	if (s->dom_nearest_weekday) {
		unsigned n = (unsigned)s->dom_nearest_weekday, target = n;
		int w;
		if (n > dim)
			return 0;
		w = weekday(day - d + n);
		if (w == 7) /* Saturday: the Friday before, or Monday when n is the 1st */
			target = n == 1 ? 3 : n - 1;
		else if (w == 1) /* Sunday: the Monday after, or Friday when n is the last day */
			target = n == dim ? n - 2 : n + 1;
		return d == target;
	}
	return (s->dom >> d) & 1u;
}

static int dow_matches(const struct aws_schedule *s, int64_t day, int64_t y, unsigned m, unsigned d)
{
	int w = weekday(day);
	if (s->dow_last)
		return w == s->dow_last && d + 7 > days_in_month(y, m);
	if (s->dow_nth)
		return w == s->dow_nth_day && (int)((d - 1) / 7 + 1) == s->dow_nth;
	return (s->dow >> w) & 1u;
}

int aws_schedule_runs_on(const struct aws_schedule *s, int64_t day)
{
	int64_t y;
	unsigned m, d;

	if (s->rate_seconds)
		return 1;
	civil_from_days(day, &y, &m, &d);
	if (y < CRON_YEAR_MIN || y > CRON_YEAR_MAX || !s->years[y - CRON_YEAR_MIN])
		return 0;
	if (!((s->months >> m) & 1u))
		return 0;
	if (!s->dom_any && !dom_matches(s, day, y, m, d))
		return 0;
	if (!s->dow_any && !dow_matches(s, day, y, m, d))
		return 0;
	return 1;
}

enum schedule_gap aws_schedule_max_gap(const struct aws_schedule *s, int64_t from_day,
				       int64_t *gap_seconds, int64_t *gap_start)
{
	int64_t window_end = (from_day + 366) * 86400;
	int64_t horizon = from_day + 366 + (int64_t)HORIZON_YEARS * 366;
	int64_t day, prev = -1, best = -1, best_start = 0;
	int h, m;

	/* Defined on every outcome: a schedule that never runs reports the
	 * window's start. */
	*gap_seconds = 0;
	*gap_start = from_day * 86400;
	if (s->rate_seconds) {
		*gap_seconds = s->rate_seconds;
		*gap_start = from_day * 86400;
		return SCHEDULE_GAP_FOUND;
	}
	for (day = from_day; day < horizon; day++) {
		if (!aws_schedule_runs_on(s, day))
			continue;
		for (h = 0; h < 24; h++) {
			if (!((s->hours >> h) & 1u))
				continue;
			for (m = 0; m < 60; m++) {
				int64_t t;
				if (!((s->minutes >> m) & 1u))
					continue;
				t = day * 86400 + h * 3600 + m * 60;
				if (prev >= 0) {
					if (t - prev > best) {
						best = t - prev;
						best_start = prev;
					}
					if (t >= window_end) {
						*gap_seconds = best;
						*gap_start = best_start;
						return SCHEDULE_GAP_FOUND;
					}
				}
				prev = t;
			}
		}
	}
	if (prev < 0)
		return SCHEDULE_GAP_NEVER;
	*gap_seconds = best;
	*gap_start = prev; /* the last run: nothing follows it */
	return SCHEDULE_GAP_ENDS;
}
