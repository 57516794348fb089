/*
 * test_xlsx_table.c - what the workbook import and the template-column
 * check share: RPO/RTO read from a response text, status words, disruption
 * names.
 */
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "evidence/xlsx_table.h"
#include "base/error.h"

/* text states rpo and rto (NULL: none) exactly as written. */
static void response(const char *text, const char *rpo, const char *rto)
{
	char *got_rpo = (char *)"x", *got_rto = (char *)"x";
	int n = xlsx_response_objectives(text, &got_rpo, &got_rto);
	if ((rpo == NULL) != (got_rpo == NULL) || (rpo && strcmp(rpo, got_rpo) != 0))
		fail_msg("'%s': RPO '%s', want '%s'", text, got_rpo ? got_rpo : "(none)",
			 rpo ? rpo : "(none)");
	if ((rto == NULL) != (got_rto == NULL) || (rto && strcmp(rto, got_rto) != 0))
		fail_msg("'%s': RTO '%s', want '%s'", text, got_rto ? got_rto : "(none)",
			 rto ? rto : "(none)");
	assert_int_equal(n, (rpo != NULL) + (rto != NULL));
	free(got_rpo);
	free(got_rto);
}

static void test_response_english(void **state)
{
	(void)state;
	response("RPO 1 hour, RTO 4 hours", "1 hour", "4 hours");
	response("RPO: 15m / RTO: 1h", "15m", "1h");
	response("Met. RTO of 30 minutes and RPO of 5 minutes.", "5 minutes", "30 minutes");
	response("rpo=PT1H; rto=PT4H", "PT1H", "PT4H");
	response("Our RTO is 2h (tested quarterly)", NULL, "2h");
	response("RPO 1.5h", "1.5h", NULL);
}

static void test_response_japanese(void **state)
{
	(void)state;
	response("RPO 1時間 RTO 4時間", "1時間", "4時間");
	response("目標復旧時点：30分、目標復旧時間：2時間。", "30分", "2時間");
}

static void test_response_sloppy(void **state)
{
	(void)state;
	/* no label, a label without a duration, a word that only contains RPO */
	response("Met. See documents/dr-policy.md.", NULL, NULL);
	response("RPO: tbd, RTO: ask ops", NULL, NULL);
	response("CORPORATE policy applies", NULL, NULL);
	response("", NULL, NULL);
	response("RPO", NULL, NULL);
	response("RTO: ", NULL, NULL);
}

static void test_status_words(void **state)
{
	(void)state;
	assert_string_equal(xlsx_status_word("Met"), "met");
	assert_string_equal(xlsx_status_word(" yes "), "met");
	assert_string_equal(xlsx_status_word("Y"), "met");
	assert_string_equal(xlsx_status_word("適合"), "met");
	assert_string_equal(xlsx_status_word("対応済み"), "met");
	assert_string_equal(xlsx_status_word("Not met"), "not-met");
	assert_string_equal(xlsx_status_word("not-met"), "not-met");
	assert_string_equal(xlsx_status_word("No"), "not-met");
	assert_string_equal(xlsx_status_word("n"), "not-met");
	assert_string_equal(xlsx_status_word("不適合"), "not-met");
	assert_string_equal(xlsx_status_word("未対応"), "not-met");
	assert_string_equal(xlsx_status_word("N/A"), "not-applicable");
	assert_string_equal(xlsx_status_word("Not applicable."), "not-applicable");
	assert_string_equal(xlsx_status_word("該当なし"), "not-applicable");
	assert_string_equal(xlsx_status_word("manual"), "manual");
	assert_string_equal(xlsx_status_word("unanswered"), "unanswered");
	/* the verdict words of an export are not statuses, nor is anything else */
	assert_null(xlsx_status_word("waived"));
	assert_null(xlsx_status_word("Partially"));
	assert_null(xlsx_status_word("??"));
	assert_null(xlsx_status_word(""));
	assert_null(xlsx_status_word("Met, mostly"));
}

static void test_disruption_names(void **state)
{
	(void)state;
	assert_true(xlsx_names_disruption("AZ failure", "az"));
	assert_true(xlsx_names_disruption(" Data corruption ", "data-corruption"));
	assert_true(xlsx_names_disruption("accidental_deletion", "accidental-deletion"));
	assert_false(xlsx_names_disruption("azure", "az"));
	assert_false(xlsx_names_disruption("", "az"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_response_english),
		cmocka_unit_test(test_response_japanese),
		cmocka_unit_test(test_response_sloppy),
		cmocka_unit_test(test_status_words),
		cmocka_unit_test(test_disruption_names),
	};
	error_quiet = 1;
	return cmocka_run_group_tests_name("xlsx_table", tests, NULL, NULL);
}
