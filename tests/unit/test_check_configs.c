/*
 * test_check_configs.c - the config and runbook checks against the shipped
 * DR-008 parameters (questionnaires/ftr-dr.xml): what a partner's exports
 * and runbooks must show for given objectives.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"
#include "checks/checks.h"
#include "model/calendar.h"
#include "base/error.h"

static struct questionnaire q;

static int setup_q(void **state)
{
	(void)state;
	error_quiet = 1;
	return questionnaire_load("questionnaires/ftr-dr.xml", checks_known, &q);
}

static int teardown_q(void **state)
{
	(void)state;
	questionnaire_free(&q);
	return 0;
}

static const struct check_spec *dr008_check(const char *name)
{
	const struct control *c = questionnaire_find(&q, "DR-008");
	size_t i;
	for (i = 0; c && i < c->nr_checks; i++)
		if (strcmp(c->checks[i].name, name) == 0)
			return &c->checks[i];
	fail_msg("DR-008 has no check %s", name);
	return NULL;
}

static void result_free(struct check_result *res)
{
	size_t i;
	for (i = 0; i < res->nr_findings; i++) {
		free(res->findings[i].message);
		free(res->findings[i].file);
		free(res->findings[i].component);
		free(res->findings[i].subject);
	}
	free(res->findings);
	free(res->summary);
	free(res->name);
	memset(res, 0, sizeof(*res));
}

/* The one finding whose message contains text; fails when none. */
static const struct finding *finding_with(const struct check_result *res, const char *text)
{
	size_t i;
	for (i = 0; i < res->nr_findings; i++)
		if (strstr(res->findings[i].message, text))
			return &res->findings[i];
	for (i = 0; i < res->nr_findings; i++)
		print_message("  finding: %s\n", res->findings[i].message);
	fail_msg("no finding contains '%s'", text);
	return NULL;
}

static const char head[] =
	"<assessment questionnaire=\"ftr-dr\"><product name=\"p\"/><components>\n";

/* Run check name of DR-008 over an assessment body and exports (path, json pairs). */
static void run_check(const char *name, const char *components, const char *const *exports,
		      struct check_result *res)
{
	struct assessment a;
	struct config_set set = { 0 };
	char *xml = xasprintf("%s%s</components></assessment>\n", head, components);
	struct check_ctx ctx;
	const struct check_spec *spec = dr008_check(name);
	size_t i;

	assert_int_equal(assessment_load_memory(xml, strlen(xml), "assessment.xml", &a), 0);
	free(xml);
	for (i = 0; exports && exports[i]; i += 2)
		configs_read_memory(&set, exports[i], 1, exports[i + 1], strlen(exports[i + 1]),
				    CONFIG_MAX_BYTES);
	configs_match(&set, &a);
	memset(&ctx, 0, sizeof(ctx));
	ctx.questionnaire = &q;
	ctx.assessment = &a;
	ctx.assessment_relpath = "assessment.xml";
	ctx.control = questionnaire_find(&q, "DR-008");
	ctx.as_of_day = days_from_civil(2026, 11, 25);
	ctx.lang = "en";
	ctx.configs = &set;
	memset(res, 0, sizeof(*res));
	res->name = xstrdup(name);
	assert_int_equal(check_find(name)->run(&ctx, spec, res), 0);
	check_result_settle(res);
	configs_free(&set);
	assessment_free(&a);
}

static const char orders[] =
	"<component id=\"orders\" criticality=\"critical\">"
	"<resource>arn:aws:rds:ap-northeast-1:1:cluster:orders</resource>"
	"<objective disruption=\"data-corruption\" rpo=\"1h\" rto=\"4h\"/></component>\n";

static const char plan_json[] =
	"{\"BackupPlan\": {\"BackupPlanName\": \"p\", \"Rules\": [{\"RuleName\": \"r\","
	" \"ScheduleExpression\": \"%s\", %s \"Lifecycle\": {\"DeleteAfterDays\": %d}}]},"
	" \"BackupPlanId\": \"plan\", \"BackupPlanArn\": \"arn:aws:backup:ap-northeast-1:1:backup-plan:plan\"}";

