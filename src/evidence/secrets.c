/*
 * secrets.c - the secret scanner and redactor.
 *
 * Design: one pass over the file in READ_BLOCK pieces held in a buffer of
 * at most SECRETS_MAX_SEGMENT + READ_BLOCK bytes.  Complete lines (or
 * SECRETS_MAX_SEGMENT-sized pieces of an endless line) are handed to
 * scan_segment(), which applies every rule and appends the segment, with
 * the secrets replaced, to the output.  The only state carried between
 * segments is "inside a begin/end block since line N".  The pass is a
 * stream (secret_stream_*): secrets_scan_fd() reads into it, the
 * inventory feeds it the blocks it hashes.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "evidence/secrets.h"
#include "evidence/pattern.h"
#include "evidence/scan.h"
#include "base/error.h"
#include "base/hash.h"
#include "evidence/literals.h"
#include "evidence/litmatch.h"
#include "base/strbuf.h"
#include "base/banned.h"

#define READ_BLOCK (64 * 1024)
#define MATCH_LIMIT 1000000u
#define DEPTH_LIMIT 10000u

enum rule_kind { RULE_VALUE, RULE_BEGIN, RULE_END, RULE_ALLOW, RULE_PAIR_NAME, RULE_PAIR_VALUE };

#define NONE UINT64_MAX

/* A required literal: text (lower-cased when caseless), found by the
 * scanner's automaton of all literals (find_literals). */
struct literal {
	char *text;
	size_t len;
	int caseless;
};

struct secret_rule {
	char *name;
	enum rule_kind kind;
	pcre2_code *code;
	struct literal *lits; /* every match contains one of them; none = no prefilter */
	size_t nr_lits;
	const struct secret_rule *end; /* RULE_BEGIN: its end rule (index resolved late) */
	size_t partner;  /* RULE_PAIR_NAME: index of its pair-value rule */
	double entropy;  /* value rules: least Shannon entropy (bits/byte) of a secret */
	char **only;     /* RULE_ALLOW: the rules it applies to (none = every value rule) */
	size_t nr_only;
	char *where;
	long line;
};

/* 1 when regex may match case-insensitively anywhere: some "(?FLAGS"
 * group turns on i.  Conservative: "(?-i)" counts too. */
static int regex_caseless(const char *regex)
{
	const char *p = regex;
	while ((p = strstr(p, "(?")) != NULL) {
		p += 2;
		while (isalpha((unsigned char)*p) || *p == '-' || *p == '^') {
			if (*p == 'i')
				return 1;
			p++;
		}
	}
	return 0;
}

/* Case-insensitive strstr for ASCII. */
static int contains_caseless(const char *hay, const char *needle, size_t n)
{
	for (; *hay; hay++)
		if (!strncasecmp(hay, needle, n))
			return 1;
	return 0;
}

/*
 * Parse need ("LIT|LIT|..." or NULL) into r->lits.  A literal is 1..64
 * printable ASCII bytes without blanks and must appear verbatim in the
 * regex source (case-insensitively for a caseless regex): a cheap guard
 * against typos.  That every match contains one is the rule author's
 * promise.  0 or -1 reported.
 */
static int parse_literals(struct secret_rule *r, const char *need, const char *regex,
			  const char *where, long line)
{
	int caseless = regex_caseless(regex);
	size_t alloc = 0;
	const char *p = need;

	if (!need)
		return 0;
	if (r->kind == RULE_END)
		return error_at(where, line, "secret rule %s: need= is for value and begin rules",
				r->name);
	for (;;) {
		size_t n = strcspn(p, "|"), i;
		struct literal *l;
		if (n == 0 || n > 64)
			return error_at(where, line, "secret rule %s: need= wants literals of "
					"1 to 64 bytes separated by '|'", r->name);
		for (i = 0; i < n; i++)
			if ((unsigned char)p[i] <= ' ' || (unsigned char)p[i] > '~')
				return error_at(where, line, "secret rule %s: need= literal with a "
						"blank or non-ASCII byte", r->name);
		if (caseless ? !contains_caseless(regex, p, n) : !memmem(regex, strlen(regex), p, n))
			return error_at(where, line, "secret rule %s: need= literal '%.*s' does "
					"not appear in the regex", r->name, (int)n, p);
		ALLOC_GROW(r->lits, r->nr_lits, alloc);
		l = &r->lits[r->nr_lits++];
		l->text = xmalloc(n + 1);
		memcpy(l->text, p, n);
		l->text[n] = '\0';
		l->len = n;
		l->caseless = caseless;
		for (i = 0; i < n && caseless; i++)
			l->text[i] = (char)tolower((unsigned char)l->text[i]);
		p += n;
		if (!*p)
			break;
		p++;
	}
	return 0;
}

