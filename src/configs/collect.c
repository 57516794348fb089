/*
 * collect.c - the AWS CLI commands behind every export (see collect.h).
 */
#include <stdlib.h>
#include <string.h>

#include "configs/collect.h"
#include "configs/configs.h"
#include "base/error.h"
#include "base/banned.h"

/* The resource part of an ARN (after the fifth colon), or the name itself. */
static const char *resource_part(const char *arn)
{
	const char *p = arn;
	int i;
	if (strncmp(arn, "arn:", 4) != 0)
		return arn;
	for (i = 0; i < 5 && p; i++) {
		p = strchr(p, ':');
		if (p)
			p++;
	}
	return p ? p : arn;
}

/* The last name of a resource part: "cluster:ledger" / "table/x" / "service/c/s" -> last. */
static const char *last_name(const char *res)
{
	const char *c = strrchr(res, ':'), *s;
	res = c ? c + 1 : res;
	s = strrchr(res, '/');
	return s ? s + 1 : res;
}

static void add_cmd(struct strbuf *sb, char *cmd /* taken */)
{
	const char *have = strbuf_str(sb), *p;
	size_t n = strlen(cmd);
	for (p = strstr(have, cmd); p; p = strstr(p + 1, cmd))
		if ((p == have || p[-1] == '`') && (p[n] == '\0' || p[n] == '`')) {
			free(cmd);
			return;
		}
	if (sb->len)
		strbuf_addstr(sb, "`, `");
	strbuf_addstr(sb, cmd);
	free(cmd);
}

static void needed_for(const char *decl, enum config_purpose purpose, struct strbuf *sb)
{
	char svc[32];
	const char *res = resource_part(decl), *name = last_name(res);

	arn_service(decl, svc, sizeof(svc));
	if (strcmp(svc, "rds") == 0) {
		int cluster = strncmp(res, "cluster:", 8) == 0;
		if (purpose == CONFIG_FOR_REGION && cluster)
			add_cmd(sb, xstrdup("aws rds describe-global-clusters"));
		else if (cluster)
			add_cmd(sb, xasprintf("aws rds describe-db-clusters --db-cluster-identifier %s", name));
		else
			add_cmd(sb, xasprintf("aws rds describe-db-instances --db-instance-identifier %s", name));
		if (purpose == CONFIG_FOR_AZ && cluster)
			add_cmd(sb, xasprintf("aws rds describe-db-instances --filters "
					      "Name=db-cluster-id,Values=%s", name));
	} else if (strcmp(svc, "dynamodb") == 0) {
		if (purpose == CONFIG_FOR_RPO)
			add_cmd(sb, xasprintf("aws dynamodb describe-continuous-backups --table-name %s", name));
		else
			add_cmd(sb, xasprintf("aws dynamodb describe-table --table-name %s", name));
	} else if (strcmp(svc, "s3") == 0) {
		if (purpose == CONFIG_FOR_REGION) {
			add_cmd(sb, xasprintf("aws s3api get-bucket-replication --bucket %s", name));
			add_cmd(sb, xasprintf("aws s3api get-bucket-location --bucket %s", name));
		} else {
			add_cmd(sb, xasprintf("aws s3api get-bucket-versioning --bucket %s", name));
		}
	} else if (strcmp(svc, "elasticache") == 0) {
		add_cmd(sb, xasprintf("aws elasticache describe-replication-groups "
				      "--replication-group-id %s", name));
	} else if (strcmp(svc, "elasticfilesystem") == 0) {
		if (purpose == CONFIG_FOR_RPO)
			add_cmd(sb, xasprintf("aws efs describe-backup-policy --file-system-id %s", name));
		else
			add_cmd(sb, xasprintf("aws efs describe-file-systems --file-system-id %s", name));
	} else if (strcmp(svc, "ecs") == 0 && strncmp(res, "service/", 8) == 0) {
		const char *cl = res + 8, *slash = strchr(cl, '/');
		if (purpose == CONFIG_FOR_AZ) {
			add_cmd(sb, slash ? xasprintf("aws ecs describe-services --cluster %.*s --services %s",
						      (int)(slash - cl), cl, name)
					  : xasprintf("aws ecs describe-services --services %s", name));
			add_cmd(sb, xstrdup("aws ec2 describe-subnets"));
		}
	} else if (strcmp(svc, "ec2") == 0 && strncmp(res, "volume/", 7) == 0) {
		if (purpose == CONFIG_FOR_RPO) {
			add_cmd(sb, xasprintf("aws ec2 describe-snapshots --owner-ids self --filters "
					      "Name=volume-id,Values=%s", name));
			add_cmd(sb, xstrdup("aws dlm get-lifecycle-policy --policy-id POLICY_ID"));
		}
	} else if (strcmp(svc, "elasticloadbalancing") == 0) {
		if (purpose == CONFIG_FOR_AZ && strncmp(res, "targetgroup/", 12) == 0)
			add_cmd(sb, xasprintf("aws elbv2 describe-target-health --target-group-arn %s", decl));
		else if (purpose == CONFIG_FOR_AZ)
			add_cmd(sb, xasprintf("aws elbv2 describe-target-groups --load-balancer-arn %s` "
					      "and `aws elbv2 describe-target-health --target-group-arn TARGET_GROUP_ARN",
					      decl));
	} else if (strcmp(svc, "autoscaling") == 0) {
		if (purpose == CONFIG_FOR_AZ) {
			add_cmd(sb, xasprintf("aws autoscaling describe-auto-scaling-groups "
					      "--auto-scaling-group-names %s", name));
			add_cmd(sb, xstrdup("aws ec2 describe-subnets"));
			add_cmd(sb, xstrdup("aws ec2 describe-nat-gateways"));
		}
	}
}

