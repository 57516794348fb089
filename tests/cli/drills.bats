#!/usr/bin/env bats
# Drill evidence -> measured recovery: DR-007/008/009 on the sample and the
# failing workspace, marker patterns as questionnaire data, the results
# database's drills and scenario_status tables.

load helpers

setup() { setup_scratch; }
teardown() { teardown_scratch; }

db() { sqlite3 "${DB:-reports/results.sqlite}" "$1"; }

@test "sample: every reader gives drill records, all within RTO and RPO" {
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	[ "$(db "SELECT group_concat(DISTINCT source) FROM (SELECT source FROM drills ORDER BY source)")" = "fis,junit,rds-events,text" ]
	[ "$(db "SELECT count(*) FROM drills")" = 7 ]
	[ "$(db "SELECT count(*) FROM drills WHERE outcome <> 'success' OR recovery_seconds > stated_rto_seconds OR data_loss_seconds > stated_rpo_seconds")" = 0 ]
	# the Aurora failover measured from RDS events: 01:01:02.118 -> 01:01:31.902,
	# kept to the millisecond and rounded up to the whole second
	[ "$(db "SELECT recovery_ms FROM drills WHERE source='rds-events'")" = 29784 ]
	[ "$(db "SELECT recovery_seconds FROM drills WHERE source='rds-events'")" = 30 ]
	[ "$(db "SELECT started || ' ' || recovery_line FROM drills WHERE source='fis'")" = "2026-10-21T05:00:01Z 59" ]
	# JUnit timestamps carry no offset: the assessment's timezone was assumed, and said
	[ "$(db "SELECT timezone_assumed FROM drills WHERE source='junit'")" = 1 ]
	[ "$(db "SELECT count(*) FROM findings WHERE message LIKE '%read in the assessment''s timezone +09:00%'")" -gt 0 ]
	[ "$(db "SELECT count(*) FROM scenario_status WHERE overdue = 0")" = 6 ]
	[ "$(db "SELECT next_due FROM scenario_status WHERE scenario='db-az-failover'")" = 2026-12-16 ]
}

@test "failing workspace: RTO exceeded in a Japanese log, named with file and line" {
	cp -r "$REPO/tests/workspaces/failing" ws
	ftr assess -w ws --as-of "$AS_OF" -o out -v
	[ "$status" -eq 1 ]
	[[ "$output" == *"measured recovery 25 min (outage start line 10 -> service restored line 13, drill of 2026-10-02) exceeds the stated RTO 10 min"*"(drills/2026-10-02-api-instance-restart.md:13)"* ]]
	[[ "$output" == *"timezone +09:00"* ]]
	DB=out/results.sqlite
	[ "$(db "SELECT line FROM findings WHERE control_id='DR-008' AND status='not-met' AND file='drills/2026-10-02-api-instance-restart.md'")" = 13 ]
}

@test "failing workspace: overdue drill and unreadable log are findings" {
	cp -r "$REPO/tests/workspaces/failing" ws
	ftr assess -w ws --as-of "$AS_OF" -o out -v
	[ "$status" -eq 1 ]
	[[ "$output" == *"scenario queue-restore is overdue: latest successful drill 2026-03-05, cadence quarterly made it due 2026-06-05"* ]]
	[[ "$output" == *"drill log drills/2026-09-10-queue-az-fis.json cannot be read: not valid JSON"* ]]
	DB=out/results.sqlite
	[ "$(db "SELECT overdue FROM scenario_status WHERE scenario='queue-restore'")" = 1 ]
	[ "$(db "SELECT count(*) FROM findings WHERE control_id='DR-009' AND file='drills/2026-09-10-queue-az-fis.json'")" = 1 ]
}

@test "a drill older than the latest major change fails DR-008, naming the change" {
	sed -i 's|</major-changes>|  <change date="2026-11-01" component="web">Moved the web tier to Graviton.</change>\n  </major-changes>|' evidence/assessment.xml
	ftr assess --as-of "$AS_OF" -v
	[ "$status" -eq 1 ]
	[[ "$output" == *"scenario web-instance-failure: latest successful drill 2026-10-07 precedes the major change of 2026-11-01 (Moved the web tier to Graviton.)"* ]]
	[[ "$output" == *"DR-008   not met"* ]]
}

@test "max-age bounds a long cadence" {
	sed -i 's/id="s3-accidental-deletion" component="documents" disruption="accidental-deletion" cadence="yearly"/id="s3-accidental-deletion" component="documents" disruption="accidental-deletion" cadence="P800D"/' evidence/assessment.xml
	ftr assess --as-of 2027-06-20 -v
	[[ "$output" == *"scenario s3-accidental-deletion is overdue: latest successful drill 2026-06-11, max-age P365D made it due 2027-06-11"* ]]
}

