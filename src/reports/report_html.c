/*
 * report_html.c - reports/index.html, the report people read: one
 * self-contained HTML5 file (inline CSS and SVG, no script, no external
 * URL), generated from the results database.
 *
 * Sections: header with the overall verdict; summary table of controls;
 * every control with its requirement, checks, findings and the evidence
 * they rest on; the objectives table (stated vs measured); the drill
 * charts (svg_chart.c) and drill list; the evidence inventory.  Headings
 * come from messages.c in the run's language, control texts from the
 * database (already in that language), durations via duration_format().
 *
 * Markup is written with libxml2's xmlTextWriter (xmlout.c) in XML syntax
 * that is also valid HTML5: every element has an end tag except the void
 * ones, so the page parses the same in a browser, in tidy and in xmllint.
 * Evidence links are relative and percent-encoded, valid where the page
 * is opened: inside the review package the report sits at data/index.html
 * beside data/evidence/ ("evidence/PATH"); in the output folder of assess
 * they lead to the workspace ("../evidence/PATH" for reports/ beside
 * evidence/), see struct report_links.  Path, line and SHA-256 are
 * printed as text too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/uri.h>

#include "model/provenance.h"
#include "reports/reports.h"
#include "results/reportdb.h"
#include "results/resultsdb.h"
#include "model/calendar.h"
#include "model/duration.h"
#include "base/messages.h"
#include "reports/report_style.h"
#include "model/results.h"
#include "reports/svg_chart.h"
#include "base/xmlout.h"
#include "base/error.h"
#include "base/banned.h"

#define WHAT "index.html"

struct page {
	sqlite3 *db;
	struct xo *xo;
	const struct report_run *rr;
	const char *lang;
	const char *evidence_base; /* see rdb_evidence_href; NULL: package layout */
};

static const char *M(const struct page *p, enum msg id)
{
	return msg(id, p->lang);
}

/* A verdict badge: colour from the class, meaning from symbol and text. */
static void badge(const struct page *p, const char *verdict_name)
{
	enum verdict v;
	const char *symbol = "?";
	xo_start(p->xo, "span");
	xo_attrf(p->xo, "class", "badge v-%s", verdict_name);
	if (verdict_parse(verdict_name, &v) < 0) {
		xo_text(p->xo, verdict_name);
	} else {
		switch (v) {
		case VERDICT_MET: symbol = "✓"; break;
		case VERDICT_NOT_MET: symbol = "✗"; break;
		case VERDICT_NOT_APPLICABLE: symbol = "–"; break;
		case VERDICT_MANUAL: symbol = "?"; break;
		case VERDICT_WAIVED: symbol = "⊘"; break;
		default: break;
		}
		xo_textf(p->xo, "%s %s", symbol, verdict_label(v, p->lang));
	}
	xo_end(p->xo);
}

static void duration_text(const struct page *p, int64_t seconds)
{
	char buf[64];
	duration_format(seconds, p->lang, buf, sizeof(buf));
	xo_text(p->xo, buf);
}

/* <a href="evidence/PATH">PATH</a>, or base + PATH in the workspace's
 * reports (see rdb_evidence_href). */
static void evidence_link(const struct page *p, const char *path)
{
	char *href = rdb_evidence_href(p->evidence_base, path);
	xo_start(p->xo, "a");
	xo_attrf(p->xo, "href", "%s", href);
	xo_text(p->xo, path);
	xo_end(p->xo);
	free(href);
}

/* "PATH, line N, SHA-256 HEX" with the path as a link. */
static void evidence_ref(const struct page *p, const char *path, sqlite3_int64 line,
			 const char *sha)
{
	xo_start(p->xo, "span");
	xo_attr(p->xo, "class", "ev");
	evidence_link(p, path);
	if (line > 0)
		xo_textf(p->xo, ", %s %lld", M(p, M_LINE), (long long)line);
	if (sha) {
		xo_text(p->xo, ", SHA-256 ");
		xo_elem_class(p->xo, "code", "sha", sha);
	}
	xo_end(p->xo);
}

/*
 * <table class=CLS><thead><tr><th>COLS…</th></tr></thead><tbody>: the
 * caller writes the rows and ends tbody and table.
 */
static void table_start(const struct page *p, const char *cls, const enum msg *cols,
			size_t nr_cols)
{
	size_t i;
	xo_start(p->xo, "table");
	xo_attr(p->xo, "class", cls);
	xo_start(p->xo, "thead");
	xo_start(p->xo, "tr");
	for (i = 0; i < nr_cols; i++)
		xo_elem(p->xo, "th", M(p, cols[i]));
	xo_end(p->xo);
	xo_end(p->xo);
	xo_start(p->xo, "tbody");
}

