/*
 * cmd_diff.c - `ftrkit diff OLD NEW`: what changed between two runs.
 *
 * Each side is a review package (.zip, opened and vetted in place by
 * zipread.c exactly as verify opens it; only data/results.sqlite is read)
 * or a results.sqlite.  Both databases are deserialized into one SQLite
 * connection as the schemas old and new (nothing is extracted to disk), and
 * three temporary views say what differs: controls whose verdict changed,
 * findings added and removed (same control, status, message, file and
 * line), and evidence files added, removed or changed by SHA-256.  The text
 * and the JSON output (--format json, built by SQLite's JSON functions) are
 * both read from those views, so they never disagree.
 *
 * diff compares what was assessed (results.sqlite's evidence table); that a
 * package's files are the ones it lists is verify's job.
 *
 * Exit 0 nothing differs, 1 something does, 2 a side cannot be read.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "cli/commands.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "package/zipread.h"
#include "base/banned.h"

#define DIFF_DB_LIMIT (256u * 1024 * 1024)

static const char views_sql[] =
	"CREATE TEMP VIEW d_controls AS\n"
	"  SELECT coalesce(n.id, o.id) AS id, o.verdict AS old_verdict, n.verdict AS new_verdict,\n"
	"         coalesce(n.seq, 1000000 + o.seq) AS seq\n"
	"  FROM old.controls o FULL OUTER JOIN new.controls n ON n.id = o.id\n"
	"  WHERE o.verdict IS NOT n.verdict;\n"
	"CREATE TEMP VIEW d_findings AS\n"
	"  SELECT 'removed' AS change, * FROM (\n"
	"    SELECT control_id, status, message, file, line FROM old.findings\n"
	"    EXCEPT SELECT control_id, status, message, file, line FROM new.findings)\n"
	"  UNION ALL\n"
	"  SELECT 'added', * FROM (\n"
	"    SELECT control_id, status, message, file, line FROM new.findings\n"
	"    EXCEPT SELECT control_id, status, message, file, line FROM old.findings);\n"
	"CREATE TEMP VIEW d_evidence AS\n"
	"  SELECT CASE WHEN o.path IS NULL THEN 'added' WHEN n.path IS NULL THEN 'removed'\n"
	"              ELSE 'changed' END AS change,\n"
	"         coalesce(n.path, o.path) AS path, o.sha256 AS old_sha256, n.sha256 AS new_sha256\n"
	"  FROM old.evidence o FULL OUTER JOIN new.evidence n ON n.path = o.path\n"
	"  WHERE o.sha256 IS NOT n.sha256;\n";

/* The JSON document: both runs, then every difference; ?1 ?2 the paths. */
static const char json_sql[] =
	"SELECT (SELECT count(*) FROM d_controls) + (SELECT count(*) FROM d_findings)"
	" + (SELECT count(*) FROM d_evidence), json_object("
	" 'format', 'ftrkit-diff', 'format_version', 1,"
	" 'old', (SELECT json_object('path', ?1, 'product', product, 'as_of', as_of,"
	"         'questionnaire', questionnaire_id || ' ' || questionnaire_version,"
	"         'overall', overall) FROM old.run),"
	" 'new', (SELECT json_object('path', ?2, 'product', product, 'as_of', as_of,"
	"         'questionnaire', questionnaire_id || ' ' || questionnaire_version,"
	"         'overall', overall) FROM new.run),"
	" 'differs', json((SELECT CASE WHEN (SELECT count(*) FROM d_controls)"
	"            + (SELECT count(*) FROM d_findings) + (SELECT count(*) FROM d_evidence) > 0"
	"            THEN 'true' ELSE 'false' END)),"
	" 'controls', (SELECT json_group_array(json_object('id', id, 'from', old_verdict,"
	"              'to', new_verdict)) FROM (SELECT * FROM d_controls ORDER BY seq)),"
	" 'findings', (SELECT json_group_array(json_object('change', change, 'control', control_id,"
	"              'status', status, 'message', message, 'file', file, 'line', line))"
	"              FROM (SELECT * FROM d_findings ORDER BY control_id, change DESC, file, line, message)),"
	" 'evidence', (SELECT json_group_array(json_object('change', change, 'path', path,"
	"              'old_sha256', old_sha256, 'new_sha256', new_sha256))"
	"              FROM (SELECT * FROM d_evidence ORDER BY path)))";

/* One side: the database image and, for a package, its reader. */
struct side {
	const char *path;
	const char *schema; /* "old" or "new" */
	struct strbuf image;
	struct pkg_reader pr;
	int have_pr;
};

