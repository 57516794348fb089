/*
 * check_template.c - template-column: the partner's filled FTR
 * self-assessment workbook carries the objectives in the column the control
 * names ('Recovery Point' for DR-003, 'Recovery Time' for DR-006).
 *
 * The workbook is the one the assessment names in <template path="…"/>.
 * The check looks for the header row (the first row, among the first
 * XLSX_HEADER_SCAN_ROWS of a sheet, with a cell matching param column), then
 * reads every later row: a filled cell in that column must be a duration,
 * (a number formatted as a time, such as 0:05 stored as 0.003472, is read
 * as that time), and when the row names a component of the assessment (by
 * id or name, in the column matching param component-column) it must agree
 * with what the assessment states (a component the assessment does not
 * have is not met, so another product's workbook never passes): the objective for the disruption the row names (column
 * matching param disruption-column), else the component's strictest one.
 * Findings point at the workbook (workspace-relative path), the spreadsheet
 * row as line and the cell reference as subject.  An unreadable workbook is
 * an input error (exit 2); a missing or empty column is a finding.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/check_messages.h"
#include "checks/checks.h"
#include "model/duration.h"
#include "base/error.h"
#include "evidence/pattern.h"
#include "evidence/xlsx.h"
#include "evidence/xlsx_table.h"
#include "base/banned.h"


static const char *const objectives[] = { "rpo", "rto", NULL };


struct template_scan {
	const struct check_ctx *ctx;
	const char *relpath;    /* workbook, workspace-relative */
	const char *which;      /* "rpo" or "rto" */
	const char *label;      /* "RPO" or "RTO" */
	const char *sheet;      /* name of the sheet being read (borrowed) */
	struct pattern *column, *component_column, *disruption_column, *sheet_filter;
	uint32_t value_col, component_col, disruption_col; /* 0 = none */
	char column_ref[16];    /* header cell, e.g. "E3" */
	size_t filled, agreed, bad;
};

/* Compile param name (or dflt when absent and dflt is non-NULL) into *out;
 * *out stays NULL when neither is given.  -1 after reporting. */
static int compile_param(const struct check_ctx *ctx, const struct check_spec *spec,
			 const char *name, const char *dflt, struct pattern **out)
{
	long line = 0;
	const char *source = check_param(spec, name, &line);
	*out = NULL;
	if (!source)
		source = dflt;
	if (!source)
		return 0;
	*out = pattern_compile(source, name, ctx->questionnaire->path,
			       line ? line : spec->line);
	return *out ? 0 : -1;
}

static int has_value(const struct objective *o, const char *which, int64_t *seconds)
{
	int rpo = strcmp(which, "rpo") == 0;
	*seconds = rpo ? o->rpo_seconds : o->rto_seconds;
	return rpo ? o->has_rpo : o->has_rto;
}

