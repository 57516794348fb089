/*
 * assess.h - the assessment pipeline shared by assess, bundle and verify:
 * load questionnaire and assessment, inventory the workspace, run every
 * check, and write the results database and the reports.
 */
#ifndef FTRKIT_ASSESS_H
#define FTRKIT_ASSESS_H

#include <stdint.h>

#include "model/assessment.h"
#include "drills/drill.h"
#include "drills/drill_calendar.h"
#include "configs/configs.h"
#include "run/options.h"
#include "model/questionnaire.h"
#include "model/results.h"
#include "model/waivers.h"
#include "model/tailoring.h"
#include "results/resultsdb.h"
#include "evidence/secrets.h"
#include "evidence/workspace.h"

struct assess_run {
	struct questionnaire questionnaire;
	struct assessment assessment;
	struct workspace workspace;
	struct run_result results;
	struct drill_set drills;           /* every drill record read from the evidence */
	struct scenario_status *calendar;  /* one per scenario, as of as_of_day */
	size_t nr_calendar;
	char *assessment_path;     /* WORKSPACE/assessment.xml as shown */
	const char *assessment_relpath; /* "assessment.xml" */
	int64_t as_of_day;
	char as_of[16];            /* YYYY-MM-DD */
	const char *lang;
	int loaded_q, loaded_a, loaded_ws, loaded_drills, checked;
	struct config_set configs; /* facts read from the <configs> exports */
	int loaded_configs;
	/* opt->scan_secrets: the secret rules the inventory scanned with
	 * (secret_catalog_load); loaded_rules is 0 when not asked or when they
	 * failed to load (package_scan then loads and reports them). */
	struct secret_rules secret_rules;
	int loaded_rules;
	struct block_consumer scan_consumer; /* the scan on the inventory's read */
	struct waivers waivers;    /* the workspace's waivers.xml; empty when none */
	int loaded_waivers;
	struct tailoring tailoring; /* -t FILE, applied to the questionnaire */
	int loaded_tailoring;
	/* With want_package_html set (bundle), assess_write_reports also renders
	 * index.html for the package's layout into a memory file:
	 * package_html_fd (owned; 0 means none, it is never stdin here). */
	int want_package_html;
	int package_html_fd;
};

/*
 * Load everything and run the checks.  0, or -1 after an input error was
 * reported.  Free with assess_free() either way.  With opt->scan_secrets
 * the inventory also scans every file for secrets from the same read
 * (workspace_open_consumed with inventory_scan_consumer); package_scan() uses those results.
 */
int assess_load_and_check(const struct options *opt, struct assess_run *run);

/*
 * Load the questionnaire named by -q, or the default one: the file
 * default_questionnaire_path() finds, else the copy built into ftrkit (then
 * q->path is "questionnaires/ftr-dr.xml" and q->builtin its bytes), so
 * init and assess work from any folder without an installed data folder.
 * 0, or -1 after reporting.  Free with questionnaire_free().
 */
int assess_load_questionnaire(const char *named, struct questionnaire *q);

/*
 * Write results.sqlite and every report selected by opt->formats into
 * outdir, all through temporary files renamed only when every one is
 * complete.  0 or -1 after reporting (nothing replaced then).
 */
int assess_write_reports(const struct options *opt, struct assess_run *run,
			 const char *outdir);

/*
 * Run the checks on a run whose questionnaire, assessment and workspace are
 * loaded (loaded_q, loaded_a, loaded_ws set; as_of_day, as_of, lang and
 * assessment_relpath filled): classify the evidence, read the exported
 * configurations and the drill records, build the drill calendar, run every
 * control.  assess and verify share it, so a package is re-derived exactly
 * as it was assessed.  0, or -1 after an input error was reported.
 */
int assess_check(struct assess_run *run);

/*
 * Load the tailoring file held in memory (shown names it) against the run's
 * loaded questionnaire and apply it there; assess reads -t FILE, verify the
 * packaged copy.  0, or -1 after reporting.
 */
int assess_tailor(struct assess_run *run, const char *data, size_t len, const char *shown);

/* The run as the results database records it: a view borrowing from run. */
struct resultsdb_run assess_record(const struct assess_run *run);

void assess_free(struct assess_run *run);

/* Exit code for the run's overall verdict: 0 met/n.a./manual, 1 not met. */
int assess_exit_code(const struct assess_run *run);

#endif