/* The first bytes of path (up to n); -1 after reporting. */
static int peek(const char *path, unsigned char *buf, size_t n, size_t *got)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return error_at(path, 0, "cannot open: %s", strerror(errno));
	*got = fread(buf, 1, n, f);
	fclose(f);
	return 0;
}

/* Read the whole file into sb (limit DIFF_DB_LIMIT); -1 after reporting. */
static int read_file(const char *path, struct strbuf *sb)
{
	char buf[65536];
	size_t n;
	int ret = 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return error_at(path, 0, "cannot open: %s", strerror(errno));
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		if (strbuf_add(sb, buf, n) < 0) {
			ret = error_at(path, 0, "larger than %u bytes", DIFF_DB_LIMIT);
			break;
		}
	if (!ret && ferror(f))
		ret = error_at(path, 0, "cannot read");
	fclose(f);
	return ret;
}

/*
 * Load side s into db as schema s->schema: a package's data/results.sqlite
 * or the results.sqlite itself.  The image stays owned by s and must
 * outlive db.  0, or -1 after reporting one line naming the file.
 */
static int side_load(sqlite3 *db, struct side *s)
{
	static const unsigned char zip_magic[4] = { 'P', 'K', 3, 4 };
	static const char sqlite_magic[16] = "SQLite format 3";
	unsigned char head[16];
	size_t got = 0;
	char *sql;
	int rc;

	strbuf_init(&s->image, DIFF_DB_LIMIT);
	if (peek(s->path, head, sizeof(head), &got) < 0)
		return -1;
	if (got >= 4 && memcmp(head, zip_magic, 4) == 0) {
		const struct pkg_entry *e;
		s->have_pr = 1;
		if (pkg_open(s->path, &s->pr) < 0)
			return -1;
		e = pkg_find(&s->pr, "data/results.sqlite");
		if (!e || e->is_dir) {
			char *shown = pkg_display(&s->pr, "data/results.sqlite");
			error_at(shown, 0, "missing: not a review package written by ftrkit bundle");
			free(shown);
			return -1;
		}
		strbuf_release(&s->image);
		if (pkg_read(&s->pr, e, DIFF_DB_LIMIT, &s->image) < 0)
			return -1;
	} else if (got == sizeof(head) && memcmp(head, sqlite_magic, sizeof(head)) == 0) {
		if (read_file(s->path, &s->image) < 0)
			return -1;
	} else {
		return error_at(s->path, 0, "neither a review package (.zip) nor a results.sqlite");
	}
	sql = xasprintf("ATTACH ':memory:' AS %s", s->schema);
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	free(sql);
	if (rc != SQLITE_OK ||
	    sqlite3_deserialize(db, s->schema, (unsigned char *)s->image.buf,
				(sqlite3_int64)s->image.len, (sqlite3_int64)s->image.len,
				SQLITE_DESERIALIZE_READONLY) != SQLITE_OK)
		return error_at(s->path, 0, "cannot read the results database: %s", sqlite3_errmsg(db));
	/* Every table diff reads must be there with the columns it reads. */
	sql = xasprintf("SELECT (SELECT count(*) FROM %1$s.run WHERE as_of IS NOT NULL),"
			" (SELECT count(*) FROM (SELECT id, verdict, seq FROM %1$s.controls)),"
			" (SELECT count(*) FROM (SELECT control_id, status, message, file, line FROM %1$s.findings)),"
			" (SELECT count(*) FROM (SELECT path, sha256 FROM %1$s.evidence))", s->schema);
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	free(sql);
	if (rc != SQLITE_OK)
		return error_at(s->path, 0, "not a results database of ftrkit: %s", sqlite3_errmsg(db));
	return 0;
}

static void side_free(struct side *s)
{
	if (s->have_pr)
		pkg_close(&s->pr);
	strbuf_release(&s->image);
}

static const char *col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return s ? s : "";
}

