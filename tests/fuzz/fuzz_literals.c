/*
 * fuzz_literals.c - the promise behind the drill-log prefilter, checked
 * against brute force: the first line of the input is a pattern source
 * (as a questionnaire would give it), the rest a block of log lines.
 * Every line the pattern matches alone (pattern_match_line) must reach
 * scan_block_candidates()'s callback, whatever literals the pattern's
 * source was read to need (src/literals.c); abort() otherwise.  Blocks
 * are valid UTF-8 without NUL, as evidence_text hands them to the
 * drill-log reader (how a search treats a lone invalid byte is not what
 * this target is about).
 */
#include "fuzz.h"
#include "evidence/evidence_text.h"
#include "evidence/literals.h"
#include "evidence/pattern.h"
#include "evidence/scan.h"

struct seen {
	unsigned char *lines;
	long max;
};

static int note_line(void *arg, char *line, size_t len, long lineno)
{
	struct seen *s = arg;
	(void)line;
	(void)len;
	if (lineno < 1 || lineno > s->max || s->lines[lineno])
		abort(); /* a line outside the block, or a line twice */
	s->lines[lineno] = 1;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nl;
	char *source, *block;
	struct pattern *p;
	struct seen seen;
	size_t plen, len, at = 0;
	long line;

	fuzz_setup();
	if (size > 16384)
		return 0;
	nl = memchr(data, '\n', size);
	if (!nl)
		return 0;
	plen = (size_t)(nl - data);
	if (plen > 512)
		return 0;
	source = fuzz_cstring(data, plen);
	p = pattern_compile(source, "fuzz", "fuzz.xml", 1);
	free(source);
	if (!p)
		return 0;
	len = size - plen - 1;
	if (!utf8_text_valid((const char *)nl + 1, len, NULL)) {
		pattern_free(p);
		return 0;
	}
	block = fuzz_cstring(nl + 1, len);
	seen.max = (long)scan_count_newlines(block, len) + 1;
	seen.lines = xcalloc((size_t)seen.max + 2, 1);
	scan_block_candidates(block, len, 0, 1, &p, 1, note_line, &seen);
	for (line = 1; at < len; line++) {
		char *end = memchr(block + at, '\n', len - at);
		size_t stop = end ? (size_t)(end - block) : len, n = stop - at;
		char saved;
		if (n && block[at + n - 1] == '\r')
			n--;
		saved = block[at + n];
		block[at + n] = '\0';
		if (!seen.lines[line] && pattern_match_line(p, block + at, n, NULL) == PATTERN_MATCH)
			abort(); /* a matching line was skipped */
		block[at + n] = saved;
		at = stop + 1;
	}
	free(seen.lines);
	free(block);
	pattern_free(p);
	return 0;
}
