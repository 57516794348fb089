/*
 * test_drill_text.c - the free-text / Markdown drill log reader with the
 * shipped marker defaults: English and Japanese, CRLF, BOM, no final
 * newline, offsets, midnight, a service that never came back, bad UTF-8.
 */
#include "unit.h"
#include "drill_fixture.h"

#define JST (9 * 3600)

static int64_t utc(int y, unsigned m, unsigned d, int h, int mi, int s)
{
	return days_from_civil(y, m, d) * 86400 + h * 3600 + mi * 60 + s;
}

static const char english[] =
	"# DR drill log\n"
	"- Scenario: web-instance-failure\n"
	"2026-10-07T14:00:00+09:00 Drill started.\n"
	"2026-10-07T14:02:00+09:00 Last recoverable point: no state.\n"
	"2026-10-07T14:02:10+09:00 Outage start: terminated i-0a1b.\n"
	"2026-10-07T14:05:48+09:00 Service restored: InService.\n"
	"2026-10-07T14:10:00+09:00 Drill ended.\n"
	"Result: success.\n";

static void test_english_log(void **state)
{
	struct fixture *f = *state;
	struct drill_record *r = read_text(f, english);
	assert_non_null(r);
	assert_null(r->problem);
	assert_string_equal(r->scenario_named, "web-instance-failure");
	assert_int_equal(r->scenario_line, 2);
	assert_int_equal(r->started.line, 3);
	assert_int_equal(r->outage.line, 5);
	assert_int_equal(r->restored.line, 6);
	assert_int_equal(r->ended.line, 7);
	assert_int_equal(r->outcome, DRILL_SUCCESS);
	assert_int_equal(r->outcome_line, 8);
	assert_int_equal(r->has_recovery, 1);
	assert_int_equal(r->recovery_seconds, 218);
	assert_int_equal(r->has_data_loss, 1);
	assert_int_equal(r->data_loss_seconds, 10);
	assert_int_equal(r->tz_assumed, 0);
	assert_int_equal(r->day, days_from_civil(2026, 10, 7));
	assert_int_equal(r->outage.epoch, utc(2026, 10, 7, 5, 2, 10));
}

static void test_crlf_bom_no_final_newline(void **state)
{
	struct fixture *f = *state;
	const char log[] =
		"\xEF\xBB\xBF- Scenario: db-az\r\n"
		"2026-09-16T01:00:00Z Drill started\r\n"
		"2026-09-16T01:01:00Z Outage start\r\n"
		"2026-09-16T01:02:05Z Service restored\r\n"
		"2026-09-16T01:20:00Z Drill ended\r\n"
		"Result: success";
	struct drill_record *r = read_text(f, log);
	assert_null(r->problem);
	assert_string_equal(r->scenario_named, "db-az");
	assert_int_equal(r->recovery_seconds, 65);
	assert_int_equal(r->outcome, DRILL_SUCCESS);
	assert_int_equal(r->outcome_line, 6);
	/* 01:00Z is 10:00 in the assessment's +09:00: still the 16th */
	assert_int_equal(r->day, days_from_civil(2026, 9, 16));
}

static void test_japanese_across_midnight_assumed_zone(void **state)
{
	struct fixture *f = *state;
	const char log[] =
		"- シナリオ: api-instance-restart\n"
		"2026/10/02 23:40:00 訓練開始\n"
		"2026/10/02 23:45:00 最終復旧可能時点: 2026/10/02 23:44:30 (スナップショット)\n"
		"2026/10/02 23:50:00 障害発生: api-1 を停止\n"
		"2026/10/03 00:15:00 復旧完了: ヘルスチェック合格\n"
		"2026/10/03 00:30:00 訓練終了\n"
		"結果: 成功\n";
	struct drill_record *r = read_text(f, log);
	assert_null(r->problem);
	assert_string_equal(r->scenario_named, "api-instance-restart");
	assert_int_equal(r->recovery_seconds, 25 * 60);
	/* the time written after the marker wins over the line's own time */
	assert_int_equal(r->data_loss_seconds, 330);
	assert_int_equal(r->recovery_point.epoch, utc(2026, 10, 2, 14, 44, 30));
	assert_int_equal(r->tz_assumed, 1);
	assert_int_equal(r->tz_line, 2);
	assert_int_equal(r->day, days_from_civil(2026, 10, 2));
	assert_int_equal(r->outcome, DRILL_SUCCESS);
	assert_int_equal(r->ended.line, 6);
}

