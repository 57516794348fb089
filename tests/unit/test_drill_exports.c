/*
 * test_drill_exports.c - the structured drill readers: RDS describe-events
 * and FIS get-experiment JSON (through SQLite's JSON functions) and JUnit
 * XML (through the hardened libxml2 loader).
 */
#include "unit.h"
#include "drill_fixture.h"

static int64_t utc(int y, unsigned m, unsigned d, int h, int mi, int s)
{
	return days_from_civil(y, m, d) * 86400 + h * 3600 + mi * 60 + s;
}

static const char rds[] =
	"{\r\n  \"Events\": [\r\n"
	"    {\"SourceIdentifier\": \"ledger-prod\", \"Message\": \"Completed failover to DB instance: b\",\r\n"
	"     \"Date\": \"2026-09-16T01:01:31.902000+00:00\"},\r\n"
	"    {\"SourceIdentifier\": \"ledger-prod\", \"Message\": \"Started cross AZ failover to DB instance: b\",\r\n"
	"     \"Date\": \"2026-09-16T01:01:02.118000+00:00\"},\r\n"
	"    {\"Message\": \"DB instance restarted\", \"Date\": \"2026-09-16T01:01:24Z\"},\r\n"
	"    {\"Message\": \"Multi-AZ instance failover started.\", \"Date\": \"2026-11-01T23:58:00+09:00\"}\r\n"
	"  ]\r\n}";

static void test_rds_events_pairs_and_never_completed(void **state)
{
	struct fixture *f = *state;
	struct drill_record *r = read_str(f, drill_read_json, rds);
	assert_int_equal(f->set.nr, 2);
	/* events out of order in the file are taken in time order */
	assert_null(r->problem);
	assert_int_equal(r->source, DRILL_SOURCE_RDS);
	assert_int_equal(r->outage.epoch, utc(2026, 9, 16, 1, 1, 2));
	/* milliseconds kept: 29.784 s, rounded up to the whole second */
	assert_int_equal(r->recovery_ms, 29784);
	assert_int_equal(r->recovery_seconds, 30);
	assert_int_equal(r->outage.line, 6);
	assert_int_equal(r->restored.line, 4);
	assert_int_equal(r->outcome, DRILL_SUCCESS);
	assert_int_equal(r->tz_assumed, 0);
	/* the second failover never completed: the service never came back */
	r = &f->set.items[1];
	assert_int_equal(r->has_recovery, 0);
	assert_int_equal(r->outcome, DRILL_FAILURE);
	assert_int_equal(r->day, days_from_civil(2026, 11, 1));
}

static void test_json_problems(void **state)
{
	struct fixture *f = *state;
	struct drill_record *r;
	char big[600];
	r = read_str(f, drill_read_json, "{\"Events\": [ {\"Message\": ");
	assert_non_null(r->problem);
	assert_non_null(strstr(r->problem, "not valid JSON"));
	r = read_str(f, drill_read_json, "{\"DBClusters\": []}");
	assert_non_null(strstr(r->problem, "unknown kind"));
	r = read_str(f, drill_read_json, "{\"Events\": []}");
	assert_non_null(strstr(r->problem, "no failover in 0 RDS events"));
	r = read_str(f, drill_read_json,
		     "{\"Events\": [{\"Message\": \"Started cross AZ failover\", \"Date\": \"yesterday\"}]}");
	assert_non_null(strstr(r->problem, "is not a timestamp"));
	r = read_bytes(f, drill_read_json, "{\"a\":\0}", 7);
	assert_non_null(strstr(r->problem, "NUL"));
	memset(big, ' ', sizeof(big));
	f->rc.export_max = 512;
	r = read_bytes(f, drill_read_json, big, sizeof(big));
	f->rc.export_max = DRILL_EXPORT_MAX;
	assert_non_null(strstr(r->problem, "limit"));
}

