/*
 * test_secrets_stream.c - the streaming secret scan finds exactly what
 * secrets_scan_fd finds, and writes the same redacted copy, however the
 * bytes are split into feeds: one byte at a time, odd sizes, sizes around
 * the 64 KiB block, random splits, a split at every offset of a short
 * input; lines across feeds, CRLF, a secret on a last line without a line
 * break, endless lines cut into SECRETS_MAX_SEGMENT pieces, and a stream
 * reused for the next file.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "unit.h"
#include "base/error.h"
#include "base/hash.h"
#include "evidence/secrets.h"
#include "secrets_fixture.h"



/* One scan's outcome: hits, the redacted copy and its digest. */
struct outcome {
	struct secret_scan res;
	char *copy; /* out_size bytes */
};

static void outcome_free(struct outcome *o)
{
	secret_scan_free(&o->res);
	free(o->copy);
}

static char *read_back(int fd, uint64_t size)
{
	char *copy = malloc(size + 1);
	assert_non_null(copy);
	assert_int_equal(pread(fd, copy, size, 0), (ssize_t)size);
	return copy;
}

/* The reference: secrets_scan_fd over a memory file holding text. */
static void scan_fd(const char *text, size_t len, struct outcome *o)
{
	int in = memfd_create("in", 0), out = memfd_create("out", 0);
	char hex[65];
	assert_true(in >= 0 && out >= 0);
	assert_int_equal(write(in, text, len), (ssize_t)len);
	assert_int_equal(lseek(in, 0, SEEK_SET), 0);
	assert_int_equal(secrets_scan_fd(&rules, in, out, "t", &o->res), 0);
	sha256_hex(text, len, hex);
	assert_string_equal(o->res.sha256, hex);
	o->copy = read_back(out, o->res.out_size);
	close(in);
	close(out);
}

/* The same text fed to st in pieces of the sizes split() returns. */
static void scan_stream(struct secret_stream *st, const char *text, size_t len,
			size_t (*split)(size_t done, size_t arg), size_t arg, struct outcome *o)
{
	int out = memfd_create("out", 0);
	size_t done = 0;
	assert_true(out >= 0);
	secret_stream_begin(st, out, "t", &o->res);
	while (done < len) {
		size_t n = split(done, arg);
		if (n > len - done)
			n = len - done;
		assert_int_equal(secret_stream_feed(st, text + done, n), 0);
		done += n;
	}
	assert_int_equal(secret_stream_end(st), 0);
	assert_int_equal(o->res.size, len);
	o->copy = read_back(out, o->res.out_size);
	close(out);
}

static void assert_same(const struct outcome *a, const struct outcome *b)
{
	size_t i;
	assert_int_equal(a->res.nr_hits, b->res.nr_hits);
	for (i = 0; i < a->res.nr_hits; i++) {
		assert_int_equal(a->res.hits[i].line, b->res.hits[i].line);
		assert_string_equal(a->res.hits[i].rule, b->res.hits[i].rule);
	}
	assert_int_equal(a->res.out_size, b->res.out_size);
	assert_memory_equal(a->copy, b->copy, a->res.out_size);
	assert_string_equal(a->res.out_sha256, b->res.out_sha256);
}

static size_t fixed(size_t done, size_t arg)
{
	(void)done;
	return arg;
}

static size_t random_split(size_t done, size_t arg)
{
	(void)done;
	(void)arg;
	switch (below(4)) {
	case 0: return 1 + below(16);
	case 1: return 1 + below(4096);
	case 2: return 60000 + below(10000);
	default: return 1 + below(300000);
	}
}

/* Split once at arg, then feed the rest whole. */
static size_t cut_at(size_t done, size_t arg)
{
	return done < arg ? arg - done : (size_t)-1;
}

/* secrets_scan_fd's result, and the same from the stream for every split. */
static void check_all_splits(struct secret_stream *st, const char *text, size_t len,
			     size_t *total_hits)
{
	static const size_t sizes[] = { 2, 3, 7, 100, 4095, 4096, 65535, 65536, 65537,
					262144, 1000003, (size_t)-1 };
	struct outcome ref, got;
	size_t i;

	scan_fd(text, len, &ref);
	if (total_hits)
		*total_hits += ref.res.nr_hits;
	if (len < 200000) {
		scan_stream(st, text, len, fixed, 1, &got);
		assert_same(&ref, &got);
		outcome_free(&got);
	}
	for (i = 0; i < sizeof(sizes) / sizeof(*sizes); i++) {
		scan_stream(st, text, len, fixed, sizes[i], &got);
		assert_same(&ref, &got);
		outcome_free(&got);
	}
	for (i = 0; i < 3; i++) {
		scan_stream(st, text, len, random_split, 0, &got);
		assert_same(&ref, &got);
		outcome_free(&got);
	}
	outcome_free(&ref);
}

struct gen {
	char *buf;
	size_t len, cap;
};

static void add(struct gen *g, const char *s, size_t n)
{
	if (g->len + n + 1 > g->cap) {
		g->cap = (g->len + n + 1) * 2;
		g->buf = realloc(g->buf, g->cap);
		assert_non_null(g->buf);
	}
	memcpy(g->buf + g->len, s, n);
	g->len += n;
	g->buf[g->len] = '\0';
}

static void adds(struct gen *g, const char *s)
{
	add(g, s, strlen(s));
}

