/*
 * zipwrite.h - deterministic zip writing through libzip.
 *
 * The writer produces the same bytes for the same entries whatever the
 * host: entries must be added in strictly increasing strcmp order (the
 * writer refuses anything else), every entry gets the same DOS time (given
 * at open, never converted through a local time zone), explicit Unix
 * external attributes (0644 files, 0755 folders), no extra fields, and
 * either "store" or deflate at a fixed level.  Data is pulled by libzip
 * only at zipw_close(): buffers are copied at add time, files are opened
 * lazily and streamed in fixed blocks, and their size and SHA-256 are
 * checked against what the caller announced, so a file that changed after
 * it was hashed fails the whole archive instead of silently disagreeing
 * with the manifest.
 *
 * The interface is deliberately entry-at-a-time so that a parallel
 * compressor can replace the body of zipw_close() without touching callers.
 */
#ifndef FTRKIT_ZIPWRITE_H
#define FTRKIT_ZIPWRITE_H

#include <stddef.h>
#include <stdint.h>

#include "package/deflate_pool.h"

enum zipw_method {
	ZIPW_DEFLATE,
	ZIPW_STORE,
};

struct zip_writer; /* opaque */

/*
 * Start a new archive at path (created or truncated; libzip writes it at
 * zipw_close()).  dos_date/dos_time are the MS-DOS date and time stamped on
 * every entry.  NULL after reporting.
 */
struct zip_writer *zipw_open(const char *path, uint16_t dos_date, uint16_t dos_time);

/* A folder entry "name/" (name without the slash), mode 0755. */
int zipw_add_dir(struct zip_writer *zw, const char *name);

/* A file entry from memory; data is copied.  0 or -1 after reporting. */
int zipw_add_buffer(struct zip_writer *zw, const char *name, const void *data,
		    size_t len, enum zipw_method method);

/*
 * A file entry read at close time from openat(dirfd, relpath) (dirfd
 * borrowed, must stay open until zipw_close) or, when relpath is NULL, from
 * offset 0 of fd dirfd itself (an fd the writer takes over and closes).
 * size and sha256 (64 hex) are what the bytes must be; shown names the
 * file in messages.  0 or -1 after reporting.
 */
int zipw_add_file(struct zip_writer *zw, const char *name, int dirfd, const char *relpath,
		  const char *shown, uint64_t size, const char *sha256,
		  enum zipw_method method);

/*
 * zipw_add_file() for a file opened at close time by open_fn(ctx, relpath)
 * (deflate_pool.h; ctx borrowed until zipw_close).  0 or -1 after
 * reporting.
 */
int zipw_add_opened(struct zip_writer *zw, const char *name, deflate_pool_open_fn open_fn,
		    void *ctx, const char *relpath, const char *shown, uint64_t size,
		    const char *sha256, enum zipw_method method);

/* Write everything and close.  0, or -1 after reporting (path then holds
 * garbage the caller removes).  zw is freed either way. */
int zipw_close(struct zip_writer *zw);

/* Give up: free everything, write nothing. */
void zipw_discard(struct zip_writer *zw);

/* STORE for names whose extension says they are compressed already. */
enum zipw_method zipw_method_for(const char *name);

/* MS-DOS date/time of a UTC calendar time (clamped to 1980..2107). */
void zipw_dos_datetime(int64_t unix_seconds, uint16_t *dos_date, uint16_t *dos_time);

#endif
