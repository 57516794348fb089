/*
 * safetext.c - untrusted text made safe for reports and terminals (the
 * rule is in safetext.h).  One pass: each position either starts a valid,
 * non-control UTF-8 sequence, copied whole, or is one byte written \xHH.
 */
#include <stdlib.h>
#include <string.h>

#include "base/safetext.h"
#include "base/error.h"
#include "base/banned.h"

size_t utf8_char(const unsigned char *s, uint32_t *cp)
{
	size_t n, i;
	uint32_t c, min;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0) {
		n = 2; c = s[0] & 0x1f; min = 0x80;
	} else if ((s[0] & 0xf0) == 0xe0) {
		n = 3; c = s[0] & 0x0f; min = 0x800;
	} else if ((s[0] & 0xf8) == 0xf0) {
		n = 4; c = s[0] & 0x07; min = 0x10000;
	} else {
		return 0;
	}
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0; /* also stops at the terminating NUL */
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

int is_control_char(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f);
}

/* Is cp kept as it is in mode? */
static int kept(uint32_t cp, enum safetext_mode mode)
{
	if (mode == SAFETEXT_DOC && (cp == '\t' || cp == '\n' || cp == '\r'))
		return 1;
	return !is_control_char(cp);
}

int safetext_is_clean(const char *s, enum safetext_mode mode)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		uint32_t cp;
		size_t n = utf8_char(p, &cp);
		if (!n || !kept(cp, mode))
			return 0;
		p += n;
	}
	return 1;
}

void safetext_add(struct strbuf *sb, const char *s, enum safetext_mode mode)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		uint32_t cp;
		size_t n = utf8_char(p, &cp), i;
		if (n && kept(cp, mode)) {
			strbuf_add(sb, p, n);
			p += n;
			continue;
		}
		/* a control character's every byte, or the one invalid byte */
		if (!n)
			n = 1;
		for (i = 0; i < n; i++)
			strbuf_addf(sb, "\\x%02X", p[i]);
		p += n;
	}
}

char *safetext_dup(const char *s, enum safetext_mode mode)
{
	struct strbuf sb = STRBUF_INIT;
	if (!s)
		return NULL;
	strbuf_addstr(&sb, "");
	safetext_add(&sb, s, mode);
	return strbuf_detach(&sb);
}
