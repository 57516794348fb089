/*
 * svg_chart.h - the two charts of the HTML report, drawn as inline SVG
 * through the xmlout writer (no script, no external reference).
 *
 * The data comes in plain arrays so the drawing can be tested without a
 * database; report_html.c fills them from the drills and scenario_status
 * tables.  All strings are borrowed for the duration of the call.
 */
#ifndef FTRKIT_SVG_CHART_H
#define FTRKIT_SVG_CHART_H

#include <stddef.h>
#include <stdint.h>

#include "base/xmlout.h"

struct chart_bar {
	const char *label;          /* scenario title or id */
	const char *date;           /* YYYY-MM-DD or NULL */
	int64_t recovery_seconds;   /* measured */
	int64_t stated_rto_seconds; /* < 0 when no RTO was stated */
};

/*
 * Horizontal bar chart: one bar per drill, its length the measured recovery
 * time as a share of that drill's stated RTO, the RTO itself a dashed line
 * at 100 %.  Bars beyond the RTO are drawn in the "over" style and carry
 * the word "exceeds" as well as the colour.  n must be > 0.
 */
void svg_recovery_chart(struct xo *xo, const struct chart_bar *bars, size_t n,
			const char *lang);

struct timeline_drill {
	int64_t day;  /* day number (calendar.h) */
	int success;  /* 1 success, 0 failure or unknown */
};

struct timeline_row {
	const char *label;      /* scenario title or id */
	const char *cadence;    /* as written */
	int64_t last_success;   /* day number, < 0 when never */
	int64_t next_due;       /* day number, < 0 when unknown */
	int overdue;
	const struct timeline_drill *drills;
	size_t nr_drills;
};

/*
 * Timeline: one row per scenario with its drills as dots, the span from
 * the last success to the next due date as a band, and the as-of date as
 * a vertical line.  Overdue rows are marked with the word "overdue" and a
 * cross at the missed due date.  n must be > 0.
 */
void svg_drill_timeline(struct xo *xo, const struct timeline_row *rows, size_t n,
			int64_t as_of_day, const char *lang);

#endif
