/*
 * check_messages.h - the catalog of what the checks say: every finding
 * message and check summary, and the reasons the drill-log and
 * configuration readers give for an unreadable file (they end up quoted in
 * findings), keyed by a message id, with an English and a Japanese printf
 * format.  Subjects ("rto/az", "scenario X") are keys, not prose, and stay
 * English; so do error messages of exit 2 and parser messages quoted from
 * libxml2, SQLite or the cron parser.
 *
 * Each message NAME is two macros, CM_NAME_EN and CM_NAME_JA, and one row
 * in CHECK_MESSAGE_IDS.  A check writes
 *
 *     finding_add(res, VERDICT_NOT_MET, file, line, comp, subj,
 *                 CMSG(ctx->lang, RTO_OVER), c->id, o->disruption, rto, ceiling);
 *
 * CMSG() hands the English literal to cm_format(), whose format_arg
 * attribute makes the compiler check the caller's arguments against it
 * (-Wformat), exactly as for a literal.  The Japanese format may reorder
 * its arguments with positional conversions (%2$s) and skip an English
 * plural suffix with %N$.0s; test_check_messages.c parses both formats of
 * every id and fails unless they consume the same arguments with the same
 * types, so a translation can never misprint or crash.
 *
 * Messages without conversions are fragments (a word, a clause) that a
 * message takes as a %s argument.  Identifiers (component ids, file paths,
 * JSON paths, disruption types, AWS names) are never translated: they are
 * arguments.  Durations arrive already formatted in the reader's language.
 */
#ifndef FTRKIT_CHECK_MESSAGES_H
#define FTRKIT_CHECK_MESSAGES_H

#include "model/check_messages_configs.h"

/* ---- shared fragments ------------------------------------------------ */
#define CM_LIST_SEP_EN ", "
#define CM_LIST_SEP_JA "、"
#define CM_NONE_EN "none"
#define CM_NONE_JA "なし"
#define CM_CRITICAL_ADJ_EN "critical"
#define CM_CRITICAL_ADJ_JA "重要な"
#define CM_CRITICAL_ADJ_SP_EN "critical "
#define CM_CRITICAL_ADJ_SP_JA "重要な"
/* ": " before the partner's notes */
#define CM_NOTES_SEP_EN ": "
#define CM_NOTES_SEP_JA ": "

/* ---- objective-stated -------------------------------------------------- */
/* 1 component id, 2 "RPO" or "RTO" */
#define CM_OBJ_NONE_EN "%s: no objectives stated, so no %s"
#define CM_OBJ_NONE_JA "%1$s: 復旧目標が一つも記載されていないため、%2$s も記載されていません"
/* 1 component, 2 disruption, 3 "RPO"/"RTO" */
#define CM_OBJ_NOT_STATED_EN "%s (%s): %s not stated"
#define CM_OBJ_NOT_STATED_JA "%1$s (%2$s): %3$s が記載されていません"
/* 1 component, 2 disruption, 3 "RPO"/"RTO", 4 duration, 5 text as written */
#define CM_OBJ_STATED_EN "%s (%s): %s %s stated as '%s'"
#define CM_OBJ_STATED_JA "%1$s (%2$s): %3$s は %4$s と記載されています (記載: '%5$s')"
/* 1 CRITICAL_ADJ or "" */
#define CM_OBJ_NO_COMPONENTS_EN "no %s components declared"
#define CM_OBJ_NO_COMPONENTS_JA "%1$sコンポーネントが宣言されていません"
/* 1 CRITICAL_ADJ_SP or "" */
#define CM_OBJ_SUM_NONE_EN "no %scomponents in scope"
#define CM_OBJ_SUM_NONE_JA "対象となる%1$sコンポーネントがありません"
/* 1 "RPO"/"RTO", 2 stated, 3 objectives, 4 components, 5 CRITICAL_ADJ_SP or "", 6 plural */
#define CM_OBJ_SUM_EN "%s stated for %zu of %zu objectives of %zu %scomponent%s"
#define CM_OBJ_SUM_JA "%1$s の記載: %5$sコンポーネント %4$zu 件、目標 %3$zu 件中 %2$zu 件%6$.0s"

/* ---- rto-ceiling ------------------------------------------------------- */
/* 1 component, 2 disruption, 3 RTO, 4 ceiling */
#define CM_RTO_OVER_EN "%s (%s): RTO %s exceeds the %s ceiling"
#define CM_RTO_OVER_JA "%1$s (%2$s): RTO %3$sは上限 %4$sを超えています"
/* 1 component, 2 disruption, 3 RTO, 4 ceiling, 5 advisory target */
#define CM_RTO_ADVICE_EN "%s (%s): RTO %s is within the %s ceiling; advice: above %s, " \
	"while critical components should recover in minutes"
#define CM_RTO_ADVICE_JA "%1$s (%2$s): RTO %3$sは上限 %4$s以内です。助言: 目安の %5$sを超えています。" \
	"重要なコンポーネントは数分で復旧できることが望まれます"
#define CM_RTO_WITHIN_EN "%s (%s): RTO %s is within the %s ceiling"
#define CM_RTO_WITHIN_JA "%1$s (%2$s): RTO %3$sは上限 %4$s以内です"
/* 1 component, 2 ceiling */
#define CM_RTO_NONE_EN "%s: no RTO stated, so the %s ceiling cannot be shown"
#define CM_RTO_NONE_JA "%1$s: RTO が記載されていないため、上限 %2$s以内であることを示せません"
#define CM_NO_COMPONENTS_EN "no components in scope"
#define CM_NO_COMPONENTS_JA "対象となるコンポーネントがありません"
/* 1 over, 2 checked, 3 ceiling */
#define CM_RTO_SUM_OVER_EN "%zu of %zu RTOs exceed the %s ceiling"
#define CM_RTO_SUM_OVER_JA "RTO %2$zu 件のうち %1$zu 件が上限 %3$sを超えています"
/* 1 checked, 2 ceiling */
#define CM_RTO_SUM_OK_EN "all %zu RTOs within the %s ceiling"
#define CM_RTO_SUM_OK_JA "RTO %1$zu 件すべてが上限 %2$s以内です"

/* ---- statement-provided, partner-evidence ------------------------------ */
/* 1 control id */
#define CM_STMT_NONE_EN "%s is not answered in the assessment"
#define CM_STMT_NONE_JA "%1$s はアセスメントで回答されていません"
#define CM_STMT_SUM_NONE_EN "%s not answered"
#define CM_STMT_SUM_NONE_JA "%1$s は未回答です"
/* 1 status, 2 statement ref */
#define CM_STMT_OK_EN "answered as %s (statement %s)"
#define CM_STMT_OK_JA "%1$s と回答されています (記述 %2$s)"
/* 1 statement ref, 2 status */
#define CM_STMT_SUM_OK_EN "answered in the assessment (%s: %s)"
#define CM_STMT_SUM_OK_JA "アセスメントで回答されています (%1$s: %2$s)"
/* 1 NOTES_SEP or "", 2 notes or "" */
#define CM_EVID_NA_EN "declared not applicable%s%s"
#define CM_EVID_NA_JA "対象外と申告されています%1$s%2$s"
#define CM_EVID_SUM_NA_EN "declared not applicable"
#define CM_EVID_SUM_NA_JA "対象外と申告されています"
/* 1 control id */
#define CM_EVID_NONE_EN "no evidence referenced for %s; point at the documents a reviewer should read"
#define CM_EVID_NONE_JA "%1$s のエビデンスが参照されていません。レビュー担当者が確認すべき文書を指定してください"
#define CM_EVID_SUM_NONE_EN "no evidence referenced"
#define CM_EVID_SUM_NONE_JA "エビデンスが参照されていません"
/* 1 path, 2 sha256 */
#define CM_EVID_JUDGE_EN "a reviewer must judge %s (sha256 %.12s…)"
#define CM_EVID_JUDGE_JA "%1$s はレビュー担当者による判断が必要です (sha256 %2$.12s…)"
/* 1 documents, 2 plural */
#define CM_EVID_SUM_EN "judged by a person: %zu document%s referenced"
#define CM_EVID_SUM_JA "担当者による判断: 参照文書 %1$zu 件%2$.0s"

/* ---- drill checks: shared -------------------------------------------- */
/* 1 timezone, 2 line */
#define CM_DRILL_TZ_EN " (times without an offset read in the assessment's timezone %s, first at line %ld)"
#define CM_DRILL_TZ_JA " (オフセットのない時刻はアセスメントのタイムゾーン %1$s として解釈しました。最初の該当は %2$ld 行目)"
#define CM_NO_SCENARIO_EN "no DR scenario is declared"
#define CM_NO_SCENARIO_JA "DR シナリオが宣言されていません"
/* 1 disruption filter */
#define CM_NO_SCENARIO_FOR_EN "no DR scenario for disruption %s is declared"
#define CM_NO_SCENARIO_FOR_JA "障害の種類 %1$s の DR シナリオが宣言されていません"
#define CM_SUM_NO_SCENARIO_EN "no scenario in scope"
#define CM_SUM_NO_SCENARIO_JA "対象となるシナリオがありません"
#define CM_OUTCOME_SUCCESS_EN "success"
#define CM_OUTCOME_SUCCESS_JA "成功"
#define CM_OUTCOME_FAILURE_EN "failure"
#define CM_OUTCOME_FAILURE_JA "失敗"
#define CM_OUTCOME_UNKNOWN_EN "unknown"
#define CM_OUTCOME_UNKNOWN_JA "不明"

