/*
 * test_strbuf.c - the growable buffer and its limit.
 */
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "base/strbuf.h"

static void test_grow_and_terminate(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	int i;
	(void)state;
	assert_string_equal(strbuf_str(&sb), "");
	for (i = 0; i < 1000; i++)
		assert_int_equal(strbuf_addch(&sb, 'a' + i % 26), 0);
	assert_int_equal(sb.len, 1000);
	assert_int_equal(sb.buf[sb.len], '\0');
	assert_int_equal(strbuf_addf(&sb, "%d-%s", 42, "x"), 0);
	assert_string_equal(sb.buf + 1000, "42-x");
	strbuf_reset(&sb);
	assert_int_equal(sb.len, 0);
	assert_string_equal(strbuf_str(&sb), "");
	strbuf_release(&sb);
}

static void test_limit(void **state)
{
	struct strbuf sb;
	(void)state;
	strbuf_init(&sb, 8);
	assert_int_equal(strbuf_addstr(&sb, "12345678"), 0);
	assert_int_equal(strbuf_addch(&sb, '9'), -1);
	assert_string_equal(sb.buf, "12345678");
	assert_int_equal(strbuf_addf(&sb, "%s", "z"), -1);
	assert_int_equal(sb.len, 8);
	strbuf_release(&sb);
}

static void test_long_format(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	char big[1000];
	(void)state;
	memset(big, 'q', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(strbuf_addf(&sb, "<%s>", big), 0);
	assert_int_equal(sb.len, 1001);
	assert_int_equal(sb.buf[0], '<');
	assert_int_equal(sb.buf[1000], '>');
	{
		char *out = strbuf_detach(&sb);
		assert_int_equal(strlen(out), 1001);
		free(out);
	}
	assert_null(sb.buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grow_and_terminate),
		cmocka_unit_test(test_limit),
		cmocka_unit_test(test_long_format),
	};
	return cmocka_run_group_tests_name("strbuf", tests, NULL, NULL);
}