@test "the service never came back: recovery not measured, DR-008 not met" {
	sed -i '/Service restored:/d' evidence/drills/2026-10-07-web-instance-failure.md
	ftr assess --as-of "$AS_OF" -v
	[ "$status" -eq 1 ]
	[[ "$output" == *"scenario web-instance-failure: recovery time not measured in the drill of 2026-10-07: the service was never restored after the outage start (drills/2026-10-07-web-instance-failure.md:13)"* ]]
	[[ "$output" == *"DR-008   not met"* ]]
}

@test "markers are questionnaire data: a team's own phrase works once declared" {
	sed -i 's/Outage start:/Incident began:/' evidence/drills/2026-06-11-s3-accidental-deletion.md
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	sed -i 's/name="marker-outage-start" value="/name="marker-outage-start" value="\\bincident\\s+began\\b|/' questionnaires/ftr-dr.xml
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 0 ]
}

@test "a bad marker pattern is an input error naming the questionnaire line" {
	sed -i 's/name="marker-drill-end" value="/name="marker-drill-end" value="(unclosed/' questionnaires/ftr-dr.xml
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	# an edited shipped catalog is warned about first
	[[ "${lines[0]}" == *"modified questionnaire: ftr-dr 2024.1"* ]]
	[[ "${lines[1]}" == "ftrkit: questionnaires/ftr-dr.xml:"[0-9]*": pattern marker-drill-end: error at offset"* ]]
	[ ! -e reports ]
}

@test "a corrupt RDS export is a finding that says why, not a skipped file" {
	printf '{"Events": [ {"Message": "Started cross AZ' > evidence/drills/2026-09-16-db-az-failover-rds-events.json
	ftr assess --as-of "$AS_OF" -v
	[ "$status" -eq 1 ]
	[[ "$output" == *"drill log drills/2026-09-16-db-az-failover-rds-events.json cannot be read: not valid JSON"* ]]
}

@test "a failed FIS experiment does not count as a successful drill" {
	sed -i '0,/"status": "completed"/s//"status": "failed"/' evidence/drills/2026-10-21-web-az-outage-fis.json
	ftr assess --as-of "$AS_OF" -v
	[ "$status" -eq 1 ]
	[[ "$output" == *"scenario web-az-outage has no successful drill: the latest, on 2026-10-21, has outcome failure"* ]]
}

@test "current FTR numbering: RES-004 and BAR-002 use the same drill checks" {
	ftr assess -q questionnaires/ftr-current.xml --as-of "$AS_OF"
	[[ "$output" == *"RES-004  met"* ]]
	[[ "$output" == *"BAR-002  met"* ]]
	cp -r "$REPO/tests/workspaces/failing" ws
	ftr assess -q questionnaires/ftr-current.xml -w ws --as-of "$AS_OF" -o out
	[[ "$output" == *"RES-004  not met"* ]]
	[[ "$output" == *"BAR-002  not met"* ]]
}

@test "a marker pattern that backtracks forever is a finding, not a hang" {
	sed -i 's/name="marker-drill-end" value="/name="marker-drill-end" value="(*NO_START_OPT)(a+)+b|/' questionnaires/ftr-dr.xml
	printf '%s\n' "$(head -c 5000 /dev/zero | tr '\0' a)" >> evidence/drills/2026-06-11-s3-accidental-deletion.md
	run timeout 20 "$FTRKIT" assess --as-of "$AS_OF" -v
	[ "$status" -eq 1 ]
	[[ "$output" == *"drill log drills/2026-06-11-s3-accidental-deletion.md: a marker pattern hit its match limit on line 21; that line was not understood"* ]]
}

