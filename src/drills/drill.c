/*
 * drill.c - drill records and marker patterns: what every reader builds
 * with (drill_readers.h); drill_sources.c picks the reader.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "model/check_messages.h"
#include "drills/drill.h"
#include "evidence/evidence_text.h"
#include "evidence/scan.h"
#include "base/error.h"
#include "base/banned.h"

static const struct {
	const char *param;
	size_t offset;
} marker_params[] = {
	{ "marker-scenario", offsetof(struct drill_markers, scenario) },
	{ "marker-drill-start", offsetof(struct drill_markers, drill_start) },
	{ "marker-drill-end", offsetof(struct drill_markers, drill_end) },
	{ "marker-outage-start", offsetof(struct drill_markers, outage_start) },
	{ "marker-service-restored", offsetof(struct drill_markers, service_restored) },
	{ "marker-recovery-point", offsetof(struct drill_markers, recovery_point) },
	{ "marker-result-success", offsetof(struct drill_markers, result_success) },
	{ "marker-result-failure", offsetof(struct drill_markers, result_failure) },
	{ "rds-failover-start", offsetof(struct drill_markers, rds_failover_start) },
	{ "rds-failover-complete", offsetof(struct drill_markers, rds_failover_complete) },
	{ "fis-recovery-action", offsetof(struct drill_markers, fis_recovery_action) },
	{ "marker-detected", offsetof(struct drill_markers, detected) },
	{ "marker-component-restored", offsetof(struct drill_markers, component_restored) },
};

/* A result line that offers both outcomes ("Result: success | failure."). */
#define OUTCOME_OK "(?:success(?:ful)?|succeeded|pass(?:ed)?|ok|met|成功|合格)"
#define OUTCOME_NG "(?:failure|failed|fail|unsuccessful|ng|not\\s+met|失敗|不合格)"
#define CHOICE "\\s*(?:\\||/|／|,|\\bor\\b|または|か)\\s*"
#define BOTH_CHOICES "\\b" OUTCOME_OK CHOICE OUTCOME_NG "\\b|\\b" OUTCOME_NG CHOICE OUTCOME_OK "\\b|" \
	"\\[\\s?\\]\\s*" OUTCOME_OK "\\b.*\\[\\s?\\]\\s*" OUTCOME_NG "|\\[\\s?\\]\\s*" OUTCOME_NG "\\b.*\\[\\s?\\]\\s*" OUTCOME_OK

/*
 * A measured data loss written as an amount, the label before it: "Data
 * loss: 3 minutes", "| Data loss | none |", "RPO achieved: 45s", "データ
 * 損失: 2分".  Never the objective: no "objective"/"target"/"expected"/
 * "max"/"allowed" (目標, 許容, 想定) label, and the label must end in ':',
 * '=' or a table bar, so prose ("no data loss is expected") is not read.
 * The amount is read after the match (drill_text.c, stated_loss).
 */
#define DATA_LOSS_LABEL                                                                        \
	"(?<!expected )(?<!target )(?<!max )(?<!maximum )(?<!allowed )(?<!acceptable )"       \
	"(?<!tolerable )(?<!permitted )(?<!planned )"                                           \
	"\\b(?:data\\s+(?:loss|lost)|lost\\s+data)(?:\\s+(?:window|measured|observed|actual|"      \
	"amount|duration|\\(rpo\\)))?\\s*(?:[:：=]|\\|)|"                                      \
	"\\b(?:measured|actual|achieved|observed)\\s+rpo\\s*(?:[:：=]|\\|)|"                    \
	"\\brpo\\s+(?:achieved|measured|actual|observed)\\s*(?:[:：=]|\\|)|"                    \
	"(?<!目標)(?<!許容)(?<!想定)データ(?:損失|ロス)(?:量|時間|範囲)?\\s*(?:[:：=]|\\|)|"       \
	"(?:実績|実測)\\s*rpo\\s*(?:[:：=]|\\|)"

/* Params a questionnaire may leave out (older catalogs): from this index on. */
#define FIRST_OPTIONAL 11

#define NR_MARKERS (sizeof(marker_params) / sizeof(marker_params[0]))

static struct pattern **marker_slot(struct drill_markers *m, size_t i)
{
	return (struct pattern **)((char *)m + marker_params[i].offset);
}

