/*
 * atomicfile.c - temporary file + fsync + rename.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/atomicfile.h"
#include "base/error.h"
#include "base/banned.h"

static char *dir_of(const char *path)
{
	char *copy = xstrdup(path);
	char *d = xstrdup(dirname(copy));
	free(copy);
	return d;
}

static char *base_of(const char *path)
{
	char *copy = xstrdup(path);
	char *b = xstrdup(basename(copy));
	free(copy);
	return b;
}

/* mkostemp's template: six characters it replaces. */
static const char random_suffix[] = { 'X', 'X', 'X', 'X', 'X', 'X', '\0' };

int atomic_begin(struct atomic_file *af, const char *path, unsigned mode)
{
	char *dir = dir_of(path), *base = base_of(path);
	af->final_path = xstrdup(path);
	af->mode = mode;
	af->tmp_path = xasprintf("%s/.%s.tmp-%s", dir, base, random_suffix);
	free(dir);
	free(base);
	af->fd = mkostemp(af->tmp_path, O_CLOEXEC);
	if (af->fd < 0) {
		int ret = error_at(path, 0, "cannot create temporary file: %s", strerror(errno));
		free(af->final_path);
		free(af->tmp_path);
		af->final_path = af->tmp_path = NULL;
		return ret;
	}
	if (fchmod(af->fd, mode) < 0) {
		int ret = error_at(path, 0, "cannot set mode: %s", strerror(errno));
		atomic_abort(af);
		return ret;
	}
	return 0;
}

int atomic_write(struct atomic_file *af, const void *buf, size_t n)
{
	const char *p = buf;
	while (n) {
		ssize_t w = write(af->fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return error_at(af->final_path, 0, "cannot write: %s", strerror(errno));
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int atomic_commit(struct atomic_file *af)
{
	char *dir;
	int dfd, ret = 0;

	if (af->fd >= 0) {
		if (fsync(af->fd) < 0) {
			ret = error_at(af->final_path, 0, "cannot flush: %s", strerror(errno));
			atomic_abort(af);
			return ret;
		}
		if (close(af->fd) < 0) {
			af->fd = -1;
			ret = error_at(af->final_path, 0, "cannot close: %s", strerror(errno));
			atomic_abort(af);
			return ret;
		}
		af->fd = -1;
	} else {
		/* Written by name by someone else (SQLite, libzip, which may
		 * replace the file and so its mode): set the mode and flush it
		 * before the rename, or a power loss could publish an empty file. */
		int fd = open(af->tmp_path, O_RDONLY | O_CLOEXEC);
		if (fd < 0 || fchmod(fd, af->mode) < 0 || fsync(fd) < 0) {
			ret = error_at(af->final_path, 0, "cannot flush: %s", strerror(errno));
			if (fd >= 0)
				close(fd);
			atomic_abort(af);
			return ret;
		}
		close(fd);
	}
	if (rename(af->tmp_path, af->final_path) < 0) {
		ret = error_at(af->final_path, 0, "cannot rename into place: %s", strerror(errno));
		atomic_abort(af);
		return ret;
	}
	dir = dir_of(af->final_path);
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		(void)fsync(dfd);
		close(dfd);
	}
	free(dir);
	free(af->final_path);
	free(af->tmp_path);
	af->final_path = af->tmp_path = NULL;
	return 0;
}

void atomic_abort(struct atomic_file *af)
{
	if (af->fd >= 0)
		close(af->fd);
	af->fd = -1;
	if (af->tmp_path)
		unlink(af->tmp_path);
	free(af->final_path);
	free(af->tmp_path);
	af->final_path = af->tmp_path = NULL;
}

void atomic_clean_stale(const char *path)
{
	char *dir = dir_of(path), *base = base_of(path);
	char *prefix = xasprintf(".%s.tmp-", base);
	size_t n = strlen(prefix);
	DIR *d = opendir(dir);
	struct dirent *de;

	while (d && (de = readdir(d))) {
		if (strncmp(de->d_name, prefix, n) == 0 && strlen(de->d_name) >= n + 6)
			(void)unlinkat(dirfd(d), de->d_name, 0);
	}
	if (d)
		closedir(d);
	free(prefix);
	free(dir);
	free(base);
}

int make_dirs(const char *dir)
{
	char *copy = xstrdup(dir);
	char *p;
	int ret = 0;

	for (p = copy + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char saved = *p;
			*p = '\0';
			if (mkdir(copy, 0755) < 0 && errno != EEXIST) {
				ret = error_at(copy, 0, "cannot create folder: %s", strerror(errno));
				break;
			}
			*p = saved;
			if (!saved)
				break;
		}
	}
	if (!ret) {
		struct stat st;
		if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode))
			ret = error_at(dir, 0, "not a folder");
	}
	free(copy);
	return ret;
}
