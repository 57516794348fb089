/*
 * bag.c - BagIt manifests and bag-info lines, written and parsed.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "package/bag.h"
#include "base/error.h"
#include "base/banned.h"

void bag_path_encode(struct strbuf *sb, const char *path)
{
	for (; *path; path++) {
		if (*path == '\r')
			strbuf_addstr(sb, "%0D");
		else if (*path == '\n')
			strbuf_addstr(sb, "%0A");
		else if (*path == '%')
			strbuf_addstr(sb, "%25");
		else
			strbuf_addch(sb, *path);
	}
}

void bag_manifest_add(struct strbuf *sb, const char *sha256, const char *path)
{
	strbuf_addstr(sb, sha256);
	strbuf_addstr(sb, "  ");
	bag_path_encode(sb, path);
	strbuf_addch(sb, '\n');
}

void bag_info_add(struct strbuf *sb, const char *label, const char *value)
{
	struct strbuf flat = STRBUF_INIT;
	size_t col, i = 0, words = 0;

	for (; *value; value++)
		strbuf_addch(&flat, (*value == '\r' || *value == '\n' || *value == '\t') ? ' ' : *value);
	strbuf_addstr(sb, label);
	strbuf_addstr(sb, ":");
	col = strlen(label) + 1;
	/* Words, folded before column BAG_INFO_WIDTH onto indented lines. */
	while (i < flat.len) {
		size_t start, end;
		while (i < flat.len && flat.buf[i] == ' ')
			i++;
		if (i >= flat.len)
			break;
		start = i;
		while (i < flat.len && flat.buf[i] != ' ')
			i++;
		end = i;
		if (words++ && col + 1 + (end - start) > BAG_INFO_WIDTH) {
			strbuf_addstr(sb, "\n ");
			col = 1;
		}
		strbuf_addch(sb, ' ');
		strbuf_add(sb, flat.buf + start, end - start);
		col += 1 + (end - start);
	}
	strbuf_addch(sb, '\n');
	strbuf_release(&flat);
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Decode %XX escapes of path[0..n) into a new string; NULL when malformed or NUL. */
static char *path_decode(const char *p, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < n; i++) {
		int c = (unsigned char)p[i];
		if (c == '%') {
			int hi, lo;
			if (i + 2 >= n)
				goto bad;
			hi = hexval(p[i + 1]);
			lo = hexval(p[i + 2]);
			if (hi < 0 || lo < 0)
				goto bad;
			c = hi * 16 + lo;
			i += 2;
		}
		if (c == 0)
			goto bad;
		strbuf_addch(&sb, c);
	}
	return strbuf_detach(&sb);
bad:
	strbuf_release(&sb);
	return NULL;
}

int bag_manifest_parse(const char *text, size_t len, const char *name,
		       struct bag_manifest *m)
{
	const char *p = text, *end = text + len;
	long lineno = 0;

	memset(m, 0, sizeof(*m));
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		const char *q = p;
		struct bag_manifest_entry *e;
		size_t i;

		lineno++;
		if (eol > p && eol[-1] == '\r')
			eol--;
		for (i = 0; i < 64; i++)
			if (q + i >= eol || hexval(q[i]) < 0)
				goto bad;
		q += 64;
		if (q >= eol || (*q != ' ' && *q != '\t'))
			goto bad;
		while (q < eol && (*q == ' ' || *q == '\t'))
			q++;
		if (q >= eol)
			goto bad;
		ALLOC_GROW(m->entries, m->nr, m->alloc);
		e = &m->entries[m->nr];
		for (i = 0; i < 64; i++)
			e->sha256[i] = (char)tolower((unsigned char)p[i]);
		e->sha256[64] = '\0';
		e->path = path_decode(q, (size_t)(eol - q));
		if (!e->path)
			goto bad;
		e->line = lineno;
		m->nr++;
		p = nl ? nl + 1 : end;
	}
	return 0;
bad:
	bag_manifest_free(m);
	return error_at(name, lineno, "not a manifest line (want 64 hex digits, spaces, a path)");
}

void bag_manifest_free(struct bag_manifest *m)
{
	size_t i;
	for (i = 0; i < m->nr; i++)
		free(m->entries[i].path);
	free(m->entries);
	memset(m, 0, sizeof(*m));
}

char *bag_info_get(const char *text, size_t len, const char *label)
{
	const char *p = text, *end = text + len;
	size_t n = strlen(label);

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		if ((size_t)(eol - p) > n && p[n] == ':' && strncasecmp(p, label, n) == 0) {
			struct strbuf sb = STRBUF_INIT;
			const char *v = p + n + 1;
			for (;;) {
				const char *e = eol;
				while (v < e && (*v == ' ' || *v == '\t'))
					v++;
				if (e > v && e[-1] == '\r')
					e--;
				strbuf_add(&sb, v, (size_t)(e - v));
				p = nl ? nl + 1 : end;
				if (p >= end || (*p != ' ' && *p != '\t'))
					break;
				/* continuation line */
				nl = memchr(p, '\n', (size_t)(end - p));
				eol = nl ? nl : end;
				v = p;
				if (sb.len)
					strbuf_addch(&sb, ' ');
			}
			return strbuf_detach(&sb);
		}
		p = nl ? nl + 1 : end;
	}
	return NULL;
}
