/*
 * linereader.c - bounded streaming line reader (see linereader.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "evidence/linereader.h"
#include "base/error.h"
#include "base/hash.h"
#include "base/banned.h"

#define BLOCK (256 * 1024) /* read size: few syscalls, still cache-sized */

void line_reader_init(struct line_reader *r, int fd, size_t max_line)
{
	memset(r, 0, sizeof(*r));
	r->fd = fd;
	r->max_line = max_line ? max_line : LINE_READER_DEFAULT_MAX;
	r->cap = r->max_line + BLOCK + 1;
	r->buf = xmalloc(r->cap);
	r->at_start = 1;
}

void line_reader_free(struct line_reader *r)
{
	free(r->buf);
	r->buf = NULL;
}

/* Read one more block behind the unread bytes; 0 at EOF, >0 read, -1 error. */
static ssize_t fill(struct line_reader *r)
{
	ssize_t n;
	if (r->start > 0) {
		memmove(r->buf, r->buf + r->start, r->end - r->start);
		r->end -= r->start;
		r->start = 0;
	}
	do {
		n = read(r->fd, r->buf + r->end, r->cap - 1 - r->end);
	} while (n < 0 && errno == EINTR);
	if (n < 0)
		return -1;
	if (n == 0) {
		r->eof = 1;
		return 0;
	}
	if (r->hash)
		sha256_update(r->hash, r->buf + r->end, (size_t)n);
	r->end += (size_t)n;
	r->bytes += (uint64_t)n;
	if (r->at_start && r->end >= 3) {
		if (memcmp(r->buf, "\xEF\xBB\xBF", 3) == 0)
			r->start = 3;
		r->at_start = 0;
	}
	return n;
}

/* Drop input up to and including the next newline (rest of a long line). */
static int skip_rest(struct line_reader *r)
{
	for (;;) {
		char *nl = memchr(r->buf + r->start, '\n', r->end - r->start);
		if (nl) {
			r->start = (size_t)(nl - r->buf) + 1;
			return 0;
		}
		r->start = r->end = 0;
		if (r->eof)
			return 0;
		if (fill(r) < 0)
			return -1;
		if (r->eof && r->end == 0)
			return 0;
	}
}

int line_reader_next(struct line_reader *r, char **line, size_t *len)
{
	if (r->skip_pending) {
		r->skip_pending = 0;
		if (skip_rest(r) < 0)
			return -1;
	}
	for (;;) {
		char *base = r->buf + r->start;
		size_t avail = r->end - r->start;
		size_t scan = avail < r->max_line + 1 ? avail : r->max_line + 1;
		char *nl = memchr(base, '\n', scan);
		size_t n;

		if (nl || avail > r->max_line || (r->eof && avail)) {
			r->truncated = 0;
			if (nl) {
				n = (size_t)(nl - base);
				r->start += n + 1;
			} else if (avail > r->max_line) {
				/* cut here; the rest of the line is skipped next call */
				n = r->max_line;
				r->truncated = 1;
				r->skip_pending = 1;
				r->start += n;
			} else {
				n = avail;
				r->start += n;
			}
			if (n && base[n - 1] == '\r')
				n--;
			r->lineno++;
			base[n] = '\0';
			*line = base;
			*len = n;
			return 1;
		}
		if (r->eof)
			return 0;
		if (fill(r) < 0)
			return -1;
	}
}

int line_reader_block(struct line_reader *r, char **block, size_t *len)
{
	if (r->skip_pending) {
		r->skip_pending = 0;
		if (skip_rest(r) < 0)
			return -1;
	}
	for (;;) {
		char *base, *nl;
		size_t avail;

		/* Read while there is room (fill() first moves unread bytes to the front). */
		if (!r->eof && (r->start > 0 || r->end < r->cap - 1) && fill(r) < 0)
			return -1;
		base = r->buf + r->start;
		avail = r->end - r->start;
		if (!avail)
			return 0;
		r->truncated = 0;
		if (r->eof) {
			r->start = r->end;
			*block = base;
			*len = avail;
			return 1;
		}
		nl = memrchr(base, '\n', avail);
		if (nl) {
			*block = base;
			*len = (size_t)(nl - base) + 1;
			r->start += *len;
			return 1;
		}
		if (r->start > 0 || r->end < r->cap - 1)
			continue; /* a short read: read on */
		/* A full buffer without a newline: one line, cut; skip its rest. */
		r->truncated = 1;
		r->skip_pending = 1;
		r->start = r->end;
		*block = base;
		*len = avail < r->max_line ? avail : r->max_line;
		return 1;
	}
}
