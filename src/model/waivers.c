/*
 * waivers.c - load waivers.xml and apply it to a run.
 *
 * The XSD catches structure (a waiver without approver, justification or
 * expiry, a date that is not YYYY-MM-DD); this file adds what a schema
 * cannot say: the date is a real day, the approver and justification are
 * not blank, and the control and check exist in the questionnaire.
 * Applying never removes a finding: waived findings only change status.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/tree.h>

#include "model/waivers.h"
#include "model/calendar.h"
#include "model/check_messages.h"
#include "base/embedded.h"
#include "base/error.h"
#include "base/xmlload.h"
#include "base/banned.h"

static int blank(const char *s)
{
	for (; s && *s; s++)
		if (!isspace((unsigned char)*s))
			return 0;
	return 1;
}

static int check_of(const struct control *c, const char *name)
{
	size_t i;
	for (i = 0; i < c->nr_checks; i++)
		if (strcmp(c->checks[i].name, name) == 0)
			return 1;
	return 0;
}

/* One <waiver>: fill w (owned strings) or report at its line and -1. */
static int parse_waiver(xmlNodePtr node, const char *name, const struct questionnaire *q,
			struct waiver *w)
{
	const struct control *c;
	xmlNodePtr just = xml_child(node, "justification");

	memset(w, 0, sizeof(*w));
	w->line = xmlGetLineNo(node);
	w->control = xml_attr(node, "control");
	w->check = xml_attr(node, "check");
	w->component = xml_attr(node, "component");
	w->approved_by = xml_attr(node, "approved-by");
	w->risk = xml_attr(node, "risk");
	w->justification = just ? xml_text(just) : NULL;
	{
		char *expires = xml_attr(node, "expires");
		int bad = !expires || strlen(expires) != 10 || date_parse(expires, &w->expires_day) < 0;
		if (!bad)
			memcpy(w->expires, expires, 11);
		if (bad) {
			error_at(name, w->line, "waiver of %s: expires '%s' is not a date (YYYY-MM-DD)",
				 w->control ? w->control : "?", expires ? expires : "");
			free(expires);
			return -1;
		}
		free(expires);
	}
	if (!w->control || !(c = questionnaire_find(q, w->control)))
		return error_at(name, w->line, "waiver names control '%s' that questionnaire %s does not have",
				w->control ? w->control : "", q->id);
	if (w->check && !check_of(c, w->check))
		return error_at(name, w->line, "waiver names check '%s' that control %s does not have",
				w->check, w->control);
	if (blank(w->approved_by))
		return error_at(name, w->line, "waiver of %s: approved-by is blank", w->control);
	if (blank(w->justification))
		return error_at(name, w->line, "waiver of %s: justification is blank", w->control);
	return 0;
}

static void waiver_release(struct waiver *w)
{
	free(w->control);
	free(w->check);
	free(w->component);
	free(w->approved_by);
	free(w->justification);
	free(w->risk);
}

int waivers_load_memory(const char *data, size_t len, const char *name,
			const struct questionnaire *q, struct waivers *w)
{
	xmlDocPtr doc;
	xmlNodePtr node;
	int ret = 0;

	memset(w, 0, sizeof(*w));
	doc = xml_load_memory_validated(data, len, name, embedded_waivers_xsd,
					embedded_waivers_xsd_len, "waivers.xsd");
	if (!doc)
		return -1;
	for (node = xmlDocGetRootElement(doc)->children; node && !ret; node = node->next) {
		if (!xml_is(node, "waiver"))
			continue;
		ALLOC_GROW(w->items, w->nr, w->alloc);
		if (parse_waiver(node, name, q, &w->items[w->nr]) < 0) {
			waiver_release(&w->items[w->nr]);
			ret = -1;
		} else {
			w->nr++;
		}
	}
	xmlFreeDoc(doc);
	if (ret < 0)
		waivers_free(w);
	return ret;
}

void waivers_free(struct waivers *w)
{
	size_t i;
	for (i = 0; i < w->nr; i++)
		waiver_release(&w->items[i]);
	free(w->items);
	memset(w, 0, sizeof(*w));
}

static struct control_result *find_control(struct run_result *r, const char *id)
{
	size_t i;
	for (i = 0; i < r->nr_controls; i++)
		if (strcmp(r->controls[i].id, id) == 0)
			return &r->controls[i];
	return NULL;
}

static int covers_check(const struct waiver *w, const struct check_result *cr)
{
	return !w->check || strcmp(w->check, cr->name) == 0;
}

static int covers_finding(const struct waiver *w, const struct finding *f)
{
	return !w->component || (f->component && strcmp(w->component, f->component) == 0);
}

/* Waive the not-met and manual findings w covers; 1 when any was. */
static int waive_findings(const struct waiver *w, struct control_result *c)
{
	size_t i, j;
	int any = 0;
	for (i = 0; i < c->nr_checks; i++) {
		struct check_result *cr = &c->checks[i];
		int here = 0;
		if (!covers_check(w, cr))
			continue;
		for (j = 0; j < cr->nr_findings; j++) {
			struct finding *f = &cr->findings[j];
			if ((f->status == VERDICT_NOT_MET || f->status == VERDICT_MANUAL) &&
			    covers_finding(w, f)) {
				f->status = VERDICT_WAIVED;
				here = 1;
			}
		}
		if (here)
			check_result_settle(cr);
		any |= here;
	}
	return any;
}

static void apply_one(const struct waiver *w, struct control_result *c, int64_t as_of_day,
		      const char *lang)
{
	enum verdict before = c->waiver ? c->unwaived : c->verdict;
	size_t i;

	if (as_of_day > w->expires_day) {
		struct check_result *cr = NULL;
		for (i = 0; i < c->nr_checks && !cr; i++)
			if (covers_check(w, &c->checks[i]))
				cr = &c->checks[i];
		if (cr)
			finding_add(cr, VERDICT_NOT_APPLICABLE, WAIVERS_FILE, w->line, w->component,
				    "waiver", CMSG(lang, WAIVER_EXPIRED), w->approved_by, w->expires,
				    w->justification);
		return;
	}
	if (w->check || w->component) {
		if (!waive_findings(w, c))
			return;
		free(c->reason);
		c->reason = NULL;
		control_result_settle(c);
	} else if (c->verdict == VERDICT_NOT_MET || c->verdict == VERDICT_MANUAL) {
		c->verdict = VERDICT_WAIVED;
	}
	if (c->verdict != VERDICT_WAIVED)
		return;
	c->unwaived = before;
	free(c->waiver);
	c->waiver = xasprintf(CMSG(lang, WAIVER_ACTIVE), w->approved_by, w->expires,
			      verdict_label(before, lang), w->justification);
	free(c->reason);
	c->reason = xstrdup(c->waiver);
}

void waivers_apply(const struct waivers *w, struct run_result *r, int64_t as_of_day,
		   const char *lang)
{
	size_t i;
	for (i = 0; i < w->nr; i++) {
		struct control_result *c = find_control(r, w->items[i].control);
		if (c)
			apply_one(&w->items[i], c, as_of_day, lang);
	}
	run_result_settle(r);
}
