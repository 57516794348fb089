/*
 * test_hash.c - the reusable SHA-256 reader: same digests as the one-shot
 * function, every block handed to the callback, reused across files.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"
#include "base/error.h"
#include "base/hash.h"

struct seen {
	uint64_t bytes;
	unsigned blocks;
	unsigned char first;
};

static void on_block(void *arg, const unsigned char *data, size_t n)
{
	struct seen *s = arg;
	if (!s->bytes)
		s->first = data[0];
	s->bytes += n;
	s->blocks++;
}

static int temp_with(const unsigned char *data, size_t n)
{
	char path[] = "/tmp/ftrkit-hash-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	unlink(path);
	assert_int_equal(write(fd, data, n), (ssize_t)n);
	lseek(fd, 0, SEEK_SET);
	return fd;
}

static void test_reader_matches_one_shot(void **state)
{
	static const size_t sizes[] = { 0, 1, 4095, 4096, 4097, 100000 };
	struct sha256_reader r;
	unsigned char *data = xmalloc(100000);
	size_t i;
	(void)state;
	for (i = 0; i < 100000; i++)
		data[i] = (unsigned char)(i * 31 + 7);
	sha256_reader_init(&r, 4096); /* small blocks: many per file */
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		char want[65], got[65];
		struct seen s = { 0, 0, 0 };
		uint64_t size = 99;
		int fd = temp_with(data, sizes[i]);
		sha256_hex(data, sizes[i], want);
		assert_int_equal(sha256_reader_fd(&r, fd, got, &size, on_block, &s), 0);
		assert_string_equal(got, want);
		assert_int_equal(size, sizes[i]);
		assert_int_equal(s.bytes, sizes[i]);
		assert_int_equal(s.blocks, (sizes[i] + 4095) / 4096);
		if (sizes[i])
			assert_int_equal(s.first, data[0]);
		close(fd);
	}
	sha256_reader_free(&r);
	free(data);
}

static void test_known_digest_and_read_error(void **state)
{
	struct sha256_reader r;
	char hex[65];
	uint64_t size;
	int fd = temp_with((const unsigned char *)"abc", 3);
	(void)state;
	sha256_reader_init(&r, 0);
	assert_int_equal(sha256_reader_fd(&r, fd, hex, &size, NULL, NULL), 0);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	close(fd);
	/* a closed descriptor: -1, not a digest */
	assert_int_equal(sha256_reader_fd(&r, fd, hex, &size, NULL, NULL), -1);
	sha256_reader_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reader_matches_one_shot),
		cmocka_unit_test(test_known_digest_and_read_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
