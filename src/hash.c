/*
 * hash.c - SHA-256 via OpenSSL's EVP interface (which uses the CPU's SHA
 * extensions where present).
 */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include <openssl/evp.h>

#include "hash.h"
#include "error.h"
#include "banned.h"

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
