/*
 * test_package.c - the package module end to end on the sample workspace:
 * name, secret scan, layout, and what the safe reader sees of the result.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"
#include "fixtures.h"
#include "run/assess.h"
#include "base/error.h"
#include "evidence/inventory_scan.h"
#include "evidence/container.h"
#include "package/package.h"
#include "package/zipread.h"

static char dir[] = "/tmp/ftrkit-test-package.XXXXXX";

static int setup(void **state)
{
	(void)state;
	return scratch_setup(dir);
}

static int teardown(void **state)
{
	(void)state;
	return scratch_teardown(dir);
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

/* The sample workspace copied to dir/ws with secrets planted, some beside
 * the inventory's 256 KiB block boundaries and on a last line without a
 * break. */
static char *planted_workspace(void)
{
	char *ws = xasprintf("%s/ws", dir), *cmd = xasprintf("cp -r evidence '%s'", ws), *path;
	FILE *f;
	size_t i;
	assert_int_equal(system(cmd), 0);
	free(cmd);
	path = xasprintf("%s/documents/app.env", ws);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("region=eu-west-1\r\nAWS_ACCESS_KEY_ID=AKIAQWERTYUIOPASDFGH\n"
	      "DB_PASSWORD=hunter2hunter2\nurl=postgres://app:s3cr3tpass@db:5432/x", f);
	fclose(f);
	free(path);
	path = xasprintf("%s/documents/big.log", ws);
	f = fopen(path, "w");
	assert_non_null(f);
	for (i = 0; i < 40000; i++) /* 40 bytes a line; a key on each line across a 256 KiB edge */
		fprintf(f, (40 * i) / 262144 != (40 * i + 39) / 262144
			? "k=%06zu AKIAIOSFODNN7QWERTYU..........\n"
			: "line %06zu ...........................\n", i);
	fclose(f);
	free(path);
	return ws;
}

/* 1 for the sample's zip containers (.xlsx), which the inventory leaves to
 * the whole-file scan. */
static int is_zip(const char *path)
{
	size_t n = strlen(path);
	return n > 5 && !strcmp(path + n - 5, ".xlsx");
}

/* package_scan with --redact on ws; the scan is kept in *scan. */
static void scan_ws(const char *ws, int fused, const char *threads, struct assess_run *run,
		    struct package_scan *scan)
{
	char *argv[] = { "bundle", "--as-of", "2026-11-25", "-w", (char *)ws, "--redact", NULL };
	struct options opt;
	size_t i;

	setenv("FTRKIT_THREADS", threads, 1);
	assert_int_equal(options_parse(&opt, "bundle", 6, argv), 0);
	opt.scan_secrets = fused;
	assert_int_equal(assess_load_and_check(&opt, run), 0);
	for (i = 0; i < run->workspace.nr_files; i++) /* a zip is scanned again, whole */
		assert_int_equal(inventory_scan_of(&run->workspace.files[i]) != NULL,
				 fused && !is_zip(run->workspace.files[i].path));
	assert_int_equal(package_scan(&opt, run, scan), 0);
	unsetenv("FTRKIT_THREADS");
}

/* The inventory's scan reports what package_scan's own scan did: the same
 * hits per file as secrets_scan_fd, the same redactions, any thread count;
 * and assess (no scan_secrets) does not scan at all. */
static void test_inventory_scan_same_hits(void **state)
{
	static const char *const threads[] = { "1", "2", "5" };
	char *ws = planted_workspace();
	struct assess_run ref_run, run;
	struct package_scan ref, got;
	size_t t, i, j;
	(void)state;

	scan_ws(ws, 0, "2", &ref_run, &ref);
	assert_int_equal(ref.nr_redacted, 2);
	assert_true(ref.nr_hits >= 8); /* 3 in app.env, 5 in big.log */
	for (t = 0; t < sizeof(threads) / sizeof(*threads); t++) {
		scan_ws(ws, 1, threads[t], &run, &got);
		assert_int_equal(got.nr_hits, ref.nr_hits);
		assert_int_equal(got.nr_redacted, ref.nr_redacted);
		for (i = 0; i < ref.nr_redacted; i++) {
			assert_string_equal(got.redacted[i].path, ref.redacted[i].path);
			assert_string_equal(got.redacted[i].lines, ref.redacted[i].lines);
			assert_string_equal(got.redacted[i].sha256, ref.redacted[i].sha256);
			assert_string_equal(got.redacted[i].orig_sha256, ref.redacted[i].orig_sha256);
		}
		for (i = 0; i < run.workspace.nr_files; i++) {
			const struct evidence_file *f = &run.workspace.files[i];
			const struct secret_scan *inv = inventory_scan_of(f);
			struct secret_scan res;
			int fd = workspace_open_file(&run.workspace, f->path);
			assert_true(fd >= 0);
			assert_int_equal(secrets_scan_container_fd(got.rules, fd, -1, f->path, &res), 0);
			close(fd);
			if (is_zip(f->path)) {
				assert_null(inv);
				secret_scan_free(&res);
				continue;
			}
			assert_non_null(inv);
			assert_int_equal(inv->nr_hits, res.nr_hits);
			for (j = 0; j < res.nr_hits; j++) {
				assert_int_equal(inv->hits[j].line, res.hits[j].line);
				assert_string_equal(inv->hits[j].rule, res.hits[j].rule);
			}
			secret_scan_free(&res);
		}
		package_scan_free(&got);
		assess_free(&run);
	}
	package_scan_free(&ref);
	assess_free(&ref_run);
	free(ws);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_name),
		cmocka_unit_test(test_sample_package),
		cmocka_unit_test(test_inventory_scan_same_hits),
	};
	error_quiet = 1;
	return cmocka_run_group_tests_name("package", tests, setup, teardown);
}
