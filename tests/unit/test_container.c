/*
 * test_container.c - the secret scan through containers (container.h) and
 * the rule kinds that keep it quiet (allow, entropy=, pair-name/value):
 * gzip members, UTF-16 in both byte orders with surrogates, zip parts and
 * a zip inside a zip, limits, and results that do not depend on how the
 * bytes are fed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <zip.h>
#include <zlib.h>

#include "unit.h"
#include "base/error.h"
#include "base/hash.h"
#include "evidence/container.h"
#include "secrets_fixture.h"

/* Assembled at run time so that no source line looks like a live key. */
#define KEY_HEAD "AKI" "A"
#define KEY KEY_HEAD "QWERTYUIOPASDFG2"

struct bytes {
	unsigned char *p;
	size_t n;
};

static int memfile(const void *data, size_t len)
{
	int fd = memfd_create("t", 0);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, len), (ssize_t)len);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	return fd;
}

/* One gzip member of text. */
static struct bytes gzip_of(const char *text)
{
	struct bytes b;
	z_stream z;
	size_t n = strlen(text);
	memset(&z, 0, sizeof(z));
	assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY),
			 Z_OK);
	b.p = malloc(n + 256);
	z.next_in = (Bytef *)text;
	z.avail_in = (uInt)n;
	z.next_out = b.p;
	z.avail_out = (uInt)(n + 256);
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	b.n = z.total_out;
	deflateEnd(&z);
	return b;
}

/* text as UTF-16 with a BOM (ASCII and one surrogate pair "\x01" marker). */
static struct bytes utf16_of(const char *text, int big)
{
	struct bytes b;
	size_t i, o = 0;
	b.p = malloc(4 * strlen(text) + 2);
	b.p[o++] = big ? 0xfe : 0xff;
	b.p[o++] = big ? 0xff : 0xfe;
	for (i = 0; text[i]; i++) {
		unsigned units[2] = { (unsigned char)text[i], 0 }, k, nu = 1;
		if (text[i] == '\x01') { /* U+1F511 KEY, a surrogate pair */
			units[0] = 0xd83d;
			units[1] = 0xdd11;
			nu = 2;
		}
		for (k = 0; k < nu; k++) {
			b.p[o++] = (unsigned char)(big ? units[k] >> 8 : units[k] & 0xff);
			b.p[o++] = (unsigned char)(big ? units[k] & 0xff : units[k] >> 8);
		}
	}
	b.n = o;
	return b;
}

/* A zip of nr parts (name, data, len); the bytes, caller frees. */
static struct bytes zip_of(size_t nr, const char *const *names, const struct bytes *data)
{
	char path[] = "/tmp/ftrkit-test-zip-XXXXXX";
	int fd = mkstemp(path), err;
	zip_t *z;
	struct bytes b;
	size_t i;
	FILE *f;

	assert_true(fd >= 0);
	close(fd);
	z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	assert_non_null(z);
	for (i = 0; i < nr; i++) {
		zip_source_t *src = zip_source_buffer(z, data[i].p, data[i].n, 0);
		assert_non_null(src);
		assert_true(zip_file_add(z, names[i], src, ZIP_FL_OVERWRITE) >= 0);
	}
	assert_int_equal(zip_close(z), 0);
	f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	b.n = (size_t)ftell(f);
	fseek(f, 0, SEEK_SET);
	b.p = malloc(b.n);
	assert_int_equal(fread(b.p, 1, b.n, f), b.n);
	fclose(f);
	unlink(path);
	return b;
}

static struct bytes text_bytes(const char *text)
{
	struct bytes b = { (unsigned char *)strdup(text), strlen(text) };
	return b;
}

/* Scan bytes with secrets_scan_container_fd: 0 or -1; res checked for the
 * file's own size and hash. */
static int scan(const struct bytes *b, struct secret_scan *res)
{
	int fd = memfile(b->p, b->n), rc;
	char hex[65];
	rc = secrets_scan_container_fd(&rules, fd, -1, "t", res);
	close(fd);
	if (rc == 0) {
		sha256_hex(b->p, b->n, hex);
		assert_string_equal(res->sha256, hex);
		assert_int_equal(res->size, b->n);
	}
	return rc;
}

