/*
 * hash.c - SHA-256 via OpenSSL's EVP interface (which uses the CPU's SHA
 * extensions where present).
 */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include <openssl/evp.h>

#include "base/hash.h"
#include "base/error.h"
#include "base/banned.h"

#define HASH_BLOCK (256 * 1024)

struct sha256_stream {
	EVP_MD_CTX *ctx;
};

struct sha256_stream *sha256_begin(void)
{
	struct sha256_stream *s = xmalloc(sizeof(*s));
	s->ctx = EVP_MD_CTX_new();
	if (!s->ctx || EVP_DigestInit_ex(s->ctx, EVP_sha256(), NULL) != 1)
		die_oom();
	return s;
}

void sha256_update(struct sha256_stream *s, const void *data, size_t n)
{
	if (n && EVP_DigestUpdate(s->ctx, data, n) != 1)
		die_oom();
}

static void to_hex(const unsigned char *md, unsigned n, char *hex)
{
	static const char digits[] = "0123456789abcdef";
	unsigned i;
	for (i = 0; i < n; i++) {
		hex[2 * i] = digits[md[i] >> 4];
		hex[2 * i + 1] = digits[md[i] & 15];
	}
	hex[2 * n] = '\0';
}

void sha256_end(struct sha256_stream *s, char hex[65])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned n = 0;
	if (EVP_DigestFinal_ex(s->ctx, md, &n) != 1)
		die_oom();
	to_hex(md, n, hex);
	EVP_MD_CTX_free(s->ctx);
	free(s);
}

void sha256_hex(const void *data, size_t n, char hex[65])
{
	struct sha256_stream *s = sha256_begin();
	sha256_update(s, data, n);
	sha256_end(s, hex);
}

int sha256_fd(int fd, char hex[65], uint64_t *size)
{
	unsigned char *block = xmalloc(HASH_BLOCK);
	struct sha256_stream *s = sha256_begin();
	uint64_t total = 0;
	for (;;) {
		ssize_t n = read(fd, block, HASH_BLOCK);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int saved = errno;
			sha256_end(s, hex);
			free(block);
			errno = saved;
			return -1;
		}
		if (n == 0)
			break;
		sha256_update(s, block, (size_t)n);
		total += (uint64_t)n;
	}
	sha256_end(s, hex);
	free(block);
	*size = total;
	return 0;
}

void sha256_reader_init(struct sha256_reader *r, size_t block_size)
{
	r->block_size = block_size ? block_size : HASH_BLOCK;
	r->block = xmalloc(r->block_size);
	r->ctx = EVP_MD_CTX_new();
	r->md = EVP_MD_fetch(NULL, "SHA256", NULL);
	if (!r->ctx || !r->md)
		die_oom();
}

int sha256_reader_fd(struct sha256_reader *r, int fd, char hex[65], uint64_t *size,
		     sha256_block_fn *on_block, void *arg)
{
	EVP_MD_CTX *ctx = r->ctx;
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned mdlen = 0;
	uint64_t total = 0;

	if (EVP_DigestInit_ex(ctx, r->md, NULL) != 1)
		die_oom();
	for (;;) {
		ssize_t n = read(fd, r->block, r->block_size);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		if (EVP_DigestUpdate(ctx, r->block, (size_t)n) != 1)
			die_oom();
		if (on_block)
			on_block(arg, r->block, (size_t)n);
		total += (uint64_t)n;
	}
	if (EVP_DigestFinal_ex(ctx, md, &mdlen) != 1)
		die_oom();
	to_hex(md, mdlen, hex);
	*size = total;
	return 0;
}

void sha256_reader_free(struct sha256_reader *r)
{
	EVP_MD_CTX_free(r->ctx);
	EVP_MD_free(r->md);
	free(r->block);
	r->ctx = NULL;
	r->md = NULL;
	r->block = NULL;
}
