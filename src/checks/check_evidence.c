/*
 * check_evidence.c - evidence-current: is dated evidence recent enough?
 *
 * An evidence reference (an exported configuration, a drill log, a file a
 * statement points at) may say when it is effective (the day the period it
 * covers ends) and when it was collected.  Recency is judged by the
 * effective date, else the collection date: older than param max-age
 * before --as-of is stale (not met), dated after --as-of is not met.
 * Undated evidence is left to the other checks (not applicable here).
 */
#include <stdio.h>
#include <string.h>

#include "checks/checks.h"
#include "model/calendar.h"
#include "model/check_messages.h"
#include "model/duration.h"
#include "base/error.h"
#include "base/banned.h"

/* One reference: a finding on res, counted in dated and stale. */
static void judge(const struct check_ctx *ctx, const struct ref *r, int64_t max_days,
		  const char *max_text, struct check_result *res, size_t *dated, size_t *stale)
{
	char day[16];
	int64_t when;
	if (!r->path || (!r->has_effective && !r->has_collected))
		return;
	when = r->has_effective ? r->effective_day : r->collected_day;
	date_format(when, day, sizeof(day));
	(*dated)++;
	if (when > ctx->as_of_day) {
		(*stale)++;
		finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, r->line, NULL, r->path,
			    CMSG(ctx->lang, EVID_DATE_FUTURE), r->path, day);
	} else if (ctx->as_of_day - when > max_days) {
		(*stale)++;
		finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, r->line, NULL, r->path,
			    CMSG(ctx->lang, EVID_STALE), r->path,
			    r->has_effective ? CMSG(ctx->lang, EVID_EFFECTIVE) : CMSG(ctx->lang, EVID_COLLECTED),
			    day, max_text);
	} else {
		finding_add(res, VERDICT_MET, ctx->assessment_relpath, r->line, NULL, r->path,
			    CMSG(ctx->lang, EVID_CURRENT), r->path,
			    r->has_effective ? CMSG(ctx->lang, EVID_EFFECTIVE) : CMSG(ctx->lang, EVID_COLLECTED),
			    day, max_text);
	}
}

int check_evidence_current(const struct check_ctx *ctx, const struct check_spec *spec,
			   struct check_result *res)
{
	const struct assessment *a = ctx->assessment;
	int64_t max_age;
	char max_text[64];
	size_t i, j, dated = 0, stale = 0;

	if (check_param_duration(ctx, spec, "max-age", 365 * 86400, &max_age) < 0)
		return -1;
	duration_format(max_age, ctx->lang, max_text, sizeof(max_text));
	for (i = 0; i < a->nr_configs; i++)
		judge(ctx, &a->configs[i], max_age / 86400, max_text, res, &dated, &stale);
	for (i = 0; i < a->nr_scenarios; i++)
		for (j = 0; j < a->scenarios[i].nr_drill_logs; j++)
			judge(ctx, &a->scenarios[i].drill_logs[j], max_age / 86400, max_text, res,
			      &dated, &stale);
	for (i = 0; i < a->nr_statements; i++)
		for (j = 0; j < a->statements[i].nr_evidence; j++)
			judge(ctx, &a->statements[i].evidence[j], max_age / 86400, max_text, res,
			      &dated, &stale);
	res->summary = dated ? xasprintf(CMSG(ctx->lang, EVID_DATED_SUM), dated, stale, max_text)
			     : xstrdup(CMSG(ctx->lang, EVID_UNDATED_SUM));
	return 0;
}
