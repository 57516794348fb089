/*
 * inventory_scan.c - the secret scan as a block consumer of the inventory.
 */
#include <stdlib.h>

#include "evidence/inventory_scan.h"
#include "evidence/container.h"
#include "base/error.h"
#include "base/banned.h"

/* One hashing thread's scanner and the result of the file it is on.  The
 * stream decodes gzip and UTF-16 on the way; a zip archive is left
 * unscanned here (its parts need its directory) and scanned again whole. */
struct scan_worker {
	struct decode_stream *stream;
	struct secret_scan *res;
};

static void *scan_worker_new(void *rules)
{
	struct scan_worker *w = xcalloc(1, sizeof(*w));
	w->stream = decode_stream_new(rules, 1);
	return w;
}

static void scan_worker_free(void *worker)
{
	struct scan_worker *w = worker;
	decode_stream_free(w->stream);
	free(w);
}

static void scan_begin(void *worker, const char *relpath)
{
	struct scan_worker *w = worker;
	w->res = xcalloc(1, sizeof(*w->res));
	decode_stream_begin(w->stream, -1, relpath, w->res);
}

/* A failed feed is kept in the stream and seen at its end. */
static void scan_feed(void *worker, const unsigned char *data, size_t n)
{
	struct scan_worker *w = worker;
	(void)decode_stream_feed(w->stream, data, n);
}

static void *scan_end(void *worker)
{
	struct scan_worker *w = worker;
	struct secret_scan *res = w->res;

	w->res = NULL;
	if (decode_stream_end(w->stream) == 0)
		return res;
	free(res); /* a zip, or failed: decode_stream_end freed its hits */
	return NULL;
}

static void scan_result_free(void *result)
{
	secret_scan_free(result);
	free(result);
}

struct block_consumer inventory_scan_consumer(const struct secret_rules *rules)
{
	struct block_consumer c = {
		.ctx = (void *)rules,
		.worker_new = scan_worker_new,
		.worker_free = scan_worker_free,
		.begin = scan_begin,
		.feed = scan_feed,
		.end = scan_end,
		.free_result = scan_result_free,
	};
	return c;
}

const struct secret_scan *inventory_scan_of(const struct evidence_file *f)
{
	return f->consumed;
}
