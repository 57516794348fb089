/*
 * check_configs.c - checks on exported AWS configurations: configs-readable,
 * config-recovery-points, config-availability.
 *
 * The facts come from configs.c (read once per run); these checks judge
 * them against the partner's own objectives, never against fixed best
 * practice: versioning matters because a component has an
 * accidental-deletion objective, a backup interval because of its RPO,
 * Multi-AZ because of an Availability Zone RTO of minutes.  Every finding
 * names the component, the objective, the export file and the JSON path.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "configs/awscron.h"
#include "model/calendar.h"
#include "model/check_messages.h"
#include "checks/checks.h"
#include "model/duration.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "base/banned.h"

#define MAX_RETENTION_DAYS 100000
#define MAX_WINDOW_MINUTES 100000

/* 1 when word is in the comma-separated list. */
static int listed(const char *list, const char *word)
{
	size_t n = strlen(word);
	const char *p = list;
	while (p && *p) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && strncmp(p, word, n) == 0)
			return 1;
		p = end ? end + 1 : NULL;
	}
	return 0;
}

static const char *shown(const struct check_ctx *ctx, int64_t seconds, char *buf, size_t size)
{
	duration_format(seconds, ctx->lang, buf, size);
	return buf;
}

static const char *res_name(const struct config_resource *r)
{
	if (r->id)
		return r->id;
	return r->arn ? arn_name(r->arn) : r->json_path;
}

/* Fact path for messages: the fact's own path, or where it would have been. */
static char *fact_path(const struct config_resource *r, const struct config_fact *f, const char *name)
{
	return f ? xstrdup(f->json_path) : xasprintf("%s.%s", r->json_path, name);
}

int check_configs_readable(const struct check_ctx *ctx, const struct check_spec *spec,
			   struct check_result *res)
{
	const struct config_set *set = ctx->configs;
	size_t i, j, read = 0, bad = 0, unknown = 0;
	(void)spec;

	if (!set || !set->nr_files) {
		finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, 0, NULL, "configs",
			    "%s", CMSG(ctx->lang, CFG_NONE));
		res->summary = xstrdup(CMSG(ctx->lang, CFG_SUM_NONE));
		return 0;
	}
	for (i = 0; i < set->nr_files; i++) {
		const struct config_file *f = &set->files[i];
		struct strbuf sb = STRBUF_INIT;
		size_t shown_res = 0;

		if (!f->export_name && f->nr_problems) {
			bad++;
			finding_add(res, VERDICT_NOT_MET, f->path, 0, NULL, "configs",
				    CMSG(ctx->lang, CFG_UNREADABLE), f->path, f->problems[0].message);
			continue;
		}
		if (!f->export_name) {
			unknown++;
			finding_add(res, VERDICT_MANUAL, f->path, 0, NULL, "configs",
				    CMSG(ctx->lang, CFG_UNKNOWN), f->path,
				    f->top_keys ? f->top_keys : CMSG(ctx->lang, NONE));
			continue;
		}
		read++;
		for (j = 0; j < f->nr_problems; j++) {
			bad++;
			finding_add(res, VERDICT_NOT_MET, f->path, 0, NULL, "configs",
				    CMSG(ctx->lang, CFG_PROBLEM), f->path, f->export_name,
				    f->problems[j].json_path ? f->problems[j].json_path : "$",
				    f->problems[j].message);
		}
		for (j = 0; j < set->nr_resources; j++) {
			const struct config_resource *r = &set->resources[j];
			if (strcmp(r->file, f->path) != 0)
				continue;
			if (shown_res++ == 8) {
				strbuf_addf(&sb, "%s…", CMSG(ctx->lang, LIST_SEP));
				continue;
			}
			if (shown_res > 8)
				continue;
			strbuf_addf(&sb, "%s%s %s → %s", shown_res > 1 ? CMSG(ctx->lang, LIST_SEP) : "",
				    r->kind, res_name(r),
				    r->nr_components ? r->components[0] : CMSG(ctx->lang, CFG_NO_COMPONENT));
		}
		if (f->nr_resources)
			finding_add(res, VERDICT_MET, f->path, 0, NULL, "configs",
				    CMSG(ctx->lang, CFG_READ), f->path, f->export_name,
				    f->nr_resources, f->nr_resources == 1 ? "" : "s", strbuf_str(&sb));
		strbuf_release(&sb);
	}
	/* JSON files left in configs/ but not listed: say they were not read. */
	for (i = 0; ctx->workspace && i < ctx->workspace->nr_files; i++) {
		const struct evidence_file *ef = &ctx->workspace->files[i];
		size_t n = strlen(ef->path);
		if (strncmp(ef->path, "configs/", 8) != 0 || strcmp(ef->kind, "other") != 0 ||
		    n < 5 || strcmp(ef->path + n - 5, ".json") != 0)
			continue;
		finding_add(res, VERDICT_NOT_APPLICABLE, ef->path, 0, NULL, "configs",
			    CMSG(ctx->lang, CFG_UNLISTED),
			    ef->path);
	}
	res->summary = xasprintf(CMSG(ctx->lang, CFG_SUM), read, set->nr_files,
				 bad ? CMSG(ctx->lang, CFG_WITH_PROBLEMS) : "",
				 unknown ? CMSG(ctx->lang, CFG_SOME_UNKNOWN) : "");
	return 0;
}

