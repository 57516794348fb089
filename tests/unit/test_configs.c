/*
 * test_configs.c - the AWS CLI export readers on tricky inputs: BOM, CRLF,
 * empty arrays, missing keys, wrong types, huge numbers, invalid JSON,
 * unrecognised shapes, the size cap, and mapping resources to components.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "configs/configs.h"
#include "base/error.h"
#include "base/strbuf.h"

static const char assessment_xml[] =
	"<assessment questionnaire=\"ftr-dr\">\n"
	"  <product name=\"p\"/>\n"
	"  <components>\n"
	"    <component id=\"db\" criticality=\"critical\">\n"
	"      <resource>arn:aws:rds:ap-northeast-1:111122223333:cluster:ledger-prod</resource>\n"
	"      <objective disruption=\"data-corruption\" rpo=\"1h\" rto=\"2h\"/>\n"
	"    </component>\n"
	"    <component id=\"files\" criticality=\"critical\">\n"
	"      <resource>arn:aws:s3:::acme-invoices</resource>\n"
	"    </component>\n"
	"    <component id=\"files-archive\" criticality=\"non-critical\">\n"
	"      <resource>arn:aws:s3:::acme-invoices-archive</resource>\n"
	"    </component>\n"
	"    <component id=\"sessions\" criticality=\"non-critical\">\n"
	"      <resource>arn:aws:dynamodb:ap-northeast-1:111122223333:table/sessions</resource>\n"
	"    </component>\n"
	"    <component id=\"web\" criticality=\"critical\">\n"
	"      <resource>ledger-web</resource>\n"
	"    </component>\n"
	"  </components>\n"
	"</assessment>\n";

static struct config_file *read_str(struct config_set *set, const char *path, const char *json)
{
	return configs_read_memory(set, path, 1, json, strlen(json), CONFIG_MAX_BYTES);
}

static const struct config_resource *only_resource(const struct config_set *set)
{
	assert_int_equal(set->nr_resources, 1);
	return &set->resources[0];
}

static const struct config_fact *fact(const struct config_resource *r, const char *name)
{
	const struct config_fact *f = config_fact_get(r, name);
	if (!f)
		fail_msg("fact %s missing from %s", name, r->json_path);
	return f;
}

static void test_rds_cluster_bom_crlf(void **state)
{
	struct config_set set = { 0 };
	const struct config_resource *r;
	int64_t days = 0;
	struct config_file *f;
	(void)state;

	f = read_str(&set, "configs/rds.json",
		     "\xEF\xBB\xBF{\r\n  \"DBClusters\": [\r\n    {\"DBClusterIdentifier\": \"ledger-prod\",\r\n"
		     "     \"DBClusterArn\": \"arn:aws:rds:ap-northeast-1:111122223333:cluster:ledger-prod\",\r\n"
		     "     \"BackupRetentionPeriod\": 14, \"MultiAZ\": true, \"DeletionProtection\": false,\r\n"
		     "     \"AvailabilityZones\": [\"b\", \"a\", \"b\"],\r\n"
		     "     \"DBClusterMembers\": [{\"DBInstanceIdentifier\": \"w\"}, 7, \"x\"]}\r\n  ]\r\n}\r\n");
	assert_string_equal(f->kind, "rds-clusters");
	assert_string_equal(f->export_name, "aws rds describe-db-clusters");
	assert_int_equal(f->nr_problems, 0);
	r = only_resource(&set);
	assert_string_equal(r->kind, "rds-cluster");
	assert_string_equal(r->json_path, "$.DBClusters[0]");
	assert_string_equal(r->id, "ledger-prod");
	assert_string_equal(fact(r, "BackupRetentionPeriod")->json_path,
			    "$.DBClusters[0].BackupRetentionPeriod");
	assert_int_equal(config_fact_int(fact(r, "BackupRetentionPeriod"), 1000, &days), 1);
	assert_int_equal(days, 14);
	assert_int_equal(config_fact_bool(fact(r, "MultiAZ")), 1);
	assert_int_equal(config_fact_bool(fact(r, "DeletionProtection")), 0);
	/* Lists: distinct, sorted; non-object items of an object list are ignored. */
	assert_string_equal(fact(r, "AvailabilityZones")->value, "a,b");
	assert_int_equal(config_fact_list_count(fact(r, "AvailabilityZones")), 2);
	assert_string_equal(fact(r, "DBClusterMembers")->value, "w");
	/* Absent facts are not invented. */
	assert_null(config_fact_get(r, "LatestRestorableTime"));
	configs_free(&set);
}

