/*
 * assess.c - the pipeline: load, inventory, check, write.
 *
 * Loading order matters for error messages: the questionnaire first (its
 * errors are the tool's or the compliance team's), then the assessment, then
 * the workspace walk.  Reports are written only after every check ran, each
 * to a temporary file; they are renamed into place together at the end.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "run/assess.h"
#include "model/provenance.h"
#include "base/atomicfile.h"
#include "model/calendar.h"
#include "checks/checks.h"
#include "base/datadir.h"
#include "base/strbuf.h"
#include "base/relpath.h"
#include "base/error.h"
#include "drills/drill_sources.h"
#include "evidence/inventory_scan.h"
#include "evidence/secret_catalog.h"
#include "reports/reports.h"
#include "results/resultsdb.h"
#include "results/history.h"
#include "base/version.h"
#include "base/banned.h"

#define ASSESSMENT_FILE "assessment.xml"

static int load_tailoring(struct assess_run *run, const char *path);
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
	if (opt->tailoring && load_tailoring(run, opt->tailoring) < 0)
		return -1;
	{
		/* an edited copy under a shipped catalog's id and version */
		const struct questionnaire *q = &run->questionnaire;
		char *why = provenance_problem(q->id, q->version, q->sha256);
		if (why)
			warning("%s: %s (its rules are not FTR's; give it an id of its own)",
				q->path, why);
		free(why);
	}
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

/* Largest waivers.xml or tailoring file read (short lists). */
#define WAIVERS_MAX_SIZE (4u << 20)

/* Read fd to its end into sb (limit WAIVERS_MAX_SIZE); -1 after reporting. */
static int read_small(int fd, const char *shown, struct strbuf *sb)
{
	char buf[8192];
	ssize_t n;
	strbuf_init(sb, WAIVERS_MAX_SIZE);
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (strbuf_add(sb, buf, (size_t)n) < 0)
			break;
	if (n != 0)
		return error_at(shown, 0, n < 0 ? "cannot read" : "larger than %u bytes",
				WAIVERS_MAX_SIZE);
	return 0;
}

int assess_tailor(struct assess_run *run, const char *data, size_t len, const char *shown)
{
	if (tailoring_load_memory(data, len, shown, &run->questionnaire, &run->tailoring) < 0)
		return -1;
	run->loaded_tailoring = 1;
	tailoring_apply(&run->tailoring, &run->questionnaire);
	return 0;
}

/* -t FILE: read it and tailor the loaded questionnaire.  0 or -1. */
static int load_tailoring(struct assess_run *run, const char *path)
{
	struct strbuf sb;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY), ret;
	if (fd < 0)
		return error_at(path, 0, "cannot open tailoring: %s", strerror(errno));
	ret = read_small(fd, path, &sb);
	close(fd);
	if (ret == 0)
		ret = assess_tailor(run, sb.buf ? sb.buf : "", sb.len, path);
	strbuf_release(&sb);
	return ret;
}

/*
 * Read the workspace's waivers.xml, when the inventory has one, through the
 * workspace (so verify reads the packaged copy) and load it against the
 * questionnaire.  0 (none is fine), or -1 after reporting.
 */
static int load_waivers(struct assess_run *run)
{
	struct strbuf sb;
	char *shown;
	int fd, ret;

	if (!workspace_find(&run->workspace, WAIVERS_FILE))
		return 0;
	fd = workspace_open_file(&run->workspace, WAIVERS_FILE);
	if (fd < 0)
		return -1;
	shown = workspace_display_path(&run->workspace, WAIVERS_FILE);
	ret = read_small(fd, shown, &sb);
	close(fd);
	if (ret == 0)
		ret = waivers_load_memory(sb.buf ? sb.buf : "", sb.len, shown, &run->questionnaire,
					  &run->waivers);
	run->loaded_waivers = ret == 0;
	free(shown);
	strbuf_release(&sb);
	return ret;
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
	if (run->loaded_tailoring)
		tailoring_annotate(&run->tailoring, &run->results, run->lang);
	if (load_waivers(run) < 0)
		return -1;
	waivers_apply(&run->waivers, &run->results, run->as_of_day, run->lang);
	return 0;
}

