/*
 * test_literals.c - required literals read from pattern sources, and the
 * promise scan_block_candidates() builds on them: a line a pattern matches
 * alone is never skipped, with literals or without, on random text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "unit.h"
#include "evidence/literals.h"
#include "evidence/litmatch.h"
#include "evidence/pattern.h"
#include "evidence/scan.h"

/* "a|b ; c" for branch sets "a|b" and "c", branches joined by " || ". */
static void describe(const struct required_literals *r, char *out, size_t size)
{
	size_t i, k, j, n = 0;
	out[0] = '\0';
	for (i = 0; i < r->nr; i++) {
		if (i)
			n += (size_t)snprintf(out + n, size - n, " || ");
		for (k = 0; k < r->branches[i].nr; k++) {
			const struct literal_set *set = &r->branches[i].sets[k];
			if (k)
				n += (size_t)snprintf(out + n, size - n, " ; ");
			for (j = 0; j < set->nr; j++)
				n += (size_t)snprintf(out + n, size - n, "%s%s", j ? "|" : "",
						      set->items[j]);
		}
	}
}

static void expect(const char *source, const char *want)
{
	struct required_literals *r = required_literals_of(source);
	char got[1024];
	if (!want) {
		if (r) {
			describe(r, got, sizeof(got));
			fail_msg("%s: expected no literals, got '%s'", source, got);
		}
		return;
	}
	if (!r)
		fail_msg("%s: expected '%s', got none", source, want);
	describe(r, got, sizeof(got));
	if (strcmp(got, want) != 0)
		fail_msg("%s: expected '%s', got '%s'", source, want, got);
	required_literals_free(r);
}

static void test_shipped_marker_shapes(void **state)
{
	(void)state;
	expect("\\b(?:drill|exercise|test)\\s+(?:started|starts|start|began|begins)\\b|訓練開始|テスト開始",
	       "drill|exercise|test ; start|began|begins || 訓練開始 || テスト開始");
	expect("^[\\s>*#|-]*(?:scenario|シナリオ)\\s*[:：]\\s*([A-Za-z][A-Za-z0-9._-]*)",
	       "scenario|シナリオ");
	expect("\\bservice\\s+restored\\b|\\brecovery\\s+completed?\\b|復旧完了",
	       "service ; restored || recovery ; complete || 復旧完了");
	expect("結果\\s*[:：]\\s*(?:成功|合格)", "結果 ; 成功|合格");
}

static void test_runs_quantifiers_and_escapes(void **state)
{
	(void)state;
	expect("colou?r", "colo ; r");
	expect("ab+c", "ab ; c");
	expect("ab*c", "a ; c");
	expect("ab{2,}c", "ab ; c");
	expect("ab{0,3}c", "a ; c");
	expect("a\\.b\\-c", "a.b-c");
	expect("\\x41bc", "bc");
	expect("\\x{263a}zz", "zz");
	expect("ERROR", "error");
	expect("(?-i)Fault", "fault");
	expect("(?:foo|bar)?baz", "baz");
	expect("(foo|bar)+", "foo|bar");
	expect("(?=abc)xyz", "xyz");
	expect("[abc]+def", "def");
	expect("café", "caf");                /* é has case variants: not compared */
	expect("ＡＢ障害", "障害");              /* full-width letters have case */
	expect("(?:start|started|starts)", "start");
	expect("x(?:ab|c)y", "x ; ab|c ; y");
}

static void test_what_is_not_taken_apart(void **state)
{
	(void)state;
	expect("\\Qa.b\\E", NULL);
	expect("(*COMMIT)abc", NULL);
	expect("(?x) a b c", NULL);
	expect("(?:(?ix) a # c\n)abc", NULL);
	expect("(a)b\\1", NULL);
	expect("(a)b\\g1", NULL);
	expect("(?<n>a)\\k<n>", NULL);
	expect("(a)(?1)", NULL);
	expect("(?&n)", NULL);
	expect("(?#comment)abc", NULL);
	expect("abc|", NULL);
	expect("abc|\\d+", NULL);
	expect("a{,3}", NULL);
	expect("(abc", NULL);
	expect("abc)", NULL);
	expect("[abc", NULL);
	expect("", NULL);
}

