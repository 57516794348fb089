/*
 * deflate_pool.c - parallel deflate for zip entries (see deflate_pool.h).
 *
 * Design: a ring of DEFLATE_POOL_WINDOW slots, each owning an input and an
 * output buffer for one chunk, with three cursors under one lock: `tail`
 * (the reader fills slots in archive order), `next_job` (workers take
 * filled slots in order and compress them, possibly finishing out of
 * order), and `head` (libzip's thread, inside a source's READ, drains the
 * slot at head once it is compressed and frees it).  The reader waits while
 * the ring is full, so memory never exceeds the window; the consumer waits
 * for its slot, so output order is the input order.  Each slot records its
 * chunk's CRC-32; the consumer combines them (crc32_combine), so libzip gets
 * the entry's CRC without reading the data again.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <libdeflate.h>
#include <zlib.h>

#include "package/deflate_pool.h"
#include "package/deflate_join.h"
#include "base/error.h"
#include "base/hash.h"
#include "base/jobs.h"
#include "base/banned.h"

enum slot_state { SLOT_FREE, SLOT_FILLED, SLOT_DONE, SLOT_FAILED };

struct slot {
	unsigned char *in, *out; /* DEFLATE_POOL_CHUNK, out_cap bytes */
	const unsigned char *data; /* what the consumer copies: out, or in when stored */
	size_t in_len, data_len, data_off;
	size_t entry;
	int last;
	uint32_t crc;
	enum slot_state state;
};

struct entry {
	struct deflate_pool *pool;
	size_t index;
	int dirfd;          /* borrowed with relpath; else the file itself, owned */
	char *relpath;
	deflate_pool_open_fn open_fn; /* opens relpath when set, else openat(dirfd) */
	void *open_ctx;
	int fd;             /* open while the reader reads it */
	uint64_t size;
	char expect[65];    /* SHA-256 the bytes must have; "" = not checked */
	int store;
	char *name;
	/* filled by the reader */
	char sha256[65];
	int hashed;
	/* consumer side */
	uint32_t crc;
	uint64_t comp_size, read_size;
	int eof;
	zip_error_t zerr;
};

struct deflate_pool {
	int level;
	struct progress *progress;
	struct entry **entries;
	size_t nr, alloc;
	struct slot slots[DEFLATE_POOL_WINDOW];
	size_t out_cap;
	size_t head, tail, next_job; /* slot sequence numbers */
	size_t consumer_entry;       /* the entry libzip should read next */
	int reader_done, cancel, started;
	pthread_mutex_t lock;
	pthread_cond_t changed;
	pthread_t reader, workers[JOBS_MAX];
	int nworkers, reader_running;
	char *error;
};

int deflate_pool_is_compressed_name(const char *name)
{
	static const char *const exts[] = {
		".gz", ".tgz", ".zip", ".bz2", ".xz", ".zst", ".7z", ".lz4", ".br",
		".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf", ".mp4", ".docx",
		".xlsx", ".pptx", ".jar", NULL,
	};
	size_t n = strlen(name), i;
	for (i = 0; exts[i]; i++) {
		size_t e = strlen(exts[i]);
		if (n > e && strcasecmp(name + n - e, exts[i]) == 0)
			return 1;
	}
	return 0;
}

struct deflate_pool *deflate_pool_new(int level, struct progress *progress)
{
	struct deflate_pool *p = xcalloc(1, sizeof(*p));
	struct libdeflate_compressor *c = libdeflate_alloc_compressor(level);
	size_t i;

	if (!c)
		die_oom();
	p->level = level;
	p->progress = progress;
	/* room for the worst case plus the stored block deflate_make_open appends */
	p->out_cap = libdeflate_deflate_compress_bound(c, DEFLATE_POOL_CHUNK) + 16;
	libdeflate_free_compressor(c);
	for (i = 0; i < DEFLATE_POOL_WINDOW; i++) {
		p->slots[i].in = xmalloc(DEFLATE_POOL_CHUNK);
		p->slots[i].out = xmalloc(p->out_cap);
	}
	if (pthread_mutex_init(&p->lock, NULL) || pthread_cond_init(&p->changed, NULL))
		die_oom();
	return p;
}

