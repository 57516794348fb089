/*
 * zipwrite.c - deterministic zip archives with libzip.
 *
 * Design: libzip collects the entries and pulls their data when the archive
 * is closed.  Files come through our own read-only zip_source (file_source
 * below) so that each is opened only while libzip reads it, streamed in
 * libzip's blocks, and checked against the size and SHA-256 the caller
 * hashed earlier.  Every entry gets the fixed DOS time, Unix attributes and
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

#include "zipwrite.h"
#include "error.h"
#include "hash.h"
#include "banned.h"

#define DEFLATE_LEVEL 6

struct zip_writer {
	zip_t *za;
	char *path;
	char *last_name;
	uint16_t dos_date, dos_time;
	char *failure; /* first data error seen by a source, for the message */
};

struct file_source {
	struct zip_writer *zw;
	int dirfd;        /* borrowed when relpath, owned otherwise */
	char *relpath;    /* NULL: read dirfd itself from offset 0 */
	char *shown;
	uint64_t size;
	char sha256[65];
	int fd;           /* open between ZIP_SOURCE_OPEN and CLOSE */
	uint64_t done;
	struct sha256_stream *hash;
	zip_error_t error;
};

static void note_failure(struct zip_writer *zw, char *msg)
{
	if (!zw->failure)
		zw->failure = msg;
	else
		free(msg);
}

static int source_fail(struct file_source *fs, int zip_err, int sys_err, char *msg)
{
	note_failure(fs->zw, msg);
	zip_error_set(&fs->error, zip_err, sys_err);
	return -1;
}

static zip_int64_t file_source_cb(void *userdata, void *data, zip_uint64_t len,
				  zip_source_cmd_t cmd)
{
	struct file_source *fs = userdata;

	switch (cmd) {
	case ZIP_SOURCE_OPEN:
		if (fs->relpath) {
			fs->fd = openat(fs->dirfd, fs->relpath, O_RDONLY | O_CLOEXEC);
			if (fs->fd < 0)
				return source_fail(fs, ZIP_ER_OPEN, errno,
						   xasprintf("%s: cannot open: %s", fs->shown,
							     strerror(errno)));
		} else {
			fs->fd = fs->dirfd;
			if (lseek(fs->fd, 0, SEEK_SET) < 0)
				return source_fail(fs, ZIP_ER_SEEK, errno,
						   xasprintf("%s: cannot seek: %s", fs->shown,
							     strerror(errno)));
		}
		fs->done = 0;
		fs->hash = sha256_begin();
		return 0;
	case ZIP_SOURCE_READ: {
		ssize_t n;
		do
			n = read(fs->fd, data, len);
		while (n < 0 && errno == EINTR);
		if (n < 0)
			return source_fail(fs, ZIP_ER_READ, errno,
					   xasprintf("%s: cannot read: %s", fs->shown,
						     strerror(errno)));
		fs->done += (uint64_t)n;
		if (fs->done > fs->size)
			return source_fail(fs, ZIP_ER_INCONS, 0,
					   xasprintf("%s: file grew while it was packaged", fs->shown));
		sha256_update(fs->hash, data, (size_t)n);
		if (n == 0) {
			char hex[65];
			sha256_end(fs->hash, hex);
			fs->hash = NULL;
			if (fs->done != fs->size || strcmp(hex, fs->sha256) != 0)
				return source_fail(fs, ZIP_ER_INCONS, 0,
						   xasprintf("%s: file changed after it was hashed",
							     fs->shown));
		}
		return n;
	}
	case ZIP_SOURCE_CLOSE:
		if (fs->hash) {
			char hex[65];
			sha256_end(fs->hash, hex);
			fs->hash = NULL;
		}
		if (fs->relpath && fs->fd >= 0)
			close(fs->fd);
		fs->fd = -1;
		return 0;
	case ZIP_SOURCE_STAT: {
		zip_stat_t *st = data;
		if (len < sizeof(*st))
			return source_fail(fs, ZIP_ER_INVAL, 0, xstrdup("internal: stat buffer"));
		zip_stat_init(st);
		st->size = fs->size;
		st->valid |= ZIP_STAT_SIZE;
		return sizeof(*st);
	}
	case ZIP_SOURCE_ERROR:
		return zip_error_to_data(&fs->error, data, len);
	case ZIP_SOURCE_FREE:
		if (fs->hash) {
			char hex[65];
			sha256_end(fs->hash, hex);
		}
		if (fs->fd >= 0 && fs->relpath)
			close(fs->fd);
		if (!fs->relpath && fs->dirfd >= 0)
			close(fs->dirfd);
		zip_error_fini(&fs->error);
		free(fs->relpath);
		free(fs->shown);
		free(fs);
		return 0;
	case ZIP_SOURCE_SUPPORTS:
		return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ,
						      ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
						      ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
	default:
		zip_error_set(&fs->error, ZIP_ER_OPNOTSUPP, 0);
		return -1;
	}
}

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

int zipw_add_file(struct zip_writer *zw, const char *name, int dirfd, const char *relpath,
		  const char *shown, uint64_t size, const char *sha256,
		  enum zipw_method method)
{
	struct file_source *fs;
	zip_source_t *src;
	zip_int64_t idx;

	if (check_order(zw, name) < 0) {
		if (!relpath)
			close(dirfd);
		return -1;
	}
	fs = xcalloc(1, sizeof(*fs));
	fs->zw = zw;
	fs->dirfd = dirfd;
	fs->relpath = relpath ? xstrdup(relpath) : NULL;
	fs->shown = xstrdup(shown);
	fs->size = size;
	memcpy(fs->sha256, sha256, 64);
	fs->sha256[64] = '\0';
	fs->fd = -1;
	zip_error_init(&fs->error);
	src = zip_source_function(zw->za, file_source_cb, fs);
	if (!src) {
		int ret = error_at(zw->path, 0, "zip entry %s: %s", name, zip_strerror(zw->za));
		if (!relpath)
			close(dirfd);
		zip_error_fini(&fs->error);
		free(fs->relpath);
		free(fs->shown);
		free(fs);
		return ret;
	}
	idx = zip_file_add(zw->za, name, src, ZIP_FL_ENC_UTF_8);
	if (idx < 0) {
		zip_source_free(src); /* frees fs through ZIP_SOURCE_FREE */
		return error_at(zw->path, 0, "zip entry %s: %s", name, zip_strerror(zw->za));
	}
	return finish_entry(zw, idx, name, S_IFREG | 0644, method);
}

static void zipw_free(struct zip_writer *zw)
{
	free(zw->path);
	free(zw->last_name);
	free(zw->failure);
	free(zw);
}

int zipw_close(struct zip_writer *zw)
{
	int ret = 0;

	if (zip_close(zw->za) < 0) {
		if (zw->failure)
			ret = error("%s", zw->failure);
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
