/*
 * test_waivers.c - waivers.xml against the shipped questionnaire, and how
 * waivers change verdicts: the expiry day is inclusive, a waived finding
 * keeps its message, a met control is never waived, and the verdict order
 * not met > manual > waived > met > not applicable.
 */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "checks/checks.h"
#include "model/calendar.h"
#include "model/questionnaire.h"
#include "model/results.h"
#include "model/waivers.h"

static struct questionnaire q;

static int load_q(void **state)
{
	(void)state;
	return questionnaire_load("questionnaires/ftr-dr.xml", checks_known, &q);
}

static int free_q(void **state)
{
	(void)state;
	questionnaire_free(&q);
	return 0;
}

static int load(const char *xml, struct waivers *w)
{
	return waivers_load_memory(xml, strlen(xml), "waivers.xml", &q, w);
}

/* A run of one control DR-004 whose one check has one finding of status v. */
static void one_control(struct run_result *r, enum verdict v, const char *component)
{
	struct control_result *c;
	memset(r, 0, sizeof(*r));
	ALLOC_GROW(r->controls, r->nr_controls, r->alloc_controls);
	c = &r->controls[r->nr_controls++];
	memset(c, 0, sizeof(*c));
	c->id = xstrdup("DR-004");
	c->declared = xstrdup("met");
	ALLOC_GROW(c->checks, c->nr_checks, c->alloc_checks);
	memset(&c->checks[0], 0, sizeof(c->checks[0]));
	c->checks[0].name = xstrdup("rto-ceiling");
	c->nr_checks = 1;
	finding_add(&c->checks[0], v, "assessment.xml", 12, component, NULL, "RTO 36 h exceeds 24 h");
	check_result_settle(&c->checks[0]);
	control_result_settle(c);
	run_result_settle(r);
}

static int64_t day(const char *text)
{
	int64_t d = 0;
	assert_int_equal(date_parse(text, &d), 0);
	return d;
}

static const char waiver_xml[] =
	"<waivers>\n"
	"  <waiver control=\"DR-004\" expires=\"2027-01-31\" approved-by=\"Head of Security\">\n"
	"    <justification>legacy</justification>\n"
	"  </waiver>\n"
	"</waivers>\n";

static void expiry_day_is_inclusive(void **state)
{
	struct waivers w;
	struct run_result r;
	(void)state;
	assert_int_equal(load(waiver_xml, &w), 0);
	assert_int_equal(w.nr, 1);
	assert_int_equal(w.items[0].line, 2);

	one_control(&r, VERDICT_NOT_MET, NULL);
	waivers_apply(&w, &r, day("2027-01-31"), "en");
	assert_int_equal(r.controls[0].verdict, VERDICT_WAIVED);
	assert_int_equal(r.controls[0].unwaived, VERDICT_NOT_MET);
	assert_int_equal(r.overall, VERDICT_MET);
	assert_int_equal(r.count[VERDICT_WAIVED], 1);
	/* the finding underneath is untouched */
	assert_int_equal(r.controls[0].checks[0].findings[0].status, VERDICT_NOT_MET);
	run_result_free(&r);

	one_control(&r, VERDICT_NOT_MET, NULL);
	waivers_apply(&w, &r, day("2027-02-01"), "en");
	assert_int_equal(r.controls[0].verdict, VERDICT_NOT_MET);
	assert_null(r.controls[0].waiver);
	assert_int_equal(r.controls[0].checks[0].nr_findings, 2);
	assert_string_equal(r.controls[0].checks[0].findings[1].message,
			    "waiver approved by Head of Security expired on 2027-01-31: legacy");
	assert_int_equal(r.overall, VERDICT_NOT_MET);
	run_result_free(&r);
	waivers_free(&w);
}

static void met_control_stays_met(void **state)
{
	struct waivers w;
	struct run_result r;
	(void)state;
	assert_int_equal(load(waiver_xml, &w), 0);
	one_control(&r, VERDICT_MET, NULL);
	waivers_apply(&w, &r, day("2026-11-25"), "en");
	assert_int_equal(r.controls[0].verdict, VERDICT_MET);
	assert_null(r.controls[0].waiver);
	run_result_free(&r);
	waivers_free(&w);
}

