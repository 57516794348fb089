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
#include "base/strbuf.h"

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

/* ---- issue 17: services partners run, never silent ------------------ */

#define FIX "tests/fixtures/configs/"

/* The whole fixture file as a string (caller frees). */
static char *fixture(const char *name)
{
	char *path = xasprintf(FIX "%s", name);
	FILE *f = fopen(path, "rb");
	struct strbuf sb = STRBUF_INIT;
	char buf[4096];
	size_t n;
	if (!f)
		fail_msg("cannot open %s", path);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	free(path);
	return strbuf_detach(&sb);
}

/* s with the first occurrence of from replaced by to (s is taken). */
static char *edited(char *s, const char *from, const char *to)
{
	char *at = strstr(s, from), *out;
	if (!at)
		fail_msg("fixture has no '%s'", from);
	out = xasprintf("%.*s%s%s", (int)(at - s), s, to, at + strlen(from));
	free(s);
	return out;
}

/* No finding of res contains text. */
static void no_finding_with(const struct check_result *res, const char *text)
{
	size_t i;
	for (i = 0; i < res->nr_findings; i++)
		if (strstr(res->findings[i].message, text))
			fail_msg("unexpected finding: %s", res->findings[i].message);
}

static void expect(const char *check, const char *comps, const char *const *exports,
		   enum verdict want, const char *text)
{
	struct check_result res;
	run_check(check, comps, exports, &res);
	if (res.verdict != want) {
		size_t i;
		for (i = 0; i < res.nr_findings; i++)
			print_message("  finding: %s\n", res.findings[i].message);
		fail_msg("%s: verdict %s, want %s", check, verdict_name(res.verdict), verdict_name(want));
	}
	finding_with(&res, text);
	no_finding_with(&res, "rds describe-db-clusters");
	result_free(&res);
}

static const char api[] =
	"<component id=\"api\" criticality=\"critical\">"
	"<resource>arn:aws:ecs:ap-northeast-1:111122223333:service/ledger-prod/ledger-api</resource>"
	"<objective disruption=\"az\" rpo=\"0m\" rto=\"15m\"/></component>\n";

static void test_ecs_service(void **state)
{
	char *ecs = fixture("ecs-describe-services.json");
	char *subnets = fixture("ec2-describe-subnets.json");
	char *nat = fixture("ec2-describe-nat-gateways.json");
	char *one_task = edited(fixture("ecs-describe-services.json"), "\"desiredCount\": 3",
				"\"desiredCount\": 1");
	char *no_breaker = edited(fixture("ecs-describe-services.json"), "\"enable\": true",
				  "\"enable\": false");
	const char *all[] = { "configs/ecs.json", ecs, "configs/subnets.json", subnets,
			      "configs/nat.json", nat, NULL };
	const char *single[] = { "configs/ecs.json", one_task, "configs/subnets.json", subnets,
				 "configs/nat.json", nat, NULL };
	const char *breaker[] = { "configs/ecs.json", no_breaker, "configs/subnets.json", subnets,
				  "configs/nat.json", nat, NULL };
	const char *no_subnets[] = { "configs/ecs.json", ecs, "configs/nat.json", nat, NULL };
	const char *no_nat[] = { "configs/ecs.json", ecs, "configs/subnets.json", subnets, NULL };
	(void)state;

	expect("config-availability", api, all, VERDICT_MET,
	       "service ledger-api places tasks in 3 AZs ($.services[0].networkConfiguration."
	       "awsvpcConfiguration.subnets → ap-northeast-1a,ap-northeast-1c,ap-northeast-1d) and "
	       "desires 3 tasks ($.services[0].desiredCount)");
	expect("config-availability", api, all, VERDICT_MET,
	       "stops and rolls back a deployment whose tasks fail");
	expect("config-availability", api, all, VERDICT_MET, "has an available NAT gateway in every AZ");
	expect("config-availability", api, single, VERDICT_NOT_MET, "desires 1 task(s)");
	expect("config-availability", api, breaker, VERDICT_MANUAL,
	       "no deployment circuit breaker with rollback");
	/* subnets not exported: never met, never silent */
	expect("config-availability", api, no_subnets, VERDICT_MANUAL,
	       "ledger-api: cannot judge: needs `aws ec2 describe-subnets --subnet-ids "
	       "subnet-0aa11bb22cc33dd41`");
	expect("config-availability", api, no_nat, VERDICT_MANUAL,
	       "needs `aws ec2 describe-nat-gateways`");
	/* nothing exported: the ECS command, not an RDS one */
	expect("config-availability", api, NULL, VERDICT_MANUAL,
	       "cannot judge: needs `aws ecs describe-services --cluster ledger-prod --services "
	       "ledger-api`, `aws ec2 describe-subnets`");
	free(ecs);
	free(subnets);
	free(nat);
	free(one_task);
	free(no_breaker);
}

