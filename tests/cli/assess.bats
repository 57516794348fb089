#!/usr/bin/env bats
# ftrkit assess: the sample passes, the failing workspace shows findings,
# and every bad input is exit 2 with one line naming the file.

load helpers

setup() { setup_scratch; }
teardown() { teardown_scratch; }

@test "sample workspace: every control met, exit 0, reports written" {
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	[[ "$output" == *"9 controls: 9 met, 0 not met"* ]]
	[ -s reports/results.sqlite ]
	[ -s reports/report.json ]
	assert_no_temp_files
}

@test "results database answers with sqlite3" {
	ftr assess --as-of "$AS_OF"
	[ "$(sqlite3 reports/results.sqlite "SELECT overall FROM run")" = met ]
	[ "$(sqlite3 reports/results.sqlite "SELECT count(*) FROM controls WHERE verdict='met'")" = 9 ]
	[ "$(sqlite3 reports/results.sqlite "SELECT sha256 FROM evidence WHERE path='assessment.xml'")" = \
	  "$(sha256sum evidence/assessment.xml | cut -d' ' -f1)" ]
	# every finding that names a file names an inventoried one
	[ "$(sqlite3 reports/results.sqlite "SELECT count(*) FROM findings f WHERE file IS NOT NULL AND file NOT IN (SELECT path FROM evidence)")" = 0 ]
}

@test "report.json is valid JSON generated from the database" {
	ftr assess --as-of "$AS_OF"
	python3 -c 'import json,sys; d=json.load(open("reports/report.json")); assert d["overall"]=="met"; assert len(d["controls"])==9; assert d["controls"][0]["id"]=="DR-001"; assert d["as_of"]=="2026-11-25"'
}

@test "same inputs and --as-of give byte-identical reports" {
	ftr assess --as-of "$AS_OF"
	cp reports/report.json first.json
	cp reports/results.sqlite first.sqlite
	TZ=America/New_York LANG=ja_JP.UTF-8 "$FTRKIT" assess --as-of "$AS_OF" >/dev/null
	cmp first.json reports/report.json
	cmp first.sqlite reports/results.sqlite
}

@test "failing workspace: exit 1 and the findings say why" {
	cp -r "$REPO/tests/workspaces/failing" ws
	ftr assess -w ws --as-of "$AS_OF" -o out
	[ "$status" -eq 1 ]
	[[ "$output" == *"DR-004   not met"* ]]
	[[ "$output" == *"RTO 36 h exceeds the 24 h ceiling"* ]]
	[[ "$output" == *"DR-001   not met"* ]]
	[[ "$output" == *"RPO not stated"* ]]
	[ "$(sqlite3 out/results.sqlite "SELECT line FROM findings WHERE control_id='DR-005' AND status='not-met'")" -gt 0 ]
}

@test "--quiet prints nothing, exit code still tells" {
	cp -r "$REPO/tests/workspaces/failing" ws
	ftr assess -w ws --as-of "$AS_OF" --quiet
	[ "$status" -eq 1 ]
	[ -z "$output" ]
}

@test "colour only on a terminal: piped output has no escape codes" {
	ftr assess --as-of "$AS_OF"
	! printf '%s' "$output" | grep -q $'\033'
}

@test "unknown duration: exit 2, file, line and the text quoted; nothing written" {
	sed -i 's/rto="15m"/rto="15 parsecs"/' evidence/assessment.xml
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	[[ "$output" == "ftrkit: evidence/assessment.xml:"[0-9]*": rto '15 parsecs': unknown unit" ]]
	[ ! -e reports ]
}

@test "malformed XML: exit 2 with file and line" {
	printf '<assessment>\n<product name="x">\n</assessment>\n' > evidence/assessment.xml
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	[[ "$output" == "ftrkit: evidence/assessment.xml:3: "* ]]
	[ "${#lines[@]}" -eq 1 ]
}

@test "schema-invalid assessment: exit 2 naming the element" {
	sed -i 's/criticality="critical"/criticality="vital"/' evidence/assessment.xml
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	[[ "$output" == "ftrkit: evidence/assessment.xml:"[0-9]*": "*"criticality"* ]]
}

