/*
 * test_loaders.c - questionnaire and assessment loading: what a schema
 * cannot say (durations, paths, references) and what it can (structure).
 */
#include <string.h>

#include "unit.h"
#include "model/assessment.h"
#include "base/error.h"
#include "checks/checks.h"
#include "model/questionnaire.h"
#include "base/xmlload.h"

#define Q_HEAD "<questionnaire id='t' version='1'><title>T</title>"
#define CONTROL(id, check) \
	"<control id='" id "'><title>x</title><requirement>r</requirement>" check "</control>"

static int load_q(const char *xml, struct questionnaire *q)
{
	return questionnaire_load_memory(xml, strlen(xml), "q.xml", checks_known, q);
}

static int load_a(const char *xml, struct assessment *a)
{
	return assessment_load_memory(xml, strlen(xml), "assessment.xml", a);
}

static void test_questionnaire_shipped(void **state)
{
	struct questionnaire q;
	const struct control *c;
	long line;
	(void)state;
	assert_int_equal(questionnaire_load("questionnaires/ftr-dr.xml", checks_known, &q), 0);
	assert_string_equal(q.id, "ftr-dr");
	assert_int_equal(q.nr_controls, 9);
	assert_string_equal(q.controls[0].id, "DR-001");
	assert_string_equal(q.controls[8].id, "DR-009");
	c = questionnaire_find(&q, "DR-004");
	assert_non_null(c);
	assert_string_equal(check_param(&c->checks[0], "ceiling", &line), "PT24H");
	assert_true(line > 0);
	assert_non_null(strstr(text_pick(&c->requirement, "en"), "never exceed 24 hours"));
	assert_non_null(strstr(text_pick(&c->requirement, "ja"), "24 時間"));
	/* defaults reach every check */
	assert_non_null(check_param(&questionnaire_find(&q, "DR-009")->checks[0], "marker-outage-start", NULL));
	questionnaire_free(&q);

	assert_int_equal(questionnaire_load("questionnaires/ftr-current.xml", checks_known, &q), 0);
	assert_null(questionnaire_find(&q, "RES-003"));
	assert_non_null(questionnaire_find(&q, "BAR-002"));
	questionnaire_free(&q);
}

static void test_questionnaire_errors(void **state)
{
	struct questionnaire q;
	(void)state;
	assert_int_equal(load_q(Q_HEAD CONTROL("A-1", "<check name='no-such-check'/>")
				"</questionnaire>", &q), -1);
	assert_int_equal(load_q(Q_HEAD "</questionnaire>", &q), -1);             /* no control */
	assert_int_equal(load_q(Q_HEAD CONTROL("A-1", "<check name='rto-ceiling'/>")
				CONTROL("A-1", "<check name='rto-ceiling'/>")
				"</questionnaire>", &q), -1);                            /* duplicate id */
	assert_int_equal(load_q("<questionnaire", &q), -1);
	assert_int_equal(load_q("", &q), -1);
	assert_int_equal(load_q("<?xml version='1.0'?><!DOCTYPE q [<!ENTITY a 'b'>]>"
				Q_HEAD CONTROL("A-1", "<check name='rto-ceiling'/>")
				"</questionnaire>", &q), -1);
	assert_int_equal(load_q(Q_HEAD CONTROL("A-1", "<check name='rto-ceiling'/>")
				"</questionnaire>", &q), 0);
	questionnaire_free(&q);
}

static void test_text_pick(void **state)
{
	struct questionnaire q;
	(void)state;
	assert_int_equal(load_q("<questionnaire id='t' version='1'>"
				"<title xml:lang='ja'>日本語</title><title xml:lang='en'>English</title>"
				CONTROL("A-1", "<check name='rto-ceiling'/>") "</questionnaire>", &q), 0);
	assert_string_equal(text_pick(&q.title, "ja"), "日本語");
	assert_string_equal(text_pick(&q.title, "en"), "English");
	assert_string_equal(text_pick(&q.title, "fr"), "English");
	questionnaire_free(&q);
}

#define A_HEAD "<assessment timezone='+09:00'><product name='p'/><components>"
#define A_COMP(obj) "<component id='c' criticality='critical'>" obj "</component></components>"

static void test_assessment_sample(void **state)
{
	struct assessment a;
	const struct component *c;
	const struct objective *o;
	(void)state;
	assert_int_equal(assessment_load("evidence/assessment.xml", &a), 0);
	assert_string_equal(a.product, "acme-ledger");
	assert_int_equal(a.tz_offset_seconds, 9 * 3600);
	c = assessment_component(&a, "documents");
	assert_non_null(c);
	assert_true(c->critical);
	o = component_objective(c, "accidental-deletion");
	assert_non_null(o);
	assert_true(o->has_rpo);
	assert_int_equal(o->rpo_seconds, 3600);
	assert_int_equal(o->rto_seconds, 7200);
	assert_false(assessment_component(&a, "sessions")->critical);
	assert_true(a.nr_scenarios >= 4);
	assert_int_equal(a.scenarios[0].cadence.months, 3);
	assert_true(a.nr_changes >= 1);
	assert_non_null(assessment_statement(&a, "DR-001"));
	assessment_free(&a);
}

