/*
 * scan.c - streaming multi-pattern line scan (see scan.h).
 *
 * Per block of whole lines, each pattern keeps a candidate: the start of
 * the next line its whole-block search (pattern_search) points at, or
 * simply the next line when that pattern or block must be matched line by
 * line (no safe search for the pattern, a "\r" in the block, or a search
 * that hit a limit).  The lowest candidate line is matched alone by every
 * pattern that named it, hits go to the callback in pattern order, and
 * those patterns search again from the following line.  So each byte is
 * read once, searched once per pattern, and only candidate lines are
 * matched twice.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "evidence/scan.h"
#include "base/error.h"
#include "evidence/linereader.h"
#include "evidence/literals.h"
#include "evidence/litmatch.h"
#include "evidence/workspace.h"
#include "base/banned.h"

#define NONE ((size_t)-1)

int scan_use_literals = 1;

size_t scan_count_newlines(const char *buf, size_t n)
{
	const uint64_t ones = 0x0101010101010101ull, low7 = 0x7f7f7f7f7f7f7f7full;
	size_t count = 0, i = 0;

	while (i + 8 <= n) {
		/* per-byte lane counters; 255 rounds at most so no lane overflows */
		uint64_t lanes = 0;
		size_t round;
		for (round = 0; round < 255 && i + 8 <= n; round++, i += 8) {
			uint64_t v;
			memcpy(&v, buf + i, 8);
			v ^= ones * '\n'; /* newline bytes become zero */
			/* exactly the high bit of every zero byte, no false positives */
			lanes += (~(((v & low7) + low7) | v | low7)) >> 7;
		}
		/* sum the 8 byte lanes: pairs into 16-bit lanes (<= 510), then all (<= 2040) */
		lanes = (lanes & 0x00ff00ff00ff00ffull) + ((lanes >> 8) & 0x00ff00ff00ff00ffull);
		count += (size_t)((lanes * 0x0001000100010001ull) >> 48);
	}
	for (; i < n; i++)
		count += buf[i] == '\n';
	return count;
}

struct block_scan {
	char *buf;
	size_t len;
	int line_mode_block;  /* match every line of this block alone */
	size_t counted_to;    /* newlines before this offset are counted */
	long counted_line;    /* the line number of the line at counted_to */
};

/* The line number of the line starting at off (off >= counted_to). */
static long line_at(struct block_scan *b, size_t off)
{
	if (off == b->counted_to)
		return b->counted_line;
	b->counted_line += (long)scan_count_newlines(b->buf + b->counted_to, off - b->counted_to);
	b->counted_to = off;
	return b->counted_line;
}

/* Start of the next line after the one starting at off, or len. */
static size_t next_line(const struct block_scan *b, size_t off)
{
	const char *nl = memchr(b->buf + off, '\n', b->len - off);
	return nl ? (size_t)(nl - b->buf) + 1 : b->len;
}

/* The next candidate line start at or after from for pattern p, or NONE. */
static size_t candidate(const struct block_scan *b, const struct pattern *p, int *line_mode,
			size_t from)
{
	size_t start;
	const char *nl;

	if (from >= b->len)
		return NONE;
	if (*line_mode || b->line_mode_block)
		return from;
	switch (pattern_search(p, b->buf, b->len, from, &start)) {
	case PATTERN_NO_MATCH:
		return NONE;
	case PATTERN_MATCH:
		if (start >= b->len) {
			/* an empty match at the very end ("$"): the last line's, when
			 * it has no newline; else there is no line there */
			if (b->buf[b->len - 1] == '\n')
				return NONE;
			start = b->len - 1;
		}
		nl = start > from ? memrchr(b->buf + from, '\n', start - from) : NULL;
		return nl ? (size_t)(nl - b->buf) + 1 : from;
	default:
		*line_mode = 1; /* the search cannot be trusted here: line by line */
		return from;
	}
}

