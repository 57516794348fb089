/*
 * test_awscron.c - AWS cron()/rate() parsing and the worst gap between runs.
 * Expected gaps were worked out by hand and cross-checked with a
 * day-by-day enumeration in Python.
 */
#include <string.h>

#include "unit.h"
#include "configs/awscron.h"
#include "model/calendar.h"

#define DAY 86400
#define HOUR 3600

static int64_t day_of(int y, unsigned m, unsigned d)
{
	return days_from_civil(y, m, d);
}

static void parse_ok(const char *text, struct aws_schedule *s)
{
	char why[160] = "";
	if (aws_schedule_parse(text, s, why, sizeof(why)) != 0)
		fail_msg("'%s' rejected: %s", text, why);
}

static void parse_bad(const char *text, const char *why_part)
{
	struct aws_schedule s;
	char why[160] = "";
	if (aws_schedule_parse(text, &s, why, sizeof(why)) == 0)
		fail_msg("'%s' accepted", text);
	if (why_part && !strstr(why, why_part))
		fail_msg("'%s': reason '%s' lacks '%s'", text, why, why_part);
}

/* Worst gap from 2026-11-25 must be want seconds. */
static void gap_is(const char *text, int64_t want)
{
	struct aws_schedule s;
	int64_t gap = -1, start = 0;
	enum schedule_gap g;
	parse_ok(text, &s);
	g = aws_schedule_max_gap(&s, day_of(2026, 11, 25), &gap, &start);
	if (g != SCHEDULE_GAP_FOUND)
		fail_msg("'%s': no gap found (%d)", text, (int)g);
	if (gap != want)
		fail_msg("'%s': gap %lld, want %lld", text, (long long)gap, (long long)want);
}

static void runs_on(const char *text, int y, unsigned m, unsigned d, int want)
{
	struct aws_schedule s;
	parse_ok(text, &s);
	if (aws_schedule_runs_on(&s, day_of(y, m, d)) != want)
		fail_msg("'%s' on %d-%02u-%02u: want %d", text, y, m, d, want);
}

static void test_simple_gaps(void **state)
{
	(void)state;
	gap_is("cron(0 * ? * * *)", HOUR);
	gap_is("cron(0/15 * ? * * *)", 15 * 60);
	gap_is("cron(*/20 * ? * * *)", 20 * 60);
	gap_is("cron(* * ? * * *)", 60);
	gap_is("cron(5,35 */6 ? * * *)", 5 * HOUR + 30 * 60);
	gap_is("cron(0 3 * * ? *)", DAY);
	gap_is("  cron(0 18 ? * * *)  ", DAY);
	gap_is("CRON(0 0,12 * * ? *)", 12 * HOUR);
	gap_is("cron(10-40/15 8 * * ? *)", DAY - 30 * 60); /* 8:10 8:25 8:40 */
	gap_is("cron(0 9 ? * MON-FRI *)", 3 * DAY);
	gap_is("cron(0 9 ? * 2-6 *)", 3 * DAY);
	gap_is("cron(0 9 ? * mon,wed,fri *)", 3 * DAY);
	gap_is("cron(0 0 ? * L *)", 7 * DAY);
	gap_is("cron(0 0 1 JAN,JUL ? *)", 184 * DAY);
	gap_is("cron(0\t0\t1\t*\t?\t*)", 31 * DAY);
}

static void test_rate(void **state)
{
	(void)state;
	gap_is("rate(1 hour)", HOUR);
	gap_is("rate(5 minutes)", 300);
	gap_is("rate(2 days)", 2 * DAY);
	gap_is("rate(1 minutes)", 60); /* AWS wants the singular; the gap is clear anyway */
	parse_bad("rate(0 hours)", "positive");
	parse_bad("rate(-1 hours)", "positive");
	parse_bad("rate(hour)", "positive");
	parse_bad("rate(5 fortnights)", "unknown unit");
	parse_bad("rate(5)", "unit");
	parse_bad("rate(99999999 days)", "below");
}

static void test_month_ends_and_nth(void **state)
{
	(void)state;
	gap_is("cron(0 0 L * ? *)", 31 * DAY);
	gap_is("cron(0 12 ? * 2#1 *)", 35 * DAY);
	runs_on("cron(0 0 L * ? *)", 2028, 2, 29, 1);
	runs_on("cron(0 0 L * ? *)", 2027, 2, 28, 1);
	runs_on("cron(0 0 L * ? *)", 2028, 2, 28, 0);
	runs_on("cron(0 0 L * ? *)", 2100, 2, 28, 1); /* 2100 is no leap year */
	runs_on("cron(0 0 ? * 6L *)", 2026, 11, 27, 1);  /* last Friday */
	runs_on("cron(0 0 ? * 6L *)", 2026, 11, 20, 0);
	runs_on("cron(0 0 ? * 2#1 *)", 2026, 12, 7, 1);
	runs_on("cron(0 0 ? * MON#1 *)", 2027, 2, 1, 1);
	runs_on("cron(0 0 ? * 2#5 *)", 2026, 11, 30, 1);
	runs_on("cron(0 0 ? * 2#5 *)", 2026, 11, 23, 0);
}

