/*
 * resultsdb.c - write the results database.
 *
 * One transaction, prepared statements, journal off (the file is new and is
 * renamed into place only when complete, so a crash never leaves a database
 * later runs cannot open).  Rows are inserted in questionnaire and path
 * order, so the same inputs give the same file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "results/resultsdb.h"
#include "base/safetext.h"
#include "model/calendar.h"
#include "model/provenance.h"
#include "model/timestamp.h"
#include "model/duration.h"
#include "base/error.h"
#include "base/banned.h"

static const char schema_sql[] =
	"CREATE TABLE run (\n"
	"  -- one row: what was assessed, when, with what, and the outcome\n"
	"  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
	"  tool TEXT NOT NULL,                 -- 'ftrkit 0.1.0'\n"
	"  questionnaire_id TEXT NOT NULL,     -- 'ftr-dr'\n"
	"  questionnaire_version TEXT NOT NULL,\n"
	"  questionnaire_title TEXT NOT NULL,\n"
	"  product TEXT NOT NULL,\n"
	"  product_version TEXT,\n"
	"  organisation TEXT,\n"
	"  timezone TEXT NOT NULL,             -- offset log times without one are read in\n"
	"  as_of TEXT NOT NULL,                -- YYYY-MM-DD the assessment is made for\n"
	"  lang TEXT NOT NULL,                 -- language of the texts below: en, ja\n"
	"  overall TEXT NOT NULL,              -- met | not-met | manual\n"
	"  met INTEGER NOT NULL, not_met INTEGER NOT NULL,\n"
	"  not_applicable INTEGER NOT NULL, manual INTEGER NOT NULL,\n"
	"  waived INTEGER NOT NULL,            -- controls waived by an active waiver (waivers.xml)\n"
	"  questionnaire_file TEXT,            -- its file name: questionnaire/NAME in the package\n"
	"  questionnaire_sha256 TEXT,          -- of the questionnaire file's bytes\n"
	"  questionnaire_provenance TEXT NOT NULL -- shipped | modified (edited copy of a\n"
	"                                      -- shipped id and version) | custom\n"
	");\n"
	"CREATE TABLE components (\n"
	"  id TEXT PRIMARY KEY, name TEXT,\n"
	"  criticality TEXT NOT NULL,          -- critical | non-critical\n"
	"  line INTEGER                        -- line in assessment.xml\n"
	");\n"
	"CREATE TABLE resources (\n"
	"  -- the <resource> ARNs of each component, in assessment order\n"
	"  component TEXT NOT NULL REFERENCES components(id),\n"
	"  resource TEXT NOT NULL\n"
	");\n"
	"CREATE TABLE objectives (\n"
	"  component TEXT NOT NULL REFERENCES components(id),\n"
	"  disruption TEXT NOT NULL,           -- instance, az, region, data-corruption, ...\n"
	"  rpo_text TEXT, rpo_seconds INTEGER, -- as written; NULL seconds = not stated\n"
	"  rto_text TEXT, rto_seconds INTEGER,\n"
	"  slo TEXT,\n"
	"  line INTEGER,\n"
	"  PRIMARY KEY (component, disruption)\n"
	");\n"
	"CREATE TABLE scenarios (\n"
	"  id TEXT PRIMARY KEY, title TEXT,\n"
	"  component TEXT NOT NULL REFERENCES components(id),\n"
	"  disruption TEXT NOT NULL,\n"
	"  cadence TEXT NOT NULL,              -- as written: quarterly, 90d, ...\n"
	"  runbook TEXT,                       -- workspace-relative path\n"
	"  line INTEGER\n"
	");\n"
	"CREATE TABLE controls (\n"
	"  seq INTEGER NOT NULL UNIQUE,        -- questionnaire order\n"
	"  id TEXT PRIMARY KEY,                -- DR-001\n"
	"  title TEXT NOT NULL, requirement TEXT NOT NULL, guidance TEXT,\n"
	"  declared TEXT NOT NULL,             -- the partner's self-declared status\n"
	"  verdict TEXT NOT NULL,              -- met | not-met | not-applicable | manual | waived\n"
	"  reason TEXT NOT NULL,               -- one line\n"
	"  unwaived TEXT,                      -- waived: the verdict without the waiver; else NULL\n"
	"  waiver TEXT,                        -- waived: approver, expiry, justification; else NULL\n"
	"  notes TEXT                          -- the partner's <notes> in assessment.xml; else NULL\n"
	");\n"
	"CREATE TABLE cited_evidence (\n"
	"  -- the <evidence> files assessment.xml cites for a control, in its order\n"
	"  control_id TEXT NOT NULL REFERENCES controls(id),\n"
	"  path TEXT NOT NULL                  -- workspace-relative, as written\n"
	");\n"
	"CREATE TABLE checks (\n"
	"  control_id TEXT NOT NULL REFERENCES controls(id),\n"
	"  seq INTEGER NOT NULL,\n"
	"  name TEXT NOT NULL,                 -- registry name: rto-ceiling, ...\n"
	"  verdict TEXT NOT NULL,\n"
	"  summary TEXT NOT NULL,\n"
	"  PRIMARY KEY (control_id, seq)\n"
	");\n"
	"CREATE TABLE findings (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  control_id TEXT NOT NULL REFERENCES controls(id),\n"
	"  check_seq INTEGER NOT NULL,\n"
	"  status TEXT NOT NULL,               -- met | not-met | not-applicable | manual | waived\n"
	"  message TEXT NOT NULL,\n"
	"  file TEXT,                          -- workspace-relative evidence path\n"
	"  line INTEGER,                       -- line in that file, NULL when none\n"
	"  component TEXT, subject TEXT\n"
	");\n"
	"CREATE TABLE evidence (\n"
	"  path TEXT PRIMARY KEY,              -- workspace-relative\n"
	"  kind TEXT NOT NULL,                 -- assessment, drill-log, runbook, config, template, document, unrecognised, other\n"
	"  size INTEGER NOT NULL,\n"
	"  sha256 TEXT NOT NULL\n"
	");\n"
	"CREATE TABLE drills (\n"
	"  -- one row per drill found in the evidence (drill logs, RDS events, FIS, JUnit)\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  scenario TEXT NOT NULL REFERENCES scenarios(id),\n"
	"  component TEXT, disruption TEXT,\n"
	"  file TEXT NOT NULL,                 -- workspace-relative evidence path\n"
	"  line INTEGER,                       -- where the drill record starts\n"
	"  source TEXT NOT NULL,               -- text | rds-events | fis | junit\n"
	"  date TEXT,                          -- YYYY-MM-DD the drill took place\n"
	"  started TEXT, ended TEXT,           -- ISO 8601 UTC\n"
	"  outcome TEXT NOT NULL,              -- success | failure | unknown\n"
	"  recovery_seconds INTEGER,           -- measured: outage start -> service restored\n"
	"  recovery_line INTEGER,\n"
	"  data_loss_seconds INTEGER,          -- measured: last recoverable point -> failure\n"
	"  data_loss_line INTEGER,\n"
	"  stated_rto_seconds INTEGER, stated_rpo_seconds INTEGER,\n"
	"  timezone_assumed INTEGER NOT NULL DEFAULT 0, -- 1 when times had no offset\n"
	"  recovery_ms INTEGER,                -- the same to the millisecond (*_seconds round it up)\n"
	"  data_loss_ms INTEGER,\n"
	"  doubt TEXT,                         -- why the outcome cannot be judged (then unknown)\n"
	"  failure TEXT,                       -- what failed (JUnit: suite, testcase, message)\n"
	"  role TEXT                           -- latest-success | newer-failure (shown beside it) | NULL\n"
	");\n"
	"CREATE TABLE scenario_status (\n"
	"  -- the drill calendar as of run.as_of\n"
	"  scenario TEXT PRIMARY KEY REFERENCES scenarios(id),\n"
	"  cadence TEXT NOT NULL,\n"
	"  last_success TEXT,                  -- YYYY-MM-DD of the latest successful drill\n"
	"  next_due TEXT,                      -- YYYY-MM-DD\n"
	"  overdue INTEGER NOT NULL            -- 1 when next_due < as_of or never drilled\n"
	");\n"
	"CREATE TABLE configs (\n"
	"  -- facts read from exported AWS configurations\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  file TEXT NOT NULL, json_path TEXT, -- where the fact was read\n"
	"  kind TEXT NOT NULL,                 -- rds-cluster, rds-instance, backup-rule, backup-selection,\n"
	"                                      -- dynamodb-pitr, s3-versioning, autoscaling-group, nat-gateway,\n"
	"                                      -- subnet; unrecognised | unreadable (fact 'reader') for files\n"
	"                                      -- no reader understands\n"
	"  resource TEXT, component TEXT,\n"
	"  fact TEXT NOT NULL, value TEXT\n"
	");\n"
	"CREATE TABLE tailoring (\n"
	"  -- with -t FILE: one row per change the tailoring file makes\n"
	"  file TEXT NOT NULL,                 -- its base name (data/tailoring/FILE in the package)\n"
	"  sha256 TEXT NOT NULL,               -- of the file as read\n"
	"  by TEXT NOT NULL,                   -- who tailored\n"
	"  line INTEGER,                       -- line in the tailoring file\n"
	"  control_id TEXT NOT NULL,\n"
	"  check_name TEXT, param TEXT, value TEXT, -- a parameter override; NULL for a selection\n"
	"  selected INTEGER,                   -- a selection: 0 took the control out\n"
	"  statement TEXT                      -- 'tailored: ceiling PT12H on DR-004 by ...'\n"
	");\n"
	"CREATE TABLE history (\n"
	"  -- with --history FILE: one row naming the history's run this one follows\n"
	"  previous_run INTEGER,               -- NULL when the history held no run yet\n"
	"  previous_as_of TEXT\n"
	");\n"
	"CREATE TABLE previous_controls (\n"
	"  -- with --history: every control's verdict in the previous run\n"
	"  control_id TEXT PRIMARY KEY, verdict TEXT NOT NULL\n"
	");\n"
	"CREATE TABLE previous_evidence (\n"
	"  -- with --history: every evidence file's SHA-256 in the previous run\n"
	"  path TEXT PRIMARY KEY, sha256 TEXT NOT NULL\n"
	");\n"
	"CREATE VIEW evidence_use AS\n"
	"  -- which controls rest on which evidence file\n"
	"  SELECT DISTINCT file AS path, control_id FROM findings WHERE file IS NOT NULL;\n";

int resultsdb_error(sqlite3 *db, const char *what)
{
	return error("%s: %s", what, db ? sqlite3_errmsg(db) : "cannot open database");
}

/*
 * Bind helpers: NULL strings bind SQL NULL; line 0 binds NULL.  Every text
 * enters the database through bind_text, under the one rule of
 * base/safetext.h (control characters and invalid UTF-8 written \xHH): the
 * database, and every report generated from it (XML, JSON, HTML), only
 * ever holds well-formed text, whatever the file names, JSON keys or FIS
 * tags were.  Clean text is bound as it is.
 */
