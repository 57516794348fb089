/*
 * history.c - append runs to the history database and list them.
 *
 * The file is refused unless it is empty/new or carries the history's
 * application id, so --history pointed at results.sqlite or any other
 * database is an input error, never a silent write into it.  Rows are
 * written with prepared statements only.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "results/history.h"
#include "base/error.h"
#include "base/hash.h"
#include "base/banned.h"

static const char history_schema[] =
	"CREATE TABLE IF NOT EXISTS runs (\n"
	"  -- one row per assess or bundle run given --history\n"
	"  id INTEGER PRIMARY KEY,             -- run number: 1, 2, ...\n"
	"  as_of TEXT NOT NULL,                -- YYYY-MM-DD the assessment was made for\n"
	"  tool TEXT NOT NULL,\n"
	"  product TEXT NOT NULL,\n"
	"  questionnaire_id TEXT NOT NULL, questionnaire_version TEXT NOT NULL,\n"
	"  questionnaire_sha256 TEXT NOT NULL, -- of the questionnaire file as read\n"
	"  overall TEXT NOT NULL,\n"
	"  met INTEGER NOT NULL, not_met INTEGER NOT NULL, not_applicable INTEGER NOT NULL,\n"
	"  manual INTEGER NOT NULL, waived INTEGER NOT NULL\n"
	");\n"
	"CREATE TABLE IF NOT EXISTS run_controls (\n"
	"  run INTEGER NOT NULL REFERENCES runs(id),\n"
	"  control_id TEXT NOT NULL, verdict TEXT NOT NULL,\n"
	"  PRIMARY KEY (run, control_id)\n"
	");\n"
	"CREATE TABLE IF NOT EXISTS run_evidence (\n"
	"  run INTEGER NOT NULL REFERENCES runs(id),\n"
	"  path TEXT NOT NULL, sha256 TEXT NOT NULL, -- workspace-relative\n"
	"  PRIMARY KEY (run, path)\n"
	");\n";

static int db_fail(sqlite3 *db, const char *path)
{
	return error_at(path, 0, "history: %s", db ? sqlite3_errmsg(db) : "out of memory");
}

static char *dup_text(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return xstrdup(s ? s : "");
}

/* 0 when db is a history or empty, -1 after reporting otherwise. */
static int check_is_history(sqlite3 *db, const char *path)
{
	sqlite3_stmt *st = NULL;
	long long app = -1, tables = -1;
	int ok;

	ok = sqlite3_prepare_v2(db, "SELECT (SELECT application_id FROM pragma_application_id),"
				" (SELECT count(*) FROM sqlite_schema)", -1, &st, NULL) == SQLITE_OK &&
	     sqlite3_step(st) == SQLITE_ROW;
	if (ok) {
		app = sqlite3_column_int64(st, 0);
		tables = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (!ok)
		return error_at(path, 0, "not a history database: %s", sqlite3_errmsg(db));
	if (app == HISTORY_APPLICATION_ID || (app == 0 && tables == 0))
		return 0;
	return error_at(path, 0, "not a history database of ftrkit (another SQLite file)");
}

/* The two columns sql selects for run into a new array (*out, *nr; owned
 * by the caller's history_previous).  0 or -1 after reporting. */
static int read_pairs(struct history *h, const char *sql, long long run,
		      struct history_pair **out, size_t *nr)
{
	sqlite3_stmt *st = NULL;
	size_t alloc = 0;
	int rc;

	if (sqlite3_prepare_v2(h->db, sql, -1, &st, NULL) != SQLITE_OK)
		return db_fail(h->db, h->path);
	sqlite3_bind_int64(st, 1, run);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(*out, *nr, alloc);
		(*out)[*nr].key = dup_text(st, 0);
		(*out)[(*nr)++].value = dup_text(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail(h->db, h->path);
}

/* Read the latest run into prev; 0 or -1 after reporting. */
static int read_previous(struct history *h, struct history_previous *prev)
{
	sqlite3_stmt *st = NULL;
	int rc;

	memset(prev, 0, sizeof(*prev));
	if (sqlite3_prepare_v2(h->db, "SELECT id, as_of FROM runs ORDER BY id DESC LIMIT 1", -1,
			       &st, NULL) != SQLITE_OK)
		return db_fail(h->db, h->path);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		prev->have = 1;
		prev->run = sqlite3_column_int64(st, 0);
		prev->as_of = dup_text(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? 0 : db_fail(h->db, h->path);

	if (read_pairs(h, "SELECT control_id, verdict FROM run_controls WHERE run = ? ORDER BY rowid",
		       prev->run, &prev->controls, &prev->nr_controls) < 0 ||
	    read_pairs(h, "SELECT path, sha256 FROM run_evidence WHERE run = ? ORDER BY path",
		       prev->run, &prev->evidence, &prev->nr_evidence) < 0)
		return -1;
	return 0;
}

int history_begin(const char *path, struct history *h, struct history_previous *prev)
{
	struct stat sb;
	char *sql;
	int rc;

	memset(h, 0, sizeof(*h));
	memset(prev, 0, sizeof(*prev));
	h->path = xstrdup(path);
	h->created = stat(path, &sb) != 0 && errno == ENOENT;
	if (!h->created && !S_ISREG(sb.st_mode)) {
		error_at(path, 0, "history: not a regular file");
		goto fail;
	}
	if (sqlite3_open_v2(path, &h->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		db_fail(h->db, path);
		goto fail;
	}
	sqlite3_busy_timeout(h->db, 10000);
	if (sqlite3_exec(h->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
		error_at(path, 0, "history: %s", sqlite3_errmsg(h->db));
		goto fail;
	}
	if (check_is_history(h->db, path) < 0)
		goto fail;
	sql = xasprintf("PRAGMA application_id=%d; PRAGMA user_version=%d; %s",
			HISTORY_APPLICATION_ID, HISTORY_VERSION, history_schema);
	rc = sqlite3_exec(h->db, sql, NULL, NULL, NULL);
	free(sql);
	if (rc != SQLITE_OK) {
		db_fail(h->db, path);
		goto fail;
	}
	if (read_previous(h, prev) < 0)
		goto fail;
	return 0;
fail:
	history_previous_free(prev);
	history_abort(h);
	return -1;
}

/* SHA-256 of the file at path into hex; "" when it cannot be read. */
static void file_sha256(const char *path, char hex[65])
{
	uint64_t size;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	hex[0] = '\0';
	if (fd < 0)
		return;
	if (sha256_fd(fd, hex, &size) < 0)
		hex[0] = '\0';
	close(fd);
}

int history_add(struct history *h, const struct resultsdb_run *rec, const char *tool)
{
	const struct run_result *r = rec->results;
	sqlite3_stmt *st = NULL;
	sqlite3_int64 run;
	char qsha[65];
	size_t i;
	int ok;

	file_sha256(rec->questionnaire->path, qsha);
	if (!qsha[0])
		return error_at(rec->questionnaire->path, 0, "cannot hash the questionnaire for the history");
	ok = sqlite3_prepare_v2(h->db, "INSERT INTO runs (as_of, tool, product, questionnaire_id,"
				" questionnaire_version, questionnaire_sha256, overall, met, not_met,"
				" not_applicable, manual, waived) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
				-1, &st, NULL) == SQLITE_OK;
	if (ok) {
		sqlite3_bind_text(st, 1, rec->as_of, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, tool, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, rec->assessment->product, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, rec->questionnaire->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, rec->questionnaire->version, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, qsha, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 7, verdict_name(r->overall), -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 8, (sqlite3_int64)r->count[VERDICT_MET]);
		sqlite3_bind_int64(st, 9, (sqlite3_int64)r->count[VERDICT_NOT_MET]);
		sqlite3_bind_int64(st, 10, (sqlite3_int64)r->count[VERDICT_NOT_APPLICABLE]);
		sqlite3_bind_int64(st, 11, (sqlite3_int64)r->count[VERDICT_MANUAL]);
		sqlite3_bind_int64(st, 12, (sqlite3_int64)r->count[VERDICT_WAIVED]);
		ok = sqlite3_step(st) == SQLITE_DONE;
	}
	sqlite3_finalize(st);
	st = NULL;
	run = sqlite3_last_insert_rowid(h->db);
	ok = ok && sqlite3_prepare_v2(h->db, "INSERT INTO run_controls VALUES (?,?,?)", -1, &st,
				      NULL) == SQLITE_OK;
	for (i = 0; ok && i < r->nr_controls; i++) {
		sqlite3_bind_int64(st, 1, run);
		sqlite3_bind_text(st, 2, r->controls[i].id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, verdict_name(r->controls[i].verdict), -1, SQLITE_STATIC);
		ok = sqlite3_step(st) == SQLITE_DONE;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	st = NULL;
	ok = ok && sqlite3_prepare_v2(h->db, "INSERT INTO run_evidence VALUES (?,?,?)", -1, &st,
				      NULL) == SQLITE_OK;
	for (i = 0; ok && i < rec->workspace->nr_files; i++) {
		sqlite3_bind_int64(st, 1, run);
		sqlite3_bind_text(st, 2, rec->workspace->files[i].path, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, rec->workspace->files[i].sha256, -1, SQLITE_STATIC);
		ok = sqlite3_step(st) == SQLITE_DONE;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return ok ? 0 : db_fail(h->db, h->path);
}

int history_commit(struct history *h)
{
	int ret = 0;
	if (sqlite3_exec(h->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		ret = db_fail(h->db, h->path);
	if (ret < 0) {
		history_abort(h);
		return -1;
	}
	sqlite3_close(h->db);
	free(h->path);
	memset(h, 0, sizeof(*h));
	return 0;
}

void history_abort(struct history *h)
{
	if (h->db) {
		sqlite3_exec(h->db, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close(h->db);
	}
	if (h->created && h->path)
		unlink(h->path);
	free(h->path);
	memset(h, 0, sizeof(*h));
}

void history_previous_free(struct history_previous *prev)
{
	size_t i;
	for (i = 0; i < prev->nr_controls; i++) {
		free(prev->controls[i].key);
		free(prev->controls[i].value);
	}
	for (i = 0; i < prev->nr_evidence; i++) {
		free(prev->evidence[i].key);
		free(prev->evidence[i].value);
	}
	free(prev->controls);
	free(prev->evidence);
	free(prev->as_of);
	memset(prev, 0, sizeof(*prev));
}

int history_list(const char *path, FILE *out, int json)
{
	static const char text_sql[] =
		"SELECT id, as_of, questionnaire_id || ' ' || questionnaire_version, overall,"
		" met, not_met, not_applicable, manual, waived FROM runs ORDER BY id";
	static const char json_sql[] =
		"SELECT json_object('format', 'ftrkit-history', 'format_version', 1,"
		" 'runs', (SELECT json_group_array(json_object('run', id, 'as_of', as_of,"
		"   'product', product, 'questionnaire', questionnaire_id,"
		"   'questionnaire_version', questionnaire_version,"
		"   'questionnaire_sha256', questionnaire_sha256, 'overall', overall,"
		"   'counts', json_object('met', met, 'not_met', not_met,"
		"     'not_applicable', not_applicable, 'manual', manual, 'waived', waived)))"
		"   FROM (SELECT * FROM runs ORDER BY id)))";
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	struct stat sb;
	int rc, ret = -1;

	if (stat(path, &sb) != 0)
		return error_at(path, 0, "history: %s", strerror(errno));
	if (!S_ISREG(sb.st_mode))
		return error_at(path, 0, "history: not a regular file");
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		db_fail(db, path);
		goto out;
	}
	if (check_is_history(db, path) < 0)
		goto out;
	if (sqlite3_prepare_v2(db, json ? json_sql : text_sql, -1, &st, NULL) != SQLITE_OK) {
		error_at(path, 0, "not a history database of ftrkit: %s", sqlite3_errmsg(db));
		goto out;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (json) {
			fprintf(out, "%s\n", (const char *)sqlite3_column_text(st, 0));
			continue;
		}
		fprintf(out, "%4lld  %s  %s  %-8s %lld met, %lld not met, %lld not applicable,"
			" %lld manual, %lld waived\n",
			(long long)sqlite3_column_int64(st, 0), sqlite3_column_text(st, 1),
			sqlite3_column_text(st, 2), sqlite3_column_text(st, 3),
			(long long)sqlite3_column_int64(st, 4), (long long)sqlite3_column_int64(st, 5),
			(long long)sqlite3_column_int64(st, 6), (long long)sqlite3_column_int64(st, 7),
			(long long)sqlite3_column_int64(st, 8));
	}
	if (rc != SQLITE_DONE) {
		db_fail(db, path);
		goto out;
	}
	ret = 0;
out:
	sqlite3_finalize(st);
	sqlite3_close(db);
	return ret;
}