static void test_wrong_types_and_huge_numbers(void **state)
{
	struct config_set set = { 0 };
	const struct config_resource *r;
	int64_t v = -1;
	(void)state;

	read_str(&set, "configs/rds.json",
		 "{\"DBInstances\": [{\"DBInstanceIdentifier\": \"a\", \"BackupRetentionPeriod\": \"seven\","
		 " \"MultiAZ\": \"yes\"},"
		 " {\"DBInstanceIdentifier\": \"b\", \"BackupRetentionPeriod\": 99999999999999999999},"
		 " {\"DBInstanceIdentifier\": \"c\", \"BackupRetentionPeriod\": 1e400},"
		 " {\"DBInstanceIdentifier\": \"d\", \"BackupRetentionPeriod\": -3},"
		 " {\"DBInstanceIdentifier\": \"e\", \"BackupRetentionPeriod\": 7.5},"
		 " {\"DBInstanceIdentifier\": 42, \"BackupRetentionPeriod\": 9223372036854775807},"
		 " {\"DBInstanceIdentifier\": \"g\", \"BackupRetentionPeriod\": null}]}");
	assert_int_equal(set.nr_resources, 7);
	r = &set.resources[0];
	assert_string_equal(fact(r, "BackupRetentionPeriod")->type, "text");
	assert_int_equal(config_fact_int(fact(r, "BackupRetentionPeriod"), 1000, &v), -1);
	assert_int_equal(config_fact_bool(fact(r, "MultiAZ")), -1);
	assert_int_equal(config_fact_int(fact(&set.resources[1], "BackupRetentionPeriod"), 1000, &v), -1);
	assert_int_equal(config_fact_int(fact(&set.resources[2], "BackupRetentionPeriod"), 1000, &v), -1);
	assert_int_equal(config_fact_int(fact(&set.resources[3], "BackupRetentionPeriod"), 1000, &v), -1);
	assert_int_equal(config_fact_int(fact(&set.resources[4], "BackupRetentionPeriod"), 1000, &v), -1);
	assert_int_equal(config_fact_int(fact(&set.resources[5], "BackupRetentionPeriod"), 1000, &v), -1);
	assert_string_equal(set.resources[5].id, "42");
	assert_string_equal(fact(&set.resources[6], "BackupRetentionPeriod")->type, "null");
	assert_int_equal(config_fact_int(fact(&set.resources[6], "BackupRetentionPeriod"), 1000, &v), -1);
	assert_int_equal(config_fact_int(NULL, 1000, &v), 0);
	configs_free(&set);
}