static char *join(const char *dir, const char *name)
{
	size_t n = strlen(dir);
	return n && dir[n - 1] == '/' ? xasprintf("%s%s", dir, name)
				      : xasprintf("%s/%s", dir, name);
}

/*
 * Render report r again for the review package, where index.html sits at
 * data/index.html beside data/evidence/, into a memory file that
 * run->package_html_fd owns.  0, or -1 after reporting.
 */
static int render_package_copy(sqlite3 *db, struct assess_run *run, const struct report_def *r)
{
	const struct report_links package_links = { NULL };
	int fd = report_render_memory(r, db, &package_links, r->filename);

	if (fd < 0)
		return -1;
	if (run->package_html_fd > 0)
		close(run->package_html_fd);
	run->package_html_fd = fd;
	return 0;
}

int assess_write_reports(const struct options *opt, struct assess_run *run,
			 const char *outdir)
{
	const struct report_def *reports = report_registry(), *r;
	struct resultsdb_run record;
	struct history hist;
	struct history_previous prev;
	int have_hist = 0;
	struct atomic_file *files;
	size_t nr = 0, i, total = 1;
	sqlite3 *db = NULL;
	struct report_links links = { NULL };
	char *path, *workspace_base = NULL;
	int ret = -1;

	for (r = reports; r->format; r++)
		total++;
	files = xcalloc(total, sizeof(*files));
	memset(&prev, 0, sizeof(prev));
	/* The history's write transaction spans the reports: both or neither. */
	if (opt->history) {
		if (history_begin(opt->history, &hist, &prev) < 0)
			goto out;
		have_hist = 1;
	}
	if (make_dirs(outdir) < 0)
		goto out;
	/* index.html links the evidence where it is: the workspace, seen from
	 * outdir (the package's copy is rendered below with its own layout). */
	workspace_base = relpath_between_dirs(
		outdir, run->workspace.root_real ? run->workspace.root_real : run->workspace.root);
	links.evidence_base = workspace_base;

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
	record.previous = have_hist ? &prev : NULL;
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
		if (r->write(db, &links, &files[nr - 1]) < 0)
			goto out;
		if (run->want_package_html && strcmp(r->format, "html") == 0 &&
		    render_package_copy(db, run, r) < 0)
			goto out;
	}
	if (sqlite3_close(db) != SQLITE_OK) {
		db = NULL;
		error_at(files[0].final_path, 0, "cannot close results database");
		goto out;
	}
	db = NULL;
	if (have_hist && history_add(&hist, &record, "ftrkit " FTRKIT_VERSION) < 0)
		goto out;
	for (i = 0; i < nr; i++)
		if (atomic_commit(&files[i]) < 0)
			goto out;
	if (have_hist) {
		have_hist = 0;
		if (history_commit(&hist) < 0)
			goto out;
	}
	ret = 0;
out:
	if (have_hist)
		history_abort(&hist);
	history_previous_free(&prev);
	if (db)
		sqlite3_close(db);
	for (i = 0; i < nr; i++)
		if (files[i].tmp_path)
			atomic_abort(&files[i]);
	free(files);
	free(workspace_base);
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
		.tailoring = run->loaded_tailoring ? &run->tailoring : NULL,
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
	if (run->loaded_waivers)
		waivers_free(&run->waivers);
	if (run->loaded_tailoring)
		tailoring_free(&run->tailoring);
	free(run->assessment_path);
	if (run->package_html_fd > 0)
		close(run->package_html_fd);
	memset(run, 0, sizeof(*run));
}

int assess_exit_code(const struct assess_run *run)
{
	return run->results.overall == VERDICT_NOT_MET ? EXIT_FINDINGS : EXIT_ALL_MET;
}