static const char fis[] =
	"\xEF\xBB\xBF{\"experiment\": {\n"
	"  \"id\": \"EXP1\",\n"
	"  \"state\": {\"status\": \"completed\"},\n"
	"  \"actions\": {\n"
	"    \"verify-recovery\": {\"state\": {\"status\": \"completed\"},\n"
	"      \"startTime\": \"2026-10-21T14:06:05+09:00\", \"endTime\": \"2026-10-21T14:06:41+09:00\"},\n"
	"    \"stop-az1\": {\"state\": {\"status\": \"completed\"},\n"
	"      \"startTime\": \"2026-10-21T14:00:04+09:00\", \"endTime\": \"2026-10-21T14:20:06+09:00\"}\n"
	"  },\n"
	"  \"startTime\": \"2026-10-21T14:00:01.764000+09:00\",\n"
	"  \"endTime\": \"2026-10-21T14:20:07.455000+09:00\",\n"
	"  \"tags\": {\"scenario\": \"web-az-outage\"}\n"
	"}}\n";

static void test_fis_experiment(void **state)
{
	struct fixture *f = *state;
	struct drill_record *r = read_str(f, drill_read_json, fis); /* with a BOM */
	assert_null(r->problem);
	assert_int_equal(r->source, DRILL_SOURCE_FIS);
	assert_int_equal(r->outcome, DRILL_SUCCESS);
	assert_string_equal(r->scenario_named, "web-az-outage");
	assert_int_equal(r->outage.line, 8);
	assert_int_equal(r->restored.line, 6);
	assert_int_equal(r->recovery_seconds, 6 * 60 + 37);
	assert_int_equal(r->started.epoch, utc(2026, 10, 21, 5, 0, 1));
	assert_int_equal(r->ended.line, 11);
	assert_int_equal(r->line, 2);
}

static void test_fis_failed_and_without_recovery_action(void **state)
{
	struct fixture *f = *state;
	const char failed[] =
		"{\"experiment\": {\"state\": {\"status\": \"stopped\", \"reason\": \"stop condition\"},"
		" \"actions\": {\"stop-az1\": {\"startTime\": \"2026-10-21T05:00:04Z\","
		" \"endTime\": \"2026-10-21T05:03:00Z\", \"state\": {\"status\": \"cancelled\"}}},"
		" \"startTime\": \"2026-10-21T05:00:00Z\", \"endTime\": \"2026-10-21T05:03:10Z\"}}";
	struct drill_record *r = read_str(f, drill_read_json, failed);
	assert_null(r->problem);
	assert_int_equal(r->outcome, DRILL_FAILURE);
	/* no recovery action: restored when the experiment ended */
	assert_int_equal(r->recovery_seconds, 186);
	r = read_str(f, drill_read_json, "{\"experiment\": {\"id\": \"x\"}}");
	assert_non_null(r->problem);
}

