/*
 * test_sign.c - Ed25519 keys, signatures and fingerprints.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"
#include "fixtures.h"
#include "base/error.h"
#include "package/sign.h"

static char dir[] = "/tmp/ftrkit-test-sign.XXXXXX";

static int setup(void **state)
{
	(void)state;
	return scratch_setup(dir);
}

static int teardown(void **state)
{
	(void)state;
	return scratch_teardown(dir);
}

static void test_keygen_sign_verify(void **state)
{
	char *priv = xasprintf("%s/k.key", dir), *pub = xasprintf("%s/k.pub", dir);
	char fpr[65], fpr2[65], fpr3[65];
	unsigned char sig[SIGN_SIG_LEN];
	struct sign_key *sk, *pk;
	struct stat st;
	static const char msg[] = "tag manifest\n";
	(void)state;

	assert_int_equal(sign_keygen(priv, pub, fpr), 0);
	assert_int_equal(stat(priv, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(sign_keygen(priv, pub, fpr2), -1); /* never overwrites */
	sk = sign_load_private(priv);
	pk = sign_load_public(pub);
	assert_non_null(sk);
	assert_non_null(pk);
	sign_fingerprint(sk, fpr2);
	sign_fingerprint(pk, fpr3);
	assert_string_equal(fpr, fpr2);
	assert_string_equal(fpr, fpr3);
	assert_int_equal(sign_message(sk, msg, strlen(msg), sig), 0);
	assert_true(sign_verify(pk, msg, strlen(msg), sig, sizeof(sig)));
	sig[3] ^= 1;
	assert_false(sign_verify(pk, msg, strlen(msg), sig, sizeof(sig)));
	sig[3] ^= 1;
	assert_false(sign_verify(pk, "other", 5, sig, sizeof(sig)));
	assert_false(sign_verify(pk, msg, strlen(msg), sig, 10));
	assert_null(sign_load_private(pub));   /* a public key is not a private key */
	sign_key_free(sk);
	sign_key_free(pk);
	free(priv);
	free(pub);
}

static void test_fingerprint_parse(void **state)
{
	char f[65];
	(void)state;
	assert_int_equal(sign_fingerprint_parse(
		"SHA256:AB:CD:ef0123456789abcdef0123456789abcdef0123456789abcdef0123456789", f), 0);
	assert_string_equal(f, "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789");
	assert_int_equal(sign_fingerprint_parse("abc", f), -1);
	assert_int_equal(sign_fingerprint_parse(
		"zzcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789", f), -1);
	assert_int_equal(sign_fingerprint_parse(
		"abcdef0123456789abcdef0123456789abcdef0123456789abcdef012345678900", f), -1);
}

static void test_bad_keys(void **state)
{
	char *path = xasprintf("%s/junk.pem", dir);
	FILE *f = fopen(path, "w");
	(void)state;
	fputs("-----BEGIN PUBLIC KEY-----\nnot base64\n-----END PUBLIC KEY-----\n", f);
	fclose(f);
	assert_null(sign_load_public(path));
	assert_null(sign_load_private(path));
	assert_null(sign_load_public("/no/such/key.pem"));
	assert_null(sign_load_public_mem("", 0, "empty"));
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keygen_sign_verify),
		cmocka_unit_test(test_fingerprint_parse),
		cmocka_unit_test(test_bad_keys),
	};
	error_quiet = 1;
	return cmocka_run_group_tests_name("sign", tests, setup, teardown);
}
