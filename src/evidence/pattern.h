/*
 * pattern.h - PCRE2 patterns from questionnaires, compiled once with JIT
 * and bounded by match and depth limits.
 *
 * Patterns come from data (questionnaires a team may write), so a pattern
 * that backtracks catastrophically must end in a clear "limit hit" result,
 * never a hang: every match runs under PATTERN_MATCH_LIMIT,
 * PATTERN_DEPTH_LIMIT and PATTERN_HEAP_LIMIT_KIB.  Patterns are UTF-8 and
 * case-insensitive unless they say otherwise with (?-i).
 */
#ifndef FTRKIT_PATTERN_H
#define FTRKIT_PATTERN_H

#include <stddef.h>

#define PATTERN_MATCH_LIMIT 1000000u
#define PATTERN_DEPTH_LIMIT 10000u
#define PATTERN_HEAP_LIMIT_KIB 16384u
#define PATTERN_MAX_GROUPS 16

struct pattern; /* opaque */

/*
 * Compile source.  where/line name the questionnaire parameter in error
 * messages.  Returns the pattern (free with pattern_free) or NULL after
 * reporting "WHERE:LINE: pattern NAME: error at offset N: MESSAGE".
 */
struct pattern *pattern_compile(const char *source, const char *name,
				const char *where, long line);
void pattern_free(struct pattern *p);

/*
 * 0 when the environment sets FTRKIT_NO_JIT (to anything but "0"): patterns
 * are then interpreted, not JIT-compiled.  Results are the same; memcheck
 * needs it, because it cannot see into JIT code and reports its reads as
 * uninitialised.  Every PCRE2 compile in ftrkit asks this.
 */
int pattern_jit_wanted(void);

enum pattern_result {
	PATTERN_NO_MATCH = 0,
	PATTERN_MATCH = 1,
	PATTERN_LIMIT = -1,   /* match or depth limit hit: treat as a finding */
	PATTERN_BAD_UTF = -2, /* subject is not valid UTF-8 */
};

/*
 * Match subject[0..len).  On a match, groups[2*i], groups[2*i+1] are the
 * start and end offsets of group i (i < PATTERN_MAX_GROUPS; unset groups
 * get (size_t)-1).  groups may be NULL.
 */
enum pattern_result pattern_match(const struct pattern *p, const char *subject,
				  size_t len, size_t groups[2 * PATTERN_MAX_GROUPS]);

/*
 * Match one line the way a log scanner wants: like pattern_match(), but
 * bytes that are not valid UTF-8 simply cannot match instead of making the
 * whole line PATTERN_BAD_UTF (a stray Latin-1 byte in a log line does not
 * hide the date next to it), and through the JIT fast path.  Never returns
 * PATTERN_BAD_UTF.
 */
enum pattern_result pattern_match_line(const struct pattern *p, const char *line,
				       size_t len, size_t groups[2 * PATTERN_MAX_GROUPS]);

/* 1 when every match of p starts at the start of the line (^...): such
 * patterns are fastest matched line by line, one attempt per line. */
int pattern_anchored(const struct pattern *p);

/*
 * The literals every match of p holds (literals.h), read from its source
 * at compile time; NULL when they could not be told.  Borrowed from p.
 */
struct required_literals;
const struct required_literals *pattern_literals(const struct pattern *p);

/* 1 when pattern_search() is available for p (see pattern_search). */
int pattern_can_search(const struct pattern *p);

/*
 * Search buf[from..len), a run of whole lines, for the next place p could
 * match within a line, in one pass (multi-line mode, JIT fast path, no
 * per-line call overhead; invalid UTF-8 cannot match).  *start gets the
 * offset where the match begins.  A candidate is not yet a line match:
 * re-check its line with pattern_match_line() (the search may, for
 * patterns that can consume a newline, report a match spanning lines), but
 * a line that pattern_match_line() would match is never skipped.  Returns
 * PATTERN_MATCH, PATTERN_NO_MATCH, or PATTERN_LIMIT when the search cannot
 * be trusted (a limit hit, or !pattern_can_search(p)): then match the
 * remaining lines one by one.
 */
enum pattern_result pattern_search(const struct pattern *p, const char *buf, size_t len,
				   size_t from, size_t *start);

#endif