static void test_service_never_restored(void **state)
{
	struct fixture *f = *state;
	const char log[] =
		"Scenario: queue-az\n"
		"2026-09-10 14:00:00 Drill started\n"
		"2026-09-10 14:05:00 Outage start: broker stopped\n"
		"2026-09-10 15:05:00 still no consumers; escalated\n"
		"Result: failure\n";
	struct drill_record *r = read_text(f, log);
	assert_null(r->problem);
	assert_int_equal(r->outage.set, 1);
	assert_int_equal(r->restored.set, 0);
	assert_int_equal(r->has_recovery, 0);
	assert_int_equal(r->outcome, DRILL_FAILURE);
}

static void test_restored_before_outage_is_not_recovery(void **state)
{
	struct fixture *f = *state;
	const char log[] =
		"2026-09-10 13:00:00 Service restored (previous drill, copied by mistake)\n"
		"2026-09-10 14:05:00 Outage start\n"
		"2026-09-10 14:09:00 Service restored\n";
	struct drill_record *r = read_text(f, log);
	assert_int_equal(r->restored.line, 3);
	assert_int_equal(r->recovery_seconds, 240);
}

static void test_untimed_markers(void **state)
{
	struct fixture *f = *state;
	const char log[] = "Outage start: at some point\nService restored later\nResult: success\n";
	struct drill_record *r = read_text(f, log);
	assert_null(r->problem);
	assert_int_equal(r->outage.set, 0);
	assert_int_equal(r->outage.line, 1);
	assert_int_equal(r->restored.line, 2);
	assert_int_equal(r->has_recovery, 0);
	assert_int_equal(r->has_date, 0);
}

static void test_syslog_and_epoch_lines(void **state)
{
	struct fixture *f = *state;
	const char log[] =
		"2026-10-07T14:00:00+09:00 Drill started\n"
		"Oct  7 14:02:10 web-1 drill: Outage start\n"
		"1791349330 Service restored\n";
	struct drill_record *r = read_text(f, log);
	assert_int_equal(r->outage.epoch, utc(2026, 10, 7, 5, 2, 10));
	assert_int_equal(r->restored.epoch, 1791349330);
	assert_int_equal(r->recovery_seconds, 1791349330 - utc(2026, 10, 7, 5, 2, 10));
	/* the syslog time has no offset: it takes the log's own (+09:00 on line 1) */
	assert_int_equal(r->tz_assumed, 0);
}

static void test_unreadable_logs(void **state)
{
	struct fixture *f = *state;
	/* Shift_JIS "障害発生" */
	const char sjis[] = "2026/09/10 14:05:00 \x8f\xe1\x8a\x51\x94\xad\x90\xb6\n";
	const char gz[] = "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xff\xfe";
	struct drill_record *r;
	int rc = 0;
	/* Not text at all: an input error (issue 8) that fails the run. */
	error_quiet = 1;
	read_text_bytes(f, sjis, sizeof(sjis) - 1, &rc);
	assert_int_equal(rc, -1);
	read_text_bytes(f, gz, sizeof(gz) - 1, &rc);
	assert_int_equal(rc, -1);
	error_quiet = 0;
	/* Text, but not a drill log: a finding that says why. */
	r = read_text(f, "queue drill: broker was off for a while.\nresult: looked fine");
	assert_non_null(r);
	assert_non_null(r->problem);
	assert_non_null(strstr(r->problem, "no timestamp and no drill marker in 2 lines"));
	r = read_text(f, "");
	assert_non_null(r);
	assert_non_null(r->problem);
}

/* rc.lang = "ja": why a log cannot be read is written in Japanese. */
static void test_unreadable_logs_in_japanese(void **state)
{
	struct fixture *f = *state;
	struct drill_record *r;
	f->rc.lang = "ja";
	r = read_text(f, "queue drill: broker was off for a while.\nresult: looked fine");
	assert_non_null(r);
	assert_string_equal(r->problem, "2 行の中にタイムスタンプも訓練マーカーもありません。"
			    "ftrkit が読み取れる訓練記録ではありません");
	f->rc.lang = NULL;
	r = read_text(f, "queue drill: broker was off for a while.\nresult: looked fine");
	assert_non_null(strstr(r->problem, "no timestamp and no drill marker in 2 lines"));
}

static void test_marker_limit_is_reported(void **state)
{
	struct fixture *f = *state;
	struct pattern *keep = f->m.drill_end;
	char line[4096];
	struct drill_record *r;
	memset(line, 'a', sizeof(line) - 2);
	line[sizeof(line) - 2] = '\n';
	line[sizeof(line) - 1] = '\0';
	f->m.drill_end = pattern_compile("(*NO_START_OPT)(a+)+b", "marker-drill-end", "test", 1);
	assert_non_null(f->m.drill_end);
	r = read_text(f, line);
	assert_int_equal(r->limit_hit, 1);
	assert_int_equal(r->limit_line, 1);
	pattern_free(f->m.drill_end);
	f->m.drill_end = keep;
}

