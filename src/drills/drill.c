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
};

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
	return 0;
}

void drill_markers_free(struct drill_markers *m)
{
	size_t i;
	for (i = 0; i < NR_MARKERS; i++) {
		pattern_free(*marker_slot(m, i));
		*marker_slot(m, i) = NULL;
	}
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

void drill_time_set(struct drill_record *rec, struct drill_time *t,
		    const struct timestamp *ts, long line)
{
	t->set = 1;
	t->epoch = ts->epoch;
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
	if (rec->outage.set && rec->restored.set && rec->restored.epoch >= rec->outage.epoch) {
		rec->has_recovery = 1;
		rec->recovery_seconds = rec->restored.epoch - rec->outage.epoch;
	}
	if (rec->outage.set && rec->recovery_point.set) {
		rec->has_data_loss = 1;
		rec->data_loss_seconds = rec->outage.epoch > rec->recovery_point.epoch
			? rec->outage.epoch - rec->recovery_point.epoch : 0;
	}
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
