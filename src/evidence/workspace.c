/*
 * workspace.c - walk, classify and hash the evidence folder.
 *
 * Design: one pass over the tree with openat()/fdopendir() relative to the
 * root descriptor, names sorted with strcmp so the inventory (and so every
 * report and package) is the same on every file system and locale.  The
 * walk only lists and stats; a second pass opens the files in path order
 * (folder by folder with O_NOFOLLOW from the root descriptor; files with
 * O_NOFOLLOW unless the entry is a symlink that was checked to resolve
 * inside the root) while worker threads hash them in fixed blocks, one
 * read of each byte, every result written into the file's own slot.  When
 * given a block consumer (the bundle's secret scan, inventory_scan.h), each
 * worker also feeds it those blocks.
 */
#include <dirent.h>
#include <stdio.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sys/syscall.h>
#ifdef __has_include
#if __has_include(<linux/openat2.h>)
#include <linux/openat2.h>
#define HAVE_OPENAT2_H 1
#endif
#endif

#include "evidence/workspace.h"
#include "base/error.h"
#include "base/hash.h"
#include "base/jobs.h"
#include "base/progress.h"
#include "base/strbuf.h"
#include "base/banned.h"

const struct workspace_limits workspace_default_limits = {
	.max_file_size = (uint64_t)4 << 30,
	.max_files = 100000,
	.max_line = 64 * 1024,
};

#define MAX_DEPTH 64
#define RING 64 /* files opened ahead of the hashing workers */

/* One file found by the walk, hashed in the second pass. */
struct job {
	char *path;        /* workspace-relative; moved into the inventory */
	int follow;        /* a symlink checked to resolve inside the root */
	uint64_t size;     /* from the walk's stat, for limits and progress */
	uint64_t dev, ino; /* of the file hashed */
	int fd;            /* open descriptor while queued, else -1 */
	enum { JOB_OK, JOB_OPEN, JOB_READ, JOB_CHANGED, JOB_NOT_REG, JOB_TOO_BIG } status;
	int err;           /* errno for JOB_OPEN and JOB_READ */
	uint64_t hashed;   /* bytes hashed */
	char sha256[SHA256_HEX_LEN + 1];
	void *consumed;    /* the consumer's result; moved into the inventory */
};

