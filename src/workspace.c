/*
 * workspace.c - walk, classify and hash the evidence folder.
 *
 * Design: one pass over the tree with openat()/fdopendir() relative to the
 * root descriptor, names sorted with strcmp so the inventory (and so every
 * report and package) is the same on every file system and locale.  Files
 * are opened with O_NOFOLLOW unless the entry is a symlink that was checked
 * to resolve inside the root; each is hashed in fixed blocks.
 */
#include <dirent.h>
#include <stdio.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
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

#include "workspace.h"
#include "error.h"
#include "hash.h"
#include "strbuf.h"
#include "banned.h"

const struct workspace_limits workspace_default_limits = {
	.max_file_size = (uint64_t)4 << 30,
	.max_files = 100000,
	.max_line = 64 * 1024,
};

#define MAX_DEPTH 64

struct walk {
	struct workspace *ws;
	char *root_real; /* realpath of the root, for symlink checks */
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
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

static int add_file(struct walk *w, const char *relpath, int fd)
{
	struct workspace *ws = w->ws;
	struct evidence_file *f;
	struct stat before, after;
	char *shown;
	uint64_t size;
	int ret = 0;

	if (ws->limits.max_files && ws->nr_files >= ws->limits.max_files) {
		shown = workspace_display_path(ws, relpath);
		ret = error_at(shown, 0, "more than %zu evidence files (limit; see --max-files)",
			       ws->limits.max_files);
		free(shown);
		return ret;
	}
	if (fstat(fd, &before) < 0)
		goto io_error;
	if (ws->limits.max_file_size && (uint64_t)before.st_size > ws->limits.max_file_size) {
		shown = workspace_display_path(ws, relpath);
		ret = error_at(shown, 0, "file of %lld bytes exceeds the %llu-byte limit (see --max-file-size)",
			       (long long)before.st_size,
			       (unsigned long long)ws->limits.max_file_size);
		free(shown);
		return ret;
	}
	ALLOC_GROW(ws->files, ws->nr_files, ws->alloc_files);
	f = &ws->files[ws->nr_files];
	memset(f, 0, sizeof(*f));
	if (sha256_fd(fd, f->sha256, &size) < 0)
		goto io_error;
	if (fstat(fd, &after) < 0)
		goto io_error;
	if ((uint64_t)before.st_size != size || after.st_size != before.st_size ||
	    after.st_mtim.tv_sec != before.st_mtim.tv_sec ||
	    after.st_mtim.tv_nsec != before.st_mtim.tv_nsec) {
		shown = workspace_display_path(ws, relpath);
		ret = error_at(shown, 0, "file changed while it was being read");
		free(shown);
		return ret;
	}
	f->path = xstrdup(relpath);
	f->size = size;
	f->kind = "other";
	ws->nr_files++;
	return 0;
io_error:
	shown = workspace_display_path(ws, relpath);
	ret = error_at(shown, 0, "cannot read: %s", strerror(errno));
	free(shown);
	return ret;
}

/* Resolve a symlink entry; 1 = regular file inside, 0 = skip (folder inside), -1 error. */
static int check_symlink(struct walk *w, int dirfd, const char *name, const char *relpath)
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

	if (depth > MAX_DEPTH)
		return error_at(w->ws->root, 0, "folders nested deeper than %d levels under %s",
				MAX_DEPTH, *prefix ? prefix : ".");
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
			int kind = check_symlink(w, dirfd, names[i], relpath);
			if (kind < 0) {
				ret = -1;
			} else if (kind == 1) {
				fd = openat(dirfd, names[i], O_RDONLY | O_CLOEXEC);
				if (fd < 0) {
					char *shown = workspace_display_path(w->ws, relpath);
					ret = error_at(shown, 0, "cannot open: %s", strerror(errno));
					free(shown);
				} else {
					ret = add_file(w, relpath, fd);
					close(fd);
				}
			}
		} else if (S_ISREG(st.st_mode)) {
			fd = openat(dirfd, names[i], O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
			if (fd < 0) {
				char *shown = workspace_display_path(w->ws, relpath);
				ret = error_at(shown, 0, "cannot open: %s", strerror(errno));
				free(shown);
			} else {
				ret = add_file(w, relpath, fd);
				close(fd);
			}
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

int workspace_open(const char *dir, const struct workspace_limits *limits,
		   struct workspace *ws)
{
	struct walk w;
	int fd, ret;

	memset(ws, 0, sizeof(*ws));
	ws->root_fd = -1;
	ws->root = xstrdup(dir);
	ws->limits = limits ? *limits : workspace_default_limits;
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
	if (ret < 0)
		workspace_close(ws);
	return ret;
}

void workspace_close(struct workspace *ws)
{
	size_t i;
	for (i = 0; i < ws->nr_files; i++)
		free(ws->files[i].path);
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
	for (i = 0; i < a->nr_statements; i++)
		for (j = 0; j < a->statements[i].nr_evidence; j++)
			if (classify(ws, &a->statements[i].evidence[j], a->path, "document") < 0)
				return -1;
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
static int open_beneath(const struct workspace *ws, const char *relpath)
{
#if defined(HAVE_OPENAT2_H) && defined(SYS_openat2)
	struct open_how how;
	memset(&how, 0, sizeof(how));
	how.flags = O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK;
	how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
	return (int)syscall(SYS_openat2, ws->root_fd, relpath, &how, sizeof(how));
#else
	(void)ws; (void)relpath;
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

int workspace_open_file(const struct workspace *ws, const char *relpath)
{
	const struct evidence_file *f = workspace_find(ws, relpath);
	char *shown = workspace_display_path(ws, relpath);
	struct stat st;
	int fd, in;

	if (!f) {
		error_at(shown, 0, "not in the workspace inventory");
		free(shown);
		return -1;
	}
	if (ws->open_fn) {
		free(shown);
		return ws->open_fn(ws->open_ctx, relpath);
	}
	fd = open_beneath(ws, relpath);
	if (fd < 0 && (errno == ENOSYS || errno == EXDEV || errno == EPERM)) {
		/* No openat2, or an absolute symlink the inventory found inside:
		 * open, then check where the descriptor really points. */
		fd = openat(ws->root_fd, relpath, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
		if (fd >= 0 && (in = fd_inside(ws, fd)) != 1) {
			close(fd);
			error_at(shown, 0, in == 0 ? "now resolves outside the workspace (changed since the inventory)"
					       : "cannot check where the file resolves (/proc not mounted?)");
			free(shown);
			return -1;
		}
	}
	if (fd < 0) {
		error_at(shown, 0, "cannot open: %s", strerror(errno));
		free(shown);
		return -1;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || (uint64_t)st.st_size != f->size) {
		close(fd);
		error_at(shown, 0, "changed since the inventory (no longer a regular file of %llu bytes)",
			 (unsigned long long)f->size);
		free(shown);
		return -1;
	}
	free(shown);
	return fd;
}
