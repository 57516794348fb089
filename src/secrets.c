/*
 * secrets.c - the secret scanner and redactor.
 *
 * Design: one pass over the file in READ_BLOCK pieces held in a buffer of
 * at most SECRETS_MAX_SEGMENT + READ_BLOCK bytes.  Complete lines (or
 * SECRETS_MAX_SEGMENT-sized pieces of an endless line) are handed to
 * scan_segment(), which applies every rule and appends the segment, with
 * the secrets replaced, to the output.  The only state carried between
 * segments is "inside a begin/end block since line N".
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "secrets.h"
#include "error.h"
#include "hash.h"
#include "strbuf.h"
#include "banned.h"

#define READ_BLOCK (64 * 1024)
#define MATCH_LIMIT 1000000u
#define DEPTH_LIMIT 10000u

enum rule_kind { RULE_VALUE, RULE_BEGIN, RULE_END };

struct secret_rule {
	char *name;
	enum rule_kind kind;
	pcre2_code *code;
	const struct secret_rule *end; /* RULE_BEGIN: its end rule (index resolved late) */
	char *where;
	long line;
};

int secret_rules_add(struct secret_rules *rules, const char *name, const char *kind,
		     const char *regex, const char *where, long line)
{
	struct secret_rule *r;
	enum rule_kind k;
	int errcode;
	PCRE2_SIZE erroffset;
	pcre2_code *code;

	if (!strcmp(kind, "value"))
		k = RULE_VALUE;
	else if (!strcmp(kind, "begin"))
		k = RULE_BEGIN;
	else if (!strcmp(kind, "end"))
		k = RULE_END;
	else
		return error_at(where, line, "secret rule %s: kind '%s' is not value, begin or end",
				name, kind);
	code = pcre2_compile((PCRE2_SPTR)regex, PCRE2_ZERO_TERMINATED, 0, &errcode,
			     &erroffset, NULL);
	if (!code) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(errcode, msg, sizeof(msg));
		return error_at(where, line, "secret rule %s: error at offset %zu: %s", name,
				(size_t)erroffset, (const char *)msg);
	}
	(void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
	ALLOC_GROW(rules->rules, rules->nr, rules->alloc);
	r = &rules->rules[rules->nr++];
	memset(r, 0, sizeof(*r));
	r->name = xstrdup(name);
	r->kind = k;
	r->code = code;
	r->where = xstrdup(where);
	r->line = line;
	return 0;
}

/* Pair every begin rule with the end rule of the same name. */
static int pair_rules(struct secret_rules *rules)
{
	size_t i, j;
	for (i = 0; i < rules->nr; i++) {
		struct secret_rule *r = &rules->rules[i];
		if (r->kind != RULE_BEGIN)
			continue;
		r->end = NULL;
		for (j = 0; j < rules->nr; j++)
			if (rules->rules[j].kind == RULE_END &&
			    !strcmp(rules->rules[j].name, r->name))
				r->end = &rules->rules[j];
		if (!r->end)
			return error_at(r->where, r->line, "secret rule %s: begin without an end rule",
					r->name);
	}
	return 0;
}

int secret_rules_load(const char *path, struct secret_rules *rules)
{
	FILE *f = fopen(path, "re");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	long lineno = 0;
	int ret = 0;

	if (!f)
		return error_at(path, 0, "cannot read secret patterns: %s", strerror(errno));
	while (ret == 0 && (n = getline(&line, &cap, f)) >= 0) {
		char *p = line, *name, *kind;
		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || *p == '#')
			continue;
		name = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
		if (*p)
			*p++ = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		kind = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
		if (*p)
			*p++ = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*kind || !*p) {
			ret = error_at(path, lineno, "want 'NAME KIND REGEX'");
			break;
		}
		ret = secret_rules_add(rules, name, kind, p, path, lineno);
	}
	free(line);
	fclose(f);
	if (ret == 0)
		ret = pair_rules(rules);
	return ret;
}

void secret_rules_free(struct secret_rules *rules)
{
	size_t i;
	for (i = 0; i < rules->nr; i++) {
		free(rules->rules[i].name);
		free(rules->rules[i].where);
		pcre2_code_free(rules->rules[i].code);
	}
	free(rules->rules);
	memset(rules, 0, sizeof(*rules));
}