@test "missing evidence file: exit 2 naming the reference" {
	rm evidence/drills/2026-09-16-db-az-failover.md
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	[[ "$output" == *"evidence/assessment.xml:"[0-9]*": evidence file 'drills/2026-09-16-db-az-failover.md' not found"* ]]
}

@test "reference with .. or an absolute path: exit 2" {
	sed -i 's|<drill-log>drills/2026-09-16|<drill-log>../drills/2026-09-16|' evidence/assessment.xml
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	[[ "$output" == *"'..' leaves the workspace"* ]]
	cp "$REPO/evidence/assessment.xml" evidence/assessment.xml
	sed -i 's|<drill-log>drills/2026-09-16|<drill-log>/etc/passwd</drill-log><drill-log>drills/2026-09-16|' evidence/assessment.xml
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	[[ "$output" == *"absolute path"* ]]
}

@test "symlink leaving the workspace: exit 2" {
	ln -s /etc/hostname evidence/drills/escape.log
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	[[ "$output" == *"evidence/drills/escape.log: symbolic link points outside the workspace"* ]]
}

@test "DOCTYPE with entities is refused (no XXE)" {
	cat > evidence/assessment.xml <<'XML'
<?xml version="1.0"?>
<!DOCTYPE assessment [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>
<assessment><product name="&x;"/></assessment>
XML
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	[[ "$output" == *"DOCTYPE declarations are not allowed"* ]]
}

@test "previous reports survive a failed run" {
	ftr assess --as-of "$AS_OF"
	cp reports/report.json before.json
	sed -i 's/rpo="1h"/rpo="one hour-ish"/' evidence/assessment.xml
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	cmp before.json reports/report.json
	assert_no_temp_files
}

@test "bad options: exit 2" {
	ftr assess --as-of 2026-02-30
	[ "$status" -eq 2 ]
	[[ "$output" == *"--as-of '2026-02-30'"* ]]
	ftr assess --format pdf
	[ "$status" -eq 2 ]
	ftr assess --bogus
	[ "$status" -eq 2 ]
	ftr frobnicate
	[ "$status" -eq 2 ]
}

@test "custom questionnaire with an unknown check: exit 2 naming its line" {
	sed 's/name="rto-ceiling"/name="rto-wishful"/' questionnaires/ftr-dr.xml > custom.xml
	ftr assess -q custom.xml --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	[[ "$output" == "ftrkit: custom.xml:"[0-9]*": control DR-004: unknown check 'rto-wishful'" ]]
}

@test "the RTO ceiling is questionnaire data: a 1-hour ceiling fails the sample" {
	sed 's/value="PT24H"/value="PT1H"/' questionnaires/ftr-dr.xml > strict.xml
	ftr assess -q strict.xml --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	[[ "$output" == *"RTO 2 h exceeds the 1 h ceiling"* ]]
}

@test "the current-numbering catalog answers from the same assessment" {
	ftr assess -q questionnaires/ftr-current.xml --as-of "$AS_OF" -v
	[[ "$output" == *"RES-001"* ]]
	[[ "$output" == *"BAR-002"* ]]
	# RES-005..007 need a person or evidence
	[[ "$output" == *"RES-005"* ]]
}

@test "--help and --version" {
	ftr --help
	[ "$status" -eq 0 ]
	[[ "$output" == *"assess"* ]]
	ftr --version
	[[ "$output" == "ftrkit "[0-9]* ]]
}

@test "colour on a terminal, none with NO_COLOR or --no-color" {
	command -v script >/dev/null || skip "script(1) not installed"
	script -qec "$FTRKIT assess --as-of $AS_OF" /dev/null > tty.out
	grep -q $'\033\[32m' tty.out
	NO_COLOR=1 script -qec "$FTRKIT assess --as-of $AS_OF" /dev/null > tty.out
	grep -q 'DR-001' tty.out
	[ "$(grep -c $'\033\[' tty.out)" = 0 ]
	script -qec "$FTRKIT assess --as-of $AS_OF --no-color" /dev/null > tty.out
	grep -q 'DR-001' tty.out
	[ "$(grep -c $'\033\[' tty.out)" = 0 ]
}