static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (!s)
		sqlite3_bind_null(st, i);
	else if (safetext_is_clean(s, SAFETEXT_DOC))
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_text(st, i, safetext_dup(s, SAFETEXT_DOC), -1, free);
}

static void bind_line(sqlite3_stmt *st, int i, long line)
{
	if (line > 0)
		sqlite3_bind_int64(st, i, line);
	else
		sqlite3_bind_null(st, i);
}

static int step_reset(sqlite3 *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : resultsdb_error(db, "results database");
}

static int prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st)
{
	return sqlite3_prepare_v2(db, sql, -1, st, NULL) == SQLITE_OK
		       ? 0 : resultsdb_error(db, "results database");
}

static int write_run(sqlite3 *db, const struct resultsdb_run *run, const char *tool)
{
	const struct questionnaire *q = run->questionnaire;
	const struct assessment *a = run->assessment;
	const struct run_result *r = run->results;
	sqlite3_stmt *st;
	int ret;

	if (prepare(db, "INSERT INTO run VALUES (1,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", &st) < 0)
		return -1;
	bind_text(st, 1, tool);
	bind_text(st, 2, q->id);
	bind_text(st, 3, q->version);
	bind_text(st, 4, text_pick(&q->title, run->lang));
	bind_text(st, 5, a->product);
	bind_text(st, 6, a->product_version);
	bind_text(st, 7, a->organisation);
	bind_text(st, 8, a->timezone);
	bind_text(st, 9, run->as_of);
	bind_text(st, 10, run->lang);
	bind_text(st, 11, verdict_name(r->overall));
	sqlite3_bind_int64(st, 12, (sqlite3_int64)r->count[VERDICT_MET]);
	sqlite3_bind_int64(st, 13, (sqlite3_int64)r->count[VERDICT_NOT_MET]);
	sqlite3_bind_int64(st, 14, (sqlite3_int64)r->count[VERDICT_NOT_APPLICABLE]);
	sqlite3_bind_int64(st, 15, (sqlite3_int64)r->count[VERDICT_MANUAL]);
	sqlite3_bind_int64(st, 16, (sqlite3_int64)r->count[VERDICT_WAIVED]);
	{
		const char *slash = strrchr(q->path, '/');
		bind_text(st, 17, slash ? slash + 1 : q->path);
	}
	bind_text(st, 18, *q->sha256 ? q->sha256 : NULL);
	bind_text(st, 19, provenance_name(catalog_provenance(q->id, q->version, q->sha256)));
	ret = step_reset(db, st);
	sqlite3_finalize(st);
	return ret;
}

