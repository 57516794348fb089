/*
 * test_svg_chart.c - the SVG charts from plain arrays: bar lengths follow
 * the share of the RTO, an over-RTO bar says "exceeds" in words, a drill
 * without a stated RTO gets no bar, very long bars are cut and marked,
 * long (Japanese) labels are cut at a character boundary, and overdue
 * scenarios are marked in the timeline.  Output is parsed back with libxml2.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "unit.h"
#include "model/calendar.h"
#include "base/error.h"
#include "base/textwidth.h"
#include "reports/svg_chart.h"

static const struct chart_bar *g_bars;
static size_t g_nr;
static const struct timeline_row *g_rows;
static int64_t g_as_of;

static void draw_bars(struct xo *xo)
{
	svg_recovery_chart(xo, g_bars, g_nr, "en");
}

static void draw_timeline(struct xo *xo)
{
	svg_drill_timeline(xo, g_rows, g_nr, g_as_of, "ja");
}

static xmlDocPtr draw(void (*fn)(struct xo *))
{
	char path[] = "/tmp/ftrkit-svg.XXXXXX";
	struct atomic_file af = { NULL, NULL, -1, 0644 };
	struct xo xo;
	xmlDocPtr doc;
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	af.fd = fd;
	af.final_path = path;
	assert_int_equal(xo_open(&xo, &af, 0, 0), 0);
	fn(&xo);
	assert_int_equal(xo_close(&xo), 0);
	close(fd);
	doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
	unlink(path);
	assert_non_null(doc);
	return doc;
}

static char *eval(xmlDocPtr doc, const char *expr)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathObjectPtr res = xmlXPathEvalExpression(BAD_CAST expr, ctx);
	char *s;
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

static void bars_follow_share_of_rto(void **state)
{
	const struct chart_bar bars[] = {
		{ "half", "2026-01-01", 450, 900 },
		{ "double", "2026-02-01", 1800, 900 },
		{ "no rto", NULL, 60, -1 },
		{ "ten times", "2026-03-01", 9000, 900 },
	};
	xmlDocPtr doc;
	char *w_half, *w_double, *w_cut;
	(void)state;
	g_bars = bars;
	g_nr = 4;
	doc = draw(draw_bars);
	expect(doc, "count(//rect[contains(@class,'bar')])", "3");
	expect(doc, "count(//rect[@class='bar over'])", "2");
	expect(doc, "count(//line[@class='rto'])", "1");
	/* 3x RTO is the widest the scale goes; 10x is cut and marked */
	w_half = eval(doc, "string(//g[title[starts-with(.,'half')]]/rect/@width)");
	w_double = eval(doc, "string(//g[title[starts-with(.,'double')]]/rect/@width)");
	w_cut = eval(doc, "string(//g[title[starts-with(.,'ten')]]/rect/@width)");
	assert_true(atof(w_double) > 3.9 * atof(w_half) && atof(w_double) < 4.1 * atof(w_half));
	assert_true(atof(w_cut) > atof(w_double));
	xmlFree(w_half);
	xmlFree(w_double);
	xmlFree(w_cut);
	expect(doc, "string(//g[title[starts-with(.,'double')]]/text)",
	       "30 min / RTO 15 min · exceeds (200 %)");
	expect(doc, "string(//g[title[starts-with(.,'ten')]]/text)",
	       "2 h 30 min / RTO 15 min · exceeds (1000 %) ›");
	expect(doc, "string(//text[@class='val'][contains(.,'no stated RTO')])", "1 min (no stated RTO)");
	xmlFreeDoc(doc);
}

static void long_japanese_label_is_cut_on_a_character(void **state)
{
	const struct chart_bar bars[] = {
		{ "データ破損からのポイントインタイムリカバリとその後の整合性確認", "2026-08-20", 60, 600 },
	};
	xmlDocPtr doc;
	char *label;
	(void)state;
	g_bars = bars;
	g_nr = 1;
	doc = draw(draw_bars);
	label = eval(doc, "string(//text[@class='lbl'])");
	assert_true(display_width(label) <= 46);
	assert_non_null(strstr(label, "…"));
	assert_int_equal(strncmp(label, "2026-08-20 · データ破損", strlen("2026-08-20 · データ破損")), 0);
	xmlFree(label); /* valid UTF-8, or libxml2 would have refused to parse it */
	xmlFreeDoc(doc);
}

static void timeline_marks_overdue(void **state)
{
	const struct timeline_drill drills_a[] = { { 0, 1 }, { 0, 0 } };
	struct timeline_drill da[2];
	struct timeline_row rows[2];
	int64_t d1, d2, due, as_of;
	xmlDocPtr doc;
	(void)state;
	date_parse("2026-09-16", &d1);
	date_parse("2026-03-02", &d2);
	date_parse("2026-12-16", &due);
	date_parse("2026-11-25", &as_of);
	memcpy(da, drills_a, sizeof(da));
	da[0].day = d1;
	da[1].day = d2;
	rows[0] = (struct timeline_row){ "db-az-failover", "quarterly", d1, due, 0, da, 2 };
	rows[1] = (struct timeline_row){ "s3", "yearly", -1, d2, 1, NULL, 0 };
	g_rows = rows;
	g_nr = 2;
	g_as_of = as_of;
	doc = draw(draw_timeline);
	expect(doc, "count(//g[contains(@class,'scenario')])", "2");
	expect(doc, "count(//g[@class='scenario overdue'])", "1");
	expect(doc, "string(//g[@class='scenario overdue']/text[contains(@class,'state')])", "期限超過");
	expect(doc, "count(//g[@class='scenario overdue']/line[@class='due-missed'])", "2");
	expect(doc, "count(//circle[@class='dot success'])", "1");
	expect(doc, "count(//circle[@class='dot failure'])", "1");
	expect(doc, "count(//rect[@class='band'])", "1");
	expect(doc, "string(//text[@class='asof-label'])", "2026-11-25");
	xmlFreeDoc(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bars_follow_share_of_rto),
		cmocka_unit_test(long_japanese_label_is_cut_on_a_character),
		cmocka_unit_test(timeline_marks_overdue),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
