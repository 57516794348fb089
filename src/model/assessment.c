/*
 * assessment.c - load the partner's statements.
 *
 * The XSD catches structure; this file adds what a schema cannot say:
 * durations and cadences parse, paths stay inside the workspace, scenarios
 * name a component that exists, and the timezone is usable.
 */
#include <stdlib.h>
#include <string.h>
#include <libxml/tree.h>

#include "model/assessment.h"
#include "model/calendar.h"
#include "model/duration.h"
#include "base/embedded.h"
#include "base/error.h"
#include "base/xmlload.h"
#include "base/banned.h"

int relpath_check(const char *path, const char **why)
{
	const char *p = path, *seg;
	if (!path || !*path) {
		*why = "empty path";
		return -1;
	}
	if (*path == '/') {
		*why = "absolute path (paths are relative to the workspace)";
		return -1;
	}
	for (; *p; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == '\\') {
			*why = "control character or backslash in path";
			return -1;
		}
	}
	for (seg = path; seg && *seg;) {
		const char *end = strchr(seg, '/');
		size_t n = end ? (size_t)(end - seg) : strlen(seg);
		if (n == 0) {
			*why = "empty path component ('//' or trailing '/')";
			return -1;
		}
		if (n == 2 && seg[0] == '.' && seg[1] == '.') {
			*why = "'..' leaves the workspace";
			return -1;
		}
		if (n == 1 && seg[0] == '.') {
			*why = "'.' path component";
			return -1;
		}
		seg = end ? end + 1 : NULL;
		if (end && !*seg) {
			*why = "empty path component ('//' or trailing '/')";
			return -1;
		}
	}
	return 0;
}

int cadence_parse(const char *text, struct cadence *out, const char **why)
{
	static const struct { const char *word; int months; int64_t seconds; } words[] = {
		{ "weekly", 0, 7 * 86400 },
		{ "monthly", 1, 0 },
		{ "quarterly", 3, 0 },
		{ "half-yearly", 6, 0 },
		{ "semiannually", 6, 0 },
		{ "semi-annually", 6, 0 },
		{ "yearly", 12, 0 },
		{ "annually", 12, 0 },
	};
	size_t i;
	out->months = 0;
	out->seconds = 0;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		if (strcmp(text, words[i].word) == 0) {
			out->months = words[i].months;
			out->seconds = words[i].seconds;
			return 0;
		}
	}
	if (duration_parse(text, &out->seconds, why) < 0)
		return -1;
	if (out->seconds <= 0) {
		*why = "cadence must be longer than zero";
		return -1;
	}
	return 0;
}

/* Read a path-valued attribute or text into ref; -1 on an unsafe path. */
/* Optional YYYY-MM-DD attribute attr of node: *has and *day; -1 after reporting. */
static int read_day(const char *file, xmlNodePtr node, const char *attr, int *has, int64_t *day)
{
	char *text = xml_attr(node, attr);
	int ret = 0;
	*has = 0;
	if (!text)
		return 0;
	if (strlen(text) != 10 || date_parse(text, day) < 0)
		ret = error_at(file, xmlGetLineNo(node), "%s '%s' is not a date (YYYY-MM-DD)", attr, text);
	else
		*has = 1;
	free(text);
	return ret;
}

static int read_ref(const char *file, xmlNodePtr node, char *path, struct ref *ref)
{
	const char *why;
	ref->path = path;
	ref->line = xmlGetLineNo(node);
	if (relpath_check(path, &why) < 0)
		return error_at(file, ref->line, "evidence path '%s': %s", path, why);
	if (read_day(file, node, "effective", &ref->has_effective, &ref->effective_day) < 0 ||
	    read_day(file, node, "collected", &ref->has_collected, &ref->collected_day) < 0)
		return -1;
	if (ref->has_effective && ref->has_collected && ref->effective_day > ref->collected_day)
		return error_at(file, ref->line, "evidence '%s': effective date after its collection date",
				path);
	return 0;
}

static int read_duration(const char *file, xmlNodePtr node, const char *attr,
			 char **text, int *has, int64_t *seconds)
{
	const char *why;
	*text = xml_attr(node, attr);
	*has = 0;
	if (!*text || !**text)
		return 0; /* not stated: the checks say so */
	if (duration_parse(*text, seconds, &why) < 0)
		return error_at(file, xmlGetLineNo(node), "%s '%s': %s", attr, *text, why);
	*has = 1;
	return 0;
}