static const char *const planted[] = {
	"AKIAIOSFODNN7QWERTYU", "aws_secret_access_key = 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",
	"-----BEGIN RSA PRIVATE KEY-----", "-----END RSA PRIVATE KEY-----",
	"-----BEGIN PRIVATE KEY-----abc-----END PRIVATE KEY-----",
	"postgres://admin:pa55word@db.internal:5432/x", "export DB_PASSWORD='s3cret!x'",
	"\"password\": \"correct horse\"", "db_password: 'letmein1'",
};
static const char *const filler[] = {
	"2026-01-15T00:46:39.166Z INFO  health check target=web-1 latency_ms=27",
	"{\"id\": 17, \"ok\": true}", "x", "", "PASSWORD=${DB_PASSWORD}", "akia lower",
	"\xff\xfe\x80 bytes", "-----BEGIN CERTIFICATE-----",
};

/* About size bytes of lines ending in LF, CRLF or a lone CR, with planted
 * secrets, some long lines, and maybe a last line without a break. */
static void generate(struct gen *g, size_t size, int endless)
{
	g->len = 0;
	adds(g, "");
	while (g->len < size) {
		size_t parts = 1 + below(3), i;
		for (i = 0; i < parts; i++) {
			if (i)
				adds(g, " ");
			if (below(4) == 0)
				adds(g, planted[below(sizeof(planted) / sizeof(*planted))]);
			else
				adds(g, filler[below(sizeof(filler) / sizeof(*filler))]);
		}
		if (endless && below(30) == 0) { /* near or past a segment */
			size_t n = SECRETS_MAX_SEGMENT - 40 + below(200000), j;
			for (j = 0; j < n; j++)
				add(g, "abc:/@=" + below(7), 1);
			adds(g, planted[below(sizeof(planted) / sizeof(*planted))]);
		}
		switch (below(6)) {
		case 0: adds(g, "\r\n"); break;
		case 1: adds(g, "\r"); break;
		default: adds(g, "\n"); break;
		}
	}
	if (below(2))
		adds(g, planted[0]); /* a secret on a last line without a break */
}

static void test_randomized_splits(void **state)
{
	struct secret_stream *st = secret_stream_new(&rules);
	struct gen g = { NULL, 0, 0 };
	size_t total_hits = 0;
	int i;
	(void)state;
	rng_state = 0x2545f4914f6cdd1dull;
	for (i = 0; i < 24; i++) {
		generate(&g, 1 + below(i % 6 == 0 ? 300000 : 20000), 0);
		check_all_splits(st, g.buf, g.len, &total_hits);
	}
	for (i = 0; i < 3; i++) { /* endless lines: segment cuts must agree */
		generate(&g, 2 * SECRETS_MAX_SEGMENT + below(300000), 1);
		check_all_splits(st, g.buf, g.len, &total_hits);
	}
	assert_true(total_hits > 100); /* the inputs did plant secrets */
	free(g.buf);
	secret_stream_free(st);
}

/* A short input split at every offset: every line and secret across feeds. */
static void test_split_everywhere(void **state)
{
	static const char text[] =
		"region=eu-west-1\r\nAWS_ACCESS_KEY_ID=AKIAQWERTYUIOPASDFGH\n"
		"notes\n-----BEGIN OPENSSH PRIVATE KEY-----\r\nb3BlbnNzaC1rZXk\n"
		"-----END OPENSSH PRIVATE KEY-----\ntrailer\r\nurl=postgres://app:s3cr3t@db:5432/x";
	struct secret_stream *st = secret_stream_new(&rules);
	struct outcome ref, got;
	size_t len = sizeof(text) - 1, k;
	(void)state;
	scan_fd(text, len, &ref);
	assert_int_equal(ref.res.nr_hits, 5);
	assert_int_equal(ref.res.hits[0].line, 2);
	assert_string_equal(ref.res.hits[0].rule, "aws-access-key");
	assert_int_equal(ref.res.hits[1].line, 4); /* the block: lines 4 to 6 */
	assert_int_equal(ref.res.hits[3].line, 6);
	assert_string_equal(ref.res.hits[3].rule, "private-key");
	assert_int_equal(ref.res.hits[4].line, 8); /* last line, no break */
	assert_string_equal(ref.res.hits[4].rule, "connection-password");
	assert_non_null(strstr(ref.copy, "trailer\r\nurl=postgres://app:[REDACTED:connection-password]@db"));
	for (k = 0; k <= len; k++) {
		scan_stream(st, text, len, cut_at, k, &got);
		assert_same(&ref, &got);
		outcome_free(&got);
	}
	outcome_free(&ref);
	secret_stream_free(st);
}

/* Empty input, a lone break, a CR at a feed's end, and a stream reused
 * after a file it was not fed to the end (begun again). */
static void test_edges_and_reuse(void **state)
{
	static const char *const texts[] = {
		"", "\n", "\r\n", "\r", "AKIAIOSFODNN7QWERTYU", "AKIAIOSFODNN7QWERTYU\r",
		"x\r\nAKIAIOSFODNN7QWERTYU\r\n", "-----BEGIN PRIVATE KEY-----\nabc",
	};
	struct secret_stream *st = secret_stream_new(&rules);
	struct secret_scan abandoned;
	size_t i;
	(void)state;
	secret_stream_begin(st, -1, "t", &abandoned);
	assert_int_equal(secret_stream_feed(st, "-----BEGIN PRIVATE KEY-----\n", 28), 0);
	/* never ended: the next begin starts afresh (no block left open) */
	for (i = 0; i < sizeof(texts) / sizeof(*texts); i++)
		check_all_splits(st, texts[i], strlen(texts[i]), NULL);
	secret_scan_free(&abandoned);
	secret_stream_free(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split_everywhere),
		cmocka_unit_test(test_edges_and_reuse),
		cmocka_unit_test(test_randomized_splits),
	};
	error_quiet = 1;
	return cmocka_run_group_tests_name("secrets_stream", tests, setup, teardown);
}
