/*
 * check_objectives.c - checks on the stated objectives and the partner's
 * answers: objective-stated, rto-ceiling, statement-provided,
 * partner-evidence.  They read only the assessment, so every finding points
 * at a line of assessment.xml (or at the evidence the partner named).
 */
#include <stdio.h>
#include <string.h>

#include "checks.h"
#include "duration.h"
#include "error.h"
#include "banned.h"

static const char *const scopes[] = { "critical", "all", NULL };
static const char *const objectives[] = { "rpo", "rto", NULL };

static int in_scope(const struct component *c, const char *scope)
{
	return strcmp(scope, "all") == 0 || c->critical;
}

int check_objective_stated(const struct check_ctx *ctx, const struct check_spec *spec,
			   struct check_result *res)
{
	const struct assessment *a = ctx->assessment;
	const char *scope, *which, *label;
	size_t i, j, stated = 0, total = 0, components = 0;
	char shown[64];

	if (check_param_choice(ctx, spec, "scope", "critical", scopes, &scope) < 0 ||
	    check_param_choice(ctx, spec, "objective", "rpo", objectives, &which) < 0)
		return -1;
	label = strcmp(which, "rpo") == 0 ? "RPO" : "RTO";

	for (i = 0; i < a->nr_components; i++) {
		const struct component *c = &a->components[i];
		if (!in_scope(c, scope))
			continue;
		components++;
		if (!c->nr_objectives) {
			total++;
			finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, c->line,
				    c->id, which, "%s: no objectives stated, so no %s",
				    c->id, label);
			continue;
		}
		for (j = 0; j < c->nr_objectives; j++) {
			const struct objective *o = &c->objectives[j];
			int has = which[1] == 'p' ? o->has_rpo : o->has_rto;
			int64_t seconds = which[1] == 'p' ? o->rpo_seconds : o->rto_seconds;
			const char *text = which[1] == 'p' ? o->rpo_text : o->rto_text;
			char subject[96];

			total++;
			snprintf(subject, sizeof(subject), "%s/%s", which, o->disruption);
			if (!has) {
				finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, o->line,
					    c->id, subject, "%s (%s): %s not stated",
					    c->id, o->disruption, label);
				continue;
			}
			stated++;
			duration_format(seconds, ctx->lang, shown, sizeof(shown));
			finding_add(res, VERDICT_MET, ctx->assessment_relpath, o->line, c->id,
				    subject, "%s (%s): %s %s stated as '%s'", c->id,
				    o->disruption, label, shown, text);
		}
	}
	if (!components) {
		finding_add(res, VERDICT_NOT_APPLICABLE, ctx->assessment_relpath, 0, NULL, NULL,
			    "no %s components declared", strcmp(scope, "all") ? "critical" : "");
		res->summary = xasprintf("no %scomponents in scope",
					 strcmp(scope, "all") ? "critical " : "");
		return 0;
	}
	res->summary = xasprintf("%s stated for %zu of %zu objectives of %zu %scomponent%s",
				 label, stated, total, components,
				 strcmp(scope, "all") ? "critical " : "",
				 components == 1 ? "" : "s");
	return 0;
}

int check_rto_ceiling(const struct check_ctx *ctx, const struct check_spec *spec,
		      struct check_result *res)
{
	const struct assessment *a = ctx->assessment;
	const char *scope;
	int64_t ceiling, target;
	size_t i, j, checked = 0, over = 0;
	char ceiling_shown[64], target_shown[64], rto_shown[64];

	if (check_param_choice(ctx, spec, "scope", "critical", scopes, &scope) < 0 ||
	    check_param_duration(ctx, spec, "ceiling", 24 * 3600, &ceiling) < 0 ||
	    check_param_duration(ctx, spec, "advisory-target", 0, &target) < 0)
		return -1;
	duration_format(ceiling, ctx->lang, ceiling_shown, sizeof(ceiling_shown));
	duration_format(target, ctx->lang, target_shown, sizeof(target_shown));

