/*
 * test_progress.c - the progress line's text (progress_format) and that a
 * bar writes nothing when progress is disabled or stderr is no terminal.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"
#include "base/progress.h"

#define MiB (1024ull * 1024ull)

static void test_format_full(void **state)
{
	char buf[160];
	size_t n;
	(void)state;
	/* 64 of 256 MiB in 2 s: 32 MiB/s, 192 MiB left: 6 s */
	n = progress_format(buf, sizeof(buf), "inventory", 250, 1000, 64 * MiB, 256 * MiB, 2000);
	assert_string_equal(buf, "inventory [#####...............]  25% 250/1000 files"
				 "  64.0/256.0 MiB  32.0 MiB/s  ETA 0:06");
	assert_int_equal(n, strlen(buf));
}

static void test_format_unknown_total(void **state)
{
	char buf[160];
	(void)state;
	progress_format(buf, sizeof(buf), "bundle", 3, 0, 3 * MiB / 2, 0, 500);
	assert_string_equal(buf, "bundle 3 files  1.5 MiB  3.0 MiB/s");
	/* nothing done yet, no time elapsed: no rate, no ETA */
	progress_format(buf, sizeof(buf), "bundle", 0, 10, 0, 100, 0);
	assert_string_equal(buf, "bundle [....................]   0% 0/10 files  0.0/0.0 MiB");
}

static void test_format_long_eta_and_done(void **state)
{
	char buf[160];
	(void)state;
	/* 1 MiB of 4097 MiB in 1 s: 4096 s left = 1:08:16 */
	progress_format(buf, sizeof(buf), "x", 1, 2, MiB, 4097 * MiB, 1000);
	assert_non_null(strstr(buf, "ETA 1:08:16"));
	/* done: full bar, no ETA */
	progress_format(buf, sizeof(buf), "x", 2, 2, 4 * MiB, 4 * MiB, 1000);
	assert_non_null(strstr(buf, "[####################] 100%"));
	assert_null(strstr(buf, "ETA"));
}

static void test_format_truncates_safely(void **state)
{
	char buf[12];
	size_t n;
	(void)state;
	n = progress_format(buf, sizeof(buf), "inventory", 1, 2, MiB, 2 * MiB, 1000);
	assert_int_equal(n, strlen(buf));
	assert_true(n < sizeof(buf));
	assert_int_equal(progress_format(buf, 0, "x", 0, 0, 0, 0, 0), 0);
}

/* Disabled, or enabled with stderr not a terminal: nothing is written. */
static void test_silent_without_tty(void **state)
{
	char path[] = "/tmp/ftrkit-progress-XXXXXX";
	struct progress *p;
	struct stat st;
	int saved = dup(STDERR_FILENO), fd = mkstemp(path), on;
	(void)state;
	assert_true(fd >= 0 && saved >= 0);
	unlink(path);
	assert_true(dup2(fd, STDERR_FILENO) >= 0);
	for (on = 0; on <= 1; on++) {
		progress_enable(on);
		p = progress_begin("inventory", 10, 100);
		assert_non_null(p);
		progress_add(p, 1, 10);
		progress_set_total(p, 20, 200);
		progress_set_fraction(p, 0.5);
		progress_zip_callback(NULL, 0.7, p);
		progress_end(p);
	}
	progress_enable(0);
	dup2(saved, STDERR_FILENO);
	close(saved);
	assert_int_equal(fstat(fd, &st), 0);
	assert_int_equal(st.st_size, 0);
	close(fd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_full),
		cmocka_unit_test(test_format_unknown_total),
		cmocka_unit_test(test_format_long_eta_and_done),
		cmocka_unit_test(test_format_truncates_safely),
		cmocka_unit_test(test_silent_without_tty),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
