#!/usr/bin/env bats
# --lang ja: every finding, check summary and terminal reason is Japanese
# (the check message catalog, src/check_messages.h), identifiers stay as
# they are, the English output is unchanged, and the Japanese reports still
# validate (JUnit and OSCAL schemas, tidy).

load helpers

setup() { setup_scratch; }
teardown() { teardown_scratch; }

SCHEMAS="$BATS_TEST_DIRNAME/../schemas"

# Rows of results.sqlite with no character of U+3000 or above (no Japanese).
SQL_NOT_JAPANESE="
  SELECT 'finding', message FROM findings WHERE message NOT GLOB '*[　-￿]*'
  UNION ALL SELECT 'summary', summary FROM checks WHERE summary NOT GLOB '*[　-￿]*'
  UNION ALL SELECT 'reason', reason FROM controls WHERE reason NOT GLOB '*[　-￿]*'"

@test "sample in Japanese: reasons, summaries and header are Japanese" {
	ftr assess --as-of "$AS_OF" --lang ja
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "acme-ledger 4.2、ftr-dr 2024.1、評価基準日 2026-11-25" ]
	[[ "$output" == *"DR-004  適合    RTO 6 件すべてが上限 24時間以内です"* ]]
	[[ "$output" == *"DR-007  適合    シナリオ 6 件のうち 6 件が訓練済みです"* ]]
	[[ "$output" == *"DR-009  適合    直近の訓練記録 6 件のうち 6 件がすべての項目を備えています"* ]]
	run sqlite3 reports/results.sqlite "$SQL_NOT_JAPANESE"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "failing workspace in Japanese: exact sentences, identifiers untouched" {
	cp -r "$REPO/tests/workspaces/failing" ws
	ftr assess -w ws --as-of "$AS_OF" --lang ja --verbose
	[ "$status" -eq 1 ]
	[[ "$output" == *"DR-004  不適合  api (region): RTO 36時間は上限 24時間を超えています"* ]]
	[[ "$output" == *"[不適合] api (instance): RPO が記載されていません (assessment.xml:22)"* ]]
	[[ "$output" == *"[不適合] シナリオ api-region-failover は訓練されていません (訓練記録がありません) (assessment.xml:39)"* ]]
	[[ "$output" == *"[不適合] DR-003 はアセスメントで回答されていません"* ]]
	[[ "$output" == *"シナリオ queue-restore は期限を超過しています: 最後に成功した訓練は 2026-03-05 で、訓練周期 quarterly により期限は 2026-06-05 でした (評価基準日 2026-11-25 の 173 日前)"* ]]
	[[ "$output" == *"シナリオ api-instance-restart: 実測復旧時間 25分 (障害開始 10 行目 → サービス復旧 13 行目、2026-10-02 の訓練) は記載された RTO 10分を超えています"* ]]
	[[ "$output" == *"az-failure は確認されていません: 障害の種類 az のシナリオに成功した訓練がありません"* ]]
	[[ "$output" == *"orders (data-corruption): RPO 1時間を満たせません: 最も密な復旧ポイントでも間隔は 25時間 です"* ]]
	[[ "$output" == *"シナリオ queue-az のランブック runbooks/queue-az.md に 'rollback' セクションがありません"* ]]
	[[ "$output" == *"訓練記録 drills/2026-09-10-queue-az-sjis.log を読み取れません: 1 行目が有効な UTF-8 ではありません"* ]]
	[[ "$output" == *"管理策 9 件: 適合 1、不適合 8、対象外 0、要確認 0"* ]]
}

@test "failing workspace in Japanese: no not-met finding in results.sqlite is left in English" {
	cp -r "$REPO/tests/workspaces/failing" ws
	ftr assess -w ws --as-of "$AS_OF" --lang ja --format json
	[ "$status" -eq 1 ]
	run sqlite3 reports/results.sqlite \
		"SELECT count(*) FROM findings WHERE status = 'not-met' AND message NOT GLOB '*[　-￿]*'"
	[ "$output" = 0 ]
	# the query does find English: the same run in English has only English
	run sqlite3 reports/results.sqlite "SELECT count(*) FROM findings WHERE status = 'not-met'"
	[ "$output" -gt 20 ]
	run sqlite3 reports/results.sqlite "$SQL_NOT_JAPANESE"
	[ -z "$output" ]
	ftr assess -w ws --as-of "$AS_OF" --format json
	[ "$status" -eq 1 ]
	run sqlite3 reports/results.sqlite \
		"SELECT count(*) = (SELECT count(*) FROM findings WHERE status = 'not-met')
		 FROM findings WHERE status = 'not-met' AND message NOT GLOB '*[　-￿]*'"
	[ "$output" = 1 ]
}