/* Check one filled cell of the value column. */
static void check_cell(struct template_scan *sc, const struct xlsx_row *row,
		       const struct xlsx_cell *cell, struct check_result *res)
{
	const struct check_ctx *ctx = sc->ctx;
	const struct xlsx_cell *comp_cell = sc->component_col ?
		xlsx_row_cell(row, sc->component_col) : NULL;
	const struct xlsx_cell *dis_cell = sc->disruption_col ?
		xlsx_row_cell(row, sc->disruption_col) : NULL;
	const struct component *c;
	const struct objective *o = NULL;
	char *value = xlsx_trimmed(cell->value), *dis = NULL, *comp = NULL;
	char shown[64], stated_shown[64], where[96];
	const char *why;
	int64_t seconds, stated = 0;
	int have = 0;
	size_t i;

	if (!*value)
		goto out;
	sc->filled++;
	if (xlsx_cell_duration(cell, &seconds, &why) < 0) {
		sc->bad++;
		finding_add(res, VERDICT_NOT_MET, sc->relpath, row->number, NULL, cell->ref,
			    CMSG(ctx->lang, TPL_NOT_DURATION),
			    sc->relpath, sc->sheet, cell->ref, value, why);
		goto out;
	}
	duration_format(seconds, ctx->lang, shown, sizeof(shown));
	c = comp_cell ? xlsx_named_component(ctx->assessment, comp_cell->value) : NULL;
	comp = comp_cell ? xlsx_trimmed(comp_cell->value) : NULL;
	if (!c && comp && *comp) {
		/* A component the assessment does not have: never agreement. */
		sc->bad++;
		finding_add(res, VERDICT_NOT_MET, sc->relpath, row->number, NULL, cell->ref,
			    CMSG(ctx->lang, TPL_UNKNOWN_COMPONENT),
			    sc->relpath, sc->sheet, cell->ref, sc->label, shown, comp,
			    ctx->assessment_relpath);
		goto out;
	}
	if (!c) {
		finding_add(res, VERDICT_MET, sc->relpath, row->number, NULL, cell->ref,
			    CMSG(ctx->lang, TPL_NO_COMPONENT),
			    sc->relpath, sc->sheet, cell->ref, sc->label, shown);
		goto out;
	}
	dis = dis_cell ? xlsx_trimmed(dis_cell->value) : NULL;
	if (dis && *dis) {
		o = xlsx_named_disruption(c, dis);
		if (!o) {
			sc->bad++;
			finding_add(res, VERDICT_NOT_MET, sc->relpath, row->number, c->id, cell->ref,
				    CMSG(ctx->lang, TPL_NO_DISRUPTION),
				    sc->relpath, sc->sheet, cell->ref, sc->label, shown, c->id,
				    dis, c->id);
			goto out;
		}
		have = has_value(o, sc->which, &stated);
		snprintf(where, sizeof(where), CMSG(ctx->lang, TPL_WHERE), c->id, o->disruption);
	} else {
		/* No disruption named: the component's strictest stated value. */
		for (i = 0; i < c->nr_objectives; i++) {
			int64_t v;
			if (has_value(&c->objectives[i], sc->which, &v) && (!have || v < stated)) {
				have = 1;
				stated = v;
				o = &c->objectives[i];
			}
		}
		snprintf(where, sizeof(where), CMSG(ctx->lang, TPL_WHERE_STRICTEST), c->id,
			 o ? o->disruption : CMSG(ctx->lang, NONE));
	}
	if (!have) {
		sc->bad++;
		finding_add(res, VERDICT_NOT_MET, sc->relpath, row->number, c->id, cell->ref,
			    CMSG(ctx->lang, TPL_NOT_STATED),
			    sc->relpath, sc->sheet, cell->ref, sc->label, shown,
			    ctx->assessment_relpath, sc->label, c->id);
		goto out;
	}
	duration_format(stated, ctx->lang, stated_shown, sizeof(stated_shown));
	if (stated != seconds) {
		sc->bad++;
		finding_add(res, VERDICT_NOT_MET, sc->relpath, row->number, c->id, cell->ref,
			    CMSG(ctx->lang, TPL_DISAGREES), sc->relpath, sc->sheet, cell->ref, sc->label,
			    shown, ctx->assessment_relpath, o->line, stated_shown, where);
		goto out;
	}
	sc->agreed++;
	finding_add(res, VERDICT_MET, sc->relpath, row->number, c->id, cell->ref,
		    CMSG(ctx->lang, TPL_AGREES),
		    sc->relpath, sc->sheet, cell->ref, sc->label, shown,
		    ctx->assessment_relpath, o->line, where);
out:
	free(value);
	free(dis);
	free(comp);
}

/* Find the header in a header row candidate; 1 when the value column is in it. */
static int take_header(struct template_scan *sc, const struct xlsx_row *row)
{
	size_t i;
	sc->value_col = sc->component_col = sc->disruption_col = 0;
	for (i = 0; i < row->nr_cells; i++) {
		const struct xlsx_cell *cell = &row->cells[i];
		if (!sc->value_col && xlsx_text_matches(sc->column, cell->value)) {
			sc->value_col = cell->col;
			snprintf(sc->column_ref, sizeof(sc->column_ref), "%s", cell->ref);
		} else if (!sc->component_col && sc->component_column &&
			   xlsx_text_matches(sc->component_column, cell->value)) {
			sc->component_col = cell->col;
		} else if (!sc->disruption_col && sc->disruption_column &&
			   xlsx_text_matches(sc->disruption_column, cell->value)) {
			sc->disruption_col = cell->col;
		}
	}
	return sc->value_col != 0;
}

/*
 * Read sheet i: 1 when its header was found and its rows were checked, 0
 * when the sheet has no such header, -1 after an input error.
 */
static int scan_sheet(struct template_scan *sc, struct xlsx *x, size_t i,
		      struct check_result *res)
{
	struct xlsx_sheet *s = xlsx_sheet_open(x, i);
	struct xlsx_row row;
	int rc, found = 0;

	if (!s)
		return -1;
	sc->sheet = xlsx_sheet_name(x, i);
	while ((rc = xlsx_sheet_next(s, &row)) == 1) {
		const struct xlsx_cell *cell;
		if (!found) {
			if (row.number > XLSX_HEADER_SCAN_ROWS)
				break;
			found = take_header(sc, &row);
			continue;
		}
		cell = xlsx_row_cell(&row, sc->value_col);
		if (cell)
			check_cell(sc, &row, cell, res);
	}
	xlsx_sheet_close(s);
	if (rc < 0)
		return -1;
	return found;
}

