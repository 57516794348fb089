/*
 * test_workspace.c - the inventory: whole-path strcmp order, digests equal
 * to hashing each file alone, the same result with 1, 2 or 5 hashing
 * threads, symlinks inside followed and outside refused, limits.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"
#include "base/error.h"
#include "base/hash.h"
#include "evidence/scan.h"
#include "evidence/workspace.h"

static char root[64];

static void put(const char *rel, const char *text, size_t repeat)
{
	char *path = xasprintf("%s/%s", root, rel);
	FILE *f = fopen(path, "w");
	size_t i;
	assert_non_null(f);
	for (i = 0; i < repeat; i++)
		fputs(text, f);
	fclose(f);
	free(path);
}

static void dir(const char *rel)
{
	char *path = xasprintf("%s/%s", root, rel);
	assert_int_equal(mkdir(path, 0755), 0);
	free(path);
}

static int setup(void **state)
{
	int i;
	(void)state;
	snprintf(root, sizeof(root), "/tmp/ftrkit-ws-XXXXXX");
	assert_non_null(mkdtemp(root));
	dir("a");
	dir("a/deep");
	dir("b");
	put("a-c", "dash\n", 1);
	put("a.txt", "dot\n", 1);
	put("a/x", "x\n", 1);
	put("a/deep/big.log", "2026-09-16T01:00:00Z line of a drill log\n", 20000);
	put("b/empty", "", 0);
	for (i = 0; i < 40; i++) {
		char name[32], text[32];
		snprintf(name, sizeof(name), "b/f%02d", i);
		snprintf(text, sizeof(text), "file %d\n", i);
		put(name, text, (size_t)i * 100);
	}
	{
		char *link = xasprintf("%s/link-x", root);
		assert_int_equal(symlink("a/x", link), 0);
		free(link);
	}
	return 0;
}

static int teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", root);
	(void)state;
	assert_int_equal(system(cmd), 0);
	free(cmd);
	return 0;
}

/* The digest of a file hashed alone, the slow obvious way. */
static void digest_of(const char *rel, char hex[65])
{
	char *path = xasprintf("%s/%s", root, rel);
	uint64_t size;
	int fd = open(path, O_RDONLY);
	assert_true(fd >= 0);
	assert_int_equal(sha256_fd(fd, hex, &size), 0);
	close(fd);
	free(path);
}

static void test_inventory_same_for_any_thread_count(void **state)
{
	static const char *const threads[] = { "1", "2", "5" };
	struct workspace first;
	size_t t, i;
	(void)state;
	memset(&first, 0, sizeof(first));
	for (t = 0; t < 3; t++) {
		struct workspace ws;
		setenv("FTRKIT_THREADS", threads[t], 1);
		assert_int_equal(workspace_open(root, NULL, &ws), 0);
		assert_int_equal(ws.nr_files, 46);
		for (i = 0; i < ws.nr_files; i++) {
			char want[65];
			if (i)
				assert_true(strcmp(ws.files[i - 1].path, ws.files[i].path) < 0);
			assert_ptr_equal(workspace_find(&ws, ws.files[i].path), &ws.files[i]);
			digest_of(ws.files[i].path, want);
			assert_string_equal(ws.files[i].sha256, want);
			if (t) {
				assert_string_equal(ws.files[i].path, first.files[i].path);
				assert_int_equal(ws.files[i].size, first.files[i].size);
			}
		}
		if (t)
			workspace_close(&ws);
		else
			first = ws;
	}
	/* strcmp order of whole paths: "a-c" < "a.txt" < "a/deep/..." < "a/x" */
	assert_string_equal(first.files[0].path, "a-c");
	assert_string_equal(first.files[1].path, "a.txt");
	assert_string_equal(first.files[2].path, "a/deep/big.log");
	assert_int_equal(first.files[2].size, 20000 * 41);
	assert_string_equal(first.files[first.nr_files - 1].path, "link-x");
	assert_string_equal(first.files[first.nr_files - 1].sha256, workspace_find(&first, "a/x")->sha256);
	workspace_close(&first);
	unsetenv("FTRKIT_THREADS");
}

static void test_limits(void **state)
{
	struct workspace ws;
	struct workspace_limits few = { 0, 10, 0 }, small = { 1000, 0, 0 };
	(void)state;
	error_quiet = 1;
	assert_int_equal(workspace_open(root, &few, &ws), -1);
	assert_int_equal(workspace_open(root, &small, &ws), -1);
	error_quiet = 0;
}

static void test_symlink_outside_refused(void **state)
{
	struct workspace ws;
	char *link = xasprintf("%s/escape", root);
	(void)state;
	assert_int_equal(symlink("/etc/hostname", link), 0);
	error_quiet = 1;
	assert_int_equal(workspace_open(root, NULL, &ws), -1);
	error_quiet = 0;
	unlink(link);
	free(link);
}

static int count_hits(void *arg, const struct scan_hit *hit)
{
	long *n = arg;
	assert_int_equal(hit->lineno, *n + 1); /* every line of big.log matches */
	(*n)++;
	return 0;
}

static int fail_at_first(void *arg, const struct scan_hit *hit)
{
	(void)arg;
	(void)hit;
	return -1;
}

/* scan_evidence: scans an inventoried file; refuses others; passes errors on. */
static void test_scan_evidence(void **state)
{
	struct workspace ws;
	struct pattern *p = pattern_compile("^(\\d{4})-.*drill LOG$", "p", "test", 1);
	struct scan_stats st;
	long hits = 0;
	(void)state;
	assert_int_equal(workspace_open(root, NULL, &ws), 0);
	assert_int_equal(scan_evidence(&ws, "a/deep/big.log", &p, 1, count_hits, &hits, &st), 0);
	assert_int_equal(hits, 20000);
	assert_int_equal(st.lines, 20000);
	assert_int_equal(st.bytes, 20000 * 41);
	error_quiet = 1;
	assert_int_equal(scan_evidence(&ws, "a/deep/big.log", &p, 1, fail_at_first, NULL, NULL), -1);
	assert_int_equal(scan_evidence(&ws, "not/there.log", &p, 1, count_hits, &hits, NULL), -1);
	error_quiet = 0;
	pattern_free(p);
	workspace_close(&ws);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_inventory_same_for_any_thread_count),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_scan_evidence),
		cmocka_unit_test(test_symlink_outside_refused),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
