/*
 * zipread.c - vetting and streaming an untrusted package with libzip.
 *
 * The archive's shape is first walked by zipcanon.c, independently of
 * libzip: only the shape bundle writes is accepted, so every zip reader
 * (libzip here, unzip and Python's zipfile at the auditor's) sees the same
 * entries.  Then it is opened read-only with libzip's consistency checks,
 * libzip's view must be the walk's entry for entry, and every name and
 * attribute is checked before any content is read.  Content is only ever streamed in
 * READ_BLOCK pieces, bounded by the declared size, into a hash, a bounded
 * buffer or a memory file.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "package/zipread.h"
#include "package/zipcanon.h"
#include "base/quote.h"
#include "package/entryname.h"
#include "base/error.h"
#include "base/jobs.h"
#include "base/hash.h"
#include "base/banned.h"

#define READ_BLOCK (64 * 1024)

char *pkg_display(const struct pkg_reader *pr, const char *name)
{
	return xasprintf("%s:%s/%s", pr->path, pr->top ? pr->top : "", name);
}

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct pkg_entry *)a)->name, ((const struct pkg_entry *)b)->name);
}

/*
 * The walk of zipcanon.c: 0 when the archive has the one shape bundle
 * writes (its entries in zc, which the caller frees), or -1 after reporting
 * "not a package written by ftrkit: <why>".
 */
static int canonical_shape(struct pkg_reader *pr, struct zipcanon *zc)
{
	char *why = NULL;
	int ret = 0;

	if (zipcanon_walk(pr->fd, zc, &why) < 0) {
		ret = error_at(pr->path, 0, "not a package written by ftrkit: %s", why);
		zipcanon_free(zc);
	}
	free(why);
	return ret;
}

/*
 * libzip must see exactly the entries of the walk, in the same order with
 * the same sizes: what verify checks is what every other reader lists.
 * Frees zc.  0, or -1 after reporting.
 */
static int same_view(struct pkg_reader *pr, struct zipcanon *zc, zip_int64_t n)
{
	zip_uint64_t i;
	int ret = 0;

	if ((zip_uint64_t)n != zc->nr)
		ret = error_at(pr->path, 0, "not a package written by ftrkit: libzip sees %lld "
			       "entries, the directory walk %zu", (long long)n, zc->nr);
	for (i = 0; ret == 0 && i < zc->nr; i++) {
		const char *raw = zip_get_name(pr->za, i, ZIP_FL_ENC_RAW);
		zip_stat_t zs;
		if (!raw || zip_stat_index(pr->za, i, ZIP_FL_ENC_RAW, &zs) < 0 ||
		    strcmp(raw, zc->entries[i].name) != 0 ||
		    !(zs.valid & ZIP_STAT_SIZE) || zs.size != zc->entries[i].size ||
		    !(zs.valid & ZIP_STAT_COMP_SIZE) || zs.comp_size != zc->entries[i].comp_size) {
			char *q = quote_str(zc->entries[i].name);
			ret = error_at(pr->path, 0, "not a package written by ftrkit: libzip and the "
				       "directory walk disagree on entry %llu '%s'",
				       (unsigned long long)i + 1, q);
			free(q);
		}
	}
	zipcanon_free(zc);
	return ret;
}

