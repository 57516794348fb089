/*
 * test_report_html.c - the HTML report drawn from a results database with
 * drill rows in it: one bar per measured drill, the RTO as one line, an
 * over-RTO bar marked in words, overdue scenarios marked, and the empty
 * states when the drills and scenario_status tables have no rows.
 *
 * The database is built by the real pipeline (assess_load_and_check on the
 * sample workspace, resultsdb_write); the drill rows are inserted here, as
 * the drill parser would.  The page is read back with libxml2 (it is
 * well-formed XML by construction) and checked with XPath, never by bytes.
 * Set FTRKIT_KEEP_HTML=DIR to keep the generated pages for a look.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "unit.h"
#include "fixtures.h"
#include "run/assess.h"
#include "base/atomicfile.h"
#include "model/calendar.h"
#include "base/error.h"
#include "reports/reports.h"
#include "results/resultsdb.h"

static const char drill_rows[] =
	"INSERT INTO drills (scenario, component, disruption, file, line, source, date,"
	" outcome, recovery_seconds, recovery_line, data_loss_seconds, stated_rto_seconds,"
	" stated_rpo_seconds, role) VALUES"
	" ('web-instance-failure','web','instance','drills/2026-10-07-web-instance-failure.md',9,"
	"  'text','2026-10-07','success',240,12,0,300,0,'latest-success'),"
	" ('db-az-failover','database','az','drills/2026-09-16-db-az-failover.md',11,"
	"  'text','2026-09-16','success',65,14,0,900,60,'latest-success'),"
	" ('db-az-failover','database','az','drills/2026-09-16-db-az-failover.md',11,"
	"  'text','2026-03-02','failure',1500,14,30,900,60,NULL),"
	" ('db-pitr-restore','database','data-corruption','drills/2026-08-20-db-pitr-restore.md',5,"
	"  'text','2026-08-20','success',5400,20,1800,7200,3600,'latest-success'),"
	" ('s3-accidental-deletion','documents','accidental-deletion',"
	"  'drills/2026-06-11-s3-accidental-deletion.md',5,'text','2026-06-11','unknown',"
	"  NULL,NULL,NULL,7200,3600,NULL);"
	"INSERT INTO scenario_status VALUES"
	" ('web-instance-failure','quarterly','2026-10-07','2027-01-07',0),"
	" ('db-az-failover','quarterly','2026-09-16','2026-12-16',0),"
	" ('db-pitr-restore','half-yearly','2026-08-20','2027-02-20',0),"
	" ('s3-accidental-deletion','yearly',NULL,'2025-06-11',1);";

static int setup(void **state)
{
	struct sample_run *fx = calloc(1, sizeof(*fx));

	if (!fx || sample_run_open(fx, "html", "index.html") < 0)
		return -1;
	/* start from no drill rows whatever the drill parser found in the sample */
	if (sqlite3_exec(fx->db, "DELETE FROM drills; DELETE FROM scenario_status;",
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

/* Generate index.html from fx->db and parse it back. */
/* The links as laid out in the review package (reports in data/). */
static const struct report_links package_links = { NULL };

static xmlDocPtr render(struct sample_run *fx, const char *keep_as)
{
	struct atomic_file af;
	const char *keep = getenv("FTRKIT_KEEP_HTML");
	xmlDocPtr doc;

	assert_int_equal(atomic_begin(&af, fx->out_path, 0644), 0);
	assert_int_equal(report_html(fx->db, &package_links, &af), 0);
	assert_int_equal(atomic_commit(&af), 0);
	if (keep) {
		char *cmd = xasprintf("cp '%s' '%s/%s'", fx->out_path, keep, keep_as);
		assert_int_equal(system(cmd), 0);
		free(cmd);
	}
	doc = xmlReadFile(fx->out_path, NULL, XML_PARSE_NONET);
	assert_non_null(doc);
	return doc;
}

static int count(xmlDocPtr doc, const char *xpath)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathObjectPtr res = xmlXPathEvalExpression(BAD_CAST xpath, ctx);
	int n;
	assert_non_null(res);
	n = res->nodesetval ? res->nodesetval->nodeNr : 0;
	xmlXPathFreeObject(res);
	xmlXPathFreeContext(ctx);
	return n;
}

static char *string(xmlDocPtr doc, const char *xpath)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathObjectPtr res = xmlXPathEvalExpression(BAD_CAST xpath, ctx);
	char *s;
	assert_non_null(res);
	s = xstrdup(res->stringval ? (const char *)res->stringval : "");
	xmlXPathFreeObject(res);
	xmlXPathFreeContext(ctx);
	return s;
}