/* ------------------------------------------------------------------ */
/* config-recovery-points                                               */

static const char *fact_text(const struct config_resource *r, const char *name);

enum source_role {
	SOURCE_POINTS,  /* gives recovery points at most gap apart */
	SOURCE_OFF,     /* could give them but is switched off (PITR disabled) */
	SOURCE_PROBLEM, /* a configuration defect whatever the RPO */
};

struct source {
	enum source_role role;
	int64_t gap;     /* SOURCE_POINTS */
	char *file;
	char *message;   /* what it is, with its JSON path */
};

struct sources {
	struct source *items;
	size_t nr, alloc;
};

static void source_add(struct sources *s, enum source_role role, int64_t gap, const char *file,
		       char *message /* taken */)
{
	ALLOC_GROW(s->items, s->nr, s->alloc);
	s->items[s->nr].role = role;
	s->items[s->nr].gap = gap;
	s->items[s->nr].file = xstrdup(file);
	s->items[s->nr].message = message;
	s->nr++;
}

static void sources_free(struct sources *s)
{
	size_t i;
	for (i = 0; i < s->nr; i++) {
		free(s->items[i].file);
		free(s->items[i].message);
	}
	free(s->items);
	memset(s, 0, sizeof(*s));
}

struct rp_params {
	int64_t pitr, min_retention, default_window;
};

/* 1 when the component declares a resource of an AWS service ("rds", "s3"). */
static int component_has_service(const struct component *c, const char *service)
{
	size_t i;
	for (i = 0; i < c->nr_resources; i++) {
		const char *r = c->resources[i];
		size_t n = strlen(service);
		if (strncmp(r, "arn:", 4) == 0) {
			const char *p = strchr(r + 4, ':');
			if (p && strncmp(p + 1, service, n) == 0 && p[1 + n] == ':')
				return 1;
		}
	}
	return 0;
}

static void retention_check(const struct check_ctx *ctx, const struct rp_params *p,
			    struct sources *out, const struct config_resource *r,
			    const struct config_fact *f, int64_t days)
{
	char a[48], b[48];
	if (days * 86400 >= p->min_retention)
		return;
	source_add(out, SOURCE_PROBLEM, 0, r->file,
		   xasprintf(CMSG(ctx->lang, RP_RETENTION),
			     res_name(r), shown(ctx, days * 86400, a, sizeof(a)), f->json_path,
			     (long long)days, shown(ctx, p->min_retention, b, sizeof(b))));
}

/* expected: what the value should be, in ctx->lang (an EXPECT_* message). */
static void bad_value(const struct check_ctx *ctx, struct sources *out,
		      const struct config_resource *r, const struct config_fact *f,
		      const char *name, const char *expected)
{
	char *path = fact_path(r, f, name);
	source_add(out, SOURCE_PROBLEM, 0, r->file,
		   f ? xasprintf(CMSG(ctx->lang, RP_BAD_VALUE), res_name(r), path, f->type,
				 f->value ? f->value : "", expected)
		     : xasprintf(CMSG(ctx->lang, RP_MISSING), res_name(r), path));
	free(path);
}

static void rds_source(const struct check_ctx *ctx, const struct rp_params *p,
		       const struct objective *o, const struct config_resource *r,
		       struct sources *out)
{
	const struct config_fact *f = config_fact_get(r, "BackupRetentionPeriod");
	const struct config_fact *del = config_fact_get(r, "DeletionProtection");
	const struct config_fact *latest = config_fact_get(r, "LatestRestorableTime");
	int64_t days;
	char a[48];

