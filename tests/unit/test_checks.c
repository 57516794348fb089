/*
 * test_checks.c - each check on small, purpose-built statements, and the
 * rule that combines findings into verdicts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"
#include "model/calendar.h"
#include "checks/checks.h"
#include "base/error.h"
#include "base/xmlload.h"

static char workdir[] = "/tmp/ftrkit-checks-XXXXXX";

static void write_file(const char *rel, const char *content)
{
	char path[512];
	FILE *f;
	snprintf(path, sizeof(path), "%s/%s", workdir, rel);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(content, f);
	fclose(f);
}

/*
 * Run one control made of the given check XML against an assessment body
 * (components/scenarios/controls) and return its verdict; the run is kept
 * in *out for inspection (caller frees).
 */
static enum verdict run_control(const char *checks_xml, const char *assessment_xml,
				const char *maps_to, struct run_result *out)
{
	struct questionnaire q;
	struct assessment a;
	struct workspace ws;
	char *qxml = xasprintf(
		"<questionnaire id='t' version='1'><title>T</title>"
		"<control id='C-1'><title>t</title><requirement>r</requirement>%s%s</control>"
		"</questionnaire>", checks_xml, maps_to ? maps_to : "");
	int64_t as_of;
	enum verdict v;

	assert_int_equal(questionnaire_load_memory(qxml, strlen(qxml), "q.xml", checks_known, &q), 0);
	free(qxml);
	write_file("assessment.xml", assessment_xml);
	{
		char path[512];
		snprintf(path, sizeof(path), "%s/assessment.xml", workdir);
		assert_int_equal(assessment_load(path, &a), 0);
	}
	assert_int_equal(workspace_open(workdir, NULL, &ws), 0);
	assert_int_equal(workspace_classify(&ws, &a, "assessment.xml"), 0);
	date_parse("2026-11-25", &as_of);
	assert_int_equal(checks_run_all(&q, &a, "assessment.xml", &ws, NULL, as_of, "en", NULL, out), 0);
	v = out->controls[0].verdict;
	workspace_close(&ws);
	assessment_free(&a);
	questionnaire_free(&q);
	return v;
}

#define COMPONENTS(body) "<assessment><product name='p'/><components>" body "</components>"

static void test_objective_stated(void **state)
{
	struct run_result r;
	const char *check = "<check name='objective-stated'><param name='objective' value='rpo'/>"
			    "<param name='scope' value='critical'/></check>";
	(void)state;
	assert_int_equal(run_control(check, COMPONENTS(
		"<component id='a' criticality='critical'><objective disruption='az' rpo='5m'/></component>"
		"<component id='b' criticality='non-critical'/>") "</assessment>", NULL, &r),
		VERDICT_MET);
	run_result_free(&r);
	/* a critical component with an empty RPO */
	assert_int_equal(run_control(check, COMPONENTS(
		"<component id='a' criticality='critical'><objective disruption='az' rpo='' rto='5m'/></component>")
		"</assessment>", NULL, &r), VERDICT_NOT_MET);
	assert_non_null(strstr(r.controls[0].reason, "RPO not stated"));
	assert_int_equal(r.controls[0].checks[0].findings[0].line, 1);
	run_result_free(&r);
	/* a critical component with no objectives at all */
	assert_int_equal(run_control(check, COMPONENTS(
		"<component id='a' criticality='critical'/>") "</assessment>", NULL, &r), VERDICT_NOT_MET);
	run_result_free(&r);
	/* no critical component: not applicable */
	assert_int_equal(run_control(check, COMPONENTS(
		"<component id='b' criticality='non-critical'/>") "</assessment>", NULL, &r),
		VERDICT_NOT_APPLICABLE);
	run_result_free(&r);
}

static void test_rto_ceiling_boundary(void **state)
{
	struct run_result r;
	const char *check = "<check name='rto-ceiling'><param name='ceiling' value='PT24H'/></check>";
	(void)state;
	assert_int_equal(run_control(check, COMPONENTS(
		"<component id='a' criticality='critical'><objective disruption='region' rto='24h'/></component>")
		"</assessment>", NULL, &r), VERDICT_MET);
	run_result_free(&r);
	assert_int_equal(run_control(check, COMPONENTS(
		"<component id='a' criticality='critical'><objective disruption='region' rto='PT24H0M1S'/></component>")
		"</assessment>", NULL, &r), VERDICT_NOT_MET);
	assert_non_null(strstr(r.controls[0].reason, "exceeds the 24 h ceiling"));
	run_result_free(&r);
	/* a non-critical component may exceed it */
	assert_int_equal(run_control(check, COMPONENTS(
		"<component id='a' criticality='critical'><objective disruption='az' rto='1h'/></component>"
		"<component id='b' criticality='non-critical'><objective disruption='region' rto='3d'/></component>")
		"</assessment>", NULL, &r), VERDICT_MET);
	run_result_free(&r);
	/* a critical component without an RTO cannot show the ceiling */
	assert_int_equal(run_control(check, COMPONENTS(
		"<component id='a' criticality='critical'><objective disruption='az' rpo='1m'/></component>")
		"</assessment>", NULL, &r), VERDICT_NOT_MET);
	run_result_free(&r);
}

