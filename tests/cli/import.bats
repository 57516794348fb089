#!/usr/bin/env bats
# ftrkit import WORKBOOK [-w DIR]: start or update assessment.xml from a
# filled FTR self-assessment workbook.  Workbooks other than the committed
# samples are written by tests/cli/import-workbooks.py (openpyxl) each run.

load helpers

setup() { setup_scratch; }
teardown() { teardown_scratch; }

SAMPLE_XLSX=evidence/documents/ftr-self-assessment.xlsx

# book KIND OUT [ASSESSMENT]: write a test workbook with openpyxl.
book() {
	[ -x /usr/bin/python3 ] || skip "no /usr/bin/python3"
	/usr/bin/python3 -c 'import openpyxl' 2>/dev/null || skip "no python3-openpyxl"
	/usr/bin/python3 "$REPO/tests/cli/import-workbooks.py" "$@"
}

@test "import: the sample workbook starts a workspace; assess reads the same objectives" {
	ftr import "$SAMPLE_XLSX" -w ws
	# row 9 names the database by its name, which an empty workspace cannot know
	[ "$status" -eq 1 ]
	[[ "$output" == *"ftrkit: $SAMPLE_XLSX: sheet 'Resiliency' cell C9: 'Ledger database (Aurora PostgreSQL)' names no component of ws/assessment.xml and is no component id (left out)"* ]]
	[[ "$output" == *"started ws/assessment.xml from $SAMPLE_XLSX"* ]]
	[[ "$output" == *"objectives: 6 set (6 new); components added: 4 (4 critical by default)"* ]]
	[[ "$output" == *"the workbook gives no criticality for web, database, documents, sessions: added as critical, check ws/assessment.xml"* ]]
	[ -f ws/runbooks/runbook-template.md ]
	# the title rows name the partner and the product
	grep -q '<product name="acme-ledger" version="4.2">' ws/assessment.xml
	grep -q '<organisation>Acme Cloud Services K.K.</organisation>' ws/assessment.xml
	[ -f ws/configs/collect.sh ]
	# kept as the workbook wrote it
	grep -q 'rpo="1時間" rto="2時間"' ws/assessment.xml
	grep -q 'rpo="1 hour" rto="2 hours"' ws/assessment.xml
	# init's placeholder component and scenario are gone
	run grep -c 'id="app"' ws/assessment.xml
	[ "$output" = 0 ]
	ftr assess -w ws -o out --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	ftr assess -w evidence -o ref --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	assert_same_objectives out/results.sqlite ref/results.sqlite \
		"component IN ('web','documents','sessions') OR (component='database' AND disruption!='instance')"
	[ "$(sqlite3 out/results.sqlite 'SELECT count(*) FROM objectives')" = 6 ]
}

@test "import: round trip of the export layout gives the sample's objectives" {
	# an objective not stated yet travels too
	sed -i 's|<objective disruption="az" rpo="0m" rto="30m"/>|&<objective disruption="region" rpo="" rto=""/>|' evidence/assessment.xml
	grep -q 'disruption="region" rpo=""' evidence/assessment.xml
	book export exported.xlsx evidence/assessment.xml
	ftr import exported.xlsx -w ws
	[ "$status" -eq 0 ]
	[[ "$output" == *"components added: 5 (0 critical by default)"* ]]
	# name, criticality and resources come from the Components sheet
	grep -q '<component id="sessions" name="User sessions (DynamoDB)" criticality="non-critical">' ws/assessment.xml
	grep -q '<resource>arn:aws:rds:ap-northeast-1:111122223333:cluster:ledger-prod</resource>' ws/assessment.xml
	# statuses and notes come back; the verdict column is never a status
	grep -q '<control ref="DR-001" status="met">' ws/assessment.xml
	ftr assess -w ws -o out --as-of "$AS_OF"
	ftr assess -w evidence -o ref --as-of "$AS_OF"
	assert_same_objectives out/results.sqlite ref/results.sqlite
	[ "$(sqlite3 out/results.sqlite "SELECT count(*) FROM objectives WHERE component='api' AND disruption='region' AND rpo_seconds IS NULL")" = 1 ]
	[ "$(sqlite3 out/results.sqlite "SELECT rpo_text || ' ' || rto_text FROM objectives WHERE component='documents'")" = "1時間 2時間" ]
}

