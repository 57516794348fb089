/*
 * test_timestamp.c - the log timestamp scanner: every form, offsets,
 * midnight, leap days, syslog years, and things that only look like times.
 */
#include <string.h>

#include "unit.h"
#include "model/calendar.h"
#include "model/timestamp.h"

#define JST (9 * 3600)

static struct ts_context ctx_jst(void)
{
	struct ts_context c = { JST, 0, 0, 0, 0 };
	c.as_of_day = days_from_civil(2026, 11, 25);
	return c;
}

static int64_t utc(int y, unsigned m, unsigned d, int h, int mi, int s)
{
	return days_from_civil(y, m, d) * 86400 + h * 3600 + mi * 60 + s;
}

static struct timestamp found(const char *line, const struct ts_context *c)
{
	struct timestamp t;
	memset(&t, 0, sizeof(t));
	if (!timestamp_find(line, strlen(line), 0, c, &t))
		fail_msg("no timestamp found in '%s'", line);
	return t;
}

static void none(const char *line)
{
	struct ts_context c = ctx_jst();
	struct timestamp t;
	if (timestamp_find(line, strlen(line), 0, &c, &t))
		fail_msg("'%s': unexpected timestamp at %zu", line, t.start);
}

static void test_iso_with_offset(void **state)
{
	struct ts_context c = ctx_jst();
	struct timestamp t = found("2026-10-07T14:02:10+09:00 Outage start", &c);
	(void)state;
	assert_int_equal(t.epoch, utc(2026, 10, 7, 5, 2, 10));
	assert_int_equal(t.has_offset, 1);
	assert_int_equal(t.offset_seconds, JST);
	assert_int_equal(t.start, 0);
	assert_int_equal(t.end, 25);
	t = found("at 2026-09-16T01:01:31Z done", &c);
	assert_int_equal(t.epoch, utc(2026, 9, 16, 1, 1, 31));
	assert_int_equal(t.has_offset, 1);
	t = found("2026-09-16T01:01:31.870123Z", &c);
	assert_int_equal(t.epoch, utc(2026, 9, 16, 1, 1, 31));
	t = found("2026-09-16T10:01:31-0530", &c);
	assert_int_equal(t.epoch, utc(2026, 9, 16, 15, 31, 31));
	t = found("2026-09-16 10:01:31.5 +05", &c);
	assert_int_equal(t.epoch, utc(2026, 9, 16, 5, 1, 31));
	t = found("Outage start:2026-09-16T01:01:31Z", &c);
	assert_int_equal(t.epoch, utc(2026, 9, 16, 1, 1, 31));
	assert_int_equal(t.start, 13);
	t = found("[2026-09-16 10:01:31] x", &c);
	assert_int_equal(t.epoch, utc(2026, 9, 16, 1, 1, 31));
	t = found("2026-09-16T01:01:31.123000+00:00", &c);
	assert_int_equal(t.epoch, utc(2026, 9, 16, 1, 1, 31));
}

static void test_no_offset_takes_context_zone(void **state)
{
	struct ts_context c = ctx_jst();
	struct timestamp t = found("2026-10-07 14:02:10 started", &c);
	(void)state;
	assert_int_equal(t.has_offset, 0);
	assert_int_equal(t.epoch, utc(2026, 10, 7, 5, 2, 10));
	t = found("2026/08/20 10:05:00 障害発生", &c);
	assert_int_equal(t.form, TS_SLASH);
	assert_int_equal(t.epoch, utc(2026, 8, 20, 1, 5, 0));
	assert_int_equal(t.local_day, days_from_civil(2026, 8, 20));
	t = found("2026-10-07T14:02 no seconds", &c);
	assert_int_equal(t.epoch, utc(2026, 10, 7, 5, 2, 0));
	c.tz_offset_seconds = 0;
	t = found("2026-10-07 14:02:10", &c);
	assert_int_equal(t.epoch, utc(2026, 10, 7, 14, 2, 10));
}

static void test_midnight_crossing(void **state)
{
	struct ts_context c = ctx_jst();
	struct timestamp a = found("2026-12-31T23:58:00+09:00 outage", &c);
	struct timestamp b = found("2027-01-01T00:03:30+09:00 restored", &c);
	(void)state;
	assert_int_equal(b.epoch - a.epoch, 330);
	/* 08:30 JST is the previous day in UTC; local_day stays as written */
	a = found("2026-10-08T08:30:00+09:00", &c);
	assert_int_equal(a.local_day, days_from_civil(2026, 10, 8));
	assert_int_equal(a.epoch, utc(2026, 10, 7, 23, 30, 0));
}