/* AWS Backup: what protects what the other services' own features do not. */
static void backup_commands(struct strbuf *sb)
{
	add_cmd(sb, xstrdup("aws backup get-backup-plan --backup-plan-id PLAN_ID"));
	add_cmd(sb, xstrdup("aws backup get-backup-selection --backup-plan-id PLAN_ID "
			    "--selection-id SELECTION_ID"));
}

void configs_needed(const struct component *c, enum config_purpose purpose, struct strbuf *sb)
{
	size_t i, before = sb->len;
	int arns = 0;
	for (i = 0; i < c->nr_resources; i++) {
		needed_for(c->resources[i], purpose, sb);
		arns |= strncmp(c->resources[i], "arn:", 4) == 0;
	}
	/* Only compute (ECS, Auto Scaling, EC2) for recovery points or Region
	 * copies: their data, if any, is protected by AWS Backup. */
	if (arns && (purpose == CONFIG_FOR_REGION || (sb->len == before && purpose == CONFIG_FOR_RPO)))
		backup_commands(sb); /* CopyActions copy any kind to another Region */
	if (sb->len == before)
		add_cmd(sb, xstrdup("sh configs/collect.sh (the export of each <resource>, "
				    "declared as its ARN)"));
}

static const char collect_script[] =
	"#!/bin/sh\n"
	"# collect.sh - export the AWS configurations ftrkit reads (written by ftrkit init).\n"
	"# Every command is read-only (describe/get/list); ftrkit itself never calls AWS.\n"
	"# Replace the UPPER_CASE placeholders, delete what your product does not run,\n"
	"# run with credentials that may read (e.g. the ReadOnlyAccess policy):\n"
	"#     sh configs/collect.sh\n"
	"# then list each file under <configs> in assessment.xml.\n"
	"set -eu\n"
	"cd \"$(dirname \"$0\")/..\"\n"
	"\n"
	"# RDS / Aurora: backups (PITR), Multi-AZ, members' AZs, global databases\n"
	"aws rds describe-db-clusters --output json > configs/rds-describe-db-clusters.json\n"
	"aws rds describe-db-instances --output json > configs/rds-describe-db-instances.json\n"
	"aws rds describe-global-clusters --output json > configs/rds-describe-global-clusters.json\n"
	"# A failover drill (cross-AZ, Aurora's same-AZ, or reboot --force-failover): its events are a drill log\n"
	"aws rds describe-events --source-type db-cluster --source-identifier CLUSTER --start-time DRILL_START --end-time DRILL_END --output json > drills/DRILL_DATE-rds-events.json\n"
	"\n"
	"# AWS Backup: one plan and its selections per plan\n"
	"aws backup get-backup-plan --backup-plan-id PLAN_ID --output json > configs/backup-get-backup-plan-PLAN_ID.json\n"
	"aws backup get-backup-selection --backup-plan-id PLAN_ID --selection-id SELECTION_ID --output json > configs/backup-get-backup-selection-SELECTION_ID.json\n"
	"\n"
	"# DynamoDB: point-in-time recovery (file name carries the table) and global table replicas\n"
	"aws dynamodb describe-continuous-backups --table-name TABLE --output json > configs/dynamodb-describe-continuous-backups-TABLE.json\n"
	"aws dynamodb describe-table --table-name TABLE --output json > configs/dynamodb-describe-table-TABLE.json\n"
	"\n"
	"# S3: versioning, replication and Region (file names carry the bucket)\n"
	"aws s3api get-bucket-versioning --bucket BUCKET --output json > configs/s3api-get-bucket-versioning-BUCKET.json\n"
	"aws s3api get-bucket-replication --bucket BUCKET --output json > configs/s3api-get-bucket-replication-BUCKET.json\n"
	"aws s3api get-bucket-location --bucket BUCKET --output json > configs/s3api-get-bucket-location-BUCKET.json\n"
	"aws s3api get-bucket-location --bucket DESTINATION_BUCKET --output json > configs/s3api-get-bucket-location-DESTINATION_BUCKET.json\n"
	"\n"
	"# EC2 Auto Scaling, subnets (AZ of every subnet), NAT gateways\n"
	"aws autoscaling describe-auto-scaling-groups --output json > configs/autoscaling-describe-auto-scaling-groups.json\n"
	"aws ec2 describe-subnets --output json > configs/ec2-describe-subnets.json\n"
	"aws ec2 describe-nat-gateways --output json > configs/ec2-describe-nat-gateways.json\n"
	"\n"
	"# ECS services (awsvpc subnets, desired count, deployment circuit breaker)\n"
	"aws ecs describe-services --cluster CLUSTER --services SERVICE --output json > configs/ecs-describe-services-SERVICE.json\n"
	"\n"
	"# ElastiCache (Redis OSS / Valkey) replication groups\n"
	"aws elasticache describe-replication-groups --output json > configs/elasticache-describe-replication-groups.json\n"
	"\n"
	"# Load balancers (AZs), target groups (health checks), target health (file name carries the group)\n"
	"aws elbv2 describe-load-balancers --output json > configs/elbv2-describe-load-balancers.json\n"
	"aws elbv2 describe-target-groups --output json > configs/elbv2-describe-target-groups.json\n"
	"aws elbv2 describe-target-health --target-group-arn TARGET_GROUP_ARN --output json > configs/elbv2-describe-target-health-TARGET_GROUP_NAME.json\n"
	"\n"
	"# EBS: snapshots of each volume and the Data Lifecycle Manager policy that takes them\n"
	"aws ec2 describe-snapshots --owner-ids self --filters Name=volume-id,Values=VOLUME_ID --output json > configs/ec2-describe-snapshots-VOLUME_ID.json\n"
	"aws dlm get-lifecycle-policy --policy-id POLICY_ID --output json > configs/dlm-get-lifecycle-policy-POLICY_ID.json\n"
	"\n"
	"# Trusted Advisor fault-tolerance checks (Business support or higher; the support API is in us-east-1)\n"
	"aws support describe-trusted-advisor-check-result --region us-east-1 --check-id CHECK_ID --output json > configs/support-describe-trusted-advisor-check-result-CHECK_ID.json\n"
	"\n"
	"# EFS: One Zone or Regional, automatic backups (file name carries the file system id)\n"
	"aws efs describe-file-systems --output json > configs/efs-describe-file-systems.json\n"
	"aws efs describe-backup-policy --file-system-id FILE_SYSTEM_ID --output json > configs/efs-describe-backup-policy-FILE_SYSTEM_ID.json\n";

const char *configs_collect_script(void)
{
	return collect_script;
}
