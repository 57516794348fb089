/*
 * xlsx.c - streaming reader for the cells of .xlsx workbooks.
 *
 * Data: an open workbook holds the libzip archive, the sheet list (name and
 * part path, from xl/workbook.xml and its relationships) and the shared
 * string table.  A sheet being read holds one part stream (a zip_file_t fed
 * to an xmlTextReader through an I/O callback) and the cells of the current
 * row only.
 *
 * Safety rules kept here:
 *  - a part is opened only after zip_stat says its uncompressed size and
 *    compression ratio are within the limits; the I/O callback counts the
 *    bytes actually inflated and stops at the declared size, the part cap
 *    and the archive-wide cap, whichever comes first (a lying header buys
 *    nothing);
 *  - the I/O callback also lexes the XML prolog and refuses any "<!" that
 *    is not a comment (a DOCTYPE) and any non-UTF-8 part before libxml2
 *    parses a byte of it, so no DTD, entity or external reference is ever
 *    seen by the parser; the reader runs with XML_PARSE_NONET and without
 *    XML_PARSE_NOENT / XML_PARSE_DTDLOAD anyway;
 *  - every value goes through a strbuf with a hard limit; row numbers must
 *    increase, columns stay inside the limit, a cell appears once per row.
 * Errors are reported once through error_at(workbook name, 0, ...) with the
 * sheet and cell (or part and XML line) in the message.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>
#include <libxml/xmlreader.h>

#include "evidence/xlsx.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "base/banned.h"

const struct xlsx_limits xlsx_default_limits = {
	.max_part_size = (uint64_t)32 << 20,
	.max_total_size = (uint64_t)256 << 20,
	.max_ratio = 200,
	.max_entries = 10000,
	.max_rows = 100000,
	.max_cols = XLSX_MAX_COL,
	.max_string = 32767,
	.max_shared_strings = 1000000,
};

#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_REL_STRICT "http://purl.oclc.org/ooxml/officeDocument/relationships"
#define READER_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA)

struct sheet_entry {
	char *name;
	char *rid;
	char *part; /* NULL until the relationships are read */
};

struct xlsx {
	zip_t *zip;
	char *name;
	struct xlsx_limits limits;
	uint64_t total_read;
	struct sheet_entry *sheets;
	size_t nr_sheets, alloc_sheets;
	char **shared;
	size_t nr_shared, alloc_shared;
	int has_shared;
	/* Per cell format (cellXfs index, a cell's s="N"): 1 when it shows a
	 * number as a time of day or an elapsed time (xlsx_cell.time). */
	unsigned char *xf_time;
	size_t nr_xf, alloc_xf;
};

/* ---- part streams ------------------------------------------------------ */

enum prolog_state {
	P_START, P_TEXT, P_LT, P_PI, P_PI_Q, P_BANG, P_BANG_DASH,
	P_COMMENT, P_COMMENT_D1, P_COMMENT_D2, P_DONE,
};

enum part_failure {
	PF_NONE, PF_DOCTYPE, PF_ENCODING, PF_PART_SIZE, PF_TOTAL_SIZE, PF_ZIP,
};

struct part {
	struct xlsx *x;
	char *where;         /* "sheet 'Resiliency'" or "part xl/workbook.xml" */
	const char *path;    /* borrowed part name */
	zip_file_t *zf;
	uint64_t declared;   /* uncompressed size from the central directory */
	uint64_t read;
	enum prolog_state prolog;
	enum part_failure failure;
	char zip_msg[160];
	xmlTextReaderPtr reader;
	int xml_error_seen;
	int xml_error_line;
	char xml_error[256];
};

/* Advance the prolog lexer over buf; sets p->failure on a DOCTYPE or a
 * part that is not UTF-8. */
static void prolog_scan(struct part *p, const unsigned char *buf, size_t n)
{
	size_t i;
	for (i = 0; i < n && p->prolog != P_DONE && p->failure == PF_NONE; i++) {
		unsigned char ch = buf[i];
		if (ch == 0 || (p->prolog == P_START && (ch == 0xfe || ch == 0xff))) {
			p->failure = PF_ENCODING;
			return;
		}
		switch (p->prolog) {
		case P_START:
		case P_TEXT:
			p->prolog = ch == '<' ? P_LT : P_TEXT;
			break;
		case P_LT:
			p->prolog = ch == '?' ? P_PI : ch == '!' ? P_BANG : P_DONE;
			break;
		case P_PI:
			if (ch == '?')
				p->prolog = P_PI_Q;
			break;
		case P_PI_Q:
			p->prolog = ch == '>' ? P_TEXT : ch == '?' ? P_PI_Q : P_PI;
			break;
		case P_BANG:
			if (ch != '-')
				p->failure = PF_DOCTYPE;
			p->prolog = P_BANG_DASH;
			break;
		case P_BANG_DASH:
			if (ch != '-')
				p->failure = PF_DOCTYPE;
			p->prolog = P_COMMENT;
			break;
		case P_COMMENT:
			if (ch == '-')
				p->prolog = P_COMMENT_D1;
			break;
		case P_COMMENT_D1:
			p->prolog = ch == '-' ? P_COMMENT_D2 : P_COMMENT;
			break;
		case P_COMMENT_D2:
			p->prolog = ch == '>' ? P_TEXT : ch == '-' ? P_COMMENT_D2 : P_COMMENT;
			break;
		case P_DONE:
			break;
		}
	}
}

