/*
 * test_duration.c - the one duration parser, hard.
 */
#include <string.h>

#include "unit.h"
#include "model/duration.h"
#include "base/error.h"

static void ok(const char *text, int64_t want)
{
	int64_t got = -1;
	const char *why = NULL;
	int rc = duration_parse(text, &got, &why);
	if (rc != 0)
		fail_msg("'%s' rejected: %s", text, why);
	if (got != want)
		fail_msg("'%s' gave %lld, want %lld", text, (long long)got, (long long)want);
}

static void bad(const char *text, const char *why_part)
{
	int64_t got = 0;
	const char *why = NULL;
	if (duration_parse(text, &got, &why) == 0)
		fail_msg("'%s' accepted as %lld", text, (long long)got);
	assert_non_null(why);
	if (why_part && !strstr(why, why_part))
		fail_msg("'%s': reason '%s' lacks '%s'", text, why, why_part);
}

static void test_iso(void **state)
{
	(void)state;
	ok("PT1H30M", 5400);
	ok("P1D", 86400);
	ok("P1DT2H", 93600);
	ok("PT24H", 86400);
	ok("PT45S", 45);
	ok("PT0S", 0);
	ok("P2W", 1209600);
	ok("PT0.5H", 1800);
	ok("pt15m", 900);
	ok("  PT1H  ", 3600);
	ok("PT1M30.4S", 90);
	bad("P", "no components");
	bad("PT", "no time part");
	bad("P1Y", "years");
	bad("P1M", "months");
	bad("PT1D", "date unit after");
	bad("P1H", "without 'T'");
	bad("PT30M1H", "order");
	bad("PT1H1H", "order");
	bad("PT5", "without a unit");
	bad("PTT1H", NULL);
	bad("PT1X", "unknown unit");
}

static void test_compact(void **state)
{
	(void)state;
	ok("90m", 5400);
	ok("1h30m", 5400);
	ok("1h 30m", 5400);
	ok("2d", 172800);
	ok("45s", 45);
	ok("0m", 0);
	ok("1.5h", 5400);
	ok("1w", 604800);
	ok("2H", 7200);
	bad("30m1h", "order");
	bad("1h1h", "order");
	bad("5", "without a unit");
	bad("5x", "unknown unit");
	bad("h", "expected a number");
	bad("1hx", "unknown unit");
}

static void test_words(void **state)
{
	(void)state;
	ok("2 hours", 7200);
	ok("30 minutes", 1800);
	ok("1 hour 30 minutes", 5400);
	ok("1 hour and 30 minutes", 5400);
	ok("1 hour, 30 minutes", 5400);
	ok("90 min", 5400);
	ok("2 Hours", 7200);
	ok("1 day", 86400);
	ok("3 weeks", 1814400);
	ok("10 seconds", 10);
	ok("2 hrs", 7200);
	bad("2 fortnights", "unknown unit");
	bad("1 hour and", "dangling");
	bad("about 2 hours", "expected a number");
}

static void test_japanese(void **state)
{
	(void)state;
	ok("2時間", 7200);
	ok("30分", 1800);
	ok("1時間30分", 5400);
	ok("1日", 86400);
	ok("90秒", 90);
	ok("２時間", 7200);
	ok("１時間３０分", 5400);
	ok("1時間半", 5400);
	ok("2週間", 1209600);
	ok("3日間", 259200);
	ok("1 時間 30 分", 5400);
	ok("1時間、30分", 5400);
	bad("時間", "expected a number");
	bad("30分1時間", "order");
	bad("2年", "unknown unit");
}

static void test_errors(void **state)
{
	(void)state;
	bad("", "empty");
	bad("   ", "empty");
	bad("-1h", "negative");
	bad("−1h", "negative");
	bad("99999999999999999999h", "too large");
	bad("1000000d", "100 years");
	bad("PT9999999999H", "too");
	bad("1..5h", NULL);
	bad("1.h", "decimal point");
	{
		char longtext[400];
		memset(longtext, '1', sizeof(longtext) - 2);
		longtext[sizeof(longtext) - 2] = 'h';
		longtext[sizeof(longtext) - 1] = '\0';
		bad(longtext, "too long");
	}
	{
		int64_t s;
		const char *why;
		assert_int_equal(duration_parse(NULL, &s, &why), -1);
	}
}

static void test_format(void **state)
{
	char out[64];
	(void)state;
	duration_format(4200, "en", out, sizeof(out));
	assert_string_equal(out, "1 h 10 min");
	duration_format(4200, "ja", out, sizeof(out));
	assert_string_equal(out, "1時間10分");
	duration_format(86400, "en", out, sizeof(out));
	assert_string_equal(out, "24 h");
	duration_format(3 * 86400 + 60, "en", out, sizeof(out));
	assert_string_equal(out, "3 d 1 min");
	duration_format(0, "en", out, sizeof(out));
	assert_string_equal(out, "0 min");
	duration_format(45, "ja", out, sizeof(out));
	assert_string_equal(out, "45秒");
	duration_iso(5400, out, sizeof(out));
	assert_string_equal(out, "PT1H30M");
	duration_iso(93600, out, sizeof(out));
	assert_string_equal(out, "P1DT2H");
	duration_iso(86400, out, sizeof(out));
	assert_string_equal(out, "P1D");
	duration_iso(0, out, sizeof(out));
	assert_string_equal(out, "PT0S");
}

/* Every canonical ISO form parses back to the same number of seconds. */
static void test_round_trip(void **state)
{
	int64_t s;
	(void)state;
	for (s = 0; s < 3 * 86400; s += 737) {
		char iso[64];
		int64_t back = -1;
		duration_iso(s, iso, sizeof(iso));
		assert_int_equal(duration_parse(iso, &back, NULL), 0);
		assert_int_equal(back, s);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_iso),
		cmocka_unit_test(test_compact),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_japanese),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_round_trip),
	};
	error_quiet = 1;
	return cmocka_run_group_tests_name("duration", tests, NULL, NULL);
}
