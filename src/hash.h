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

#endif
