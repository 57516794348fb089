/*
 * test_zip.c - the deterministic zip writer and the safe in-place reader,
 * against each other: what one writes the other reads back; what the
 * writer must refuse (unsorted entries, changed files) and what the reader
 * must refuse (unsafe names, two top folders) fail cleanly.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"
#include "fixtures.h"
#include "base/error.h"
#include "base/hash.h"
#include "package/zipread.h"
#include "package/zipwrite.h"

static char dir[] = "/tmp/ftrkit-test-zip.XXXXXX";

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

static char *tmp(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static uint16_t dd, dt;

/* A small archive: top/, top/a.txt (buffer), top/data/, top/data/b.md (file). */
static void write_sample(const char *zip, const char *file_text, const char *announced_text,
			 int want)
{
	struct zip_writer *zw = zipw_open(zip, dd, dt);
	char *src = tmp("b.md"), hex[65];
	int dfd = open(dir, O_RDONLY | O_DIRECTORY);

	put(src, file_text);
	sha256_hex(announced_text, strlen(announced_text), hex);
	assert_non_null(zw);
	assert_int_equal(zipw_add_dir(zw, "top"), 0);
	assert_int_equal(zipw_add_buffer(zw, "top/a.txt", "alpha\n", 6, ZIPW_DEFLATE), 0);
	assert_int_equal(zipw_add_dir(zw, "top/data"), 0);
	assert_int_equal(zipw_add_file(zw, "top/data/b.md", dfd, "b.md", "b.md",
				       strlen(announced_text), hex, ZIPW_DEFLATE), 0);
	assert_int_equal(zipw_close(zw), want);
	close(dfd);
	free(src);
}

static void test_round_trip(void **state)
{
	char *zip = tmp("rt.zip");
	struct pkg_reader pr;
	const struct pkg_entry *e;
	struct strbuf sb;
	char hex[65];
	(void)state;
	zipw_dos_datetime(1795564800, &dd, &dt); /* 2026-11-25 00:00:00 UTC */
	assert_int_equal(dd, ((2026 - 1980) << 9) | (11 << 5) | 25);
	assert_int_equal(dt, 0);
	write_sample(zip, "bravo\n", "bravo\n", 0);
	assert_int_equal(pkg_open(zip, &pr), 0);
	assert_string_equal(pr.top, "top");
	assert_int_equal(pkg_hash_all(&pr), 0);
	e = pkg_find(&pr, "data/b.md");
	assert_non_null(e);
	sha256_hex("bravo\n", 6, hex);
	assert_string_equal(e->sha256, hex);
	e = pkg_find(&pr, "a.txt");
	assert_non_null(e);
	assert_int_equal(pkg_read(&pr, e, 100, &sb), 0);
	assert_string_equal(sb.buf, "alpha\n");
	strbuf_release(&sb);
	assert_int_equal(pkg_read(&pr, e, 3, &sb), -1); /* over the limit */
	{
		int fd = pkg_memfd(&pr, e);
		char buf[16] = "";
		assert_true(fd >= 0);
		assert_int_equal(read(fd, buf, sizeof(buf)), 6);
		assert_string_equal(buf, "alpha\n");
		close(fd);
	}
	assert_null(pkg_find(&pr, "nope"));
	pkg_close(&pr);
	free(zip);
}

static void test_reproducible(void **state)
{
	char *a = tmp("a.zip"), *b = tmp("b.zip");
	char *cmd = xasprintf("cmp -s '%s' '%s'", a, b);
	(void)state;
	zipw_dos_datetime(1795564800, &dd, &dt);
	write_sample(a, "bravo\n", "bravo\n", 0);
	write_sample(b, "bravo\n", "bravo\n", 0);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(a);
	free(b);
}

static void test_changed_file_fails(void **state)
{
	char *zip = tmp("changed.zip");
	(void)state;
	write_sample(zip, "bravo!\n", "bravo\n", -1);   /* longer than announced */
	write_sample(zip, "brave\n", "bravo\n", -1);    /* same size, other bytes */
	free(zip);
}

static void test_order_enforced(void **state)
{
	char *zip = tmp("order.zip");
	struct zip_writer *zw = zipw_open(zip, dd, dt);
	(void)state;
	assert_int_equal(zipw_add_buffer(zw, "top/b", "b", 1, ZIPW_STORE), 0);
	assert_int_equal(zipw_add_buffer(zw, "top/a", "a", 1, ZIPW_STORE), -1);
	assert_int_equal(zipw_add_buffer(zw, "top/b", "b", 1, ZIPW_STORE), -1);
	zipw_discard(zw);
	free(zip);
}

static void refused(const char *name1, const char *name2)
{
	char *zip = tmp("bad.zip");
	struct zip_writer *zw = zipw_open(zip, dd, dt);
	struct pkg_reader pr;
	assert_int_equal(zipw_add_buffer(zw, name1, "x", 1, ZIPW_STORE), 0);
	if (name2)
		assert_int_equal(zipw_add_buffer(zw, name2, "y", 1, ZIPW_STORE), 0);
	assert_int_equal(zipw_close(zw), 0);
	if (pkg_open(zip, &pr) == 0)
		fail_msg("accepted %s %s", name1, name2 ? name2 : "");
	pkg_close(&pr);
	unlink(zip);
	free(zip);
}

static void test_reader_refuses(void **state)
{
	(void)state;
	refused("top/../x", NULL);
	refused("top/./x", NULL);
	refused("top//x", NULL);
	refused("top\\x", NULL);
	refused("loose-file", NULL);
	refused("c:/x", NULL);
	refused("one/x", "two/y");
	refused("top/a\tb", NULL);
}

static void test_method_for(void **state)
{
	(void)state;
	assert_int_equal(zipw_method_for("data/x.PNG"), ZIPW_STORE);
	assert_int_equal(zipw_method_for("data/x.tar.gz"), ZIPW_STORE);
	assert_int_equal(zipw_method_for("data/x.xlsx"), ZIPW_STORE);
	assert_int_equal(zipw_method_for("data/x.md"), ZIPW_DEFLATE);
	assert_int_equal(zipw_method_for("data/x.gz/readme"), ZIPW_DEFLATE);
	assert_int_equal(zipw_method_for("data/noext"), ZIPW_DEFLATE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_reproducible),
		cmocka_unit_test(test_changed_file_fails),
		cmocka_unit_test(test_order_enforced),
		cmocka_unit_test(test_reader_refuses),
		cmocka_unit_test(test_method_for),
	};
	error_quiet = 1;
	return cmocka_run_group_tests_name("zip", tests, setup, teardown);
}
