/*
 * test_xmlload.c - the hardened XML loader against the classic attacks:
 * nothing external is ever read, no entity is ever expanded, depth and size
 * are bounded, and each failure is an error, not a crash or a hang.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "model/assessment.h"
#include "base/error.h"
#include "checks/checks.h"
#include "model/questionnaire.h"
#include "base/xmlload.h"

static int load_q(const char *text)
{
	struct questionnaire q;
	int rc = questionnaire_load_memory(text, strlen(text), "t.xml", checks_known, &q);
	if (rc == 0)
		questionnaire_free(&q);
	return rc;
}

static int load_a_len(const char *text, size_t len)
{
	struct assessment a;
	int rc = assessment_load_memory(text, len, "assessment.xml", &a);
	if (rc == 0)
		assessment_free(&a);
	return rc;
}

static void test_sample_loads(void **state)
{
	struct questionnaire q;
	struct assessment a;
	(void)state;
	assert_int_equal(questionnaire_load("questionnaires/ftr-dr.xml", checks_known, &q), 0);
	questionnaire_free(&q);
	assert_int_equal(assessment_load("evidence/assessment.xml", &a), 0);
	assessment_free(&a);
}

static void test_doctype_attacks(void **state)
{
	(void)state;
	/* XXE */
	assert_int_equal(load_q("<?xml version=\"1.0\"?>\n<!DOCTYPE q [<!ENTITY x SYSTEM "
				"\"file:///etc/passwd\">]>\n<questionnaire>&x;</questionnaire>"), -1);
	/* external DTD over http (127.0.0.1:9 would refuse; never tried anyway) */
	assert_int_equal(load_q("<?xml version=\"1.0\"?>\n<!DOCTYPE questionnaire SYSTEM "
				"\"http://127.0.0.1:9/x.dtd\">\n<questionnaire/>"), -1);
	/* billion laughs */
	assert_int_equal(load_q("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\">"
				"<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
				"<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
				"<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
				"<questionnaire>&d;</questionnaire>"), -1);
	/* a DOCTYPE without entities is refused as well */
	assert_int_equal(load_q("<!DOCTYPE questionnaire><questionnaire/>"), -1);
	/* an undeclared entity reference is not resolved from anywhere */
	assert_int_equal(load_q("<questionnaire>&ext;</questionnaire>"), -1);
	/* XInclude is never processed (and the schema has no place for it) */
	assert_int_equal(load_q("<questionnaire xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
				"<xi:include href=\"file:///etc/passwd\" parse=\"text\"/></questionnaire>"), -1);
}

static void test_depth_and_size(void **state)
{
	size_t n = 100000, i;
	char *deep = xmalloc(n * 7 + 1), *p = deep;
	(void)state;
	for (i = 0; i < n; i++, p += 3)
		memcpy(p, "<a>", 3);
	for (i = 0; i < n; i++, p += 4)
		memcpy(p, "</a>", 4);
	*p = '\0';
	assert_int_equal(load_a_len(deep, (size_t)(p - deep)), -1);
	free(deep);
	/* over the size limit: refused before parsing */
	xml_set_limits(XML_DEFAULT_MAX_DEPTH, 16);
	assert_int_equal(load_a_len("<assessment>   </assessment>", 28), -1);
	xml_set_limits(XML_DEFAULT_MAX_DEPTH, 0);
}

static void test_broken_documents(void **state)
{
	static const char garbage[] = "\x7f\x45\x4c\x46\x02\x01\x01\x00\xff\xfe\x00\x01<<>>";
	FILE *f;
	char buf[8192];
	size_t len;
	(void)state;
	assert_int_equal(load_a_len("", 0), -1);
	assert_int_equal(load_a_len(garbage, sizeof(garbage) - 1), -1);
	assert_int_equal(load_a_len("<?xml version=\"1.0\"?><assessment>\xff\xfe</assessment>", 49), -1);
	f = fopen("evidence/assessment.xml", "rb");
	assert_non_null(f);
	len = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	assert_true(len > 600);
	assert_int_equal(load_a_len(buf, 600), -1); /* truncated */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sample_loads),
		cmocka_unit_test(test_doctype_attacks),
		cmocka_unit_test(test_depth_and_size),
		cmocka_unit_test(test_broken_documents),
	};
	error_quiet = 1;
	xml_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