	if (config_fact_int(f, MAX_RETENTION_DAYS, &days) != 1) {
		bad_value(ctx, out, r, f, "BackupRetentionPeriod", CMSG(ctx->lang, EXPECT_DAYS));
	} else if (days == 0) {
		source_add(out, SOURCE_PROBLEM, 0, r->file,
			   xasprintf(CMSG(ctx->lang, RP_RDS_OFF), res_name(r), f->json_path));
	} else {
		source_add(out, SOURCE_POINTS, p->pitr, r->file,
			   xasprintf(CMSG(ctx->lang, RP_RDS_PITR), res_name(r), f->json_path,
				     (long long)days, shown(ctx, p->pitr, a, sizeof(a)),
				     latest ? CMSG(ctx->lang, LATEST_RESTORABLE) : "",
				     latest && latest->value ? latest->value : ""));
		retention_check(ctx, p, out, r, f, days);
	}
	if (strcmp(o->disruption, "accidental-deletion") == 0 && config_fact_bool(del) != 1) {
		char *path = fact_path(r, del, "DeletionProtection");
		source_add(out, SOURCE_PROBLEM, 0, r->file,
			   xasprintf(CMSG(ctx->lang, RP_RDS_DELETION), res_name(r), path));
		free(path);
	}
}

static void dynamodb_source(const struct check_ctx *ctx, const struct rp_params *p,
			    const struct config_resource *r, struct sources *out)
{
	const struct config_fact *f = config_fact_get(r, "PointInTimeRecoveryStatus");
	const struct config_fact *period = config_fact_get(r, "RecoveryPeriodInDays");
	int64_t days;
	char a[48];

	if (!f || strcmp(f->type, "text") != 0) {
		bad_value(ctx, out, r, f, "PointInTimeRecoveryDescription.PointInTimeRecoveryStatus",
			  CMSG(ctx->lang, EXPECT_PITR));
		return;
	}
	if (strcmp(f->value, "ENABLED") != 0) {
		source_add(out, SOURCE_OFF, 0, r->file,
			   xasprintf(CMSG(ctx->lang, RP_DDB_OFF), res_name(r),
				     f->value, f->json_path));
		return;
	}
	source_add(out, SOURCE_POINTS, p->pitr, r->file,
		   xasprintf(CMSG(ctx->lang, RP_DDB_ON),
			     res_name(r), f->json_path, shown(ctx, p->pitr, a, sizeof(a))));
	if (period) {
		if (config_fact_int(period, MAX_RETENTION_DAYS, &days) != 1)
			bad_value(ctx, out, r, period, "RecoveryPeriodInDays", CMSG(ctx->lang, EXPECT_DAYS));
		else
			retention_check(ctx, p, out, r, period, days);
	}
}

static void s3_source(const struct check_ctx *ctx, const struct component *c,
		      const struct objective *o, const struct config_resource *r,
		      struct sources *out)
{
	const struct config_fact *f = config_fact_get(r, "Status");
	char a[48];
	if (f && strcmp(f->type, "text") == 0 && strcmp(f->value, "Enabled") == 0) {
		source_add(out, SOURCE_POINTS, 0, r->file,
			   xasprintf(CMSG(ctx->lang, RP_S3_ON), res_name(r), f->json_path));
		return;
	}
	if (f && strcmp(f->type, "text") == 0 && strcmp(f->value, "Suspended") == 0) {
		source_add(out, SOURCE_PROBLEM, 0, r->file,
			   xasprintf(CMSG(ctx->lang, RP_S3_SUSPENDED), res_name(r), f->json_path, c->id,
				     o->disruption, shown(ctx, o->rpo_seconds, a, sizeof(a))));
		return;
	}
	if (!f) {
		source_add(out, SOURCE_PROBLEM, 0, r->file,
			   xasprintf(CMSG(ctx->lang, RP_S3_NEVER), res_name(r),
				     c->id, o->disruption, shown(ctx, o->rpo_seconds, a, sizeof(a))));
		return;
	}
	bad_value(ctx, out, r, f, "Status", CMSG(ctx->lang, EXPECT_VERSIONING));
}

