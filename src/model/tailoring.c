/*
 * tailoring.c - load a tailoring file, apply it to a questionnaire in
 * memory, and record what it changed on the results.
 *
 * The XSD catches structure; this file checks the names: the questionnaire
 * the file is for, every control and every check of that control.  A
 * parameter a check does not read is the team's mistake the check cannot
 * see, so only names the questionnaire knows are accepted for <set>: the
 * parameter must already be set on that check or in the defaults.
 */
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/tree.h>

#include "model/tailoring.h"
#include "model/check_messages.h"
#include "base/embedded.h"
#include "base/error.h"
#include "base/hash.h"
#include "base/xmlload.h"
#include "base/banned.h"

static struct check_spec *find_check(const struct control *c, const char *name)
{
	size_t i;
	for (i = 0; i < c->nr_checks; i++)
		if (strcmp(c->checks[i].name, name) == 0)
			return &c->checks[i];
	return NULL;
}

/* One <select> or <set>: fill it (owned strings) or report and -1. */
static int parse_item(xmlNodePtr node, const struct tailoring *t,
		      const struct questionnaire *q, struct tailoring_item *it)
{
	const struct control *c;
	memset(it, 0, sizeof(*it));
	it->line = xmlGetLineNo(node);
	it->control = xml_attr(node, "control");
	if (!it->control || !(c = questionnaire_find(q, it->control)))
		return error_at(t->shown, it->line, "tailoring names control '%s' that questionnaire %s does not have",
				it->control ? it->control : "", q->id);
	if (xml_is(node, "select")) {
		char *sel = xml_attr(node, "selected");
		xmlNodePtr reason = xml_child(node, "reason");
		it->selected = sel && (strcmp(sel, "true") == 0 || strcmp(sel, "1") == 0);
		free(sel);
		it->reason = reason ? xml_text(reason) : NULL;
		return 0;
	}
	it->check = xml_attr(node, "check");
	it->param = xml_attr(node, "param");
	it->value = xml_attr(node, "value");
	if (!it->check || !find_check(c, it->check))
		return error_at(t->shown, it->line, "tailoring names check '%s' that control %s does not have",
				it->check ? it->check : "", it->control);
	if (!it->param || !check_param(find_check(c, it->check), it->param, NULL))
		return error_at(t->shown, it->line, "tailoring sets parameter '%s' that check %s of %s does not take",
				it->param ? it->param : "", it->check, it->control);
	return 0;
}

static void item_release(struct tailoring_item *it)
{
	free(it->control);
	free(it->check);
	free(it->param);
	free(it->value);
	free(it->reason);
	free(it->statement);
}

int tailoring_load_memory(const char *data, size_t len, const char *shown,
			  const struct questionnaire *q, struct tailoring *t)
{
	xmlDocPtr doc;
	xmlNodePtr root, node;
	char *qid, *copy;
	int ret = 0;

	memset(t, 0, sizeof(*t));
	doc = xml_load_memory_validated(data, len, shown, embedded_tailoring_xsd,
					embedded_tailoring_xsd_len, "tailoring.xsd");
	if (!doc)
		return -1;
	t->shown = xstrdup(shown);
	copy = xstrdup(shown);
	t->name = xstrdup(basename(copy));
	free(copy);
	sha256_hex(data, len, t->sha256);
	root = xmlDocGetRootElement(doc);
	t->by = xml_attr(root, "by");
	qid = xml_attr(root, "questionnaire");
	if (!qid || strcmp(qid, q->id) != 0)
		ret = error_at(shown, xmlGetLineNo(root), "tailoring is for questionnaire '%s', not %s",
			       qid ? qid : "", q->id);
	free(qid);
	for (node = root->children; node && !ret; node = node->next) {
		if (node->type != XML_ELEMENT_NODE)
			continue;
		ALLOC_GROW(t->items, t->nr, t->alloc);
		if (parse_item(node, t, q, &t->items[t->nr]) < 0) {
			item_release(&t->items[t->nr]);
			ret = -1;
		} else {
			t->nr++;
		}
	}
	xmlFreeDoc(doc);
	if (ret < 0)
		tailoring_free(t);
	return ret;
}

void tailoring_free(struct tailoring *t)
{
	size_t i;
	for (i = 0; i < t->nr; i++)
		item_release(&t->items[i]);
	free(t->items);
	free(t->name);
	free(t->shown);
	free(t->by);
	memset(t, 0, sizeof(*t));
}

/* Set name=value on spec: replace its own parameter or add one. */
static void set_param(struct check_spec *spec, const char *name, const char *value, long line)
{
	size_t i;
	for (i = 0; i < spec->params.nr; i++) {
		struct param *p = &spec->params.items[i];
		if (strcmp(p->name, name) == 0) {
			free(p->value);
			p->value = xstrdup(value);
			p->line = line;
			return;
		}
	}
	ALLOC_GROW(spec->params.items, spec->params.nr, spec->params.alloc);
	spec->params.items[spec->params.nr].name = xstrdup(name);
	spec->params.items[spec->params.nr].value = xstrdup(value);
	spec->params.items[spec->params.nr].line = line;
	spec->params.nr++;
}

void tailoring_apply(const struct tailoring *t, struct questionnaire *q)
{
	size_t i, j;
	for (i = 0; i < t->nr; i++) {
		const struct tailoring_item *it = &t->items[i];
		struct control *c = (struct control *)questionnaire_find(q, it->control);
		if (!c)
			continue;
		if (!it->check) {
			c->deselected = !it->selected;
			continue;
		}
		for (j = 0; j < c->nr_checks; j++)
			if (strcmp(c->checks[j].name, it->check) == 0)
				set_param(&c->checks[j], it->param, it->value, it->line);
	}
}

void tailoring_annotate(struct tailoring *t, struct run_result *r, const char *lang)
{
	size_t i, j, k;
	for (i = 0; i < t->nr; i++) {
		struct tailoring_item *it = &t->items[i];
		struct control_result *c = NULL;
		for (j = 0; j < r->nr_controls && !c; j++)
			if (strcmp(r->controls[j].id, it->control) == 0)
				c = &r->controls[j];
		free(it->statement);
		if (!it->check) {
			char *why = it->reason ? xasprintf(": %s", it->reason) : xstrdup("");
			it->statement = it->selected ? NULL
				: xasprintf(CMSG(lang, TAILORED_OUT), t->by, t->name, why);
			free(why);
			if (c && it->statement && c->nr_checks == 0) {
				free(c->reason);
				c->reason = xstrdup(it->statement);
			}
			continue;
		}
		it->statement = xasprintf(CMSG(lang, TAILORED_PARAM), it->param, it->value,
					  it->control, t->by, t->name);
		for (k = 0; c && k < c->nr_checks; k++)
			if (strcmp(c->checks[k].name, it->check) == 0)
				finding_add(&c->checks[k], VERDICT_NOT_APPLICABLE, NULL, 0, NULL,
					    "tailoring", "%s", it->statement);
	}
}
