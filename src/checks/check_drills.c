/*
 * check_drills.c - checks on the drill records read from the evidence
 * (drill.h), one per question the controls ask:
 *   scenario-drilled         DR-007  every scenario has a readable drill
 *   drill-current            DR-008  latest success within cadence, max-age,
 *                                    and after the latest major change
 *   drill-within-objectives  DR-008  measured recovery <= RTO, data loss <= RPO
 *   drill-coverage           DR-008  restoration, data loss, availability covered
 *   drill-log-complete       DR-009  the most recent log has date, scenario,
 *                                    start, end and outcome
 * Every threshold is a parameter; every finding names the file and line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/calendar.h"
#include "model/check_messages.h"
#include "checks/checks.h"
#include "drills/drill_calendar.h"
#include "model/duration.h"
#include "base/error.h"
#include "base/banned.h"

/* 1 when item is in the comma-separated list (or the list is empty/NULL). */
static int in_list(const char *list, const char *item)
{
	size_t n = strlen(item);
	const char *p = list;
	if (!list || !*list)
		return 1;
	while (p && *p) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && strncmp(p, item, n) == 0)
			return 1;
		p = end ? end + 1 : NULL;
	}
	return 0;
}

static const char *disruption_filter(const struct check_spec *spec)
{
	return check_param(spec, "disruption", NULL);
}

static char *subject_of(const struct scenario *s)
{
	return xasprintf("scenario %s", s->id);
}

/* " (times without an offset read in +09:00, line N)" or "". Caller frees. */
static char *tz_note(const struct check_ctx *ctx, const struct drill_record *r)
{
	if (!r->tz_assumed)
		return xstrdup("");
	return xasprintf(CMSG(ctx->lang, DRILL_TZ), ctx->assessment->timezone, r->tz_line);
}

/* A drill's outcome in the reader's language (static). */
static const char *outcome_text(const struct check_ctx *ctx, enum drill_outcome outcome)
{
	switch (outcome) {
	case DRILL_SUCCESS: return CMSG(ctx->lang, OUTCOME_SUCCESS);
	case DRILL_FAILURE: return CMSG(ctx->lang, OUTCOME_FAILURE);
	default: return CMSG(ctx->lang, OUTCOME_UNKNOWN);
	}
}

static void fmt_day(int64_t day, char out[16])
{
	date_format(day, out, 16);
}

/* No scenario in scope: a finding and a summary. */
static int none_in_scope(const struct check_ctx *ctx, const struct check_spec *spec,
			 struct check_result *res)
{
	const char *filter = disruption_filter(spec);
	if (filter)
		finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, 0, NULL, NULL,
			    CMSG(ctx->lang, NO_SCENARIO_FOR), filter);
	else
		finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, 0, NULL, NULL, "%s",
			    CMSG(ctx->lang, NO_SCENARIO));
	res->summary = xstrdup(CMSG(ctx->lang, SUM_NO_SCENARIO));
	return 0;
}

int check_scenario_drilled(const struct check_ctx *ctx, const struct check_spec *spec,
			   struct check_result *res)
{
	const struct assessment *a = ctx->assessment;
	const char *filter = disruption_filter(spec);
	size_t i, j, scope = 0, drilled = 0;

