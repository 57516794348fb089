/*
 * pattern.c - PCRE2 wrapper: compile once, JIT when available, match with
 * limits.  The match context carries the limits; match data is per pattern
 * (patterns are not shared between threads).
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "evidence/pattern.h"
#include "base/error.h"
#include "evidence/literals.h"
#include "base/banned.h"

struct pattern {
	pcre2_code *code;
	int code_jit; /* code is JIT-compiled: ASCII subjects take the fast path */
	pcre2_match_data *match_data;
	pcre2_match_context *mctx;
	/* one line, lenient about invalid UTF-8 (see pattern_match_line) */
	pcre2_code *line_code;
	int line_jit;
	int anchored; /* every match starts at the line start: search lines, not blocks */
	/* whole-buffer search (see pattern_search); NULL when not equivalent */
	pcre2_code *scan_code;
	pcre2_match_data *scan_data;
	int scan_jit; /* scan_code is JIT-compiled: use the fast path */
	struct required_literals *literals; /* see pattern_literals; may be NULL */
};

int pattern_jit_wanted(void)
{
	const char *v = getenv("FTRKIT_NO_JIT");
	return !(v && *v && strcmp(v, "0") != 0);
}

/*
 * Can a multi-line search of a buffer stand in for matching each line
 * alone, never skipping a line that would match by itself?  Not when the
 * pattern can look outside the current line (lookbehind, negative
 * lookahead, \A \G \z \Z \K, or verbs that change newline rules).  The
 * test is on the source text and errs on the safe side: a false "unsafe"
 * only costs speed.  Matches the search finds are always re-checked on
 * their line alone, so false candidates cost nothing either.
 */
static int buffer_search_safe(const char *source)
{
	static const char *const unsafe[] = {
		"(?<=", "(?<!", "(?!", "\\A", "\\G", "\\z", "\\Z", "\\K", "(*", NULL,
	};
	size_t i;
	for (i = 0; unsafe[i]; i++)
		if (strstr(source, unsafe[i]))
			return 0;
	return 1;
}

static void compile_scan_code(struct pattern *p, const char *source)
{
	int errcode;
	PCRE2_SIZE erroffset;
	uint32_t all = 0;

	p->line_code = pcre2_compile((PCRE2_SPTR)source, PCRE2_ZERO_TERMINATED,
				     PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_MATCH_INVALID_UTF,
				     &errcode, &erroffset, NULL);
	if (p->line_code) {
		p->line_jit = pattern_jit_wanted() &&
			      pcre2_jit_compile(p->line_code, PCRE2_JIT_COMPLETE) == 0;
		if (pcre2_pattern_info(p->line_code, PCRE2_INFO_ALLOPTIONS, &all) == 0 &&
		    (all & PCRE2_ANCHORED))
			p->anchored = 1;
	}

	if (!buffer_search_safe(source))
		return;
	/* ^ and $ at every line; invalid UTF-8 simply cannot match (no up-front check). */
	p->scan_code = pcre2_compile((PCRE2_SPTR)source, PCRE2_ZERO_TERMINATED,
				     PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_MULTILINE |
				     PCRE2_MATCH_INVALID_UTF,
				     &errcode, &erroffset, NULL);
	if (!p->scan_code)
		return;
	p->scan_jit = pattern_jit_wanted() &&
		      pcre2_jit_compile(p->scan_code, PCRE2_JIT_COMPLETE) == 0;
	p->scan_data = pcre2_match_data_create(1, NULL);
	if (!p->scan_data)
		die_oom();
}

struct pattern *pattern_compile(const char *source, const char *name,
				const char *where, long line)
{
	struct pattern *p;
	int errcode;
	PCRE2_SIZE erroffset;
	PCRE2_UCHAR msg[256];

	p = xcalloc(1, sizeof(*p));
	p->code = pcre2_compile((PCRE2_SPTR)source, PCRE2_ZERO_TERMINATED,
				PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS,
				&errcode, &erroffset, NULL);
	if (!p->code) {
		pcre2_get_error_message(errcode, msg, sizeof(msg));
		error_at(where, line, "pattern %s: error at offset %zu: %s", name,
			 (size_t)erroffset, (const char *)msg);
		free(p);
		return NULL;
	}
	/* JIT is an optimisation: without it (some platforms) matching still works. */
	p->code_jit = pattern_jit_wanted() &&
		      pcre2_jit_compile(p->code, PCRE2_JIT_COMPLETE) == 0;
	p->match_data = pcre2_match_data_create(PATTERN_MAX_GROUPS, NULL);
	p->mctx = pcre2_match_context_create(NULL);
	if (!p->match_data || !p->mctx)
		die_oom();
	pcre2_set_match_limit(p->mctx, PATTERN_MATCH_LIMIT);
	pcre2_set_depth_limit(p->mctx, PATTERN_DEPTH_LIMIT);
	/* Backtracking memory of the interpreter (JIT uses its own small
	 * stack): PCRE2's default is 20 GB, far beyond a 64 MiB budget. */
	pcre2_set_heap_limit(p->mctx, PATTERN_HEAP_LIMIT_KIB);
	compile_scan_code(p, source);
	p->literals = required_literals_of(source);
	return p;
}