/* xmlInputReadCallback: inflate the next block, enforcing every cap. */
static int part_read(void *ctx, char *buf, int len)
{
	struct part *p = ctx;
	const struct xlsx_limits *lim = &p->x->limits;
	zip_int64_t n;

	if (p->failure != PF_NONE || len <= 0)
		return p->failure != PF_NONE ? -1 : 0;
	n = zip_fread(p->zf, buf, (zip_uint64_t)len);
	if (n < 0) {
		p->failure = PF_ZIP;
		snprintf(p->zip_msg, sizeof(p->zip_msg), "%s", zip_file_strerror(p->zf));
		return -1;
	}
	p->read += (uint64_t)n;
	p->x->total_read += (uint64_t)n;
	if (p->read > p->declared || p->read > lim->max_part_size) {
		p->failure = PF_PART_SIZE;
		return -1;
	}
	if (p->x->total_read > lim->max_total_size) {
		p->failure = PF_TOTAL_SIZE;
		return -1;
	}
	prolog_scan(p, (const unsigned char *)buf, (size_t)n);
	return p->failure != PF_NONE ? -1 : (int)n;
}

static int part_noclose(void *ctx)
{
	(void)ctx;
	return 0;
}

/* Keep the first libxml2 error of this part (message and line). */
static void part_xml_error(void *arg, xmlErrorPtr err)
{
	struct part *p = arg;
	size_t n;
	if (p->xml_error_seen || !err || err->level < XML_ERR_ERROR)
		return;
	p->xml_error_seen = 1;
	p->xml_error_line = err->line;
	snprintf(p->xml_error, sizeof(p->xml_error), "%s",
		 err->message ? err->message : "malformed XML");
	n = strlen(p->xml_error);
	while (n && (p->xml_error[n - 1] == '\n' || p->xml_error[n - 1] == ' '))
		p->xml_error[--n] = '\0';
}

/* Report why part p stopped; returns -1. */
static int part_fail(struct part *p)
{
	const struct xlsx_limits *lim = &p->x->limits;
	const char *name = p->x->name;
	switch (p->failure) {
	case PF_DOCTYPE:
		return error_at(name, 0, "%s: DOCTYPE declarations are not allowed "
				"(no DTDs or entities)", p->where);
	case PF_ENCODING:
		return error_at(name, 0, "%s: only UTF-8 XML is accepted", p->where);
	case PF_PART_SIZE:
		return error_at(name, 0, "%s: inflates past its declared size or the "
				"%llu-byte limit (zip bomb?)", p->where,
				(unsigned long long)lim->max_part_size);
	case PF_TOTAL_SIZE:
		return error_at(name, 0, "%s: the workbook inflates past %llu bytes "
				"in all (zip bomb?)", p->where,
				(unsigned long long)lim->max_total_size);
	case PF_ZIP:
		return error_at(name, 0, "%s: cannot decompress %s: %s", p->where,
				p->path, p->zip_msg);
	case PF_NONE:
		break;
	}
	if (p->xml_error_seen)
		return error_at(name, 0, "%s: %s line %d: %s", p->where, p->path,
				p->xml_error_line, p->xml_error);
	return error_at(name, 0, "%s: %s: malformed XML", p->where, p->path);
}

static void part_close(struct part *p)
{
	if (p->reader)
		xmlFreeTextReader(p->reader);
	if (p->zf)
		zip_fclose(p->zf);
	free(p->where);
	memset(p, 0, sizeof(*p));
}

/*
 * Open part path for streaming.  0 with p ready; 1 when the part does not
 * exist and optional is set; -1 after reporting.  where is copied.
 */
static int part_open(struct xlsx *x, const char *path, const char *where,
		     int optional, struct part *p)
{
	const struct xlsx_limits *lim = &x->limits;
	zip_stat_t st;
	zip_int64_t idx;

	memset(p, 0, sizeof(*p));
	p->x = x;
	p->path = path;
	p->where = xstrdup(where);
	idx = zip_name_locate(x->zip, path, 0);
	if (idx < 0) {
		free(p->where);
		p->where = NULL;
		if (optional)
			return 1;
		return error_at(x->name, 0, "%s: part %s is missing from the archive "
				"(not an .xlsx workbook?)", where, path);
	}
	zip_stat_init(&st);
	if (zip_stat_index(x->zip, (zip_uint64_t)idx, 0, &st) < 0 ||
	    !(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE)) {
		error_at(x->name, 0, "%s: cannot read the zip entry of %s", where, path);
		goto fail;
	}
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
	    st.encryption_method != ZIP_EM_NONE) {
		error_at(x->name, 0, "%s: %s is encrypted; save the workbook without "
			 "a password", where, path);
		goto fail;
	}
	if (st.size > lim->max_part_size) {
		error_at(x->name, 0, "%s: %s inflates to %llu bytes, over the %llu-byte "
			 "limit (zip bomb?)", where, path, (unsigned long long)st.size,
			 (unsigned long long)lim->max_part_size);
		goto fail;
	}
	if (st.size > 0 && (st.comp_size == 0 || st.size / st.comp_size > lim->max_ratio)) {
		error_at(x->name, 0, "%s: %s has a compression ratio over %u:1 (zip bomb?)",
			 where, path, lim->max_ratio);
		goto fail;
	}
	p->declared = st.size;
	p->zf = zip_fopen_index(x->zip, (zip_uint64_t)idx, 0);
	if (!p->zf) {
		error_at(x->name, 0, "%s: cannot open %s: %s", where, path,
			 zip_strerror(x->zip));
		goto fail;
	}
	p->reader = xmlReaderForIO(part_read, part_noclose, p, path, NULL, READER_OPTIONS);
	if (!p->reader) {
		part_fail(p);
		goto fail;
	}
	xmlTextReaderSetStructuredErrorHandler(p->reader, part_xml_error, p);
	return 0;