	for (i = 0; i < a->nr_scenarios; i++) {
		const struct scenario *s = &a->scenarios[i];
		char *subject;
		size_t readable = 0;
		int failed = 0, doubtful = 0;
		if (!in_list(filter, s->disruption))
			continue;
		scope++;
		subject = subject_of(s);
		if (!s->nr_drill_logs)
			finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, s->line,
				    s->component, subject,
				    CMSG(ctx->lang, DRILL_NO_LOG), s->id);
		for (j = 0; j < ctx->drills->nr; j++) {
			const struct drill_record *r = &ctx->drills->items[j];
			char day[16], *tz;
			if (r->scenario != s)
				continue;
			if (r->problem) {
				finding_add(res, VERDICT_NOT_MET, r->file, r->problem_line, s->component,
					    subject, CMSG(ctx->lang, DRILL_UNREADABLE), r->file, r->problem);
				continue;
			}
			if (r->limit_hit)
				finding_add(res, VERDICT_NOT_MET, r->file, r->limit_line, s->component,
					    subject, CMSG(ctx->lang, DRILL_LIMIT),
					    r->file, r->limit_line);
			readable++;
			if (r->has_date)
				fmt_day(r->day, day);
			if (r->doubt) {
				doubtful = 1;
				finding_add(res, VERDICT_NOT_MET, r->file, r->doubt_line, s->component,
					    subject, CMSG(ctx->lang, DRILL_DOUBT), s->id,
					    r->has_date ? day : CMSG(ctx->lang, UNDATED), r->doubt);
				continue;
			}
			tz = tz_note(ctx, r);
			if (r->has_date)
				finding_add(res, VERDICT_MET, r->file, r->date_line, s->component,
					    subject, CMSG(ctx->lang, DRILL_DONE), s->id, day,
					    drill_source_name(r->source), outcome_text(ctx, r->outcome),
					    tz);
			else
				finding_add(res, VERDICT_MET, r->file, r->line, s->component, subject,
					    CMSG(ctx->lang, DRILL_DONE_UNDATED), s->id,
					    drill_source_name(r->source), outcome_text(ctx, r->outcome),
					    tz);
			free(tz);
		}
		{
			const struct drill_record *bad = drill_unrepaired_failure(ctx->drills, s,
										   ctx->as_of_day);
			if (bad) {
				char day[16], *note = bad->failure_note
					? xasprintf(": %s", bad->failure_note) : xstrdup("");
				long line = bad->failure_line ? bad->failure_line
					: bad->outcome_line ? bad->outcome_line : bad->line;
				fmt_day(bad->day, day);
				finding_add(res, VERDICT_NOT_MET, bad->file, line, s->component, subject,
					    CMSG(ctx->lang, DRILL_FAILED), s->id, day, bad->file, line,
					    note);
				free(note);
				readable = 0;
				failed = 1;
			}
		}
		if (failed)
			;
		else if (s->nr_drill_logs && !readable)
			finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, s->line,
				    s->component, subject,
				    CMSG(ctx->lang, DRILL_NONE_READABLE), s->id,
				    s->nr_drill_logs, s->nr_drill_logs == 1 ? "" : "s");
		else if (readable && !doubtful)
			drilled++;
		free(subject);
	}
	if (!scope)
		return none_in_scope(ctx, spec, res);
	res->summary = xasprintf(CMSG(ctx->lang, DRILL_SUM), drilled, scope,
				 scope == 1 ? "" : "s");
	return 0;
}

int check_drill_current(const struct check_ctx *ctx, const struct check_spec *spec,
			struct check_result *res)
{
	const struct assessment *a = ctx->assessment;
	const char *filter = disruption_filter(spec);
	static const char *const yes_no[] = { "yes", "no", NULL };
	const char *after_change, *why;
	long line;
	const char *max_age_text = check_param(spec, "max-age", &line);
	struct cadence max_age = { NULL, 0, 0 };
	size_t i, j, scope = 0, current = 0;