struct walk {
	struct workspace *ws;
	char *root_real; /* realpath of the root, for symlink checks */
	struct job *jobs;
	size_t nr_jobs, alloc_jobs;
	uint64_t total_bytes;
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_job(const void *a, const void *b)
{
	return strcmp(((const struct job *)a)->path, ((const struct job *)b)->path);
}

char *workspace_display_path(const struct workspace *ws, const char *relpath)
{
	size_t n = strlen(ws->root);
	if (n && ws->root[n - 1] == '/')
		return xasprintf("%s%s", ws->root, relpath);
	return xasprintf("%s/%s", ws->root, relpath);
}

/* 1 when real (an absolute resolved path) is root or below it. */
static int inside(const char *root, const char *real)
{
	size_t n = strlen(root);
	if (strcmp(root, "/") == 0)
		return 1;
	return strncmp(root, real, n) == 0 && (real[n] == '/' || real[n] == '\0');
}

static int size_error(const struct workspace *ws, const char *relpath, uint64_t size)
{
	char *shown = workspace_display_path(ws, relpath);
	int ret = error_at(shown, 0, "file of %llu bytes exceeds the %llu-byte limit (see --max-file-size)",
			   (unsigned long long)size,
			   (unsigned long long)ws->limits.max_file_size);
	free(shown);
	return ret;
}

/* Record a file for hashing (the walk holds nothing open). */
static int add_file(struct walk *w, const char *relpath, int follow, uint64_t size)
{
	struct workspace *ws = w->ws;
	struct job *j;

	if (ws->limits.max_files && w->nr_jobs >= ws->limits.max_files) {
		char *shown = workspace_display_path(ws, relpath);
		int ret = error_at(shown, 0, "more than %zu evidence files (limit; see --max-files)",
				   ws->limits.max_files);
		free(shown);
		return ret;
	}
	if (ws->limits.max_file_size && size > ws->limits.max_file_size)
		return size_error(ws, relpath, size);
	ALLOC_GROW(w->jobs, w->nr_jobs, w->alloc_jobs);
	j = &w->jobs[w->nr_jobs++];
	memset(j, 0, sizeof(*j));
	j->path = xstrdup(relpath);
	j->follow = follow;
	j->size = size;
	j->fd = -1;
	w->total_bytes += size;
	return 0;
}

/*
 * Resolve a symlink entry; 1 = regular file inside (*size = its size),
 * 0 = skip (folder inside), -1 error.
 */
static int check_symlink(struct walk *w, int dirfd, const char *name, const char *relpath,
			 uint64_t *size)
{
	char *shown = workspace_display_path(w->ws, relpath);
	char *proc = NULL, *real = NULL;
	struct stat st;
	int ret;

	/* Resolve through /proc/self/fd so the path is relative to dirfd. */
	proc = xasprintf("/proc/self/fd/%d/%s", dirfd, name);
	real = realpath(proc, NULL);
	if (!real) {
		ret = error_at(shown, 0, "symbolic link cannot be resolved: %s", strerror(errno));
		goto out;
	}
	if (!inside(w->root_real, real)) {
		ret = error_at(shown, 0, "symbolic link points outside the workspace (to %s)", real);
		goto out;
	}
	if (stat(real, &st) < 0) {
		ret = error_at(shown, 0, "cannot stat link target: %s", strerror(errno));
		goto out;
	}
	if (S_ISDIR(st.st_mode)) {
		/* A link to its own folder or an ancestor is a loop: refuse it
		 * (walkers that follow links would never end). */
		char *here_proc = xasprintf("/proc/self/fd/%d", dirfd);
		char *here = realpath(here_proc, NULL);
		free(here_proc);
		if (here && inside(real, here)) {
			ret = error_at(shown, 0, "symbolic link to folder %s makes a directory loop", real);
			free(here);
			goto out;
		}
		free(here);
	}
	ret = S_ISREG(st.st_mode) ? 1 : 0;
	*size = (uint64_t)st.st_size;
out:
	free(proc);
	free(real);
	free(shown);
	return ret;
}

static int walk_dir(struct walk *w, int dirfd, const char *prefix, int depth)
{
	DIR *dir;
	struct dirent *de;
	char **names = NULL;
	size_t nr = 0, alloc = 0, i;
	int ret = 0;

	if (depth > MAX_DEPTH) {
		close(dirfd);
		return error_at(w->ws->root, 0, "folders nested deeper than %d levels under %s",
				MAX_DEPTH, *prefix ? prefix : ".");
	}
	dir = fdopendir(dirfd);
	if (!dir) {
		close(dirfd);
		return error_at(w->ws->root, 0, "cannot list %s: %s",
				*prefix ? prefix : ".", strerror(errno));
	}
	while ((de = readdir(dir))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		ALLOC_GROW(names, nr, alloc);
		names[nr++] = xstrdup(de->d_name);
	}
	if (nr)
		qsort(names, nr, sizeof(*names), cmp_str);

	for (i = 0; i < nr && ret == 0; i++) {
		char *relpath = *prefix ? xasprintf("%s/%s", prefix, names[i])
					: xstrdup(names[i]);
		struct stat st;
		uint64_t size = 0;
		int fd;

		if (fstatat(dirfd, names[i], &st, AT_SYMLINK_NOFOLLOW) < 0) {
			char *shown = workspace_display_path(w->ws, relpath);
			ret = error_at(shown, 0, "cannot stat: %s", strerror(errno));
			free(shown);
		} else if (S_ISDIR(st.st_mode)) {
			fd = openat(dirfd, names[i], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
			if (fd < 0) {
				char *shown = workspace_display_path(w->ws, relpath);
				ret = error_at(shown, 0, "cannot open folder: %s", strerror(errno));
				free(shown);
			} else {
				ret = walk_dir(w, fd, relpath, depth + 1);
			}
		} else if (S_ISLNK(st.st_mode)) {
			int kind = check_symlink(w, dirfd, names[i], relpath, &size);
			if (kind < 0)
				ret = -1;
			else if (kind == 1)
				ret = add_file(w, relpath, 1, size);
		} else if (S_ISREG(st.st_mode)) {
			ret = add_file(w, relpath, 0, (uint64_t)st.st_size);
		}
		/* sockets, fifos and devices are not evidence: skipped */
		free(relpath);
	}
	for (i = 0; i < nr; i++)
		free(names[i]);
	free(names);
	closedir(dir);
	return ret;
}

/*
 * Open folders along sorted paths: the stack holds the descriptors of the
 * folders of the previous path, so a run of files in one folder costs one
 * openat() each.  Every folder is opened with O_NOFOLLOW relative to its
 * parent, starting at the root descriptor: no path is resolved by name
 * from outside, and a folder swapped for a symlink since the walk fails.
 */
struct dir_stack {
	int root_fd;                   /* borrowed */
	int fd[MAX_DEPTH + 2];         /* fd[0] = root_fd */
	char *name[MAX_DEPTH + 2];     /* name[k] = folder opened as fd[k], k >= 1 */
	size_t depth;
};

static void dir_stack_pop(struct dir_stack *ds, size_t keep)
{
	while (ds->depth > keep) {
		close(ds->fd[ds->depth]);
		free(ds->name[ds->depth]);
		ds->depth--;
	}
}

/* Open the file at relpath (sorted order keeps the stack warm); fd or -1. */
static int dir_stack_open(struct dir_stack *ds, const char *relpath, int follow)
{
	const char *p = relpath, *slash;
	size_t level = 0;

	while ((slash = strchr(p, '/'))) {
		size_t n = (size_t)(slash - p);
		level++;
		if (level > MAX_DEPTH + 1) {
			errno = ELOOP;
			return -1;
		}
		if (ds->depth >= level && strlen(ds->name[level]) == n &&
		    memcmp(ds->name[level], p, n) == 0) {
			p = slash + 1;
			continue;
		}
		dir_stack_pop(ds, level - 1);
		{
			char *name = xstrndup(p, n);
			int fd = openat(ds->fd[level - 1], name,
					O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
			if (fd < 0) {
				free(name);
				return -1;
			}
			ds->depth = level;
			ds->fd[level] = fd;
			ds->name[level] = name;
		}
		p = slash + 1;
	}
	dir_stack_pop(ds, level);
	return openat(ds->fd[level], p, O_RDONLY | O_CLOEXEC | O_NONBLOCK |
		      (follow ? 0 : O_NOFOLLOW));
}

/* The hashing stage: the walker opens, workers hash (see workspace_hash). */
struct hasher {
	struct job *jobs;
	const struct workspace_limits *limits;
	const struct block_consumer *consumer; /* NULL: hash only */
	struct progress *progress;
	pthread_mutex_t lock;
	pthread_cond_t not_empty, not_full;
	size_t queue[RING];
	size_t head, count; /* ring of job indices */
	int closed;         /* no more jobs will come */
};

/* One thread's consumer: the interface and the worker it made. */
struct consumer_worker {
	const struct block_consumer *c;
	void *worker;
};

static void consumer_worker_start(struct consumer_worker *cw, const struct block_consumer *c)
{
	cw->c = c;
	cw->worker = c ? c->worker_new(c->ctx) : NULL;
}

static void consumer_worker_stop(struct consumer_worker *cw)
{
	if (cw->c)
		cw->c->worker_free(cw->worker);
}

/* sha256_block_fn: the hashed block goes on to the consumer. */
static void consume_block(void *arg, const unsigned char *data, size_t n)
{
	const struct consumer_worker *cw = arg;
	cw->c->feed(cw->worker, data, n);
}

/* Hash the open file, and with a consumer feed it the same blocks; errors
 * the consumer would report are muted (see struct block_consumer).
 * 0, or -1 with errno set on a read error. */
static int read_job(struct job *j, struct sha256_reader *reader, const struct consumer_worker *cw)
{
	int rc, was, saved;

	if (!cw->c)
		return sha256_reader_fd(reader, j->fd, j->sha256, &j->hashed, NULL, NULL);
	was = error_mute_thread(1);
	cw->c->begin(cw->worker, j->path);
	rc = sha256_reader_fd(reader, j->fd, j->sha256, &j->hashed, consume_block, (void *)cw);
	saved = errno;
	j->consumed = cw->c->end(cw->worker);
	error_mute_thread(was);
	errno = saved; /* the read's, for JOB_READ */
	return rc;
}

/* Hash (and scan) one opened file and close it; the outcome goes into j. */
static void hash_job(struct job *j, struct sha256_reader *reader,
		     const struct workspace_limits *limits, const struct consumer_worker *cw)
{
	struct stat before, after;

	if (fstat(j->fd, &before) < 0) {
		j->status = JOB_READ;
		j->err = errno;
	} else if (!S_ISREG(before.st_mode)) {
		j->status = JOB_NOT_REG;
	} else if (limits->max_file_size && (uint64_t)before.st_size > limits->max_file_size) {
		j->status = JOB_TOO_BIG;
		j->size = (uint64_t)before.st_size;
	} else if (read_job(j, reader, cw) < 0) {
		j->status = JOB_READ;
		j->err = errno;
	} else if (fstat(j->fd, &after) < 0) {
		j->status = JOB_READ;
		j->err = errno;
	} else if ((uint64_t)before.st_size != j->hashed || after.st_size != before.st_size ||
		   after.st_mtim.tv_sec != before.st_mtim.tv_sec ||
		   after.st_mtim.tv_nsec != before.st_mtim.tv_nsec) {
		j->status = JOB_CHANGED;
	}
	if (j->status == JOB_OK) {
		/* the file hashed, for workspace_reopen() */
		j->dev = (uint64_t)before.st_dev;
		j->ino = (uint64_t)before.st_ino;
	}
	close(j->fd);
	j->fd = -1;
}

static void *hash_worker(void *arg)
{
	struct hasher *h = arg;
	struct sha256_reader reader;
	struct consumer_worker cw;

	consumer_worker_start(&cw, h->consumer);
	sha256_reader_init(&reader, 0);
	for (;;) {
		struct job *j;
		pthread_mutex_lock(&h->lock);
		while (!h->count && !h->closed)
			pthread_cond_wait(&h->not_empty, &h->lock);
		if (!h->count) {
			pthread_mutex_unlock(&h->lock);
			break;
		}
		j = &h->jobs[h->queue[h->head]];
		h->head = (h->head + 1) % RING;
		h->count--;
		pthread_cond_signal(&h->not_full);
		pthread_mutex_unlock(&h->lock);
		hash_job(j, &reader, h->limits, &cw);
		progress_add(h->progress, 1, j->hashed);
	}
	sha256_reader_free(&reader);
	consumer_worker_stop(&cw);
	return NULL;
}

static void enqueue(struct hasher *h, size_t index)
{
	pthread_mutex_lock(&h->lock);
	while (h->count == RING)
		pthread_cond_wait(&h->not_full, &h->lock);
	h->queue[(h->head + h->count) % RING] = index;
	h->count++;
	pthread_cond_signal(&h->not_empty);
	pthread_mutex_unlock(&h->lock);
}

/*
 * Hash every job, in parallel when jobs_count() > 1.  This thread opens
 * the files in sorted order (so at most RING descriptors are open); the
 * workers hash them.  Each job's outcome is written into its own slot, so
 * the result never depends on scheduling.  Stops opening at the first
 * open error; the caller reports the first failed job in path order.
 */
/* Open a job's file in path order (the opener keeps folder descriptors
 * along the way); -1 with the job marked JOB_OPEN and its errno kept. */
static int open_job(struct dir_stack *ds, struct job *job)
{
	job->fd = dir_stack_open(ds, job->path, job->follow);
	if (job->fd >= 0)
		return 0;
	job->status = JOB_OPEN;
	job->err = errno;
	return -1;
}

static void hash_all(struct workspace *ws, struct job *jobs, size_t nr, uint64_t total_bytes,
		     const struct block_consumer *consumer)
{
	struct hasher h;
	struct dir_stack ds;
	pthread_t threads[JOBS_MAX];
	int nthreads = jobs_count(), started = 0, t;
	size_t i;

	memset(&h, 0, sizeof(h));
	h.jobs = jobs;
	h.limits = &ws->limits;
	h.consumer = consumer;
	h.progress = progress_begin("inventory", nr, total_bytes);
	memset(&ds, 0, sizeof(ds));
	ds.root_fd = ds.fd[0] = ws->root_fd;
	if ((size_t)nthreads > nr)
		nthreads = (int)nr;
	if (nthreads > 1) {
		if (pthread_mutex_init(&h.lock, NULL) || pthread_cond_init(&h.not_empty, NULL) ||
		    pthread_cond_init(&h.not_full, NULL))
			die_oom();
		for (t = 0; t < nthreads; t++) {
			if (pthread_create(&threads[t], NULL, hash_worker, &h) != 0)
				break;
			started++;
		}
	}
	if (started == 0) {
		/* serial: no thread could start, or one CPU */
		struct sha256_reader reader;
		struct consumer_worker cw;
		consumer_worker_start(&cw, consumer);
		sha256_reader_init(&reader, 0);
		for (i = 0; i < nr; i++) {
			if (open_job(&ds, &jobs[i]) < 0)
				break;
			hash_job(&jobs[i], &reader, &ws->limits, &cw);
			progress_add(h.progress, 1, jobs[i].hashed);
		}
		sha256_reader_free(&reader);
		consumer_worker_stop(&cw);
	} else {
		for (i = 0; i < nr; i++) {
			if (open_job(&ds, &jobs[i]) < 0)
				break;
			enqueue(&h, i);
		}
		pthread_mutex_lock(&h.lock);
		h.closed = 1;
		pthread_cond_broadcast(&h.not_empty);
		pthread_mutex_unlock(&h.lock);
		for (t = 0; t < started; t++)
			pthread_join(threads[t], NULL);
	}
	if (nthreads > 1) {
		pthread_mutex_destroy(&h.lock);
		pthread_cond_destroy(&h.not_empty);
		pthread_cond_destroy(&h.not_full);
	}
	dir_stack_pop(&ds, 0);
	progress_end(h.progress);
}

/* Report a failed job; -1. */
static int job_error(const struct workspace *ws, const struct job *j)
{
	char *shown;
	int ret;

	if (j->status == JOB_TOO_BIG)
		return size_error(ws, j->path, j->size);
	shown = workspace_display_path(ws, j->path);
	switch (j->status) {
	case JOB_OPEN:
		ret = error_at(shown, 0, "cannot open: %s", strerror(j->err));
		break;
	case JOB_READ:
		ret = error_at(shown, 0, "cannot read: %s", strerror(j->err));
		break;
	case JOB_NOT_REG:
		ret = error_at(shown, 0, "no longer a regular file (changed while being read)");
		break;
	default:
		ret = error_at(shown, 0, "file changed while it was being read");
		break;
	}
	free(shown);
	return ret;
}

int workspace_open(const char *dir, const struct workspace_limits *limits,
		   struct workspace *ws)
{
	return workspace_open_consumed(dir, limits, NULL, ws);
}

int workspace_open_consumed(const char *dir, const struct workspace_limits *limits,
			    const struct block_consumer *consumer, struct workspace *ws)
{
	struct walk w;
	size_t i;
	int fd, ret;

	memset(ws, 0, sizeof(*ws));
	memset(&w, 0, sizeof(w));
	ws->root_fd = -1;
	ws->root = xstrdup(dir);
	ws->limits = limits ? *limits : workspace_default_limits;
	ws->consumer = consumer;
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		ret = error_at(dir, 0, "cannot open workspace folder: %s", strerror(errno));
		workspace_close(ws);
		return ret;
	}
	ws->root_fd = fd;
	w.ws = ws;
	w.root_real = realpath(dir, NULL);
	if (!w.root_real) {
		ret = error_at(dir, 0, "cannot resolve workspace folder: %s", strerror(errno));
		workspace_close(ws);
		return ret;
	}
	ws->root_real = w.root_real;
	ret = walk_dir(&w, dup(fd), "", 0);
	if (ret == 0) {
		/* The inventory is in strcmp order of whole paths (bsearch needs it). */
		if (w.nr_jobs)
			qsort(w.jobs, w.nr_jobs, sizeof(*w.jobs), cmp_job);
		hash_all(ws, w.jobs, w.nr_jobs, w.total_bytes, consumer);
		for (i = 0; i < w.nr_jobs && ret == 0; i++)
			if (w.jobs[i].status != JOB_OK)
				ret = job_error(ws, &w.jobs[i]);
	}
	if (ret == 0) {
		ws->files = xcalloc(w.nr_jobs ? w.nr_jobs : 1, sizeof(*ws->files));
		ws->alloc_files = w.nr_jobs ? w.nr_jobs : 1;
		for (i = 0; i < w.nr_jobs; i++) {
			struct evidence_file *f = &ws->files[i];
			f->path = w.jobs[i].path;
			w.jobs[i].path = NULL;
			f->size = w.jobs[i].hashed;
			memcpy(f->sha256, w.jobs[i].sha256, sizeof(f->sha256));
			f->kind = "other";
			f->dev = w.jobs[i].dev;
			f->ino = w.jobs[i].ino;
			f->follow = w.jobs[i].follow;
			f->consumed = w.jobs[i].consumed;
			w.jobs[i].consumed = NULL;
		}
		ws->nr_files = w.nr_jobs;
	}
	for (i = 0; i < w.nr_jobs; i++) {
		free(w.jobs[i].path);
		if (w.jobs[i].consumed)
			consumer->free_result(w.jobs[i].consumed);
	}
	free(w.jobs);
	if (ret < 0)
		workspace_close(ws);
	return ret;
}

void workspace_close(struct workspace *ws)
{
	size_t i;
	for (i = 0; i < ws->nr_files; i++) {
		free(ws->files[i].path);
		if (ws->files[i].consumed)
			ws->consumer->free_result(ws->files[i].consumed);
	}
	free(ws->files);
	if (ws->root_fd >= 0)
		close(ws->root_fd);
	free(ws->root);
	free(ws->root_real);
	memset(ws, 0, sizeof(*ws));
	ws->root_fd = -1;
}

static int cmp_file(const void *key, const void *elem)
{
	return strcmp((const char *)key, ((const struct evidence_file *)elem)->path);
}

struct evidence_file *workspace_find(const struct workspace *ws, const char *relpath)
{
	if (!ws->nr_files)
		return NULL;
	return bsearch(relpath, ws->files, ws->nr_files, sizeof(*ws->files), cmp_file);
}

struct evidence_file *workspace_require(const struct workspace *ws, const struct ref *ref,
					const char *referrer)
{
	struct evidence_file *f = workspace_find(ws, ref->path);
	if (!f)
		error_at(referrer, ref->line, "evidence file '%s' not found in workspace %s",
			 ref->path, ws->root);
	return f;
}

static int classify(struct workspace *ws, const struct ref *ref, const char *referrer,
		    const char *kind)
{
	struct evidence_file *f = workspace_require(ws, ref, referrer);
	if (!f)
		return -1;
	/* The first, most specific kind wins (drill-log before document). */
	if (strcmp(f->kind, "other") == 0)
		f->kind = kind;
	return 0;
}

int workspace_classify(struct workspace *ws, const struct assessment *a,
		       const char *assessment_relpath)
{
	struct evidence_file *self = workspace_find(ws, assessment_relpath);
	size_t i, j;

	if (self)
		self->kind = "assessment";
	for (i = 0; i < a->nr_scenarios; i++) {
		const struct scenario *s = &a->scenarios[i];
		for (j = 0; j < s->nr_drill_logs; j++)
			if (classify(ws, &s->drill_logs[j], a->path, "drill-log") < 0)
				return -1;
		if (s->runbook.path && classify(ws, &s->runbook, a->path, "runbook") < 0)
			return -1;
	}
	for (i = 0; i < a->nr_configs; i++)
		if (classify(ws, &a->configs[i], a->path, "config") < 0)
			return -1;
	if (a->template.path && classify(ws, &a->template, a->path, "template") < 0)
		return -1;
	for (i = 0; i < a->nr_statements; i++) {
		for (j = 0; j < a->statements[i].nr_evidence; j++)
			if (classify(ws, &a->statements[i].evidence[j], a->path, "document") < 0)
				return -1;
		for (j = 0; j < a->statements[i].attestation.nr_examined; j++)
			if (classify(ws, &a->statements[i].attestation.examined[j], a->path,
				     "document") < 0)
				return -1;
	}
	return 0;
}

void workspace_init_virtual(struct workspace *ws, const char *root,
			    workspace_open_fn fn, void *ctx)
{
	memset(ws, 0, sizeof(*ws));
	ws->root = xstrdup(root);
	ws->root_fd = -1;
	ws->limits = workspace_default_limits;
	ws->open_fn = fn;
	ws->open_ctx = ctx;
}

static int cmp_evidence(const void *a, const void *b)
{
	return strcmp(((const struct evidence_file *)a)->path,
		      ((const struct evidence_file *)b)->path);
}

void workspace_add_virtual(struct workspace *ws, const char *relpath, uint64_t size,
			   const char *sha256)
{
	struct evidence_file *f;
	ALLOC_GROW(ws->files, ws->nr_files, ws->alloc_files);
	f = &ws->files[ws->nr_files++];
	memset(f, 0, sizeof(*f));
	f->path = xstrdup(relpath);
	f->size = size;
	memcpy(f->sha256, sha256, SHA256_HEX_LEN);
	f->sha256[SHA256_HEX_LEN] = '\0';
	f->kind = "other";
	/* keep the bsearch invariant: sorted by path */
	if (ws->nr_files > 1 && strcmp(ws->files[ws->nr_files - 2].path, relpath) > 0)
		qsort(ws->files, ws->nr_files, sizeof(*ws->files), cmp_evidence);
}

/* Open relpath below the root with the kernel refusing any escape; -1 with errno. */
static int open_beneath(const struct workspace *ws, const char *relpath, int nofollow)
{
#if defined(HAVE_OPENAT2_H) && defined(SYS_openat2)
	struct open_how how;
	memset(&how, 0, sizeof(how));
	how.flags = O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK | (nofollow ? O_NOFOLLOW : 0);
	how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
	return (int)syscall(SYS_openat2, ws->root_fd, relpath, &how, sizeof(how));
#else
	(void)ws; (void)relpath; (void)nofollow;
	errno = ENOSYS;
	return -1;
#endif
}

/* 1 when the open descriptor fd is a file inside the root, 0 outside, -1 unknown. */
static int fd_inside(const struct workspace *ws, int fd)
{
	char proc[64], *real;
	int in;
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	real = realpath(proc, NULL);
	if (!real)
		return -1;
	in = inside(ws->root_real, real);
	free(real);
	return in;
}

int workspace_reopen(const struct workspace *ws, const char *relpath, const char **why)
{
	const struct evidence_file *f = workspace_find(ws, relpath);
	int nofollow, fd, in, saved;
	struct stat st;

	*why = "not in the workspace inventory";
	if (!f || ws->open_fn)
		return -1;
	nofollow = !f->follow;
	fd = open_beneath(ws, relpath, nofollow);
	if (fd < 0 && (errno == ENOSYS || errno == EXDEV || errno == EPERM)) {
		/* No openat2, or an absolute symlink the inventory found inside:
		 * open, then check where the descriptor really points. */
		fd = openat(ws->root_fd, relpath, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK |
			    (nofollow ? O_NOFOLLOW : 0));
		if (fd >= 0 && (in = fd_inside(ws, fd)) != 1) {
			close(fd);
			*why = in == 0 ? "now resolves outside the workspace (changed since the inventory)"
				       : "cannot check where the file resolves (/proc not mounted?)";
			return -1;
		}
	}
	if (fd < 0) {
		saved = errno;
		*why = saved == ELOOP && nofollow
			? "changed since the inventory (now a symbolic link)" : "cannot open";
		errno = saved;
		return -1;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || (uint64_t)st.st_size != f->size ||
	    ((f->dev || f->ino) &&
	     ((uint64_t)st.st_dev != f->dev || (uint64_t)st.st_ino != f->ino))) {
		close(fd);
		*why = "changed since the inventory (no longer the regular file it hashed)";
		errno = 0;
		return -1;
	}
	return fd;
}

int workspace_open_file(const struct workspace *ws, const char *relpath)
{
	char *shown;
	const char *why;
	int fd;

	if (ws->open_fn && workspace_find(ws, relpath))
		return ws->open_fn(ws->open_ctx, relpath);
	fd = workspace_reopen(ws, relpath, &why);
	if (fd >= 0)
		return fd;
	shown = workspace_display_path(ws, relpath);
	if (errno && !strcmp(why, "cannot open"))
		error_at(shown, 0, "cannot open: %s", strerror(errno));
	else
		error_at(shown, 0, "%s", why);
	free(shown);
	return -1;
}
