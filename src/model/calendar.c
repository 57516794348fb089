/*
 * calendar.c - civil date arithmetic (Howard Hinnant's algorithms, public
 * domain description, reimplemented here).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "model/calendar.h"
#include "base/banned.h"

int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

void civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
	int64_t era;
	unsigned doe, yoe, doy, mp;
	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int64_t)yoe + era * 400 + (*m <= 2);
}

static unsigned month_length(int64_t y, unsigned m)
{
	static const unsigned len[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : len[m - 1];
}

int civil_valid(int64_t y, unsigned m, unsigned d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= month_length(y, m);
}

static int digits(const char *s, int n, unsigned *out)
{
	unsigned v = 0;
	int i;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	*out = v;
	return 0;
}

int date_parse(const char *text, int64_t *days)
{
	unsigned y, m, d;
	const char *rest;
	if (!text || strlen(text) < 10 || text[4] != '-' || text[7] != '-' ||
	    digits(text, 4, &y) < 0 || digits(text + 5, 2, &m) < 0 ||
	    digits(text + 8, 2, &d) < 0 || !civil_valid(y, m, d))
		return -1;
	rest = text + 10;
	if (*rest && strcmp(rest, "Z") != 0 &&
	    !((rest[0] == '+' || rest[0] == '-') && strlen(rest) == 6 && rest[3] == ':'))
		return -1;
	*days = days_from_civil(y, m, d);
	return 0;
}

void date_format(int64_t days, char *out, size_t size)
{
	int64_t y;
	unsigned m, d;
	civil_from_days(days, &y, &m, &d);
	snprintf(out, size, "%04lld-%02u-%02u", (long long)y, m, d);
}

int64_t days_add_months(int64_t days, int months)
{
	int64_t y;
	unsigned m, d, len;
	int64_t total;
	civil_from_days(days, &y, &m, &d);
	total = y * 12 + (int64_t)(m - 1) + months;
	/* Floor division: a negative total (before year 0) must still give a
	 * month in 1..12, or month_length() would index out of its table. */
	y = total >= 0 ? total / 12 : -((-total + 11) / 12);
	m = (unsigned)(total - y * 12) + 1;
	len = month_length(y, m);
	if (d > len)
		d = len;
	return days_from_civil(y, m, d);
}

int64_t date_today(void)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return days_from_civil(tm.tm_year + 1900, (unsigned)tm.tm_mon + 1,
			       (unsigned)tm.tm_mday);
}
