/*
 * evidence_text.c - hostile-input-safe line reading of text evidence (see
 * evidence_text.h).  Built on the bounded line reader; the SHA-256 of the
 * bytes read is computed as they stream past and compared with the
 * inventory at the end.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "evidence/evidence_text.h"
#include "base/error.h"
#include "base/hash.h"
#include "evidence/scan.h"
#include "base/banned.h"

int utf8_text_valid(const char *s, size_t len, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		unsigned c = p[i], need, min, cp, k;
		if (c < 0x80) {
			if (c == 0)
				goto fail;
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			need = 1; min = 0x80; cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			need = 2; min = 0x800; cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3; min = 0x10000; cp = c & 0x07;
		} else {
			goto fail; /* continuation byte, C0/C1 overlong lead, F5..FF */
		}
		if (len - i <= need)
			goto fail;
		for (k = 1; k <= need; k++) {
			if ((p[i + k] & 0xC0) != 0x80)
				goto fail;
			cp = (cp << 6) | (p[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			goto fail;
		i += need + 1;
	}
	return 1;
fail:
	if (bad)
		*bad = i;
	return 0;
}

int evidence_text_open(struct evidence_text *t, const struct workspace *ws,
		       const char *relpath, const char *what)
{
	memset(t, 0, sizeof(*t));
	t->fd = -1;
	t->file = workspace_find(ws, relpath);
	t->fd = workspace_open_file(ws, relpath);
	if (t->fd < 0)
		return -1;
	t->shown = workspace_display_path(ws, relpath);
	t->what = what;
	line_reader_init(&t->reader, t->fd, ws->limits.max_line);
	t->reader.hash = sha256_begin();
	return 0;
}

/* The end of the file: what was read must be what was inventoried. */
static int verify_end(struct evidence_text *t)
{
	char hex[SHA256_HEX_LEN + 1];
	sha256_end(t->reader.hash, hex);
	t->reader.hash = NULL;
	if (t->reader.bytes != t->file->size || strcmp(hex, t->file->sha256) != 0)
		return error_at(t->shown, 0, "%s changed while it was being read "
				"(%llu bytes now, %llu when inventoried)", t->what,
				(unsigned long long)t->reader.bytes,
				(unsigned long long)t->file->size);
	return 0;
}

/* Report the bad byte block[bad] (NUL or invalid UTF-8) of a run of
 * lines starting at line first, with its line and column. */
static void report_bad_text(struct evidence_text *t, const char *block, size_t bad,
			    long first)
{
	const char *nl = bad ? memrchr(block, '\n', bad) : NULL;
	size_t column = bad - (nl ? (size_t)(nl - block) + 1 : 0) + 1;
	long line = first + (long)scan_count_newlines(block, bad);
	if (block[bad] == '\0')
		error_at(t->shown, line, "NUL byte at column %zu: binary data, not a text %s",
			 column, t->what);
	else
		error_at(t->shown, line, "invalid UTF-8 at column %zu: not a text %s",
			 column, t->what);
}

/*
 * After a line_reader call: 1 to go on with what it returned, 0 at the
 * end of the file (size and hash verified), -1 after reporting a read
 * error (naming line) or a changed file; t->finished is set for 0 and -1.
 */
static int reader_outcome(struct evidence_text *t, int rc, long line)
{
	if (rc < 0) {
		error_at(t->shown, line, "cannot read %s: %s", t->what, strerror(errno));
		t->finished = -1;
		return -1;
	}
	if (rc > 0)
		return 1;
	t->finished = verify_end(t) < 0 ? -1 : 1;
	return t->finished > 0 ? 0 : -1;
}

static void report_long_line(struct evidence_text *t, long line)
{
	error_at(t->shown, line, "line longer than %zu bytes in %s (limit; see --max-line)",
		 t->reader.max_line, t->what);
}

int evidence_text_next(struct evidence_text *t, char **line, size_t *len)
{
	size_t bad;
	int rc;

	if (t->finished)
		return t->finished > 0 ? 0 : -1;
	rc = reader_outcome(t, line_reader_next(&t->reader, line, len), t->reader.lineno + 1);
	if (rc <= 0)
		return rc;
	t->lineno = t->reader.lineno;
	if (t->reader.truncated) {
		report_long_line(t, t->lineno);
		goto fail;
	}
	if (!utf8_text_valid(*line, *len, &bad)) {
		report_bad_text(t, *line, bad, t->lineno);
		goto fail;
	}
	return 1;
fail:
	t->finished = -1;
	return -1;
}

/* The first line of block[0..len) (whole lines from line first) longer
 * than max_line, as line_reader_next() measures it: its offset, or len. */
static size_t first_long_line(const char *block, size_t len, size_t max_line)
{
	size_t at = 0;
	if (len <= max_line)
		return len;
	while (at < len) {
		const char *nl = memchr(block + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - block) : len;
		if (end - at > max_line)
			return at;
		at = end + 1;
	}
	return len;
}

int evidence_text_block(struct evidence_text *t, char **block, size_t *len,
			long *first_line)
{
	size_t bad = 0, cut;
	long first = t->lineno + 1;
	int rc;

	if (t->finished)
		return t->finished > 0 ? 0 : -1;
	rc = reader_outcome(t, line_reader_block(&t->reader, block, len), first);
	if (rc <= 0)
		return rc;
	/* As line by line: the first bad line wins; on one line, length first. */
	cut = t->reader.truncated ? 0 : first_long_line(*block, *len, t->reader.max_line);
	if (!utf8_text_valid(*block, cut, &bad)) {
		report_bad_text(t, *block, bad, first);
		goto fail;
	}
	if (cut < *len) {
		report_long_line(t, first + (long)scan_count_newlines(*block, cut));
		goto fail;
	}
	*first_line = first;
	t->lineno = first + (long)scan_count_newlines(*block, *len) - 1;
	if ((*block)[*len - 1] != '\n')
		t->lineno++; /* the last line of the file, without a newline */
	return 1;
fail:
	t->finished = -1;
	return -1;
}

void evidence_text_close(struct evidence_text *t)
{
	if (t->reader.hash) {
		char hex[SHA256_HEX_LEN + 1];
		sha256_end(t->reader.hash, hex); /* frees the stream */
		t->reader.hash = NULL;
	}
	if (t->reader.buf)
		line_reader_free(&t->reader);
	if (t->fd >= 0)
		close(t->fd);
	free(t->shown);
	memset(t, 0, sizeof(*t));
	t->fd = -1;
}
