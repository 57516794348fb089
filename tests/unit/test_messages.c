/*
 * test_messages.c - every message exists in every language, and format
 * messages have the same conversions in English and Japanese (a mismatch
 * would be undefined behaviour in printf).
 */
#include <string.h>

#include "unit.h"
#include "base/messages.h"

/* The conversion letters of a printf format, in order ("%lld" -> "lld "). */
static void conversions(const char *fmt, char *out, size_t size)
{
	size_t n = 0;
	for (; *fmt; fmt++) {
		if (*fmt != '%')
			continue;
		fmt++;
		if (*fmt == '%' || *fmt == ' ')
			continue;
		/* a positional "%2$s": test_check_messages.c checks the numbers */
		if (*fmt >= '1' && *fmt <= '9' && fmt[strspn(fmt, "0123456789")] == '$')
			fmt += strspn(fmt, "0123456789") + 1;
		while (*fmt && strchr("lzhd0123456789.-su", *fmt) && n + 2 < size) {
			out[n++] = *fmt;
			if (*fmt == 'd' || *fmt == 's' || *fmt == 'u')
				break;
			fmt++;
		}
		out[n++] = ' ';
	}
	out[n] = '\0';
}

static void every_message_in_both_languages(void **state)
{
	int i;
	(void)state;
	for (i = 0; i < M__COUNT; i++) {
		const char *en = msg((enum msg)i, "en"), *ja = msg((enum msg)i, "ja");
		assert_non_null(en);
		assert_non_null(ja);
		assert_true(strlen(en) > 0);
		assert_true(strlen(ja) > 0);
	}
}

static void formats_agree(void **state)
{
	char a[64], b[64];
	int i;
	(void)state;
	for (i = 0; i < M__COUNT; i++) {
		conversions(msg((enum msg)i, "en"), a, sizeof(a));
		conversions(msg((enum msg)i, "ja"), b, sizeof(b));
		assert_string_equal(a, b);
	}
}

static void unknown_language_falls_back_to_english(void **state)
{
	(void)state;
	assert_string_equal(msg(M_OVERDUE, "fr"), "overdue");
	assert_string_equal(msg(M_OVERDUE, NULL), "overdue");
	assert_string_equal(msg(M_OVERDUE, "ja"), "期限超過");
	assert_string_equal(msg(M__COUNT, "en"), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_message_in_both_languages),
		cmocka_unit_test(formats_agree),
		cmocka_unit_test(unknown_language_falls_back_to_english),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
