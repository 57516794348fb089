/*
 * secrets.h - find (and optionally redact) secrets in evidence files.
 *
 * Rules are data: a rules file (questionnaires/secret-patterns.txt) with
 * one rule per line, "NAME KIND REGEX", KIND being
 *   value  the secret is capture group 1 of REGEX (the whole match when
 *          the pattern has no group); several hits per line are found;
 *   begin  a multi-line secret starts here (a PEM private key) and runs to
 *          the first match of the "end" rule of the same NAME;
 *   end    see begin.
 * Between KIND and REGEX an optional field "need=LIT|LIT|..." declares
 * required literals: every match of REGEX lies on a line (segment) that
 * contains one of them, so the rule is tried only on such lines.  They are
 * found by one search over each buffered block, case-insensitively when
 * the regex has an (?i...) flag group, else exactly.  A literal is 1..64
 * printable ASCII bytes without blanks or '|' and must appear verbatim in
 * REGEX (checked at load).  A rule without need= (and every rule added by
 * secret_rules_add(), e.g. questionnaire defaults) is tried on every line.
 * A wrong need= hides secrets: declare only literals every match contains.
 * Blank lines and lines starting with '#' are ignored.  Patterns are PCRE2
 * over bytes (no UTF mode: evidence may be binary), case-sensitive unless
 * they say (?i), and run under match and depth limits.
 *
 * The scanner streams a descriptor (or bytes fed to a secret_stream) once
 * in fixed blocks: it hashes the original bytes (descriptor only), finds the hits line by line (a line longer than
 * SECRETS_MAX_SEGMENT is scanned in pieces of that size) and, when asked,
 * writes a copy in which each secret is replaced by "[REDACTED:NAME]";
 * line breaks are kept, so line numbers stay valid.
 */
#ifndef FTRKIT_SECRETS_H
#define FTRKIT_SECRETS_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

#define SECRETS_MAX_SEGMENT (1024 * 1024)

struct secret_rule;

struct secret_rules {
	struct secret_rule *rules;
	size_t nr, alloc;
	int no_prefilter; /* 1: try every rule on every line (tests compare) */
};

/* Load rules from path, appended to *rules (zero it first).  0 or -1 after
 * reporting "PATH:LINE: why".  Free with secret_rules_free(). */
int secret_rules_load(const char *path, struct secret_rules *rules);

/* The same from an open stream; name stands for the file in messages.
 * The stream stays the caller's. */
int secret_rules_load_stream(FILE *f, const char *name, struct secret_rules *rules);

/* Add one rule; where/line name its origin in messages.  0 or -1. */
int secret_rules_add(struct secret_rules *rules, const char *name, const char *kind,
		     const char *regex, const char *where, long line);

void secret_rules_free(struct secret_rules *rules);

struct secret_hit {
	long line;
	const char *rule; /* borrowed from the rules */
	const char *part; /* the container part ("xl/sharedStrings.xml"), or
			   * NULL for the file itself; owned by the scan's parts */
};

struct secret_scan {
	char sha256[65];     /* of the bytes read */
	uint64_t size;
	char out_sha256[65]; /* of the bytes written, when out_fd >= 0 */
	uint64_t out_size;
	struct secret_hit *hits; /* in line order; one per line and rule */
	size_t nr_hits, alloc_hits;
	char **parts;            /* owned names the hits' part fields point to */
	size_t nr_parts, alloc_parts;
	const char *unredactable; /* static: why no redacted copy can be written
				   * ("a zip archive"...), or NULL (container.h) */
};

/*
 * Scan fd (borrowed, read from its current offset to the end).  When
 * out_fd >= 0 the redacted copy is written there.  shown names the file in
 * messages.  0 with *res filled (free with secret_scan_free), or -1 after
 * reporting a read/write error or a pattern that hit its limits.
 */
int secrets_scan_fd(const struct secret_rules *rules, int fd, int out_fd,
		    const char *shown, struct secret_scan *res);

/*
 * The same scan, fed by the caller: for a reader that already holds the
 * bytes (the inventory hashes and scans one read).  A stream scans one
 * file at a time and is reused for the next; it owns about
 * 2 * (SECRETS_MAX_SEGMENT + 64 KiB) of buffers whatever the file size.
 * Whatever sizes the bytes are fed in, the hits and the redacted copy are
 * exactly those of secrets_scan_fd() on the same bytes: lines are cut at
 * 64 KiB block boundaries counted from the first byte, as that reader cuts
 * them.  rules are borrowed and must outlive the stream.
 */
struct secret_stream;

struct secret_stream *secret_stream_new(const struct secret_rules *rules);
void secret_stream_free(struct secret_stream *st);

/*
 * Start a file.  *res is zeroed and belongs to the caller; the stream fills
 * its hits and size (bytes fed), and out_size/out_sha256 when out_fd >= 0
 * (the redacted copy is written there).  res->sha256 is left empty: the
 * caller hashes what it reads.  shown (borrowed until the end) names the
 * file in messages.
 */
void secret_stream_begin(struct secret_stream *st, int out_fd, const char *shown,
			 struct secret_scan *res);

/* The next n bytes of the file.  0, or -1 after reporting a pattern that
 * hit its limits or a write error; later feeds then do nothing. */
int secret_stream_feed(struct secret_stream *st, const void *data, size_t n);

/* No more bytes: scan the last line.  0 with *res complete, or -1 after
 * reporting (also for an earlier failed feed), *res freed. */
int secret_stream_end(struct secret_stream *st);

void secret_scan_free(struct secret_scan *res);

/* "3,7,12": the distinct lines of the hits; caller frees. */
char *secret_scan_lines(const struct secret_scan *res);

#endif
