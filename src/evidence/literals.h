/*
 * literals.h - the literal text a pattern cannot match without, read from
 * its source, so that a scanner can skip text that holds none of it.
 *
 * For "\b(?:drill|exercise|test)\s+(?:ended|ends)\b|訓練終了" every match
 * holds "drill", "exercise" or "test" and also "ended" or "ends", or else
 * "訓練終了".  Text is compared ASCII-case-folded (patterns are caseless
 * unless they say otherwise, and folding only widens what passes), so
 * callers fold the text with ascii_fold().  Under PCRE2's Unicode caseless
 * matching two non-ASCII characters fold to ASCII letters, KELVIN SIGN
 * (k) and LATIN SMALL LETTER LONG S (s): text holding either (or, to be
 * safe, a Turkish dotted or dotless i) must not be skipped by this test
 * (literals_unsafe_text).
 */
#ifndef FTRKIT_LITERALS_H
#define FTRKIT_LITERALS_H

#include <stddef.h>

struct literal_set {       /* one of the items must occur */
	char **items;          /* UTF-8, ASCII lower-cased; owned */
	size_t *lens;
	size_t nr;
};

struct literal_branch {    /* a top-level alternative: every set must occur */
	struct literal_set *sets;
	size_t nr;
};

struct required_literals {
	struct literal_branch *branches;
	size_t nr;
};

/*
 * The required literals of a PCRE2 pattern source, or NULL when the
 * source has a branch without one or a construct this reader does not
 * take apart safely (\Q, verbs, (?x) extended mode, comments, an option
 * setting other than i, m, s, n or U, a '{' that is not a quantifier).
 * NULL is always a correct answer: it only means no prefilter.  Free with
 * required_literals_free().
 */
struct required_literals *required_literals_of(const char *source);
void required_literals_free(struct required_literals *r);

/* 1 when text[0..len) holds a character that Unicode case folding may
 * turn into an ASCII letter (U+212A, U+017F, U+0130, U+0131): required
 * literals cannot judge it. */
int literals_unsafe_text(const char *text, size_t len);

/* dst[i] = ASCII lower case of src[i]; other bytes unchanged (dst may be src). */
void ascii_fold(char *dst, const char *src, size_t n);

#endif
