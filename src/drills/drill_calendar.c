/*
 * drill_calendar.c - the drill calendar (see drill_calendar.h).
 */
#include <stdlib.h>
#include <string.h>

#include "model/calendar.h"
#include "drills/drill_calendar.h"
#include "base/error.h"
#include "base/banned.h"

int64_t cadence_add(const struct cadence *c, int64_t day)
{
	if (c->months)
		return days_add_months(day, c->months);
	return day + (c->seconds + 86399) / 86400;
}

static int usable(const struct drill_record *r, const struct scenario *s, int64_t as_of)
{
	return r->scenario == s && !r->problem && r->has_date && r->day <= as_of;
}

const struct drill_record *drill_latest_success(const struct drill_set *set,
						const struct scenario *s, int64_t as_of)
{
	const struct drill_record *best = NULL;
	size_t i;
	for (i = 0; i < set->nr; i++) {
		const struct drill_record *r = &set->items[i];
		if (usable(r, s, as_of) && r->outcome == DRILL_SUCCESS &&
		    (!best || drill_record_newer(r, best)))
			best = r;
	}
	return best;
}

const struct drill_record *drill_unrepaired_failure(const struct drill_set *set,
						    const struct scenario *s, int64_t as_of)
{
	const struct drill_record *ok = drill_latest_success(set, s, as_of), *best = NULL;
	size_t i;
	for (i = 0; i < set->nr; i++) {
		const struct drill_record *r = &set->items[i];
		if (usable(r, s, as_of) && r->outcome == DRILL_FAILURE &&
		    (!ok || drill_record_newer(r, ok)) && (!best || drill_record_newer(r, best)))
			best = r;
	}
	return best;
}

const struct drill_record *drill_latest(const struct drill_set *set,
					const struct scenario *s, int64_t as_of)
{
	const struct drill_record *best = NULL;
	size_t i;
	for (i = 0; i < set->nr; i++) {
		const struct drill_record *r = &set->items[i];
		if (usable(r, s, as_of) && (!best || drill_record_newer(r, best)))
			best = r;
	}
	return best;
}

const struct major_change *latest_major_change(const struct assessment *a,
					       const char *component, int64_t as_of)
{
	const struct major_change *best = NULL;
	size_t i;
	for (i = 0; i < a->nr_changes; i++) {
		const struct major_change *c = &a->changes[i];
		if (c->day > as_of || (c->component && strcmp(c->component, component)))
			continue;
		if (!best || c->day > best->day)
			best = c;
	}
	return best;
}

void drill_calendar_build(const struct assessment *a, const struct drill_set *set,
			  int64_t as_of, struct scenario_status **out, size_t *nr)
{
	size_t i;
	*nr = a->nr_scenarios;
	*out = xcalloc(a->nr_scenarios ? a->nr_scenarios : 1, sizeof(**out));
	for (i = 0; i < a->nr_scenarios; i++) {
		const struct scenario *s = &a->scenarios[i];
		struct scenario_status *st = &(*out)[i];
		const struct major_change *change;
		st->scenario = s;
		st->last_success = drill_latest_success(set, s, as_of);
		st->newer_failure = drill_unrepaired_failure(set, s, as_of);
		if (!st->last_success) {
			st->overdue = 1;
			continue;
		}
		st->next_due = cadence_add(&s->cadence, st->last_success->day);
		change = latest_major_change(a, s->component, as_of);
		if (change && change->day > st->last_success->day && change->day < st->next_due) {
			st->next_due = change->day;
			st->change = change;
		}
		st->overdue = st->next_due < as_of;
	}
}
