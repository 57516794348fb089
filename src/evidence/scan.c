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

/* One literal item and where it next occurs in the folded block (NONE:
 * nowhere after the last search). */
struct literal_cursor {
	const char *item;
	size_t len;
	size_t rare;    /* offset in item of its rarest byte in this block */
	size_t next;
};

/* The literal search of one pattern over one folded block: a cursor for
 * every item of every set, in the order of req's branches and sets. */
struct literal_scan {
	const struct required_literals *req; /* NULL: search with the pattern */
	struct literal_cursor *cursors;
};

static void literal_scan_init(struct literal_scan *ls, const struct required_literals *req,
			      const size_t hist[256])
{
	size_t i, k, j, n = 0;
	memset(ls, 0, sizeof(*ls));
	ls->req = req;
	if (!req)
		return;
	for (i = 0; i < req->nr; i++)
		for (k = 0; k < req->branches[i].nr; k++)
			n += req->branches[i].sets[k].nr;
	ls->cursors = xcalloc(n, sizeof(*ls->cursors));
	n = 0;
	for (i = 0; i < req->nr; i++)
		for (k = 0; k < req->branches[i].nr; k++)
			for (j = 0; j < req->branches[i].sets[k].nr; j++, n++) {
				ls->cursors[n].item = req->branches[i].sets[k].items[j];
				ls->cursors[n].len = req->branches[i].sets[k].lens[j];
			}
	while (n--)
		ls->cursors[n].rare = literal_rarest_byte(ls->cursors[n].item, ls->cursors[n].len,
							  hist, 0, 0);
}

/* The first occurrence at or after from of any of the nr items at c. */
static size_t set_next(const char *folded, size_t len, struct literal_cursor *c, size_t nr,
		       size_t from)
{
	size_t at = NONE, j;
	for (j = 0; j < nr; j++, c++) {
		if (c->next != NONE && c->next < from)
			c->next = literal_find(folded, from, len, c->item, c->len, c->rare);
		if (c->next < at)
			at = c->next;
	}
	return at;
}

/*
 * The first line at or after from (a line start) that holds an item of
 * each set of the branch whose cursors start at c, or NONE.  Leapfrog:
 * every set jumps to the furthest line any set needs, until they agree.
 */
static size_t branch_candidate(const struct block_scan *b, const char *folded,
			       const struct literal_branch *br, struct literal_cursor *c,
			       size_t from)
{
	for (;;) {
		size_t target = from, k, j = 0;
		int agree = 1;
		for (k = 0; k < br->nr; k++) {
			size_t at = set_next(folded, b->len, c + j, br->sets[k].nr, from), start;
			const char *nl;
			if (at == NONE)
				return NONE;
			j += br->sets[k].nr;
			nl = at > from ? memrchr(b->buf + from, '\n', at - from) : NULL;
			start = nl ? (size_t)(nl - b->buf) + 1 : from;
			if (k && start != target)
				agree = 0;
			if (start > target)
				target = start;
		}
		if (agree)
			return target;
		from = target;
	}
}

/* The first line at or after from that one of the pattern's branches can
 * match by its literals, or NONE: the lines skipped cannot match. */
static size_t literal_candidate(const struct block_scan *b, const char *folded,
				struct literal_scan *ls, size_t from)
{
	size_t best = NONE, i, k, n = 0;
	if (from >= b->len)
		return NONE;
	for (i = 0; i < ls->req->nr; i++) {
		const struct literal_branch *br = &ls->req->branches[i];
		size_t at = branch_candidate(b, folded, br, ls->cursors + n, from);
		if (at < best)
			best = at;
		for (k = 0; k < br->nr; k++)
			n += br->sets[k].nr;
	}
	return best;
}

int scan_block_candidates(char *block, size_t len, size_t from, long lineno,
			  struct pattern *const *patterns, size_t nr,
			  scan_line_fn *fn, void *arg)
{
	struct block_scan b;
	size_t *cand = xcalloc(nr ? nr : 1, sizeof(*cand));
	int *line_mode = xcalloc(nr ? nr : 1, sizeof(*line_mode));
	struct literal_scan *lits = xcalloc(nr ? nr : 1, sizeof(*lits));
	char *folded = NULL;
	size_t hist[256] = { 0 };
	int use_literals = scan_use_literals, need_fold = 0;
	size_t k;
	int ret = 0;

	memset(&b, 0, sizeof(b));
	b.buf = block;
	b.len = len;
	b.counted_to = from;
	b.counted_line = lineno;
	b.line_mode_block = memchr(block + from, '\r', len - from) != NULL;
	/* A pattern with required literals looks for them in a folded twin of
	 * the block (memchr on each literal's rarest byte: far faster than a
	 * regex without a literal start); the others search with the pattern.  Anchored patterns search
	 * too: in multi-line mode ^ is tried only at line starts. */
	for (k = 0; k < nr && use_literals; k++)
		need_fold |= pattern_literals(patterns[k]) != NULL;
	if (need_fold) {
		size_t i;
		folded = xmalloc(len);
		ascii_fold(folded + from, block + from, len - from);
		for (i = from; i < len; i++)
			hist[(unsigned char)folded[i]]++;
		/* lead bytes of the characters that fold to ASCII letters */
		if ((hist[0xC4] || hist[0xC5] || hist[0xE2]) &&
		    literals_unsafe_text(block + from, len - from))
			use_literals = 0;
	}
	for (k = 0; k < nr; k++) {
		literal_scan_init(&lits[k], use_literals ? pattern_literals(patterns[k]) : NULL, hist);
		line_mode[k] = !pattern_can_search(patterns[k]);
		cand[k] = lits[k].req ? literal_candidate(&b, folded, &lits[k], from)
				      : candidate(&b, patterns[k], &line_mode[k], from);
	}
	while (!ret) {
		size_t at = NONE, end, after;
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
		for (k = 0; k < nr; k++)
			if (cand[k] == at)
				cand[k] = lits[k].req
					  ? literal_candidate(&b, folded, &lits[k], after)
					  : candidate(&b, patterns[k], &line_mode[k], after);
	}
	for (k = 0; k < nr; k++)
		free(lits[k].cursors);
	free(lits);
	free(folded);
	free(cand);
	free(line_mode);
	return ret;
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