#define TABLE_START(p, cls, ...)                                               \
	do {                                                                   \
		static const enum msg cols_[] = { __VA_ARGS__ };              \
		table_start((p), (cls), cols_, sizeof(cols_) / sizeof(cols_[0])); \
	} while (0)

static void head(const struct page *p)
{
	struct xo *xo = p->xo;
	xo_start(xo, "head");
	xo_start(xo, "meta");
	xo_attr(xo, "charset", "utf-8");
	xo_end_void(xo);
	xo_start(xo, "meta");
	xo_attr(xo, "name", "viewport");
	xo_attr(xo, "content", "width=device-width, initial-scale=1");
	xo_end_void(xo);
	xo_start(xo, "meta");
	xo_attr(xo, "name", "generator");
	xo_attr(xo, "content", p->rr->tool);
	xo_end_void(xo);
	xo_start(xo, "title");
	xo_textf(xo, "%s %s — %s (%s)", p->rr->product,
		 p->rr->product_version ? p->rr->product_version : "",
		 M(p, M_REPORT_TITLE), p->rr->as_of);
	xo_end(xo);
	xo_start(xo, "style");
	xo_raw(xo, report_css);
	xo_end(xo);
	xo_end(xo);
}

static void meta_row(const struct page *p, enum msg id, const char *value)
{
	if (!value)
		return;
	xo_elem(p->xo, "dt", M(p, id));
	xo_elem(p->xo, "dd", value);
}

static void page_header(const struct page *p)
{
	struct xo *xo = p->xo;
	const struct report_run *rr = p->rr;
	static const struct { const char *id; enum msg title; } toc[] = {
		{ "summary", M_SUMMARY }, { "controls", M_CONTROLS },
		{ "objectives", M_OBJECTIVES }, { "drills", M_DRILLS },
		{ "evidence", M_INVENTORY },
	};
	size_t i;
	char *questionnaire;

	xo_start(xo, "header");
	xo_attr(xo, "class", "report");
	xo_elem_class(xo, "p", "kicker", M(p, M_REPORT_TITLE));
	xo_start(xo, "h1");
	xo_textf(xo, "%s %s", rr->product, rr->product_version ? rr->product_version : "");
	xo_end(xo);
	xo_start(xo, "dl");
	xo_attr(xo, "class", "meta");
	{
		char *why = provenance_problem(rr->questionnaire_id, rr->questionnaire_version,
					       rr->questionnaire_sha256);
		questionnaire = xasprintf("%s (%s %s)%s%s", rr->questionnaire_title,
					  rr->questionnaire_id, rr->questionnaire_version,
					  why ? " \xe2\x80\x94 " : "", why ? why : "");
		free(why);
	}
	meta_row(p, M_QUESTIONNAIRE, questionnaire);
	free(questionnaire);
	meta_row(p, M_ORGANISATION, rr->organisation);
	meta_row(p, M_AS_OF, rr->as_of);
	xo_end(xo);

	xo_start(xo, "div");
	xo_attrf(xo, "class", "overall v-%s", rr->overall);
	xo_attr(xo, "id", "overall");
	xo_elem_class(xo, "span", "label", M(p, M_OVERALL));
	badge(p, rr->overall);
	xo_start(xo, "span");
	xo_attr(xo, "class", "counts");
	xo_textf(xo, M(p, M_COUNTS), (long long)rr->controls, (long long)rr->met,
		 (long long)rr->not_met, (long long)rr->not_applicable, (long long)rr->manual,
		 (long long)rr->waived);
	xo_end(xo);
	xo_end(xo);

	xo_start(xo, "nav");
	xo_attr(xo, "class", "toc");
	xo_attr(xo, "aria-label", M(p, M_CONTENTS));
	xo_start(xo, "ol");
	for (i = 0; i < sizeof(toc) / sizeof(toc[0]); i++) {
		xo_start(xo, "li");
		xo_start(xo, "a");
		xo_attrf(xo, "href", "#%s", toc[i].id);
		xo_text(xo, M(p, toc[i].title));
		xo_end(xo);
		xo_end(xo);
	}
	xo_end(xo);
	xo_end(xo);
	xo_end(xo);
}

