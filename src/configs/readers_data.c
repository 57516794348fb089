/*
 * readers_data.c - readers of the data services' exports: RDS, DynamoDB,
 * S3, EFS and ElastiCache (see config_readers.h).  Field names are those of
 * AWS CLI v2 output; the fixtures under tests/fixtures/configs/ name the
 * command that produced each shape.
 */
#include <stddef.h>

#include "configs/config_readers.h"

static const struct fact_def rds_cluster_facts[] = {
	{ "BackupRetentionPeriod", "$.BackupRetentionPeriod", NULL, 0 },
	{ "MultiAZ", "$.MultiAZ", NULL, 0 },
	{ "DeletionProtection", "$.DeletionProtection", NULL, 0 },
	{ "LatestRestorableTime", "$.LatestRestorableTime", NULL, 0 },
	{ "EarliestRestorableTime", "$.EarliestRestorableTime", NULL, 0 },
	{ "AvailabilityZones", "$.AvailabilityZones", "$", 0 },
	{ "DBClusterMembers", "$.DBClusterMembers", "$.DBInstanceIdentifier", 0 },
	{ "Engine", "$.Engine", NULL, 0 },
	{ "Status", "$.Status", NULL, 0 },
	{ "GlobalClusterIdentifier", "$.GlobalClusterIdentifier", NULL, 0 },
	{ NULL, NULL, NULL, 0 },
};

static const struct fact_def rds_instance_facts[] = {
	{ "BackupRetentionPeriod", "$.BackupRetentionPeriod", NULL, 0 },
	{ "MultiAZ", "$.MultiAZ", NULL, 0 },
	{ "DeletionProtection", "$.DeletionProtection", NULL, 0 },
	{ "LatestRestorableTime", "$.LatestRestorableTime", NULL, 0 },
	{ "AvailabilityZone", "$.AvailabilityZone", NULL, 0 },
	{ "SecondaryAvailabilityZone", "$.SecondaryAvailabilityZone", NULL, 0 },
	{ "DBClusterIdentifier", "$.DBClusterIdentifier", NULL, 0 },
	{ "Engine", "$.Engine", NULL, 0 },
	{ NULL, NULL, NULL, 0 },
};

/* rds describe-global-clusters: the member clusters' ARNs carry their Regions. */
static const struct fact_def rds_global_facts[] = {
	{ "GlobalClusterMembers", "$.GlobalClusterMembers", "$.DBClusterArn", 0 },
	{ "Status", "$.Status", NULL, 0 },
	{ "Engine", "$.Engine", NULL, 0 },
	{ NULL, NULL, NULL, 0 },
};

static const struct fact_def dynamodb_facts[] = {
	{ "ContinuousBackupsStatus", "$.ContinuousBackupsStatus", NULL, 0 },
	{ "PointInTimeRecoveryStatus", "$.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus", NULL, 0 },
	{ "EarliestRestorableDateTime", "$.PointInTimeRecoveryDescription.EarliestRestorableDateTime", NULL, 0 },
	{ "LatestRestorableDateTime", "$.PointInTimeRecoveryDescription.LatestRestorableDateTime", NULL, 0 },
	{ "RecoveryPeriodInDays", "$.PointInTimeRecoveryDescription.RecoveryPeriodInDays", NULL, 0 },
	{ NULL, NULL, NULL, 0 },
};

/* dynamodb describe-table: global table replicas name their Regions. */
static const struct fact_def dynamodb_table_facts[] = {
	{ "TableStatus", "$.TableStatus", NULL, 0 },
	{ "Replicas", "$.Replicas", "$.RegionName", 0 },
	{ "GlobalTableVersion", "$.GlobalTableVersion", NULL, 0 },
	{ "DeletionProtectionEnabled", "$.DeletionProtectionEnabled", NULL, 0 },
	{ NULL, NULL, NULL, 0 },
};

/* s3api get-bucket-replication: one resource per rule (the bucket is in the file name). */
static const struct fact_def s3_replication_facts[] = {
	{ "Role", "$.ReplicationConfiguration.Role", NULL, 1 },
	{ "ID", "$.ID", NULL, 0 },
	{ "Status", "$.Status", NULL, 0 },
	{ "Destination", "$.Destination.Bucket", NULL, 0 },
	{ "ReplicationTime", "$.Destination.ReplicationTime.Status", NULL, 0 },
	{ NULL, NULL, NULL, 0 },
};

