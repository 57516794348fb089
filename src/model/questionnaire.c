/*
 * questionnaire.c - load a control catalog (questionnaire.xsd) into memory.
 *
 * The XSD does the structural validation; this file copies the document
 * into plain structs (so nothing else touches libxml2 trees) and checks what
 * a schema cannot: that every named check exists in the registry.
 */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <libxml/tree.h>

#include <fcntl.h>
#include <stdint.h>
#include <unistd.h>

#include "base/hash.h"
#include "model/questionnaire.h"
#include "base/embedded.h"
#include "base/error.h"
#include "base/hash.h"
#include "base/xmlload.h"
#include "base/banned.h"

static void add_localized(struct localized_list *list, xmlNodePtr node)
{
	const char *lang = xml_lang(node);
	ALLOC_GROW(list->items, list->nr, list->alloc);
	list->items[list->nr].lang = xstrdup(lang ? lang : "");
	list->items[list->nr].text = xml_text(node);
	list->nr++;
}

static void add_param(struct param_list *list, xmlNodePtr node)
{
	ALLOC_GROW(list->items, list->nr, list->alloc);
	list->items[list->nr].name = xml_attr(node, "name");
	list->items[list->nr].value = xml_attr(node, "value");
	list->items[list->nr].line = xmlGetLineNo(node);
	list->nr++;
}

static void add_string(char ***array, size_t *nr, size_t *alloc, char *s)
{
	ALLOC_GROW(*array, *nr, *alloc);
	(*array)[(*nr)++] = s;
}

static int read_control(struct questionnaire *q, xmlNodePtr node, check_known_fn known)
{
	struct control *c;
	xmlNodePtr child;

	ALLOC_GROW(q->controls, q->nr_controls, q->alloc_controls);
	c = &q->controls[q->nr_controls++];
	memset(c, 0, sizeof(*c));
	c->id = xml_attr(node, "id");
	c->line = xmlGetLineNo(node);

	for (child = node->children; child; child = child->next) {
		if (xml_is(child, "title")) {
			add_localized(&c->title, child);
		} else if (xml_is(child, "requirement")) {
			add_localized(&c->requirement, child);
		} else if (xml_is(child, "guidance")) {
			add_localized(&c->guidance, child);
		} else if (xml_is(child, "evidence-kind")) {
			add_string(&c->evidence_kinds, &c->nr_evidence_kinds,
				   &c->alloc_evidence_kinds, xml_text(child));
		} else if (xml_is(child, "maps-to")) {
			add_string(&c->maps_to, &c->nr_maps_to, &c->alloc_maps_to,
				   xml_attr(child, "ref"));
		} else if (xml_is(child, "check")) {
			struct check_spec *spec;
			xmlNodePtr p;
			ALLOC_GROW(c->checks, c->nr_checks, c->alloc_checks);
			spec = &c->checks[c->nr_checks++];
			memset(spec, 0, sizeof(*spec));
			spec->name = xml_attr(child, "name");
			spec->line = xmlGetLineNo(child);
			spec->defaults = &q->defaults;
			for (p = child->children; p; p = p->next)
				if (xml_is(p, "param"))
					add_param(&spec->params, p);
			if (!known(spec->name))
				return error_at(q->path, spec->line,
						"control %s: unknown check '%s'",
						c->id, spec->name);
		}
	}
	return 0;
}

static int read_document(xmlDocPtr doc, check_known_fn known, struct questionnaire *q)
{
	xmlNodePtr root = xmlDocGetRootElement(doc), node;

	q->id = xml_attr(root, "id");
	q->version = xml_attr(root, "version");
	for (node = root->children; node; node = node->next) {
		if (xml_is(node, "title")) {
			add_localized(&q->title, node);
		} else if (xml_is(node, "source")) {
			add_localized(&q->source, node);
		} else if (xml_is(node, "defaults")) {
			xmlNodePtr p;
			for (p = node->children; p; p = p->next)
				if (xml_is(p, "param"))
					add_param(&q->defaults, p);
		} else if (xml_is(node, "control")) {
			if (read_control(q, node, known) < 0)
				return -1;
		}
	}
	return 0;
}

