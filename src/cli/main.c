/*
 * main.c - ftrkit's entry point: global set-up, then one table that
 * dispatches to the command's file (src/cmd_NAME.c).
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "base/error.h"
#include "run/options.h"
#include "cli/sandbox.h"
#include "base/progress.h"
#include "base/version.h"
#include "base/xmlload.h"
#include "base/banned.h"

struct command {
	const char *name;
	int (*run)(struct options *opt);
};

static const struct command commands[] = {
	{ "init", cmd_init },
	{ "assess", cmd_assess },
	{ "bundle", cmd_bundle },
	{ "verify", cmd_verify },
	{ "keygen", cmd_keygen },
	{ "schedule", cmd_schedule },
	{ "explain", cmd_explain },
	{ "diff", cmd_diff },
	{ "history", cmd_history },
	{ "import", cmd_import },
};

int main(int argc, char **argv)
{
	struct options opt;
	size_t i;
	int rc;

	/* Byte semantics everywhere: results never depend on the locale. */
	setlocale(LC_ALL, "C");
	if (argc < 2) {
		usage(NULL);
		return EXIT_INPUT;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		usage(NULL);
		return 0;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("ftrkit %s\n", FTRKIT_VERSION);
		return 0;
	}
	/* Hidden diagnostic: proves the network sandbox is active (sandbox.h). */
	if (!strcmp(argv[1], "--sandbox-selftest"))
		return sandbox_selftest(argc - 2, argv + 2);
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(argv[1], commands[i].name) != 0)
			continue;
		rc = options_parse(&opt, commands[i].name, argc - 1, argv + 1);
		if (rc != 0)
			return rc > 0 ? 0 : EXIT_INPUT;
		/* No network from here on: before any input is read. */
		if (sandbox_enter(&opt) < 0)
			return EXIT_INPUT;
		xml_init();
		xml_set_limits(opt.max_xml_depth, opt.max_file_size);
		progress_enable(!opt.quiet);
		return commands[i].run(&opt);
	}
	error("unknown command '%s' (see ftrkit --help)", argv[1]);
	return EXIT_INPUT;
}