static void test_fold_and_unsafe_text(void **state)
{
	char text[] = "2026-10-07 THE DRILL has ENDED";
	(void)state;
	ascii_fold(text, text, strlen(text));
	assert_string_equal(text, "2026-10-07 the drill has ended");
	assert_int_equal(literals_unsafe_text("\xE2\x84\xAA", 3), 1); /* KELVIN SIGN */
	assert_int_equal(literals_unsafe_text("\xC5\xBF", 2), 1);     /* LONG S */
	assert_int_equal(literals_unsafe_text("plain ascii 障害", strlen("plain ascii 障害")), 0);
}

/* Lines scan_block_candidates() handed over, as a bitmap by line number. */
struct seen {
	unsigned char *lines;
	long max;
};

static int note_line(void *arg, char *line, size_t len, long lineno)
{
	struct seen *s = arg;
	(void)line;
	(void)len;
	assert_true(lineno >= 1 && lineno <= s->max);
	assert_int_equal(s->lines[lineno], 0); /* each line once */
	s->lines[lineno] = 1;
	return 0;
}

static const char *const words[] = {
	"drill", "DRILL", "Drill", "exercise", "test", "latest", "started", "start", "began",
	"ended", "end", "pending", "service", "restored", "Restored", "recovery", "completed",
	"result", "outcome", ":", "：", "success", "failed", "foo", "bar", "baz", "colour",
	"color", "alpha7gamma", "beta", "gamma", "xxyz", "CaseSensitive", "casesensitive",
	"訓練開始", "訓練終了", "障害発生", "結果", "成功", "  ", "-", "#", ">", "\t",
	"érror", "error", "ERROR", "2026-10-07T14:00:00Z",
};

/* Rare in a block: a "\r" (the pattern search then goes line by line) and
 * characters that case-fold to ASCII (the literal search then stands down). */
static const char *const rare_words[] = { "\xE2\x84\xAA", "\xC5\xBF", "stop\r", "kelvin" };

static const char *const patterns[] = {
	"\\b(?:drill|exercise|test)\\s+(?:started|starts|start|began|begins)\\b|訓練開始",
	"\\b(?:drill|exercise|test)\\s+(?:ended|ends|end|finished|complete|completed)\\b",
	"\\bservice\\s+restored\\b|\\brecovery\\s+completed?\\b|復旧完了",
	"^[\\s>*#|-]*(?:result|outcome)\\s*[:：]\\s*(?:success|passed)\\b|結果\\s*[:：]\\s*成功",
	"\\bfoo\\s+bar\\b|baz",
	"(?:alpha|beta)\\d+gamma",
	"colou?r",
	"x{2,}yz",
	"(?-i)CaseSensitive",
	"\\bkelvin\\b|\\bstop\\b",
	"error",
};

#define NR_PATTERNS (sizeof(patterns) / sizeof(patterns[0]))
#define NR_WORDS (sizeof(words) / sizeof(words[0]))

/* Build a random block of about 4000 bytes of lines; its line count. */
static long random_block(char *block, size_t *len_out, unsigned *seed, int newline_at_end)
{
	size_t len = 0;
	long nlines = 0;
	int with_rare = rand_r(seed) % 5 == 0;
	while (len < 4000) {
		int nw = (int)(rand_r(seed) % 6), w;
		for (w = 0; w < nw; w++) {
			const char *word = with_rare && rand_r(seed) % 50 == 0
						   ? rare_words[rand_r(seed) % 4]
						   : words[rand_r(seed) % NR_WORDS];
			memcpy(block + len, word, strlen(word));
			len += strlen(word);
			if (rand_r(seed) % 3)
				block[len++] = ' ';
		}
		block[len++] = '\n';
		nlines++;
	}
	if (!newline_at_end)
		len--;
	block[len] = '\0';
	*len_out = len;
	return nlines;
}

/*
 * Random blocks of random lines, one pattern at a time: every line the
 * pattern matches alone (pattern_match_line) must reach the callback, with
 * the literal search on and off.
 */