static void test_rto_ceiling_advice(void **state)
{
	struct run_result r;
	const char *check = "<check name='rto-ceiling'><param name='ceiling' value='PT24H'/>"
			    "<param name='advisory-target' value='PT1H'/></check>";
	(void)state;
	assert_int_equal(run_control(check, COMPONENTS(
		"<component id='a' criticality='critical'><objective disruption='az' rto='2h'/></component>")
		"</assessment>", NULL, &r), VERDICT_MET);
	assert_non_null(strstr(r.controls[0].checks[0].findings[0].message, "advice"));
	run_result_free(&r);
}

static void test_statement_crosswalk(void **state)
{
	struct run_result r;
	const char *check = "<check name='statement-provided'/>";
	(void)state;
	assert_int_equal(run_control(check, COMPONENTS("<component id='a' criticality='critical'/>")
		"<controls><control ref='DR-9' status='met'/></controls></assessment>",
		"<maps-to ref='DR-9'/>", &r), VERDICT_MET);
	assert_string_equal(r.controls[0].declared, "met");
	run_result_free(&r);
	assert_int_equal(run_control(check, COMPONENTS("<component id='a' criticality='critical'/>")
		"<controls><control ref='C-1'/></controls></assessment>", NULL, &r), VERDICT_NOT_MET);
	run_result_free(&r);
}

static void test_partner_evidence(void **state)
{
	struct run_result r;
	const char *check = "<check name='partner-evidence'/>";
	(void)state;
	write_file("doc.md", "plan\n");
	assert_int_equal(run_control(check, COMPONENTS("<component id='a' criticality='critical'/>")
		"<controls><control ref='C-1' status='met'><evidence>doc.md</evidence></control>"
		"</controls></assessment>", NULL, &r), VERDICT_MANUAL);
	assert_string_equal(r.controls[0].checks[0].findings[0].file, "doc.md");
	run_result_free(&r);
	assert_int_equal(run_control(check, COMPONENTS("<component id='a' criticality='critical'/>")
		"<controls><control ref='C-1' status='not-applicable'/></controls></assessment>",
		NULL, &r), VERDICT_NOT_APPLICABLE);
	run_result_free(&r);
	assert_int_equal(run_control(check, COMPONENTS("<component id='a' criticality='critical'/>")
		"</assessment>", NULL, &r), VERDICT_NOT_MET);
	run_result_free(&r);
}

static void test_combination(void **state)
{
	struct check_result cr;
	(void)state;
	memset(&cr, 0, sizeof(cr));
	check_result_settle(&cr);
	assert_int_equal(cr.verdict, VERDICT_NOT_APPLICABLE);
	finding_add(&cr, VERDICT_MET, NULL, 0, NULL, NULL, "ok");
	check_result_settle(&cr);
	assert_int_equal(cr.verdict, VERDICT_MET);
	finding_add(&cr, VERDICT_MANUAL, NULL, 0, NULL, NULL, "look");
	check_result_settle(&cr);
	assert_int_equal(cr.verdict, VERDICT_MANUAL);
	finding_add(&cr, VERDICT_NOT_MET, "f", 3, "c", "s", "bad %d", 1);
	check_result_settle(&cr);
	assert_int_equal(cr.verdict, VERDICT_NOT_MET);
	assert_string_equal(cr.findings[2].message, "bad 1");
	{
		struct run_result r;
		memset(&r, 0, sizeof(r));
		r.controls = calloc(1, sizeof(*r.controls));
		r.nr_controls = r.alloc_controls = 1;
		r.controls[0].checks = malloc(sizeof(cr));
		r.controls[0].checks[0] = cr;
		r.controls[0].nr_checks = r.controls[0].alloc_checks = 1;
		control_result_settle(&r.controls[0]);
		assert_string_equal(r.controls[0].reason, "bad 1");
		run_result_settle(&r);
		assert_int_equal(r.overall, VERDICT_NOT_MET);
		run_result_free(&r);
	}
	{
		enum verdict v;
		assert_int_equal(verdict_parse("not-applicable", &v), 0);
		assert_int_equal(v, VERDICT_NOT_APPLICABLE);
		assert_int_equal(verdict_parse("meh", &v), -1);
		assert_string_equal(verdict_label(VERDICT_NOT_MET, "ja"), "不適合");
	}
}

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(workdir))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", workdir);
	(void)state;
	if (system(cmd) != 0)
		return -1;
	free(cmd);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_objective_stated),
		cmocka_unit_test(test_rto_ceiling_boundary),
		cmocka_unit_test(test_rto_ceiling_advice),
		cmocka_unit_test(test_statement_crosswalk),
		cmocka_unit_test(test_partner_evidence),
		cmocka_unit_test(test_combination),
	};
	error_quiet = 1;
	xml_init();
	return cmocka_run_group_tests_name("checks", tests, setup, teardown);
}
