/*
 * cmd_import.c - `ftrkit import WORKBOOK [-w DIR]`: start or update
 * DIR/assessment.xml from a filled FTR self-assessment workbook.
 *
 * Every sheet is looked at.  A table sheet has a header row (the first of
 * its first XLSX_HEADER_SCAN_ROWS rows with a Recovery Point, Recovery Time
 * or Requirement ID column, found by header text in English or Japanese,
 * xlsx_table.h); a Components sheet has Component and Criticality columns.
 * A table row naming a component and a disruption sets that objective's
 * RPO and RTO (from their columns, else from the response text); a row
 * naming a control sets its self-declared status and notes.  Columns the
 * export writes for people (Last drill, ftrkit verdict, Findings, Evidence)
 * are never read.  Every cell that cannot be read is listed on stderr with
 * its reference and left out (exit 1); nothing is ever dropped silently.
 *
 * Without DIR/assessment.xml the workspace is started like `ftrkit init`
 * (existing files are kept); with one, its DOM is edited in place so
 * everything the workbook does not set stays (comments, scenarios,
 * configs, evidence).  The result is validated like any assessment before
 * it is written atomically; anything that stops the import is exit 2 with
 * nothing written.
 */
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <libxml/tree.h>

#include "base/atomicfile.h"
#include "base/embedded.h"
#include "base/error.h"
#include "base/quote.h"
#include "base/strbuf.h"
#include "base/xmlload.h"
#include "cli/commands.h"
#include "cli/scaffold.h"
#include "evidence/xlsx.h"
#include "evidence/xlsx_table.h"
#include "model/assessment.h"
#include "model/duration.h"
#include "model/questionnaire.h"
#include "run/assess.h"
#include "base/banned.h"

/* At most this many components and objectives are added by one import: a
 * hostile workbook of 100 000 rows naming new ones cannot make each later
 * lookup slow or the assessment huge.  The rest are listed, not added. */
#define MAX_ADDED_COMPONENTS 1000
#define MAX_ADDED_OBJECTIVES 5000

enum column {
	COL_RPO, COL_RTO, COL_REQ, COL_COMP, COL_DIS, COL_STATUS, COL_RESP,
	COL_NAME, COL_CRIT, COL_RES, NR_COLS
};

static const char *const header_patterns[NR_COLS] = {
	XLSX_HEADER_RPO, XLSX_HEADER_RTO, XLSX_HEADER_REQUIREMENT, XLSX_HEADER_COMPONENT,
	XLSX_HEADER_DISRUPTION, XLSX_HEADER_STATUS, XLSX_HEADER_RESPONSE,
	"^(Name|名称|名前)$", "^(Criticality|重要度)", "^(Resources?|リソース)",
};

/* A component described by the workbook's Components sheet. */
struct component_def {
	char *id, *name, *criticality, *resources; /* resources: one per line */
};

struct importer {
	const char *book;          /* the workbook as named on the command line */
	const char *xml_path;      /* DIR/assessment.xml */
	const struct questionnaire *q;
	const struct assessment *a; /* as it was before the import */
	xmlDocPtr doc;
	struct pattern *pat[NR_COLS];
	uint32_t col[NR_COLS];     /* 0 = the sheet has no such column */
	const char *sheet;
	struct component_def *defs;
	size_t nr_defs;
	int start;                 /* no assessment.xml yet: started like init */
	int placeholder_used;      /* start: the workbook named init's "app" */
	size_t objectives_set, objectives_added, components_added, defaulted;
	size_t statuses, notes, unreadable;
	struct strbuf defaulted_ids; /* components added as critical by default */
};