fail:
	part_close(p);
	return -1;
}

/* The next node: 1, 0 at the end, -1 after reporting. */
static int part_next(struct part *p)
{
	int rc = xmlTextReaderRead(p->reader);
	if (rc < 0 || p->failure != PF_NONE || p->xml_error_seen)
		return part_fail(p);
	if (rc == 1 && xmlTextReaderNodeType(p->reader) == XML_READER_TYPE_DOCUMENT_TYPE) {
		p->failure = PF_DOCTYPE;
		return part_fail(p);
	}
	return rc;
}

static int node_is(struct part *p, int type, const char *local)
{
	const xmlChar *name;
	if (xmlTextReaderNodeType(p->reader) != type)
		return 0;
	name = xmlTextReaderConstLocalName(p->reader);
	return name && strcmp((const char *)name, local) == 0;
}

static int is_text_node(struct part *p)
{
	int t = xmlTextReaderNodeType(p->reader);
	return t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
	       t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

/* Attribute as a new string or NULL (caller frees). */
static char *attr(struct part *p, const char *name)
{
	xmlChar *v = xmlTextReaderGetAttribute(p->reader, (const xmlChar *)name);
	char *out;
	if (!v)
		return NULL;
	out = xstrdup((const char *)v);
	xmlFree(v);
	return out;
}

static char *attr_ns(struct part *p, const char *local)
{
	xmlChar *v = xmlTextReaderGetAttributeNs(p->reader, (const xmlChar *)local,
						 (const xmlChar *)NS_REL);
	char *out;
	if (!v)
		v = xmlTextReaderGetAttributeNs(p->reader, (const xmlChar *)local,
						(const xmlChar *)NS_REL_STRICT);
	if (!v)
		return NULL;
	out = xstrdup((const char *)v);
	xmlFree(v);
	return out;
}

/* ---- cell references ---------------------------------------------------- */

int xlsx_ref_parse(const char *ref, uint32_t *col, uint32_t *row)
{
	uint32_t c = 0, r = 0;
	size_t letters = 0, digits = 0;
	const char *s = ref;
	if (!s)
		return -1;
	for (; *s >= 'A' && *s <= 'Z'; s++) {
		if (++letters > 3)
			return -1;
		c = c * 26 + (uint32_t)(*s - 'A' + 1);
	}
	if (!letters || *s < '1' || *s > '9')
		return -1;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (++digits > 7)
			return -1;
		r = r * 10 + (uint32_t)(*s - '0');
	}
	if (*s || c > XLSX_MAX_COL || r > XLSX_MAX_ROW)
		return -1;
	*col = c;
	*row = r;
	return 0;
}

void xlsx_col_name(uint32_t col, char *out, size_t size)
{
	char tmp[8];
	size_t n = 0, i;
	while (col > 0 && n < sizeof(tmp)) {
		uint32_t rem = (col - 1) % 26;
		tmp[n++] = (char)('A' + rem);
		col = (col - 1) / 26;
	}
	if (!size)
		return;
	for (i = 0; i < n && i + 1 < size; i++)
		out[i] = tmp[n - 1 - i];
	out[i] = '\0';
}

/* A non-negative decimal without sign or spaces, below limit; -1 otherwise. */
static int64_t parse_index(const char *s, uint64_t limit)
{
	uint64_t v = 0;
	if (!s || !*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (uint64_t)(*s - '0');
		if (v > limit)
			return -1;
	}
	return (int64_t)v;
}

/* ---- workbook, relationships, shared strings ---------------------------- */

static int read_workbook(struct xlsx *x)
{
	struct part p;
	int rc;

	if (part_open(x, "xl/workbook.xml", "workbook", 0, &p) < 0)
		return -1;
	while ((rc = part_next(&p)) == 1) {
		struct sheet_entry *s;
		if (!node_is(&p, XML_READER_TYPE_ELEMENT, "sheet"))
			continue;
		if (x->nr_sheets >= x->limits.max_entries) {
			rc = error_at(x->name, 0, "workbook: more than %u sheets",
				      x->limits.max_entries);
			break;
		}
		ALLOC_GROW(x->sheets, x->nr_sheets, x->alloc_sheets);
		s = &x->sheets[x->nr_sheets++];
		memset(s, 0, sizeof(*s));
		s->name = attr(&p, "name");
		s->rid = attr_ns(&p, "id");
		if (!s->name || !s->rid) {
			rc = error_at(x->name, 0, "workbook: xl/workbook.xml line %d: <sheet> "
				      "without name or r:id",
				      xmlTextReaderGetParserLineNumber(p.reader));
			break;
		}
	}
	part_close(&p);
	if (rc < 0)
		return -1;
	if (!x->nr_sheets)
		return error_at(x->name, 0, "workbook: xl/workbook.xml names no sheets");
	return 0;
}

