/*
 * fixtures.h - setups shared by several unit tests, kept in one place:
 *
 *   scratch_setup/scratch_teardown  a private folder under /tmp per test
 *                                   file (mkdtemp), removed afterwards;
 *   sample_run_open/close           the sample workspace run through the
 *                                   real pipeline (assess_load_and_check,
 *                                   resultsdb_write) into a results
 *                                   database the reports read.
 *
 * Tests run from the repository root (questionnaires/, evidence/).
 */
#ifndef FTRKIT_TEST_FIXTURES_H
#define FTRKIT_TEST_FIXTURES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/error.h"
#include "model/calendar.h"
#include "results/resultsdb.h"
#include "run/assess.h"

/* Make the folder named by the template dir ("/tmp/NAME.XXXXXX", rewritten
 * in place).  0 or -1, as cmocka setups return. */
static inline int scratch_setup(char *dir)
{
	return mkdtemp(dir) ? 0 : -1;
}

/* Remove dir and everything in it. */
static inline int scratch_teardown(const char *dir)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	(void)!system(cmd);
	free(cmd);
	return 0;
}

/* The sample workspace assessed as of 2026-11-25, with its results
 * database at dir/results.sqlite and a path dir/OUT for a report. */
struct sample_run {
	struct assess_run run;
	char dir[64];
	char *db_path, *out_path;
	sqlite3 *db;
};

/* Fill s: assess the sample and write its database.  tag names the
 * scratch folder, out_name the report file.  0, or -1 on any failure. */
static inline int sample_run_open(struct sample_run *s, const char *tag, const char *out_name)
{
	struct options opt;
	struct resultsdb_run record;

	memset(s, 0, sizeof(*s));
	memset(&opt, 0, sizeof(opt));
	opt.workspace = "evidence";
	opt.questionnaire = "questionnaires/ftr-dr.xml";
	opt.lang = "en";
	date_parse("2026-11-25", &opt.as_of_day);
	snprintf(s->dir, sizeof(s->dir), "/tmp/ftrkit-%s.XXXXXX", tag);
	if (!mkdtemp(s->dir))
		return -1;
	s->db_path = xasprintf("%s/results.sqlite", s->dir);
	s->out_path = xasprintf("%s/%s", s->dir, out_name);
	if (assess_load_and_check(&opt, &s->run) < 0)
		return -1;
	record = assess_record(&s->run);
	s->db = resultsdb_write(s->db_path, s->db_path, &record, "ftrkit test");
	return s->db ? 0 : -1;
}

static inline void sample_run_close(struct sample_run *s)
{
	sqlite3_close(s->db);
	assess_free(&s->run);
	unlink(s->db_path);
	unlink(s->out_path);
	rmdir(s->dir);
	free(s->db_path);
	free(s->out_path);
}

#endif
