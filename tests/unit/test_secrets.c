/*
 * test_secrets.c - the secret scanner: rules, hits with lines, redaction
 * that keeps line structure, hashes of both the original and the copy.
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


static int memfile(const char *text, size_t len)
{
	int fd = memfd_create("t", 0);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	return fd;
}

/* Scan text; the redacted copy (caller frees) in *copy when copy != NULL. */
static void scan(const char *text, struct secret_scan *res, char **copy)
{
	int in = memfile(text, strlen(text)), out = copy ? memfd_create("o", 0) : -1;
	char hex[65];
	assert_int_equal(secrets_scan_fd(&rules, in, out, "t", res), 0);
	sha256_hex(text, strlen(text), hex);
	assert_string_equal(res->sha256, hex);
	assert_int_equal(res->size, strlen(text));
	if (copy) {
		*copy = calloc(1, res->out_size + 1);
		assert_int_equal(pread(out, *copy, res->out_size, 0), (ssize_t)res->out_size);
		sha256_hex(*copy, res->out_size, hex);
		assert_string_equal(res->out_sha256, hex);
		close(out);
	}
	close(in);
}

static void test_clean_text(void **state)
{
	struct secret_scan res;
	(void)state;
	scan("# Runbook\nRotate the database password: see the vault.\n"
	     "PASSWORD=${DB_PASSWORD}\nurl=https://example.com/path\nAKIA lower\n", &res, NULL);
	assert_int_equal(res.nr_hits, 0);
	secret_scan_free(&res);
}

static void test_hits_and_lines(void **state)
{
	struct secret_scan res;
	char *lines;
	(void)state;
	scan("a\nkey=AKIAIOSFODNN7QWERTYU\nb\n  export DB_PASSWORD='s3cret!x'\n"
	     "dsn: mysql://admin:pa55word@db:3306/x\n\"MasterUserPassword\": \"hunter22\"\n", &res, NULL);
	assert_int_equal(res.nr_hits, 4);
	assert_int_equal(res.hits[0].line, 2);
	assert_string_equal(res.hits[0].rule, "aws-access-key");
	assert_int_equal(res.hits[1].line, 4);
	assert_string_equal(res.hits[1].rule, "password-setting");
	assert_int_equal(res.hits[2].line, 5);
	assert_string_equal(res.hits[2].rule, "connection-password");
	assert_int_equal(res.hits[3].line, 6);
	assert_string_equal(res.hits[3].rule, "password-field");
	lines = secret_scan_lines(&res);
	assert_string_equal(lines, "2,4,5,6");
	free(lines);
	secret_scan_free(&res);
}

static void test_redaction(void **state)
{
	struct secret_scan res;
	char *copy;
	(void)state;
	scan("id=AKIAIOSFODNN7QWERTYU and ASIAIOSFODNN7QWERTYV\r\n"
	     "x\n-----BEGIN RSA PRIVATE KEY-----\nMIIEsecretbody\n-----END RSA PRIVATE KEY-----\ny",
	     &res, &copy);
	assert_string_equal(copy,
		"id=[REDACTED:aws-access-key] and [REDACTED:aws-access-key]\r\n"
		"x\n[REDACTED:private-key]\n[REDACTED:private-key]\n[REDACTED:private-key]\ny");
	free(copy);
	secret_scan_free(&res);
}

static void test_one_line_pem(void **state)
{
	struct secret_scan res;
	char *copy;
	(void)state;
	scan("{\"key\": \"-----BEGIN PRIVATE KEY-----\\nABC\\n-----END PRIVATE KEY-----\\n\", \"n\": 1}\n",
	     &res, &copy);
	assert_string_equal(copy, "{\"key\": \"[REDACTED:private-key]\\n\", \"n\": 1}\n");
	free(copy);
	secret_scan_free(&res);
}

static void test_long_line_and_binary(void **state)
{
	size_t n = 3 * SECRETS_MAX_SEGMENT + 100;
	char *text = malloc(n + 1);
	struct secret_scan res;
	size_t i;
	(void)state;
	for (i = 0; i < n; i++)
		text[i] = (char)(i % 7 == 0 ? 0 : 'x');
	memcpy(text + 2 * SECRETS_MAX_SEGMENT + 10, "AKIAIOSFODNN7QWERTYU", 20);
	text[n] = '\0';
	{
		int in = memfile(text, n);
		assert_int_equal(secrets_scan_fd(&rules, in, -1, "t", &res), 0);
		close(in);
	}
	assert_int_equal(res.size, n);
	assert_int_equal(res.nr_hits, 1);
	assert_int_equal(res.hits[0].line, 1);
	secret_scan_free(&res);
	free(text);
}

static void test_rule_errors(void **state)
{
	struct secret_rules r;
	(void)state;
	memset(&r, 0, sizeof(r));
	assert_int_equal(secret_rules_add(&r, "x", "value", "(", "f", 3), -1);
	assert_int_equal(secret_rules_add(&r, "x", "sometimes", "a", "f", 3), -1);
	assert_int_equal(secret_rules_add(&r, "ok", "value", "a(b)", "f", 4), 0);
	assert_int_equal(r.nr, 1);
	secret_rules_free(&r);
	memset(&r, 0, sizeof(r));
	assert_int_equal(secret_rules_load("no/such/file", &r), -1);
	secret_rules_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clean_text),
		cmocka_unit_test(test_hits_and_lines),
		cmocka_unit_test(test_redaction),
		cmocka_unit_test(test_one_line_pem),
		cmocka_unit_test(test_long_line_and_binary),
		cmocka_unit_test(test_rule_errors),
	};
	error_quiet = 1;
	return cmocka_run_group_tests_name("secrets", tests, setup, teardown);
}