/* ---- scenario-drilled -------------------------------------------------- */
/* 1 scenario */
#define CM_DRILL_NO_LOG_EN "scenario %s has no drill log: it has not been tested"
#define CM_DRILL_NO_LOG_JA "シナリオ %1$s は訓練されていません (訓練記録がありません)"
/* 1 file, 2 problem */
#define CM_DRILL_UNREADABLE_EN "drill log %s cannot be read: %s"
#define CM_DRILL_UNREADABLE_JA "訓練記録 %1$s を読み取れません: %2$s"
/* 1 file, 2 line */
#define CM_DRILL_LIMIT_EN "drill log %s: a marker pattern hit its match limit on line %ld; that line was not understood"
#define CM_DRILL_LIMIT_JA "訓練記録 %1$s: %2$ld 行目でマーカーのパターンが照合上限に達したため、その行は解釈されていません"
/* 1 scenario, 2 date, 3 source, 4 outcome, 5 DRILL_TZ or "" */
#define CM_DRILL_DONE_EN "scenario %s drilled on %s (%s, outcome %s)%s"
#define CM_DRILL_DONE_JA "シナリオ %1$s は %2$s に訓練されました (%3$s、結果: %4$s)%5$s"
/* 1 scenario, 2 source, 3 outcome, 4 DRILL_TZ or "" */
#define CM_DRILL_DONE_UNDATED_EN "scenario %s drilled (undated) (%s, outcome %s)%s"
#define CM_DRILL_DONE_UNDATED_JA "シナリオ %1$s は訓練されました (日付なし) (%2$s、結果: %3$s)%4$s"
/* 1 scenario, 2 logs, 3 plural */
#define CM_DRILL_NONE_READABLE_EN "scenario %s: none of its %zu drill log%s can be read"
#define CM_DRILL_NONE_READABLE_JA "シナリオ %1$s: 訓練記録 %2$zu 件のいずれも読み取れません%3$.0s"
/* 1 drilled, 2 scenarios, 3 plural */
#define CM_DRILL_SUM_EN "%zu of %zu scenario%s drilled"
#define CM_DRILL_SUM_JA "シナリオ %2$zu 件のうち %1$zu 件が訓練済みです%3$.0s"

/* ---- drill-current ----------------------------------------------------- */
#define CM_LIMIT_CADENCE_EN "cadence"
#define CM_LIMIT_CADENCE_JA "訓練周期"
#define CM_LIMIT_MAX_AGE_EN "max-age"
#define CM_LIMIT_MAX_AGE_JA "最大経過期間 (max-age)"
/* 1 file, 2 its date, 3 as-of date */
#define CM_CUR_FUTURE_EN "drill log %s is dated %s, after the assessment date %s"
#define CM_CUR_FUTURE_JA "訓練記録 %1$s の日付 %2$s は評価基準日 %3$s より後です"
/* 1 scenario, 2 date, 3 outcome */
#define CM_CUR_NO_SUCCESS_LATEST_EN "scenario %s has no successful drill: the latest, on %s, has outcome %s"
#define CM_CUR_NO_SUCCESS_LATEST_JA "シナリオ %1$s には成功した訓練がありません。直近 (%2$s) の訓練の結果は「%3$s」です"
/* 1 scenario */
#define CM_CUR_NO_SUCCESS_EN "scenario %s has no successful, dated drill"
#define CM_CUR_NO_SUCCESS_JA "シナリオ %1$s には日付のある成功した訓練がありません"
/* 1 scenario, 2 last success, 3 LIMIT_*, 4 its text, 5 due date, 6 days late,
 * 7 plural, 8 as-of date, 9 DRILL_TZ or "" */
#define CM_CUR_OVERDUE_EN "scenario %s is overdue: latest successful drill %s, %s %s made it due %s, %lld day%s before %s%s"
#define CM_CUR_OVERDUE_JA "シナリオ %1$s は期限を超過しています: 最後に成功した訓練は %2$s で、%3$s %4$s により期限は %5$s でした (評価基準日 %8$s の %6$lld 日前)%7$.0s%9$s"
/* 1 scenario, 2 last success, 3 change date, 4 change text */
#define CM_CUR_BEFORE_CHANGE_EN "scenario %s: latest successful drill %s precedes the major change of %s (%s)"
#define CM_CUR_BEFORE_CHANGE_JA "シナリオ %1$s: 最後に成功した訓練 (%2$s) は %3$s の大規模変更 (%4$s) より前です"
#define CM_AFTER_CHANGE_EN " and after the latest major change"
#define CM_AFTER_CHANGE_JA "。直近の大規模変更より後に実施されています"
/* 1 scenario, 2 last success, 3 LIMIT_*, 4 its text, 5 due date, 6 AFTER_CHANGE or "", 7 DRILL_TZ or "" */
#define CM_CUR_OK_EN "scenario %s: latest successful drill %s, within its %s (%s) until %s%s%s"
#define CM_CUR_OK_JA "シナリオ %1$s: 最後に成功した訓練は %2$s で、%3$s (%4$s) の範囲内です (期限 %5$s)%6$s%7$s"
/* 1 current, 2 scenarios, 3 plural */
#define CM_CUR_SUM_EN "%zu of %zu scenario%s drilled within cadence"
#define CM_CUR_SUM_JA "シナリオ %2$zu 件のうち %1$zu 件が訓練周期内に訓練されています%3$.0s"

/* ---- drill-within-objectives ------------------------------------------- */
#define CM_NOREC_NO_OUTAGE_EN "no outage start found (marker-outage-start)"
#define CM_NOREC_NO_OUTAGE_JA "障害開始が見つかりません (marker-outage-start)"
#define CM_NOREC_OUTAGE_NO_TIME_EN "the outage start line carries no time"
#define CM_NOREC_OUTAGE_NO_TIME_JA "障害開始の行に時刻がありません"
#define CM_NOREC_RESTORED_NO_TIME_EN "the service-restored line carries no time"
#define CM_NOREC_RESTORED_NO_TIME_JA "サービス復旧の行に時刻がありません"
#define CM_NOREC_NEVER_RESTORED_EN "the service was never restored after the outage start"
#define CM_NOREC_NEVER_RESTORED_JA "障害開始の後にサービスの復旧が記録されていません"
#define CM_NOREC_BACKWARDS_EN "service restored is earlier than the outage start"
#define CM_NOREC_BACKWARDS_JA "サービス復旧の時刻が障害開始より前です"
/* 1 scenario */
#define CM_WITHIN_NO_DRILL_EN "scenario %s: no readable, dated drill to measure recovery from"
#define CM_WITHIN_NO_DRILL_JA "シナリオ %1$s: 復旧時間を計測できる、読み取り可能で日付のある訓練がありません"
/* 1 scenario, 2 date, 3 outcome */
#define CM_WITHIN_NO_SUCCESS_EN "scenario %s: no successful drill; the latest (%s) has outcome %s"
#define CM_WITHIN_NO_SUCCESS_JA "シナリオ %1$s: 成功した訓練がありません。直近 (%2$s) の訓練の結果は「%3$s」です"
/* 1 scenario, 2 component, 3 disruption */
#define CM_WITHIN_NO_RTO_EN "scenario %s: component %s states no RTO for disruption %s to compare the drill with"
#define CM_WITHIN_NO_RTO_JA "シナリオ %1$s: コンポーネント %2$s に障害の種類 %3$s の RTO が記載されていないため、訓練と比較できません"
/* 1 scenario, 2 date, 3 NOREC_* */
#define CM_WITHIN_NOT_MEASURED_EN "scenario %s: recovery time not measured in the drill of %s: %s"
#define CM_WITHIN_NOT_MEASURED_JA "シナリオ %1$s: %2$s の訓練で復旧時間が計測されていません: %3$s"
/* 1 scenario, 2 measured, 3 outage line, 4 restored line, 5 date, 6 RTO, 7 DRILL_TZ or "" */
#define CM_WITHIN_RTO_OVER_EN "scenario %s: measured recovery %s (outage start line %ld -> service restored line %ld, drill of %s) exceeds the stated RTO %s%s"
#define CM_WITHIN_RTO_OVER_JA "シナリオ %1$s: 実測復旧時間 %2$s (障害開始 %3$ld 行目 → サービス復旧 %4$ld 行目、%5$s の訓練) は記載された RTO %6$sを超えています%7$s"
#define CM_WITHIN_RTO_OK_EN "scenario %s: measured recovery %s (outage start line %ld -> service restored line %ld, drill of %s) is within the stated RTO %s%s"
#define CM_WITHIN_RTO_OK_JA "シナリオ %1$s: 実測復旧時間 %2$s (障害開始 %3$ld 行目 → サービス復旧 %4$ld 行目、%5$s の訓練) は記載された RTO %6$s以内です%7$s"
/* 1 scenario, 2 measured, 3 recovery-point line, 4 outage line, 5 RPO, 6 DRILL_TZ or "" */
#define CM_WITHIN_RPO_OVER_EN "scenario %s: measured data loss %s (last recoverable point line %ld -> outage start line %ld) exceeds the stated RPO %s%s"
#define CM_WITHIN_RPO_OVER_JA "シナリオ %1$s: 実測データ損失 %2$s (最終復旧可能時点 %3$ld 行目 → 障害開始 %4$ld 行目) は記載された RPO %5$sを超えています%6$s"
#define CM_WITHIN_RPO_OK_EN "scenario %s: measured data loss %s (last recoverable point line %ld -> outage start line %ld) is within the stated RPO %s%s"
#define CM_WITHIN_RPO_OK_JA "シナリオ %1$s: 実測データ損失 %2$s (最終復旧可能時点 %3$ld 行目 → 障害開始 %4$ld 行目) は記載された RPO %5$s以内です%6$s"
#define CM_RP_NO_TIME_EN "the last recoverable point carries no time"
#define CM_RP_NO_TIME_JA "最終復旧可能時点に時刻がありません"
#define CM_RP_NO_MARKER_EN "no last recoverable point (marker-recovery-point)"
#define CM_RP_NO_MARKER_JA "最終復旧可能時点がありません (marker-recovery-point)"
/* 1 scenario, 2 date, 3 RP_NO_TIME or RP_NO_MARKER, 4 disruption */
#define CM_WITHIN_LOSS_UNMEASURED_EN "scenario %s: data loss not measured in the drill of %s (%s); a %s drill must show the last recoverable point and the outage start"
#define CM_WITHIN_LOSS_UNMEASURED_JA "シナリオ %1$s: %2$s の訓練でデータ損失が計測されていません (%3$s)。%4$s の訓練では最終復旧可能時点と障害開始を示す必要があります"
/* 1 within, 2 scenarios, 3 plural */
#define CM_WITHIN_SUM_EN "%zu of %zu scenario%s recovered within RTO and RPO"
#define CM_WITHIN_SUM_JA "シナリオ %2$zu 件のうち %1$zu 件が RTO と RPO の範囲内で復旧しています%3$.0s"

