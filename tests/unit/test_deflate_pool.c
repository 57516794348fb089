/*
 * test_deflate_pool.c - zips written through the pool read back exactly
 * (libzip checks every CRC), are byte-identical whatever the thread count,
 * report the SHA-256 of what was read, store what is already compressed,
 * and fail cleanly (no hang, a message naming the file) when a file is not
 * what it claimed to be or the archive is discarded.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "unit.h"
#include "package/deflate_pool.h"
#include "base/error.h"
#include "base/hash.h"

static char dir[64];
static const char *const names[] = { "drill.log", "big.log", "empty.txt", "app.gz", "tiny.json" };
#define NR_FILES 5
static unsigned char *contents[NR_FILES];
static size_t sizes[NR_FILES];

static int setup(void **state)
{
	unsigned seed = 3;
	size_t i, f;
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/ftrkit-pool-XXXXXX");
	assert_non_null(mkdtemp(dir));
	sizes[0] = 300000;
	sizes[1] = 2 * DEFLATE_POOL_CHUNK + 12345; /* three chunks joined */
	sizes[2] = 0;
	sizes[3] = 70000;
	sizes[4] = 20;
	for (f = 0; f < NR_FILES; f++) {
		char *path = xasprintf("%s/%s", dir, names[f]);
		FILE *out = fopen(path, "w");
		contents[f] = xmalloc(sizes[f] + 1);
		for (i = 0; i < sizes[f]; i++)
			contents[f][i] = f == 3 ? (unsigned char)rand_r(&seed)
						: (unsigned char)("2026-09-16T01:00:00Z step ok\n"[i % 29] +
								  (rand_r(&seed) % 11 == 0));
		assert_non_null(out);
		assert_int_equal(fwrite(contents[f], 1, sizes[f], out), sizes[f]);
		fclose(out);
		free(path);
	}
	return 0;
}

static int teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	size_t f;
	(void)state;
	assert_int_equal(system(cmd), 0);
	free(cmd);
	for (f = 0; f < NR_FILES; f++)
		free(contents[f]);
	return 0;
}

/*
 * Write dir's files into zip_path through a pool (file 1 claimed lie_about
 * bytes longer; file 4 claimed to hash to bad_hash when not NULL; file 0
 * given as an open descriptor, the rest by name); 0 or -1 (*why).
 */
static int write_zip(const char *zip_path, uint64_t lie_about, const char *bad_hash,
		     char **why, char sha[NR_FILES][65])
{
	struct deflate_pool *pool = deflate_pool_new(5, NULL);
	int err, ret = 0, dirfd = open(dir, O_RDONLY | O_DIRECTORY);
	size_t f;
	zip_t *za = zip_open(zip_path, ZIP_CREATE | ZIP_TRUNCATE, &err);

	assert_non_null(za);
	assert_true(dirfd >= 0);
	for (f = 0; f < NR_FILES; f++) {
		char *path = xasprintf("%s/%s", dir, names[f]), want[65];
		int store;
		uint64_t size = sizes[f] + (f == 1 ? lie_about : 0);
		zip_source_t *src;
		zip_int64_t idx;
		sha256_hex(contents[f], sizes[f], want);
		store = deflate_pool_is_compressed_name(names[f]) || size == 0;
		if (f == 0)
			src = deflate_pool_source(pool, open(path, O_RDONLY), NULL, size, want,
						  store, names[f]);
		else
			src = deflate_pool_source(pool, dirfd, names[f], size,
						  f == 4 && bad_hash ? bad_hash : want, store, names[f]);
		idx = zip_file_add(za, names[f], src, ZIP_FL_ENC_UTF_8);
		assert_true(idx >= 0);
		assert_int_equal(zip_set_file_compression(za, (zip_uint64_t)idx,
							  store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0), 0);
		assert_int_equal(zip_file_set_mtime(za, (zip_uint64_t)idx, 1700000000, 0), 0);
		free(path);
	}
	if (zip_close(za) < 0) {
		*why = xstrdup(deflate_pool_error(pool) ? deflate_pool_error(pool) : "?");
		zip_discard(za);
		ret = -1;
	} else {
		for (f = 0; f < NR_FILES; f++) {
			assert_non_null(deflate_pool_sha256(pool, f));
			memcpy(sha[f], deflate_pool_sha256(pool, f), 65);
		}
	}
	deflate_pool_free(pool);
	close(dirfd);
	return ret;
}

static unsigned char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf;
	long len;
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = xmalloc((size_t)len + 1);
	assert_int_equal(fread(buf, 1, (size_t)len, f), (size_t)len);
	fclose(f);
	*n = (size_t)len;
	return buf;
}

