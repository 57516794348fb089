/*
 * zipwrite.c - deterministic zip archives with libzip.
 *
 * Design: libzip collects the entries and pulls their data when the archive
 * is closed.  Files come through deflate_pool sources: a reader thread
 * opens each file when it gets to it, reads it once in fixed chunks,
 * checks its size and SHA-256 against what the caller hashed earlier, and
 * worker threads deflate the chunks on every core (libdeflate, joined into
 * one stream per file) while libzip copies the finished compressed data
 * into the archive in order.  The bytes never depend on the thread count.  Every entry gets the fixed DOS time, Unix attributes and
 * no extra fields; the order is the caller's, which must be sorted.
 *
 * libzip (before 1.10) keeps entry times as time_t and converts DOS times
 * through mktime()/localtime(); zipw_open() therefore pins the process time
 * zone to UTC so the round trip is exact in every zone (no DST gaps).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zip.h>

#include "package/zipwrite.h"
#include "base/error.h"
#include "package/deflate_pool.h"
#include "base/progress.h"
#include "base/banned.h"

/* libzip's level for entries from memory (reports: small) */
#define DEFLATE_LEVEL 6
/*
 * libdeflate's level for the evidence files, chosen by measurement on the
 * benchmark corpus (tests/bench): level 5 gives 0.98x the size of
 * `zip -r -6` at 17% less CPU than level 6; level 3 gives 1.04x, level 1
 * 1.06x (over the 1.05x budget).
 */
#define POOL_LEVEL 5

struct zip_writer {
	zip_t *za;
	char *path;
	char *last_name;
	uint16_t dos_date, dos_time;
	struct deflate_pool *pool;   /* reads, checks and deflates the files */
	struct progress *progress;   /* files and bytes as libzip takes them */
	uint64_t files, bytes;       /* totals for the progress bar */
};

