/*
 * xmlload.c - hardened libxml2 parsing with XSD validation.
 *
 * Safety: XML_PARSE_NONET, never XML_PARSE_NOENT or XML_PARSE_DTDLOAD, and a
 * SAX internalSubset hook that stops the parser as soon as a DOCTYPE is seen,
 * so entity declarations are never even collected.  libxml2's default depth
 * limit (256 without XML_PARSE_HUGE) bounds nesting.
 *
 * Errors: a structured error handler keeps the first error of a load
 * (message and line); the load then reports it once in the common shape.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlschemas.h>

#include "xmlload.h"
#include "error.h"
#include "strbuf.h"
#include "banned.h"

struct first_error {
	int seen;
	long line;
	char msg[512];
};

static struct first_error first_error;

static void keep_first_error(void *ctx, xmlErrorPtr err)
{
	size_t n;
	(void)ctx;
	if (first_error.seen || !err || err->level < XML_ERR_ERROR)
		return;
	first_error.seen = 1;
	first_error.line = err->line;
	snprintf(first_error.msg, sizeof(first_error.msg), "%s",
		 err->message ? err->message : "malformed XML");
	n = strlen(first_error.msg);
	while (n && (first_error.msg[n - 1] == '\n' || first_error.msg[n - 1] == ' '))
		first_error.msg[--n] = '\0';
}

static int doctype_seen;

/* SAX hook: any DOCTYPE is refused and parsing stops at once. */
static void refuse_doctype(void *ctx, const xmlChar *name, const xmlChar *ext,
			   const xmlChar *sys)
{
	xmlParserCtxtPtr ctxt = ctx;
	(void)name; (void)ext; (void)sys;
	doctype_seen = 1;
	if (!first_error.seen) {
		first_error.seen = 1;
		first_error.line = xmlSAX2GetLineNumber(ctxt);
		snprintf(first_error.msg, sizeof(first_error.msg),
			 "DOCTYPE declarations are not allowed (no DTDs or entities)");
	}
	xmlStopParser(ctxt);
}

/* Silence libxml2's own printing; we report through first_error. */
static void ignore_generic(void *ctx, const char *msg, ...)
{
	(void)ctx; (void)msg;
}

void xml_init(void)
{
	xmlInitParser();
	xmlSetGenericErrorFunc(NULL, ignore_generic);
	xmlSetStructuredErrorFunc(NULL, keep_first_error);
	xmlLineNumbersDefault(1);
	xmlPedanticParserDefault(0);
	xmlLoadExtDtdDefaultValue = 0;
	xmlSubstituteEntitiesDefault(0);
}

static void reset_errors(void)
{
	memset(&first_error, 0, sizeof(first_error));
	doctype_seen = 0;
}

static int report(const char *name, const char *fallback)
{
	if (first_error.seen)
		return error_at(name, first_error.line, "%s", first_error.msg);
	return error_at(name, 0, "%s", fallback);
}

#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOBLANKS)

/* Parse with every hardening on; NULL with first_error set on failure. */
static xmlDocPtr parse_quiet(const char *path, const char *data, size_t len,
			     const char *name)
{
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;

	reset_errors();
	ctxt = xmlNewParserCtxt();
	if (!ctxt)
		die_oom();
	ctxt->sax->internalSubset = refuse_doctype;
	ctxt->sax->serror = keep_first_error;
	if (data)
		doc = xmlCtxtReadMemory(ctxt, data, (int)len, name, NULL, PARSE_OPTIONS);
	else
		doc = xmlCtxtReadFile(ctxt, path, NULL, PARSE_OPTIONS);
	if (doc && (!ctxt->wellFormed || doctype_seen || first_error.seen)) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	xmlFreeParserCtxt(ctxt);
	return doc;
}

static xmlDocPtr parse(const char *path, const char *data, size_t len,
		       const char *name)
{
	xmlDocPtr doc = parse_quiet(path, data, len, name);
	if (!doc) {
		report(name, data || len ? "malformed XML" :
			     "cannot read file or it is empty");
		return NULL;
	}
	if (!xmlDocGetRootElement(doc)) {
		xmlFreeDoc(doc);
		error_at(name, 0, "no root element");
		return NULL;
	}
	return doc;
}