/* ---- drill-coverage ---------------------------------------------------- */
/* 1-2 label (precision, text), 3 scenario, 4 date */
#define CM_COV_OK_EN "%.*s covered by scenario %s (successful drill of %s)"
#define CM_COV_OK_JA "%2$.*1$s はシナリオ %3$s で確認済みです (%4$s の成功した訓練)"
/* 1-2 label, 3-4 disruptions */
#define CM_COV_MISSING_EN "%.*s is not covered: no successful drill of a scenario with disruption %.*s"
#define CM_COV_MISSING_JA "%2$.*1$s は確認されていません: 障害の種類 %4$.*3$s のシナリオに成功した訓練がありません"
/* 1 scenario, 2 line */
#define CM_WITHIN_LOSS_STATED_OVER_EN "scenario %s: data loss %s as written in the drill log (line %ld) exceeds the stated RPO %s%s"
#define CM_WITHIN_LOSS_STATED_OVER_JA "シナリオ %1$s: 訓練ログに記載されたデータ損失 %2$s (%3$ld 行目) は記載された RPO %4$sを超えています%5$s"
#define CM_WITHIN_LOSS_STATED_OK_EN "scenario %s: data loss %s as written in the drill log (line %ld) is within the stated RPO %s%s"
#define CM_WITHIN_LOSS_STATED_OK_JA "シナリオ %1$s: 訓練ログに記載されたデータ損失 %2$s (%3$ld 行目) は記載された RPO %4$s以内です%5$s"
#define CM_COV_LOSS_STATED_OK_EN "data loss measured by scenario %s (written as an amount, line %ld)"
#define CM_COV_LOSS_STATED_OK_JA "データ損失はシナリオ %1$s で計測されています (量として記載, %2$ld 行目)"
#define CM_COV_LOSS_OK_EN "data loss measured by scenario %s (last recoverable point line %ld)"
#define CM_COV_LOSS_OK_JA "データ損失はシナリオ %1$s で計測されています (最終復旧可能時点 %2$ld 行目)"
#define CM_COV_LOSS_MISSING_EN "no successful drill measures data loss (a last recoverable point and an outage start)"
#define CM_COV_LOSS_MISSING_JA "データ損失 (最終復旧可能時点と障害開始) を計測した成功した訓練がありません"
/* 1 covered, 2 groups */
#define CM_COV_SUM_EN "%zu of %zu required test kinds covered"
#define CM_COV_SUM_JA "必要な訓練の種類 %2$zu 件のうち %1$zu 件を確認済みです"

/* ---- drill-log-complete ------------------------------------------------ */
#define CM_FIELD_DATE_EN "date"
#define CM_FIELD_DATE_JA "日付"
#define CM_FIELD_SCENARIO_EN "scenario"
#define CM_FIELD_SCENARIO_JA "シナリオ"
#define CM_FIELD_START_EN "start"
#define CM_FIELD_START_JA "開始時刻"
#define CM_FIELD_END_EN "end"
#define CM_FIELD_END_JA "終了時刻"
#define CM_FIELD_OUTCOME_EN "outcome"
#define CM_FIELD_OUTCOME_JA "結果"
/* 1 file, 2 problem */
#define CM_LOG_UNREADABLE_EN "drill log %s cannot be read, so it cannot show the drill: %s"
#define CM_LOG_UNREADABLE_JA "訓練記録 %1$s を読み取れないため、訓練を示せません: %2$s"
/* 1 file */
#define CM_LOG_UNDATED_EN "drill log %s has no dated time: it cannot be ordered or trusted as the most recent test"
#define CM_LOG_UNDATED_JA "訓練記録 %1$s には日付のある時刻がないため、順序付けできず、直近の訓練の記録とはみなせません"
/* 1 scenario */
#define CM_LOG_NONE_EN "scenario %s: no log of its most recent test is provided"
#define CM_LOG_NONE_JA "シナリオ %1$s: 直近の訓練の記録が提供されていません"
/* 1 file, 2 named scenario, 3 scenario */
#define CM_LOG_WRONG_SCENARIO_EN "drill log %s names scenario '%s' but is listed under scenario %s"
#define CM_LOG_WRONG_SCENARIO_JA "訓練記録 %1$s にはシナリオ '%2$s' と記載されていますが、シナリオ %3$s の記録として登録されています"
/* 1 file, 2 date, 3 FIELD_* list */
#define CM_LOG_INCOMPLETE_EN "most recent drill log %s (%s) is incomplete: it lacks %s"
#define CM_LOG_INCOMPLETE_JA "直近の訓練記録 %1$s (%2$s) は不完全です: %3$s がありません"
/* 1 file, 2 date, 3 start line, 4 end line, 5 outcome, 6 outcome line */
#define CM_LOG_COMPLETE_EN "most recent drill log %s (%s) is complete: date, scenario, start (line %ld), end (line %ld), outcome %s (line %ld)"
#define CM_LOG_COMPLETE_JA "直近の訓練記録 %1$s (%2$s) はすべての項目を備えています: 日付、シナリオ、開始時刻 (%3$ld 行目)、終了時刻 (%4$ld 行目)、結果「%5$s」(%6$ld 行目)"
/* 1 complete, 2 scenarios */
#define CM_LOG_SUM_EN "%zu of %zu most recent drill logs complete"
#define CM_LOG_SUM_JA "直近の訓練記録 %2$zu 件のうち %1$zu 件がすべての項目を備えています"

/* ---- configs-readable -------------------------------------------------- */
#define CM_CFG_NONE_EN "no exported configurations are listed under <configs>: export e.g. " \
	"'aws rds describe-db-clusters', 'aws backup get-backup-plan' and list the files"
#define CM_CFG_NONE_JA "<configs> にエクスポートされた構成が記載されていません: " \
	"'aws rds describe-db-clusters' や 'aws backup get-backup-plan' などでエクスポートし、そのファイルを記載してください"
#define CM_CFG_SUM_NONE_EN "no exported configurations"
#define CM_CFG_SUM_NONE_JA "エクスポートされた構成がありません"
/* 1 file, 2 problem */
#define CM_CFG_UNREADABLE_EN "%s cannot be read: %s"
#define CM_CFG_UNREADABLE_JA "%1$s を読み取れません: %2$s"
/* 1 file, 2 top-level keys or NONE */
#define CM_CFG_UNKNOWN_EN "no reader understands %s (top-level keys: %s): listed as unrecognised; " \
	"a reviewer must judge it"
#define CM_CFG_UNKNOWN_JA "%1$s を解釈できるリーダーがありません (最上位のキー: %2$s)。未認識として記載しています。" \
	"レビュー担当者による判断が必要です"
/* 1 file, 2 export, 3 JSON path, 4 problem */
#define CM_CFG_PROBLEM_EN "%s (%s export) at %s: %s"
#define CM_CFG_PROBLEM_JA "%1$s (%2$s のエクスポート) の %3$s: %4$s"
#define CM_CFG_NO_COMPONENT_EN "no component"
#define CM_CFG_NO_COMPONENT_JA "コンポーネントなし"
/* 1 file, 2 export, 3 resources, 4 plural, 5 list */
#define CM_CFG_READ_EN "%s: '%s' export, %zu resource%s: %s"
#define CM_CFG_READ_JA "%1$s: '%2$s' のエクスポート、リソース %3$zu 件%4$.0s: %5$s"
/* 1 file */
#define CM_CFG_UNLISTED_EN "%s is in the workspace but not listed under <configs>, so it was not read"
#define CM_CFG_UNLISTED_JA "%1$s はワークスペースにありますが、<configs> に記載されていないため読み込んでいません"
#define CM_CFG_WITH_PROBLEMS_EN ", with problems"
#define CM_CFG_WITH_PROBLEMS_JA " (問題あり)"
#define CM_CFG_SOME_UNKNOWN_EN ", some unrecognised"
#define CM_CFG_SOME_UNKNOWN_JA " (一部は未認識)"
/* 1 read, 2 files, 3 CFG_WITH_PROBLEMS or "", 4 CFG_SOME_UNKNOWN or "" */
#define CM_CFG_SUM_EN "%zu of %zu exported configurations read%s%s"
#define CM_CFG_SUM_JA "エクスポートされた構成 %2$zu 件のうち %1$zu 件を読み込みました%3$s%4$s"

/* ---- config-recovery-points: what each source gives -------------------- */
#define CM_EXPECT_DAYS_EN "a whole number of days"
#define CM_EXPECT_DAYS_JA "日数 (整数)"
#define CM_EXPECT_MINUTES_EN "a whole number of minutes"
#define CM_EXPECT_MINUTES_JA "分数 (整数)"
#define CM_EXPECT_PITR_EN "ENABLED or DISABLED"
#define CM_EXPECT_PITR_JA "ENABLED または DISABLED"
#define CM_EXPECT_VERSIONING_EN "Enabled or Suspended"
#define CM_EXPECT_VERSIONING_JA "Enabled または Suspended"
#define CM_EXPECT_SCHEDULE_EN "a cron() or rate() expression"
#define CM_EXPECT_SCHEDULE_JA "cron() または rate() 式"
/* 1 resource, 2 retention, 3 JSON path, 4 days, 5 minimum */
#define CM_RP_RETENTION_EN "%s keeps recovery points for %s only (%s = %lld), below the %s minimum"
#define CM_RP_RETENTION_JA "%1$s の復旧ポイントの保持期間は %2$sのみ (%3$s = %4$lld) で、最小値 %5$sを下回っています"
/* 1 resource, 2 JSON path, 3 type, 4 value, 5 EXPECT_* */
#define CM_RP_BAD_VALUE_EN "%s: %s is %s '%s', not %s"
#define CM_RP_BAD_VALUE_JA "%1$s: %2$s は %3$s '%4$s' で、%5$s ではありません"
/* 1 resource, 2 JSON path */
#define CM_RP_MISSING_EN "%s: %s is missing from the export"
#define CM_RP_MISSING_JA "%1$s: エクスポートに %2$s がありません"
#define CM_RP_RDS_OFF_EN "%s: automated backups are off (%s = 0): no point-in-time recovery " \
	"and no automatic snapshots"