static int summary_section(const struct page *p)
{
	struct xo *xo = p->xo;
	sqlite3_stmt *c;
	int rc;

	if (rdb_prepare(p->db, "SELECT id, title, verdict, reason FROM controls ORDER BY seq",
			&c, WHAT) < 0)
		return -1;
	xo_start(xo, "section");
	xo_attr(xo, "id", "summary");
	xo_elem(xo, "h2", M(p, M_SUMMARY));
	TABLE_START(p, "summary", M_CONTROL, M_TITLE, M_VERDICT, M_REASON);
	while ((rc = sqlite3_step(c)) == SQLITE_ROW) {
		xo_start(xo, "tr");
		xo_attrf(xo, "class", "v-%s", rdb_str(c, 2));
		xo_start(xo, "td");
		xo_attr(xo, "class", "nowrap");
		xo_start(xo, "a");
		xo_attrf(xo, "href", "#%s", rdb_str(c, 0));
		xo_text(xo, rdb_str(c, 0));
		xo_end(xo);
		xo_end(xo);
		xo_elem(xo, "td", rdb_str(c, 1));
		xo_start(xo, "td");
		badge(p, rdb_str(c, 2));
		xo_end(xo);
		xo_elem(xo, "td", rdb_str(c, 3));
		xo_end(xo);
	}
	xo_end(xo);
	xo_end(xo);
	xo_end(xo);
	sqlite3_finalize(c);
	return rc == SQLITE_DONE ? 0 : resultsdb_error(p->db, WHAT);
}

/*
 * "Changes since the previous run" (--history): the controls whose verdict
 * differs from the history's previous run and the evidence files added,
 * removed or changed by SHA-256.  No section when the run had no history.
 */
static int changes_section(const struct page *p)
{
	struct xo *xo = p->xo;
	sqlite3_stmt *h = NULL, *c = NULL, *e = NULL;
	int rc = SQLITE_DONE, rows = 0, ret = -1;

	if (rdb_prepare(p->db, "SELECT previous_run, previous_as_of FROM history", &h, WHAT) < 0 ||
	    rdb_prepare(p->db, "SELECT c.id, p.verdict, c.verdict FROM controls c"
			" LEFT JOIN previous_controls p ON p.control_id = c.id"
			" WHERE p.verdict IS NOT c.verdict ORDER BY c.seq", &c, WHAT) < 0 ||
	    rdb_prepare(p->db, "SELECT CASE WHEN o.path IS NULL THEN 'added'"
			" WHEN n.path IS NULL THEN 'removed' ELSE 'changed' END,"
			" coalesce(n.path, o.path), n.sha256"
			" FROM previous_evidence o FULL OUTER JOIN evidence n ON n.path = o.path"
			" WHERE o.sha256 IS NOT n.sha256 ORDER BY 2", &e, WHAT) < 0)
		goto out;
	if (sqlite3_step(h) != SQLITE_ROW) {
		ret = 0;
		goto out;
	}
	xo_start(xo, "section");
	xo_attr(xo, "id", "changes");
	xo_elem(xo, "h2", M(p, M_CHANGES));
	if (rdb_null(h, 0)) {
		xo_elem_class(xo, "p", "guidance", M(p, M_CHANGES_FIRST));
		xo_end(xo);
		ret = 0;
		goto out;
	}
	xo_start(xo, "p");
	xo_attr(xo, "class", "guidance");
	xo_textf(xo, M(p, M_CHANGES_SINCE), (long long)sqlite3_column_int64(h, 0), rdb_str(h, 1));
	xo_end(xo);
	while ((rc = sqlite3_step(c)) == SQLITE_ROW) {
		if (!rows++)
			TABLE_START(p, "changes", M_CONTROL, M_PREVIOUS, M_NOW);
		xo_start(xo, "tr");
		xo_start(xo, "td");
		xo_start(xo, "a");
		xo_attrf(xo, "href", "#%s", rdb_str(c, 0));
		xo_text(xo, rdb_str(c, 0));
		xo_end(xo);
		xo_end(xo);
		xo_start(xo, "td");
		if (rdb_null(c, 1))
			xo_text(xo, "–");
		else
			badge(p, rdb_str(c, 1));
		xo_end(xo);
		xo_start(xo, "td");
		badge(p, rdb_str(c, 2));
		xo_end(xo);
		xo_end(xo);
	}
	if (rows) {
		xo_end(xo);
		xo_end(xo);
	}
	if (rc != SQLITE_DONE)
		goto out;
	{
		int evidence_rows = 0;
		while ((rc = sqlite3_step(e)) == SQLITE_ROW) {
			const char *change = rdb_str(e, 0);
			if (!evidence_rows++)
				TABLE_START(p, "evidence-changes", M_PATH, M_CHANGE);
			xo_start(xo, "tr");
			xo_start(xo, "td");
			if (change[0] == 'r')
				xo_text(xo, rdb_str(e, 1));
			else
				evidence_link(p, rdb_str(e, 1));
			xo_end(xo);
			xo_elem(xo, "td", M(p, change[0] == 'a' ? M_ADDED
					     : change[0] == 'r' ? M_REMOVED : M_CHANGED));
			xo_end(xo);
		}
		if (evidence_rows) {
			xo_end(xo);
			xo_end(xo);
		}
		rows += evidence_rows;
	}
	if (rc != SQLITE_DONE)
		goto out;
	if (!rows)
		xo_elem_class(xo, "p", "guidance", M(p, M_CHANGES_NONE));
	xo_end(xo);
	ret = 0;
out:
	sqlite3_finalize(h);
	sqlite3_finalize(c);
	sqlite3_finalize(e);
	return ret < 0 ? resultsdb_error(p->db, WHAT) : 0;
}

