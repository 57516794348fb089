/*
 * quote.h - untrusted text made safe for a terminal.
 *
 * One rule, for every file name, manifest path, JSON key, FIS tag or log
 * excerpt a command prints: printable ASCII and valid UTF-8 stay as they
 * are; a backslash becomes "\\"; the C escapes \a \b \t \n \v \f \r stand
 * for those bytes; every other control character (C0, DEL, the C1 range
 * U+0080..U+009F), the bidirectional overrides and isolates
 * (U+202A..U+202E, U+2066..U+2069) and every byte that is not part of
 * valid UTF-8 (overlong forms, surrogates, beyond U+10FFFF, truncated
 * sequences) become "\ooo", three octal digits per byte -- the style of
 * git's path quoting and `ls -b`.  The quoted text never holds a byte
 * below 0x20, DEL, or an escape sequence a terminal would act on, and two
 * different inputs never quote to the same text.
 */
#ifndef FTRKIT_QUOTE_H
#define FTRKIT_QUOTE_H

#include <stddef.h>

/* s[0..len) quoted by the rule above; caller frees. */
char *quote_mem(const char *s, size_t len);

/* quote_mem() of a NUL-terminated string (NULL quotes to "(null)"). */
char *quote_str(const char *s);

/*
 * The same rule, but a backslash stays as it is: for whole messages
 * (errors, findings) whose own text may hold backslashes (patterns, JSON
 * paths); only what a terminal would act on is escaped.  Caller frees.
 */
char *quote_controls(const char *s);

/* 1 when s[0..len) is valid UTF-8 by the strict rule above. */
int utf8_valid(const char *s, size_t len);

/* 1 when s[0..len) needs no quoting (quote_mem() would return it as is). */
int quote_is_plain(const char *s, size_t len);

#endif
