/*
 * xmlload.h - the only way ftrkit parses XML.
 *
 * Every document is parsed with the network off, no DTD loading, no entity
 * substitution, and a DOCTYPE is refused outright (no XXE, no billion
 * laughs).  The first libxml2 error is reported as "ftrkit: FILE:LINE: ...".
 */
#ifndef FTRKIT_XMLLOAD_H
#define FTRKIT_XMLLOAD_H

#include <stddef.h>
#include <stdint.h>
#include <libxml/tree.h>

/* Element nesting allowed by default (libxml2's own default) and at most. */
#define XML_DEFAULT_MAX_DEPTH 256
#define XML_MAX_MAX_DEPTH 4096
/* Largest XML document read (a DOM costs several times its size in memory). */
#define XML_MAX_DOCUMENT_SIZE ((uint64_t)16 << 20)

/*
 * Set the limits every later load applies: max_depth nested elements
 * (1..XML_MAX_MAX_DEPTH; deeper is "Excessive depth" at the line), and
 * max_size bytes per document (0 = XML_MAX_DOCUMENT_SIZE; never more).
 */
void xml_set_limits(unsigned max_depth, uint64_t max_size);

/*
 * Parse path and validate it against the XSD held in memory (xsd, xsd_len;
 * xsd_name names it in messages).  Returns a document the caller frees with
 * xmlFreeDoc(), or NULL after reporting the error.  The file is read from a
 * descriptor ftrkit opens itself (so libxml2 never interprets the name as a
 * URL and never decompresses), must be a non-empty regular file within the
 * size limit, and must not change while it is parsed.
 */
xmlDocPtr xml_load_validated(const char *path, const char *xsd, size_t xsd_len,
			     const char *xsd_name);

/* Same from memory (fuzzers, verify reading from a package); name for messages. */
xmlDocPtr xml_load_memory_validated(const char *data, size_t len, const char *name,
				    const char *xsd, size_t xsd_len,
				    const char *xsd_name);

/*
 * Parse evidence XML from memory with the same hardening, no schema, and
 * without reporting: on failure NULL, why (why_size bytes) says what is
 * wrong and *line where (0 when unknown).  Caller frees with xmlFreeDoc().
 */
xmlDocPtr xml_parse_evidence(const char *data, size_t len, const char *name,
			     char *why, size_t why_size, long *line);

/* Attribute value as a new string (caller frees) or NULL when absent. */
char *xml_attr(xmlNodePtr node, const char *name);

/* Trimmed text content of node as a new string; caller frees. */
char *xml_text(xmlNodePtr node);

/* True when node is an element named name. */
int xml_is(xmlNodePtr node, const char *name);

/* First child element named name, or NULL. */
xmlNodePtr xml_child(xmlNodePtr node, const char *name);

/* xml:lang of node, or NULL; borrowed from the document. */
const char *xml_lang(xmlNodePtr node);

/* Called once at start-up: safe global libxml2 settings. */
void xml_init(void);

#endif
