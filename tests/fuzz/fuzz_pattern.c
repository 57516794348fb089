/*
 * fuzz_pattern.c - the PCRE2 wrapper: the first line of the input is the
 * pattern (as a questionnaire would give it), the rest the subject.  Compile
 * errors are reported, matching ends within the match/depth limits, and
 * group offsets stay inside the subject.
 */
#include "fuzz.h"
#include "evidence/pattern.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nl;
	char *source;
	struct pattern *p;
	size_t plen, g[2 * PATTERN_MAX_GROUPS], i;
	const char *subject;
	size_t slen;

	fuzz_setup();
	if (size > 8192)
		return 0;
	nl = memchr(data, '\n', size);
	plen = nl ? (size_t)(nl - data) : size;
	if (plen > 512)
		return 0;
	source = fuzz_cstring(data, plen);
	subject = nl ? (const char *)nl + 1 : "";
	slen = nl ? size - plen - 1 : 0;
	p = pattern_compile(source, "fuzz", "fuzz.xml", 1);
	if (p) {
		if (pattern_match(p, subject, slen, g) == PATTERN_MATCH) {
			for (i = 0; i < PATTERN_MAX_GROUPS; i++) {
				if (g[2 * i] == (size_t)-1)
					continue;
				if (g[2 * i] > slen || g[2 * i + 1] > slen)
					abort();
			}
		}
		pattern_free(p);
	}
	free(source);
	return 0;
}