static int write_model(sqlite3 *db, const struct assessment *a)
{
	sqlite3_stmt *comp = NULL, *obj = NULL, *scen = NULL, *res = NULL;
	size_t i, j;
	int ret = -1;

	if (prepare(db, "INSERT INTO components VALUES (?,?,?,?)", &comp) < 0 ||
	    prepare(db, "INSERT INTO resources VALUES (?,?)", &res) < 0 ||
	    prepare(db, "INSERT INTO objectives VALUES (?,?,?,?,?,?,?,?)", &obj) < 0 ||
	    prepare(db, "INSERT INTO scenarios VALUES (?,?,?,?,?,?,?)", &scen) < 0)
		goto out;
	for (i = 0; i < a->nr_components; i++) {
		const struct component *c = &a->components[i];
		bind_text(comp, 1, c->id);
		bind_text(comp, 2, c->name);
		bind_text(comp, 3, c->critical ? "critical" : "non-critical");
		bind_line(comp, 4, c->line);
		if (step_reset(db, comp) < 0)
			goto out;
		for (j = 0; j < c->nr_resources; j++) {
			bind_text(res, 1, c->id);
			bind_text(res, 2, c->resources[j]);
			if (step_reset(db, res) < 0)
				goto out;
		}
		for (j = 0; j < c->nr_objectives; j++) {
			const struct objective *o = &c->objectives[j];
			bind_text(obj, 1, c->id);
			bind_text(obj, 2, o->disruption);
			bind_text(obj, 3, o->rpo_text);
			if (o->has_rpo)
				sqlite3_bind_int64(obj, 4, o->rpo_seconds);
			bind_text(obj, 5, o->rto_text);
			if (o->has_rto)
				sqlite3_bind_int64(obj, 6, o->rto_seconds);
			bind_text(obj, 7, o->slo);
			bind_line(obj, 8, o->line);
			if (step_reset(db, obj) < 0)
				goto out;
		}
	}
	for (i = 0; i < a->nr_scenarios; i++) {
		const struct scenario *s = &a->scenarios[i];
		bind_text(scen, 1, s->id);
		bind_text(scen, 2, s->title);
		bind_text(scen, 3, s->component);
		bind_text(scen, 4, s->disruption);
		bind_text(scen, 5, s->cadence.text);
		bind_text(scen, 6, s->runbook.path);
		bind_line(scen, 7, s->line);
		if (step_reset(db, scen) < 0)
			goto out;
	}
	ret = 0;
out:
	sqlite3_finalize(comp);
	sqlite3_finalize(res);
	sqlite3_finalize(obj);
	sqlite3_finalize(scen);
	return ret;
}

