/*
 * literals.c - required literals of a pattern source (see literals.h).
 *
 * The reader walks the top level of the pattern item by item (an atom and
 * its quantifier).  Consecutive literal characters that must occur exactly
 * once make a run; a group whose alternatives are all plain literal text
 * and that must occur makes a set of items; every other item only ends
 * the current run.  Anything it cannot take apart with certainty makes the
 * whole answer NULL.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "evidence/literals.h"
#include "base/error.h"
#include "base/banned.h"

#define BAD ((size_t)-1)

/* Bytes of the UTF-8 character led by c (1 for ASCII and stray bytes). */
static size_t char_len(unsigned char c)
{
	if (c >= 0xF0)
		return 4;
	if (c >= 0xE0)
		return 3;
	if (c >= 0xC0)
		return 2;
	return 1;
}

/* A non-ASCII character with no case variants (kana, CJK ideographs,
 * CJK and full-width punctuation): safe to compare byte for byte. */
static int caseless_cjk(const unsigned char *s, size_t n)
{
	uint32_t cp;
	if (n != 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
		return 0;
	cp = (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
	return (cp >= 0x3000 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xFF01 && cp <= 0xFF20) ||
	       (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65);
}

/*
 * If s[i] starts a literal character (itself, or an escaped ASCII
 * punctuation character), its length in the source; *text and *n get the
 * character it stands for.  0 when it is anything else.
 */
static size_t literal_at(const char *s, size_t i, const char **text, size_t *n)
{
	unsigned char c = (unsigned char)s[i];
	if (c == '\\') {
		unsigned char e = (unsigned char)s[i + 1];
		if (e && e < 0x80 && strchr("!\"#%&',-./:;<=>@_`~ ^$|()[]{}?*+\\", e)) {
			*text = s + i + 1;
			*n = 1;
			return 2;
		}
		return 0;
	}
	if (!c || c == '\n' || strchr("^$.[]|()?*+{}", c))
		return 0;
	if (c >= 0x80) {
		size_t len = char_len(c);
		if (!caseless_cjk((const unsigned char *)s + i, len))
			return 0;
		*text = s + i;
		*n = len;
		return len;
	}
	*text = s + i;
	*n = 1;
	return 1;
}

/* End of the character class starting at s[i] == '[', or BAD. */
static size_t class_end(const char *s, size_t i)
{
	size_t j = i + 1;
	if (s[j] == '^')
		j++;
	if (s[j] == ']')
		j++;
	while (s[j]) {
		if (s[j] == '\\') {
			if (!s[j + 1] || s[j + 1] == 'Q')
				return BAD;
			j += 2;
		} else if (s[j] == '[' && (s[j + 1] == ':' || s[j + 1] == '.' || s[j + 1] == '=')) {
			/* only the plain "[:name:]" form; anything PCRE2 might read
			 * otherwise is not taken apart */
			size_t k = j + 2;
			if (s[k] == '^')
				k++;
			while ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z'))
				k++;
			if (s[k] != s[j + 1] || s[k + 1] != ']')
				return BAD;
			j = k + 2;
		} else if (s[j] == ']') {
			return j + 1;
		} else {
			j++;
		}
	}
	return BAD;
}

static size_t atom_end(const char *s, size_t i);

/* End of the group starting at s[i] == '(', or BAD. */
static size_t group_end(const char *s, size_t i)
{
	size_t j = i + 1;
	if (s[j] == '*' || (s[j] == '?' && s[j + 1] == '#'))
		return BAD; /* verbs, comments */
	while (s[j] && s[j] != ')') {
		if (s[j] == '(' || s[j] == '[' || s[j] == '\\') {
			j = atom_end(s, j);
			if (j == BAD)
				return BAD;
		} else {
			j++;
		}
	}
	return s[j] == ')' ? j + 1 : BAD;
}

/* End of the atom (no quantifier) starting at s[i], or BAD. */
static size_t atom_end(const char *s, size_t i)
{
	switch (s[i]) {
	case '\\': {
		char e = s[i + 1];
		/* \Q quoting, \g \k backreferences and subroutines, \1 backreferences
		 * or octal: not taken apart */
		if (!e || strchr("QEgk", e) || (e >= '0' && e <= '9'))
			return BAD;
		if (strchr("xopPN", e) && s[i + 2] == '{') {
			const char *close = strchr(s + i + 2, '}');
			return close ? (size_t)(close - s) + 1 : BAD;
		}
		if (e == 'o')
			return BAD;
		if (e == 'x') { /* \xhh: up to two hex digits */
			size_t j = i + 2;
			while (j < i + 4 && strchr("0123456789abcdefABCDEF", s[j]) && s[j])
				j++;
			return j;
		}
		if (e == 'c' || e == 'p' || e == 'P')
			return s[i + 2] ? i + 3 : BAD;
		return i + 1 + char_len((unsigned char)e);
	}
	case '[':
		return class_end(s, i);
	case '(':
		return group_end(s, i);
	case '\0':
		return BAD;
	default:
		return i + char_len((unsigned char)s[i]);
	}
}

/*
 * The quantifier at s[i], if any: *end gets the index after it (i when
 * there is none) and *min its least count (1 when none).  0, or BAD for
 * a '{' that is not a quantifier (PCRE2 reads it as text; we do not try).
 */
static size_t quantifier(const char *s, size_t i, size_t *end, unsigned long *min)
{
	*end = i;
	*min = 1;
	if (s[i] == '?' || s[i] == '*' || s[i] == '+') {
		*min = s[i] == '+';
		i++;
	} else if (s[i] == '{') {
		char *after;
		unsigned long lo = strtoul(s + i + 1, &after, 10);
		if (after == s + i + 1 || (*after != '}' && *after != ','))
			return BAD;
		if (*after == ',') {
			after++;
			while (*after >= '0' && *after <= '9')
				after++;
		}
		if (*after != '}')
			return BAD;
		*min = lo;
		i = (size_t)(after - s) + 1;
	} else {
		return 0;
	}
	if (s[i] == '?' || s[i] == '+')
		i++; /* lazy, possessive */
	*end = i;
	return 0;
}

static void set_add(struct literal_set *set, const char *text, size_t n)
{
	set->items = xrealloc(set->items, (set->nr + 1) * sizeof(*set->items));
	set->lens = xrealloc(set->lens, (set->nr + 1) * sizeof(*set->lens));
	set->items[set->nr] = xstrndup(text, n);
	ascii_fold(set->items[set->nr], set->items[set->nr], n);
	set->lens[set->nr++] = n;
}

/*
 * Drop every item that holds another item of the set: text holding
 * "started" holds "start", so {start, started} needs only "start".
 */
static void set_minimise(struct literal_set *set)
{
	char *drop = xcalloc(set->nr ? set->nr : 1, 1);
	size_t i, j, kept = 0;
	for (i = 0; i < set->nr; i++)
		for (j = 0; j < set->nr && !drop[i]; j++)
			drop[i] = j != i && !drop[j] && set->lens[j] <= set->lens[i] &&
				  memmem(set->items[i], set->lens[i], set->items[j], set->lens[j]) &&
				  (set->lens[j] < set->lens[i] || j < i);
	for (i = 0; i < set->nr; i++) {
		if (drop[i]) {
			free(set->items[i]);
			continue;
		}
		set->items[kept] = set->items[i];
		set->lens[kept++] = set->lens[i];
	}
	set->nr = kept;
	free(drop);
}

static void set_free(struct literal_set *set)
{
	size_t i;
	for (i = 0; i < set->nr; i++)
		free(set->items[i]);
	free(set->items);
	free(set->lens);
}

static struct literal_set *branch_new_set(struct literal_branch *b)
{
	b->sets = xrealloc(b->sets, (b->nr + 1) * sizeof(*b->sets));
	memset(&b->sets[b->nr], 0, sizeof(b->sets[b->nr]));
	return &b->sets[b->nr++];
}

/*
 * The group s[start..end) ("(" or "(?:", alternatives, ")") as a set when
 * every alternative is non-empty plain literal text; 0, or -1 when it is
 * not such a group (then nothing is added).
 */
static int literal_group(const char *s, size_t start, size_t end, struct literal_branch *b)
{
	struct literal_set set;
	char *item = NULL;
	size_t i = start + 1, n = 0;

	if (s[i] == '?') {
		if (s[i + 1] != ':')
			return -1;
		i += 2;
	}
	memset(&set, 0, sizeof(set));
	item = xmalloc(end - start + 1);
	for (; i < end; i++) {
		const char *text;
		size_t tn, used;
		if (s[i] == '|' || s[i] == ')') {
			if (!n)
				goto not_plain;
			set_add(&set, item, n);
			n = 0;
			continue;
		}
		used = literal_at(s, i, &text, &tn);
		if (!used)
			goto not_plain;
		memcpy(item + n, text, tn);
		n += tn;
		i += used - 1;
	}
	free(item);
	set_minimise(&set);
	*branch_new_set(b) = set;
	return 0;
not_plain:
	free(item);
	set_free(&set);
	return -1;
}

/* An inline option setting "(?imsnU-...)" (no x): skip it as an item. */
static int harmless_option(const char *s, size_t start, size_t end)
{
	size_t i;
	if (s[start + 1] != '?' || end - start < 4)
		return 0;
	for (i = start + 2; i < end - 1; i++)
		if (!strchr("imsnU-^", s[i]))
			return 0;
	return 1;
}

static void finish_run(struct literal_branch *b, char *run, size_t *n)
{
	if (*n)
		set_add(branch_new_set(b), run, *n);
	*n = 0;
}

/* Read one top-level branch from s[*i] to its '|' or the end; -1 = give up. */
static int read_branch(const char *s, size_t *i, struct literal_branch *b, char *run)
{
	size_t n = 0;

	while (s[*i] && s[*i] != '|') {
		size_t start = *i, end, after;
		unsigned long min;
		const char *text;
		size_t tn, used = literal_at(s, start, &text, &tn);

		if (s[start] == ')')
			return -1; /* unbalanced */
		end = used ? start + used : atom_end(s, start);
		if (end == BAD || quantifier(s, end, &after, &min) == BAD)
			return -1;
		*i = after;
		if (used) {
			if (after == end) {
				memcpy(run + n, text, tn);
				n += tn;
			} else {
				if (min >= 1) { /* "a+": the character is there, then the run ends */
					memcpy(run + n, text, tn);
					n += tn;
				}
				finish_run(b, run, &n);
			}
			continue;
		}
		finish_run(b, run, &n);
		if (s[start] == '(' && harmless_option(s, start, end))
			continue;
		if (s[start] == '(' && s[start + 1] == '?' && !strchr(":=!<", s[start + 2]))
			return -1; /* other (?...) forms: options with x, recursion, ... */
		if (s[start] == '(' && min >= 1)
			literal_group(s, start, end, b);
	}
	finish_run(b, run, &n);
	return 0;
}

/* Does an option setting anywhere turn on extended mode ((?x), (?ix:...))?
 * Then spaces and '#' comments change meaning: not taken apart. */
static int sets_extended(const char *source)
{
	const char *s = source;
	while ((s = strstr(s, "(?")) != NULL) {
		s += 2;
		while (*s && strchr("imsnUxJ-^", *s)) {
			if (*s == 'x')
				return 1;
			s++;
		}
	}
	return 0;
}

struct required_literals *required_literals_of(const char *source)
{
	struct required_literals *r;
	char *run;
	size_t i = 0;

	if (sets_extended(source))
		return NULL;
	r = xcalloc(1, sizeof(*r));
	run = xmalloc(strlen(source) + 1);

	for (;;) {
		struct literal_branch *b;
		r->branches = xrealloc(r->branches, (r->nr + 1) * sizeof(*r->branches));
		b = &r->branches[r->nr++];
		memset(b, 0, sizeof(*b));
		if (read_branch(source, &i, b, run) < 0 || !b->nr)
			goto give_up;
		if (!source[i])
			break;
		i++; /* the '|' */
	}
	free(run);
	return r;
give_up:
	free(run);
	required_literals_free(r);
	return NULL;
}

void required_literals_free(struct required_literals *r)
{
	size_t i, k;
	if (!r)
		return;
	for (i = 0; i < r->nr; i++) {
		for (k = 0; k < r->branches[i].nr; k++)
			set_free(&r->branches[i].sets[k]);
		free(r->branches[i].sets);
	}
	free(r->branches);
	free(r);
}

int literals_unsafe_text(const char *text, size_t len)
{
	/* KELVIN SIGN, LONG S; and, to be safe, the Turkish dotted and dotless i */
	return memmem(text, len, "\xE2\x84\xAA", 3) || memmem(text, len, "\xC5\xBF", 2) ||
	       memmem(text, len, "\xC4\xB0", 2) || memmem(text, len, "\xC4\xB1", 2);
}

/* Eight bytes at a time: for each byte below 0x80, bit 7 of (b + 0x80 -
 * 'A') and of (b + 0x7f - 'Z') tell b >= 'A' and b > 'Z'. */
void ascii_fold(char *dst, const char *src, size_t n)
{
	const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t x, h, upper;
		memcpy(&x, src + i, 8);
		h = x & ~high;
		upper = ((h + (0x80 - 'A') * ones) ^ (h + (0x7f - 'Z') * ones)) & ~x & high;
		x |= upper >> 2;
		memcpy(dst + i, &x, 8);
	}
	for (; i < n; i++) {
		unsigned char c = (unsigned char)src[i];
		dst[i] = (char)(c | ((unsigned char)(c - 'A') < 26u) << 5);
	}
}