static void test_gzip_members(void **state)
{
	struct bytes a = gzip_of("one\ntwo\n"), c = gzip_of("three\nkey " KEY "\n"), both;
	struct secret_scan res;
	(void)state;
	both.n = a.n + c.n;
	both.p = malloc(both.n);
	memcpy(both.p, a.p, a.n);
	memcpy(both.p + a.n, c.p, c.n);
	assert_int_equal(scan(&both, &res), 0);
	assert_int_equal(res.nr_hits, 1);
	assert_int_equal(res.hits[0].line, 4); /* lines run on across members */
	assert_string_equal(res.hits[0].rule, "aws-access-key");
	assert_null(res.hits[0].part);
	assert_string_equal(res.unredactable, "a gzip stream");
	secret_scan_free(&res);
	/* cut short: cannot be judged */
	both.n = a.n + c.n / 2;
	assert_int_equal(scan(&both, &res), -1);
	free(a.p);
	free(c.p);
	free(both.p);
}

static void test_utf16_both_orders(void **state)
{
	int big;
	(void)state;
	for (big = 0; big < 2; big++) {
		struct bytes b = utf16_of("hello \x01\r\nDB_PASSWORD=Xk9mPq2vLw\r\n\x01 " KEY "\n", big);
		struct secret_scan res;
		assert_int_equal(scan(&b, &res), 0);
		assert_int_equal(res.nr_hits, 2);
		assert_int_equal(res.hits[0].line, 2);
		assert_string_equal(res.hits[0].rule, "password-setting");
		assert_int_equal(res.hits[1].line, 3);
		assert_string_equal(res.hits[1].rule, "aws-access-key");
		assert_string_equal(res.unredactable, "UTF-16 text");
		secret_scan_free(&res);
		free(b.p);
	}
}

static void test_zip_parts_and_nesting(void **state)
{
	const char *inner_names[] = { "logs/app.log.gz", "notes.txt" };
	const char *outer_names[] = { "xl/sharedStrings.xml", "dir/", "inner.zip" };
	struct bytes inner_parts[2], inner, outer_parts[3], outer;
	struct secret_scan res;
	(void)state;
	inner_parts[0] = gzip_of("a\nb\nc " KEY "\n");
	inner_parts[1] = text_bytes("nothing here\n");
	inner = zip_of(2, inner_names, inner_parts);
	outer_parts[0] = text_bytes("<sst>\n<si><t>x</t></si>\n<si><t>" KEY "</t></si>\n</sst>\n");
	outer_parts[1] = text_bytes("");
	outer_parts[2] = inner;
	outer = zip_of(3, outer_names, outer_parts);
	assert_int_equal(scan(&outer, &res), 0);
	assert_int_equal(res.nr_hits, 2);
	assert_string_equal(res.hits[0].part, "xl/sharedStrings.xml");
	assert_int_equal(res.hits[0].line, 3);
	assert_string_equal(res.hits[1].part, "inner.zip!logs/app.log.gz");
	assert_int_equal(res.hits[1].line, 3);
	assert_string_equal(res.unredactable, "a zip archive");
	secret_scan_free(&res);
	free(outer.p);
	free(inner.p);
	free(inner_parts[0].p);
	free(inner_parts[1].p);
	free(outer_parts[0].p);
	free(outer_parts[1].p);
}

static void test_zip_limits(void **state)
{
	const char *names[] = { "zeros.txt" };
	struct bytes part, z, broken;
	struct secret_scan res;
	(void)state;
	part.n = 8 << 20; /* 8 MiB of one byte: far over 200:1 */
	part.p = malloc(part.n);
	memset(part.p, 'a', part.n);
	z = zip_of(1, names, &part);
	assert_int_equal(scan(&z, &res), -1);
	/* a zip that is only its first bytes */
	broken.p = z.p;
	broken.n = 30;
	assert_int_equal(scan(&broken, &res), -1);
	free(part.p);
	free(z.p);
}