#define CM_RP_RDS_OFF_JA "%1$s: 自動バックアップが無効です (%2$s = 0)。ポイントインタイムリカバリも自動スナップショットもありません"
#define CM_LATEST_RESTORABLE_EN ", LatestRestorableTime "
#define CM_LATEST_RESTORABLE_JA "、LatestRestorableTime "
/* 1 resource, 2 JSON path, 3 days, 4 granularity, 5 LATEST_RESTORABLE or "", 6 its value or "" */
#define CM_RP_RDS_PITR_EN "point-in-time recovery of %s (%s = %lld days; restorable to within %s%s%s)"
#define CM_RP_RDS_PITR_JA "%1$s のポイントインタイムリカバリ (%2$s = %3$lld 日。%4$s以内の時点に復元可能%5$s%6$s)"
/* 1 resource, 2 JSON path */
#define CM_RP_RDS_DELETION_EN "%s: DeletionProtection is not on (%s): the database itself can be deleted by mistake"
#define CM_RP_RDS_DELETION_JA "%1$s: DeletionProtection が有効ではありません (%2$s)。データベース自体が誤って削除されるおそれがあります"
/* 1 table, 2 status, 3 JSON path */
#define CM_RP_DDB_OFF_EN "point-in-time recovery of table %s is %s (%s)"
#define CM_RP_DDB_OFF_JA "テーブル %1$s のポイントインタイムリカバリは %2$s です (%3$s)"
/* 1 table, 2 JSON path, 3 granularity */
#define CM_RP_DDB_ON_EN "point-in-time recovery of table %s (%s = ENABLED; restorable to within %s)"
#define CM_RP_DDB_ON_JA "テーブル %1$s のポイントインタイムリカバリ (%2$s = ENABLED。%3$s以内の時点に復元可能)"
/* 1 bucket, 2 JSON path */
#define CM_RP_S3_ON_EN "versioning of bucket %s (%s = Enabled): every overwritten or deleted object keeps its previous version"
#define CM_RP_S3_ON_JA "バケット %1$s のバージョニング (%2$s = Enabled): 上書きまたは削除されたオブジェクトはすべて以前のバージョンが保持されます"
/* 1 bucket, 2 JSON path, 3 component, 4 disruption, 5 RPO */
#define CM_RP_S3_SUSPENDED_EN "versioning of bucket %s is Suspended (%s): objects deleted or overwritten " \
	"from now on cannot be recovered; %s needs it for its %s objective (RPO %s)"
#define CM_RP_S3_SUSPENDED_JA "バケット %1$s のバージョニングは Suspended です (%2$s)。今後削除または上書きされるオブジェクトは復旧できません。" \
	"%3$s の %4$s の目標 (RPO %5$s) にはバージョニングが必要です"
/* 1 bucket, 2 component, 3 disruption, 4 RPO */
#define CM_RP_S3_NEVER_EN "versioning of bucket %s was never enabled (no $.Status in the export); " \
	"%s needs it for its %s objective (RPO %s)"
#define CM_RP_S3_NEVER_JA "バケット %1$s のバージョニングは一度も有効化されていません (エクスポートに $.Status がありません)。" \
	"%2$s の %3$s の目標 (RPO %4$s) にはバージョニングが必要です"
/* 1 rule, 2 JSON path, 3 expression, 4 why */
#define CM_RP_RULE_BAD_EN "backup rule %s: %s '%s': %s"
#define CM_RP_RULE_BAD_JA "バックアップルール %1$s: %2$s '%3$s': %4$s"
/* 1 rule, 2 JSON path, 3 expression, 4 date */
#define CM_RP_RULE_NEVER_EN "backup rule %s: %s '%s' never runs after %s"
#define CM_RP_RULE_NEVER_JA "バックアップルール %1$s: %2$s '%3$s' は %4$s 以降一度も実行されません"
#define CM_RP_RULE_ENDS_EN "backup rule %s: %s '%s' stops running after %s"
#define CM_RP_RULE_ENDS_JA "バックアップルール %1$s: %2$s '%3$s' は %4$s 以降実行されなくなります"
#define CM_AWS_DEFAULT_EN ", the AWS default"
#define CM_AWS_DEFAULT_JA " (AWS の既定値)"
/* 1 rule, 2 JSON path, 3 expression, 4 gap, 5 worst start, 6 window, 7 AWS_DEFAULT or "" */
#define CM_RP_RULE_EN "backup rule %s (%s = %s: runs at most %s apart, worst from %s, plus a %s start window%s)"
#define CM_RP_RULE_JA "バックアップルール %1$s (%2$s = %3$s: 実行間隔は最大 %4$s (最長は %5$s から)、これに開始ウィンドウ %6$s%7$s が加わります)"
/* 1 rule, 2 JSON path, 3 granularity */
#define CM_RP_CONTINUOUS_EN "continuous backup of backup rule %s (%s = true; restorable to within %s)"
#define CM_RP_CONTINUOUS_JA "バックアップルール %1$s の継続的バックアップ (%2$s = true。%3$s以内の時点に復元可能)"
/* 1 Region, 2 JSON path, 3 RP_RULE text */
#define CM_RP_COPY_EN "copies to %s (%s): %s"
#define CM_RP_COPY_JA "%1$s へのコピー (%2$s): %3$s"
/* 1 bucket, 2 disruption, 3 RPO */
#define CM_RP_NO_VERSIONING_EXPORT_EN "bucket %s: no 's3api get-bucket-versioning' export (file named after " \
	"the bucket) shows versioning, which the %s objective (RPO %s) needs"
#define CM_RP_NO_VERSIONING_EXPORT_JA "バケット %1$s: バージョニングを示す 's3api get-bucket-versioning' のエクスポート" \
	" (バケット名のファイル) がありません。%2$s の目標 (RPO %3$s) にはバージョニングが必要です"

/* ---- config-recovery-points: judgement ---------------------------------- */
#define CM_RP_NOT_NEEDED_EN "; not needed, another source meets the RPO"
#define CM_RP_NOT_NEEDED_JA "。他の仕組みで RPO を満たしているため必須ではありません"
#define CM_RP_NEEDED_EN "; needed: nothing else meets the RPO"
#define CM_RP_NEEDED_JA "。他に RPO を満たす仕組みがないため必要です"
#define CM_RP_TOO_SPARSE_EN ": too sparse for the RPO on its own"
#define CM_RP_TOO_SPARSE_JA "。単独では RPO に対して間隔が長すぎます"
/* 1 component, 2 disruption, 3 RPO, 4 source, 5 RP_NOT_NEEDED / RP_NEEDED / RP_TOO_SPARSE or "" */
#define CM_RP_SOURCE_EN "%s (%s, RPO %s): %s%s"
#define CM_RP_SOURCE_JA "%1$s (%2$s、RPO %3$s): %4$s%5$s"
/* 1 component, 2 disruption, 3 RPO, 4 problem */
#define CM_RP_PROBLEM_EN "%s (%s, RPO %s): %s"
#define CM_RP_PROBLEM_JA "%1$s (%2$s、RPO %3$s): %4$s"
/* 1 component, 2 disruption, 3 RPO, 4-5 plural suffixes */
#define CM_RP_NO_POINTS_EN "%s (%s, RPO %s): none of its exported configurations gives recovery points " \
	"(the finding%s above say%s why)"
#define CM_RP_NO_POINTS_JA "%1$s (%2$s、RPO %3$s): エクスポートされた構成のいずれも復旧ポイントを提供していません" \
	" (理由は上記の所見を参照してください)%4$.0s%5$.0s"
#define CM_NO_RESOURCE_EN "; the component lists no <resource> to match exports to"
#define CM_NO_RESOURCE_JA "。このコンポーネントにはエクスポートと照合する <resource> が記載されていません"
/* 1 component, 2 disruption, 3 RPO, 4 NO_RESOURCE or "" */
#define CM_RP_NO_COPY_EN "%s (%s, RPO %s): no exported backup rule copies its recovery points " \
	"to another Region (backup get-backup-plan CopyActions)%s"
#define CM_RP_NO_COPY_JA "%1$s (%2$s、RPO %3$s): 復旧ポイントを別のリージョンにコピーするバックアップルールが" \
	"エクスポートにありません (backup get-backup-plan の CopyActions)%4$s"
#define CM_RP_NO_EXPORT_EN "%s (%s, RPO %s): no exported configuration shows recovery points " \
	"(export rds describe-db-clusters, dynamodb describe-continuous-backups, " \
	"s3api get-bucket-versioning or backup get-backup-plan with its selection)%s"
#define CM_RP_NO_EXPORT_JA "%1$s (%2$s、RPO %3$s): 復旧ポイントを示すエクスポートされた構成がありません" \
	" (rds describe-db-clusters、dynamodb describe-continuous-backups、s3api get-bucket-versioning、" \
	"または選択条件付きの backup get-backup-plan をエクスポートしてください)%4$s"