static void component_waiver_waives_only_its_findings(void **state)
{
	static const char xml[] =
		"<waivers><waiver control=\"DR-004\" check=\"rto-ceiling\" component=\"api\""
		" expires=\"2027-01-31\" approved-by=\"CTO\"><justification>x</justification>"
		"</waiver></waivers>";
	struct waivers w;
	struct run_result r;
	(void)state;
	assert_int_equal(load(xml, &w), 0);
	one_control(&r, VERDICT_NOT_MET, "db");
	waivers_apply(&w, &r, day("2026-11-25"), "en");
	assert_int_equal(r.controls[0].verdict, VERDICT_NOT_MET);
	run_result_free(&r);
	one_control(&r, VERDICT_NOT_MET, "api");
	waivers_apply(&w, &r, day("2026-11-25"), "en");
	assert_int_equal(r.controls[0].checks[0].findings[0].status, VERDICT_WAIVED);
	assert_string_equal(r.controls[0].checks[0].findings[0].message, "RTO 36 h exceeds 24 h");
	assert_int_equal(r.controls[0].verdict, VERDICT_WAIVED);
	run_result_free(&r);
	waivers_free(&w);
}

static void hostile_waivers_are_refused(void **state)
{
	static const char *const bad[] = {
		"<waivers><waiver control=\"DR-099\" expires=\"2027-01-31\" approved-by=\"a\">"
		"<justification>x</justification></waiver></waivers>",
		"<waivers><waiver control=\"DR-004\" check=\"nope\" expires=\"2027-01-31\" approved-by=\"a\">"
		"<justification>x</justification></waiver></waivers>",
		"<waivers><waiver control=\"DR-004\" expires=\"2027-02-29\" approved-by=\"a\">"
		"<justification>x</justification></waiver></waivers>",
		"<waivers><waiver control=\"DR-004\" expires=\"2027-01-31\" approved-by=\" \">"
		"<justification>x</justification></waiver></waivers>",
		"<waivers><waiver control=\"DR-004\" expires=\"2027-01-31\" approved-by=\"a\">"
		"<justification>\n\t </justification></waiver></waivers>",
		"<waivers><waiver control=\"DR-004\" expires=\"2027-01-31\" approved-by=\"a\"/></waivers>",
		"<!DOCTYPE w [<!ENTITY x \"y\">]><waivers/>",
		"<waivers>",
	};
	struct waivers w;
	size_t i;
	(void)state;
	error_quiet = 1;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memset(&w, 0x5a, sizeof(w));
		assert_int_equal(load(bad[i], &w), -1);
		assert_null(w.items);
	}
	error_quiet = 0;
}

static void verdict_order(void **state)
{
	struct check_result cr;
	(void)state;
	memset(&cr, 0, sizeof(cr));
	finding_add(&cr, VERDICT_MET, NULL, 0, NULL, NULL, "a");
	finding_add(&cr, VERDICT_WAIVED, NULL, 0, NULL, NULL, "b");
	check_result_settle(&cr);
	assert_int_equal(cr.verdict, VERDICT_WAIVED);
	finding_add(&cr, VERDICT_MANUAL, NULL, 0, NULL, NULL, "c");
	check_result_settle(&cr);
	assert_int_equal(cr.verdict, VERDICT_MANUAL);
	assert_string_equal(verdict_name(VERDICT_WAIVED), "waived");
	assert_string_equal(verdict_label(VERDICT_WAIVED, "ja"), "免除");
	for (size_t i = 0; i < cr.nr_findings; i++)
		free(cr.findings[i].message);
	free(cr.findings);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(expiry_day_is_inclusive),
		cmocka_unit_test(met_control_stays_met),
		cmocka_unit_test(component_waiver_waives_only_its_findings),
		cmocka_unit_test(hostile_waivers_are_refused),
		cmocka_unit_test(verdict_order),
	};
	return cmocka_run_group_tests(tests, load_q, free_q);
}
