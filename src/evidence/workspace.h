/*
 * workspace.h - the evidence inventory of a workspace folder.
 *
 * workspace_open() walks the folder once, in byte-wise sorted order (never
 * locale order), and records every regular file with its size and streamed
 * SHA-256.  A symlink that resolves outside the workspace is an input error;
 * one that resolves inside is inventoried as the file it points to; a
 * symlinked folder is not descended (no loops).  Afterwards every evidence
 * path a check uses must be in the inventory: workspace_require() turns a
 * missing reference into an input error naming the referring file and line.
 */
#ifndef FTRKIT_WORKSPACE_H
#define FTRKIT_WORKSPACE_H

#include <stddef.h>
#include <stdint.h>

#include "model/assessment.h"

#define SHA256_HEX_LEN 64

struct evidence_file {
	char *path;   /* workspace-relative, '/'-separated */
	uint64_t size;
	char sha256[SHA256_HEX_LEN + 1];
	const char *kind; /* static string: assessment, drill-log, runbook, config, template, document, other */
	/* The file the inventory hashed: device and inode (0, 0 when virtual),
	 * and whether the entry was a symlink checked to resolve inside the
	 * root.  workspace_reopen() insists on the same file. */
	uint64_t dev, ino;
	int follow;
	/* What the block consumer made of the inventory's own read
	 * (workspace_open_consumed): owned by the workspace, freed with the
	 * consumer's free_result; NULL when no consumer was given or it could
	 * not complete (read the file again to report why). */
	void *consumed;
};

/*
 * A consumer of the inventory's single read of every file: the secret scan
 * rides on it so each byte is read once.  The inventory knows nothing of
 * what the consumer does.  Each hashing thread makes its own worker with
 * worker_new(ctx); per file, begin() is called with the workspace-relative
 * path (borrowed until end()), feed() with every block in order, then end()
 * returns the file's result (owned by the workspace from then on) or NULL
 * when the consumer could not complete.  Errors the consumer would report
 * are muted while it runs (error_mute_thread): the caller redoes such a
 * file and reports in its own order.  Results must not depend on which
 * thread made them.
 */
struct block_consumer {
	void *ctx;
	void *(*worker_new)(void *ctx);
	void (*worker_free)(void *worker);
	void (*begin)(void *worker, const char *relpath);
	void (*feed)(void *worker, const unsigned char *data, size_t n);
	void *(*end)(void *worker);
	void (*free_result)(void *result);
};

struct workspace_limits {
	uint64_t max_file_size; /* bytes; 0 = unlimited */
	size_t max_files;
	size_t max_line;        /* text evidence lines (evidence_text.h); 0 = default */
};

/*
 * A workspace that is not a folder (verify's view of a package's evidence)
 * opens its files through this: a readable descriptor at offset 0 that the
 * caller closes, or -1 after reporting.
 */
typedef int (*workspace_open_fn)(void *ctx, const char *relpath);

struct workspace {
	char *root;   /* as given, for messages ("evidence") */
	int root_fd;  /* O_DIRECTORY descriptor of the root; -1 when virtual */
	char *root_real; /* realpath of the root (containment checks); NULL when virtual */
	workspace_open_fn open_fn; /* virtual workspaces only */
	void *open_ctx;
	struct evidence_file *files; /* sorted by path (strcmp) */
	size_t nr_files, alloc_files;
	struct workspace_limits limits;
	const struct block_consumer *consumer; /* frees files[].consumed; borrowed */
};

/* Default limits: 4 GiB per file, 100 000 files, 64 KiB lines. */
extern const struct workspace_limits workspace_default_limits;

/* Walk and hash dir.  0, or -1 after reporting.  Free with workspace_close(). */
int workspace_open(const char *dir, const struct workspace_limits *limits,
		   struct workspace *ws);

/*
 * workspace_open() that also feeds the very blocks it hashes to consumer
 * (borrowed, must outlive ws; NULL = none), so each byte is read once; each
 * file's result lands in its consumed field.  Results never depend on the
 * number of threads.
 */
int workspace_open_consumed(const char *dir, const struct workspace_limits *limits,
			    const struct block_consumer *consumer, struct workspace *ws);
void workspace_close(struct workspace *ws);

/*
 * A virtual workspace: no folder, files added one by one with
 * workspace_add_virtual() (any order; kept sorted), opened through fn.
 * root names it in messages.  Free with workspace_close().
 */
void workspace_init_virtual(struct workspace *ws, const char *root,
			    workspace_open_fn fn, void *ctx);
void workspace_add_virtual(struct workspace *ws, const char *relpath, uint64_t size,
			   const char *sha256);

/* The inventoried file at relpath, or NULL.  Borrowed from ws. */
struct evidence_file *workspace_find(const struct workspace *ws, const char *relpath);

/*
 * The inventoried file ref names; when missing, reports
 * "REFERRER:LINE: evidence file 'PATH' not found in workspace DIR" and
 * returns NULL.
 */
struct evidence_file *workspace_require(const struct workspace *ws, const struct ref *ref,
					const char *referrer);

/*
 * Mark every file the assessment references with its kind (drill-log,
 * runbook, config, template, document) and check that each exists.  0 or -1.
 */
int workspace_classify(struct workspace *ws, const struct assessment *a,
		       const char *assessment_relpath);

/*
 * Open an inventoried file for reading; -1 after reporting.  Caller closes.
 * The open cannot leave the workspace even if the file was swapped for a
 * symlink (or a folder for a link) after the inventory: openat2() with
 * RESOLVE_BENEATH|RESOLVE_NO_MAGICLINKS below the root descriptor; where
 * openat2 is missing (Linux < 5.6) or refuses an absolute symlink that the
 * inventory accepted, the opened descriptor's real path is checked to be
 * inside the root instead.  The result must be a regular file of the
 * inventoried size, else "changed since the inventory" is reported.
 */
int workspace_open_file(const struct workspace *ws, const char *relpath);

/*
 * workspace_open_file() without messages, for threads that report
 * themselves (the packer): the descriptor, or -1 with *why set to a static
 * reason ("cannot open: ...": errno is kept; "changed since the inventory
 * (...)").  The open is O_NONBLOCK (a FIFO swapped in never hangs) and
 * O_NOFOLLOW unless the inventory followed a symlink there; the result
 * must be the regular file the inventory hashed: same device, inode and
 * size.
 */
int workspace_reopen(const struct workspace *ws, const char *relpath, const char **why);

/* "ROOT/relpath" for messages; caller frees. */
char *workspace_display_path(const struct workspace *ws, const char *relpath);

#endif