/* 1 component, 2 disruption, 3 RPO, 4 gap, 5 source */
#define CM_RP_MET_EN "%s (%s): RPO %s can be met: recovery points at most %s apart from %s"
#define CM_RP_MET_JA "%1$s (%2$s): RPO %3$sを満たせます: 復旧ポイントの間隔は最大 %4$s です (%5$s)"
#define CM_RP_UNMET_EN "%s (%s): RPO %s cannot be met: the closest recovery points are %s apart, from %s"
#define CM_RP_UNMET_JA "%1$s (%2$s): RPO %3$sを満たせません: 最も密な復旧ポイントでも間隔は %4$s です (%5$s)"
/* 1 disruption filter */
#define CM_RP_NA_EN "no component states an RPO for %s"
#define CM_RP_NA_JA "%1$s の RPO を記載したコンポーネントがありません"
#define CM_RP_SUM_NA_EN "no RPO for %s to deliver"
#define CM_RP_SUM_NA_JA "%1$s について満たすべき RPO がありません"
/* 1 judged, 2 plural, 3 failed, 4 plural */
#define CM_RP_SUM_FAIL_EN "%zu RPO%s judged against exported backups: %zu finding%s not met"
#define CM_RP_SUM_FAIL_JA "RPO %1$zu 件をエクスポートされたバックアップ構成と照合: 不適合の所見 %3$zu 件%2$.0s%4$.0s"
/* 1 judged, 2 plural */
#define CM_RP_SUM_OK_EN "%zu RPO%s can be delivered by the exported backup configuration"
#define CM_RP_SUM_OK_JA "RPO %1$zu 件はエクスポートされたバックアップ構成で満たせます%2$.0s"

/* ---- config-availability ----------------------------------------------- */
/* 1 group, 2 subnet, 3 JSON path */
#define CM_AV_SUBNET_AZ_EN "%s: the AZ of subnet %s (%s.VPCZoneIdentifier) is unknown: add it to an " \
	"'ec2 describe-subnets' export so NAT gateways can be placed"
#define CM_AV_SUBNET_AZ_JA "%1$s: サブネット %2$s (%3$s.VPCZoneIdentifier) の AZ が不明です。" \
	"NAT ゲートウェイの配置を確認できるよう、'ec2 describe-subnets' のエクスポートに含めてください"
/* 1 component, 2 group, 3 AZs */
#define CM_AV_NAT_MISSING_EN "%s: group %s has no available NAT gateway in %s, where it runs instances: " \
	"losing the AZ of the shared NAT gateway cuts their outbound traffic"
#define CM_AV_NAT_MISSING_JA "%1$s: グループ %2$s はインスタンスを実行している %3$s に利用可能な NAT ゲートウェイがありません。" \
	"共有の NAT ゲートウェイがある AZ を失うと、外向きの通信が途絶えます"
#define CM_AV_NAT_OK_EN "%s: group %s has an available NAT gateway in every AZ it uses (%s)"
#define CM_AV_NAT_OK_JA "%1$s: グループ %2$s は使用するすべての AZ に利用可能な NAT ゲートウェイがあります (%3$s)"
#define CM_ABSENT_EN "absent"
#define CM_ABSENT_JA "なし"
#define CM_INSTANCES_IN_EN "; instances in "
#define CM_INSTANCES_IN_JA "、インスタンスの AZ: "
#define CM_INSTANCES_ONLY_IN_EN "; instances only in "
#define CM_INSTANCES_ONLY_IN_JA "、インスタンスの AZ は次のみ: "
/* 1 component, 2 disruption, 3 RTO, 4 resource, 5 JSON path, 6 value or ABSENT,
 * 7 INSTANCES_IN / INSTANCES_ONLY_IN or "", 8 AZs */
#define CM_AV_MULTI_OK_EN "%s (%s, RTO %s): %s has a standby in another AZ (%s = %s%s%s)"
#define CM_AV_MULTI_OK_JA "%1$s (%2$s、RTO %3$s): %4$s は別の AZ にスタンバイがあります (%5$s = %6$s%7$s%8$s)"
#define CM_AV_MULTI_NO_EN "%s (%s, RTO %s): %s is not Multi-AZ (%s = %s%s%s): losing its AZ " \
	"means creating a new instance, which takes longer than minutes"
#define CM_AV_MULTI_NO_JA "%1$s (%2$s、RTO %3$s): %4$s はマルチ AZ 構成ではありません (%5$s = %6$s%7$s%8$s)。" \
	"AZ を失うと新しいインスタンスの作成が必要になり、数分では復旧できません"
#define CM_AV_ONE_AZ_LOST_EN ": one AZ lost takes the tier down"
#define CM_AV_ONE_AZ_LOST_JA "。AZ を一つ失うとこの層が停止します"
/* 1 component, 2 disruption, 3 RTO, 4 group, 5 zones, 6 plural, 7 JSON path, 8 value, 9 AV_ONE_AZ_LOST or "" */
#define CM_AV_ZONES_EN "%s (%s, RTO %s): group %s spans %zu AZ%s (%s = %s)%s"
#define CM_AV_ZONES_JA "%1$s (%2$s、RTO %3$s): グループ %4$s が使用する AZ は %5$zu 個です (%7$s = %8$s)%6$.0s%9$s"
/* 1 component, 2 group, 3 JSON path, 4 value */
#define CM_AV_HEALTH_OK_EN "%s: group %s replaces instances the load balancer finds unhealthy (%s = %s)"
#define CM_AV_HEALTH_OK_JA "%1$s: グループ %2$s はロードバランサーが異常と判定したインスタンスを置き換えます (%3$s = %4$s)"
#define CM_AV_NO_HEALTH_EN "no"
#define CM_AV_NO_HEALTH_JA "なし"
/* 1 component, 2 group, 3 type or AV_NO_HEALTH, 4 JSON path, 5 wanted type */
#define CM_AV_HEALTH_NO_EN "%s: group %s uses %s health checks (%s), not %s: an instance " \
	"whose application fails stays in service"
#define CM_AV_HEALTH_NO_JA "%1$s: グループ %2$s のヘルスチェックは %3$s (%4$s) で、%5$s ではありません。" \
	"アプリケーションが停止したインスタンスがサービスに残り続けます"
/* 1 component, 2 disruption, 3 RTO, 4 resource */
#define CM_AV_REGIONAL_EN "%s (%s, RTO %s): %s is a regional service that keeps its data in " \
	"several AZs by design"
#define CM_AV_REGIONAL_JA "%1$s (%2$s、RTO %3$s): %4$s はリージョンサービスであり、設計上データを複数の AZ に保持します"
/* 1 component, 2 disruption, 3 RTO, 4 min AZs, 5 NO_RESOURCE or "" */
#define CM_AV_NONE_EN "%s (%s, RTO %s): no exported configuration shows it runs in %lld AZs " \
	"(export rds describe-db-clusters or autoscaling describe-auto-scaling-groups)%s"
#define CM_AV_NONE_JA "%1$s (%2$s、RTO %3$s): %4$lld 個の AZ で稼働していることを示すエクスポートされた構成がありません" \
	" (rds describe-db-clusters または autoscaling describe-auto-scaling-groups をエクスポートしてください)%5$s"
/* 1 fast RTO, 2 disruption filter */
#define CM_AV_NA_EN "no component has an RTO of %s or less for %s"
#define CM_AV_NA_JA "%2$s について RTO が %1$s以下のコンポーネントはありません"
#define CM_AV_SUM_NA_EN "no RTO of %s or less for %s"
#define CM_AV_SUM_NA_JA "%2$s について %1$s以下の RTO はありません"
/* 1 judged, 2 plural, 3 filter, 4 failed, 5 plural */
#define CM_AV_SUM_FAIL_EN "%zu fast RTO%s (%s): %zu configuration finding%s not met"
#define CM_AV_SUM_FAIL_JA "短い RTO %1$zu 件 (%3$s): 構成の所見 %4$zu 件が不適合です%2$.0s%5$.0s"
/* 1 judged, 2 plural, 3 fast RTO, 4 filter */
#define CM_AV_SUM_OK_EN "%zu RTO%s of at most %s for %s backed by multi-AZ configuration"
#define CM_AV_SUM_OK_JA "%4$s の %3$s以下の RTO %1$zu 件はマルチ AZ 構成で裏付けられています%2$.0s"

/* ---- runbook-sections -------------------------------------------------- */
/* 1 scenario */
#define CM_RB_NONE_EN "scenario %s names no runbook (attribute runbook=\"runbooks/….md\")"
#define CM_RB_NONE_JA "シナリオ %1$s にランブックが指定されていません (属性 runbook=\"runbooks/….md\")"
/* 1 LIST_SEP or "", 2 section, 3 line */
#define CM_RB_SECTION_AT_EN "%s%s (line %ld)"
#define CM_RB_SECTION_AT_JA "%1$s%2$s (%3$ld 行目)"
#define CM_RB_LIMIT_EN "; a pattern hit its match limit"
#define CM_RB_LIMIT_JA "。パターンが照合上限に達しました"
/* 1 runbook, 2 scenario, 3 section, 4 section, 5 RB_LIMIT or "" */
#define CM_RB_MISSING_EN "runbook %s of scenario %s has no '%s' section (no heading matches " \
	"parameter runbook-section-%s)%s"
#define CM_RB_MISSING_JA "シナリオ %2$s のランブック %1$s に '%3$s' セクションがありません" \
	" (パラメーター runbook-section-%4$s に一致する見出しがありません)%5$s"
