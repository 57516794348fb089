/*
 * xmlload.c - hardened libxml2 parsing with XSD validation.
 *
 * Safety: XML_PARSE_NONET, never XML_PARSE_NOENT or XML_PARSE_DTDLOAD, and a
 * SAX internalSubset hook that stops the parser as soon as a DOCTYPE is seen
 * (it runs before the internal subset is read), so entity declarations are
 * never even collected and nothing external is ever named.  Nesting is
 * bounded by xmlParserMaxDepth (xml_set_limits, --max-xml-depth; never
 * XML_PARSE_HUGE), document size by the size limit.  Files are read from
 * our own descriptor: no URL schemes, no transparent gzip (no zip bombs).
 *
 * Errors: a structured error handler keeps the first error of a load
 * (message and line); the load then reports it once in the common shape.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlschemas.h>

#include "base/xmlload.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "base/banned.h"

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
	/* One line per error: libxml2 puts details ("Bytes: 0xFF ...") on a
	 * second line. */
	for (n = 0; first_error.msg[n]; n++)
		if (first_error.msg[n] == '\n' || first_error.msg[n] == '\r')
			first_error.msg[n] = ' ';
	/* libxml2's advice to use XML_PARSE_HUGE is not the user's remedy. */
	if (err->code == XML_ERR_INTERNAL_ERROR &&
	    strncmp(first_error.msg, "Excessive depth in document", 27) == 0)
		snprintf(first_error.msg, sizeof(first_error.msg),
			 "elements nested deeper than %u levels (limit; see --max-xml-depth)",
			 xmlParserMaxDepth);
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

static uint64_t max_document_size = XML_MAX_DOCUMENT_SIZE;

void xml_set_limits(unsigned max_depth, uint64_t max_size)
{
	if (max_depth < 1)
		max_depth = 1;
	if (max_depth > XML_MAX_MAX_DEPTH)
		max_depth = XML_MAX_MAX_DEPTH;
	/* libxml2 (without XML_PARSE_HUGE, which is never set) stops with
	 * "Excessive depth in document" beyond this global. */
	xmlParserMaxDepth = max_depth;
	max_document_size = max_size && max_size < XML_MAX_DOCUMENT_SIZE
		? max_size : XML_MAX_DOCUMENT_SIZE;
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
static xmlDocPtr parse_quiet(int fd, const char *data, size_t len, const char *name)
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
		doc = xmlCtxtReadFd(ctxt, fd, name, NULL, PARSE_OPTIONS);
	if (doc && (!ctxt->wellFormed || doctype_seen || first_error.seen)) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	xmlFreeParserCtxt(ctxt);
	return doc;
}

static xmlDocPtr parse(int fd, const char *data, size_t len, const char *name)
{
	xmlDocPtr doc = parse_quiet(fd, data, len, name);
	if (!doc) {
		report(name, "malformed XML");
		return NULL;
	}
	if (!xmlDocGetRootElement(doc)) {
		xmlFreeDoc(doc);
		error_at(name, 0, "no root element");
		return NULL;
	}
	return doc;
}

/*
 * Compiled schemas, keyed by the embedded text they came from.  The embedded
 * schemas are few and constant, so each is compiled once per process and
 * kept until exit (a loader called in a loop, as a fuzzer does, would
 * otherwise spend its time compiling the XSD).
 */
#define SCHEMA_CACHE_SIZE 8
static struct {
	const char *xsd;
	size_t len;
	xmlSchemaPtr schema;
} schema_cache[SCHEMA_CACHE_SIZE];

static xmlSchemaPtr schema_cached(const char *xsd, size_t len)
{
	size_t i;
	for (i = 0; i < SCHEMA_CACHE_SIZE; i++)
		if (schema_cache[i].xsd == xsd && schema_cache[i].len == len)
			return schema_cache[i].schema;
	return NULL;
}

/* Keep schema for xsd; 1 when kept, 0 when the table is full (the caller
 * then frees it after use). */