	if (check_param_choice(ctx, spec, "after-major-change", "yes", yes_no, &after_change) < 0)
		return -1;
	if (max_age_text && cadence_parse(max_age_text, &max_age, &why) < 0)
		return error_at(ctx->questionnaire->path, line ? line : spec->line,
				"check %s: parameter max-age '%s': %s", spec->name, max_age_text, why);
	for (i = 0; i < a->nr_scenarios; i++) {
		const struct scenario *s = &a->scenarios[i];
		const struct drill_record *last;
		const struct major_change *change;
		char *subject, *tz, last_day[16], due_day[16], as_of[16];
		int64_t due;
		const char *limit = CMSG(ctx->lang, LIMIT_CADENCE), *limit_text = s->cadence.text;
		int ok = 1;

		if (!in_list(filter, s->disruption))
			continue;
		scope++;
		subject = subject_of(s);
		fmt_day(ctx->as_of_day, as_of);
		for (j = 0; j < ctx->drills->nr; j++) {
			const struct drill_record *r = &ctx->drills->items[j];
			char day[16];
			if (r->scenario != s || r->problem || !r->has_date || r->day <= ctx->as_of_day)
				continue;
			fmt_day(r->day, day);
			finding_add(res, VERDICT_NOT_MET, r->file, r->date_line, s->component, subject,
				    CMSG(ctx->lang, CUR_FUTURE),
				    r->file, day, as_of);
		}
		last = drill_latest_success(ctx->drills, s, ctx->as_of_day);
		if (!last) {
			const struct drill_record *latest = drill_latest(ctx->drills, s, ctx->as_of_day);
			if (latest) {
				fmt_day(latest->day, last_day);
				finding_add(res, VERDICT_NOT_MET, latest->file,
					    latest->outcome_line ? latest->outcome_line : latest->line,
					    s->component, subject,
					    CMSG(ctx->lang, CUR_NO_SUCCESS_LATEST),
					    s->id, last_day, outcome_text(ctx, latest->outcome));
			} else {
				finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, s->line,
					    s->component, subject,
					    CMSG(ctx->lang, CUR_NO_SUCCESS), s->id);
			}
			free(subject);
			continue;
		}
		fmt_day(last->day, last_day);
		tz = tz_note(ctx, last);
		due = cadence_add(&s->cadence, last->day);
		if (max_age_text && cadence_add(&max_age, last->day) < due) {
			due = cadence_add(&max_age, last->day);
			limit = CMSG(ctx->lang, LIMIT_MAX_AGE);
			limit_text = max_age_text;
		}
		fmt_day(due, due_day);
		if (due < ctx->as_of_day) {
			ok = 0;
			finding_add(res, VERDICT_NOT_MET, last->file, last->date_line, s->component,
				    subject,
				    CMSG(ctx->lang, CUR_OVERDUE), s->id, last_day, limit, limit_text,
				    due_day, (long long)(ctx->as_of_day - due),
				    ctx->as_of_day - due == 1 ? "" : "s", as_of, tz);
		}
		{
			const struct drill_record *bad = drill_unrepaired_failure(ctx->drills, s,
										   ctx->as_of_day);
			if (bad) {
				char day[16], *note = bad->failure_note
					? xasprintf(": %s", bad->failure_note) : xstrdup("");
				long bline = bad->failure_line ? bad->failure_line
					: bad->outcome_line ? bad->outcome_line : bad->line;
				ok = 0;
				fmt_day(bad->day, day);
				finding_add(res, VERDICT_NOT_MET, bad->file, bline, s->component, subject,
					    CMSG(ctx->lang, CUR_NEWER_FAILURE), s->id, day, last_day,
					    bad->file, bline, note);
				free(note);
			}
		}
		change = !strcmp(after_change, "yes")
			? latest_major_change(a, s->component, ctx->as_of_day) : NULL;
		if (change && last->day < change->day) {
			char change_day[16];
			ok = 0;
			fmt_day(change->day, change_day);
			finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, change->line,
				    s->component, subject,
				    CMSG(ctx->lang, CUR_BEFORE_CHANGE),
				    s->id, last_day, change_day, change->text);
		}
		if (ok) {
			current++;
			finding_add(res, VERDICT_MET, last->file, last->date_line, s->component, subject,
				    CMSG(ctx->lang, CUR_OK), s->id, last_day, limit, limit_text, due_day,
				    change ? CMSG(ctx->lang, AFTER_CHANGE) : "", tz);
		}
		free(tz);
		free(subject);
	}
	if (!scope)
		return none_in_scope(ctx, spec, res);
	res->summary = xasprintf(CMSG(ctx->lang, CUR_SUM), current, scope,
				 scope == 1 ? "" : "s");
	return 0;
}

/* Why a record has no recovery measurement (in ctx->lang, static), and the
 * line it concerns. */
static const char *no_recovery_reason(const struct check_ctx *ctx, const struct drill_record *r,
				      long *line)
{
	*line = r->line;
	if (!r->outage.line)
		return CMSG(ctx->lang, NOREC_NO_OUTAGE);
	*line = r->outage.line;
	if (!r->outage.set)
		return CMSG(ctx->lang, NOREC_OUTAGE_NO_TIME);
	if (r->restored.line && !r->restored.set) {
		*line = r->restored.line;
		return CMSG(ctx->lang, NOREC_RESTORED_NO_TIME);
	}
	if (!r->restored.set)
		return CMSG(ctx->lang, NOREC_NEVER_RESTORED);
	*line = r->restored.line;
	return CMSG(ctx->lang, NOREC_BACKWARDS);
}

