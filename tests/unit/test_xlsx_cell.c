/*
 * test_xlsx_cell.c - the text of one workbook cell (reports/xlsx_cell.h):
 * kept as it is up to Excel's 32767-character limit, cut at a character
 * boundary with a marker beyond it, the limit counted in UTF-16 units (a
 * character outside the BMP counts twice, as Excel counts it); control
 * characters and invalid UTF-8 escaped as everywhere in ftrkit's reports.
 */
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "reports/xlsx_cell.h"

/* Characters as Excel counts them (UTF-16 code units) in valid UTF-8. */
static size_t units(const char *s)
{
	size_t n = 0;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c & 0xC0) != 0x80)
			n += c >= 0xF0 ? 2 : 1;
	}
	return n;
}

static char *repeat(const char *unit, size_t times)
{
	size_t len = strlen(unit), i;
	char *s = malloc(len * times + 1);
	for (i = 0; i < times; i++)
		memcpy(s + i * len, unit, len);
	s[len * times] = '\0';
	return s;
}

static void test_short_kept(void **state)
{
	char *got;
	(void)state;
	got = xlsx_cell_text("=1+2 <x> & \"y\"\n1時間");
	assert_string_equal(got, "=1+2 <x> & \"y\"\n1時間");
	free(got);
	got = xlsx_cell_text("");
	assert_string_equal(got, "");
	free(got);
}

/* Control characters and invalid UTF-8 never reach the workbook's XML. */
static void test_controls_and_invalid_utf8_escaped(void **state)
{
	char *got;
	(void)state;
	got = xlsx_cell_text("a\x01" "b\xff\xfe c\x1b[2J\td\ne");
	assert_string_equal(got, "a\\x01b\\xFF\\xFE c\\x1B[2J\td\ne");
	free(got);
}

static void test_exact_limit_kept(void **state)
{
	char *s = repeat("x", XLSX_CELL_MAX), *got;
	(void)state;
	got = xlsx_cell_text(s);
	assert_string_equal(got, s);
	free(got);
	free(s);
}

static void test_long_cut_with_marker(void **state)
{
	char *s = repeat("x", 40000), *got;
	const char *marker = "\n[truncated by ftrkit: 40000 characters]";
	(void)state;
	got = xlsx_cell_text(s);
	assert_true(units(got) <= XLSX_CELL_MAX);
	assert_true(strlen(got) > strlen(marker));
	assert_string_equal(got + strlen(got) - strlen(marker), marker);
	assert_int_equal(strlen(got), XLSX_CELL_MAX);
	assert_memory_equal(got, s, strlen(got) - strlen(marker));
	free(got);
	free(s);
}

/* Multi-byte text is cut between characters, never inside one. */
static void test_cut_on_character_boundary(void **state)
{
	char *s, *got, *mark;
	const char *units_in[] = { "時", "é", "\xF0\x9F\x98\x80" /* U+1F600 */, "a時" };
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(units_in) / sizeof(units_in[0]); i++) {
		s = repeat(units_in[i], 40000);
		got = xlsx_cell_text(s);
		assert_true(units(got) <= XLSX_CELL_MAX);
		mark = strstr(got, "\n[truncated by ftrkit: ");
		assert_non_null(mark);
		/* what precedes the marker ends before a character of s starts */
		assert_true(((unsigned char)s[mark - got] & 0xC0) != 0x80);
		/* and is the longest that fits: one more character would not */
		assert_true(units(got) + ((unsigned char)s[mark - got] >= 0xF0 ? 2 : 1) > XLSX_CELL_MAX);
		assert_memory_equal(got, s, (size_t)(mark - got));
		free(got);
		free(s);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_short_kept),
		cmocka_unit_test(test_controls_and_invalid_utf8_escaped),
		cmocka_unit_test(test_exact_limit_kept),
		cmocka_unit_test(test_long_cut_with_marker),
		cmocka_unit_test(test_cut_on_character_boundary),
	};
	return cmocka_run_group_tests_name("xlsx_cell", tests, NULL, NULL);
}
