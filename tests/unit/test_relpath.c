/* test_relpath.c - the relative path between two folders, checked against
 * Python's os.path.relpath on resolved paths. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"
#include "base/relpath.h"

static char root[PATH_MAX];

/* mkdir -p root/rel */
static void make(const char *rel)
{
	char path[PATH_MAX * 2], *p;
	snprintf(path, sizeof(path), "%s/%s", root, rel);
	for (p = path + strlen(root) + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(path, 0700);
			*p = '/';
		}
	mkdir(path, 0700);
}

static void expect(const char *from, const char *to, const char *want)
{
	char f[PATH_MAX * 2], t[PATH_MAX * 2], *got;
	snprintf(f, sizeof(f), "%s/%s", root, from);
	snprintf(t, sizeof(t), "%s/%s", root, to);
	got = relpath_between_dirs(f, t);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static int setup(void **state)
{
	(void)state;
	snprintf(root, sizeof(root), "%s/ftrkit-relpath-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(root))
		return -1;
	make("w/reports");
	make("w/evidence");
	make("w/evidence/inner");
	make("w/evidence-old");
	make("a/b/c");
	make("link-target/out");
	return 0;
}

static int teardown(void **state)
{
	char cmd[PATH_MAX + 16];
	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	return system(cmd) == 0 ? 0 : -1;
}

static void siblings_and_nesting(void **state)
{
	(void)state;
	expect("w/reports", "w/evidence", "../evidence/");
	expect("w/evidence", "w/evidence", "");
	expect("w", "w/evidence", "evidence/");
	expect("w/evidence/inner", "w/evidence", "../");
	expect("a/b/c", "w/evidence", "../../../w/evidence/");
	/* a shared name prefix is not a shared folder */
	expect("w/evidence-old", "w/evidence", "../evidence/");
	expect("w/evidence", "w/evidence-old", "../evidence-old/");
	/* dots and doubled slashes are resolved first */
	expect("w/reports/../reports//", "w/./evidence", "../evidence/");
}

static void through_a_symlink(void **state)
{
	char link[PATH_MAX * 2];
	(void)state;
	snprintf(link, sizeof(link), "%s/via", root);
	assert_int_equal(symlink("link-target", link), 0);
	/* via/out is link-target/out: two levels below root, whatever its name */
	expect("via/out", "w/evidence", "../../w/evidence/");
}

static void to_and_from_the_root(void **state)
{
	char *got;
	(void)state;
	got = relpath_between_dirs("/", "/");
	assert_string_equal(got, "");
	free(got);
	got = relpath_between_dirs("/", "/tmp");
	assert_string_equal(got, "tmp/");
	free(got);
	got = relpath_between_dirs("/tmp", "/");
	assert_string_equal(got, "../");
	free(got);
}

static void missing_folder_is_null(void **state)
{
	char f[PATH_MAX * 2];
	(void)state;
	snprintf(f, sizeof(f), "%s/no-such-folder", root);
	assert_null(relpath_between_dirs(f, root));
	assert_null(relpath_between_dirs(root, f));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(siblings_and_nesting),
		cmocka_unit_test(through_a_symlink),
		cmocka_unit_test(to_and_from_the_root),
		cmocka_unit_test(missing_folder_is_null),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