int check_drill_within_objectives(const struct check_ctx *ctx, const struct check_spec *spec,
				  struct check_result *res)
{
	const struct assessment *a = ctx->assessment;
	const char *filter = disruption_filter(spec);
	const char *need_loss = check_param(spec, "data-loss-required-for", NULL);
	size_t i, scope = 0, within = 0;

	for (i = 0; i < a->nr_scenarios; i++) {
		const struct scenario *s = &a->scenarios[i];
		const struct component *c = assessment_component(a, s->component);
		const struct objective *o = c ? component_objective(c, s->disruption) : NULL;
		const struct drill_record *r;
		char *subject, *tz, day[16], got[64], want[64];
		int ok = 1;

		if (!in_list(filter, s->disruption))
			continue;
		scope++;
		subject = subject_of(s);
		r = drill_latest_success(ctx->drills, s, ctx->as_of_day);
		if (!r) {
			r = drill_latest(ctx->drills, s, ctx->as_of_day);
			if (!r) {
				finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, s->line,
					    s->component, subject,
					    CMSG(ctx->lang, WITHIN_NO_DRILL), s->id);
				free(subject);
				continue;
			}
			ok = 0;
			fmt_day(r->day, day);
			finding_add(res, VERDICT_NOT_MET, r->file,
				    r->outcome_line ? r->outcome_line : r->line, s->component, subject,
				    CMSG(ctx->lang, WITHIN_NO_SUCCESS), s->id, day,
				    outcome_text(ctx, r->outcome));
		}
		fmt_day(r->day, day);
		tz = tz_note(ctx, r);
		if (!o || !o->has_rto) {
			ok = 0;
			finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, c ? c->line : s->line,
				    s->component, subject,
				    CMSG(ctx->lang, WITHIN_NO_RTO),
				    s->id, s->component, s->disruption);
		} else if (!r->has_recovery) {
			long line;
			const char *why = no_recovery_reason(ctx, r, &line);
			ok = 0;
			finding_add(res, VERDICT_NOT_MET, r->file, line, s->component, subject,
				    CMSG(ctx->lang, WITHIN_NOT_MEASURED),
				    s->id, day, why);
		} else {
			duration_format(r->recovery_seconds, ctx->lang, got, sizeof(got));
			duration_format(o->rto_seconds, ctx->lang, want, sizeof(want));
			if (r->recovery_seconds > o->rto_seconds)
				ok = 0;
			finding_add(res, r->recovery_seconds > o->rto_seconds ? VERDICT_NOT_MET : VERDICT_MET,
				    r->file, r->restored.line, s->component, subject,
				    r->recovery_seconds > o->rto_seconds ? CMSG(ctx->lang, WITHIN_RTO_OVER)
									 : CMSG(ctx->lang, WITHIN_RTO_OK),
				    s->id, got, r->outage.line, r->restored.line, day, want, tz);
		}
		if (r->has_data_loss && o && o->has_rpo) {
			int over = r->data_loss_seconds > o->rpo_seconds;
			duration_format(r->data_loss_seconds, ctx->lang, got, sizeof(got));
			duration_format(o->rpo_seconds, ctx->lang, want, sizeof(want));
			if (over)
				ok = 0;
			if (!r->recovery_point.set)
				/* the team wrote the amount ("Data loss: 3 min") */
				finding_add(res, over ? VERDICT_NOT_MET : VERDICT_MET, r->file,
					    r->data_loss_line, s->component, subject,
					    over ? CMSG(ctx->lang, WITHIN_LOSS_STATED_OVER)
						 : CMSG(ctx->lang, WITHIN_LOSS_STATED_OK),
					    s->id, got, r->data_loss_line, want, tz);
			else
				finding_add(res, over ? VERDICT_NOT_MET : VERDICT_MET, r->file,
					    r->recovery_point.line, s->component, subject,
					    over ? CMSG(ctx->lang, WITHIN_RPO_OVER)
						 : CMSG(ctx->lang, WITHIN_RPO_OK),
					    s->id, got, r->recovery_point.line, r->outage.line, want, tz);
		} else if (!r->has_data_loss && need_loss && in_list(need_loss, s->disruption)) {
			ok = 0;
			finding_add(res, VERDICT_NOT_MET, r->file,
				    r->recovery_point.line ? r->recovery_point.line : r->line,
				    s->component, subject,
				    CMSG(ctx->lang, WITHIN_LOSS_UNMEASURED), s->id, day,
				    r->recovery_point.line ? CMSG(ctx->lang, RP_NO_TIME)
							   : CMSG(ctx->lang, RP_NO_MARKER),
				    s->disruption);
		}
		free(tz);
		free(subject);
		within += ok;
	}
	if (!scope)
		return none_in_scope(ctx, spec, res);
	res->summary = xasprintf(CMSG(ctx->lang, WITHIN_SUM), within,
				 scope, scope == 1 ? "" : "s");
	return 0;
}

