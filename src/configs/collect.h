/*
 * collect.h - which read-only AWS CLI commands produce the exports ftrkit
 * reads: the configs/collect.sh that `ftrkit init` writes, and the
 * "needs `aws ...`" that a check says when it cannot judge a component.
 * ftrkit itself never calls AWS.
 */
#ifndef FTRKIT_COLLECT_H
#define FTRKIT_COLLECT_H

#include "model/assessment.h"
#include "base/strbuf.h"

enum config_purpose {
	CONFIG_FOR_RPO,    /* recovery points: backups, PITR, versioning, snapshots */
	CONFIG_FOR_AZ,     /* runs in several Availability Zones */
	CONFIG_FOR_REGION, /* a copy in another Region */
};

/*
 * Append to sb the commands whose exports would let a check judge component
 * c for purpose, chosen by the kind of each declared resource (its ARN's
 * service and resource type) and filled with its name: an ElastiCache
 * group gets `aws elasticache describe-replication-groups
 * --replication-group-id NAME`, never an RDS command.  Commands are
 * separated by "`, `" (the caller puts the outer backquotes); a resource of
 * unknown kind (a plain name) gets the collect.sh hint.  Distinct commands
 * only.
 */
void configs_needed(const struct component *c, enum config_purpose purpose, struct strbuf *sb);

/* The text of configs/collect.sh: every export ftrkit reads, one
 * `aws ... --output json > configs/NAME.json` line each, with placeholders. */
const char *configs_collect_script(void);

#endif
