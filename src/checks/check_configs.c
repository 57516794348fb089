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
 *
 * Never silent: a component a check cannot decide gets a manual finding
 * "cannot judge: needs `aws ...`" (the command depends on the kind of its
 * resources, see configs_needed()), never met, and the summary counts such
 * components.
 *
 * Backups are judged over every source that covers the component: the RPO
 * by the densest one (the closest recovery points), retention by the
 * longest one (how far back the component can be restored).  An hourly
 * rule kept 2 days beside a daily rule kept 365 days reaches back a year,
 * so it meets a 7-day minimum; a rule without Lifecycle keeps its points
 * for ever.  Shorter retention is a finding only when no source covering
 * the component reaches the minimum.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "configs/awscron.h"
#include "configs/collect.h"
#include "model/calendar.h"
#include "model/check_messages.h"
#include "checks/checks.h"
#include "model/duration.h"
#include "model/timestamp.h"
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
		struct strbuf cmds = STRBUF_INIT;
		for (i = 0; i < ctx->assessment->nr_components; i++) {
			configs_needed(&ctx->assessment->components[i], CONFIG_FOR_RPO, &cmds);
			configs_needed(&ctx->assessment->components[i], CONFIG_FOR_AZ, &cmds);
		}
		if (!cmds.len)
			strbuf_addstr(&cmds, "sh configs/collect.sh");
		finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, 0, NULL, "configs",
			    CMSG(ctx->lang, CFG_NONE_CMDS), strbuf_str(&cmds));
		strbuf_release(&cmds);
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
	SOURCE_CANNOT,  /* cannot be judged: the message says which export it needs */
	SOURCE_NOTE,    /* a fact worth showing that gives no recovery points (a recent snapshot) */
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
	/* retention, judged over all sources (see the top of the file) */
	size_t nr_retention;
	int kept_forever;
	int64_t longest_days;
	const struct config_resource *longest;
	const struct config_fact *longest_fact;
	size_t negatives; /* region: exported resources known not to copy */
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

/* Note one retention setting (days; -1 = kept for ever) of a source covering the component. */
static void retention_note(struct sources *out, const struct config_resource *r,
			   const struct config_fact *f, int64_t days)
{
	out->nr_retention++;
	if (days < 0) {
		out->kept_forever = 1;
		return;
	}
	if (!out->longest || days > out->longest_days) {
		out->longest_days = days;
		out->longest = r;
		out->longest_fact = f;
	}
}