	for (i = 0; i < a->nr_components; i++) {
		const struct component *c = &a->components[i];
		int any_rto = 0;
		if (!in_scope(c, scope))
			continue;
		for (j = 0; j < c->nr_objectives; j++) {
			const struct objective *o = &c->objectives[j];
			char subject[96];
			if (!o->has_rto)
				continue;
			any_rto = 1;
			checked++;
			snprintf(subject, sizeof(subject), "rto/%s", o->disruption);
			duration_format(o->rto_seconds, ctx->lang, rto_shown, sizeof(rto_shown));
			if (o->rto_seconds > ceiling) {
				over++;
				finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, o->line,
					    c->id, subject,
					    "%s (%s): RTO %s exceeds the %s ceiling",
					    c->id, o->disruption, rto_shown, ceiling_shown);
			} else if (target && o->rto_seconds > target) {
				finding_add(res, VERDICT_MET, ctx->assessment_relpath, o->line,
					    c->id, subject,
					    "%s (%s): RTO %s is within the %s ceiling; advice: above %s, "
					    "while critical components should recover in minutes",
					    c->id, o->disruption, rto_shown, ceiling_shown, target_shown);
			} else {
				finding_add(res, VERDICT_MET, ctx->assessment_relpath, o->line,
					    c->id, subject, "%s (%s): RTO %s is within the %s ceiling",
					    c->id, o->disruption, rto_shown, ceiling_shown);
			}
		}
		if (!any_rto)
			finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, c->line, c->id,
				    "rto", "%s: no RTO stated, so the %s ceiling cannot be shown",
				    c->id, ceiling_shown);
	}
	if (!checked && !res->nr_findings) {
		finding_add(res, VERDICT_NOT_APPLICABLE, ctx->assessment_relpath, 0, NULL, NULL,
			    "no components in scope");
		res->summary = xstrdup("no components in scope");
		return 0;
	}
	res->summary = over ? xasprintf("%zu of %zu RTOs exceed the %s ceiling", over, checked,
					ceiling_shown)
			    : xasprintf("all %zu RTOs within the %s ceiling", checked, ceiling_shown);
	return 0;
}

int check_statement_provided(const struct check_ctx *ctx, const struct check_spec *spec,
			     struct check_result *res)
{
	const struct statement *st = ctx->statement;
	(void)spec;
	if (!st || strcmp(st->status, "unanswered") == 0) {
		finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, st ? st->line : 0,
			    NULL, ctx->control->id, "%s is not answered in the assessment",
			    ctx->control->id);
		res->summary = xasprintf("%s not answered", ctx->control->id);
		return 0;
	}
	finding_add(res, VERDICT_MET, ctx->assessment_relpath, st->line, NULL, st->ref,
		    "answered as %s (statement %s)", st->status, st->ref);
	res->summary = xasprintf("answered in the assessment (%s: %s)", st->ref, st->status);
	return 0;
}

int check_partner_evidence(const struct check_ctx *ctx, const struct check_spec *spec,
			   struct check_result *res)
{
	const struct statement *st = ctx->statement;
	size_t i;
	(void)spec;
	if (st && strcmp(st->status, "not-applicable") == 0) {
		finding_add(res, VERDICT_NOT_APPLICABLE, ctx->assessment_relpath, st->line, NULL,
			    st->ref, "declared not applicable%s%s",
			    st->notes ? ": " : "", st->notes ? st->notes : "");
		res->summary = xstrdup("declared not applicable");
		return 0;
	}
	if (!st || !st->nr_evidence) {
		finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, st ? st->line : 0,
			    NULL, ctx->control->id,
			    "no evidence referenced for %s; point at the documents a reviewer should read",
			    ctx->control->id);
		res->summary = xstrdup("no evidence referenced");
		return 0;
	}
	for (i = 0; i < st->nr_evidence; i++) {
		const struct evidence_file *f =
			workspace_require(ctx->workspace, &st->evidence[i], ctx->assessment->path);
		if (!f)
			return -1;
		finding_add(res, VERDICT_MANUAL, f->path, 0, NULL, st->ref,
			    "a reviewer must judge %s (sha256 %.12s…)", f->path, f->sha256);
	}
	res->summary = xasprintf("judged by a person: %zu document%s referenced",
				 st->nr_evidence, st->nr_evidence == 1 ? "" : "s");
	return 0;
}