/* NAT gateways name only a SubnetId: mapped through subnets, else cannot judge. */
static void test_nat_unmapped(void **state)
{
	char *subnets = fixture("ec2-describe-subnets.json");
	char *nat = fixture("ec2-describe-nat-gateways.json");
	char *ecs = fixture("ecs-describe-services.json");
	/* the public subnet of the 1c gateway is missing from the subnets export */
	char *partial = edited(subnets, "\"SubnetId\": \"subnet-0ee11ff22aa33bb02\"",
			       "\"SubnetId\": \"subnet-elsewhere\"");
	const char *exports[] = { "configs/ecs.json", ecs, "configs/subnets.json", partial,
				  "configs/nat.json", nat, NULL };
	(void)state;
	expect("config-availability", api, exports, VERDICT_MANUAL,
	       "NAT gateway nat-0a1b2c3d4e5f60002 sits in subnet subnet-0ee11ff22aa33bb02 whose AZ is "
	       "unknown: cannot judge: needs `aws ec2 describe-subnets --subnet-ids "
	       "subnet-0ee11ff22aa33bb02`");
	free(partial);
	free(nat);
	free(ecs);
}

static const char cache[] =
	"<component id=\"cache\" criticality=\"critical\">"
	"<resource>arn:aws:elasticache:ap-northeast-1:111122223333:replicationgroup:ledger-cache</resource>"
	"<objective disruption=\"az\" rpo=\"1h\" rto=\"15m\"/>"
	"<objective disruption=\"data-corruption\" rpo=\"%s\" rto=\"4h\"/></component>\n";

static void test_elasticache(void **state)
{
	char *json = fixture("elasticache-describe-replication-groups.json");
	char *single = edited(fixture("elasticache-describe-replication-groups.json"),
			      "\"MultiAZ\": \"enabled\"", "\"MultiAZ\": \"disabled\"");
	char *off = edited(fixture("elasticache-describe-replication-groups.json"),
			   "\"SnapshotRetentionLimit\": 7", "\"SnapshotRetentionLimit\": 0");
	char *two_days = xasprintf(cache, "2d"), *hourly = xasprintf(cache, "1h");
	const char *good[] = { "configs/ec.json", json, NULL };
	const char *bad[] = { "configs/ec.json", single, NULL };
	const char *none[] = { "configs/ec.json", off, NULL };
	(void)state;

	expect("config-availability", two_days, good, VERDICT_MET,
	       "replication group ledger-cache fails over to a replica in another AZ (MultiAZ = enabled, "
	       "AutomaticFailover = enabled, nodes in ap-northeast-1a,ap-northeast-1c,ap-northeast-1d");
	expect("config-availability", two_days, bad, VERDICT_NOT_MET,
	       "does not fail over to another AZ by itself (MultiAZ = disabled");
	/* daily snapshot within a 1-hour window: 25 h apart at worst */
	expect("config-recovery-points", two_days, good, VERDICT_MET,
	       "daily automatic snapshot of replication group ledger-cache "
	       "($.ReplicationGroups[0].SnapshotRetentionLimit = 7 days, window 15:00-16:00)");
	expect("config-recovery-points", hourly, good, VERDICT_NOT_MET, "25 h apart");
	expect("config-recovery-points", two_days, none, VERDICT_NOT_MET, "takes no automatic snapshots");
	/* nothing exported: the ElastiCache command, never an RDS one (the complaint) */
	expect("config-availability", two_days, NULL, VERDICT_MANUAL,
	       "cannot judge: needs `aws elasticache describe-replication-groups "
	       "--replication-group-id ledger-cache`");
	expect("config-recovery-points", two_days, NULL, VERDICT_MANUAL,
	       "cannot judge: needs `aws elasticache describe-replication-groups");
	free(json);
	free(single);
	free(off);
	free(two_days);
	free(hourly);
}