int scan_fd(int fd, struct pattern *const *patterns, size_t nr, size_t max_line,
	    scan_fn *fn, void *arg, struct scan_stats *stats)
{
	struct line_reader r;
	struct scan_stats local;
	size_t *cand = xcalloc(nr ? nr : 1, sizeof(*cand));
	int *line_mode = xcalloc(nr ? nr : 1, sizeof(*line_mode));
	long lines_before = 0;
	int rc, ret = 0, stop = 0;
	size_t k;

	if (!stats)
		stats = &local;
	memset(stats, 0, sizeof(*stats));
	line_reader_init(&r, fd, max_line);
	while (!stop) {
		struct block_scan b;
		char *block;
		size_t len;

		rc = line_reader_block(&r, &block, &len);
		if (rc < 0) {
			ret = -1;
			break;
		}
		if (rc == 0)
			break;
		memset(&b, 0, sizeof(b));
		b.buf = block;
		b.len = len;
		b.counted_line = lines_before + 1;
		b.line_mode_block = memchr(block, '\r', len) != NULL;
		for (k = 0; k < nr; k++) {
			line_mode[k] = !pattern_can_search(patterns[k]) ||
				       pattern_anchored(patterns[k]);
			cand[k] = candidate(&b, patterns[k], &line_mode[k], 0);
		}
		for (;;) {
			size_t at = NONE, end, after, line_len;
			struct scan_hit hit;
			char saved;

			for (k = 0; k < nr; k++)
				if (cand[k] < at)
					at = cand[k];
			if (at == NONE)
				break;
			after = next_line(&b, at);
			end = after > at && block[after - 1] == '\n' ? after - 1 : after;
			line_len = end - at;
			/* no memset: hit is per line, and groups are filled on a match */
			hit.pattern = 0;
			hit.truncated = r.truncated;
			if (line_len > r.max_line) {
				line_len = r.max_line;
				hit.truncated = 1;
			}
			/* as line_reader_next: one "\r" before the end (or the cut) goes */
			if (line_len && block[at + line_len - 1] == '\r')
				line_len--;
			hit.lineno = line_at(&b, at);
			hit.line = block + at;
			hit.len = line_len;
			saved = block[at + line_len];
			block[at + line_len] = '\0';
			for (k = 0; k < nr && !stop; k++) {
				enum pattern_result m;
				if (cand[k] != at)
					continue;
				m = pattern_match_line(patterns[k], block + at, line_len, hit.groups);
				if (m == PATTERN_LIMIT)
					stats->limit_hit = 1;
				if (m == PATTERN_MATCH) {
					int cb;
					hit.pattern = k;
					cb = fn(arg, &hit);
					if (cb < 0)
						ret = -2;
					if (cb != 0)
						stop = 1;
				}
			}
			/* search on only with the buffer restored (the NUL hides a newline) */
			block[at + line_len] = saved;
			/* the line just read ended with one newline: no need to count it */
			if (after > at && block[after - 1] == '\n') {
				b.counted_to = after;
				b.counted_line = hit.lineno + 1;
			}
			for (k = 0; k < nr && !stop; k++)
				if (cand[k] == at)
					cand[k] = candidate(&b, patterns[k], &line_mode[k], after);
			if (stop) {
				stats->lines = hit.lineno;
				break;
			}
		}
		if (!stop) {
			lines_before = line_at(&b, len) - 1;
			if (len && block[len - 1] != '\n')
				lines_before++; /* a last line without newline, or a cut line */
			stats->lines = lines_before;
		}
	}
	stats->bytes = r.bytes;
	line_reader_free(&r);
	free(cand);
	free(line_mode);
	return ret;
}

/*
 * The literals of every pattern that has some, in one automaton: the
 * block is scanned once for all of them.  Every set of every branch of
 * every pattern gets a number; a line's hits mark the sets they satisfy,
 * and a pattern holding one of the line's literals passes the line when
 * one of its branches has all its sets marked.
 */
