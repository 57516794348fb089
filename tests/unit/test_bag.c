/*
 * test_bag.c - BagIt manifest lines and bag-info fields, both directions.
 */
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "package/bag.h"
#include "base/error.h"

#define H "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

static void test_encode(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	(void)state;
	bag_manifest_add(&sb, H, "data/a b/ü%x\r\ny.txt");
	assert_string_equal(sb.buf, H "  data/a b/ü%25x%0D%0Ay.txt\n");
	strbuf_release(&sb);
}

static void test_round_trip(void **state)
{
	static const char *const paths[] = { "data/plain.txt", "data/100%.txt", "data/line\nbreak",
					     "data/space here/日本.md", "data/cr\r", NULL };
	struct strbuf sb = STRBUF_INIT;
	struct bag_manifest m;
	size_t i;
	(void)state;
	for (i = 0; paths[i]; i++)
		bag_manifest_add(&sb, H, paths[i]);
	assert_int_equal(bag_manifest_parse(sb.buf, sb.len, "m", &m), 0);
	assert_int_equal(m.nr, 5);
	for (i = 0; paths[i]; i++) {
		assert_string_equal(m.entries[i].path, paths[i]);
		assert_string_equal(m.entries[i].sha256, H);
		assert_int_equal(m.entries[i].line, (long)i + 1);
	}
	bag_manifest_free(&m);
	strbuf_release(&sb);
}

static void test_parse_lenient_shapes(void **state)
{
	/* upper-case hash, a tab, CRLF: all allowed by the RFC */
	static const char text[] =
		"0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF\tdata/x\r\n";
	struct bag_manifest m;
	(void)state;
	assert_int_equal(bag_manifest_parse(text, strlen(text), "m", &m), 0);
	assert_int_equal(m.nr, 1);
	assert_string_equal(m.entries[0].sha256, H);
	assert_string_equal(m.entries[0].path, "data/x");
	bag_manifest_free(&m);
}

static void bad(const char *text)
{
	struct bag_manifest m;
	if (bag_manifest_parse(text, strlen(text), "m", &m) == 0)
		fail_msg("accepted: %s", text);
	assert_int_equal(m.nr, 0);
}

static void test_parse_bad(void **state)
{
	(void)state;
	bad("0123  data/x\n");                 /* short hash */
	bad(H "data/x\n");                     /* no separator */
	bad(H "  \n");                         /* no path */
	bad(H "  data/%zz\n");                 /* bad escape */
	bad(H "  data/%00\n");                 /* NUL */
	bad(H "  data/%2\n");                  /* cut escape */
	bad("\n");                             /* empty line */
	bad("g123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef  x\n");
}

static void test_info(void **state)
{
	static const char text[] =
		"Source-Organization: Acme\n"
		"External-Description: first part\n"
		"  second part\n"
		"payload-oxum: 12.3\r\n";
	struct strbuf sb = STRBUF_INIT;
	char *v;
	(void)state;
	v = bag_info_get(text, strlen(text), "External-Description");
	assert_string_equal(v, "first part second part");
	free(v);
	v = bag_info_get(text, strlen(text), "Payload-Oxum");
	assert_string_equal(v, "12.3");
	free(v);
	assert_null(bag_info_get(text, strlen(text), "Bagging-Date"));
	assert_null(bag_info_get(text, strlen(text), "Source"));
	bag_info_add(&sb, "Label", "a\nb\tc");
	assert_string_equal(sb.buf, "Label: a b c\n");
	strbuf_reset(&sb);
	{
		static const char *long_value = "AWS Foundational Technical Review, disaster "
			"recovery: self-assessment of a product with a rather long name as of 2026-11-25";
		const char *p, *nl;
		bag_info_add(&sb, "External-Description", long_value);
		for (p = sb.buf; (nl = strchr(p, '\n')); p = nl + 1)
			assert_true(nl - p <= BAG_INFO_WIDTH);
		assert_non_null(strchr(sb.buf, '\n'));
		assert_int_equal(sb.buf[strchr(sb.buf, '\n') - sb.buf + 1], ' ');
		v = bag_info_get(sb.buf, sb.len, "External-Description");
		assert_string_equal(v, long_value);
		free(v);
		/* a word longer than the line stays on the label's line */
		strbuf_reset(&sb);
		bag_info_add(&sb, "FTR-Signer-Fingerprint", H);
		assert_string_equal(sb.buf, "FTR-Signer-Fingerprint: " H "\n");
		v = bag_info_get("A:\n  b\n", 7, "A");
		assert_string_equal(v, "b");
		free(v);
	}
	strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_encode),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_parse_lenient_shapes),
		cmocka_unit_test(test_parse_bad),
		cmocka_unit_test(test_info),
	};
	error_quiet = 1;
	return cmocka_run_group_tests_name("bag", tests, NULL, NULL);
}