static void test_invalid_and_unrecognised(void **state)
{
	struct config_set set = { 0 };
	struct config_file *f;
	static const char nul[] = "{\"Status\": \"Enabled\"}\0garbage";
	(void)state;

	f = read_str(&set, "configs/broken.json", "{\"DBClusters\": [ {\"a\": 1}, ]}");
	assert_string_equal(f->kind, "unreadable");
	assert_null(f->export_name);
	assert_int_equal(f->nr_problems, 1);
	assert_non_null(strstr(f->problems[0].message, "not valid JSON"));

	f = read_str(&set, "configs/empty.json", "");
	assert_string_equal(f->kind, "unreadable");

	f = read_str(&set, "configs/other.json", "{\"Foo\": 1, \"Bar\": [2]}");
	assert_string_equal(f->kind, "unrecognised");
	assert_int_equal(f->nr_problems, 0);
	assert_string_equal(f->top_keys, "Foo, Bar");

	f = read_str(&set, "configs/array.json", "[{\"DBClusters\": []}]");
	assert_string_equal(f->kind, "unrecognised");
	assert_string_equal(f->top_keys, "a top-level array");

	f = configs_read_memory(&set, "configs/nul.json", 1, nul, sizeof(nul) - 1, CONFIG_MAX_BYTES);
	assert_string_equal(f->kind, "unreadable");
	assert_non_null(strstr(f->problems[0].message, "NUL"));

	f = configs_read_memory(&set, "configs/big.json", 1, "{}   ", 5, 4);
	assert_string_equal(f->kind, "unreadable");
	assert_non_null(strstr(f->problems[0].message, "limit"));

	/* deeper than SQLite's JSON nesting limit */
	{
		size_t depth = 3000, i;
		char *deep = malloc(2 * depth + 1);
		for (i = 0; i < depth; i++) {
			deep[i] = '[';
			deep[depth + i] = ']';
		}
		deep[2 * depth] = '\0';
		f = read_str(&set, "configs/deep.json", deep);
		free(deep);
		assert_string_equal(f->kind, "unreadable");
	}
	assert_int_equal(set.nr_resources, 0);
	configs_free(&set);
}

/* set.lang = "ja": why an export cannot be read is written in Japanese. */
static void test_problems_in_japanese(void **state)
{
	struct config_set set = { 0 };
	struct config_file *f;
	(void)state;
	set.lang = "ja";
	f = read_str(&set, "configs/broken.json", "{\"DBClusters\": [ {\"a\": 1}, ]}");
	assert_string_equal(f->problems[0].message,
			    "有効な JSON ではありません (または SQLite の JSON の入れ子の上限を超えています)");
	f = read_str(&set, "configs/none.json", "{\"DBClusters\": []}");
	assert_string_equal(f->problems[0].message,
			    "エクスポートに何も含まれていません ($.DBClusters が空です)");
	f = read_str(&set, "configs/array.json", "[1]");
	assert_string_equal(f->top_keys, "最上位が array");
	configs_free(&set);
}

static void test_empty_and_malformed_shapes(void **state)
{
	struct config_set set = { 0 };
	struct config_file *f;
	(void)state;

	f = read_str(&set, "configs/none.json", "{\"DBClusters\": []}");
	assert_string_equal(f->kind, "rds-clusters");
	assert_int_equal(f->nr_problems, 1);
	assert_non_null(strstr(f->problems[0].message, "is empty"));

	f = read_str(&set, "configs/obj.json", "{\"AutoScalingGroups\": {\"a\": 1}}");
	assert_int_equal(f->nr_problems, 1);
	assert_string_equal(f->problems[0].json_path, "$.AutoScalingGroups");
	assert_non_null(strstr(f->problems[0].message, "not an array"));

	f = read_str(&set, "configs/mixed.json",
		     "{\"NatGateways\": [\"nat-1\", {\"NatGatewayId\": \"nat-2\", \"State\": \"available\"}]}");
	assert_int_equal(f->nr_problems, 1);
	assert_string_equal(f->problems[0].json_path, "$.NatGateways[0]");
	assert_int_equal(f->nr_resources, 1);
	assert_string_equal(set.resources[0].id, "nat-2");

	f = read_str(&set, "configs/ddb.json", "{\"ContinuousBackupsDescription\": \"ENABLED\"}");
	assert_int_equal(f->nr_problems, 1);
	assert_non_null(strstr(f->problems[0].message, "not an object"));
	configs_free(&set);
}

