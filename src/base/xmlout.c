/*
 * xmlout.c - xmlTextWriter onto an atomic_file (see xmlout.h).
 *
 * The writer's output buffer calls back into atomic_write(), so a full disk
 * is reported once with the file's name; the report then fails as a whole
 * and assess leaves the previous reports in place.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xmlout.h"
#include "base/error.h"
#include "base/banned.h"

static int write_cb(void *ctx, const char *buf, int len)
{
	struct xo *xo = ctx;
	if (len <= 0)
		return 0;
	if (xo->mem) {
		strbuf_add(xo->mem, buf, (size_t)len);
		return len;
	}
	if (atomic_write(xo->out, buf, (size_t)len) < 0) {
		xo->failed = 2; /* already reported by atomic_write */
		return -1;
	}
	return len;
}

static int close_cb(void *ctx)
{
	(void)ctx;
	return 0;
}

static void check(struct xo *xo, int rc)
{
	if (rc < 0 && !xo->failed)
		xo->failed = 1;
}

/* Open the writer on xo, whose out or mem is set. */
static int open_writer(struct xo *xo, int html, int indent)
{
	xmlOutputBufferPtr buf;

	buf = xmlOutputBufferCreateIO(write_cb, close_cb, xo, NULL);
	if (!buf)
		die_oom();
	xo->w = xmlNewTextWriter(buf); /* owns buf from here, also on failure */
	if (!xo->w)
		die_oom();
	if (indent) {
		check(xo, xmlTextWriterSetIndent(xo->w, 1));
		check(xo, xmlTextWriterSetIndentString(xo->w, BAD_CAST " "));
	}
	if (html) {
		check(xo, xmlTextWriterWriteDTD(xo->w, BAD_CAST "html", NULL, NULL, NULL));
		check(xo, xmlTextWriterWriteRaw(xo->w, BAD_CAST "\n"));
	} else {
		check(xo, xmlTextWriterStartDocument(xo->w, "1.0", "UTF-8", NULL));
	}
	return xo->failed ? -1 : 0;
}

int xo_open(struct xo *xo, struct atomic_file *out, int html, int indent)
{
	memset(xo, 0, sizeof(*xo));
	xo->out = out;
	xo->html = html;
	return open_writer(xo, html, indent);
}

int xo_open_memory(struct xo *xo, struct strbuf *mem, int indent)
{
	memset(xo, 0, sizeof(*xo));
	xo->mem = mem;
	return open_writer(xo, 0, indent);
}

int xo_close(struct xo *xo)
{
	if (!xo->w)
		return -1;
	if (!xo->failed)
		check(xo, xmlTextWriterEndDocument(xo->w));
	if (!xo->failed)
		check(xo, xmlTextWriterFlush(xo->w));
	xmlFreeTextWriter(xo->w);
	xo->w = NULL;
	if (!xo->failed)
		return 0;
	if (xo->failed == 1)
		error_at(xo->out ? xo->out->final_path : "(memory)", 0, "cannot write report");
	return -1;
}

void xo_start(struct xo *xo, const char *name)
{
	if (!xo->failed)
		check(xo, xmlTextWriterStartElement(xo->w, BAD_CAST name));
}

void xo_end(struct xo *xo)
{
	if (xo->failed)
		return;
	check(xo, xo->html ? xmlTextWriterFullEndElement(xo->w)
			   : xmlTextWriterEndElement(xo->w));
}

void xo_end_void(struct xo *xo)
{
	if (!xo->failed)
		check(xo, xmlTextWriterEndElement(xo->w));
}

void xo_attr(struct xo *xo, const char *name, const char *value)
{
	if (!xo->failed && value)
		check(xo, xmlTextWriterWriteAttribute(xo->w, BAD_CAST name, BAD_CAST value));
}

void xo_attrf(struct xo *xo, const char *name, const char *fmt, ...)
{
	va_list ap;
	char *s;
	if (xo->failed)
		return;
	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	xo_attr(xo, name, s);
	free(s);
}

void xo_text(struct xo *xo, const char *text)
{
	if (!xo->failed && text)
		check(xo, xmlTextWriterWriteString(xo->w, BAD_CAST text));
}

void xo_textf(struct xo *xo, const char *fmt, ...)
{
	va_list ap;
	char *s;
	if (xo->failed)
		return;
	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	xo_text(xo, s);
	free(s);
}

void xo_elem(struct xo *xo, const char *name, const char *text)
{
	xo_start(xo, name);
	xo_text(xo, text);
	xo_end(xo);
}

void xo_elem_class(struct xo *xo, const char *name, const char *cls, const char *text)
{
	xo_start(xo, name);
	xo_attr(xo, "class", cls);
	xo_text(xo, text);
	xo_end(xo);
}

void xo_raw(struct xo *xo, const char *markup)
{
	if (!xo->failed)
		check(xo, xmlTextWriterWriteRaw(xo->w, BAD_CAST markup));
}
