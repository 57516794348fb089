/*
 * drill_fixture.h - shared set-up for the drill reader tests: the marker
 * patterns come from the shipped questionnaire's <defaults> (so the
 * defaults themselves are under test), text goes through a temporary file.
 */
#ifndef FTRKIT_DRILL_FIXTURE_H
#define FTRKIT_DRILL_FIXTURE_H

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "calendar.h"
#include "drill.h"
#include "error.h"
#include "questionnaire.h"
#include "xmlload.h"

struct fixture {
	struct questionnaire q;
	struct drill_markers m;
	struct drill_reader_ctx rc;
	struct drill_set set;
};

static inline int fixture_setup(void **state)
{
	static struct fixture f;
	memset(&f, 0, sizeof(f));
	xml_init();
	if (questionnaire_load("questionnaires/ftr-dr.xml", &f.q) < 0 ||
	    drill_markers_compile(&f.q.defaults, f.q.path, &f.m) < 0)
		return -1;
	f.rc.markers = &f.m;
	f.rc.ts.tz_offset_seconds = 9 * 3600;
	f.rc.ts.as_of_day = days_from_civil(2026, 11, 25);
	f.rc.export_max = DRILL_EXPORT_MAX;
	*state = &f;
	return 0;
}

static inline int fixture_teardown(void **state)
{
	struct fixture *f = *state;
	drill_markers_free(&f->m);
	questionnaire_free(&f->q);
	drill_set_free(&f->set);
	return 0;
}

typedef void (*reader_fn)(int, const char *, const struct drill_reader_ctx *, struct drill_set *);

/* Run reader over data (len bytes); returns the first new record. */
static inline struct drill_record *read_bytes(struct fixture *f, reader_fn reader,
					      const char *data, size_t len)
{
	FILE *tmp = tmpfile();
	size_t before;
	if (!tmp || fwrite(data, 1, len, tmp) != len || fflush(tmp) != 0)
		return NULL;
	rewind(tmp);
	drill_set_free(&f->set);
	before = f->set.nr;
	reader(fileno(tmp), "drills/test.log", &f->rc, &f->set);
	fclose(tmp);
	return f->set.nr > before ? &f->set.items[before] : NULL;
}

static inline struct drill_record *read_str(struct fixture *f, reader_fn reader, const char *data)
{
	return read_bytes(f, reader, data, strlen(data));
}

#endif