static void test_leap_day_and_invalid_dates(void **state)
{
	struct ts_context c = ctx_jst();
	struct timestamp t = found("2028-02-29T12:00:00Z", &c);
	(void)state;
	assert_int_equal(t.epoch, utc(2028, 2, 29, 12, 0, 0));
	none("2026-02-29T12:00:00Z");
	none("2026-02-30 10:00:00");
	none("2026-13-01 10:00:00");
	none("2026-04-31 10:00:00");
	none("2026-10-07 24:00:00");
	none("2026-10-07 23:60:00");
	none("2026-10-07T10:00:00+15:00");
	none("2026-10-07");          /* a date alone is not a time */
	none("v2026-10-07 10:00:00"); /* inside a word */
	none("12026-10-07 10:00:00");
	none("2026-10-07 10:00:00abc");
}

static void test_syslog_year_from_context(void **state)
{
	struct ts_context c = ctx_jst();
	struct timestamp t;
	(void)state;
	t = found("Oct  7 14:02:10 web-1 systemd: stopped", &c);
	assert_int_equal(t.form, TS_SYSLOG);
	assert_int_equal(t.has_offset, 0);
	assert_int_equal(t.epoch, utc(2026, 10, 7, 5, 2, 10));
	/* December is after the as-of date: last year */
	t = found("Dec 24 09:00:00 host x", &c);
	assert_int_equal(t.local_day, days_from_civil(2025, 12, 24));
	/* the drill's year when known */
	c.year = 2024;
	t = found("Feb 29 09:00:00 host x", &c);
	assert_int_equal(t.local_day, days_from_civil(2024, 2, 29));
	c.year = 0;
	t = found("Feb 29 09:00:00 host x", &c);
	assert_int_equal(t.local_day, days_from_civil(2024, 2, 29));
	t = found("Nov 25 23:59:59 host x", &c);
	assert_int_equal(t.local_day, days_from_civil(2026, 11, 25));
	none("Oct 32 14:02:10 x");
	none("Octo 7 14:02:10");
	none("Oct 7 14:02 x");
}

static void test_epoch(void **state)
{
	struct ts_context c = ctx_jst();
	struct timestamp t = found("1791349330 restored", &c);
	(void)state;
	assert_int_equal(t.epoch, 1791349330);
	assert_int_equal(t.has_offset, 1);
	t = found("ts=1791349330123 x", &c);
	assert_int_equal(t.epoch, 1791349330);
	t = found("1791349330.5", &c);
	assert_int_equal(t.epoch, 1791349330);
	/* local_day in the context's zone: 23:00Z is the next day in JST */
	t = found("1791328800", &c); /* 2026-10-07T00:00:00Z */
	assert_int_equal(t.local_day, days_from_civil(2026, 10, 7));
	t = found("1791414000", &c); /* 2026-10-07T23:00:00Z */
	assert_int_equal(t.local_day, days_from_civil(2026, 10, 8));
	none("order 12345678901 shipped"); /* 11 digits */
	none("phone 0312345678");          /* before 2000 */
	none("id 9999999999");             /* after 2100 */
	none("i-0a1b2c3d4e5f60718");
	none("snap-1791349330");           /* part of an identifier */
	none("/backups/1791349330/");
}

static void test_find_from_and_parse_exact(void **state)
{
	struct ts_context c = ctx_jst();
	const char *line = "2026/08/20 10:05:00 最終復旧可能時点: 2026/08/20 10:04:00 (x)";
	struct timestamp t;
	(void)state;
	assert_int_equal(timestamp_find(line, strlen(line), 19, &c, &t), 1);
	assert_int_equal(t.epoch, utc(2026, 8, 20, 1, 4, 0));
	assert_int_equal(timestamp_parse(" 2026-09-16T01:01:02.345000+00:00 ", &c, &t), 0);
	assert_int_equal(t.epoch, utc(2026, 9, 16, 1, 1, 2));
	assert_int_equal(timestamp_parse("2026-09-16T01:01:02Z trailing", &c, &t), -1);
	assert_int_equal(timestamp_parse("", &c, &t), -1);
}

static void test_format_and_offset(void **state)
{
	char buf[32];
	int off = 0;
	(void)state;
	timestamp_format_utc(utc(2026, 9, 16, 1, 1, 31), buf, sizeof(buf));
	assert_string_equal(buf, "2026-09-16T01:01:31Z");
	timestamp_format_utc(0, buf, sizeof(buf));
	assert_string_equal(buf, "1970-01-01T00:00:00Z");
	assert_int_equal(timestamp_offset_parse("+09:00", &off), 0);
	assert_int_equal(off, JST);
	assert_int_equal(timestamp_offset_parse("-03:30", &off), 0);
	assert_int_equal(off, -12600);
	assert_int_equal(timestamp_offset_parse("+9", &off), -1);
	assert_int_equal(timestamp_offset_parse("JST", &off), -1);
}

/* Times as people write them: 12-hour clock, zone abbreviations, Japanese
 * dates and times, month names, fractions kept to the millisecond. */
