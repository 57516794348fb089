/*
 * atomicfile.h - write a file so that readers see the old one or the new
 * one, never half of either.
 *
 * atomic_begin() creates "DIR/.NAME.tmp-" plus six random characters beside
 * the target (same file system, so rename is atomic); the caller writes
 * through af->fd, or closes it (af->fd = -1) and writes by af->tmp_path
 * (SQLite, libzip); atomic_commit() sets the mode, fsyncs, renames over the
 * target and fsyncs the folder; atomic_abort() removes the temporary file.
 * Stale temporary files from a killed run (ours, and any a library made
 * from our temporary name) are removed by atomic_clean_stale().
 */
#ifndef FTRKIT_ATOMICFILE_H
#define FTRKIT_ATOMICFILE_H

#include <stddef.h>

struct atomic_file {
	char *final_path;
	char *tmp_path;
	int fd; /* -1 once closed */
	unsigned mode; /* of the final file */
};

/* 0, or -1 after reporting.  mode is applied to the final file. */
int atomic_begin(struct atomic_file *af, const char *path, unsigned mode);
/* Write all of buf to af->fd; 0 or -1 after reporting (ENOSPC named). */
int atomic_write(struct atomic_file *af, const void *buf, size_t n);
int atomic_commit(struct atomic_file *af);
void atomic_abort(struct atomic_file *af);

/* Remove every ".NAME.tmp-*" file left beside path by a killed run. */
void atomic_clean_stale(const char *path);

/* mkdir -p for an output folder; 0 or -1 after reporting. */
int make_dirs(const char *dir);

#endif