@test "import: ftrkit's own export -> import -> assess gives the same objectives, statuses and notes" {
	# the real export (assess --format xlsx), not a fixture of its layout
	ftr assess -w evidence -o ref --as-of "$AS_OF" --format xlsx,json
	[ "$status" -eq 0 ]
	[ -s ref/ftr-self-assessment.xlsx ]
	ftr import ref/ftr-self-assessment.xlsx -w ws
	[ "$status" -eq 0 ]
	ftr assess -w ws -o out --as-of "$AS_OF" --format json
	assert_same_objectives out/results.sqlite ref/results.sqlite
	# the same components with the same criticality, statuses and notes
	q="SELECT id, name, criticality FROM components ORDER BY 1"
	[ "$(sqlite3 out/results.sqlite "$q")" = "$(sqlite3 ref/results.sqlite "$q")" ]
	q="SELECT id, declared, coalesce(notes, '') FROM controls ORDER BY 1"
	[ "$(sqlite3 out/results.sqlite "$q")" = "$(sqlite3 ref/results.sqlite "$q")" ]
	# and exporting the imported workspace gives the same partner response
	ftr assess -w ws -o again --as-of "$AS_OF" --format xlsx
	run /usr/bin/python3 - ref/ftr-self-assessment.xlsx again/ftr-self-assessment.xlsx <<'PY'
import sys, openpyxl
def rows(path):
    ws = openpyxl.load_workbook(path)["Resiliency"]
    # the partner's columns: id, component, disruption, RPO, RTO, response, status
    return [tuple(r[i] for i in (0, 2, 3, 4, 5, 6, 7)) for r in ws.iter_rows(min_row=5, values_only=True)]
a, b = rows(sys.argv[1]), rows(sys.argv[2])
assert a == b, [x for x in zip(a, b) if x[0] != x[1]]
print(len(a))
PY
	[ "$status" -eq 0 ]
	[ "$output" -ge 15 ]
}

@test "import: the failing workspace's workbook lists the '??' cell E6 and writes the rest" {
	cp -r "$REPO/tests/workspaces/failing" ws
	ftr import ws/documents/ftr-self-assessment.xlsx -w ws
	[ "$status" -eq 1 ]
	[[ "$output" == *"ftrkit: ws/documents/ftr-self-assessment.xlsx: sheet 'Resiliency' cell E6: '??' is not a duration (left out)"* ]]
	[[ "$output" == *"updated ws/assessment.xml"* ]]
	# the same row's readable RTO is still imported
	grep -q 'rto="30m"' ws/assessment.xml
}

@test "import: update keeps comments, scenarios, configs and evidence lists" {
	sed -i 's/<product name="acme-ledger"/<product name="ledger-renamed"/' evidence/assessment.xml
	cp evidence/assessment.xml before.xml
	ftr import "$SAMPLE_XLSX" -w evidence
	[ "$status" -eq 0 ]
	# an update never renames the product from the title rows
	grep -q '<product name="ledger-renamed" version="4.2">' evidence/assessment.xml
	book time t.xlsx
	ftr import t.xlsx -w evidence
	[ "$status" -eq 1 ]
	grep -q '<!-- AWS CLI JSON exports, read offline' evidence/assessment.xml
	grep -q '<scenario id="db-az-failover"' evidence/assessment.xml
	grep -q '<config path="configs/rds-describe-db-clusters.json"/>' evidence/assessment.xml
	grep -q '<template path="documents/ftr-self-assessment.xlsx"/>' evidence/assessment.xml
	[ "$(grep -c '<evidence>' evidence/assessment.xml)" = "$(grep -c '<evidence>' before.xml)" ]
	[ "$(grep -c '<control ' evidence/assessment.xml)" = "$(grep -c '<control ' before.xml)" ]
	grep -q 'slo="99.9% monthly availability"' evidence/assessment.xml
}