/* Fed in one piece or byte by byte, the streaming front finds the same. */
static void test_feed_splits(void **state)
{
	struct bytes inputs[3];
	size_t k;
	(void)state;
	inputs[0] = gzip_of("x\ny " KEY "\n");
	inputs[1] = utf16_of("x\ny " KEY "\n", 1);
	inputs[2] = text_bytes("x\ny " KEY);
	for (k = 0; k < 3; k++) {
		struct decode_stream *ds = decode_stream_new(&rules, 1);
		struct secret_scan whole, bytewise;
		size_t i;
		decode_stream_begin(ds, -1, "t", &whole);
		assert_int_equal(decode_stream_feed(ds, inputs[k].p, inputs[k].n), 0);
		assert_int_equal(decode_stream_end(ds), 0);
		decode_stream_begin(ds, -1, "t", &bytewise);
		for (i = 0; i < inputs[k].n; i++)
			assert_int_equal(decode_stream_feed(ds, inputs[k].p + i, 1), 0);
		assert_int_equal(decode_stream_end(ds), 0);
		assert_int_equal(whole.nr_hits, 1);
		assert_int_equal(bytewise.nr_hits, 1);
		assert_int_equal(whole.hits[0].line, 2);
		assert_int_equal(bytewise.hits[0].line, 2);
		assert_int_equal(whole.size, inputs[k].n);
		secret_scan_free(&whole);
		secret_scan_free(&bytewise);
		decode_stream_free(ds);
		free(inputs[k].p);
	}
}

/* A plain file still gets its redacted copy through the container front. */
static void test_plain_redacted(void **state)
{
	const char *text = "a\nid=" KEY "\n";
	int in = memfile(text, strlen(text)), out = memfd_create("o", 0);
	struct secret_scan res;
	char copy[64] = "";
	(void)state;
	assert_int_equal(secrets_scan_container_fd(&rules, in, out, "t", &res), 0);
	assert_null(res.unredactable);
	assert_int_equal(pread(out, copy, sizeof(copy) - 1, 0), (ssize_t)res.out_size);
	assert_string_equal(copy, "a\nid=[REDACTED:aws-access-key]\n");
	secret_scan_free(&res);
	close(in);
	close(out);
}

/* The allowlist, entropy= and name/value pairs, on the shipped rules. */
static void test_quiet_rules(void **state)
{
	struct bytes clean = text_bytes(
		"key=" KEY_HEAD "IOSFODNN7EXAMPLE\npassword=changeme\nDB_PASSWORD=${DB_PASSWORD}\n"
		"TOKEN_TTL=3600\nclient_secret: aaaaaaaa\n{\"name\": \"DB_PASSWORD\", \"valueFrom\": "
		"\"arn:aws:ssm:eu-west-1:1:parameter/x\"}\n{\"name\": \"HOST\", \"value\": \"db.internal\"}\n");
	struct bytes two = text_bytes("  - name: DB_PASSWORD\n    value: zQ8vK2mN4p\n"
				      "  - name: HOST\n    value: qW3eR5tY7u\n");
	struct secret_scan res;
	(void)state;
	assert_int_equal(scan(&clean, &res), 0);
	assert_int_equal(res.nr_hits, 0);
	secret_scan_free(&res);
	assert_int_equal(scan(&two, &res), 0);
	assert_int_equal(res.nr_hits, 1);
	assert_int_equal(res.hits[0].line, 2);
	assert_string_equal(res.hits[0].rule, "name-value-secret");
	secret_scan_free(&res);
	free(clean.p);
	free(two.p);
}

static void test_rule_option_errors(void **state)
{
	static const char *bad[] = {
		"x value entropy=9 (a)\n",
		"x value entropy=abc (a)\n",
		"x value for=y (a)\n",
		"x allow need=a a\n",
		"x begin entropy=1 a\n",
		"x pair-name need=n n\n",
		"x pair-value v\nx pair-name n\n",
	};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char path[] = "/tmp/ftrkit-test-rules-XXXXXX";
		int fd = mkstemp(path);
		struct secret_rules r;
		assert_true(fd >= 0);
		assert_int_equal(write(fd, bad[i], strlen(bad[i])), (ssize_t)strlen(bad[i]));
		close(fd);
		memset(&r, 0, sizeof(r));
		assert_int_equal(secret_rules_load(path, &r), -1);
		secret_rules_free(&r);
		unlink(path);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gzip_members),
		cmocka_unit_test(test_utf16_both_orders),
		cmocka_unit_test(test_zip_parts_and_nesting),
		cmocka_unit_test(test_zip_limits),
		cmocka_unit_test(test_feed_splits),
		cmocka_unit_test(test_plain_redacted),
		cmocka_unit_test(test_quiet_rules),
		cmocka_unit_test(test_rule_option_errors),
	};
	error_quiet = 1;
	return cmocka_run_group_tests_name("container", tests, setup, teardown);
}
