/*
 * check_runbooks.c - runbook-sections: every scenario names a Markdown
 * runbook that has the expected sections and numbered steps.
 *
 * The sections are data: param runbook-sections lists their names
 * ("scenario,preparation,steps,..."), param runbook-section-NAME is the
 * PCRE2 pattern a heading's text must match (English and Japanese headings
 * in the shipped defaults), runbook-heading finds headings (group 1 = the
 * heading text), runbook-numbered-section names the section that must hold
 * lines matching runbook-numbered-step.  Runbooks are streamed line by
 * line; headings inside fenced code blocks do not count.  A runbook that
 * still holds a template placeholder (<name, phone, e-mail>, TBD, XXX,
 * 未記入; drill_placeholder) outside code blocks and HTML comments is not
 * complete: the shipped template does not pass unedited.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/check_messages.h"
#include "checks/checks.h"
#include "drills/drill.h"
#include "evidence/evidence_text.h"
#include "base/error.h"
#include "evidence/pattern.h"
#include "base/strbuf.h"
#include "base/banned.h"

#define MAX_SECTIONS 16

struct runbook_rules {
	struct pattern *heading, *step;
	struct pattern *section[MAX_SECTIONS];
	char *name[MAX_SECTIONS];
	size_t nr;
	int numbered; /* index of the section needing numbered steps, -1 = none */
};

static void rules_free(struct runbook_rules *r)
{
	size_t i;
	pattern_free(r->heading);
	pattern_free(r->step);
	for (i = 0; i < r->nr; i++) {
		pattern_free(r->section[i]);
		free(r->name[i]);
	}
	memset(r, 0, sizeof(*r));
}

static struct pattern *param_pattern(const struct check_ctx *ctx, const struct check_spec *spec,
				     const char *name)
{
	long line;
	const char *src = check_param(spec, name, &line);
	if (!src) {
		error_at(ctx->questionnaire->path, spec->line, "check %s needs parameter %s",
			 spec->name, name);
		return NULL;
	}
	return pattern_compile(src, name, ctx->questionnaire->path, line ? line : spec->line);
}

/* Compile the rules from the parameters; 0 or -1 after reporting. */
static int rules_load(const struct check_ctx *ctx, const struct check_spec *spec,
		      struct runbook_rules *r)
{
	long line;
	const char *list = check_param(spec, "runbook-sections", &line);
	const char *numbered = check_param(spec, "runbook-numbered-section", NULL);
	const char *p;

	memset(r, 0, sizeof(*r));
	r->numbered = -1;
	if (!list || !*list)
		return error_at(ctx->questionnaire->path, spec->line,
				"check %s needs parameter runbook-sections", spec->name);
	if (!(r->heading = param_pattern(ctx, spec, "runbook-heading")))
		return -1;
	for (p = list; *p;) {
		size_t n = strcspn(p, ",");
		char *pname;
		if (!n || r->nr == MAX_SECTIONS)
			return error_at(ctx->questionnaire->path, line ? line : spec->line,
					"check %s: runbook-sections '%s' needs 1 to %d names",
					spec->name, list, MAX_SECTIONS);
		r->name[r->nr] = xstrndup(p, n);
		pname = xasprintf("runbook-section-%s", r->name[r->nr]);
		r->section[r->nr] = param_pattern(ctx, spec, pname);
		free(pname);
		r->nr++;
		if (!r->section[r->nr - 1])
			return -1;
		if (numbered && strcmp(numbered, r->name[r->nr - 1]) == 0)
			r->numbered = (int)r->nr - 1;
		p += n;
		if (*p == ',')
			p++;
	}
	if (numbered && r->numbered < 0)
		return error_at(ctx->questionnaire->path, spec->line,
				"check %s: runbook-numbered-section '%s' is not in runbook-sections",
				spec->name, numbered);
	if (r->numbered >= 0 && !(r->step = param_pattern(ctx, spec, "runbook-numbered-step")))
		return -1;
	return 0;
}

struct runbook_scan {
	long section_line[MAX_SECTIONS]; /* 0 = not found */
	long placeholder_line;           /* the first unfilled placeholder, 0 = none */
	char placeholder[64];
	size_t steps;
	int limit_hit;
};

/*
 * Stream one runbook through evidence_text (a runbook that is not text, has
 * a line over --max-line or changes while read is an input error it
 * reports); 0 or -1.
 */
