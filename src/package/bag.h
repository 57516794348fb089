/*
 * bag.h - BagIt (RFC 8493) text files: manifests, bag-info, bagit.txt.
 *
 * Writing: bag_manifest_add() appends "HASH  PATH\n" with the path
 * percent-encoded as RFC 8493 section 2.1.3 requires (only CR, LF and '%'
 * are encoded; spaces and UTF-8 stay literal), so `sha256sum -c` reads the
 * manifests of any ordinary bag.  Reading: bag_manifest_parse() is the
 * strict inverse, used by verify on untrusted input.
 */
#ifndef FTRKIT_BAG_H
#define FTRKIT_BAG_H

#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"

#define BAGIT_TXT "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"

/* Append "sha256  encoded-path\n" to sb. */
void bag_manifest_add(struct strbuf *sb, const char *sha256, const char *path);

/* Append path with CR, LF and '%' percent-encoded. */
void bag_path_encode(struct strbuf *sb, const char *path);

/* Lines of bag-info.txt are folded to this width where words allow
 * (RFC 8493 2.2.2 recommends at most 79 characters). */
#define BAG_INFO_WIDTH 79

/* Append "Label: value\n"; CR/LF/TAB in value become spaces, runs of
 * spaces one, and a long value is folded onto indented lines
 * (bag_info_get() joins them back with single spaces). */
void bag_info_add(struct strbuf *sb, const char *label, const char *value);

struct bag_manifest_entry {
	char sha256[65];
	char *path; /* decoded, owned */
	long line;
};

struct bag_manifest {
	struct bag_manifest_entry *entries; /* in file order */
	size_t nr, alloc;
};

/*
 * Parse a sha256 manifest (text, len bytes).  Every line must have the
 * RFC shape "HASH<one or more spaces or tabs>PATH" with 64 hex digits; the
 * hash is stored lower-case and the path percent-decoded.  Empty lines and
 * paths with NUL, bad escapes or a missing path are errors.  0, or -1 after reporting "NAME:LINE: why".  Free with
 * bag_manifest_free().
 */
int bag_manifest_parse(const char *text, size_t len, const char *name,
		       struct bag_manifest *m);
void bag_manifest_free(struct bag_manifest *m);

/*
 * The value of label in a bag-info style text (first occurrence, label
 * compared case-insensitively as RFC 8493 allows), as a new string the
 * caller frees, or NULL when absent.  Continuation lines are joined.
 */
char *bag_info_get(const char *text, size_t len, const char *label);

#endif