@test "configuration findings in Japanese: backups, Multi-AZ, health checks, NAT, unrecognised export" {
	python3 - <<'PY'
import json
def change(path, fn):
    d = json.load(open(path))
    fn(d)
    json.dump(d, open(path, "w"))
def plan(d):
    d["BackupPlan"]["Rules"][0]["EnableContinuousBackup"] = False
    d["BackupPlan"]["Rules"][0]["ScheduleExpression"] = "cron(0 */6 ? * * *)"
def rds(d):
    d["DBClusters"][0]["BackupRetentionPeriod"] = 0
def asg(d):
    d["AutoScalingGroups"][0]["HealthCheckType"] = "EC2"
    d["AutoScalingGroups"][0]["AvailabilityZones"] = ["ap-northeast-1a"]
def nat(d):
    d["NatGateways"][2]["State"] = "deleted"
change("evidence/configs/backup-get-backup-plan.json", plan)
change("evidence/configs/rds-describe-db-clusters.json", rds)
change("evidence/configs/autoscaling-describe-auto-scaling-groups.json", asg)
change("evidence/configs/ec2-describe-nat-gateways.json", nat)
PY
	echo '{"Reservations": []}' > evidence/configs/ec2-instances.json
	sed -i 's|</configs>|  <config path="configs/ec2-instances.json"/>\n  </configs>|' evidence/assessment.xml
	ftr assess --as-of "$AS_OF" --lang ja --verbose
	[ "$status" -eq 1 ]
	[[ "$output" == *"database (data-corruption): RPO 1時間を満たせません: 最も密な復旧ポイントでも間隔は 7時間 です"* ]]
	[[ "$output" == *'ledger-prod: 自動バックアップが無効です ($.DBClusters[0].BackupRetentionPeriod = 0)'* ]]
	[[ "$output" == *'グループ ledger-web が使用する AZ は 1 個です ($.AutoScalingGroups[0].AvailabilityZones = ap-northeast-1a)'* ]]
	[[ "$output" == *'グループ ledger-web のヘルスチェックは EC2 ($.AutoScalingGroups[0].HealthCheckType) で、ELB ではありません'* ]]
	[[ "$output" == *"グループ ledger-web はインスタンスを実行している ap-northeast-1d に利用可能な NAT ゲートウェイがありません"* ]]
	[[ "$output" == *"[要確認] configs/ec2-instances.json を解釈できるリーダーがありません (最上位のキー: Reservations)"* ]]
	run sqlite3 reports/results.sqlite "$SQL_NOT_JAPANESE"
	[ -z "$output" ]
}

@test "English stays English: the same sentences as before the catalog" {
	cp -r "$REPO/tests/workspaces/failing" ws
	ftr assess -w ws --as-of "$AS_OF" --verbose
	[ "$status" -eq 1 ]
	[ "${lines[0]}" = "tiny-api 0.9, ftr-dr 2024.1, as of 2026-11-25" ]
	[[ "$output" == *"DR-004   not met         api (region): RTO 36 h exceeds the 24 h ceiling"* ]]
	[[ "$output" == *"DR-002   met             RTO stated for 3 of 3 objectives of 2 critical components"* ]]
	[[ "$output" == *"[met] api (region): RTO 36 h stated as '36 hours' (assessment.xml:23)"* ]]
	[[ "$output" == *"scenario api-region-failover has no drill log: it has not been tested"* ]]
	[[ "$output" == *"az-failure is not covered: no successful drill of a scenario with disruption az"* ]]
	[[ "$output" == *"9 controls: 1 met, 8 not met, 0 not applicable, 0 manual"* ]]
	[[ "$output" != *"されて"* ]]
}

@test "Japanese reports validate: JUnit and OSCAL schemas, tidy, findings in Japanese" {
	cp -r "$REPO/tests/workspaces/failing" ws
	ftr assess -w ws --as-of "$AS_OF" --lang ja
	[ "$status" -eq 1 ]
	run xmllint --noout --schema "$SCHEMAS/junit/junit-10.xsd" reports/junit.xml
	[ "$status" -eq 0 ]
	run xmllint --noout --schema "$SCHEMAS/oscal/oscal_assessment-results_schema.xsd" \
		reports/oscal-assessment-results.xml
	[ "$status" -eq 0 ]
	run tidy -e -q reports/index.html
	[ "$status" -eq 0 ]
	grep -q 'RTO 36時間は上限 24時間を超えています' reports/junit.xml
	grep -q 'RTO 36時間は上限 24時間を超えています' reports/oscal-assessment-results.xml
	grep -q 'RTO 36時間は上限 24時間を超えています' reports/index.html
	grep -q 'RTO 36時間は上限 24時間を超えています' reports/report.json
	ftr assess --as-of "$AS_OF" --lang ja -o sample
	[ "$status" -eq 0 ]
	run xmllint --noout --schema "$SCHEMAS/junit/junit-10.xsd" sample/junit.xml
	[ "$status" -eq 0 ]
	run xmllint --noout --schema "$SCHEMAS/oscal/oscal_assessment-results_schema.xsd" \
		sample/oscal-assessment-results.xml
	[ "$status" -eq 0 ]
	run tidy -e -q sample/index.html
	[ "$status" -eq 0 ]
}

@test "schedule in Japanese: headings, statuses, aligned by display width" {
	cp -r "$REPO/tests/workspaces/failing" ws
	ftr schedule -w ws --as-of "$AS_OF" --lang ja
	[ "$status" -eq 1 ]
	[ "${lines[0]}" = "tiny-api の訓練カレンダー (評価基準日 2026-11-25)" ]
	[[ "${lines[1]}" == "シナリオ"*"周期"*"最終成功"*"次回期限"*"状況" ]]
	[[ "$output" == *"api-region-failover"*"なし"*"即時"*"期限超過 (成功した訓練なし)"* ]]
	[[ "$output" == *"queue-restore"*"2026-06-05   期限超過"* ]]
	[[ "$output" == *"カレンダーの出力先: "* ]]
	# every column starts at the same display column on every row
	python3 - "$output" <<'PY'
import re, sys, unicodedata
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
for row in sys.argv[1].splitlines()[1:6]:
    starts = [width(row[:m.start()]) for m in re.finditer(r"\S+", row)][:5]
    assert starts == [0, 29, 42, 55, 68], (row, starts)
PY
	ftr schedule -w ws --as-of "$AS_OF"
	[ "${lines[1]}" = "SCENARIO                     CADENCE      LAST SUCCESS NEXT DUE     STATUS" ]
}
