/*
 * linereader.h - stream a file line by line in fixed memory.
 *
 * The reader holds one buffer of max_line + one block; a line longer than
 * max_line is returned cut at max_line with r->truncated set, and the rest
 * of it is skipped.  "\r\n" and "\n" both end a line; a UTF-8 BOM at the
 * start is dropped; the last line needs no newline.  Line numbers start at 1.
 */
#ifndef FTRKIT_LINEREADER_H
#define FTRKIT_LINEREADER_H

#include <stddef.h>
#include <stdint.h>

struct sha256_stream;

#define LINE_READER_DEFAULT_MAX (64 * 1024)
/* The most --max-line may ask for (the reader allocates max_line + 64 KiB). */
#define LINE_READER_MAX_MAX (16 * 1024 * 1024)

struct line_reader {
	int fd;
	char *buf;
	size_t cap;       /* allocated bytes */
	size_t start, end; /* unread bytes are buf[start..end) */
	size_t max_line;
	long lineno;
	int eof;
	int truncated;    /* the last returned line was cut */
	int skip_pending; /* the rest of a cut line is still unread */
	int at_start;     /* BOM not yet checked */
	uint64_t bytes;   /* bytes read so far */
	struct sha256_stream *hash; /* when set, every byte read is fed to it */
};

/* Read fd (borrowed, not closed) with lines of at most max_line bytes. */
void line_reader_init(struct line_reader *r, int fd, size_t max_line);

/*
 * Next line into *line and *len (borrowed until the next call; not
 * NUL-terminated at len in general, but buf[len] is writable so it is
 * NUL-terminated by the reader).  Returns 1, 0 at end of file, -1 on a read
 * error with errno set.
 */
int line_reader_next(struct line_reader *r, char **line, size_t *len);

/*
 * Block mode, for scanners (never mix with line_reader_next on one reader):
 * the next run of whole lines, as many as the buffer holds, into *block
 * and *len (borrowed until the next call; block[len] is writable).  The
 * run ends with '\n' except at end of file.  A line longer than the
 * buffer comes alone, cut at max_line, with r->truncated set, and the rest
 * of it is skipped.  Lines are not counted (r->lineno stays 0): the caller
 * counts the newlines it passes.  Returns 1, 0 at end of file, -1 on a read
 * error with errno set.
 */
int line_reader_block(struct line_reader *r, char **block, size_t *len);

void line_reader_free(struct line_reader *r);

#endif
