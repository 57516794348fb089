/*
 * sign.c - Ed25519 through OpenSSL EVP: key generation, PEM in and out,
 * fingerprints, raw signatures.  Key material lives only in OpenSSL's
 * objects (which wipe it when freed) and in the PEM files it writes.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "package/sign.h"
#include "base/error.h"
#include "base/hash.h"
#include "base/banned.h"

#define MAX_KEY_FILE (64 * 1024)

struct sign_key {
	EVP_PKEY *pkey;
};

/* The last OpenSSL error as text (static buffer). */
static const char *ssl_error(void)
{
	static char buf[256];
	unsigned long e = ERR_get_error();
	if (!e)
		return "unknown error";
	ERR_error_string_n(e, buf, sizeof(buf));
	ERR_clear_error();
	return buf;
}

static struct sign_key *wrap(EVP_PKEY *pkey, const char *name)
{
	struct sign_key *k;
	if (EVP_PKEY_get_base_id(pkey) != EVP_PKEY_ED25519) {
		error_at(name, 0, "not an Ed25519 key");
		EVP_PKEY_free(pkey);
		return NULL;
	}
	k = xcalloc(1, sizeof(*k));
	k->pkey = pkey;
	return k;
}

void sign_key_free(struct sign_key *k)
{
	if (!k)
		return;
	EVP_PKEY_free(k->pkey);
	free(k);
}

void sign_fingerprint(const struct sign_key *k, char fpr[65])
{
	unsigned char *der = NULL;
	int n = i2d_PUBKEY(k->pkey, &der);
	if (n <= 0)
		die_oom();
	sha256_hex(der, (size_t)n, fpr);
	OPENSSL_free(der);
}

void sign_public_pem(const struct sign_key *k, struct strbuf *out)
{
	BIO *b = BIO_new(BIO_s_mem());
	char *data;
	long n;
	if (!b || !PEM_write_bio_PUBKEY(b, k->pkey))
		die_oom();
	n = BIO_get_mem_data(b, &data);
	strbuf_add(out, data, (size_t)n);
	BIO_free(b);
}

/* Write all of buf to a new file (O_EXCL, mode); 0 or -1 after reporting. */
static int write_new(const char *path, const char *buf, size_t n, unsigned mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
	if (fd < 0)
		return error_at(path, 0, errno == EEXIST ? "already exists; not overwritten"
				: "cannot create: %s", strerror(errno));
	if (fchmod(fd, mode) < 0)
		goto fail;
	while (n) {
		ssize_t w = write(fd, buf, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			goto fail;
		buf += w;
		n -= (size_t)w;
	}
	if (fsync(fd) < 0)
		goto fail;
	if (close(fd) < 0) {
		fd = -1;
		goto fail;
	}
	return 0;
fail:
	{
		int ret = error_at(path, 0, "cannot write: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		unlink(path);
		return ret;
	}
}

int sign_keygen(const char *priv_path, const char *pub_path, char fpr[65])
{
	EVP_PKEY *pkey = NULL;
	BIO *b = NULL;
	struct sign_key *k;
	struct strbuf pub = STRBUF_INIT;
	char *data;
	long n;
	int ret = -1;

	/* Refuse before creating anything when either file is there. */
	if (access(priv_path, F_OK) == 0)
		return error_at(priv_path, 0, "already exists; not overwritten");
	if (access(pub_path, F_OK) == 0)
		return error_at(pub_path, 0, "already exists; not overwritten");
	pkey = EVP_PKEY_Q_keygen(NULL, NULL, "ED25519");
	if (!pkey)
		return error("cannot generate an Ed25519 key: %s", ssl_error());
	k = wrap(pkey, priv_path);
	if (!k)
		return -1;
	b = BIO_new(BIO_s_mem());
	if (!b || !PEM_write_bio_PrivateKey(b, k->pkey, NULL, NULL, 0, NULL, NULL))
		die_oom();
	n = BIO_get_mem_data(b, &data);
	if (write_new(priv_path, data, (size_t)n, 0600) < 0)
		goto out;
	sign_public_pem(k, &pub);
	if (write_new(pub_path, pub.buf, pub.len, 0644) < 0) {
		unlink(priv_path);
		goto out;
	}
	sign_fingerprint(k, fpr);
	ret = 0;
out:
	if (b) {
		/* the PEM text of the private key: wipe before freeing */
		n = BIO_get_mem_data(b, &data);
		OPENSSL_cleanse(data, (size_t)n);
		BIO_free(b);
	}
	strbuf_release(&pub);
	sign_key_free(k);
	return ret;
}

/* Read a small file into sb (capped); 0 or -1 after reporting. */
static int read_small(const char *path, struct strbuf *sb)
{
	char buf[4096];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;
	if (fd < 0)
		return error_at(path, 0, "cannot open key: %s", strerror(errno));
	strbuf_init(sb, MAX_KEY_FILE);
	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || strbuf_add(sb, buf, (size_t)n) < 0) {
			int ret = error_at(path, 0, n < 0 ? "cannot read key: %s"
					   : "key file larger than 64 KiB%s", n < 0 ? strerror(errno) : "");
			close(fd);
			OPENSSL_cleanse(sb->buf, sb->len);
			strbuf_release(sb);
			return ret;
		}
	}
	OPENSSL_cleanse(buf, sizeof(buf));
	close(fd);
	return 0;
}

