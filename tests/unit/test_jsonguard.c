/*
 * test_jsonguard.c - the guard against SQLite 3.40's object-as-key bug.
 */
#include <string.h>

#include "unit.h"
#include "base/jsonguard.h"

static int ok(const char *s)
{
	return json_keys_are_strings(s, strlen(s));
}

static void test_valid_documents_pass(void **state)
{
	(void)state;
	assert_true(ok("{}"));
	assert_true(ok("[]"));
	assert_true(ok("{\"a\":1,\"b\":{\"c\":[1,{\"d\":\"}\"}]}}"));
	assert_true(ok("{ \"k\\\"ey\" : \"v,{\" , \"x\" : [ ] }"));
	assert_true(ok("\"just a string\""));
	assert_true(ok("[{\"a\":1},{\"b\":2}]"));
	assert_true(ok("{\"Events\": [{\"Date\": \"2026-09-16T01:01:00Z\"}]}\n"));
}

static void test_non_string_keys_fail(void **state)
{
	(void)state;
	assert_false(ok("{\"a\":1,{\"b\":\"x\"}:3}"));   /* SQLite 3.40 calls this valid */
	assert_false(ok("{{\"b\":\"x\"}:3}"));
	assert_false(ok("{\"a\":1,[\"x\"]:3}"));
	assert_false(ok("{1:2}"));
	assert_false(ok("{\"a\":{\"b\":1,true:2}}"));
}

static void test_nesting_limit(void **state)
{
	char deep[3000];
	(void)state;
	memset(deep, '[', sizeof(deep));
	assert_false(json_keys_are_strings(deep, sizeof(deep)));
	assert_true(json_keys_are_strings(deep, 999));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_documents_pass),
		cmocka_unit_test(test_non_string_keys_fail),
		cmocka_unit_test(test_nesting_limit),
	};
	return cmocka_run_group_tests_name("jsonguard", tests, NULL, NULL);
}