static void test_candidates_never_skip_a_match(void **state)
{
	char *block = malloc(1 << 16);
	unsigned seed = 20261130;
	size_t i;
	long skipped_lines = 0, total_lines = 0;
	(void)state;

	for (i = 0; i < NR_PATTERNS; i++) {
		struct pattern *p = pattern_compile(patterns[i], "p", "test", 0);
		int round;
		assert_non_null(p);
		for (round = 0; round < 200; round++) {
			size_t len, at = 0;
			long nlines = random_block(block, &len, &seed, round % 2), l;
			struct seen with, without;
			int use;

			for (use = 0; use < 2; use++) {
				struct seen *s = use ? &with : &without;
				s->max = nlines;
				s->lines = calloc((size_t)nlines + 2, 1);
				scan_use_literals = use;
				assert_int_equal(scan_block_candidates(block, len, 0, 1, &p, 1,
								       note_line, s), 0);
			}
			scan_use_literals = 1;
			for (l = 1; at < len; l++) {
				char *nl = memchr(block + at, '\n', len - at);
				size_t end = nl ? (size_t)(nl - block) : len, n = end - at;
				char saved;
				if (n && block[at + n - 1] == '\r')
					n--;
				saved = block[at + n];
				block[at + n] = '\0';
				if (pattern_match_line(p, block + at, n, NULL) == PATTERN_MATCH &&
				    (!with.lines[l] || !without.lines[l]))
					fail_msg("%s: round %d line %ld matches but was skipped "
						 "(literals %s)", patterns[i], round, l,
						 with.lines[l] ? "off" : "on");
				block[at + n] = saved;
				skipped_lines += !with.lines[l];
				total_lines++;
				at = end + 1;
			}
			free(with.lines);
			free(without.lines);
		}
		pattern_free(p);
	}
	/* and the literals do skip lines: most random lines hold none */
	print_message("skipped %ld of %ld lines\n", skipped_lines, total_lines);
	assert_true(skipped_lines > total_lines / 2);
	free(block);
}

/* Overlapping literals, a literal inside another, the same text twice,
 * upper case in the text, and bytes in no literal: every occurrence. */
static void test_litmatch_finds_every_occurrence(void **state)
{
	struct lit_matcher *m = lit_matcher_new();
	struct lit_hits hits = { NULL, 0, 0 };
	const char *text = "USHERS, his_hers 訓練終了";
	uint32_t he, she, his, hers, cjk;
	(void)state;

	he = lit_matcher_add(m, "he", 2);
	she = lit_matcher_add(m, "she", 3);
	his = lit_matcher_add(m, "his", 3);
	hers = lit_matcher_add(m, "hers", 4);
	cjk = lit_matcher_add(m, "終了", strlen("終了"));
	assert_int_equal(lit_matcher_add(m, "she", 3), she); /* deduplicated */
	assert_int_equal(lit_matcher_count(m), 5);
	lit_matcher_build(m);
	lit_matcher_scan(m, text, strlen(text), &hits);
	/* "USHERS": she and he end at 3 (longest first), hers at 5; "his" at
	 * 10; "hers": he at 13, hers at 15; 終了 ends the text */
	assert_int_equal(hits.nr, 7);
	assert_int_equal(hits.items[0].end, 3);
	assert_int_equal(hits.items[0].id, she);
	assert_int_equal(hits.items[1].end, 3);
	assert_int_equal(hits.items[1].id, he);
	assert_int_equal(hits.items[2].end, 5);
	assert_int_equal(hits.items[2].id, hers);
	assert_int_equal(hits.items[3].end, 10);
	assert_int_equal(hits.items[3].id, his);
	assert_int_equal(hits.items[4].end, 13);
	assert_int_equal(hits.items[4].id, he);
	assert_int_equal(hits.items[5].end, 15);
	assert_int_equal(hits.items[5].id, hers);
	assert_int_equal(hits.items[6].end, strlen(text) - 1);
	assert_int_equal(hits.items[6].id, cjk);
	free(hits.items);
	lit_matcher_free(m);
}

/*
 * All the patterns at once, with one prefilter kept over many blocks (as
 * the drill reader does): every line one of them matches alone reaches
 * the callback.
 */