static const struct fact_def s3_location_facts[] = {
	{ "LocationConstraint", "$.LocationConstraint", NULL, 0 },
	{ NULL, NULL, NULL, 0 },
};

/* efs describe-file-systems: a One Zone file system names its AZ. */
static const struct fact_def efs_facts[] = {
	{ "AvailabilityZoneName", "$.AvailabilityZoneName", NULL, 0 },
	{ "LifeCycleState", "$.LifeCycleState", NULL, 0 },
	{ "NumberOfMountTargets", "$.NumberOfMountTargets", NULL, 0 },
	{ "Name", "$.Name", NULL, 0 },
	{ NULL, NULL, NULL, 0 },
};

static const struct fact_def efs_backup_policy_facts[] = {
	{ "Status", "$.Status", NULL, 0 },
	{ NULL, NULL, NULL, 0 },
};

static const struct fact_def elasticache_facts[] = {
	{ "MultiAZ", "$.MultiAZ", NULL, 0 },
	{ "AutomaticFailover", "$.AutomaticFailover", NULL, 0 },
	{ "SnapshotRetentionLimit", "$.SnapshotRetentionLimit", NULL, 0 },
	{ "SnapshotWindow", "$.SnapshotWindow", NULL, 0 },
	{ "MemberClusters", "$.MemberClusters", "$", 0 },
	{ "NodeAvailabilityZones", "$.NodeGroups", "**.PreferredAvailabilityZone", 0 },
	{ "Status", "$.Status", NULL, 0 },
	{ "Engine", "$.Engine", NULL, 0 },
	{ NULL, NULL, NULL, 0 },
};

const struct reader_def config_readers_data[] = {
	{ "rds-clusters", "aws rds describe-db-clusters", "DBClusters", "$.DBClusters", 0,
	  "rds-cluster", "$.DBClusterIdentifier", "$.DBClusterArn", NULL, rds_cluster_facts },
	{ "rds-instances", "aws rds describe-db-instances", "DBInstances", "$.DBInstances", 0,
	  "rds-instance", "$.DBInstanceIdentifier", "$.DBInstanceArn", NULL, rds_instance_facts },
	{ "rds-global-clusters", "aws rds describe-global-clusters", "GlobalClusters",
	  "$.GlobalClusters", 0, "rds-global-cluster", "$.GlobalClusterIdentifier",
	  "$.GlobalClusterArn", NULL, rds_global_facts },
	{ "dynamodb-continuous-backups", "aws dynamodb describe-continuous-backups",
	  "ContinuousBackupsDescription", "$.ContinuousBackupsDescription", 1, "dynamodb-pitr",
	  NULL, NULL, "dynamodb", dynamodb_facts },
	{ "dynamodb-table", "aws dynamodb describe-table", "Table", "$.Table", 1, "dynamodb-table",
	  "$.TableName", "$.TableArn", NULL, dynamodb_table_facts },
	{ "s3-replication", "aws s3api get-bucket-replication", "ReplicationConfiguration",
	  "$.ReplicationConfiguration.Rules", 0, "s3-replication-rule", NULL, NULL, "s3",
	  s3_replication_facts },
	{ "s3-location", "aws s3api get-bucket-location", "LocationConstraint", "$", 1,
	  "s3-location", NULL, NULL, "s3", s3_location_facts },
	{ "efs-file-systems", "aws efs describe-file-systems", "FileSystems", "$.FileSystems", 0,
	  "efs-file-system", "$.FileSystemId", "$.FileSystemArn", NULL, efs_facts },
	{ "efs-backup-policy", "aws efs describe-backup-policy", "BackupPolicy", "$.BackupPolicy", 1,
	  "efs-backup-policy", NULL, NULL, "elasticfilesystem", efs_backup_policy_facts },
	{ "elasticache-replication-groups", "aws elasticache describe-replication-groups",
	  "ReplicationGroups", "$.ReplicationGroups", 0, "elasticache-replication-group",
	  "$.ReplicationGroupId", "$.ARN", NULL, elasticache_facts },
	{ NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL },
};