static void test_written_by_people(void **state)
{
	struct ts_context c = ctx_jst();
	struct timestamp t;
	int64_t day;
	(void)state;
	t = found("2026年9月3日 14時05分30秒 障害発生", &c);
	assert_int_equal(t.form, TS_JAPANESE);
	assert_int_equal(t.epoch, utc(2026, 9, 3, 5, 5, 30));
	assert_int_equal(t.has_offset, 0);
	t = found("2026年9月3日（木）午後2時5分 復旧完了", &c);
	assert_int_equal(t.epoch, utc(2026, 9, 3, 5, 5, 0));
	t = found("Sep 3, 2026 2:05 PM PDT outage start", &c);
	assert_int_equal(t.form, TS_MONTH_NAME);
	assert_int_equal(t.epoch, utc(2026, 9, 3, 21, 5, 0));
	assert_string_equal(t.zone, "PDT");
	t = found("3 September 2026 12:00 AM (UTC)", &c);
	assert_int_equal(t.epoch, utc(2026, 9, 3, 0, 0, 0));
	t = found("2026-09-03 12:30:00 PM KST", &c);
	assert_int_equal(t.epoch, utc(2026, 9, 3, 3, 30, 0));
	t = found("2026-09-03 14:05:30 CEST", &c);
	assert_int_equal(t.epoch, utc(2026, 9, 3, 12, 5, 30));
	t = found("2026-09-03 09:05 EST", &c);
	assert_int_equal(t.epoch, utc(2026, 9, 3, 14, 5, 0));
	t = found("2026-09-03T01:46:46.789Z", &c);
	assert_int_equal(t.millis, 789);
	t = found("2026-09-03 01:46:46,5 UTC+09:00", &c);
	assert_int_equal(t.millis, 500);
	assert_int_equal(t.epoch, utc(2026, 9, 2, 16, 46, 46));
	t = found("1788400000123 ms", &c);
	assert_int_equal(t.millis, 123);
	/* CST is ambiguous: the context zone is assumed */
	t = found("2026-09-03 09:05 CST", &c);
	assert_int_equal(t.has_offset, 0);
	assert_null(t.zone);
	/* a date header and a date on its own */
	assert_int_equal(timestamp_date_header("## 2026年9月3日（木）", strlen("## 2026年9月3日（木）"), &c, &day), 1);
	assert_int_equal(day, days_from_civil(2026, 9, 3));
	assert_int_equal(timestamp_date_header("Thursday, September 3rd, 2026", 29, &c, &day), 1);
	assert_int_equal(day, days_from_civil(2026, 9, 3));
	assert_int_equal(timestamp_date_header("2026-09-03 14:05 x", 18, &c, &day), 0);
}

/* A time alone takes the day the caller gives, and only then. */
static void test_time_only(void **state)
{
	struct ts_context c = ctx_jst();
	struct timestamp t;
	(void)state;
	none("[2:05 PM] alice: outage start");
	none("14:05 outage start");
	c.has_day = 1;
	c.day = days_from_civil(2026, 9, 3);
	t = found("[2:05 PM] alice: outage start", &c);
	assert_int_equal(t.has_date, 0);
	assert_int_equal(t.form, TS_TIME_ONLY);
	assert_int_equal(t.epoch, utc(2026, 9, 3, 5, 5, 0));
	assert_int_equal(t.secs_of_day, 14 * 3600 + 5 * 60);
	t = found("14:05:07.250 JST service restored", &c);
	assert_int_equal(t.epoch, utc(2026, 9, 3, 5, 5, 7));
	assert_int_equal(t.millis, 250);
	assert_int_equal(t.has_offset, 1);
	t = found("14時05分 障害発生", &c);
	assert_int_equal(t.epoch, utc(2026, 9, 3, 5, 5, 0));
	t = found("午前0時10分 復旧完了", &c);
	assert_int_equal(t.epoch, utc(2026, 9, 2, 15, 10, 0));
	/* not times: ratios, one-digit hours without AM/PM, a damaged date */
	assert_int_equal(timestamp_find("step 3:10 of 5", 14, 0, &c, &t), 0);
	assert_int_equal(timestamp_find("year-09-16 14:02:10 outage", 26, 0, &c, &t), 0);
	assert_int_equal(timestamp_find("13:05 PM", 8, 0, &c, &t), 0);
	assert_int_equal(timestamp_find("v1.14:05", 8, 0, &c, &t), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_iso_with_offset),
		cmocka_unit_test(test_no_offset_takes_context_zone),
		cmocka_unit_test(test_midnight_crossing),
		cmocka_unit_test(test_leap_day_and_invalid_dates),
		cmocka_unit_test(test_syslog_year_from_context),
		cmocka_unit_test(test_epoch),
		cmocka_unit_test(test_find_from_and_parse_exact),
		cmocka_unit_test(test_format_and_offset),
		cmocka_unit_test(test_written_by_people),
		cmocka_unit_test(test_time_only),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