/* A successful drill of a scenario whose disruption is one of alts ('|'-separated). */
static const struct drill_record *covering(const struct check_ctx *ctx, const char *alts,
					   size_t alts_len)
{
	const struct assessment *a = ctx->assessment;
	char *list = xstrndup(alts, alts_len), *p;
	const struct drill_record *best = NULL;
	size_t i;
	for (p = list; *p; p++)
		if (*p == '|')
			*p = ',';
	for (i = 0; i < a->nr_scenarios && !best; i++)
		if (in_list(list, a->scenarios[i].disruption))
			best = drill_latest_success(ctx->drills, &a->scenarios[i], ctx->as_of_day);
	free(list);
	return best;
}

int check_drill_coverage(const struct check_ctx *ctx, const struct check_spec *spec,
			 struct check_result *res)
{
	static const char *const yes_no[] = { "yes", "no", NULL };
	long line;
	const char *required = check_param(spec, "required", &line), *p, *loss;
	size_t groups = 0, covered = 0, i;

	if (check_param_choice(ctx, spec, "data-loss-measured", "no", yes_no, &loss) < 0)
		return -1;
	if (!required || !*required)
		return error_at(ctx->questionnaire->path, spec->line,
				"check %s needs parameter required (label=disruption|..., ...)",
				spec->name);
	for (p = required; p && *p;) {
		const char *end = strchr(p, ','), *eq;
		size_t len = end ? (size_t)(end - p) : strlen(p);
		const struct drill_record *r;
		char day[16];
		eq = memchr(p, '=', len);
		if (!eq || eq == p || eq + 1 == p + len)
			return error_at(ctx->questionnaire->path, line ? line : spec->line,
					"check %s: parameter required: '%.*s' is not label=disruption|...",
					spec->name, (int)len, p);
		groups++;
		r = covering(ctx, eq + 1, (size_t)(p + len - eq - 1));
		if (r) {
			covered++;
			fmt_day(r->day, day);
			finding_add(res, VERDICT_MET, r->file, r->date_line, r->scenario->component,
				    "coverage", CMSG(ctx->lang, COV_OK),
				    (int)(eq - p), p, r->scenario->id, day);
		} else {
			finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, 0, NULL, "coverage",
				    CMSG(ctx->lang, COV_MISSING),
				    (int)(eq - p), p, (int)(p + len - eq - 1), eq + 1);
		}
		p = end ? end + 1 : NULL;
	}
	if (!strcmp(loss, "yes")) {
		const struct drill_record *found = NULL;
		groups++;
		for (i = 0; i < ctx->drills->nr && !found; i++) {
			const struct drill_record *r = &ctx->drills->items[i];
			if (!r->problem && r->outcome == DRILL_SUCCESS && r->has_data_loss &&
			    r->has_date && r->day <= ctx->as_of_day)
				found = r;
		}
		if (found) {
			covered++;
			finding_add(res, VERDICT_MET, found->file, found->data_loss_line,
				    found->scenario ? found->scenario->component : NULL, "coverage",
				    found->recovery_point.set ? CMSG(ctx->lang, COV_LOSS_OK)
							      : CMSG(ctx->lang, COV_LOSS_STATED_OK),
				    found->scenario ? found->scenario->id : "?", found->data_loss_line);
		} else {
			finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, 0, NULL, "coverage",
				    "%s", CMSG(ctx->lang, COV_LOSS_MISSING));
		}
	}
	res->summary = xasprintf(CMSG(ctx->lang, COV_SUM), covered, groups);
	return 0;
}