static const char selection_json[] =
	"{\"BackupSelection\": {\"SelectionName\": \"s\", \"Resources\": [\"arn:aws:rds:*:1:cluster:orders\"]},"
	" \"BackupPlanId\": \"plan\"}";

static void plan_case(const char *schedule, const char *extra, int keep_days,
		      enum verdict want, const char *text)
{
	struct check_result res;
	char *plan = xasprintf(plan_json, schedule, extra, keep_days);
	const char *exports[] = { "configs/plan.json", plan, "configs/sel.json", selection_json, NULL };
	run_check("config-recovery-points", orders, exports, &res);
	if (res.verdict != want)
		fail_msg("%s: verdict %s, want %s", schedule, verdict_name(res.verdict), verdict_name(want));
	finding_with(&res, text);
	result_free(&res);
	free(plan);
}

static void test_backup_rules_against_rpo(void **state)
{
	(void)state;
	plan_case("cron(0 3 * * ? *)", "\"StartWindowMinutes\": 60,", 35, VERDICT_NOT_MET,
		  "RPO 1 h cannot be met: the closest recovery points are 25 h apart");
	/* hourly, but the start window doubles the worst gap */
	plan_case("cron(0 * ? * * *)", "\"StartWindowMinutes\": 60,", 35, VERDICT_NOT_MET,
		  "2 h apart");
	/* no StartWindowMinutes: AWS waits up to 8 hours */
	plan_case("rate(1 hour)", "", 35, VERDICT_NOT_MET, "the AWS default");
	/* continuous backup of an RDS resource gives point-in-time recovery */
	plan_case("cron(0 3 * * ? *)", "\"EnableContinuousBackup\": true,", 35, VERDICT_MET,
		  "RPO 1 h can be met: recovery points at most 5 min apart");
	/* retention below the 7-day minimum, whatever the interval */
	plan_case("cron(0 3 * * ? *)", "\"EnableContinuousBackup\": true,", 3, VERDICT_NOT_MET,
		  "keeps recovery points for 3 d only ($.BackupPlan.Rules[0].Lifecycle.DeleteAfterDays = 3)");
	plan_case("cron(0 3 * * * *)", "", 35, VERDICT_NOT_MET, "exactly one of day-of-month");
	plan_case("cron(0 3 * * ? 2020)", "", 35, VERDICT_NOT_MET, "never runs after");
}

static void test_pitr_and_versioning(void **state)
{
	struct check_result res;
	static const char comps[] =
		"<component id=\"sessions\" criticality=\"non-critical\">"
		"<resource>arn:aws:dynamodb:r:1:table/sessions</resource>"
		"<objective disruption=\"data-corruption\" rpo=\"30m\" rto=\"4h\"/></component>\n"
		"<component id=\"files\" criticality=\"critical\">"
		"<resource>arn:aws:s3:::files-bucket</resource>"
		"<objective disruption=\"accidental-deletion\" rpo=\"1h\" rto=\"4h\"/></component>\n"
		"<component id=\"db\" criticality=\"critical\">"
		"<resource>db-1</resource>"
		"<objective disruption=\"accidental-deletion\" rpo=\"1h\" rto=\"4h\"/></component>\n";
	const char *exports[] = {
		"configs/ddb-sessions.json",
		"{\"ContinuousBackupsDescription\": {\"ContinuousBackupsStatus\": \"ENABLED\","
		" \"PointInTimeRecoveryDescription\": {\"PointInTimeRecoveryStatus\": \"DISABLED\"}}}",
		"configs/versioning-files-bucket.json", "{\"Status\": \"Suspended\"}",
		"configs/rds.json",
		"{\"DBInstances\": [{\"DBInstanceIdentifier\": \"db-1\", \"BackupRetentionPeriod\": \"14\","
		" \"DeletionProtection\": false}]}",
		NULL,
	};
	(void)state;
	run_check("config-recovery-points", comps, exports, &res);
	assert_int_equal(res.verdict, VERDICT_NOT_MET);
	assert_int_equal(finding_with(&res, "point-in-time recovery of table sessions is DISABLED")->status,
			 VERDICT_NOT_MET);
	finding_with(&res, "needed: nothing else meets the RPO");
	assert_string_equal(finding_with(&res, "versioning of bucket files-bucket is Suspended")->component,
			    "files");
	/* a retention written as a string is a wrong type, named with its path */
	finding_with(&res, "$.DBInstances[0].BackupRetentionPeriod is text '14', not a whole number of days");
	finding_with(&res, "DeletionProtection is not on ($.DBInstances[0].DeletionProtection)");
	result_free(&res);
}