static void test_assessment_errors(void **state)
{
	struct assessment a;
	(void)state;
	/* unknown duration */
	assert_int_equal(load_a(A_HEAD A_COMP("<objective disruption='az' rto='soon'/>")
				"</assessment>", &a), -1);
	/* empty is "not stated", not an error */
	assert_int_equal(load_a(A_HEAD A_COMP("<objective disruption='az' rto='' rpo=''/>")
				"</assessment>", &a), 0);
	assert_false(a.components[0].objectives[0].has_rto);
	assessment_free(&a);
	/* unsafe paths */
	assert_int_equal(load_a(A_HEAD A_COMP("") "<scenarios><scenario id='s' component='c' "
				"disruption='az' cadence='monthly'><drill-log>../x.log</drill-log>"
				"</scenario></scenarios></assessment>", &a), -1);
	assert_int_equal(load_a(A_HEAD A_COMP("") "<scenarios><scenario id='s' component='c' "
				"disruption='az' cadence='monthly' runbook='/etc/passwd'/>"
				"</scenarios></assessment>", &a), -1);
	/* scenario naming an unknown component */
	assert_int_equal(load_a(A_HEAD A_COMP("") "<scenarios><scenario id='s' component='zz' "
				"disruption='az' cadence='monthly'/></scenarios></assessment>", &a), -1);
	/* bad cadence */
	assert_int_equal(load_a(A_HEAD A_COMP("") "<scenarios><scenario id='s' component='c' "
				"disruption='az' cadence='sometimes'/></scenarios></assessment>", &a), -1);
	/* duplicate disruption for one component (schema) */
	assert_int_equal(load_a(A_HEAD A_COMP("<objective disruption='az'/><objective disruption='az'/>")
				"</assessment>", &a), -1);
	/* bad timezone (schema) */
	assert_int_equal(load_a("<assessment timezone='+25:00'><product name='p'/><components>"
				"<component id='c' criticality='critical'/></components></assessment>", &a), -1);
	/* change on an unknown component */
	assert_int_equal(load_a(A_HEAD A_COMP("") "<major-changes><change date='2026-01-01' "
				"component='nope'>x</change></major-changes></assessment>", &a), -1);
}

static void test_relpath(void **state)
{
	const char *why;
	(void)state;
	assert_int_equal(relpath_check("drills/a.log", &why), 0);
	assert_int_equal(relpath_check("a", &why), 0);
	assert_int_equal(relpath_check("a/../b", &why), -1);
	assert_int_equal(relpath_check("..", &why), -1);
	assert_int_equal(relpath_check("/a", &why), -1);
	assert_int_equal(relpath_check("a//b", &why), -1);
	assert_int_equal(relpath_check("a/", &why), -1);
	assert_int_equal(relpath_check("./a", &why), -1);
	assert_int_equal(relpath_check("a\\b", &why), -1);
	assert_int_equal(relpath_check("a\nb", &why), -1);
	assert_int_equal(relpath_check("", &why), -1);
	assert_int_equal(relpath_check("..a/b..", &why), 0);
}

static void test_cadence(void **state)
{
	struct cadence c;
	const char *why;
	(void)state;
	assert_int_equal(cadence_parse("quarterly", &c, &why), 0);
	assert_int_equal(c.months, 3);
	assert_int_equal(cadence_parse("yearly", &c, &why), 0);
	assert_int_equal(c.months, 12);
	assert_int_equal(cadence_parse("weekly", &c, &why), 0);
	assert_int_equal(c.seconds, 7 * 86400);
	assert_int_equal(cadence_parse("90d", &c, &why), 0);
	assert_int_equal(c.months, 0);
	assert_int_equal(c.seconds, 90 * 86400);
	assert_int_equal(cadence_parse("0d", &c, &why), -1);
	assert_int_equal(cadence_parse("fortnightly", &c, &why), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_questionnaire_shipped),
		cmocka_unit_test(test_questionnaire_errors),
		cmocka_unit_test(test_text_pick),
		cmocka_unit_test(test_assessment_sample),
		cmocka_unit_test(test_assessment_errors),
		cmocka_unit_test(test_relpath),
		cmocka_unit_test(test_cadence),
	};
	error_quiet = 1;
	xml_init();
	return cmocka_run_group_tests_name("loaders", tests, NULL, NULL);
}