static void free_rule(struct secret_rule *r)
{
	size_t i;
	free(r->name);
	free(r->where);
	pcre2_code_free(r->code);
	for (i = 0; i < r->nr_lits; i++)
		free(r->lits[i].text);
	free(r->lits);
	for (i = 0; i < r->nr_only; i++)
		free(r->only[i]);
	free(r->only);
}

/* The optional fields between KIND and REGEX (each NULL when absent). */
struct rule_opts {
	const char *need;    /* "LIT|LIT" */
	const char *entropy; /* "3.5" */
	const char *only;    /* allow rules: "RULE|RULE" */
};

/* Parse "RULE|RULE" into r->only.  0 or -1 reported. */
static int parse_only(struct secret_rule *r, const char *only, const char *where, long line)
{
	size_t alloc = 0;
	const char *p = only;
	if (r->kind != RULE_ALLOW)
		return error_at(where, line, "secret rule %s: for= is for allow rules", r->name);
	for (;;) {
		size_t n = strcspn(p, "|");
		if (n == 0)
			return error_at(where, line, "secret rule %s: for= wants rule names "
					"separated by '|'", r->name);
		ALLOC_GROW(r->only, r->nr_only, alloc);
		r->only[r->nr_only] = xmalloc(n + 1);
		memcpy(r->only[r->nr_only], p, n);
		r->only[r->nr_only++][n] = '\0';
		p += n;
		if (!*p)
			return 0;
		p++;
	}
}

/* Parse entropy ("0" to "8", bits per byte) into r->entropy.  0 or -1. */
static int parse_entropy(struct secret_rule *r, const char *text, const char *where, long line)
{
	char *end;
	double v;
	if (r->kind != RULE_VALUE && r->kind != RULE_PAIR_VALUE)
		return error_at(where, line, "secret rule %s: entropy= is for value rules", r->name);
	errno = 0;
	v = strtod(text, &end);
	if (errno || end == text || *end || !(v >= 0.0 && v <= 8.0))
		return error_at(where, line, "secret rule %s: entropy= wants bits per byte "
				"from 0 to 8, not '%s'", r->name, text);
	r->entropy = v;
	return 0;
}

static const struct {
	const char *word;
	enum rule_kind kind;
} kinds[] = {
	{ "value", RULE_VALUE }, { "begin", RULE_BEGIN }, { "end", RULE_END },
	{ "allow", RULE_ALLOW }, { "pair-name", RULE_PAIR_NAME },
	{ "pair-value", RULE_PAIR_VALUE },
};