static void test_missing_marker_param_is_an_error(void **state)
{
	struct param_list empty = { NULL, 0, 0 };
	struct drill_markers m;
	(void)state;
	error_quiet = 1;
	assert_int_equal(drill_markers_compile(&empty, "q.xml", &m), -1);
	error_quiet = 0;
}

/* Ambiguity never passes: both outcomes offered, a placeholder, a marker
 * without a time; each makes the outcome unknown and says why. */
static void test_ambiguity_is_unknown(void **state)
{
	struct fixture *f = *state;
	struct drill_record *r;
	r = read_text(f, "2026-10-07T14:00:00Z Outage start\n2026-10-07T14:05:00Z Service restored\n"
			 "Result: success | failure.\n");
	assert_int_equal(r->outcome, DRILL_UNKNOWN);
	assert_int_equal(r->doubt_line, 3);
	assert_non_null(strstr(r->doubt, "offers both outcomes"));
	r = read_text(f, "<YYYY-MM-DD hh:mm> Outage start: <what was done>\n"
			 "2026-10-07T14:05:00Z Service restored\nResult: success\n");
	assert_int_equal(r->outcome, DRILL_UNKNOWN);
	assert_non_null(strstr(r->doubt, "placeholder '<YYYY-MM-DD hh:mm>'"));
	r = read_text(f, "2026-10-07T14:00:00Z Outage start\n2026-10-07T14:05:00Z Service restored\n"
			 "Result: TBD\n");
	assert_int_equal(r->outcome, DRILL_UNKNOWN);
	r = read_text(f, "2026-10-07T14:00:00Z 障害発生\n2026-10-07T14:05:00Z 復旧完了\n結果: 未記入\n");
	assert_int_equal(r->outcome, DRILL_UNKNOWN);
	assert_non_null(strstr(r->doubt, "未記入"));
	r = read_text(f, "2026-10-07T14:00:00Z Outage start\nService restored (time not noted)\n"
			 "Result: success\n");
	assert_int_equal(r->outcome, DRILL_UNKNOWN);
	assert_non_null(strstr(r->doubt, "line 2 marks service-restored but gives no time"));
	/* a filled-in log is not doubted */
	r = read_text(f, "2026-10-07T14:00:00Z Outage start\n2026-10-07T14:05:00Z Service restored\n"
			 "Result: success\n");
	assert_null(r->doubt);
	assert_int_equal(r->outcome, DRILL_SUCCESS);
}

/* Several drills in one log; a date header dates the time-only lines after
 * it; midnight rolls over; milliseconds are kept and rounded up. */
static void test_several_drills_and_dates(void **state)
{
	struct fixture *f = *state;
	struct drill_record *r;
	r = read_text(f, "## 2026-08-04\n09:05:00 outage start\n09:07:30.250 service restored\n"
			 "Result: success\n## 2026-08-18\n23:59:00 outage start\n00:01:00 service restored\n"
			 "Result: failure\n## 2026-08-20\n");
	assert_int_equal(f->set.nr, 2);
	assert_int_equal(r->day, days_from_civil(2026, 8, 4));
	assert_int_equal(r->recovery_ms, 150250);
	assert_int_equal(r->recovery_seconds, 151);
	assert_int_equal(r->outcome, DRILL_SUCCESS);
	r = &f->set.items[1];
	assert_int_equal(r->day, days_from_civil(2026, 8, 18));
	assert_int_equal(r->recovery_seconds, 120);
	assert_int_equal(r->outcome, DRILL_FAILURE);
	assert_int_equal(r->line, 6);
	/* a second drill start opens a second record */
	read_text(f, "2026-09-01T10:00:00Z drill started\n2026-09-01T10:01:00Z outage start\n"
		     "2026-09-01T10:02:00Z service restored\n2026-09-01T11:00:00Z drill started\n"
		     "2026-09-01T11:01:00Z outage start\n2026-09-01T11:09:00Z service restored\n");
	assert_int_equal(f->set.nr, 2);
	assert_int_equal(f->set.items[1].recovery_seconds, 480);
	/* time-only lines and no date at all: no time, nothing measured */
	r = read_text(f, "09:05:00 outage start\n09:07:30 service restored\n");
	assert_int_equal(r->has_recovery, 0);
}

