/*
 * report_xlsx.c - reports/ftr-self-assessment.xlsx: the AWS FTR
 * self-assessment workbook, filled from the results database, ready to hand
 * in.  The layout is the contract export and `ftrkit import` share (README,
 * "Handing in the workbook"): sheet "Resiliency" with title rows 1-2, the
 * header in row 4 (A "Requirement ID" ... L "Evidence (SHA-256)"), one row
 * per control in questionnaire order, and right after the first control
 * that carries a template-column check one row per component x objective
 * (its Recovery Point / Recovery Time exactly as assessment.xml states them,
 * the date of the latest successful drill); sheet "Components".  An
 * exported workbook named in <template path=…> passes template-column.
 *
 * Written with libxlsxwriter: every cell is a string cell (never a number,
 * never a formula, whatever it starts with), the library escapes the XML;
 * the text was made well-formed when it entered the database (safetext.h)
 * and is cut to Excel's cell limit by xlsx_cell.h.  Reproducible: the zip
 * entries carry libxlsxwriter's fixed 1980-01-01 time and docProps/core.xml
 * the --as-of day at 00:00 UTC, so the same inputs give the same bytes.
 * libxlsxwriter writes by file name and keeps its parts in temporary files:
 * both go to a private folder made under $TMPDIR (default /tmp), and the
 * finished workbook is copied to out->fd, so the report is as atomic as
 * every other (and verify can regenerate it into a memory file).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "reports/reports.h"
#include "reports/xlsx_cell.h"
#include "results/reportdb.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "base/banned.h"

#define WHAT "ftr-self-assessment.xlsx"

/* The header of row 4, columns A..L: the shared layout. */
static const char *const header[] = {
	"Requirement ID", "Requirement", "Component", "Disruption",
	"Recovery Point", "Recovery Time", "Response", "Status",
	"Last drill", "ftrkit verdict", "Findings", "Evidence (SHA-256)",
};
static const double widths[] = { 16, 60, 14, 20, 14, 14, 40, 12, 12, 14, 60, 90 };

enum { COL_ID, COL_REQ, COL_COMP, COL_DISR, COL_RPO, COL_RTO, COL_RESP, COL_STATUS,
       COL_DRILL, COL_VERDICT, COL_FINDINGS, COL_EVIDENCE, NR_COLS };

struct sheet {
	lxw_worksheet *ws;
	lxw_format *wrap, *bold; /* body cells; header cells */
	lxw_error err; /* the first error of a write, LXW_NO_ERROR while none */
};

/*
 * Write s as a string cell in format f (cut to Excel's limit); nothing for
 * NULL or "".  The first error is kept in sh->err.
 */
static void cell_as(struct sheet *sh, lxw_row_t row, lxw_col_t col, const char *s,
		    lxw_format *f)
{
	char *text;
	lxw_error e;

	if (!s || !*s)
		return;
	text = xlsx_cell_text(s);
	e = worksheet_write_string(sh->ws, row, col, text, f);
	if (e != LXW_NO_ERROR && sh->err == LXW_NO_ERROR)
		sh->err = e;
	free(text);
}

static void cell(struct sheet *sh, lxw_row_t row, lxw_col_t col, const char *s)
{
	cell_as(sh, row, col, s, sh->wrap);
}

/* The verdict as the layout spells it: "not met", "not applicable", ... */
static char *verdict_words(const char *v)
{
	char *s = xstrdup(v), *p;
	for (p = s; *p; p++)
		if (*p == '-')
			*p = ' ';
	return s;
}

/* Column i of every row of st joined by "\n" into sb (reset first). */
static int join_rows(sqlite3_stmt *st, struct strbuf *sb)
{
	int rc;
	strbuf_reset(sb);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sb->len)
			strbuf_addch(sb, '\n');
		strbuf_addstr(sb, rdb_str(st, 0));
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Findings of a control, one line each; a status other than met leads. */
static const char findings_sql[] =
	"SELECT CASE WHEN status = 'met' THEN '' ELSE replace(status, '-', ' ') || ': ' END"
	"    || message || CASE WHEN file IS NULL THEN ''"
	"       ELSE ' (' || file || CASE WHEN line IS NULL THEN '' ELSE ':' || line END || ')' END"
	"  FROM findings WHERE control_id = ?1 ORDER BY id";