/* Worst gap of a backup rule; -1 after adding a problem. */
static int64_t rule_gap(const struct check_ctx *ctx, const struct rp_params *p,
			const struct config_resource *r, struct sources *out, char **what)
{
	const struct config_fact *sched = config_fact_get(r, "ScheduleExpression");
	const struct config_fact *win = config_fact_get(r, "StartWindowMinutes");
	struct aws_schedule s;
	char why[160], a[48], b[48], start[16];
	int64_t gap, gap_start, window = p->default_window, minutes;
	enum schedule_gap g;

	if (!sched || strcmp(sched->type, "text") != 0) {
		bad_value(ctx, out, r, sched, "ScheduleExpression", CMSG(ctx->lang, EXPECT_SCHEDULE));
		return -1;
	}
	if (aws_schedule_parse(sched->value, &s, why, sizeof(why)) < 0) {
		source_add(out, SOURCE_PROBLEM, 0, r->file,
			   xasprintf(CMSG(ctx->lang, RP_RULE_BAD), res_name(r), sched->json_path,
				     sched->value, why));
		return -1;
	}
	if (win) {
		if (config_fact_int(win, MAX_WINDOW_MINUTES, &minutes) != 1) {
			bad_value(ctx, out, r, win, "StartWindowMinutes", CMSG(ctx->lang, EXPECT_MINUTES));
			return -1;
		}
		window = minutes * 60;
	}
	g = aws_schedule_max_gap(&s, ctx->as_of_day, &gap, &gap_start);
	date_format(gap_start / 86400, start, sizeof(start));
	if (g == SCHEDULE_GAP_NEVER) {
		source_add(out, SOURCE_PROBLEM, 0, r->file,
			   xasprintf(CMSG(ctx->lang, RP_RULE_NEVER), res_name(r),
				     sched->json_path, sched->value, start));
		return -1;
	}
	if (g == SCHEDULE_GAP_ENDS) {
		source_add(out, SOURCE_PROBLEM, 0, r->file,
			   xasprintf(CMSG(ctx->lang, RP_RULE_ENDS), res_name(r),
				     sched->json_path, sched->value, start));
		return -1;
	}
	*what = xasprintf(CMSG(ctx->lang, RP_RULE), res_name(r), sched->json_path, sched->value,
			  shown(ctx, gap, a, sizeof(a)), start, shown(ctx, window, b, sizeof(b)),
			  win ? "" : CMSG(ctx->lang, AWS_DEFAULT));
	return gap + window;
}

static void backup_rule_source(const struct check_ctx *ctx, const struct rp_params *p,
			       const struct component *c, const struct config_resource *r,
			       struct sources *out)
{
	const struct config_fact *cont = config_fact_get(r, "EnableContinuousBackup");
	const struct config_fact *keep = config_fact_get(r, "DeleteAfterDays");
	char *what = NULL, a[48];
	int64_t gap = rule_gap(ctx, p, r, out, &what), days;

	if (keep) {
		if (config_fact_int(keep, MAX_RETENTION_DAYS, &days) != 1)
			bad_value(ctx, out, r, keep, "Lifecycle.DeleteAfterDays", CMSG(ctx->lang, EXPECT_DAYS));
		else
			retention_check(ctx, p, out, r, keep, days);
	}
	if (config_fact_bool(cont) == 1 &&
	    (component_has_service(c, "rds") || component_has_service(c, "s3"))) {
		source_add(out, SOURCE_POINTS, p->pitr, r->file,
			   xasprintf(CMSG(ctx->lang, RP_CONTINUOUS), res_name(r), cont->json_path,
				     shown(ctx, p->pitr, a, sizeof(a))));
	}
	if (gap >= 0)
		source_add(out, SOURCE_POINTS, gap, r->file, what);
	else
		free(what);
}

/* A backup rule that copies to another Region than its plan's. */
static void copy_source(const struct check_ctx *ctx, const struct rp_params *p,
			const struct component *c, const struct config_resource *r,
			struct sources *out)
{
	const struct config_fact *dest = config_fact_get(r, "CopyDestinations");
	char home[64], there[64];
	char *what = NULL;
	const char *q;
	int64_t gap;
	size_t i;

	home[0] = '\0';
	if (r->arn)
		arn_region(r->arn, home, sizeof(home));
	for (i = 0; !*home && i < c->nr_resources; i++)
		arn_region(c->resources[i], home, sizeof(home));
	if (!dest || !dest->value || strcmp(dest->type, "array") != 0 || !*dest->value)
		return;
	for (q = dest->value; *q;) {
		size_t n = strcspn(q, ",");
		char *arn = xstrndup(q, n);
		arn_region(arn, there, sizeof(there));
		if (*there && strcmp(there, home) != 0) {
			gap = rule_gap(ctx, p, r, out, &what);
			if (gap >= 0)
				source_add(out, SOURCE_POINTS, gap, r->file,
					   xasprintf(CMSG(ctx->lang, RP_COPY), there, dest->json_path,
						     what));
			free(what);
			free(arn);
			return;
		}
		free(arn);
		q += n;
		if (*q == ',')
			q++;
	}
}

/*
 * Every S3 bucket the component declares needs a versioning export: without
 * versioning a deleted or overwritten object is gone (and AWS Backup cannot
 * back the bucket up continuously either).
 */