static const char files[] =
	"<component id=\"files\" criticality=\"critical\">"
	"<resource>arn:aws:elasticfilesystem:ap-northeast-1:111122223333:file-system/%s</resource>"
	"<objective disruption=\"az\" rpo=\"1h\" rto=\"15m\"/>"
	"<objective disruption=\"data-corruption\" rpo=\"%s\" rto=\"4h\"/></component>\n";

static void test_efs(void **state)
{
	char *fs = fixture("efs-describe-file-systems.json");
	char *policy = fixture("efs-describe-backup-policy-fs-0123456789abcdef0.json");
	char *disabled = edited(fixture("efs-describe-backup-policy-fs-0123456789abcdef0.json"),
				"ENABLED", "DISABLED");
	char *regional = xasprintf(files, "fs-0123456789abcdef0", "2d");
	char *daily = xasprintf(files, "fs-0123456789abcdef0", "1d");
	char *one_zone = xasprintf(files, "fs-0fedcba9876543210", "2d");
	const char *on[] = { "configs/efs-describe-file-systems.json", fs,
			     "configs/efs-describe-backup-policy-fs-0123456789abcdef0.json", policy, NULL };
	const char *off[] = { "configs/efs-describe-file-systems.json", fs,
			      "configs/efs-describe-backup-policy-fs-0123456789abcdef0.json", disabled,
			      NULL };
	(void)state;
	expect("config-availability", regional, on, VERDICT_MET, "regional service");
	expect("config-availability", one_zone, on, VERDICT_NOT_MET,
	       "file system fs-0fedcba9876543210 is One Zone ($.FileSystems[1].AvailabilityZoneName = "
	       "ap-northeast-1a)");
	/* automatic backups = AWS Backup's default plan: daily + 8 h start window = 32 h */
	expect("config-recovery-points", regional, on, VERDICT_MET, "AWS Backup's default EFS plan");
	expect("config-recovery-points", daily, on, VERDICT_NOT_MET, "32 h apart");
	expect("config-recovery-points", regional, off, VERDICT_NOT_MET,
	       "automatic backups of file system fs-0123456789abcdef0 are DISABLED");
	/* the one-zone file system has no backup policy export: cannot judge */
	expect("config-recovery-points", one_zone, on, VERDICT_MANUAL,
	       "cannot judge: needs `aws efs describe-backup-policy --file-system-id fs-0fedcba9876543210`");
	free(fs);
	free(policy);
	free(disabled);
	free(regional);
	free(daily);
	free(one_zone);
}

