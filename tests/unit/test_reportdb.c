/*
 * test_reportdb.c - reading the run row for the reports: a database
 * without it, or with a bad as-of date, is an error (reported, -1) and
 * leaves nothing allocated; a good row is copied field by field.
 */
#include <string.h>

#include "unit.h"
#include "base/error.h"
#include "results/reportdb.h"

static const char run_table[] =
	"CREATE TABLE run (id INTEGER PRIMARY KEY, tool TEXT, questionnaire_id TEXT,"
	" questionnaire_version TEXT, questionnaire_title TEXT, product TEXT,"
	" product_version TEXT, organisation TEXT, timezone TEXT, as_of TEXT, lang TEXT,"
	" overall TEXT, met INTEGER, not_met INTEGER, not_applicable INTEGER, manual INTEGER,"
	" waived INTEGER, questionnaire_file TEXT, questionnaire_sha256 TEXT,"
	" questionnaire_provenance TEXT);";

static sqlite3 *open_db(const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	if (sql)
		assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	return db;
}

static void missing_table_is_an_error(void **state)
{
	struct report_run rr;
	sqlite3 *db = open_db(NULL);
	(void)state;
	error_quiet = 1;
	assert_int_equal(rdb_run_load(db, &rr, "test"), -1);
	assert_null(rr.product);
	assert_int_equal(rdb_count(db, "SELECT count(*) FROM nothing", "test"), -1);
	error_quiet = 0;
	sqlite3_close(db);
}

static void empty_or_bad_row_is_an_error(void **state)
{
	struct report_run rr;
	sqlite3 *db = open_db(run_table);
	(void)state;
	error_quiet = 1;
	assert_int_equal(rdb_run_load(db, &rr, "test"), -1);
	assert_int_equal(sqlite3_exec(db, "INSERT INTO run VALUES (1,'t','q','1','Q','p',NULL,NULL,"
				      "'+09:00','25/11/2026','en','met',1,0,0,0,0,NULL,NULL,'custom')", NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(rdb_run_load(db, &rr, "test"), -1);
	assert_null(rr.tool);
	error_quiet = 0;
	sqlite3_close(db);
}

static void good_row_is_copied(void **state)
{
	struct report_run rr;
	sqlite3 *db = open_db(run_table);
	(void)state;
	assert_int_equal(sqlite3_exec(db, "INSERT INTO run VALUES (1,'ftrkit 0.1.0','ftr-dr','2024.1',"
				      "'FTR','acme',NULL,'Acme','+09:00','2026-11-25',NULL,'not-met',"
				      "6,2,1,0,1,'ftr-dr.xml',NULL,'modified')", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(rdb_run_load(db, &rr, "test"), 0);
	assert_string_equal(rr.product, "acme");
	assert_null(rr.product_version);
	assert_string_equal(rr.questionnaire_file, "ftr-dr.xml");
	assert_null(rr.questionnaire_sha256);
	assert_string_equal(rr.questionnaire_provenance, "modified");
	assert_string_equal(rr.lang, "en"); /* NULL language reads as English */
	assert_int_equal(rr.controls, 10);
	assert_int_equal(rr.waived, 1);
	assert_int_equal(rr.not_met, 2);
	assert_int_equal(rr.as_of_day, 20782); /* 2026-11-25 */
	assert_int_equal(rdb_count(db, "SELECT met FROM run", "test"), 6);
	rdb_run_free(&rr);
	assert_null(rr.product);
	sqlite3_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(missing_table_is_an_error),
		cmocka_unit_test(empty_or_bad_row_is_an_error),
		cmocka_unit_test(good_row_is_copied),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
