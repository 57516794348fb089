/*
 * deflate_pool.h - compress zip entries on every core while libzip writes.
 *
 * libzip writes entries one after another in zip_close(), compressing each
 * with zlib on the calling thread.  Instead, give the big entries (the
 * evidence files) sources from this pool: a reader thread reads the files
 * in the order the sources were made, hashes each byte as it reads it
 * (SHA-256, to prove the file is still the one that was inventoried),
 * cuts them into chunks, and worker threads deflate the chunks with
 * libdeflate; joined (deflate_join) they are one deflate stream per file,
 * which the source hands to libzip as already-compressed data together
 * with its CRC-32 and sizes, so libzip only copies it.  Output bytes never
 * depend on the number of threads or on timing: chunk boundaries depend on
 * the file size only, and every chunk is compressed alone.
 *
 * Memory is bounded: at most DEFLATE_POOL_WINDOW chunks of
 * DEFLATE_POOL_CHUNK bytes (input and output) are in flight, whatever the
 * file sizes.
 *
 * Usage:
 *   pool = deflate_pool_new(6, progress);
 *   for each evidence file, in archive order:
 *       src = deflate_pool_source(pool, dirfd, relpath, size, sha256, store, name);
 *       idx = zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8);
 *       zip_set_file_compression(za, idx, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
 *   zip_close(za)                 (the pool starts at the first read)
 *   deflate_pool_free(pool)       (after zip_close or zip_discard)
 * Entries the pool does not make (reports from memory) may sit between
 * pool entries: only the relative order of the pool's sources matters, and
 * it must be the order of their archive indexes.
 */
#ifndef FTRKIT_DEFLATE_POOL_H
#define FTRKIT_DEFLATE_POOL_H

#include <stddef.h>
#include <stdint.h>
#include <zip.h>

#include "base/progress.h"

#define DEFLATE_POOL_CHUNK (1024 * 1024)
#define DEFLATE_POOL_WINDOW 8

struct deflate_pool; /* opaque */

/*
 * A pool compressing at libdeflate level (1..12; 6 gives zip -6's size).
 * progress (borrowed, may be NULL) is told each file and byte as libzip
 * takes it.  Threads: jobs_count().
 */
struct deflate_pool *deflate_pool_new(int level, struct progress *progress);

/*
 * A libzip source for a file of size bytes: openat(dirfd, relpath) (dirfd
 * borrowed; it must stay open until the pool is freed; O_NONBLOCK, and
 * the result must be a regular file of size bytes), or, when relpath
 * is NULL, the descriptor dirfd itself, read from offset 0 (taken over:
 * the pool closes it).  Files are opened by the reader thread when it
 * reaches them, so a thousand sources hold no descriptor.  sha256 (64 hex,
 * may be NULL) is what the bytes must hash to; a file whose size or hash
 * differs fails the archive.  store: keep the bytes as they are (already
 * compressed formats, and always for size 0); the entry must then be
 * ZIP_CM_STORE, else ZIP_CM_DEFLATE.  name is for messages (copied).
 * Sources must be added to the archive in the order they are made.
 */
zip_source_t *deflate_pool_source(struct deflate_pool *pool, int dirfd, const char *relpath,
				  uint64_t size, const char *sha256, int store, const char *name);

/*
 * How deflate_pool_source_opened() opens a file, on the reader thread: a
 * readable descriptor at offset 0 (the pool closes it), or -1 with *why a
 * static reason for the message ("cannot open" with errno kept, or a
 * sentence with errno 0).  Must be thread-safe.
 */
typedef int (*deflate_pool_open_fn)(void *ctx, const char *relpath, const char **why);

/*
 * deflate_pool_source() for a file opened by open_fn(ctx, relpath) when
 * the reader gets to it (the bundle passes workspace_reopen(), which
 * insists on the very file the inventory hashed).  ctx is borrowed.
 */
zip_source_t *deflate_pool_source_opened(struct deflate_pool *pool, deflate_pool_open_fn open_fn,
					 void *ctx, const char *relpath, uint64_t size,
					 const char *sha256, int store, const char *name);

/*
 * The SHA-256 (hex) of the bytes the pool read for the n-th source, once
 * libzip has read it all; NULL before that or when the source failed.
 * Borrowed from the pool.
 */
const char *deflate_pool_sha256(const struct deflate_pool *pool, size_t n);

/*
 * After a failed zip_close: a one-line reason when the pool caused it
 * ("NAME: cannot open: …", "NAME: changed size while it was packed",
 * "NAME: file changed after it was hashed"), else NULL.
 */
const char *deflate_pool_error(const struct deflate_pool *pool);

/* Stop the threads, close what is open, free.  pool may be NULL. */
void deflate_pool_free(struct deflate_pool *pool);

/* Is name an already-compressed format best stored (.gz, .zip, .png, …)? */
int deflate_pool_is_compressed_name(const char *name);

#endif