/* Evidence a control rests on or cites, as sha256sum prints it. */
static const char evidence_sql[] =
	"SELECT e.sha256 || '  ' || e.path FROM evidence e WHERE e.path IN"
	"  (SELECT path FROM evidence_use WHERE control_id = ?1"
	"   UNION SELECT path FROM cited_evidence WHERE control_id = ?1)"
	"  ORDER BY e.path";

/* One row per component x objective, in assessment order. */
static const char objectives_sql[] =
	"SELECT o.component, o.disruption, o.rpo_text, o.rto_text,"
	"  (SELECT max(d.date) FROM drills d LEFT JOIN scenarios s ON s.id = d.scenario"
	"    WHERE d.outcome = 'success' AND COALESCE(d.component, s.component) = o.component"
	"      AND COALESCE(d.disruption, s.disruption) = o.disruption)"
	"  FROM objectives o ORDER BY o.rowid";

/* The controls carrying template-column, in questionnaire order, " / "-joined. */
static const char template_ids_sql[] =
	"SELECT group_concat(id, ' / ') FROM (SELECT c.id FROM controls c"
	"  WHERE EXISTS (SELECT 1 FROM checks k WHERE k.control_id = c.id"
	"                AND k.name = 'template-column') ORDER BY c.seq)";

static const char controls_sql[] =
	"SELECT id, title, requirement, notes, declared, verdict FROM controls ORDER BY seq";

static const char components_sql[] =
	"SELECT c.id, c.name, c.criticality,"
	"  (SELECT group_concat(resource, char(10)) FROM"
	"    (SELECT resource FROM resources r WHERE r.component = c.id ORDER BY r.rowid))"
	"  FROM components c ORDER BY c.rowid";

/*
 * The component x objective rows from *row on (st: objectives_sql), column A
 * ids (NULL: empty); *row is moved past them.  0, or -1 on a database error.
 */
