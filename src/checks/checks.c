/*
 * checks.c - the check registry and the loop that runs a questionnaire.
 */
#include <string.h>

#include "checks/checks.h"
#include "model/duration.h"
#include "base/error.h"
#include "base/banned.h"

static const struct check_def registry[] = {
	{ "objective-stated", check_objective_stated,
	  "every component in scope (param scope=critical|all) states the objective (param objective=rpo|rto)" },
	{ "rto-ceiling", check_rto_ceiling,
	  "no stated RTO of a component in scope exceeds param ceiling; param advisory-target adds advice" },
	{ "statement-provided", check_statement_provided,
	  "the assessment answers the control (directly or through the crosswalk)" },
	{ "partner-evidence", check_partner_evidence,
	  "judged by a person: verdict manual, citing the evidence the partner points at" },
	{ "scenario-drilled", check_scenario_drilled,
	  "every scenario (param disruption filters) has a readable drill record; unreadable logs are findings" },
	{ "drill-current", check_drill_current,
	  "the latest successful drill is within the cadence and param max-age, and after the latest major change (param after-major-change)" },
	{ "drill-within-objectives", check_drill_within_objectives,
	  "measured recovery <= stated RTO and measured data loss <= stated RPO (param data-loss-required-for)" },
	{ "drill-coverage", check_drill_coverage,
	  "successful drills cover each group of param required (label=disruption|...) and, with data-loss-measured=yes, data loss" },
	{ "drill-log-complete", check_drill_log_complete,
	  "the most recent drill log of each scenario has date, scenario, start, end and outcome" },
	{ "configs-readable", check_configs_readable,
	  "every exported configuration under <configs> is valid JSON that a reader understands" },
	{ "config-recovery-points", check_config_recovery_points,
	  "exported backups, PITR and versioning give recovery points within each RPO (params "
	  "disruption, pitr-granularity, min-retention, default-start-window)" },
	{ "config-availability", check_config_availability,
	  "components with an RTO of minutes (param fast-rto) for disruption (param) span "
	  "param min-azs AZs: Multi-AZ, ASG zones, ELB health checks, a NAT gateway per AZ" },
	{ "runbook-sections", check_runbook_sections,
	  "each scenario's runbook has the sections of param runbook-sections (patterns "
	  "runbook-section-NAME) and numbered steps" },
	{ "template-column", check_template_column,
	  "the filled self-assessment workbook's column (param column, a header pattern; "
	  "param objective=rpo|rto; param sheet) holds durations that agree with the assessment" },
	{ "evidence-current", check_evidence_current,
	  "evidence that carries an effective (else collection) date is no older than param max-age "
	  "and not dated after the as-of date; stale evidence is not met" },
	{ NULL, NULL, NULL },
};

const struct check_def *check_find(const char *name)
{
	const struct check_def *d;
	for (d = registry; name && d->name; d++)
		if (strcmp(d->name, name) == 0)
			return d;
	return NULL;
}

int checks_known(const char *name)
{
	return check_find(name) != NULL;
}

const struct check_def *check_registry(void)
{
	return registry;
}

int check_param_duration(const struct check_ctx *ctx, const struct check_spec *spec,
			 const char *name, int64_t dflt, int64_t *seconds)
{
	long line;
	const char *why;
	const char *value = check_param(spec, name, &line);
	if (!value) {
		*seconds = dflt;
		return 0;
	}
	if (duration_parse(value, seconds, &why) < 0)
		return error_at(ctx->questionnaire->path, line ? line : spec->line,
				"check %s: parameter %s '%s': %s", spec->name, name, value, why);
	return 0;
}

int check_param_choice(const struct check_ctx *ctx, const struct check_spec *spec,
		       const char *name, const char *dflt, const char *const *allowed,
		       const char **value)
{
	long line;
	size_t i;
	const char *v = check_param(spec, name, &line);
	if (!v)
		v = dflt;
	for (i = 0; allowed[i]; i++) {
		if (strcmp(allowed[i], v) == 0) {
			*value = allowed[i];
			return 0;
		}
	}
	return error_at(ctx->questionnaire->path, line ? line : spec->line,
			"check %s: parameter %s '%s' is not one of the allowed values",
			spec->name, name, v);
}

/* The partner's statement for a control: its own id first, then crosswalk. */
static const struct statement *find_statement(const struct assessment *a,
					      const struct control *c)
{
	const struct statement *st = assessment_statement(a, c->id);
	size_t i;
	for (i = 0; !st && i < c->nr_maps_to; i++)
		st = assessment_statement(a, c->maps_to[i]);
	return st;
}

int checks_run_all(const struct questionnaire *q, const struct assessment *a,
		   const char *assessment_relpath, struct workspace *ws,
		   const struct config_set *configs,
		   int64_t as_of_day, const char *lang, const struct drill_set *drills,
		   struct run_result *out)
{
	size_t i, j;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < q->nr_controls; i++) {
		const struct control *control = &q->controls[i];
		struct control_result *cr;
		struct check_ctx ctx = {
			.questionnaire = q,
			.assessment = a,
			.assessment_relpath = assessment_relpath,
			.workspace = ws,
			.control = control,
			.statement = find_statement(a, control),
			.as_of_day = as_of_day,
			.lang = lang,
			.drills = drills,
			.configs = configs,
		};

		ALLOC_GROW(out->controls, out->nr_controls, out->alloc_controls);
		cr = &out->controls[out->nr_controls++];
		memset(cr, 0, sizeof(*cr));
		cr->id = xstrdup(control->id);
		cr->declared = xstrdup(ctx.statement ? ctx.statement->status : "unanswered");
		for (j = 0; j < control->nr_checks && !control->deselected; j++) {
			const struct check_spec *spec = &control->checks[j];
			const struct check_def *def = check_find(spec->name);
			struct check_result *res;
			int rc;

			ALLOC_GROW(cr->checks, cr->nr_checks, cr->alloc_checks);
			res = &cr->checks[cr->nr_checks++];
			memset(res, 0, sizeof(*res));
			res->name = xstrdup(spec->name);
			rc = def->run(&ctx, spec, res);
			if (rc < 0) {
				run_result_free(out);
				return -1;
			}
			if (rc == 0)
				check_result_settle(res);
		}
		control_result_settle(cr);
	}
	run_result_settle(out);
	return 0;
}
