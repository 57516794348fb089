/*
 * test_check_template.c - the template-column check on small workbooks
 * written here with libzip (one sheet of inline strings each), against an
 * assessment with a web and a database component.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "unit.h"
#include "model/calendar.h"
#include "checks/checks.h"
#include "base/error.h"
#include "base/xmlload.h"

static char workdir[] = "/tmp/ftrkit-template-XXXXXX";

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

static void add_part(zip_t *z, const char *name, const char *text)
{
	zip_source_t *src = zip_source_buffer(z, text, strlen(text), 0);
	assert_non_null(src);
	assert_true(zip_file_add(z, name, src, ZIP_FL_OVERWRITE) >= 0);
}

/*
 * Write template.xlsx into the work folder: sheets named by names[] (NULL
 * terminated) each holding rows_xml[i] (the <sheetData> content).
 */
static void write_workbook(const char *const *names, const char *const *rows_xml)
{
	char path[512];
	char *parts[8] = { 0 };
	char sheets[1024] = "", rels[2048] = "";
	size_t i, n = 0;
	int err;
	zip_t *z;

	snprintf(path, sizeof(path), "%s/template.xlsx", workdir);
	z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	assert_non_null(z);
	for (i = 0; names[i]; i++, n++) {
		char name[64], *sheet;
		size_t len = strlen(sheets);
		snprintf(sheets + len, sizeof(sheets) - len,
			 "<sheet name='%s' sheetId='%zu' r:id='rId%zu'/>", names[i], i + 1, i + 1);
		len = strlen(rels);
		snprintf(rels + len, sizeof(rels) - len,
			 "<Relationship Id='rId%zu' Type='http://schemas.openxmlformats.org/"
			 "officeDocument/2006/relationships/worksheet' Target='worksheets/s%zu.xml'/>",
			 i + 1, i + 1);
		snprintf(name, sizeof(name), "xl/worksheets/s%zu.xml", i + 1);
		sheet = xasprintf("<worksheet xmlns='http://schemas.openxmlformats.org/"
				  "spreadsheetml/2006/main'><sheetData>%s</sheetData></worksheet>",
				  rows_xml[i]);
		parts[i] = sheet;
		add_part(z, name, sheet);
	}
	parts[n] = xasprintf("<workbook xmlns='http://schemas.openxmlformats.org/spreadsheetml/"
			     "2006/main' xmlns:r='http://schemas.openxmlformats.org/"
			     "officeDocument/2006/relationships'><sheets>%s</sheets></workbook>",
			     sheets);
	add_part(z, "xl/workbook.xml", parts[n]);
	parts[n + 1] = xasprintf("<Relationships xmlns='http://schemas.openxmlformats.org/"
				 "package/2006/relationships'>%s</Relationships>", rels);
	add_part(z, "xl/_rels/workbook.xml.rels", parts[n + 1]);
	assert_int_equal(zip_close(z), 0);
	for (i = 0; i < n + 2; i++)
		free(parts[i]);
}