static void test_cross_region(void **state)
{
	static const char sessions[] =
		"<component id=\"sessions\" criticality=\"critical\">"
		"<resource>arn:aws:dynamodb:ap-northeast-1:111122223333:table/ledger-sessions</resource>"
		"<objective disruption=\"region\" rpo=\"1m\" rto=\"1h\"/></component>\n";
	static const char db[] =
		"<component id=\"db\" criticality=\"critical\">"
		"<resource>arn:aws:rds:ap-northeast-1:111122223333:cluster:ledger-prod</resource>"
		"<objective disruption=\"region\" rpo=\"1m\" rto=\"1h\"/></component>\n";
	static const char docs[] =
		"<component id=\"docs\" criticality=\"critical\">"
		"<resource>arn:aws:s3:::acme-ledger-invoices-prod</resource>"
		"<objective disruption=\"region\" rpo=\"1h\" rto=\"4h\"/></component>\n";
	char *table = fixture("dynamodb-describe-table.json");
	char *lonely = edited(fixture("dynamodb-describe-table.json"), "\"ap-northeast-3\"",
			      "\"ap-northeast-1\"");
	char *global = fixture("rds-describe-global-clusters.json");
	char *repl = fixture("s3api-get-bucket-replication-acme-ledger-invoices-prod.json");
	char *src = fixture("s3api-get-bucket-location-acme-ledger-invoices-prod.json");
	char *dst = fixture("s3api-get-bucket-location-acme-ledger-invoices-dr.json");
	char *no_rtc = edited(fixture("s3api-get-bucket-replication-acme-ledger-invoices-prod.json"),
			      "\"Status\": \"Enabled\",\n                        \"Time\"",
			      "\"Status\": \"Disabled\",\n                        \"Time\"");
	/* matched by the name inside the export, whatever the file is called */
	const char *t[] = { "configs/export-1.json", table, NULL };
	const char *t1[] = { "configs/export-1.json", lonely, NULL };
	const char *g[] = { "configs/export-2.json", global, NULL };
	const char *s3[] = { "configs/s3api-get-bucket-replication-acme-ledger-invoices-prod.json", repl,
			     "configs/s3api-get-bucket-location-acme-ledger-invoices-prod.json", src,
			     "configs/s3api-get-bucket-location-acme-ledger-invoices-dr.json", dst, NULL };
	const char *s3_half[] = { "configs/s3api-get-bucket-replication-acme-ledger-invoices-prod.json",
				  repl, "configs/s3api-get-bucket-location-acme-ledger-invoices-prod.json",
				  src, NULL };
	const char *s3_slow[] = { "configs/s3api-get-bucket-replication-acme-ledger-invoices-prod.json",
				  no_rtc, "configs/s3api-get-bucket-location-acme-ledger-invoices-prod.json",
				  src, "configs/s3api-get-bucket-location-acme-ledger-invoices-dr.json", dst,
				  NULL };
	const char *s3_mixed[] = {
		"configs/s3api-get-bucket-replication-acme-ledger-invoices-prod.json",
		"{\"ReplicationConfiguration\": {\"Role\": \"arn:aws:iam::1:role/r\", \"Rules\": ["
		"{\"ID\": \"off\", \"Status\": \"Disabled\", \"Destination\": {\"Bucket\": \"arn:aws:s3:::acme-ledger-invoices-dr\","
		" \"ReplicationTime\": {\"Status\": \"Enabled\"}}},"
		"{\"ID\": \"on\", \"Status\": \"Enabled\", \"Destination\": {\"Bucket\": \"arn:aws:s3:::acme-ledger-invoices-copy\"}}]}}",
		"configs/s3api-get-bucket-location-acme-ledger-invoices-prod.json", src,
		"configs/s3api-get-bucket-location-acme-ledger-invoices-dr.json", dst,
		"configs/s3api-get-bucket-location-acme-ledger-invoices-copy.json", src, NULL,
	};
	(void)state;
	expect("config-recovery-points", sessions, t, VERDICT_MET,
	       "global table ledger-sessions has replicas in ap-northeast-3 ($.Table.Replicas)");
	expect("config-recovery-points", sessions, t1, VERDICT_NOT_MET,
	       "table ledger-sessions has no replica in another Region");
	expect("config-recovery-points", sessions, NULL, VERDICT_MANUAL,
	       "cannot judge: needs `aws dynamodb describe-table --table-name ledger-sessions`");
	expect("config-recovery-points", db, g, VERDICT_MET,
	       "Aurora global database ledger-global has clusters in ap-northeast-1,ap-northeast-3");
	expect("config-recovery-points", db, NULL, VERDICT_MANUAL,
	       "cannot judge: needs `aws rds describe-global-clusters`");
	expect("config-recovery-points", docs, s3, VERDICT_MET,
	       "bucket acme-ledger-invoices-prod replicates to acme-ledger-invoices-dr in ap-northeast-3");
	expect("config-recovery-points", docs, s3_half, VERDICT_MANUAL,
	       "cannot judge: needs `aws s3api get-bucket-location --bucket acme-ledger-invoices-dr`");
	expect("config-recovery-points", docs, s3_slow, VERDICT_MANUAL,
	       "without S3 Replication Time Control");
	/* each rule on its own: a disabled rule to another Region does not lend an
	 * enabled same-Region rule its destination */
	expect("config-recovery-points", docs, s3_mixed, VERDICT_NOT_MET,
	       "a replication rule of bucket acme-ledger-invoices-prod is not enabled "
	       "($.ReplicationConfiguration.Rules[0].Status)");
	expect("config-recovery-points", docs, s3_mixed, VERDICT_NOT_MET,
	       "replicates to acme-ledger-invoices-copy in the same Region ap-northeast-1 "
	       "($.ReplicationConfiguration.Rules[1].Destination.Bucket)");
	free(table);
	free(lonely);
	free(global);
	free(repl);
	free(src);
	free(dst);
	free(no_rtc);
}