static int read_component(struct assessment *a, xmlNodePtr node)
{
	struct component *c;
	xmlNodePtr child;
	char *crit;

	ALLOC_GROW(a->components, a->nr_components, a->alloc_components);
	c = &a->components[a->nr_components++];
	memset(c, 0, sizeof(*c));
	c->id = xml_attr(node, "id");
	c->name = xml_attr(node, "name");
	crit = xml_attr(node, "criticality");
	c->critical = crit && strcmp(crit, "critical") == 0;
	free(crit);
	c->line = xmlGetLineNo(node);
	for (child = node->children; child; child = child->next) {
		if (xml_is(child, "resource")) {
			ALLOC_GROW(c->resources, c->nr_resources, c->alloc_resources);
			c->resources[c->nr_resources++] = xml_text(child);
		} else if (xml_is(child, "objective")) {
			struct objective *o;
			ALLOC_GROW(c->objectives, c->nr_objectives, c->alloc_objectives);
			o = &c->objectives[c->nr_objectives++];
			memset(o, 0, sizeof(*o));
			o->disruption = xml_attr(child, "disruption");
			o->slo = xml_attr(child, "slo");
			o->line = xmlGetLineNo(child);
			if (read_duration(a->path, child, "rpo", &o->rpo_text,
					  &o->has_rpo, &o->rpo_seconds) < 0 ||
			    read_duration(a->path, child, "rto", &o->rto_text,
					  &o->has_rto, &o->rto_seconds) < 0)
				return -1;
		}
	}
	return 0;
}

static int read_scenario(struct assessment *a, xmlNodePtr node)
{
	struct scenario *s;
	xmlNodePtr child;
	const char *why;
	char *runbook;

	ALLOC_GROW(a->scenarios, a->nr_scenarios, a->alloc_scenarios);
	s = &a->scenarios[a->nr_scenarios++];
	memset(s, 0, sizeof(*s));
	s->id = xml_attr(node, "id");
	s->component = xml_attr(node, "component");
	s->disruption = xml_attr(node, "disruption");
	s->cadence.text = xml_attr(node, "cadence");
	s->line = xmlGetLineNo(node);
	if (!assessment_component(a, s->component))
		return error_at(a->path, s->line,
				"scenario %s: no component '%s' in <components>",
				s->id, s->component);
	if (cadence_parse(s->cadence.text, &s->cadence, &why) < 0)
		return error_at(a->path, s->line, "cadence '%s': %s",
				s->cadence.text, why);
	runbook = xml_attr(node, "runbook");
	if (runbook && read_ref(a->path, node, runbook, &s->runbook) < 0)
		return -1;
	for (child = node->children; child; child = child->next) {
		if (xml_is(child, "title")) {
			free(s->title);
			s->title = xml_text(child);
		} else if (xml_is(child, "drill-log")) {
			ALLOC_GROW(s->drill_logs, s->nr_drill_logs, s->alloc_drill_logs);
			if (read_ref(a->path, child, xml_text(child),
				     &s->drill_logs[s->nr_drill_logs++]) < 0)
				return -1;
		}
	}
	return 0;
}

/* <attestation>: a real date, a non-blank attester, safe examined paths. */
static int read_attestation(struct assessment *a, xmlNodePtr node, struct attestation *at)
{
	xmlNodePtr child;
	char *date = xml_attr(node, "date"), *verdict = xml_attr(node, "verdict");
	const char *p;
	int bad;

	at->present = 1;
	at->line = xmlGetLineNo(node);
	at->by = xml_attr(node, "by");
	at->met = verdict && strcmp(verdict, "met") == 0;
	free(verdict);
	bad = !date || strlen(date) != 10 || date_parse(date, &at->day) < 0;
	if (bad) {
		error_at(a->path, at->line, "attestation date '%s' is not a date (YYYY-MM-DD)",
			 date ? date : "");
		free(date);
		return -1;
	}
	memcpy(at->date, date, 11);
	free(date);
	for (p = at->by; p && *p == ' '; p++)
		;
	if (!p || !*p)
		return error_at(a->path, at->line, "attestation: by is blank");
	for (child = node->children; child; child = child->next) {
		if (!xml_is(child, "examined"))
			continue;
		ALLOC_GROW(at->examined, at->nr_examined, at->alloc_examined);
		if (read_ref(a->path, child, xml_text(child), &at->examined[at->nr_examined++]) < 0)
			return -1;
	}
	return 0;
}