@test "a failed drill with no later success fails DR-007 and DR-008, naming file and line" {
	cat >> evidence/drills/2026-10-07-web-instance-failure.md <<'LOG'

## Re-run

2026-11-10T10:00:00+09:00 Drill started.
2026-11-10T10:02:00+09:00 Outage start: terminated i-0c3d.
2026-11-10T10:31:00+09:00 Service restored: replacement InService after a manual fix.
2026-11-10T10:40:00+09:00 Drill ended.
Result: failure
LOG
	ftr assess --as-of "$AS_OF" -v
	[ "$status" -eq 1 ]
	[[ "$output" == *"web-instance-failure: the drill of 2026-11-10 failed (drills/2026-10-07-web-instance-failure.md line 29) and no later drill of this scenario succeeded"* ]]
	[[ "$output" == *"web-instance-failure: the drill of 2026-11-10 failed after the latest successful one (2026-10-07)"* ]]
	[[ "$output" == *"DR-007   not met"* ]]
	[[ "$output" == *"DR-008   not met"* ]]
	# one record drives every report: the judged success, the newer failure beside it
	[ "$(db "SELECT role FROM drills WHERE scenario='web-instance-failure' ORDER BY id")" = "latest-success
newer-failure" ]
	grep -q 'newer failed drill' reports/index.html
	grep -q 'the drill of 2026-11-10 failed' reports/junit.xml
	grep -q 'the drill of 2026-11-10 failed' reports/report.json
	grep -q 'the drill of 2026-11-10 failed' reports/oscal-assessment-results.xml
	# a later success makes it good again
	cat >> evidence/drills/2026-10-07-web-instance-failure.md <<'LOG'
2026-11-12T10:00:00+09:00 Drill started.
2026-11-12T10:02:00+09:00 Outage start: terminated i-0e5f.
2026-11-12T10:05:00+09:00 Service restored.
Result: success
LOG
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 0 ]
}

@test "a JUnit failure names suite, testcase and message" {
	f=evidence/drills/2026-09-30-sessions-pitr-restore.xml
	sed -i 's/failures="0"/failures="1"/' "$f"
	sed -i '0,/<testcase \([^>]*\)\/>/s//<testcase \1><failure message="restored table misses 12 items"\/><\/testcase>/' "$f"
	ftr assess --as-of "$AS_OF" -v
	[ "$status" -eq 1 ]
	[[ "$output" == *"failed (drills/2026-09-30-sessions-pitr-restore.xml line"*"): suite "*", testcase "*"(failure): restored table misses 12 items"* ]]
}

@test "ambiguity never passes: the drill-log template's result line is unknown, with why" {
	cp evidence/drills/2026-10-07-web-instance-failure.md x.md
	sed -i 's/^Result: success.*/Result: success | failure./' evidence/drills/2026-10-07-web-instance-failure.md
	ftr assess --as-of "$AS_OF" -v
	[ "$status" -eq 1 ]
	[[ "$output" == *"cannot judge the drill of 2026-10-07: needs a filled-in log: line"*"offers both outcomes"* ]]
	[ "$(db "SELECT outcome FROM drills WHERE file LIKE '%web-instance-failure.md'")" = unknown ]
	[ -n "$(db "SELECT doubt FROM drills WHERE file LIKE '%web-instance-failure.md'")" ]
}

@test "explain: every matched line with its event and time, then the records; Japanese too" {
	run "$FTRKIT" explain "$REPO/tests/drills/corpus/10-two-drills.md"
	[ "$status" -eq 1 ]
	[[ "$output" == *"outage-start"*"09:05:00"* ]]
	[[ "$output" == *"#1"*"date 2026-08-04"*"outcome success"* ]]
	[[ "$output" == *"#2"*"date 2026-08-18"*"outcome failure"* ]]
	[[ "$output" == *"recovery: 12 min 45 s (765.000 s)"* ]]
	run "$FTRKIT" explain --lang ja "$REPO/tests/drills/corpus/07-kunren-houkokusho.md"
	[ "$status" -eq 0 ]
	[[ "$output" == *"障害発生"* ]]
	[[ "$output" == *"訓練記録:"* ]]
	run "$FTRKIT" explain "$REPO/tests/drills/corpus/11-noise-meeting.md"
	[ "$status" -eq 1 ]
	[[ "$output" == *"(no line matched)"* ]]
	run "$FTRKIT" explain /nonexistent/x.md
	[ "$status" -eq 2 ]
}

@test "drill-markers.txt adds a team's own phrases without forking the questionnaire" {
	cat > evidence/drills/2026-10-07-web-instance-failure.md <<'LOG'
- Scenario: web-instance-failure
2026-10-07T14:02:10+09:00 KABOOM: chaos monkey let loose on i-0a1b
2026-10-07T14:05:48+09:00 ALL GREEN again
Result: success
LOG
	ftr assess --as-of "$AS_OF" -v
	[ "$status" -eq 1 ]
	printf '# our words\noutage-start: \\bkaboom\\b\nservice-restored: \\ball\\s+green\\b\n' > evidence/drill-markers.txt
	ftr assess --as-of "$AS_OF" -v
	[ "$status" -eq 0 ]
	[ "$(db "SELECT recovery_seconds FROM drills WHERE file LIKE '%web-instance-failure.md'")" = 218 ]
	[ "$(db "SELECT count(*) FROM evidence WHERE path='drill-markers.txt'")" = 1 ]
	printf 'outage-begins: x\n' > evidence/drill-markers.txt
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	[[ "$output" == *"drill-markers.txt:1: not 'EVENT: pattern'"* ]]
}