/* One inline-string cell. */
#define C(ref, text) "<c r='" ref "' t='inlineStr'><is><t>" text "</t></is></c>"
#define HEADER(row) "<row r='" #row "'>" C("A" #row, "Component") C("B" #row, "Disruption") \
	C("C" #row, "Recovery Point") C("D" #row, "Recovery Time") "</row>"

static const char *assessment_with_template =
	"<assessment><product name='p'/><components>"
	"<component id='web' name='Web tier' criticality='critical'>"
	"<objective disruption='instance' rpo='0m' rto='5m'/>"
	"<objective disruption='az' rpo='0m' rto='15m'/></component>"
	"<component id='database' name='Ledger DB' criticality='critical'>"
	"<objective disruption='az' rpo='1m' rto='15m'/>"
	"<objective disruption='data-corruption' rpo='1h' rto='2h'/></component>"
	"</components><template path='template.xlsx'/></assessment>";

#define RPO_CHECK "<check name='template-column'><param name='objective' value='rpo'/>" \
	"<param name='column' value='^(Recovery\\s*Point|目標復旧時点)'/></check>"
#define RTO_CHECK "<check name='template-column'><param name='objective' value='rto'/>" \
	"<param name='column' value='^(Recovery\\s*Time|目標復旧時間)'/></check>"

/* Run one control of checks_xml; returns checks_run_all's result, *out kept. */
static int run(const char *checks_xml, const char *assessment_xml, struct run_result *out)
{
	struct questionnaire q;
	struct assessment a;
	struct workspace ws;
	char *qxml = xasprintf("<questionnaire id='t' version='1'><title>T</title>"
			       "<control id='C-1'><title>t</title><requirement>r</requirement>%s"
			       "</control></questionnaire>", checks_xml);
	char path[512];
	int64_t as_of;
	int rc;

	assert_int_equal(questionnaire_load_memory(qxml, strlen(qxml), "q.xml", checks_known, &q), 0);
	free(qxml);
	write_file("assessment.xml", assessment_xml);
	snprintf(path, sizeof(path), "%s/assessment.xml", workdir);
	assert_int_equal(assessment_load(path, &a), 0);
	assert_int_equal(workspace_open(workdir, NULL, &ws), 0);
	assert_int_equal(workspace_classify(&ws, &a, "assessment.xml"), 0);
	date_parse("2026-11-25", &as_of);
	rc = checks_run_all(&q, &a, "assessment.xml", &ws, NULL, as_of, "en", NULL, out);
	workspace_close(&ws);
	assessment_free(&a);
	questionnaire_free(&q);
	return rc;
}

static const struct check_result *only_check(const struct run_result *r)
{
	assert_int_equal(r->nr_controls, 1);
	assert_int_equal(r->controls[0].nr_checks, 1);
	return &r->controls[0].checks[0];
}

/* The first finding with this status, or fail. */
static const struct finding *finding_with(const struct check_result *cr, enum verdict v)
{
	size_t i;
	for (i = 0; i < cr->nr_findings; i++)
		if (cr->findings[i].status == v)
			return &cr->findings[i];
	fail_msg("no %s finding in %s", verdict_name(v), cr->name);
	return NULL;
}

static void one_sheet(const char *rows)
{
	const char *names[] = { "Resiliency", NULL };
	const char *body[] = { rows };
	write_workbook(names, body);
}

static void test_agreeing_values(void **state)
{
	struct run_result r;
	const struct check_result *cr;
	(void)state;
	one_sheet("<row r='1'>" C("A1", "Self-assessment") "</row>" HEADER(3)
		  "<row r='4'>" C("A4", "web") C("B4", "instance") C("C4", "0m") C("D4", "5 minutes") "</row>"
		  "<row r='5'>" C("A5", "Web tier") C("B5", "AZ failure") C("C5", "PT0S") C("D5", "15分") "</row>"
		  /* no disruption: the strictest value of the component */
		  "<row r='7'>" C("A7", " DATABASE ") C("C7", "1m") C("D7", "PT15M") "</row>"
		  /* a row naming no component: only the duration is checked */
		  "<row r='8'>" C("B8", "All other services") C("C8", "24h") "</row>"
		  /* an empty cell is not a value */
		  "<row r='9'>" C("A9", "database") C("C9", "  ") "</row>");
	assert_int_equal(run(RPO_CHECK, assessment_with_template, &r), 0);
	cr = only_check(&r);
	assert_int_equal(cr->verdict, VERDICT_MET);
	assert_int_equal(cr->nr_findings, 4);
	assert_string_equal(cr->findings[0].file, "template.xlsx");
	assert_int_equal(cr->findings[0].line, 4);
	assert_string_equal(cr->findings[0].subject, "C4");
	assert_string_equal(cr->findings[0].component, "web");
	assert_non_null(strstr(cr->findings[2].message, "database (strictest: az)"));
	assert_null(cr->findings[3].component);
	assert_non_null(strstr(cr->summary, "4 RPO cells"));
	run_result_free(&r);

	assert_int_equal(run(RTO_CHECK, assessment_with_template, &r), 0);
	assert_int_equal(only_check(&r)->verdict, VERDICT_MET);
	assert_int_equal(only_check(&r)->nr_findings, 3);
	run_result_free(&r);
}

/* A row naming a component the assessment does not have (another
 * product's workbook) is never agreement. */
static void test_unknown_component(void **state)
{
	struct run_result r;
	const struct finding *f;
	(void)state;
	one_sheet(HEADER(1)
		  "<row r='2'>" C("A2", "web") C("B2", "az") C("C2", "0m") C("D2", "15m") "</row>"
		  "<row r='3'>" C("A3", "billing") C("B3", "az") C("C3", "0m") C("D3", "15m") "</row>");
	assert_int_equal(run(RPO_CHECK, assessment_with_template, &r), 0);
	assert_int_equal(r.controls[0].verdict, VERDICT_NOT_MET);
	f = finding_with(only_check(&r), VERDICT_NOT_MET);
	assert_int_equal(f->line, 3);
	assert_string_equal(f->subject, "C3");
	assert_null(f->component);
	assert_non_null(strstr(f->message, "component 'billing', which assessment.xml does not have"));
	run_result_free(&r);
}

static void test_disagreement(void **state)
{
	struct run_result r;
	const struct finding *f;
	(void)state;
	one_sheet(HEADER(1)
		  "<row r='2'>" C("A2", "web") C("B2", "az") C("C2", "0m") C("D2", "15m") "</row>"
		  "<row r='3'>" C("A3", "database") C("B3", "data corruption") C("C3", "1h") C("D3", "24 hours") "</row>");
	assert_int_equal(run(RTO_CHECK, assessment_with_template, &r), 0);
	assert_int_equal(r.controls[0].verdict, VERDICT_NOT_MET);
	f = finding_with(only_check(&r), VERDICT_NOT_MET);
	assert_string_equal(f->subject, "D3");
	assert_int_equal(f->line, 3);
	assert_string_equal(f->component, "database");
	assert_string_equal(f->message, "template.xlsx: sheet 'Resiliency' cell D3: RTO 24 h "
			    "disagrees with assessment.xml line 1, which states 2 h for database "
			    "(data-corruption)");
	run_result_free(&r);
}

static void test_not_a_duration(void **state)
{
	struct run_result r;
	const struct finding *f;
	(void)state;
	one_sheet(HEADER(1) "<row r='12'>" C("A12", "web") C("C12", "?\?") "</row>");
	assert_int_equal(run(RPO_CHECK, assessment_with_template, &r), 0);
	f = finding_with(only_check(&r), VERDICT_NOT_MET);
	assert_string_equal(f->subject, "C12");
	assert_int_equal(f->line, 12);
	assert_non_null(strstr(f->message, "template.xlsx: sheet 'Resiliency' cell C12: '?\?' "
			       "is not a duration"));
	run_result_free(&r);
}

static void test_unknown_disruption_and_missing_objective(void **state)
{
	struct run_result r;
	const struct check_result *cr;
	(void)state;
	one_sheet(HEADER(1)
		  "<row r='2'>" C("A2", "web") C("B2", "region") C("C2", "5m") "</row>");
	assert_int_equal(run(RPO_CHECK, assessment_with_template, &r), 0);
	cr = only_check(&r);
	assert_int_equal(cr->verdict, VERDICT_NOT_MET);
	assert_non_null(strstr(finding_with(cr, VERDICT_NOT_MET)->message,
			       "states no objective for that disruption of web"));
	run_result_free(&r);

	/* the component states no RTO at all */
	one_sheet(HEADER(1) "<row r='2'>" C("A2", "web") C("D2", "5m") "</row>");
	assert_int_equal(run(RTO_CHECK,
		"<assessment><product name='p'/><components><component id='web' criticality='critical'>"
		"<objective disruption='az' rpo='1m'/></component></components>"
		"<template path='template.xlsx'/></assessment>", &r), 0);
	assert_non_null(strstr(finding_with(only_check(&r), VERDICT_NOT_MET)->message,
			       "assessment.xml states no RTO for web"));
	run_result_free(&r);
}

static void test_empty_and_missing_column(void **state)
{
	struct run_result r;
	const struct finding *f;
	(void)state;
	one_sheet(HEADER(2) "<row r='3'>" C("A3", "web") C("D3", "5m") "</row>");
	assert_int_equal(run(RPO_CHECK, assessment_with_template, &r), 0);
	f = finding_with(only_check(&r), VERDICT_NOT_MET);
	assert_string_equal(f->subject, "C2");
	assert_non_null(strstr(f->message, "column C (header C2) holds no RPO at all"));
	run_result_free(&r);

	one_sheet("<row r='1'>" C("A1", "Component") C("B1", "Response") "</row>");
	assert_int_equal(run(RPO_CHECK, assessment_with_template, &r), 0);
	f = finding_with(only_check(&r), VERDICT_NOT_MET);
	assert_non_null(strstr(f->message, "no column header matching"));
	run_result_free(&r);
}

static void test_sheets_and_japanese_headers(void **state)
{
	struct run_result r;
	const char *names[] = { "説明", "回復性", NULL };
	const char *body[] = {
		"<row r='1'>" C("A1", "記入方法: Recovery Point 列に RPO を記入") "</row>",
		"<row r='2'>" C("A2", "コンポーネント") C("B2", "障害種別") C("C2", "目標復旧時点 (RPO)")
		C("D2", "目標復旧時間 (RTO)") "</row>"
		"<row r='3'>" C("A3", "web") C("B3", "instance") C("C3", "0分") C("D3", "5分") "</row>",
	};
	(void)state;
	write_workbook(names, body);
	assert_int_equal(run(RTO_CHECK, assessment_with_template, &r), 0);
	assert_int_equal(only_check(&r)->verdict, VERDICT_MET);
	assert_non_null(strstr(only_check(&r)->findings[0].message, "sheet '回復性' cell D3"));
	run_result_free(&r);

	/* a sheet filter that matches no sheet */
	assert_int_equal(run("<check name='template-column'><param name='objective' value='rto'/>"
			     "<param name='column' value='^Recovery\\s*Time'/>"
			     "<param name='sheet' value='^Resiliency$'/></check>",
			     assessment_with_template, &r), 0);
	assert_non_null(strstr(finding_with(only_check(&r), VERDICT_NOT_MET)->message,
			       "no sheet whose name matches '^Resiliency$'"));
	run_result_free(&r);
}

static void test_no_template(void **state)
{
	struct run_result r;
	const struct check_result *cr;
	(void)state;
	assert_int_equal(run(RPO_CHECK, "<assessment><product name='p'/><components>"
			     "<component id='web' criticality='critical'/></components></assessment>",
			     &r), 0);
	cr = only_check(&r);
	assert_int_equal(cr->verdict, VERDICT_NOT_APPLICABLE);
	assert_non_null(strstr(cr->findings[0].message, "names no self-assessment template"));
	run_result_free(&r);
}

static void test_input_errors(void **state)
{
	struct run_result r;
	(void)state;
	/* a corrupt workbook is an input error, not a finding */
	write_file("template.xlsx", "PK\003\004 this is not really a zip");
	assert_int_equal(run(RPO_CHECK, assessment_with_template, &r), -1);
	/* so is a check without its column pattern, or a broken pattern */
	one_sheet(HEADER(1));
	assert_int_equal(run("<check name='template-column'/>", assessment_with_template, &r), -1);
	assert_int_equal(run("<check name='template-column'><param name='column' value='(('/></check>",
			     assessment_with_template, &r), -1);
	assert_int_equal(run("<check name='template-column'><param name='column' value='x'/>"
			     "<param name='objective' value='slo'/></check>",
			     assessment_with_template, &r), -1);
}

static int setup(void **state)
{
	(void)state;
	return mkdtemp(workdir) ? 0 : -1;
}

static int teardown(void **state)
{
	char path[512];
	(void)state;
	snprintf(path, sizeof(path), "%s/assessment.xml", workdir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/template.xlsx", workdir);
	unlink(path);
	return rmdir(workdir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_agreeing_values),
		cmocka_unit_test(test_unknown_component),
		cmocka_unit_test(test_disagreement),
		cmocka_unit_test(test_not_a_duration),
		cmocka_unit_test(test_unknown_disruption_and_missing_objective),
		cmocka_unit_test(test_empty_and_missing_column),
		cmocka_unit_test(test_sheets_and_japanese_headers),
		cmocka_unit_test(test_no_template),
		cmocka_unit_test(test_input_errors),
	};
	error_quiet = 1;
	xml_init();
	return cmocka_run_group_tests(tests, setup, teardown);
}
