/*
 * test_quote.c - the one rule for untrusted text on a terminal (quote.h):
 * controls, invalid UTF-8 and direction overrides escaped, everything else
 * (Japanese included) kept; escaping is unambiguous; the output never
 * holds a byte a terminal acts on, for any input byte.
 */
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "base/quote.h"

static void expect(const char *in, size_t len, const char *want)
{
	char *got = quote_mem(in, len);
	assert_string_equal(got, want);
	free(got);
}

static void test_plain_kept(void **state)
{
	(void)state;
	expect("data/evidence/drills/a b.md", 27, "data/evidence/drills/a b.md");
	expect("復旧手順書.md", strlen("復旧手順書.md"), "復旧手順書.md");
	assert_true(quote_is_plain("café", strlen("café")));
}

static void test_controls_escaped(void **state)
{
	(void)state;
	expect("x\033[2J", 5, "x\\033[2J");
	expect("a\rb\nc\td", 7, "a\\rb\\nc\\td");
	expect("a\0b", 3, "a\\000b");
	expect("\x7f", 1, "\\177");
	expect("back\\slash", 10, "back\\\\slash");
	expect("\xc2\x9b" "2J", 4, "\\302\\2332J");        /* C1 CSI */
	expect("\xe2\x80\xae" "txt", 6, "\\342\\200\\256txt"); /* RIGHT-TO-LEFT OVERRIDE */
	assert_false(quote_is_plain("a\nb", 3));
}

static void test_invalid_utf8_escaped(void **state)
{
	(void)state;
	expect("\xff", 1, "\\377");
	expect("\xc0\xaf", 2, "\\300\\257");          /* overlong '/' */
	expect("\xed\xa0\x80", 3, "\\355\\240\\200"); /* surrogate */
	expect("\xe6\x97", 2, "\\346\\227");          /* truncated */
	assert_false(utf8_valid("\xff", 1));
	assert_true(utf8_valid("日本", strlen("日本")));
}

static void test_controls_only_keeps_backslash(void **state)
{
	char *got = quote_controls("pattern \\d+\033");
	(void)state;
	assert_string_equal(got, "pattern \\d+\\033");
	free(got);
}

/* every single byte and byte pair quotes to text without controls */
static void test_never_raw(void **state)
{
	unsigned a, b;
	(void)state;
	for (a = 0; a < 256; a++)
		for (b = 0; b < 256; b++) {
			char in[2] = { (char)a, (char)b };
			char *got = quote_mem(in, 2);
			const unsigned char *p;
			for (p = (const unsigned char *)got; *p; p++)
				assert_true(*p >= 0x20 && *p != 0x7f);
			assert_null(strstr(got, "\xc2\x9b"));
			free(got);
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_kept),
		cmocka_unit_test(test_controls_escaped),
		cmocka_unit_test(test_invalid_utf8_escaped),
		cmocka_unit_test(test_controls_only_keeps_backslash),
		cmocka_unit_test(test_never_raw),
	};
	return cmocka_run_group_tests_name("quote", tests, NULL, NULL);
}
