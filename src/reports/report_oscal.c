/*
 * report_oscal.c - reports/oscal-assessment-results.xml: NIST OSCAL 1.2.1
 * assessment-results (XML, namespace http://csrc.nist.gov/ns/oscal/1.0)
 * for GRC platforms, generated from the results database.
 *
 * Shape: metadata (oscal-version 1.2.1); import-ap pointing at a
 * back-matter resource for the questionnaire (ftrkit has no OSCAL
 * assessment plan, the questionnaire plays that role) with an rlink to it
 * as packaged (questionnaire/NAME beside the reports in data/) and its
 * SHA-256; one result with the assessed components as local definitions,
 * reviewed-controls, one observation per finding whose subject is its
 * component and whose relevant-evidence points at the back-matter resource
 * of the evidence file (relative link evidence/PATH and its SHA-256), and
 * one finding per control whose target status is satisfied or
 * not-satisfied.  The back-matter lists every inventoried evidence file.
 *
 * The same document as OSCAL JSON (oscal-assessment-results.json) is
 * converted from this XML by oscal_json.c, so the two never differ.
 *
 * Every UUID is a version-5 UUID: the document's from the questionnaire,
 * product, as-of date and the SHA-256 of assessment.xml; every other one
 * from the document's UUID and the row it describes.  Timestamps are the
 * as-of date at midnight UTC, never the wall clock, so reproducible runs
 * give identical files.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/uri.h>

#include "reports/oscal_json.h"
#include "reports/reports.h"
#include "results/reportdb.h"
#include "model/results.h"
#include "base/messages.h"
#include "results/resultsdb.h"
#include "base/uuid5.h"
#include "base/xmlout.h"
#include "base/error.h"
#include "base/banned.h"

#define WHAT "oscal-assessment-results.xml"
#define OSCAL_NS "http://csrc.nist.gov/ns/oscal/1.0"
#define OSCAL_VERSION "1.2.1"
#define FTRKIT_NS "urn:ftrkit"

struct oscal {
	sqlite3 *db;
	struct xo *xo;
	const struct report_run *rr;
	char doc_uuid[UUID_STR_LEN];
	char stamp[40]; /* as-of midnight UTC, xs:dateTime with zone */
};

/* uuid5(doc, "kind:key") into out. */
static void child_uuid(const struct oscal *o, const char *kind, const char *key,
		       char out[UUID_STR_LEN])
{
	char *name = xasprintf("%s:%s", kind, key);
	/* doc_uuid is always canonical: it came from uuid5() itself */
	if (uuid5(o->doc_uuid, name, strlen(name), out) < 0)
		out[0] = '\0';
	free(name);
}


/* <name><p>text</p></name> */
static void markup_multiline(struct xo *xo, const char *name, const char *text)
{
	xo_start(xo, name);
	xo_elem(xo, "p", text);
	xo_end(xo);
}

static void prop(struct xo *xo, const char *name, const char *value)
{
	xo_start(xo, "prop");
	xo_attr(xo, "name", name);
	xo_attr(xo, "ns", FTRKIT_NS);
	xo_attr(xo, "value", value);
	xo_end(xo);
}

static int doc_uuid(struct oscal *o)
{
	const char *assessment_sha = "";
	sqlite3_stmt *st;
	char *name;
	int ret;

	if (rdb_prepare(o->db, "SELECT sha256 FROM evidence WHERE path = 'assessment.xml'",
			&st, WHAT) < 0)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		assessment_sha = rdb_str(st, 0);
	name = xasprintf("urn:ftrkit:assessment-results:%s:%s:%s:%s:%s",
			 o->rr->questionnaire_id, o->rr->questionnaire_version,
			 o->rr->product, o->rr->as_of, assessment_sha);
	ret = uuid5(uuid_namespace_url, name, strlen(name), o->doc_uuid);
	free(name);
	sqlite3_finalize(st);
	return ret;
}

static void metadata(struct oscal *o)
{
	struct xo *xo = o->xo;
	xo_start(xo, "metadata");
	xo_start(xo, "title");
	xo_textf(xo, "%s %s: %s", o->rr->product,
		 o->rr->product_version ? o->rr->product_version : "",
		 o->rr->questionnaire_title);
	xo_end(xo);
	xo_elem(xo, "last-modified", o->stamp);
	xo_elem(xo, "version", o->rr->as_of);
	xo_elem(xo, "oscal-version", OSCAL_VERSION);
	prop(xo, "tool", o->rr->tool);
	prop(xo, "questionnaire", o->rr->questionnaire_id);
	prop(xo, "questionnaire-version", o->rr->questionnaire_version);
	if (o->rr->organisation)
		prop(xo, "organisation", o->rr->organisation);
	xo_end(xo);
}

