/*
 * check_objectives.c - checks on the stated objectives and the partner's
 * answers: objective-stated, rto-ceiling, statement-provided,
 * partner-evidence.  They read only the assessment, so every finding points
 * at a line of assessment.xml (or at the evidence the partner named).
 */
#include <stdio.h>
#include <string.h>

#include "model/check_messages.h"
#include "checks/checks.h"
#include "model/duration.h"
#include "model/calendar.h"
#include "base/error.h"
#include "base/banned.h"

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
				    c->id, which, CMSG(ctx->lang, OBJ_NONE),
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
					    c->id, subject, CMSG(ctx->lang, OBJ_NOT_STATED),
					    c->id, o->disruption, label);
				continue;
			}
			stated++;
			duration_format(seconds, ctx->lang, shown, sizeof(shown));
			finding_add(res, VERDICT_MET, ctx->assessment_relpath, o->line, c->id,
				    subject, CMSG(ctx->lang, OBJ_STATED), c->id,
				    o->disruption, label, shown, text);
		}
	}
	if (!components) {
		finding_add(res, VERDICT_NOT_APPLICABLE, ctx->assessment_relpath, 0, NULL, NULL,
			    CMSG(ctx->lang, OBJ_NO_COMPONENTS),
			    strcmp(scope, "all") ? CMSG(ctx->lang, CRITICAL_ADJ) : "");
		res->summary = xasprintf(CMSG(ctx->lang, OBJ_SUM_NONE),
					 strcmp(scope, "all") ? CMSG(ctx->lang, CRITICAL_ADJ_SP) : "");
		return 0;
	}
	res->summary = xasprintf(CMSG(ctx->lang, OBJ_SUM),
				 label, stated, total, components,
				 strcmp(scope, "all") ? CMSG(ctx->lang, CRITICAL_ADJ_SP) : "",
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
					    c->id, subject, CMSG(ctx->lang, RTO_OVER),
					    c->id, o->disruption, rto_shown, ceiling_shown);
			} else if (target && o->rto_seconds > target) {
				finding_add(res, VERDICT_MET, ctx->assessment_relpath, o->line,
					    c->id, subject, CMSG(ctx->lang, RTO_ADVICE),
					    c->id, o->disruption, rto_shown, ceiling_shown, target_shown);
			} else {
				finding_add(res, VERDICT_MET, ctx->assessment_relpath, o->line,
					    c->id, subject, CMSG(ctx->lang, RTO_WITHIN),
					    c->id, o->disruption, rto_shown, ceiling_shown);
			}
		}
		if (!any_rto)
			finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, c->line, c->id,
				    "rto", CMSG(ctx->lang, RTO_NONE),
				    c->id, ceiling_shown);
	}
	if (!checked && !res->nr_findings) {
		finding_add(res, VERDICT_NOT_APPLICABLE, ctx->assessment_relpath, 0, NULL, NULL,
			    "%s", CMSG(ctx->lang, NO_COMPONENTS));
		res->summary = xstrdup(CMSG(ctx->lang, NO_COMPONENTS));
		return 0;
	}
	res->summary = over ? xasprintf(CMSG(ctx->lang, RTO_SUM_OVER), over, checked,
					ceiling_shown)
			    : xasprintf(CMSG(ctx->lang, RTO_SUM_OK), checked, ceiling_shown);
	return 0;
}

int check_statement_provided(const struct check_ctx *ctx, const struct check_spec *spec,
			     struct check_result *res)
{
	const struct statement *st = ctx->statement;
	(void)spec;
	if (!st || strcmp(st->status, "unanswered") == 0) {
		finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, st ? st->line : 0,
			    NULL, ctx->control->id, CMSG(ctx->lang, STMT_NONE),
			    ctx->control->id);
		res->summary = xasprintf(CMSG(ctx->lang, STMT_SUM_NONE), ctx->control->id);
		return 0;
	}
	finding_add(res, VERDICT_MET, ctx->assessment_relpath, st->line, NULL, st->ref,
		    CMSG(ctx->lang, STMT_OK), st->status, st->ref);
	res->summary = xasprintf(CMSG(ctx->lang, STMT_SUM_OK), st->ref, st->status);
	return 0;
}

/*
 * A statement's <attestation>: within attestation-max-age (default P365D)
 * of its date it decides the check (met or not met, one finding per file
 * examined) and 0 is returned.  Dated after --as-of it is not met (0).
 * Expired, it adds a not-applicable finding saying so and returns 1: the
 * evidence is then to be judged again (manual).  -1 after an input error.
 */