static int write_results(sqlite3 *db, const struct resultsdb_run *run)
{
	const struct run_result *r = run->results;
	sqlite3_stmt *ctl = NULL, *chk = NULL, *fnd = NULL, *cit = NULL;
	size_t i, j, k;
	int ret = -1;

	if (prepare(db, "INSERT INTO controls VALUES (?,?,?,?,?,?,?,?,?,?,?)", &ctl) < 0 ||
	    prepare(db, "INSERT INTO cited_evidence VALUES (?,?)", &cit) < 0 ||
	    prepare(db, "INSERT INTO checks VALUES (?,?,?,?,?)", &chk) < 0 ||
	    prepare(db, "INSERT INTO findings (control_id, check_seq, status, message,"
			" file, line, component, subject) VALUES (?,?,?,?,?,?,?,?)", &fnd) < 0)
		goto out;
	for (i = 0; i < r->nr_controls; i++) {
		const struct control_result *c = &r->controls[i];
		const struct control *def = questionnaire_find(run->questionnaire, c->id);
		const char *guidance = text_pick(&def->guidance, run->lang);
		const struct statement *st = assessment_statement(run->assessment, c->id);
		sqlite3_bind_int64(ctl, 1, (sqlite3_int64)i + 1);
		bind_text(ctl, 2, c->id);
		bind_text(ctl, 3, text_pick(&def->title, run->lang));
		bind_text(ctl, 4, text_pick(&def->requirement, run->lang));
		bind_text(ctl, 5, *guidance ? guidance : NULL);
		bind_text(ctl, 6, c->declared);
		bind_text(ctl, 7, verdict_name(c->verdict));
		bind_text(ctl, 8, c->reason ? c->reason : "");
		bind_text(ctl, 9, c->waiver ? verdict_name(c->unwaived) : NULL);
		bind_text(ctl, 10, c->waiver);
		bind_text(ctl, 11, st && st->notes && *st->notes ? st->notes : NULL);
		if (step_reset(db, ctl) < 0)
			goto out;
		for (j = 0; st && j < st->nr_evidence; j++) {
			bind_text(cit, 1, c->id);
			bind_text(cit, 2, st->evidence[j].path);
			if (step_reset(db, cit) < 0)
				goto out;
		}
		for (j = 0; j < c->nr_checks; j++) {
			const struct check_result *cr = &c->checks[j];
			bind_text(chk, 1, c->id);
			sqlite3_bind_int64(chk, 2, (sqlite3_int64)j + 1);
			bind_text(chk, 3, cr->name);
			bind_text(chk, 4, verdict_name(cr->verdict));
			bind_text(chk, 5, cr->summary ? cr->summary : "");
			if (step_reset(db, chk) < 0)
				goto out;
			for (k = 0; k < cr->nr_findings; k++) {
				const struct finding *f = &cr->findings[k];
				bind_text(fnd, 1, c->id);
				sqlite3_bind_int64(fnd, 2, (sqlite3_int64)j + 1);
				bind_text(fnd, 3, verdict_name(f->status));
				bind_text(fnd, 4, f->message);
				bind_text(fnd, 5, f->file);
				bind_line(fnd, 6, f->line);
				bind_text(fnd, 7, f->component);
				bind_text(fnd, 8, f->subject);
				if (step_reset(db, fnd) < 0)
					goto out;
			}
		}
	}
	ret = 0;
out:
	sqlite3_finalize(ctl);
	sqlite3_finalize(cit);
	sqlite3_finalize(chk);
	sqlite3_finalize(fnd);
	return ret;
}