static const char two_rules[] =
	"{\"BackupPlan\": {\"BackupPlanName\": \"ledger\", \"Rules\": ["
	"{\"RuleName\": \"hourly\", \"ScheduleExpression\": \"cron(0 * ? * * *)\", \"StartWindowMinutes\": 60,"
	" \"Lifecycle\": {\"DeleteAfterDays\": 2}},"
	"{\"RuleName\": \"daily\", \"ScheduleExpression\": \"cron(0 3 * * ? *)\", \"StartWindowMinutes\": 60,"
	" \"Lifecycle\": {\"DeleteAfterDays\": %d}%s}]},"
	" \"BackupPlanId\": \"plan\", \"BackupPlanArn\": \"arn:aws:backup:ap-northeast-1:1:backup-plan:plan\"}";

static const char copy_action[] =
	", \"CopyActions\": [{\"Lifecycle\": {\"DeleteAfterDays\": 30},"
	" \"DestinationBackupVaultArn\": \"arn:aws:backup:ap-northeast-3:1:backup-vault:dr\"}]";

static void test_backup_semantics(void **state)
{
	static const char orders_all[] =
		"<component id=\"orders\" criticality=\"critical\">"
		"<resource>arn:aws:rds:ap-northeast-1:1:cluster:orders</resource>"
		"<objective disruption=\"data-corruption\" rpo=\"3h\" rto=\"4h\"/>"
		"<objective disruption=\"region\" rpo=\"2d\" rto=\"1d\"/></component>\n";
	char *year = xasprintf(two_rules, 365, copy_action), *short_ = xasprintf(two_rules, 3, "");
	char *other_plan = xasprintf(two_rules, 365, copy_action);
	const char *kept[] = { "configs/plan.json", year, "configs/sel.json", selection_json, NULL };
	const char *brief[] = { "configs/plan.json", short_, "configs/sel.json", selection_json, NULL };
	const char *unlinked[] = { "configs/plan.json", other_plan, NULL };
	const char *document[] = {
		"configs/tpl.json",
		"{\"BackupPlanDocument\": {\"BackupPlanName\": \"plan\", \"Rules\": [{\"RuleName\": \"d\","
		" \"ScheduleExpression\": \"cron(0 3 * * ? *)\", \"StartWindowMinutes\": 60,"
		" \"CopyActions\": [{\"DestinationBackupVaultArn\": \"arn:aws:backup:us-west-2:1:backup-vault:dr\"}]}]}}",
		NULL,
	};
	struct check_result res;
	(void)state;
	/* hourly kept 2 days + daily kept 365 days: judged together, nothing missing */
	run_check("config-recovery-points", orders_all, kept, &res);
	assert_int_equal(res.verdict, VERDICT_MET);
	finding_with(&res, "RPO 3 h can be met: recovery points at most 2 h apart");
	finding_with(&res, "copies to ap-northeast-3");
	no_finding_with(&res, "keeps recovery points");
	result_free(&res);
	/* both short: the longest is named, with how many settings were weighed */
	run_check("config-recovery-points", orders_all, brief, &res);
	assert_int_equal(res.verdict, VERDICT_NOT_MET);
	finding_with(&res, "daily keeps recovery points the longest, 3 d ($.BackupPlan.Rules[1]."
		     "Lifecycle.DeleteAfterDays = 3), of 2 retention settings");
	result_free(&res);
	/* a plan no selection links: a finding of its own, and the component cannot be judged */
	run_check("config-recovery-points", orders_all, unlinked, &res);
	assert_int_equal(res.verdict, VERDICT_MANUAL);
	finding_with(&res, "backup plan ledger (configs/plan.json) covers no component");
	finding_with(&res, "(which copy to another Region)");
	finding_with(&res, "orders (region, RPO 2 d): cannot judge: needs `aws rds describe-global-clusters`");
	no_finding_with(&res, "no exported backup rule copies");
	assert_non_null(strstr(res.summary, "1 component cannot be judged"));
	result_free(&res);
	/* CopyActions are read in the template shape too */
	run_check("config-recovery-points",
		  "<component id=\"orders\" criticality=\"critical\"><resource>plan</resource>"
		  "<objective disruption=\"region\" rpo=\"2d\" rto=\"1d\"/></component>\n",
		  document, &res);
	assert_int_equal(res.verdict, VERDICT_MET);
	finding_with(&res, "copies to us-west-2 ($.BackupPlanDocument.Rules[0].CopyActions)");
	result_free(&res);
	free(year);
	free(short_);
	free(other_plan);
}

