/*
 * assessment.h - the partner's statements (assessment.xsd) in memory.
 *
 * Loading validates the schema, parses every duration (an unknown one is an
 * input error quoting the text) and every path (absolute or '..' paths are
 * input errors).  Whether referenced files exist is the workspace's job
 * (workspace.h).  The assessment owns all its strings; assessment_free()
 * releases them.
 */
#ifndef FTRKIT_ASSESSMENT_H
#define FTRKIT_ASSESSMENT_H

#include <stddef.h>
#include <stdint.h>

/* A workspace-relative path and where it was written. */
struct ref {
	char *path;
	long line;
	/* effective= and collected= (YYYY-MM-DD) as calendar.h day numbers */
	int has_effective, has_collected;
	int64_t effective_day, collected_day;
};

struct objective {
	char *disruption;
	char *rpo_text; /* NULL or "" when not stated */
	char *rto_text;
	char *slo;
	int has_rpo, has_rto;
	int64_t rpo_seconds, rto_seconds;
	long line;
};

struct component {
	char *id;
	char *name;
	int critical;
	char **resources;
	size_t nr_resources, alloc_resources;
	struct objective *objectives;
	size_t nr_objectives, alloc_objectives;
	long line;
};

/* Drill cadence: calendar months when given as a word, else seconds. */
struct cadence {
	char *text;
	int months;      /* 1 monthly, 3 quarterly, 6 half-yearly, 12 yearly; 0 = use seconds */
	int64_t seconds; /* when months == 0 */
};

struct scenario {
	char *id;
	char *title;
	char *component;
	char *disruption;
	struct cadence cadence;
	struct ref runbook; /* path NULL when none named */
	struct ref *drill_logs;
	size_t nr_drill_logs, alloc_drill_logs;
	long line;
};

struct major_change {
	int64_t day; /* calendar.h day number */
	char *component; /* NULL = whole product */
	char *text;
	long line;
};

/* A person's judgement of a manual control (<attestation>). */
struct attestation {
	int present;
	char *by;
	char date[16];    /* YYYY-MM-DD as written */
	int64_t day;      /* calendar.h day number */
	int met;          /* verdict: 1 met, 0 not met */
	struct ref *examined;
	size_t nr_examined, alloc_examined;
	long line;
};

struct statement {
	char *ref;
	char *status; /* met, not-met, not-applicable, manual, unanswered */
	char *notes;
	struct ref *evidence;
	size_t nr_evidence, alloc_evidence;
	struct attestation attestation;
	long line;
};

struct assessment {
	char *path; /* as opened, for messages */
	char *questionnaire_id;
	char *timezone;          /* "+09:00" */
	int tz_offset_seconds;   /* +32400 */
	char *product;
	char *product_version;
	char *organisation;
	char *description;
	struct component *components;
	size_t nr_components, alloc_components;
	struct scenario *scenarios;
	size_t nr_scenarios, alloc_scenarios;
	struct major_change *changes;
	size_t nr_changes, alloc_changes;
	struct ref *configs;
	size_t nr_configs, alloc_configs;
	struct ref template; /* filled self-assessment workbook; path NULL when none */
	struct statement *statements;
	size_t nr_statements, alloc_statements;
};

/* Load, validate and parse path; 0, or -1 after reporting.  Caller frees
 * with assessment_free() on success. */
int assessment_load(const char *path, struct assessment *a);
int assessment_load_memory(const char *data, size_t len, const char *name,
			   struct assessment *a);
void assessment_free(struct assessment *a);

/* The component with this id, or NULL. */
const struct component *assessment_component(const struct assessment *a, const char *id);

/* The objective of component for disruption, or NULL. */
const struct objective *component_objective(const struct component *c, const char *disruption);

/* Statement for control id, or NULL (no crosswalk here; see checks). */
const struct statement *assessment_statement(const struct assessment *a, const char *id);

/*
 * Parse a cadence ("monthly", "quarterly", "half-yearly", "yearly",
 * "weekly", or a duration).  0 or -1 with *why set.
 */
int cadence_parse(const char *text, struct cadence *out, const char **why);

/*
 * Check that a workspace-relative path is safe: not empty, not absolute, no
 * '..' or empty component, no backslash or control character.  0 or -1
 * with *why set.
 */
int relpath_check(const char *path, const char **why);

#endif
