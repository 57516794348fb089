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
 * The scanner streams a descriptor once in fixed blocks: it hashes the
 * original bytes, finds the hits line by line (a line longer than
 * SECRETS_MAX_SEGMENT is scanned in pieces of that size) and, when asked,
 * writes a copy in which each secret is replaced by "[REDACTED:NAME]";
 * line breaks are kept, so line numbers stay valid.
 */
#ifndef FTRKIT_SECRETS_H
#define FTRKIT_SECRETS_H

#include <stddef.h>
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

/* Add one rule; where/line name its origin in messages.  0 or -1. */
int secret_rules_add(struct secret_rules *rules, const char *name, const char *kind,
		     const char *regex, const char *where, long line);

void secret_rules_free(struct secret_rules *rules);

struct secret_hit {
	long line;
	const char *rule; /* borrowed from the rules */
};

struct secret_scan {
	char sha256[65];     /* of the bytes read */
	uint64_t size;
	char out_sha256[65]; /* of the bytes written, when out_fd >= 0 */
	uint64_t out_size;
	struct secret_hit *hits; /* in line order; one per line and rule */
	size_t nr_hits, alloc_hits;
};

/*
 * Scan fd (borrowed, read from its current offset to the end).  When
 * out_fd >= 0 the redacted copy is written there.  shown names the file in
 * messages.  0 with *res filled (free with secret_scan_free), or -1 after
 * reporting a read/write error or a pattern that hit its limits.
 */
int secrets_scan_fd(const struct secret_rules *rules, int fd, int out_fd,
		    const char *shown, struct secret_scan *res);

void secret_scan_free(struct secret_scan *res);

/* "3,7,12": the distinct lines of the hits; caller frees. */
char *secret_scan_lines(const struct secret_scan *res);

#endif
