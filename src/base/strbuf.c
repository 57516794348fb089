/*
 * strbuf.c - see strbuf.h for the invariant.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/error.h"
#include "base/banned.h"

void strbuf_init(struct strbuf *sb, size_t limit)
{
	sb->buf = NULL;
	sb->len = 0;
	sb->alloc = 0;
	sb->limit = limit;
}

void strbuf_release(struct strbuf *sb)
{
	free(sb->buf);
	strbuf_init(sb, sb->limit);
}

char *strbuf_detach(struct strbuf *sb)
{
	char *out = sb->buf ? sb->buf : xstrdup("");
	strbuf_init(sb, sb->limit);
	return out;
}

void strbuf_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->buf)
		sb->buf[0] = '\0';
}

/* Make room for n more bytes plus the terminating NUL; -1 past the limit. */
static int strbuf_grow(struct strbuf *sb, size_t n)
{
	size_t want;
	if (n > (size_t)-1 - sb->len - 1)
		return -1;
	want = sb->len + n + 1;
	if (sb->limit && want - 1 > sb->limit)
		return -1;
	if (want <= sb->alloc)
		return 0;
	if (sb->alloc * 2 > want)
		want = sb->alloc * 2;
	if (want < 64)
		want = 64;
	sb->buf = xrealloc(sb->buf, want);
	sb->alloc = want;
	return 0;
}

int strbuf_add(struct strbuf *sb, const void *data, size_t n)
{
	if (strbuf_grow(sb, n) < 0)
		return -1;
	if (n)
		memcpy(sb->buf + sb->len, data, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
	return 0;
}

int strbuf_addstr(struct strbuf *sb, const char *s)
{
	return strbuf_add(sb, s, strlen(s));
}

int strbuf_addch(struct strbuf *sb, int c)
{
	char ch = (char)c;
	return strbuf_add(sb, &ch, 1);
}

int strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;
	char small[256];

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	if ((size_t)n < sizeof(small))
		return strbuf_add(sb, small, (size_t)n);
	if (strbuf_grow(sb, (size_t)n) < 0)
		return -1;
	va_start(ap, fmt);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
	return 0;
}

const char *strbuf_str(const struct strbuf *sb)
{
	return sb->buf ? sb->buf : "";
}