/* After all sources: a problem only when none reaches the minimum. */
static void retention_judge(const struct check_ctx *ctx, const struct rp_params *p,
			    struct sources *out)
{
	const struct config_resource *r = out->longest;
	char a[48], b[48];
	if (!r || out->kept_forever || out->longest_days * 86400 >= p->min_retention)
		return;
	if (out->nr_retention == 1)
		source_add(out, SOURCE_PROBLEM, 0, r->file,
			   xasprintf(CMSG(ctx->lang, RP_RETENTION), res_name(r),
				     shown(ctx, out->longest_days * 86400, a, sizeof(a)),
				     out->longest_fact->json_path, (long long)out->longest_days,
				     shown(ctx, p->min_retention, b, sizeof(b))));
	else
		source_add(out, SOURCE_PROBLEM, 0, r->file,
			   xasprintf(CMSG(ctx->lang, RP_RETENTION_ALL), res_name(r),
				     shown(ctx, out->longest_days * 86400, a, sizeof(a)),
				     out->longest_fact->json_path, (long long)out->longest_days,
				     out->nr_retention, shown(ctx, p->min_retention, b, sizeof(b))));
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
		retention_note(out, r, f, days);
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
			retention_note(out, r, period, days);
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
			retention_note(out, r, keep, days);
	} else if (gap >= 0) {
		retention_note(out, r, NULL, -1); /* no Lifecycle: kept for ever */
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
	if (!dest || !dest->value || strcmp(dest->type, "array") != 0 || !*dest->value) {
		out->negatives++;
		return;
	}
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
	out->negatives++; /* copies stay in the plan's own Region */
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

/* "hh:mm-hh:mm" -> length in seconds (wrapping past midnight); -1 when malformed. */
static int64_t window_seconds(const char *w)
{
	int h1, m1, h2, m2, used = 0;
	int64_t a, b;
	if (!w || sscanf(w, "%2d:%2d-%2d:%2d%n", &h1, &m1, &h2, &m2, &used) != 4 ||
	    (size_t)used != strlen(w) || h1 > 23 || h2 > 23 || m1 > 59 || m2 > 59 ||
	    h1 < 0 || h2 < 0 || m1 < 0 || m2 < 0)
		return -1;
	a = h1 * 3600 + m1 * 60;
	b = h2 * 3600 + m2 * 60;
	return b > a ? b - a : b + 86400 - a;
}

/* ElastiCache: one automatic snapshot a day within SnapshotWindow, kept SnapshotRetentionLimit days. */
static void cache_source(const struct check_ctx *ctx, const struct config_resource *r,
			 struct sources *out)
{
	const struct config_fact *keep = config_fact_get(r, "SnapshotRetentionLimit");
	const struct config_fact *win = config_fact_get(r, "SnapshotWindow");
	int64_t days, len;

	if (config_fact_int(keep, MAX_RETENTION_DAYS, &days) != 1) {
		bad_value(ctx, out, r, keep, "SnapshotRetentionLimit", CMSG(ctx->lang, EXPECT_DAYS));
		return;
	}
	if (days == 0) {
		source_add(out, SOURCE_OFF, 0, r->file,
			   xasprintf(CMSG(ctx->lang, RP_CACHE_OFF), res_name(r), keep->json_path));
		return;
	}
	len = win && strcmp(win->type, "text") == 0 ? window_seconds(win->value) : -1;
	if (len < 0) {
		bad_value(ctx, out, r, win, "SnapshotWindow", CMSG(ctx->lang, EXPECT_WINDOW));
		return;
	}
	source_add(out, SOURCE_POINTS, 86400 + len, r->file,
		   xasprintf(CMSG(ctx->lang, RP_CACHE_SNAP), res_name(r), keep->json_path,
			     (long long)days, win->value));
	retention_note(out, r, keep, days);
}

/* AWS Backup's default EFS plan (automatic backups): daily at 05:00 UTC,
 * 8-hour start window, kept 35 days; judged like a backup rule. */
#define EFS_DEFAULT_WINDOW (8 * 3600)
#define EFS_DEFAULT_DAYS 35

static void efs_source(const struct check_ctx *ctx, const struct config_resource *r,
		       struct sources *out)
{
	const struct config_fact *f = config_fact_get(r, "Status");
	char a[48];
	if (!f || strcmp(f->type, "text") != 0) {
		bad_value(ctx, out, r, f, "Status", CMSG(ctx->lang, EXPECT_PITR));
		return;
	}
	if (strcmp(f->value, "ENABLED") != 0) {
		source_add(out, SOURCE_OFF, 0, r->file,
			   xasprintf(CMSG(ctx->lang, RP_EFS_OFF), res_name(r), f->value, f->json_path));
		return;
	}
	source_add(out, SOURCE_POINTS, 86400 + EFS_DEFAULT_WINDOW, r->file,
		   xasprintf(CMSG(ctx->lang, RP_EFS_BACKUP), res_name(r), f->json_path,
			     shown(ctx, EFS_DEFAULT_WINDOW, a, sizeof(a))));
	retention_note(out, r, f, EFS_DEFAULT_DAYS);
}

/* Regions of a list of ARNs or Region names other than home, comma-separated into sb. */
static size_t other_regions(const char *list, const char *home, int arns, struct strbuf *sb)
{
	const char *q;
	size_t n = 0;
	for (q = list; q && *q;) {
		size_t len = strcspn(q, ",");
		char *item = xstrndup(q, len);
		char region[64];
		if (arns)
			arn_region(item, region, sizeof(region));
		else
			snprintf(region, sizeof(region), "%s", item);
		if (*region && strcmp(region, home) != 0 && !listed(strbuf_str(sb), region)) {
			strbuf_addf(sb, "%s%s", n ? "," : "", region);
			n++;
		}
		free(item);
		q += len;
		if (*q == ',')
			q++;
	}
	return n;
}

/* Replication lag of global tables and databases: "usually within a second". */
#define REPLICA_LAG 1

/*
 * A global table (Replicas' Region names, other than the table's own) or an
 * Aurora global database (member cluster ARNs in two Regions or more): a
 * copy in another Region, REPLICA_LAG behind; else a known negative.
 */
static void replicas_region(const struct check_ctx *ctx, const struct config_resource *r,
			    struct sources *out)
{
	int table = strcmp(r->kind, "dynamodb-table") == 0;
	const char *name = table ? "Replicas" : "GlobalClusterMembers";
	const struct config_fact *f = config_fact_get(r, name);
	struct strbuf regions = STRBUF_INIT;
	char home[64] = "";
	char *path = fact_path(r, f, name);
	size_t n;
	if (table && r->arn)
		arn_region(r->arn, home, sizeof(home));
	n = f ? other_regions(f->value, home, !table, &regions) : 0;
	if (n >= (table ? 1u : 2u))
		source_add(out, SOURCE_POINTS, REPLICA_LAG, r->file,
			   table ? xasprintf(CMSG(ctx->lang, RP_DDB_REPLICAS), res_name(r),
					     strbuf_str(&regions), path)
				 : xasprintf(CMSG(ctx->lang, RP_GLOBAL_DB), res_name(r),
					     strbuf_str(&regions), path));
	else {
		out->negatives++;
		source_add(out, SOURCE_OFF, 0, r->file,
			   table ? xasprintf(CMSG(ctx->lang, RP_DDB_NO_REPLICAS), res_name(r), path)
				 : xasprintf(CMSG(ctx->lang, RP_GLOBAL_DB_ONE), res_name(r), path));
	}
	free(path);
	strbuf_release(&regions);
}

/* The Region of bucket from a get-bucket-location export whose file names it; 0 when none. */
static int bucket_region(const struct config_set *set, const char *bucket, char *out, size_t size)
{
	size_t i;
	for (i = 0; i < set->nr_resources; i++) {
		const struct config_resource *r = &set->resources[i];
		const struct config_fact *f;
		if (strcmp(r->kind, "s3-location") != 0 ||
		    !((r->id && strcmp(r->id, bucket) == 0) || config_file_names(r->file, bucket)))
			continue;
		f = config_fact_get(r, "LocationConstraint");
		/* null or "" is us-east-1; "EU" is the legacy name of eu-west-1 */
		if (!f || strcmp(f->type, "null") == 0 || !f->value || !*f->value)
			snprintf(out, size, "us-east-1");
		else if (strcmp(f->value, "EU") == 0)
			snprintf(out, size, "eu-west-1");
		else
			snprintf(out, size, "%s", f->value);
		return 1;
	}
	return 0;
}

/* S3 replication, one rule at a time: the destination's Region from the
 * location exports (cannot judge without them), S3 RTC bounding the lag. */
static void s3_replication_region(const struct check_ctx *ctx, const struct config_resource *r,
				  struct sources *out)
{
	const char *status = fact_text(r, "Status"), *dest = fact_text(r, "Destination");
	const char *rtc = fact_text(r, "ReplicationTime"), *bucket;
	char home[64], there[64];
	char *path = fact_path(r, config_fact_get(r, "Destination"), "Destination.Bucket");

	if (!status || strcmp(status, "Enabled") != 0 || !dest || !*dest) {
		char *spath = fact_path(r, config_fact_get(r, "Status"), "Status");
		out->negatives++;
		source_add(out, SOURCE_OFF, 0, r->file,
			   xasprintf(CMSG(ctx->lang, RP_S3_REPL_NONE), res_name(r), spath));
		free(spath);
		free(path);
		return;
	}
	bucket = arn_name(dest);
	if (!bucket_region(ctx->configs, res_name(r), home, sizeof(home)))
		source_add(out, SOURCE_CANNOT, 0, r->file,
			   xasprintf(CMSG(ctx->lang, RP_S3_REPL_REGION), res_name(r), bucket, path,
				     res_name(r)));
	else if (!bucket_region(ctx->configs, bucket, there, sizeof(there)))
		source_add(out, SOURCE_CANNOT, 0, r->file,
			   xasprintf(CMSG(ctx->lang, RP_S3_REPL_REGION), res_name(r), bucket, path, bucket));
	else if (strcmp(home, there) == 0) {
		out->negatives++;
		source_add(out, SOURCE_OFF, 0, r->file,
			   xasprintf(CMSG(ctx->lang, RP_S3_REPL_SAME), res_name(r), bucket, there, path));
	} else if (rtc && strcmp(rtc, "Enabled") == 0)
		source_add(out, SOURCE_POINTS, 15 * 60, r->file,
			   xasprintf(CMSG(ctx->lang, RP_S3_REPL_RTC), res_name(r), bucket, there, path));
	else
		source_add(out, SOURCE_CANNOT, 0, r->file,
			   xasprintf(CMSG(ctx->lang, RP_S3_REPL_NO_RTC), res_name(r), bucket, there, path));
	free(path);
}

/* DLM: the first schedule's interval (HOURS) or cron expression, plus the hour
 * DLM may take to start; retention from RetainRule (count x interval, or an
 * age). */
static void dlm_source(const struct check_ctx *ctx, const struct config_resource *r,
		       struct sources *out)
{
	const char *state = fact_text(r, "State"), *unit = fact_text(r, "IntervalUnit");
	const char *cron = fact_text(r, "CronExpression"), *runit = fact_text(r, "RetainIntervalUnit");
	const struct config_fact *iv = config_fact_get(r, "Interval");
	const struct config_fact *count = config_fact_get(r, "RetainCount");
	const struct config_fact *rage = config_fact_get(r, "RetainInterval");
	char *spath = xasprintf("%s.PolicyDetails.Schedules[0]", r->json_path);
	char a[48], b[48];
	int64_t hours = 0, gap = -1, n = 0, days = -1;

	if (!state || strcmp(state, "ENABLED") != 0) {
		char *path = fact_path(r, config_fact_get(r, "State"), "State");
		source_add(out, SOURCE_OFF, 0, r->file,
			   xasprintf(CMSG(ctx->lang, RP_DLM_OFF), res_name(r), state ? state : "?", path));
		free(path);
		free(spath);
		return;
	}
	if (unit && strcmp(unit, "HOURS") == 0 && config_fact_int(iv, 100000, &hours) == 1 && hours > 0) {
		gap = hours * 3600;
	} else if (cron) {
		struct aws_schedule s;
		char why[160], *expr = xasprintf("cron(%s)", cron);
		int64_t g, start;
		if (strncmp(cron, "cron(", 5) == 0) {
			free(expr);
			expr = xstrdup(cron);
		}
		if (aws_schedule_parse(expr, &s, why, sizeof(why)) == 0 &&
		    aws_schedule_max_gap(&s, ctx->as_of_day, &g, &start) == SCHEDULE_GAP_FOUND)
			gap = g;
		free(expr);
	}
	if (gap < 0) {
		source_add(out, SOURCE_PROBLEM, 0, r->file,
			   xasprintf(CMSG(ctx->lang, RP_DLM_UNKNOWN), res_name(r), spath));
		free(spath);
		return;
	}
	if (config_fact_int(count, 100000, &n) == 1)
		days = n * gap / 86400;
	else if (config_fact_int(rage, 100000, &n) == 1 && runit)
		days = strcmp(runit, "DAYS") == 0 ? n : strcmp(runit, "WEEKS") == 0 ? n * 7
		     : strcmp(runit, "MONTHS") == 0 ? n * 28 : strcmp(runit, "YEARS") == 0 ? n * 365 : -1;
	source_add(out, SOURCE_POINTS, gap + 3600, r->file,
		   xasprintf(CMSG(ctx->lang, RP_DLM), res_name(r), spath, shown(ctx, gap, a, sizeof(a)),
			     days >= 0 ? shown(ctx, days * 86400, b, sizeof(b)) : "?"));
	if (days >= 0)
		retention_note(out, r, count ? count : rage, days);
	free(spath);
}

/* The newest completed snapshot of each volume of the component: a note, or a
 * problem when it is older than the RPO at the end of the as-of day (UTC). */
static void snapshot_sources(const struct check_ctx *ctx, const struct component *c,
			     const struct objective *o, struct sources *out)
{
	const struct config_set *set = ctx->configs;
	struct ts_context tc = { .as_of_day = ctx->as_of_day };
	size_t i, j;
	for (i = 0; set && i < set->nr_resources; i++) {
		const struct config_resource *r = &set->resources[i], *newest = NULL;
		const char *vol = fact_text(r, "VolumeId");
		int64_t best = 0, age, end = (ctx->as_of_day + 1) * 86400;
		int first = 1;
		char a[48], day[16];
		if (strcmp(r->kind, "ebs-snapshot") != 0 || !config_resource_in(r, c->id) || !vol)
			continue;
		for (j = 0; j < i && first; j++) /* one finding per volume */
			first = !(strcmp(set->resources[j].kind, "ebs-snapshot") == 0 &&
				  config_resource_in(&set->resources[j], c->id) &&
				  fact_text(&set->resources[j], "VolumeId") &&
				  strcmp(fact_text(&set->resources[j], "VolumeId"), vol) == 0);
		if (!first)
			continue;
		for (j = i; j < set->nr_resources; j++) {
			const struct config_resource *s = &set->resources[j];
			const char *state = fact_text(s, "State"), *when = fact_text(s, "StartTime");
			struct timestamp ts;
			if (strcmp(s->kind, "ebs-snapshot") != 0 || !fact_text(s, "VolumeId") ||
			    strcmp(fact_text(s, "VolumeId"), vol) != 0 || !state ||
			    strcmp(state, "completed") != 0 || !when || timestamp_parse(when, &tc, &ts) != 0)
				continue;
			if (ts.epoch <= end && (!newest || ts.epoch > best)) {
				best = ts.epoch;
				newest = s;
			}
		}
		if (!newest)
			continue; /* no completed snapshot: the other sources decide */
		age = end - best;
		date_format(ctx->as_of_day, day, sizeof(day));
		{
			char *path = fact_path(newest, config_fact_get(newest, "StartTime"), "StartTime");
			if (age > o->rpo_seconds)
				source_add(out, SOURCE_PROBLEM, 0, newest->file,
					   xasprintf(CMSG(ctx->lang, RP_SNAP_OLD), vol, res_name(newest),
						     shown(ctx, age, a, sizeof(a)), day, path));
			else
				source_add(out, SOURCE_NOTE, 0, newest->file,
					   xasprintf(CMSG(ctx->lang, RP_SNAP_RECENT), vol, res_name(newest),
						     shown(ctx, age, a, sizeof(a)), day, path));
			free(path);
		}
	}
}

static void judge_objective(const struct check_ctx *ctx, const struct rp_params *p,
			    const struct component *c, const struct objective *o,
			    struct check_result *res)
{
	const struct config_set *set = ctx->configs;
	struct sources src;
	int region = strcmp(o->disruption, "region") == 0;
	int64_t best = -1;
	size_t i, best_i = 0, cannot;
	char subject[96], a[48], b[48];
	int met;

	memset(&src, 0, sizeof(src));
	snprintf(subject, sizeof(subject), "rpo/%s", o->disruption);
	for (i = 0; set && i < set->nr_resources; i++) {
		const struct config_resource *r = &set->resources[i];
		if (!config_resource_in(r, c->id))
			continue;
		if (region) {
			if (strcmp(r->kind, "backup-rule") == 0)
				copy_source(ctx, p, c, r, &src);
			else if (strcmp(r->kind, "dynamodb-table") == 0 ||
				 strcmp(r->kind, "rds-global-cluster") == 0)
				replicas_region(ctx, r, &src);
			else if (strcmp(r->kind, "s3-replication-rule") == 0)
				s3_replication_region(ctx, r, &src);
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
		else if (strcmp(r->kind, "elasticache-replication-group") == 0)
			cache_source(ctx, r, &src);
		else if (strcmp(r->kind, "efs-backup-policy") == 0)
			efs_source(ctx, r, &src);
		else if (strcmp(r->kind, "dlm-policy") == 0)
			dlm_source(ctx, r, &src);
	}
	if (!region) {
		snapshot_sources(ctx, c, o, &src);
		require_versioning_exports(ctx, c, o, &src);
		retention_judge(ctx, p, &src);
	}
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
		if (s->role == SOURCE_NOTE)
			finding_add(res, VERDICT_MET, s->file, 0, c->id, subject, CMSG(ctx->lang, RP_SOURCE),
				    c->id, o->disruption, shown(ctx, o->rpo_seconds, a, sizeof(a)),
				    s->message, "");
		else if (s->role == SOURCE_CANNOT)
			finding_add(res, met ? VERDICT_MET : VERDICT_MANUAL, s->file, 0, c->id, subject,
				    CMSG(ctx->lang, RP_CANNOT_SOURCE), c->id, o->disruption,
				    shown(ctx, o->rpo_seconds, a, sizeof(a)), s->message);
		else if (s->role == SOURCE_OFF)
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
	for (i = cannot = 0; i < src.nr; i++)
		cannot += src.items[i].role == SOURCE_CANNOT;
	if (best < 0 && !src.nr && src.negatives) {
		/* only rules that copy nowhere else: decided, not met */
		finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, o->line, c->id, subject,
			    CMSG(ctx->lang, RP_NO_COPY), c->id, o->disruption,
			    shown(ctx, o->rpo_seconds, a, sizeof(a)), "");
	} else if (best < 0 && src.nr > cannot) {
		finding_add(res, VERDICT_NOT_MET, ctx->assessment_relpath, o->line, c->id, subject,
			    CMSG(ctx->lang, RP_NO_POINTS), c->id, o->disruption,
			    shown(ctx, o->rpo_seconds, a, sizeof(a)), src.nr == 1 ? "" : "s",
			    src.nr == 1 ? "s" : "");
	} else if (best < 0 && !src.nr) { /* nothing exported: cannot judge */
		struct strbuf cmds = STRBUF_INIT;
		configs_needed(c, region ? CONFIG_FOR_REGION : CONFIG_FOR_RPO, &cmds);
		finding_add(res, VERDICT_MANUAL, ctx->assessment_relpath, o->line, c->id, subject,
			    region ? CMSG(ctx->lang, RP_CANNOT_REGION) : CMSG(ctx->lang, RP_CANNOT),
			    c->id, o->disruption, shown(ctx, o->rpo_seconds, a, sizeof(a)),
			    strbuf_str(&cmds), c->nr_resources ? "" : CMSG(ctx->lang, NO_RESOURCE));
		strbuf_release(&cmds);
	} else if (best >= 0) {
		const struct source *s = &src.items[best_i];
		finding_add(res, met ? VERDICT_MET : VERDICT_NOT_MET, s->file, 0, c->id, subject,
			    met ? CMSG(ctx->lang, RP_MET) : CMSG(ctx->lang, RP_UNMET),
			    c->id, o->disruption, shown(ctx, o->rpo_seconds, a, sizeof(a)),
			    shown(ctx, s->gap, b, sizeof(b)), s->message);
	}
	sources_free(&src);
}

/* Distinct components with a manual (cannot judge) finding. */
static size_t components_cannot(const struct check_result *res)
{
	size_t i, j, n = 0;
	for (i = 0; i < res->nr_findings; i++) {
		const struct finding *f = &res->findings[i];
		int seen = 0;
		if (f->status != VERDICT_MANUAL || !f->component)
			continue;
		for (j = 0; j < i && !seen; j++)
			seen = res->findings[j].status == VERDICT_MANUAL && res->findings[j].component &&
			       strcmp(res->findings[j].component, f->component) == 0;
		n += !seen;
	}
	return n;
}

/* summary (taken) plus "; N components cannot be judged" when some cannot. */
static char *with_cannot(const struct check_ctx *ctx, const struct check_result *res, char *summary)
{
	size_t n = components_cannot(res);
	char *out, *joined;
	if (!n)
		return summary;
	out = xasprintf(CMSG(ctx->lang, SUM_CANNOT), n, n == 1 ? "" : "s");
	joined = xasprintf("%s%s", summary, out);
	free(out);
	free(summary);
	return joined;
}

/*
 * A backup plan none of whose rules reaches a component protects nothing
 * the assessment can show: one manual finding per plan (file and plan id),
 * saying whether its rules would copy to another Region.
 */
static void unlinked_plans(const struct check_ctx *ctx, struct check_result *res)
{
	const struct config_set *set = ctx->configs;
	size_t i, j;
	for (i = 0; set && i < set->nr_resources; i++) {
		const struct config_resource *r = &set->resources[i];
		const char *plan = fact_text(r, "BackupPlanId"), *name = fact_text(r, "BackupPlanName");
		int linked = 0, first = 1, copies = 0;
		if (strcmp(r->kind, "backup-rule") != 0)
			continue;
		for (j = 0; j < set->nr_resources; j++) {
			const struct config_resource *o = &set->resources[j];
			const char *oplan = fact_text(o, "BackupPlanId");
			if (strcmp(o->kind, "backup-rule") != 0 || strcmp(o->file, r->file) != 0 ||
			    (plan && (!oplan || strcmp(plan, oplan) != 0)))
				continue;
			if (j < i)
				first = 0;
			linked |= o->nr_components > 0;
			copies |= config_fact_list_count(config_fact_get(o, "CopyDestinations")) > 0;
		}
		if (!first || linked)
			continue;
		finding_add(res, VERDICT_MANUAL, r->file, 0, NULL, "configs",
			    CMSG(ctx->lang, RP_PLAN_UNLINKED), name ? name : (plan ? plan : r->file), r->file,
			    copies ? CMSG(ctx->lang, RP_PLAN_COPIES) : "", plan ? plan : "PLAN_ID");
	}
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
	if (judged)
		unlinked_plans(ctx, res);
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
	res->summary = with_cannot(ctx, res, res->summary);
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

/*
 * NAT gateways: one available in every AZ the resource's subnets use.  Real
 * describe-nat-gateways output names only the gateway's SubnetId, so its AZ
 * comes from the describe-subnets export; whatever cannot be placed is said
 * ("cannot judge: needs ..."), never skipped.  subnets is a list separated by
 * commas or spaces; where is its JSON path.
 */
static void nat_per_az(const struct check_ctx *ctx, const struct component *c,
		       const struct config_resource *owner, const char *subnets, const char *where,
		       const char *subject, struct check_result *res)
{
	const struct config_set *set = ctx->configs;
	struct strbuf missing = STRBUF_INIT, covered = STRBUF_INIT;
	const struct config_resource *unmapped = NULL;
	const char *p;
	size_t i, nats = 0;
	int svc = strcmp(owner->kind, "ecs-service") == 0;

	for (i = 0; i < set->nr_resources; i++) {
		const struct config_resource *nat = &set->resources[i];
		const char *nsub = fact_text(nat, "SubnetId");
		if (strcmp(nat->kind, "nat-gateway") != 0)
			continue;
		nats++;
		if (!unmapped && (!nsub || !fact_text(find_resource(set, "subnet", nsub), "AvailabilityZone")))
			unmapped = nat;
	}
	if (!nats) {
		finding_add(res, VERDICT_MANUAL, owner->file, 0, c->id, subject,
			    CMSG(ctx->lang, AV_NAT_CANNOT), c->id, res_name(owner));
		return;
	}
	for (p = subnets; p && *p;) {
		size_t n = strcspn(p, ", ");
		char *subnet_id = xstrndup(p, n);
		const struct config_resource *sn = find_resource(set, "subnet", subnet_id);
		const char *az = fact_text(sn, "AvailabilityZone"), *vpc = fact_text(sn, "VpcId");
		int found = 0;

		if (!n) {
			/* empty item */
		} else if (!az) {
			finding_add(res, VERDICT_MANUAL, owner->file, 0, c->id, subject,
				    CMSG(ctx->lang, AV_SUBNET_CANNOT), res_name(owner), subnet_id,
				    subnet_id, where);
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
	if (missing.len && unmapped) {
		const char *nsub = fact_text(unmapped, "SubnetId");
		finding_add(res, VERDICT_MANUAL, unmapped->file, 0, c->id, subject,
			    CMSG(ctx->lang, AV_NAT_UNMAPPED), c->id, res_name(owner),
			    strbuf_str(&missing), res_name(unmapped), nsub ? nsub : "?",
			    nsub ? nsub : "SUBNET_ID");
	} else if (missing.len) {
		finding_add(res, VERDICT_NOT_MET, owner->file, 0, c->id, subject,
			    svc ? CMSG(ctx->lang, AV_NAT_MISSING_SVC) : CMSG(ctx->lang, AV_NAT_MISSING),
			    c->id, res_name(owner), strbuf_str(&missing));
	} else if (covered.len) {
		finding_add(res, VERDICT_MET, owner->file, 0, c->id, subject,
			    svc ? CMSG(ctx->lang, AV_NAT_OK_SVC) : CMSG(ctx->lang, AV_NAT_OK),
			    c->id, res_name(owner), strbuf_str(&covered));
	} /* else every subnet was unknown: each has its own cannot-judge finding above */
	strbuf_release(&missing);
	strbuf_release(&covered);
}

/* A fact the availability check needs is missing or of the wrong type: not met. */
static void bad_value_finding(const struct check_ctx *ctx, struct check_result *res,
			      const struct component *c, const char *subject,
			      const struct config_resource *r, const struct config_fact *f,
			      const char *name, const char *expected)
{
	char *path = fact_path(r, f, name);
	if (f)
		finding_add(res, VERDICT_NOT_MET, r->file, 0, c->id, subject,
			    CMSG(ctx->lang, RP_BAD_VALUE), res_name(r), path, f->type,
			    f->value ? f->value : "", expected);
	else
		finding_add(res, VERDICT_NOT_MET, r->file, 0, c->id, subject,
			    CMSG(ctx->lang, RP_MISSING), res_name(r), path);
	free(path);
}

/* Distinct AZs of a subnet list through the subnets export; unknown subnets counted in *unknown. */
static size_t subnet_azs(const struct config_set *set, const char *subnets, struct strbuf *azs,
			 size_t *unknown)
{
	const char *p;
	size_t n = 0;
	*unknown = 0;
	for (p = subnets; p && *p;) {
		size_t len = strcspn(p, ", ");
		char *id = xstrndup(p, len);
		const char *az = fact_text(find_resource(set, "subnet", id), "AvailabilityZone");
		if (len && !az)
			(*unknown)++;
		else if (len && !listed(strbuf_str(azs), az)) {
			strbuf_addf(azs, "%s%s", n ? "," : "", az);
			n++;
		}
		free(id);
		p += len;
		while (*p == ',' || *p == ' ')
			p++;
	}
	return n;
}

/* ECS service: awsvpc subnets -> AZs, desired count against the AZs, circuit breaker. */
static void ecs_availability(const struct check_ctx *ctx, const struct av_params *p,
			     const struct component *c, const struct objective *o,
			     const struct config_resource *r, const char *subject, const char *rto,
			     struct check_result *res)
{
	const struct config_set *set = ctx->configs;
	const struct config_fact *sub = config_fact_get(r, "subnets");
	const struct config_fact *want = config_fact_get(r, "desiredCount");
	const struct config_fact *cb = config_fact_get(r, "deploymentCircuitBreaker");
	const struct config_fact *rb = config_fact_get(r, "deploymentCircuitBreakerRollback");
	struct strbuf azs = STRBUF_INIT;
	char *spath = fact_path(r, sub, "networkConfiguration.awsvpcConfiguration.subnets");
	char *wpath = fact_path(r, want, "desiredCount");
	char *cpath = fact_path(r, cb, "deploymentConfiguration.deploymentCircuitBreaker.enable");
	size_t zones, unknown;
	int64_t desired = -1;

	if (config_fact_int(want, 100000, &desired) != 1)
		desired = -1;
	if (!sub || !config_fact_list_count(sub)) {
		finding_add(res, VERDICT_MANUAL, r->file, 0, c->id, subject,
			    CMSG(ctx->lang, AV_ECS_NO_SUBNETS), c->id, res_name(r), spath);
	} else {
		zones = subnet_azs(set, sub->value, &azs, &unknown);
		if (unknown) {
			const char *q = sub->value;
			while (*q) {
				size_t len = strcspn(q, ",");
				char *id = xstrndup(q, len);
				if (!fact_text(find_resource(set, "subnet", id), "AvailabilityZone"))
					finding_add(res, VERDICT_MANUAL, r->file, 0, c->id, subject,
						    CMSG(ctx->lang, AV_SUBNET_CANNOT), res_name(r), id, id,
						    spath);
				free(id);
				q += len;
				if (*q == ',')
					q++;
			}
		}
		if ((int64_t)zones < p->min_azs && !unknown)
			finding_add(res, VERDICT_NOT_MET, r->file, 0, c->id, subject,
				    CMSG(ctx->lang, AV_ECS_FEW_AZ), c->id, o->disruption, rto, res_name(r),
				    zones, zones == 1 ? "" : "s", spath, strbuf_str(&azs));
		else if ((int64_t)zones >= p->min_azs && desired >= 0 && desired < p->min_azs)
			finding_add(res, VERDICT_NOT_MET, r->file, 0, c->id, subject,
				    CMSG(ctx->lang, AV_ECS_FEW_TASKS), c->id, o->disruption, rto,
				    res_name(r), (long long)desired, wpath, (long long)p->min_azs);
		else if ((int64_t)zones >= p->min_azs && desired < 0)
			bad_value_finding(ctx, res, c, subject, r, want, "desiredCount",
					  CMSG(ctx->lang, EXPECT_COUNT));
		else if ((int64_t)zones >= p->min_azs)
			finding_add(res, VERDICT_MET, r->file, 0, c->id, subject,
				    CMSG(ctx->lang, AV_ECS_OK), c->id, o->disruption, rto, res_name(r),
				    zones, zones == 1 ? "" : "s", spath, strbuf_str(&azs),
				    (long long)desired, wpath);
		nat_per_az(ctx, c, r, sub->value, spath, subject, res);
	}
	if (config_fact_bool(cb) == 1 && config_fact_bool(rb) == 1)
		finding_add(res, VERDICT_MET, r->file, 0, c->id, subject,
			    CMSG(ctx->lang, AV_ECS_BREAKER_OK), c->id, res_name(r), cpath);
	else
		finding_add(res, VERDICT_MANUAL, r->file, 0, c->id, subject,
			    CMSG(ctx->lang, AV_ECS_BREAKER_NO), c->id, res_name(r), cpath,
			    cb && cb->value ? cb->value : CMSG(ctx->lang, ABSENT));
	strbuf_release(&azs);
	free(spath);
	free(wpath);
	free(cpath);
}

/* ElastiCache: Multi-AZ with automatic failover and nodes in at least min-azs AZs. */
static void cache_availability(const struct check_ctx *ctx, const struct av_params *p,
			       const struct component *c, const struct objective *o,
			       const struct config_resource *r, const char *subject, const char *rto,
			       struct check_result *res)
{
	const char *multi = fact_text(r, "MultiAZ"), *fail = fact_text(r, "AutomaticFailover");
	const struct config_fact *azs = config_fact_get(r, "NodeAvailabilityZones");
	size_t zones = config_fact_list_count(azs);
	int ok = multi && fail && strcmp(multi, "enabled") == 0 && strcmp(fail, "enabled") == 0 &&
		 (int64_t)zones >= p->min_azs;
	finding_add(res, ok ? VERDICT_MET : VERDICT_NOT_MET, r->file, 0, c->id, subject,
		    ok ? CMSG(ctx->lang, AV_CACHE_OK) : CMSG(ctx->lang, AV_CACHE_NO), c->id,
		    o->disruption, rto, res_name(r), multi ? multi : CMSG(ctx->lang, ABSENT),
		    fail ? fail : CMSG(ctx->lang, ABSENT),
		    zones ? azs->value : CMSG(ctx->lang, ABSENT), r->json_path);
}

/* Load balancers, target groups, target health and Trusted Advisor's flagged
 * resources of the component; returns 1 when it showed the tier's AZs
 * (healthy targets), 0 when it only supports the verdict. */
static int lb_availability(const struct check_ctx *ctx, const struct av_params *p,
			   const struct component *c, const struct objective *o,
			   const struct config_resource *r, const char *subject, const char *rto,
			   struct check_result *res)
{
	if (strcmp(r->kind, "elb-load-balancer") == 0) {
		const struct config_fact *z = config_fact_get(r, "AvailabilityZones");
		size_t zones = config_fact_list_count(z);
		char *path = fact_path(r, z, "AvailabilityZones");
		int ok = (int64_t)zones >= p->min_azs;
		finding_add(res, ok ? VERDICT_MET : VERDICT_NOT_MET, r->file, 0, c->id, subject,
			    ok ? CMSG(ctx->lang, AV_ELB_OK) : CMSG(ctx->lang, AV_ELB_FEW), c->id,
			    res_name(r), zones, zones == 1 ? "" : "s", path,
			    zones ? z->value : CMSG(ctx->lang, ABSENT));
		free(path);
		return 0;
	}
	if (strcmp(r->kind, "elb-target-group") == 0) {
		const struct config_fact *on = config_fact_get(r, "HealthCheckEnabled");
		char *path = fact_path(r, on, "HealthCheckEnabled");
		int64_t every = 0, after = 0;
		config_fact_int(config_fact_get(r, "HealthCheckIntervalSeconds"), 100000, &every);
		config_fact_int(config_fact_get(r, "UnhealthyThresholdCount"), 100000, &after);
		if (config_fact_bool(on) == 1)
			finding_add(res, VERDICT_MET, r->file, 0, c->id, subject, CMSG(ctx->lang, AV_TG_OK),
				    c->id, res_name(r), path,
				    fact_text(r, "HealthCheckPath") ? fact_text(r, "HealthCheckPath") : "-",
				    (long long)every, (long long)after);
		else
			finding_add(res, VERDICT_NOT_MET, r->file, 0, c->id, subject, CMSG(ctx->lang, AV_TG_NO),
				    c->id, res_name(r), path,
				    on && on->value ? on->value : CMSG(ctx->lang, ABSENT));
		free(path);
		return 0;
	}
	if (strcmp(r->kind, "elb-target-health") == 0) {
		const struct config_fact *st = config_fact_get(r, "TargetStates");
		const struct config_fact *z = config_fact_get(r, "HealthyTargetAZs");
		size_t zones = config_fact_list_count(z);
		int healthy = st && st->value && strcmp(st->value, "healthy") == 0;
		if (healthy && (int64_t)zones >= p->min_azs)
			finding_add(res, VERDICT_MET, r->file, 0, c->id, subject, CMSG(ctx->lang, AV_TH_OK),
				    c->id, o->disruption, rto, r->file, st->value, z->value);
		else
			finding_add(res, VERDICT_NOT_MET, r->file, 0, c->id, subject, CMSG(ctx->lang, AV_TH_NO),
				    c->id, o->disruption, rto, r->file, (long long)p->min_azs,
				    st && st->value && *st->value ? st->value : CMSG(ctx->lang, ABSENT),
				    zones ? z->value : CMSG(ctx->lang, ABSENT));
		return 1;
	}
	if (strcmp(r->kind, "ta-flagged-resource") == 0) {
		const char *status = fact_text(r, "status"), *check = fact_text(r, "checkId");
		const struct config_fact *meta = config_fact_get(r, "metadata");
		const char *region = fact_text(r, "region");
		int ok = status && strcmp(status, "ok") == 0;
		int suppressed = config_fact_bool(config_fact_get(r, "isSuppressed")) == 1;
		finding_add(res, ok ? VERDICT_MET : suppressed ? VERDICT_MANUAL : VERDICT_NOT_MET, r->file, 0,
			    c->id, subject,
			    ok ? CMSG(ctx->lang, TA_OK) : suppressed ? CMSG(ctx->lang, TA_SUPPRESSED)
								  : CMSG(ctx->lang, TA_FLAGGED),
			    c->id, check ? check : "?", res_name(r), status ? status : "?",
			    region ? region : "-", meta && meta->value ? meta->value : "", r->json_path);
		return 0;
	}
	return 0;
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
			{
				char *vpath = fact_path(r, config_fact_get(r, "VPCZoneIdentifier"),
							"VPCZoneIdentifier");
				if (fact_text(r, "VPCZoneIdentifier") && *fact_text(r, "VPCZoneIdentifier"))
					nat_per_az(ctx, c, r, fact_text(r, "VPCZoneIdentifier"), vpath,
						   subject, res);
				free(vpath);
			}
			free(zpath);
			free(hpath);
		} else if (strncmp(r->kind, "elb-", 4) == 0 || strcmp(r->kind, "ta-flagged-resource") == 0) {
			relevant += (size_t)lb_availability(ctx, p, c, o, r, subject, rto, res);
		} else if (strcmp(r->kind, "ecs-service") == 0) {
			relevant++;
			ecs_availability(ctx, p, c, o, r, subject, rto, res);
		} else if (strcmp(r->kind, "elasticache-replication-group") == 0) {
			relevant++;
			cache_availability(ctx, p, c, o, r, subject, rto, res);
		} else if (strcmp(r->kind, "efs-file-system") == 0 &&
			   fact_text(r, "AvailabilityZoneName")) {
			const struct config_fact *z = config_fact_get(r, "AvailabilityZoneName");
			relevant++;
			finding_add(res, VERDICT_NOT_MET, r->file, 0, c->id, subject,
				    CMSG(ctx->lang, AV_EFS_ONE_ZONE), c->id, o->disruption, rto,
				    res_name(r), z->json_path, z->value);
		} else if (strcmp(r->kind, "dynamodb-pitr") == 0 || strcmp(r->kind, "s3-versioning") == 0 ||
			   strcmp(r->kind, "dynamodb-table") == 0 || strcmp(r->kind, "efs-file-system") == 0) {
			relevant++;
			finding_add(res, VERDICT_MET, r->file, 0, c->id, subject,
				    CMSG(ctx->lang, AV_REGIONAL), c->id, o->disruption, rto, res_name(r));
		}
	}
	if (!relevant) {
		struct strbuf cmds = STRBUF_INIT;
		configs_needed(c, CONFIG_FOR_AZ, &cmds);
		finding_add(res, VERDICT_MANUAL, ctx->assessment_relpath, o->line, c->id, subject,
			    CMSG(ctx->lang, AV_CANNOT), c->id, o->disruption, rto, strbuf_str(&cmds),
			    (long long)p->min_azs, c->nr_resources ? "" : CMSG(ctx->lang, NO_RESOURCE));
		strbuf_release(&cmds);
	}
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
	res->summary = with_cannot(ctx, res, res->summary);
	return 0;
}
