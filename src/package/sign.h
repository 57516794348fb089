/*
 * sign.h - Ed25519 keys and signatures through OpenSSL EVP.
 *
 * Keys are PEM: the private key PKCS#8 ("BEGIN PRIVATE KEY"), the public
 * key SubjectPublicKeyInfo ("BEGIN PUBLIC KEY"), exactly what
 * `openssl genpkey -algorithm ed25519` and `openssl pkey -pubout` write, so
 * `openssl pkeyutl -verify -pubin -rawin` checks our signatures.  A key's
 * fingerprint is the SHA-256 (64 hex digits) of its DER public key, which
 * `openssl pkey -pubin -outform DER | sha256sum` reproduces.
 */
#ifndef FTRKIT_SIGN_H
#define FTRKIT_SIGN_H

#include <stddef.h>

#include "base/strbuf.h"

#define SIGN_SIG_LEN 64

struct sign_key; /* opaque: a private or a public Ed25519 key */

/*
 * Create a new key pair and write it to priv_path (mode 0600) and pub_path
 * (0644), both created with O_EXCL: an existing file is never overwritten
 * (error, and nothing is left behind).  fpr gets the fingerprint.  0 or -1
 * after reporting.
 */
int sign_keygen(const char *priv_path, const char *pub_path, char fpr[65]);

/* Load a PEM private key (must be Ed25519).  NULL after reporting. */
struct sign_key *sign_load_private(const char *path);

/* Load a PEM public key from a file or from memory (name for messages). */
struct sign_key *sign_load_public(const char *path);
struct sign_key *sign_load_public_mem(const void *pem, size_t len, const char *name);

void sign_key_free(struct sign_key *k);

/* Fingerprint of k (private or public) into fpr. */
void sign_fingerprint(const struct sign_key *k, char fpr[65]);

/* Public key of k as PEM, appended to out. */
void sign_public_pem(const struct sign_key *k, struct strbuf *out);

/* Raw Ed25519 signature of msg into sig (SIGN_SIG_LEN bytes).  0 or -1. */
int sign_message(const struct sign_key *k, const void *msg, size_t len,
		 unsigned char sig[SIGN_SIG_LEN]);

/* 1 when sig is k's valid signature over msg, 0 otherwise. */
int sign_verify(const struct sign_key *k, const void *msg, size_t len,
		const unsigned char *sig, size_t siglen);

/*
 * Normalise a fingerprint as a user may type it ("SHA256:AB:CD…", upper
 * case, with colons) into 64 lower-case hex digits.  0 or -1 when it is not
 * one.
 */
int sign_fingerprint_parse(const char *text, char fpr[65]);

#endif
