/*
 * hash.h - SHA-256 through OpenSSL EVP, streamed.
 */
#ifndef FTRKIT_HASH_H
#define FTRKIT_HASH_H

#include <stddef.h>
#include <stdint.h>

struct sha256_stream; /* opaque */

struct sha256_stream *sha256_begin(void);
void sha256_update(struct sha256_stream *s, const void *data, size_t n);
/* Writes 64 hex digits and a NUL into hex (65 bytes) and frees s. */
void sha256_end(struct sha256_stream *s, char hex[65]);

/* One-shot digest of a buffer into hex. */
void sha256_hex(const void *data, size_t n, char hex[65]);

/*
 * Hash an open descriptor to its end in fixed blocks, never holding the
 * file.  *size gets the bytes read.  0, or -1 with errno set on read error.
 */
int sha256_fd(int fd, char hex[65], uint64_t *size);

/*
 * A reusable reader for hashing many files: one digest context and one
 * block buffer, kept between files (no allocation per file), so a worker
 * thread owns one.  Each block read is also handed to on_block (may be
 * NULL) before the next read, so a caller can scan or compress the same
 * bytes without reading the file twice.
 */
struct sha256_reader {
	void *ctx;            /* EVP_MD_CTX */
	void *md;             /* EVP_MD, fetched once */
	unsigned char *block; /* block_size bytes */
	size_t block_size;
};

typedef void sha256_block_fn(void *arg, const unsigned char *data, size_t n);

/* Set up r with blocks of block_size bytes (0 = 256 KiB). */
void sha256_reader_init(struct sha256_reader *r, size_t block_size);
/*
 * Hash fd to its end.  0 with hex and *size set, or -1 with errno set on a
 * read error (hex is then undefined).
 */
int sha256_reader_fd(struct sha256_reader *r, int fd, char hex[65], uint64_t *size,
		     sha256_block_fn *on_block, void *arg);
void sha256_reader_free(struct sha256_reader *r);

#endif
