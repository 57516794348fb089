/*
 * oscal_json.c - OSCAL XML to OSCAL JSON (see oscal_json.h).
 *
 * Only the assemblies and fields report_oscal.c writes are mapped; the
 * table below names, for each element, its JSON key and how it is carried.
 * Punctuation and indentation are written here; every key and value goes
 * through SQLite's json_quote(), and the result through json_valid().
 */
#include <string.h>

#include <libxml/tree.h>

#include "reports/oscal_json.h"
#include "results/resultsdb.h"
#include "base/strbuf.h"
#include "base/xmlload.h"
#include "base/error.h"
#include "base/banned.h"

#define WHAT "oscal-assessment-results.json"

enum carry {
	OBJECT,     /* one object */
	OBJECTS,    /* an array of objects under a plural key */
	STRING,     /* one string: the element's text */
	STRINGS,    /* an array of strings under a plural key */
	MARKUP,     /* markup-multiline: its paragraphs as one string */
	VALUED,     /* an array of objects whose text is "value" (hash) */
};

static const struct mapping {
	const char *element, *key;
	enum carry carry;
} mappings[] = {
	{ "assessment-results", "assessment-results", OBJECT },
	{ "metadata", "metadata", OBJECT },
	{ "title", "title", STRING },
	{ "last-modified", "last-modified", STRING },
	{ "version", "version", STRING },
	{ "oscal-version", "oscal-version", STRING },
	{ "prop", "props", OBJECTS },
	{ "import-ap", "import-ap", OBJECT },
	{ "result", "results", OBJECTS },
	{ "description", "description", MARKUP },
	{ "remarks", "remarks", MARKUP },
	{ "start", "start", STRING },
	{ "end", "end", STRING },
	{ "local-definitions", "local-definitions", OBJECT },
	{ "component", "components", OBJECTS },
	{ "status", "status", OBJECT },
	{ "reviewed-controls", "reviewed-controls", OBJECT },
	{ "control-selection", "control-selections", OBJECTS },
	{ "include-control", "include-controls", OBJECTS },
	{ "observation", "observations", OBJECTS },
	{ "method", "methods", STRINGS },
	{ "type", "types", STRINGS },
	{ "subject", "subjects", OBJECTS },
	{ "relevant-evidence", "relevant-evidence", OBJECTS },
	{ "collected", "collected", STRING },
	{ "finding", "findings", OBJECTS },
	{ "target", "target", OBJECT },
	{ "related-observation", "related-observations", OBJECTS },
	{ "back-matter", "back-matter", OBJECT },
	{ "resource", "resources", OBJECTS },
	{ "rlink", "rlinks", OBJECTS },
	{ "hash", "hashes", VALUED },
};

struct conv {
	sqlite3_stmt *quote;
	struct strbuf out;
	int failed;
};

static const struct mapping *mapping_of(const xmlNode *n)
{
	size_t i;
	for (i = 0; i < sizeof(mappings) / sizeof(mappings[0]); i++)
		if (strcmp((const char *)n->name, mappings[i].element) == 0)
			return &mappings[i];
	return NULL;
}

/* Append s as a JSON string, quoted by SQLite. */
static void quote(struct conv *c, const char *s)
{
	const unsigned char *q;
	sqlite3_bind_text(c->quote, 1, s, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(c->quote) == SQLITE_ROW && (q = sqlite3_column_text(c->quote, 0)))
		strbuf_add(&c->out, q, (size_t)sqlite3_column_bytes(c->quote, 0));
	else
		c->failed = 1;
	sqlite3_reset(c->quote);
}

static void indent(struct conv *c, int depth)
{
	strbuf_addch(&c->out, '\n');
	while (depth-- > 0)
		strbuf_addstr(&c->out, "  ");
}

/* "key": at depth, preceded by a comma unless first. */
static void key(struct conv *c, const char *k, int depth, int *first)
{
	if (!*first)
		strbuf_addch(&c->out, ',');
	*first = 0;
	indent(c, depth);
	quote(c, k);
	strbuf_addstr(&c->out, ": ");
}

/* Text of n as one string; for markup, its paragraphs joined by blank
 * lines (Markdown).  Caller frees with xmlFree. */
static char *text_of(const xmlNode *n, enum carry carry)
{
	struct strbuf sb = STRBUF_INIT;
	const xmlNode *p;
	xmlChar *t;
	char *ret;

	if (carry != MARKUP)
		return (char *)xmlNodeGetContent(n);
	for (p = n->children; p; p = p->next) {
		if (p->type != XML_ELEMENT_NODE)
			continue;
		t = xmlNodeGetContent(p);
		if (sb.len)
			strbuf_addstr(&sb, "\n\n");
		strbuf_addstr(&sb, t ? (const char *)t : "");
		xmlFree(t);
	}
	ret = (char *)xmlStrdup(BAD_CAST (sb.buf ? sb.buf : ""));
	strbuf_release(&sb);
	return ret;
}