int drill_markers_compile(const struct param_list *params, const char *where,
			  struct drill_markers *m)
{
	size_t i, j;
	memset(m, 0, sizeof(*m));
	for (i = 0; i < NR_MARKERS; i++) {
		const struct param *p = NULL;
		for (j = 0; j < params->nr; j++)
			if (!strcmp(params->items[j].name, marker_params[i].param))
				p = &params->items[j];
		if (!p && i >= FIRST_OPTIONAL)
			continue;
		if (!p) {
			drill_markers_free(m);
			return error_at(where, 0,
					"<defaults> lacks param %s (a pattern needed to read drill logs)",
					marker_params[i].param);
		}
		*marker_slot(m, i) = pattern_compile(p->value, p->name, where, p->line);
		if (!*marker_slot(m, i)) {
			drill_markers_free(m);
			return -1;
		}
	}
	m->both_choices = pattern_compile(BOTH_CHOICES, "built-in both-choices", where, 0);
	m->result_line = pattern_compile("\\b(?:result|outcome|verdict)\\s*[:：|]|結果\\s*[:：|]|判定\\s*[:：|]",
					 "built-in result-line", where, 0);
	m->data_loss = pattern_compile(DATA_LOSS_LABEL, "built-in data-loss", where, 0);
	if (!m->both_choices || !m->result_line || !m->data_loss) {
		drill_markers_free(m);
		return -1;
	}
	return 0;
}

void drill_markers_free(struct drill_markers *m)
{
	size_t i;
	for (i = 0; i < NR_MARKERS; i++) {
		pattern_free(*marker_slot(m, i));
		*marker_slot(m, i) = NULL;
	}
	pattern_free(m->both_choices);
	pattern_free(m->result_line);
	pattern_free(m->data_loss);
	m->both_choices = NULL;
	m->result_line = NULL;
	m->data_loss = NULL;
	for (i = 0; i < DRILL_EVENT_COUNT; i++) {
		pattern_free(m->extra[i]);
		m->extra[i] = NULL;
	}
	scan_prefilter_free(m->prefilter);
	m->prefilter = NULL;
}

static const char *const event_names[DRILL_EVENT_COUNT] = {
	"scenario", "drill-start", "drill-end", "outage-start", "detected",
	"service-restored", "component-restored", "recovery-point", "result-success",
	"result-failure", "data-loss",
};

const char *drill_event_name(enum drill_event e)
{
	return (unsigned)e < DRILL_EVENT_COUNT ? event_names[e] : NULL;
}

int drill_markers_add_file(struct drill_markers *m, const struct workspace *ws,
			   const char *relpath)
{
	struct evidence_text t;
	struct strbuf alt[DRILL_EVENT_COUNT];
	long first_line[DRILL_EVENT_COUNT];
	char *line;
	size_t len, i;
	int rc, ret = 0;

	/* the markers change: the prefilter built for them goes */
	scan_prefilter_free(m->prefilter);
	m->prefilter = NULL;
	if (evidence_text_open(&t, ws, relpath, "drill markers") < 0)
		return -1;
	for (i = 0; i < DRILL_EVENT_COUNT; i++) {
		strbuf_init(&alt[i], 0);
		first_line[i] = 0;
	}
	while (ret == 0 && (rc = evidence_text_next(&t, &line, &len)) == 1) {
		char *colon, *pat;
		size_t e;
		while (len && (line[len - 1] == ' ' || line[len - 1] == '\t'))
			line[--len] = '\0';
		while (*line == ' ' || *line == '\t')
			line++;
		if (!*line || *line == '#')
			continue;
		colon = strchr(line, ':');
		for (e = 0; colon && e < DRILL_EVENT_COUNT; e++)
			if ((size_t)(colon - line) == strlen(event_names[e]) &&
			    !strncmp(line, event_names[e], (size_t)(colon - line)))
				break;
		if (!colon || e == DRILL_EVENT_COUNT) {
			ret = error_at(t.shown, t.lineno,
				       "not 'EVENT: pattern' with EVENT one of scenario, drill-start, "
				       "drill-end, outage-start, detected, service-restored, "
				       "component-restored, recovery-point, result-success, "
				       "result-failure, data-loss");
			break;
		}
		pat = colon + 1;
		while (*pat == ' ' || *pat == '\t')
			pat++;
		if (!*pat) {
			ret = error_at(t.shown, t.lineno, "event %s has no pattern", event_names[e]);
			break;
		}
		{
			/* each pattern alone first, so an error names its line */
			struct pattern *one = pattern_compile(pat, event_names[e], t.shown, t.lineno);
			if (!one) {
				ret = -1;
				break;
			}
			pattern_free(one);
		}
		if (!first_line[e])
			first_line[e] = t.lineno;
		if (alt[e].len)
			strbuf_addstr(&alt[e], "|");
		strbuf_addf(&alt[e], "(?:%s)", pat);
	}
	if (ret == 0 && rc < 0)
		ret = -1;
	for (i = 0; ret == 0 && i < DRILL_EVENT_COUNT; i++)
		if (alt[i].len && !(m->extra[i] = pattern_compile(strbuf_str(&alt[i]), event_names[i],
								   t.shown, first_line[i])))
			ret = -1;
	for (i = 0; i < DRILL_EVENT_COUNT; i++)
		strbuf_release(&alt[i]);
	evidence_text_close(&t);
	return ret;
}

