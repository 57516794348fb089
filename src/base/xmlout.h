/*
 * xmlout.h - libxml2's xmlTextWriter onto an atomic_file, with a sticky
 * error flag.
 *
 * Every report that is markup (HTML, SVG, JUnit, OSCAL) is written through
 * these calls, so escaping of untrusted text (evidence file names, log
 * lines, partner statements) is always libxml2's, never hand-rolled.  Each
 * call is a no-op once an earlier call failed; xo_close() reports whether
 * anything failed, so report code can write markup straight down without
 * checking every call.
 */
#ifndef FTRKIT_XMLOUT_H
#define FTRKIT_XMLOUT_H

#include <libxml/xmlwriter.h>

#include "base/atomicfile.h"
#include "base/strbuf.h"

struct xo {
	xmlTextWriterPtr w;
	struct atomic_file *out;
	struct strbuf *mem; /* xo_open_memory(): output goes here instead */
	int html;   /* 1: never write "<x/>" for non-void elements */
	int failed;
};

/*
 * Start writing to out.  html = 1 writes "<!DOCTYPE html>" and no XML
 * declaration; html = 0 writes an XML declaration (UTF-8).  indent = 1
 * indents nested elements (never inside mixed content).  0 or -1 after
 * reporting.  The writer is freed by xo_close() in every case.
 */
int xo_open(struct xo *xo, struct atomic_file *out, int html, int indent);
/* The same into mem (appended), for a report that is derived from markup
 * (OSCAL JSON from OSCAL XML); no file, so nothing to fail but memory. */
int xo_open_memory(struct xo *xo, struct strbuf *mem, int indent);
/* Flush, free the writer; 0, or -1 when any call failed (reported). */
int xo_close(struct xo *xo);

void xo_start(struct xo *xo, const char *name);
/* Close the element; in html mode always with an end tag. */
void xo_end(struct xo *xo);
/* An element that is void in HTML (meta, br): closed as "<x/>". */
void xo_end_void(struct xo *xo);
/* Attribute; value NULL writes nothing. */
void xo_attr(struct xo *xo, const char *name, const char *value);
void xo_attrf(struct xo *xo, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Text content; NULL writes nothing. */
void xo_text(struct xo *xo, const char *text);
void xo_textf(struct xo *xo, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* <name>text</name>; text NULL gives an empty element. */
void xo_elem(struct xo *xo, const char *name, const char *text);
/* <name class="cls">text</name> */
void xo_elem_class(struct xo *xo, const char *name, const char *cls, const char *text);
/* Raw trusted markup from the program itself (the style sheet). */
void xo_raw(struct xo *xo, const char *markup);

#endif
