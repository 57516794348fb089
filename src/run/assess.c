/*
 * assess.c - the pipeline: load, inventory, check, write.
 *
 * Loading order matters for error messages: the questionnaire first (its
 * errors are the tool's or the compliance team's), then the assessment, then
 * the workspace walk.  Reports are written only after every check ran, each
 * to a temporary file; they are renamed into place together at the end.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "run/assess.h"
#include "base/atomicfile.h"
#include "model/calendar.h"
#include "checks/checks.h"
#include "base/datadir.h"
#include "base/error.h"
#include "drills/drill_sources.h"
#include "evidence/inventory_scan.h"
#include "evidence/secret_catalog.h"
#include "reports/reports.h"
#include "results/resultsdb.h"
#include "base/version.h"
#include "base/banned.h"

#define ASSESSMENT_FILE "assessment.xml"

#define DEFAULT_QUESTIONNAIRE "questionnaires/ftr-dr.xml"

int assess_load_questionnaire(const char *named, struct questionnaire *q)
{
	const char *data;
	size_t len;
	char *path;
	int rc;

	if (named)
		return questionnaire_load(named, checks_known, q);
	path = default_questionnaire_path();
	data = access(path, R_OK) == 0 ? NULL : shipped_builtin(DEFAULT_QUESTIONNAIRE, &len);
	if (!data) {
		rc = questionnaire_load(path, checks_known, q);
		free(path);
		return rc;
	}
	free(path);
	rc = questionnaire_load_memory(data, len, DEFAULT_QUESTIONNAIRE, checks_known, q);
	if (rc == 0) {
		q->builtin = data;
		q->builtin_len = len;
	}
	return rc;
}

int assess_load_and_check(const struct options *opt, struct assess_run *run)
{
	memset(run, 0, sizeof(*run));
	run->as_of_day = opt->as_of_day;
	date_format(opt->as_of_day, run->as_of, sizeof(run->as_of));
	run->lang = opt->lang ? opt->lang : "en";
	run->assessment_relpath = ASSESSMENT_FILE;

	if (assess_load_questionnaire(opt->questionnaire, &run->questionnaire) < 0)
		return -1;
	run->loaded_q = 1;
	{
		size_t n = strlen(opt->workspace);
		run->assessment_path = n && opt->workspace[n - 1] == '/'
			? xasprintf("%s%s", opt->workspace, ASSESSMENT_FILE)
			: xasprintf("%s/%s", opt->workspace, ASSESSMENT_FILE);
	}
	if (access(run->assessment_path, F_OK) != 0)
		return error_at(run->assessment_path, 0,
				"no assessment here (run 'ftrkit init %s' to create one)",
				opt->workspace);
	if (assessment_load(run->assessment_path, &run->assessment) < 0)
		return -1;
	run->loaded_a = 1;
	{
		struct workspace_limits limits = {
			.max_file_size = opt->max_file_size,
			.max_files = opt->max_files,
			.max_line = opt->max_line,
		};
		/* Rules that fail to load are reported by package_scan, after
		 * the checks, as they were before the scan joined the inventory. */
		if (opt->scan_secrets) {
			int was = error_mute_thread(1);
			run->loaded_rules = secret_catalog_load(&run->questionnaire,
							       &run->secret_rules) == 0;
			error_mute_thread(was);
			if (!run->loaded_rules)
				secret_rules_free(&run->secret_rules);
		}
		if (run->loaded_rules)
			run->scan_consumer = inventory_scan_consumer(&run->secret_rules);
		if (workspace_open_consumed(opt->workspace, &limits,
					    run->loaded_rules ? &run->scan_consumer : NULL,
					    &run->workspace) < 0)
			return -1;
	}
	run->loaded_ws = 1;
	return assess_check(run);
}