static int validate(xmlDocPtr doc, const char *name, const char *xsd,
		    size_t xsd_len, const char *xsd_name)
{
	xmlSchemaParserCtxtPtr pctxt;
	xmlSchemaPtr schema;
	xmlSchemaValidCtxtPtr vctxt;
	int rc;

	reset_errors();
	pctxt = xmlSchemaNewMemParserCtxt(xsd, (int)xsd_len);
	if (!pctxt)
		die_oom();
	schema = xmlSchemaParse(pctxt);
	xmlSchemaFreeParserCtxt(pctxt);
	if (!schema)
		return report(xsd_name, "schema does not compile");
	vctxt = xmlSchemaNewValidCtxt(schema);
	if (!vctxt)
		die_oom();
	xmlSchemaSetValidStructuredErrors(vctxt, keep_first_error, NULL);
	rc = xmlSchemaValidateDoc(vctxt, doc);
	xmlSchemaFreeValidCtxt(vctxt);
	xmlSchemaFree(schema);
	if (rc != 0)
		return report(name, "does not match its schema");
	return 0;
}

xmlDocPtr xml_load_validated(const char *path, const char *xsd, size_t xsd_len,
			     const char *xsd_name)
{
	xmlDocPtr doc;
	struct stat st;
	if (stat(path, &st) < 0) {
		error_at(path, 0, "cannot open: %s", strerror(errno));
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		error_at(path, 0, "not a regular file");
		return NULL;
	}
	if (st.st_size == 0) {
		error_at(path, 0, "empty file");
		return NULL;
	}
	doc = parse(path, NULL, 0, path);
	if (doc && validate(doc, path, xsd, xsd_len, xsd_name) < 0) {
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

xmlDocPtr xml_load_memory_validated(const char *data, size_t len, const char *name,
				    const char *xsd, size_t xsd_len,
				    const char *xsd_name)
{
	xmlDocPtr doc;
	if (len > 0x7fffffff) {
		error_at(name, 0, "XML document too large");
		return NULL;
	}
	if (len == 0) {
		error_at(name, 0, "empty file");
		return NULL;
	}
	doc = parse(NULL, data, len, name);
	if (doc && validate(doc, name, xsd, xsd_len, xsd_name) < 0) {
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

char *xml_attr(xmlNodePtr node, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(node, (const xmlChar *)name);
	char *out;
	if (!v)
		return NULL;
	out = xstrdup((const char *)v);
	xmlFree(v);
	return out;
}

char *xml_text(xmlNodePtr node)
{
	xmlChar *v = xmlNodeGetContent(node);
	const char *s, *e;
	char *out;
	if (!v)
		return xstrdup("");
	s = (const char *)v;
	while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\n' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	out = xstrndup(s, (size_t)(e - s));
	xmlFree(v);
	return out;
}

int xml_is(xmlNodePtr node, const char *name)
{
	return node && node->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)node->name, name) == 0;
}

xmlNodePtr xml_child(xmlNodePtr node, const char *name)
{
	xmlNodePtr c;
	for (c = node ? node->children : NULL; c; c = c->next)
		if (xml_is(c, name))
			return c;
	return NULL;
}

const char *xml_lang(xmlNodePtr node)
{
	xmlAttrPtr a;
	for (a = node->properties; a; a = a->next)
		if (a->ns && a->ns->prefix &&
		    strcmp((const char *)a->ns->prefix, "xml") == 0 &&
		    strcmp((const char *)a->name, "lang") == 0 && a->children)
			return (const char *)a->children->content;
	return NULL;
}

xmlDocPtr xml_parse_evidence(const char *data, size_t len, const char *name,
			     char *why, size_t why_size, long *line)
{
	xmlDocPtr doc = NULL;
	*line = 0;
	if (len == 0 || len > 0x7fffffff) {
		snprintf(why, why_size, "%s", len ? "too large" : "empty file");
		return NULL;
	}
	doc = parse_quiet(NULL, data, len, name);
	if (doc && !xmlDocGetRootElement(doc)) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (!doc) {
		snprintf(why, why_size, "%s", first_error.seen ? first_error.msg : "malformed XML");
		*line = first_error.seen ? first_error.line : 0;
	}
	return doc;
}
