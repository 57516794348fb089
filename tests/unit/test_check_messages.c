/*
 * test_check_messages.c - the check message catalog (check_messages.h).
 *
 * The heart of it is a printf conversion parser: for every message id it
 * derives the argument list each language's format consumes (position and
 * type, positional "%2$s" and "*m$" included) and requires the English and
 * the Japanese lists to be identical, with no gaps and no argument read
 * with two types.  The same rule is applied to the formats in messages.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "unit.h"
#include "model/check_messages.h"
#include "base/messages.h"

#define MAX_ARGS 16

/* What a format consumes: type[i] is the type of argument i+1 ("i", "zu",
 * "lld", "s", ...), NULL when unused. */
struct signature {
	const char *type[MAX_ARGS];
	int nr;          /* highest argument used */
	int positional;  /* 1 when "%N$" is used */
	int sequential;  /* 1 when plain "%s" is used */
	char why[96];    /* empty when the format is well-formed */
};

static void fail_sig(struct signature *sig, const char *why)
{
	if (!sig->why[0])
		snprintf(sig->why, sizeof(sig->why), "%s", why);
}

/* Record that argument n (1-based) is read as type. */
static void use_arg(struct signature *sig, int n, const char *type)
{
	if (n < 1 || n > MAX_ARGS) {
		fail_sig(sig, "argument number out of range");
		return;
	}
	if (sig->type[n - 1] && strcmp(sig->type[n - 1], type) != 0)
		fail_sig(sig, "one argument read with two types");
	sig->type[n - 1] = type;
	if (n > sig->nr)
		sig->nr = n;
}

/* Digits then '$' at *p: the number, advancing *p; 0 when not there. */
static int arg_number(const char **p)
{
	const char *q = *p;
	int n = 0;
	while (*q >= '0' && *q <= '9')
		n = n * 10 + (*q++ - '0');
	if (q == *p || *q != '$')
		return 0;
	*p = q + 1;
	return n;
}

/* A '*' width or precision: consumes an int argument. */
static void star(struct signature *sig, const char **p, int *next)
{
	int n;
	(*p)++;
	n = arg_number(p);
	if (n)
		sig->positional = 1;
	else
		sig->sequential = 1, n = (*next)++;
	use_arg(sig, n, "i");
}

static void parse_format(const char *fmt, struct signature *sig)
{
	static const char *const types[] = {
		/* length prefix + d, u, f: signed, unsigned, floating */
		"hhi", "hi", "i", "li", "lli", "ji", "zi", "ti",
		"hhu", "hu", "u", "lu", "llu", "ju", "zu", "tu",
	};
	const char *p = fmt;
	int next = 1, i;

	memset(sig, 0, sizeof(*sig));
	while ((p = strchr(p, '%'))) {
		char length[4] = "", want[8];
		size_t k;
		int n;
		p++;
		if (*p == '%') {
			p++;
			continue;
		}
		n = arg_number(&p);
		while (*p && strchr("-+ #0'I", *p))
			p++;
		if (*p == '*')
			star(sig, &p, &next);
		while (*p >= '0' && *p <= '9')
			p++;
		if (*p == '.') {
			p++;
			if (*p == '*')
				star(sig, &p, &next);
			while (*p >= '0' && *p <= '9')
				p++;
		}
		for (k = 0; k + 1 < sizeof(length) && *p && strchr("hljztL", *p); k++)
			length[k] = *p++;
		length[k] = '\0';
		if (n)
			sig->positional = 1;
		else
			sig->sequential = 1, n = next++;
		switch (*p) {
		case 'd': case 'i': case 'c':
			snprintf(want, sizeof(want), "%si", *p == 'c' ? "" : length);
			break;
		case 'u': case 'o': case 'x': case 'X':
			snprintf(want, sizeof(want), "%su", length);
			break;
		case 's': case 'p':
			if (length[0])
				fail_sig(sig, "wide strings are not used");
			snprintf(want, sizeof(want), "%c", *p);
			break;
		case 'f': case 'e': case 'g': case 'a': case 'F': case 'E': case 'G': case 'A':
			snprintf(want, sizeof(want), "%sf", length);
			break;
		default:
			fail_sig(sig, "unknown or forbidden conversion");
			return;
		}
		p++;
		if (want[strlen(want) - 1] == 'f' || want[0] == 's' || want[0] == 'p') {
			use_arg(sig, n, want[0] == 's' ? "s" : want[0] == 'p' ? "p" : "f");
			continue;
		}
		for (k = 0; k < sizeof(types) / sizeof(types[0]); k++)
			if (strcmp(types[k], want) == 0)
				break;
		if (k == sizeof(types) / sizeof(types[0]))
			fail_sig(sig, "unknown length modifier");
		else
			use_arg(sig, n, types[k]);
	}
	if (sig->positional && sig->sequential)
		fail_sig(sig, "positional and sequential conversions mixed");
	for (i = 0; i < sig->nr; i++)
		if (!sig->type[i])
			fail_sig(sig, "an argument before the last one is never read");
}