/* The assessed components, which observations name as their subjects. */
static int local_definitions(struct oscal *o)
{
	struct xo *xo = o->xo;
	sqlite3_stmt *p;
	char uuid[UUID_STR_LEN];
	int rc;

	if (rdb_prepare(o->db, "SELECT id, COALESCE(name, id), criticality FROM components"
			" ORDER BY rowid", &p, WHAT) < 0)
		return -1;
	xo_start(xo, "local-definitions");
	while ((rc = sqlite3_step(p)) == SQLITE_ROW) {
		child_uuid(o, "component", rdb_str(p, 0), uuid);
		xo_start(xo, "component");
		xo_attr(xo, "uuid", uuid);
		xo_attr(xo, "type", "service");
		xo_elem(xo, "title", rdb_str(p, 1));
		xo_start(xo, "description");
		xo_start(xo, "p");
		xo_textf(xo, "%s (%s)", rdb_str(p, 0), rdb_str(p, 2));
		xo_end(xo);
		xo_end(xo);
		prop(xo, "component", rdb_str(p, 0));
		prop(xo, "criticality", rdb_str(p, 2));
		xo_start(xo, "status");
		xo_attr(xo, "state", "operational");
		xo_end(xo);
		xo_end(xo);
	}
	xo_end(xo);
	sqlite3_finalize(p);
	return rc == SQLITE_DONE ? 0 : resultsdb_error(o->db, WHAT);
}

static void reviewed_controls(struct oscal *o, sqlite3_stmt *c)
{
	struct xo *xo = o->xo;
	xo_start(xo, "reviewed-controls");
	xo_start(xo, "control-selection");
	while (sqlite3_step(c) == SQLITE_ROW) {
		xo_start(xo, "include-control");
		xo_attr(xo, "control-id", rdb_str(c, 0));
		xo_end(xo);
	}
	sqlite3_reset(c);
	xo_end(xo);
	xo_end(xo);
}

/* One observation per finding.  0 or -1 after reporting. */
static int observations(struct oscal *o)
{
	struct xo *xo = o->xo;
	sqlite3_stmt *f;
	char uuid[UUID_STR_LEN], res_uuid[UUID_STR_LEN], key[32];
	int rc;

	if (rdb_prepare(o->db, "SELECT f.id, f.control_id, f.status, f.message, f.file, f.line,"
			" e.sha256, ck.name, pc.id, COALESCE(pc.name, pc.id) FROM findings f"
			" JOIN controls c ON c.id = f.control_id"
			" JOIN checks ck ON ck.control_id = f.control_id AND ck.seq = f.check_seq"
			" LEFT JOIN components pc ON pc.id = f.component"
			" LEFT JOIN evidence e ON e.path = f.file ORDER BY c.seq, f.id",
			&f, WHAT) < 0)
		return -1;
	while ((rc = sqlite3_step(f)) == SQLITE_ROW) {
		snprintf(key, sizeof(key), "%lld", (long long)sqlite3_column_int64(f, 0));
		child_uuid(o, "observation", key, uuid);
		xo_start(xo, "observation");
		xo_attr(xo, "uuid", uuid);
		xo_start(xo, "title");
		xo_textf(xo, "%s %s: %s", rdb_str(f, 1), rdb_str(f, 7), rdb_str(f, 2));
		xo_end(xo);
		markup_multiline(xo, "description", rdb_str(f, 3));
		prop(xo, "control", rdb_str(f, 1));
		prop(xo, "check", rdb_str(f, 7));
		prop(xo, "status", rdb_str(f, 2));
		xo_elem(xo, "method", "EXAMINE");
		xo_elem(xo, "type", "control-objective");
		if (!rdb_null(f, 8)) {
			/* the component the finding is about (local-definitions) */
			child_uuid(o, "component", rdb_str(f, 8), res_uuid);
			xo_start(xo, "subject");
			xo_attr(xo, "subject-uuid", res_uuid);
			xo_attr(xo, "type", "component");
			xo_elem(xo, "title", rdb_str(f, 9));
			xo_end(xo);
		}
		if (!rdb_null(f, 4)) {
			child_uuid(o, "evidence", rdb_str(f, 4), res_uuid);
			xo_start(xo, "relevant-evidence");
			xo_attrf(xo, "href", "#%s", res_uuid);
			xo_start(xo, "description");
			xo_start(xo, "p");
			if (!rdb_null(f, 5))
				xo_textf(xo, "%s line %lld", rdb_str(f, 4),
					 (long long)sqlite3_column_int64(f, 5));
			else
				xo_text(xo, rdb_str(f, 4));
			if (!rdb_null(f, 6))
				xo_textf(xo, ", SHA-256 %s", rdb_str(f, 6));
			xo_end(xo);
			xo_end(xo);
			if (!rdb_null(f, 6))
				prop(xo, "sha256", rdb_str(f, 6));
			if (!rdb_null(f, 5))
				prop(xo, "line", rdb_str(f, 5));
			xo_end(xo);
		}
		xo_elem(xo, "collected", o->stamp);
		xo_end(xo);
	}
	sqlite3_finalize(f);
	return rc == SQLITE_DONE ? 0 : resultsdb_error(o->db, WHAT);
}

