/*
 * test_calendar.c - month arithmetic at the edges, including the negative
 * month totals that fuzz_calendar found indexing past the month table
 * (kept as tests/fuzz/corpus/calendar/crash-negative-months too).
 */
#include "unit.h"
#include "calendar.h"

static void ymd(int64_t day, int64_t y, unsigned m, unsigned d)
{
	int64_t gy;
	unsigned gm, gd;
	civil_from_days(day, &gy, &gm, &gd);
	assert_int_equal(gy, y);
	assert_int_equal(gm, m);
	assert_int_equal(gd, d);
}

static void test_add_months(void **state)
{
	int64_t day;
	(void)state;
	assert_int_equal(date_parse("2026-01-31", &day), 0);
	ymd(days_add_months(day, 1), 2026, 2, 28);       /* clamped */
	ymd(days_add_months(day, 13), 2027, 2, 28);
	ymd(days_add_months(day, -2), 2025, 11, 30);
	assert_int_equal(date_parse("2024-02-29", &day), 0);
	ymd(days_add_months(day, 12), 2025, 2, 28);
	ymd(days_add_months(day, 48), 2028, 2, 29);
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
		cmocka_unit_test(test_add_months),
		cmocka_unit_test(test_before_year_zero),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
