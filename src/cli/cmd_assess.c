/*
 * cmd_assess.c - `ftrkit assess`: run every check, print the summary, write
 * results.sqlite and the reports.  Exit 0 all met, 1 findings, 2 input error.
 */
#include <stdio.h>

#include "run/assess.h"
#include "cli/commands.h"
#include "base/error.h"
#include "base/messages.h"
#include "cli/summary.h"
#include "base/banned.h"

int cmd_assess(struct options *opt)
{
	struct assess_run run;
	int ret;

	if (opt->argc > 0) {
		error("assess takes no arguments (got '%s'); use -w DIR for a workspace",
		      opt->argv[0]);
		return EXIT_INPUT;
	}
	if (assess_load_and_check(opt, &run) < 0 ||
	    assess_write_reports(opt, &run, opt->out) < 0) {
		assess_free(&run);
		return EXIT_INPUT;
	}
	if (!opt->quiet) {
		summary_print(stdout, opt, &run);
		printf(msg(M_SUMMARY_WRITTEN, run.lang), opt->out);
	}
	ret = assess_exit_code(&run);
	assess_free(&run);
	return ret;
}