/* One finding per control with its target status.  0 or -1. */
static int findings(struct oscal *o, sqlite3_stmt *c)
{
	struct xo *xo = o->xo;
	sqlite3_stmt *obs;
	char uuid[UUID_STR_LEN], key[32];
	int rc, orc;

	if (rdb_prepare(o->db, "SELECT id FROM findings WHERE control_id = ? ORDER BY id",
			&obs, WHAT) < 0)
		return -1;
	while ((rc = sqlite3_step(c)) == SQLITE_ROW) {
		const char *id = rdb_str(c, 0), *verdict = rdb_str(c, 2);
		int met = strcmp(verdict, "met") == 0;
		int na = strcmp(verdict, "not-applicable") == 0;
		child_uuid(o, "finding", id, uuid);
		xo_start(xo, "finding");
		xo_attr(xo, "uuid", uuid);
		xo_start(xo, "title");
		xo_textf(xo, "%s %s", id, rdb_str(c, 1));
		xo_end(xo);
		markup_multiline(xo, "description", rdb_str(c, 3));
		prop(xo, "verdict", verdict);
		xo_start(xo, "target");
		xo_attr(xo, "type", "objective-id");
		xo_attr(xo, "target-id", id);
		markup_multiline(xo, "description", rdb_str(c, 4));
		xo_start(xo, "status");
		/* not applicable counts as satisfied, manual as not (yet) satisfied */
		xo_attr(xo, "state", met || na ? "satisfied" : "not-satisfied");
		xo_attr(xo, "reason", met ? "pass" : strcmp(verdict, "not-met") == 0 ? "fail" : "other");
		if (!met)
			markup_multiline(xo, "remarks", rdb_str(c, 5));
		xo_end(xo);
		xo_end(xo);
		sqlite3_bind_text(obs, 1, id, -1, SQLITE_TRANSIENT);
		while ((orc = sqlite3_step(obs)) == SQLITE_ROW) {
			snprintf(key, sizeof(key), "%lld", (long long)sqlite3_column_int64(obs, 0));
			child_uuid(o, "observation", key, uuid);
			xo_start(xo, "related-observation");
			xo_attr(xo, "observation-uuid", uuid);
			xo_end(xo);
		}
		sqlite3_reset(obs);
		if (orc != SQLITE_DONE)
			break;
		xo_end(xo);
	}
	sqlite3_finalize(obs);
	sqlite3_reset(c);
	return rc == SQLITE_DONE ? 0 : resultsdb_error(o->db, WHAT);
}

static int back_matter(struct oscal *o)
{
	struct xo *xo = o->xo;
	sqlite3_stmt *e;
	char uuid[UUID_STR_LEN];
	int rc;

	if (rdb_prepare(o->db, "SELECT path, kind, size, sha256 FROM evidence ORDER BY path",
			&e, WHAT) < 0)
		return -1;
	xo_start(xo, "back-matter");
	child_uuid(o, "questionnaire", o->rr->questionnaire_id, uuid);
	xo_start(xo, "resource");
	xo_attr(xo, "uuid", uuid);
	xo_start(xo, "title");
	xo_textf(xo, "%s %s", o->rr->questionnaire_id, o->rr->questionnaire_version);
	xo_end(xo);
	markup_multiline(xo, "description", o->rr->questionnaire_title);
	if (o->rr->questionnaire_file) {
		/* as packaged: data/questionnaire/NAME beside data/ reports */
		xmlChar *esc = xmlURIEscapeStr(BAD_CAST o->rr->questionnaire_file, BAD_CAST "");
		xo_start(xo, "rlink");
		xo_attrf(xo, "href", "questionnaire/%s", (const char *)esc);
		xo_attr(xo, "media-type", "application/xml");
		if (o->rr->questionnaire_sha256) {
			xo_start(xo, "hash");
			xo_attr(xo, "algorithm", "SHA-256");
			xo_text(xo, o->rr->questionnaire_sha256);
			xo_end(xo);
		}
		xo_end(xo);
		xmlFree(esc);
	}
	xo_end(xo);
	while ((rc = sqlite3_step(e)) == SQLITE_ROW) {
		char *href = rdb_evidence_href(NULL, rdb_str(e, 0));
		child_uuid(o, "evidence", rdb_str(e, 0), uuid);
		xo_start(xo, "resource");
		xo_attr(xo, "uuid", uuid);
		xo_elem(xo, "title", rdb_str(e, 0));
		prop(xo, "kind", rdb_str(e, 1));
		prop(xo, "size", rdb_str(e, 2));
		xo_start(xo, "rlink");
		xo_attr(xo, "href", href);
		xo_start(xo, "hash");
		xo_attr(xo, "algorithm", "SHA-256");
		xo_text(xo, rdb_str(e, 3));
		xo_end(xo);
		xo_end(xo);
		xo_end(xo);
		free(href);
	}
	xo_end(xo);
	sqlite3_finalize(e);
	return rc == SQLITE_DONE ? 0 : resultsdb_error(o->db, WHAT);
}