static int write_objectives(sqlite3_stmt *st, struct sheet *sh, lxw_row_t *row,
			    const char *ids)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		cell(sh, *row, COL_ID, ids);
		cell(sh, *row, COL_COMP, rdb_text(st, 0));
		cell(sh, *row, COL_DISR, rdb_text(st, 1));
		cell(sh, *row, COL_RPO, rdb_text(st, 2));
		cell(sh, *row, COL_RTO, rdb_text(st, 3));
		cell(sh, *row, COL_DRILL, rdb_text(st, 4));
		(*row)++;
	}
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Rows 5...: the controls, and the objective rows after the first template one. */
static int write_rows(sqlite3 *db, struct sheet *sh)
{
	sqlite3_stmt *ctl = NULL, *fnd = NULL, *evd = NULL, *obj = NULL, *tid = NULL;
	struct strbuf sb = STRBUF_INIT;
	char *template_ids = NULL;
	lxw_row_t row = 4;
	int rc, objectives_done = 0, ret = -1;

	if (rdb_prepare(db, controls_sql, &ctl, WHAT) < 0 ||
	    rdb_prepare(db, findings_sql, &fnd, WHAT) < 0 ||
	    rdb_prepare(db, evidence_sql, &evd, WHAT) < 0 ||
	    rdb_prepare(db, objectives_sql, &obj, WHAT) < 0 ||
	    rdb_prepare(db, template_ids_sql, &tid, WHAT) < 0)
		goto out;
	if (sqlite3_step(tid) == SQLITE_ROW && !rdb_null(tid, 0))
		template_ids = xstrdup(rdb_str(tid, 0));
	while ((rc = sqlite3_step(ctl)) == SQLITE_ROW) {
		const char *id = rdb_str(ctl, 0);
		char *verdict = verdict_words(rdb_str(ctl, 5));
		const char *declared = rdb_str(ctl, 4);

		cell(sh, row, COL_ID, id);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s\n%s", rdb_str(ctl, 1), rdb_str(ctl, 2));
		cell(sh, row, COL_REQ, strbuf_str(&sb));
		cell(sh, row, COL_RESP, rdb_text(ctl, 3));
		/* "unanswered" is what ftrkit records when no status was written */
		cell(sh, row, COL_STATUS, strcmp(declared, "unanswered") ? declared : NULL);
		cell(sh, row, COL_VERDICT, verdict);
		free(verdict);
		sqlite3_bind_text(fnd, 1, id, -1, SQLITE_TRANSIENT);
		if (join_rows(fnd, &sb) < 0)
			goto db_error;
		cell(sh, row, COL_FINDINGS, strbuf_str(&sb));
		sqlite3_bind_text(evd, 1, id, -1, SQLITE_TRANSIENT);
		if (join_rows(evd, &sb) < 0)
			goto db_error;
		cell(sh, row, COL_EVIDENCE, strbuf_str(&sb));
		row++;
		if (objectives_done || !template_ids)
			continue;
		/* is this the first control carrying template-column? */
		if (strncmp(template_ids, id, strlen(id)) != 0 ||
		    (template_ids[strlen(id)] != '\0' && template_ids[strlen(id)] != ' '))
			continue;
		objectives_done = 1;
		if (write_objectives(obj, sh, &row, template_ids) < 0)
			goto db_error;
	}
	if (rc != SQLITE_DONE)
		goto db_error;
	/* no control carries template-column (tailored out): the stated
	 * objectives are still the partner's answer, so they follow the controls */
	if (!objectives_done && write_objectives(obj, sh, &row, NULL) < 0)
		goto db_error;
	ret = 0;
	goto out;
db_error:
	ret = error("%s: results database: %s", WHAT, sqlite3_errmsg(db));
out:
	free(template_ids);
	strbuf_release(&sb);
	sqlite3_finalize(ctl);
	sqlite3_finalize(fnd);
	sqlite3_finalize(evd);
	sqlite3_finalize(obj);
	sqlite3_finalize(tid);
	return ret;
}