static int write_evidence(sqlite3 *db, const struct workspace *ws)
{
	sqlite3_stmt *st;
	size_t i;
	int ret = 0;
	if (prepare(db, "INSERT INTO evidence VALUES (?,?,?,?)", &st) < 0)
		return -1;
	for (i = 0; i < ws->nr_files && !ret; i++) {
		const struct evidence_file *f = &ws->files[i];
		bind_text(st, 1, f->path);
		bind_text(st, 2, f->kind);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)f->size);
		bind_text(st, 4, f->sha256);
		ret = step_reset(db, st);
	}
	sqlite3_finalize(st);
	return ret;
}

/* A drill time as ISO 8601 UTC, or NULL binding. */
static void bind_time(sqlite3_stmt *st, int i, const struct drill_time *t)
{
	char buf[32];
	if (!t->set) {
		sqlite3_bind_null(st, i);
		return;
	}
	timestamp_format_utc(t->epoch, buf, sizeof(buf));
	sqlite3_bind_text(st, i, buf, -1, SQLITE_TRANSIENT);
}

static void bind_day(sqlite3_stmt *st, int i, int set, int64_t day)
{
	char buf[16];
	if (!set) {
		sqlite3_bind_null(st, i);
		return;
	}
	date_format(day, buf, sizeof(buf));
	sqlite3_bind_text(st, i, buf, -1, SQLITE_TRANSIENT);
}