static int read_statement(struct assessment *a, xmlNodePtr node)
{
	struct statement *st;
	xmlNodePtr child;

	ALLOC_GROW(a->statements, a->nr_statements, a->alloc_statements);
	st = &a->statements[a->nr_statements++];
	memset(st, 0, sizeof(*st));
	st->ref = xml_attr(node, "ref");
	st->status = xml_attr(node, "status");
	if (!st->status)
		st->status = xstrdup("unanswered");
	st->line = xmlGetLineNo(node);
	for (child = node->children; child; child = child->next) {
		if (xml_is(child, "notes")) {
			free(st->notes);
			st->notes = xml_text(child);
		} else if (xml_is(child, "evidence")) {
			ALLOC_GROW(st->evidence, st->nr_evidence, st->alloc_evidence);
			if (read_ref(a->path, child, xml_text(child),
				     &st->evidence[st->nr_evidence++]) < 0)
				return -1;
		} else if (xml_is(child, "attestation")) {
			if (read_attestation(a, child, &st->attestation) < 0)
				return -1;
		}
	}
	return 0;
}

static int parse_timezone(const char *tz, int *offset)
{
	int sign, h, m;
	if (!tz || strcmp(tz, "Z") == 0) {
		*offset = 0;
		return 0;
	}
	sign = tz[0] == '-' ? -1 : 1;
	h = (tz[1] - '0') * 10 + (tz[2] - '0');
	m = (tz[4] - '0') * 10 + (tz[5] - '0');
	*offset = sign * (h * 3600 + m * 60);
	return 0;
}

static int read_document(xmlDocPtr doc, struct assessment *a)
{
	xmlNodePtr root = xmlDocGetRootElement(doc), node, child;

	a->questionnaire_id = xml_attr(root, "questionnaire");
	a->timezone = xml_attr(root, "timezone");
	if (!a->timezone)
		a->timezone = xstrdup("+00:00");
	parse_timezone(a->timezone, &a->tz_offset_seconds);

	for (node = root->children; node; node = node->next) {
		if (xml_is(node, "product")) {
			a->product = xml_attr(node, "name");
			a->product_version = xml_attr(node, "version");
			if ((child = xml_child(node, "organisation")))
				a->organisation = xml_text(child);
			if ((child = xml_child(node, "description")))
				a->description = xml_text(child);
		} else if (xml_is(node, "components")) {
			for (child = node->children; child; child = child->next)
				if (xml_is(child, "component") && read_component(a, child) < 0)
					return -1;
		} else if (xml_is(node, "scenarios")) {
			for (child = node->children; child; child = child->next)
				if (xml_is(child, "scenario") && read_scenario(a, child) < 0)
					return -1;
		} else if (xml_is(node, "major-changes")) {
			for (child = node->children; child; child = child->next) {
				struct major_change *mc;
				char *date;
				if (!xml_is(child, "change"))
					continue;
				ALLOC_GROW(a->changes, a->nr_changes, a->alloc_changes);
				mc = &a->changes[a->nr_changes++];
				memset(mc, 0, sizeof(*mc));
				mc->line = xmlGetLineNo(child);
				mc->component = xml_attr(child, "component");
				mc->text = xml_text(child);
				date = xml_attr(child, "date");
				if (date_parse(date, &mc->day) < 0) {
					error_at(a->path, mc->line, "change date '%s' is not YYYY-MM-DD",
						 date ? date : "");
					free(date);
					return -1;
				}
				free(date);
				if (mc->component && !assessment_component(a, mc->component))
					return error_at(a->path, mc->line,
							"change names unknown component '%s'",
							mc->component);
			}
		} else if (xml_is(node, "configs")) {
			for (child = node->children; child; child = child->next) {
				if (!xml_is(child, "config"))
					continue;
				ALLOC_GROW(a->configs, a->nr_configs, a->alloc_configs);
				if (read_ref(a->path, child, xml_attr(child, "path"),
					     &a->configs[a->nr_configs++]) < 0)
					return -1;
			}
		} else if (xml_is(node, "template")) {
			if (read_ref(a->path, node, xml_attr(node, "path"), &a->template) < 0)
				return -1;
		} else if (xml_is(node, "controls")) {
			for (child = node->children; child; child = child->next)
				if (xml_is(child, "control") && read_statement(a, child) < 0)
					return -1;
		}
	}
	return 0;
}