/* Print the diff as text; returns the number of differences, -1 on error. */
static long print_text(sqlite3 *db, const char *old_path, const char *new_path)
{
	static const char *const sql[] = {
		"SELECT 'o', product, as_of, overall FROM old.run UNION ALL "
		"SELECT 'n', product, as_of, overall FROM new.run",
		"SELECT id, coalesce(old_verdict, '(none)'), coalesce(new_verdict, '(none)')"
		" FROM d_controls ORDER BY seq",
		"SELECT change, control_id, status, message, file, line FROM d_findings"
		" ORDER BY control_id, change DESC, file, line, message",
		"SELECT change, path, old_sha256, new_sha256 FROM d_evidence ORDER BY path",
	};
	static const char *const heading[] = { NULL, "verdicts changed:\n", "findings:\n",
					       "evidence:\n" };
	long count = 0;
	size_t q;

	for (q = 0; q < sizeof(sql) / sizeof(sql[0]); q++) {
		sqlite3_stmt *st;
		int rc, rows = 0;
		if (sqlite3_prepare_v2(db, sql[q], -1, &st, NULL) != SQLITE_OK)
			return error("diff: %s", sqlite3_errmsg(db));
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			if (q > 0 && rows++ == 0)
				fputs(heading[q], stdout);
			switch (q) {
			case 0:
				printf("%s %s (%s, as of %s, overall %s)\n",
				       col(st, 0)[0] == 'o' ? "---" : "+++",
				       col(st, 0)[0] == 'o' ? old_path : new_path,
				       col(st, 1), col(st, 2), col(st, 3));
				break;
			case 1:
				printf("  %s: %s \xe2\x86\x92 %s\n", col(st, 0), col(st, 1), col(st, 2));
				break;
			case 2:
				printf("  %c %s [%s] %s", col(st, 0)[0] == 'a' ? '+' : '-',
				       col(st, 1), col(st, 2), col(st, 3));
				if (sqlite3_column_type(st, 4) != SQLITE_NULL &&
				    sqlite3_column_type(st, 5) != SQLITE_NULL)
					printf(" (%s:%s)", col(st, 4), col(st, 5));
				else if (sqlite3_column_type(st, 4) != SQLITE_NULL)
					printf(" (%s)", col(st, 4));
				putchar('\n');
				break;
			case 3:
				if (col(st, 0)[0] == 'c')
					printf("  ~ %s  sha256 %.12s \xe2\x86\x92 %.12s\n", col(st, 1),
					       col(st, 2), col(st, 3));
				else
					printf("  %c %s  sha256 %.12s\n", col(st, 0)[0] == 'a' ? '+' : '-',
					       col(st, 1), col(st, 0)[0] == 'a' ? col(st, 3) : col(st, 2));
				break;
			}
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return error("diff: %s", sqlite3_errmsg(db));
		if (q > 0)
			count += rows;
	}
	if (!count)
		puts("no differences");
	return count;
}

/* Print the diff as one JSON document; 1 when it differs, 0 not, -1 error. */
static int print_json(sqlite3 *db, const char *old_path, const char *new_path)
{
	sqlite3_stmt *st;
	int ret = -1;
	if (sqlite3_prepare_v2(db, json_sql, -1, &st, NULL) != SQLITE_OK)
		return error("diff: %s", sqlite3_errmsg(db));
	sqlite3_bind_text(st, 1, old_path, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, new_path, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		printf("%s\n", col(st, 1));
		ret = sqlite3_column_int64(st, 0) > 0;
	} else {
		error("diff: %s", sqlite3_errmsg(db));
	}
	sqlite3_finalize(st);
	return ret;
}

int cmd_diff(struct options *opt)
{
	struct side sides[2];
	sqlite3 *db = NULL;
	int json = 0, ret = EXIT_INPUT, i;
	long differs;

	if (opt->argc != 2) {
		error("diff takes OLD and NEW (each a review package .zip or a results.sqlite)");
		return EXIT_INPUT;
	}
	if (opt->formats && strcmp(opt->formats, "json") == 0)
		json = 1;
	else if (opt->formats && strcmp(opt->formats, "text") != 0) {
		error("--format '%s': diff writes text or json", opt->formats);
		return EXIT_INPUT;
	}
	memset(sides, 0, sizeof(sides));
	sides[0].path = opt->argv[0];
	sides[0].schema = "old";
	sides[1].path = opt->argv[1];
	sides[1].schema = "new";
	if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		error("diff: cannot open an in-memory database");
		goto out;
	}
	for (i = 0; i < 2; i++)
		if (side_load(db, &sides[i]) < 0)
			goto out;
	if (sqlite3_exec(db, views_sql, NULL, NULL, NULL) != SQLITE_OK) {
		error("diff: %s", sqlite3_errmsg(db));
		goto out;
	}
	differs = json ? print_json(db, sides[0].path, sides[1].path)
		       : print_text(db, sides[0].path, sides[1].path);
	if (differs >= 0)
		ret = differs > 0 ? EXIT_FINDINGS : EXIT_ALL_MET;
out:
	sqlite3_close(db);
	for (i = 0; i < 2; i++)
		side_free(&sides[i]);
	return ret;
}