void zipw_dos_datetime(int64_t t, uint16_t *dos_date, uint16_t *dos_time)
{
	/* 1980-01-01 .. 2107-12-31 23:59:58 */
	const int64_t lo = 315532800, hi = 4354819198;
	struct tm tm;
	time_t tt;

	if (t < lo)
		t = lo;
	if (t > hi)
		t = hi;
	tt = (time_t)t;
	gmtime_r(&tt, &tm);
	*dos_date = (uint16_t)(((tm.tm_year - 80) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday);
	*dos_time = (uint16_t)((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
}

struct zip_writer *zipw_open(const char *path, uint16_t dos_date, uint16_t dos_time)
{
	struct zip_writer *zw;
	int zerr = 0;
	zip_t *za;

	setenv("TZ", "UTC0", 1);
	tzset();
	za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
	if (!za) {
		zip_error_t e;
		zip_error_init_with_code(&e, zerr);
		error_at(path, 0, "cannot create zip: %s", zip_error_strerror(&e));
		zip_error_fini(&e);
		return NULL;
	}
	zw = xcalloc(1, sizeof(*zw));
	zw->za = za;
	zw->progress = progress_begin("package", 0, 0);
	zw->pool = deflate_pool_new(POOL_LEVEL, zw->progress);
	zw->path = xstrdup(path);
	zw->dos_date = dos_date;
	zw->dos_time = dos_time;
	return zw;
}

/* Sorted-order guard, then the attributes every entry gets. */
static int check_order(struct zip_writer *zw, const char *name)
{
	if (zw->last_name && strcmp(zw->last_name, name) >= 0)
		return error_at(zw->path, 0, "internal: zip entry '%s' added out of order after '%s'",
				name, zw->last_name);
	free(zw->last_name);
	zw->last_name = xstrdup(name);
	return 0;
}

static int finish_entry(struct zip_writer *zw, zip_int64_t idx, const char *name,
			unsigned mode, enum zipw_method method)
{
	zip_uint64_t i = (zip_uint64_t)idx;
	zip_int32_t cm = method == ZIPW_STORE ? ZIP_CM_STORE : ZIP_CM_DEFLATE;
	zip_uint32_t level = method == ZIPW_STORE ? 0 : DEFLATE_LEVEL;

	if (zip_file_set_dostime(zw->za, i, zw->dos_time, zw->dos_date, 0) < 0 ||
	    zip_file_set_external_attributes(zw->za, i, 0, ZIP_OPSYS_UNIX,
					     (zip_uint32_t)mode << 16) < 0 ||
	    zip_file_extra_field_delete(zw->za, i, ZIP_EXTRA_FIELD_ALL,
					ZIP_FL_CENTRAL | ZIP_FL_LOCAL) < 0 ||
	    zip_set_file_compression(zw->za, i, cm, level) < 0)
		return error_at(zw->path, 0, "zip entry %s: %s", name, zip_strerror(zw->za));
	return 0;
}

int zipw_add_dir(struct zip_writer *zw, const char *name)
{
	zip_int64_t idx;
	char *dir = xasprintf("%s/", name);
	int ret;

	if (check_order(zw, dir) < 0) {
		free(dir);
		return -1;
	}
	idx = zip_dir_add(zw->za, name, ZIP_FL_ENC_UTF_8);
	if (idx < 0) {
		ret = error_at(zw->path, 0, "zip folder %s: %s", name, zip_strerror(zw->za));
		free(dir);
		return ret;
	}
	free(dir);
	return finish_entry(zw, idx, name, S_IFDIR | 0755, ZIPW_STORE);
}

int zipw_add_buffer(struct zip_writer *zw, const char *name, const void *data,
		    size_t len, enum zipw_method method)
{
	zip_source_t *src;
	zip_int64_t idx;
	void *copy;

	if (check_order(zw, name) < 0)
		return -1;
	copy = xmalloc(len ? len : 1);
	if (len)
		memcpy(copy, data, len);
	src = zip_source_buffer(zw->za, copy, len, 1);
	if (!src) {
		free(copy);
		return error_at(zw->path, 0, "zip entry %s: %s", name, zip_strerror(zw->za));
	}
	idx = zip_file_add(zw->za, name, src, ZIP_FL_ENC_UTF_8);
	if (idx < 0) {
		zip_source_free(src);
		return error_at(zw->path, 0, "zip entry %s: %s", name, zip_strerror(zw->za));
	}
	return finish_entry(zw, idx, name, S_IFREG | 0644, method);
}

/* Add the pool's source src (made for size bytes) as entry name. */
static int add_pool_source(struct zip_writer *zw, const char *name, zip_source_t *src,
			   uint64_t size, int store);

int zipw_add_file(struct zip_writer *zw, const char *name, int dirfd, const char *relpath,
		  const char *shown, uint64_t size, const char *sha256,
		  enum zipw_method method)
{
	int store = method == ZIPW_STORE || size == 0;

	if (check_order(zw, name) < 0) {
		if (!relpath)
			close(dirfd);
		return -1;
	}
	/* the pool owns dirfd from here when relpath is NULL */
	return add_pool_source(zw, name, deflate_pool_source(zw->pool, dirfd, relpath, size,
							     sha256, store, shown),
			       size, store);
}

int zipw_add_opened(struct zip_writer *zw, const char *name, deflate_pool_open_fn open_fn,
		    void *ctx, const char *relpath, const char *shown, uint64_t size,
		    const char *sha256, enum zipw_method method)
{
	int store = method == ZIPW_STORE || size == 0;

	if (check_order(zw, name) < 0)
		return -1;
	return add_pool_source(zw, name, deflate_pool_source_opened(zw->pool, open_fn, ctx, relpath,
								    size, sha256, store, shown),
			       size, store);
}

static int add_pool_source(struct zip_writer *zw, const char *name, zip_source_t *src,
			   uint64_t size, int store)
{
	zip_int64_t idx = zip_file_add(zw->za, name, src, ZIP_FL_ENC_UTF_8);
	if (idx < 0) {
		zip_source_free(src);
		return error_at(zw->path, 0, "zip entry %s: %s", name, zip_strerror(zw->za));
	}
	zw->files++;
	zw->bytes += size;
	progress_set_total(zw->progress, zw->files, zw->bytes);
	return finish_entry(zw, idx, name, S_IFREG | 0644, store ? ZIPW_STORE : ZIPW_DEFLATE);
}

static void zipw_free(struct zip_writer *zw)
{
	deflate_pool_free(zw->pool); /* after libzip is done with its sources */
	progress_end(zw->progress);
	free(zw->path);
	free(zw->last_name);
	free(zw);
}

int zipw_close(struct zip_writer *zw)
{
	int ret = 0;

	if (zip_close(zw->za) < 0) {
		if (deflate_pool_error(zw->pool))
			ret = error("%s", deflate_pool_error(zw->pool));
		else
			ret = error_at(zw->path, 0, "cannot write zip: %s", zip_strerror(zw->za));
		zip_discard(zw->za);
	}
	zipw_free(zw);
	return ret;
}

void zipw_discard(struct zip_writer *zw)
{
	zip_discard(zw->za);
	zipw_free(zw);
}

enum zipw_method zipw_method_for(const char *name)
{
	static const char *const compressed[] = {
		".gz", ".tgz", ".bz2", ".xz", ".zst", ".lz4", ".zip", ".7z", ".rar", ".jar",
		".png", ".jpg", ".jpeg", ".gif", ".webp", ".heic", ".avif",
		".mp3", ".mp4", ".m4a", ".mov", ".webm", ".ogg",
		".xlsx", ".docx", ".pptx", ".odt", ".ods", ".odp", ".epub",
		NULL,
	};
	const char *dot = strrchr(name, '.');
	const char *slash = strrchr(name, '/');
	size_t i;

	if (!dot || (slash && dot < slash))
		return ZIPW_DEFLATE;
	for (i = 0; compressed[i]; i++)
		if (strcasecmp(dot, compressed[i]) == 0)
			return ZIPW_STORE;
	return ZIPW_DEFLATE;
}