/* 1 runbook, 2 section */
#define CM_RB_NO_STEPS_EN "runbook %s: section '%s' has no numbered steps (1. 2. 3. …)"
#define CM_RB_NO_STEPS_JA "ランブック %1$s: セクション '%2$s' に番号付きの手順 (1. 2. 3. …) がありません"
/* 1 runbook, 2 scenario, 3 sections, 4 steps, 5 plural */
#define CM_RB_OK_EN "runbook %s of scenario %s has every section: %s; %zu numbered step%s"
#define CM_RB_OK_JA "シナリオ %2$s のランブック %1$s にはすべてのセクションがあります: %3$s。番号付きの手順 %4$zu 件%5$.0s"
/* 1 runbook, 2 line, 3 placeholder */
#define CM_RB_PLACEHOLDER_EN "%s line %ld still holds the placeholder '%s': the runbook is a template not filled in"
#define CM_RB_PLACEHOLDER_JA "%1$s の %2$ld 行目にプレースホルダー '%3$s' が残っています。記入されていないテンプレートです"
#define CM_RB_NO_SCENARIO_EN "no DR scenario is declared, so there is no runbook to check"
#define CM_RB_NO_SCENARIO_JA "DR シナリオが宣言されていないため、確認するランブックがありません"
#define CM_RB_SUM_NONE_EN "no scenario, no runbook"
#define CM_RB_SUM_NONE_JA "シナリオがなく、ランブックもありません"
/* 1 complete, 2 scenarios */
#define CM_RB_SUM_EN "%zu of %zu scenario runbooks complete"
#define CM_RB_SUM_JA "シナリオのランブック %2$zu 件のうち %1$zu 件がすべてのセクションを備えています"

/* ---- drill log readers: why a log cannot be read (drill_record_problem) -- */
/* 1 lines, 2 plural */
#define CM_DP_NOT_A_LOG_EN "no timestamp and no drill marker in %ld line%s: not a drill log ftrkit can read"
#define CM_DP_NOT_A_LOG_JA "%1$ld 行の中にタイムスタンプも訓練マーカーもありません。ftrkit が読み取れる訓練記録ではありません%2$.0s"
#define CM_DP_JSON_UNKNOWN_EN "JSON export of an unknown kind: neither `aws rds describe-events` " \
	"({\"Events\": [...]}) nor `aws fis get-experiment` ({\"experiment\": {...}})"
#define CM_DP_JSON_UNKNOWN_JA "種類が不明な JSON エクスポートです: `aws rds describe-events` " \
	"({\"Events\": [...]}) でも `aws fis get-experiment` ({\"experiment\": {...}}) でもありません"
#define CM_DP_MISSING_EN "(missing)"
#define CM_DP_MISSING_JA "(なし)"
/* 1 event number, 2 date or DP_MISSING */
#define CM_DP_RDS_BAD_DATE_EN "event %lld: Date '%s' is not a timestamp"
#define CM_DP_RDS_BAD_DATE_JA "イベント %1$lld: Date '%2$s' はタイムスタンプではありません"
/* 1 events, 2 plural */
#define CM_DP_RDS_NO_FAILOVER_EN "no failover in %zu RDS event%s (no Message matches rds-failover-start)"
#define CM_DP_RDS_NO_FAILOVER_JA "RDS イベント %1$zu 件にフェイルオーバーがありません (rds-failover-start に一致する Message がありません)%2$.0s"
/* 1 value */
#define CM_DP_FIS_START_EN "experiment.startTime '%s' is not a timestamp"
#define CM_DP_FIS_START_JA "experiment.startTime '%1$s' はタイムスタンプではありません"
#define CM_DP_FIS_END_EN "experiment.endTime '%s' is not a timestamp"
#define CM_DP_FIS_END_JA "experiment.endTime '%1$s' はタイムスタンプではありません"
/* 1 action, 2 value */
#define CM_DP_FIS_ACTION_EN "action %s: startTime '%s' is not a timestamp"
#define CM_DP_FIS_ACTION_JA "アクション %1$s: startTime '%2$s' はタイムスタンプではありません"
#define CM_DP_FIS_EMPTY_EN "FIS export without experiment.startTime or experiment.state.status"
#define CM_DP_FIS_EMPTY_JA "experiment.startTime も experiment.state.status もない FIS エクスポートです"
/* 1 property, 2 value */
#define CM_DP_JUNIT_PROPERTY_EN "property %s '%s' is not a timestamp"
#define CM_DP_JUNIT_PROPERTY_JA "プロパティ %1$s '%2$s' はタイムスタンプではありません"
/* 1 value */
#define CM_DP_JUNIT_TIME_EN "testsuite time '%s' is not a number of seconds"
#define CM_DP_JUNIT_TIME_JA "testsuite の time '%1$s' は秒数ではありません"
/* 1 parser message */
#define CM_DP_JUNIT_UNREADABLE_EN "not readable as JUnit XML: %s"
#define CM_DP_JUNIT_UNREADABLE_JA "JUnit XML として読み取れません: %1$s"
/* 1 root element */
#define CM_DP_JUNIT_NO_SUITE_EN "no <testsuite> element: not a JUnit report (root <%s>)"
#define CM_DP_JUNIT_NO_SUITE_JA "<testsuite> 要素がないため、JUnit レポートではありません (ルート要素 <%1$s>)"

/* ---- configuration exports: why an export cannot be read (configs.c) ---- */
#define CM_CFGP_MISSING_EN "missing"
#define CM_CFGP_MISSING_JA "欠落"
/* 1 JSON path, 2 JSON type or CFGP_MISSING */
#define CM_CFGP_NOT_OBJECT_EN "%s is %s, not an object"
#define CM_CFGP_NOT_OBJECT_JA "%1$s は %2$s で、オブジェクトではありません"
#define CM_CFGP_NOT_ARRAY_EN "%s is %s, not an array"
#define CM_CFGP_NOT_ARRAY_JA "%1$s は %2$s で、配列ではありません"
/* 1 JSON path, 2 SQLite message */
#define CM_CFGP_CANNOT_LIST_EN "cannot list %s: %s"
#define CM_CFGP_CANNOT_LIST_JA "%1$s を列挙できません: %2$s"
/* 1 JSON path */
#define CM_CFGP_EMPTY_EN "the export lists nothing (%s is empty)"
#define CM_CFGP_EMPTY_JA "エクスポートに何も含まれていません (%1$s が空です)"
/* 1 MiB */
#define CM_CFGP_TOO_BIG_EN "larger than the %zu MiB limit for configuration exports"
#define CM_CFGP_TOO_BIG_JA "構成エクスポートの上限 %1$zu MiB を超えています"
#define CM_CFGP_NUL_EN "contains NUL bytes: not a JSON text"
#define CM_CFGP_NUL_JA "NUL バイトを含むため、JSON テキストではありません"
#define CM_CFGP_NOT_JSON_EN "not valid JSON (or nested deeper than SQLite's JSON limit)"
#define CM_CFGP_NOT_JSON_JA "有効な JSON ではありません (または SQLite の JSON の入れ子の上限を超えています)"
/* 1 JSON type or CFGP_VALUE (in place of the top-level keys) */
#define CM_CFGP_TOP_LEVEL_EN "a top-level %s"
#define CM_CFGP_TOP_LEVEL_JA "最上位が %1$s"
#define CM_CFGP_VALUE_EN "value"
#define CM_CFGP_VALUE_JA "値"