static void test_backup_plan_and_selection(void **state)
{
	struct config_set set = { 0 };
	struct assessment a;
	const struct config_resource *rule;
	(void)state;

	assert_int_equal(assessment_load_memory(assessment_xml, sizeof(assessment_xml) - 1,
						"assessment.xml", &a), 0);
	read_str(&set, "configs/plan.json",
		 "{\"BackupPlan\": {\"BackupPlanName\": \"p\", \"Rules\": ["
		 "{\"RuleName\": \"hourly\", \"ScheduleExpression\": \"cron(0 * ? * * *)\","
		 " \"Lifecycle\": {\"DeleteAfterDays\": 35}, \"EnableContinuousBackup\": true,"
		 " \"CopyActions\": [{\"DestinationBackupVaultArn\": \"arn:aws:backup:ap-northeast-3:1:backup-vault:dr\"}]}]},"
		 " \"BackupPlanId\": \"plan-1\", \"BackupPlanArn\": \"arn:aws:backup:ap-northeast-1:1:backup-plan:plan-1\"}");
	read_str(&set, "configs/selection.json",
		 "{\"BackupSelection\": {\"SelectionName\": \"s\", \"Resources\": "
		 "[\"arn:aws:rds:ap-northeast-1:111122223333:cluster:*\"]}, \"BackupPlanId\": \"plan-1\"}");
	configs_match(&set, &a);
	rule = &set.resources[0];
	assert_string_equal(rule->kind, "backup-rule");
	assert_string_equal(rule->id, "hourly");
	assert_string_equal(rule->arn, "arn:aws:backup:ap-northeast-1:1:backup-plan:plan-1");
	assert_string_equal(fact(rule, "BackupPlanId")->json_path, "$.BackupPlanId");
	assert_string_equal(fact(rule, "DeleteAfterDays")->json_path,
			    "$.BackupPlan.Rules[0].Lifecycle.DeleteAfterDays");
	assert_string_equal(fact(rule, "CopyDestinations")->value,
			    "arn:aws:backup:ap-northeast-3:1:backup-vault:dr");
	/* the selection's wildcard covers the db component's cluster */
	assert_int_equal(config_resource_in(rule, "db"), 1);
	assert_int_equal(config_resource_in(rule, "files"), 0);
	/* matching twice changes nothing */
	configs_match(&set, &a);
	assert_int_equal(rule->nr_components, 1);
	configs_free(&set);
	assessment_free(&a);
}

static void test_matching_by_name_and_file(void **state)
{
	struct config_set set = { 0 };
	struct assessment a;
	(void)state;

	assert_int_equal(assessment_load_memory(assessment_xml, sizeof(assessment_xml) - 1,
						"assessment.xml", &a), 0);
	/* the longest bucket name in the file name wins: archive, not acme-invoices */
	read_str(&set, "configs/s3api-get-bucket-versioning-acme-invoices-archive.json", "{}");
	read_str(&set, "configs/versioning.acme-invoices.json", "{\"Status\": \"Suspended\"}");
	read_str(&set, "configs/dynamodb-sessions.json",
		 "{\"ContinuousBackupsDescription\": {\"PointInTimeRecoveryDescription\":"
		 " {\"PointInTimeRecoveryStatus\": \"ENABLED\"}}}");
	read_str(&set, "configs/no-name.json", "{\"Status\": \"Enabled\"}");
	read_str(&set, "configs/asg.json",
		 "{\"AutoScalingGroups\": [{\"AutoScalingGroupName\": \"ledger-web\","
		 " \"AutoScalingGroupARN\": \"arn:aws:autoscaling:r:1:autoScalingGroup:u:autoScalingGroupName/ledger-web\"}]}");
	configs_match(&set, &a);
	assert_int_equal(set.nr_resources, 5);
	assert_string_equal(set.resources[0].kind, "s3-versioning");
	assert_int_equal(config_resource_in(&set.resources[0], "files-archive"), 1);
	assert_int_equal(config_resource_in(&set.resources[0], "files"), 0);
	assert_null(config_fact_get(&set.resources[0], "Status")); /* {} = never enabled */
	assert_int_equal(config_resource_in(&set.resources[1], "files"), 1);
	assert_string_equal(set.resources[1].arn, "arn:aws:s3:::acme-invoices");
	assert_int_equal(config_resource_in(&set.resources[2], "sessions"), 1);
	assert_int_equal(set.resources[3].nr_components, 0);
	assert_null(set.resources[3].id);
	assert_int_equal(config_resource_in(&set.resources[4], "web"), 1);
	/* a name shared across services does not cross them: table "sessions" is no RDS cluster */
	read_str(&set, "configs/rds.json", "{\"DBClusters\": [{\"DBClusterIdentifier\": \"sessions\"}]}");
	configs_match(&set, &a);
	assert_int_equal(set.resources[5].nr_components, 0);
	configs_free(&set);
	assessment_free(&a);
}

