/*
 * test_report_xml.c - JUnit and OSCAL reports for verdicts the sample
 * workspace does not produce: a control set to manual and one set to not
 * applicable in the results database (reports read only the database, so
 * this is exactly what a run with such verdicts gives them).  JUnit must
 * give <skipped> with the reason; OSCAL must give satisfied /
 * not-satisfied with reason "other".  Both are read back by XPath.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "unit.h"
#include "fixtures.h"
#include "run/assess.h"
#include "base/atomicfile.h"
#include "model/calendar.h"
#include "base/error.h"
#include "reports/reports.h"
#include "results/resultsdb.h"

static int setup(void **state)
{
	struct sample_run *fx = calloc(1, sizeof(*fx));

	if (!fx || sample_run_open(fx, "xml", "report.xml") < 0)
		return -1;
	if (sqlite3_exec(fx->db,
			 "UPDATE controls SET verdict = 'manual', reason = 'a reviewer must judge the SLA'"
			 " WHERE id = 'DR-008';"
			 "UPDATE controls SET verdict = 'not-applicable', reason = 'no data <stored>'"
			 " WHERE id = 'DR-009';"
			 "UPDATE run SET met = 7, manual = 1, not_applicable = 1;",
			 NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct sample_run *fx = *state;
	sample_run_close(fx);
	free(fx);
	return 0;
}

/* The links as laid out in the review package (reports in data/). */
static const struct report_links package_links = { NULL };

static xmlDocPtr render(struct sample_run *fx, report_fn fn)
{
	struct atomic_file af;
	xmlDocPtr doc;
	assert_int_equal(atomic_begin(&af, fx->out_path, 0644), 0);
	assert_int_equal(fn(fx->db, &package_links, &af), 0);
	assert_int_equal(atomic_commit(&af), 0);
	doc = xmlReadFile(fx->out_path, NULL, XML_PARSE_NONET);
	assert_non_null(doc);
	return doc;
}

/* The XPath expr evaluated to a string (caller frees). */
static char *eval(xmlDocPtr doc, const char *expr)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathObjectPtr res;
	char *s;
	xmlXPathRegisterNs(ctx, BAD_CAST "o", BAD_CAST "http://csrc.nist.gov/ns/oscal/1.0");
	res = xmlXPathEvalExpression(BAD_CAST expr, ctx);
	assert_non_null(res);
	s = (char *)xmlXPathCastToString(res);
	xmlXPathFreeObject(res);
	xmlXPathFreeContext(ctx);
	return s;
}

static void expect(xmlDocPtr doc, const char *expr, const char *want)
{
	char *got = eval(doc, expr);
	if (strcmp(got, want) != 0)
		print_error("%s: got '%s', want '%s'\n", expr, got, want);
	assert_string_equal(got, want);
	xmlFree(got);
}

static void junit_skips_manual_and_not_applicable(void **state)
{
	struct sample_run *fx = *state;
	xmlDocPtr doc = render(fx, report_junit);

	expect(doc, "count(//testcase)", "9");
	expect(doc, "count(//testcase/skipped)", "2");
	expect(doc, "count(//testcase/failure)", "0");
	expect(doc, "string(/testsuites/testsuite/@skipped)", "2");
	expect(doc, "string(//testcase[starts-with(@name,'DR-008')]/skipped/@message)",
	       "manual: a reviewer must judge the SLA");
	expect(doc, "string(//testcase[starts-with(@name,'DR-009')]/skipped/@message)",
	       "not-applicable: no data <stored>");
	expect(doc, "string(//testcase[starts-with(@name,'DR-009')]/skipped/@type)", "not-applicable");
	xmlFreeDoc(doc);
}

static void oscal_states_for_every_verdict(void **state)
{
	struct sample_run *fx = *state;
	xmlDocPtr doc = render(fx, report_oscal);

	expect(doc, "count(//o:finding)", "9");
	expect(doc, "string(//o:finding[o:target/@target-id='DR-001']/o:target/o:status/@state)",
	       "satisfied");
	expect(doc, "string(//o:finding[o:target/@target-id='DR-001']/o:target/o:status/@reason)",
	       "pass");
	expect(doc, "string(//o:finding[o:target/@target-id='DR-008']/o:target/o:status/@state)",
	       "not-satisfied");
	expect(doc, "string(//o:finding[o:target/@target-id='DR-008']/o:target/o:status/@reason)",
	       "other");
	expect(doc, "string(//o:finding[o:target/@target-id='DR-009']/o:target/o:status/@state)",
	       "satisfied");
	expect(doc, "string(//o:finding[o:target/@target-id='DR-009']/o:target/o:status/@reason)",
	       "other");
	expect(doc, "normalize-space(//o:finding[o:target/@target-id='DR-009']/o:target/o:status/o:remarks)",
	       "no data <stored> (not-applicable)");
	/* every finding's related observations exist */
	expect(doc, "count(//o:related-observation[not(@observation-uuid = //o:observation/@uuid)])", "0");
	xmlFreeDoc(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(junit_skips_manual_and_not_applicable, setup, teardown),
		cmocka_unit_test_setup_teardown(oscal_states_for_every_verdict, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
