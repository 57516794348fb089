/*
 * drill_fixture.h - shared set-up for the drill reader tests: the marker
 * patterns come from the shipped questionnaire's <defaults> (so the
 * defaults themselves are under test), text goes through a temporary file
 * (served to the text reader as a one-file virtual workspace).
 */
#ifndef FTRKIT_DRILL_FIXTURE_H
#define FTRKIT_DRILL_FIXTURE_H

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "model/calendar.h"
#include "checks/checks.h"
#include "drills/drill_readers.h"
#include "drills/drill_sources.h"
#include "base/error.h"
#include "base/hash.h"
#include "model/questionnaire.h"
#include "base/xmlload.h"

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
	if (questionnaire_load("questionnaires/ftr-dr.xml", checks_known, &f.q) < 0 ||
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

/* The open function of the one-file virtual workspace below: a fresh
 * descriptor on the temporary file, at its start. */
static inline int fixture_open(void *ctx, const char *relpath)
{
	int fd = dup(fileno((FILE *)ctx));
	(void)relpath;
	if (fd >= 0)
		lseek(fd, 0, SEEK_SET);
	return fd;
}

/*
 * Run the text reader over data (len bytes) as the inventoried file
 * drills/test.log of a virtual workspace.  *rc gets the reader's return
 * (-1 = input error); returns the first new record or NULL.
 */
static inline struct drill_record *read_text_named(struct fixture *f, const char *relpath,
						   const char *data, size_t len, int *rc);
static inline struct drill_record *read_text_bytes(struct fixture *f, const char *data,
						   size_t len, int *rc)
{
	return read_text_named(f, "drills/test.log", data, len, rc);
}

/* The same as the inventoried file relpath (its name may date the log). */
static inline struct drill_record *read_text_named(struct fixture *f, const char *relpath,
						   const char *data, size_t len, int *rc)
{
	FILE *tmp = tmpfile();
	struct workspace ws;
	char hex[65];
	size_t before;
	if (!tmp || fwrite(data, 1, len, tmp) != len || fflush(tmp) != 0)
		return NULL;
	sha256_hex(data, len, hex);
	workspace_init_virtual(&ws, "ws", fixture_open, tmp);
	workspace_add_virtual(&ws, relpath, len, hex);
	drill_set_free(&f->set);
	before = f->set.nr;
	*rc = drill_read_text(&ws, relpath, &f->rc, &f->set);
	workspace_close(&ws);
	fclose(tmp);
	return f->set.nr > before ? &f->set.items[before] : NULL;
}

/* Same for a string; asserts the reader accepted it as text. */
static inline struct drill_record *read_text(struct fixture *f, const char *data)
{
	int rc = 0;
	struct drill_record *r = read_text_bytes(f, data, strlen(data), &rc);
	if (rc != 0)
		return NULL;
	return r;
}

#endif
