/*
 * drill_json.c - load a JSON drill export for SQLite's JSON functions and
 * hand it to the reader its content calls for: {"Events": [...]} is an
 * `aws rds describe-events` export, {"experiment": {...}} an `aws fis
 * get-experiment` export.
 */
#include <stdlib.h>
#include <string.h>

#include "check_messages.h"
#include "drill_json.h"
#include "jsonguard.h"
#include "error.h"
#include "banned.h"

int json_doc_load(int fd, size_t max, struct json_doc *doc, char **why)
{
	sqlite3_stmt *st;
	int valid;

	memset(doc, 0, sizeof(*doc));
	if (drill_slurp(fd, max, &doc->text, why) < 0)
		return -1;
	/* A UTF-8 BOM (PowerShell redirections write one) is not JSON: drop it. */
	if (doc->text.len >= 3 && !memcmp(doc->text.buf, "\xEF\xBB\xBF", 3)) {
		memmove(doc->text.buf, doc->text.buf + 3, doc->text.len - 3 + 1);
		doc->text.len -= 3;
	}
	if (memchr(doc->text.buf ? doc->text.buf : "", '\0', doc->text.len)) {
		*why = xstrdup("contains NUL bytes: not a JSON text");
		return -1;
	}
	if (!json_keys_are_strings(doc->text.buf ? doc->text.buf : "", doc->text.len)) {
		*why = xstrdup("not valid JSON (an AWS CLI export is expected: --output json)");
		return -1;
	}
	if (sqlite3_open_v2(":memory:", &doc->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		die_oom();
	st = json_doc_query(doc, "SELECT json_valid(?1)");
	valid = st && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 1;
	sqlite3_finalize(st);
	if (!valid) {
		*why = xstrdup("not valid JSON (an AWS CLI export is expected: --output json)");
		return -1;
	}
	return 0;
}

void json_doc_free(struct json_doc *doc)
{
	if (doc->db)
		sqlite3_close(doc->db);
	strbuf_release(&doc->text);
	memset(doc, 0, sizeof(*doc));
}

sqlite3_stmt *json_doc_query(struct json_doc *doc, const char *sql)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(doc->db, sql, -1, &st, NULL) != SQLITE_OK) {
		error("json query: %s", sqlite3_errmsg(doc->db));
		return NULL;
	}
	sqlite3_bind_text(st, 1, strbuf_str(&doc->text), (int)doc->text.len, SQLITE_STATIC);
	return st;
}

char *json_doc_string(struct json_doc *doc, const char *sql)
{
	sqlite3_stmt *st = json_doc_query(doc, sql);
	char *out = NULL;
	if (st && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		out = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return out;
}

void drill_read_json(int fd, const char *relpath, const struct drill_reader_ctx *rc,
		     struct drill_set *out)
{
	struct json_doc doc;
	char *why = NULL, *kind = NULL;

	if (json_doc_load(fd, rc->export_max, &doc, &why) < 0) {
		struct drill_record *rec = drill_record_new(out, relpath, DRILL_SOURCE_TEXT,
							    rc->scenario);
		drill_record_problem(rec, 0, "%s", why);
		goto out;
	}
	kind = json_doc_string(&doc,
		"SELECT CASE WHEN json_type(?1, '$.Events') = 'array' THEN 'rds'"
		" WHEN json_type(?1, '$.experiment') = 'object' THEN 'fis' ELSE 'other' END");
	if (kind && !strcmp(kind, "rds")) {
		drill_rds_from_json(&doc, relpath, rc, out);
	} else if (kind && !strcmp(kind, "fis")) {
		drill_fis_from_json(&doc, relpath, rc, out);
	} else {
		struct drill_record *rec = drill_record_new(out, relpath, DRILL_SOURCE_TEXT,
							    rc->scenario);
		drill_record_problem(rec, 1,
				     "%s", CMSG(rc->lang, DP_JSON_UNKNOWN));
	}
out:
	free(kind);
	free(why);
	json_doc_free(&doc);
}