/* List one cell that could not be read: "ftrkit: BOOK: sheet 'S' cell R: 'V' WHAT (left out)". */
static void unreadable(struct importer *im, const char *ref, const char *value,
		       const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void unreadable(struct importer *im, const char *ref, const char *value,
		       const char *fmt, ...)
{
	va_list ap;
	char *what, *shown = quote_controls(value ? value : "");
	va_start(ap, fmt);
	what = xvasprintf(fmt, ap);
	va_end(ap);
	error("%s: sheet '%s' cell %s: '%s' %s (left out)", im->book, im->sheet, ref, shown, what);
	im->unreadable++;
	free(what);
	free(shown);
}

static int valid_id(const char *s, size_t max)
{
	size_t i;
	if (!((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z')))
		return 0;
	for (i = 1; s[i]; i++) {
		char c = s[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_' || c == '-'))
			return 0;
	}
	return i <= max;
}

/* ---- the DOM ---------------------------------------------------------- */

/* A new element name, appended as parent's last child; borrowed from the
 * document.  Documents are parsed without blank text (xmlload.h) and
 * indented when written, so no indentation is added here. */
static xmlNodePtr append_element(xmlNodePtr parent, const char *name)
{
	xmlNodePtr el = xmlNewNode(NULL, BAD_CAST name);
	if (!el)
		die_oom();
	xmlAddChild(parent, el);
	return el;
}

static int attr_is(xmlNodePtr n, const char *attr, const char *value)
{
	char *v = xml_attr(n, attr);
	int same = v && strcmp(v, value) == 0;
	free(v);
	return same;
}

/* The first element child of parent named name with attr = value (attr NULL:
 * any), or NULL. */
static xmlNodePtr find_child(xmlNodePtr parent, const char *name, const char *attr,
			     const char *value)
{
	xmlNodePtr n;
	for (n = parent ? parent->children : NULL; n; n = n->next)
		if (xml_is(n, name) && (!attr || attr_is(n, attr, value)))
			return n;
	return NULL;
}

static xmlNodePtr component_el(struct importer *im, const char *id)
{
	return find_child(find_child(xmlDocGetRootElement(im->doc), "components", NULL, NULL),
			  "component", "id", id);
}

/* ---- components and disruptions ---------------------------------------- */

static const struct component_def *find_def(const struct importer *im, const char *label)
{
	size_t i;
	for (i = 0; i < im->nr_defs; i++)
		if (strcasecmp(im->defs[i].id, label) == 0 ||
		    (im->defs[i].name && strcasecmp(im->defs[i].name, label) == 0))
			return &im->defs[i];
	return NULL;
}

/* The id of the component label names: one of the assessment's, one this
 * import added, or a new one (from the Components sheet, else a label that
 * is an id, critical by default).  New string, or NULL after listing the
 * cell. */
static char *resolve_component(struct importer *im, const struct xlsx_cell *cell)
{
	char *label = xlsx_trimmed(cell->value), *id = NULL;
	const struct component *c = xlsx_named_component(im->a, label);
	const struct component_def *def;
	xmlNodePtr comps, el, n;

	if (c) {
		id = xstrdup(c->id);
		goto out;
	}
	comps = find_child(xmlDocGetRootElement(im->doc), "components", NULL, NULL);
	for (n = comps ? comps->children : NULL; n; n = n->next) {
		char *nid, *nname;
		if (!xml_is(n, "component"))
			continue;
		nid = xml_attr(n, "id");
		nname = xml_attr(n, "name");
		if ((nid && strcasecmp(nid, label) == 0) || (nname && strcasecmp(nname, label) == 0))
			id = xstrdup(nid);
		free(nid);
		free(nname);
		if (id)
			goto out;
	}
	def = find_def(im, label);
	if (!def && !valid_id(label, 64)) {
		unreadable(im, cell->ref, label, "names no component of %s and is no component id",
			   im->xml_path);
		goto out;
	}
	if (im->components_added >= MAX_ADDED_COMPONENTS) {
		unreadable(im, cell->ref, label, "would be component number %d added by this import;"
			   " at most %d are", MAX_ADDED_COMPONENTS + 1, MAX_ADDED_COMPONENTS);
		goto out;
	}
	el = append_element(comps, "component");
	xmlNewProp(el, BAD_CAST "id", BAD_CAST(def ? def->id : label));
	if (def && def->name)
		xmlNewProp(el, BAD_CAST "name", BAD_CAST def->name);
	xmlNewProp(el, BAD_CAST "criticality",
		   BAD_CAST(def && def->criticality ? def->criticality : "critical"));
	if (def && def->resources) {
		char *copy = xstrdup(def->resources), *save = NULL, *line;
		for (line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
			char *r = xlsx_trimmed(line);
			if (*r)
				xmlNodeSetContent(append_element(el, "resource"), BAD_CAST r);
			free(r);
		}
		free(copy);
	}
	im->components_added++;
	if (!def || !def->criticality) {
		/* named in the summary (the first ten), to be checked */
		if (im->defaulted < 10)
			strbuf_addf(&im->defaulted_ids, "%s%s", im->defaulted ? ", " : "",
				    def ? def->id : label);
		im->defaulted++;
	}
	id = xstrdup(def ? def->id : label);
out:
	free(label);
	return id;
}

/* Disruption words beyond the objective names themselves. */
static const struct { const char *word, *id; } disruption_words[] = {
	{ "instance", "instance" }, { "az", "az" }, { "availability-zone", "az" },
	{ "region", "region" }, { "data-corruption", "data-corruption" },
	{ "accidental-deletion", "accidental-deletion" }, { "dependency", "dependency" },
	{ "インスタンス", "instance" }, { "アベイラビリティゾーン", "az" },
	{ "アベイラビリティーゾーン", "az" }, { "AZ障害", "az" }, { "リージョン", "region" },
	{ "データ破損", "data-corruption" }, { "誤削除", "accidental-deletion" },
	{ "依存", "dependency" },
};

/* The disruption id label names for component element comp: one of its
 * objectives', a known word, or the label itself when it is a valid name.
 * New string or NULL after listing the cell. */
static char *resolve_disruption(struct importer *im, xmlNodePtr comp, const struct xlsx_cell *cell)
{
	char *label = xlsx_trimmed(cell->value), *id = NULL, *p;
	xmlNodePtr n;
	size_t i;

	for (n = comp->children; n && !id; n = n->next) {
		char *d = xml_is(n, "objective") ? xml_attr(n, "disruption") : NULL;
		if (d && xlsx_names_disruption(label, d))
			id = xstrdup(d);
		free(d);
	}
	for (i = 0; !id && i < sizeof(disruption_words) / sizeof(disruption_words[0]); i++) {
		size_t len = strlen(disruption_words[i].word);
		if (xlsx_names_disruption(label, disruption_words[i].word) ||
		    (strncasecmp(label, disruption_words[i].word, len) == 0 &&
		     (!label[len] || strcmp(label + len, "障害") == 0)))
			id = xstrdup(disruption_words[i].id);
	}
	if (!id) {
		for (p = label; *p; p++) {
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
			else if (*p == ' ' || *p == '_')
				*p = '-';
		}
		if (valid_id(label, 32) && label[0] >= 'a' && !strpbrk(label, "._") &&
		    strspn(label, "abcdefghijklmnopqrstuvwxyz0123456789-") == strlen(label))
			id = xstrdup(label);
		else
			unreadable(im, cell->ref, cell->value, "is not a disruption type");
	}
	free(label);
	return id;
}

/* ---- durations ------------------------------------------------------- */

/* Compact text of seconds: "0m", "5m", "1h30m", "2d". */
static char *compact_duration(int64_t s)
{
	struct strbuf sb = STRBUF_INIT;
	static const struct { int64_t unit; char c; } units[] = {
		{ 86400, 'd' }, { 3600, 'h' }, { 60, 'm' }, { 1, 's' } };
	size_t i;
	if (s == 0)
		return xstrdup("0m");
	for (i = 0; i < 4; i++) {
		if (s >= units[i].unit) {
			strbuf_addf(&sb, "%lld%c", (long long)(s / units[i].unit), units[i].c);
			s %= units[i].unit;
		}
	}
	return strbuf_detach(&sb);
}

/* The duration text of a filled RPO/RTO cell, as written when it parses
 * (time-typed cells as compact text).  New string, or NULL after listing. */
static char *cell_duration_text(struct importer *im, const struct xlsx_cell *cell)
{
	int64_t seconds;
	const char *why;
	char *text;
	if (xlsx_cell_duration(cell, &seconds, &why) < 0) {
		unreadable(im, cell->ref, cell->value, "is not a duration");
		return NULL;
	}
	if (cell->time)
		return compact_duration(seconds);
	text = xlsx_trimmed(cell->value);
	if (strlen(text) > 64) {
		unreadable(im, cell->ref, cell->value, "is longer than 64 bytes");
		free(text);
		return NULL;
	}
	return text;
}

static const struct xlsx_cell *cell_of(const struct importer *im, const struct xlsx_row *row,
				       enum column c)
{
	const struct xlsx_cell *cell = im->col[c] ? xlsx_row_cell(row, im->col[c]) : NULL;
	char *t;
	int empty;
	if (!cell)
		return NULL;
	t = xlsx_trimmed(cell->value);
	empty = !*t;
	free(t);
	return empty ? NULL : cell;
}

/* ---- rows ------------------------------------------------------------ */

static void objective_row(struct importer *im, const struct xlsx_row *row,
			  const struct xlsx_cell *comp_cell)
{
	const struct xlsx_cell *dis_cell = cell_of(im, row, COL_DIS);
	const struct xlsx_cell *rpo_cell = cell_of(im, row, COL_RPO);
	const struct xlsx_cell *rto_cell = cell_of(im, row, COL_RTO);
	const struct xlsx_cell *resp = cell_of(im, row, COL_RESP);
	char *id = NULL, *dis = NULL, *rpo = NULL, *rto = NULL, *text_rpo = NULL, *text_rto = NULL;
	xmlNodePtr comp, obj;
	char ref[XLSX_REF_SIZE + 8], colname[8];

	if (!dis_cell) {
		xlsx_col_name(im->col[COL_DIS] ? im->col[COL_DIS] : comp_cell->col + 1, colname,
			      sizeof(colname));
		snprintf(ref, sizeof(ref), "%s%u", colname, row->number);
		unreadable(im, ref, "", "names no disruption for component %s", comp_cell->value);
		return;
	}
	id = resolve_component(im, comp_cell);
	if (!id)
		return;
	comp = component_el(im, id);
	dis = resolve_disruption(im, comp, dis_cell);
	if (!dis)
		goto out;
	if (rpo_cell)
		rpo = cell_duration_text(im, rpo_cell);
	if (rto_cell)
		rto = cell_duration_text(im, rto_cell);
	if ((!rpo_cell || !rto_cell) && resp)
		xlsx_response_objectives(resp->value, &text_rpo, &text_rto);
	if (!rpo_cell && text_rpo) {
		rpo = text_rpo;
		text_rpo = NULL;
	}
	if (!rto_cell && text_rto) {
		rto = text_rto;
		text_rto = NULL;
	}
	/* A row without values still names the objective (the export writes one
	 * for an objective not stated yet): it exists afterwards, unstated. */
	if (strcmp(id, "app") == 0)
		im->placeholder_used = 1;
	obj = find_child(comp, "objective", "disruption", dis);
	if (!obj && im->objectives_added >= MAX_ADDED_OBJECTIVES) {
		unreadable(im, dis_cell->ref, dis_cell->value, "would be objective number %d added by "
			   "this import; at most %d are", MAX_ADDED_OBJECTIVES + 1, MAX_ADDED_OBJECTIVES);
		goto out;
	}
	if (!obj) {
		obj = append_element(comp, "objective");
		xmlNewProp(obj, BAD_CAST "disruption", BAD_CAST dis);
		im->objectives_added++;
	}
	if (rpo)
		xmlSetProp(obj, BAD_CAST "rpo", BAD_CAST rpo);
	if (rto)
		xmlSetProp(obj, BAD_CAST "rto", BAD_CAST rto);
	if (rpo || rto)
		im->objectives_set++;
out:
	free(id);
	free(dis);
	free(rpo);
	free(rto);
	free(text_rpo);
	free(text_rto);
}

static xmlNodePtr control_el(struct importer *im, const char *ref)
{
	xmlNodePtr root = xmlDocGetRootElement(im->doc);
	xmlNodePtr controls = find_child(root, "controls", NULL, NULL), el;
	if (!controls)
		controls = append_element(root, "controls");
	el = find_child(controls, "control", "ref", ref);
	if (!el) {
		el = append_element(controls, "control");
		xmlNewProp(el, BAD_CAST "ref", BAD_CAST ref);
	}
	return el;
}

/* Set control's <notes> (its first child element) to text. */
static void set_notes(xmlNodePtr control, const char *text)
{
	xmlNodePtr notes = find_child(control, "notes", NULL, NULL), first;
	if (!notes) {
		for (first = control->children; first && first->type != XML_ELEMENT_NODE;)
			first = first->next;
		if (first) {
			notes = xmlNewNode(NULL, BAD_CAST "notes");
			if (!notes)
				die_oom();
			xmlAddPrevSibling(first, notes);
		} else {
			notes = append_element(control, "notes");
		}
	}
	xmlNodeSetContent(notes, NULL);
	xmlNodeAddContent(notes, BAD_CAST text);
}

static void control_row(struct importer *im, const struct xlsx_row *row,
			const struct xlsx_cell *req)
{
	const struct xlsx_cell *status_cell = cell_of(im, row, COL_STATUS);
	const struct xlsx_cell *resp = cell_of(im, row, COL_RESP);
	const char *status = NULL;
	char *ids = xlsx_trimmed(req->value), *save = NULL, *part;
	char *notes = resp ? xlsx_trimmed(resp->value) : NULL;

	if (status_cell) {
		status = xlsx_status_word(status_cell->value);
		if (!status)
			unreadable(im, status_cell->ref, status_cell->value,
				   "is not a status (met, not met, n/a)");
	}
	for (part = strtok_r(ids, "/,", &save); part; part = strtok_r(NULL, "/,", &save)) {
		char *ref = xlsx_trimmed(part);
		const struct control *c = *ref ? questionnaire_find(im->q, ref) : NULL;
		xmlNodePtr el;
		if (!c) {
			unreadable(im, req->ref, ref, "names no control of questionnaire %s", im->q->id);
		} else if (status || notes) {
			el = control_el(im, c->id);
			if (status) {
				xmlSetProp(el, BAD_CAST "status", BAD_CAST status);
				im->statuses++;
			}
			if (notes) {
				set_notes(el, notes);
				im->notes++;
			}
		}
		free(ref);
	}
	free(ids);
	free(notes);
}

static void table_row(struct importer *im, const struct xlsx_row *row)
{
	const struct xlsx_cell *comp = cell_of(im, row, COL_COMP);
	const struct xlsx_cell *req = cell_of(im, row, COL_REQ);
	const struct xlsx_cell *v;
	if (comp) {
		objective_row(im, row, comp);
		/* A component row answers no control: its status cannot be kept. */
		if ((v = cell_of(im, row, COL_STATUS)))
			unreadable(im, v->ref, v->value,
				   "is a status on a component row, which answers no control");
		return;
	}
	if (req)
		control_row(im, row, req);
	/* An objective needs its component: never dropped without a word. */
	if ((v = cell_of(im, row, COL_RPO)))
		unreadable(im, v->ref, v->value, "has no component on its row");
	if ((v = cell_of(im, row, COL_RTO)))
		unreadable(im, v->ref, v->value, "has no component on its row");
}

static void components_row(struct importer *im, const struct xlsx_row *row)
{
	const struct xlsx_cell *id = cell_of(im, row, COL_COMP);
	const struct xlsx_cell *name = cell_of(im, row, COL_NAME);
	const struct xlsx_cell *crit = cell_of(im, row, COL_CRIT);
	const struct xlsx_cell *res = cell_of(im, row, COL_RES);
	struct component_def *d;
	char *t;
	if (!id)
		return;
	t = xlsx_trimmed(id->value);
	if (!valid_id(t, 64)) {
		unreadable(im, id->ref, id->value, "is no component id");
		free(t);
		return;
	}
	if (im->nr_defs >= MAX_ADDED_COMPONENTS) {
		unreadable(im, id->ref, t, "is past the %d components a Components sheet may describe",
			   MAX_ADDED_COMPONENTS);
		free(t);
		return;
	}
	im->defs = xrealloc(im->defs, (im->nr_defs + 1) * sizeof(*im->defs));
	d = &im->defs[im->nr_defs++];
	memset(d, 0, sizeof(*d));
	d->id = t;
	d->name = name ? xlsx_trimmed(name->value) : NULL;
	d->resources = res ? xstrdup(res->value) : NULL;
	if (crit) {
		char *c = xlsx_trimmed(crit->value);
		if (strcasecmp(c, "critical") == 0 || strcmp(c, "重要") == 0 || strcasecmp(c, "yes") == 0)
			d->criticality = xstrdup("critical");
		else if (strcasecmp(c, "non-critical") == 0 || strcasecmp(c, "not critical") == 0 ||
			 strcasecmp(c, "noncritical") == 0 || strcasecmp(c, "no") == 0)
			d->criticality = xstrdup("non-critical");
		else
			unreadable(im, crit->ref, crit->value, "is not critical or non-critical");
		free(c);
	}
}

/* ---- sheets ---------------------------------------------------------- */

enum sheet_kind { SHEET_NONE, SHEET_TABLE, SHEET_COMPONENTS };

/*
 * Start: the title rows above a header name the partner and the product as
 * the export writes them ("Partner: ORG", "Product: NAME VERSION"); they
 * replace init's placeholders.  An update never changes the product.
 */
static void title_row(struct importer *im, const struct xlsx_row *row)
{
	xmlNodePtr product = find_child(xmlDocGetRootElement(im->doc), "product", NULL, NULL);
	size_t i;
	if (!im->start || !product)
		return;
	for (i = 0; i < row->nr_cells; i++) {
		char *t = xlsx_trimmed(row->cells[i].value), *name, *sp;
		if (strncasecmp(t, "Partner:", 8) == 0) {
			char *org = xlsx_trimmed(t + 8);
			xmlNodePtr el = find_child(product, "organisation", NULL, NULL);
			if (*org && el) {
				xmlNodeSetContent(el, NULL);
				xmlNodeAddContent(el, BAD_CAST org);
			}
			free(org);
		} else if (strncasecmp(t, "Product:", 8) == 0) {
			name = xlsx_trimmed(t + 8);
			sp = strchr(name, ' ');
			if (sp)
				*sp++ = '\0';
			if (*name && strlen(name) <= 128) {
				xmlSetProp(product, BAD_CAST "name", BAD_CAST name);
				if (sp && *sp >= '0' && *sp <= '9') {
					sp[strcspn(sp, " ")] = '\0';
					xmlSetProp(product, BAD_CAST "version", BAD_CAST sp);
				}
			}
			free(name);
		}
		free(t);
	}
}

/* Find the columns in a header row candidate; the kind of sheet it makes. */
static enum sheet_kind take_header(struct importer *im, const struct xlsx_row *row)
{
	size_t i, c;
	memset(im->col, 0, sizeof(im->col));
	for (i = 0; i < row->nr_cells; i++) {
		for (c = 0; c < NR_COLS; c++) {
			if (!im->col[c] && xlsx_text_matches(im->pat[c], row->cells[i].value)) {
				im->col[c] = row->cells[i].col;
				break;
			}
		}
	}
	if (im->col[COL_RPO] || im->col[COL_RTO] || im->col[COL_REQ])
		return SHEET_TABLE;
	if (im->col[COL_COMP] && im->col[COL_CRIT])
		return SHEET_COMPONENTS;
	return SHEET_NONE;
}

/* Read sheet i, acting on sheets of kind want.  The kind found (SHEET_NONE
 * when no header row), or -1 after an input error. */
static int read_sheet(struct importer *im, struct xlsx *x, size_t i, enum sheet_kind want)
{
	struct xlsx_sheet *s = xlsx_sheet_open(x, i);
	struct xlsx_row row;
	enum sheet_kind kind = SHEET_NONE;
	int rc;
	if (!s)
		return -1;
	im->sheet = xlsx_sheet_name(x, i);
	while ((rc = xlsx_sheet_next(s, &row)) == 1) {
		if (kind == SHEET_NONE) {
			if (row.number > XLSX_HEADER_SCAN_ROWS)
				break;
			kind = take_header(im, &row);
			if (kind != SHEET_NONE && kind != want)
				break;
			if (kind == SHEET_NONE && want == SHEET_TABLE)
				title_row(im, &row);
			continue;
		}
		if (kind == SHEET_TABLE)
			table_row(im, &row);
		else
			components_row(im, &row);
	}
	xlsx_sheet_close(s);
	return rc < 0 ? -1 : (int)kind;
}

/* Components sheets first (they name what table rows may add), then the
 * tables.  0, or -1 after reporting (no header anywhere, or unreadable). */
static int read_workbook(struct importer *im, struct xlsx *x)
{
	size_t i, tables = 0;
	for (i = 0; i < xlsx_sheet_count(x); i++)
		if (read_sheet(im, x, i, SHEET_COMPONENTS) < 0)
			return -1;
	for (i = 0; i < xlsx_sheet_count(x); i++) {
		int kind = read_sheet(im, x, i, SHEET_TABLE);
		if (kind < 0)
			return -1;
		tables += kind == SHEET_TABLE;
	}
	if (!tables)
		return error_at(im->book, 0, "no sheet has a header row with a Recovery Point, "
				"Recovery Time or Requirement ID column in its first %d rows; "
				"nothing imported", XLSX_HEADER_SCAN_ROWS);
	return 0;
}

/* Start: drop init's placeholder component and scenario once the workbook
 * named components of its own. */
static void drop_placeholder(struct importer *im)
{
	xmlNodePtr root = xmlDocGetRootElement(im->doc), app, scenarios;
	if (im->placeholder_used || !im->components_added)
		return;
	app = component_el(im, "app");
	scenarios = find_child(root, "scenarios", NULL, NULL);
	if (app) {
		xmlUnlinkNode(app);
		xmlFreeNode(app);
	}
	if (scenarios) {
		xmlUnlinkNode(scenarios);
		xmlFreeNode(scenarios);
	}
}

static int write_update(const char *path, const xmlChar *data, int len)
{
	struct atomic_file af;
	if (atomic_begin(&af, path, 0644) < 0)
		return -1;
	if (atomic_write(&af, data, (size_t)len) < 0) {
		atomic_abort(&af);
		return -1;
	}
	return atomic_commit(&af);
}

int cmd_import(struct options *opt)
{
	struct questionnaire q;
	struct assessment before, after;
	struct importer im;
	struct xlsx *x = NULL;
	xmlBufferPtr fresh = NULL;
	xmlChar *out = NULL;
	int out_len = 0, fd, start, loaded = 0, ret = EXIT_INPUT;
	char *xml_path;
	size_t i;

	if (opt->argc != 1) {
		error("usage: ftrkit import WORKBOOK [-w DIR]");
		return EXIT_INPUT;
	}
	memset(&im, 0, sizeof(im));
	strbuf_init(&im.defaulted_ids, 0);
	memset(&before, 0, sizeof(before));
	im.book = opt->argv[0];
	xml_path = xasprintf("%s/assessment.xml", opt->workspace);
	im.xml_path = xml_path;
	if (assess_load_questionnaire(opt->questionnaire, &q) < 0) {
		free(xml_path);
		return EXIT_INPUT;
	}
	im.q = &q;
	for (i = 0; i < NR_COLS; i++)
		if (!(im.pat[i] = pattern_compile(header_patterns[i], "header", "ftrkit", 0)))
			goto out;

	start = access(xml_path, F_OK) != 0 && errno == ENOENT;
	im.start = start;
	if (start) {
		char *product = scaffold_product(opt->workspace);
		fresh = scaffold_assessment(&q, product);
		free(product);
		im.doc = xml_load_memory_validated((const char *)xmlBufferContent(fresh),
						   (size_t)xmlBufferLength(fresh), xml_path,
						   embedded_assessment_xsd, embedded_assessment_xsd_len,
						   "assessment.xsd");
		if (!im.doc || assessment_load_memory((const char *)xmlBufferContent(fresh),
						      (size_t)xmlBufferLength(fresh), xml_path,
						      &before) < 0)
			goto out;
	} else {
		im.doc = xml_load_validated(xml_path, embedded_assessment_xsd,
					    embedded_assessment_xsd_len, "assessment.xsd");
		if (!im.doc || assessment_load(xml_path, &before) < 0)
			goto out;
	}
	loaded = 1;
	im.a = &before;

	fd = open(im.book, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		error_at(im.book, 0, "cannot open: %s", strerror(errno));
		goto out;
	}
	x = xlsx_open_fd(fd, im.book, NULL);
	if (!x || read_workbook(&im, x) < 0)
		goto out;
	if (start)
		drop_placeholder(&im);

	/* Validate exactly what would be written before writing it. */
	xmlDocDumpFormatMemoryEnc(im.doc, &out, &out_len, "UTF-8", 1);
	if (!out)
		die_oom();
	if (assessment_load_memory((const char *)out, (size_t)out_len, xml_path, &after) < 0)
		goto out; /* reported; the file on disk is untouched */
	assessment_free(&after);
	if (start ? scaffold_write(opt->workspace, out, (size_t)out_len, 1) < 0
		  : write_update(xml_path, out, out_len) < 0)
		goto out;

	if (!opt->quiet) {
		printf("%s %s from %s\n", start ? "started" : "updated", xml_path, im.book);
		printf("objectives: %zu set (%zu new); components added: %zu (%zu critical by default)\n",
		       im.objectives_set, im.objectives_added, im.components_added, im.defaulted);
		if (im.defaulted)
			printf("the workbook gives no criticality for %s%s: added as critical,"
			       " check %s\n", im.defaulted_ids.buf, im.defaulted > 10 ? ", ..." : "",
			       xml_path);
		printf("controls: %zu statuses, %zu notes set\n", im.statuses, im.notes);
		if (im.unreadable)
			printf("%zu cell%s could not be read and %s left out (listed above)\n",
			       im.unreadable, im.unreadable == 1 ? "" : "s",
			       im.unreadable == 1 ? "was" : "were");
	}
	ret = im.unreadable ? EXIT_FINDINGS : 0;
out:
	xmlFree(out);
	xlsx_close(x);
	if (im.doc)
		xmlFreeDoc(im.doc);
	if (fresh)
		xmlBufferFree(fresh);
	if (loaded)
		assessment_free(&before);
	for (i = 0; i < NR_COLS; i++)
		pattern_free(im.pat[i]);
	for (i = 0; i < im.nr_defs; i++) {
		free(im.defs[i].id);
		free(im.defs[i].name);
		free(im.defs[i].criticality);
		free(im.defs[i].resources);
	}
	free(im.defs);
	strbuf_release(&im.defaulted_ids);
	questionnaire_free(&q);
	free(xml_path);
	return ret;
}