struct scanner {
	const struct secret_rules *rules;
	const char *shown;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	const struct secret_rule *in_block; /* begin rule whose end is pending */
	struct secret_scan *res;
	int out_fd;
	struct sha256_stream *out_hash;
	struct strbuf out;   /* redacted segment being built */
};

/* Match rule on s[off..len).  pcre2's count (>= 1, ov filled) on a match,
 * 0 for none, -1 reported. */
static int match(struct scanner *sc, const struct secret_rule *r, const char *s,
		 size_t len, size_t off, long lineno, PCRE2_SIZE **ov)
{
	int rc = pcre2_match(r->code, (PCRE2_SPTR)s, len, off, 0, sc->md, sc->mctx);
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc < 0) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(rc, msg, sizeof(msg));
		return error_at(sc->shown, lineno, "secret rule %s: %s; cannot tell whether "
				"this line holds a secret", r->name, (const char *)msg);
	}
	*ov = pcre2_get_ovector_pointer(sc->md);
	return rc > 0 ? rc : 1;
}

static void add_hit(struct scanner *sc, long lineno, const char *rule)
{
	struct secret_scan *res = sc->res;
	size_t i;
	for (i = res->nr_hits; i > 0 && res->hits[i - 1].line == lineno; i--)
		if (!strcmp(res->hits[i - 1].rule, rule))
			return;
	ALLOC_GROW(res->hits, res->nr_hits, res->alloc_hits);
	res->hits[res->nr_hits].line = lineno;
	res->hits[res->nr_hits].rule = rule;
	res->nr_hits++;
}

/* Spans to redact within one segment. */
struct span {
	size_t start, end;
	const char *rule;
};

