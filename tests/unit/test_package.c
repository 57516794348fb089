/*
 * test_package.c - the package module end to end on the sample workspace:
 * name, secret scan, layout, and what the safe reader sees of the result.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"
#include "assess.h"
#include "error.h"
#include "package.h"
#include "zipread.h"

static char dir[] = "/tmp/ftrkit-test-package.XXXXXX";

static int setup(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	(void)state;
	(void)!system(cmd);
	free(cmd);
	return 0;
}

static void test_name(void **state)
{
	struct assess_run run;
	static const struct { const char *product, *want; } cases[] = {
		{ "acme-ledger", "acme-ledger-ftr-review-2026-11-25" },
		{ "../evil name/x", "evil-name-x-ftr-review-2026-11-25" },
		{ "...", "product-ftr-review-2026-11-25" },
		{ "", "product-ftr-review-2026-11-25" },
		{ "台帳 v2", "v2-ftr-review-2026-11-25" },
	};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *name;
		memset(&run, 0, sizeof(run));
		memcpy(run.as_of, "2026-11-25", 11);
		run.assessment.product = (char *)cases[i].product;
		name = package_name(&run);
		assert_string_equal(name, cases[i].want);
		free(name);
	}
}

static void test_sample_package(void **state)
{
	char *argv[] = { "bundle", "--as-of", "2026-11-25", "-o", dir, NULL };
	struct options opt;
	struct assess_run run;
	struct package_scan scan;
	struct pkg_reader pr;
	char *path = NULL, *name;
	(void)state;

	assert_int_equal(options_parse(&opt, "bundle", 5, argv), 0);
	assert_int_equal(assess_load_and_check(&opt, &run), 0);
	assert_int_equal(package_scan(&opt, &run, &scan), 0);
	assert_int_equal(scan.nr_hits, 0);
	assert_int_equal(scan.nr_redacted, 0);
	assert_int_equal(assess_write_reports(&opt, &run, dir), 0);
	assert_int_equal(package_write(&opt, &run, &scan, NULL, &path), 0);
	name = package_name(&run);
	assert_non_null(strstr(path, name));

	assert_int_equal(pkg_open(path, &pr), 0);
	assert_int_equal(pkg_hash_all(&pr), 0);
	assert_string_equal(pr.top, name);
	assert_non_null(pkg_find(&pr, "data/assessment.xml"));
	assert_null(pkg_find(&pr, "data/evidence/assessment.xml"));
	assert_non_null(pkg_find(&pr, "data/evidence/runbooks/db-az-failover.md"));
	assert_non_null(pkg_find(&pr, "data/results.sqlite"));
	assert_non_null(pkg_find(&pr, "data/questionnaire/ftr-dr.xml"));
	assert_non_null(pkg_find(&pr, "manifest-sha256.txt"));
	assert_null(pkg_find(&pr, PACKAGE_SIG_FILE));
	assert_null(pkg_find(&pr, PACKAGE_REDACTIONS_FILE));
	pkg_close(&pr);

	free(name);
	free(path);
	package_scan_free(&scan);
	assess_free(&run);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_name),
		cmocka_unit_test(test_sample_package),
	};
	error_quiet = 1;
	return cmocka_run_group_tests_name("package", tests, setup, teardown);
}
