/*
 * pattern.c - PCRE2 wrapper: compile once, JIT when available, match with
 * limits.  The match context carries the limits; match data is per pattern
 * (patterns are not shared between threads).
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "pattern.h"
#include "error.h"
#include "banned.h"

struct pattern {
	pcre2_code *code;
	pcre2_match_data *match_data;
	pcre2_match_context *mctx;
};

int pattern_jit_wanted(void)
{
	const char *v = getenv("FTRKIT_NO_JIT");
	return !(v && *v && strcmp(v, "0") != 0);
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
	if (pattern_jit_wanted())
		(void)pcre2_jit_compile(p->code, PCRE2_JIT_COMPLETE);
	p->match_data = pcre2_match_data_create(PATTERN_MAX_GROUPS, NULL);
	p->mctx = pcre2_match_context_create(NULL);
	if (!p->match_data || !p->mctx)
		die_oom();
	pcre2_set_match_limit(p->mctx, PATTERN_MATCH_LIMIT);
	pcre2_set_depth_limit(p->mctx, PATTERN_DEPTH_LIMIT);
	/* Backtracking memory of the interpreter (JIT uses its own small
	 * stack): PCRE2's default is 20 GB, far beyond a 64 MiB budget. */
	pcre2_set_heap_limit(p->mctx, PATTERN_HEAP_LIMIT_KIB);
	return p;
}

void pattern_free(struct pattern *p)
{
	if (!p)
		return;
	pcre2_match_data_free(p->match_data);
	pcre2_match_context_free(p->mctx);
	pcre2_code_free(p->code);
	free(p);
}

enum pattern_result pattern_match(const struct pattern *p, const char *subject,
				  size_t len, size_t groups[2 * PATTERN_MAX_GROUPS])
{
	int rc = pcre2_match(p->code, (PCRE2_SPTR)subject, len, 0, 0, p->match_data,
			     p->mctx);
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
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(p->match_data);
		uint32_t count = pcre2_get_ovector_count(p->match_data);
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