static void test_availability(void **state)
{
	struct check_result res;
	static const char comps[] =
		"<component id=\"db\" criticality=\"critical\"><resource>orders</resource>"
		"<objective disruption=\"az\" rpo=\"1m\" rto=\"15m\"/></component>\n"
		"<component id=\"slow\" criticality=\"critical\"><resource>slow-db</resource>"
		"<objective disruption=\"az\" rpo=\"1m\" rto=\"4h\"/></component>\n";
	const char *multi_by_members[] = {
		"configs/c.json",
		"{\"DBClusters\": [{\"DBClusterIdentifier\": \"orders\", \"MultiAZ\": false},"
		" {\"DBClusterIdentifier\": \"slow-db\", \"MultiAZ\": false}]}",
		"configs/i.json",
		"{\"DBInstances\": [{\"DBInstanceIdentifier\": \"w\", \"DBClusterIdentifier\": \"orders\","
		" \"AvailabilityZone\": \"a\"}, {\"DBInstanceIdentifier\": \"r\", \"DBClusterIdentifier\":"
		" \"orders\", \"AvailabilityZone\": \"c\"}]}",
		NULL,
	};
	const char *single[] = {
		"configs/c.json", "{\"DBClusters\": [{\"DBClusterIdentifier\": \"orders\", \"MultiAZ\": false}]}",
		NULL,
	};
	(void)state;
	run_check("config-availability", comps, multi_by_members, &res);
	assert_int_equal(res.verdict, VERDICT_MET);
	finding_with(&res, "orders has a standby in another AZ ($.DBClusters[0].MultiAZ = false; instances in a,c)");
	/* the 4 h RTO is not "minutes": slow-db is not judged */
	assert_int_equal(res.nr_findings, 1);
	result_free(&res);

	run_check("config-availability", comps, single, &res);
	assert_int_equal(res.verdict, VERDICT_NOT_MET);
	finding_with(&res, "orders is not Multi-AZ ($.DBClusters[0].MultiAZ = false)");
	result_free(&res);

	/* nothing exported: cannot judge (manual, never met), counted in the summary */
	run_check("config-availability", comps, NULL, &res);
	assert_int_equal(res.verdict, VERDICT_MANUAL);
	finding_with(&res, "db (az, RTO 15 min): cannot judge: needs `sh configs/collect.sh");
	finding_with(&res, "no exported configuration shows it runs in 2 AZs");
	assert_non_null(strstr(res.summary, "1 component cannot be judged"));
	result_free(&res);
}

static void test_readable(void **state)
{
	struct check_result res;
	const char *exports[] = {
		"configs/odd.json", "{\"Foo\": 1}",
		"configs/ok.json", "{\"Status\": \"Enabled\"}",
		NULL,
	};
	const char *broken[] = { "configs/bad.json", "{", NULL };
	static const char one[] = "<component id=\"c\" criticality=\"critical\"/>";
	(void)state;
	run_check("configs-readable", one, exports, &res);
	assert_int_equal(res.verdict, VERDICT_MANUAL);
	finding_with(&res, "no reader understands configs/odd.json (top-level keys: Foo)");
	finding_with(&res, "'aws s3api get-bucket-versioning' export, 1 resource");
	result_free(&res);
	run_check("configs-readable", one, broken, &res);
	assert_int_equal(res.verdict, VERDICT_NOT_MET);
	assert_string_equal(finding_with(&res, "not valid JSON")->file, "configs/bad.json");
	result_free(&res);
}

/* ---- runbooks: a real workspace folder ---- */