static void require_versioning_exports(const struct check_ctx *ctx, const struct component *c,
				       const struct objective *o, struct sources *out)
{
	const struct config_set *set = ctx->configs;
	size_t i, j;
	char a[48];
	for (i = 0; i < c->nr_resources; i++) {
		const char *decl = c->resources[i];
		int found = 0;
		if (strncmp(decl, "arn:aws:s3:::", 13) != 0 || strchr(decl + 13, '/'))
			continue;
		for (j = 0; set && j < set->nr_resources && !found; j++) {
			const struct config_resource *r = &set->resources[j];
			found = strcmp(r->kind, "s3-versioning") == 0 && r->id &&
				strcmp(r->id, arn_name(decl)) == 0;
		}
		if (!found)
			source_add(out, SOURCE_PROBLEM, 0, ctx->assessment_relpath,
				   xasprintf(CMSG(ctx->lang, RP_NO_VERSIONING_EXPORT), arn_name(decl),
					     o->disruption,
					     shown(ctx, o->rpo_seconds, a, sizeof(a))));
	}
}

static void judge_objective(const struct check_ctx *ctx, const struct rp_params *p,
			    const struct component *c, const struct objective *o,
			    struct check_result *res)
{
	const struct config_set *set = ctx->configs;
	struct sources src = { NULL, 0, 0 };
	int region = strcmp(o->disruption, "region") == 0;
	int64_t best = -1;
	size_t i, best_i = 0;
	char subject[96], a[48], b[48];
	int met;

	snprintf(subject, sizeof(subject), "rpo/%s", o->disruption);
	for (i = 0; set && i < set->nr_resources; i++) {
		const struct config_resource *r = &set->resources[i];
		if (!config_resource_in(r, c->id))
			continue;
		if (region) {
			if (strcmp(r->kind, "backup-rule") == 0)
				copy_source(ctx, p, c, r, &src);
			continue;
		}
		if (strcmp(r->kind, "rds-instance") == 0 && fact_text(r, "DBClusterIdentifier"))
			continue; /* an Aurora instance: backups and deletion protection are the cluster's */
		if (strcmp(r->kind, "rds-cluster") == 0 || strcmp(r->kind, "rds-instance") == 0)
			rds_source(ctx, p, o, r, &src);
		else if (strcmp(r->kind, "dynamodb-pitr") == 0)
			dynamodb_source(ctx, p, r, &src);
		else if (strcmp(r->kind, "s3-versioning") == 0)
			s3_source(ctx, c, o, r, &src);
		else if (strcmp(r->kind, "backup-rule") == 0)
			backup_rule_source(ctx, p, c, r, &src);
	}
	if (!region)
		require_versioning_exports(ctx, c, o, &src);
	for (i = 0; i < src.nr; i++) {
		if (src.items[i].role == SOURCE_POINTS && (best < 0 || src.items[i].gap < best)) {
			best = src.items[i].gap;
			best_i = i;
		}
	}
	met = best >= 0 && best <= o->rpo_seconds;
	for (i = 0; i < src.nr; i++) {
		const struct source *s = &src.items[i];
		enum verdict v = VERDICT_MET;
		if (s->role == SOURCE_PROBLEM)
			v = VERDICT_NOT_MET;
		else if (!met)
			v = VERDICT_NOT_MET;
		if (s->role == SOURCE_OFF)
			finding_add(res, v, s->file, 0, c->id, subject,
				    CMSG(ctx->lang, RP_SOURCE), c->id, o->disruption,
				    shown(ctx, o->rpo_seconds, a, sizeof(a)), s->message,
				    met ? CMSG(ctx->lang, RP_NOT_NEEDED) : CMSG(ctx->lang, RP_NEEDED));
		else if (s->role == SOURCE_POINTS && i != best_i)
			finding_add(res, v, s->file, 0, c->id, subject,
				    CMSG(ctx->lang, RP_SOURCE), c->id, o->disruption,
				    shown(ctx, o->rpo_seconds, a, sizeof(a)), s->message,
				    s->gap > o->rpo_seconds ? CMSG(ctx->lang, RP_TOO_SPARSE) : "");
		else if (s->role == SOURCE_PROBLEM)
			finding_add(res, v, s->file, 0, c->id, subject, CMSG(ctx->lang, RP_PROBLEM),
				    c->id, o->disruption, shown(ctx, o->rpo_seconds, a, sizeof(a)),
				    s->message);
	}
	if (best < 0 && src.nr) {
		finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, o->line, c->id, subject,
			    CMSG(ctx->lang, RP_NO_POINTS), c->id, o->disruption,
			    shown(ctx, o->rpo_seconds, a, sizeof(a)), src.nr == 1 ? "" : "s",
			    src.nr == 1 ? "s" : "");
	} else if (best < 0) {
		finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, o->line, c->id, subject,
			    region ? CMSG(ctx->lang, RP_NO_COPY) : CMSG(ctx->lang, RP_NO_EXPORT),
			    c->id, o->disruption, shown(ctx, o->rpo_seconds, a, sizeof(a)),
			    c->nr_resources ? "" : CMSG(ctx->lang, NO_RESOURCE));
	} else {
		const struct source *s = &src.items[best_i];
		finding_add(res, met ? VERDICT_MET : VERDICT_NOT_MET, s->file, 0, c->id, subject,
			    met ? CMSG(ctx->lang, RP_MET) : CMSG(ctx->lang, RP_UNMET),
			    c->id, o->disruption, shown(ctx, o->rpo_seconds, a, sizeof(a)),
			    shown(ctx, s->gap, b, sizeof(b)), s->message);
	}
	sources_free(&src);
}