@test "import: Excel time-typed cells read as durations, a plain number is listed" {
	book time t.xlsx
	ftr import t.xlsx -w evidence
	[ "$status" -eq 1 ]
	grep -q '<objective disruption="az" rpo="5m" rto="1h30m"' evidence/assessment.xml
	grep -q '<objective disruption="instance" rpo="1m" rto="5m"' evidence/assessment.xml
	[[ "$output" == *"sheet 'Resiliency' cell D3: '0.5' is not a duration (left out)"* ]]
}

@test "import: Japanese headers, values from the response text, Japanese statuses" {
	book japanese j.xlsx
	ftr import j.xlsx -w evidence
	[ "$status" -eq 0 ]
	grep -q '<objective disruption="az" rpo="0分" rto="15分"' evidence/assessment.xml
	grep -q '<objective disruption="instance" rpo="1時間" rto="4時間"' evidence/assessment.xml
	grep -q '<control ref="DR-001" status="met">' evidence/assessment.xml
	grep -q '<notes>コンポーネントごとに定義</notes>' evidence/assessment.xml
	grep -q '<control ref="DR-002" status="not-met">' evidence/assessment.xml
	grep -q '<control ref="DR-007" status="not-applicable">' evidence/assessment.xml
	ftr assess --as-of "$AS_OF"
	[ "$(sqlite3 reports/results.sqlite "SELECT rpo_seconds || ' ' || rto_seconds FROM objectives WHERE component='web' AND disruption='instance'")" = "3600 14400" ]
}

@test "import: an unknown control and a status that is no status are listed, the rest set" {
	book statuses s.xlsx
	ftr import s.xlsx -w evidence
	[ "$status" -eq 1 ]
	[[ "$output" == *"sheet 'Resiliency' cell A5: 'XX-999' names no control of questionnaire ftr-dr (left out)"* ]]
	[[ "$output" == *"sheet 'Resiliency' cell B4: 'Partially' is not a status (met, not met, n/a) (left out)"* ]]
	[[ "$output" == *"sheet 'Resiliency' cell D6: '4h' has no component on its row (left out)"* ]]
	[[ "$output" == *"controls: 2 statuses, 2 notes set"* ]]
	grep -q '<control ref="DR-002" status="not-applicable">' evidence/assessment.xml
	grep -q '<notes>working on it</notes>' evidence/assessment.xml
	run grep -c 'XX-999' evidence/assessment.xml
	[ "$output" = 0 ]
}

@test "import: a workbook without a header row is exit 2, nothing written" {
	book noheader n.xlsx
	ftr import n.xlsx -w ws
	[ "$status" -eq 2 ]
	[[ "$output" == "ftrkit: n.xlsx: no sheet has a header row"* ]]
	[ "${#lines[@]}" -eq 1 ]
	[ ! -e ws ]
	cp evidence/assessment.xml before.xml
	ftr import n.xlsx -w evidence
	[ "$status" -eq 2 ]
	cmp before.xml evidence/assessment.xml
}

@test "import: an unreadable workbook is exit 2, nothing written" {
	head -c 3000 "$SAMPLE_XLSX" > cut.xlsx
	ftr import cut.xlsx -w ws
	[ "$status" -eq 2 ]
	[[ "$output" == "ftrkit: cut.xlsx"* ]]
	[ "${#lines[@]}" -eq 1 ]
	[ ! -e ws ]
	ftr import missing.xlsx -w ws
	[ "$status" -eq 2 ]
	[[ "$output" == *"ftrkit: missing.xlsx: cannot open"* ]]
	ftr import "$REPO/tests/fixtures/xlsx/doctype.xlsx" -w ws
	[ "$status" -eq 2 ]
	[ ! -e ws ]
}

@test "import: a malformed assessment.xml is exit 2 and stays untouched" {
	printf '<assessment><product name="x"/>\n<components>\n' > evidence/assessment.xml
	cp evidence/assessment.xml before.xml
	ftr import "$SAMPLE_XLSX" -w evidence
	[ "$status" -eq 2 ]
	[[ "$output" == "ftrkit: evidence/assessment.xml"* ]]
	[ "${#lines[@]}" -eq 1 ]
	cmp before.xml evidence/assessment.xml
	assert_no_temp_files evidence
}