static void test_arn_helpers(void **state)
{
	char region[32];
	(void)state;
	assert_string_equal(arn_name("arn:aws:rds:r:1:cluster:ledger-prod"), "ledger-prod");
	assert_string_equal(arn_name("arn:aws:s3:::bucket"), "bucket");
	assert_string_equal(arn_name("arn:aws:dynamodb:r:1:table/sessions"), "sessions");
	assert_string_equal(arn_name("plain"), "plain");
	arn_region("arn:aws:backup:ap-northeast-3:1:backup-vault:dr", region, sizeof(region));
	assert_string_equal(region, "ap-northeast-3");
	arn_region("arn:aws:s3:::bucket", region, sizeof(region));
	assert_string_equal(region, "");
	arn_region("not-an-arn", region, sizeof(region));
	assert_string_equal(region, "");
	arn_region("arn:aws", region, sizeof(region));
	assert_string_equal(region, "");
}

/* Issue 17 readers: the facts of full AWS CLI v2 outputs, matched by what they say. */
static void test_service_readers(void **state)
{
	static const char xml[] =
		"<assessment questionnaire=\"ftr-dr\"><product name=\"p\"/><components>\n"
		"<component id=\"api\" criticality=\"critical\"><resource>arn:aws:ecs:ap-northeast-1:"
		"111122223333:service/ledger-prod/ledger-api</resource></component>\n"
		"<component id=\"cache\" criticality=\"critical\"><resource>ledger-cache</resource></component>\n"
		"<component id=\"db\" criticality=\"critical\"><resource>arn:aws:rds:ap-northeast-1:"
		"111122223333:cluster:ledger-prod</resource></component>\n"
		"<component id=\"sessions\" criticality=\"critical\"><resource>arn:aws:dynamodb:"
		"ap-northeast-1:111122223333:table/ledger-sessions</resource></component>\n"
		"</components></assessment>\n";
	static const char *const names[] = {
		"ecs-describe-services.json", "elasticache-describe-replication-groups.json",
		"rds-describe-global-clusters.json", "dynamodb-describe-table.json",
		"efs-describe-file-systems.json",
	};
	struct config_set set = { 0 };
	struct assessment a;
	const struct config_resource *r;
	size_t i;
	(void)state;

	assert_int_equal(assessment_load_memory(xml, sizeof(xml) - 1, "assessment.xml", &a), 0);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char *path = xasprintf("tests/fixtures/configs/%s", names[i]);
		struct strbuf sb = STRBUF_INIT;
		FILE *f = fopen(path, "rb");
		char buf[4096];
		size_t n;
		assert_non_null(f);
		while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
			strbuf_add(&sb, buf, n);
		fclose(f);
		/* file names say nothing: configs/N.json */
		free(path);
		path = xasprintf("configs/%zu.json", i);
		assert_int_equal(configs_read_memory(&set, path, 1, sb.buf, sb.len, CONFIG_MAX_BYTES)->nr_problems, 0);
		free(path);
		strbuf_release(&sb);
	}
	configs_match(&set, &a);
	r = &set.resources[0];
	assert_string_equal(r->kind, "ecs-service");
	assert_string_equal(set.files[0].export_name, "aws ecs describe-services");
	assert_int_equal(config_resource_in(r, "api"), 1);
	assert_string_equal(fact(r, "subnets")->value,
			    "subnet-0aa11bb22cc33dd41,subnet-0aa11bb22cc33dd42,subnet-0aa11bb22cc33dd43");
	assert_int_equal(config_fact_bool(fact(r, "deploymentCircuitBreaker")), 1);
	r = &set.resources[1];
	assert_string_equal(r->kind, "elasticache-replication-group");
	assert_int_equal(config_resource_in(r, "cache"), 1);
	/* nested list: every PreferredAvailabilityZone under NodeGroups, distinct and sorted */
	assert_string_equal(fact(r, "NodeAvailabilityZones")->value,
			    "ap-northeast-1a,ap-northeast-1c,ap-northeast-1d");
	assert_string_equal(fact(r, "NodeAvailabilityZones")->json_path, "$.ReplicationGroups[0].NodeGroups");
	assert_string_equal(fact(r, "MultiAZ")->value, "enabled");
	/* the global database reaches db through its member cluster ARN */
	r = &set.resources[2];
	assert_string_equal(r->kind, "rds-global-cluster");
	assert_int_equal(config_resource_in(r, "db"), 1);
	r = &set.resources[3];
	assert_string_equal(r->kind, "dynamodb-table");
	assert_int_equal(config_resource_in(r, "sessions"), 1);
	assert_string_equal(fact(r, "Replicas")->value, "ap-northeast-3");
	/* One Zone file systems carry their AZ; Regional ones do not */
	assert_null(config_fact_get(&set.resources[4], "AvailabilityZoneName"));
	assert_string_equal(fact(&set.resources[5], "AvailabilityZoneName")->value, "ap-northeast-1a");
	configs_free(&set);
	assessment_free(&a);
}