struct sign_key *sign_load_private(const char *path)
{
	struct strbuf sb;
	EVP_PKEY *pkey;
	BIO *b;

	if (read_small(path, &sb) < 0)
		return NULL;
	b = BIO_new_mem_buf(sb.buf, (int)sb.len);
	if (!b)
		die_oom();
	pkey = PEM_read_bio_PrivateKey(b, NULL, NULL, NULL);
	BIO_free(b);
	OPENSSL_cleanse(sb.buf, sb.len);
	strbuf_release(&sb);
	if (!pkey) {
		error_at(path, 0, "not a PEM private key: %s", ssl_error());
		return NULL;
	}
	return wrap(pkey, path);
}

struct sign_key *sign_load_public_mem(const void *pem, size_t len, const char *name)
{
	EVP_PKEY *pkey;
	BIO *b;

	if (len > MAX_KEY_FILE) {
		error_at(name, 0, "public key larger than 64 KiB");
		return NULL;
	}
	b = BIO_new_mem_buf(pem, (int)len);
	if (!b)
		die_oom();
	pkey = PEM_read_bio_PUBKEY(b, NULL, NULL, NULL);
	BIO_free(b);
	if (!pkey) {
		error_at(name, 0, "not a PEM public key: %s", ssl_error());
		return NULL;
	}
	return wrap(pkey, name);
}

struct sign_key *sign_load_public(const char *path)
{
	struct strbuf sb;
	struct sign_key *k;
	if (read_small(path, &sb) < 0)
		return NULL;
	k = sign_load_public_mem(sb.buf, sb.len, path);
	strbuf_release(&sb);
	return k;
}

int sign_message(const struct sign_key *k, const void *msg, size_t len,
		 unsigned char sig[SIGN_SIG_LEN])
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	size_t siglen = SIGN_SIG_LEN;
	int ok;

	if (!ctx)
		die_oom();
	ok = EVP_DigestSignInit(ctx, NULL, NULL, NULL, k->pkey) == 1 &&
	     EVP_DigestSign(ctx, sig, &siglen, msg, len) == 1 && siglen == SIGN_SIG_LEN;
	EVP_MD_CTX_free(ctx);
	if (!ok)
		return error("cannot sign: %s", ssl_error());
	return 0;
}

int sign_verify(const struct sign_key *k, const void *msg, size_t len,
		const unsigned char *sig, size_t siglen)
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	int ok;

	if (!ctx)
		die_oom();
	ok = EVP_DigestVerifyInit(ctx, NULL, NULL, NULL, k->pkey) == 1 &&
	     EVP_DigestVerify(ctx, sig, siglen, msg, len) == 1;
	EVP_MD_CTX_free(ctx);
	ERR_clear_error();
	return ok;
}

int sign_fingerprint_parse(const char *text, char fpr[65])
{
	size_t n = 0;
	if (strncasecmp(text, "SHA256:", 7) == 0)
		text += 7;
	for (; *text; text++) {
		if (*text == ':' || *text == ' ')
			continue;
		if (!isxdigit((unsigned char)*text) || n >= 64)
			return -1;
		fpr[n++] = (char)tolower((unsigned char)*text);
	}
	if (n != 64)
		return -1;
	fpr[64] = '\0';
	return 0;
}