/* Sheet "Components": id, name, criticality, resources one per line. */
static int write_components(sqlite3 *db, struct sheet *sh)
{
	static const char *const head[] = { "Component", "Name", "Criticality", "Resources" };
	static const double w[] = { 16, 50, 14, 90 };
	sqlite3_stmt *st;
	lxw_row_t row = 1;
	lxw_col_t c;
	int rc;

	for (c = 0; c < 4; c++) {
		worksheet_set_column(sh->ws, c, c, w[c], NULL);
		cell_as(sh, 0, c, head[c], sh->bold);
	}
	worksheet_freeze_panes(sh->ws, 1, 0);
	if (rdb_prepare(db, components_sql, &st, WHAT) < 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (c = 0; c < 4; c++)
			cell(sh, row, c, rdb_text(st, (int)c));
		row++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : error("%s: results database: %s", WHAT, sqlite3_errmsg(db));
}

/* The --as-of day (YYYY-MM-DD) at 00:00 UTC, for docProps/core.xml. */
static time_t as_of_time(const char *as_of)
{
	struct tm tm;
	memset(&tm, 0, sizeof(tm));
	if (sscanf(as_of, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3)
		return 0;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	return timegm(&tm);
}

/* Build the workbook at path (parts in tmpdir); 0 or -1 after reporting. */
static int build_workbook(sqlite3 *db, const char *path, char *tmpdir)
{
	lxw_workbook_options wo = { .constant_memory = LXW_FALSE, .tmpdir = tmpdir,
				    .use_zip64 = LXW_FALSE };
	lxw_doc_properties props;
	struct report_run rr;
	struct sheet res = { 0 }, comp = { 0 };
	lxw_format *bold;
	lxw_workbook *wb;
	lxw_error e;
	char *text;
	lxw_col_t c;
	int ret = -1;

	if (rdb_run_load(db, &rr, WHAT) < 0)
		return -1;
	wb = workbook_new_opt(path, &wo);
	if (!wb) {
		rdb_run_free(&rr);
		return error("%s: cannot start the workbook", WHAT);
	}
	memset(&props, 0, sizeof(props));
	props.title = "AWS FTR self-assessment: Resiliency (DR)";
	props.created = as_of_time(rr.as_of);
	workbook_set_properties(wb, &props);

	res.wrap = workbook_add_format(wb);
	format_set_text_wrap(res.wrap);
	format_set_align(res.wrap, LXW_ALIGN_VERTICAL_TOP);
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	format_set_text_wrap(bold);
	format_set_align(bold, LXW_ALIGN_VERTICAL_TOP);
	comp.wrap = res.wrap;
	res.bold = comp.bold = bold;
	res.ws = workbook_add_worksheet(wb, "Resiliency");
	comp.ws = workbook_add_worksheet(wb, "Components");
	if (!res.ws || !comp.ws)
		goto close;

	for (c = 0; c < NR_COLS; c++)
		worksheet_set_column(res.ws, c, c, widths[c], NULL);
	worksheet_freeze_panes(res.ws, 4, 0);
	cell(&res, 0, 0, "AWS FTR self-assessment: Resiliency (DR)");
	text = xasprintf("Partner: %s", rr.organisation ? rr.organisation : "");
	cell(&res, 1, 0, text);
	free(text);
	text = xasprintf("Product: %s%s%s", rr.product, rr.product_version ? " " : "",
			 rr.product_version ? rr.product_version : "");
	cell(&res, 1, 1, text);
	free(text);
	text = xasprintf("As of: %s", rr.as_of);
	cell(&res, 1, 2, text);
	free(text);
	text = xasprintf("Written by %s", rr.tool);
	cell(&res, 1, 3, text);
	free(text);
	for (c = 0; c < NR_COLS; c++)
		cell_as(&res, 3, c, header[c], bold);
	if (write_rows(db, &res) < 0 || write_components(db, &comp) < 0)
		goto close;
	ret = 0;
close:
	e = workbook_close(wb);
	if (!ret && (e != LXW_NO_ERROR || res.err != LXW_NO_ERROR || comp.err != LXW_NO_ERROR))
		ret = error("%s: cannot write the workbook: %s", WHAT,
			    lxw_strerror(e != LXW_NO_ERROR ? e
					 : res.err != LXW_NO_ERROR ? res.err : comp.err));
	rdb_run_free(&rr);
	return ret;
}

/* Copy the file at path to out by out->fd; 0 or -1 after reporting. */
static int copy_to(const char *path, struct atomic_file *out)
{
	char buf[65536];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC), ret = 0;

	if (fd < 0)
		return error("%s: cannot read the workbook written: %s", WHAT, strerror(errno));
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if ((ret = atomic_write(out, buf, (size_t)n)) < 0)
			break;
	if (n < 0)
		ret = error("%s: cannot read the workbook written: %s", WHAT, strerror(errno));
	close(fd);
	return ret;
}

int report_xlsx(sqlite3 *db, const struct report_links *links, struct atomic_file *out)
{
	const char *base = getenv("TMPDIR");
	char *dir, *path;
	int ret;
	(void)links; /* the evidence is named by path, not linked */

	if (!base || !*base)
		base = "/tmp";
	dir = xasprintf("%s/ftrkit-xlsx-XXXXXX", base);
	if (!mkdtemp(dir)) {
		ret = error("%s: cannot make a temporary folder in %s: %s", WHAT, base,
			    strerror(errno));
		free(dir);
		return ret;
	}
	path = xasprintf("%s/" WHAT, dir);
	ret = build_workbook(db, path, dir);
	if (!ret)
		ret = copy_to(path, out);
	unlink(path);
	free(path);
	if (rmdir(dir) < 0 && !ret)
		ret = error("%s: cannot remove the temporary folder %s: %s", WHAT, dir,
			    strerror(errno));
	free(dir);
	return ret;
}