static void test_load_balancing(void **state)
{
	char *ecs = fixture("ecs-describe-services.json");
	char *subnets = fixture("ec2-describe-subnets.json");
	char *nat = fixture("ec2-describe-nat-gateways.json");
	char *lb = fixture("elbv2-describe-load-balancers.json");
	char *tg = fixture("elbv2-describe-target-groups.json");
	char *th = fixture("elbv2-describe-target-health-ledger-api.json");
	char *tg_off = edited(fixture("elbv2-describe-target-groups.json"), "\"HealthCheckEnabled\": true",
			      "\"HealthCheckEnabled\": false");
	char *sick = edited(fixture("elbv2-describe-target-health-ledger-api.json"), "\"healthy\"",
			    "\"unhealthy\"");
	const char *all[] = { "configs/ecs.json", ecs, "configs/subnets.json", subnets, "configs/nat.json", nat,
			      "configs/lb.json", lb, "configs/tg.json", tg,
			      "configs/elbv2-describe-target-health-ledger-api.json", th, NULL };
	const char *off[] = { "configs/ecs.json", ecs, "configs/subnets.json", subnets, "configs/nat.json", nat,
			      "configs/lb.json", lb, "configs/tg.json", tg_off, NULL };
	const char *unhealthy[] = { "configs/ecs.json", ecs, "configs/subnets.json", subnets,
				    "configs/nat.json", nat, "configs/tg.json", tg,
				    "configs/elbv2-describe-target-health-ledger-api.json", sick, NULL };
	static const char alb_only[] =
		"<component id=\"front\" criticality=\"critical\"><resource>arn:aws:elasticloadbalancing:"
		"ap-northeast-1:111122223333:loadbalancer/app/ledger-alb/50dc6c495c0c9188</resource>"
		"<objective disruption=\"az\" rpo=\"0m\" rto=\"15m\"/></component>\n";
	const char *just_lb[] = { "configs/lb.json", lb, NULL };
	(void)state;
	/* the target group and load balancer reach api through the service's targetGroupArn */
	expect("config-availability", api, all, VERDICT_MET,
	       "load balancer ledger-alb serves from 3 AZs ($.LoadBalancers[0].AvailabilityZones = "
	       "ap-northeast-1a,ap-northeast-1c,ap-northeast-1d)");
	expect("config-availability", api, all, VERDICT_MET,
	       "target group ledger-api checks its targets' health ($.TargetGroups[0].HealthCheckEnabled = "
	       "true, path /healthz, every 15 s, unhealthy after 2)");
	expect("config-availability", api, all, VERDICT_MET, "every target in "
	       "configs/elbv2-describe-target-health-ledger-api.json is healthy (healthy)");
	expect("config-availability", api, off, VERDICT_NOT_MET, "target group ledger-api has health checks off");
	expect("config-availability", api, unhealthy, VERDICT_NOT_MET, "are not all healthy in 2 AZs "
	       "(states healthy,unhealthy");
	/* a load balancer alone shows its front, not the tier: cannot judge, asking for target health */
	expect("config-availability", alb_only, just_lb, VERDICT_MANUAL,
	       "cannot judge: needs `aws elbv2 describe-target-groups --load-balancer-arn arn:aws:");
	free(ecs);
	free(subnets);
	free(nat);
	free(lb);
	free(tg);
	free(th);
	free(tg_off);
	free(sick);
}

static const char volume[] =
	"<component id=\"data\" criticality=\"critical\">"
	"<resource>arn:aws:ec2:ap-northeast-1:111122223333:volume/vol-0a1b2c3d4e5f60001</resource>"
	"<resource>arn:aws:dlm:ap-northeast-1:111122223333:policy/policy-0a1b2c3d4e5f67890</resource>"
	"<objective disruption=\"data-corruption\" rpo=\"%s\" rto=\"4h\"/></component>\n";

