/*
 * cmd_explain.c - `ftrkit explain FILE`: why a drill log is (or is not)
 * measured.  Every line a marker matched, as which event, with the time it
 * parsed and the zone it was read in (or "no time"), then the drill records
 * that result: date, outcome, recovery, data loss, and any doubt or problem.
 * English or Japanese (--lang ja).  The markers are the questionnaire's
 * (-q) plus the workspace's drill-markers.txt (-w) when it has one; times
 * without an offset are read in the workspace assessment's timezone, else
 * UTC, and said so.  Exit 0 when every record has a successful, measured
 * outcome, 1 otherwise, 2 on an input error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/datadir.h"
#include "base/error.h"
#include "base/hash.h"
#include "checks/checks.h"
#include "cli/commands.h"
#include "drills/drill_readers.h"
#include "drills/drill_sources.h"
#include "model/assessment.h"
#include "model/calendar.h"
#include "model/duration.h"
#include "model/questionnaire.h"
#include "base/banned.h"

struct explain_out {
	const char *lang;
	const char *zone;   /* the assumed zone, "+09:00" */
	size_t lines;
};

static int ja(const struct explain_out *o)
{
	return o->lang && !strcmp(o->lang, "ja");
}

/* The event names in Japanese (same order as drill_event_name). */
static const char *event_label(const struct explain_out *o, const char *event)
{
	static const char *const en[] = {
		"scenario", "drill-start", "drill-end", "outage-start", "detected",
		"service-restored", "component-restored", "recovery-point", "result-success",
		"result-failure", "data-loss",
	};
	static const char *const jp[] = {
		"シナリオ", "訓練開始", "訓練終了", "障害発生", "検知", "サービス復旧",
		"構成要素の復旧", "最終復旧可能時点", "結果: 成功", "結果: 失敗", "データ損失",
	};
	size_t i;
	if (!ja(o))
		return event;
	for (i = 0; i < sizeof(en) / sizeof(en[0]); i++)
		if (!strcmp(en[i], event))
			return jp[i];
	return event;
}

static void print_time(const struct explain_out *o, const struct timestamp *ts)
{
	char utc[32];
	timestamp_format_utc(ts->epoch, utc, sizeof(utc));
	if (ts->millis) {
		size_t n = strlen(utc);
		snprintf(utc + n - 1, sizeof(utc) - n + 1, ".%03dZ", ts->millis);
	}
	printf("%s", utc);
	if (ts->zone)
		printf(ja(o) ? " (%s)" : " (%s)", ts->zone);
	else if (!ts->has_offset)
		printf(ja(o) ? " (オフセットなし: %s とみなす)" : " (no offset: %s assumed)", o->zone);
	if (!ts->has_date)
		printf(ja(o) ? " [日付は前の行・見出し・ファイル名から]"
			     : " [date from an earlier line, a heading or the file name]");
}

/* drill_explain_fn: one matched line. */
static void explain_line(void *arg, long line, const char *event, const struct timestamp *ts,
			 const char *text, size_t len)
{
	struct explain_out *o = arg;
	o->lines++;
	printf("  %5ld  %-20s ", line, event_label(o, event));
	if (ts)
		print_time(o, ts);
	else
		printf("%s", ja(o) ? "時刻なし" : "no time");
	printf("\n         | %.*s\n", (int)(len > 160 ? 160 : len), text);
}

static void print_duration(const struct explain_out *o, const char *label, int has,
			   int64_t ms, int64_t seconds)
{
	char text[64];
	printf("    %s: ", label);
	if (!has) {
		printf("%s\n", ja(o) ? "未計測" : "not measured");
		return;
	}
	duration_format(seconds, o->lang, text, sizeof(text));
	printf("%s (%lld.%03lld s)\n", text, (long long)(ms / 1000), (long long)(ms % 1000));
}

static void print_records(const struct explain_out *o, const struct drill_set *set)
{
	size_t i;
	printf("%s\n", ja(o) ? "訓練記録:" : "drill records:");
	for (i = 0; i < set->nr; i++) {
		const struct drill_record *r = &set->items[i];
		char day[16] = "-";
		if (r->has_date)
			date_format(r->day, day, sizeof(day));
		printf("  #%zu  %s %ld  %s %s  %s %s  %s %s\n", i + 1, ja(o) ? "行" : "line", r->line,
		       ja(o) ? "日付" : "date", day, ja(o) ? "シナリオ" : "scenario",
		       r->scenario_named ? r->scenario_named : "-", ja(o) ? "結果" : "outcome",
		       drill_outcome_name(r->problem ? DRILL_UNKNOWN : r->outcome));
		print_duration(o, ja(o) ? "復旧時間" : "recovery", r->has_recovery, r->recovery_ms,
			       r->recovery_seconds);
		print_duration(o, ja(o) ? "データ損失" : "data loss", r->has_data_loss,
			       r->data_loss_ms, r->data_loss_seconds);
		if (r->doubt)
			printf("    %s: %s\n", ja(o) ? "判定不能" : "cannot judge", r->doubt);
		if (r->failure_note)
			printf("    %s: %s\n", ja(o) ? "失敗内容" : "what failed", r->failure_note);
		if (r->problem)
			printf("    %s: %s\n", ja(o) ? "読めません" : "unreadable", r->problem);
	}
}