@test "import: a read-only workspace is exit 2, nothing written" {
	cp evidence/assessment.xml before.xml
	if [ "$(id -u)" = 0 ]; then
		command -v setpriv >/dev/null || skip "root and no setpriv to drop privileges"
		chmod 755 "$SCRATCH"; chmod -R go+rX "$SCRATCH"; chmod 755 evidence
		setpriv --reuid=nobody --regid=nogroup --clear-groups "$FTRKIT" --version >/dev/null 2>&1 ||
			skip "machine: user nobody cannot run $FTRKIT here"
		run setpriv --reuid=nobody --regid=nogroup --clear-groups "$FTRKIT" import "$SAMPLE_XLSX" -w evidence
	else
		chmod 555 evidence
		run "$FTRKIT" import "$SAMPLE_XLSX" -w evidence
		chmod 755 evidence
	fi
	[ "$status" -eq 2 ]
	[[ "$output" == *"ftrkit: evidence/"* ]]
	[ "${#lines[@]}" -eq 1 ]
	cmp before.xml evidence/assessment.xml
	assert_no_temp_files evidence
}

@test "import: starting never overwrites a file that is already there" {
	mkdir -p ws/runbooks
	echo "my runbook" > ws/runbooks/runbook-template.md
	ftr import "$SAMPLE_XLSX" -w ws
	[ "$status" -eq 1 ]
	[ "$(cat ws/runbooks/runbook-template.md)" = "my runbook" ]
	[ -f ws/assessment.xml ]
}

@test "import: --help, and exactly one workbook" {
	ftr import --help
	[ "$status" -eq 0 ]
	[[ "$output" == "usage: ftrkit import WORKBOOK [-w DIR]"* ]]
	ftr import
	[ "$status" -eq 2 ]
	ftr import a.xlsx b.xlsx
	[ "$status" -eq 2 ]
}

@test "import: a hostile workbook of thousands of new components and disruptions is capped and listed" {
	book many m.xlsx
	ftr import m.xlsx -w evidence
	[ "$status" -eq 1 ]
	[[ "$output" == *"components added: 1000 (1000 critical by default)"* ]]
	[[ "$output" == *"sheet 'Resiliency' cell A1002: 'c1000' would be component number 1001 added by this import; at most 1000 are (left out)"* ]]
	[[ "$output" == *"would be objective number 5001 added by this import; at most 5000 are (left out)"* ]]
	[[ "$output" == *"2200 cells could not be read and were left out"* ]]
	[ "$(grep -c '<component ' evidence/assessment.xml)" = 1005 ]
	# what was added is a valid assessment that assess reads
	ftr assess --as-of "$AS_OF" -o out --format json
	[ "$status" -eq 0 ]
	[ "$(sqlite3 out/results.sqlite 'SELECT count(*) FROM objectives')" = 5009 ]
}

@test "import: a Components sheet gives added components their name, criticality and resources" {
	book components c.xlsx
	ftr import c.xlsx -w evidence
	[ "$status" -eq 1 ]
	grep -q '<component id="queue" name="Message queue" criticality="non-critical">' evidence/assessment.xml
	grep -q '<resource>arn:aws:sqs:ap-northeast-1:1:dlq</resource>' evidence/assessment.xml
	grep -q '<objective disruption="az" rpo="0m" rto="10m"/>' evidence/assessment.xml
	# an unreadable criticality is listed and the component added as critical, said so
	[[ "$output" == *"sheet 'Components' cell C3: 'medium' is not critical or non-critical (left out)"* ]]
	grep -q '<component id="cache" name="Cache" criticality="critical">' evidence/assessment.xml
	[[ "$output" == *"the workbook gives no criticality for cache: added as critical"* ]]
	# a status on a component row answers no control
	[[ "$output" == *"sheet 'Resiliency' cell E3: 'Met' is a status on a component row, which answers no control (left out)"* ]]
	ftr assess --as-of "$AS_OF" -o out
	[ "$(sqlite3 out/results.sqlite "SELECT criticality FROM components WHERE id='queue'")" = non-critical ]
}
