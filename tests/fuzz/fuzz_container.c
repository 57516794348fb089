/*
 * fuzz_container.c - the secret scan through containers (gzip, UTF-16,
 * zip parts and zips inside zips) on any bytes, through both entry points:
 * the whole-file scan and the streaming front fed in uneven pieces.  Never
 * a crash, leak or hang; hits in line order within each part; a streamed
 * plain or decoded file finds what the whole-file scan finds.
 */
#include "fuzz.h"
#include "fuzz_memfd.h"
#include "evidence/container.h"

static void check_order(const struct secret_scan *res)
{
	size_t i;
	for (i = 1; i < res->nr_hits; i++)
		if (res->hits[i].part == res->hits[i - 1].part &&
		    res->hits[i].line < res->hits[i - 1].line)
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct secret_rules rules;
	static struct decode_stream *ds;
	struct secret_scan whole, streamed;
	int in, rc_whole, rc_stream;
	size_t off = 0, step = 1;

	fuzz_setup();
	if (!ds) {
		if (secret_rules_load("questionnaires/secret-patterns.txt", &rules) < 0)
			abort();
		ds = decode_stream_new(&rules, 1);
	}
	in = fuzz_memfd(data, size);
	if (in < 0)
		return 0;
	rc_whole = secrets_scan_container_fd(&rules, in, -1, "evidence/x.bin", &whole);
	close(in);
	if (rc_whole == 0)
		check_order(&whole);

	decode_stream_begin(ds, -1, "evidence/x.bin", &streamed);
	while (off < size) {
		size_t n = size - off < step ? size - off : step;
		if (decode_stream_feed(ds, data + off, n) < 0)
			break;
		off += n;
		step = step * 3 + 1;
	}
	rc_stream = decode_stream_end(ds);
	if (rc_stream == 0) {
		check_order(&streamed);
		if (rc_whole != 0 || streamed.nr_hits != whole.nr_hits)
			abort();
		secret_scan_free(&streamed);
	}
	if (rc_stream == 1 && size >= 4 && memcmp(data, "PK", 2) != 0)
		abort(); /* only a zip is left to the whole-file scan */
	if (rc_whole == 0)
		secret_scan_free(&whole);
	return 0;
}