/*
 * The part a relationship target points at: "/xl/x.xml" is absolute,
 * anything else is relative to xl/.  NULL when the target could leave the
 * archive's tree ('..', backslash, empty).  Caller frees.
 */
static char *resolve_target(const char *target)
{
	const char *seg;
	if (!target || !*target || strchr(target, '\\'))
		return NULL;
	for (seg = target; *seg; ) {
		const char *end = strchr(seg, '/');
		size_t n = end ? (size_t)(end - seg) : strlen(seg);
		if ((n == 2 && seg[0] == '.' && seg[1] == '.') || (n == 1 && seg[0] == '.'))
			return NULL;
		if (!end)
			break;
		seg = end + 1;
	}
	if (target[0] == '/')
		return target[1] ? xstrdup(target + 1) : NULL;
	return xasprintf("xl/%s", target);
}

static int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && strcmp(s + a - b, suffix) == 0;
}

static int read_relationships(struct xlsx *x, char **shared_part, char **styles_part)
{
	struct part p;
	int rc;
	size_t i;

	*shared_part = NULL;
	*styles_part = NULL;
	if (part_open(x, "xl/_rels/workbook.xml.rels", "workbook relationships", 0, &p) < 0)
		return -1;
	while ((rc = part_next(&p)) == 1) {
		char *id, *target, *type, *mode, *part;
		if (!node_is(&p, XML_READER_TYPE_ELEMENT, "Relationship"))
			continue;
		mode = attr(&p, "TargetMode");
		if (mode && strcmp(mode, "External") == 0) {
			free(mode);
			continue; /* never followed */
		}
		free(mode);
		id = attr(&p, "Id");
		target = attr(&p, "Target");
		type = attr(&p, "Type");
		part = resolve_target(target);
		if (!id || !part) {
			rc = error_at(x->name, 0, "workbook relationships: line %d: "
				      "relationship '%s' has an unusable target '%s'",
				      xmlTextReaderGetParserLineNumber(p.reader),
				      id ? id : "", target ? target : "");
		} else {
			for (i = 0; i < x->nr_sheets; i++)
				if (!x->sheets[i].part && strcmp(x->sheets[i].rid, id) == 0)
					x->sheets[i].part = xstrdup(part);
			if (type && ends_with(type, "/sharedStrings") && !*shared_part)
				*shared_part = xstrdup(part);
			if (type && ends_with(type, "/styles") && !*styles_part)
				*styles_part = xstrdup(part);
		}
		free(id);
		free(target);
		free(type);
		free(part);
		if (rc < 0)
			break;
	}
	part_close(&p);
	if (rc < 0)
		return -1;
	for (i = 0; i < x->nr_sheets; i++)
		if (!x->sheets[i].part)
			return error_at(x->name, 0, "sheet '%s': relationship %s not found in "
					"xl/_rels/workbook.xml.rels", x->sheets[i].name,
					x->sheets[i].rid);
	return 0;
}

/* Read the shared string table: <si> is one string, the concatenation of
 * its <t> runs, phonetic guides (<rPh>) left out. */
static int read_shared_strings(struct xlsx *x, const char *path)
{
	struct part p;
	struct strbuf sb;
	int rc, in_si = 0, in_t = 0, in_rph = 0;

	rc = part_open(x, path, "shared strings", 1, &p);
	if (rc)
		return rc < 0 ? -1 : 0;
	x->has_shared = 1;
	strbuf_init(&sb, x->limits.max_string);
	while ((rc = part_next(&p)) == 1) {
		int empty = xmlTextReaderIsEmptyElement(p.reader) == 1;
		int push = 0;
		if (node_is(&p, XML_READER_TYPE_ELEMENT, "si")) {
			strbuf_reset(&sb);
			in_si = !empty;
			push = empty;
		} else if (node_is(&p, XML_READER_TYPE_END_ELEMENT, "si")) {
			in_si = 0;
			push = 1;
		} else if (node_is(&p, XML_READER_TYPE_ELEMENT, "rPh")) {
			in_rph = !empty;
		} else if (node_is(&p, XML_READER_TYPE_END_ELEMENT, "rPh")) {
			in_rph = 0;
		} else if (node_is(&p, XML_READER_TYPE_ELEMENT, "t")) {
			in_t = in_si && !in_rph && !empty;
		} else if (node_is(&p, XML_READER_TYPE_END_ELEMENT, "t")) {
			in_t = 0;
		} else if (in_t && is_text_node(&p)) {
			const char *v = (const char *)xmlTextReaderConstValue(p.reader);
			if (strbuf_addstr(&sb, v ? v : "") < 0) {
				rc = error_at(x->name, 0, "shared strings: string %zu is longer "
					      "than %zu bytes", x->nr_shared, x->limits.max_string);
				break;
			}
		}
		if (push) {
			if (x->nr_shared >= x->limits.max_shared_strings) {
				rc = error_at(x->name, 0, "shared strings: more than %zu strings",
					      x->limits.max_shared_strings);
				break;
			}
			ALLOC_GROW(x->shared, x->nr_shared, x->alloc_shared);
			x->shared[x->nr_shared++] = strbuf_detach(&sb);
			strbuf_init(&sb, x->limits.max_string);
		}
	}
	strbuf_release(&sb);
	part_close(&p);
	return rc < 0 ? -1 : 0;
}

