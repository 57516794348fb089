/*
 * results.c - building and combining verdicts.
 *
 * The combination rule is one function (combine) used at both levels, so a
 * control can never disagree with its checks.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/results.h"
#include "base/error.h"
#include "base/banned.h"

static const char *const names[] = {
	[VERDICT_MET] = "met",
	[VERDICT_NOT_APPLICABLE] = "not-applicable",
	[VERDICT_MANUAL] = "manual",
	[VERDICT_NOT_MET] = "not-met",
	[VERDICT_WAIVED] = "waived",
};

const char *verdict_name(enum verdict v)
{
	return names[v];
}

const char *verdict_label(enum verdict v, const char *lang)
{
	static const char *const en[] = {
		[VERDICT_MET] = "met",
		[VERDICT_NOT_APPLICABLE] = "not applicable",
		[VERDICT_MANUAL] = "manual",
		[VERDICT_NOT_MET] = "not met",
		[VERDICT_WAIVED] = "waived",
	};
	static const char *const ja[] = {
		[VERDICT_MET] = "適合",
		[VERDICT_NOT_APPLICABLE] = "対象外",
		[VERDICT_MANUAL] = "要確認",
		[VERDICT_NOT_MET] = "不適合",
		[VERDICT_WAIVED] = "免除",
	};
	return lang && strcmp(lang, "ja") == 0 ? ja[v] : en[v];
}

int verdict_parse(const char *name, enum verdict *out)
{
	size_t i;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcmp(names[i], name) == 0) {
			*out = (enum verdict)i;
			return 0;
		}
	}
	return -1;
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

struct finding *finding_add(struct check_result *cr, enum verdict status,
			    const char *file, long line, const char *component,
			    const char *subject, const char *fmt, ...)
{
	struct finding *f;
	va_list ap;

	ALLOC_GROW(cr->findings, cr->nr_findings, cr->alloc_findings);
	f = &cr->findings[cr->nr_findings++];
	f->status = status;
	f->file = dup_or_null(file);
	f->line = line;
	f->component = dup_or_null(component);
	f->subject = dup_or_null(subject);
	va_start(ap, fmt);
	f->message = xvasprintf(fmt, ap);
	va_end(ap);
	return f;
}

/* The combination rule for a list of verdicts; see check_result_settle. */
static enum verdict combine(const enum verdict *v, size_t nr)
{
	int any_met = 0, any_manual = 0, any_waived = 0;
	size_t i;
	for (i = 0; i < nr; i++) {
		if (v[i] == VERDICT_NOT_MET)
			return VERDICT_NOT_MET;
		any_manual |= v[i] == VERDICT_MANUAL;
		any_waived |= v[i] == VERDICT_WAIVED;
		any_met |= v[i] == VERDICT_MET;
	}
	if (any_manual)
		return VERDICT_MANUAL;
	if (any_waived)
		return VERDICT_WAIVED;
	return any_met ? VERDICT_MET : VERDICT_NOT_APPLICABLE;
}

void check_result_settle(struct check_result *cr)
{
	enum verdict *v = xcalloc(cr->nr_findings, sizeof(*v));
	size_t i;
	for (i = 0; i < cr->nr_findings; i++)
		v[i] = cr->findings[i].status;
	cr->verdict = combine(v, cr->nr_findings);
	free(v);
}

void control_result_settle(struct control_result *c)
{
	enum verdict *v = xcalloc(c->nr_checks, sizeof(*v));
	size_t i, j;
	for (i = 0; i < c->nr_checks; i++)
		v[i] = c->checks[i].verdict;
	c->verdict = combine(v, c->nr_checks);
	free(v);
	if (c->reason)
		return;
	/* The reason is the first finding that decided the verdict, else the
	 * first check's summary. */
	for (i = 0; i < c->nr_checks; i++) {
		const struct check_result *cr = &c->checks[i];
		if (cr->verdict != c->verdict)
			continue;
		for (j = 0; j < cr->nr_findings; j++) {
			if (cr->findings[j].status == c->verdict &&
			    c->verdict != VERDICT_MET) {
				c->reason = xstrdup(cr->findings[j].message);
				return;
			}
		}
		if (cr->summary) {
			c->reason = xstrdup(cr->summary);
			return;
		}
	}
	c->reason = xstrdup(c->nr_checks && c->checks[0].summary ? c->checks[0].summary : "");
}

void run_result_settle(struct run_result *r)
{
	size_t i;
	memset(r->count, 0, sizeof(r->count));
	r->overall = VERDICT_MET;
	for (i = 0; i < r->nr_controls; i++) {
		r->count[r->controls[i].verdict]++;
		if (r->controls[i].verdict == VERDICT_NOT_MET)
			r->overall = VERDICT_NOT_MET;
		else if (r->controls[i].verdict == VERDICT_MANUAL && r->overall == VERDICT_MET)
			r->overall = VERDICT_MANUAL;
	}
}

void run_result_free(struct run_result *r)
{
	size_t i, j, k;
	for (i = 0; i < r->nr_controls; i++) {
		struct control_result *c = &r->controls[i];
		for (j = 0; j < c->nr_checks; j++) {
			struct check_result *cr = &c->checks[j];
			for (k = 0; k < cr->nr_findings; k++) {
				free(cr->findings[k].message);
				free(cr->findings[k].file);
				free(cr->findings[k].component);
				free(cr->findings[k].subject);
			}
			free(cr->findings);
			free(cr->name);
			free(cr->summary);
		}
		free(c->checks);
		free(c->id);
		free(c->declared);
		free(c->reason);
		free(c->waiver);
	}
	free(r->controls);
	memset(r, 0, sizeof(*r));
}
