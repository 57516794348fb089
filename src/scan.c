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

#include "scan.h"
#include "error.h"
#include "linereader.h"
#include "workspace.h"
#include "banned.h"

#define NONE ((size_t)-1)

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
		if (start >= b->len)
			return NONE; /* an empty match at the very end: no line there */
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
