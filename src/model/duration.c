/*
 * duration.c - one grammar for every duration a partner may write.
 *
 * The input is first normalised (full-width digits and spaces to ASCII,
 * ASCII letters to lower case) into a bounded local buffer, then parsed as
 * ISO 8601 when it starts with 'p', otherwise as a sequence of
 * "<number> <unit>" pairs where the unit comes from one table shared by the
 * compact, word and Japanese forms.  Numbers may carry a decimal fraction;
 * arithmetic is done in nanoseconds-free fixed point (value * 10^9) to avoid
 * floating point surprises, and the result is rounded to whole seconds.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "model/duration.h"
#include "base/banned.h"

#define NORM_MAX 256
#define FRAC_SCALE 1000000000LL /* fraction digits kept: 9 */

struct unit {
	const char *name;
	int64_t seconds;
	int rank; /* larger = bigger unit; order must decrease */
};

/* Longest names first where one is a prefix of another ("mins" before "m"). */
static const struct unit units[] = {
	{ "weeks", 604800, 5 }, { "week", 604800, 5 }, { "wks", 604800, 5 },
	{ "wk", 604800, 5 }, { "w", 604800, 5 },
	{ "週間", 604800, 5 }, { "週", 604800, 5 },
	{ "days", 86400, 4 }, { "day", 86400, 4 }, { "d", 86400, 4 },
	{ "日間", 86400, 4 }, { "日", 86400, 4 },
	{ "hours", 3600, 3 }, { "hour", 3600, 3 }, { "hrs", 3600, 3 },
	{ "hr", 3600, 3 }, { "h", 3600, 3 }, { "時間", 3600, 3 },
	{ "minutes", 60, 2 }, { "minute", 60, 2 }, { "mins", 60, 2 },
	{ "min", 60, 2 }, { "m", 60, 2 }, { "分間", 60, 2 }, { "分", 60, 2 },
	{ "seconds", 1, 1 }, { "second", 1, 1 }, { "secs", 1, 1 },
	{ "sec", 1, 1 }, { "s", 1, 1 }, { "秒間", 1, 1 }, { "秒", 1, 1 },
};

/*
 * Copy text into out (size bytes) with full-width digits/space/period made
 * ASCII and ASCII letters lower-cased.  Returns -1 if it does not fit.
 */
static int normalise(const char *text, char *out, size_t size)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t n = 0;

	while (*s) {
		if (n + 1 >= size)
			return -1;
		/* U+FF10..U+FF19 full-width digits: EF BC 90..99 */
		if (s[0] == 0xEF && s[1] == 0xBC && s[2] >= 0x90 && s[2] <= 0x99) {
			out[n++] = (char)('0' + (s[2] - 0x90));
			s += 3;
		} else if (s[0] == 0xEF && s[1] == 0xBC && s[2] == 0x8E) {
			out[n++] = '.'; /* U+FF0E full-width full stop */
			s += 3;
		} else if (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80) {
			out[n++] = ' '; /* U+3000 ideographic space */
			s += 3;
		} else {
			out[n++] = (char)(*s < 0x80 ? tolower(*s) : *s);
			s++;
		}
	}
	out[n] = '\0';
	return 0;
}

