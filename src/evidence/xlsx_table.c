/*
 * xlsx_table.c - header matching, trimming, durations and component /
 * disruption names of a self-assessment workbook (xlsx_table.h).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "evidence/xlsx_table.h"
#include "model/duration.h"
#include "base/error.h"
#include "base/banned.h"

char *xlsx_trimmed(const char *s)
{
	const char *e;
	for (;;) {
		if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
			s++;
		else if ((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0)
			s += 2;
		else if ((unsigned char)s[0] == 0xe3 && (unsigned char)s[1] == 0x80 &&
			 (unsigned char)s[2] == 0x80)
			s += 3;
		else
			break;
	}
	e = s + strlen(s);
	for (;;) {
		if (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
			e--;
		else if (e - s >= 2 && (unsigned char)e[-2] == 0xc2 && (unsigned char)e[-1] == 0xa0)
			e -= 2;
		else if (e - s >= 3 && (unsigned char)e[-3] == 0xe3 &&
			 (unsigned char)e[-2] == 0x80 && (unsigned char)e[-1] == 0x80)
			e -= 3;
		else
			break;
	}
	return xstrndup(s, (size_t)(e - s));
}

int xlsx_text_matches(const struct pattern *p, const char *text)
{
	char *t = xlsx_trimmed(text);
	int m = pattern_match(p, t, strlen(t), NULL) == PATTERN_MATCH;
	free(t);
	return m;
}

int xlsx_cell_duration(const struct xlsx_cell *cell, int64_t *seconds, const char **why)
{
	char *value;
	int rc;
	if (cell->time) {
		if (xlsx_cell_seconds(cell, seconds) == 0)
			return 0;
		*why = "not a time of at most 36525 days";
		return -1;
	}
	value = xlsx_trimmed(cell->value);
	if (!*value) {
		*why = "empty";
		rc = -1;
	} else {
		rc = duration_parse(value, seconds, why);
	}
	free(value);
	return rc;
}

const struct component *xlsx_named_component(const struct assessment *a, const char *label)
{
	char *t = xlsx_trimmed(label);
	const struct component *found = NULL;
	size_t i;
	for (i = 0; !found && i < a->nr_components; i++) {
		const struct component *c = &a->components[i];
		if (strcasecmp(c->id, t) == 0 || (c->name && strcasecmp(c->name, t) == 0))
			found = c;
	}
	free(t);
	return found;
}

int xlsx_names_disruption(const char *label, const char *d)
{
	char *t = xlsx_trimmed(label), *p;
	size_t n = strlen(d);
	int yes;
	for (p = t; *p; p++) {
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
		else if (*p == ' ' || *p == '_')
			*p = '-';
	}
	yes = strncmp(t, d, n) == 0 && (t[n] == '\0' || t[n] == '-');
	free(t);
	return yes;
}

const struct objective *xlsx_named_disruption(const struct component *c, const char *label)
{
	size_t i;
	for (i = 0; i < c->nr_objectives; i++)
		if (xlsx_names_disruption(label, c->objectives[i].disruption))
			return &c->objectives[i];
	return NULL;
}

/* Labels that introduce a value in a response text. */
static const char *const rpo_labels[] = { "RPO", "目標復旧時点", "復旧時点", NULL };
static const char *const rto_labels[] = { "RTO", "目標復旧時間", "復旧時間", NULL };

static int is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Where label (an ASCII word matched case-insensitively as a whole word, or
 * Japanese text) first occurs in text at or after from, and its length. */
static const char *find_label(const char *text, const char *const *labels, size_t *len)
{
	const char *best = NULL;
	size_t i;
	for (i = 0; labels[i]; i++) {
		size_t n = strlen(labels[i]);
		const char *p;
		for (p = text; *p; p++) {
			if (is_alnum(labels[i][0])) {
				if (strncasecmp(p, labels[i], n) != 0 ||
				    (p > text && is_alnum(p[-1])) || is_alnum(p[n]))
					continue;
			} else if (strncmp(p, labels[i], n) != 0) {
				continue;
			}
			if (!best || p < best) {
				best = p;
				*len = n;
			}
			break;
		}
	}
	return best;
}

/* The duration text after a label: up to a separator or the next label,
 * filler words ("of", "is", ':', '=') skipped, shortened word by word from
 * the end until it parses.  New string or NULL. */
static char *value_after(const char *start, const char *stop)
{
	static const char *const fillers[] = { ":", "：", "=", "of", "is", "-", "は", NULL };
	static const char *const seps[] = { ",", ";", "/", "、", "，", "。", "\n", "(", ")",
					     "（", "）", NULL };
	const char *end = stop ? stop : start + strlen(start);
	char *v, *sp;
	size_t i;
	int skipped = 1;
	while (skipped) {
		skipped = 0;
		while (start < end && (*start == ' ' || *start == '\t'))
			start++;
		for (i = 0; fillers[i]; i++) {
			size_t n = strlen(fillers[i]);
			if ((size_t)(end - start) >= n && strncasecmp(start, fillers[i], n) == 0 &&
			    (!is_alnum(fillers[i][0]) || !is_alnum(start[n]))) {
				start += n;
				skipped = 1;
				break;
			}
		}
	}
	for (i = 0; seps[i]; i++) {
		const char *s = strstr(start, seps[i]);
		if (s && s < end)
			end = s;
	}
	v = xstrndup(start, (size_t)(end - start));
	for (;;) {
		char *t = xlsx_trimmed(v);
		size_t n = strlen(t);
		int64_t seconds;
		const char *why;
		while (n && (t[n - 1] == '.' || t[n - 1] == ' '))
			t[--n] = '\0';
		if (n && duration_parse(t, &seconds, &why) == 0) {
			free(v);
			return t;
		}
		free(t);
		sp = strrchr(v, ' ');
		if (!sp)
			break;
		*sp = '\0';
	}
	free(v);
	return NULL;
}

int xlsx_response_objectives(const char *text, char **rpo, char **rto)
{
	size_t rpo_len = 0, rto_len = 0;
	const char *p = find_label(text, rpo_labels, &rpo_len);
	const char *t = find_label(text, rto_labels, &rto_len);
	*rpo = p ? value_after(p + rpo_len, t > p ? t : NULL) : NULL;
	*rto = t ? value_after(t + rto_len, p > t ? p : NULL) : NULL;
	return (*rpo != NULL) + (*rto != NULL);
}

const char *xlsx_status_word(const char *text)
{
	static const struct { const char *word, *status; } words[] = {
		{ "met", "met" }, { "yes", "met" }, { "y", "met" }, { "true", "met" },
		{ "適合", "met" }, { "対応済み", "met" }, { "対応済", "met" }, { "はい", "met" },
		{ "not met", "not-met" }, { "not-met", "not-met" }, { "no", "not-met" },
		{ "n", "not-met" }, { "false", "not-met" }, { "不適合", "not-met" },
		{ "未対応", "not-met" }, { "いいえ", "not-met" },
		{ "n/a", "not-applicable" }, { "na", "not-applicable" },
		{ "not applicable", "not-applicable" }, { "not-applicable", "not-applicable" },
		{ "該当なし", "not-applicable" }, { "対象外", "not-applicable" },
		{ "manual", "manual" }, { "unanswered", "unanswered" },
	};
	char *t = xlsx_trimmed(text);
	const char *status = NULL;
	size_t i, n = strlen(t);
	while (n && t[n - 1] == '.')
		t[--n] = '\0';
	for (i = 0; !status && i < sizeof(words) / sizeof(words[0]); i++)
		if (strcasecmp(t, words[i].word) == 0)
			status = words[i].status;
	free(t);
	return status;
}