/* One record from a log of a drill whose data loss is written as an amount
 * on the line `loss_line`, without a recovery point. */
static const struct drill_record *loss_log(struct fixture *f, const char *loss_line)
{
	char *log = xasprintf("- Scenario: db-pitr\n"
			      "2026-08-20T10:00:00+09:00 Drill started\n"
			      "2026-08-20T10:05:00+09:00 Outage start: bulk update\n"
			      "2026-08-20T11:08:00+09:00 Service restored\n"
			      "%s\n"
			      "Result: PASS\n", loss_line);
	const struct drill_record *r = read_text(f, log);
	free(log);
	assert_non_null(r);
	return r;
}

static void test_data_loss_written_as_an_amount(void **state)
{
	struct fixture *f = *state;
	static const struct {
		const char *line;
		int64_t seconds; /* -1: no data loss read from the line */
	} cases[] = {
		{ "Data loss: 3 minutes of writes", 180 },
		{ "| Data loss | ~2 min |", 120 },
		{ "**Data loss:** none", 0 },
		{ "Data loss window: 45s (last commit 10:04:15)", 45 },
		{ "RPO achieved: 0", 0 },
		{ "Measured RPO = 1 h 30 min", 5400 },
		{ "Data loss: 0 min 30 s", 30 },
		{ "Data loss: 0.5 min", 30 },
		{ "データ損失: 2分（最終書き込み 10:03）", 120 },
		{ "データ損失量：なし", 0 },
		{ "実績RPO: 1時間", 3600 },
		/* the objective, a plan, a placeholder, prose: never a measurement */
		{ "Expected data loss: none", -1 },
		{ "Target data loss: 1h", -1 },
		{ "Max data loss: 5 minutes", -1 },
		{ "目標データ損失: 1時間", -1 },
		{ "Data loss: <minutes>", -1 },
		{ "Data loss: TBD", -1 },
		{ "Data loss: N/A", -1 },
		{ "No data loss is expected in this scenario.", -1 },
		{ "Data loss objective (RPO): 1 hour", -1 },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct drill_record *r = loss_log(f, cases[i].line);
		if (cases[i].seconds < 0) {
			if (r->has_data_loss)
				fail_msg("'%s' read as data loss %lld s", cases[i].line,
					 (long long)r->data_loss_seconds);
			continue;
		}
		if (!r->has_data_loss || r->data_loss_seconds != cases[i].seconds)
			fail_msg("'%s': want %lld s, got %s %lld", cases[i].line,
				 (long long)cases[i].seconds, r->has_data_loss ? "" : "none",
				 (long long)r->data_loss_seconds);
		assert_int_equal(r->data_loss_line, 5);
		assert_int_equal(r->has_recovery, 1);
	}
}

/* A recovery point with a time wins over an amount written elsewhere. */
static void test_recovery_point_time_wins_over_amount(void **state)
{
	struct fixture *f = *state;
	const struct drill_record *r = read_text(f,
		"- Scenario: db-pitr\n"
		"2026-08-20T10:00:00+09:00 Drill started\n"
		"2026-08-20T10:05:00+09:00 Last recoverable point: 2026-08-20T10:01:00+09:00\n"
		"2026-08-20T10:05:00+09:00 Outage start\n"
		"2026-08-20T11:08:00+09:00 Service restored\n"
		"Data loss: none\n"
		"Result: PASS\n");
	assert_non_null(r);
	assert_int_equal(r->has_data_loss, 1);
	assert_int_equal(r->data_loss_seconds, 240);
	assert_int_equal(r->data_loss_line, 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_english_log),
		cmocka_unit_test(test_crlf_bom_no_final_newline),
		cmocka_unit_test(test_japanese_across_midnight_assumed_zone),
		cmocka_unit_test(test_service_never_restored),
		cmocka_unit_test(test_restored_before_outage_is_not_recovery),
		cmocka_unit_test(test_untimed_markers),
		cmocka_unit_test(test_syslog_and_epoch_lines),
		cmocka_unit_test(test_unreadable_logs),
		cmocka_unit_test(test_unreadable_logs_in_japanese),
		cmocka_unit_test(test_marker_limit_is_reported),
		cmocka_unit_test(test_missing_marker_param_is_an_error),
		cmocka_unit_test(test_ambiguity_is_unknown),
		cmocka_unit_test(test_several_drills_and_dates),
		cmocka_unit_test(test_data_loss_written_as_an_amount),
		cmocka_unit_test(test_recovery_point_time_wins_over_amount),
	};
	return cmocka_run_group_tests(tests, fixture_setup, fixture_teardown);
}