static void test_snapshots_and_dlm(void **state)
{
	char *snaps = fixture("ec2-describe-snapshots.json");
	char *dlm = fixture("dlm-get-lifecycle-policy.json");
	char *disabled = edited(fixture("dlm-get-lifecycle-policy.json"), "\"State\": \"ENABLED\"",
				"\"State\": \"DISABLED\"");
	char *day = xasprintf(volume, "1d"), *six = xasprintf(volume, "6h");
	const char *both[] = { "configs/snap.json", snaps, "configs/dlm.json", dlm, NULL };
	const char *off[] = { "configs/snap.json", snaps, "configs/dlm.json", disabled, NULL };
	const char *only_snaps[] = { "configs/snap.json", snaps, NULL };
	(void)state;
	/* every 12 h + up to 1 h for DLM to start; the newest completed snapshot (the pending one
	 * does not count) is 20 h 59 min old at the end of 2026-11-25 */
	expect("config-recovery-points", day, both, VERDICT_MET,
	       "RPO 24 h can be met: recovery points at most 13 h apart from Data Lifecycle Manager policy "
	       "policy-0a1b2c3d4e5f67890");
	expect("config-recovery-points", day, both, VERDICT_MET,
	       "newest completed snapshot of vol-0a1b2c3d4e5f60001 is snap-0a1b2c3d4e5f60001");
	expect("config-recovery-points", six, both, VERDICT_NOT_MET, "older than the RPO");
	expect("config-recovery-points", day, off, VERDICT_NOT_MET,
	       "Data Lifecycle Manager policy policy-0a1b2c3d4e5f67890 is DISABLED");
	/* a recent snapshot is no schedule: never met by accident */
	expect("config-recovery-points", day, only_snaps, VERDICT_NOT_MET,
	       "none of its exported configurations gives recovery points");
	expect("config-recovery-points", day, NULL, VERDICT_MANUAL,
	       "cannot judge: needs `aws ec2 describe-snapshots --owner-ids self --filters "
	       "Name=volume-id,Values=vol-0a1b2c3d4e5f60001`");
	free(snaps);
	free(dlm);
	free(disabled);
	free(day);
	free(six);
}

static void test_trusted_advisor(void **state)
{
	static const char reporting[] =
		"<component id=\"reporting\" criticality=\"critical\">"
		"<resource>arn:aws:rds:ap-northeast-1:111122223333:db:ledger-reporting</resource>"
		"<objective disruption=\"az\" rpo=\"1m\" rto=\"15m\"/></component>\n";
	char *ta = fixture("support-describe-trusted-advisor-check-result.json");
	char *quiet = edited(fixture("support-describe-trusted-advisor-check-result.json"),
			     "\"isSuppressed\": false", "\"isSuppressed\": true");
	char *clean = edited(fixture("support-describe-trusted-advisor-check-result.json"),
			     "\"status\": \"warning\",\n                \"region\"",
			     "\"status\": \"ok\",\n                \"region\"");
	const char *flagged[] = { "configs/ta.json", ta, NULL };
	const char *suppressed[] = { "configs/ta.json", quiet, NULL };
	const char *ok[] = { "configs/ta.json", clean,
			     "configs/rds.json", "{\"DBInstances\": [{\"DBInstanceIdentifier\": \"ledger-reporting\","
			     " \"MultiAZ\": true}]}", NULL };
	(void)state;
	/* matched through the metadata naming the instance */
	expect("config-availability", reporting, flagged, VERDICT_NOT_MET,
	       "reporting: Trusted Advisor check f2iK5R6Dep flags 1Ck0LQsmY7lE6pOyT8fYlwqEC5JQ4hVv3WaeeIaE3xk "
	       "(status warning, Region ap-northeast-1");
	expect("config-availability", reporting, suppressed, VERDICT_MANUAL, "suppressed");
	expect("config-availability", reporting, ok, VERDICT_MET, "finds 1Ck0LQsmY7lE6pOyT8fYlwqEC5JQ4hVv3WaeeIaE3xk ok");
	free(ta);
	free(quiet);
	free(clean);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_backup_rules_against_rpo),
		cmocka_unit_test(test_pitr_and_versioning),
		cmocka_unit_test(test_availability),
		cmocka_unit_test(test_readable),
		cmocka_unit_test(test_runbooks),
		cmocka_unit_test(test_ecs_service),
		cmocka_unit_test(test_nat_unmapped),
		cmocka_unit_test(test_elasticache),
		cmocka_unit_test(test_efs),
		cmocka_unit_test(test_cross_region),
		cmocka_unit_test(test_backup_semantics),
		cmocka_unit_test(test_load_balancing),
		cmocka_unit_test(test_snapshots_and_dlm),
		cmocka_unit_test(test_trusted_advisor),
	};
	return cmocka_run_group_tests(tests, setup_q, teardown_q);
}
