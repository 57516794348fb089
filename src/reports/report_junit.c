/*
 * report_junit.c - reports/junit.xml for CI: one <testsuite> per
 * questionnaire, one <testcase> per control.  A control that is not met
 * carries a <failure> listing its not-met findings; not applicable and
 * manual controls carry <skipped> with the reason.  Every testcase also
 * carries all its findings in <system-out>, so a CI page shows what was
 * checked even when it passed.
 *
 * Written for the Jenkins xUnit "junit-10" schema (tests/schemas/junit):
 * time with at most three decimals, testsuite with name/tests/failures/
 * errors, no skipped attribute on testsuites.  Times are "0": checks are
 * not timed, and a measured time would make the file differ run to run.
 */
#include <stdlib.h>
#include <string.h>

#include "reports/reports.h"
#include "results/reportdb.h"
#include "results/resultsdb.h"
#include "base/xmlout.h"
#include "base/error.h"
#include "base/banned.h"

#define WHAT "junit.xml"

/* One finding as one line: "[not-met] message (file:line)". */
static void finding_line(struct xo *xo, sqlite3_stmt *f)
{
	xo_textf(xo, "[%s] %s", rdb_str(f, 0), rdb_str(f, 1));
	if (!rdb_null(f, 2) && !rdb_null(f, 3))
		xo_textf(xo, " (%s:%lld)", rdb_str(f, 2), (long long)sqlite3_column_int64(f, 3));
	else if (!rdb_null(f, 2))
		xo_textf(xo, " (%s)", rdb_str(f, 2));
	xo_text(xo, "\n");
}

/* Write the findings of control id with status (NULL = all) as text lines. */
static int findings_text(struct xo *xo, sqlite3_stmt *f, const char *id, const char *status)
{
	int rc;
	sqlite3_bind_text(f, 1, id, -1, SQLITE_TRANSIENT);
	if (status)
		sqlite3_bind_text(f, 2, status, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(f, 2);
	while ((rc = sqlite3_step(f)) == SQLITE_ROW)
		finding_line(xo, f);
	sqlite3_reset(f);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int write_testcases(sqlite3 *db, struct xo *xo, const struct report_run *rr)
{
	sqlite3_stmt *c = NULL, *f = NULL;
	int rc, ret = -1;

	if (rdb_prepare(db, "SELECT id, title, verdict, reason FROM controls ORDER BY seq",
			&c, WHAT) < 0 ||
	    rdb_prepare(db, "SELECT status, message, file, line FROM findings"
			" WHERE control_id = ?1 AND (?2 IS NULL OR status = ?2) ORDER BY id",
			&f, WHAT) < 0)
		goto out;
	while ((rc = sqlite3_step(c)) == SQLITE_ROW) {
		const char *id = rdb_str(c, 0), *verdict = rdb_str(c, 2);
		xo_start(xo, "testcase");
		xo_attrf(xo, "name", "%s %s", id, rdb_str(c, 1));
		xo_attrf(xo, "classname", "%s.%s", rr->questionnaire_id, id);
		xo_attr(xo, "time", "0");
		if (strcmp(verdict, "not-met") == 0) {
			xo_start(xo, "failure");
			xo_attr(xo, "type", verdict);
			xo_attr(xo, "message", rdb_str(c, 3));
			if (findings_text(xo, f, id, "not-met") < 0)
				goto db_error;
			xo_end(xo);
		} else if (strcmp(verdict, "met") != 0) {
			xo_start(xo, "skipped");
			xo_attr(xo, "type", verdict);
			xo_attrf(xo, "message", "%s: %s", verdict, rdb_str(c, 3));
			xo_end(xo);
		}
		xo_start(xo, "system-out");
		if (findings_text(xo, f, id, NULL) < 0)
			goto db_error;
		xo_end(xo);
		xo_end(xo);
	}
	if (rc != SQLITE_DONE)
		goto db_error;
	ret = 0;
	goto out;
db_error:
	resultsdb_error(db, WHAT);
out:
	sqlite3_finalize(c);
	sqlite3_finalize(f);
	return ret;
}

int report_junit(sqlite3 *db, const struct report_links *links, struct atomic_file *out)
{
	struct report_run rr;
	struct xo xo;
	int ret;
	(void)links;

	if (rdb_run_load(db, &rr, WHAT) < 0)
		return -1;
	if (xo_open(&xo, out, 0, 1) < 0) {
		xo_close(&xo);
		rdb_run_free(&rr);
		return -1;
	}
	xo_start(&xo, "testsuites");
	xo_attrf(&xo, "name", "ftrkit %s", rr.product);
	xo_attrf(&xo, "tests", "%lld", (long long)rr.controls);
	xo_attrf(&xo, "failures", "%lld", (long long)rr.not_met);
	xo_attr(&xo, "errors", "0");
	xo_attr(&xo, "time", "0");
	xo_start(&xo, "testsuite");
	xo_attrf(&xo, "name", "%s %s", rr.questionnaire_id, rr.questionnaire_version);
	xo_attrf(&xo, "tests", "%lld", (long long)rr.controls);
	xo_attrf(&xo, "failures", "%lld", (long long)rr.not_met);
	xo_attr(&xo, "errors", "0");
	xo_attrf(&xo, "skipped", "%lld", (long long)(rr.not_applicable + rr.manual + rr.waived));
	xo_attr(&xo, "time", "0");
	xo_attrf(&xo, "timestamp", "%sT00:00:00", rr.as_of);
	xo_attr(&xo, "package", rr.product);
	xo_start(&xo, "properties");
	{
		const char *props[][2] = {
			{ "product", rr.product },
			{ "product-version", rr.product_version },
			{ "organisation", rr.organisation },
			{ "questionnaire", rr.questionnaire_title },
			{ "as-of", rr.as_of },
			{ "overall", rr.overall },
			{ "tool", rr.tool },
		};
		size_t i;
		for (i = 0; i < sizeof(props) / sizeof(props[0]); i++) {
			if (!props[i][1])
				continue;
			xo_start(&xo, "property");
			xo_attr(&xo, "name", props[i][0]);
			xo_attr(&xo, "value", props[i][1]);
			xo_end(&xo);
		}
	}
	xo_end(&xo);
	ret = write_testcases(db, &xo, &rr);
	xo_end(&xo);
	xo_end(&xo);
	if (xo_close(&xo) < 0)
		ret = -1;
	rdb_run_free(&rr);
	return ret;
}
