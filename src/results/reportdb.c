/*
 * reportdb.c - read helpers for the reports (see reportdb.h).
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/uri.h>

#include "results/reportdb.h"
#include "model/calendar.h"
#include "base/error.h"
#include "results/resultsdb.h"
#include "base/banned.h"

int rdb_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, const char *what)
{
	if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK) {
		*st = NULL;
		return resultsdb_error(db, what);
	}
	return 0;
}

const char *rdb_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

const char *rdb_str(sqlite3_stmt *st, int i)
{
	const char *s = rdb_text(st, i);
	return s ? s : "";
}

int rdb_null(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL;
}

int64_t rdb_count(sqlite3 *db, const char *sql, const char *what)
{
	sqlite3_stmt *st;
	int64_t n = -1;
	if (rdb_prepare(db, sql, &st, what) < 0)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	else
		resultsdb_error(db, what);
	sqlite3_finalize(st);
	return n;
}

static char *dup_col(sqlite3_stmt *st, int i)
{
	const char *s = rdb_text(st, i);
	return s ? xstrdup(s) : NULL;
}

int rdb_run_load(sqlite3 *db, struct report_run *rr, const char *what)
{
	sqlite3_stmt *st;
	int ret = -1;

	memset(rr, 0, sizeof(*rr));
	if (rdb_prepare(db, "SELECT tool, questionnaire_id, questionnaire_version,"
			" questionnaire_title, product, product_version, organisation, timezone,"
			" as_of, lang, overall, met, not_met, not_applicable, manual, waived,"
			" questionnaire_file, questionnaire_sha256, questionnaire_provenance FROM run",
			&st, what) < 0)
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW) {
		resultsdb_error(db, what);
		goto out;
	}
	rr->tool = dup_col(st, 0);
	rr->questionnaire_id = dup_col(st, 1);
	rr->questionnaire_version = dup_col(st, 2);
	rr->questionnaire_title = dup_col(st, 3);
	rr->questionnaire_sha256 = dup_col(st, 17);
	rr->questionnaire_provenance = dup_col(st, 18);
	rr->product = dup_col(st, 4);
	rr->product_version = dup_col(st, 5);
	rr->organisation = dup_col(st, 6);
	rr->timezone = dup_col(st, 7);
	rr->as_of = dup_col(st, 8);
	rr->lang = dup_col(st, 9);
	rr->overall = dup_col(st, 10);
	rr->met = sqlite3_column_int64(st, 11);
	rr->not_met = sqlite3_column_int64(st, 12);
	rr->not_applicable = sqlite3_column_int64(st, 13);
	rr->manual = sqlite3_column_int64(st, 14);
	rr->waived = sqlite3_column_int64(st, 15);
	rr->questionnaire_file = dup_col(st, 16);
	rr->controls = rr->met + rr->not_met + rr->not_applicable + rr->manual + rr->waived;
	if (!rr->as_of || date_parse(rr->as_of, &rr->as_of_day) < 0) {
		error("%s: run.as_of is not a date", what);
		goto out;
	}
	if (!rr->lang)
		rr->lang = xstrdup("en");
	ret = 0;
out:
	sqlite3_finalize(st);
	if (ret < 0)
		rdb_run_free(rr);
	return ret;
}

void rdb_run_free(struct report_run *rr)
{
	free(rr->tool);
	free(rr->questionnaire_id);
	free(rr->questionnaire_version);
	free(rr->questionnaire_sha256);
	free(rr->questionnaire_provenance);
	free(rr->questionnaire_title);
	free(rr->product);
	free(rr->product_version);
	free(rr->organisation);
	free(rr->timezone);
	free(rr->as_of);
	free(rr->lang);
	free(rr->overall);
	free(rr->questionnaire_file);
	memset(rr, 0, sizeof(*rr));
}

char *rdb_evidence_href(const char *base, const char *path)
{
	char *joined = base ? xasprintf("%s%s", base, path)
			    : strcmp(path, "assessment.xml") == 0 ? xstrdup(path)
								  : xasprintf("evidence/%s", path);
	xmlChar *esc = xmlURIEscapeStr(BAD_CAST joined, BAD_CAST "/");
	char *href;
	if (!esc)
		die_oom();
	href = xstrdup((const char *)esc);
	xmlFree(esc);
	free(joined);
	return href;
}
