/*
 * test_secrets_prefilter.c - the literal prefilter of the secret scanner
 * (need= in the rules file) changes nothing but speed: over generated
 * inputs with planted secrets, near misses, CRLF, long lines, non-ASCII
 * bytes and literals straddling read blocks, prefiltered and unfiltered
 * scans give the same hits (line, rule), in order, and the same redacted
 * copy; need= is validated when the rules are loaded.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "unit.h"
#include "base/error.h"
#include "evidence/secrets.h"
#include "secrets_fixture.h"



/* Append text to buf (grown as needed), each ASCII letter of a caseless
 * keyword flipped at random when flip. */
struct gen {
	char *buf;
	size_t len, cap;
};
static void add(struct gen *g, const char *s, size_t n, int flip)
{
	size_t i;
	if (g->len + n + 1 > g->cap) {
		g->cap = (g->len + n + 1) * 2;
		g->buf = realloc(g->buf, g->cap);
		assert_non_null(g->buf);
	}
	for (i = 0; i < n; i++) {
		char c = s[i];
		if (flip && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) && below(2))
			c ^= 0x20;
		g->buf[g->len++] = c;
	}
	g->buf[g->len] = '\0';
}
static void adds(struct gen *g, const char *s, int flip)
{
	add(g, s, strlen(s), flip);
}

static const char *const planted[] = {
	"AKIAIOSFODNN7QWERTYU", "ASIAZZZZ1234567890AB", "AROA0123456789ABCDEF",
	"aws_secret_access_key = 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",
	"\"SecretAccessKey\": \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYQWERTYUKEY\"",
	"-----BEGIN RSA PRIVATE KEY-----", "-----END RSA PRIVATE KEY-----",
	"-----BEGIN OPENSSH PRIVATE KEY-----", "-----END OPENSSH PRIVATE KEY-----",
	"-----BEGIN PRIVATE KEY-----abc-----END PRIVATE KEY-----",
	"postgres://admin:pa55word@db.internal:5432/x", "redis://u:s3cr3t!@cache",
	"export DB_PASSWORD='s3cret!x'", "MYSQL_PWD=hunter22", "app.secret=abcd1234",
	" -e ADMIN_PASSWD=zzzz9999", ";password=Tr0ub4dor", "\"password\": \"correct horse\"",
	"db_password: 'letmein1'",
};
static const char *const near_miss[] = {
	"AKIAIOSFODNN7QWERTY", "xAKIAIOSFODNN7QWERTYU", "akiaiosfodnn7example",
	"AKIA", "ASIA", "health check passed", "bypass", "pwd", "secret", "PRIVATE",
	"-----BEGIN CERTIFICATE-----", "-----BEGIN PUBLIC KEY-----", "https://example.com/",
	"://", "user@host", "PASSWORD=${DB_PASSWORD}", "PASSWORD=$VAR", "\"password\": \"****\"",
	"password:", "secret_access_key=short", "passw", "PASSW0RD", "S E C R E T",
};
static const char *const filler[] = {
	"2026-01-15T00:46:39.166Z INFO  health check target=web-1 latency_ms=27",
	"{\"id\": 17, \"name\": \"ledger\", \"ok\": true}", "x", "", " \t ", "a=b c=d",
	"caf\xc3\xa9 na\xc3\xafve \xe2\x82\xac", "\xff\xfe\x80 bytes \x00 nul", "; ; ;",
};

/* One generated input of about size bytes. */
static void generate(struct gen *g, size_t size)
{
	g->len = 0;
	adds(g, "", 0);
	while (g->len < size) {
		size_t k = below(100), parts = 1 + below(4), i;
		for (i = 0; i < parts; i++) {
			size_t w = below(10);
			if (i)
				adds(g, below(3) ? " " : (below(2) ? ";" : "\t"), 0);
			if (w < 2)
				adds(g, planted[below(sizeof(planted) / sizeof(*planted))], 1);
			else if (w < 5)
				adds(g, near_miss[below(sizeof(near_miss) / sizeof(*near_miss))], 1);
			else
				adds(g, filler[below(sizeof(filler) / sizeof(*filler))], 0);
		}
		if (k == 0) { /* a long line: a secret may sit anywhere in it */
			size_t n = 1000 + below(100000);
			while (n--)
				add(g, (const char *)"abcdef:/@ASPs=" + below(14), 1, 0);
			adds(g, planted[below(sizeof(planted) / sizeof(*planted))], 0);
		}
		adds(g, below(4) ? "\n" : "\r\n", 0);
	}
}

static int memfile(const char *text, size_t len)
{
	int fd = memfd_create("t", 0);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	return fd;
}

/* Scan text with the prefilter on or off; the redacted copy in *copy. */
static void scan(const char *text, size_t len, int no_prefilter, struct secret_scan *res,
		 char **copy)
{
	int in = memfile(text, len), out = memfd_create("o", 0);
	rules.no_prefilter = no_prefilter;
	assert_int_equal(secrets_scan_fd(&rules, in, out, "t", res), 0);
	rules.no_prefilter = 0;
	*copy = malloc(res->out_size + 1);
	assert_int_equal(pread(out, *copy, res->out_size, 0), (ssize_t)res->out_size);
	close(out);
	close(in);
}

/* Hits only, no redacted copy (the inventory's way: clean lines are
 * stepped over without a per-line call). */
static void scan_hits(const char *text, size_t len, struct secret_scan *res)
{
	int in = memfile(text, len);
	assert_int_equal(secrets_scan_fd(&rules, in, -1, "t", res), 0);
	close(in);
}