static void empty_tables_say_so(void **state)
{
	struct sample_run *fx = *state;
	xmlDocPtr doc = render(fx, "empty.html");

	assert_int_equal(count(doc, "//p[contains(@class,'no-drills')]"), 1);
	assert_int_equal(count(doc, "//p[contains(@class,'no-calendar')]"), 1);
	assert_int_equal(count(doc, "//svg"), 0);
	/* objectives are still listed, measured values say "not measured" */
	assert_int_equal(count(doc, "//table[@class='objectives']/tbody/tr"), 9); /* 9 objectives of the sample's 5 components */
	assert_true(count(doc, "//table[@class='objectives']//td[.='not measured']") >= 9);
	xmlFreeDoc(doc);
}

static void chart_has_one_bar_per_measured_drill(void **state)
{
	struct sample_run *fx = *state;
	xmlDocPtr doc;
	char *s;

	assert_int_equal(sqlite3_exec(fx->db, drill_rows, NULL, NULL, NULL), SQLITE_OK);
	doc = render(fx, "drills.html");

	assert_int_equal(count(doc, "//p[contains(@class,'no-drills')]"), 0);
	/* five drills, four with a measured recovery time: four bars */
	assert_int_equal(count(doc, "//svg[contains(@class,'recovery')]//rect[contains(@class,'bar')]"), 4);
	/* the stated RTO is one line */
	assert_int_equal(count(doc, "//svg[contains(@class,'recovery')]//line[@class='rto']"), 1);
	/* the failed drill took 25 min against 15 min: over, and says so in words */
	assert_int_equal(count(doc, "//svg[contains(@class,'recovery')]//rect[@class='bar over']"), 1);
	s = string(doc, "string(//svg[contains(@class,'recovery')]//text[@class='val over'])");
	assert_non_null(strstr(s, "25 min / RTO 15 min"));
	assert_non_null(strstr(s, "exceeds"));
	free(s);

	/* timeline: four scenarios, one overdue, five dots (dated drills) */
	assert_int_equal(count(doc, "//svg[contains(@class,'timeline')]/g[contains(@class,'scenario')]"), 4);
	assert_int_equal(count(doc, "//svg[contains(@class,'timeline')]/g[@class='scenario overdue']"), 1);
	assert_int_equal(count(doc, "//svg[contains(@class,'timeline')]//circle"), 5);
	assert_int_equal(count(doc, "//svg[contains(@class,'timeline')]//circle[@class='dot failure']"), 2);
	s = string(doc, "string(//svg[contains(@class,'timeline')]/g[@class='scenario overdue']/text[contains(@class,'state')])");
	assert_string_equal(s, "overdue");
	free(s);
	assert_int_equal(count(doc, "//table[@class='calendar']/tbody/tr[@class='overdue']"), 1);

	/* objectives: measured values side by side with the stated ones */
	s = string(doc, "string(//table[@class='objectives']/tbody/tr[td[2]='instance'][1]/td[6])");
	assert_string_equal(s, "4 min within");
	free(s);
	assert_int_equal(count(doc, "//table[@class='drills']/tbody/tr"), 5);
	xmlFreeDoc(doc);
	/* the page with both charts is clean HTML5 for tidy too (tools/deps.sh installs it) */
	{
		char *cmd = xasprintf("tidy -e -q '%s' 2>&1", fx->out_path);
		assert_int_equal(system(cmd), 0);
		free(cmd);
	}
}

static void japanese_headings_and_durations(void **state)
{
	struct sample_run *fx = *state;
	xmlDocPtr doc;
	char *s;

	assert_int_equal(sqlite3_exec(fx->db, drill_rows, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(fx->db, "UPDATE run SET lang = 'ja'", NULL, NULL, NULL),
			 SQLITE_OK);
	doc = render(fx, "drills-ja.html");
	s = string(doc, "string(/html/@lang)");
	assert_string_equal(s, "ja");
	free(s);
	s = string(doc, "string(//section[@id='objectives']/h2)");
	assert_string_equal(s, "復旧目標");
	free(s);
	s = string(doc, "string(//table[@class='objectives']/tbody/tr[td[2]='data-corruption'][1]/td[6])");
	assert_string_equal(s, "1時間30分 以内");
	free(s);
	xmlFreeDoc(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(empty_tables_say_so, setup, teardown),
		cmocka_unit_test_setup_teardown(chart_has_one_bar_per_measured_drill, setup, teardown),
		cmocka_unit_test_setup_teardown(japanese_headings_and_durations, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
