/*
 * test_scan.c - scan_fd() must give exactly what matching every line alone
 * gives (line_reader_next + pattern_match_line), for every kind of line ending,
 * long lines, BOM, invalid UTF-8, several patterns and patterns that cannot
 * use the whole-buffer search.  Differential: deterministic random inputs.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"
#include "base/error.h"
#include "evidence/linereader.h"
#include "evidence/pattern.h"
#include "evidence/scan.h"
#include "base/strbuf.h"

/* A hit list as text: "line:pattern:g1start-g1end\n"... */
struct hits {
	char *text;
	size_t len, cap;
	int stop_after; /* stop the scan after this many hits (0 = never) */
	int count;
};

static void hits_add(struct hits *h, long lineno, size_t pattern, const size_t *groups)
{
	char one[96];
	int n = snprintf(one, sizeof(one), "%ld:%zu:%zd-%zd\n", lineno, pattern,
			 (ssize_t)groups[2], (ssize_t)groups[3]);
	if (h->len + (size_t)n + 1 > h->cap) {
		h->cap = (h->len + (size_t)n + 1) * 2;
		h->text = xrealloc(h->text, h->cap);
	}
	memcpy(h->text + h->len, one, (size_t)n + 1);
	h->len += (size_t)n;
}

static int on_hit(void *arg, const struct scan_hit *hit)
{
	struct hits *h = arg;
	assert_int_equal(strlen(hit->line), hit->len); /* NUL-terminated at len */
	hits_add(h, hit->lineno, hit->pattern, hit->groups);
	h->count++;
	return h->stop_after && h->count >= h->stop_after;
}

static int write_temp(const char *data, size_t n)
{
	char path[] = "/tmp/ftrkit-scan-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	unlink(path);
	assert_int_equal(write(fd, data, n), (ssize_t)n);
	lseek(fd, 0, SEEK_SET);
	return fd;
}

/* The reference: every line alone with every pattern. */
static void reference(int fd, struct pattern **pats, size_t nr, size_t max_line, struct hits *h)
{
	struct line_reader r;
	char *line;
	size_t len, k, g[2 * PATTERN_MAX_GROUPS];
	lseek(fd, 0, SEEK_SET);
	line_reader_init(&r, fd, max_line);
	while (line_reader_next(&r, &line, &len) == 1) {
		for (k = 0; k < nr; k++) {
			if (pattern_match_line(pats[k], line, len, g) == PATTERN_MATCH) {
				hits_add(h, r.lineno, k, g);
				h->count++;
				if (h->stop_after && h->count >= h->stop_after)
					goto out;
			}
		}
	}
out:
	line_reader_free(&r);
}

static void compare(const char *data, size_t n, const char *const *sources, size_t nr,
		    size_t max_line, int stop_after)
{
	struct pattern *pats[8];
	struct hits want = { NULL, 0, 0, stop_after, 0 }, got = { NULL, 0, 0, stop_after, 0 };
	struct scan_stats st;
	size_t k;
	int fd = write_temp(data, n);

	for (k = 0; k < nr; k++) {
		pats[k] = pattern_compile(sources[k], "p", "test", 1);
		assert_non_null(pats[k]);
	}
	reference(fd, pats, nr, max_line, &want);
	lseek(fd, 0, SEEK_SET);
	assert_int_equal(scan_fd(fd, pats, nr, max_line, on_hit, &got, &st), 0);
	if (strcmp(want.text ? want.text : "", got.text ? got.text : "")) {
		for (k = 0; k < nr; k++)
			print_message("pattern %zu: %s (max_line %zu)\n", k, sources[k], max_line);
	}
	assert_string_equal(want.text ? want.text : "", got.text ? got.text : "");
	if (!stop_after)
		assert_int_equal(st.bytes, n);
	for (k = 0; k < nr; k++)
		pattern_free(pats[k]);
	free(want.text);
	free(got.text);
	close(fd);
}

static const char *const words[] = {
	"2026-09-16", "2026/10/07", "T01:02:03Z", "ERROR", "error", "Outage start", "restored",
	" ", "  ", "\t", "x", "\n", "\n", "\n", "\r\n", "\r", "\xE6\x97\xA5", "\xFF", "\xC3",
	"2099-13-40", "20261116", "ok.", "\n\n",
};

static void random_text(struct strbuf *sb, unsigned *seed, size_t words_wanted)
{
	size_t i;
	for (i = 0; i < words_wanted; i++)
		strbuf_addstr(sb, words[rand_r(seed) % (sizeof(words) / sizeof(words[0]))]);
}

static const char *const patterns[] = {
	"\\b(20\\d\\d)[-/](0[1-9]|1[0-2])[-/](0[1-9]|[12]\\d|3[01])\\b",
	"^(\\d{4})-(\\d\\d)-(\\d\\d).*error",
	"restored$",
	"(?<=x)ok",          /* lookbehind: line by line */
	"error(?!\\s)",      /* negative lookahead: line by line */
	"outage\\s+start",   /* \\s could cross a newline: candidates re-checked */
	"^$",                /* empty lines */
	"x[^y]*ok",
};