/* "latest-success" for the record every report takes as a scenario's
 * latest successful drill, "newer-failure" for a failed one after it (or
 * with none before it), shown beside it; NULL for the others. */
static const char *drill_role(const struct resultsdb_run *run, const struct drill_record *r)
{
	size_t i;
	for (i = 0; i < run->nr_calendar; i++) {
		if (run->calendar[i].last_success == r)
			return "latest-success";
		if (run->calendar[i].newer_failure == r)
			return "newer-failure";
	}
	return NULL;
}

/* The drills table (records in reading order) and the drill calendar. */
static int write_drills(sqlite3 *db, const struct resultsdb_run *run)
{
	sqlite3_stmt *dr = NULL, *cal = NULL;
	size_t i;
	int ret = -1;

	if (prepare(db, "INSERT INTO drills (scenario, component, disruption, file, line, source,"
			" date, started, ended, outcome, recovery_seconds, recovery_line,"
			" data_loss_seconds, data_loss_line, stated_rto_seconds, stated_rpo_seconds,"
			" timezone_assumed, recovery_ms, data_loss_ms, doubt, failure, role)"
			" VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", &dr) < 0 ||
	    prepare(db, "INSERT INTO scenario_status VALUES (?,?,?,?,?)", &cal) < 0)
		goto out;
	for (i = 0; i < run->drills->nr; i++) {
		const struct drill_record *r = &run->drills->items[i];
		const struct scenario *s = r->scenario;
		const struct component *c = assessment_component(run->assessment, s->component);
		const struct objective *o = c ? component_objective(c, s->disruption) : NULL;
		const struct drill_time *start = r->started.set ? &r->started : &r->outage;
		const struct drill_time *end = r->ended.set ? &r->ended : &r->restored;
		bind_text(dr, 1, s->id);
		bind_text(dr, 2, s->component);
		bind_text(dr, 3, s->disruption);
		bind_text(dr, 4, r->file);
		bind_line(dr, 5, r->problem ? r->problem_line : r->line);
		bind_text(dr, 6, drill_source_name(r->source));
		bind_day(dr, 7, r->has_date, r->day);
		bind_time(dr, 8, start);
		bind_time(dr, 9, end);
		bind_text(dr, 10, drill_outcome_name(r->problem ? DRILL_UNKNOWN : r->outcome));
		if (r->has_recovery) {
			sqlite3_bind_int64(dr, 11, r->recovery_seconds);
			bind_line(dr, 12, r->restored.line);
		}
		if (r->has_data_loss) {
			sqlite3_bind_int64(dr, 13, r->data_loss_seconds);
			bind_line(dr, 14, r->data_loss_line);
		}
		if (o && o->has_rto)
			sqlite3_bind_int64(dr, 15, o->rto_seconds);
		if (o && o->has_rpo)
			sqlite3_bind_int64(dr, 16, o->rpo_seconds);
		sqlite3_bind_int(dr, 17, r->tz_assumed);
		if (r->has_recovery)
			sqlite3_bind_int64(dr, 18, r->recovery_ms);
		if (r->has_data_loss)
			sqlite3_bind_int64(dr, 19, r->data_loss_ms);
		bind_text(dr, 20, r->doubt);
		bind_text(dr, 21, r->failure_note);
		bind_text(dr, 22, drill_role(run, r));
		if (step_reset(db, dr) < 0)
			goto out;
	}
	for (i = 0; i < run->nr_calendar; i++) {
		const struct scenario_status *st = &run->calendar[i];
		bind_text(cal, 1, st->scenario->id);
		bind_text(cal, 2, st->scenario->cadence.text);
		bind_day(cal, 3, st->last_success != NULL,
			 st->last_success ? st->last_success->day : 0);
		bind_day(cal, 4, st->last_success != NULL, st->next_due);
		sqlite3_bind_int(cal, 5, st->overdue);
		if (step_reset(db, cal) < 0)
			goto out;
	}
	ret = 0;
out:
	sqlite3_finalize(dr);
	sqlite3_finalize(cal);
	return ret;
}