/* The fields r lacks, as "date, end" (in ctx->lang) into out; returns how
 * many (0 = complete). */
static int missing_fields(const struct check_ctx *ctx, const struct drill_record *r,
			  char *out, size_t size)
{
	int n = 0;
	out[0] = '\0';
#define MISSING(cond, name)                                                     \
	do {                                                                   \
		if (cond) {                                                    \
			size_t used = strlen(out);                             \
			snprintf(out + used, size - used, "%s%s",                     \
				 n ? CMSG(ctx->lang, LIST_SEP) : "", name);            \
			n++;                                                   \
		}                                                              \
	} while (0)
	MISSING(!r->has_date, CMSG(ctx->lang, FIELD_DATE));
	MISSING(r->source == DRILL_SOURCE_TEXT && !r->scenario_named, CMSG(ctx->lang, FIELD_SCENARIO));
	MISSING(!r->started.set && !r->outage.set, CMSG(ctx->lang, FIELD_START));
	MISSING(!r->ended.set && !r->restored.set, CMSG(ctx->lang, FIELD_END));
	MISSING(r->outcome == DRILL_UNKNOWN, CMSG(ctx->lang, FIELD_OUTCOME));
#undef MISSING
	return n;
}

int check_drill_log_complete(const struct check_ctx *ctx, const struct check_spec *spec,
			     struct check_result *res)
{
	const struct assessment *a = ctx->assessment;
	const char *filter = disruption_filter(spec);
	size_t i, j, scope = 0, complete = 0;

	for (i = 0; i < a->nr_scenarios; i++) {
		const struct scenario *s = &a->scenarios[i];
		const struct drill_record *recent = NULL;
		char *subject, day[16], missing[160];
		int bad = 0;

		if (!in_list(filter, s->disruption))
			continue;
		scope++;
		subject = subject_of(s);
		for (j = 0; j < ctx->drills->nr; j++) {
			const struct drill_record *r = &ctx->drills->items[j];
			if (r->scenario != s)
				continue;
			if (r->problem) {
				bad = 1;
				finding_add(res, VERDICT_NOT_MET, r->file, r->problem_line, s->component,
					    subject, CMSG(ctx->lang, LOG_UNREADABLE),
					    r->file, r->problem);
			} else if (!r->has_date) {
				bad = 1;
				finding_add(res, VERDICT_NOT_MET, r->file, r->line, s->component, subject,
					    CMSG(ctx->lang, LOG_UNDATED),
					    r->file);
			} else if (!recent || r->day > recent->day) {
				recent = r;
			}
		}
		if (!recent) {
			if (!bad)
				finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, s->line,
					    s->component, subject,
					    CMSG(ctx->lang, LOG_NONE), s->id);
			free(subject);
			continue;
		}
		fmt_day(recent->day, day);
		if (recent->scenario_named && strcmp(recent->scenario_named, s->id)) {
			bad = 1;
			finding_add(res, VERDICT_NOT_MET, recent->file, recent->scenario_line,
				    s->component, subject,
				    CMSG(ctx->lang, LOG_WRONG_SCENARIO),
				    recent->file, recent->scenario_named, s->id);
		}
		if (missing_fields(ctx, recent, missing, sizeof(missing))) {
			bad = 1;
			finding_add(res, VERDICT_NOT_MET, recent->file, recent->line, s->component,
				    subject, CMSG(ctx->lang, LOG_INCOMPLETE),
				    recent->file, day, missing);
		} else if (!bad) {
			finding_add(res, VERDICT_MET, recent->file, recent->date_line, s->component,
				    subject,
				    CMSG(ctx->lang, LOG_COMPLETE),
				    recent->file, day,
				    recent->started.set ? recent->started.line : recent->outage.line,
				    recent->ended.set ? recent->ended.line : recent->restored.line,
				    outcome_text(ctx, recent->outcome), recent->outcome_line);
		}
		complete += !bad;
		free(subject);
	}
	if (!scope)
		return none_in_scope(ctx, spec, res);
	res->summary = xasprintf(CMSG(ctx->lang, LOG_SUM), complete, scope);
	return 0;
}