static int cmp_span(const void *a, const void *b)
{
	const struct span *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end > y->end ? -1 : (x->end < y->end);
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/*
 * Scan s[0..len) (one line without its line break, or a piece of a long
 * line) and write it, redacted, followed by tail[0..ntail) (the line break).
 */
static int scan_segment(struct scanner *sc, const char *s, size_t len, long lineno,
			const char *tail, size_t ntail)
{
	struct span *spans = NULL;
	size_t nr = 0, alloc = 0, i, pos;
	PCRE2_SIZE *ov;
	int rc, ret = 0;

	/* An open block swallows the line up to its end match. */
	if (sc->in_block) {
		const struct secret_rule *b = sc->in_block;
		rc = match(sc, b->end, s, len, 0, lineno, &ov);
		if (rc < 0)
			goto fail;
		ALLOC_GROW(spans, nr, alloc);
		spans[nr].start = 0;
		spans[nr].end = rc ? ov[1] : len;
		spans[nr++].rule = b->name;
		add_hit(sc, lineno, b->name);
		if (rc)
			sc->in_block = NULL;
	}
	for (i = 0; i < sc->rules->nr; i++) {
		const struct secret_rule *r = &sc->rules->rules[i];
		size_t off = 0;
		if (r->kind == RULE_END)
			continue;
		while (off <= len) {
			size_t a, b;
			rc = match(sc, r, s, len, off, lineno, &ov);
			if (rc < 0)
				goto fail;
			if (!rc)
				break;
			if (r->kind == RULE_BEGIN) {
				size_t bstart = ov[0], bend = ov[1];
				rc = match(sc, r->end, s, len, bend, lineno, &ov);
				if (rc < 0)
					goto fail;
				a = bstart;
				b = rc ? ov[1] : len;
				if (!rc)
					sc->in_block = r;
			} else if (rc > 1 && ov[2] != PCRE2_UNSET) {
				a = ov[2];
				b = ov[3];
			} else {
				a = ov[0];
				b = ov[1];
			}
			if (b > a) {
				ALLOC_GROW(spans, nr, alloc);
				spans[nr].start = a;
				spans[nr].end = b;
				spans[nr++].rule = r->name;
				add_hit(sc, lineno, r->name);
			}
			if (r->kind == RULE_BEGIN && sc->in_block)
				break;
			off = ov[1] > off ? ov[1] : off + 1;
			if (r->kind == RULE_BEGIN)
				off = b > off ? b : off;
		}
	}
	if (sc->out_fd < 0)
		goto out;
	strbuf_reset(&sc->out);
	if (nr)
		qsort(spans, nr, sizeof(*spans), cmp_span);
	pos = 0;
	for (i = 0; i < nr; i++) {
		if (spans[i].end <= pos)
			continue;
		if (spans[i].start > pos)
			strbuf_add(&sc->out, s + pos, spans[i].start - pos);
		strbuf_addf(&sc->out, "[REDACTED:%s]", spans[i].rule);
		pos = spans[i].end;
	}
	if (pos < len)
		strbuf_add(&sc->out, s + pos, len - pos);
	strbuf_add(&sc->out, tail, ntail);
	sha256_update(sc->out_hash, sc->out.buf, sc->out.len);
	sc->res->out_size += sc->out.len;
	if (write_all(sc->out_fd, sc->out.buf, sc->out.len) < 0) {
		ret = error_at(sc->shown, 0, "cannot write redacted copy: %s", strerror(errno));
		goto out;
	}
	goto out;
fail:
	ret = -1;
out:
	free(spans);
	return ret;
}

int secrets_scan_fd(const struct secret_rules *rules, int fd, int out_fd,
		    const char *shown, struct secret_scan *res)
{
	struct scanner sc;
	struct sha256_stream *in_hash = sha256_begin();
	size_t cap = SECRETS_MAX_SEGMENT + READ_BLOCK, start = 0, end = 0;
	char *buf = xmalloc(cap);
	long lineno = 1;
	int eof = 0, ret = 0;

	memset(res, 0, sizeof(*res));
	memset(&sc, 0, sizeof(sc));
	sc.rules = rules;
	sc.shown = shown;
	sc.res = res;
	sc.out_fd = out_fd;
	sc.md = pcre2_match_data_create(32, NULL);
	sc.mctx = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(sc.mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(sc.mctx, DEPTH_LIMIT);
	if (!sc.md || !sc.mctx)
		die_oom();
	if (out_fd >= 0)
		sc.out_hash = sha256_begin();
	strbuf_init(&sc.out, 0);

	for (;;) {
		char *nl = memchr(buf + start, '\n', end - start);
		ssize_t n;

		if (nl) {
			size_t len = (size_t)(nl - (buf + start));
			size_t tail = 1;
			if (len > 0 && buf[start + len - 1] == '\r') {
				len--;
				tail = 2;
			}
			if (scan_segment(&sc, buf + start, len, lineno, buf + start + len, tail) < 0) {
				ret = -1;
				goto out;
			}
			start += len + tail;
			lineno++;
			continue;
		}
		if (end - start >= SECRETS_MAX_SEGMENT || (eof && end > start)) {
			size_t len = end - start < SECRETS_MAX_SEGMENT ? end - start : SECRETS_MAX_SEGMENT;
			if (scan_segment(&sc, buf + start, len, lineno, "", 0) < 0) {
				ret = -1;
				goto out;
			}
			start += len;
			continue;
		}
		if (eof)
			break;
		/* No complete line buffered: compact, then read one more block. */
		if (start > 0) {
			memmove(buf, buf + start, end - start);
			end -= start;
			start = 0;
		}
		n = read(fd, buf + end, READ_BLOCK);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			ret = error_at(shown, 0, "cannot read: %s", strerror(errno));
			goto out;
		}
		if (n == 0)
			eof = 1;
		sha256_update(in_hash, buf + end, (size_t)n);
		res->size += (uint64_t)n;
		end += (size_t)n;
	}
out:
	sha256_end(in_hash, res->sha256);
	if (sc.out_hash)
		sha256_end(sc.out_hash, res->out_sha256);
	pcre2_match_data_free(sc.md);
	pcre2_match_context_free(sc.mctx);
	strbuf_release(&sc.out);
	free(buf);
	if (ret < 0)
		secret_scan_free(res);
	return ret;
}

void secret_scan_free(struct secret_scan *res)
{
	free(res->hits);
	res->hits = NULL;
	res->nr_hits = res->alloc_hits = 0;
}

char *secret_scan_lines(const struct secret_scan *res)
{
	struct strbuf sb = STRBUF_INIT;
	long last = 0;
	size_t i;
	for (i = 0; i < res->nr_hits; i++) {
		if (res->hits[i].line == last)
			continue;
		if (sb.len)
			strbuf_addch(&sb, ',');
		strbuf_addf(&sb, "%ld", res->hits[i].line);
		last = res->hits[i].line;
	}
	return strbuf_detach(&sb);
}