int assess_check(struct assess_run *run)
{
	if (workspace_classify(&run->workspace, &run->assessment, run->assessment_relpath) < 0)
		return -1;
	run->loaded_configs = 1;
	if (configs_load(&run->configs, &run->assessment, &run->workspace, run->lang) < 0)
		return -1;
	if (drills_read(&run->questionnaire, &run->assessment, &run->workspace,
			run->as_of_day, run->lang, &run->drills) < 0)
		return -1;
	run->loaded_drills = 1;
	drill_calendar_build(&run->assessment, &run->drills, run->as_of_day,
			     &run->calendar, &run->nr_calendar);
	if (checks_run_all(&run->questionnaire, &run->assessment, run->assessment_relpath,
			   &run->workspace, &run->configs, run->as_of_day, run->lang, &run->drills,
			   &run->results) < 0)
		return -1;
	run->checked = 1;
	return 0;
}

static char *join(const char *dir, const char *name)
{
	size_t n = strlen(dir);
	return n && dir[n - 1] == '/' ? xasprintf("%s%s", dir, name)
				      : xasprintf("%s/%s", dir, name);
}

int assess_write_reports(const struct options *opt, struct assess_run *run,
			 const char *outdir)
{
	const struct report_def *reports = report_registry(), *r;
	struct resultsdb_run record;
	struct atomic_file *files;
	size_t nr = 0, i, total = 1;
	sqlite3 *db = NULL;
	char *path;
	int ret = -1;

	for (r = reports; r->format; r++)
		total++;
	files = xcalloc(total, sizeof(*files));
	if (make_dirs(outdir) < 0)
		goto out;

	path = join(outdir, "results.sqlite");
	atomic_clean_stale(path);
	ret = atomic_begin(&files[nr], path, 0644);
	free(path);
	if (ret < 0)
		goto out;
	nr++;
	ret = -1;
	/* SQLite writes the temporary file by name; our descriptor is not needed. */
	close(files[0].fd);
	files[0].fd = -1;
	record = assess_record(run);
	db = resultsdb_write(files[0].tmp_path, files[0].final_path, &record,
			     "ftrkit " FTRKIT_VERSION);
	if (!db)
		goto out;

	for (r = reports; r->format; r++) {
		if (!options_wants_format(opt, r->format))
			continue;
		path = join(outdir, r->filename);
		atomic_clean_stale(path);
		if (atomic_begin(&files[nr], path, 0644) < 0) {
			free(path);
			goto out;
		}
		free(path);
		nr++;
		if (r->write(db, run, &files[nr - 1]) < 0)
			goto out;
	}
	if (sqlite3_close(db) != SQLITE_OK) {
		db = NULL;
		error_at(files[0].final_path, 0, "cannot close results database");
		goto out;
	}
	db = NULL;
	for (i = 0; i < nr; i++)
		if (atomic_commit(&files[i]) < 0)
			goto out;
	ret = 0;
out:
	if (db)
		sqlite3_close(db);
	for (i = 0; i < nr; i++)
		if (files[i].tmp_path)
			atomic_abort(&files[i]);
	free(files);
	return ret;
}

struct resultsdb_run assess_record(const struct assess_run *run)
{
	struct resultsdb_run rec = {
		.questionnaire = &run->questionnaire,
		.assessment = &run->assessment,
		.workspace = &run->workspace,
		.results = &run->results,
		.drills = &run->drills,
		.calendar = run->calendar,
		.nr_calendar = run->nr_calendar,
		.configs = &run->configs,
		.as_of = run->as_of,
		.lang = run->lang,
	};
	return rec;
}

void assess_free(struct assess_run *run)
{
	if (run->checked)
		run_result_free(&run->results);
	if (run->loaded_drills)
		drill_set_free(&run->drills);
	free(run->calendar);
	if (run->loaded_configs)
		configs_free(&run->configs);
	if (run->loaded_ws)
		workspace_close(&run->workspace);
	if (run->loaded_a)
		assessment_free(&run->assessment);
	if (run->loaded_q)
		questionnaire_free(&run->questionnaire);
	if (run->loaded_rules)
		secret_rules_free(&run->secret_rules);
	free(run->assessment_path);
	memset(run, 0, sizeof(*run));
}

int assess_exit_code(const struct assess_run *run)
{
	return run->results.overall == VERDICT_NOT_MET ? EXIT_FINDINGS : EXIT_ALL_MET;
}