static void same_hits(const struct secret_scan *a, const struct secret_scan *b)
{
	size_t i;
	assert_int_equal(a->nr_hits, b->nr_hits);
	for (i = 0; i < a->nr_hits; i++) {
		assert_int_equal(a->hits[i].line, b->hits[i].line);
		assert_string_equal(a->hits[i].rule, b->hits[i].rule);
	}
}

static void compare(const char *text, size_t len)
{
	struct secret_scan a, b, c;
	char *ca, *cb;
	scan(text, len, 0, &a, &ca);
	scan(text, len, 1, &b, &cb);
	scan_hits(text, len, &c);
	same_hits(&a, &b);
	same_hits(&c, &b);
	secret_scan_free(&c);
	assert_string_equal(a.sha256, b.sha256);
	assert_int_equal(a.out_size, b.out_size);
	assert_memory_equal(ca, cb, a.out_size);
	assert_string_equal(a.out_sha256, b.out_sha256);
	free(ca);
	free(cb);
	secret_scan_free(&a);
	secret_scan_free(&b);
}

/* Every shipped rule has need= (else the prefilter would not be tested). */
static void test_shipped_rules_have_literals(void **state)
{
	FILE *f = fopen("questionnaires/secret-patterns.txt", "r");
	char line[1024];
	int value = 0, with = 0;
	(void)state;
	assert_non_null(f);
	while (fgets(line, sizeof(line), f)) {
		if (line[0] == '#' || line[0] == '\n' || strstr(line, " end ") ||
		    strstr(line, " allow ") || strstr(line, " pair-value "))
			continue;
		value++;
		with += strstr(line, " need=") != NULL;
	}
	fclose(f);
	assert_true(value >= 6);
	assert_int_equal(with, value);
}

static void test_randomized_same_hits(void **state)
{
	struct gen g = { NULL, 0, 0 };
	size_t total_hits = 0;
	int i;
	(void)state;
	rng_state = 0x9e3779b97f4a7c15ull;
	for (i = 0; i < 40; i++) {
		struct secret_scan res;
		char *copy;
		generate(&g, 1 + below(i % 10 == 0 ? 150000 : 15000));
		compare(g.buf, g.len);
		scan(g.buf, g.len, 0, &res, &copy);
		total_hits += res.nr_hits;
		free(copy);
		secret_scan_free(&res);
	}
	assert_true(total_hits > 100); /* the inputs did plant secrets */
	free(g.buf);
}

/* A literal split by a read block or a segment boundary of an endless line. */
static void test_boundaries(void **state)
{
	size_t n = 2 * SECRETS_MAX_SEGMENT + 200, at;
	char *text = malloc(n + 1);
	(void)state;
	for (at = 64 * 1024 - 3; at <= 64 * 1024 + 1; at += 2) {
		memset(text, ',', n);
		memcpy(text + at, "AKIAIOSFODNN7QWERTYU", 20);
		text[at + 40] = '\n';
		/* line 2 starts at at + 41; its first segment ends 1 MiB later */
		memcpy(text + at + 41 + SECRETS_MAX_SEGMENT - 12 + (at % 4) * 3, " PASSWORD=abcdefgh", 18);
		compare(text, n);
	}
	free(text);
}

static void test_need_errors(void **state)
{
	struct secret_rules r;
	char path[] = "/tmp/ftrkit-need-XXXXXX";
	static const char *const bad[] = {
		"x value need=ZZZ (?:AKIA)[0-9]+\n",     /* not in the regex */
		"x value need=akia (AKIA)[0-9]+\n",      /* case differs, regex case-sensitive */
		"x value need=A||B (A|B)\n",             /* empty literal */
		"x value need= (A)\n",                   /* empty field */
		"x begin a\nx end need=b b\n",           /* need= on an end rule */
		"x value need=AKIA\n",                   /* no regex left */
	};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		int fd = mkstemp(path);
		assert_true(fd >= 0);
		assert_int_equal(write(fd, bad[i], strlen(bad[i])), (ssize_t)strlen(bad[i]));
		close(fd);
		memset(&r, 0, sizeof(r));
		assert_int_equal(secret_rules_load(path, &r), -1);
		secret_rules_free(&r);
		unlink(path);
		memcpy(path + sizeof(path) - 7, "XXXXXX", 6);
	}
	{ /* caseless regex: the literal may be written in any case */
		const char *ok = "x value need=PassWord|SECRET (?i)(?:password|secret)=(\\w+)\n";
		int fd = mkstemp(path);
		struct secret_scan res;
		int in;
		assert_true(fd >= 0);
		assert_int_equal(write(fd, ok, strlen(ok)), (ssize_t)strlen(ok));
		close(fd);
		memset(&r, 0, sizeof(r));
		assert_int_equal(secret_rules_load(path, &r), 0);
		unlink(path);
		in = memfile("a\nSeCrEt=abc\nno\npassword=x\n", 27);
		assert_int_equal(secrets_scan_fd(&r, in, -1, "t", &res), 0);
		close(in);
		assert_int_equal(res.nr_hits, 2);
		assert_int_equal(res.hits[0].line, 2);
		assert_int_equal(res.hits[1].line, 4);
		secret_scan_free(&res);
		secret_rules_free(&r);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_rules_have_literals),
		cmocka_unit_test(test_randomized_same_hits),
		cmocka_unit_test(test_boundaries),
		cmocka_unit_test(test_need_errors),
	};
	error_quiet = 1;
	return cmocka_run_group_tests_name("secrets_prefilter", tests, setup, teardown);
}