int check_config_recovery_points(const struct check_ctx *ctx, const struct check_spec *spec,
				 struct check_result *res)
{
	const struct assessment *a = ctx->assessment;
	const char *filter = check_param(spec, "disruption", NULL);
	struct rp_params p;
	size_t i, j, judged = 0, failed;

	if (!filter)
		filter = "data-corruption,accidental-deletion,region";
	if (check_param_duration(ctx, spec, "pitr-granularity", 300, &p.pitr) < 0 ||
	    check_param_duration(ctx, spec, "min-retention", 7 * 86400, &p.min_retention) < 0 ||
	    check_param_duration(ctx, spec, "default-start-window", 8 * 3600, &p.default_window) < 0)
		return -1;
	for (i = 0; i < a->nr_components; i++) {
		const struct component *c = &a->components[i];
		for (j = 0; j < c->nr_objectives; j++) {
			const struct objective *o = &c->objectives[j];
			if (!o->has_rpo || !listed(filter, o->disruption))
				continue;
			judged++;
			judge_objective(ctx, &p, c, o, res);
		}
	}
	if (!judged) {
		finding_add(res, VERDICT_NOT_APPLICABLE, ctx->assessment_relpath, 0, NULL, NULL,
			    CMSG(ctx->lang, RP_NA), filter);
		res->summary = xasprintf(CMSG(ctx->lang, RP_SUM_NA), filter);
		return 0;
	}
	for (i = failed = 0; i < res->nr_findings; i++)
		failed += res->findings[i].status == VERDICT_NOT_MET;
	res->summary = failed ? xasprintf(CMSG(ctx->lang, RP_SUM_FAIL),
					  judged, judged == 1 ? "" : "s", failed, failed == 1 ? "" : "s")
			      : xasprintf(CMSG(ctx->lang, RP_SUM_OK),
					  judged, judged == 1 ? "" : "s");
	return 0;
}

/* ------------------------------------------------------------------ */
/* config-availability                                                 */

/* The resource of kind with this id, or NULL. */
static const struct config_resource *find_resource(const struct config_set *set,
						   const char *kind, const char *id)
{
	size_t i;
	for (i = 0; i < set->nr_resources; i++) {
		const struct config_resource *r = &set->resources[i];
		if (strcmp(r->kind, kind) == 0 && r->id && strcmp(r->id, id) == 0)
			return r;
	}
	return NULL;
}

static const char *fact_text(const struct config_resource *r, const char *name)
{
	const struct config_fact *f = r ? config_fact_get(r, name) : NULL;
	return f && f->value && strcmp(f->type, "text") == 0 ? f->value : NULL;
}

/* Distinct AZs of the exported instances of cluster id, comma-separated into sb; count. */
static size_t member_azs(const struct config_set *set, const char *cluster, struct strbuf *sb)
{
	size_t i, n = 0;
	for (i = 0; i < set->nr_resources; i++) {
		const struct config_resource *r = &set->resources[i];
		const char *c = fact_text(r, "DBClusterIdentifier"), *az = fact_text(r, "AvailabilityZone");
		if (strcmp(r->kind, "rds-instance") != 0 || !c || !az || strcmp(c, cluster) != 0)
			continue;
		if (listed(strbuf_str(sb), az))
			continue;
		strbuf_addf(sb, "%s%s", n ? "," : "", az);
		n++;
	}
	return n;
}

struct av_params {
	int64_t min_azs;
	const char *health_check;
};

/* NAT gateways: one available in every AZ the group's subnets use. */
static void nat_per_az(const struct check_ctx *ctx, const struct component *c,
		       const struct config_resource *asg, const char *subject,
		       struct check_result *res)
{
	const struct config_set *set = ctx->configs;
	const char *zone_ids = fact_text(asg, "VPCZoneIdentifier");
	struct strbuf missing = STRBUF_INIT, covered = STRBUF_INIT;
	const char *p;
	size_t i, nats = 0;