int pkg_open(const char *path, struct pkg_reader *pr)
{
	struct zipcanon zc;
	zip_int64_t n;
	zip_uint64_t i;
	uint64_t total = 0;
	int zerr = 0;
	size_t k;
	struct stat st;

	memset(pr, 0, sizeof(*pr));
	pr->path = xstrdup(path);
	pr->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (pr->fd < 0 || fstat(pr->fd, &st) < 0)
		return error_at(path, 0, "cannot open package: %s", strerror(errno));
	pr->have_fd = 1;
	if (!S_ISREG(st.st_mode))
		return error_at(path, 0, "not a regular file");
	/* libzip opens by name: name the descriptor, so every handle reads this file */
	pr->fd_path = xasprintf("/proc/self/fd/%d", pr->fd);
	if (access(pr->fd_path, R_OK) != 0) {
		free(pr->fd_path);
		pr->fd_path = NULL; /* no /proc: one handle, by path */
	}
	if (canonical_shape(pr, &zc) < 0)
		return -1;
	pr->za = zip_open(pr->fd_path ? pr->fd_path : path, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
	if (!pr->za) {
		zip_error_t e;
		int ret;
		zipcanon_free(&zc);
		if (zerr == ZIP_ER_EXISTS)
			return error_at(path, 0, "two entries with the same name: refused");
		zip_error_init_with_code(&e, zerr);
		ret = error_at(path, 0, "not a readable zip archive: %s", zip_error_strerror(&e));
		zip_error_fini(&e);
		return ret;
	}
	n = zip_get_num_entries(pr->za, 0);
	if (same_view(pr, &zc, n) < 0)
		return -1;
	if (n > PKG_MAX_ENTRIES)
		return error_at(path, 0, "%lld entries (limit %d): refused",
				(long long)n, PKG_MAX_ENTRIES);
	for (i = 0; i < (zip_uint64_t)n; i++) {
		const char *raw = zip_get_name(pr->za, i, ZIP_FL_ENC_RAW);
		const char *why, *slash;
		struct pkg_entry *e;
		zip_stat_t zs;
		zip_uint8_t opsys;
		zip_uint32_t attr;
		char *name;
		size_t len;
		int is_dir;

		if (!raw || zip_stat_index(pr->za, i, ZIP_FL_ENC_RAW, &zs) < 0)
			return error_at(path, 0, "entry %llu: %s", (unsigned long long)i,
					zip_strerror(pr->za));
		len = strlen(raw);
		is_dir = len > 0 && raw[len - 1] == '/';
		name = xstrndup(raw, is_dir ? len - 1 : len);
		why = entry_name_problem(name);
		if (why) {
			int ret = error_at(path, 0, "entry '%s': %s: refused", raw, why);
			free(name);
			return ret;
		}
		ALLOC_GROW(pr->entries, pr->nr, pr->alloc);
		e = &pr->entries[pr->nr++];
		memset(e, 0, sizeof(*e));
		e->name = name;
		e->index = i;
		e->is_dir = is_dir;
		if ((zs.valid & (ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE)) !=
		    (ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE))
			return error_at(path, 0, "entry '%s': sizes unknown: refused", raw);
		e->size = zs.size;
		e->comp_size = zs.comp_size;
		if ((zs.valid & ZIP_STAT_ENCRYPTION_METHOD) && zs.encryption_method != ZIP_EM_NONE)
			return error_at(path, 0, "entry '%s': encrypted: refused", raw);
		if (zip_file_get_external_attributes(pr->za, i, 0, &opsys, &attr) < 0)
			return error_at(path, 0, "entry '%s': %s", raw, zip_strerror(pr->za));
		if (opsys == ZIP_OPSYS_UNIX) {
			unsigned type = (attr >> 16) & S_IFMT;
			if (type == S_IFLNK)
				return error_at(path, 0, "entry '%s': symbolic link: refused", raw);
			if (type != 0 && type != S_IFREG && type != S_IFDIR)
				return error_at(path, 0, "entry '%s': not a regular file: refused", raw);
			if (type == S_IFDIR && !is_dir)
				return error_at(path, 0, "entry '%s': folder without '/': refused", raw);
		}
		if (is_dir && e->size)
			return error_at(path, 0, "entry '%s': folder with content: refused", raw);
		if (e->size > PKG_MAX_TOTAL - total)
			return error_at(path, 0, "more than %llu bytes uncompressed: refused (zip bomb?)",
					(unsigned long long)PKG_MAX_TOTAL);
		total += e->size;
		slash = strchr(name, '/');
		len = slash ? (size_t)(slash - name) : strlen(name);
		if (!pr->top) {
			pr->top = xstrndup(name, len);
		} else if (strlen(pr->top) != len || strncmp(pr->top, name, len) != 0) {
			return error_at(path, 0, "entries in more than one top folder ('%s', '%.*s'): "
					"refused", pr->top, (int)len, name);
		}
		if (!slash && !is_dir)
			return error_at(path, 0, "entry '%s' is not inside a top folder: refused", raw);
		/* names relative to the top folder from here on */
		memmove(e->name, name + len + (slash ? 1 : 0), strlen(name + len + (slash ? 1 : 0)) + 1);
	}
	qsort(pr->entries, pr->nr, sizeof(*pr->entries), cmp_entry);
	for (k = 1; k < pr->nr; k++)
		if (!strcmp(pr->entries[k - 1].name, pr->entries[k].name))
			return error_at(path, 0, "entry '%s/%s' appears twice: refused",
					pr->top, pr->entries[k].name);
	return 0;
}

/*
 * Stream entry e into fn in blocks, checking the actual size against the
 * declared one.  0 or -1 after reporting.
 */
static int stream_entry_in(const struct pkg_reader *pr, zip_t *za, const struct pkg_entry *e,
			   int (*fn)(void *arg, const char *buf, size_t n), void *arg, int quiet);

static int stream_entry(const struct pkg_reader *pr, const struct pkg_entry *e,
			int (*fn)(void *arg, const char *buf, size_t n), void *arg)
{
	return stream_entry_in(pr, pr->za, e, fn, arg, 0);
}

/* stream_entry() through handle za; quiet: fail without a message (-1). */
static int stream_entry_in(const struct pkg_reader *pr, zip_t *za, const struct pkg_entry *e,
			   int (*fn)(void *arg, const char *buf, size_t n), void *arg, int quiet)
{
	zip_file_t *zf = zip_fopen_index(za, e->index, 0);
	char *buf, *shown;
	uint64_t done = 0;
	int ret = 0;

	if (!zf) {
		if (quiet)
			return -1;
		shown = pkg_display(pr, e->name);
		ret = error_at(shown, 0, "cannot read: %s", zip_strerror(za));
		free(shown);
		return ret;
	}
	buf = xmalloc(READ_BLOCK);
	for (;;) {
		zip_int64_t n = zip_fread(zf, buf, READ_BLOCK);
		if (n < 0) {
			ret = -1;
			if (quiet)
				break;
			shown = pkg_display(pr, e->name);
			ret = error_at(shown, 0, "cannot read: %s", zip_file_strerror(zf));
			free(shown);
			break;
		}
		if (n == 0)
			break;
		done += (uint64_t)n;
		if (done > e->size)
			break;
		if (fn(arg, buf, (size_t)n) < 0) {
			ret = -1;
			break;
		}
	}
	if (ret == 0 && done != e->size && quiet) {
		ret = -1;
	} else if (ret == 0 && done != e->size) {
		shown = pkg_display(pr, e->name);
		ret = error_at(shown, 0, "declared size %llu but %s%llu bytes: refused%s",
			       (unsigned long long)e->size, done > e->size ? "more than " : "",
			       (unsigned long long)(done > e->size ? e->size : done),
			       done > e->size ? " (zip bomb?)" : "");
		free(shown);
	}
	free(buf);
	zip_fclose(zf);
	return ret;
}

static int hash_cb(void *arg, const char *buf, size_t n)
{
	sha256_update(arg, buf, n);
	return 0;
}

/* Hash entry e through za into e->sha256; quiet as stream_entry_in.  0 or -1. */
static int hash_entry(struct pkg_reader *pr, zip_t *za, struct pkg_entry *e, int quiet)
{
	struct sha256_stream *s = sha256_begin();
	int ret = stream_entry_in(pr, za, e, hash_cb, s, quiet);
	sha256_end(s, e->sha256);
	if (ret < 0)
		e->sha256[0] = '\0';
	return ret;
}

struct hash_jobs {
	struct pkg_reader *pr;
	size_t next;
	int *failed;  /* per entry */
	pthread_mutex_t lock;
};

static void *hash_worker(void *arg)
{
	struct hash_jobs *jobs = arg;
	int zerr = 0;
	zip_t *za = zip_open(jobs->pr->fd_path, ZIP_RDONLY, &zerr);

	for (;;) {
		size_t i;
		pthread_mutex_lock(&jobs->lock);
		i = jobs->next++;
		pthread_mutex_unlock(&jobs->lock);
		if (i >= jobs->pr->nr)
			break;
		if (jobs->pr->entries[i].is_dir)
			continue;
		/* no handle: leave the entry to the serial retry below */
		if (!za || hash_entry(jobs->pr, za, &jobs->pr->entries[i], 1) < 0)
			jobs->failed[i] = 1;
	}
	if (za)
		zip_discard(za);
	return NULL;
}

int pkg_hash_all(struct pkg_reader *pr)
{
	struct hash_jobs jobs;
	pthread_t threads[JOBS_MAX];
	int n = jobs_count(), started = 0, t, ret = 0;
	size_t i;

	if (n > 1 && pr->fd_path && pr->nr > 1) {
		memset(&jobs, 0, sizeof(jobs));
		jobs.pr = pr;
		jobs.failed = xcalloc(pr->nr, sizeof(*jobs.failed));
		if (pthread_mutex_init(&jobs.lock, NULL) != 0)
			die_oom();
		for (t = 0; t < n; t++)
			if (pthread_create(&threads[started], NULL, hash_worker, &jobs) == 0)
				started++;
		for (t = 0; t < started; t++)
			pthread_join(threads[t], NULL);
		pthread_mutex_destroy(&jobs.lock);
		if (started) {
			/* the first entry that failed, in archive order, says why (serially) */
			for (i = 0; i < pr->nr && ret == 0; i++)
				if (jobs.failed[i])
					ret = hash_entry(pr, pr->za, &pr->entries[i], 0) < 0 ? -1 : 0;
			free(jobs.failed);
			return ret;
		}
		free(jobs.failed);
	}
	for (i = 0; i < pr->nr; i++) {
		struct pkg_entry *e = &pr->entries[i];
		if (e->is_dir)
			continue;
		if (hash_entry(pr, pr->za, e, 0) < 0)
			return -1;
	}
	return 0;
}

static int cmp_key(const void *key, const void *elem)
{
	return strcmp(key, ((const struct pkg_entry *)elem)->name);
}

const struct pkg_entry *pkg_find(const struct pkg_reader *pr, const char *name)
{
	if (!pr->nr)
		return NULL;
	return bsearch(name, pr->entries, pr->nr, sizeof(*pr->entries), cmp_key);
}

static int strbuf_cb(void *arg, const char *buf, size_t n)
{
	return strbuf_add(arg, buf, n);
}

int pkg_read(const struct pkg_reader *pr, const struct pkg_entry *e, size_t limit,
	     struct strbuf *out)
{
	strbuf_init(out, limit);
	if (e->size > limit) {
		char *shown = pkg_display(pr, e->name);
		int ret = error_at(shown, 0, "larger than %zu bytes", limit);
		free(shown);
		return ret;
	}
	if (stream_entry(pr, e, strbuf_cb, out) < 0) {
		strbuf_release(out);
		return -1;
	}
	return 0;
}

static int fd_cb(void *arg, const char *buf, size_t n)
{
	int fd = *(int *)arg;
	while (n) {
		ssize_t w = write(fd, buf, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return error("cannot fill a memory file: %s", strerror(errno));
		buf += w;
		n -= (size_t)w;
	}
	return 0;
}

int pkg_memfd(const struct pkg_reader *pr, const struct pkg_entry *e)
{
	int fd = memfd_create("ftrkit-entry", MFD_CLOEXEC);
	if (fd < 0)
		return error("cannot create a memory file: %s", strerror(errno));
	if (stream_entry(pr, e, fd_cb, &fd) < 0 || lseek(fd, 0, SEEK_SET) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

void pkg_close(struct pkg_reader *pr)
{
	size_t i;
	if (pr->za)
		zip_discard(pr->za);
	if (pr->have_fd)
		close(pr->fd);
	free(pr->fd_path);
	for (i = 0; i < pr->nr; i++)
		free(pr->entries[i].name);
	free(pr->entries);
	free(pr->top);
	free(pr->path);
	memset(pr, 0, sizeof(*pr));
}
