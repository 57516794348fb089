/*
 * container.h - the secret scan through containers.
 *
 * Evidence is not always plain text: a workbook or a Word document is a
 * zip of XML parts, a rotated log is gzip, a Windows export is UTF-16.  A
 * raw scan of those bytes sees compressed or interleaved text and misses
 * every secret.  This layer sniffs the first bytes of a file and
 *   - gzip (1f 8b): inflates the stream (every member) and scans the text;
 *   - UTF-16 with a BOM (FF FE / FE FF): transcodes to UTF-8 (iconv) first;
 *   - zip (PK 03 04, PK 05 06: .zip, .xlsx, .docx, .jar...): scans every
 *     part the same way (a zip inside a zip too, up to CONTAINER_MAX_DEPTH),
 *     each hit naming its part: "book.xlsx!xl/sharedStrings.xml:12";
 *   - anything else: scans the bytes as they are.
 * Decompression runs under container_default_limits (bytes of any one
 * decoded stream or part, bytes of a whole archive, compression ratio,
 * number of entries): past a limit the file is an error ("cannot judge"),
 * never passed unread.  No redacted copy can be written of a decoded file:
 * its scan sets unredactable, and callers refuse --redact for it.
 */
#ifndef FTRKIT_CONTAINER_H
#define FTRKIT_CONTAINER_H

#include <stddef.h>
#include <stdint.h>

#include "evidence/secrets.h"

#define CONTAINER_MAX_DEPTH 3

struct container_limits {
	uint64_t max_size;     /* decoded bytes of one stream or part */
	uint64_t max_total;    /* decoded bytes of one whole archive */
	uint32_t max_ratio;    /* decoded:compressed */
	uint32_t max_entries;  /* zip entries */
};

/* 4 GiB per stream or part and per archive (the workspace's file limit),
 * 200:1 and 10 000 entries (the workbook reader's limits). */
extern const struct container_limits container_default_limits;

/*
 * secrets_scan_fd() that sees through containers: the same contract
 * (res->sha256 and res->size are those of the file's own bytes), with hits
 * of zip parts naming the part.  out_fd >= 0 gets a redacted copy of a
 * plain file only; for a decoded one nothing is written there and
 * res->unredactable says why.  0, or -1 after reporting.
 */
int secrets_scan_container_fd(const struct secret_rules *rules, int fd, int out_fd,
			      const char *shown, struct secret_scan *res);

/*
 * The streaming front the inventory feeds: like secret_stream, but
 * decoding gzip and UTF-16 on the fly.  A zip cannot be scanned from a
 * stream (its directory is at the end): decode_stream_end() then says 1,
 * and the caller scans the file with secrets_scan_container_fd().  With
 * quiet, decoding errors are not reported (the caller scans again to
 * report them).  rules are borrowed.
 */
struct decode_stream;

struct decode_stream *decode_stream_new(const struct secret_rules *rules, int quiet);
void decode_stream_free(struct decode_stream *ds);

/* Start a file: *res is zeroed, filled by the stream, owned by the caller.
 * out_fd >= 0 gets the redacted copy of a plain file.  shown is borrowed. */
void decode_stream_begin(struct decode_stream *ds, int out_fd, const char *shown,
			 struct secret_scan *res);

/* The next n bytes of the file.  0, or -1 (failed; see the end). */
int decode_stream_feed(struct decode_stream *ds, const void *data, size_t n);

/* No more bytes.  0 with *res complete (size = bytes fed), 1 when the file
 * is a zip (*res freed: scan it whole), -1 failed (*res freed). */
int decode_stream_end(struct decode_stream *ds);

#endif
