/*
 * litmatch.h - find every occurrence of many literals in one pass
 * (Aho-Corasick, as a dense automaton over byte classes).
 *
 * The literals are given ASCII-lower-cased (as literals.h reads them) and
 * are found ASCII-case-insensitively in raw text: the byte classes map
 * 'A'..'Z' to the class of 'a'..'z', so no folded copy of the text is
 * needed.  Other bytes compare exactly.  One table step per byte, however
 * many literals: the cost of a drill vocabulary of hundreds of words is
 * that of one.
 */
#ifndef FTRKIT_LITMATCH_H
#define FTRKIT_LITMATCH_H

#include <stddef.h>
#include <stdint.h>

struct lit_matcher;

/* One occurrence: the literal id ends at byte end (inclusive). */
struct lit_hit {
	size_t end;
	uint32_t id;
};

/* Occurrences found by lit_matcher_scan, in order of end (owned by the
 * caller, reusable across scans; free items). */
struct lit_hits {
	struct lit_hit *items;
	size_t nr, alloc;
};

struct lit_matcher *lit_matcher_new(void);

/*
 * Add text[0..n) (n > 0, ASCII-lower-cased) before lit_matcher_build; the
 * same text added twice gets the same id.  Returns its id (0, 1, ...).
 */
uint32_t lit_matcher_add(struct lit_matcher *m, const char *text, size_t n);

/* Literals added so far. */
size_t lit_matcher_count(const struct lit_matcher *m);

/* Length of literal id. */
size_t lit_matcher_len(const struct lit_matcher *m, uint32_t id);

/* Build the automaton; no lit_matcher_add after it. */
void lit_matcher_build(struct lit_matcher *m);

/*
 * Append to out every occurrence of every literal in hay[0..n), by end
 * position (several literals ending at one byte: longest first).  The
 * matcher is only read: threads may share it.
 */
void lit_matcher_scan(const struct lit_matcher *m, const char *hay, size_t n,
		      struct lit_hits *out);

/*
 * lit_matcher_scan over a stream: hay[0..n) follows the text last given
 * with the same *state (0 to begin), so a literal across two pieces is
 * found, its end relative to this piece.
 */
void lit_matcher_stream(const struct lit_matcher *m, const char *hay, size_t n,
			uint32_t *state, struct lit_hits *out);

void lit_matcher_free(struct lit_matcher *m);

#endif
