/*
 * readers_backup.c - readers of AWS Backup exports and of Trusted Advisor
 * check results, the outside benchmark partners already run (see
 * config_readers.h).
 *
 * A plan's rules come in three shapes, all read the same way, CopyActions
 * included: `aws backup get-backup-plan` ({"BackupPlan": {"Rules": ...},
 * "BackupPlanId": ...}), `aws backup get-backup-plan-from-template` /
 * `get-backup-plan-from-json` ({"BackupPlanDocument": {"Rules": ...}}) and
 * the plan input of `create-backup-plan --backup-plan` ({"BackupPlanName",
 * "Rules"} at the top).
 */
#include <stddef.h>

#include "configs/config_readers.h"

#define RULE_FACTS(plan_name_path)                                                     \
	{ "BackupPlanId", "$.BackupPlanId", NULL, 1 },                                  \
	{ "BackupPlanName", plan_name_path, NULL, 1 },                                  \
	{ "ScheduleExpression", "$.ScheduleExpression", NULL, 0 },                      \
	{ "ScheduleExpressionTimezone", "$.ScheduleExpressionTimezone", NULL, 0 },      \
	{ "StartWindowMinutes", "$.StartWindowMinutes", NULL, 0 },                      \
	{ "CompletionWindowMinutes", "$.CompletionWindowMinutes", NULL, 0 },            \
	{ "DeleteAfterDays", "$.Lifecycle.DeleteAfterDays", NULL, 0 },                  \
	{ "EnableContinuousBackup", "$.EnableContinuousBackup", NULL, 0 },              \
	{ "TargetBackupVaultName", "$.TargetBackupVaultName", NULL, 0 },                \
	{ "CopyDestinations", "$.CopyActions", "$.DestinationBackupVaultArn", 0 },      \
	{ NULL, NULL, NULL, 0 }

static const struct fact_def backup_rule_facts[] = { RULE_FACTS("$.BackupPlan.BackupPlanName") };
static const struct fact_def template_rule_facts[] = { RULE_FACTS("$.BackupPlanDocument.BackupPlanName") };
static const struct fact_def input_rule_facts[] = { RULE_FACTS("$.BackupPlanName") };

static const struct fact_def backup_selection_facts[] = {
	{ "BackupPlanId", "$.BackupPlanId", NULL, 1 },
	{ "Resources", "$.Resources", "$", 0 },
	{ "NotResources", "$.NotResources", "$", 0 },
	{ NULL, NULL, NULL, 0 },
};

/* support describe-trusted-advisor-check-result: one resource per flagged
 * resource; its metadata (names, ids) ties it to a component. */
static const struct fact_def ta_facts[] = {
	{ "checkId", "$.result.checkId", NULL, 1 },
	{ "status", "$.status", NULL, 0 },
	{ "region", "$.region", NULL, 0 },
	{ "isSuppressed", "$.isSuppressed", NULL, 0 },
	{ "metadata", "$.metadata", "$", 0 },
	{ NULL, NULL, NULL, 0 },
};

const struct reader_def config_readers_backup[] = {
	{ "backup-plan", "aws backup get-backup-plan", "BackupPlan", "$.BackupPlan.Rules", 0,
	  "backup-rule", "$.RuleName", NULL, NULL, backup_rule_facts },
	{ "backup-plan-document", "aws backup get-backup-plan-from-template", "BackupPlanDocument",
	  "$.BackupPlanDocument.Rules", 0, "backup-rule", "$.RuleName", NULL, NULL,
	  template_rule_facts },
	{ "backup-plan-input", "aws backup create-backup-plan --backup-plan (input)",
	  "BackupPlanName",
	  "$.Rules", 0, "backup-rule", "$.RuleName", NULL, NULL, input_rule_facts },
	{ "backup-selection", "aws backup get-backup-selection", "BackupSelection",
	  "$.BackupSelection", 1, "backup-selection", "$.SelectionName", NULL, NULL,
	  backup_selection_facts },
	{ "trusted-advisor-check-result", "aws support describe-trusted-advisor-check-result", "result",
	  "$.result.flaggedResources", 0, "ta-flagged-resource", "$.resourceId", NULL, NULL, ta_facts },
	{ NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL },
};

static const struct fact_def s3_versioning_facts[] = {
	{ "Status", "$.Status", NULL, 0 },
	{ "MFADelete", "$.MFADelete", NULL, 0 },
	{ NULL, NULL, NULL, 0 },
};

const struct reader_def config_readers_shape[] = {
	/* Recognised by shape (only Status and MFADelete, or nothing at all). */
	{ "s3-versioning", "aws s3api get-bucket-versioning", NULL, "$", 1, "s3-versioning",
	  NULL, NULL, "s3", s3_versioning_facts },
	{ NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL },
};