struct drill_record *drill_record_new(struct drill_set *set, const char *relpath,
				      enum drill_source source, const struct scenario *s)
{
	struct drill_record *rec;
	ALLOC_GROW(set->items, set->nr, set->alloc);
	rec = &set->items[set->nr++];
	memset(rec, 0, sizeof(*rec));
	rec->file = xstrdup(relpath);
	rec->source = source;
	rec->scenario = s;
	rec->line = 1;
	return rec;
}

void drill_record_problem(struct drill_record *rec, long line, const char *fmt, ...)
{
	va_list ap;
	char *msg;
	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	free(rec->problem);
	rec->problem = msg;
	rec->problem_line = line;
}

void drill_record_doubt(struct drill_record *rec, long line, const char *fmt, ...)
{
	va_list ap;
	if (rec->doubt)
		return;
	va_start(ap, fmt);
	rec->doubt = xvasprintf(fmt, ap);
	va_end(ap);
	rec->doubt_line = line;
}

static int64_t ms_of(const struct drill_time *t)
{
	return t->epoch * 1000 + t->millis;
}

int64_t drill_record_moment_ms(const struct drill_record *r)
{
	const struct drill_time *t = r->ended.set ? &r->ended : r->restored.set ? &r->restored
				   : r->outage.set ? &r->outage : r->started.set ? &r->started : NULL;
	return t ? ms_of(t) : 0;
}

int drill_record_newer(const struct drill_record *a, const struct drill_record *b)
{
	int64_t ma, mb;
	if (a->day != b->day)
		return a->day > b->day;
	ma = drill_record_moment_ms(a);
	mb = drill_record_moment_ms(b);
	if (ma != mb)
		return ma > mb;
	return a > b;
}

void drill_time_set(struct drill_record *rec, struct drill_time *t,
		    const struct timestamp *ts, long line)
{
	t->set = 1;
	t->epoch = ts->epoch;
	t->millis = ts->millis;
	t->line = line;
	t->tz_assumed = !ts->has_offset;
	if (!ts->has_offset && !rec->tz_assumed) {
		rec->tz_assumed = 1;
		rec->tz_line = line;
	}
}

static int64_t day_in_zone(int64_t epoch, int tz_offset_seconds)
{
	int64_t local = epoch + tz_offset_seconds;
	return (local - ((local % 86400) + 86400) % 86400) / 86400;
}

void drill_record_finish(struct drill_record *rec, int tz_offset_seconds)
{
	const struct drill_time *first = rec->started.set ? &rec->started
				       : rec->outage.set ? &rec->outage
				       : rec->restored.set ? &rec->restored : NULL;
	if (first && !rec->has_date) {
		rec->has_date = 1;
		rec->day = day_in_zone(first->epoch, tz_offset_seconds);
		rec->date_line = first->line;
	}
	if (rec->outage.set && rec->restored.set && ms_of(&rec->restored) >= ms_of(&rec->outage)) {
		rec->has_recovery = 1;
		rec->recovery_ms = ms_of(&rec->restored) - ms_of(&rec->outage);
		rec->recovery_seconds = (rec->recovery_ms + 999) / 1000;
	}
	if (rec->outage.set && rec->recovery_point.set) {
		rec->has_data_loss = 1;
		rec->data_loss_ms = ms_of(&rec->outage) > ms_of(&rec->recovery_point)
			? ms_of(&rec->outage) - ms_of(&rec->recovery_point) : 0;
		rec->data_loss_seconds = (rec->data_loss_ms + 999) / 1000;
		rec->data_loss_line = rec->recovery_point.line;
	} else if (rec->has_stated_loss) {
		/* measured by the team and written as an amount ("Data loss: 3 min") */
		rec->has_data_loss = 1;
		rec->data_loss_seconds = rec->stated_loss_seconds;
		rec->data_loss_ms = rec->stated_loss_seconds * 1000;
		rec->data_loss_line = rec->stated_loss_line;
	}
	if (rec->doubt)
		rec->outcome = DRILL_UNKNOWN;
}