/* Most cell formats read (Excel's own limit is 64 000). */
#define MAX_CELL_FORMATS 65536

/*
 * Whether a number format shows a time: Excel's built-in time formats
 * (18-21 h:mm[:ss] [AM/PM], 45 mm:ss, 46 [h]:mm:ss, 47 mm:ss.0), or a custom
 * code that has hours or seconds (an elapsed [h], [m], [s] too) and no
 * year or day, once quoted text, escaped characters and other bracketed
 * parts (colours, locales, conditions) are left out.  Date-times are not
 * durations.
 */
static int format_is_time(unsigned id, const char *code)
{
	int time = 0, date = 0;
	const char *p;

	if (!code)
		return (id >= 18 && id <= 21) || (id >= 45 && id <= 47);
	for (p = code; *p; p++) {
		char c = *p;
		if (c == '"') {
			while (p[1] && p[1] != '"')
				p++;
			if (p[1])
				p++;
		} else if (c == '\\' || c == '_' || c == '*') {
			if (p[1])
				p++;
		} else if (c == '[') {
			const char *end = strchr(p, ']');
			if (!end)
				break;
			if (strspn(p + 1, "hHmMsS") == (size_t)(end - p - 1) && end > p + 1)
				time = 1; /* [h] [mm] [ss]: elapsed time */
			p = end;
		} else if (c == 'h' || c == 'H' || c == 's' || c == 'S') {
			time = 1;
		} else if (c == 'y' || c == 'Y' || c == 'd' || c == 'D' || c == 'e' ||
			   c == 'g' || c == 'G') {
			date = 1;
		}
	}
	return time && !date;
}

/* Read xl/styles.xml (optional): custom number formats, then for each
 * cellXfs entry whether its format is a time (x->xf_time). */
static int read_styles(struct xlsx *x, const char *path)
{
	struct fmt { unsigned id; char *code; } *fmts = NULL;
	size_t nr_fmts = 0, alloc_fmts = 0, i;
	struct part p;
	int rc, in_xfs = 0;

	rc = part_open(x, path, "styles", 1, &p);
	if (rc)
		return rc < 0 ? -1 : 0;
	while ((rc = part_next(&p)) == 1) {
		int empty = xmlTextReaderIsEmptyElement(p.reader) == 1;
		if (node_is(&p, XML_READER_TYPE_ELEMENT, "numFmt") && nr_fmts < MAX_CELL_FORMATS) {
			char *id = attr(&p, "numFmtId");
			int64_t n = id ? parse_index(id, UINT32_MAX) : -1;
			free(id);
			if (n >= 0) {
				ALLOC_GROW(fmts, nr_fmts, alloc_fmts);
				fmts[nr_fmts].id = (unsigned)n;
				fmts[nr_fmts++].code = attr(&p, "formatCode");
			}
		} else if (node_is(&p, XML_READER_TYPE_ELEMENT, "cellXfs")) {
			in_xfs = !empty;
		} else if (node_is(&p, XML_READER_TYPE_END_ELEMENT, "cellXfs")) {
			in_xfs = 0;
		} else if (in_xfs && node_is(&p, XML_READER_TYPE_ELEMENT, "xf")) {
			char *id = attr(&p, "numFmtId");
			int64_t n = id ? parse_index(id, UINT32_MAX) : 0;
			const char *code = NULL;
			int custom = 0;
			free(id);
			if (x->nr_xf >= MAX_CELL_FORMATS) {
				rc = error_at(x->name, 0, "styles: more than %d cell formats",
					      MAX_CELL_FORMATS);
				break;
			}
			for (i = 0; n >= 0 && i < nr_fmts; i++)
				if (fmts[i].id == (unsigned)n) {
					code = fmts[i].code ? fmts[i].code : "";
					custom = 1;
				}
			ALLOC_GROW(x->xf_time, x->nr_xf, x->alloc_xf);
			x->xf_time[x->nr_xf++] = n >= 0 &&
				format_is_time((unsigned)n, custom ? code : NULL);
		}
	}
	for (i = 0; i < nr_fmts; i++)
		free(fmts[i].code);
	free(fmts);
	part_close(&p);
	return rc < 0 ? -1 : 0;
}

/* ---- opening ------------------------------------------------------------ */