struct scan_prefilter {
	struct pattern **patterns; /* borrowed pointers, as given */
	size_t nr;
	struct lit_matcher *m;     /* NULL: no pattern has literals */
	uint32_t unsafe_from;      /* ids >= this: literals_unsafe_text's sequences */
	/* per pattern k: prog[prog_at[k]..] = nbranches, then per branch
	 * nsets and its set numbers; prog_at[k] = NONE when the pattern has
	 * no literals */
	uint32_t *prog;
	size_t *prog_at;
	size_t nsets;
	/* literal id -> the sets holding it, and the patterns holding it
	 * (each once): sets[sets_at[id]..sets_at[id + 1]), likewise pats */
	uint32_t *sets, *pats;
	size_t *sets_at, *pats_at;
};

struct u32_list {
	uint32_t *v;
	size_t n, alloc;
};

static void push32(struct u32_list *l, uint32_t x)
{
	if (l->n == l->alloc) {
		l->alloc = l->alloc ? 2 * l->alloc : 64;
		l->v = xrealloc(l->v, l->alloc * sizeof(*l->v));
	}
	l->v[l->n++] = x;
}

/* pairs (literal id, value) as lists by literal id, each value once per
 * literal: *out and *at (nlits + 1 offsets), both owned by the caller. */
static void index_by_literal(const struct u32_list *pairs, size_t nlits, uint32_t **out,
			     size_t **at)
{
	size_t *count = xcalloc(nlits + 1, sizeof(*count)), i, j;
	*at = xcalloc(nlits + 1, sizeof(**at));
	for (i = 0; i < pairs->n; i += 2)
		count[pairs->v[i]]++;
	for (i = 0; i < nlits; i++)
		(*at)[i + 1] = (*at)[i] + count[i];
	*out = xmalloc(((*at)[nlits] ? (*at)[nlits] : 1) * sizeof(**out));
	memset(count, 0, (nlits + 1) * sizeof(*count));
	for (i = 0; i < pairs->n; i += 2) {
		uint32_t id = pairs->v[i], x = pairs->v[i + 1];
		int dup = 0;
		for (j = 0; j < count[id] && !dup; j++)
			dup = (*out)[(*at)[id] + j] == x;
		if (!dup)
			(*out)[(*at)[id] + count[id]++] = x;
	}
	/* close the gaps the duplicates left */
	for (i = 0, j = 0; i < nlits; i++) {
		size_t from = (*at)[i], k;
		(*at)[i] = j;
		for (k = 0; k < count[i]; k++)
			(*out)[j++] = (*out)[from + k];
	}
	(*at)[nlits] = j;
	free(count);
}

struct scan_prefilter *scan_prefilter_new(struct pattern *const *patterns, size_t nr)
{
	static const char *const unsafe[] = { "\xE2\x84\xAA", "\xC5\xBF", "\xC4\xB0", "\xC4\xB1" };
	struct scan_prefilter *pf = xcalloc(1, sizeof(*pf));
	struct u32_list prog = { NULL, 0, 0 }, lit_set = { NULL, 0, 0 }, lit_pat = { NULL, 0, 0 };
	size_t k, i, j, t;

	pf->nr = nr;
	pf->patterns = xmalloc((nr ? nr : 1) * sizeof(*pf->patterns));
	memcpy(pf->patterns, patterns, nr * sizeof(*patterns));
	pf->prog_at = xmalloc((nr ? nr : 1) * sizeof(*pf->prog_at));
	pf->m = lit_matcher_new();
	for (k = 0; k < nr; k++) {
		const struct required_literals *req = pattern_literals(patterns[k]);
		pf->prog_at[k] = NONE;
		if (!req)
			continue;
		pf->prog_at[k] = prog.n;
		push32(&prog, (uint32_t)req->nr);
		for (i = 0; i < req->nr; i++) {
			const struct literal_branch *br = &req->branches[i];
			push32(&prog, (uint32_t)br->nr);
			for (j = 0; j < br->nr; j++, pf->nsets++) {
				push32(&prog, (uint32_t)pf->nsets);
				for (t = 0; t < br->sets[j].nr; t++) {
					uint32_t id = lit_matcher_add(pf->m, br->sets[j].items[t],
								      br->sets[j].lens[t]);
					push32(&lit_set, id);
					push32(&lit_set, (uint32_t)pf->nsets);
					push32(&lit_pat, id);
					push32(&lit_pat, (uint32_t)k);
				}
			}
		}
	}
	pf->prog = prog.v;
	if (!prog.n) {
		lit_matcher_free(pf->m);
		pf->m = NULL;
		return pf;
	}
	pf->unsafe_from = (uint32_t)lit_matcher_count(pf->m);
	for (i = 0; i < sizeof(unsafe) / sizeof(unsafe[0]); i++)
		lit_matcher_add(pf->m, unsafe[i], strlen(unsafe[i]));
	lit_matcher_build(pf->m);
	index_by_literal(&lit_set, lit_matcher_count(pf->m), &pf->sets, &pf->sets_at);
	index_by_literal(&lit_pat, lit_matcher_count(pf->m), &pf->pats, &pf->pats_at);
	free(lit_set.v);
	free(lit_pat.v);
	return pf;
}

