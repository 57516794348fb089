/* test_uuid5.c - version-5 UUIDs match the RFC / Python reference values. */
#include <string.h>

#include "unit.h"
#include "base/uuid5.h"

static const char ns_dns[] = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";

static void known_vector(void **state)
{
	char out[UUID_STR_LEN];
	(void)state;
	/* python3 -c 'import uuid; print(uuid.uuid5(uuid.NAMESPACE_DNS, "www.example.com"))' */
	assert_int_equal(uuid5(ns_dns, "www.example.com", 15, out), 0);
	assert_string_equal(out, "2ed6657d-e927-568b-95e1-2665a8aea6a2");
	/* python3 -c 'import uuid; print(uuid.uuid5(uuid.NAMESPACE_URL, "urn:ftrkit:test"))' */
	assert_int_equal(uuid5(uuid_namespace_url, "urn:ftrkit:test", 15, out), 0);
	assert_string_equal(out, "4de559a6-10b4-56ff-8f93-bb918319a55c");
}

static void version_and_variant(void **state)
{
	char out[UUID_STR_LEN];
	(void)state;
	assert_int_equal(uuid5(uuid_namespace_url, "", 0, out), 0);
	assert_int_equal(strlen(out), 36);
	assert_int_equal(out[14], '5');
	assert_non_null(strchr("89ab", out[19]));
}

static void stable_and_distinct(void **state)
{
	char a[UUID_STR_LEN], b[UUID_STR_LEN], c[UUID_STR_LEN];
	(void)state;
	assert_int_equal(uuid5(uuid_namespace_url, "x", 1, a), 0);
	assert_int_equal(uuid5(uuid_namespace_url, "x", 1, b), 0);
	assert_int_equal(uuid5(uuid_namespace_url, "y", 1, c), 0);
	assert_string_equal(a, b);
	assert_string_not_equal(a, c);
}

static void bad_namespace(void **state)
{
	char out[UUID_STR_LEN];
	(void)state;
	assert_int_equal(uuid5("not-a-uuid", "x", 1, out), -1);
	assert_int_equal(uuid5("6ba7b811-9dad-11d1-80b4-00c04fd430cg", "x", 1, out), -1);
	assert_int_equal(uuid5("6ba7b811+9dad-11d1-80b4-00c04fd430c8", "x", 1, out), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(known_vector),
		cmocka_unit_test(version_and_variant),
		cmocka_unit_test(stable_and_distinct),
		cmocka_unit_test(bad_namespace),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
