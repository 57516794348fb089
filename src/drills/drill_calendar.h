/*
 * drill_calendar.h - when each scenario was last drilled successfully and
 * when it is due again, as of a date.
 *
 * Next due = latest successful drill + cadence (calendar months, or whole
 * days for a duration cadence), brought forward to the date of a major
 * change of the scenario's component (or of the whole product) made after
 * that drill: a drill is due once the system changed.  Overdue when the
 * next due date is before as-of, or when there is no successful drill.
 */
#ifndef FTRKIT_DRILL_CALENDAR_H
#define FTRKIT_DRILL_CALENDAR_H

#include <stddef.h>
#include <stdint.h>

#include "model/assessment.h"
#include "drills/drill.h"

struct scenario_status {
	const struct scenario *scenario;          /* borrowed */
	const struct drill_record *last_success;  /* borrowed; NULL = none */
	const struct drill_record *newer_failure; /* the latest failed drill after
						     last_success (or of all, when
						     none succeeded); NULL = none */
	int64_t next_due;                         /* valid when last_success */
	const struct major_change *change;        /* brought next_due forward, or NULL */
	int overdue;
};

/* cadence after day: months via days_add_months, else whole days (rounded up). */
int64_t cadence_add(const struct cadence *c, int64_t day);

/* The latest successful, readable drill of s dated on or before as_of, or
 * NULL; of several on one day the latest by time. */
const struct drill_record *drill_latest_success(const struct drill_set *set,
						const struct scenario *s, int64_t as_of);

/*
 * The latest failed drill of s (readable, dated on or before as_of) with no
 * successful drill after it, or NULL: a failure not yet made good.  Records
 * of one day are ordered by time (drill_record_newer).
 */
const struct drill_record *drill_unrepaired_failure(const struct drill_set *set,
						    const struct scenario *s, int64_t as_of);

/* The latest readable, dated drill of s on or before as_of, or NULL. */
const struct drill_record *drill_latest(const struct drill_set *set,
					const struct scenario *s, int64_t as_of);

/* The latest major change on or before as_of that applies to component
 * (product-wide changes apply to all), or NULL. */
const struct major_change *latest_major_change(const struct assessment *a,
					       const char *component, int64_t as_of);

/* One status per scenario of a, in assessment order; caller frees *out. */
void drill_calendar_build(const struct assessment *a, const struct drill_set *set,
			  int64_t as_of, struct scenario_status **out, size_t *nr);

#endif