static void test_weekday_nearest(void **state)
{
	(void)state;
	/* 2026-08-01 is a Saturday: 1W moves forward to Monday the 3rd, not into July. */
	runs_on("cron(0 0 1W * ? *)", 2026, 8, 3, 1);
	runs_on("cron(0 0 1W * ? *)", 2026, 8, 1, 0);
	/* 2026-11-01 is a Sunday: the Monday after. */
	runs_on("cron(0 0 1W * ? *)", 2026, 11, 2, 1);
	/* 2026-05-31 is a Sunday and the last day: back to Friday the 29th. */
	runs_on("cron(0 0 31W * ? *)", 2026, 5, 29, 1);
	/* 2026-01-31 is a Saturday: Friday the 30th. */
	runs_on("cron(0 0 31W * ? *)", 2026, 1, 30, 1);
	/* No 31st in November: 31W never runs then. */
	runs_on("cron(0 0 31W * ? *)", 2026, 11, 30, 0);
	runs_on("cron(0 0 15W * ? *)", 2026, 11, 16, 1); /* 15th is a Sunday */
	runs_on("cron(0 0 LW * ? *)", 2026, 1, 30, 1);
	runs_on("cron(0 0 LW * ? *)", 2026, 5, 29, 1);
	runs_on("cron(0 0 LW * ? *)", 2026, 2, 27, 1);
	runs_on("cron(0 0 LW * ? *)", 2026, 12, 31, 1); /* a Thursday */
}

static void test_rare_and_ending(void **state)
{
	struct aws_schedule s;
	int64_t gap = 0, start = 0;
	(void)state;

	parse_ok("cron(0 0 29 2 ? *)", &s);
	assert_int_equal(aws_schedule_max_gap(&s, day_of(2026, 11, 25), &gap, &start),
			 SCHEDULE_GAP_FOUND);
	assert_int_equal(gap, 1461 * (int64_t)DAY);
	assert_int_equal(start, day_of(2028, 2, 29) * DAY);

	parse_ok("cron(0 0 * * ? 2026)", &s);
	assert_int_equal(aws_schedule_max_gap(&s, day_of(2026, 11, 25), &gap, &start),
			 SCHEDULE_GAP_ENDS);
	assert_int_equal(start, day_of(2026, 12, 31) * DAY);

	parse_ok("cron(0 0 * * ? 2020-2025)", &s);
	assert_int_equal(aws_schedule_max_gap(&s, day_of(2026, 11, 25), &gap, &start),
			 SCHEDULE_GAP_NEVER);

	/* Year 2199 is the last one AWS accepts: nothing after it. */
	parse_ok("cron(0 0 31 12 ? 2199)", &s);
	assert_int_equal(aws_schedule_max_gap(&s, day_of(2199, 1, 1), &gap, &start),
			 SCHEDULE_GAP_ENDS);
}

static void test_ties_take_the_earliest(void **state)
{
	struct aws_schedule s;
	int64_t gap = 0, start = 0;
	(void)state;
	parse_ok("cron(0 3 * * ? *)", &s);
	assert_int_equal(aws_schedule_max_gap(&s, day_of(2026, 11, 25), &gap, &start),
			 SCHEDULE_GAP_FOUND);
	assert_int_equal(start, day_of(2026, 11, 25) * DAY + 3 * HOUR);
}

static void test_rejected(void **state)
{
	(void)state;
	parse_bad("cron(0 3 * * * *)", "exactly one");
	parse_bad("cron(0 3 ? * ? *)", "exactly one");
	parse_bad("cron(0 3 * * ?)", "6 fields");
	parse_bad("cron(0 3 * * ? * 1)", "got more");
	parse_bad("cron()", "6 fields");
	parse_bad("cron(60 3 * * ? *)", "outside");
	parse_bad("cron(0 24 * * ? *)", "outside");
	parse_bad("cron(0 3 32 * ? *)", "outside");
	parse_bad("cron(0 3 0 * ? *)", "outside");
	parse_bad("cron(0 3 * 13 ? *)", "outside");
	parse_bad("cron(0 3 ? * 8 *)", "outside");
	parse_bad("cron(0 3 * * ? 1969)", "outside");
	parse_bad("cron(0 3 ? * FRI-MON *)", "backwards");
	parse_bad("cron(0/0 3 * * ? *)", "step");
	parse_bad("cron(0 3 * * ? *", "parenthesis");
	parse_bad("cron(0 3 * * ? *) extra", "after the closing");
	parse_bad("at(2026-11-25T00:00:00)", "neither");
	parse_bad("", "neither");
	parse_bad("cron(L 3 * * ? *)", "minutes");
	parse_bad("cron(? 3 * * ? *)", "'?'");
	parse_bad("cron(0 3 ? * 2#6 *)", "occurrence");
	parse_bad("cron(0 3 ? * 9#1 *)", "weekday");
	parse_bad("cron(0 3 0W * ? *)", "before W");
	parse_bad("cron(0 3 ? * 0L *)", "before L");
	parse_bad("cron(0 3 1,,2 * ? *)", "not a value");
	parse_bad("cron(0 3 1- * ? *)", "without an end");
	parse_bad("cron(0 3 * FOO ? *)", "not a value");
	parse_bad("cron(0000009 3 * * ? *)", "not a value");
	parse_bad("cron(0 3 * * ? 2026/x)", "step");
	{
		char big[400];
		memset(big, ' ', sizeof(big));
		memcpy(big, "cron(", 5);
		big[sizeof(big) - 2] = ')';
		big[sizeof(big) - 1] = '\0';
		parse_bad(big, "longer");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_simple_gaps),
		cmocka_unit_test(test_rate),
		cmocka_unit_test(test_month_ends_and_nth),
		cmocka_unit_test(test_weekday_nearest),
		cmocka_unit_test(test_rare_and_ending),
		cmocka_unit_test(test_ties_take_the_earliest),
		cmocka_unit_test(test_rejected),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
