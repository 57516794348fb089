/*
 * cmd_history.c - `ftrkit history --history FILE`: the runs a history
 * database holds (assess and bundle append to it with --history), one line
 * each with its as-of date, questionnaire, overall verdict and the count
 * per verdict; --format json for scripts.  Exit 0, 2 when FILE is missing
 * or not a history.
 */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "base/error.h"
#include "results/history.h"
#include "base/banned.h"

int cmd_history(struct options *opt)
{
	int json = 0;

	if (opt->argc > 0) {
		error("history takes no arguments (got '%s'); use --history FILE", opt->argv[0]);
		return EXIT_INPUT;
	}
	if (!opt->history) {
		error("history needs --history FILE (the database assess and bundle append to)");
		return EXIT_INPUT;
	}
	if (opt->formats && strcmp(opt->formats, "json") == 0) {
		json = 1;
	} else if (opt->formats && strcmp(opt->formats, "text") != 0) {
		error("--format '%s': history writes text or json", opt->formats);
		return EXIT_INPUT;
	}
	return history_list(opt->history, stdout, json) < 0 ? EXIT_INPUT : EXIT_ALL_MET;
}