static void test_round_trip_and_determinism(void **state)
{
	static const char *const threads[] = { "1", "2", "4" };
	char *first = NULL, sha[NR_FILES][65];
	size_t first_len = 0, t, f;
	(void)state;
	for (t = 0; t < 3; t++) {
		char *zip_path = xasprintf("%s.zip", dir), *why = NULL, *bytes;
		size_t len;
		int err;
		zip_t *za;
		setenv("FTRKIT_THREADS", threads[t], 1);
		assert_int_equal(write_zip(zip_path, 0, NULL, &why, sha), 0);
		za = zip_open(zip_path, ZIP_RDONLY | ZIP_CHECKCONS, &err);
		assert_non_null(za);
		for (f = 0; f < NR_FILES; f++) {
			zip_stat_t st;
			zip_file_t *zf;
			unsigned char *back = xmalloc(sizes[f] + 1);
			char want[65];
			assert_int_equal(zip_stat_index(za, f, 0, &st), 0);
			assert_string_equal(st.name, names[f]);
			assert_int_equal(st.size, sizes[f]);
			assert_int_equal(st.comp_method, (f == 2 || f == 3) ? ZIP_CM_STORE : ZIP_CM_DEFLATE);
			zf = zip_fopen_index(za, f, 0);
			assert_non_null(zf);
			/* reading to the end makes libzip check the CRC */
			assert_int_equal(zip_fread(zf, back, sizes[f] + 1), (zip_int64_t)sizes[f]);
			assert_int_equal(zip_fclose(zf), 0);
			assert_memory_equal(back, contents[f], sizes[f]);
			sha256_hex(contents[f], sizes[f], want);
			assert_string_equal(sha[f], want);
			free(back);
		}
		zip_close(za);
		bytes = (char *)slurp(zip_path, &len);
		if (!first) {
			first = bytes;
			first_len = len;
		} else {
			assert_int_equal(len, first_len);
			assert_memory_equal(bytes, first, len);
			free(bytes);
		}
		unlink(zip_path);
		free(zip_path);
	}
	free(first);
	unsetenv("FTRKIT_THREADS");
}

static void test_file_not_as_claimed(void **state)
{
	char *zip_path = xasprintf("%s-bad.zip", dir), *why = NULL, sha[NR_FILES][65];
	(void)state;
	/* big.log claimed 10 bytes longer than it is: the pool notices */
	assert_int_equal(write_zip(zip_path, 10, NULL, &why, sha), -1);
	assert_non_null(strstr(why, "big.log: changed size"));
	free(why);
	/* and 10 bytes shorter: more data than claimed is a change too */
	assert_int_equal(write_zip(zip_path, (uint64_t)-10, NULL, &why, sha), -1);
	assert_non_null(strstr(why, "big.log: changed size"));
	free(why);
	/* same size, other bytes than were hashed */
	assert_int_equal(write_zip(zip_path, 0, "0000000000000000000000000000000000000000000000000000000000000000",
				   &why, sha), -1);
	assert_string_equal(why, "tiny.json: file changed after it was hashed");
	free(why);
	unlink(zip_path);
	free(zip_path);
}

static void test_discard_without_reading(void **state)
{
	struct deflate_pool *pool = deflate_pool_new(6, NULL);
	char *path = xasprintf("%s/%s", dir, names[0]);
	int err;
	zip_t *za = zip_open("/tmp/ftrkit-never-written.zip", ZIP_CREATE | ZIP_TRUNCATE, &err);
	(void)state;
	/* an owned descriptor the reader never reaches is closed by the pool */
	assert_true(zip_file_add(za, "x", deflate_pool_source(pool, open(path, O_RDONLY), NULL,
							      sizes[0], NULL, 0, "x"), 0) >= 0);
	zip_discard(za);
	assert_null(deflate_pool_sha256(pool, 0));
	assert_null(deflate_pool_error(pool));
	deflate_pool_free(pool); /* closes the descriptor, no thread to wait for */
	free(path);
}

static void test_compressed_names(void **state)
{
	(void)state;
	assert_true(deflate_pool_is_compressed_name("archives/app-logs-0001.gz"));
	assert_true(deflate_pool_is_compressed_name("SHOT.PNG"));
	assert_false(deflate_pool_is_compressed_name("drills/x.log"));
	assert_false(deflate_pool_is_compressed_name("gz"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip_and_determinism),
		cmocka_unit_test(test_file_not_as_claimed),
		cmocka_unit_test(test_discard_without_reading),
		cmocka_unit_test(test_compressed_names),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
