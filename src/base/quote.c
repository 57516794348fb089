/*
 * quote.c - the one quoting rule for untrusted text on a terminal (see
 * quote.h).  Decoding is strict UTF-8 (RFC 3629): what a terminal could
 * read as a different character, or as the start of a control sequence,
 * is shown byte by byte in octal instead.
 */
#include <string.h>

#include "base/quote.h"
#include "base/error.h"
#include "base/strbuf.h"
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

/* quote_mem(), with backslash escaped or left as it is. */
static char *quote_rule(const char *s, size_t len, int escape_backslash)
{
	static const char cesc[] = "abtnvfr"; /* for 0x07 .. 0x0d */
	const unsigned char *p = (const unsigned char *)s;
	struct strbuf sb;
	size_t i = 0;

	strbuf_init(&sb, 0);
	while (i < len) {
		unsigned cp = 0;
		size_t n = utf8_strict(p + i, len - i, &cp), k;
		if (n && !is_hidden(cp) && (cp != '\\' || !escape_backslash)) {
			strbuf_add(&sb, s + i, n);
		} else if (cp == '\\' && n == 1) {
			strbuf_add(&sb, "\\\\", 2);
		} else if (n == 1 && cp >= 0x07 && cp <= 0x0d) {
			strbuf_addch(&sb, '\\');
			strbuf_addch(&sb, cesc[cp - 0x07]);
		} else {
			if (!n)
				n = 1; /* one invalid byte at a time */
			for (k = 0; k < n; k++)
				strbuf_addf(&sb, "\\%03o", p[i + k]);
		}
		i += n;
	}
	return strbuf_detach(&sb);
}

char *quote_mem(const char *s, size_t len)
{
	return quote_rule(s, len, 1);
}

char *quote_controls(const char *s)
{
	if (!s)
		return xstrdup("(null)");
	return quote_rule(s, strlen(s), 0);
}

char *quote_str(const char *s)
{
	if (!s)
		return xstrdup("(null)");
	return quote_mem(s, strlen(s));
}