void scan_prefilter_free(struct scan_prefilter *pf)
{
	if (!pf)
		return;
	lit_matcher_free(pf->m);
	free(pf->patterns);
	free(pf->prog);
	free(pf->prog_at);
	free(pf->sets);
	free(pf->sets_at);
	free(pf->pats);
	free(pf->pats_at);
	free(pf);
}

/* Does one branch of the pattern's program at prog have all its sets
 * marked with stamp? */
static int prog_holds(const uint32_t *prog, const size_t *set_stamp, size_t stamp)
{
	uint32_t nb = *prog++;
	while (nb--) {
		uint32_t ns = *prog++, i;
		int all = 1;
		for (i = 0; i < ns && all; i++)
			all = set_stamp[prog[i]] == stamp;
		if (all)
			return 1;
		prog += ns;
	}
	return 0;
}

/*
 * The starts of the lines of block[from..len) that some pattern with
 * literals may match alone, in order, into *lines (owned by the caller);
 * their number, or NONE when the block holds a character that folds to an
 * ASCII letter (then the literals cannot judge it).
 */
static size_t literal_lines(const struct scan_prefilter *pf, const char *block, size_t from,
			    size_t len, size_t **lines)
{
	struct lit_hits hits = { NULL, 0, 0 };
	size_t nlines = 0, alloc = 0, h = 0, i;
	size_t *set_stamp = xcalloc(pf->nsets ? pf->nsets : 1, sizeof(*set_stamp));
	size_t *tested = xcalloc(pf->nr ? pf->nr : 1, sizeof(*tested));
	size_t stamp = 0; /* 1 + the index of the line with hits */

	*lines = NULL;
	lit_matcher_scan(pf->m, block + from, len - from, &hits);
	for (i = 0; i < hits.nr; i++)
		if (hits.items[i].id >= pf->unsafe_from) {
			nlines = NONE;
			goto out;
		}
	while (h < hits.nr) {
		/* the line of hit h, and every hit ending on it */
		size_t end = from + hits.items[h].end, first = h, start, stop, e;
		const char *nl = memrchr(block + from, '\n', end - from);
		const char *nl2 = memchr(block + end, '\n', len - end);
		int take = 0;
		start = nl ? (size_t)(nl - block) + 1 : from;
		stop = nl2 ? (size_t)(nl2 - block) : len;
		stamp++;
		for (; h < hits.nr && from + hits.items[h].end < stop; h++) {
			uint32_t id = hits.items[h].id;
			size_t b;
			for (b = pf->sets_at[id]; b < pf->sets_at[id + 1]; b++)
				set_stamp[pf->sets[b]] = stamp;
		}
		for (e = first; e < h && !take; e++) {
			uint32_t id = hits.items[e].id;
			size_t b;
			for (b = pf->pats_at[id]; b < pf->pats_at[id + 1] && !take; b++) {
				uint32_t k = pf->pats[b];
				if (tested[k] == stamp)
					continue;
				tested[k] = stamp;
				take = prog_holds(pf->prog + pf->prog_at[k], set_stamp, stamp);
			}
		}
		if (take) {
			if (nlines == alloc) {
				alloc = alloc ? 2 * alloc : 64;
				*lines = xrealloc(*lines, alloc * sizeof(**lines));
			}
			(*lines)[nlines++] = start;
		}
	}
out:
	free(hits.items);
	free(set_stamp);
	free(tested);
	return nlines;
}