/* Every message id, once.  A row without its two macros does not compile. */
/* ---- template-column (the filled .xlsx self-assessment workbook) ------- */
/* 1 file, 2 sheet, 3 cell, 4 value as written, 5 parser's reason */
#define CM_TPL_NOT_DURATION_EN "%s: sheet '%s' cell %s: '%s' is not a duration (%s)"
#define CM_TPL_NOT_DURATION_JA "%1$s: シート '%2$s' セル %3$s: '%4$s' は期間として読めません (%5$s)"
/* 1 file, 2 sheet, 3 cell, 4 "RPO"/"RTO", 5 duration */
#define CM_TPL_NO_COMPONENT_EN "%s: sheet '%s' cell %s: %s %s is a valid duration (the row names no component of the assessment to compare with)"
#define CM_TPL_NO_COMPONENT_JA "%1$s: シート '%2$s' セル %3$s: %4$s %5$s は有効な期間です (この行には比較できる評価のコンポーネントがありません)"
/* 1 file, 2 sheet, 3 cell, 4 label, 5 duration, 6 component as written, 7 assessment file */
#define CM_TPL_UNKNOWN_COMPONENT_EN "%s: sheet '%s' cell %s: %s %s for component '%s', which %s does not have (a row of another product's workbook?)"
#define CM_TPL_UNKNOWN_COMPONENT_JA "%1$s: シート '%2$s' セル %3$s: コンポーネント '%6$s' の %4$s %5$s とありますが、%7$s にそのコンポーネントはありません (別の製品のワークブックの行?)"
/* 1 file, 2 sheet, 3 cell, 4 label, 5 duration, 6 component, 7 disruption as written, 8 component */
#define CM_TPL_NO_DISRUPTION_EN "%s: sheet '%s' cell %s: %s %s for %s '%s', but the assessment states no objective for that disruption of %s"
#define CM_TPL_NO_DISRUPTION_JA "%1$s: シート '%2$s' セル %3$s: %6$s の '%7$s' に %4$s %5$s とありますが、評価には %8$s のその障害種別の目標が記載されていません"
/* 1 file, 2 sheet, 3 cell, 4 label, 5 duration, 6 assessment file, 7 label, 8 component */
#define CM_TPL_NOT_STATED_EN "%s: sheet '%s' cell %s: %s %s, but %s states no %s for %s"
#define CM_TPL_NOT_STATED_JA "%1$s: シート '%2$s' セル %3$s: %4$s %5$s とありますが、%6$s には %8$s の %7$s が記載されていません"
/* 1 file, 2 sheet, 3 cell, 4 label, 5 duration, 6 assessment file, 7 line, 8 stated duration, 9 where */
#define CM_TPL_DISAGREES_EN "%s: sheet '%s' cell %s: %s %s disagrees with %s line %ld, which states %s for %s"
#define CM_TPL_DISAGREES_JA "%1$s: シート '%2$s' セル %3$s: %4$s %5$s は %6$s の %7$ld 行目の記載 (%9$s: %8$s) と一致しません"
/* 1 file, 2 sheet, 3 cell, 4 label, 5 duration, 6 assessment file, 7 line, 8 where */
#define CM_TPL_AGREES_EN "%s: sheet '%s' cell %s: %s %s agrees with %s line %ld for %s"
#define CM_TPL_AGREES_JA "%1$s: シート '%2$s' セル %3$s: %4$s %5$s は %6$s の %7$ld 行目 (%8$s) と一致しています"
/* 1 component, 2 disruption */
#define CM_TPL_WHERE_EN "%s (%s)"
#define CM_TPL_WHERE_JA "%1$s（%2$s）"
/* 1 component, 2 disruption or NONE */
#define CM_TPL_WHERE_STRICTEST_EN "%s (strictest: %s)"
#define CM_TPL_WHERE_STRICTEST_JA "%1$s (最も厳しい値: %2$s)"
/* 1 label */
#define CM_TPL_NONE_EN "the assessment names no self-assessment template (<template path=\"…\"/>), so the %s column is not checked"
#define CM_TPL_NONE_JA "評価に自己評価テンプレート (<template path=\"…\"/>) の指定がないため、%1$s 列は確認していません"
#define CM_TPL_SUM_NONE_EN "no template named in the assessment"
#define CM_TPL_SUM_NONE_JA "評価にテンプレートの指定がありません"
/* 1 file, 2 sheet pattern */
#define CM_TPL_NO_SHEET_EN "%s: no sheet whose name matches '%s'"
#define CM_TPL_NO_SHEET_JA "%1$s: 名前が '%2$s' に一致するシートがありません"
/* 1 file, 2 header pattern, 3 rows scanned, 4 sheets, 5 plural "s" */
#define CM_TPL_NO_COLUMN_EN "%s: no column header matching '%s' in the first %d rows of %zu sheet%s"
#define CM_TPL_NO_COLUMN_JA "%1$s: シート %4$zu 枚の先頭 %3$d 行に '%2$s' に一致する列見出しがありません%5$.0s"
/* 1 label */
#define CM_TPL_SUM_NO_COLUMN_EN "the template has no %s column"
#define CM_TPL_SUM_NO_COLUMN_JA "テンプレートに %1$s 列がありません"
/* 1 file, 2 sheet, 3 column letter, 4 header cell, 5 label */
#define CM_TPL_EMPTY_EN "%s: sheet '%s' column %s (header %s) holds no %s at all"
#define CM_TPL_EMPTY_JA "%1$s: シート '%2$s' の %3$s 列 (見出し %4$s) に %5$s が一つも記入されていません"
/* 1 label */
#define CM_TPL_SUM_EMPTY_EN "the %s column of the template is empty"
#define CM_TPL_SUM_EMPTY_JA "テンプレートの %1$s 列が空です"
/* 1 wrong, 2 filled, 3 label, 4 sheet, 5 column */
#define CM_TPL_SUM_BAD_EN "%zu of %zu %s cells in sheet '%s' column %s are wrong"
#define CM_TPL_SUM_BAD_JA "シート '%4$s' の %5$s 列の %3$s %2$zu 件のうち %1$zu 件が誤っています"
/* 1 filled, 2 label, 3 sheet, 4 column, 5 agreed */
#define CM_TPL_SUM_OK_EN "%zu %s cells in sheet '%s' column %s are durations, %zu checked against the assessment"
#define CM_TPL_SUM_OK_JA "シート '%3$s' の %4$s 列の %2$s %1$zu 件はすべて有効な期間で、うち %5$zu 件を評価と照合しました"

/* ---- doubts: why a drill's outcome cannot be judged (drill_record_doubt) -- */
/* 1 line */
#define CM_DP_BOTH_CHOICES_EN "line %ld offers both outcomes (success and failure) instead of stating one"
#define CM_DP_BOTH_CHOICES_JA "%1$ld 行目は結果を一つに決めず、成功と失敗の両方を並べています"
/* 1 line, 2 the placeholder as written */
#define CM_DP_PLACEHOLDER_EN "line %ld still holds the placeholder '%s': the log is a template not filled in"
#define CM_DP_PLACEHOLDER_JA "%1$ld 行目にプレースホルダー '%2$s' が残っています。記入されていないテンプレートです"
/* 1 line, 2 event name (identifier) */
#define CM_DP_NO_TIME_EN "line %ld marks %s but gives no time"
#define CM_DP_NO_TIME_JA "%1$ld 行目は %2$s を示していますが、時刻がありません"
#define CM_UNDATED_EN "an undated day"
#define CM_UNDATED_JA "日付不明の日"
/* 1 failures, 2 errors, 3 the failed testcase (suite, testcase: message) */
#define CM_DP_JUNIT_COUNTS_EN "the suite counts say %ld failures and %ld errors, but %s"
#define CM_DP_JUNIT_COUNTS_JA "スイートの件数は失敗 %1$ld 件・エラー %2$ld 件ですが、次のテストケースが失敗しています: %3$s"
/* 1 scenario, 2 date, 3 why (a DP_* doubt) */
#define CM_DRILL_DOUBT_EN "%s: cannot judge the drill of %s: needs a filled-in log: %s"
#define CM_DRILL_DOUBT_JA "%1$s: %2$s の訓練は判定できません。記入済みの記録が必要です: %3$s"
/* 1 scenario, 2 date, 3 file, 4 line, 5 note ("" or ": what failed") */
#define CM_DRILL_FAILED_EN "%s: the drill of %s failed (%s line %ld)%s and no later drill of this scenario succeeded"
#define CM_DRILL_FAILED_JA "%1$s: %2$s の訓練は失敗しました (%3$s %4$ld 行目)%5$s。その後に成功した訓練はありません"
/* 1 scenario, 2 failed date, 3 last success date, 4 file, 5 line, 6 note */
#define CM_CUR_NEWER_FAILURE_EN "%s: the drill of %s failed after the latest successful one (%s) (%s line %ld)%s"
#define CM_CUR_NEWER_FAILURE_JA "%1$s: 最新の成功 (%3$s) の後、%2$s の訓練が失敗しています (%4$s %5$ld 行目)%6$s"
/* ---- attestations (partner-evidence) -------------------------------------- */
/* 1 attester, 2 day, 3 verdict label, 4 examined path, 5 its sha256 */
#define CM_ATTEST_OK_EN "manual \xe2\x80\x94 attested by %s on %s: %s; examined %s (sha256 %.12s\xe2\x80\xa6)"
#define CM_ATTEST_OK_JA "手動判定 \xe2\x80\x94 %1$s が %2$s に証明: %3$s。確認したファイル %4$s (sha256 %5$.12s\xe2\x80\xa6)"
/* 1 attester, 2 day, 3 expiry day, 4 max age */
#define CM_ATTEST_EXPIRED_EN "attestation by %s on %s expired on %s (max age %s); a reviewer must attest again"
#define CM_ATTEST_EXPIRED_JA "%1$s による %2$s の証明は %3$s に期限切れです (最大経過期間 %4$s)。再度の証明が必要です"
/* 1 attester, 2 day, 3 as-of day */
#define CM_ATTEST_FUTURE_EN "attestation by %s is dated %s, after the as-of date %s"
#define CM_ATTEST_FUTURE_JA "%1$s による証明の日付 %2$s は基準日 %3$s より後です"
/* 1 attester, 2 day */
#define CM_ATTEST_SUM_EN "manual \xe2\x80\x94 attested by %s on %s"
#define CM_ATTEST_SUM_JA "手動判定 \xe2\x80\x94 %1$s が %2$s に証明"

/* ---- evidence-current ---------------------------------------------------- */
#define CM_EVID_EFFECTIVE_EN "effective"
#define CM_EVID_EFFECTIVE_JA "有効日"
#define CM_EVID_COLLECTED_EN "collected"
#define CM_EVID_COLLECTED_JA "収集日"
/* 1 path, 2 EVID_EFFECTIVE or EVID_COLLECTED, 3 day, 4 max age */
#define CM_EVID_STALE_EN "%s is stale: %s %s, older than %s"
#define CM_EVID_STALE_JA "%1$s は古くなっています: %2$s %3$s は %4$s より前です"
#define CM_EVID_CURRENT_EN "%s is current: %s %s, within %s"
#define CM_EVID_CURRENT_JA "%1$s は最新です: %2$s %3$s は %4$s 以内です"
/* 1 path, 2 day */
#define CM_EVID_DATE_FUTURE_EN "%s is dated %s, after the as-of date"
#define CM_EVID_DATE_FUTURE_JA "%1$s の日付 %2$s は基準日より後です"
/* 1 dated count, 2 stale count, 3 max age */
#define CM_EVID_DATED_SUM_EN "%zu dated evidence files, %zu stale or future-dated (max age %s)"
#define CM_EVID_DATED_SUM_JA "日付付きエビデンス %1$zu 件、古いまたは未来の日付 %2$zu 件 (最大経過期間 %3$s)"
#define CM_EVID_UNDATED_SUM_EN "no evidence carries an effective or collection date"
#define CM_EVID_UNDATED_SUM_JA "有効日または収集日を持つエビデンスはありません"

/* ---- waivers (waivers.xml) ---------------------------------------------- */
/* 1 approver, 2 expiry day, 3 verdict without the waiver, 4 justification */
#define CM_WAIVER_ACTIVE_EN "waived by %s until %s (otherwise %s): %s"
#define CM_WAIVER_ACTIVE_JA "%1$s の承認により %2$s まで免除 (免除がなければ %3$s): %4$s"
/* 1 approver, 2 expiry day, 3 justification */
#define CM_WAIVER_EXPIRED_EN "waiver approved by %s expired on %s: %s"
#define CM_WAIVER_EXPIRED_JA "%1$s が承認した免除は %2$s に期限切れです: %3$s"