/* "" when a and b read the same arguments with the same types, else why. */
static const char *compare(const char *a, const char *b, char *why, size_t size)
{
	struct signature sa, sb;
	int i;
	parse_format(a, &sa);
	parse_format(b, &sb);
	if (sa.why[0] || sb.why[0]) {
		snprintf(why, size, "%s", sa.why[0] ? sa.why : sb.why);
		return why;
	}
	if (sa.nr != sb.nr) {
		snprintf(why, size, "%d arguments against %d", sa.nr, sb.nr);
		return why;
	}
	for (i = 0; i < sa.nr; i++) {
		if (strcmp(sa.type[i], sb.type[i]) != 0) {
			snprintf(why, size, "argument %d is %s against %s", i + 1, sa.type[i], sb.type[i]);
			return why;
		}
	}
	return "";
}

static void parser_knows_what_it_parses(void **state)
{
	char why[96];
	struct signature sig;
	(void)state;
	assert_string_equal(compare("%s has %zu", "%1$s: %2$zu 件", why, sizeof(why)), "");
	assert_string_equal(compare("%s %zu", "%2$zu %1$s", why, sizeof(why)), "");
	assert_string_equal(compare("%.*s x %s", "%2$.*1$s y %3$s", why, sizeof(why)), "");
	assert_string_equal(compare("%zu item%s", "%1$zu 件%2$.0s", why, sizeof(why)), "");
	assert_string_equal(compare("%lld and %ld", "%2$ld, %1$lld", why, sizeof(why)), "");
	assert_string_equal(compare("100 %% of %s", "%1$s の 100 %%", why, sizeof(why)), "");
	/* the mistakes it must catch */
	assert_string_not_equal(compare("%s %zu", "%1$s %2$d", why, sizeof(why)), "");
	assert_string_not_equal(compare("%s %s", "%1$s", why, sizeof(why)), "");
	assert_string_not_equal(compare("%s %s %s", "%1$s %3$s", why, sizeof(why)), "");
	assert_string_not_equal(compare("%s %ld", "%1$s %2$lld", why, sizeof(why)), "");
	assert_string_not_equal(compare("%s %s", "%1$s %s", why, sizeof(why)), "");
	assert_string_not_equal(compare("%s", "%1$s %1$d", why, sizeof(why)), "");
	assert_string_not_equal(compare("%s", "%n", why, sizeof(why)), "");
	parse_format("%.*s is %s (line %ld)", &sig);
	assert_int_equal(sig.nr, 4);
	assert_string_equal(sig.type[0], "i");
	assert_string_equal(sig.type[1], "s");
	assert_string_equal(sig.type[3], "li");
}

static void every_check_message_agrees(void **state)
{
	char why[96];
	int i;
	(void)state;
	for (i = 0; i < CM__COUNT; i++) {
		const char *en = cm_text((enum cm_id)i, "en"), *ja = cm_text((enum cm_id)i, "ja");
		const char *verdict = compare(en, ja, why, sizeof(why));
		if (*verdict)
			fail_msg("%s: %s\n  en: %s\n  ja: %s", cm_name((enum cm_id)i), verdict, en, ja);
	}
}

/* Japanese text: at least one character of U+3000 or above (3-byte UTF-8 from 0xE3). */
static int has_japanese(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0xE3)
			return 1;
	return 0;
}