/*
 * One row per fact read from an exported configuration, one per component
 * the resource belongs to (component NULL when none claims it), and one row
 * (kind unrecognised / unreadable, fact 'reader') per file that could not be
 * read, so nothing listed under <configs> is missing from the database.
 */
static int write_configs(sqlite3 *db, const struct config_set *set)
{
	sqlite3_stmt *st;
	size_t i, j, k;
	int ret = 0;

	if (prepare(db, "INSERT INTO configs (file, json_path, kind, resource, component, fact, value)"
			" VALUES (?,?,?,?,?,?,?)", &st) < 0)
		return -1;
	for (i = 0; i < set->nr_files && !ret; i++) {
		const struct config_file *f = &set->files[i];
		char *why;
		if (f->export_name && !f->nr_problems)
			continue;
		for (j = 0; j < (f->nr_problems ? f->nr_problems : 1) && !ret; j++) {
			why = f->nr_problems ? xstrdup(f->problems[j].message)
					     : xasprintf("no reader understands it (top-level keys: %s)",
							 f->top_keys ? f->top_keys : "none");
			bind_text(st, 1, f->path);
			bind_text(st, 2, f->nr_problems ? f->problems[j].json_path : NULL);
			bind_text(st, 3, f->kind);
			bind_text(st, 6, "reader");
			bind_text(st, 7, why);
			ret = step_reset(db, st);
			free(why);
		}
	}
	for (i = 0; i < set->nr_resources && !ret; i++) {
		const struct config_resource *r = &set->resources[i];
		size_t nc = r->nr_components ? r->nr_components : 1;
		for (k = 0; k < nc && !ret; k++) {
			for (j = 0; j < r->nr_facts && !ret; j++) {
				const struct config_fact *fact = &r->facts[j];
				bind_text(st, 1, r->file);
				bind_text(st, 2, fact->json_path);
				bind_text(st, 3, r->kind);
				bind_text(st, 4, r->arn ? r->arn : r->id);
				bind_text(st, 5, r->nr_components ? r->components[k] : NULL);
				bind_text(st, 6, fact->name);
				bind_text(st, 7, fact->value);
				ret = step_reset(db, st);
			}
		}
	}
	sqlite3_finalize(st);
	return ret;
}