static int attested(const struct check_ctx *ctx, const struct check_spec *spec,
		    const struct statement *st, struct check_result *res)
{
	const struct attestation *at = &st->attestation;
	enum verdict v = at->met ? VERDICT_MET : VERDICT_NOT_MET;
	int64_t max_age;
	char as_of[16], expires[16], age[64];
	size_t i;

	if (check_param_duration(ctx, spec, "attestation-max-age", 365 * 86400, &max_age) < 0)
		return -1;
	date_format(ctx->as_of_day, as_of, sizeof(as_of));
	if (at->day > ctx->as_of_day) {
		finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, at->line, NULL, st->ref,
			    CMSG(ctx->lang, ATTEST_FUTURE), at->by, at->date, as_of);
		res->summary = xasprintf(CMSG(ctx->lang, ATTEST_SUM), at->by, at->date);
		return 0;
	}
	date_format(at->day + max_age / 86400, expires, sizeof(expires));
	if (ctx->as_of_day > at->day + max_age / 86400) {
		duration_format(max_age, ctx->lang, age, sizeof(age));
		finding_add(res, VERDICT_NOT_APPLICABLE, ctx->assessment_relpath, at->line, NULL,
			    st->ref, CMSG(ctx->lang, ATTEST_EXPIRED), at->by, at->date, expires, age);
		/* what was examined is to be judged again, like the evidence */
		for (i = 0; i < at->nr_examined; i++) {
			const struct evidence_file *f = workspace_require(ctx->workspace,
				&at->examined[i], ctx->assessment->path);
			if (!f)
				return -1;
			finding_add(res, VERDICT_MANUAL, f->path, 0, NULL, st->ref,
				    CMSG(ctx->lang, EVID_JUDGE), f->path, f->sha256);
		}
		res->summary = xasprintf(CMSG(ctx->lang, ATTEST_SUM), at->by, at->date);
		return 1;
	}
	for (i = 0; i < at->nr_examined; i++) {
		const struct evidence_file *f =
			workspace_require(ctx->workspace, &at->examined[i], ctx->assessment->path);
		if (!f)
			return -1;
		finding_add(res, v, f->path, 0, NULL, st->ref, CMSG(ctx->lang, ATTEST_OK), at->by,
			    at->date, verdict_label(v, ctx->lang), f->path, f->sha256);
	}
	res->summary = xasprintf(CMSG(ctx->lang, ATTEST_SUM), at->by, at->date);
	return 0;
}

int check_partner_evidence(const struct check_ctx *ctx, const struct check_spec *spec,
			   struct check_result *res)
{
	const struct statement *st = ctx->statement;
	size_t i;
	if (st && strcmp(st->status, "not-applicable") == 0) {
		finding_add(res, VERDICT_NOT_APPLICABLE, ctx->assessment_relpath, st->line, NULL,
			    st->ref, CMSG(ctx->lang, EVID_NA),
			    st->notes ? CMSG(ctx->lang, NOTES_SEP) : "", st->notes ? st->notes : "");
		res->summary = xstrdup(CMSG(ctx->lang, EVID_SUM_NA));
		return 0;
	}
	if (!st || (!st->nr_evidence && !st->attestation.present)) {
		finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, st ? st->line : 0,
			    NULL, ctx->control->id,
			    CMSG(ctx->lang, EVID_NONE), ctx->control->id);
		res->summary = xstrdup(CMSG(ctx->lang, EVID_SUM_NONE));
		return 0;
	}
	if (st->attestation.present) {
		int rc = attested(ctx, spec, st, res);
		if (rc <= 0)
			return rc;
	}
	for (i = 0; i < st->nr_evidence; i++) {
		const struct evidence_file *f =
			workspace_require(ctx->workspace, &st->evidence[i], ctx->assessment->path);
		if (!f)
			return -1;
		finding_add(res, VERDICT_MANUAL, f->path, 0, NULL, st->ref,
			    CMSG(ctx->lang, EVID_JUDGE), f->path, f->sha256);
	}
	if (st->attestation.present)
		return 0; /* expired: its finding says so; summary below would miscount */
	res->summary = xasprintf(CMSG(ctx->lang, EVID_SUM),
				 st->nr_evidence, st->nr_evidence == 1 ? "" : "s");
	return 0;
}