/*
 * The document, from db, onto xo (file or memory; opened says whether
 * xo_open succeeded); closes xo in every case.  0, or -1 after reporting.
 */
static int oscal_document(sqlite3 *db, struct xo *xo, int opened)
{
	struct report_run rr;
	struct oscal o;
	sqlite3_stmt *c = NULL;
	char uuid[UUID_STR_LEN];
	int ret = -1;

	if (rdb_run_load(db, &rr, WHAT) < 0) {
		if (xo->w)
			xo_close(xo);
		return -1;
	}
	memset(&o, 0, sizeof(o));
	o.db = db;
	o.xo = xo;
	o.rr = &rr;
	snprintf(o.stamp, sizeof(o.stamp), "%sT00:00:00Z", rr.as_of);
	if (doc_uuid(&o) < 0 ||
	    rdb_prepare(db, "SELECT id, title, verdict, reason, requirement,"
			" reason || ' (' || verdict || ')' FROM controls ORDER BY seq",
			&c, WHAT) < 0) {
		rdb_run_free(&rr);
		if (xo->w)
			xo_close(xo);
		return -1;
	}
	if (!opened)
		goto close;
	xo_start(xo, "assessment-results");
	xo_attr(xo, "xmlns", OSCAL_NS);
	xo_attr(xo, "uuid", o.doc_uuid);
	metadata(&o);
	child_uuid(&o, "questionnaire", rr.questionnaire_id, uuid);
	xo_start(xo, "import-ap");
	xo_attrf(xo, "href", "#%s", uuid);
	xo_end(xo);
	child_uuid(&o, "result", rr.as_of, uuid);
	xo_start(xo, "result");
	xo_attr(xo, "uuid", uuid);
	xo_start(xo, "title");
	xo_textf(xo, "%s (%s %s)", rr.questionnaire_title, msg(M_AS_OF, rr.lang), rr.as_of);
	xo_end(xo);
	xo_start(xo, "description");
	xo_start(xo, "p");
	{
		enum verdict overall;
		const char *label = verdict_parse(rr.overall, &overall) == 0
			? verdict_label(overall, rr.lang) : rr.overall;
		xo_textf(xo, "%s: %s%s", msg(M_OVERALL, rr.lang), label,
			 rr.lang && strcmp(rr.lang, "ja") == 0 ? "。" : ". ");
	}
	xo_textf(xo, msg(M_COUNTS, rr.lang), (long long)rr.controls,
		 (long long)rr.met, (long long)rr.not_met, (long long)rr.not_applicable,
		 (long long)rr.manual, (long long)rr.waived);
	xo_end(xo);
	xo_end(xo);
	xo_elem(xo, "start", o.stamp);
	xo_elem(xo, "end", o.stamp);
	prop(xo, "overall", rr.overall);
	if (local_definitions(&o) < 0)
		goto close;
	reviewed_controls(&o, c);
	if (observations(&o) < 0 || findings(&o, c) < 0)
		goto close;
	xo_end(xo);
	if (back_matter(&o) < 0)
		goto close;
	xo_end(xo);
	ret = 0;
close:
	if (xo->w && xo_close(xo) < 0)
		ret = -1;
	sqlite3_finalize(c);
	rdb_run_free(&rr);
	return ret;
}

int report_oscal(sqlite3 *db, const struct report_links *links, struct atomic_file *out)
{
	struct xo xo;
	(void)links;
	return oscal_document(db, &xo, xo_open(&xo, out, 0, 1) == 0);
}

int report_oscal_json(sqlite3 *db, const struct report_links *links, struct atomic_file *out)
{
	struct strbuf xml = STRBUF_INIT;
	struct xo xo;
	int ret;
	(void)links;

	ret = oscal_document(db, &xo, xo_open_memory(&xo, &xml, 0) == 0);
	if (ret == 0)
		ret = oscal_xml_to_json(db, xml.buf, xml.len, out);
	strbuf_release(&xml);
	return ret;
}
