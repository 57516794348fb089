/*
 * checks.h - the registry of checks a questionnaire can name.
 *
 * A check is a function that looks at the assessment and the evidence and
 * fills a check_result with findings.  The questionnaire says which checks
 * decide a control, with which parameters; adding a kind of check means
 * one function and one row in the table in checks.c.
 */
#ifndef FTRKIT_CHECKS_H
#define FTRKIT_CHECKS_H

#include <stdint.h>

#include "model/assessment.h"
#include "drills/drill.h"
#include "configs/configs.h"
#include "model/questionnaire.h"
#include "model/results.h"
#include "evidence/workspace.h"

struct check_ctx {
	const struct questionnaire *questionnaire;
	const struct assessment *assessment;
	const char *assessment_relpath; /* "assessment.xml" inside the workspace */
	struct workspace *workspace;
	const struct control *control;
	const struct statement *statement; /* partner's answer (crosswalk applied) or NULL */
	int64_t as_of_day;                 /* calendar.h day number */
	const char *lang;
	const struct drill_set *drills;    /* every drill record of the run */
	const struct config_set *configs; /* facts from the exported configurations */
};

/*
 * A check fills res (name already set) with findings and a summary, and
 * returns 0; it returns -1 only for an input error it has reported (a bad
 * parameter in the questionnaire, an unreadable evidence file), which makes
 * the whole run exit 2.  The verdict is derived from the findings unless
 * the check sets it and returns 1.
 */
typedef int (*check_fn)(const struct check_ctx *ctx, const struct check_spec *spec,
			struct check_result *res);

struct check_def {
	const char *name;
	check_fn run;
	const char *description; /* one line for the manual and --help */
};

/* The registry entry for name, or NULL. */
const struct check_def *check_find(const char *name);

/* 1 when the registry has a check of this name: the check_known_fn that
 * questionnaire_load() takes. */
int checks_known(const char *name);

/* All registry entries, terminated by an entry with name NULL. */
const struct check_def *check_registry(void);

/*
 * Run every control of the questionnaire.  0 with *out filled (caller frees
 * with run_result_free), or -1 after an input error was reported.
 */
int checks_run_all(const struct questionnaire *q, const struct assessment *a,
		   const char *assessment_relpath, struct workspace *ws,
		   const struct config_set *configs,
		   int64_t as_of_day, const char *lang, const struct drill_set *drills,
		   struct run_result *out);

/* The checks themselves, one module per family. */
int check_objective_stated(const struct check_ctx *, const struct check_spec *, struct check_result *);
int check_rto_ceiling(const struct check_ctx *, const struct check_spec *, struct check_result *);
int check_statement_provided(const struct check_ctx *, const struct check_spec *, struct check_result *);
int check_partner_evidence(const struct check_ctx *, const struct check_spec *, struct check_result *);
int check_scenario_drilled(const struct check_ctx *, const struct check_spec *, struct check_result *);
int check_drill_current(const struct check_ctx *, const struct check_spec *, struct check_result *);
int check_drill_within_objectives(const struct check_ctx *, const struct check_spec *, struct check_result *);
int check_drill_coverage(const struct check_ctx *, const struct check_spec *, struct check_result *);
int check_drill_log_complete(const struct check_ctx *, const struct check_spec *, struct check_result *);
int check_configs_readable(const struct check_ctx *, const struct check_spec *, struct check_result *);
int check_config_recovery_points(const struct check_ctx *, const struct check_spec *, struct check_result *);
int check_config_availability(const struct check_ctx *, const struct check_spec *, struct check_result *);
int check_runbook_sections(const struct check_ctx *, const struct check_spec *, struct check_result *);
int check_template_column(const struct check_ctx *, const struct check_spec *, struct check_result *);
int check_evidence_current(const struct check_ctx *, const struct check_spec *, struct check_result *);

/* Shared helper: the parameter as a duration in seconds; -1 after reporting
 * a bad value (naming the questionnaire and line).  Missing -> *seconds = dflt. */
int check_param_duration(const struct check_ctx *ctx, const struct check_spec *spec,
			 const char *name, int64_t dflt, int64_t *seconds);

/* Shared helper: the parameter compared to allowed values ("rpo|rto"). */
int check_param_choice(const struct check_ctx *ctx, const struct check_spec *spec,
		       const char *name, const char *dflt, const char *const *allowed,
		       const char **value);

#endif