/* Hostile shapes of the new readers: wrong types, missing lists, nested junk. */
static void test_service_readers_sloppy(void **state)
{
	struct config_set set = { 0 };
	(void)state;
	read_str(&set, "configs/e.json", "{\"services\": [{\"serviceName\": \"s\", \"desiredCount\": \"3\","
		 " \"networkConfiguration\": {\"awsvpcConfiguration\": {\"subnets\": \"subnet-1\"}}}], \"failures\": []}");
	assert_int_equal(set.nr_resources, 1);
	assert_string_equal(fact(&set.resources[0], "subnets")->type, "text");
	assert_int_equal(config_fact_list_count(fact(&set.resources[0], "subnets")), 0);
	read_str(&set, "configs/c.json", "{\"ReplicationGroups\": [{\"ReplicationGroupId\": \"g\","
		 " \"NodeGroups\": [{\"NodeGroupMembers\": [{\"PreferredAvailabilityZone\": null},"
		 " {\"PreferredAvailabilityZone\": [\"x\"]}, 7]}]}]}");
	assert_string_equal(fact(&set.resources[1], "NodeAvailabilityZones")->value, "");
	assert_int_equal(config_fact_list_count(fact(&set.resources[1], "NodeAvailabilityZones")), 0);
	read_str(&set, "configs/s.json", "{\"services\": []}");
	assert_int_equal(set.files[2].nr_problems, 1);
	/* the three plan shapes give rules */
	read_str(&set, "configs/p.json", "{\"BackupPlanName\": \"in\", \"Rules\": [{\"RuleName\": \"r\","
		 " \"CopyActions\": [{\"DestinationBackupVaultArn\": \"arn:aws:backup:us-east-1:1:backup-vault:v\"}]}]}");
	assert_string_equal(set.files[3].kind, "backup-plan-input");
	assert_string_equal(fact(&set.resources[2], "BackupPlanName")->value, "in");
	assert_string_equal(fact(&set.resources[2], "CopyDestinations")->value,
			    "arn:aws:backup:us-east-1:1:backup-vault:v");
	configs_free(&set);
}

/* Rules, snapshots and Trusted Advisor results: one resource each, tied to
 * components by the file name, the VolumeId, or the metadata. */