static const char junit[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
	"<testsuites>\r\n"
	"  <testsuite name=\"pitr\" tests=\"2\" failures=\"0\" errors=\"0\" timestamp=\"2026-09-30T02:00:00\" time=\"1386.4\">\r\n"
	"    <properties>\r\n"
	"      <property name=\"scenario\" value=\"sessions-pitr-restore\"/>\r\n"
	"      <property name=\"last-recoverable-point\" value=\"2026-09-30T01:59:12\"/>\r\n"
	"      <property name=\"outage-start\" value=\"2026-09-30T02:00:05+09:00\"/>\r\n"
	"    </properties>\r\n"
	"    <testcase name=\"restore\" time=\"1300\"/>\r\n"
	"  </testsuite>\r\n"
	"  <testsuite name=\"again\" tests=\"1\" failures=\"1\" timestamp=\"2026-10-30T23:50:00Z\" time=\"900\">\r\n"
	"    <testcase name=\"restore\"><failure message=\"timeout\"/></testcase>\r\n"
	"  </testsuite>\r\n"
	"</testsuites>";

static void test_junit_suites(void **state)
{
	struct fixture *f = *state;
	struct drill_record *r = read_str(f, drill_read_junit, junit);
	assert_int_equal(f->set.nr, 2);
	assert_null(r->problem);
	assert_int_equal(r->line, 3);
	assert_string_equal(r->scenario_named, "sessions-pitr-restore");
	assert_int_equal(r->outcome, DRILL_SUCCESS);
	assert_int_equal(r->tz_assumed, 1);
	assert_int_equal(r->started.epoch, utc(2026, 9, 29, 17, 0, 0));
	assert_int_equal(r->outage.line, 7);
	/* restored = start + time (1386 s), outage at 02:00:05 */
	assert_int_equal(r->recovery_seconds, 1386 - 5);
	assert_int_equal(r->data_loss_seconds, 53);
	assert_int_equal(r->day, days_from_civil(2026, 9, 30));
	r = &f->set.items[1];
	assert_int_equal(r->outcome, DRILL_FAILURE);
	assert_int_equal(r->tz_assumed, 0);
	/* 23:50Z is the next morning in the assessment's +09:00 */
	assert_int_equal(r->day, days_from_civil(2026, 10, 31));
	assert_int_equal(r->recovery_seconds, 900);
}

static void test_junit_problems(void **state)
{
	struct fixture *f = *state;
	struct drill_record *r;
	r = read_str(f, drill_read_junit, "<testsuite name=\"x\">\n<testcase>\n</testsuite>");
	assert_non_null(strstr(r->problem, "not readable as JUnit XML"));
	assert_true(r->problem_line > 0);
	r = read_str(f, drill_read_junit,
		     "<!DOCTYPE t [<!ENTITY x \"y\">]>\n<testsuite timestamp=\"&x;\"/>");
	assert_non_null(strstr(r->problem, "DOCTYPE"));
	r = read_str(f, drill_read_junit, "<report><suite/></report>");
	assert_non_null(strstr(r->problem, "no <testsuite>"));
	r = read_str(f, drill_read_junit, "");
	assert_non_null(r->problem);
	r = read_str(f, drill_read_junit, "<testsuite tests=\"1\" timestamp=\"2026-09-30T02:00:00\" time=\"NaN\"/>");
	assert_non_null(strstr(r->problem, "not a number of seconds"));
}

/* A failed testcase is named: suite, testcase, message. */
static void test_junit_failure_named(void **state)
{
	struct fixture *f = *state;
	struct drill_record *r = read_str(f, drill_read_junit,
		"<testsuite name=\"dr-restore\" tests=\"2\" failures=\"1\" timestamp=\"2026-09-30T10:00:00\" time=\"60\">\n"
		"<testcase name=\"restore-completes\"/>\n"
		"<testcase name=\"rpo-within-target\">\n"
		"<failure message=\"data loss 31 min &gt; RPO 15 min\">details</failure>\n"
		"</testcase>\n</testsuite>\n");
	assert_int_equal(r->outcome, DRILL_FAILURE);
	assert_string_equal(r->failure_note, "suite dr-restore, testcase rpo-within-target (failure): "
			    "data loss 31 min > RPO 15 min");
	assert_int_equal(r->failure_line, 4);
	/* counts that say passed against a failed testcase: not judged */
	r = read_str(f, drill_read_junit,
		"<testsuite name=\"s\" tests=\"1\" failures=\"0\" timestamp=\"2026-09-30T10:00:00\" time=\"1\">\n"
		"<testcase name=\"t\"><error message=\"boom\"/></testcase></testsuite>\n");
	assert_int_equal(r->outcome, DRILL_UNKNOWN);
	assert_non_null(r->doubt);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rds_events_pairs_and_never_completed),
		cmocka_unit_test(test_json_problems),
		cmocka_unit_test(test_fis_experiment),
		cmocka_unit_test(test_fis_failed_and_without_recovery_action),
		cmocka_unit_test(test_junit_suites),
		cmocka_unit_test(test_junit_problems),
		cmocka_unit_test(test_junit_failure_named),
	};
	return cmocka_run_group_tests(tests, fixture_setup, fixture_teardown);
}