/*
 * The placeholder on the line, if any, into what (at most size bytes):
 * "<...>" holding a blank, '|', ',' or a non-ASCII character, or one of the
 * words template writers leave.  1 when found.
 */
int drill_placeholder(const char *text, size_t len, char *what, size_t size)
{
	static const char *const words[] = {
		"TBD", "TBA", "XXX", "TODO", "FIXME", "YYYY", "hh:mm", "HH:MM",
		"\xe6\x9c\xaa\xe8\xa8\x98\xe5\x85\xa5", /* 未記入 */
		"\xe6\x9c\xaa\xe5\xae\x9a",             /* 未定 */
		"\xe8\xa6\x81\xe8\xa8\x98\xe5\x85\xa5", /* 要記入 */
	};
	size_t i, j, n;
	for (i = 0; i < len; i++) {
		if (text[i] != '<')
			continue;
		for (j = i + 1; j < len && j < i + 120 && text[j] != '>' && text[j] != '<'; j++)
			;
		if (j < len && text[j] == '>' && j > i + 1 && text[i + 1] != '!' && text[i + 1] != '/') {
			size_t k;
			int mark = 0;
			for (k = i + 1; k < j; k++)
				mark |= text[k] == ' ' || text[k] == '|' || text[k] == ',' ||
					(unsigned char)text[k] >= 0x80;
			if (mark) {
				n = j - i + 1 < size - 1 ? j - i + 1 : size - 1;
				memcpy(what, text + i, n);
				what[n] = '\0';
				return 1;
			}
		}
	}
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		const char *hit = memmem(text, len, words[i], strlen(words[i]));
		size_t w = strlen(words[i]);
		int ascii = (unsigned char)words[i][0] < 0x80;
		if (!hit)
			continue;
		/* ASCII words stand alone (not "XXXL", "todos") */
		if (ascii && ((hit > text && ((hit[-1] >= 'A' && hit[-1] <= 'Z') ||
					      (hit[-1] >= 'a' && hit[-1] <= 'z'))) ||
			      (hit + w < text + len && ((hit[w] >= 'A' && hit[w] <= 'Z') ||
							 (hit[w] >= 'a' && hit[w] <= 'z')))))
			continue;
		snprintf(what, size, "%s", words[i]);
		return 1;
	}
	return 0;
}

const char *drill_source_name(enum drill_source s)
{
	switch (s) {
	case DRILL_SOURCE_RDS: return "rds-events";
	case DRILL_SOURCE_FIS: return "fis";
	case DRILL_SOURCE_JUNIT: return "junit";
	case DRILL_SOURCE_TEXT: break;
	}
	return "text";
}

const char *drill_outcome_name(enum drill_outcome o)
{
	return o == DRILL_SUCCESS ? "success" : o == DRILL_FAILURE ? "failure" : "unknown";
}

long drill_line_of(const char *text, size_t len, const char *needle)
{
	const char *hit = memmem(text, len, needle, strlen(needle));
	const char *p;
	long line = 1;
	if (!hit)
		return 0;
	for (p = text; p < hit; p++)
		line += *p == '\n';
	return line;
}

void drill_set_free(struct drill_set *set)
{
	size_t i;
	for (i = 0; i < set->nr; i++) {
		free(set->items[i].file);
		free(set->items[i].scenario_named);
		free(set->items[i].problem);
		free(set->items[i].doubt);
		free(set->items[i].failure_note);
	}
	free(set->items);
	memset(set, 0, sizeof(*set));
}

int drill_slurp(int fd, size_t max, struct strbuf *sb, char **why)
{
	char block[65536];
	ssize_t n;
	strbuf_init(sb, max);
	*why = NULL;
	while ((n = read(fd, block, sizeof(block))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			*why = xasprintf("read error: %s", strerror(errno));
			return -1;
		}
		if (strbuf_add(sb, block, (size_t)n) < 0) {
			*why = xasprintf("larger than the %zu-byte limit for drill exports", max);
			return -1;
		}
	}
	return 0;
}