static struct xlsx *finish_open(zip_t *zip, const char *name,
				const struct xlsx_limits *limits)
{
	struct xlsx *x = xcalloc(1, sizeof(*x));
	char *shared_part = NULL, *styles_part = NULL;
	zip_int64_t entries;
	int ok;

	x->zip = zip;
	x->name = xstrdup(name);
	x->limits = limits ? *limits : xlsx_default_limits;
	if (x->limits.max_cols == 0 || x->limits.max_cols > XLSX_MAX_COL)
		x->limits.max_cols = XLSX_MAX_COL;
	entries = zip_get_num_entries(zip, 0);
	if (entries < 0 || (uint64_t)entries > x->limits.max_entries) {
		error_at(x->name, 0, "zip archive has more than %u entries",
			 x->limits.max_entries);
		xlsx_close(x);
		return NULL;
	}
	ok = read_workbook(x) == 0 && read_relationships(x, &shared_part, &styles_part) == 0 &&
	     read_shared_strings(x, shared_part ? shared_part : "xl/sharedStrings.xml") == 0 &&
	     read_styles(x, styles_part ? styles_part : "xl/styles.xml") == 0;
	free(shared_part);
	free(styles_part);
	if (!ok) {
		xlsx_close(x);
		return NULL;
	}
	return x;
}

static void report_zip_error(const char *name, zip_error_t *ze)
{
	int code = zip_error_code_zip(ze);
	if (code == ZIP_ER_NOZIP)
		error_at(name, 0, "not a zip archive, or truncated (an .xlsx workbook "
			 "is a zip archive)");
	else if (code == ZIP_ER_INCONS)
		error_at(name, 0, "zip archive is inconsistent or truncated");
	else
		error_at(name, 0, "cannot open as a zip archive: %s", zip_error_strerror(ze));
}

struct xlsx *xlsx_open_fd(int fd, const char *name, const struct xlsx_limits *limits)
{
	zip_t *zip;
	int code = 0;
	zip_error_t ze;

	zip = zip_fdopen(fd, ZIP_CHECKCONS, &code);
	if (!zip) {
		close(fd);
		zip_error_init_with_code(&ze, code);
		report_zip_error(name, &ze);
		zip_error_fini(&ze);
		return NULL;
	}
	return finish_open(zip, name, limits);
}

struct xlsx *xlsx_open_memory(const void *data, size_t len, const char *name,
			      const struct xlsx_limits *limits)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *zip;

	zip_error_init(&ze);
	src = zip_source_buffer_create(data, len, 0, &ze);
	if (!src)
		die_oom();
	zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	if (!zip) {
		zip_source_free(src);
		report_zip_error(name, &ze);
		zip_error_fini(&ze);
		return NULL;
	}
	zip_error_fini(&ze);
	return finish_open(zip, name, limits);
}

void xlsx_close(struct xlsx *x)
{
	size_t i;
	if (!x)
		return;
	for (i = 0; i < x->nr_sheets; i++) {
		free(x->sheets[i].name);
		free(x->sheets[i].rid);
		free(x->sheets[i].part);
	}
	free(x->sheets);
	for (i = 0; i < x->nr_shared; i++)
		free(x->shared[i]);
	free(x->shared);
	free(x->xf_time);
	if (x->zip)
		zip_discard(x->zip);
	free(x->name);
	free(x);
}

int xlsx_cell_seconds(const struct xlsx_cell *cell, int64_t *seconds)
{
	char *end;
	double days;

	errno = 0;
	days = strtod(cell->value, &end);
	/* at most 100 years: anything larger is not an objective */
	if (end == cell->value || *end || errno || !(days >= 0 && days <= 36525))
		return -1;
	*seconds = (int64_t)(days * 86400.0 + 0.5); /* days >= 0: rounds to nearest */
	return 0;
}

size_t xlsx_sheet_count(const struct xlsx *x)
{
	return x->nr_sheets;
}

const char *xlsx_sheet_name(const struct xlsx *x, size_t i)
{
	return i < x->nr_sheets ? x->sheets[i].name : NULL;
}

long xlsx_sheet_find(const struct xlsx *x, const char *name)
{
	size_t i;
	for (i = 0; name && i < x->nr_sheets; i++)
		if (strcmp(x->sheets[i].name, name) == 0)
			return (long)i;
	return -1;
}

/* ---- sheets ------------------------------------------------------------- */

struct cell_slot {
	uint32_t col;
	char ref[XLSX_REF_SIZE];
	char *value;
	int time;
};

struct xlsx_sheet {
	struct xlsx *x;
	const char *name; /* borrowed from x */
	struct part p;
	int in_data;
	uint32_t last_row, rows_read;
	struct cell_slot *slots;
	size_t nr_slots, alloc_slots;
	struct xlsx_cell *cells;
	size_t alloc_cells;
	int failed;
};

struct xlsx_sheet *xlsx_sheet_open(struct xlsx *x, size_t i)
{
	struct xlsx_sheet *s;
	char *where;
	if (i >= x->nr_sheets) {
		error_at(x->name, 0, "no sheet number %zu (the workbook has %zu)", i + 1,
			 x->nr_sheets);
		return NULL;
	}
	s = xcalloc(1, sizeof(*s));
	s->x = x;
	s->name = x->sheets[i].name;
	where = xasprintf("sheet '%s'", s->name);
	if (part_open(x, x->sheets[i].part, where, 0, &s->p) < 0) {
		free(where);
		free(s);
		return NULL;
	}
	free(where);
	return s;
}