int check_template_column(const struct check_ctx *ctx, const struct check_spec *spec,
			  struct check_result *res)
{
	const struct assessment *a = ctx->assessment;
	struct template_scan sc;
	struct xlsx *x = NULL;
	const struct evidence_file *f;
	const char *column_source;
	char *shown = NULL, colname[8];
	long line = 0;
	size_t i, sheets_tried = 0;
	int fd, rc = -1, found = 0;

	memset(&sc, 0, sizeof(sc));
	sc.ctx = ctx;
	if (check_param_choice(ctx, spec, "objective", "rpo", objectives, &sc.which) < 0)
		return -1;
	sc.label = strcmp(sc.which, "rpo") == 0 ? "RPO" : "RTO";
	column_source = check_param(spec, "column", &line);
	if (!column_source)
		return error_at(ctx->questionnaire->path, spec->line,
				"check %s: parameter column (the header pattern) is required",
				spec->name);
	if (!a->template.path) {
		finding_add(res, VERDICT_NOT_APPLICABLE, ctx->assessment_relpath, 0, NULL,
			    "template", CMSG(ctx->lang, TPL_NONE), sc.label);
		res->summary = xasprintf("%s", CMSG(ctx->lang, TPL_SUM_NONE));
		return 0;
	}
	if (compile_param(ctx, spec, "column", NULL, &sc.column) < 0 ||
	    compile_param(ctx, spec, "component-column", XLSX_HEADER_COMPONENT,
			  &sc.component_column) < 0 ||
	    compile_param(ctx, spec, "disruption-column", XLSX_HEADER_DISRUPTION,
			  &sc.disruption_column) < 0 ||
	    compile_param(ctx, spec, "sheet", NULL, &sc.sheet_filter) < 0)
		goto out;

	f = workspace_require(ctx->workspace, &a->template, a->path);
	if (!f)
		goto out;
	sc.relpath = f->path;
	fd = workspace_open_file(ctx->workspace, f->path);
	if (fd < 0)
		goto out;
	shown = workspace_display_path(ctx->workspace, f->path);
	x = xlsx_open_fd(fd, shown, NULL);
	if (!x)
		goto out;
	for (i = 0; !found && i < xlsx_sheet_count(x); i++) {
		int got;
		if (sc.sheet_filter && !xlsx_text_matches(sc.sheet_filter, xlsx_sheet_name(x, i)))
			continue;
		sheets_tried++;
		got = scan_sheet(&sc, x, i, res);
		if (got < 0)
			goto out;
		found = got;
	}
	rc = 0;
	if (!found) {
		if (!sheets_tried)
			finding_add(res, VERDICT_NOT_MET, sc.relpath, 0, NULL, "sheet",
				    CMSG(ctx->lang, TPL_NO_SHEET), sc.relpath,
				    check_param(spec, "sheet", NULL));
		else
			finding_add(res, VERDICT_NOT_MET, sc.relpath, 0, NULL, "column",
				    CMSG(ctx->lang, TPL_NO_COLUMN), sc.relpath, column_source, XLSX_HEADER_SCAN_ROWS,
				    sheets_tried, sheets_tried == 1 ? "" : "s");
		res->summary = xasprintf(CMSG(ctx->lang, TPL_SUM_NO_COLUMN), sc.label);
		goto out;
	}
	xlsx_col_name(sc.value_col, colname, sizeof(colname));
	if (!sc.filled) {
		finding_add(res, VERDICT_NOT_MET, sc.relpath, 0, NULL, sc.column_ref,
			    CMSG(ctx->lang, TPL_EMPTY),
			    sc.relpath, sc.sheet, colname, sc.column_ref, sc.label);
		res->summary = xasprintf(CMSG(ctx->lang, TPL_SUM_EMPTY), sc.label);
		goto out;
	}
	res->summary = sc.bad
		? xasprintf(CMSG(ctx->lang, TPL_SUM_BAD),
			    sc.bad, sc.filled, sc.label, sc.sheet, colname)
		: xasprintf(CMSG(ctx->lang, TPL_SUM_OK), sc.filled, sc.label, sc.sheet,
			    colname, sc.agreed);
out:
	xlsx_close(x);
	free(shown);
	pattern_free(sc.column);
	pattern_free(sc.component_column);
	pattern_free(sc.disruption_column);
	pattern_free(sc.sheet_filter);
	return rc;
}
