/*
 * check_drills.c - checks on the drill logs a scenario names:
 * drill-logs-present and drill-log-dated.  Logs are streamed line by line
 * through evidence_text (hostile input: binary data, over-long lines and
 * files changing under us are input errors);
 * the date pattern comes from the questionnaire (param date-pattern, groups
 * 1-3 = year, month, day).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "calendar.h"
#include "checks.h"
#include "error.h"
#include "evidence_text.h"
#include "pattern.h"
#include "banned.h"

/* 1 when the scenario's disruption is in the comma-separated filter (or no filter). */
static int disruption_selected(const char *filter, const char *disruption)
{
	size_t n = strlen(disruption);
	const char *p = filter;
	if (!filter || !*filter)
		return 1;
	while (p && *p) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && strncmp(p, disruption, n) == 0)
			return 1;
		p = end ? end + 1 : NULL;
	}
	return 0;
}

int check_drill_logs_present(const struct check_ctx *ctx, const struct check_spec *spec,
			     struct check_result *res)
{
	const struct assessment *a = ctx->assessment;
	const char *filter = check_param(spec, "disruption", NULL);
	size_t i, j, scenarios = 0, logs = 0;

	for (i = 0; i < a->nr_scenarios; i++) {
		const struct scenario *s = &a->scenarios[i];
		char subject[96];
		if (!disruption_selected(filter, s->disruption))
			continue;
		scenarios++;
		snprintf(subject, sizeof(subject), "scenario %s", s->id);
		if (!s->nr_drill_logs) {
			finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, s->line,
				    s->component, subject,
				    "scenario %s has no drill log: it has not been tested", s->id);
			continue;
		}
		for (j = 0; j < s->nr_drill_logs; j++) {
			const struct evidence_file *f =
				workspace_require(ctx->workspace, &s->drill_logs[j], a->path);
			if (!f)
				return -1;
			logs++;
			finding_add(res, VERDICT_MET, f->path, 0, s->component, subject,
				    "scenario %s: drill log %s (%llu bytes, sha256 %.12s…)",
				    s->id, f->path, (unsigned long long)f->size, f->sha256);
		}
	}
	if (!scenarios) {
		finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, 0, NULL, NULL,
			    filter ? "no DR scenario for disruption %s is declared"
				   : "no DR scenario is declared%s",
			    filter ? filter : "");
		res->summary = xstrdup("no scenario to test");
		return 0;
	}
	res->summary = xasprintf("%zu drill log%s for %zu scenario%s", logs,
				 logs == 1 ? "" : "s", scenarios, scenarios == 1 ? "" : "s");
	return 0;
}

/*
 * Find the first date in a drill log.  Returns 1 with *day and *line set, 0
 * when there is none, -1 after reporting an input error.  *limit_hit is set
 * when the pattern hit its match limit on some line.  The whole log is read
 * through evidence_text even after the date is found, so a log that is not
 * text (NUL bytes, invalid UTF-8, an over-long line) or that changes while
 * read is an input error wherever the bad part is.
 */
static int first_date(const struct check_ctx *ctx, const struct pattern *pat,
		      const char *relpath, int64_t *day, long *line, int *limit_hit)
{
	struct evidence_text t;
	char *text;
	size_t len, g[2 * PATTERN_MAX_GROUPS];
	int rc, found = 0;

	if (evidence_text_open(&t, ctx->workspace, relpath, "drill log") < 0)
		return -1;
	while ((rc = evidence_text_next(&t, &text, &len)) == 1) {
		enum pattern_result m;
		unsigned y, mo, d;
		if (found)
			continue;
		m = pattern_match(pat, text, len, g);
		if (m == PATTERN_LIMIT)
			*limit_hit = 1;
		if (m != PATTERN_MATCH || g[2] == (size_t)-1 || g[4] == (size_t)-1 ||
		    g[6] == (size_t)-1)
			continue;
		y = (unsigned)strtoul(text + g[2], NULL, 10);
		mo = (unsigned)strtoul(text + g[4], NULL, 10);
		d = (unsigned)strtoul(text + g[6], NULL, 10);
		if (!civil_valid(y, mo, d))
			continue;
		*day = days_from_civil(y, mo, d);
		*line = t.lineno;
		found = 1;
	}
	evidence_text_close(&t);
	return rc < 0 ? -1 : found;
}

int check_drill_log_dated(const struct check_ctx *ctx, const struct check_spec *spec,
			  struct check_result *res)
{
	const struct assessment *a = ctx->assessment;
	const char *filter = check_param(spec, "disruption", NULL);
	long pline;
	const char *source = check_param(spec, "date-pattern", &pline);
	struct pattern *pat;
	size_t i, j, dated = 0, total = 0;
	int ret = 0;

	if (!source)
		return error_at(ctx->questionnaire->path, spec->line,
				"check %s needs parameter date-pattern", spec->name);
	pat = pattern_compile(source, "date-pattern", ctx->questionnaire->path, pline);
	if (!pat)
		return -1;

	for (i = 0; i < a->nr_scenarios; i++) {
		const struct scenario *s = &a->scenarios[i];
		char subject[96], shown[16];
		int64_t latest = -1;
		if (!disruption_selected(filter, s->disruption))
			continue;
		snprintf(subject, sizeof(subject), "scenario %s", s->id);
		if (!s->nr_drill_logs) {
			total++;
			finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, s->line,
				    s->component, subject, "scenario %s: no drill log to date", s->id);
			continue;
		}
		for (j = 0; j < s->nr_drill_logs; j++) {
			const char *path = s->drill_logs[j].path;
			int64_t day = 0;
			long line = 0;
			int limit_hit = 0, rc;

			total++;
			rc = first_date(ctx, pat, path, &day, &line, &limit_hit);
			if (rc < 0) {
				ret = -1;
				goto out;
			}
			if (!rc) {
				finding_add(res, VERDICT_NOT_MET, path, 0, s->component, subject,
					    limit_hit ? "drill log %s: date pattern hit its match limit; no date found"
						      : "drill log %s carries no date", path);
				continue;
			}
			date_format(day, shown, sizeof(shown));
			if (day > ctx->as_of_day) {
				finding_add(res, VERDICT_NOT_MET, path, line, s->component, subject,
					    "drill log %s is dated %s, after the assessment date",
					    path, shown);
				continue;
			}
			dated++;
			if (day > latest)
				latest = day;
			finding_add(res, VERDICT_MET, path, line, s->component, subject,
				    "scenario %s: drill log dated %s", s->id, shown);
		}
	}
	if (!total) {
		finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, 0, NULL, NULL,
			    "no DR scenario%s%s is declared", filter ? " for disruption " : "",
			    filter ? filter : "");
		res->summary = xstrdup("no scenario to date");
		goto out;
	}
	res->summary = xasprintf("%zu of %zu drill logs dated", dated, total);
out:
	pattern_free(pat);
	return ret;
}