static void clear_slots(struct xlsx_sheet *s)
{
	size_t i;
	for (i = 0; i < s->nr_slots; i++)
		free(s->slots[i].value);
	s->nr_slots = 0;
}

void xlsx_sheet_close(struct xlsx_sheet *s)
{
	if (!s)
		return;
	clear_slots(s);
	free(s->slots);
	free(s->cells);
	part_close(&s->p);
	free(s);
}

static int cmp_slot(const void *a, const void *b)
{
	const struct cell_slot *x = a, *y = b;
	return x->col < y->col ? -1 : x->col > y->col;
}

/* Turn the raw text of a cell into its value by type; a new string or NULL
 * after reporting. */
static char *cell_value(struct xlsx_sheet *s, const char *ref, const char *type,
			struct strbuf *raw)
{
	const char *v = strbuf_str(raw);
	struct xlsx *x = s->x;
	int64_t idx;

	if (type && strcmp(type, "s") == 0) {
		if (!x->has_shared) {
			error_at(x->name, 0, "sheet '%s' cell %s: refers to shared string '%s' "
				 "but the workbook has no shared string table", s->name, ref, v);
			return NULL;
		}
		idx = parse_index(v, (uint64_t)x->nr_shared);
		if (idx < 0 || (size_t)idx >= x->nr_shared) {
			error_at(x->name, 0, "sheet '%s' cell %s: shared string '%s' does not "
				 "exist (the table has %zu)", s->name, ref, v, x->nr_shared);
			return NULL;
		}
		return xstrdup(x->shared[idx]);
	}
	if (type && strcmp(type, "b") == 0) {
		if (strcmp(v, "0") && strcmp(v, "1")) {
			error_at(x->name, 0, "sheet '%s' cell %s: boolean '%s' is not 0 or 1",
				 s->name, ref, v);
			return NULL;
		}
		return xstrdup(*v == '1' ? "TRUE" : "FALSE");
	}
	return strbuf_detach(raw);
}

/*
 * Read one <c> element (the reader is on its start tag) and append it to the
 * current row when it has a value.  0 or -1 after reporting.
 */
static int read_cell(struct xlsx_sheet *s, uint32_t row, uint32_t *last_col)
{
	struct part *p = &s->p;
	struct xlsx *x = s->x;
	char *r = attr(p, "r"), *type = attr(p, "t"), *style = attr(p, "s");
	char ref[XLSX_REF_SIZE], colname[8];
	uint32_t col, ref_row;
	int empty = xmlTextReaderIsEmptyElement(p->reader) == 1;
	int in_v = 0, in_is = 0, in_t = 0, in_rph = 0, rc = 0;
	struct strbuf raw;

	strbuf_init(&raw, x->limits.max_string);
	if (r) {
		if (xlsx_ref_parse(r, &col, &ref_row) < 0) {
			rc = error_at(x->name, 0, "sheet '%s' row %u: cell reference '%s' is "
				      "not valid", s->name, row, r);
			goto out;
		}
		if (ref_row != row) {
			rc = error_at(x->name, 0, "sheet '%s' cell %s: lies outside its row %u",
				      s->name, r, row);
			goto out;
		}
	} else {
		col = *last_col + 1;
	}
	xlsx_col_name(col, colname, sizeof(colname));
	snprintf(ref, sizeof(ref), "%s%u", colname, row);
	if (col > x->limits.max_cols) {
		rc = error_at(x->name, 0, "sheet '%s' cell %s: column beyond the %u-column "
			      "limit", s->name, ref, x->limits.max_cols);
		goto out;
	}
	*last_col = col;
	while (!empty && (rc = part_next(p)) == 1) {
		int child_empty = xmlTextReaderIsEmptyElement(p->reader) == 1;
		if (node_is(p, XML_READER_TYPE_END_ELEMENT, "c"))
			break;
		if (node_is(p, XML_READER_TYPE_ELEMENT, "v"))
			in_v = !child_empty;
		else if (node_is(p, XML_READER_TYPE_END_ELEMENT, "v"))
			in_v = 0;
		else if (node_is(p, XML_READER_TYPE_ELEMENT, "is"))
			in_is = !child_empty;
		else if (node_is(p, XML_READER_TYPE_END_ELEMENT, "is"))
			in_is = 0;
		else if (node_is(p, XML_READER_TYPE_ELEMENT, "rPh"))
			in_rph = !child_empty;
		else if (node_is(p, XML_READER_TYPE_END_ELEMENT, "rPh"))
			in_rph = 0;
		else if (node_is(p, XML_READER_TYPE_ELEMENT, "t"))
			in_t = in_is && !in_rph && !child_empty;
		else if (node_is(p, XML_READER_TYPE_END_ELEMENT, "t"))
			in_t = 0;
		else if ((in_v || in_t) && is_text_node(p)) {
			const char *v = (const char *)xmlTextReaderConstValue(p->reader);
			if (strbuf_addstr(&raw, v ? v : "") < 0) {
				rc = error_at(x->name, 0, "sheet '%s' cell %s: value longer than "
					      "%zu bytes", s->name, ref, x->limits.max_string);
				goto out;
			}
		}
	}
	if (rc < 0)
		goto out;
	if (!empty && rc == 0) {
		rc = error_at(x->name, 0, "sheet '%s' cell %s: sheet ends inside the cell",
			      s->name, ref);
		goto out;
	}
	rc = 0;
	if (raw.len) {
		struct cell_slot *slot;
		char *value = cell_value(s, ref, type, &raw);
		if (!value) {
			rc = -1;
			goto out;
		}
		if (!*value) {
			free(value);
			goto out;
		}
		ALLOC_GROW(s->slots, s->nr_slots, s->alloc_slots);
		slot = &s->slots[s->nr_slots++];
		slot->col = col;
		memcpy(slot->ref, ref, sizeof(ref));
		slot->value = value;
		slot->time = 0;
		if (style && (!type || strcmp(type, "n") == 0)) {
			int64_t xf = parse_index(style, UINT32_MAX);
			slot->time = xf >= 0 && (size_t)xf < x->nr_xf && x->xf_time[xf];
		}
	}
out:
	strbuf_release(&raw);
	free(r);
	free(type);
	free(style);
	return rc;
}