static int findings_list(const struct page *p, sqlite3_stmt *f, const char *control,
			 sqlite3_int64 check_seq)
{
	struct xo *xo = p->xo;
	int rc, any = 0;

	sqlite3_bind_text(f, 1, control, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(f, 2, check_seq);
	while ((rc = sqlite3_step(f)) == SQLITE_ROW) {
		if (!any++) {
			xo_start(xo, "ul");
			xo_attr(xo, "class", "findings");
		}
		xo_start(xo, "li");
		xo_attrf(xo, "class", "v-%s", rdb_str(f, 0));
		badge(p, rdb_str(f, 0));
		xo_text(xo, " ");
		xo_text(xo, rdb_str(f, 1));
		if (!rdb_null(f, 2))
			evidence_ref(p, rdb_str(f, 2), sqlite3_column_int64(f, 3), rdb_text(f, 4));
		xo_end(xo);
	}
	if (any)
		xo_end(xo);
	else
		xo_elem_class(xo, "p", "guidance", M(p, M_NO_FINDINGS));
	sqlite3_reset(f);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int controls_section(const struct page *p)
{
	struct xo *xo = p->xo;
	sqlite3_stmt *c = NULL, *k = NULL, *f = NULL;
	int rc = SQLITE_DONE, krc = SQLITE_DONE, ret = -1;

	if (rdb_prepare(p->db, "SELECT id, title, requirement, guidance, declared, verdict, reason"
			" FROM controls ORDER BY seq", &c, WHAT) < 0 ||
	    rdb_prepare(p->db, "SELECT seq, name, verdict, summary FROM checks"
			" WHERE control_id = ? ORDER BY seq", &k, WHAT) < 0 ||
	    rdb_prepare(p->db, "SELECT f.status, f.message, f.file, f.line, e.sha256"
			" FROM findings f LEFT JOIN evidence e ON e.path = f.file"
			" WHERE f.control_id = ? AND f.check_seq = ? ORDER BY f.id", &f, WHAT) < 0)
		goto out;
	xo_start(xo, "section");
	xo_attr(xo, "id", "controls");
	xo_elem(xo, "h2", M(p, M_CONTROLS));
	while ((rc = sqlite3_step(c)) == SQLITE_ROW) {
		const char *id = rdb_str(c, 0);
		xo_start(xo, "article");
		xo_attrf(xo, "class", "control v-%s", rdb_str(c, 5));
		xo_attr(xo, "id", id);
		xo_start(xo, "header");
		xo_start(xo, "h3");
		xo_textf(xo, "%s %s", id, rdb_str(c, 1));
		xo_end(xo);
		badge(p, rdb_str(c, 5));
		xo_end(xo);
		xo_start(xo, "p");
		xo_attr(xo, "class", "requirement");
		xo_elem(xo, "strong", M(p, M_REQUIREMENT));
		xo_text(xo, ": ");
		xo_text(xo, rdb_str(c, 2));
		xo_end(xo);
		if (!rdb_null(c, 3)) {
			xo_start(xo, "p");
			xo_attr(xo, "class", "guidance");
			xo_textf(xo, "%s: %s", M(p, M_GUIDANCE), rdb_str(c, 3));
			xo_end(xo);
		}
		xo_start(xo, "p");
		xo_attr(xo, "class", "declared");
		{
			enum verdict declared;
			const char *d = rdb_str(c, 4);
			xo_textf(xo, "%s: %s", M(p, M_DECLARED),
				 verdict_parse(d, &declared) == 0 ? verdict_label(declared, p->lang) : d);
		}
		xo_end(xo);
		xo_elem(xo, "h4", M(p, M_CHECKED));
		sqlite3_bind_text(k, 1, id, -1, SQLITE_TRANSIENT);
		while ((krc = sqlite3_step(k)) == SQLITE_ROW) {
			xo_start(xo, "div");
			xo_attr(xo, "class", "check");
			xo_start(xo, "p");
			xo_attr(xo, "class", "summary");
			badge(p, rdb_str(k, 2));
			xo_text(xo, " ");
			xo_elem_class(xo, "span", "name", rdb_str(k, 1));
			xo_text(xo, " — ");
			xo_text(xo, rdb_str(k, 3));
			xo_end(xo);
			if (findings_list(p, f, id, sqlite3_column_int64(k, 0)) < 0) {
				krc = SQLITE_ERROR;
				break;
			}
			xo_end(xo);
		}
		sqlite3_reset(k);
		if (krc != SQLITE_DONE)
			break;
		xo_end(xo);
	}
	xo_end(xo);
	if (rc != SQLITE_DONE || krc != SQLITE_DONE) {
		resultsdb_error(p->db, WHAT);
		goto out;
	}
	ret = 0;
out:
	sqlite3_finalize(c);
	sqlite3_finalize(k);
	sqlite3_finalize(f);
	return ret;
}

/* A measured value next to its stated limit: "12 min (within)". */
static void measured_cell(const struct page *p, sqlite3_stmt *st, int measured_col,
			  int stated_col)
{
	struct xo *xo = p->xo;
	xo_start(xo, "td");
	if (rdb_null(st, measured_col)) {
		xo_attr(xo, "class", "nowrap guidance");
		xo_text(xo, M(p, M_NOT_MEASURED));
	} else {
		int64_t measured = sqlite3_column_int64(st, measured_col);
		xo_attr(xo, "class", "nowrap");
		duration_text(p, measured);
		if (!rdb_null(st, stated_col)) {
			int over = measured > sqlite3_column_int64(st, stated_col);
			xo_text(xo, " ");
			xo_elem_class(xo, "span", over ? "exceeds" : "within",
				      M(p, over ? M_EXCEEDS : M_WITHIN));
		}
	}
	xo_end(xo);
}

static void stated_cell(const struct page *p, sqlite3_stmt *st, int col)
{
	xo_start(p->xo, "td");
	xo_attr(p->xo, "class", "nowrap");
	if (rdb_null(st, col))
		xo_elem_class(p->xo, "span", "exceeds", M(p, M_NOT_STATED));
	else
		duration_text(p, sqlite3_column_int64(st, col));
	xo_end(p->xo);
}

static int objectives_section(const struct page *p)
{
	struct xo *xo = p->xo;
	sqlite3_stmt *o;
	int rc;

	/* the latest successful drill of the same component and disruption
	 * (the one the checks judged: drills.role), and a failed one after it */
	if (rdb_prepare(p->db,
			"SELECT o.component, COALESCE(c.name, o.component), c.criticality, o.disruption,"
			" o.rpo_seconds, d.data_loss_seconds, o.rto_seconds, d.recovery_seconds,"
			" d.date, d.file, COALESCE(d.recovery_line, d.line), f.date, f.file, f.line"
			" FROM objectives o LEFT JOIN components c ON c.id = o.component"
			" LEFT JOIN drills d ON d.id = (SELECT d2.id FROM drills d2"
			"   LEFT JOIN scenarios s2 ON s2.id = d2.scenario"
			"   WHERE COALESCE(d2.component, s2.component) = o.component"
			"     AND COALESCE(d2.disruption, s2.disruption) = o.disruption"
			"     AND d2.role = 'latest-success'"
			"   ORDER BY d2.date DESC, d2.id DESC LIMIT 1)"
			" LEFT JOIN drills f ON f.id = (SELECT f2.id FROM drills f2"
			"   LEFT JOIN scenarios s3 ON s3.id = f2.scenario"
			"   WHERE COALESCE(f2.component, s3.component) = o.component"
			"     AND COALESCE(f2.disruption, s3.disruption) = o.disruption"
			"     AND f2.role = 'newer-failure'"
			"   ORDER BY f2.date DESC, f2.id DESC LIMIT 1)"
			" ORDER BY c.rowid, o.rowid", &o, WHAT) < 0)
		return -1;
	xo_start(xo, "section");
	xo_attr(xo, "id", "objectives");
	xo_elem(xo, "h2", M(p, M_OBJECTIVES));
	TABLE_START(p, "objectives", M_COMPONENT, M_DISRUPTION, M_STATED_RPO, M_MEASURED_LOSS,
		    M_STATED_RTO, M_MEASURED_RECOVERY, M_LATEST_DRILL);
	while ((rc = sqlite3_step(o)) == SQLITE_ROW) {
		xo_start(xo, "tr");
		xo_start(xo, "td");
		xo_text(xo, rdb_str(o, 1));
		if (!rdb_null(o, 2)) {
			xo_text(xo, " ");
			xo_elem_class(xo, "span", "guidance",
				      strcmp(rdb_str(o, 2), "critical") == 0 ? M(p, M_CRITICAL)
				      : strcmp(rdb_str(o, 2), "non-critical") == 0 ? M(p, M_NON_CRITICAL)
				      : rdb_str(o, 2));
		}
		xo_end(xo);
		xo_elem(xo, "td", rdb_str(o, 3));
		stated_cell(p, o, 4);
		measured_cell(p, o, 5, 4);
		stated_cell(p, o, 6);
		measured_cell(p, o, 7, 6);
		xo_start(xo, "td");
		if (!rdb_null(o, 9)) {
			xo_text(xo, rdb_str(o, 8));
			xo_text(xo, " ");
			evidence_ref(p, rdb_str(o, 9), sqlite3_column_int64(o, 10), NULL);
		} else {
			xo_text(xo, "—");
		}
		if (!rdb_null(o, 12)) {
			xo_text(xo, "; ");
			xo_elem_class(xo, "span", "exceeds", M(p, M_NEWER_FAILURE));
			xo_text(xo, " ");
			xo_text(xo, rdb_str(o, 11));
			xo_text(xo, " ");
			evidence_ref(p, rdb_str(o, 12), sqlite3_column_int64(o, 13), NULL);
		}
		xo_end(xo);
		xo_end(xo);
	}
	xo_end(xo);
	xo_end(xo);
	xo_end(xo);
	sqlite3_finalize(o);
	return rc == SQLITE_DONE ? 0 : resultsdb_error(p->db, WHAT);
}

static const char *drills_sql =
	"SELECT d.id, COALESCE(s.title, d.scenario), d.date, d.outcome, d.recovery_seconds,"
	" d.data_loss_seconds, COALESCE(d.stated_rto_seconds, o.rto_seconds),"
	" COALESCE(d.stated_rpo_seconds, o.rpo_seconds), d.file,"
	" COALESCE(d.recovery_line, d.line), e.sha256, d.source"
	" FROM drills d LEFT JOIN scenarios s ON s.id = d.scenario"
	" LEFT JOIN objectives o ON o.component = COALESCE(d.component, s.component)"
	"   AND o.disruption = COALESCE(d.disruption, s.disruption)"
	" LEFT JOIN evidence e ON e.path = d.file"
	" ORDER BY d.date, d.id";

/* The bar chart, or the "no drill measurements" note.  0 or -1. */
static int recovery_chart(const struct page *p)
{
	struct chart_bar *bars = NULL;
	char **labels = NULL, **dates = NULL;
	size_t nr = 0, alloc = 0, i;
	sqlite3_stmt *d;
	int rc;

	if (rdb_prepare(p->db, drills_sql, &d, WHAT) < 0)
		return -1;
	while ((rc = sqlite3_step(d)) == SQLITE_ROW) {
		size_t old = alloc;
		if (rdb_null(d, 4))
			continue;
		ALLOC_GROW(bars, nr, alloc);
		if (alloc != old) {
			labels = xrealloc(labels, alloc * sizeof(*labels));
			dates = xrealloc(dates, alloc * sizeof(*dates));
		}
		labels[nr] = xstrdup(rdb_str(d, 1));
		dates[nr] = rdb_null(d, 2) ? NULL : xstrdup(rdb_str(d, 2));
		bars[nr].label = labels[nr];
		bars[nr].date = dates[nr];
		bars[nr].recovery_seconds = sqlite3_column_int64(d, 4);
		bars[nr].stated_rto_seconds = rdb_null(d, 6) ? -1 : sqlite3_column_int64(d, 6);
		nr++;
	}
	sqlite3_finalize(d);
	xo_elem(p->xo, "h3", M(p, M_CHART_TITLE));
	if (nr) {
		xo_start(p->xo, "figure");
		svg_recovery_chart(p->xo, bars, nr, p->lang);
		xo_elem(p->xo, "figcaption", M(p, M_CHART_LEGEND));
		xo_end(p->xo);
	} else {
		xo_elem_class(p->xo, "p", "empty no-drills", M(p, M_NO_DRILLS));
	}
	for (i = 0; i < nr; i++) {
		free(labels[i]);
		free(dates[i]);
	}
	free(labels);
	free(dates);
	free(bars);
	return rc == SQLITE_DONE ? 0 : resultsdb_error(p->db, WHAT);
}

struct tl_scenario {
	char *label, *cadence;
	struct timeline_drill *drills;
	size_t nr, alloc;
};

static int64_t day_or(const char *s, int64_t fallback)
{
	int64_t day;
	return s && date_parse(s, &day) == 0 ? day : fallback;
}

/* The timeline from scenario_status, or the "no drill calendar" note. */
static int drill_timeline(const struct page *p)
{
	struct timeline_row *rows = NULL;
	struct tl_scenario *sc = NULL;
	size_t nr = 0, alloc = 0, i;
	sqlite3_stmt *s = NULL, *d = NULL;
	int rc, drc = SQLITE_DONE, ret = -1;

	if (rdb_prepare(p->db, "SELECT ss.scenario, COALESCE(sc.title, ss.scenario), ss.cadence,"
			" ss.last_success, ss.next_due, ss.overdue FROM scenario_status ss"
			" LEFT JOIN scenarios sc ON sc.id = ss.scenario"
			" ORDER BY sc.rowid, ss.scenario", &s, WHAT) < 0 ||
	    rdb_prepare(p->db, "SELECT date, outcome FROM drills WHERE scenario = ?"
			" AND date IS NOT NULL ORDER BY date, id", &d, WHAT) < 0)
		goto out;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		size_t old = alloc;
		ALLOC_GROW(rows, nr, alloc);
		if (alloc != old) {
			sc = xrealloc(sc, alloc * sizeof(*sc));
			memset(sc + old, 0, (alloc - old) * sizeof(*sc));
		}
		sc[nr].label = xstrdup(rdb_str(s, 1));
		sc[nr].cadence = xstrdup(rdb_str(s, 2));
		sqlite3_bind_text(d, 1, rdb_str(s, 0), -1, SQLITE_TRANSIENT);
		while ((drc = sqlite3_step(d)) == SQLITE_ROW) {
			int64_t day = day_or(rdb_text(d, 0), -1);
			if (day < 0)
				continue;
			ALLOC_GROW(sc[nr].drills, sc[nr].nr, sc[nr].alloc);
			sc[nr].drills[sc[nr].nr].day = day;
			sc[nr].drills[sc[nr].nr].success = strcmp(rdb_str(d, 1), "success") == 0;
			sc[nr].nr++;
		}
		sqlite3_reset(d);
		rows[nr].label = sc[nr].label;
		rows[nr].cadence = sc[nr].cadence;
		rows[nr].last_success = day_or(rdb_text(s, 3), -1);
		rows[nr].next_due = day_or(rdb_text(s, 4), -1);
		rows[nr].overdue = sqlite3_column_int(s, 5) != 0;
		rows[nr].drills = sc[nr].drills;
		rows[nr].nr_drills = sc[nr].nr;
		nr++;
		if (drc != SQLITE_DONE)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		drc = rc;
	if (drc != SQLITE_DONE) {
		resultsdb_error(p->db, WHAT);
		goto out;
	}
	xo_elem(p->xo, "h3", M(p, M_TIMELINE_TITLE));
	if (nr) {
		xo_start(p->xo, "figure");
		svg_drill_timeline(p->xo, rows, nr, p->rr->as_of_day, p->lang);
		xo_elem(p->xo, "figcaption", M(p, M_TIMELINE_LEGEND));
		xo_end(p->xo);
		/* the same facts as text: what is overdue must not need the picture */
		TABLE_START(p, "calendar", M_SCENARIO, M_CADENCE, M_LAST_SUCCESS, M_NEXT_DUE,
			    M_STATUS);
		for (i = 0; i < nr; i++) {
			char day[16];
			xo_start(p->xo, "tr");
			xo_attr(p->xo, "class", rows[i].overdue ? "overdue" : "scheduled");
			xo_elem(p->xo, "td", rows[i].label);
			xo_elem(p->xo, "td", rows[i].cadence);
			if (rows[i].last_success >= 0)
				date_format(rows[i].last_success, day, sizeof(day));
			xo_elem(p->xo, "td", rows[i].last_success >= 0 ? day : M(p, M_NEVER));
			if (rows[i].next_due >= 0)
				date_format(rows[i].next_due, day, sizeof(day));
			xo_elem(p->xo, "td", rows[i].next_due >= 0 ? day : "—");
			xo_start(p->xo, "td");
			xo_elem_class(p->xo, "span", rows[i].overdue ? "exceeds" : "within",
				      M(p, rows[i].overdue ? M_OVERDUE : M_ON_SCHEDULE));
			xo_end(p->xo);
			xo_end(p->xo);
		}
		xo_end(p->xo);
		xo_end(p->xo);
	} else {
		xo_elem_class(p->xo, "p", "empty no-calendar", M(p, M_NO_CALENDAR));
	}
	ret = 0;
out:
	for (i = 0; i < nr; i++) {
		free(sc[i].label);
		free(sc[i].cadence);
		free(sc[i].drills);
	}
	free(sc);
	free(rows);
	sqlite3_finalize(s);
	sqlite3_finalize(d);
	return ret;
}

static int drill_list(const struct page *p)
{
	struct xo *xo = p->xo;
	sqlite3_stmt *d;
	int rc, any = 0;

	if (rdb_prepare(p->db, drills_sql, &d, WHAT) < 0)
		return -1;
	while ((rc = sqlite3_step(d)) == SQLITE_ROW) {
		const char *outcome = rdb_str(d, 3);
		if (!any++) {
			xo_elem(xo, "h3", M(p, M_DRILL_LIST));
			TABLE_START(p, "drills", M_DATE, M_SCENARIO, M_OUTCOME,
				    M_MEASURED_RECOVERY, M_MEASURED_LOSS, M_PATH);
		}
		xo_start(xo, "tr");
		xo_elem_class(xo, "td", "nowrap", rdb_null(d, 2) ? "—" : rdb_str(d, 2));
		xo_elem(xo, "td", rdb_str(d, 1));
		xo_elem(xo, "td", M(p, strcmp(outcome, "success") == 0 ? M_SUCCESS
				       : strcmp(outcome, "failure") == 0 ? M_FAILURE : M_UNKNOWN));
		measured_cell(p, d, 4, 6);
		measured_cell(p, d, 5, 7);
		xo_start(xo, "td");
		evidence_ref(p, rdb_str(d, 8), sqlite3_column_int64(d, 9), rdb_text(d, 10));
		xo_end(xo);
		xo_end(xo);
	}
	if (any) {
		xo_end(xo);
		xo_end(xo);
	}
	sqlite3_finalize(d);
	return rc == SQLITE_DONE ? 0 : resultsdb_error(p->db, WHAT);
}

static int drills_section(const struct page *p)
{
	int ret;
	xo_start(p->xo, "section");
	xo_attr(p->xo, "id", "drills");
	xo_elem(p->xo, "h2", M(p, M_DRILLS));
	ret = recovery_chart(p);
	if (!ret)
		ret = drill_timeline(p);
	if (!ret)
		ret = drill_list(p);
	xo_end(p->xo);
	return ret;
}

static int evidence_section(const struct page *p)
{
	struct xo *xo = p->xo;
	sqlite3_stmt *e, *u;
	int rc, urc = SQLITE_DONE;

	if (rdb_prepare(p->db, "SELECT path, kind, size, sha256 FROM evidence ORDER BY path",
			&e, WHAT) < 0)
		return -1;
	if (rdb_prepare(p->db, "SELECT u.control_id FROM evidence_use u"
			" JOIN controls c ON c.id = u.control_id WHERE u.path = ? ORDER BY c.seq",
			&u, WHAT) < 0) {
		sqlite3_finalize(e);
		return -1;
	}
	xo_start(xo, "section");
	xo_attr(xo, "id", "evidence");
	xo_elem(xo, "h2", M(p, M_INVENTORY));
	xo_elem_class(xo, "p", "guidance", M(p, M_EVIDENCE_NOTE));
	TABLE_START(p, "inventory", M_PATH, M_KIND, M_SIZE, M_SHA256, M_USED_BY);
	while ((rc = sqlite3_step(e)) == SQLITE_ROW) {
		int used = 0;
		xo_start(xo, "tr");
		xo_start(xo, "td");
		evidence_link(p, rdb_str(e, 0));
		xo_end(xo);
		xo_elem(xo, "td", rdb_str(e, 1));
		xo_elem_class(xo, "td", "num", rdb_str(e, 2));
		xo_start(xo, "td");
		xo_elem_class(xo, "code", "sha", rdb_str(e, 3));
		xo_end(xo);
		xo_start(xo, "td");
		sqlite3_bind_text(u, 1, rdb_str(e, 0), -1, SQLITE_TRANSIENT);
		while ((urc = sqlite3_step(u)) == SQLITE_ROW) {
			if (used++)
				xo_text(xo, " ");
			xo_start(xo, "a");
			xo_attrf(xo, "href", "#%s", rdb_str(u, 0));
			xo_text(xo, rdb_str(u, 0));
			xo_end(xo);
		}
		sqlite3_reset(u);
		if (!used)
			xo_elem_class(xo, "span", "guidance", M(p, M_NONE_USED));
		xo_end(xo);
		xo_end(xo);
		if (urc != SQLITE_DONE)
			break;
	}
	xo_end(xo);
	xo_end(xo);
	xo_end(xo);
	sqlite3_finalize(e);
	sqlite3_finalize(u);
	return rc == SQLITE_DONE && urc == SQLITE_DONE ? 0 : resultsdb_error(p->db, WHAT);
}

int report_html(sqlite3 *db, const struct report_links *links, struct atomic_file *out)
{
	struct report_run rr;
	struct page p;
	struct xo xo;
	int ret = -1;

	if (rdb_run_load(db, &rr, WHAT) < 0)
		return -1;
	p.evidence_base = links->evidence_base;
	p.db = db;
	p.xo = &xo;
	p.rr = &rr;
	p.lang = rr.lang;
	if (xo_open(&xo, out, 1, 0) < 0)
		goto close;
	xo_start(&xo, "html");
	xo_attr(&xo, "lang", rr.lang);
	head(&p);
	xo_start(&xo, "body");
	xo_start(&xo, "main");
	page_header(&p);
	if (summary_section(&p) < 0 || changes_section(&p) < 0 || controls_section(&p) < 0 ||
	    objectives_section(&p) < 0 || drills_section(&p) < 0 ||
	    evidence_section(&p) < 0)
		goto close;
	xo_start(&xo, "footer");
	xo_textf(&xo, M(&p, M_GENERATED), rr.tool);
	xo_end(&xo);
	xo_end(&xo);
	xo_end(&xo);
	xo_end(&xo);
	ret = 0;
close:
	if (xo_close(&xo) < 0)
		ret = -1;
	rdb_run_free(&rr);
	return ret;
}