/* Record the first failure (under the lock). */
static void fail(struct deflate_pool *p, const char *fmt, const char *name, const char *why)
{
	if (!p->error)
		p->error = xasprintf(fmt, name, why);
}

static size_t chunks_of(uint64_t size)
{
	return size ? (size_t)((size + DEFLATE_POOL_CHUNK - 1) / DEFLATE_POOL_CHUNK) : 1;
}

/* Read exactly n bytes (short only at end of file); bytes read or -1. */
static ssize_t read_full(int fd, unsigned char *buf, size_t n)
{
	size_t got = 0;
	while (got < n) {
		ssize_t r = read(fd, buf + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return (ssize_t)got;
}

/* Open e for reading (the reader thread, in archive order); 0 or -1. */
static int open_entry(struct deflate_pool *p, struct entry *e)
{
	if (e->relpath && e->open_fn) {
		const char *why = "cannot open";
		e->fd = e->open_fn(e->open_ctx, e->relpath, &why);
		if (e->fd < 0) {
			int saved = errno;
			pthread_mutex_lock(&p->lock);
			if (saved && !strcmp(why, "cannot open"))
				fail(p, "%s: cannot open: %s", e->name, strerror(saved));
			else
				fail(p, "%s: %s", e->name, why);
			pthread_mutex_unlock(&p->lock);
			return -1;
		}
	} else if (e->relpath) {
		struct stat st;
		const char *why = NULL;
		/* never block on a FIFO or open a terminal swapped in */
		e->fd = openat(e->dirfd, e->relpath, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
		if (e->fd >= 0 && (fstat(e->fd, &st) < 0 || !S_ISREG(st.st_mode)))
			why = "changed since it was hashed (no longer a regular file)";
		else if (e->fd >= 0 && (uint64_t)st.st_size != e->size)
			why = "changed size while it was packed";
		if (why) {
			close(e->fd);
			e->fd = -1;
			pthread_mutex_lock(&p->lock);
			fail(p, "%s: %s", e->name, why);
			pthread_mutex_unlock(&p->lock);
			return -1;
		}
	} else {
		e->fd = e->dirfd;
		e->dirfd = -1;
		if (lseek(e->fd, 0, SEEK_SET) < 0) {
			int saved = errno;
			pthread_mutex_lock(&p->lock);
			fail(p, "%s: cannot seek: %s", e->name, strerror(saved));
			pthread_mutex_unlock(&p->lock);
			return -1;
		}
	}
	if (e->fd < 0) {
		int saved = errno;
		pthread_mutex_lock(&p->lock);
		fail(p, "%s: cannot open: %s", e->name, strerror(saved));
		pthread_mutex_unlock(&p->lock);
		return -1;
	}
	return 0;
}

/*
 * Read the next chunk of e into slot s; hash it; at the last chunk finish
 * the hash and compare.  0, or -1 with the failure recorded (lock held by
 * neither side: the slot is the reader's until published).
 */
static int fill_slot(struct deflate_pool *p, struct entry *e, struct sha256_stream **sha,
		     struct slot *s, uint64_t *off)
{
	size_t want = (size_t)(e->size - *off < DEFLATE_POOL_CHUNK ? e->size - *off
								  : DEFLATE_POOL_CHUNK);
	ssize_t got = read_full(e->fd, s->in, want);
	unsigned char extra;
	const char *why = NULL;
	char why_errno[128];

	s->in_len = got > 0 ? (size_t)got : 0;
	s->data_off = 0;
	if (got < 0) {
		snprintf(why_errno, sizeof(why_errno), "cannot read: %s", strerror(errno));
		why = why_errno;
	} else if ((size_t)got != want || (s->last && read_full(e->fd, &extra, 1) != 0)) {
		why = "changed size while it was packed";
	} else {
		sha256_update(*sha, s->in, s->in_len);
		*off += s->in_len;
		if (s->last) {
			sha256_end(*sha, e->sha256);
			*sha = NULL;
			if (e->expect[0] && strcmp(e->expect, e->sha256) != 0)
				why = "file changed after it was hashed";
		}
	}
	if (!why)
		return 0;
	pthread_mutex_lock(&p->lock);
	fail(p, "%s: %s", e->name, why);
	pthread_mutex_unlock(&p->lock);
	return -1;
}

/* The reader: files in order, chunk by chunk, hashing as it goes. */
static void *reader_main(void *arg)
{
	struct deflate_pool *p = arg;
	size_t i, c;

	for (i = 0; i < p->nr; i++) {
		struct entry *e = p->entries[i];
		size_t nchunks = chunks_of(e->size);
		struct sha256_stream *sha;
		uint64_t off = 0;
		int failed = open_entry(p, e) < 0;

		sha = sha256_begin();
		for (c = 0; c < nchunks; c++) {
			struct slot *s;

			pthread_mutex_lock(&p->lock);
			while (p->tail - p->head >= DEFLATE_POOL_WINDOW && !p->cancel)
				pthread_cond_wait(&p->changed, &p->lock);
			if (p->cancel) {
				pthread_mutex_unlock(&p->lock);
				failed = 1;
				break;
			}
			s = &p->slots[p->tail % DEFLATE_POOL_WINDOW];
			pthread_mutex_unlock(&p->lock);

			/* the slot is the reader's until it is published */
			s->entry = i;
			s->last = c + 1 == nchunks;
			if (!failed && fill_slot(p, e, &sha, s, &off) < 0)
				failed = 1;
			pthread_mutex_lock(&p->lock);
			s->state = failed ? SLOT_FAILED : SLOT_FILLED;
			if (s->last && !failed)
				e->hashed = 1;
			p->tail++;
			pthread_cond_broadcast(&p->changed);
			pthread_mutex_unlock(&p->lock);
			if (failed)
				break;
		}
		if (sha) {
			char scratch[65];
			sha256_end(sha, scratch);
		}
		if (e->fd >= 0)
			close(e->fd);
		e->fd = -1;
		if (failed)
			break;
	}
	pthread_mutex_lock(&p->lock);
	p->reader_done = 1;
	pthread_cond_broadcast(&p->changed);
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

static void *worker_main(void *arg)
{
	struct deflate_pool *p = arg;
	struct libdeflate_compressor *c = libdeflate_alloc_compressor(p->level);

	if (!c)
		die_oom();
	for (;;) {
		struct slot *s;
		pthread_mutex_lock(&p->lock);
		while (p->next_job == p->tail && !p->reader_done && !p->cancel)
			pthread_cond_wait(&p->changed, &p->lock);
		if (p->cancel || p->next_job == p->tail) {
			pthread_mutex_unlock(&p->lock);
			break;
		}
		s = &p->slots[p->next_job % DEFLATE_POOL_WINDOW];
		p->next_job++;
		pthread_mutex_unlock(&p->lock);

		if (s->state == SLOT_FILLED) {
			const struct entry *e = p->entries[s->entry];
			s->crc = (uint32_t)libdeflate_crc32(0, s->in, s->in_len);
			if (e->store) {
				s->data = s->in;
				s->data_len = s->in_len;
			} else {
				size_t n = libdeflate_deflate_compress(c, s->in, s->in_len, s->out,
								       p->out_cap);
				if (n && !s->last)
					n = deflate_make_open(s->out, n, p->out_cap);
				if (!n)
					die_oom(); /* cannot happen: out_cap is the bound */
				s->data = s->out;
				s->data_len = n;
			}
		}
		pthread_mutex_lock(&p->lock);
		if (s->state == SLOT_FILLED)
			s->state = SLOT_DONE;
		pthread_cond_broadcast(&p->changed);
		pthread_mutex_unlock(&p->lock);
	}
	libdeflate_free_compressor(c);
	return NULL;
}

/* Start the threads at the first read (all sources exist by then). */
static void start(struct deflate_pool *p)
{
	int n = jobs_count(), t;
	p->started = 1;
	if (pthread_create(&p->reader, NULL, reader_main, p) != 0)
		die_oom();
	p->reader_running = 1;
	for (t = 0; t < n; t++) {
		if (pthread_create(&p->workers[t], NULL, worker_main, p) != 0)
			break;
		p->nworkers++;
	}
	if (!p->nworkers)
		die_oom();
}

/* READ: copy compressed bytes of entry e into buf; bytes, 0 at its end, -1. */
static zip_int64_t consume(struct entry *e, unsigned char *buf, zip_uint64_t len)
{
	struct deflate_pool *p = e->pool;
	zip_uint64_t done = 0;

	while (done < len && !e->eof) {
		struct slot *s;
		size_t n;

		pthread_mutex_lock(&p->lock);
		s = &p->slots[p->head % DEFLATE_POOL_WINDOW];
		while (p->head == p->tail || (s->state != SLOT_DONE && s->state != SLOT_FAILED)) {
			if (p->cancel || (p->reader_done && p->head == p->tail)) {
				fail(p, "%s: %s", e->name, "archive stopped before the file was packed");
				pthread_mutex_unlock(&p->lock);
				zip_error_set(&e->zerr, ZIP_ER_READ, EIO);
				return -1;
			}
			pthread_cond_wait(&p->changed, &p->lock);
		}
		pthread_mutex_unlock(&p->lock);
		if (s->state == SLOT_FAILED || s->entry != e->index) {
			zip_error_set(&e->zerr, ZIP_ER_READ, EIO);
			return -1;
		}
		n = s->data_len - s->data_off;
		if (n > len - done)
			n = (size_t)(len - done);
		memcpy(buf + done, s->data + s->data_off, n);
		s->data_off += n;
		done += n;
		if (s->data_off == s->data_len) {
			e->crc = (uint32_t)crc32_combine(e->crc, s->crc, (z_off_t)s->in_len);
			e->comp_size += s->data_len;
			e->read_size += s->in_len;
			progress_add(p->progress, s->last, s->in_len);
			if (s->last)
				e->eof = 1;
			pthread_mutex_lock(&p->lock);
			s->state = SLOT_FREE;
			p->head++;
			pthread_cond_broadcast(&p->changed);
			pthread_mutex_unlock(&p->lock);
		}
	}
	return (zip_int64_t)done;
}

static zip_int64_t source_cb(void *ud, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
	struct entry *e = ud;
	struct deflate_pool *p = e->pool;

	switch (cmd) {
	case ZIP_SOURCE_OPEN:
		if (e->index != p->consumer_entry) {
			/* libzip reads in index order; anything else is a caller bug */
			zip_error_set(&e->zerr, ZIP_ER_INTERNAL, 0);
			return -1;
		}
		p->consumer_entry++;
		if (!p->started)
			start(p);
		return 0;
	case ZIP_SOURCE_READ:
		return consume(e, data, len);
	case ZIP_SOURCE_CLOSE:
		return 0;
	case ZIP_SOURCE_STAT: {
		zip_stat_t *st = data;
		zip_stat_init(st);
		st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_METHOD;
		st->size = e->size;
		st->comp_method = e->store ? ZIP_CM_STORE : ZIP_CM_DEFLATE;
		if (e->eof) {
			st->valid |= ZIP_STAT_CRC | ZIP_STAT_COMP_SIZE;
			st->crc = e->crc;
			st->comp_size = e->comp_size;
		}
		return sizeof(*st);
	}
	case ZIP_SOURCE_ERROR:
		return zip_error_to_data(&e->zerr, data, len);
	case ZIP_SOURCE_FREE:
		return 0; /* the entry belongs to the pool */
	case ZIP_SOURCE_SUPPORTS:
		return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ,
						      ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
						      ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
	default:
		zip_error_set(&e->zerr, ZIP_ER_OPNOTSUPP, 0);
		return -1;
	}
}

/* A source for a new entry e (its file fields set by the caller). */
static zip_source_t *make_source(struct deflate_pool *pool, struct entry *e,
				 uint64_t size, const char *sha256, int store, const char *name);

zip_source_t *deflate_pool_source(struct deflate_pool *pool, int dirfd, const char *relpath,
				  uint64_t size, const char *sha256, int store, const char *name)
{
	struct entry *e = xcalloc(1, sizeof(*e));

	e->dirfd = dirfd;
	e->relpath = relpath ? xstrdup(relpath) : NULL;
	return make_source(pool, e, size, sha256, store, name);
}

zip_source_t *deflate_pool_source_opened(struct deflate_pool *pool, deflate_pool_open_fn open_fn,
					 void *ctx, const char *relpath, uint64_t size,
					 const char *sha256, int store, const char *name)
{
	struct entry *e = xcalloc(1, sizeof(*e));

	e->dirfd = -1;
	e->relpath = xstrdup(relpath);
	e->open_fn = open_fn;
	e->open_ctx = ctx;
	return make_source(pool, e, size, sha256, store, name);
}

static zip_source_t *make_source(struct deflate_pool *pool, struct entry *e,
				 uint64_t size, const char *sha256, int store, const char *name)
{
	zip_source_t *src;

	e->pool = pool;
	e->index = pool->nr;
	e->fd = -1;
	e->size = size;
	if (sha256) {
		memcpy(e->expect, sha256, 64);
		e->expect[64] = '\0';
	}
	e->store = store || size == 0;
	e->name = xstrdup(name);
	zip_error_init(&e->zerr);
	src = zip_source_function_create(source_cb, e, NULL);
	if (!src)
		die_oom();
	ALLOC_GROW(pool->entries, pool->nr, pool->alloc);
	pool->entries[pool->nr++] = e;
	return src;
}

const char *deflate_pool_sha256(const struct deflate_pool *pool, size_t n)
{
	const char *ret = NULL;
	if (n >= pool->nr)
		return NULL;
	pthread_mutex_lock((pthread_mutex_t *)&pool->lock);
	if (pool->entries[n]->hashed && pool->entries[n]->eof)
		ret = pool->entries[n]->sha256;
	pthread_mutex_unlock((pthread_mutex_t *)&pool->lock);
	return ret;
}

const char *deflate_pool_error(const struct deflate_pool *pool)
{
	return pool->error;
}

void deflate_pool_free(struct deflate_pool *pool)
{
	size_t i;
	int t;

	if (!pool)
		return;
	pthread_mutex_lock(&pool->lock);
	pool->cancel = 1;
	pthread_cond_broadcast(&pool->changed);
	pthread_mutex_unlock(&pool->lock);
	if (pool->reader_running)
		pthread_join(pool->reader, NULL);
	for (t = 0; t < pool->nworkers; t++)
		pthread_join(pool->workers[t], NULL);
	for (i = 0; i < pool->nr; i++) {
		struct entry *e = pool->entries[i];
		if (e->fd >= 0)
			close(e->fd);
		if (!e->relpath && e->dirfd >= 0)
			close(e->dirfd); /* an owned descriptor the reader never reached */
		zip_error_fini(&e->zerr);
		free(e->relpath);
		free(e->name);
		free(e);
	}
	for (i = 0; i < DEFLATE_POOL_WINDOW; i++) {
		free(pool->slots[i].in);
		free(pool->slots[i].out);
	}
	free(pool->entries);
	free(pool->error);
	pthread_mutex_destroy(&pool->lock);
	pthread_cond_destroy(&pool->changed);
	free(pool);
}
