/*
 * test_entryname.c - the one rule for package entry names (bundle and
 * verify share it) and the one rule for untrusted text in reports and
 * messages (safetext): hostile bytes of every kind, and clean text kept
 * byte for byte.
 */
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "base/safetext.h"
#include "package/entryname.h"

static void test_names_accepted(void **state)
{
	static const char *const ok[] = {
		"top/data/evidence/a.log",
		"top/data/evidence/q3 review 100%.md",
		"top/data/evidence/meeting notes \xc3\xbc.md",   /* ü */
		"top/data/evidence/\xe6\x99\x82\xe9\x96\x93.txt", /* 時間 */
		"top/data/evidence/emoji \xf0\x9f\x98\x80.txt",    /* U+1F600 */
		"top/data/evidence/nbsp\xc2\xa0.txt",              /* U+00A0: not C1 */
		"top/..hidden/x", "top/a..b",
		NULL,
	};
	size_t i;
	(void)state;
	for (i = 0; ok[i]; i++)
		assert_null(entry_name_problem(ok[i]));
}

static void test_names_refused(void **state)
{
	static const struct { const char *name, *why; } bad[] = {
		{ "", "empty name" },
		{ "/etc/passwd", "absolute path" },
		{ "C:/x", "drive letter" },
		{ "top//x", "empty path component" },
		{ "top/./x", "'.' component" },
		{ "top/../x", "'..' component (zip slip)" },
		{ "top/a\\b", "backslash in name" },
		{ "top/a\rb", "control character in name" },
		{ "top/a\nb", "control character in name" },
		{ "top/a\tb", "control character in name" },
		{ "top/a\x1b[2Jb", "control character in name" },
		{ "top/a\x7f", "control character in name" },
		{ "top/a\xc2\x9b" "b", "control character in name" },  /* U+009B CSI */
		{ "top/a\xff", "invalid UTF-8 in name" },
		{ "top/a\xc3", "invalid UTF-8 in name" },              /* truncated */
		{ "top/a\xc0\xaf", "invalid UTF-8 in name" },          /* overlong '/' */
		{ "top/a\xed\xa0\x80", "invalid UTF-8 in name" },      /* surrogate */
		{ "top/a\xf4\x90\x80\x80", "invalid UTF-8 in name" },  /* > U+10FFFF */
		{ "top/a\x80", "invalid UTF-8 in name" },              /* stray continuation */
	};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		const char *why = entry_name_problem(bad[i].name);
		assert_non_null(why);
		assert_string_equal(why, bad[i].why);
	}
}

static void check_safe(const char *in, const char *want, enum safetext_mode mode)
{
	char *got = safetext_dup(in, mode);
	assert_string_equal(got, want);
	assert_int_equal(safetext_is_clean(got, mode), 1);
	assert_int_equal(safetext_is_clean(got, SAFETEXT_DOC), 1);
	assert_int_equal(safetext_is_clean(in, mode), strcmp(in, want) == 0);
	free(got);
}

static void test_safetext(void **state)
{
	static const enum safetext_mode modes[] = { SAFETEXT_TERM, SAFETEXT_DOC };
	size_t m;
	(void)state;
	for (m = 0; m < 2; m++) {
		enum safetext_mode mode = modes[m];
		check_safe("plain 100% \xc3\xbc \xe6\x99\x82", "plain 100% \xc3\xbc \xe6\x99\x82", mode);
		check_safe("a\x1b[2Jb", "a\\x1B[2Jb", mode);
		check_safe("bad\xff\xfe", "bad\\xFF\\xFE", mode);
		check_safe("c1\xc2\x9b", "c1\\xC2\\x9B", mode);
		check_safe("trunc\xe6\x99", "trunc\\xE6\\x99", mode);
		check_safe("del\x7f bel\a", "del\\x7F bel\\x07", mode);
		check_safe("", "", mode);
		assert_null(safetext_dup(NULL, mode));
	}
	/* a terminal gets line breaks and tabs escaped; documents keep them */
	check_safe("cr\rlf\ntab\t", "cr\\x0Dlf\\x0Atab\\x09", SAFETEXT_TERM);
	check_safe("cr\rlf\ntab\t", "cr\rlf\ntab\t", SAFETEXT_DOC);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names_accepted),
		cmocka_unit_test(test_names_refused),
		cmocka_unit_test(test_safetext),
	};
	return cmocka_run_group_tests_name("entryname", tests, NULL, NULL);
}