/* Read one <row> (reader on its start tag).  0 or -1 after reporting. */
static int read_row(struct xlsx_sheet *s, uint32_t *number)
{
	struct part *p = &s->p;
	struct xlsx *x = s->x;
	char *r = attr(p, "r");
	int empty = xmlTextReaderIsEmptyElement(p->reader) == 1;
	uint32_t last_col = 0;
	int64_t n;
	int rc = 0;
	size_t i;

	if (r) {
		n = parse_index(r, XLSX_MAX_ROW);
		if (n < 1) {
			rc = error_at(x->name, 0, "sheet '%s': row number '%s' is not valid",
				      s->name, r);
			goto out;
		}
	} else {
		n = (int64_t)s->last_row + 1;
	}
	if (n <= s->last_row) {
		rc = error_at(x->name, 0, "sheet '%s': row %lld comes after row %u "
			      "(rows out of order)", s->name, (long long)n, s->last_row);
		goto out;
	}
	if (n > XLSX_MAX_ROW || ++s->rows_read > x->limits.max_rows) {
		rc = error_at(x->name, 0, "sheet '%s': more than %u rows", s->name,
			      x->limits.max_rows);
		goto out;
	}
	s->last_row = (uint32_t)n;
	*number = (uint32_t)n;
	while (!empty && (rc = part_next(p)) == 1) {
		if (node_is(p, XML_READER_TYPE_END_ELEMENT, "row"))
			break;
		if (node_is(p, XML_READER_TYPE_ELEMENT, "c") &&
		    read_cell(s, *number, &last_col) < 0) {
			rc = -1;
			goto out;
		}
	}
	if (rc < 0)
		goto out;
	if (!empty && rc == 0) {
		rc = error_at(x->name, 0, "sheet '%s': sheet ends inside row %u", s->name,
			      *number);
		goto out;
	}
	rc = 0;
	if (s->nr_slots > 1) /* a row of only empty cells has no slots (NULL) */
		qsort(s->slots, s->nr_slots, sizeof(*s->slots), cmp_slot);
	for (i = 1; i < s->nr_slots; i++) {
		if (s->slots[i].col == s->slots[i - 1].col) {
			rc = error_at(x->name, 0, "sheet '%s' cell %s: appears twice in row %u",
				      s->name, s->slots[i].ref, *number);
			goto out;
		}
	}
out:
	free(r);
	return rc;
}

int xlsx_sheet_next(struct xlsx_sheet *s, struct xlsx_row *row)
{
	struct part *p = &s->p;
	int rc;
	size_t i;

	memset(row, 0, sizeof(*row));
	clear_slots(s);
	if (s->failed)
		return -1;
	while ((rc = part_next(p)) == 1) {
		uint32_t number = 0;
		if (node_is(p, XML_READER_TYPE_ELEMENT, "sheetData")) {
			s->in_data = xmlTextReaderIsEmptyElement(p->reader) != 1;
			continue;
		}
		if (node_is(p, XML_READER_TYPE_END_ELEMENT, "sheetData")) {
			s->in_data = 0;
			continue;
		}
		if (!s->in_data || !node_is(p, XML_READER_TYPE_ELEMENT, "row"))
			continue;
		if (read_row(s, &number) < 0) {
			rc = -1;
			break;
		}
		if (!s->nr_slots)
			continue;
		ALLOC_GROW(s->cells, s->nr_slots, s->alloc_cells);
		for (i = 0; i < s->nr_slots; i++) {
			s->cells[i].col = s->slots[i].col;
			memcpy(s->cells[i].ref, s->slots[i].ref, sizeof(s->cells[i].ref));
			s->cells[i].value = s->slots[i].value;
			s->cells[i].time = s->slots[i].time;
		}
		row->number = number;
		row->cells = s->cells;
		row->nr_cells = s->nr_slots;
		return 1;
	}
	if (rc < 0) {
		clear_slots(s);
		s->failed = 1;
		return -1;
	}
	return 0;
}

const struct xlsx_cell *xlsx_row_cell(const struct xlsx_row *row, uint32_t col)
{
	size_t lo = 0, hi = row->nr_cells;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (row->cells[mid].col == col)
			return &row->cells[mid];
		if (row->cells[mid].col < col)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}
