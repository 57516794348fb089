/*
 * zipread.h - read an untrusted zip in place (libzip), refusing anything
 * unsafe before a byte of content is used.
 *
 * pkg_open() accepts only archives of the one shape bundle writes (see
 * zipcanon.h; else "not a package written by ftrkit: <why>"), which libzip
 * must read as exactly the same entries, and whose every entry has a name
 * that passes entry_name_problem() (entryname.h: the rule bundle applies
 * before writing), is a regular file or a folder (no symlinks, devices,
 * ...), is not encrypted, appears once, and lies below one and the same top
 * folder.  The zip-bomb guard is a hard budget, not a ratio (which would
 * refuse an honest repetitive log or a sparse file): the declared sizes of
 * all entries together stay within PKG_MAX_TOTAL, and every read stops as
 * soon as an entry inflates to more than its declared size, so no pass
 * over the package inflates more than PKG_MAX_TOTAL bytes.  pkg_hash_all()
 * then streams every file entry once, checking that the bytes it inflates
 * to are exactly the declared size, and records their SHA-256.  Nothing is
 * ever written to disk: pkg_memfd() hands an entry to code that wants a
 * descriptor through an anonymous memory file.
 */
#ifndef FTRKIT_ZIPREAD_H
#define FTRKIT_ZIPREAD_H

#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"

#define PKG_MAX_ENTRIES 200000
#define PKG_MAX_TOTAL ((uint64_t)16 << 30)   /* declared bytes, all entries */

struct pkg_entry {
	char *name;      /* relative to the top folder, no trailing '/' */
	uint64_t index;  /* libzip index */
	uint64_t size;   /* declared uncompressed size */
	uint64_t comp_size;
	int is_dir;
	char sha256[65]; /* after pkg_hash_all() */
};

struct pkg_reader {
	void *za;        /* zip_t */
	char *path;      /* as given */
	char *top;       /* the one top folder's name */
	int fd, have_fd; /* the package, open once: every zip handle reads this file */
	char *fd_path;   /* "/proc/self/fd/N": more handles on the very same file */
	struct pkg_entry *entries; /* sorted by name (strcmp) */
	size_t nr, alloc;
};

/* Open and vet path.  0, or -1 after reporting why it is unsafe or not a
 * zip.  Close with pkg_close() either way. */
int pkg_open(const char *path, struct pkg_reader *pr);

/*
 * Hash every file entry (see above), on jobs_count() threads each with its
 * own zip handle on the same open file.  The result never depends on the
 * scheduling; on failure the first failing entry in archive order is the
 * one reported.  0 or -1 after reporting.
 */
int pkg_hash_all(struct pkg_reader *pr);

/* The entry at name (relative to the top folder), or NULL.  Borrowed. */
const struct pkg_entry *pkg_find(const struct pkg_reader *pr, const char *name);

/* Read a whole entry into out (initialised here with limit bytes max).
 * 0, or -1 after reporting (too large, read error). */
int pkg_read(const struct pkg_reader *pr, const struct pkg_entry *e, size_t limit,
	     struct strbuf *out);

/* An anonymous memory file (memfd, offset 0) holding the entry; caller
 * closes.  -1 after reporting. */
int pkg_memfd(const struct pkg_reader *pr, const struct pkg_entry *e);

/* "PATH:TOP/name" for messages; caller frees. */
char *pkg_display(const struct pkg_reader *pr, const char *name);

void pkg_close(struct pkg_reader *pr);

#endif
