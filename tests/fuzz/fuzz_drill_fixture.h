/*
 * fuzz_drill_fixture.h - the drill readers' context for the fuzz targets:
 * marker patterns compiled once from questionnaires/ftr-dr.xml's <defaults>
 * (run from the repository root, as `make fuzz` and `make check` do).
 * Held for the process lifetime on purpose (one load, not one per input).
 */
#ifndef FTRKIT_FUZZ_DRILL_FIXTURE_H
#define FTRKIT_FUZZ_DRILL_FIXTURE_H

#include "model/calendar.h"
#include "drills/drill_readers.h"
#include "drills/drill_sources.h"
#include "checks/checks.h"
#include "model/questionnaire.h"

/* The shared reader context, or NULL when the questionnaire cannot be
 * loaded (then abort: a fuzz run without markers would test nothing). */
static inline const struct drill_reader_ctx *fuzz_drill_ctx(void)
{
	static struct questionnaire q;
	static struct drill_markers m;
	static struct drill_reader_ctx rc;
	static int done;

	if (done)
		return &rc;
	fuzz_setup();
	if (questionnaire_load("questionnaires/ftr-dr.xml", checks_known, &q) < 0 ||
	    drill_markers_compile(&q.defaults, q.path, &m) < 0)
		abort();
	rc.markers = &m;
	rc.ts.tz_offset_seconds = 9 * 3600;
	rc.ts.as_of_day = days_from_civil(2026, 11, 25);
	rc.export_max = DRILL_EXPORT_MAX;
	done = 1;
	return &rc;
}

#endif