static void every_check_message_is_translated(void **state)
{
	int i, j;
	(void)state;
	for (i = 0; i < CM__COUNT; i++) {
		const char *en = cm_text((enum cm_id)i, "en"), *ja = cm_text((enum cm_id)i, "ja");
		assert_true(strlen(cm_name((enum cm_id)i)) > 0);
		assert_true(strlen(en) > 0);
		assert_true(strlen(ja) > 0);
		/* only punctuation may stay the same in both languages */
		if (!has_japanese(ja) && strcmp(cm_name((enum cm_id)i), "NOTES_SEP") != 0)
			fail_msg("%s has no Japanese text: %s", cm_name((enum cm_id)i), ja);
		for (j = 0; j < i; j++)
			assert_string_not_equal(cm_name((enum cm_id)i), cm_name((enum cm_id)j));
	}
}

static void language_selection(void **state)
{
	(void)state;
	assert_string_equal(CMSG("ja", NO_SCENARIO), "DR シナリオが宣言されていません");
	assert_string_equal(CMSG("en", NO_SCENARIO), "no DR scenario is declared");
	assert_string_equal(CMSG("fr", NO_SCENARIO), "no DR scenario is declared");
	assert_string_equal(CMSG(NULL, NO_SCENARIO), "no DR scenario is declared");
	assert_string_equal(cm_name(CM_RTO_OVER), "RTO_OVER");
	assert_string_equal(cm_name(CM__COUNT), "");
	assert_string_equal(cm_text(CM__COUNT, "ja"), "");
}

/* Render a format with the arguments given (the tests' own printf). */
static void render(char *out, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(out, size, fmt, ap);
	va_end(ap);
}

static void japanese_renders_in_japanese_order(void **state)
{
	char out[512];
	(void)state;
	render(out, sizeof(out), CMSG("ja", RTO_OVER), "api", "region", "36時間", "24時間");
	assert_string_equal(out, "api (region): RTO 36時間は上限 24時間を超えています");
	render(out, sizeof(out), CMSG("en", RTO_OVER), "api", "region", "36 h", "24 h");
	assert_string_equal(out, "api (region): RTO 36 h exceeds the 24 h ceiling");
	render(out, sizeof(out), CMSG("ja", DRILL_SUM), (size_t)1, (size_t)2, "s");
	assert_string_equal(out, "シナリオ 2 件のうち 1 件が訓練済みです");
	render(out, sizeof(out), CMSG("en", DRILL_SUM), (size_t)1, (size_t)2, "s");
	assert_string_equal(out, "1 of 2 scenarios drilled");
	render(out, sizeof(out), CMSG("ja", COV_MISSING), 10, "az-failure=az", 2, "az|x");
	assert_string_equal(out, "az-failure は確認されていません: 障害の種類 az のシナリオに成功した訓練がありません");
	render(out, sizeof(out), CMSG("ja", OBJ_NOT_STATED), "api", "instance", "RPO");
	assert_string_equal(out, "api (instance): RPO が記載されていません");
	render(out, sizeof(out), CMSG("ja", DRILL_NO_LOG), "db-az-failover");
	assert_string_equal(out, "シナリオ db-az-failover は訓練されていません (訓練記録がありません)");
}

/* The report and summary messages (messages.c) that are printf formats
 * obey the same rule (the others are plain text and may hold a "%"). */
static void report_messages_agree(void **state)
{
	static const enum msg formats[] = {
		M_GENERATED, M_COUNTS, M_SUMMARY_COUNTS, M_SUMMARY_WRITTEN, M_SUMMARY_HEADER,
		M_SCHEDULE_TITLE, M_SCHEDULE_WRITTEN,
	};
	char why[96];
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		const char *verdict = compare(msg(formats[i], "en"), msg(formats[i], "ja"),
					      why, sizeof(why));
		if (*verdict)
			fail_msg("message %d: %s", (int)formats[i], verdict);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parser_knows_what_it_parses),
		cmocka_unit_test(every_check_message_agrees),
		cmocka_unit_test(every_check_message_is_translated),
		cmocka_unit_test(language_selection),
		cmocka_unit_test(japanese_renders_in_japanese_order),
		cmocka_unit_test(report_messages_agree),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