/* secret_rules_add() with the optional fields. */
static int add_rule(struct secret_rules *rules, const char *name, const char *kind,
		    const struct rule_opts *opts, const char *regex, const char *where,
		    long line)
{
	struct secret_rule *r;
	enum rule_kind k = RULE_VALUE;
	int errcode;
	size_t i;
	PCRE2_SIZE erroffset;
	pcre2_code *code;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (!strcmp(kind, kinds[i].word))
			break;
	if (i == sizeof(kinds) / sizeof(kinds[0]))
		return error_at(where, line, "secret rule %s: kind '%s' is not value, begin, end, "
				"allow, pair-name or pair-value", name, kind);
	k = kinds[i].kind;
	code = pcre2_compile((PCRE2_SPTR)regex, PCRE2_ZERO_TERMINATED, 0, &errcode,
			     &erroffset, NULL);
	if (!code) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(errcode, msg, sizeof(msg));
		return error_at(where, line, "secret rule %s: error at offset %zu: %s", name,
				(size_t)erroffset, (const char *)msg);
	}
	if (pattern_jit_wanted())
		(void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
	ALLOC_GROW(rules->rules, rules->nr, rules->alloc);
	r = &rules->rules[rules->nr++];
	memset(r, 0, sizeof(*r));
	r->name = xstrdup(name);
	r->kind = k;
	r->code = code;
	r->where = xstrdup(where);
	r->line = line;
	if ((k == RULE_ALLOW && opts->need &&
	     error_at(where, line, "secret rule %s: need= is not for allow rules", name)) ||
	    parse_literals(r, opts->need, regex, where, line) < 0 ||
	    (opts->entropy && parse_entropy(r, opts->entropy, where, line) < 0) ||
	    (opts->only && parse_only(r, opts->only, where, line) < 0)) {
		free_rule(r);
		rules->nr--;
		return -1;
	}
	return 0;
}

int secret_rules_add(struct secret_rules *rules, const char *name, const char *kind,
		     const char *regex, const char *where, long line)
{
	static const struct rule_opts none;
	return add_rule(rules, name, kind, &none, regex, where, line);
}

/* Pair every begin rule with the end rule of the same name, and every
 * pair-name rule with the pair-value rule of the same name. */
static int pair_rules(struct secret_rules *rules)
{
	size_t i, j;
	for (i = 0; i < rules->nr; i++) {
		struct secret_rule *r = &rules->rules[i];
		if (r->kind == RULE_PAIR_NAME) {
			for (j = 0; j < rules->nr; j++)
				if (rules->rules[j].kind == RULE_PAIR_VALUE &&
				    !strcmp(rules->rules[j].name, r->name))
					break;
			if (j == rules->nr || j < i)
				return error_at(r->where, r->line, "secret rule %s: pair-name "
						"without a pair-value rule after it", r->name);
			r->partner = j;
			continue;
		}
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
	int ret;

	if (!f)
		return error_at(path, 0, "cannot read secret patterns: %s", strerror(errno));
	ret = secret_rules_load_stream(f, path, rules);
	fclose(f);
	return ret;
}

int secret_rules_load_stream(FILE *f, const char *path, struct secret_rules *rules)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	long lineno = 0;
	int ret = 0;

	while (ret == 0 && (n = getline(&line, &cap, f)) >= 0) {
		char *p = line, *name, *kind;
		struct rule_opts opts = { NULL, NULL, NULL };
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
		for (;;) {
			const char **field = !strncmp(p, "need=", 5) ? &opts.need
					     : !strncmp(p, "entropy=", 8) ? &opts.entropy
					     : !strncmp(p, "for=", 4) ? &opts.only : NULL;
			if (!field)
				break;
			*field = strchr(p, '=') + 1;
			while (*p && *p != ' ' && *p != '\t')
				p++;
			if (*p)
				*p++ = '\0';
			while (*p == ' ' || *p == '\t')
				p++;
		}
		if (!*kind || !*p) {
			ret = error_at(path, lineno, "want 'NAME KIND [need=LITERALS] "
				       "[entropy=BITS] [for=RULES] REGEX'");
			break;
		}
		ret = add_rule(rules, name, kind, &opts, p, path, lineno);
	}
	free(line);
	if (ret == 0)
		ret = pair_rules(rules);
	return ret;
}

void secret_rules_free(struct secret_rules *rules)
{
	size_t i;
	for (i = 0; i < rules->nr; i++)
		free_rule(&rules->rules[i]);
	free(rules->rules);
	memset(rules, 0, sizeof(*rules));
}

/* Where literal occurrences were last looked for: the first occurrence at or
 * after from (absolute file offset) is found, or NONE when none lies wholly
 * in [from, until). */
/* Where one distinct literal starts in the file, from the automaton's
 * pass over every byte buffered: pos[head..n), rising. */
struct occurrences {
	uint64_t *pos;
	size_t head, n, alloc;
};