static int finish_load(xmlDocPtr doc, check_known_fn known, struct questionnaire *q)
{
	int ret;
	if (!doc) {
		questionnaire_free(q);
		return -1;
	}
	ret = read_document(doc, known, q);
	xmlFreeDoc(doc);
	if (ret < 0)
		questionnaire_free(q);
	return ret;
}

int questionnaire_load(const char *path, check_known_fn known, struct questionnaire *q)
{
	int fd;

	memset(q, 0, sizeof(*q));
	q->path = xstrdup(path);
	/* its SHA-256, for provenance (model/provenance.h) */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd >= 0) {
		uint64_t size;
		if (sha256_fd(fd, q->sha256, &size) < 0)
			q->sha256[0] = '\0';
		close(fd);
	}
	return finish_load(xml_load_validated(path, embedded_questionnaire_xsd,
					      embedded_questionnaire_xsd_len,
					      "questionnaire.xsd"), known, q);
}

int questionnaire_load_memory(const char *data, size_t len, const char *name,
			      check_known_fn known, struct questionnaire *q)
{
	memset(q, 0, sizeof(*q));
	q->path = xstrdup(name);
	sha256_hex(data, len, q->sha256);
	return finish_load(xml_load_memory_validated(data, len, name,
						     embedded_questionnaire_xsd,
						     embedded_questionnaire_xsd_len,
						     "questionnaire.xsd"), known, q);
}

static void free_localized(struct localized_list *list)
{
	size_t i;
	for (i = 0; i < list->nr; i++) {
		free(list->items[i].lang);
		free(list->items[i].text);
	}
	free(list->items);
}

static void free_params(struct param_list *list)
{
	size_t i;
	for (i = 0; i < list->nr; i++) {
		free(list->items[i].name);
		free(list->items[i].value);
	}
	free(list->items);
}

static void free_strings(char **array, size_t nr)
{
	size_t i;
	for (i = 0; i < nr; i++)
		free(array[i]);
	free(array);
}

void questionnaire_free(struct questionnaire *q)
{
	size_t i, j;
	for (i = 0; i < q->nr_controls; i++) {
		struct control *c = &q->controls[i];
		free(c->id);
		free_localized(&c->title);
		free_localized(&c->requirement);
		free_localized(&c->guidance);
		free_strings(c->evidence_kinds, c->nr_evidence_kinds);
		free_strings(c->maps_to, c->nr_maps_to);
		for (j = 0; j < c->nr_checks; j++) {
			free(c->checks[j].name);
			free_params(&c->checks[j].params);
		}
		free(c->checks);
	}
	free(q->controls);
	free_localized(&q->title);
	free_localized(&q->source);
	free_params(&q->defaults);
	free(q->path);
	free(q->id);
	free(q->version);
	memset(q, 0, sizeof(*q));
}

const char *text_pick(const struct localized_list *list, const char *lang)
{
	size_t i;
	if (!list->nr)
		return "";
	for (i = 0; lang && i < list->nr; i++)
		if (strcmp(list->items[i].lang, lang) == 0)
			return list->items[i].text;
	for (i = 0; i < list->nr; i++)
		if (strcmp(list->items[i].lang, "en") == 0 || !*list->items[i].lang)
			return list->items[i].text;
	return list->items[0].text;
}

static const struct param *find_param(const struct param_list *list, const char *name)
{
	size_t i;
	for (i = 0; list && i < list->nr; i++)
		if (strcmp(list->items[i].name, name) == 0)
			return &list->items[i];
	return NULL;
}

const char *check_param(const struct check_spec *spec, const char *name, long *line)
{
	const struct param *p = find_param(&spec->params, name);
	if (!p)
		p = find_param(spec->defaults, name);
	if (line)
		*line = p ? p->line : 0;
	return p ? p->value : NULL;
}

const struct control *questionnaire_find(const struct questionnaire *q, const char *id)
{
	size_t i;
	for (i = 0; i < q->nr_controls; i++)
		if (strcmp(q->controls[i].id, id) == 0)
			return &q->controls[i];
	return NULL;
}