/* ---- tailoring (-t FILE) ----------------------------------------------- */
/* 1 parameter, 2 value, 3 control, 4 by whom, 5 tailoring file */
#define CM_TAILORED_PARAM_EN "tailored: %s %s on %s by %s (%s)"
#define CM_TAILORED_PARAM_JA "テーラリング: %3$s の %1$s を %2$s に変更 (%4$s、%5$s)"
/* 1 by whom, 2 tailoring file, 3 reason or "" */
#define CM_TAILORED_OUT_EN "tailored: not selected by %s (%s)%s"
#define CM_TAILORED_OUT_JA "テーラリング: %1$s により対象外 (%2$s)%3$s"

#define CHECK_MESSAGE_IDS(X)                                                   \
	X(DP_BOTH_CHOICES) X(DP_PLACEHOLDER) X(DP_NO_TIME) X(DRILL_DOUBT)         \
	X(DRILL_FAILED) X(CUR_NEWER_FAILURE) X(UNDATED) X(RB_PLACEHOLDER)         \
	X(DP_JUNIT_COUNTS)                                                        \
	X(LIST_SEP) X(NONE) X(CRITICAL_ADJ) X(CRITICAL_ADJ_SP) X(NOTES_SEP)       \
	X(OBJ_NONE) X(OBJ_NOT_STATED) X(OBJ_STATED) X(OBJ_NO_COMPONENTS)          \
	X(OBJ_SUM_NONE) X(OBJ_SUM)                                                \
	X(RTO_OVER) X(RTO_ADVICE) X(RTO_WITHIN) X(RTO_NONE) X(NO_COMPONENTS)      \
	X(RTO_SUM_OVER) X(RTO_SUM_OK)                                             \
	X(STMT_NONE) X(STMT_SUM_NONE) X(STMT_OK) X(STMT_SUM_OK) X(EVID_NA)        \
	X(EVID_SUM_NA) X(EVID_NONE) X(EVID_SUM_NONE) X(EVID_JUDGE) X(EVID_SUM)    \
	X(DRILL_TZ) X(NO_SCENARIO) X(NO_SCENARIO_FOR) X(SUM_NO_SCENARIO)          \
	X(OUTCOME_SUCCESS) X(OUTCOME_FAILURE) X(OUTCOME_UNKNOWN)                  \
	X(DRILL_NO_LOG) X(DRILL_UNREADABLE) X(DRILL_LIMIT) X(DRILL_DONE)          \
	X(DRILL_DONE_UNDATED) X(DRILL_NONE_READABLE) X(DRILL_SUM)                 \
	X(LIMIT_CADENCE) X(LIMIT_MAX_AGE) X(CUR_FUTURE) X(CUR_NO_SUCCESS_LATEST)  \
	X(CUR_NO_SUCCESS) X(CUR_OVERDUE) X(CUR_BEFORE_CHANGE) X(AFTER_CHANGE)     \
	X(CUR_OK) X(CUR_SUM)                                                      \
	X(NOREC_NO_OUTAGE) X(NOREC_OUTAGE_NO_TIME) X(NOREC_RESTORED_NO_TIME)      \
	X(NOREC_NEVER_RESTORED) X(NOREC_BACKWARDS) X(WITHIN_NO_DRILL)             \
	X(WITHIN_NO_SUCCESS) X(WITHIN_NO_RTO) X(WITHIN_NOT_MEASURED)              \
	X(WITHIN_RTO_OVER) X(WITHIN_RTO_OK) X(WITHIN_RPO_OVER) X(WITHIN_RPO_OK)   \
	X(WITHIN_LOSS_STATED_OVER) X(WITHIN_LOSS_STATED_OK) X(COV_LOSS_STATED_OK)  \
	X(RP_NO_TIME) X(RP_NO_MARKER) X(WITHIN_LOSS_UNMEASURED) X(WITHIN_SUM)     \
	X(COV_OK) X(COV_MISSING) X(COV_LOSS_OK) X(COV_LOSS_MISSING) X(COV_SUM)    \
	X(FIELD_DATE) X(FIELD_SCENARIO) X(FIELD_START) X(FIELD_END)               \
	X(FIELD_OUTCOME) X(LOG_UNREADABLE) X(LOG_UNDATED) X(LOG_NONE)             \
	X(LOG_WRONG_SCENARIO) X(LOG_INCOMPLETE) X(LOG_COMPLETE) X(LOG_SUM)        \
	X(CFG_NONE) X(CFG_SUM_NONE) X(CFG_UNREADABLE) X(CFG_UNKNOWN)              \
	X(CFG_PROBLEM) X(CFG_NO_COMPONENT) X(CFG_READ) X(CFG_UNLISTED)            \
	X(CFG_WITH_PROBLEMS) X(CFG_SOME_UNKNOWN) X(CFG_SUM)                       \
	X(EXPECT_DAYS) X(EXPECT_MINUTES) X(EXPECT_PITR) X(EXPECT_VERSIONING)      \
	X(EXPECT_SCHEDULE) X(RP_RETENTION) X(RP_BAD_VALUE) X(RP_MISSING)          \
	X(RP_RDS_OFF) X(LATEST_RESTORABLE) X(RP_RDS_PITR) X(RP_RDS_DELETION)      \
	X(RP_DDB_OFF) X(RP_DDB_ON) X(RP_S3_ON) X(RP_S3_SUSPENDED) X(RP_S3_NEVER)  \
	X(RP_RULE_BAD) X(RP_RULE_NEVER) X(RP_RULE_ENDS) X(AWS_DEFAULT) X(RP_RULE) \
	X(RP_CONTINUOUS) X(RP_COPY) X(RP_NO_VERSIONING_EXPORT)                    \
	X(RP_NOT_NEEDED) X(RP_NEEDED) X(RP_TOO_SPARSE) X(RP_SOURCE) X(RP_PROBLEM) \
	X(RP_NO_POINTS) X(NO_RESOURCE) X(RP_NO_COPY) X(RP_NO_EXPORT) X(RP_MET)    \
	X(RP_UNMET) X(RP_NA) X(RP_SUM_NA) X(RP_SUM_FAIL) X(RP_SUM_OK)             \
	X(AV_SUBNET_AZ) X(AV_NAT_MISSING) X(AV_NAT_OK) X(ABSENT) X(INSTANCES_IN)  \
	X(INSTANCES_ONLY_IN) X(AV_MULTI_OK) X(AV_MULTI_NO) X(AV_ONE_AZ_LOST)      \
	X(AV_ZONES) X(AV_HEALTH_OK) X(AV_NO_HEALTH) X(AV_HEALTH_NO) X(AV_REGIONAL) \
	X(AV_NONE) X(AV_NA) X(AV_SUM_NA) X(AV_SUM_FAIL) X(AV_SUM_OK)              \
	X(RB_NONE) X(RB_SECTION_AT) X(RB_LIMIT) X(RB_MISSING) X(RB_NO_STEPS)      \
	X(RB_OK) X(RB_NO_SCENARIO) X(RB_SUM_NONE) X(RB_SUM)                       \
	X(DP_NOT_A_LOG)         \
	X(DP_JSON_UNKNOWN) X(DP_MISSING) X(DP_RDS_BAD_DATE) X(DP_RDS_NO_FAILOVER) \
	X(DP_FIS_START) X(DP_FIS_END) X(DP_FIS_ACTION) X(DP_FIS_EMPTY)            \
	X(DP_JUNIT_PROPERTY) X(DP_JUNIT_TIME) X(DP_JUNIT_UNREADABLE)              \
	X(DP_JUNIT_NO_SUITE)                                                      \
	X(CFGP_MISSING) X(CFGP_NOT_OBJECT) X(CFGP_NOT_ARRAY) X(CFGP_CANNOT_LIST)  \
	X(CFGP_EMPTY) X(CFGP_TOO_BIG) X(CFGP_NUL) X(CFGP_NOT_JSON)                \
	X(CFGP_TOP_LEVEL) X(CFGP_VALUE)                                           \
	CONFIG_MESSAGE_IDS(X)                                                     \
	X(TPL_NOT_DURATION) X(TPL_NO_COMPONENT) X(TPL_UNKNOWN_COMPONENT)          \
	X(TPL_NO_DISRUPTION)                                                      \
	X(TPL_NOT_STATED) X(TPL_DISAGREES) X(TPL_AGREES) X(TPL_WHERE)             \
	X(TPL_WHERE_STRICTEST) X(TPL_NONE) X(TPL_SUM_NONE) X(TPL_NO_SHEET)        \
	X(TPL_NO_COLUMN) X(TPL_SUM_NO_COLUMN) X(TPL_EMPTY) X(TPL_SUM_EMPTY)       \
	X(TPL_SUM_BAD) X(TPL_SUM_OK) X(WAIVER_ACTIVE) X(WAIVER_EXPIRED) X(ATTEST_OK) X(ATTEST_EXPIRED) \
	X(ATTEST_FUTURE) X(ATTEST_SUM) X(EVID_EFFECTIVE) X(EVID_COLLECTED) \
	X(EVID_STALE) X(EVID_CURRENT) X(EVID_DATE_FUTURE) X(EVID_DATED_SUM) \
	X(EVID_UNDATED_SUM) \
	X(TAILORED_PARAM) X(TAILORED_OUT)

enum cm_id {
#define CM_ENUM_ROW(name) CM_##name,
	CHECK_MESSAGE_IDS(CM_ENUM_ROW)
#undef CM_ENUM_ROW
	CM__COUNT
};

/*
 * The format of message id in lang: the Japanese one for "ja", else the
 * English one.  en must be id's English format (CMSG passes it); it is a
 * parameter only so that format_arg lets the compiler check the caller's
 * arguments.  Static storage, never NULL.
 */
const char *cm_format(const char *lang, enum cm_id id, const char *en)
	__attribute__((format_arg(3)));

/* The format of message NAME in lang, checked at compile time as English. */
#define CMSG(lang, NAME) cm_format((lang), CM_##NAME, CM_##NAME##_EN)

/* For tests and tools: the id's name ("RTO_OVER") and its format per language. */
const char *cm_name(enum cm_id id);
const char *cm_text(enum cm_id id, const char *lang);

#endif
