/*
 * safetext.h - the one rule for untrusted text (file names, JSON keys,
 * FIS tags, ...) that ftrkit writes into a report, the results database
 * or a message.
 *
 * The rule: text is kept byte for byte when it is valid UTF-8 (shortest
 * form, no surrogates, at most U+10FFFF) without control characters.
 * Every byte that is a C0 control (0x00..0x1F: NUL, BEL, ESC, ...) or DEL
 * (0x7F), every C1 control character (U+0080..U+009F, all of its bytes),
 * and every byte that is not part of a valid UTF-8 sequence is written as
 * the four characters "\xHH" (HH = the byte in upper-case hex).  In
 * documents (SAFETEXT_DOC: the results database and every report made
 * from it) tab, LF and CR are kept, since XML 1.0 and JSON carry them and
 * notes may span lines; for a terminal (SAFETEXT_TERM) they are escaped
 * too.  The result is always valid UTF-8 that XML 1.0 and JSON accept;
 * clean text is unchanged, so reports of clean workspaces do not change.
 */
#ifndef FTRKIT_SAFETEXT_H
#define FTRKIT_SAFETEXT_H

#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"

/*
 * Decode the UTF-8 sequence at s (NUL-terminated): the number of bytes it
 * takes, with the code point in *cp; 0 when it is not valid UTF-8
 * (truncated, overlong, surrogate, above U+10FFFF, stray continuation).
 */
size_t utf8_char(const unsigned char *s, uint32_t *cp);

enum safetext_mode {
	SAFETEXT_TERM, /* every control character escaped */
	SAFETEXT_DOC,  /* tab, LF and CR kept */
};

/* Is code point cp a control character (C0, DEL or C1)? */
int is_control_char(uint32_t cp);

/* Is s already safe text in mode (the rule above changes nothing)? */
int safetext_is_clean(const char *s, enum safetext_mode mode);

/* Append s to sb under the rule above. */
void safetext_add(struct strbuf *sb, const char *s, enum safetext_mode mode);

/* s under the rule above, newly allocated (caller frees); NULL for NULL. */
char *safetext_dup(const char *s, enum safetext_mode mode);

#endif