static void test_random_equivalence(void **state)
{
	unsigned seed = 20261125;
	int round;
	(void)state;
	for (round = 0; round < 60; round++) {
		struct strbuf sb;
		size_t p1 = (size_t)round % 8, p2 = (size_t)(round * 3 + 1) % 8;
		const char *one[1] = { patterns[p1] };
		const char *two[2] = { patterns[p1], patterns[p2] };
		strbuf_init(&sb, 0);
		if (round % 5 == 0)
			strbuf_addstr(&sb, "\xEF\xBB\xBF");
		random_text(&sb, &seed, 200 + (size_t)round * 50);
		compare(sb.buf, sb.len, one, 1, 0, 0);
		compare(sb.buf, sb.len, two, 2, 0, 0);
		compare(sb.buf, sb.len, two, 2, 32, 0);  /* long lines cut at 32 */
		compare(sb.buf, sb.len, two, 2, 0, 3);   /* stop after 3 hits */
		strbuf_release(&sb);
	}
}

/* An empty match at the very end ("$") belongs to a last line without a
 * newline (fuzz_literals found scan_fd skipping it). */
static void test_empty_match_at_end(void **state)
{
	static const char *const texts[] = { "a\nb", "a\n", "a", "", "a\r\nb\r", "\n\n" };
	static const char *const sources[] = { "$", "x*$", "\\s*$", "b?$", "^" };
	size_t t, p;
	(void)state;
	for (t = 0; t < sizeof(texts) / sizeof(texts[0]); t++)
		for (p = 0; p < sizeof(sources) / sizeof(sources[0]); p++) {
			const char *one[1] = { sources[p] };
			compare(texts[t], strlen(texts[t]), one, 1, 0, 0);
		}
}

/* Many blocks: lines cross the reader's block boundaries. */
static void test_large_input(void **state)
{
	const char *pats[] = { patterns[0], patterns[1], patterns[2] };
	unsigned seed = 7;
	struct strbuf sb;
	(void)state;
	strbuf_init(&sb, 0);
	random_text(&sb, &seed, 400000);
	compare(sb.buf, sb.len, pats, 3, 0, 0);
	strbuf_release(&sb);
}

/* A line longer than the whole buffer, then a normal one. */
static void test_huge_line(void **state)
{
	const char *pats[] = { "error", "^next" };
	size_t n = 3 * 1024 * 1024;
	char *data = xmalloc(n + 64);
	(void)state;
	memset(data, 'a', n);
	memcpy(data + 10, "error", 5);
	memcpy(data + n - 100, "error", 5); /* past max_line: must not count */
	memcpy(data + n, "\nnext error\n", 12);
	compare(data, n + 12, pats, 2, 0, 0);
	free(data);
}

static void test_count_newlines(void **state)
{
	char buf[1000];
	size_t i, want = 0;
	(void)state;
	for (i = 0; i < sizeof(buf); i++) {
		buf[i] = (char)(i % 7 == 0 ? '\n' : i % 5 == 0 ? '\x0b' : i % 3 == 0 ? '\x8a' : 'q');
		want += buf[i] == '\n';
	}
	assert_int_equal(scan_count_newlines(buf, sizeof(buf)), want);
	assert_int_equal(scan_count_newlines(buf + 3, 5), (size_t)(buf[7] == '\n'));
	assert_int_equal(scan_count_newlines(buf, 0), 0);
}

/* No match anywhere: stats still count every line. */
static void test_stats(void **state)
{
	const char text[] = "one\ntwo\r\nthree";
	struct pattern *p = pattern_compile("nothing-here", "p", "test", 1);
	struct hits h = { NULL, 0, 0, 0, 0 };
	struct scan_stats st;
	int fd = write_temp(text, sizeof(text) - 1);
	(void)state;
	assert_int_equal(scan_fd(fd, &p, 1, 0, on_hit, &h, &st), 0);
	assert_int_equal(st.lines, 3);
	assert_int_equal(st.bytes, sizeof(text) - 1);
	assert_int_equal(h.count, 0);
	pattern_free(p);
	close(fd);
}

/* Invalid UTF-8 does not hide the rest of a line; anchored patterns known. */
static void test_match_line_lenient(void **state)
{
	static const char line[] = "\xff\xfe drill on 2026-09-16, caf\xe9";
	struct pattern *date = pattern_compile(patterns[0], "p", "test", 1);
	struct pattern *start = pattern_compile("^(\\d{4})-", "p", "test", 1);
	size_t g[2 * PATTERN_MAX_GROUPS];
	(void)state;
	assert_int_equal(pattern_match(date, line, sizeof(line) - 1, g), PATTERN_BAD_UTF);
	assert_int_equal(pattern_match_line(date, line, sizeof(line) - 1, g), PATTERN_MATCH);
	assert_int_equal(g[2], 12);
	assert_int_equal(g[3], 16);
	/* pattern_match: ASCII (JIT fast path) and valid UTF-8 (checked) agree on groups */
	assert_int_equal(pattern_match(date, "on 2026-09-16", 13, g), PATTERN_MATCH);
	assert_int_equal(g[2], 3);
	assert_int_equal(pattern_match(date, "\xe6\x97\xa5 2026-09-16", 14, g), PATTERN_MATCH);
	assert_int_equal(g[2], 4);
	assert_int_equal(pattern_match(date, "\xe6\x97 2026-09-16", 13, g), PATTERN_BAD_UTF);
	assert_int_equal(pattern_anchored(start), 1);
	assert_int_equal(pattern_anchored(date), 0);
	assert_int_equal(pattern_can_search(date), 1);
	pattern_free(date);
	pattern_free(start);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_equivalence),
		cmocka_unit_test(test_empty_match_at_end),
		cmocka_unit_test(test_large_input),
		cmocka_unit_test(test_huge_line),
		cmocka_unit_test(test_count_newlines),
		cmocka_unit_test(test_stats),
		cmocka_unit_test(test_match_line_lenient),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