static int schema_cache_put(const char *xsd, size_t len, xmlSchemaPtr schema)
{
	size_t i;
	for (i = 0; i < SCHEMA_CACHE_SIZE; i++) {
		if (!schema_cache[i].xsd) {
			schema_cache[i].xsd = xsd;
			schema_cache[i].len = len;
			schema_cache[i].schema = schema;
			return 1;
		}
	}
	return 0;
}

static int validate(xmlDocPtr doc, const char *name, const char *xsd,
		    size_t xsd_len, const char *xsd_name)
{
	xmlSchemaParserCtxtPtr pctxt;
	xmlSchemaPtr schema;
	xmlSchemaValidCtxtPtr vctxt;
	int rc, owned = 0;

	reset_errors();
	schema = schema_cached(xsd, xsd_len);
	if (!schema) {
		/* The embedded schemas are ours: --max-xml-depth is for inputs. */
		unsigned saved_depth = xmlParserMaxDepth;
		xmlParserMaxDepth = XML_DEFAULT_MAX_DEPTH;
		pctxt = xmlSchemaNewMemParserCtxt(xsd, (int)xsd_len);
		if (!pctxt)
			die_oom();
		schema = xmlSchemaParse(pctxt);
		xmlSchemaFreeParserCtxt(pctxt);
		xmlParserMaxDepth = saved_depth;
		if (!schema)
			return report(xsd_name, "schema does not compile");
		owned = !schema_cache_put(xsd, xsd_len, schema);
	}
	vctxt = xmlSchemaNewValidCtxt(schema);
	if (!vctxt)
		die_oom();
	xmlSchemaSetValidStructuredErrors(vctxt, keep_first_error, NULL);
	rc = xmlSchemaValidateDoc(vctxt, doc);
	xmlSchemaFreeValidCtxt(vctxt);
	if (owned)
		xmlSchemaFree(schema);
	if (rc != 0)
		return report(name, "does not match its schema");
	return 0;
}

xmlDocPtr xml_load_validated(const char *path, const char *xsd, size_t xsd_len,
			     const char *xsd_name)
{
	struct stat before, after;
	xmlDocPtr doc = NULL;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		error_at(path, 0, "cannot open: %s", strerror(errno));
		return NULL;
	}
	if (fstat(fd, &before) < 0) {
		error_at(path, 0, "cannot stat: %s", strerror(errno));
		goto out;
	}
	if (!S_ISREG(before.st_mode)) {
		error_at(path, 0, "not a regular file");
		goto out;
	}
	if (before.st_size == 0) {
		error_at(path, 0, "empty file");
		goto out;
	}
	if ((uint64_t)before.st_size > max_document_size) {
		error_at(path, 0, "XML document of %lld bytes exceeds the %llu-byte limit "
			 "(see --max-file-size; XML files are read whole)",
			 (long long)before.st_size, (unsigned long long)max_document_size);
		goto out;
	}
	doc = parse(fd, NULL, (size_t)before.st_size, path);
	if (doc && (fstat(fd, &after) < 0 || after.st_size != before.st_size ||
		    after.st_mtim.tv_sec != before.st_mtim.tv_sec ||
		    after.st_mtim.tv_nsec != before.st_mtim.tv_nsec)) {
		error_at(path, 0, "file changed while it was being read");
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (doc && validate(doc, path, xsd, xsd_len, xsd_name) < 0) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
out:
	close(fd);
	return doc;
}

xmlDocPtr xml_load_memory_validated(const char *data, size_t len, const char *name,
				    const char *xsd, size_t xsd_len,
				    const char *xsd_name)
{
	xmlDocPtr doc;
	if (len > max_document_size) {
		error_at(name, 0, "XML document of %zu bytes exceeds the %llu-byte limit "
			 "(see --max-file-size; XML files are read whole)",
			 len, (unsigned long long)max_document_size);
		return NULL;
	}
	if (len == 0) {
		error_at(name, 0, "empty file");
		return NULL;
	}
	doc = parse(-1, data, len, name);
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
	doc = parse_quiet(-1, data, len, name);
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
