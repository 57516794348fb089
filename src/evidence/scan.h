/*
 * scan.h - find the lines of a file that match one or more patterns, in
 * one streaming read.
 *
 * This is what a log reader calls instead of a line_reader_next() +
 * pattern_match() loop: the file is read in large blocks of whole lines
 * (line_reader_block), each pattern searches the whole block at once
 * (pattern_search: JIT, no per-line call), and only candidate lines are
 * matched alone (pattern_match_line) to get exactly the line-by-line
 * result and its groups; anchored patterns (^...) are simply tried once
 * per line.  Line numbers are counted on the way.  The result is the same
 * as pattern_match_line() on every line alone with every pattern, in line
 * order and,
 * within a line, in pattern order: lines end at "\n" (a "\r" before it is
 * not part of the line), a UTF-8 BOM at the start is dropped, and lines
 * longer than max_line are matched on their first max_line bytes only.
 */
#ifndef FTRKIT_SCAN_H
#define FTRKIT_SCAN_H

#include <stddef.h>
#include <stdint.h>

#include "evidence/pattern.h"

struct scan_hit {
	size_t pattern;     /* index into the patterns given to scan_fd */
	const char *line;   /* the line, NUL-terminated at len; borrowed for the call */
	size_t len;
	long lineno;        /* 1-based */
	int truncated;      /* the line was longer than max_line */
	size_t groups[2 * PATTERN_MAX_GROUPS]; /* as pattern_match(), relative to line */
};

/* Called for each (line, pattern) match: 0 goes on, 1 stops the scan, -1 fails it. */
typedef int scan_fn(void *arg, const struct scan_hit *hit);

struct scan_stats {
	uint64_t bytes;   /* bytes read */
	long lines;       /* lines seen (up to where the scan stopped) */
	int limit_hit;    /* some line hit a pattern's match limit (no match there) */
};

/*
 * Scan fd (borrowed, read to its end or until fn stops) with nr patterns
 * (borrowed; pattern_match state is used, so not shared between threads).
 * max_line 0 = LINE_READER_DEFAULT_MAX.  stats may be NULL.  Returns 0,
 * -1 on a read error (errno set, nothing reported), or -2 when fn returned
 * -1 (fn reported its own error).
 */
int scan_fd(int fd, struct pattern *const *patterns, size_t nr, size_t max_line,
	    scan_fn *fn, void *arg, struct scan_stats *stats);

/*
 * scan_fd() on the inventoried evidence file relpath of ws: opens it
 * (workspace_open_file), scans, closes.  0, or -1 after reporting
 * "ROOT/PATH: cannot read: REASON" (or the callback's own error).
 */
struct workspace;
int scan_evidence(const struct workspace *ws, const char *relpath,
		  struct pattern *const *patterns, size_t nr,
		  scan_fn *fn, void *arg, struct scan_stats *stats);

/* Called for a candidate line: line[0..len) is NUL-terminated, without its
 * "\n" and a "\r" before it.  0 goes on; anything else stops the walk. */
typedef int scan_line_fn(void *arg, char *line, size_t len, long lineno);

/*
 * Walk block[from..len), a run of whole lines whose first line (at from)
 * is number lineno, and call fn, in line order and once per line, for
 * every line that one of the nr patterns (borrowed) may match alone;
 * lines none of them can match are skipped without a per-line call: a
 * pattern with required literals (pattern_literals) passes only lines
 * that hold them, found for all such patterns at once in one pass
 * (litmatch.h), ASCII-case-insensitively;
 * the others search the block as scan_fd() does.  A line a pattern would
 * match alone is never skipped; a line may be a false candidate.  The block is
 * restored before each search and on return.  0, or fn's non-zero value.
 */
int scan_block_candidates(char *block, size_t len, size_t from, long lineno,
			  struct pattern *const *patterns, size_t nr,
			  scan_line_fn *fn, void *arg);

/*
 * The literals of patterns[0..nr) (borrowed; they must outlive it) in one
 * automaton, for scan_block_candidates_with(): build it once for many
 * blocks.  Read-only once built.  Free with scan_prefilter_free().
 */
struct scan_prefilter;
struct scan_prefilter *scan_prefilter_new(struct pattern *const *patterns, size_t nr);
void scan_prefilter_free(struct scan_prefilter *pf);

/* scan_block_candidates() with pf built for these very patterns, in this
 * order (else, or when pf is NULL, one is built for the call). */
int scan_block_candidates_with(char *block, size_t len, size_t from, long lineno,
			       struct pattern *const *patterns, size_t nr,
			       const struct scan_prefilter *pf, scan_line_fn *fn, void *arg);

/* 1 (the default): scan_block_candidates() looks for patterns' required
 * literals (literals.h) instead of searching with them.  Tests set 0 to
 * compare both ways. */
extern int scan_use_literals;

/* Newlines in buf[0..n): word at a time, exact. */
size_t scan_count_newlines(const char *buf, size_t n);

#endif
