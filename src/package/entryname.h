/*
 * entryname.h - the one rule for names inside a review package.
 *
 * bundle checks every name it is about to write with entry_name_problem()
 * before anything is written, and verify (zipread.c) refuses every entry
 * whose name fails the same check, so bundle never writes a package that
 * verify refuses.  A name is acceptable when it is a relative,
 * '/'-separated path of non-empty components other than "." and "..",
 * holds no backslash, no drive letter, and is valid UTF-8 (shortest form,
 * no surrogates, at most U+10FFFF) without control characters: none of
 * C0 (U+0000..U+001F: CR, LF, tab, ESC, ...), DEL (U+007F) or C1
 * (U+0080..U+009F).  Such names can be written to a terminal, a manifest
 * line, XML and JSON without escaping them; only '%' still needs the
 * RFC 8493 encoding (%25) in manifests.
 */
#ifndef FTRKIT_ENTRYNAME_H
#define FTRKIT_ENTRYNAME_H

/*
 * NULL when name is acceptable, else a short reason ("control character
 * in name", "invalid UTF-8 in name", "'..' component (zip slip)", ...):
 * a static string.  name is a whole entry path without a trailing '/'.
 */
const char *entry_name_problem(const char *name);

#endif
