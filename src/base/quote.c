/*
 * quote.c - the one quoting rule for untrusted text on a terminal (see
 * quote.h).  Decoding is strict UTF-8 (RFC 3629): what a terminal could
 * read as a different character, or as the start of a control sequence,
 * is shown byte by byte in octal instead.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/quote.h"
#include "base/banned.h"

/*
 * Length of the valid UTF-8 sequence at s (at most n bytes) and its code
 * point in *cp; 0 when the bytes there are not valid UTF-8.
 */
static size_t utf8_strict(const unsigned char *s, size_t n, unsigned *cp)
{
	size_t len, i;
	unsigned c, min;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	} else if ((s[0] & 0xE0) == 0xC0) {
		len = 2, c = s[0] & 0x1Fu, min = 0x80;
	} else if ((s[0] & 0xF0) == 0xE0) {
		len = 3, c = s[0] & 0x0Fu, min = 0x800;
	} else if ((s[0] & 0xF8) == 0xF0) {
		len = 4, c = s[0] & 0x07u, min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3Fu);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

/* Code points shown escaped although valid: controls and direction overrides. */
static int is_hidden(unsigned cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

int utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		unsigned cp = 0;
		size_t n = utf8_strict(p + i, len - i, &cp);
		if (!n)
			return 0;
		i += n;
	}
	return 1;
}

int quote_is_plain(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		unsigned cp = 0;
		size_t n = utf8_strict(p + i, len - i, &cp);
		if (!n || is_hidden(cp) || cp == '\\')
			return 0;
		i += n;
	}
	return 1;
}

/*
 * Quote s[0..len) into out, which has room for 4 * len + 1 bytes (no byte
 * quotes to more than four); backslash escaped or left as it is.  Returns
 * the length written (out is NUL-terminated).
 */
static size_t quote_into(char *out, const char *s, size_t len, int escape_backslash)
{
	static const char cesc[] = "abtnvfr"; /* for 0x07 .. 0x0d */
	static const char oct[] = "01234567";
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, o = 0;

	while (i < len) {
		unsigned cp = 0;
		size_t n = utf8_strict(p + i, len - i, &cp), k;
		if (n && !is_hidden(cp) && (cp != '\\' || !escape_backslash)) {
			memcpy(out + o, s + i, n);
			o += n;
		} else if (cp == '\\' && n == 1) {
			out[o++] = '\\';
			out[o++] = '\\';
		} else if (n == 1 && cp >= 0x07 && cp <= 0x0d) {
			out[o++] = '\\';
			out[o++] = cesc[cp - 0x07];
		} else {
			if (!n)
				n = 1; /* one invalid byte at a time */
			for (k = 0; k < n; k++) {
				out[o++] = '\\';
				out[o++] = oct[p[i + k] >> 6];
				out[o++] = oct[(p[i + k] >> 3) & 7];
				out[o++] = oct[p[i + k] & 7];
			}
		}
		i += n;
	}
	out[o] = '\0';
	return o;
}

/*
 * quote_into() a fresh buffer.  quote.c allocates with malloc() itself:
 * error.c quotes every message, so it cannot use error.c's allocators.
 */
static char *quote_rule(const char *s, size_t len, int escape_backslash)
{
	char *out = len < ((size_t)-1 - 1) / 4 ? malloc(4 * len + 1) : NULL;
	if (!out) {
		fputs("ftrkit: out of memory\n", stderr);
		exit(2); /* EXIT_INPUT, as die_oom() */
	}
	quote_into(out, s, len, escape_backslash);
	return out;
}

char *quote_mem(const char *s, size_t len)
{
	return quote_rule(s, len, 1);
}

char *quote_controls(const char *s)
{
	if (!s)
		s = "(null)";
	return quote_rule(s, strlen(s), 0);
}

char *quote_str(const char *s)
{
	if (!s)
		s = "(null)";
	return quote_mem(s, strlen(s));
}
