/*
 * test_calendar.c - day numbers, dates, month arithmetic, including the
 * negative month totals that fuzz_calendar found indexing past the month
 * table (kept as tests/fuzz/corpus/calendar/crash-negative-months too).
 */
#include <string.h>

#include "unit.h"
#include "model/calendar.h"

static void ymd(int64_t day, int64_t y, unsigned m, unsigned d)
{
	int64_t gy;
	unsigned gm, gd;
	civil_from_days(day, &gy, &gm, &gd);
	assert_int_equal(gy, y);
	assert_int_equal(gm, m);
	assert_int_equal(gd, d);
}

static void test_epoch_and_known_days(void **state)
{
	(void)state;
	assert_int_equal(days_from_civil(1970, 1, 1), 0);
	assert_int_equal(days_from_civil(2000, 3, 1), 11017);
	assert_int_equal(days_from_civil(2026, 11, 25), 20782);
	assert_int_equal(days_from_civil(1969, 12, 31), -1);
}

static void test_round_trip(void **state)
{
	int64_t d;
	(void)state;
	for (d = -800000; d < 800000; d += 97) {
		int64_t y;
		unsigned m, day;
		civil_from_days(d, &y, &m, &day);
		assert_true(civil_valid(y, m, day) || y < 1);
		assert_int_equal(days_from_civil(y, m, day), d);
	}
}

static void test_valid(void **state)
{
	(void)state;
	assert_true(civil_valid(2024, 2, 29));
	assert_false(civil_valid(2026, 2, 29));
	assert_false(civil_valid(1900, 2, 29));
	assert_true(civil_valid(2000, 2, 29));
	assert_false(civil_valid(2026, 4, 31));
	assert_false(civil_valid(2026, 13, 1));
	assert_false(civil_valid(2026, 0, 1));
	assert_false(civil_valid(2026, 1, 0));
}

static void test_parse_format(void **state)
{
	int64_t d;
	char out[16];
	(void)state;
	assert_int_equal(date_parse("2026-07-15", &d), 0);
	date_format(d, out, sizeof(out));
	assert_string_equal(out, "2026-07-15");
	assert_int_equal(date_parse("2026-07-15Z", &d), 0);
	assert_int_equal(date_parse("2026-07-15+09:00", &d), 0);
	assert_int_equal(date_parse("2026-02-30", &d), -1);
	assert_int_equal(date_parse("2026-7-15", &d), -1);
	assert_int_equal(date_parse("2026/07/15", &d), -1);
	assert_int_equal(date_parse("2026-07-15T00:00", &d), -1);
	assert_int_equal(date_parse("", &d), -1);
	assert_int_equal(date_parse(NULL, &d), -1);
}

static void test_add_months(void **state)
{
	int64_t d;
	char out[16];
	(void)state;
	date_parse("2026-01-31", &d);
	date_format(days_add_months(d, 1), out, sizeof(out));
	assert_string_equal(out, "2026-02-28");
	date_parse("2024-01-31", &d);
	date_format(days_add_months(d, 1), out, sizeof(out));
	assert_string_equal(out, "2024-02-29");
	date_parse("2026-11-25", &d);
	date_format(days_add_months(d, 3), out, sizeof(out));
	assert_string_equal(out, "2027-02-25");
	date_format(days_add_months(d, -12), out, sizeof(out));
	assert_string_equal(out, "2025-11-25");
}

static void test_before_year_zero(void **state)
{
	int64_t day;
	(void)state;
	assert_int_equal(date_parse("0006-02-02", &day), 0);
	ymd(days_add_months(day, -128), -5, 6, 2);       /* total -55 months */
	ymd(days_add_months(day, -73), 0, 1, 2);
	ymd(days_add_months(day, -74), -1, 12, 2);
	assert_int_equal(date_parse("0001-01-31", &day), 0);
	ymd(days_add_months(day, -11), 0, 2, 29);        /* year 0 is a leap year */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_epoch_and_known_days),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_parse_format),
		cmocka_unit_test(test_add_months),
		cmocka_unit_test(test_before_year_zero),
	};
	return cmocka_run_group_tests_name("calendar", tests, NULL, NULL);
}