static void test_all_patterns_at_once_never_skip_a_match(void **state)
{
	char *block = malloc(1 << 16);
	unsigned seed = 20261203;
	struct pattern *ps[NR_PATTERNS];
	struct scan_prefilter *pf;
	size_t i;
	long skipped_lines = 0, total_lines = 0;
	int round;
	(void)state;

	for (i = 0; i < NR_PATTERNS; i++) {
		ps[i] = pattern_compile(patterns[i], "p", "test", 0);
		assert_non_null(ps[i]);
	}
	pf = scan_prefilter_new(ps, NR_PATTERNS);
	for (round = 0; round < 400; round++) {
		size_t len, at = 0;
		long nlines = random_block(block, &len, &seed, round % 2), l;
		struct seen s;
		s.max = nlines;
		s.lines = calloc((size_t)nlines + 2, 1);
		assert_int_equal(scan_block_candidates_with(block, len, 0, 1, ps, NR_PATTERNS, pf,
							    note_line, &s), 0);
		for (l = 1; at < len; l++) {
			char *nl = memchr(block + at, '\n', len - at);
			size_t end = nl ? (size_t)(nl - block) : len, n = end - at;
			char saved;
			if (n && block[at + n - 1] == '\r')
				n--;
			saved = block[at + n];
			block[at + n] = '\0';
			for (i = 0; i < NR_PATTERNS; i++)
				if (pattern_match_line(ps[i], block + at, n, NULL) == PATTERN_MATCH &&
				    !s.lines[l])
					fail_msg("%s: round %d line %ld matches but was skipped",
						 patterns[i], round, l);
			block[at + n] = saved;
			skipped_lines += !s.lines[l];
			total_lines++;
			at = end + 1;
		}
		free(s.lines);
	}
	print_message("all at once: skipped %ld of %ld lines\n", skipped_lines, total_lines);
	assert_true(skipped_lines > 0);
	scan_prefilter_free(pf);
	for (i = 0; i < NR_PATTERNS; i++)
		pattern_free(ps[i]);
	free(block);
}

/*
 * A stream cut in random pieces finds what one pass finds, with literals
 * of two bytes or more (the byte-pair skip) and with a one-byte literal
 * (no skip); and one pass finds what memmem finds at every offset.
 */
static void test_litmatch_stream_pieces(void **state)
{
	static const char *const lits[] = { "drill", "ill", "ended", "end", "訓練", "練開始",
					    "xxyz", "xy", "--", "be" };
	char *text = malloc(1 << 16);
	unsigned seed = 7;
	int with_short;
	(void)state;

	for (with_short = 0; with_short < 2; with_short++) {
		struct lit_matcher *m = lit_matcher_new();
		size_t i, nl = sizeof(lits) / sizeof(lits[0]);
		int round;
		for (i = 0; i < nl; i++)
			lit_matcher_add(m, lits[i], strlen(lits[i]));
		if (with_short)
			lit_matcher_add(m, ":", 1);
		lit_matcher_build(m);
		for (round = 0; round < 50; round++) {
			size_t len;
			struct lit_hits one = { NULL, 0, 0 }, cut = { NULL, 0, 0 };
			uint32_t st = 0;
			size_t at = 0, expect = 0, k;
			random_block(text, &len, &seed, round % 2);
			lit_matcher_scan(m, text, len, &one);
			while (at < len) {
				size_t piece = 1 + (size_t)rand_r(&seed) % 40, before = cut.nr;
				if (piece > len - at)
					piece = len - at;
				lit_matcher_stream(m, text + at, piece, &st, &cut);
				for (k = before; k < cut.nr; k++)
					cut.items[k].end += at;
				at += piece;
			}
			assert_int_equal(one.nr, cut.nr);
			for (k = 0; k < one.nr; k++) {
				assert_int_equal(one.items[k].end, cut.items[k].end);
				assert_int_equal(one.items[k].id, cut.items[k].id);
			}
			/* the same count as memmem, case-insensitively, at every offset */
			for (k = 0; k < len; k++)
				for (i = 0; i < lit_matcher_count(m); i++) {
					const char *l = i < nl ? lits[i] : ":";
					size_t n = strlen(l);
					expect += k + n <= len && !strncasecmp(text + k, l, n);
				}
			assert_int_equal(one.nr, expect);
			free(one.items);
			free(cut.items);
		}
		lit_matcher_free(m);
	}
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_marker_shapes),
		cmocka_unit_test(test_runs_quantifiers_and_escapes),
		cmocka_unit_test(test_what_is_not_taken_apart),
		cmocka_unit_test(test_fold_and_unsafe_text),
		cmocka_unit_test(test_candidates_never_skip_a_match),
		cmocka_unit_test(test_litmatch_finds_every_occurrence),
		cmocka_unit_test(test_litmatch_stream_pieces),
		cmocka_unit_test(test_all_patterns_at_once_never_skip_a_match),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