struct scanner {
	const struct secret_rules *rules;
	int prefilter;
	const char *buf;        /* the buffer */
	uint64_t base;          /* file offset of buf[0] */
	size_t end;             /* bytes buffered */
	struct occurrences *occ; /* per distinct literal */
	size_t *first_lit;       /* rule ri's literal i is slot[first_lit[ri] + i] */
	size_t *slot;            /* into occ and uniq */
	const struct literal **uniq; /* the distinct literals (text and case) */
	size_t nr_uniq;
	/* all distinct literals, ASCII-lower-cased, in one automaton (NULL
	 * when there are none): its id -> uniq[by_id[by_id_at[id]..[id+1])] */
	struct lit_matcher *ac;
	uint32_t ac_state;
	struct lit_hits hits;
	size_t *by_id, *by_id_at;
	const char *shown;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	const struct secret_rule *in_block; /* begin rule whose end is pending */
	struct armed {          /* per rule: a pair-value rule is tried on line */
		long line;      /* `line` from offset `off`, and with next on the */
		size_t off;     /* line after it */
		int next;
	} *armed;
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
	res->hits[res->nr_hits].part = NULL;
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

/* The first start at or after from of distinct literal u, or NONE; the
 * starts before from are dropped (from never goes back within a file). */
static uint64_t occ_first(struct scanner *sc, size_t u, uint64_t from)
{
	struct occurrences *o = &sc->occ[u];
	while (o->head < o->n && o->pos[o->head] < from)
		o->head++;
	return o->head < o->n ? o->pos[o->head] : NONE;
}

/*
 * 1 when rule r must be tried on the segment at file offsets [s, e) (which
 * is buffered): it has no literals, the prefilter is off, or one of its
 * literals lies wholly inside the segment.  Occurrences come from one
 * automaton pass over every byte as it is buffered (stream_commit), so
 * each byte is searched once for all literals, not once per literal.
 */
static int rule_wanted(struct scanner *sc, size_t ri, uint64_t s, uint64_t e)
{
	const struct secret_rule *r = &sc->rules->rules[ri];
	size_t i;
	if (!sc->prefilter || !r->nr_lits)
		return 1;
	for (i = 0; i < r->nr_lits; i++) {
		uint64_t at = occ_first(sc, sc->slot[sc->first_lit[ri] + i], s);
		if (at != NONE && at + r->lits[i].len <= e)
			return 1;
	}
	return 0;
}

/* 1 when every byte of s[0..n) is one of set (s need not end in NUL). */
static int only_of(const char *s, size_t n, const char *set)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (!s[i] || !strchr(set, s[i]))
			return 0;
	return 1;
}

/* Shannon entropy of v[0..n) in bits per byte. */
static double shannon_entropy(const char *v, size_t n)
{
	size_t count[256] = { 0 }, i;
	double h = 0.0;
	for (i = 0; i < n; i++)
		count[(unsigned char)v[i]]++;
	for (i = 0; i < 256; i++)
		if (count[i]) {
			double p = (double)count[i] / (double)n;
			h -= p * log2(p);
		}
	return h;
}

/* 1 when allow rule a covers value rule name: no for= list, or named there. */
static int allow_covers(const struct secret_rule *a, const char *name)
{
	size_t i;
	if (!a->nr_only)
		return 1;
	for (i = 0; i < a->nr_only; i++)
		if (!strcmp(a->only[i], name))
			return 1;
	return 0;
}

/*
 * 1 when the value v[0..n) that rule ri found is not a secret after all:
 * below the rule's entropy= threshold, or matched by an allow rule that
 * covers the rule (a placeholder, AWS's documented example keys...).
 * 0 when it stands, -1 reported (an allow rule hit its limits).
 */
static int value_allowed(struct scanner *sc, size_t ri, const char *v, size_t n, long lineno)
{
	const struct secret_rule *r = &sc->rules->rules[ri];
	size_t i;
	if (r->entropy > 0.0 && shannon_entropy(v, n) < r->entropy)
		return 1;
	for (i = 0; i < sc->rules->nr; i++) {
		const struct secret_rule *a = &sc->rules->rules[i];
		PCRE2_SIZE *ov;
		int rc;
		if (a->kind != RULE_ALLOW || !allow_covers(a, r->name))
			continue;
		rc = match(sc, a, v, n, 0, lineno, &ov);
		if (rc != 0)
			return rc < 0 ? -1 : 1;
	}
	return 0;
}