static void write_file(const char *dir, const char *rel, const char *text)
{
	char *path = xasprintf("%s/%s", dir, rel);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	free(path);
}

static void runbook_case(const char *text, enum verdict want, const char *message)
{
	char dir[] = "/tmp/ftrkit-runbook.XXXXXX";
	static const char xml[] =
		"<assessment questionnaire=\"ftr-dr\"><product name=\"p\"/><components>"
		"<component id=\"c\" criticality=\"critical\"/></components><scenarios>"
		"<scenario id=\"s\" component=\"c\" disruption=\"az\" cadence=\"yearly\""
		" runbook=\"runbooks/s.md\"/></scenarios></assessment>";
	struct assessment a;
	struct workspace ws;
	struct check_ctx ctx;
	struct check_result res;
	char *sub, *cmd;

	assert_non_null(mkdtemp(dir));
	sub = xasprintf("%s/runbooks", dir);
	assert_int_equal(mkdir(sub, 0755), 0);
	free(sub);
	write_file(dir, "runbooks/s.md", text);
	write_file(dir, "assessment.xml", xml);
	assert_int_equal(assessment_load_memory(xml, strlen(xml), "assessment.xml", &a), 0);
	assert_int_equal(workspace_open(dir, NULL, &ws), 0);
	memset(&ctx, 0, sizeof(ctx));
	ctx.questionnaire = &q;
	ctx.assessment = &a;
	ctx.assessment_relpath = "assessment.xml";
	ctx.workspace = &ws;
	ctx.lang = "en";
	memset(&res, 0, sizeof(res));
	assert_int_equal(check_runbook_sections(&ctx, dr008_check("runbook-sections"), &res), 0);
	check_result_settle(&res);
	if (res.verdict != want)
		fail_msg("verdict %s, want %s", verdict_name(res.verdict), verdict_name(want));
	finding_with(&res, message);
	result_free(&res);
	workspace_close(&ws);
	assessment_free(&a);
	cmd = xasprintf("rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
}

static void test_runbooks(void **state)
{
	(void)state;
	/* Japanese headings, BOM, CRLF, full-width step numbers, no final newline */
	runbook_case("\xEF\xBB\xBF# 手順書: AZ 障害\r\n\r\n## 1. シナリオ\r\n本文\r\n## 事前準備\r\n"
		     "## 手順\r\n１．停止する\r\n２．確認する\r\n## 確認\r\n## 切り戻し\r\n### 連絡先",
		     VERDICT_MET, "steps (line 6)");
	/* "手順書" in the title is not the steps section; the real one is missing */
	runbook_case("# 手順書\n## シナリオ\n## 準備\n1. x\n## 確認\n## 切り戻し\n## 連絡先\n",
		     VERDICT_NOT_MET, "no 'steps' section");
	runbook_case("# Runbook\n## Scenario\n## Preparation\n## Recovery steps\n1) fail over\n"
		     "## Verification\n## Roll back\n## Escalation contacts\n",
		     VERDICT_MET, "contacts (line 8)");
	runbook_case("# Runbook\n## Scenario\n## Preparation\n## Recovery steps\n1) fail over\n"
		     "## Verification\n## Roll back\n## People to call\n",
		     VERDICT_NOT_MET, "no 'contacts' section");
	runbook_case("# Runbook\n## Scenario\n## Preparation\n## Steps\n- fail over\n"
		     "## Verification\n## Rollback\n## Contacts\n",
		     VERDICT_NOT_MET, "section 'steps' has no numbered steps");
	runbook_case("# Runbook\n## Scenario\n## Preparation\n## Steps\n1. go\n```\n## Verification\n```\n"
		     "## Rollback\n## Contacts\n",
		     VERDICT_NOT_MET, "no 'verification' section");
	runbook_case("", VERDICT_NOT_MET, "no 'scenario' section");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_backup_rules_against_rpo),
		cmocka_unit_test(test_pitr_and_versioning),
		cmocka_unit_test(test_availability),
		cmocka_unit_test(test_readable),
		cmocka_unit_test(test_runbooks),
	};
	return cmocka_run_group_tests(tests, setup_q, teardown_q);
}