	for (i = 0; i < set->nr_resources; i++)
		nats += strcmp(set->resources[i].kind, "nat-gateway") == 0;
	if (!nats || !zone_ids || !*zone_ids)
		return;
	for (p = zone_ids; *p;) {
		size_t n = strcspn(p, ", ");
		char *subnet_id = xstrndup(p, n);
		const struct config_resource *sn = find_resource(set, "subnet", subnet_id);
		const char *az = fact_text(sn, "AvailabilityZone"), *vpc = fact_text(sn, "VpcId");
		int found = 0;

		if (!az) {
			finding_add(res, VERDICT_NOT_MET, asg->file, 0, c->id, subject,
				    CMSG(ctx->lang, AV_SUBNET_AZ),
				    res_name(asg), subnet_id, asg->json_path);
		} else if (!listed(strbuf_str(&covered), az) && !listed(strbuf_str(&missing), az)) {
			for (i = 0; i < set->nr_resources && !found; i++) {
				const struct config_resource *nat = &set->resources[i];
				const char *state = fact_text(nat, "State"), *nvpc = fact_text(nat, "VpcId");
				const char *nsub = fact_text(nat, "SubnetId");
				const struct config_resource *nsn;
				if (strcmp(nat->kind, "nat-gateway") != 0 || !state ||
				    strcmp(state, "available") != 0 || !nsub)
					continue;
				nsn = find_resource(set, "subnet", nsub);
				found = nsn && fact_text(nsn, "AvailabilityZone") &&
					strcmp(fact_text(nsn, "AvailabilityZone"), az) == 0 &&
					(!vpc || !nvpc || strcmp(vpc, nvpc) == 0);
			}
			strbuf_addf(found ? &covered : &missing, "%s%s",
				    (found ? covered.len : missing.len) ? "," : "", az);
		}
		free(subnet_id);
		p += n;
		while (*p == ',' || *p == ' ')
			p++;
	}
	if (missing.len)
		finding_add(res, VERDICT_NOT_MET, asg->file, 0, c->id, subject,
			    CMSG(ctx->lang, AV_NAT_MISSING),
			    c->id, res_name(asg), strbuf_str(&missing));
	else if (covered.len)
		finding_add(res, VERDICT_MET, asg->file, 0, c->id, subject,
			    CMSG(ctx->lang, AV_NAT_OK),
			    c->id, res_name(asg), strbuf_str(&covered));
	strbuf_release(&missing);
	strbuf_release(&covered);
}

static size_t judge_availability(const struct check_ctx *ctx, const struct av_params *p,
				 const struct component *c, const struct objective *o,
				 struct check_result *res)
{
	const struct config_set *set = ctx->configs;
	char subject[96], rto[48];
	size_t i, relevant = 0;