static void object(struct conv *c, const xmlNode *n, int depth);

/* One value of element n carried as m says (no key). */
static void value(struct conv *c, const xmlNode *n, const struct mapping *m, int depth)
{
	if (m->carry == OBJECT || m->carry == OBJECTS || m->carry == VALUED) {
		object(c, n, depth);
	} else {
		char *t = text_of(n, m->carry);
		quote(c, t ? t : "");
		xmlFree(t);
	}
}

/* Element n as a JSON object: its attributes, then its child elements
 * grouped by name in the order they first appear. */
static void object(struct conv *c, const xmlNode *n, int depth)
{
	const xmlAttr *a;
	const xmlNode *ch, *other;
	int first = 1;

	strbuf_addch(&c->out, '{');
	for (a = n->properties; a; a = a->next) {
		xmlChar *v = xmlNodeGetContent((const xmlNode *)a);
		key(c, (const char *)a->name, depth + 1, &first);
		quote(c, v ? (const char *)v : "");
		xmlFree(v);
	}
	if (mapping_of(n) && mapping_of(n)->carry == VALUED) {
		char *t = text_of(n, STRING);
		key(c, "value", depth + 1, &first);
		quote(c, t ? t : "");
		xmlFree(t);
	}
	for (ch = n->children; ch; ch = ch->next) {
		const struct mapping *m;
		int seen = 0, many;
		if (ch->type != XML_ELEMENT_NODE || mapping_of(n)->carry == VALUED)
			continue;
		m = mapping_of(ch);
		if (!m) {
			error("%s: internal: no JSON mapping for OSCAL element <%s>", WHAT,
			      (const char *)ch->name);
			c->failed = 1;
			continue;
		}
		for (other = n->children; other != ch && !seen; other = other->next)
			seen = other->type == XML_ELEMENT_NODE &&
			       strcmp((const char *)other->name, (const char *)ch->name) == 0;
		if (seen)
			continue; /* written with the first of its name */
		key(c, m->key, depth + 1, &first);
		many = m->carry == OBJECTS || m->carry == STRINGS || m->carry == VALUED;
		if (!many) {
			value(c, ch, m, depth + 1);
			continue;
		}
		strbuf_addch(&c->out, '[');
		for (other = ch, seen = 0; other; other = other->next) {
			if (other->type != XML_ELEMENT_NODE ||
			    strcmp((const char *)other->name, (const char *)ch->name) != 0)
				continue;
			if (seen++)
				strbuf_addch(&c->out, ',');
			indent(c, depth + 2);
			value(c, other, m, depth + 2);
		}
		indent(c, depth + 1);
		strbuf_addch(&c->out, ']');
	}
	indent(c, depth);
	strbuf_addch(&c->out, '}');
}

int oscal_xml_to_json(sqlite3 *db, const char *xml, size_t len, struct atomic_file *out)
{
	struct conv c = { NULL, STRBUF_INIT, 0 };
	sqlite3_stmt *valid = NULL;
	xmlDocPtr doc;
	xmlNodePtr root;
	char why[256];
	long line;
	int ret = -1, first = 1;

	doc = xml_parse_evidence(xml, len, WHAT, why, sizeof(why), &line);
	if (!doc)
		return error("%s: internal: the OSCAL XML does not parse (line %ld: %s)",
			     WHAT, line, why);
	root = xmlDocGetRootElement(doc);
	if (sqlite3_prepare_v2(db, "SELECT json_quote(?)", -1, &c.quote, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT json_valid(?)", -1, &valid, NULL) != SQLITE_OK) {
		resultsdb_error(db, WHAT);
		goto out;
	}
	strbuf_addch(&c.out, '{');
	key(&c, "assessment-results", 1, &first);
	object(&c, root, 1);
	strbuf_addstr(&c.out, "\n}\n");
	if (c.failed) {
		error("%s: internal: cannot convert the OSCAL XML", WHAT);
		goto out;
	}
	sqlite3_bind_text(valid, 1, c.out.buf, (int)c.out.len, SQLITE_STATIC);
	if (sqlite3_step(valid) != SQLITE_ROW || sqlite3_column_int(valid, 0) != 1) {
		error("%s: internal: the JSON written is not valid", WHAT);
		goto out;
	}
	ret = atomic_write(out, c.out.buf, c.out.len);
out:
	sqlite3_finalize(valid);
	sqlite3_finalize(c.quote);
	strbuf_release(&c.out);
	xmlFreeDoc(doc);
	return ret;
}