/* The tailoring table: one row per item of the -t file. */
static int write_tailoring(sqlite3 *db, const struct tailoring *t)
{
	sqlite3_stmt *st;
	size_t i;
	int ret = 0;
	if (!t)
		return 0;
	if (prepare(db, "INSERT INTO tailoring VALUES (?,?,?,?,?,?,?,?,?,?)", &st) < 0)
		return -1;
	for (i = 0; i < t->nr && !ret; i++) {
		const struct tailoring_item *it = &t->items[i];
		bind_text(st, 1, t->name);
		bind_text(st, 2, t->sha256);
		bind_text(st, 3, t->by);
		bind_line(st, 4, it->line);
		bind_text(st, 5, it->control);
		bind_text(st, 6, it->check);
		bind_text(st, 7, it->param);
		bind_text(st, 8, it->value);
		if (!it->check)
			sqlite3_bind_int(st, 9, it->selected);
		bind_text(st, 10, it->statement);
		ret = step_reset(db, st);
	}
	sqlite3_finalize(st);
	return ret;
}

/* The history tables: nothing without --history, else the previous run. */
static int write_previous(sqlite3 *db, const struct history_previous *prev)
{
	sqlite3_stmt *h = NULL, *c = NULL, *e = NULL;
	size_t i;
	int ret = -1;

	if (!prev)
		return 0;
	if (prepare(db, "INSERT INTO history VALUES (?,?)", &h) < 0 ||
	    prepare(db, "INSERT INTO previous_controls VALUES (?,?)", &c) < 0 ||
	    prepare(db, "INSERT INTO previous_evidence VALUES (?,?)", &e) < 0)
		goto out;
	if (prev->have) {
		sqlite3_bind_int64(h, 1, prev->run);
		bind_text(h, 2, prev->as_of);
	}
	if (step_reset(db, h) < 0)
		goto out;
	for (i = 0; i < prev->nr_controls; i++) {
		bind_text(c, 1, prev->controls[i].key);
		bind_text(c, 2, prev->controls[i].value);
		if (step_reset(db, c) < 0)
			goto out;
	}
	for (i = 0; i < prev->nr_evidence; i++) {
		bind_text(e, 1, prev->evidence[i].key);
		bind_text(e, 2, prev->evidence[i].value);
		if (step_reset(db, e) < 0)
			goto out;
	}
	ret = 0;
out:
	sqlite3_finalize(h);
	sqlite3_finalize(c);
	sqlite3_finalize(e);
	return ret;
}

sqlite3 *resultsdb_write(const char *path, const char *shown_path,
			 const struct resultsdb_run *run, const char *tool)
{
	sqlite3 *db = NULL;
	char *pragma;
	int ok;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		error_at(shown_path, 0, "cannot create results database: %s",
			 db ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		return NULL;
	}
	pragma = xasprintf("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
			   " PRAGMA user_version=%d; BEGIN;", RESULTSDB_VERSION);
	ok = sqlite3_exec(db, pragma, NULL, NULL, NULL) == SQLITE_OK &&
	     sqlite3_exec(db, schema_sql, NULL, NULL, NULL) == SQLITE_OK;
	free(pragma);
	if (!ok) {
		error_at(shown_path, 0, "cannot create schema: %s", sqlite3_errmsg(db));
		goto fail;
	}
	if (write_run(db, run, tool) < 0 || write_model(db, run->assessment) < 0 ||
	    write_results(db, run) < 0 || write_evidence(db, run->workspace) < 0 ||
	    write_drills(db, run) < 0 ||
	    write_configs(db, run->configs) < 0 || write_previous(db, run->previous) < 0 ||
	    write_tailoring(db, run->tailoring) < 0)
		goto fail;
	if (sqlite3_exec(db, "COMMIT;", NULL, NULL, NULL) != SQLITE_OK) {
		error_at(shown_path, 0, "cannot commit: %s", sqlite3_errmsg(db));
		goto fail;
	}
	return db;
fail:
	sqlite3_close(db);
	return NULL;
}