static const char *skip_space(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

/*
 * Read "123" or "1.25" at *p into fixed point (value * FRAC_SCALE).
 * Returns -1 when there is no number or it overflows.
 */
static int read_number(const char **p, int64_t *fixed, const char **why)
{
	const char *s = *p;
	int64_t whole = 0, frac = 0, scale = FRAC_SCALE;
	int digits = 0;

	while (isdigit((unsigned char)*s)) {
		whole = whole * 10 + (*s - '0');
		if (whole > DURATION_MAX_SECONDS) {
			*why = "number too large";
			return -1;
		}
		s++;
		digits++;
	}
	if (*s == '.' || *s == ',') {
		if (!isdigit((unsigned char)s[1])) {
			if (!digits)
				goto none;
			*why = "decimal point without digits";
			return -1;
		}
		s++;
		while (isdigit((unsigned char)*s)) {
			if (scale > 1) {
				scale /= 10;
				frac += (*s - '0') * scale;
			}
			s++;
			digits++;
		}
	}
	if (!digits)
		goto none;
	*fixed = whole * FRAC_SCALE + frac;
	*p = s;
	return 0;
none:
	*why = "expected a number";
	return -1;
}

/* Add fixed * unit_seconds to *total_fixed with overflow and range checks. */
static int accumulate(int64_t *total_fixed, int64_t fixed, int64_t unit_seconds,
		      const char **why)
{
	/* fixed <= ~1e18 is guarded by read_number; check the product. */
	__int128 add = (__int128)fixed * unit_seconds;
	__int128 sum = (__int128)*total_fixed + add;
	if (sum > (__int128)DURATION_MAX_SECONDS * FRAC_SCALE) {
		*why = "duration too long (more than 100 years)";
		return -1;
	}
	*total_fixed = (int64_t)sum;
	return 0;
}

static int parse_iso(const char *s, int64_t *total_fixed, const char **why)
{
	int in_time = 0, any = 0, last_rank = 100;

	s++; /* 'p' */
	while (*s) {
		int64_t fixed;
		int64_t unit;
		int rank;

		if (*s == 't') {
			if (in_time) {
				*why = "second 'T' in ISO 8601 duration";
				return -1;
			}
			in_time = 1;
			s++;
			if (!*s) {
				*why = "'T' with no time part";
				return -1;
			}
			continue;
		}
		if (read_number(&s, &fixed, why) < 0)
			return -1;
		switch (*s) {
		case 'y':
			*why = "years are ambiguous; use days";
			return -1;
		case 'w': unit = 604800; rank = 5; break;
		case 'd': unit = 86400; rank = 4; break;
		case 'h': unit = 3600; rank = 3; break;
		case 's': unit = 1; rank = 1; break;
		case 'm':
			if (!in_time) {
				*why = "months are ambiguous; use days";
				return -1;
			}
			unit = 60; rank = 2; break;
		case '\0':
			*why = "number without a unit";
			return -1;
		default:
			*why = "unknown unit";
			return -1;
		}
		if ((rank >= 4) == in_time) {
			*why = in_time ? "date unit after 'T'" : "time unit without 'T'";
			return -1;
		}
		if (rank >= last_rank) {
			*why = "units out of order or repeated";
			return -1;
		}
		last_rank = rank;
		if (accumulate(total_fixed, fixed, unit, why) < 0)
			return -1;
		any = 1;
		s++;
	}
	if (!any) {
		*why = "ISO 8601 duration with no components";
		return -1;
	}
	return 0;
}

/* Match the longest unit name at p; returns it or NULL. */
static const struct unit *match_unit(const char *p, size_t *len)
{
	size_t i;
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		size_t n = strlen(units[i].name);
		if (strncmp(p, units[i].name, n) != 0)
			continue;
		/* An ASCII unit must not run into more letters ("hx"). */
		if (isalpha((unsigned char)units[i].name[0]) &&
		    isalpha((unsigned char)p[n]))
			continue;
		*len = n;
		return &units[i];
	}
	return NULL;
}

static int parse_units(const char *s, int64_t *total_fixed, const char **why)
{
	int last_rank = 100, any = 0;
	int64_t last_unit = 0;

	s = skip_space(s);
	while (*s) {
		int64_t fixed;
		size_t ulen;
		const struct unit *u;

		if (read_number(&s, &fixed, why) < 0)
			return -1;
		s = skip_space(s);
		if (!*s) {
			*why = "number without a unit";
			return -1;
		}
		u = match_unit(s, &ulen);
		if (!u) {
			*why = "unknown unit";
			return -1;
		}
		if (u->rank >= last_rank) {
			*why = "units out of order or repeated";
			return -1;
		}
		last_rank = u->rank;
		last_unit = u->seconds;
		if (accumulate(total_fixed, fixed, u->seconds, why) < 0)
			return -1;
		any = 1;
		s += ulen;
		/* "1時間半": half of the unit just read. */
		if (strncmp(s, "半", strlen("半")) == 0) {
			if (accumulate(total_fixed, FRAC_SCALE / 2, last_unit, why) < 0)
				return -1;
			s += strlen("半");
			last_rank = u->rank; /* a smaller unit may still follow */
		}
		s = skip_space(s);
		if (*s == ',') {
			s = skip_space(s + 1);
		} else if (strncmp(s, "、", strlen("、")) == 0) {
			s = skip_space(s + strlen("、"));
		}
		if (strncmp(s, "and", 3) == 0 && (s[3] == ' ' || s[3] == '\t' || !s[3])) {
			s = skip_space(s + 3);
			if (!*s) {
				*why = "dangling 'and'";
				return -1;
			}
		}
	}
	if (!any) {
		*why = "empty duration";
		return -1;
	}
	return 0;
}