static int scan_runbook(const struct check_ctx *ctx, const struct runbook_rules *rules,
			const char *relpath, struct runbook_scan *out)
{
	struct evidence_text et;
	char *text;
	size_t len, i, g[2 * PATTERN_MAX_GROUPS];
	int rc, in_fence = 0, in_comment = 0, current = -1;

	memset(out, 0, sizeof(*out));
	if (evidence_text_open(&et, ctx->workspace, relpath, "runbook") < 0)
		return -1;
	while ((rc = evidence_text_next(&et, &text, &len)) == 1) {
		const char *t = text;
		enum pattern_result m;
		while (*t == ' ')
			t++;
		if (strncmp(t, "```", 3) == 0 || strncmp(t, "~~~", 3) == 0) {
			in_fence = !in_fence;
			continue;
		}
		if (in_fence)
			continue;
		/* an unfilled placeholder, outside HTML comments (a template's notes) */
		{
			const char *open = strstr(text, "<!--"), *close = strstr(text, "-->");
			int was = in_comment;
			if (open)
				in_comment = !close || close < open;
			else if (close)
				in_comment = 0;
			if (!was && !open && !out->placeholder_line &&
			    drill_placeholder(text, len, out->placeholder, sizeof(out->placeholder)))
				out->placeholder_line = et.lineno;
		}
		m = pattern_match(rules->heading, text, len, g);
		if (m == PATTERN_LIMIT)
			out->limit_hit = 1;
		if (m == PATTERN_MATCH && g[2] != (size_t)-1) {
			current = -1;
			for (i = 0; i < rules->nr; i++) {
				m = pattern_match(rules->section[i], text + g[2], g[3] - g[2], NULL);
				if (m == PATTERN_LIMIT)
					out->limit_hit = 1;
				if (m == PATTERN_MATCH) {
					current = (int)i;
					if (!out->section_line[i])
						out->section_line[i] = et.lineno;
					break;
				}
			}
			continue;
		}
		if (current >= 0 && current == rules->numbered) {
			m = pattern_match(rules->step, text, len, NULL);
			if (m == PATTERN_LIMIT)
				out->limit_hit = 1;
			if (m == PATTERN_MATCH)
				out->steps++;
		}
	}
	evidence_text_close(&et);
	return rc < 0 ? -1 : 0;
}

int check_runbook_sections(const struct check_ctx *ctx, const struct check_spec *spec,
			   struct check_result *res)
{
	const struct assessment *a = ctx->assessment;
	struct runbook_rules rules;
	size_t i, k, complete = 0;
	int ret = 0;

	if (rules_load(ctx, spec, &rules) < 0) {
		rules_free(&rules);
		return -1;
	}
	for (i = 0; i < a->nr_scenarios; i++) {
		const struct scenario *s = &a->scenarios[i];
		const char *path = s->runbook.path;
		struct runbook_scan scan;
		struct strbuf found = STRBUF_INIT;
		char subject[96];
		int ok = 1;

		snprintf(subject, sizeof(subject), "runbook %s", s->id);
		if (!path) {
			finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, s->line, s->component,
				    subject, CMSG(ctx->lang, RB_NONE), s->id);
			continue;
		}
		if (!workspace_require(ctx->workspace, &s->runbook, a->path) ||
		    scan_runbook(ctx, &rules, path, &scan) < 0) {
			ret = -1;
			break;
		}
		for (k = 0; k < rules.nr; k++) {
			if (scan.section_line[k]) {
				strbuf_addf(&found, CMSG(ctx->lang, RB_SECTION_AT),
					    found.len ? CMSG(ctx->lang, LIST_SEP) : "",
					    rules.name[k], scan.section_line[k]);
				continue;
			}
			ok = 0;
			finding_add(res, VERDICT_NOT_MET, path, 0, s->component, subject,
				    CMSG(ctx->lang, RB_MISSING), path, s->id, rules.name[k],
				    rules.name[k], scan.limit_hit ? CMSG(ctx->lang, RB_LIMIT) : "");
		}
		if (rules.numbered >= 0 && scan.section_line[rules.numbered] && !scan.steps) {
			ok = 0;
			finding_add(res, VERDICT_NOT_MET, path, scan.section_line[rules.numbered],
				    s->component, subject,
				    CMSG(ctx->lang, RB_NO_STEPS), path,
				    rules.name[rules.numbered]);
		}
		if (scan.placeholder_line) {
			ok = 0;
			finding_add(res, VERDICT_NOT_MET, path, scan.placeholder_line, s->component,
				    subject, CMSG(ctx->lang, RB_PLACEHOLDER), path,
				    scan.placeholder_line, scan.placeholder);
		}
		if (ok) {
			complete++;
			finding_add(res, VERDICT_MET, path, 0, s->component, subject,
				    CMSG(ctx->lang, RB_OK),
				    path, s->id, strbuf_str(&found), scan.steps,
				    scan.steps == 1 ? "" : "s");
		}
		strbuf_release(&found);
	}
	if (ret == 0) {
		if (!a->nr_scenarios) {
			finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, 0, NULL, NULL,
				    "%s", CMSG(ctx->lang, RB_NO_SCENARIO));
			res->summary = xstrdup(CMSG(ctx->lang, RB_SUM_NONE));
		} else {
			res->summary = xasprintf(CMSG(ctx->lang, RB_SUM), complete,
						 a->nr_scenarios);
		}
	}
	rules_free(&rules);
	return ret;
}
