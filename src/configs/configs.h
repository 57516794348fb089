/*
 * configs.h - facts read from exported AWS configurations (AWS CLI JSON).
 *
 * Every file the assessment lists under <configs> is read into an in-memory
 * SQLite database (at most CONFIG_MAX_BYTES; a UTF-8 BOM is dropped) and
 * queried with SQLite's JSON functions: json_valid, json_each, json_type,
 * json_extract.  There is no JSON parser of our own.  The kind of export is
 * told by its top-level keys, never by its file name:
 *
 *   DBClusters                  rds describe-db-clusters       -> rds-cluster
 *   DBInstances                 rds describe-db-instances      -> rds-instance
 *   BackupPlan                  backup get-backup-plan         -> backup-rule (one per rule)
 *   BackupSelection             backup get-backup-selection    -> backup-selection
 *   ContinuousBackupsDescription dynamodb describe-continuous-backups -> dynamodb-pitr
 *   only Status / MFADelete, or {}  s3api get-bucket-versioning -> s3-versioning
 *   AutoScalingGroups           autoscaling describe-auto-scaling-groups -> autoscaling-group
 *   NatGateways                 ec2 describe-nat-gateways      -> nat-gateway
 *   Subnets                     ec2 describe-subnets           -> subnet
 *   GlobalClusters              rds describe-global-clusters   -> rds-global-cluster
 *   Table                       dynamodb describe-table        -> dynamodb-table
 *   ReplicationConfiguration    s3api get-bucket-replication   -> s3-replication
 *   LocationConstraint          s3api get-bucket-location      -> s3-location
 *   FileSystems                 efs describe-file-systems      -> efs-file-system
 *   BackupPolicy                efs describe-backup-policy     -> efs-backup-policy
 *   ReplicationGroups           elasticache describe-replication-groups
 *                                                              -> elasticache-replication-group
 *   services                    ecs describe-services          -> ecs-service
 *   BackupPlanDocument          backup get-backup-plan-from-template -> backup-rule
 *   BackupPlanName (top level)  create-backup-plan input        -> backup-rule
 *
 * Each resource found becomes a config_resource with the facts the checks
 * need, each fact with its JSON path ("$.DBClusters[0].MultiAZ").  The two
 * exports that do not name their resource (DynamoDB continuous backups, S3
 * versioning, replication and location, EFS backup policy) are matched
 * through the file name, which must contain the table, bucket or file
 * system name; every other export is matched by what it says (names, ids,
 * ARNs, a global database's member cluster ARNs).  Resources are mapped to components through the
 * components' <resource> identifiers or ARNs; backup rules through the
 * plan's ARN, id or name, or through a backup selection of the same plan.
 *
 * A file that cannot be read as JSON, is too large, or that no reader
 * understands is kept with its problem; nothing is skipped silently.  The
 * set owns every string; configs_free() releases it.
 */
#ifndef FTRKIT_CONFIGS_H
#define FTRKIT_CONFIGS_H

#include <stddef.h>
#include <stdint.h>

#include "model/assessment.h"
#include "evidence/workspace.h"

#define CONFIG_MAX_BYTES ((size_t)64 << 20)

struct config_fact {
	char *name;      /* "BackupRetentionPeriod", "AvailabilityZones", ... */
	char *json_path; /* where it was read */
	char *type;      /* json_type(): null true false integer real text array object */
	char *value;     /* text form; lists as "a,b,c" (distinct, sorted) */
};

struct config_resource {
	const char *kind; /* static: rds-cluster, backup-rule, s3-versioning, ... */
	char *file;       /* workspace-relative */
	char *json_path;  /* "$.DBClusters[0]" */
	char *id;         /* identifier or name; NULL when the export has none */
	char *arn;        /* NULL when none */
	char **components; /* ids of the components it belongs to */
	size_t nr_components, alloc_components;
	struct config_fact *facts;
	size_t nr_facts, alloc_facts;
};

struct config_problem {
	char *json_path; /* NULL when about the whole file */
	char *message;
};

struct config_file {
	char *path;       /* workspace-relative */
	long line;        /* line of the <config> element in assessment.xml */
	const char *kind; /* export kind (rds-clusters, ...) or "unrecognised" / "unreadable" */
	const char *export_name; /* "aws rds describe-db-clusters", or NULL */
	char *top_keys;   /* top-level keys as "a, b" for unrecognised files */
	size_t nr_resources;
	struct config_problem *problems;
	size_t nr_problems, alloc_problems;
};

struct config_set {
	struct config_file *files;
	size_t nr_files, alloc_files;
	struct config_resource *resources;
	size_t nr_resources, alloc_resources;
	const char *lang; /* language of problem messages (borrowed); NULL = en */
};

/*
 * Read every <configs> file of the assessment from the workspace, then map
 * resources to components.  Files no reader understands get the inventory
 * kind "unrecognised".  0, or -1 after reporting an I/O error (an
 * inventoried file that cannot be read).  Free with configs_free() either way.
 */
int configs_load(struct config_set *set, const struct assessment *a, struct workspace *ws,
		 const char *lang);

/*
 * Read one export from memory (data need not be NUL-terminated) as path,
 * with max_bytes as the size cap (len > max_bytes is a problem, as
 * configs_load reports a file over CONFIG_MAX_BYTES).  Returns the file
 * record (borrowed from set).
 */
struct config_file *configs_read_memory(struct config_set *set, const char *path, long line,
					const char *data, size_t len, size_t max_bytes);

/* Map every resource to the components of a (see above).  Idempotent. */
void configs_match(struct config_set *set, const struct assessment *a);

void configs_free(struct config_set *set);

/* The fact called name, or NULL.  Borrowed. */
const struct config_fact *config_fact_get(const struct config_resource *r, const char *name);

/* 1 when r belongs to component id. */
int config_resource_in(const struct config_resource *r, const char *component);

/*
 * The fact as a whole number in [0, max]: 1 with *out set; 0 when absent;
 * -1 when present but of another type, fractional, negative or too large.
 */
int config_fact_int(const struct config_fact *f, int64_t max, int64_t *out);

/* The fact as a boolean: 1 true, 0 false, -1 absent or not a boolean. */
int config_fact_bool(const struct config_fact *f);

/* Number of items of a list fact ("a,b,c" -> 3); 0 when absent or empty. */
size_t config_fact_list_count(const struct config_fact *f);

/* The name inside an ARN: "arn:aws:rds:r:a:cluster:ledger-prod" -> "ledger-prod",
 * ".../autoScalingGroupName/ledger-web" -> "ledger-web"; a plain name is its
 * own name.  Borrowed pointer into arn. */
const char *arn_name(const char *arn);

/* 1 when name occurs in the base name of file as a whole word ("s3api-get-
 * bucket-location-acme-dr.json" names "acme-dr"): the fallback for exports
 * that do not name their resource. */
int config_file_names(const char *file, const char *name);

/* The service field of an ARN into out ("rds"; "" for a plain name). */
void arn_service(const char *arn, char *out, size_t size);

/* The region field of an ARN into out ("" when none). */
void arn_region(const char *arn, char *out, size_t size);

#endif
