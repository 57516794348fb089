/*
 * cmd_schedule.c - `ftrkit schedule`: the drill calendar.  For each
 * scenario its cadence, last successful drill, next due date and whether it
 * is overdue as of --as-of; writes OUT/drills.ics (ical.h) atomically.
 * Exit 0, 1 when a scenario is overdue, 2 on an input error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run/assess.h"
#include "base/atomicfile.h"
#include "model/calendar.h"
#include "cli/commands.h"
#include "base/error.h"
#include "reports/ical.h"
#include "base/messages.h"
#include "cli/summary.h"
#include "base/textwidth.h"
#include "base/version.h"
#include "base/quote.h"
#include "base/banned.h"

/* Print cell and pad it with spaces to width terminal columns (one space
 * at least), so Japanese cells stay aligned. */
static void print_cell(const char *cell, size_t width)
{
	char *shown = quote_controls(cell); /* ids and names come from the inputs */
	size_t used = display_width(shown);
	fputs(shown, stdout);
	free(shown);
	do
		putchar(' ');
	while (++used < width + 1);
}

static void print_table(const struct assess_run *run)
{
	const char *lang = run->lang;
	size_t i;
	printf(msg(M_SCHEDULE_TITLE, lang), run->assessment.product, run->as_of);
	print_cell(msg(M_SCHED_SCENARIO, lang), 28);
	print_cell(msg(M_SCHED_CADENCE, lang), 12);
	print_cell(msg(M_SCHED_LAST_SUCCESS, lang), 12);
	print_cell(msg(M_SCHED_NEXT_DUE, lang), 12);
	printf("%s\n", msg(M_SCHED_STATUS, lang));
	for (i = 0; i < run->nr_calendar; i++) {
		const struct scenario_status *st = &run->calendar[i];
		char last[16], next[16];
		const char *status = msg(M_SCHED_OK, lang);
		snprintf(last, sizeof(last), "%s", msg(M_SCHED_NEVER, lang));
		snprintf(next, sizeof(next), "%s", msg(M_SCHED_NOW, lang));
		if (st->last_success) {
			date_format(st->last_success->day, last, sizeof(last));
			date_format(st->next_due, next, sizeof(next));
		}
		if (st->overdue)
			status = msg(st->last_success ? M_SCHED_OVERDUE : M_SCHED_OVERDUE_NEVER, lang);
		else if (st->change)
			status = msg(M_SCHED_AFTER_CHANGE, lang);
		print_cell(st->scenario->id, 28);
		print_cell(st->scenario->cadence.text, 12);
		print_cell(last, 12);
		print_cell(next, 12);
		printf("%s\n", status);
	}
}

/* The calendar drills.ics replaces, so SEQUENCE can move on (ical.h).  A
 * missing, unreadable or oversized file is no previous calendar. */
static void read_previous(const char *path, struct ical_previous *prev)
{
	enum { MAX_PREVIOUS = 4 << 20 };
	struct strbuf sb = STRBUF_INIT;
	FILE *f = fopen(path, "re");
	char buf[8192];
	size_t n;

	while (f && (n = fread(buf, 1, sizeof(buf), f)) > 0 && sb.len <= MAX_PREVIOUS)
		strbuf_add(&sb, buf, n);
	if (f && !ferror(f) && sb.len <= MAX_PREVIOUS)
		ical_previous_parse(sb.buf ? sb.buf : "", sb.len, prev);
	else
		memset(prev, 0, sizeof(*prev));
	if (f)
		fclose(f);
	strbuf_release(&sb);
}

/* Write OUT/drills.ics through a temporary file; 0 or -1 after reporting. */
static int write_ics(const struct options *opt, const struct assess_run *run, char **written)
{
	struct strbuf ics = STRBUF_INIT;
	struct atomic_file af;
	size_t n = strlen(opt->out);
	char *path = n && opt->out[n - 1] == '/' ? xasprintf("%sdrills.ics", opt->out)
						 : xasprintf("%s/drills.ics", opt->out);
	struct ical_previous prev;
	int ret = -1;

	read_previous(path, &prev);
	ical_drill_calendar(&ics, &run->assessment, run->calendar, run->nr_calendar,
			    run->as_of_day, "-//ftrkit//ftrkit " FTRKIT_VERSION "//EN", &prev);
	ical_previous_free(&prev);
	if (make_dirs(opt->out) < 0)
		goto out;
	atomic_clean_stale(path);
	if (atomic_begin(&af, path, 0644) < 0)
		goto out;
	if (atomic_write(&af, ics.buf, ics.len) < 0 || atomic_commit(&af) < 0) {
		atomic_abort(&af);
		goto out;
	}
	ret = 0;
out:
	strbuf_release(&ics);
	if (ret == 0)
		*written = path;
	else
		free(path);
	return ret;
}

int cmd_schedule(struct options *opt)
{
	struct assess_run run;
	char *written = NULL;
	size_t i;
	int ret = EXIT_ALL_MET;

	if (opt->argc > 0) {
		error("schedule takes no arguments (got '%s'); use -w DIR for a workspace",
		      opt->argv[0]);
		return EXIT_INPUT;
	}
	if (assess_load_and_check(opt, &run) < 0 || write_ics(opt, &run, &written) < 0) {
		assess_free(&run);
		return EXIT_INPUT;
	}
	for (i = 0; i < run.nr_calendar; i++)
		if (run.calendar[i].overdue)
			ret = EXIT_FINDINGS;
	if (!opt->quiet) {
		print_table(&run);
		printf(msg(M_SCHEDULE_WRITTEN, run.lang), written);
	}
	free(written);
	assess_free(&run);
	return ret;
}