	snprintf(subject, sizeof(subject), "rto/%s", o->disruption);
	shown(ctx, o->rto_seconds, rto, sizeof(rto));
	for (i = 0; set && i < set->nr_resources; i++) {
		const struct config_resource *r = &set->resources[i];
		if (!config_resource_in(r, c->id))
			continue;
		if (strcmp(r->kind, "rds-cluster") == 0 || strcmp(r->kind, "rds-instance") == 0) {
			const struct config_fact *m = config_fact_get(r, "MultiAZ");
			struct strbuf azs = STRBUF_INIT;
			size_t n = strcmp(r->kind, "rds-cluster") == 0 && r->id
					   ? member_azs(set, r->id, &azs) : 0;
			char *path = fact_path(r, m, "MultiAZ");
			if (strcmp(r->kind, "rds-instance") == 0 && fact_text(r, "DBClusterIdentifier")) {
				free(path);
				strbuf_release(&azs);
				continue; /* judged through its cluster */
			}
			relevant++;
			if (config_fact_bool(m) == 1 || (int64_t)n >= p->min_azs)
				finding_add(res, VERDICT_MET, r->file, 0, c->id, subject,
					    CMSG(ctx->lang, AV_MULTI_OK),
					    c->id, o->disruption, rto, res_name(r), path,
					    m ? m->value : CMSG(ctx->lang, ABSENT),
					    n ? CMSG(ctx->lang, INSTANCES_IN) : "",
					    strbuf_str(&azs));
			else
				finding_add(res, VERDICT_NOT_MET, r->file, 0, c->id, subject,
					    CMSG(ctx->lang, AV_MULTI_NO),
					    c->id, o->disruption, rto, res_name(r), path,
					    m ? m->value : CMSG(ctx->lang, ABSENT),
					    n ? CMSG(ctx->lang, INSTANCES_ONLY_IN) : "",
					    strbuf_str(&azs));
			free(path);
			strbuf_release(&azs);
		} else if (strcmp(r->kind, "autoscaling-group") == 0) {
			const struct config_fact *z = config_fact_get(r, "AvailabilityZones");
			const struct config_fact *h = config_fact_get(r, "HealthCheckType");
			size_t zones = config_fact_list_count(z);
			char *zpath = fact_path(r, z, "AvailabilityZones");
			char *hpath = fact_path(r, h, "HealthCheckType");
			relevant++;
			finding_add(res, (int64_t)zones >= p->min_azs ? VERDICT_MET : VERDICT_NOT_MET,
				    r->file, 0, c->id, subject,
				    CMSG(ctx->lang, AV_ZONES), c->id,
				    o->disruption, rto, res_name(r), zones, zones == 1 ? "" : "s", zpath,
				    z && z->value ? z->value : CMSG(ctx->lang, ABSENT),
				    (int64_t)zones >= p->min_azs ? "" : CMSG(ctx->lang, AV_ONE_AZ_LOST));
			if (h && strcmp(h->type, "text") == 0 && strcmp(h->value, p->health_check) == 0)
				finding_add(res, VERDICT_MET, r->file, 0, c->id, subject,
					    CMSG(ctx->lang, AV_HEALTH_OK), c->id, res_name(r), hpath, h->value);
			else
				finding_add(res, VERDICT_NOT_MET, r->file, 0, c->id, subject,
					    CMSG(ctx->lang, AV_HEALTH_NO), c->id, res_name(r),
					    h && h->value ? h->value : CMSG(ctx->lang, AV_NO_HEALTH), hpath,
					    p->health_check);
			nat_per_az(ctx, c, r, subject, res);
			free(zpath);
			free(hpath);
		} else if (strcmp(r->kind, "dynamodb-pitr") == 0 || strcmp(r->kind, "s3-versioning") == 0) {
			relevant++;
			finding_add(res, VERDICT_MET, r->file, 0, c->id, subject,
				    CMSG(ctx->lang, AV_REGIONAL), c->id, o->disruption, rto, res_name(r));
		}
	}
	if (!relevant)
		finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, o->line, c->id, subject,
			    CMSG(ctx->lang, AV_NONE), c->id, o->disruption, rto, (long long)p->min_azs,
			    c->nr_resources ? "" : CMSG(ctx->lang, NO_RESOURCE));
	return relevant;
}

int check_config_availability(const struct check_ctx *ctx, const struct check_spec *spec,
			      struct check_result *res)
{
	const struct assessment *a = ctx->assessment;
	const char *filter = check_param(spec, "disruption", NULL);
	const char *count;
	struct av_params p;
	int64_t fast;
	size_t i, j, judged = 0, failed;
	char *end;
	long line;
	char shown_fast[48];

	if (!filter)
		filter = "az";
	p.health_check = check_param(spec, "health-check", NULL);
	if (!p.health_check)
		p.health_check = "ELB";
	count = check_param(spec, "min-azs", &line);
	p.min_azs = 2;
	if (count) {
		p.min_azs = strtoll(count, &end, 10);
		if (*end || p.min_azs < 1 || p.min_azs > 16)
			return error_at(ctx->questionnaire->path, line ? line : spec->line,
					"check %s: parameter min-azs '%s' is not a number 1-16",
					spec->name, count);
	}
	if (check_param_duration(ctx, spec, "fast-rto", 3600, &fast) < 0)
		return -1;
	shown(ctx, fast, shown_fast, sizeof(shown_fast));
	for (i = 0; i < a->nr_components; i++) {
		const struct component *c = &a->components[i];
		for (j = 0; j < c->nr_objectives; j++) {
			const struct objective *o = &c->objectives[j];
			if (!o->has_rto || o->rto_seconds > fast || !listed(filter, o->disruption))
				continue;
			judged++;
			judge_availability(ctx, &p, c, o, res);
		}
	}
	if (!judged) {
		finding_add(res, VERDICT_NOT_APPLICABLE, ctx->assessment_relpath, 0, NULL, NULL,
			    CMSG(ctx->lang, AV_NA), shown_fast, filter);
		res->summary = xasprintf(CMSG(ctx->lang, AV_SUM_NA), shown_fast, filter);
		return 0;
	}
	for (i = failed = 0; i < res->nr_findings; i++)
		failed += res->findings[i].status == VERDICT_NOT_MET;
	res->summary = failed ? xasprintf(CMSG(ctx->lang, AV_SUM_FAIL),
					  judged, judged == 1 ? "" : "s", filter, failed,
					  failed == 1 ? "" : "s")
			      : xasprintf(CMSG(ctx->lang, AV_SUM_OK),
					  judged, judged == 1 ? "" : "s", shown_fast, filter);
	return 0;
}