static void test_per_item_readers(void **state)
{
	static const char xml[] =
		"<assessment questionnaire=\"ftr-dr\"><product name=\"p\"/><components>\n"
		"<component id=\"docs\" criticality=\"critical\"><resource>arn:aws:s3:::acme-docs</resource></component>\n"
		"<component id=\"data\" criticality=\"critical\"><resource>arn:aws:ec2:ap-northeast-1:1:volume/vol-1</resource></component>\n"
		"<component id=\"report\" criticality=\"critical\"><resource>ledger-reporting</resource></component>\n"
		"</components></assessment>\n";
	struct config_set set = { 0 };
	struct assessment a;
	(void)state;
	assert_int_equal(assessment_load_memory(xml, sizeof(xml) - 1, "assessment.xml", &a), 0);
	read_str(&set, "configs/s3api-get-bucket-replication-acme-docs.json",
		 "{\"ReplicationConfiguration\": {\"Role\": \"arn:aws:iam::1:role/r\", \"Rules\": ["
		 "{\"ID\": \"a\", \"Status\": \"Enabled\", \"Destination\": {\"Bucket\": \"arn:aws:s3:::x\"}},"
		 "{\"ID\": \"b\", \"Status\": \"Disabled\", \"Destination\": {\"Bucket\": \"arn:aws:s3:::y\"}}]}}");
	read_str(&set, "configs/snaps.json", "{\"Snapshots\": [{\"SnapshotId\": \"snap-1\", \"VolumeId\": \"vol-1\","
		 " \"State\": \"completed\", \"StartTime\": \"2026-11-25T03:00:00.000000+00:00\"},"
		 " {\"SnapshotId\": \"snap-2\", \"VolumeId\": \"vol-2\"}]}");
	read_str(&set, "configs/ta.json", "{\"result\": {\"checkId\": \"c\", \"status\": \"warning\","
		 " \"flaggedResources\": [{\"status\": \"warning\", \"resourceId\": \"h\", \"isSuppressed\": false,"
		 " \"metadata\": [\"ap-northeast-1\", \"ledger-reporting\", null, 7]}]}}");
	/* a check that flags nothing is a clean result, not an empty export */
	read_str(&set, "configs/ta-clean.json", "{\"result\": {\"checkId\": \"c\", \"status\": \"ok\","
		 " \"flaggedResources\": []}}");
	assert_int_equal(set.files[3].nr_problems, 0);
	assert_string_equal(set.files[3].kind, "trusted-advisor-check-result");
	configs_match(&set, &a);
	assert_int_equal(set.nr_resources, 5);
	assert_string_equal(set.resources[0].kind, "s3-replication-rule");
	assert_string_equal(set.resources[0].json_path, "$.ReplicationConfiguration.Rules[0]");
	assert_int_equal(config_resource_in(&set.resources[0], "docs"), 1);
	assert_string_equal(fact(&set.resources[1], "Status")->value, "Disabled");
	assert_string_equal(fact(&set.resources[1], "Role")->json_path, "$.ReplicationConfiguration.Role");
	assert_int_equal(config_resource_in(&set.resources[2], "data"), 1);
	assert_int_equal(set.resources[3].nr_components, 0);
	assert_int_equal(config_resource_in(&set.resources[4], "report"), 1);
	assert_string_equal(fact(&set.resources[4], "checkId")->value, "c");
	configs_free(&set);
	assessment_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rds_cluster_bom_crlf),
		cmocka_unit_test(test_wrong_types_and_huge_numbers),
		cmocka_unit_test(test_invalid_and_unrecognised),
		cmocka_unit_test(test_empty_and_malformed_shapes),
		cmocka_unit_test(test_backup_plan_and_selection),
		cmocka_unit_test(test_matching_by_name_and_file),
		cmocka_unit_test(test_arn_helpers),
		cmocka_unit_test(test_problems_in_japanese),
		cmocka_unit_test(test_service_readers),
		cmocka_unit_test(test_service_readers_sloppy),
		cmocka_unit_test(test_per_item_readers),
	};
	error_quiet = 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
