/*
 * cmd_bundle.c - `ftrkit bundle`: assess, scan the evidence for secrets,
 * write the reports, then the review package.  Exit 0 written and all met,
 * 1 written with findings, 2 not written.
 */
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "run/assess.h"
#include "cli/commands.h"
#include "base/error.h"
#include "package/package.h"
#include "package/sign.h"
#include "cli/summary.h"
#include "base/banned.h"

int cmd_bundle(struct options *opt)
{
	struct assess_run run;
	struct package_scan scan;
	struct sign_key *key = NULL;
	char *path = NULL;
	int ret = EXIT_INPUT, scanned = 0, lock_fd = -1;

	if (opt->argc > 0) {
		error("bundle takes no arguments (got '%s'); use -w DIR for a workspace",
		      opt->argv[0]);
		return EXIT_INPUT;
	}
	/* The signing key is an input too: refuse a bad one before writing. */
	if (opt->sign_key && !(key = sign_load_private(opt->sign_key))) {
		memset(&run, 0, sizeof(run));
		goto out;
	}
	/* The inventory scans for secrets as it hashes: one read per file. */
	opt->scan_secrets = 1;
	if (assess_load_and_check(opt, &run) < 0)
		goto out;
	/* Names verify would refuse, then secrets: when the package cannot be
	 * written, write nothing. */
	if (package_check_inputs(opt, &run) < 0)
		goto out;
	scanned = 1;
	if (package_scan(opt, &run, &scan) < 0)
		goto out;
	/* From here on the output folder is ours alone until we exit. */
	if ((lock_fd = package_lock_out(opt->out)) < 0)
		goto out;
	run.want_package_html = 1;
	if (assess_write_reports(opt, &run, opt->out) < 0)
		goto out;
	if (package_write(opt, &run, &scan, key, &path) < 0)
		goto out;
	if (!opt->quiet) {
		summary_print(stdout, opt, &run);
		printf("reports written to %s/\n", opt->out);
		if (scan.nr_redacted)
			printf("%zu evidence file%s redacted (see data/redactions.txt)\n",
			       scan.nr_redacted, scan.nr_redacted == 1 ? "" : "s");
		printf("package written to %s\n", path);
	}
	ret = assess_exit_code(&run);
out:
	if (scanned)
		package_scan_free(&scan);
	assess_free(&run);
	sign_key_free(key);
	free(path);
	if (lock_fd >= 0)
		close(lock_fd);
	return ret;
}