static int finish_load(xmlDocPtr doc, struct assessment *a)
{
	int ret;
	if (!doc) {
		assessment_free(a);
		return -1;
	}
	ret = read_document(doc, a);
	xmlFreeDoc(doc);
	if (ret < 0)
		assessment_free(a);
	return ret;
}

int assessment_load(const char *path, struct assessment *a)
{
	memset(a, 0, sizeof(*a));
	a->path = xstrdup(path);
	return finish_load(xml_load_validated(path, embedded_assessment_xsd,
					      embedded_assessment_xsd_len,
					      "assessment.xsd"), a);
}

int assessment_load_memory(const char *data, size_t len, const char *name,
			   struct assessment *a)
{
	memset(a, 0, sizeof(*a));
	a->path = xstrdup(name);
	return finish_load(xml_load_memory_validated(data, len, name,
						     embedded_assessment_xsd,
						     embedded_assessment_xsd_len,
						     "assessment.xsd"), a);
}

static void free_refs(struct ref *refs, size_t nr)
{
	size_t i;
	for (i = 0; i < nr; i++)
		free(refs[i].path);
	free(refs);
}

void assessment_free(struct assessment *a)
{
	size_t i, j;
	for (i = 0; i < a->nr_components; i++) {
		struct component *c = &a->components[i];
		for (j = 0; j < c->nr_resources; j++)
			free(c->resources[j]);
		free(c->resources);
		for (j = 0; j < c->nr_objectives; j++) {
			free(c->objectives[j].disruption);
			free(c->objectives[j].rpo_text);
			free(c->objectives[j].rto_text);
			free(c->objectives[j].slo);
		}
		free(c->objectives);
		free(c->id);
		free(c->name);
	}
	free(a->components);
	for (i = 0; i < a->nr_scenarios; i++) {
		struct scenario *s = &a->scenarios[i];
		free(s->id);
		free(s->title);
		free(s->component);
		free(s->disruption);
		free(s->cadence.text);
		free(s->runbook.path);
		free_refs(s->drill_logs, s->nr_drill_logs);
	}
	free(a->scenarios);
	for (i = 0; i < a->nr_changes; i++) {
		free(a->changes[i].component);
		free(a->changes[i].text);
	}
	free(a->changes);
	free_refs(a->configs, a->nr_configs);
	free(a->template.path);
	for (i = 0; i < a->nr_statements; i++) {
		struct statement *st = &a->statements[i];
		free(st->ref);
		free(st->status);
		free(st->notes);
		free_refs(st->evidence, st->nr_evidence);
		free_refs(st->attestation.examined, st->attestation.nr_examined);
		free(st->attestation.by);
	}
	free(a->statements);
	free(a->path);
	free(a->questionnaire_id);
	free(a->timezone);
	free(a->product);
	free(a->product_version);
	free(a->organisation);
	free(a->description);
	memset(a, 0, sizeof(*a));
}

const struct component *assessment_component(const struct assessment *a, const char *id)
{
	size_t i;
	for (i = 0; id && i < a->nr_components; i++)
		if (strcmp(a->components[i].id, id) == 0)
			return &a->components[i];
	return NULL;
}

const struct objective *component_objective(const struct component *c, const char *disruption)
{
	size_t i;
	for (i = 0; i < c->nr_objectives; i++)
		if (strcmp(c->objectives[i].disruption, disruption) == 0)
			return &c->objectives[i];
	return NULL;
}

const struct statement *assessment_statement(const struct assessment *a, const char *id)
{
	size_t i;
	for (i = 0; i < a->nr_statements; i++)
		if (strcmp(a->statements[i].ref, id) == 0)
			return &a->statements[i];
	return NULL;
}