/* Timezone of WORKSPACE/assessment.xml, when there is one; else "+00:00". */
static void workspace_zone(const char *dir, int *seconds, char zone[16])
{
	char *path = xasprintf("%s/assessment.xml", dir);
	struct assessment a;
	struct stat sb;
	*seconds = 0;
	snprintf(zone, 16, "+00:00");
	if (stat(path, &sb) == 0) {
		int quiet = error_quiet;
		error_quiet = 1;
		if (assessment_load(path, &a) == 0) {
			*seconds = a.tz_offset_seconds;
			if (a.timezone)
				snprintf(zone, 16, "%s", a.timezone);
			assessment_free(&a);
		}
		error_quiet = quiet;
	}
	free(path);
}

int cmd_explain(struct options *opt)
{
	struct questionnaire q;
	struct drill_markers m;
	struct drill_reader_ctx rc;
	struct drill_set set;
	struct workspace ws;
	struct explain_out o;
	char *qpath, *dir, *slash, zone[16];
	const char *file, *base;
	int ret = EXIT_INPUT, fd, markers = 0;
	size_t i;

	if (opt->argc != 1) {
		error("usage: ftrkit explain [-q QUESTIONNAIRE] [-w WORKSPACE] [--lang ja] FILE");
		return EXIT_INPUT;
	}
	file = opt->argv[0];
	qpath = opt->questionnaire ? xstrdup(opt->questionnaire) : default_questionnaire_path();
	if (questionnaire_load(qpath, checks_known, &q) < 0) {
		free(qpath);
		return EXIT_INPUT;
	}
	free(qpath);
	memset(&set, 0, sizeof(set));
	memset(&rc, 0, sizeof(rc));
	memset(&o, 0, sizeof(o));
	if (drill_markers_compile(&q.defaults, q.path, &m) < 0) {
		questionnaire_free(&q);
		return EXIT_INPUT;
	}
	/* the file is read as a one-file workspace: its folder, its name */
	dir = xstrdup(file);
	slash = strrchr(dir, '/');
	base = slash ? file + (slash - dir) + 1 : file;
	if (slash)
		*slash = '\0';
	else
		snprintf(dir, strlen(dir) + 1, ".");
	if (workspace_open(dir, &workspace_default_limits, &ws) < 0)
		goto out_dir;
	if (opt->workspace) {
		char *extra = xasprintf("%s/drill-markers.txt", opt->workspace);
		struct stat sb;
		if (stat(extra, &sb) == 0) {
			struct workspace mw;
			if (workspace_open(opt->workspace, &workspace_default_limits, &mw) < 0 ||
			    drill_markers_add_file(&m, &mw, "drill-markers.txt") < 0) {
				free(extra);
				goto out;
			}
			workspace_close(&mw);
			markers = 1;
		}
		free(extra);
	}
	o.lang = opt->lang;
	workspace_zone(opt->workspace ? opt->workspace : dir, &rc.ts.tz_offset_seconds, zone);
	o.zone = zone;
	rc.markers = &m;
	rc.ts.as_of_day = opt->as_of ? 0 : date_today();
	if (opt->as_of && date_parse(opt->as_of, &rc.ts.as_of_day) < 0) {
		error("--as-of '%s' is not YYYY-MM-DD", opt->as_of);
		goto out;
	}
	rc.export_max = DRILL_EXPORT_MAX;
	rc.lang = opt->lang;
	rc.explain = explain_line;
	rc.explain_arg = &o;
	printf(ja(&o) ? "%s: 一致した行 (時刻は UTC、オフセットのない時刻は %s とみなす%s)\n"
		      : "%s: matched lines (times in UTC; times without an offset read in %s%s)\n",
	       file, zone, markers ? (ja(&o) ? "、drill-markers.txt を追加" : ", plus drill-markers.txt")
				   : "");
	if (strlen(base) > 5 && !strcmp(base + strlen(base) - 5, ".json")) {
		if ((fd = workspace_open_file(&ws, base)) < 0)
			goto out;
		drill_read_json(fd, base, &rc, &set);
		close(fd);
	} else if (strlen(base) > 4 && !strcmp(base + strlen(base) - 4, ".xml")) {
		if ((fd = workspace_open_file(&ws, base)) < 0)
			goto out;
		drill_read_junit(fd, base, &rc, &set);
		close(fd);
	} else if (drill_read_text(&ws, base, &rc, &set) < 0) {
		goto out;
	}
	if (!o.lines)
		printf("  %s\n", ja(&o) ? "(一致した行はありません)" : "(no line matched)");
	print_records(&o, &set);
	ret = set.nr ? EXIT_ALL_MET : EXIT_FINDINGS;
	for (i = 0; i < set.nr; i++)
		if (set.items[i].problem || set.items[i].outcome != DRILL_SUCCESS ||
		    !set.items[i].has_recovery)
			ret = EXIT_FINDINGS;
out:
	workspace_close(&ws);
out_dir:
	free(dir);
	drill_set_free(&set);
	drill_markers_free(&m);
	questionnaire_free(&q);
	return ret;
}
