/*
 * test_deflate_join.c - chunks compressed apart by libdeflate, joined with
 * deflate_make_open(), inflate (zlib, raw) to exactly the original bytes,
 * for text, incompressible, empty-ish and repetitive data, every level.
 */
#include <stdlib.h>
#include <string.h>
#include <libdeflate.h>
#include <zlib.h>

#include "unit.h"
#include "package/deflate_join.h"
#include "base/error.h"

/* Compress data in chunks of chunk bytes, join, return the stream. */
static unsigned char *compress_joined(const unsigned char *data, size_t n, size_t chunk,
				      int level, size_t *out_len)
{
	struct libdeflate_compressor *c = libdeflate_alloc_compressor(level);
	size_t cap = libdeflate_deflate_compress_bound(c, n) + 16 * (n / chunk + 1) + 16;
	unsigned char *out = xmalloc(cap);
	size_t off = 0, len = 0;

	assert_non_null(c);
	do {
		size_t part = n - off < chunk ? n - off : chunk;
		size_t bound = libdeflate_deflate_compress_bound(c, part) + 8;
		size_t got = libdeflate_deflate_compress(c, data + off, part, out + len, bound);
		assert_true(got > 0);
		off += part;
		if (off < n) {
			got = deflate_make_open(out + len, got, bound);
			assert_true(got > 0);
		}
		len += got;
	} while (off < n);
	libdeflate_free_compressor(c);
	*out_len = len;
	return out;
}

static void inflate_equals(const unsigned char *stream, size_t len, const unsigned char *want,
			   size_t n)
{
	z_stream z;
	unsigned char *got = xmalloc(n + 1);
	memset(&z, 0, sizeof(z));
	assert_int_equal(inflateInit2(&z, -15), Z_OK);
	z.next_in = (unsigned char *)stream;
	z.avail_in = (uInt)len;
	z.next_out = got;
	z.avail_out = (uInt)n + 1;
	assert_int_equal(inflate(&z, Z_FINISH), Z_STREAM_END);
	assert_int_equal(z.total_out, n);
	assert_int_equal(z.avail_in, 0); /* nothing after the final block */
	assert_memory_equal(got, want, n);
	inflateEnd(&z);
	free(got);
}

static unsigned char *sample(size_t n, int kind)
{
	unsigned char *d = xmalloc(n ? n : 1);
	unsigned seed = 42;
	size_t i;
	for (i = 0; i < n; i++) {
		switch (kind) {
		case 0: /* log-like text */
			d[i] = (unsigned char)("2026-09-16T01:00:00Z drill step ok tenant t12 az 1a\n"[i % 53]);
			if (rand_r(&seed) % 7 == 0)
				d[i] = (unsigned char)('a' + rand_r(&seed) % 26);
			break;
		case 1: /* incompressible: stored blocks */
			d[i] = (unsigned char)rand_r(&seed);
			break;
		default: /* long runs */
			d[i] = (unsigned char)(i / 100000);
			break;
		}
	}
	return d;
}

static void test_join_kinds_and_levels(void **state)
{
	static const size_t sizes[] = { 1, 100, 70000, 1 << 20, (3 << 20) + 17 };
	static const size_t chunks[] = { 1, 4096, 65536, 1 << 20 };
	static const int levels[] = { 1, 6, 12 };
	size_t s, c, l;
	int kind;
	(void)state;
	for (kind = 0; kind < 3; kind++)
		for (s = 0; s < sizeof(sizes) / sizeof(*sizes); s++) {
			unsigned char *d = sample(sizes[s], kind);
			for (c = 0; c < sizeof(chunks) / sizeof(*chunks); c++) {
				if (sizes[s] / chunks[c] > 200)
					continue; /* keep the test quick */
				for (l = 0; l < sizeof(levels) / sizeof(*levels); l++) {
					size_t len;
					if (levels[l] > 9 && sizes[s] > 100000)
						continue; /* slow and adds nothing */
					unsigned char *z = compress_joined(d, sizes[s], chunks[c],
									   levels[l], &len);
					inflate_equals(z, len, d, sizes[s]);
					free(z);
				}
			}
			free(d);
		}
}

static void test_malformed_refused(void **state)
{
	unsigned char junk[64];
	uint64_t h, e;
	(void)state;
	memset(junk, 0xff, sizeof(junk)); /* BTYPE 3: reserved */
	assert_int_equal(deflate_final_block(junk, sizeof(junk), &h, &e), -1);
	assert_int_equal(deflate_make_open(junk, sizeof(junk), sizeof(junk)), 0);
	/* a truncated stream: no final block found */
	memset(junk, 0, sizeof(junk));
	junk[0] = 0x00; /* non-final stored block, LEN 0 NLEN 0: invalid */
	assert_int_equal(deflate_final_block(junk, 5, &h, &e), -1);
}

static void test_cap_too_small(void **state)
{
	unsigned char d[200], z[300];
	struct libdeflate_compressor *c = libdeflate_alloc_compressor(6);
	size_t n;
	(void)state;
	memset(d, 'a', sizeof(d));
	n = libdeflate_deflate_compress(c, d, sizeof(d), z, sizeof(z));
	assert_true(n > 0);
	assert_int_equal(deflate_make_open(z, n, n), 0); /* no room for the stored block */
	assert_true(deflate_make_open(z, n, sizeof(z)) > n);
	libdeflate_free_compressor(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_join_kinds_and_levels),
		cmocka_unit_test(test_malformed_refused),
		cmocka_unit_test(test_cap_too_small),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
