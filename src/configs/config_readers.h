/*
 * config_readers.h - the readers of AWS CLI JSON exports as data, one
 * table per service family (readers_*.c), walked by configs.c.
 *
 * A reader names the top-level key that identifies its export, the JSON
 * path of the resource array (or single object), where the id and ARN sit
 * in each element, and the facts to copy, each a path relative to the
 * element (or to the document).  The SQL that configs.c builds from these
 * is constant; the export is only ever bound as a parameter.
 */
#ifndef FTRKIT_CONFIG_READERS_H
#define FTRKIT_CONFIG_READERS_H

struct fact_def {
	const char *name;
	const char *path;      /* relative to the element: "$.MultiAZ" */
	/* non-NULL: path is a list; the value of each item at this path
	 * ("$" = the item itself), or "**.Key": every value of Key at any
	 * depth under path (json_tree), distinct and sorted */
	const char *list_item;
	int from_document;     /* path is relative to the document, not the element */
};

struct reader_def {
	const char *export_kind;  /* rds-clusters */
	const char *export_name;  /* aws rds describe-db-clusters */
	const char *detect;       /* top-level key; NULL = the S3 versioning shape */
	const char *items;        /* JSON path of the resource array or object */
	int single;               /* items is one object, not an array */
	const char *resource_kind;
	const char *id_path, *arn_path; /* relative to the element; NULL = none */
	const char *name_service; /* no id in the export: match the file name against
				     names of component resources of this service */
	const struct fact_def *facts;
};

/* Each family's readers, ended by a row whose export_kind is NULL. */
extern const struct reader_def config_readers_data[];    /* RDS, DynamoDB, S3, EFS, ElastiCache */
extern const struct reader_def config_readers_compute[]; /* Auto Scaling, EC2, ECS, ELB, DLM */
extern const struct reader_def config_readers_backup[];  /* AWS Backup, Trusted Advisor */
extern const struct reader_def config_readers_shape[];   /* told by shape: last */

#endif