int scan_block_candidates_with(char *block, size_t len, size_t from, long lineno,
			       struct pattern *const *patterns, size_t nr,
			       const struct scan_prefilter *pf, scan_line_fn *fn, void *arg)
{
	struct block_scan b;
	size_t *cand = xcalloc(nr ? nr : 1, sizeof(*cand));
	int *line_mode = xcalloc(nr ? nr : 1, sizeof(*line_mode));
	struct scan_prefilter *own = NULL;
	size_t *lines = NULL, nlines = 0, next = 0;
	int use_literals = scan_use_literals;
	size_t k;
	int ret = 0;

	memset(&b, 0, sizeof(b));
	b.buf = block;
	b.len = len;
	b.counted_to = from;
	b.counted_line = lineno;
	b.line_mode_block = memchr(block + from, '\r', len - from) != NULL;
	/* The patterns with required literals are judged together: one pass
	 * of the literal automaton over the block, then per line the literals
	 * it holds (far faster than a regex without a literal start); the
	 * others search with the pattern.  Anchored patterns search too: in
	 * multi-line mode ^ is tried only at line starts. */
	if (use_literals && (!pf || pf->nr != nr ||
			     memcmp(pf->patterns, patterns, nr * sizeof(*patterns))))
		pf = own = scan_prefilter_new(patterns, nr);
	if (!use_literals || !pf->m) {
		use_literals = 0;
	} else {
		nlines = literal_lines(pf, block, from, len, &lines);
		if (nlines == NONE) {
			use_literals = 0;
			nlines = 0;
		}
	}
	for (k = 0; k < nr; k++) {
		line_mode[k] = !pattern_can_search(patterns[k]);
		cand[k] = use_literals && pf->prog_at[k] != NONE
			  ? NONE : candidate(&b, patterns[k], &line_mode[k], from);
	}
	while (!ret) {
		size_t at = next < nlines ? lines[next] : NONE, end, after;
		long at_line;
		char saved;

		for (k = 0; k < nr; k++)
			if (cand[k] < at)
				at = cand[k];
		if (at == NONE)
			break;
		after = next_line(&b, at);
		end = after > at && block[after - 1] == '\n' ? after - 1 : after;
		if (end > at && block[end - 1] == '\r')
			end--;
		at_line = line_at(&b, at);
		saved = block[end];
		block[end] = '\0';
		ret = fn(arg, block + at, end - at, at_line);
		block[end] = saved;
		if (after > at && block[after - 1] == '\n') {
			b.counted_to = after;
			b.counted_line = at_line + 1;
		}
		while (next < nlines && lines[next] <= at)
			next++;
		for (k = 0; k < nr; k++)
			if (cand[k] == at)
				cand[k] = candidate(&b, patterns[k], &line_mode[k], after);
	}
	scan_prefilter_free(own);
	free(lines);
	free(cand);
	free(line_mode);
	return ret;
}

int scan_block_candidates(char *block, size_t len, size_t from, long lineno,
			  struct pattern *const *patterns, size_t nr,
			  scan_line_fn *fn, void *arg)
{
	return scan_block_candidates_with(block, len, from, lineno, patterns, nr, NULL, fn, arg);
}

int scan_evidence(const struct workspace *ws, const char *relpath,
		  struct pattern *const *patterns, size_t nr,
		  scan_fn *fn, void *arg, struct scan_stats *stats)
{
	int fd = workspace_open_file(ws, relpath), ret, saved;
	if (fd < 0)
		return -1;
	ret = scan_fd(fd, patterns, nr, 0, fn, arg, stats);
	saved = errno;
	close(fd);
	if (ret == -1) {
		char *shown = workspace_display_path(ws, relpath);
		error_at(shown, 0, "cannot read: %s", strerror(saved));
		free(shown);
	}
	return ret < 0 ? -1 : 0;
}
