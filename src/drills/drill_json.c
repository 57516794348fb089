/*
 * drill_json.c - load a JSON drill export for SQLite's JSON functions;
 * drill_sources.c tells the forms apart, drill_rds.c and drill_fis.c read
 * them.
 */
#include <stdlib.h>
#include <string.h>

#include "drills/drill.h"
#include "drills/drill_json.h"
#include "base/jsonguard.h"
#include "base/error.h"
#include "base/banned.h"

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