void pattern_free(struct pattern *p)
{
	if (!p)
		return;
	pcre2_match_data_free(p->match_data);
	pcre2_match_context_free(p->mctx);
	pcre2_code_free(p->code);
	pcre2_match_data_free(p->scan_data);
	pcre2_code_free(p->scan_code);
	pcre2_code_free(p->line_code);
	required_literals_free(p->literals);
	free(p);
}

/* Map a pcre2 return code and fill groups from match data md. */
static enum pattern_result result_of(int rc, pcre2_match_data *md,
				     size_t groups[2 * PATTERN_MAX_GROUPS])
{
	if (rc == PCRE2_ERROR_NOMATCH)
		return PATTERN_NO_MATCH;
	if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
	    rc == PCRE2_ERROR_JIT_STACKLIMIT || rc == PCRE2_ERROR_HEAPLIMIT)
		return PATTERN_LIMIT;
	if (rc <= PCRE2_ERROR_UTF8_ERR1 && rc >= PCRE2_ERROR_UTF8_ERR21)
		return PATTERN_BAD_UTF;
	if (rc < 0)
		return PATTERN_LIMIT;
	if (groups) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		uint32_t count = pcre2_get_ovector_count(md);
		size_t i;
		for (i = 0; i < PATTERN_MAX_GROUPS; i++) {
			if (i < count && i < (size_t)rc && ov[2 * i] != PCRE2_UNSET) {
				groups[2 * i] = ov[2 * i];
				groups[2 * i + 1] = ov[2 * i + 1];
			} else {
				groups[2 * i] = groups[2 * i + 1] = (size_t)-1;
			}
		}
	}
	return PATTERN_MATCH;
}

/* 1 when s[0..n) is pure ASCII (so valid UTF-8): eight bytes at a time. */
static int all_ascii(const char *s, size_t n)
{
	const uint64_t high = 0x8080808080808080ull;
	uint64_t acc = 0;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t v;
		memcpy(&v, s + i, 8);
		acc |= v;
	}
	for (; i < n; i++)
		acc |= (unsigned char)s[i];
	return (acc & high) == 0;
}

enum pattern_result pattern_match(const struct pattern *p, const char *subject,
				  size_t len, size_t groups[2 * PATTERN_MAX_GROUPS])
{
	int rc;
	/*
	 * pcre2_match() validates the whole subject as UTF-8 on every call,
	 * which costs more than the match on a log line tested by several
	 * patterns.  An ASCII subject needs no check: use the JIT fast path.
	 * Anything else goes through the full check (PATTERN_BAD_UTF).
	 */
	if (p->code_jit && all_ascii(subject, len))
		rc = pcre2_jit_match(p->code, (PCRE2_SPTR)subject, len, 0, 0, p->match_data,
				     p->mctx);
	else
		rc = pcre2_match(p->code, (PCRE2_SPTR)subject, len, 0, 0, p->match_data,
				 p->mctx);
	return result_of(rc, p->match_data, groups);
}

enum pattern_result pattern_match_line(const struct pattern *p, const char *line,
				       size_t len, size_t groups[2 * PATTERN_MAX_GROUPS])
{
	int rc;
	if (!p->line_code)
		return pattern_match(p, line, len, groups);
	if (p->line_jit)
		rc = pcre2_jit_match(p->line_code, (PCRE2_SPTR)line, len, 0, 0, p->match_data,
				     p->mctx);
	else
		rc = pcre2_match(p->line_code, (PCRE2_SPTR)line, len, 0, 0, p->match_data,
				 p->mctx);
	return result_of(rc, p->match_data, groups);
}

int pattern_anchored(const struct pattern *p)
{
	return p->anchored;
}

const struct required_literals *pattern_literals(const struct pattern *p)
{
	return p->literals;
}

int pattern_can_search(const struct pattern *p)
{
	return p->scan_code != NULL;
}

enum pattern_result pattern_search(const struct pattern *p, const char *buf, size_t len,
				   size_t from, size_t *start)
{
	int rc;
	if (!p->scan_code)
		return PATTERN_LIMIT;
	if (p->scan_jit)
		rc = pcre2_jit_match(p->scan_code, (PCRE2_SPTR)buf, len, from, 0, p->scan_data,
				     p->mctx);
	else
		rc = pcre2_match(p->scan_code, (PCRE2_SPTR)buf, len, from, 0, p->scan_data,
				 p->mctx);
	if (rc == PCRE2_ERROR_NOMATCH)
		return PATTERN_NO_MATCH;
	if (rc < 0)
		return PATTERN_LIMIT;
	*start = pcre2_get_ovector_pointer(p->scan_data)[0];
	return PATTERN_MATCH;
}