int duration_parse(const char *text, int64_t *seconds, const char **why)
{
	char norm[NORM_MAX];
	const char *s;
	int64_t total_fixed = 0;
	const char *dummy;

	if (!why)
		why = &dummy;
	if (!text) {
		*why = "empty duration";
		return -1;
	}
	if (normalise(text, norm, sizeof(norm)) < 0) {
		*why = "duration text too long";
		return -1;
	}
	s = skip_space(norm);
	if (!*s) {
		*why = "empty duration";
		return -1;
	}
	if (*s == '-' || strncmp(s, "−", strlen("−")) == 0) {
		*why = "negative duration";
		return -1;
	}
	if (*s == '+')
		s++;
	{
		/* trailing whitespace is harmless */
		size_t n = strlen(s);
		while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
			     s[n - 1] == '\n' || s[n - 1] == '\r'))
			norm[(size_t)(s - norm) + --n] = '\0';
	}
	if (*s == 'p') {
		if (parse_iso(s, &total_fixed, why) < 0)
			return -1;
	} else if (parse_units(s, &total_fixed, why) < 0) {
		return -1;
	}
	*seconds = (total_fixed + FRAC_SCALE / 2) / FRAC_SCALE;
	return 0;
}

void duration_format(int64_t seconds, const char *lang, char *out, size_t size)
{
	int ja = lang && strcmp(lang, "ja") == 0;
	/* Whole days only from 48 h up: "24 h" reads better than "1 d". */
	int64_t d = seconds >= 48 * 3600 ? seconds / 86400 : 0;
	int64_t h = (seconds - d * 86400) / 3600;
	int64_t m = seconds % 3600 / 60, s = seconds % 60;
	size_t n = 0;
	int any = 0;

#define PART(value, en, jp)                                                    \
	do {                                                                   \
		if ((value) && n < size) {                                     \
			int w = snprintf(out + n, size - n, "%s%lld%s",        \
					 (any && !ja) ? " " : "",              \
					 (long long)(value), ja ? (jp) : (en)); \
			if (w > 0)                                             \
				n += (size_t)w;                                \
			any = 1;                                               \
		}                                                              \
	} while (0)

	if (!size)
		return;
	out[0] = '\0';
	PART(d, " d", "日");
	PART(h, " h", "時間");
	PART(m, " min", "分");
	PART(s, " s", "秒");
#undef PART
	if (!any)
		snprintf(out, size, ja ? "0分" : "0 min");
}

void duration_iso(int64_t seconds, char *out, size_t size)
{
	int64_t d = seconds / 86400, h = seconds % 86400 / 3600;
	int64_t m = seconds % 3600 / 60, s = seconds % 60;
	size_t n = 0;
	int w;

	if (!size)
		return;
	w = snprintf(out, size, "P");
	n = w > 0 ? (size_t)w : 0;
	if (d && n < size) {
		w = snprintf(out + n, size - n, "%lldD", (long long)d);
		n += w > 0 ? (size_t)w : 0;
	}
	if ((h || m || s || !d) && n < size) {
		w = snprintf(out + n, size - n, "T");
		n += w > 0 ? (size_t)w : 0;
		if (h && n < size) {
			w = snprintf(out + n, size - n, "%lldH", (long long)h);
			n += w > 0 ? (size_t)w : 0;
		}
		if (m && n < size) {
			w = snprintf(out + n, size - n, "%lldM", (long long)m);
			n += w > 0 ? (size_t)w : 0;
		}
		if ((s || (!h && !m)) && n < size)
			snprintf(out + n, size - n, "%lldS", (long long)s);
	}
}