/*
 * Scan s[0..len) (one line without its line break, or a piece of a long
 * line, at file offset pos) and write it, redacted, followed by
 * tail[0..ntail) (the line break).
 */
static int scan_segment(struct scanner *sc, const char *s, size_t len, long lineno,
			const char *tail, size_t ntail)
{
	uint64_t at = sc->base + (uint64_t)(s - sc->buf);
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
		if (r->kind == RULE_END || r->kind == RULE_ALLOW)
			continue;
		if (r->kind == RULE_PAIR_VALUE) { /* only after its pair-name */
			if (sc->armed[i].line == lineno)
				off = sc->armed[i].off;
			else if (sc->armed[i].line != lineno - 1 || !sc->armed[i].next)
				continue;
		}
		if (!rule_wanted(sc, i, at, at + len))
			continue;
		while (off <= len) {
			size_t a, b, next;
			rc = match(sc, r, s, len, off, lineno, &ov);
			if (rc < 0)
				goto fail;
			if (!rc)
				break;
			if (r->kind == RULE_PAIR_NAME) {
				/* the next line too when nothing but ',' or '{' follows */
				sc->armed[r->partner].line = lineno;
				sc->armed[r->partner].off = ov[1];
				sc->armed[r->partner].next = only_of(s + ov[1], len - ov[1], " \t,{");
				break;
			}
			if (r->kind == RULE_BEGIN) {
				size_t bstart = ov[0], bend = ov[1];
				rc = match(sc, r->end, s, len, bend, lineno, &ov);
				if (rc < 0)
					goto fail;
				a = bstart;
				b = rc ? ov[1] : len;
				if (!rc)
					sc->in_block = r;
			} else {
				/* the first group that took part, else the whole match */
				int g = 1;
				while (g < rc && ov[2 * g] == PCRE2_UNSET)
					g++;
				if (g == rc)
					g = 0;
				a = ov[2 * g];
				b = ov[2 * g + 1];
			}
			next = ov[1] > off ? ov[1] : off + 1;
			if (b > a && r->kind != RULE_BEGIN) {
				rc = value_allowed(sc, i, s + a, b - a, lineno);
				if (rc < 0)
					goto fail;
				if (rc)
					a = b; /* not a secret */
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
			off = next;
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

/*
 * The stream.  Bytes are appended to buf in logical blocks of READ_BLOCK
 * bytes counted from the start of the file, whatever sizes the caller
 * feeds; lines are cut only when a block is complete (or at the end).
 * That is exactly what one read() per block of a regular file gave the
 * old descriptor scanner, so where an endless line is cut into
 * SECRETS_MAX_SEGMENT pieces does not depend on how the bytes arrive.
 */
struct secret_stream {
	struct scanner sc;
	char *buf;           /* cap bytes */
	size_t cap, start, end;
	size_t pending;      /* bytes of the current, incomplete block */
	size_t nr_lits;
	long lineno;
	int failed;
	int all_need;        /* every rule but end rules has required literals */
};

struct secret_stream *secret_stream_new(const struct secret_rules *rules)
{
	struct secret_stream *st = xcalloc(1, sizeof(*st));
	struct scanner *sc = &st->sc;
	size_t i;

	st->cap = SECRETS_MAX_SEGMENT + READ_BLOCK;
	st->buf = xmalloc(st->cap);
	sc->rules = rules;
	sc->first_lit = xmalloc((rules->nr + 1) * sizeof(*sc->first_lit));
	for (i = 0; i < rules->nr; i++) {
		sc->first_lit[i] = st->nr_lits;
		st->nr_lits += rules->rules[i].nr_lits;
	}
	/* A literal several rules declare ("password", "secret") is searched
	 * once: rules share its cache slot. */
	sc->slot = xmalloc((st->nr_lits + 1) * sizeof(*sc->slot));
	sc->uniq = xmalloc((st->nr_lits + 1) * sizeof(*sc->uniq));
	for (i = 0; i < rules->nr; i++) {
		size_t j, u;
		for (j = 0; j < rules->rules[i].nr_lits; j++) {
			const struct literal *l = &rules->rules[i].lits[j];
			for (u = 0; u < sc->nr_uniq; u++)
				if (sc->uniq[u]->caseless == l->caseless && sc->uniq[u]->len == l->len &&
				    !memcmp(sc->uniq[u]->text, l->text, l->len))
					break;
			if (u == sc->nr_uniq)
				sc->uniq[sc->nr_uniq++] = l;
			sc->slot[sc->first_lit[i] + j] = u;
		}
	}
	sc->occ = xcalloc(sc->nr_uniq + 1, sizeof(*sc->occ));
	if (sc->nr_uniq) {
		uint32_t *id = xmalloc(sc->nr_uniq * sizeof(*id));
		size_t u, nids, k;
		sc->ac = lit_matcher_new();
		for (u = 0; u < sc->nr_uniq; u++) {
			char *low = xstrndup(sc->uniq[u]->text, sc->uniq[u]->len);
			ascii_fold(low, low, sc->uniq[u]->len);
			id[u] = lit_matcher_add(sc->ac, low, sc->uniq[u]->len);
			free(low);
		}
		lit_matcher_build(sc->ac);
		nids = lit_matcher_count(sc->ac);
		sc->by_id_at = xcalloc(nids + 1, sizeof(*sc->by_id_at));
		sc->by_id = xmalloc(sc->nr_uniq * sizeof(*sc->by_id));
		for (k = 0, u = 0; k < nids; k++) {
			size_t v;
			sc->by_id_at[k] = u;
			for (v = 0; v < sc->nr_uniq; v++)
				if (id[v] == k)
					sc->by_id[u++] = v;
		}
		sc->by_id_at[nids] = u;
		free(id);
	}
	sc->armed = xcalloc(rules->nr + 1, sizeof(*sc->armed));
	st->all_need = 1;
	for (i = 0; i < rules->nr; i++)
		if (rules->rules[i].kind != RULE_END && rules->rules[i].kind != RULE_ALLOW &&
		    rules->rules[i].kind != RULE_PAIR_VALUE && !rules->rules[i].nr_lits)
			st->all_need = 0;
	sc->md = pcre2_match_data_create(32, NULL);
	sc->mctx = pcre2_match_context_create(NULL);
	if (!sc->md || !sc->mctx)
		die_oom();
	pcre2_set_match_limit(sc->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(sc->mctx, DEPTH_LIMIT);
	strbuf_init(&sc->out, 0);
	return st;
}

void secret_stream_free(struct secret_stream *st)
{
	if (!st)
		return;
	if (st->sc.out_hash) { /* begun, never ended */
		char hex[65];
		sha256_end(st->sc.out_hash, hex);
	}
	pcre2_match_data_free(st->sc.md);
	pcre2_match_context_free(st->sc.mctx);
	strbuf_release(&st->sc.out);
	for (size_t i = 0; i < st->sc.nr_uniq; i++)
		free(st->sc.occ[i].pos);
	free(st->sc.occ);
	lit_matcher_free(st->sc.ac);
	free(st->sc.hits.items);
	free(st->sc.by_id);
	free(st->sc.by_id_at);
	free(st->sc.armed);
	free(st->sc.first_lit);
	free(st->sc.slot);
	free(st->sc.uniq);
	free(st->buf);
	free(st);
}

void secret_stream_begin(struct secret_stream *st, int out_fd, const char *shown,
			 struct secret_scan *res)
{
	struct scanner *sc = &st->sc;
	size_t i;

	if (sc->out_hash) { /* the previous file was abandoned */
		char hex[65];
		sha256_end(sc->out_hash, hex);
		sc->out_hash = NULL;
	}
	memset(res, 0, sizeof(*res));
	st->start = st->end = st->pending = 0;
	st->lineno = 1;
	st->failed = 0;
	sc->prefilter = !sc->rules->no_prefilter;
	sc->buf = st->buf;
	sc->base = 0;
	sc->end = 0;
	sc->ac_state = 0;
	for (i = 0; i < sc->nr_uniq; i++)
		sc->occ[i].head = sc->occ[i].n = 0;
	sc->shown = shown;
	sc->in_block = NULL;
	for (i = 0; i < sc->rules->nr; i++)
		sc->armed[i].line = -2; /* never armed */
	sc->res = res;
	sc->out_fd = out_fd;
	if (out_fd >= 0)
		sc->out_hash = sha256_begin();
}

/*
 * Lines holding no required literal cannot hit when every rule needs one
 * (end, allow and pair-value rules aside: the last run only on the line
 * after their pair-name, never skipped), no block is open and no redacted
 * copy is being written: step over the complete lines before the first literal
 * occurrence in the buffer, counting them, without a per-line call.  The
 * occurrences are those rule_wanted() reads.
 */
static void skip_clean_lines(struct secret_stream *st)
{
	struct scanner *sc = &st->sc;
	const struct secret_rules *rules = sc->rules;
	uint64_t s = sc->base + st->start, first = NONE;
	size_t i, to;
	const char *nl;

	if (!st->all_need || !sc->prefilter || sc->in_block || sc->out_fd >= 0)
		return;
	/* a pair-value rule (no literals needed) armed for this line */
	for (i = 0; i < rules->nr; i++)
		if (sc->armed[i].next && sc->armed[i].line == st->lineno - 1)
			return;
	for (i = 0; i < sc->nr_uniq; i++) {
		uint64_t at = occ_first(sc, i, s);
		if (at < first)
			first = at;
	}
	if (first == NONE) /* every complete line is clean */
		nl = memrchr(st->buf + st->start, '\n', st->end - st->start);
	else /* the lines before the one holding the first occurrence */
		nl = memrchr(st->buf + st->start, '\n', (size_t)(first - s));
	to = nl ? (size_t)(nl - st->buf) + 1 : st->start;
	if (to > st->start) {
		st->lineno += (long)scan_count_newlines(st->buf + st->start, to - st->start);
		st->start = to;
	}
}

/*
 * Scan every complete line buffered, and with eof the rest; a line with no
 * break within SECRETS_MAX_SEGMENT bytes is scanned in pieces of that size.
 * Then move what is left (part of a line, shorter than a segment) to the
 * front, so a whole block fits behind it.  0 or -1 reported.
 */
static int drain(struct secret_stream *st, int eof)
{
	char *buf = st->buf;

	for (;;) {
		char *nl;
		size_t len;

		skip_clean_lines(st);
		nl = memchr(buf + st->start, '\n', st->end - st->start);
		if (nl) {
			size_t tail = 1;
			len = (size_t)(nl - (buf + st->start));
			if (len > 0 && buf[st->start + len - 1] == '\r') {
				len--;
				tail = 2;
			}
			if (scan_segment(&st->sc, buf + st->start, len, st->lineno,
					 buf + st->start + len, tail) < 0)
				return -1;
			st->start += len + tail;
			st->lineno++;
			continue;
		}
		if (st->end - st->start < SECRETS_MAX_SEGMENT && !(eof && st->end > st->start))
			break;
		len = st->end - st->start < SECRETS_MAX_SEGMENT ? st->end - st->start
								 : SECRETS_MAX_SEGMENT;
		if (scan_segment(&st->sc, buf + st->start, len, st->lineno, "", 0) < 0)
			return -1;
		st->start += len;
	}
	if (st->start > 0) {
		memmove(buf, buf + st->start, st->end - st->start);
		st->sc.base += st->start;
		st->end -= st->start;
		st->start = 0;
	}
	return 0;
}

/* Where the next bytes of the file go: *room (> 0) bytes at the result,
 * never past the end of the current block.  Borrowed until commit. */
static char *stream_space(struct secret_stream *st, size_t *room)
{
	*room = READ_BLOCK - st->pending;
	return st->buf + st->end;
}

/* The automaton over the n bytes just buffered at st->end: each distinct
 * literal's starts (a case-sensitive one checked byte for byte) join its
 * occurrences.  Starts before the buffered text (a literal across a
 * segment cut) are not kept: no segment asks for them. */
static void find_literals(struct secret_stream *st, size_t n)
{
	struct scanner *sc = &st->sc;
	size_t h;

	sc->hits.nr = 0;
	lit_matcher_stream(sc->ac, st->buf + st->end, n, &sc->ac_state, &sc->hits);
	for (h = 0; h < sc->hits.nr; h++) {
		uint32_t id = sc->hits.items[h].id;
		size_t b, end = st->end + sc->hits.items[h].end + 1; /* in buf */
		for (b = sc->by_id_at[id]; b < sc->by_id_at[id + 1]; b++) {
			const struct literal *l = sc->uniq[sc->by_id[b]];
			struct occurrences *o = &sc->occ[sc->by_id[b]];
			if (end < st->start + l->len)
				continue;
			if (!l->caseless && memcmp(st->buf + end - l->len, l->text, l->len))
				continue;
			if (o->head == o->n)
				o->head = o->n = 0;
			else if (o->head > 4096 && o->head > o->n / 2) {
				memmove(o->pos, o->pos + o->head, (o->n - o->head) * sizeof(*o->pos));
				o->n -= o->head;
				o->head = 0;
			}
			ALLOC_GROW(o->pos, o->n + 1, o->alloc);
			o->pos[o->n++] = sc->base + end - l->len;
		}
	}
}

/* n bytes were written at stream_space(): find their literals, count them, and scan
 * when they complete a block.  0 or -1 reported. */
static int stream_commit(struct secret_stream *st, size_t n)
{
	if (st->sc.prefilter && st->sc.ac)
		find_literals(st, n);
	st->sc.res->size += (uint64_t)n;
	st->end += n;
	st->sc.end = st->end;
	st->pending += n;
	if (st->pending < READ_BLOCK)
		return 0;
	st->pending = 0;
	return drain(st, 0);
}

int secret_stream_feed(struct secret_stream *st, const void *data, size_t n)
{
	const char *p = data;

	while (n && !st->failed) {
		size_t room, k;
		char *dst = stream_space(st, &room);
		k = n < room ? n : room;
		memcpy(dst, p, k);
		if (stream_commit(st, k) < 0)
			st->failed = 1;
		p += k;
		n -= k;
	}
	return st->failed ? -1 : 0;
}

int secret_stream_end(struct secret_stream *st)
{
	struct scanner *sc = &st->sc;

	if (!st->failed && drain(st, 1) < 0)
		st->failed = 1;
	if (sc->out_hash) {
		sha256_end(sc->out_hash, sc->res->out_sha256);
		sc->out_hash = NULL;
	}
	if (st->failed) {
		secret_scan_free(sc->res);
		return -1;
	}
	return 0;
}

int secrets_scan_fd(const struct secret_rules *rules, int fd, int out_fd,
		    const char *shown, struct secret_scan *res)
{
	struct secret_stream *st = secret_stream_new(rules);
	struct sha256_stream *in_hash = sha256_begin();
	int ret = 0;

	secret_stream_begin(st, out_fd, shown, res);
	for (;;) {
		size_t room;
		char *dst = stream_space(st, &room);
		ssize_t n = read(fd, dst, room);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			ret = error_at(shown, 0, "cannot read: %s", strerror(errno));
			break;
		}
		if (n == 0)
			break;
		sha256_update(in_hash, dst, (size_t)n);
		if (stream_commit(st, (size_t)n) < 0) {
			st->failed = 1;
			break;
		}
	}
	if (ret < 0)
		st->failed = 1;
	if (secret_stream_end(st) < 0)
		ret = -1;
	sha256_end(in_hash, res->sha256);
	secret_stream_free(st);
	return ret;
}

void secret_scan_free(struct secret_scan *res)
{
	size_t i;
	free(res->hits);
	res->hits = NULL;
	res->nr_hits = res->alloc_hits = 0;
	for (i = 0; i < res->nr_parts; i++)
		free(res->parts[i]);
	free(res->parts);
	res->parts = NULL;
	res->nr_parts = res->alloc_parts = 0;
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
